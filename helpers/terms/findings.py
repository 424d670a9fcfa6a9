"""The findings' sentences of 02_terms.

Every number comes from the tables, every threshold from the constant the computation
uses (``FDR_LEVEL``, ``MIN_TEST_COUNT``, ``Z_CRITICAL``, ``PER_WORDS``, ``FRAMING_FILE``).
"""

from __future__ import annotations

import pandas as pd

from ..wording import plural
from .counting import PER_WORDS
from .framing import FRAMING_FILE
from .keyness import (
    FDR_LEVEL,
    MIN_TEST_COUNT,
    Z_CRITICAL,
    prior_sensitivity,
    shared_word_weight,
)
from .tables import shared_sentences

MAX_FINDING_OUTLETS = 5  # outlets named in the one-line finding (the index shows 600 characters)
MAX_FINDING_GROUPS = 3  # framing groups named in the one-line finding


def _test_rule() -> str:
    """How the pairs are tested, in words, from the constants the test uses."""
    return (f"a Benjamini-Hochberg correction at a {FDR_LEVEL:.0%} false discovery rate")


def _tested_what() -> str:
    return (f"terms used at least {MIN_TEST_COUNT} times in the corpus, calendar and "
            "function words aside")


def _passing(n_sig: int, n_pairs: int) -> str:
    """``"No outlet-term pair passes ..."``, ``"1 of 528 outlet-term pairs tested passes ..."``."""
    if not n_sig:
        return f"No outlet-term pair passes {_test_rule()}"
    verb = "passes" if n_sig == 1 else "pass"
    return f"{n_sig:,} of the {plural(n_pairs, 'outlet-term pair')} tested {verb} {_test_rule()}"


def _counts(distinctive: pd.DataFrame) -> tuple[pd.DataFrame, int, int]:
    """The pairs that pass (z > 0: used more by the outlet), pairs tested, and pairs past
    ``Z_CRITICAL`` (z > 0) before any correction, among all pairs."""
    if distinctive.empty:
        return distinctive, 0, 0
    tested = distinctive["tested"].astype(bool)
    passing = distinctive[distinctive["significant"].astype(bool) & (distinctive["z"] > 0)]
    return passing, int(tested.sum()), int((distinctive["z"] > Z_CRITICAL).sum())


def _word_list(rows: pd.DataFrame) -> str:
    """``"Washington Free Beacon 'concessions' (z = 2.6); ..."``, strongest first, at most
    ``MAX_FINDING_OUTLETS`` named, ties by outlet then word."""
    rows = rows.sort_values(["z", "outlet", "label"], ascending=[False, True, True],
                            kind="stable")
    parts = [f"{r.outlet} \u2018{r.label}\u2019 (z = {r.z:.1f})"
             for r in rows.head(MAX_FINDING_OUTLETS).itertuples()]
    if len(rows) > MAX_FINDING_OUTLETS:
        parts.append(_more_in_table(rows["z"], MAX_FINDING_OUTLETS))
    return "; ".join(parts)


def _more_in_table(z: pd.Series, shown: int) -> str:
    """``"3 more in the table"`` after the first ``shown`` of ``z`` (strongest first), saying
    how many of them tie, as printed, with the last one named: a cut the names settled."""
    hidden = z.iloc[shown:]
    tied = int((hidden.map(lambda v: f"{v:.1f}") == f"{z.iloc[shown - 1]:.1f}").sum())
    count = "" if tied == len(hidden) == 1 else "all " if tied == len(hidden) else f"{tied} of them "
    tie = f", {count}also at z = {z.iloc[shown - 1]:.1f}" if tied else ""
    return f"{len(hidden):,} more in the table{tie}"


def single_outlet_note(totals: pd.DataFrame) -> str | None:
    """The sentence that replaces a comparison when the corpus has only one outlet, else None."""
    if totals["outlet"].nunique() >= 2:
        return None
    if totals.empty:
        return "This corpus has no words to count, so no word can set an outlet apart."
    name = totals["outlet"].iloc[0]
    return (
        f"This corpus has only one outlet ({name}), so no word can set an outlet apart: "
        "distinctive terms compare each outlet with the others and are undefined here. "
        f"The counts per {PER_WORDS:,} words still describe its vocabulary."
    )


