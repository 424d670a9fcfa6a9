"""The 01_sources notebook's sentences: who is quoted, by whom, and what the rules could not attribute.

Every number is computed from the tables (``helpers.profiles`` and this package's), and
every threshold is read from the constant the computation uses.
"""

from __future__ import annotations

import pandas as pd

from ..wording import join_names, plural
from ..wordlists import DATA_DIR
from .vocabulary import INHERITED_RULES, KIND_PERSON, KIND_UNKNOWN, MIN_QUOTE_WORDS, NO_AFFILIATION, UNATTRIBUTED

UNDATED = "undated"  # the period label of an article with no date (``helpers.events.date_periods``)
MAX_NAMES_LISTED = 5  # speakers quoted by more than one outlet named in ``speakers_note``
_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def in_words(n: int) -> str:
    """A small count in words ("three"), for thresholds in prose; digits from eleven on."""
    return _NUMBER_WORDS[n] if 0 <= n < len(_NUMBER_WORDS) else str(n)


def sources_finding(outlets: pd.DataFrame, quotes: pd.DataFrame) -> str:
    """The notebook's one-line finding: who gets quoted most, and where voices are absent."""
    counted = quotes[quotes["form"] != "term"]
    if outlets.empty:
        return "The corpus has no articles to profile."
    if counted.empty:
        return (f"None of the {plural(int(outlets['n_articles'].sum()), 'article')} quotes anyone directly "
                f"(no text in double quotes of {in_words(MIN_QUOTE_WORDS)} words or more), so there are no "
                "quoted voices to compare.")
    by_outlet = outlets.set_index("outlet")
    counts = by_outlet["n_quotes"]
    top = counted[counted["speaker_kind"] == KIND_PERSON]["speaker"].value_counts()
    parts = []
    if len(by_outlet) > 1 and counts.min() == counts.max():
        every = "Both outlets have" if len(counts) == 2 else f"All {len(counts)} outlets have"
        parts.append(f"{every} {plural(int(counts.iloc[0]), 'direct quotation')} each")
    elif len(by_outlet) > 1:
        high = sorted(counts.index[counts == counts.max()])
        low = sorted(counts.index[counts == counts.min()])
        parts.append(f"Direct quotations per outlet range from {int(counts.min())} ({', '.join(low)}) to "
                     f"{int(counts.max())} ({', '.join(high)})")
    else:
        parts.append(f"The only outlet, {counts.index[0]}, has {plural(int(counts.iloc[0]), 'direct quotation')}")
    if len(top):
        parts.append(_most_quoted(counted, top))
    n_anon = int(outlets["n_anonymous_sources"].sum())
    n_unatt = int((counted["speaker_kind"] == KIND_UNKNOWN).sum())
    tail = (f"; the articles cite {plural(n_anon, 'unnamed source')}, and the attribution rules left {n_unatt} of "
            f"{plural(len(counted), 'quotation')} without a speaker.")
    return "; ".join(parts) + tail


def _most_quoted(counted: pd.DataFrame, top: pd.Series) -> str:
    """``"the most quoted voice is X (3 quotations in 2 outlets)"``; a tie at the top names
    every speaker in it (``"the most quoted voices, 2 quotations each, are A and B"``)."""
    tied = sorted(top.index[top == top.iloc[0]])
    if len(tied) > 1:
        return f"the most quoted voices, {plural(int(top.iloc[0]), 'quotation')} each, are {join_names(tied)}"
    n_outlets = counted[counted["speaker"] == tied[0]]["outlet"].nunique()
    return (f"the most quoted voice is {tied[0]} ({plural(int(top.iloc[0]), 'quotation')} in "
            f"{plural(n_outlets, 'outlet')})")


