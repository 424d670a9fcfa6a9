"""Lines that are furniture because of the lines round them: a photo's alt text above its
caption, a photographer's name beside a caption, sponsored titles under their heading, a
site's name after the end credit, a dateline standing as a bullet among the header's
credits, and a paragraph the page repeats."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .agency import AGENCY_ALTERNATION
from .normalise import comparable
from .rules import (
    ENDS_PUNCTUATED,
    OWN_LINE_DATELINE,
    Rule,
    count_words,
    ends_unfinished,
    is_time_word,
    looks_like_title,
)

CAPTION_RULES = ("photo caption", "photo credit")
ALT_TEXT_MAX_WORDS = 15  # a photo's alt text is a short label; its caption follows and opens with it
PHOTO_TITLE_MAX_WORDS = 10  # a short unpunctuated line right above a caption is the photo's title
FOLLOWED_NAME_MAX_WORDS = 4  # "Click to follow" / "The Evening Standard": the name the button follows
NAME_CREDIT_MAX_WORDS = 4  # "Name Surname" standing alone beside a caption is the photographer
END_SITE_LINE_MAX_WORDS = 6  # after an end credit, a short unpunctuated line is the site's name or a label
REPEAT_MIN_WORDS = 8  # a paragraph this long printed twice is one paragraph kept twice
# Text broken at a fixed width (a transcript, a wire feed: "... Press Secretary" / "Kazuo Kodama said ..."):
# in a block of HARD_WRAP_RUN_MIN+ lines with no blank line between, none over HARD_WRAP_MAX_CHARS characters,
# an unpunctuated line of HARD_WRAP_MIN_WORDS[0]+ words at least HARD_WRAP_SHARE of the block's longest runs on
# into the next (of HARD_WRAP_MIN_WORDS[1]+ words).
HARD_WRAP_RUN_MIN = 5
HARD_WRAP_MAX_CHARS = 100
HARD_WRAP_SHARE = 0.8
HARD_WRAP_MIN_WORDS = (8, 6)
HEADER_DATELINE_MAX_WORDS = 3  # "• New Delhi" among "• PTI", "Updated: ..."
END_CREDIT_AFTER_MAX_WORDS = 15  # below the story's last paragraph, unclaimed lines this short are furniture
_NAME_ONLY = re.compile(r"^[A-Z][\w.'-]+(?:\s+(?:[A-Z][\w.'-]+|de|da|van|von|al|el|bin)){1,3}$")
_BULLET_START = re.compile(r"^[\u2022\u00b7*]\s*")
_AGENCY_ALONE = re.compile(rf"^[(\[]?\s*(?:{AGENCY_ALTERNATION})\s*[)\]]?\.?$")
# A news agency's name closing a line, bracketed or after a sentence: "... kitty party". (ANI)", "... said. AFP"
_AGENCY_CLOSING = re.compile(
    rf"(?:\S\s*[(\[]\s*(?:{AGENCY_ALTERNATION})\s*[)\]]|[.!?'\"]\s+(?:{AGENCY_ALTERNATION}))\.?\s*$"
)
_FOLLOW_PROMPT = re.compile(r"\bfollow\b", re.IGNORECASE)


@dataclass
class PageLines:
    """One page's non-blank lines and what each has been found to be so far."""

    lines: list[tuple[int, str, str]]  # (1-based line in the raw text, raw line, normalised line)
    labels: list[tuple[str, str | None, str | None] | None]  # (rule, kept_as, detail); None: body
    rules: list[Rule | None]  # the single-line rule each line matches
    blocks: list[tuple[int, int]] | None = field(default=None, repr=False)  # per line: its block's size, longest

    def block(self, i: int) -> tuple[int, int]:
        """(lines, longest line's characters) of the block of lines with no blank line between holding line ``i``."""
        if self.blocks is None:
            self.blocks, start = [], 0
            for k in range(1, len(self) + 1):
                if k == len(self) or not self._adjacent(k):
                    self.blocks += [(k - start, max(len(self.text(j)) for j in range(start, k)))] * (k - start)
                    start = k
        return self.blocks[i]

    def __len__(self) -> int:
        return len(self.lines)

    def text(self, i: int) -> str:
        return self.lines[i][2]

    def rule_name(self, i: int) -> str | None:
        return self.labels[i][0] if 0 <= i < len(self) and self.labels[i] else None

    def line_rule_name(self, i: int) -> str | None:
        """The name of the single-line rule line ``i`` matches (before any label is given)."""
        return self.rules[i].name if 0 <= i < len(self) and self.rules[i] else None

    def runs_on(self, i: int) -> bool:
        """Whether line ``i`` runs on into the next: it ends in a word no sentence ends with, or
        the next line follows it with no blank line between and opens in lower case, or the line
        ends with a comma, or was broken at the width of its block (``HARD_WRAP_*``)."""
        text = self.text(i)
        if ends_unfinished(text):
            return True
        if not self._adjacent(i + 1):
            return False
        return self.text(i + 1)[:1].islower() or text.endswith(",") or self._width_broken(i)

    def _width_broken(self, i: int) -> bool:
        """Line ``i`` (followed by another with no blank line between) was broken by a fixed width."""
        size, longest = self.block(i)
        text = self.text(i)
        return (
            size >= HARD_WRAP_RUN_MIN and longest <= HARD_WRAP_MAX_CHARS and len(text) >= HARD_WRAP_SHARE * longest
            and not ENDS_PUNCTUATED.search(text) and count_words(text) >= HARD_WRAP_MIN_WORDS[0]
            and count_words(self.text(i + 1)) >= HARD_WRAP_MIN_WORDS[1]
        )

    def in_wrapped_paragraph(self, i: int) -> bool:
        """Whether line ``i`` is a piece of a paragraph wrapped over several lines: it runs on
        into the next line, or the line right above it (no blank line between) runs on into it."""
        return self.runs_on(i) or (self._adjacent(i) and self.runs_on(i - 1))

    def _adjacent(self, i: int) -> bool:
        """Line ``i`` follows line ``i - 1`` with no blank line between."""
        return 0 < i < len(self) and self.lines[i][0] == self.lines[i - 1][0] + 1

    def mark(self, i: int, rule: str, kept_as: str | None = None, detail: str | None = None) -> None:
        self.labels[i] = (rule, kept_as, detail)


