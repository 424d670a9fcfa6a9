"""The per-outlet comparisons, per group of outlets: distinctive terms, tone, tone toward each
person, share of voice and shared copy, each computed by the per-outlet function itself on
tables whose ``outlet`` is the group (``as_groups``), then keyed by ``group`` (``group_table``).

Shared copy is the exception that proves the rule: a character is shared when another
*outlet's* article has it (``wire_share``), whatever the groups, so the group figures pool
the outlets' characters instead of redefining what counts as copy.
"""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from ..overlap import VERIFIED
from ..quotes import affiliation_shares
from ..sentiment import outlet_sentiment, target_actor_sentiment
from ..terms import distinctive_terms, term_counts, top_distinctive, word_totals
from .grouping import Grouping, as_groups, group_table

COPY_COUNTS = ["n_chars", "n_chars_shared", "n_chars_wire", "n_chars_shared_quotes", "n_sentences",
               "n_sentences_shared"]
COPY_COLUMNS = ["group_by", "group", "n_outlets", "n_articles", "n_chars", "n_chars_shared", "share_shared",
                "n_chars_wire", "share_wire", "n_chars_shared_quotes", "share_shared_quotes", "n_sentences",
                "n_sentences_shared", "small_group"]
BETWEEN_COLUMNS = ["group_by", "group_a", "group_b", "n_passages", "n_quotation_passages", "n_article_pairs"]


class GroupTerms(NamedTuple):
    """``terms_by_group``'s tables, each keyed by ``group`` with a ``group_by`` column."""

    totals: pd.DataFrame  # word_totals: n_articles, n_words, n_terms per group
    counts: pd.DataFrame  # term_counts per group
    distinctive: pd.DataFrame  # distinctive_terms: each group against the other groups
    top: pd.DataFrame  # top_distinctive: each group's top_n


def terms_by_group(sentences: pd.DataFrame, tokens: pd.DataFrame, occurrences: pd.DataFrame,
                   grouping: Grouping, *, prior_strength: float | None = None, top_n: int = 8,
                   periods: pd.DataFrame | None = None) -> GroupTerms:
    """Term counts and distinctive terms per group: each group's words pooled, scored against
    all other groups together (the way quanteda's ``textstat_keyness`` sets a target against
    a reference), by ``word_totals``, ``term_counts``, ``distinctive_terms`` unchanged.

    A group's counts are the sums of its outlets' counts, and its word totals the sums of
    theirs. ``prior_strength`` None: a prior worth one average group's text.
    """
    sent, occ = as_groups(sentences, grouping), as_groups(occurrences, grouping)
    totals = word_totals(tokens, sent, occ)
    counts = term_counts(occ, totals)
    distinctive = distinctive_terms(counts, totals, prior_strength=prior_strength)
    top = top_distinctive(distinctive, top_n=top_n, periods=None if periods is None else as_groups(periods, grouping))
    return GroupTerms(*(group_table(t, grouping) for t in (totals, counts, distinctive, top)))


def tone_by_group(scored: pd.DataFrame, periods: pd.DataFrame, grouping: Grouping) -> pd.DataFrame:
    """Mean sentence tone per group (``outlet_sentiment`` on the groups' pooled sentences:
    the mean of all their sentences, the interval resampling articles, then sentences)."""
    return group_table(outlet_sentiment(as_groups(scored, grouping), as_groups(periods, grouping)), grouping)


def target_tone_by_group(labelled: pd.DataFrame, actors: pd.DataFrame, periods: pd.DataFrame,
                         grouping: Grouping) -> pd.DataFrame:
    """Tone toward each person per group (``target_actor_sentiment`` on the groups' pooled
    mentions; ``too_few``: under ``MIN_MENTIONS_TO_COMPARE`` mentions, as per outlet)."""
    return group_table(target_actor_sentiment(as_groups(labelled, grouping), actors, as_groups(periods, grouping)),
                       grouping)


def voices_by_group(quotes: pd.DataFrame, periods: pd.DataFrame | None, grouping: Grouping) -> pd.DataFrame:
    """Share of voice per group: each side's share of the group's quoted words
    (``affiliation_shares`` on the groups' pooled quotations)."""
    shares = affiliation_shares(as_groups(quotes, grouping), None if periods is None else as_groups(periods, grouping))
    return group_table(shares, grouping)


def shared_copy_by_group(wire: pd.DataFrame, grouping: Grouping) -> pd.DataFrame:
    """Shared copy per group: its articles' characters shared with another outlet, pooled.

    Returns
    -------
    DataFrame
        ``COPY_COLUMNS``: the sums of ``wire_share``'s counts over the group's articles, and
        each ``share_*`` = its count / ``n_chars`` (all the group's characters), 0-1.
    """
    if wire.empty:
        return pd.DataFrame(columns=COPY_COLUMNS)
    pooled = wire.assign(outlet_name=wire["outlet"])
    pooled = as_groups(pooled, grouping).groupby("outlet", sort=True)
    out = pooled[COPY_COUNTS].sum()
    out.insert(0, "n_outlets", pooled["outlet_name"].nunique())
    out.insert(1, "n_articles", pooled["article_id"].nunique())
    denominator = out["n_chars"].clip(lower=1)  # a group of empty bodies shares nothing: 0 / 1
    for part in ("shared", "wire", "shared_quotes"):
        out[f"share_{part}"] = out[f"n_chars_{part}"] / denominator
    return group_table(out.reset_index(), grouping)[COPY_COLUMNS]


def copy_between_groups(passages: pd.DataFrame, grouping: Grouping) -> pd.DataFrame:
    """Verified shared passages between two outlets, counted by the pair of their groups.

    Returns
    -------
    DataFrame
        ``BETWEEN_COLUMNS``, one row per pair of groups (``group_a`` <= ``group_b``; equal
        for copy within a group) with at least one passage: ``n_passages``,
        ``n_quotation_passages`` (the same person's words, ``label_quotations``) and
        ``n_article_pairs``; most passages first.
    """
    kept = passages[(passages["tier"] == VERIFIED) & ~passages["same_outlet"].astype(bool)]
    if kept.empty:
        return pd.DataFrame(columns=BETWEEN_COLUMNS)
    mapping = grouping.outlet_group()
    ga, gb = kept["outlet_a"].astype(str).map(mapping), kept["outlet_b"].astype(str).map(mapping)
    first = ga.where(ga <= gb, gb)
    second = gb.where(ga <= gb, ga)
    quotation = kept["quotation"] if "quotation" in kept.columns else pd.Series(False, index=kept.index)
    pairs = kept["article_id_a"].astype(str) + "|" + kept["article_id_b"].astype(str)
    table = pd.DataFrame({"group_a": first, "group_b": second, "quotation": quotation.astype(bool), "pair": pairs})
    out = table.groupby(["group_a", "group_b"]).agg(n_passages=("pair", "size"), n_quotation_passages=(
        "quotation", "sum"), n_article_pairs=("pair", "nunique")).reset_index()
    out.insert(0, "group_by", grouping.by)
    out = out.sort_values(["n_passages", "group_a", "group_b"], ascending=[False, True, True], kind="stable")
    return out[BETWEEN_COLUMNS].reset_index(drop=True)