def _ambiguous_beside(n: int, n_ambiguous: int) -> str:
    """``"; 4 of 13 uses ambiguous"`` beside a framing count, or nothing."""
    if not n_ambiguous:
        return ""
    if n_ambiguous == n:
        return f"; all {plural(n, 'use')} ambiguous" if n > 1 else "; its 1 use ambiguous"
    return f"; {n_ambiguous} of {plural(n, 'use')} ambiguous"


def _standout_framing(framing_z: pd.DataFrame) -> str:
    """The framing groups that pass the correction above the other outlets, strongest first."""
    if not (len(framing_z) and framing_z["z"].notna().any()):
        return ""
    above = framing_z["significant"].fillna(False).astype(bool) & (framing_z["z"] > 0)
    standout = framing_z[above].sort_values(["z", "group", "outlet"],
                                            ascending=[False, True, True], kind="stable")
    if not len(standout):
        return ""
    listing = ", ".join(
        f"{r.group} in {r.outlet} (z = {r.z:.1f}{_ambiguous_beside(r.n, r.n_ambiguous)})"
        for r in standout.head(MAX_FINDING_GROUPS).itertuples())
    if len(standout) > MAX_FINDING_GROUPS:
        listing += f" and {_more_in_table(standout['z'], MAX_FINDING_GROUPS)}"
    return ("Framing vocabulary that stands out against the other outlets (weighted "
            f"log-odds, Benjamini-Hochberg corrected): {listing}. ")


def terms_finding(distinctive: pd.DataFrame, framing_z: pd.DataFrame, totals: pd.DataFrame,
                  periods: pd.DataFrame | None = None) -> str:
    """The notebook's one-line finding, every number computed from the tables: the framing
    groups that stand out, and how many outlet-term pairs pass the correction (which,
    or, when none do, that none do and the highest-scoring words as leads)."""
    single = single_outlet_note(totals)
    if single:
        return single
    text = _standout_framing(framing_z)
    passing, n_tested, _ = _counts(distinctive)
    words = plural(int(totals["n_words"].sum()), "word")
    if not n_tested:
        return text + (f"No term is used at least {MIN_TEST_COUNT} times in the {words}, so "
                       "no outlet-term pair can be tested: no word sets an outlet apart.")
    text += f"{_passing(len(passing), n_tested)} on {words}"
    if len(passing):
        text += f": {_word_list(passing)}."
        n_moments = (0 if periods is None else
                     periods.loc[periods["period"] > 0, "period"].nunique())
        if n_moments > 1:
            text += (f" The articles come from {n_moments} separate moments: partly the "
                     "news of each moment.")
        return text
    best = distinctive[(distinctive["rank"] == 1).fillna(False) & (distinctive["z"] > 0)]
    text += ": no word sets an outlet apart beyond chance in this corpus."
    if len(best):
        text += f" Highest-scoring words, as leads to check only: {_word_list(best)}."
    return text


def distinctive_note(distinctive: pd.DataFrame, totals: pd.DataFrame) -> str:
    """What the distinctive-terms table shows, in numbers: pairs tested, passing after the
    correction per outlet, and passing z = ``Z_CRITICAL`` before it."""
    single = single_outlet_note(totals)
    if single:
        return single
    passing, n_tested, n_raw = _counts(distinctive)
    before = (f"Before the correction, {n_raw:,} of all {plural(len(distinctive), 'pair')} "
              f"passed z > {Z_CRITICAL} (uncorrected).")
    if not n_tested:
        return (f"No outlet-term pair is tested: no term is used at least {MIN_TEST_COUNT} "
                "times in the corpus.")
    per_outlet = passing.groupby("outlet").size().reindex(sorted(totals["outlet"]),
                                                          fill_value=0)
    listing = ", ".join(f"{o} {n}" for o, n in per_outlet.items())
    what = f"Tested: {_tested_what()} ({n_tested:,} of {len(distinctive):,} pairs)."
    if passing.empty:
        return (f"{_passing(0, n_tested)}: no word sets an outlet apart beyond chance in this "
                f"corpus. {what} {before}")
    return (f"{_passing(len(passing), n_tested)} as used more by one outlet ({listing}). "
            f"{what} {before} Read them as leads to check in the sentences, not as proof.")


