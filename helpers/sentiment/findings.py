"""Findings: the sentences the sentiment notebook prints, every number computed from the tables.

Thresholds and file names come from the constants the computation uses (``CONFIDENCE``,
``MIN_SENTENCES_FOR_INTERVAL``, ``THIN_CELL``, ``POSITION_PART``, ``ACTORS_FILE``), so the prose
cannot disagree with the tables.
"""

from __future__ import annotations

import pandas as pd

from ..actors import ACTORS_FILE
from ..actors_auto import FOUND, found_actors_note
from ..wording import join_names, plural
from .intervals import CONFIDENCE, MIN_SENTENCES_FOR_INTERVAL, THIN_CELL, interval_defect, intervals_overlap
from .newswords import MIN_NEWS_SHARE, MIN_SELECTION_SENTENCES, NEWS_WORDS_FILE, RULES
from .positions import POSITION_PART
from .scoring import IMPLEMENTATIONS, THRESHOLD, USED
from .validation import ALL_SENTENCES
from .voices import VOICES

CI = f"{CONFIDENCE:.0%}"  # "95%", as the intervals are named in the sentences
SHOWN_WARNINGS = 3  # loading warnings repeated in loading_note; the rest are counted
# Two mean tones closer than VADER's own neutral band are called level, not ranked: a
# sentence that says one is "more negative" or "most positive" needs at least this gap.
LEVEL_GAP = THRESHOLD
LEVEL_WHY = f"{LEVEL_GAP:g}, the width of VADER's neutral band"


def _fmt(value: float) -> str:
    return "n/a" if pd.isna(value) else f"{value:+.2f}".replace("-", "\u2212")


def _interval(low: float, high: float) -> str:
    if pd.isna(low):
        return "too few for an interval"
    return f"{CI} CI {_fmt(low)} to {_fmt(high)}"


def _k_of(k: int, n: int, word: str) -> str:
    """``"none of the 3 outlets"``, ``"1 of 3 outlets"``, ``"both outlets"``, ``"all 3 outlets"``, ``"no outlet"``."""
    if n == 1:
        return f"the one {word}" if k else f"no {word}"
    if k == 0:
        return f"none of the {plural(n, word)}"
    return f"{k:,} of {plural(n, word)}" if k < n else f"both {word}s" if n == 2 else f"all {plural(n, word)}"



def _defect(row: pd.Series) -> str | None:
    """Why a row's interval is not compared with another: ``"too few"`` sentences (under
    ``MIN_SENTENCES_FOR_INTERVAL``, or no interval at all), ``"zero width"`` or
    ``"reversed"`` (see ``interval_defect``); None when it can be compared."""
    defect = interval_defect(row["ci_low"], row["ci_high"])
    if defect == "missing" or row.get("n_sentences", MIN_SENTENCES_FOR_INTERVAL) < MIN_SENTENCES_FOR_INTERVAL:
        return "too few"
    return defect


def _overlap(a: pd.Series, b: pd.Series) -> bool | None:
    """Whether two rows' intervals overlap; None when either has a ``_defect``."""
    if _defect(a) or _defect(b):
        return None
    return intervals_overlap((a["ci_low"], a["ci_high"]), (b["ci_low"], b["ci_high"]))


def _defect_clause(row: pd.Series, defect: str) -> str:
    """One outlet's reason for a zero-width or reversed interval (too few sentences: ``_too_few_note``)."""
    who = f"{row['outlet']} ({plural(row['n_sentences'], 'sentence')})"
    if defect == "zero width":
        return (f"{who} has an interval of zero width ({_fmt(row['ci_low'])} to {_fmt(row['ci_high'])}): "
                "its sentences score alike, so the bootstrap sees no spread to judge a gap by")
    return f"{who} has a reversed interval ({_fmt(row['ci_low'])} to {_fmt(row['ci_high'])})"


def _too_few_note(rows: list[pd.Series], so: str = "") -> str:
    """The rows ``_defect`` flags, each with its reason, and what follows (``so``)."""
    flagged = [(r, _defect(r)) for r in rows if _defect(r)]
    if not flagged:
        return ""
    thin = [r for r, d in flagged if d == "too few"]
    clauses = [_defect_clause(r, d) for r, d in flagged if d != "too few"]
    if thin:  # outlets with too few sentences share one clause
        names = join_names([f"{r['outlet']} ({plural(r['n_sentences'], 'sentence')})" for r in thin])
        clauses.insert(0, f"{names} {'has' if len(thin) == 1 else 'have'} too few sentences for a meaningful "
                          f"interval (fewer than {MIN_SENTENCES_FOR_INTERVAL})")
    so = so or f"{'it is' if len(flagged) == 1 else 'they are'} not compared with other outlets"
    return f"{'; '.join(clauses)}, so {so}."


