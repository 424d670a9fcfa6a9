"""The words texts are compared on: normalised tokens with their spans, and their shingles.

Every comparison in ``helpers.overlap`` is on *normalised tokens*: words and numbers,
case-folded, with punctuation, quotation marks and whitespace dropped, so "balked" and
'balked' and "Balked" compare equal.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

# Words: a run of digits with inner separators (5,000 / 3.5 / 10:30) or a run of word
# characters with inner apostrophes, periods or hyphens (U.S., long-serving, Kerry's).
_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*|\w+(?:['\u2019.\-]\w+)*")


class Token(NamedTuple):
    """A word of a text: its normalised form and its character span in that text."""

    norm: str
    start: int
    end: int


def normalise_tokens(text: str) -> list[Token]:
    """The words of ``text``, normalised for comparison, with their spans in ``text``.

    Unicode NFKC, case-folded, curly apostrophes made straight and the periods of
    abbreviations dropped ("U.S." -> "us"); punctuation, quotation marks and whitespace
    are not tokens at all, so they never make two texts differ.

    Returns
    -------
    list of Token
        ``norm``, ``start``, ``end`` (``text[start:end]`` is the word as written).
    """
    if text.isascii():  # NFKC changes nothing and case-folding is lower-casing, of the same length
        lower = text.lower()
        return [Token(w if w[0].isdigit() else w.replace(".", ""), m.start(), m.end())
                for m in _TOKEN.finditer(lower) for w in (m.group(),)]
    tokens = []
    for m in _TOKEN.finditer(text):
        norm = unicodedata.normalize("NFKC", m.group()).casefold().replace("\u2019", "'")
        if not norm[0].isdigit():
            norm = norm.replace(".", "")
        tokens.append(Token(norm, m.start(), m.end()))
    return tokens


def token_norms(text: str) -> list[str]:
    """``[t.norm for t in normalise_tokens(text)]``, faster."""
    if text.isascii():
        return [w if w[0].isdigit() else w.replace(".", "") for w in _TOKEN.findall(text.lower())]
    return [t.norm for t in normalise_tokens(text)]


def shingles(norms: list[str], size: int) -> set[str]:
    """The distinct runs of ``size`` consecutive tokens, each joined by spaces.

    A text shorter than ``size`` tokens is one shingle of all its tokens (none if empty).
    """
    if len(norms) < size:
        return {" ".join(norms)} if norms else set()
    return set(map(" ".join, zip(*(norms[i:] for i in range(size)), strict=False)))  # the runs that fit


def content_words(text: str) -> list[str]:
    """Normalised tokens that are not stopwords: the terms of the TF-IDF vectors."""
    from ..nltk_data import STOPWORDS  # here: it loads scikit-learn, which the MinHash workers never need

    return [t.norm for t in normalise_tokens(text) if t.norm not in STOPWORDS]