def _framing_differences(framing_scores_table: pd.DataFrame) -> str:
    """The framing groups whose use in one outlet differs from the others after the correction."""
    table = framing_scores_table
    sig = table[table["significant"].fillna(False).astype(bool)]
    if not len(sig):
        return (f" No group's use in one outlet differs from the others after {_test_rule()} "
                f"(groups used at least {MIN_TEST_COUNT} times tested).")
    sig = sig.sort_values(["z", "group", "outlet"], ascending=[False, True, True], kind="stable")
    listing = "; ".join(
        f"{r.group} in {r.outlet} ({plural(r.n, 'use')}"
        f"{_ambiguous_beside(r.n, r.n_ambiguous).replace(';', ',')}, {r.per_1000:.1f} per "
        f"{PER_WORDS:,} words against {r.per_1000_rest:.1f} elsewhere, z = {r.z:+.1f})"
        for r in sig.itertuples())
    return (f" After {_test_rule()} (+: more than the other outlets, \u2212: less): "
            f"{listing}.")


def framing_note(framing_scores_table: pd.DataFrame, framing_terms: pd.DataFrame | None,
                 totals: pd.DataFrame) -> str:
    """What the framing table shows, or why there is none: uses counted, how many of them
    ambiguous, how many left out as another sense, and the groups that differ."""
    if framing_terms is None:
        return (f"This corpus has no {FRAMING_FILE}, so there is no framing vocabulary to count. "
                f"To add one, put a {FRAMING_FILE} with the columns group and term (one row per "
                "term) next to metadata.csv, or beside a table corpus named after it (export.csv: "
                "export.framing.csv); the sample corpus has one to copy.")
    if framing_scores_table.empty:
        return f"{FRAMING_FILE} lists no terms."
    table = framing_scores_table
    used = table.groupby("group", sort=False)["n"].sum()
    n_amb, n_other = int(table["n_ambiguous"].sum()), int(table["n_other_sense"].sum())
    unused = [g for g, n in used.items() if n == 0]
    text = (f"{plural(int(used.sum()), 'use')} of {plural(len(used), 'term group')} in "
            f"{plural(int(totals['n_words'].sum()), 'word')}")
    if n_amb:
        text += (f", of which {n_amb:,} {'is' if n_amb == 1 else 'are'} ambiguous (the cue "
                 "words leave the sense open: counted, and marked in the lines below)")
    text += "."
    if n_other:
        text += (f" {plural(n_other, 'use')} in another sense ({_other_groups(table)}) "
                 f"{'is' if n_other == 1 else 'are'} shown below but not counted.")
    if unused:
        text += f" Not used by any outlet: {', '.join(unused)}."
    single = single_outlet_note(totals)
    if single:
        return text + " " + single
    return text + _framing_differences(table)


def _other_groups(table: pd.DataFrame) -> str:
    """``"settlements 1, prisoners 2"``: uses in another sense per group, file order."""
    other = table.groupby("group", sort=False)["n_other_sense"].sum()
    return ", ".join(f"{g} {n}" for g, n in other.items() if n)


def tfidf_note(tfidf: pd.DataFrame, distinctive: pd.DataFrame, totals: pd.DataFrame, *,
               top_n: int) -> str:
    """How far TF-IDF's top terms agree with the log-odds' top terms, and why they differ."""
    single = single_outlet_note(totals)
    if single:
        return ("With one outlet every term has the same idf, so TF-IDF ranks terms by their "
                "count alone.")
    top_t = tfidf[tfidf["rank"] <= top_n].groupby("outlet")["term"].apply(set)
    top_d = distinctive[(distinctive["rank"] <= top_n).fillna(False)]
    top_d = top_d.groupby("outlet")["term"].apply(set)
    shared = sum(len(top_t[o] & top_d.get(o, set())) for o in top_t.index)
    total = sum(len(top_t[o]) for o in top_t.index)
    if not total:
        return "No outlet has a TF-IDF term, so there is nothing to compare with the log-odds terms."
    k = len(totals)
    keeps = shared_word_weight(k)
    if total == 1:
        some = f"The one top-{top_n} TF-IDF term is {'also' if shared else 'not'}"
    elif shared == total:
        some = f"All {total} top-{top_n} TF-IDF terms are also"
    else:
        some = (f"{shared} of the {total} top-{top_n} TF-IDF terms {'is' if shared == 1 else 'are'} also"
                if shared else f"None of the {total} top-{top_n} TF-IDF terms are")
    return (f"{some} among the outlets' "
            f"top-{top_n} log-odds terms. With {k} outlets, a word every outlet uses keeps "
            f"{keeps:.0%} of the weight of a word only one outlet uses, so frequent shared words "
            "(the story's names) rank high on TF-IDF; the log-odds compare each outlet's rate "
            "with the others' and weigh the evidence, so where the lists differ, trust the z.")