def _beside_caption(page: PageLines, i: int) -> tuple[str, str] | None:
    """What the unclaimed line ``i`` is because of a caption or a widget beside it, as (rule,
    detail), or None."""
    text, nxt = page.text(i), page.rule_name(i + 1)
    if nxt == "photo caption" and count_words(text) <= ALT_TEXT_MAX_WORDS and (
        comparable(page.text(i + 1)).startswith(comparable(text))
    ):
        return "photo caption", "alt text: the caption below opens with it"
    if _NAME_ONLY.match(text) and count_words(text) <= NAME_CREDIT_MAX_WORDS and (
        nxt == "photo caption" or page.rule_name(i - 1) == "photo caption"
    ):
        return "photo credit", "a name alone beside a caption"
    if nxt == "photo caption" and count_words(text) <= PHOTO_TITLE_MAX_WORDS and looks_like_title(text):
        return "photo caption", "the photo's title: a short unpunctuated line above its caption"
    if page.rule_name(i - 1) == "page widget" and _FOLLOW_PROMPT.search(page.text(i - 1)) and (
        looks_like_title(text) and count_words(text) <= FOLLOWED_NAME_MAX_WORDS
    ):
        return "page widget", f"the name {page.text(i - 1)!r} follows"
    return None


def mark_in_context(page: PageLines, start: int) -> None:
    """Mark, from line ``start`` on, alt text, photos' titles, photographers' names, an agency's
    name beside a caption, the name a follow button follows, sponsored titles and the short
    lines after an end credit."""
    n = len(page)
    for i in range(start, n):
        found = _beside_caption(page, i) if page.labels[i] is None else None
        if found:
            page.mark(i, found[0], detail=found[1])
    for i in range(start, n):
        if page.rule_name(i) != "wire credit" or not _AGENCY_ALONE.match(page.text(i)):
            continue
        if {page.rule_name(i - 1), page.rule_name(i + 1)} & set(CAPTION_RULES):
            page.mark(i, "photo credit", detail="an agency's name alone beside a caption credits the photo")
    for i in range(start, n):
        if page.rule_name(i) == "partner teasers":
            j = i + 1
            while j < n and page.labels[j] is None and looks_like_title(page.text(j)):
                page.mark(j, "partner teasers", detail=f"after {page.text(i)!r}")
                j += 1
        elif page.rule_name(i) == "wire credit" and i >= n / 2:
            j = i + 1
            while j < n and (page.labels[j] is not None or (
                looks_like_title(page.text(j)) and count_words(page.text(j)) <= END_SITE_LINE_MAX_WORDS
            )):
                if page.labels[j] is None:
                    page.mark(j, "page footer block", detail=f"after the end credit {page.text(i)!r}")
                j += 1