def comparison_note(outlets: pd.DataFrame) -> str:
    """Whether outlets can be compared at all, and whether they wrote at the same moment."""
    if outlets.empty:
        return "There are no articles, so nothing can be compared."
    if len(outlets) == 1:
        return (f"The corpus has only one outlet ({outlets['outlet'].iloc[0]}), so these are its own "
                "figures; there is no other outlet to compare it with.")
    periods = {p for value in outlets["periods"].dropna() for p in str(value).split("; ")}
    if len(periods) > 1:
        return (f"The outlets wrote at {len(periods)} different moments ({', '.join(sorted(periods))}): "
                "compare them within a period (the period column), since what was said, and by whom, "
                "changed between moments.")
    if not periods - {UNDATED}:
        return "No article is dated, so whether the outlets wrote at the same moment is unknown."
    every = "Both outlets" if len(outlets) == 2 else f"All {len(outlets)} outlets"
    return f"{every} wrote in the same period ({next(iter(periods))}), so they can be compared directly."


def speakers_note(quotes: pd.DataFrame) -> str:
    """Who is quoted by how many outlets."""
    named = quotes[(quotes["form"] != "term") & (quotes["speaker_kind"] == KIND_PERSON)]
    if named.empty:
        return "No named person is quoted directly in this corpus."
    reach = named.groupby("speaker")["outlet"].nunique().sort_values(ascending=False, kind="stable")
    shared = reach[reach > 1]
    text = f"{plural(named['speaker'].nunique(), 'named person', 'named people')} are quoted directly"
    if len(shared):
        names = ", ".join(shared.index[:MAX_NAMES_LISTED])
        if len(shared) > MAX_NAMES_LISTED:
            names += f" and {len(shared) - MAX_NAMES_LISTED:,} more in the table"
        if len(shared) == 1 == len(reach):
            return f"1 named person is quoted directly, by more than one outlet ({names})."
        who = (f"{'both' if len(shared) == 2 else 'all'} of them are" if len(shared) == len(reach)
               else plural(len(shared), 'of them is', 'of them are'))
        text += f"; {who} quoted by more than one outlet ({names})"
    else:
        text += "; no one is quoted by more than one outlet"
    return text.replace("1 named person are", "1 named person is") + "."


def voice_base_note(shares: pd.DataFrame, outlets: pd.DataFrame) -> str:
    """How many quoted words each outlet's shares rest on, and which outlets quote no one."""
    words = shares.groupby("outlet")["n_words"].sum() if len(shares) else pd.Series(dtype=int)
    quiet = [o for o in outlets["outlet"] if words.get(o, 0) == 0]
    if words.empty:
        return ""
    lo, hi = int(words.min()), int(words.max())
    base = (f"The shares rest on {plural(lo, 'quoted word')}" if len(words) == 1
            else f"The shares rest on {lo:,} quoted words" if lo == hi
            else f"The shares rest on {lo:,}\u2013{hi:,} quoted words per outlet")
    base += " (n on the chart), so one long quotation moves an outlet's share by several points."
    if quiet:
        verb, row = ("quotes", "its row is") if len(quiet) == 1 else ("quote", "their rows are")
        base += f" {join_names(quiet)} {verb} no one directly, so {row} empty."
    return base


def affiliation_note(shares: pd.DataFrame, *, has_actors: bool, outlets: pd.DataFrame | None = None) -> str:
    """What the share-of-voice chart can and cannot say, with the quoted words it rests on
    (``voice_base_note``, when ``outlets`` is given)."""
    base = "" if outlets is None else voice_base_note(shares, outlets)
    if not has_actors:
        return ("The corpus has no actors table (actors.csv in its folder, or export.actors.csv beside a table "
                "corpus export.csv), so no speaker has a side; add one to group "
                "the voices by side. The chart shows only named, anonymous and unattributed voices. " + base).strip()
    if shares.empty:
        return "No outlet quotes anyone directly, so there is no share of voice to compare."
    sided = shares[~shares["affiliation"].isin([NO_AFFILIATION, UNATTRIBUTED])].reset_index(drop=True)
    if sided.empty:
        return ("None of the quoted speakers is in the actors table, so no voice has a side. " + base).strip()
    shown = sided["pct_words"].map(lambda v: f"{v:.0f}")  # a tie as the sentence prints it
    top = sided[shown == shown[sided["pct_words"].idxmax()]].sort_values(["outlet", "affiliation"], kind="stable")
    if len(top) == 1:
        lead = (f"The largest one-side share is {top['outlet'].iloc[0]}'s {top['pct_words'].iloc[0]:.0f}% of quoted "
                f"words from {top['affiliation'].iloc[0]} speakers")
    else:  # a tie at the top: every share in it named, none picked
        who = join_names(f"{r.outlet}'s from {r.affiliation} speakers" for r in top.itertuples())
        lead = f"The largest one-side shares, {top['pct_words'].iloc[0]:.0f}% of quoted words each, are {who}"
    return (f"{lead}; sides come from the actors table, and unnamed sources get the side "
            "their description names (\"an Israeli official\"). " + base).strip()