def _moments(outlets: pd.DataFrame) -> str:
    if outlets["periods"].nunique() > 1:
        return " The outlets wrote at different moments, so part of any difference is the news, not the outlet."
    return ""


def sentiment_finding(outlets: pd.DataFrame, metrics: pd.DataFrame) -> str:
    """The notebook's one-line finding, every number computed from the tables."""
    nltk_r = metrics.set_index("implementation").loc[IMPLEMENTATIONS[USED], "pearson_r"]
    trust = (
        f" VADER agrees only moderately with human ratings of news-like sentences (r = {nltk_r:.2f}), "
        "so read differences inside the intervals as noise."
    )
    if outlets.empty:
        return "The corpus has no sentences to score." + trust
    if len(outlets) == 1:
        row = outlets.iloc[0]
        return (
            f"Only one outlet ({row['outlet']}): its mean sentence tone is {_fmt(row['mean_compound'])} on VADER's "
            f"\u22121\u2026+1 scale ({plural(row['n_sentences'], 'sentence')}, "
            f"{_interval(row['ci_low'], row['ci_high'])}); "
            "there is no other outlet to compare it with." + trust
        )
    rows = [r for _, r in outlets.iterrows()]
    printed = [_fmt(r["mean_compound"]) for r in rows]
    his = [r for r, p in zip(rows, printed, strict=True) if p == printed[0]]  # ties as the sentence prints them
    los = [r for r, p in zip(rows, printed, strict=True) if p == printed[-1]]
    where = [f"{r['outlet']} ({r['periods']}; {plural(r['n_sentences'], 'sentence')})" for r in rows]
    if printed[0] == printed[-1]:
        every = "both outlets" if len(rows) == 2 else f"all {len(rows)} outlets"
        return (f"Mean sentence tone (VADER compound, \u22121\u2026+1) is {printed[0]} for {every} to two "
                f"decimals: {join_names(where)}. There is no gap between outlets to judge."
                f"{_moments(outlets)}" + trust)
    return (
        f"Mean sentence tone (VADER compound, \u22121\u2026+1) runs from {printed[-1]} for "
        f"{join_names(where[len(rows) - len(los):])} to {printed[0]} for {join_names(where[:len(his)])}. "
        f"{_ends_verdict(his, los)}{_moments(outlets)}" + trust
    )


def _ends_verdict(his: list[pd.Series], los: list[pd.Series]) -> str:
    """Whether the intervals of the most positive and the most negative outlets (every one
    of a tie) overlap; the too-few or zero-width ones named when they cannot be judged."""
    overlaps = [_overlap(h, lo) for h in his for lo in los]
    if None in overlaps:
        return _too_few_note(los + his, so="the gap cannot be judged")
    if all(overlaps):
        return f"Their {CI} intervals overlap, so even the widest gap between outlets is not a clear difference."
    if any(overlaps):
        return (f"Some of their {CI} intervals overlap, so even the widest gap between outlets is not a clear "
                "difference for every outlet at either end.")
    if all(r["n_articles"] == 1 for r in his + los):
        what = "two articles, not two outlets" if len(his + los) == 2 else "articles, not outlets"
        return f"Their {CI} intervals do not overlap, but each is a single article, so this compares {what}."
    return f"Their {CI} intervals do not overlap."


def loading_note(log: pd.DataFrame) -> str:
    """A sentence repeating what loading warned about (text that is not English scores wrongly)."""
    warned = log[log["level"] == "warning"] if "level" in log.columns else log.iloc[0:0]
    if warned.empty:
        return "Loading raised no warnings."
    shown = "; ".join(str(m).rstrip(". ") for m in warned["message"].head(SHOWN_WARNINGS))
    hidden = len(warned) - SHOWN_WARNINGS
    more = f" (and {hidden} more, listed in the loading log of 00_corpus)" if hidden > 0 else ""
    return f"Loading warned: {shown}{more}. VADER scores English only."


