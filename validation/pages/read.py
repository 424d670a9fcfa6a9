"""The evaluation pages' files: one labelled news-page excerpt each (format in README.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
SETS = ("eval", "dev")
# Every line of a page carries one of these (README.md, "Label rules").
LABELS = (
    "headline", "dek", "byline", "dateline", "timestamp", "caption", "credit", "widget",
    "related", "subhead", "agency", "body",
)
HEADER_KEYS = ("url", "outlet", "topic", "agency", "dateline", "retrieved", "licence", "quote", "note")
SEPARATOR = "---"


@dataclass
class Page:
    """One labelled page: where it is from, its lines with their labels, its quotations."""

    page_id: str
    meta: dict[str, str]
    lines: list[tuple[str, str]]  # (label, text); ("", "") for a blank line
    quotes: list[tuple[str, str]] = field(default_factory=list)  # (speaker, first words of the quotation)

    @property
    def text(self) -> str:
        """The page as the cleaner reads it: the lines' text, one per line."""
        return "\n".join(text for _, text in self.lines)

    def first(self, label: str) -> str | None:
        """The text of the first line with ``label``, or None."""
        return next((t for lab, t in self.lines if lab == label), None)

    def all(self, label: str) -> list[str]:
        return [t for lab, t in self.lines if lab == label]


class PageFormatError(ValueError):
    """A page file that does not follow the format; the message names the file and line."""


def read_page(path: Path) -> Page:
    """Parse one page file: ``key: value`` header lines, ``---``, then ``label | text`` lines."""
    raw = path.read_text(encoding="utf-8").split("\n")
    if SEPARATOR not in raw:
        raise PageFormatError(f"{path.name}: no '{SEPARATOR}' line after the header")
    cut = raw.index(SEPARATOR)
    meta, quotes = {}, []
    for n, line in enumerate(raw[:cut], start=1):
        key, sep, value = line.partition(":")
        if not sep or key.strip() not in HEADER_KEYS:
            raise PageFormatError(f"{path.name}:{n}: not a header line: {line!r}")
        if key.strip() == "quote":
            speaker, bar, words = value.partition("|")
            if not bar or not speaker.strip() or not words.strip():
                raise PageFormatError(f"{path.name}:{n}: a quote line is 'quote: Speaker | first words'")
            quotes.append((speaker.strip(), words.strip()))
        else:
            meta[key.strip()] = value.strip()
    lines = []
    for n, line in enumerate(raw[cut + 1:], start=cut + 2):
        if not line.strip():
            lines.append(("", ""))
            continue
        label, bar, text = line.partition(" | ")
        if not bar or label.strip() not in LABELS:
            raise PageFormatError(f"{path.name}:{n}: not a 'label | text' line: {line!r}")
        lines.append((label.strip(), text))
    while lines and lines[-1] == ("", ""):
        lines.pop()
    missing = [k for k in ("url", "outlet", "topic", "agency", "dateline", "retrieved", "licence") if k not in meta]
    if missing:
        raise PageFormatError(f"{path.name}: header lacks {', '.join(missing)}")
    return Page(page_id=path.stem, meta=meta, lines=lines, quotes=quotes)


def read_set(name: str, folder: Path = HERE) -> list[Page]:
    """Every page of one set (``eval`` or ``dev``), in file-name order."""
    return [read_page(p) for p in sorted((folder / name).glob("*.txt"))]


def none_if_empty(value: str | None) -> str | None:
    """'none', '' and None are all None."""
    return None if value is None or value.strip().lower() in ("", "none") else value.strip()


def normalise(text: str | None) -> str:
    """Case, quotes, punctuation and spacing folded, for comparing a found part with its label."""
    if not text:
        return ""
    return " ".join(re.sub(r"[\W_]+", " ", text.casefold()).split())
