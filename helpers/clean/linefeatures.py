"""What a trained line model reads of each line of a page: one row of numbers per non-blank line.

The features come from the page alone: the rules' verdict on the line (its rule name), its
length and make-up (words, characters, capitals, digits, closing punctuation, dates, agency
names, furniture words such as "photo", "share", "subscribe"), where it stands (from the top,
from the bottom, before the first or after the last long paragraph), its neighbours (their
length, whether they are long paragraphs or furniture the rules found), whether the page
repeats it, and the words of a short line hashed into ``HASH_BUCKETS`` columns (CRC-32, so the
same text gives the same columns on any machine). ``validation/pages/lines.py`` trains on them;
``linemodel.py`` applies the shipped model.
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter

import numpy as np

from ..wordlists import read_word_list
from .agency import AGENCY_ALTERNATION
from .normalise import comparable
from .rules import (
    DATE_OR_TIME,
    ENDS_PUNCTUATED,
    SECTION_WORDS,
    SENTENCE_END,
    UNFINISHED_LINE_WORDS,
    count_words,
    looks_like_title,
)

HASH_BUCKETS = 128  # columns for the hashed words of short lines
GRAM_BUCKETS = 64  # columns for the hashed character trigrams of short lines
GRAM_LINE_WORDS = 6  # only lines this short give their character trigrams
SHORT_LINE_WORDS = 12  # only lines this short give their words (a paragraph's words say little)
LONG_LINE_WORDS = 25  # a line this long is a story paragraph (or a long caption)
NEAR_LINES = 3  # "near the top/bottom": within this many non-blank lines
# Rule names the cleaner's audit uses; any other counts as "other rule". The order is the columns'.
RULE_NAMES = (
    "headline", "headline (repeated)", "above headline", "section label", "dek (standfirst)", "byline",
    "sign-off", "timestamp", "photo credit", "photo caption", "share/print widget", "page widget",
    "wire credit", "source link", "sign-up or newsletter box", "publisher's message", "teaser link",
    "partner teasers", "teaser block heading", "comment section", "donation or membership appeal",
    "page footer block", "highlights", "crosshead (subhead)", "dateline (own line)", "repeated paragraph",
)
# Words of page furniture, each a feature of its own (lower case, whole words).
FURNITURE_WORDS = (
    "photo", "photos", "image", "getty", "file", "credit", "courtesy", "share", "tweet", "email", "print",
    "subscribe", "newsletter", "sign", "login", "click", "follow", "read", "more", "related", "also", "watch",
    "video", "advertisement", "copyright", "reserved", "rights", "updated", "published", "by", "comments",
    "story", "author", "topics", "close", "inbox", "source", "news",
)
_AGENCY = re.compile(rf"\b(?:{AGENCY_ALTERNATION})\b")
_WORDS = re.compile(r"[a-z0-9']+")
_URL = re.compile(r"https?://|www\.|\.com\b|\.html?\b", re.IGNORECASE)
_LINK_TOKEN = re.compile(r"(?:^|\s)[@#]\w|https?://|www\.|\.(?:com|org|net|co\.\w\w)\b|\bbit\.ly\b", re.IGNORECASE)
_SEPARATOR = re.compile(r"[|\u00bb\u203a\u2022\u00b7>/]")
_QUOTE = re.compile(r"[\"\u201c\u201d]|(?<!\w)'|'(?!\w)")
_MONTH_NAME = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?", re.IGNORECASE)
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s?[ap]\.?m\b|\b(?:gmt|utc|[ecmp][sd]t|bst|ist)\b", re.IGNORECASE)
_SENTENCES = re.compile(r"\w[.!?]['\"\u2019\u201d)]*(?:\s|$)")
FIRST_PERSON = frozenset({"i", "we", "me", "my", "our", "us", "i'm", "we're", "i've", "we've"})
THIRD_PERSON = frozenset({"he", "she", "they", "his", "her", "their", "him", "them", "it", "its"})
SPEECH_VERBS = frozenset(read_word_list("speech_verbs"))
NUMERIC_NAMES = (
    "bias", "log_words", "log_chars", "ends_punctuated", "ends_colon", "ends_full_stop", "share_capitalised",
    "share_digits", "share_upper", "has_date", "has_agency", "has_url", "title_like", "sentence_inside",
    "opens_lower", "opens_quote", "opens_by", "one_word", "relative_position", "near_top", "near_bottom",
    "before_first_long", "after_last_long", "prev_log_words", "next_log_words", "prev_long", "next_long",
    "prev_rule", "next_rule", "blank_before", "blank_after", "repeated", "rule_none",
)
ROUND4_COLUMNS = len(NUMERIC_NAMES) + len(RULE_NAMES) + 1 + len(FURNITURE_WORDS) + HASH_BUCKETS  # round 4's, first
# Columns that should hold across sites: the line against the whole page, its sentences, its voice.
PAGE_NAMES = (
    "share_of_page_words", "length_rank", "longest_block_distance", "in_longest_block", "near_body_by_rules",
    "repeats_removed_line", "repeats_body_line", "sentences", "quote_marks", "first_person", "third_person",
    "speech_verbs", "link_tokens", "all_caps", "separators", "month_names", "clock_times", "section_words",
    "ends_unfinished", "ends_lower", "ends_comma_or_dash",
)


def feature_names() -> list[str]:
    """The name of every column ``line_features`` returns, in order."""
    return [
        *NUMERIC_NAMES, *(f"rule={name}" for name in RULE_NAMES), "rule=other rule",
        *(f"word={w}" for w in FURNITURE_WORDS), *(f"hash={k}" for k in range(HASH_BUCKETS)),
        *PAGE_NAMES, *(f"gram={k}" for k in range(GRAM_BUCKETS)),
    ]


def _shape(text: str) -> list[float]:
    """The line on its own: length, make-up, punctuation, dates, agencies."""
    words, chars = count_words(text), len(text)
    tokens = text.split()
    letters = [c for c in text if c.isalpha()]
    return [
        1.0, math.log1p(words), math.log1p(chars), float(bool(ENDS_PUNCTUATED.search(text))),
        float(text.rstrip("'\" ").endswith(":")), float(text.rstrip("'\" )").endswith(".")),
        sum(t[:1].isupper() for t in tokens) / max(len(tokens), 1),
        sum(c.isdigit() for c in text) / max(chars, 1), sum(c.isupper() for c in letters) / max(len(letters), 1),
        float(bool(DATE_OR_TIME.search(text))), float(bool(_AGENCY.search(text))), float(bool(_URL.search(text))),
        float(looks_like_title(text)), float(bool(SENTENCE_END.search(text))), float(text[:1].islower()),
        float(text[:1] in "\"'\u201c\u2018"), float(text.lower().startswith("by ")), float(words <= 1),
    ]


def _place(i: int, n: int, words: list[int]) -> list[float]:
    """Where line ``i`` of ``n`` stands: from the top, the bottom, and the long paragraphs."""
    long_i = [k for k, w in enumerate(words) if w >= LONG_LINE_WORDS]
    first_long, last_long = (long_i[0], long_i[-1]) if long_i else (n, -1)
    return [
        i / max(n - 1, 1), float(i < NEAR_LINES), float(i >= n - NEAR_LINES),
        float(i < first_long), float(i > last_long),
    ]


def _neighbours(i: int, words: list[int], rules: list[str | None], gaps: list[tuple[bool, bool]]) -> list[float]:
    """The lines round line ``i``: their length, whether they are long or furniture the rules found."""
    n = len(words)
    prev_w = words[i - 1] if i > 0 else 0
    next_w = words[i + 1] if i + 1 < n else 0
    return [
        math.log1p(prev_w), math.log1p(next_w), float(prev_w >= LONG_LINE_WORDS), float(next_w >= LONG_LINE_WORDS),
        float(i > 0 and rules[i - 1] is not None), float(i + 1 < n and rules[i + 1] is not None),
        float(gaps[i][0]), float(gaps[i][1]),
    ]


def _rule_columns(rule: str | None) -> list[float]:
    out = [0.0] * (len(RULE_NAMES) + 1)
    if rule is not None:
        out[RULE_NAMES.index(rule) if rule in RULE_NAMES else len(RULE_NAMES)] = 1.0
    return out


def _word_columns(text: str) -> list[float]:
    """Furniture words present, then the hashed words of a short line."""
    tokens = _WORDS.findall(text.lower())
    present = set(tokens)
    out = [float(w in present) for w in FURNITURE_WORDS]
    hashed = [0.0] * HASH_BUCKETS
    if len(tokens) <= SHORT_LINE_WORDS:
        for token in present:
            hashed[zlib.crc32(token.encode("utf-8")) % HASH_BUCKETS] = 1.0
    return out + hashed


def _longest_block(words: list[int], rules: list[str | None]) -> tuple[int, int]:
    """First and last line of the longest run of lines the rules keep with 15 or more words (the story)."""
    best, start = (0, -1), None
    for i, w in enumerate([*words, 0]):
        inside = i < len(words) and w >= 15 and rules[i] is None
        if inside and start is None:
            start = i
        elif not inside and start is not None:
            if i - start > best[1] - best[0] + 1 or best[1] < 0:
                best = (start, i - 1)
            start = None
    return best


def _page_columns(
    i: int, words: list[int], rules: list[str | None], keys: list[str], block: tuple[int, int]
) -> list[float]:
    """Line ``i`` against its page: its share of the words, its length rank, its distance from the story's
    longest run of paragraphs, the rules' verdict round it, and whether it repeats a line the rules
    removed or kept."""
    n, total = len(words), max(sum(words), 1)
    first, last = block
    distance = 0 if first <= i <= last else (first - i if i < first else i - last) if last >= 0 else n
    around = [k for k in range(max(i - 2, 0), min(i + 3, n)) if k != i]
    earlier = [k for k in range(n) if k != i and keys[k] and keys[k] == keys[i]]
    return [
        words[i] / total, sum(w > words[i] for w in words) / max(n - 1, 1), math.log1p(distance),
        float(first <= i <= last), sum(rules[k] is None for k in around) / max(len(around), 1),
        float(any(rules[k] is not None for k in earlier)), float(any(rules[k] is None for k in earlier)),
    ]


def _voice_columns(text: str) -> list[float]:
    """Sentences, quotation marks, first/third person and speech verbs, links, capitals, separators,
    months and clock times, navigation words, and how the line ends."""
    tokens = _WORDS.findall(text.lower())
    letters = [c for c in text if c.isalpha()]
    stripped = text.rstrip("'\" \u2019\u201d)")
    last = tokens[-1] if tokens else ""
    return [
        math.log1p(len(_SENTENCES.findall(text))), math.log1p(len(_QUOTE.findall(text))),
        math.log1p(sum(t in FIRST_PERSON for t in tokens)), math.log1p(sum(t in THIRD_PERSON for t in tokens)),
        math.log1p(sum(t in SPEECH_VERBS for t in tokens)), math.log1p(len(_LINK_TOKEN.findall(text))),
        float(len(letters) >= 2 and all(c.isupper() for c in letters)), math.log1p(len(_SEPARATOR.findall(text))),
        math.log1p(len(_MONTH_NAME.findall(text))), math.log1p(len(_CLOCK.findall(text))),
        sum(t in SECTION_WORDS for t in tokens) / max(len(tokens), 1), float(last in UNFINISHED_LINE_WORDS),
        float(stripped[-1:].islower()), float(stripped[-1:] in ",-\u2013\u2014"),
    ]


def _gram_columns(text: str) -> list[float]:
    """The character trigrams of a short line (``GRAM_LINE_WORDS`` words or fewer), hashed."""
    out = [0.0] * GRAM_BUCKETS
    if count_words(text) <= GRAM_LINE_WORDS:
        padded = f" {comparable(text)} "
        for k in range(len(padded) - 2):
            out[zlib.crc32(padded[k : k + 3].encode("utf-8")) % GRAM_BUCKETS] = 1.0
    return out


def line_features(
    lines: list[tuple[int, str]], rules: list[str | None], *, extended: bool = True, rows: list[int] | None = None
) -> np.ndarray:
    """One row per non-blank line: the columns ``feature_names()`` names (only the first
    ``ROUND4_COLUMNS`` when ``extended`` is False: a model that reads no later column skips their cost).

    Parameters
    ----------
    lines:
        The page's non-blank lines as (1-based line number in the raw text, normalised text).
    rules:
        For each line, the name of the rule that took it out of the body, or None (body).

    extended:
        Also the later columns (page, voice and letter-trigram columns).
    rows:
        Only these lines' rows, in this order (each read against the whole page as before); None: every line.

    Returns
    -------
    numpy.ndarray
        Shape (len(lines), len(feature_names()) or ``ROUND4_COLUMNS``), float64; len(rows) rows when given.
    """
    n = len(lines)
    words = [count_words(text) for _, text in lines]
    numbers = [number for number, _ in lines]
    gaps = [(k == 0 or numbers[k - 1] != numbers[k] - 1, k == n - 1 or numbers[k + 1] != numbers[k] + 1)
            for k in range(n)]
    keys = [comparable(text) for _, text in lines]
    seen = Counter(keys)
    block = _longest_block(words, rules) if extended else (0, 0)
    out = []
    for i in range(n) if rows is None else rows:
        text = lines[i][1]
        repeated = float(bool(keys[i]) and seen[keys[i]] > 1)
        row = (_shape(text) + _place(i, n, words) + _neighbours(i, words, rules, gaps)
               + [repeated, float(rules[i] is None)] + _rule_columns(rules[i]) + _word_columns(text))
        if extended:
            row += _page_columns(i, words, rules, keys, block) + _voice_columns(text) + _gram_columns(text)
        out.append(row)
    return np.asarray(out, dtype=np.float64).reshape(len(out), len(feature_names()) if extended else ROUND4_COLUMNS)
