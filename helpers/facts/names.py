"""Names in a sentence: runs of capitalised words, titles cut out, surnames linked to full names."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from ..nltk_data import STOPWORDS

# Job titles cut out of a run of capitalised words, so that "Palestinian Authority
# President Mahmoud Abbas" gives "Palestinian Authority" and "Mahmoud Abbas". From the
# AP Stylebook's list of formal titles that precede names. "General" alone is left out:
# it is more often part of a name ("United Nations General Assembly") than a title.
TITLE_PHRASES = (
    "Secretary of State", "Secretary-General", "Secretary General", "Prime Minister", "Foreign Minister",
    "Defense Minister", "Defence Minister", "Finance Minister", "Interior Minister", "Minister",
    "President", "Vice President", "Secretary", "Spokesman", "Spokeswoman", "Spokesperson", "Ambassador",
    "Envoy", "Special Envoy", "Chief Negotiator", "Negotiator", "Senator", "Sen.", "Rep.", "Gov.",
    "Gen.", "Lt.", "Col.", "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "King", "Queen", "Prince", "Sheikh",
    "Sir", "Chancellor", "Mayor", "Governor", "Chairman", "Chairwoman", "Director",
)
# Words that qualify a title and go with it ("Deputy State Department Spokesman").
TITLE_MODIFIERS = ("Deputy", "Acting", "Former", "Senior", "Special", "Chief", "Vice", "Assistant")
# A lone capitalised word with one of these endings, followed by a lower-case word, is
# a nationality adjective ("Israeli officials", "Palestinian prisoners", "Jewish
# settlements"), not a name, unless the article links it to a full name.
DEMONYM_ENDING = re.compile(r"(?:i|ian|ean|ese|ish|an)$")
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
            if inside:
                pieces.append((inside[0][0], inside[-1][1]))
    return pieces


def normalise_name(text: str) -> str:
    name = _POSSESSIVE.sub("", text.strip())
    name = re.sub(r"^(?:[A-Z]\.){2,}$", lambda m: m.group().replace(".", ""), name)  # U.S. -> US
    return " ".join(name.split())


def link_surnames(facts: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Map a lone word to the full name (2-3 words) the same article ends with it; drop
    one-letter names ("I") and lone nationality adjectives that no full name explains
    (a word ending like "Israeli", "Palestinian", "Jewish" followed by another word);
    cut a nationality adjective off a name known without it."""
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
            if " " in row.fact:
                continue
            if len(full.get(row.fact, ())) == 1:
                out.at[idx, "fact"] = next(iter(full[row.fact]))
                continue
            start, text = texts[row.sentence_id]
            after = text[row.end_char - start:]
            if len(row.fact) < 2 or (DEMONYM_ENDING.search(row.fact) and re.match(r"\s+[A-Za-z]", after)):
                keep[idx] = False
    # "Israeli West Bank" is "West Bank" with a nationality adjective in front
    known = set(out.loc[names, "fact"])
    for idx in out.index[names & keep]:
        first, _, rest = out.at[idx, "fact"].partition(" ")
        if rest and DEMONYM_ENDING.search(first) and rest in known:
            out.at[idx, "fact"] = rest
    return out[keep]