def outlets_note(outlets: pd.DataFrame) -> str:
    """A sentence on the outlet comparison: which pairs of intervals do not overlap."""
    if len(outlets) < 2:
        return "With one outlet there is nothing to compare; the table shows its spread."
    rows = [r for _, r in outlets.iterrows()]
    pairs = [(a, b, _overlap(a, b)) for i, a in enumerate(rows) for b in rows[i + 1:]]
    apart = [f"{a['outlet']} vs {b['outlet']}" for a, b, o in pairs if o is False]
    n_pairs = sum(o is not None for _, _, o in pairs)
    only_thin = all(_defect(r) in (None, "too few") for r in rows)
    enough = "" if n_pairs == len(pairs) else " with enough sentences" if only_thin else " with comparable intervals"
    text = ("No two outlets have enough sentences to compare their intervals." if only_thin
            else "No two outlets have intervals that can be compared.")
    if apart:
        verb = "has" if len(apart) == 1 else "have"
        text = f"{_k_of(len(apart), n_pairs, 'pair')} of outlets{enough} {verb} {CI} intervals that do not overlap"
        text = f"{text[:1].upper()}{text[1:]} ({'; '.join(apart)})."
    elif n_pairs:
        text = f"The {CI} intervals overlap in {_k_of(n_pairs, n_pairs, 'pair')} of outlets{enough}."
    text = f"{text} {_too_few_note(rows)}".rstrip()
    single = int((outlets["n_articles"] == 1).sum())
    if single:
        who = _k_of(single, len(rows), "outlet")
        text += (f" {who[0].upper()}{who[1:]} {'has' if single == 1 else 'have'} a single article here, so their "
                 "interval describes that article's sentences, not the outlet's coverage in general.")
    return text + _moments(outlets)


def voices_note(voice_summary: pd.DataFrame) -> str:
    """A sentence comparing quoted and narration tone per outlet."""
    if voice_summary.empty:
        return "No sentence was scored, so there are no voices to compare."
    wide = voice_summary.pivot(index="outlet", columns="voice", values="mean_compound")
    if "quoted" not in wide.columns:
        return "No outlet quotes anyone directly (no text in double quotes), so there is no quoted voice to compare."
    wide = wide.reindex(columns=list(VOICES))
    both = wide.dropna()
    equal = both["quoted"].round(2) == both["narration"].round(2)  # a tie as the table prints it
    lower = int(((both["quoted"] < both["narration"]) & ~equal).sum())
    parts = [
        f"In {_k_of(lower, len(both), 'outlet')} with both voices the quoted text is more negative than the narration."
        if len(both)
        else "No outlet has both narration and direct quotation."
    ]
    if equal.any():
        tied = sorted(both.index[equal])
        parts.append(f"In {join_names(tied)} the quoted text and the narration score the same, to two decimals.")
    for voice, what in (("quoted", "direct quotation"), ("narration", "narration")):
        missing = sorted(wide.index[wide[voice].isna()])
        if missing:
            parts.append(f"No {what} in: {', '.join(missing)}.")
    parts.append("Compare each pair of intervals before reading a gap as a difference.")
    return " ".join(parts)


def positions_note(positions: pd.DataFrame) -> str:
    """A sentence comparing the first and the last part of the articles, per outlet."""
    if positions.empty:
        return "No sentences to place."
    last_bin = int(positions["position_bin"].max())
    first = positions[positions["position_bin"] == 1].set_index("outlet")
    last = positions[positions["position_bin"] == last_bin].set_index("outlet")
    both = first.index.intersection(last.index)
    if last_bin == 1 or both.empty:
        return "The articles are too short to compare their start with their end."
    gap = last.loc[both, "mean_compound"] - first.loc[both, "mean_compound"]
    lower = int((gap <= -LEVEL_GAP).sum())
    level = sorted(both[(gap.abs() < LEVEL_GAP).to_numpy()])
    compared = [o for o in both if _overlap(first.loc[o], last.loc[o]) is not None]
    apart = [o for o in compared if _overlap(first.loc[o], last.loc[o]) is False]
    flat = [o for o in both if "too few" not in (_defect(first.loc[o]), _defect(last.loc[o]))
            and o not in compared]  # enough sentences, but a zero-width (or reversed) interval
    floor = f"{MIN_SENTENCES_FOR_INTERVAL} sentences or more in both {POSITION_PART}s"
    clear = (f"the intervals of the first and last {POSITION_PART} are clear of each other in "
             f"{_k_of(len(apart), len(compared), 'outlet')} with {floor}"
             + (f" ({', '.join(apart)})" if apart else "")
             if compared else f"no outlet has {floor}" + (" and intervals that can be compared" if flat else ""))
    if flat:
        clear += (f"; {join_names(flat)} {'has' if len(flat) == 1 else 'have'} an interval of zero width "
                  f"(sentences that score alike), so {'it is' if len(flat) == 1 else 'they are'} not compared")
    clear += "." if compared or flat else ", so their intervals are not compared."
    median_n = float(positions["n_sentences"].median())
    level_text = (f"; {join_names(level)} {'is' if len(level) == 1 else 'are'} level (closer than {LEVEL_WHY})"
                  if level else "")
    return (
        f"In {_k_of(lower, len(both), 'outlet')} the last {POSITION_PART} of the articles "
        f"is more negative than the first by {LEVEL_GAP:g} or more{level_text}. "
        f"Each point rests on a median of {median_n:g} sentence{'s' * bool(median_n != 1)}; {clear}"
    )


