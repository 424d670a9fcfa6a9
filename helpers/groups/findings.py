"""The sentences under each group table: what the groups are (by which column, how many
articles each), what the comparison shows, and which groups are too small to compare, all
from the same tables and constants as the computation."""

from __future__ import annotations

import pandas as pd

from ..sentiment import CONFIDENCE, MIN_MENTIONS_TO_COMPARE, intervals_overlap
from ..terms import FDR_LEVEL, MIN_TEST_COUNT
from ..wording import join_names, plural
from .grouping import Grouping, compared_groups, too_few_sentence

TERMS_NAMED = 3  # distinctive terms named per group in the sentence (the table shows top_n)


def _one_group(grouping: Grouping) -> str | None:
    """The sentence for a grouping with fewer than two groups, else None."""
    groups = grouping.articles["group"].unique()
    if len(groups) >= 2:
        return None
    which = f"the one group {groups[0]!r}" if len(groups) else "no group"
    return f"Every article is in {which} by {grouping.by}, so there is no other group to compare it with."


def terms_group_note(top: pd.DataFrame, distinctive: pd.DataFrame, totals: pd.DataFrame,
                     grouping: Grouping) -> str:
    """Each compared group's most distinctive terms against the other groups, with its words."""
    single = _one_group(grouping)
    if single:
        return single
    words = totals.set_index("group")["n_words"]
    parts = []
    for group in compared_groups(grouping):
        rows = top[top["group"] == group].sort_values("rank").head(TERMS_NAMED)
        terms = join_names([f"{r.term} (z {r.z:.1f})" for r in rows.itertuples(index=False)]) or "no tested term"
        parts.append(f"{group} ({plural(int(words.get(group, 0)), 'word')}): {terms}")
    tested = distinctive[distinctive["tested"].astype(bool)] if "tested" in distinctive else distinctive.iloc[:0]
    n_sig = int(tested["significant"].astype(bool).sum())
    listed = "; ".join(parts) if parts else "no group is large enough to compare"
    return (f"Grouped by {grouping.by}, each group's words against all the other groups' together: {listed}. "
            f"{n_sig} of {plural(len(tested), 'tested group-term pair')} (terms used at least {MIN_TEST_COUNT} "
            f"times) pass the Benjamini-Hochberg correction at a {FDR_LEVEL:.0%} false discovery rate."
            + too_few_sentence(grouping))


def tone_group_note(tone: pd.DataFrame, grouping: Grouping) -> str:
    """Each compared group's mean sentence tone with its interval and n, and which pairs of
    groups have intervals clear of each other."""
    single = _one_group(grouping)
    if single:
        return single
    rows = tone.set_index("group")
    compared = [g for g in compared_groups(grouping) if g in rows.index]
    means = join_names([f"{g} {rows.at[g, 'mean_compound']:+.2f} ({_interval(rows, g)}; "
                        f"{plural(int(rows.at[g, 'n_sentences']), 'sentence')} in "
                        f"{plural(int(rows.at[g, 'n_articles']), 'article')})" for g in compared])
    clear = [f"{a} and {b}" for i, a in enumerate(compared) for b in compared[i + 1:]
             if intervals_overlap(_bounds(rows, a), _bounds(rows, b)) is False]
    if len(compared) < 2:
        verdict = "fewer than two groups are large enough to compare."
    elif clear:
        n_pairs = len(compared) * (len(compared) - 1) // 2
        rest = "" if len(clear) == n_pairs else "; the other pairs' do, or cannot be compared"
        verdict = f"the intervals of {join_names(clear)} do not overlap{rest}."
    else:
        verdict = "no two groups' intervals are clear of each other, so the groups are not shown to differ."
    return (f"Mean sentence tone by {grouping.by} ({CONFIDENCE:.0%} bootstrap intervals): {means or 'none'}; {verdict}"
            + too_few_sentence(grouping))


def _bounds(rows: pd.DataFrame, group: str) -> tuple[float, float]:
    return float(rows.at[group, "ci_low"]), float(rows.at[group, "ci_high"])


def _interval(rows: pd.DataFrame, group: str) -> str:
    low, high = _bounds(rows, group)
    return "no interval" if pd.isna(low) or pd.isna(high) else f"{low:+.2f} to {high:+.2f}"


def target_group_note(target: pd.DataFrame, grouping: Grouping) -> str:
    """How many person-group cells rest on enough mentions (and a large enough group) to compare."""
    single = _one_group(grouping)
    if single:
        return single
    if target.empty:
        return (f"No person from the actors table is mentioned, so there is no tone toward a person "
                f"to compare by {grouping.by}.")
    usable = target[~target["too_few"].astype(bool) & ~target["small_group"].astype(bool)]
    text = (f"Tone toward a person by {grouping.by}: {len(usable)} of {plural(len(target), 'person-group cell')} "
            f"rest on at least {MIN_MENTIONS_TO_COMPARE} mentions in a group large enough to compare")
    if usable.empty:
        return text + "." + too_few_sentence(grouping)
    most = int(usable["n_mentions"].max())
    tied = usable[usable["n_mentions"] == most].sort_values(["actor", "group"])  # a tie: every cell named
    cells = join_names([f"{r.actor} in {r.group} (net tone {r.net_tone:+.2f})" for r in tied.itertuples(index=False)])
    which = "the most mentioned is" if len(tied) == 1 else f"{plural(len(tied), 'cell')} tie as the most mentioned:"
    each = "" if len(tied) == 1 else " each"
    return (text + f"; {which} {cells}, with {plural(most, 'mention')}{each}." + too_few_sentence(grouping))


def voices_group_note(voices: pd.DataFrame, grouping: Grouping) -> str:
    """Each compared group's quoted words and the side with the largest share of them."""
    single = _one_group(grouping)
    if single:
        return single
    parts = []
    for group in compared_groups(grouping):
        rows = voices[voices["group"] == group]
        if rows.empty:
            parts.append(f"{group}: no quotation")
            continue
        shown = rows["pct_words"].round(0)  # ties as printed: every tied side named, none picked
        sides = join_names(sorted(rows.loc[shown == shown.max(), "affiliation"].astype(str)))
        words = plural(int(rows["n_words"].sum()), "quoted word")
        each = " each" if (shown == shown.max()).sum() > 1 else ""
        parts.append(f"{group}: {words}, the most ({shown.max():.0f}%{each}) from {sides}")
    listed = "; ".join(parts) if parts else "no group is large enough to compare"
    return (f"Share of voice by {grouping.by} (quoted words by the speaker's side): {listed}."
            + too_few_sentence(grouping))


def copy_group_note(copy: pd.DataFrame, between: pd.DataFrame, grouping: Grouping) -> str:
    """Each compared group's share of characters shared with another outlet, and how many
    verified passages link outlets within one group and across two."""
    single = _one_group(grouping)
    if single:
        return single
    rows = copy.set_index("group")
    shares = join_names([f"{g} {rows.at[g, 'share_shared']:.0%} of {plural(int(rows.at[g, 'n_chars']), 'character')} "
                         f"({rows.at[g, 'share_wire']:.0%} wire copy)" for g in compared_groups(grouping)
                         if g in rows.index])
    within = int(between.loc[between["group_a"] == between["group_b"], "n_passages"].sum())
    across = int(between["n_passages"].sum()) - within
    return (f"Shared copy by {grouping.by} (characters shared with another outlet's article): {shares or 'none'}. "
            f"{plural(within, 'verified shared passage')} link two outlets of one group, {across} two groups."
            + too_few_sentence(grouping))
