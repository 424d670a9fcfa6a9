"""The word lists in ``helpers/data/``: read once, shared by every analysis that needs them.

Every list is a CSV file with comment lines (``#``) above its header that say what it is
for, where it comes from and under which licence. This module reads the ones more than
one analysis uses: demonyms (nationality words -> the country names they stand for),
titles (roles, honorifics, modifiers and title words, one table for actors, facts and
quotes) and the nouns after which "final" is an ordinal.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"  # helpers/data/


def read_rows(name: str) -> list[list[str]]:
    """The rows of ``helpers/data/<name>.csv`` past its ``#`` comments, header included."""
    with open(DATA_DIR / f"{name}.csv", encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.reader(lines))


def read_word_list(name: str) -> tuple[str, ...]:
    """The first column of ``helpers/data/<name>.csv`` in file order, past its ``#`` comments and header."""
    return tuple(row[0] for row in read_rows(name)[1:])


def read_demonyms(name: str = "demonyms") -> dict[str, tuple[str, ...]]:
    """Demonym -> the country names an actors table may list for it (``;``-separated in the file)."""
    return {row[0]: tuple(c for c in row[1].split(";") if c) for row in read_rows(name)[1:]}


def word_pattern(words) -> re.Pattern[str]:
    """A pattern matching any of ``words`` as a whole word (longest first, so "South
    African" wins over "African"; "U.S." ends at its period)."""
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alternation})(?![\w])")


# Adjectives and nouns of nationality (every country's, from the mledoze/countries dataset,
# plus regional and group words; see the file's header): a word here is never a person's
# name, and gives an unnamed source ("an Israeli official") the side of its country.
DEMONYMS = read_demonyms()
DEMONYM_PATTERN = word_pattern(DEMONYMS)
# The singular forms ("Israeli", "South Korean"; not "Israelis", a people, nor "U.S.", also
# the country's name): adjectives of nationality.
NATIONALITY_ADJECTIVES = frozenset(row[0] for row in read_rows("demonyms")[1:] if row[2] == "singular")


def read_titles(name: str = "titles") -> tuple[tuple[str, str, str], ...]:
    """``(title, kind, in_names)`` rows of ``helpers/data/titles.csv`` (see its header)."""
    return tuple((row[0], row[1], row[2] if len(row) > 2 else "") for row in read_rows(name)[1:])


TITLE_TABLE = read_titles()
# Job titles that stand for their holder ("the prime minister"): quotes' role nouns.
TITLE_ROLES = tuple(t for t, kind, _ in TITLE_TABLE if kind == "role")
# Honorifics and abbreviated titles, without their period ("mr", "sen"): never roles.
HONORIFICS = frozenset(t.rstrip(".") for t, kind, _ in TITLE_TABLE if kind == "honorific")
# Words that qualify a title and go with it ("Deputy State Department Spokesman").
TITLE_MODIFIERS = tuple(t for t, kind, _ in TITLE_TABLE if kind == "modifier")
# Titles cut out of names and stripped from speakers' names (roles and honorifics marked "cut").
NAME_TITLES = tuple(t for t, kind, cut in TITLE_TABLE if kind in ("role", "honorific") and cut == "cut")
_NOT_TITLE_WORDS = frozenset({"of", "the", "and"})


def title_words(table=TITLE_TABLE) -> frozenset[str]:
    """Every word of every title, lower case, hyphenated titles whole and in parts, and
    honorifics with and without their period ("sen", "sen."); never "of" or "the"."""
    words = set()
    for title, kind, _cut in table:
        for word in title.split():
            for part in {word, *word.split("-")}:
                if part and part not in _NOT_TITLE_WORDS:
                    words |= {part.rstrip("."), part.rstrip(".") + "."} if kind == "honorific" else {part}
    return frozenset(words)


# Words that precede names but are never given names ("Secretary of State John Kerry").
TITLE_WORDS = title_words()
# Nouns after which "final" is an ordinal ("the final group"), not "definitive" ("a final agreement").
SEQUENCE_NOUNS = frozenset(read_word_list("sequence_nouns"))
