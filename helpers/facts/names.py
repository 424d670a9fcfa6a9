"""Names in a sentence: runs of capitalised words, titles cut out, surnames linked to full names."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from ..nltk_data import STOPWORDS
from ..wordlists import NAME_TITLES, NATIONALITY_ADJECTIVES, TITLE_TABLE
from ..wordlists import TITLE_MODIFIERS as WORD_TITLE_MODIFIERS


def _capitalised(title: str) -> str:
    """``"secretary of state"`` -> ``"Secretary of State"``, ``"secretary-general"`` ->
    ``"Secretary-General"``, ``"mr."`` -> ``"Mr."``: a title as news writes it before a name."""
    words = [w if w in ("of", "the") else "-".join(p[:1].upper() + p[1:] for p in w.split("-")) for w in title.split()]
    return " ".join(words)


# Job titles cut out of a run of capitalised words, so that "Palestinian Authority
# President Mahmoud Abbas" gives "Palestinian Authority" and "Mahmoud Abbas": the roles
# and honorifics of helpers/data/titles.csv marked "cut" (from the AP Stylebook's formal
# titles). "General" is not cut: it is more often part of a name ("United Nations General
# Assembly") than a title.
TITLE_PHRASES = tuple(dict.fromkeys(_capitalised(t) for t in NAME_TITLES))
# Words that qualify a title and go with it ("Deputy State Department Spokesman").
TITLE_MODIFIERS = tuple(_capitalised(t) for t in WORD_TITLE_MODIFIERS)
# Lower-case titles a run's last capitalised words may open ("a Likud Cabinet minister":
# "Cabinet minister" is the title, "Likud" the name).
_TITLE_SET = frozenset(t for t, _kind, _cut in TITLE_TABLE)
# Directions that make "East Jerusalem" a different place from "Jerusalem": such names
# are never the full form of a surname.
DIRECTIONS = {
    "East", "West", "North", "South", "Northern", "Southern", "Eastern", "Western", "Central", "Upper", "Lower",
}

_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
_CAP_WORD = re.compile(r"(?:[A-Z]\.){2,}|[A-Z][\w'\u2019.\-]*[\w]|[A-Z]")
_POSSESSIVE = re.compile(r"(?:['\u2019]s|['\u2019])$")
_TITLE_RE = re.compile(
    r"\b(?:(?:" + "|".join(TITLE_MODIFIERS) + r")\s)*(?:"
    + "|".join(re.escape(t) for t in sorted(TITLE_PHRASES, key=len, reverse=True)) + r")(?![\w])"
)


def opens_sentence(sentence: str, start: int) -> bool:
    """True when a word at ``start`` opens the sentence or a quotation in it."""
    before = sentence[:start].rstrip()
    return not before or before[-1] in "\"\u201c\u2018'(:\u2014-"


def _capital_runs(sentence: str) -> Iterable[tuple[int, int, list[tuple[int, int]]]]:
    """Runs of capitalised words (joined by single spaces, or by "of"), as spans."""
    words = [(m.start(), m.end()) for m in _CAP_WORD.finditer(sentence)
             if (m.start() == 0 or not sentence[m.start() - 1].isalnum())]
    run: list[tuple[int, int]] = []
    for s, e in words:
        if run:
            gap = sentence[run[-1][1]:s]
            if gap in (" ", " of "):
                run.append((s, e))
                continue
            yield run[0][0], run[-1][1], run
        run = [(s, e)]
    if run:
        yield run[0][0], run[-1][1], run


def corpus_case(texts: Iterable[str]) -> tuple[set[str], set[str]]:
    """Words seen in lower case, and capitalised words seen not opening a sentence."""
    lower, capital = set(), set()
    for text in texts:
        for m in _WORD.finditer(text):
            word = m.group()
            if word[0].islower():
                lower.add(word.lower())
            elif not opens_sentence(text, m.start()):
                capital.add(_POSSESSIVE.sub("", word))
    return lower, capital


def name_pieces(sentence: str, lower: set[str], capital: set[str], aliases: set[str]) -> list[tuple[int, int]]:
    """Spans of the names in one sentence (before normalisation)."""
    pieces = []
    for run_start, end, run_words in _capital_runs(sentence):
        start, words = run_start, run_words
        # a sentence's first word is an ordinary word capitalised ("After", "Said", "Lone")
        if opens_sentence(sentence, start):
            first = _POSSESSIVE.sub("", sentence[words[0][0]:words[0][1]])
            ordinary = first.lower() in STOPWORDS or first.lower() in lower
            unseen = len(words) == 1 and first not in capital and first not in aliases
            if ordinary or unseen:
                words = words[1:]
                if not words:
                    continue
                start = words[0][0]
        # cut out titles; what is left on either side are names
        cuts = [(m.start() + start, m.end() + start) for m in _TITLE_RE.finditer(sentence[start:end])]
        bounds, cursor = [], start
        for cs, ce in cuts:
            bounds.append((cursor, cs))
            cursor = ce
        bounds.append((cursor, end))
        for s, e in bounds:
            inside = [(ws, we) for ws, we in words if ws >= s and we <= e]
            # drop connectors and modifiers left at the edges ("of", "Deputy")
            while inside and sentence[inside[0][0]:inside[0][1]] in TITLE_MODIFIERS:
                inside = inside[1:]
            inside = _without_title_opening(sentence, inside)
            if inside:
                pieces.append((inside[0][0], inside[-1][1]))
    return pieces


def _without_title_opening(sentence: str, words: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop a run's last capitalised words when they open a title the lower-case words
    after the run finish: "a Likud Cabinet minister" -> "Likud" ("Cabinet minister")."""
    after = re.match(r"\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)", sentence[words[-1][1]:]) if words else None
    if not after:
        return words
    tails = [after.group(1).split()[0], after.group(1)]
    for k in range(len(words) - 1, 0, -1):  # the longest title first; one word at least stays a name
        head = " ".join(sentence[ws:we] for ws, we in words[-k:]).lower()
        if any(f"{head} {tail}" in _TITLE_SET for tail in tails):
            return words[:-k]
    return words