def mark_header_dateline(page: PageLines, start: int) -> str | None:
    """A place standing as a bullet among the header's credit and time bullets ("• PTI",
    "• New Delhi", "Updated: ..."), or a dateline on a line of its own with its date ("TOKYO,
    April 14 Kyodo", "Margao, November 28") or its agency ("Libreville (AFP)"): mark it and
    return the place (None if there is none). A day's name is no place ("Monday, November 28")."""
    for i in range(start, min(len(page), start + 8)):
        text = page.text(i)
        own = OWN_LINE_DATELINE.match(text)
        place = own and (own.group("place") or own.group("title_place") or own.group("credited_place"))
        if place and not any(is_time_word(w) for w in place.split()) and page.rule_name(i) in (
            None, "timestamp", "photo caption"  # "Libreville (AFP)" ends like a caption's credit
        ):
            page.mark(i, "dateline (own line)", "dateline", "a dateline on a line of its own")
            return place
        if page.labels[i] is not None or not _BULLET_START.match(text):
            continue
        place = _BULLET_START.sub("", text)
        near = {page.rule_name(j) for j in (i - 2, i - 1, i + 1, i + 2)}
        capitalised = all(w[:1].isupper() for w in place.split()) and not ENDS_PUNCTUATED.search(place)
        if 0 < count_words(place) <= HEADER_DATELINE_MAX_WORDS and capitalised and near & {"wire credit", "timestamp"}:
            page.mark(i, "dateline (own line)", "dateline", "a place among the header's bullets")
            return place
    return None


def keep_end_credit(page: PageLines) -> None:
    """The last line a caption rule took for its news agency's credit alone ("... party. (ANI)",
    "... said. AFP") is the story's last paragraph with its end credit when no story paragraph
    follows it (only furniture, or short lines of up to ``END_CREDIT_AFTER_MAX_WORDS`` words a
    rule missed): it goes back to the body. (A caption under a photo has story after it.)"""
    for i in range(len(page) - 1, -1, -1):
        if page.labels[i] is None and count_words(page.text(i)) > END_CREDIT_AFTER_MAX_WORDS:
            return  # a story paragraph: the lines above it are not the story's end
        if page.rule_name(i) == "photo caption" and page.labels[i][2] is None and _AGENCY_CLOSING.search(page.text(i)):
            page.labels[i] = None
            return


def mark_repeats(page: PageLines) -> None:
    """Mark a body paragraph of ``REPEAT_MIN_WORDS`` or more that the page printed before; but when the
    earlier copy is a summary above the story (``_summary_restated``), mark that copy instead."""
    first: dict[str, int] = {}
    for i in range(len(page)):
        if page.labels[i] is not None or count_words(page.text(i)) < REPEAT_MIN_WORDS:
            continue
        key = comparable(page.text(i))
        if key not in first:
            first[key] = i
        elif _summary_restated(page, first[key], i):
            page.mark(first[key], "repeated paragraph", detail="a summary above the story, which restates it below")
            first[key] = i
        else:
            page.mark(i, "repeated paragraph", detail="the same paragraph appears earlier on the page")


def _summary_restated(page: PageLines, j: int, i: int) -> bool:
    """The kept line ``j``, repeated at ``i``, is a summary the story restates, so the later copy is the
    story's: a highlight bullet ("• They did not say ...") repeated without its bullet, or the page's
    first kept paragraph of ``REPEAT_MIN_WORDS`` or more words with furniture or a short line between the
    copies (a standfirst, then "Share this article" / "By ..." / "Open in App", then the story)."""
    if _BULLET_START.match(page.text(j)) and not _BULLET_START.match(page.text(i)):
        return True
    before = any(page.labels[k] is None and count_words(page.text(k)) >= REPEAT_MIN_WORDS for k in range(j))
    return not before and any(
        page.labels[k] is not None or count_words(page.text(k)) < REPEAT_MIN_WORDS for k in range(j + 1, i)
    )
