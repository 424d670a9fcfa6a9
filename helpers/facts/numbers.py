"""Numbers, dates, times and quantities in a sentence, found with regular expressions and normalised."""

from __future__ import annotations

import re

from ..nltk_data import STOPWORDS
from ..wordlists import SEQUENCE_NOUNS
from .names import opens_sentence

# Number words and their values. "one" is left out: "one of his advisers", "no one",
# "one side" are far commoner in news than a count of one.
NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "dozen": 12,
}
# Plural nouns that do not end in "s".
IRREGULAR_PLURALS = frozenset({"people", "children", "men", "women", "police", "staff", "personnel", "cattle"})
# Vague quantities, kept as written: "hundreds of prisoners".
VAGUE_NUMBERS = ("dozens", "scores", "hundreds", "thousands", "tens of thousands", "millions")
SCALES = ("million", "billion", "trillion")
# "last" is left out: "last July", "last week" are relative dates, not ordinals. An
# ordinal counts only after a determiner or a possessive ("the fourth group", "the
# secretary's fifth visit"), not as an adverb ("Israel first halt settlement expansion",
# "final status negotiations"); "final" only before a noun of a sequence (SEQUENCE_NOUNS,
# helpers/data/sequence_nouns.csv: "the final group", not "a final agreement").
ORDINALS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "final",
)
MONTHS = {
    "january": "January", "jan": "January", "february": "February", "feb": "February", "march": "March",
    "mar": "March", "april": "April", "apr": "April", "may": "May", "june": "June", "jun": "June",
    "july": "July", "jul": "July", "august": "August", "aug": "August", "september": "September",
    "sep": "September", "sept": "September", "october": "October", "oct": "October",
    "november": "November", "nov": "November", "december": "December", "dec": "December",
}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Words looked at after a number for the noun it counts ("104 long-serving Palestinian
# prisoners": the third word); further than this, the noun is usually another phrase's.
MAX_HEAD_DISTANCE = 4

# Month names as news writes them, capitalised ("may" and "march" are also words).
_MONTH_RE = "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUMBER_WORD_RE = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("money", re.compile(rf"(?<![\w$€£])([$€£])\s?({_NUM})(?:\s({'|'.join(SCALES)})\b)?")),
    ("percent", re.compile(rf"(?<![\w.,])({_NUM})\s?(%|percent\b|per cent\b)", re.I)),
    ("time", re.compile(r"(?<![\w.:])(\d{1,2}(?::\d{2})?)\s?([ap])\.?m\.?(?![\w])", re.I)),
    ("time", re.compile(r"(?<![\w.:])(\d{4})\s(GMT|UTC)\b")),
    ("date", re.compile(rf"\b({_MONTH_RE})\.?\s(\d{{1,2}})(?:st|nd|rd|th)?(?!\w|,\d)")),
    ("date", re.compile(rf"(?<![\w.,])(\d{{1,2}})(?:st|nd|rd|th)?\s(?:of\s)?({_MONTH_RE})\b")),
    ("year", re.compile(r"(?<![\w$.,])(1[89]\d\d|20\d\d)(?![\w%]|,\d|\.\d)")),
    (
        "month",
        re.compile(
            rf"(?:\b(early|mid|late)[\s-])?\b({'|'.join(sorted(set(MONTHS.values()), key=len, reverse=True))})\b"
        ),
    ),
    ("weekday", re.compile(rf"\b({'|'.join(WEEKDAYS)})s?\b")),
    ("vague", re.compile(rf"\b({'|'.join(VAGUE_NUMBERS)})\sof\s", re.I)),
    (
        "ordinal",
        re.compile(rf"\b(?:the|a|an|its|his|her|their|[A-Za-z]+['\u2019]s)\s({'|'.join(ORDINALS)})\s(?=[a-z])", re.I),
    ),
    (
        "count",
        re.compile(rf"(?<![\w$€£.,:/-])({_NUM}|(?:{_NUMBER_WORD_RE}))(?:\s({'|'.join(SCALES)}))?(?=\s)(?!-)", re.I),
    ),
]
_NEXT_WORD = re.compile(r"\s+([^\W\d_][\w-]*)")


def _number_value(text: str) -> str:
    word = text.lower()
    if word in NUMBER_WORDS:
        return str(NUMBER_WORDS[word])
    return text.replace(",", "")