def normalise_name(text: str) -> str:
    name = _POSSESSIVE.sub("", text.strip())
    name = re.sub(r"^(?:[A-Z]\.){2,}$", lambda m: m.group().replace(".", ""), name)  # U.S. -> US
    return " ".join(name.split())


def nationality(name: str) -> bool:
    """True for an adjective of nationality ("Israeli", "South Korean") or a compound of
    them ("Israeli-Palestinian"); "Israelis" (a people) and "Amman" are not."""
    return all(part in NATIONALITY_ADJECTIVES for part in name.split("-"))


def link_surnames(facts: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Map a lone word to the full name (2-3 words) the same article ends with it; drop
    one-letter names ("I") and nationality adjectives (``nationality``: a singular
    demonym of ``helpers/data/demonyms.csv`` or a compound of them) followed by another
    word ("Israeli officials", "Israeli-Palestinian talks"; "Amman", "Jordan" and "Iran"
    stay names); cut a
    nationality adjective off a name known without it."""
    if facts.empty:
        return facts
    out = facts.copy()
    texts = dict(
        zip(sentences["sentence_id"], zip(sentences["start_char"], sentences["text"], strict=False), strict=False)
    )
    names = out["kind"].eq("name") & out["source"].eq("pattern")
    keep = pd.Series(True, index=out.index)
    for _article, group in out[names].groupby("article_id", sort=False):
        full = {}
        for name in group["fact"].unique():
            parts = name.split()
            if 2 <= len(parts) <= 3 and parts[0] not in DIRECTIONS and all(p[:1].isupper() for p in parts):
                full.setdefault(parts[-1], set()).add(name)
        for idx, row in group.iterrows():
            start, text = texts[row.sentence_id]
            if nationality(row.fact) and re.match(r"\s+[A-Za-z]", text[row.end_char - start:]):
                keep[idx] = False  # "Israeli officials", "South Korean diplomats"
            elif " " not in row.fact and len(full.get(row.fact, ())) == 1:
                out.at[idx, "fact"] = next(iter(full[row.fact]))
            elif len(row.fact) < 2:
                keep[idx] = False
    # "Israeli West Bank" is "West Bank" with a nationality adjective in front
    known = set(out.loc[names, "fact"])
    for idx in out.index[names & keep]:
        first, _, rest = out.at[idx, "fact"].partition(" ")
        if rest and nationality(first) and rest in known:
            out.at[idx, "fact"] = rest
    return out[keep]