def actors_note(actors: pd.DataFrame, actor_summary: pd.DataFrame) -> str:
    """A sentence on the actor table: whether there is one, and how many cells are thin
    (after ``found_actors_note`` when the actors were found automatically)."""
    if "source" in actors.columns and actors["source"].eq(FOUND).any():
        found = found_actors_note(actors) + " "
        return found + actors_note(actors.drop(columns="source"), actor_summary)
    if actors.empty:
        return (
            f"This corpus has no actors table ({ACTORS_FILE} in the corpus folder, "
            f"or export.{ACTORS_FILE} beside a table "
            "corpus export.csv), so there are no actors to look for. "
            "Add one, with names and aliases, to see the tone of the sentences that mention each."
        )
    if actor_summary.empty:
        return f"{_k_of(0, len(actors), 'actor').capitalize()} in the actors table is mentioned in any sentence."
    thin, seen = int(actor_summary["thin"].sum()), actor_summary["actor"].nunique()
    missing = sorted(set(actors["name"]) - set(actor_summary["actor"]))
    text = (
        f"{_k_of(seen, len(actors), 'actor').capitalize()} {'is' if seen == 1 else 'are'} mentioned; "
        + (f"{_k_of(thin, len(actor_summary), 'actor-outlet cell')} {'rests' if thin == 1 else 'rest'} on fewer than "
           f"{THIN_CELL} sentences (greyed) and {'is an anecdote' if thin == 1 else 'are anecdotes'}, not findings."
           if thin else f"every actor-outlet cell rests on {THIN_CELL} sentences or more.")
    )
    if missing:
        text += f" Never mentioned: {', '.join(missing)}."
    return text


def validation_note(metrics: pd.DataFrame, scored_benchmark: pd.DataFrame, skipped: pd.DataFrame) -> str:
    """Sentences stating the benchmark results, computed."""
    m = metrics.set_index("implementation")
    ours, ref = m.loc[IMPLEMENTATIONS[USED]], m.loc[IMPLEMENTATIONS["reference"]]
    shipped = m.loc[IMPLEMENTATIONS["nltk"]]
    differ = int((scored_benchmark["nltk"] != scored_benchmark["reference"]).sum())
    confusion = pd.crosstab(scored_benchmark["human_label"], scored_benchmark[f"{USED}_label"])
    neg_as_pos = int(confusion.get("positive", pd.Series(dtype=int)).get("negative", 0))
    n_neg = int((scored_benchmark["human_label"] == "negative").sum())
    return (
        f"On {int(ours['n_sentences']):,} human-rated sentences ({plural(len(skipped), 'malformed line')} skipped), "
        f"NLTK's VADER with the news-neutral words set aside correlates r = {ours['pearson_r']:.3f} ({CI} CI "
        f"{ours['r_ci_low']:.2f} to {ours['r_ci_high']:.2f}) with the mean human rating, and reaches a three-class "
        f"macro-F1 of {ours['macro_f1']:.3f} (accuracy {ours['accuracy']:.0%}); with the lexicon as shipped: "
        f"r = {shipped['pearson_r']:.3f}, macro-F1 {shipped['macro_f1']:.3f}; the reference vaderSentiment package: "
        f"r = {ref['pearson_r']:.3f}, macro-F1 {ref['macro_f1']:.3f}. NLTK's port and the reference package give "
        f"different compound scores on {plural(differ, 'sentence')} (lexicon as shipped in both). "
        f"r = {ours['pearson_r']:.2f} means VADER's score shares about {ours['r_squared']:.0%} of its variation with "
        f"human judgement, sentence by sentence; averaged over each editorial's sentences the agreement is "
        f"r = {ours['editorial_r']:.2f} ({plural(int(ours['n_editorials']), 'editorial')}). {neg_as_pos:,} of the "
        f"{plural(n_neg, 'sentence')} people rated negative {'is' if neg_as_pos == 1 else 'are'} scored positive."
    )


