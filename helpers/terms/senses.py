"""Framing uses as spans of text: each word's sense from its neighbours, next words made one use.

A framing group lists words; a word can mean something else ("a negotiated settlement to
the conflict" is not housing, "released a statement" frees no one). The cues that tell
the senses apart belong to the corpus, as its framing groups do: ``framing_senses.csv``
beside ``framing.csv`` (read by ``load_framing_senses``); ``resolve_senses`` reads them
around each use, and ``merge_adjacent`` makes words of one group standing next to
each other ("prisoner release", "freed prisoners") one use, counted once.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from ..corpus import CorpusError, side_table_path
from ..corpus.read import read_csv_rows

SENSES_TABLE = "framing_senses"  # the side table's name: framing_senses.csv beside framing.csv
SENSE_COLUMNS = ["group", "word", "cue", "where", "sense"]
SENSE_WINDOW = 3  # words before or after a use in which a "before"/"after" cue must start/end
WHERE = ("before", "after", "sentence", "default")

# The sense of a use: the group's meaning by a cue or a default; another meaning (shown
# in the keyword-in-context lines, not counted); cues of both or of neither (counted,
# marked); or a word the senses file has no rule for (counted as framing.csv lists it).
IN, OTHER, AMBIGUOUS, NO_RULE = "in", "other", "ambiguous", "no rule"
COUNTED = (IN, AMBIGUOUS, NO_RULE)
MERGE_ORDER = (IN, NO_RULE, AMBIGUOUS, OTHER)  # a merged use takes the first sense it holds


@cache
def word_pattern(word: str) -> re.Pattern[str]:
    """A framing word as a regular expression: ``*`` for any characters but spaces."""
    return re.compile("".join(r"\S*" if part == "*" else re.escape(part)
                              for part in re.split(r"(\*)", word)))


def load_framing_senses(corpus_dir: str | Path) -> pd.DataFrame | None:
    """Read the sense cues of a corpus's framing groups: ``framing_senses.csv`` beside its
    ``framing.csv`` (``<stem>.framing_senses.csv`` beside a table corpus).

    One row per cue, with the columns ``SENSE_COLUMNS``: ``group`` (as in framing.csv),
    ``word`` (the framing word the rule is for; ``*`` for any letters), ``cue`` (a word or
    words, ``*`` likewise; empty for a default), ``where`` ("before": ending within
    ``SENSE_WINDOW`` words before the use; "after": starting within as many after it;
    "sentence": anywhere else in its sentence; "default": no cue found) and ``sense``
    ("in": the group's meaning, counted; "other": another meaning, shown but not counted).

    Returns
    -------
    DataFrame or None
        The rules, cues and words lower-cased; None when the corpus has no such file
        (then every use counts as ``framing.csv`` lists it, sense "no rule").

    Raises
    ------
    CorpusError
        Missing columns, an unknown ``where`` or ``sense``, a cue missing (or given for a
        default), naming the line and what to write; a link leading outside the corpus.
    """
    path = side_table_path(corpus_dir, SENSES_TABLE)
    if not path.is_file():
        return None
    needs = f"{path.name} needs the columns {', '.join(SENSE_COLUMNS)} (one row per cue)"
    rows = read_csv_rows(path, tuple(SENSE_COLUMNS), needs=needs, known=tuple(SENSE_COLUMNS))
    out = pd.DataFrame([{c: (rec[c] or "").strip() for c in SENSE_COLUMNS} for rec in rows.records],
                       columns=SENSE_COLUMNS)
    for col in ("word", "cue", "where", "sense"):
        out[col] = out[col].str.lower().str.split().str.join(" ")
    problems = [f"{path.name} {rows.line_word} {line}: {problem}"
                for line, rule in zip(rows.lines, out.itertuples(), strict=False)
                for problem in _rule_problems(rule)]
    if problems:
        raise CorpusError(f"{path} has problems:\n  " + "\n  ".join(problems))
    return out


def _rule_problems(rule) -> list[str]:
    """What is wrong with one cue rule, as sentences saying what to write instead."""
    problems = [f"the {col} is empty." for col in ("group", "word") if not getattr(rule, col)]
    if rule.where not in WHERE:
        problems.append(f"where is {rule.where!r}; write one of {', '.join(WHERE)}.")
    if rule.sense not in (IN, OTHER):
        problems.append(f"sense is {rule.sense!r}; write {IN} (the group's meaning) or {OTHER}.")
    if rule.where == "default" and rule.cue:
        problems.append("a default rule has no cue; leave the cue empty.")
    elif rule.where in WHERE and rule.where != "default" and not rule.cue:
        problems.append(f"a {rule.where!r} rule needs a cue (a word or words).")
    return problems


NO_RULES = pd.DataFrame(columns=SENSE_COLUMNS)  # no framing_senses.csv: every use "no rule"


def _cue_at(lower: np.ndarray, start: int, cue: list[re.Pattern[str]], lo: int, hi: int) -> bool:
    """Whether the cue's words stand at ``start`` onwards, all within tokens ``lo..hi``."""
    end = start + len(cue) - 1
    if start < lo or end > hi:
        return False
    return all(p.fullmatch(lower[start + t]) for t, p in enumerate(cue))


def _cue_found(lower: np.ndarray, span: tuple[int, int], bounds: tuple[int, int],
               rule) -> bool:
    """Whether the rule's cue stands ``where`` it says around the use ``span`` (first,
    last token), inside its sentence ``bounds`` (first, last token). A "sentence" cue may
    be another word of the use itself ("prisoner" in the hit "prisoner release")."""
    first, last = span
    lo, hi = bounds
    words = [word_pattern(w) for w in rule.cue.split()]
    k = len(words)
    if rule.where == "before":
        starts = range(first - SENSE_WINDOW - k + 1, first - k + 1)
    elif rule.where == "after":
        starts = range(last + 1, last + SENSE_WINDOW + 1)
    else:
        own = word_pattern(rule.word)
        starts = (j for j in range(lo, hi + 1)
                  if not any(first <= i <= last and own.fullmatch(lower[i])
                             for i in range(j, j + k)))
    return any(_cue_at(lower, j, words, lo, hi) for j in starts)


def _sense_of(lower: np.ndarray, span: tuple[int, int], bounds: tuple[int, int],
              rules: list) -> tuple[str, str]:
    """``(sense, cues)`` of one use from the rules for its group (rows of the rules
    table as tuples, in order; see ``resolve_senses``)."""
    words = lower[span[0]:span[1] + 1]
    mine = [r for r in rules if any(word_pattern(r.word).fullmatch(x) for x in words)]
    if not mine:
        return NO_RULE, ""
    senses, cues = set(), []
    for rule in mine:
        if rule.where != "default" and _cue_found(lower, span, bounds, rule):
            senses.add(rule.sense)
            cues.append(f"{rule.where} \u2018{rule.cue}\u2019")
    if not senses:
        senses = {r.sense for r in mine if r.where == "default"}
        cues = ["default"] if senses else []
    if len(senses) == 1:
        return senses.pop(), "; ".join(cues)
    return AMBIGUOUS, "; ".join(cues) or "no cue"


def resolve_senses(found: pd.DataFrame, lower: np.ndarray, sentence: np.ndarray,
                   rules: pd.DataFrame) -> pd.DataFrame:
    """Each use's sense, from the cue rules of its group and word.

    ``found`` has ``group, first, last`` (token positions into ``lower``, the corpus's
    lower-cased tokens, with ``sentence`` their sentence ids in reading order). A use
    with cues of one sense takes it; with cues of both, or none and no default rule,
    it is ``AMBIGUOUS``; a word the rules do not name is ``NO_RULE``.

    Returns
    -------
    DataFrame
        ``found`` with ``sense`` (``IN``, ``OTHER``, ``AMBIGUOUS``, ``NO_RULE``) and
        ``cue`` (the cues that decided it: "before 'negotiated'", "default", "").
    """
    codes = pd.factorize(sentence)[0]
    starts = np.r_[0, np.flatnonzero(codes[1:] != codes[:-1]) + 1]
    ends = np.r_[starts[1:] - 1, len(codes) - 1]
    which = np.searchsorted(starts, np.arange(len(codes)), side="right") - 1
    # tuples, not DataFrames: a pandas filter per use was 85% of framing_matches' time
    by_group = {group: list(rows.itertuples(index=False))
                for group, rows in rules[SENSE_COLUMNS].groupby("group", sort=False)}
    out = []
    for group, first, last in zip(found["group"], found["first"], found["last"], strict=False):
        rule = by_group.get(group)
        bounds = (int(starts[which[first]]), int(ends[which[first]]))
        out.append(_sense_of(lower, (first, last), bounds, rule) if rule is not None
                   else (NO_RULE, ""))
    return found.assign(sense=[s for s, _ in out], cue=[c for _, c in out])


def merge_adjacent(found: pd.DataFrame, sentence: np.ndarray) -> pd.DataFrame:
    """Uses of one group in consecutive tokens of one sentence, made one use.

    "prisoner release" (``prisoner*`` and ``release``) is one use of prisoners, not
    two; its sense is the first of ``MERGE_ORDER`` its words have, its ``term`` the
    terms joined by " + ", its ``cue`` the cues joined by "; ".

    Returns
    -------
    DataFrame
        ``found``'s columns, one row per merged use, sorted by ``first`` then group.
    """
    if found.empty:
        return found
    rows = []
    for _, uses in found.sort_values(["group", "first"], kind="stable").groupby(
            "group", sort=False):
        current = None
        for use in uses.to_dict("records"):
            if (current is not None and use["first"] == current["last"] + 1
                    and sentence[use["first"]] == sentence[current["last"]]):
                current["last"] = use["last"]
                current["term"] += " + " + use["term"]
                current["senses"].append(use["sense"])
                current["cue"] = "; ".join(c for c in (current["cue"], use["cue"]) if c)
                continue
            if current is not None:
                rows.append(current)
            current = {**use, "senses": [use["sense"]]}
        rows.append(current)
    out = pd.DataFrame(rows)
    out["sense"] = [next(s for s in MERGE_ORDER if s in held) for held in out.pop("senses")]
    return out.sort_values(["first", "group"], kind="stable", ignore_index=True)