def periods_note(periods: pd.DataFrame) -> str:
    """Whether the outlets wrote at the same moment, for reading the comparisons."""
    if periods.empty:
        return "The corpus has no articles, so there is no moment to compare."
    dated = periods[periods["period"] > 0]
    moments = dated.groupby(["period", "period_label"])["outlet"].agg(
        lambda s: ", ".join(sorted(s.unique())))
    which = "The" if len(dated) == len(periods) else "The dated"
    if len(moments) > 1:
        listing = "; ".join(f"{label}: {outlets}" for (_, label), outlets in moments.items())
        return (f"{which} articles come from {len(moments)} separate moments ({listing}). A word can "
                "set an outlet apart because its articles covered different news, not because "
                "the outlet framed the same news differently.")
    if len(moments) == 1:
        so = (", so the outlets are compared on the same news" if periods["outlet"].nunique() > 1
              else "; there is only one outlet, so nothing is compared")
        return f"All dated articles come from one moment ({moments.index[0][1]}){so}."
    return "No article is dated, so whether the outlets covered the same moment is unknown."


def sample_note(totals: pd.DataFrame) -> str:
    """How big the sample is, in the numbers that limit every z-score."""
    n_art = int(totals["n_articles"].sum())
    if not n_art:
        return "This corpus has no articles, so there are no words to count."
    words = totals["n_words"]
    spread = ("" if len(totals) < 2
              else f" ({int(words.iloc[0]):,} in each outlet)" if words.min() == words.max()
              else f" ({int(words.min()):,} to {int(words.max()):,} per outlet)")
    n_terms = int(totals["n_terms"].sum())
    return (f"This corpus has {plural(n_art, 'article')} from "
            f"{plural(len(totals), 'outlet')}, {plural(int(words.sum()), 'word')} in all{spread}, "
            "of which "
            f"{n_terms:,} {'is' if n_terms == 1 else 'are'} counted as terms.")


def shared_note(sentences: pd.DataFrame) -> str:
    """Which outlets ran the same sentences word for word (``shared_sentences``), in a sentence."""
    shared = shared_sentences(sentences)
    if shared.empty:
        return ("No sentence appears word for word in two outlets (near-copies with small edits "
                "would not show here).")
    pairs = "; ".join(f"{r.outlet}: {r.n_shared} of its {plural(r.n_sentences, 'sentence')}, "
                      f"shared with {r.shared_with}" for r in shared.itertuples())
    return (f"Sentences that appear word for word in more than one outlet ({pairs}) count for "
            "each outlet that ran them, which makes those outlets look alike; near-copies with "
            "small edits are not caught here.")


def prior_note(counts: pd.DataFrame, totals: pd.DataFrame, *,
               prior_strength: float | None = None) -> str:
    """How many outlet-term pairs pass the correction at half, the chosen, and a
    corpus-sized prior (``prior_sensitivity``)."""
    if totals["outlet"].nunique() < 2:
        return "With a single outlet there are no z-scores to be sensitive to the prior."
    runs = prior_sensitivity(counts, totals, prior_strength=prior_strength)
    (half, n_half), (chosen, n_chosen), (corpus, n_corpus) = (
        runs["half"], runs["chosen"], runs["corpus"])
    return (f"Outlet-term pairs that pass {_test_rule()} with the prior at half strength "
            f"(alpha_0 = {half:,.0f}): {n_half}; as used here ({chosen:,.0f}): "
            f"{n_chosen}; as strong as the whole corpus ({corpus:,.0f}, tidylo's default): "
            f"{n_corpus}.")
