"""The findings' sentences of 02_terms.

Every number comes from the tables, every threshold from the constant the computation
uses (``Z_CRITICAL``, ``PER_WORDS``, ``FRAMING_FILE``).
"""

from __future__ import annotations

import pandas as pd

from ..wording import plural
from .counting import PER_WORDS
from .framing import FRAMING_FILE
from .keyness import Z_CRITICAL, prior_sensitivity, shared_word_weight
from .tables import shared_sentences

MAX_FINDING_OUTLETS = 5  # outlets named in the one-line finding (the index shows 600 characters)
MAX_FINDING_GROUPS = 3  # framing groups named in the one-line finding


def _passing(n_sig: int, n_pairs: int, test: str) -> str:
    """``"No outlet-term pair passes ..."``, ``"1 of 528 outlet-term pairs passes ..."``."""
    if not n_sig:
        return f"No outlet-term pair passes {test}"
    verb = "passes" if n_sig == 1 else "pass"
    return f"{n_sig:,} of {plural(n_pairs, 'outlet-term pair')} {verb} {test}"


def single_outlet_note(totals: pd.DataFrame) -> str | None:
    """The sentence that replaces a comparison when the corpus has only one outlet, else None."""
    if totals["outlet"].nunique() >= 2:
        return None
    name = totals["outlet"].iloc[0] if len(totals) else "(none)"
    return (
        f"This corpus has only one outlet ({name}), so no word can set an outlet apart: "
        "distinctive terms compare each outlet with the others and are undefined here. "
        f"The counts per {PER_WORDS:,} words still describe its vocabulary."
    )


def _standout_framing(framing_z: pd.DataFrame) -> str:
    """The framing groups past ``Z_CRITICAL`` above the other outlets, strongest first."""
    if not (len(framing_z) and framing_z["z"].notna().any()):
        return ""
    above = framing_z["significant"].fillna(False).astype(bool) & (framing_z["z"] > 0)
    standout = framing_z[above].sort_values("z", ascending=False, kind="stable")
    standout = standout.head(MAX_FINDING_GROUPS)
    if not len(standout):
        return ""
    return ("Framing vocabulary that stands out against the other outlets (weighted "
            "log-odds): " + ", ".join(f"{r.group} in {r.outlet} (z = {r.z:.1f})"
                                       for r in standout.itertuples()) + ". ")


def terms_finding(distinctive: pd.DataFrame, framing_z: pd.DataFrame, totals: pd.DataFrame,
                  periods: pd.DataFrame | None = None) -> str:
    """The notebook's one-line finding, every number computed from the tables: the framing
    groups that stand out (the strongest evidence), each outlet's most distinctive word,
    and how few differences pass z = ``Z_CRITICAL``."""
    single = single_outlet_note(totals)
    if single:
        return single
    text = _standout_framing(framing_z)
    best = distinctive[distinctive["rank"] == 1].sort_values("z", ascending=False, kind="stable")
    parts = [f"{r.outlet} \u2018{r.label}\u2019 (z = {r.z:.1f})"
             for r in best.head(MAX_FINDING_OUTLETS).itertuples()]
    if len(best) > MAX_FINDING_OUTLETS:
        parts.append(f"{plural(len(best) - MAX_FINDING_OUTLETS, 'more outlet')} in the table")
    text += "Each outlet's most distinctive word: " + "; ".join(parts) + "."
    n_sig = int((distinctive["significant"] & (distinctive["z"] > 0)).sum())
    n_moments = 0 if periods is None else periods.loc[periods["period"] > 0, "period"].nunique()
    words = plural(int(totals["n_words"].sum()), "word")
    passing = _passing(n_sig, len(distinctive), f"z > {Z_CRITICAL}")
    text += f" {'Only ' * bool(n_sig)}{passing} on {words}"
    if not n_sig:
        return text + ": no word sets an outlet apart beyond chance in this corpus."
    text += (f" from {n_moments} separate moments: modest evidence, partly the news of each "
             "moment." if n_moments > 1 else ": modest evidence.")
    return text


def distinctive_note(distinctive: pd.DataFrame, totals: pd.DataFrame) -> str:
    """What the distinctive-terms table shows, in numbers."""
    single = single_outlet_note(totals)
    if single:
        return single
    sig = distinctive[distinctive["significant"] & (distinctive["z"] > 0)]
    per_outlet = sig.groupby("outlet").size().reindex(sorted(totals["outlet"]), fill_value=0)
    listing = ", ".join(f"{o} {n}" for o, n in per_outlet.items())
    if sig.empty:
        return (f"{_passing(0, len(distinctive), f'z > {Z_CRITICAL}')} "
                f"(of {len(distinctive):,} tested): no word sets an outlet apart beyond chance "
                "in this corpus.")
    return (
        f"{_passing(len(sig), len(distinctive), f'z > {Z_CRITICAL}')} "
        f"({listing}). Every term of the corpus is tested for every outlet, without "
        f"correction for testing so many, so a few of these would pass by chance: read them "
        "as leads to check in the sentences, not as proof."
    )