def anonymous_note(outlets: pd.DataFrame) -> str:
    """Unnamed sources per outlet, in a sentence."""
    if outlets.empty or int(outlets["n_anonymous_sources"].sum()) == 0:
        return "No article cites an unnamed source."
    parts = [f"{r.outlet} {r.n_anonymous_sources}" for r in outlets.itertuples() if r.n_anonymous_sources]
    none = [r.outlet for r in outlets.itertuples() if not r.n_anonymous_sources]
    text = "Unnamed sources per outlet: " + ", ".join(parts)
    if none:
        text += f"; none in {', '.join(none)}"
    return text + "."


def unattributed_note(quotes: pd.DataFrame) -> str:
    """How many quotations the rules left without a speaker, and how many were terms."""
    counted = quotes[quotes["form"] != "term"]
    n_terms = int((quotes["form"] == "term").sum())
    n_unknown = int((counted["speaker_kind"] == KIND_UNKNOWN).sum())
    n_inherited = int(counted["rule"].isin(INHERITED_RULES).sum())
    n_found = len(counted) - n_unknown
    terms = (f"{plural(n_terms, 'short quoted term')} (scare quotes) "
             f"{'was' if n_terms == 1 else 'were'} not counted as quotations.")
    if counted.empty:
        return f"There is no quotation to attribute; {terms}"
    return (f"Of {plural(len(counted), 'quotation')}, the rules found a speaker for {n_found} ({n_inherited} of "
            f"them by taking the speaker of a neighbouring attribution) and none for {n_unknown} (kept in the "
            f"tables as \"{KIND_UNKNOWN}\"); {terms}")


# Speaker precision, recall and F1 on labelled news pages from many outlets and topics,
# written by ``python -m validation.pages`` (validation/pages/README.md says how they are scored).
VALIDATION_FILE = DATA_DIR / "validation_attribution.csv"
VALIDATION_SETS = {"eval": "held-out pages", "dev": "development pages"}


def attribution_validation(path=VALIDATION_FILE) -> tuple[pd.DataFrame, str]:
    """How well attribution finds and names speakers on labelled pages: (table, sentence).

    Returns
    -------
    tuple
        The table (one row per set of pages: ``date, set, n_pages, n_outlets, n_labelled``
        labelled quotations, ``n_attributed`` by the rules, ``n_found`` labelled ones found,
        ``n_right`` with the right speaker, ``precision`` = n_right / n_attributed,
        ``recall`` = n_right / n_labelled, ``f1``) and a sentence on it; an empty table and
        a sentence saying so when the file is missing.
    """
    try:
        table = pd.read_csv(path, comment="#")
    except FileNotFoundError:
        return pd.DataFrame(), "Attribution has not been scored on labelled pages (run `python -m validation.pages`)."
    if table.empty:
        return table, "Attribution has not been scored on labelled pages: the summary file lists no set of pages."
    parts = []
    for row in table.itertuples():
        pages = VALIDATION_SETS.get(row.set, row.set)
        parts.append(
            f"on {row.n_pages} {pages.replace('pages', 'page') if row.n_pages == 1 else pages} from "
            f"{plural(row.n_outlets, 'outlet')}, {row.n_right} of {plural(row.n_labelled, 'labelled quotation')} "
            f"got the right speaker (recall {row.recall:.2f}; {row.n_labelled - row.n_found} not attributed at all) "
            f"and {row.n_right} of the {plural(row.n_attributed, 'quotation')} the rules attributed "
            f"{'was' if row.n_right == 1 else 'were'} right (precision {row.precision:.2f}, F1 {row.f1:.2f})"
        )
    dates = ", ".join(sorted(set(table["date"].astype(str))))
    return table, f"Scored on {dates}: " + "; ".join(parts) + "."
