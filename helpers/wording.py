"""Counts and lists in the findings' sentences: "1 outlet", "2 outlets", "A, B and C"."""

from __future__ import annotations

from collections.abc import Iterable


def plural(count: int, word: str, plural_form: str | None = None) -> str:
    """``"1 sentence"``, ``"2 sentences"``, ``"1,204 words"``: a count with its noun in the right number.

    ``plural_form`` is the noun's plural when it is not ``word + "s"`` (``"1 study"``, ``"2 studies"``).
    """
    count = int(count)
    return f"{count:,} {word if count == 1 else (plural_form or word + 's')}"


def join_names(items: Iterable[str]) -> str:
    """``"A"``, ``"A and B"``, ``"A, B and C"`` (no serial comma, as the findings write it)."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def number_word(count: int) -> str:
    """``3`` -> ``"three"`` up to ten, then digits (``"12"``, ``"1,200"``), as prose writes counts."""
    count = int(count)
    return NUMBER_WORDS[count] if 0 <= count < len(NUMBER_WORDS) else f"{count:,}"
