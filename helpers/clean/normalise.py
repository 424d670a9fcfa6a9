"""Unicode normalisation of one line of a page: the comparable form the body uses, changes counted
(and ``comparable``, the case- and punctuation-blind form lines are matched in)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

# Characters news pages use that compare unequal to their plain forms. Straight
# ASCII quotes are kept as the comparable form: they stay recognisable as quote
# marks, make "it's" and "it’s" one token, and let wire copy with curly quotes
# match a rewrite with straight ones. The raw text keeps the original characters.
_CHAR_MAP: dict[str, tuple[str, str]] = {
    **dict.fromkeys("“”„‟″«»〝〞＂", ('"', "curly or foreign double quote")),
    **dict.fromkeys("‘’‚‛′‹›＇", ("'", "curly single quote or apostrophe")),
    **dict.fromkeys(
        "\xa0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000\t",
        (" ", "non-breaking or special space"),
    ),
    **dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\xad", ("", "zero-width character or soft hyphen")),
    "\u2010": ("-", "unicode hyphen"),
    "\u2011": ("-", "unicode hyphen"),
    "\u2212": ("-", "minus sign"),
    "\u2012": ("\u2013", "figure dash"),
    "\u2015": ("\u2014", "horizontal bar"),
    "\u2026": ("...", "ellipsis character"),
}
_CHAR_TABLE = str.maketrans({c: rep for c, (rep, _) in _CHAR_MAP.items()})
_SPECIAL_CHARS = re.compile("[" + re.escape("".join(_CHAR_MAP)) + r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_DOUBLE_HYPHEN = re.compile(r"\s--\s")
_SPACES = re.compile(r" {2,}")
LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029")


def split_lines(text: str) -> list[str]:
    """``LINE_BREAK.split(text)``: the text's lines, split at every line break it names (a text
    with no carriage return or Unicode line or paragraph separator is split at its newlines)."""
    if "\r" in text or "\u2028" in text or "\u2029" in text:
        return LINE_BREAK.split(text)
    return text.split("\n")


def normalise_line(line: str, counts: Counter | None = None) -> str:
    """Return one line in the comparable form the body uses.

    NFC composition; curly and foreign quotes to straight ones; non-breaking and
    other special spaces to a space; zero-width characters and soft hyphens dropped;
    unicode hyphens and minus to ``-``; figure dash to en dash, horizontal bar and
    `` -- `` to em dash; the ellipsis character to ``...``; control characters
    dropped; runs of spaces folded; ends stripped. En and em dashes are kept: they
    are punctuation, not hyphens. If ``counts`` is given, each change is counted
    in it by kind.
    """
    if line.isascii() and line.isprintable() and "--" not in line:  # printable ASCII: nothing to map (most lines)
        return line.strip() if "  " not in line else _SPACES.sub(" ", line).strip()
    line = unicodedata.normalize("NFC", line)
    if "--" not in line and not _SPECIAL_CHARS.search(line):  # nothing to count, map or drop (most lines)
        return _SPACES.sub(" ", line).strip()
    if counts is not None:
        for ch in _SPECIAL_CHARS.findall(line):
            counts[_CHAR_MAP[ch][1] if ch in _CHAR_MAP else "control character"] += 1
        if n_double := len(_DOUBLE_HYPHEN.findall(line)):
            counts["spaced double hyphen"] += n_double
    line = _CONTROL.sub("", line.translate(_CHAR_TABLE))
    line = _DOUBLE_HYPHEN.sub(" \u2014 ", line)
    return _SPACES.sub(" ", line).strip()


_LETTERS_OR_DIGITS = re.compile(r"[^\W_]+")
# Every ASCII character that is not a letter or digit to a space, a capital to its lower case (ASCII
# case-folds as ``lower()``): in ASCII, ``[^\W_]`` is ``[A-Za-z0-9]``.
_ASCII_FOLDED_RUNS = str.maketrans({c: c.lower() if c.isalnum() else " " for c in map(chr, range(128))})


@lru_cache(maxsize=4096)  # a page's paragraphs are compared with each other by several steps
def comparable(text: str) -> str:
    """``text`` case-folded, its runs of letters and digits joined by one space (punctuation,
    underscores and spaces between them dropped): "Gaza's 'truce'" -> "gaza s truce"."""
    if text.isascii():  # the same runs, found without a regex, folded in the same pass
        return " ".join(text.translate(_ASCII_FOLDED_RUNS).split())
    return " ".join(_LETTERS_OR_DIGITS.findall(text.casefold()))