def _framing_differences(framing_scores_table: pd.DataFrame) -> str:
    """The framing groups whose use in one outlet differs from the others past ``Z_CRITICAL``."""
    table = framing_scores_table
    sig = table[table["significant"].fillna(False).astype(bool)]
    if not len(sig):
        return f" No group's use in one outlet differs from the others by |z| > {Z_CRITICAL}."
    listing = "; ".join(
        f"{r.group} in {r.outlet} ({plural(r.n, 'use')}, {r.per_1000:.1f} per {PER_WORDS:,} "
        f"words against {r.per_1000_rest:.1f} elsewhere, z = {r.z:+.1f})"
        for r in sig.itertuples())
    return (f" Beyond |z| = {Z_CRITICAL} (+: more than the other outlets, \u2212: less): "
            f"{listing}.")


def framing_note(framing_scores_table: pd.DataFrame, framing_terms: pd.DataFrame | None,
                 totals: pd.DataFrame) -> str:
    """What the framing table shows, or why there is none."""
    if framing_terms is None:
        return (f"This corpus has no {FRAMING_FILE}, so there is no framing vocabulary to count. "
                f"To add one, put a {FRAMING_FILE} with the columns group and term (one row per "
                "term) next to metadata.csv, or beside a table corpus named after it (export.csv: "
                "export.framing.csv); the sample corpus has one to copy.")
    if framing_scores_table.empty:
        return f"{FRAMING_FILE} lists no terms."
    used = framing_scores_table.groupby("group", sort=False)["n"].sum()
    unused = [g for g, n in used.items() if n == 0]
    text = (f"{plural(int(used.sum()), 'use')} of {plural(len(used), 'term group')} in "
            f"{plural(int(totals['n_words'].sum()), 'word')}.")
    if unused:
        text += f" Not used by any outlet: {', '.join(unused)}."
    single = single_outlet_note(totals)
    if single:
        return text + " " + single
    return text + _framing_differences(framing_scores_table)


def tfidf_note(tfidf: pd.DataFrame, distinctive: pd.DataFrame, totals: pd.DataFrame, *,
               top_n: int) -> str:
    """How far TF-IDF's top terms agree with the log-odds' top terms, and why they differ."""
    single = single_outlet_note(totals)
    if single:
        return ("With one outlet every term has the same idf, so TF-IDF ranks terms by their "
                "count alone.")
    top_t = tfidf[tfidf["rank"] <= top_n].groupby("outlet")["term"].apply(set)
    top_d = distinctive[distinctive["rank"] <= top_n].groupby("outlet")["term"].apply(set)
    shared = sum(len(top_t[o] & top_d.get(o, set())) for o in top_t.index)
    total = sum(len(top_t[o]) for o in top_t.index)
    k = len(totals)
    keeps = shared_word_weight(k)
    some = f"{shared} of the {total}" if shared else f"None of the {total}"
    return (f"{some} top-{top_n} TF-IDF terms "
            f"{'is' if shared == 1 else 'are'} {'also ' * bool(shared)}among the outlets' "
            f"top-{top_n} log-odds terms. With {k} outlets, a word every outlet uses keeps "
            f"{keeps:.0%} of the weight of a word only one outlet uses, so frequent shared words "
            "(the story's names) rank high on TF-IDF; the log-odds compare each outlet's rate "
            "with the others' and weigh the evidence, so where the lists differ, trust the z.")


def periods_note(periods: pd.DataFrame) -> str:
    """Whether the outlets wrote at the same moment, for reading the comparisons."""
    dated = periods[periods["period"] > 0]
    moments = dated.groupby(["period", "period_label"])["outlet"].agg(
        lambda s: ", ".join(sorted(s.unique())))
    if len(moments) > 1:
        listing = "; ".join(f"{label}: {outlets}" for (_, label), outlets in moments.items())
        return (f"The articles come from {len(moments)} separate moments ({listing}). A word can "
                "set an outlet apart because its articles covered different news, not because "
                "the outlet framed the same news differently.")
    if len(moments) == 1:
        return (f"All dated articles come from one moment ({moments.index[0][1]}), so the outlets "
                "are compared on the same news.")
    return "No article is dated, so whether the outlets covered the same moment is unknown."


def sample_note(totals: pd.DataFrame) -> str:
    """How big the sample is, in the numbers that limit every z-score."""
    n_art = int(totals["n_articles"].sum())
    words = totals["n_words"]
    spread = (f" ({int(words.min()):,} to {int(words.max()):,} per outlet)"
              if len(totals) > 1 else "")
    return (f"This corpus has {plural(n_art, 'article')} from "
            f"{plural(len(totals), 'outlet')}, {plural(int(words.sum()), 'word')} in all{spread}, "
            "of which "
            f"{int(totals['n_terms'].sum()):,} are counted as terms.")


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
    """How many outlet-term pairs pass z = ``Z_CRITICAL`` at half, the chosen, and a
    corpus-sized prior (``prior_sensitivity``)."""
    if totals["outlet"].nunique() < 2:
        return "With a single outlet there are no z-scores to be sensitive to the prior."
    runs = prior_sensitivity(counts, totals, prior_strength=prior_strength)
    (half, n_half), (chosen, n_chosen), (corpus, n_corpus) = (
        runs["half"], runs["chosen"], runs["corpus"])
    return (f"Outlet-term pairs past z = {Z_CRITICAL} with the prior at half strength "
            f"(alpha_0 = {half:,.0f}): {n_half}; as used here ({chosen:,.0f}): "
            f"{n_chosen}; as strong as the whole corpus ({corpus:,.0f}, tidylo's default): "
            f"{n_corpus}.")