def _change(before: float, after: float, digits: int = 3) -> str:
    """``"rises from 0.480 to 0.490"``, ``"falls from ..."``, ``"stays at 0.480"`` (compared as printed)."""
    b, a = f"{before:.{digits}f}", f"{after:.{digits}f}"
    if a == b:
        return f"stays at {b}"
    return f"{'rises' if after > before else 'falls'} from {b} to {a}"


def news_words_note(effect: pd.DataFrame, news_words: pd.DataFrame) -> str:
    """Sentences on what setting the news-neutral words aside does on the benchmark, computed.

    ``effect`` is ``news_words_effect``'s table, ``news_words`` ``read_news_words``'s.
    """
    by_rule = news_words["rule"].value_counts()
    listed = "; ".join(f"{plural(int(by_rule.get(rule, 0)), 'word')} {text}" for rule, text in RULES.items())
    if effect.empty:
        return f"The list ({NEWS_WORDS_FILE.name}) has {listed}; there are no benchmark sentences to measure it on."
    rows = effect.set_index("sentences")
    parts = []
    for part in rows.index:
        row = rows.loc[part]
        who = (f"all {int(row['n_sentences']):,} sentences" if part == ALL_SENTENCES
               else f"the {part} half ({int(row['n_sentences']):,} sentences, "
                    f"{plural(int(row['n_editorials']), 'editorial')})")
        parts.append(f"on {who}, r {_change(row['r_before'], row['r_after'])} and macro-F1 "
                     f"{_change(row['macro_f1_before'], row['macro_f1_after'])} "
                     f"({plural(int(row['n_changed']), 'sentence')} change score)")
    return (
        f"Setting aside the news-neutral words ({NEWS_WORDS_FILE.name}: {listed}): " + "; ".join(parts) + ". "
        f"The rule: a lexicon word in at least {MIN_NEWS_SHARE:.2%} of the sentences of a news corpus (NewsMTSC) "
        f"and in {MIN_SELECTION_SENTENCES} or more sentences of the selection half (odd-numbered editorials) "
        "whose mean human rating is not on the side of zero its lexicon value is on. The held-out half "
        "(even-numbered editorials) was not used to choose the rule or the words, so it is the honest estimate; "
        "the selection half flatters the list."
    )


def _top_outlets(table: pd.DataFrame, column: str) -> list[str]:
    """The outlets level with the highest ``column``: within ``LEVEL_GAP`` of it, sorted."""
    best = table[column].max()
    return sorted(table.loc[table[column] > best - LEVEL_GAP, "outlet"])


def news_words_shift_note(shift: pd.DataFrame) -> str:
    """What setting the news-neutral words aside does to the outlets here, computed from ``news_words_shift``."""
    if shift.empty:
        return "No sentence was scored, so the news-neutral words change nothing here."
    changed, total = int(shift["n_changed"].sum()), int(shift["n_sentences"].sum())
    text = f"Setting the news-neutral words aside changes the score of {changed:,} of {plural(total, 'sentence')}"
    if not changed:
        return text + "."
    firsts = {when: _top_outlets(shift, f"mean_{when}") for when in ("before", "after")}
    top = {when: join_names(names) for when, names in firsts.items()}
    verb = "ranks" if len(firsts["after"]) == 1 else "rank"
    rank = (f"{top['after']} {verb} most positive before and after" if top["before"] == top["after"]
            else f"the most positive outlet was {top['before']} before and is {top['after']} after")
    if max(map(len, firsts.values())) > 1:
        rank += f" (outlets whose mean tones are closer than {LEVEL_WHY}, are named together)"
    return f"{text}; {_largest_shift(shift)}; {rank}."


def _largest_shift(shift: pd.DataFrame) -> str:
    """``"the largest shift is A's mean tone, from +0.50 to +0.30"``, measured on the printed
    means; every outlet of a tie named, and no shift claimed when none shows to two decimals."""
    before, after = (shift[col].map(lambda v: float(f"{v:.2f}")) for col in ("mean_before", "mean_after"))
    size = (after - before).abs().round(2)
    if not size.max():
        return "no outlet's mean tone moves, to two decimals"
    top = shift[size == size.max()].sort_values("outlet", kind="stable")
    spans = [f"from {_fmt(r.mean_before)} to {_fmt(r.mean_after)}" for r in top.itertuples()]
    if len(top) == 1:
        return f"the largest shift is {top['outlet'].iloc[0]}'s mean tone, {spans[0]}"
    whose = join_names(f"{o}'s" for o in top["outlet"])
    each = ", ".join(f"{o} {span}" for o, span in zip(top["outlet"], spans, strict=True))
    return f"{whose} mean tones shift the most, by {size.max():.2f} each ({each})"