def _head_noun(sentence: str, pos: int) -> tuple[str, int] | None:
    """The noun a number at ``pos`` counts: the first plural word among the next few,
    stopping at punctuation or a function word; None if there is none ("all three
    agreed": a singular word after a number is more often a verb than a noun)."""
    words = []
    cursor = pos
    for _ in range(MAX_HEAD_DISTANCE):
        m = _NEXT_WORD.match(sentence, cursor)
        if not m:
            break
        word = m.group(1)
        if word.lower() in STOPWORDS or word.lower() in NUMBER_WORDS:
            break
        words.append((word, m.end()))
        cursor = m.end()
    for word, end in words:
        bare = word.lower()
        if (
            bare.endswith("s") and not bare.endswith(("ss", "us", "is")) and len(bare) > 2
        ) or bare in IRREGULAR_PLURALS:
            return word, end
    return None


_PLAIN_KINDS = ("money", "percent", "time", "date", "year", "weekday")  # the match alone is the fact


def _plain_fact(kind: str, m: re.Match[str]) -> str:
    """The normalised fact of a money, percent, time, date, year or weekday match."""
    if kind == "money":
        return f"{m.group(1)}{_number_value(m.group(2))}" + (f" {m.group(3).lower()}" if m.group(3) else "")
    if kind == "percent":
        return f"{_number_value(m.group(1))}%"
    if kind == "time":
        return f"{m.group(1)} {m.group(2).lower()}.m." if m.group(2).lower() in "ap" else f"{m.group(1)} {m.group(2)}"
    if kind == "date":
        month, day = (m.group(1), m.group(2)) if not m.group(1).isdigit() else (m.group(2), m.group(1))
        return f"{MONTHS[month.lower()]} {int(day)}"
    return m.group(1)  # year, weekday


def _ordinal_fact(text: str, m: re.Match[str]) -> tuple[str, int] | None:
    """``("fifth visit", end)`` for an ordinal match: the noun after it ("the fourth
    group"), or, where it has none, the noun of the phrase it stands in apposition to
    ("the Kerry visit, the secretary's fifth since ..."); None for "the first of", "a
    final agreement" ("final" counts only before a noun of SEQUENCE_NOUNS)."""
    ordinal = m.group(1).lower()
    nxt = _NEXT_WORD.match(text, m.end() - 1)
    if nxt and nxt.group(1).lower() not in STOPWORDS and nxt.group(1).lower() not in NUMBER_WORDS:
        noun, end = nxt.group(1).lower(), nxt.end()
    else:
        before = re.search(r"([a-z][\w-]*),\s*(?:[Tt]he\s+)?$", text[:m.start()])
        possessive = re.search(r"['\u2019]s$", m.group(0).split()[0])
        if not (possessive and before) or before.group(1) in STOPWORDS:
            return None
        noun, end = before.group(1), m.end() - 1
    if ordinal == "final" and noun not in SEQUENCE_NOUNS:
        return None
    return f"{ordinal} {noun}", end


def _vague_or_count_fact(kind: str, text: str, m: re.Match[str]) -> tuple[str, int] | None:
    """``(fact, end)`` for a vague ("hundreds of prisoners") or counted ("104 prisoners")
    match, or None where no noun is counted ("the two", "all three")."""
    if kind == "vague":
        head = _head_noun(text, m.end() - 1)
        return (f"{m.group(1).lower()} of {head[0]}", head[1]) if head else None
    value = _number_value(m.group(1)) + (f" {m.group(2).lower()}" if m.group(2) else "")
    head = _head_noun(text, m.end())
    if head:
        return f"{value} {head[0]}", head[1]
    return None if m.group(1).lower() in NUMBER_WORDS else (value, m.end())


def number_facts(text: str) -> tuple[list[tuple[int, int, str, str]], list[tuple[int, int]]]:
    """The numbers, dates, times and quantities of one sentence, and the spans they take.

    Returns ``(found, taken)``: ``(start, end, kind, fact)`` per fact, in the order of
    ``_PATTERNS`` (an earlier pattern's match wins where two overlap), and their spans.
    A vague quantity ("hundreds of prisoners") is a fact of kind "count", each match on
    its own.
    """
    found, taken = [], []

    def free(s: int, e: int) -> bool:
        return all(e <= ts or s >= te for ts, te in taken)

    for pattern_kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.span()
            kind = pattern_kind
            if not free(s, e):
                continue
            if kind in _PLAIN_KINDS:
                fact = _plain_fact(kind, m)
            elif kind == "month":
                if m.group(2) == "May" and (not m.group(1)) and opens_sentence(text, m.start(2)):
                    continue  # "May I ..." opens a sentence; a month rarely does
                fact = f"{m.group(1).lower()} {m.group(2)}" if m.group(1) else m.group(2)
            else:
                got = _ordinal_fact(text, m) if kind == "ordinal" else _vague_or_count_fact(kind, text, m)
                if got is None:
                    continue
                (fact, e), kind = got, "count" if kind == "vague" else kind
            if not free(s, e):
                continue
            taken.append((s, e))
            found.append((s, e, kind, fact))
    return found, taken
