"""What one line of a page is: the rules for news-page furniture, datelines, titles and crossheads.

Each rule is a general pattern of news-page boilerplate, never a line copied from a
particular file.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

_AGENCIES = (
    r"AFP|AP|Reuters|Getty Images|Getty|EPA|EPA-EFE|Bloomberg|Xinhua|Anadolu(?: Agency)?|"
    r"Flash90|Sipa|Corbis|Shutterstock|Alamy|Pool|UPI|dpa|Wikimedia Commons"
)


@dataclass(frozen=True)
class Rule:
    """One kind of non-body line: a name for the audit and the pattern that finds it."""

    name: str
    pattern: re.Pattern[str]
    max_words: int = 40  # only lines at most this long can match
    late_only: bool = False  # only in the second half of the page
    marks_header: bool = False  # typical of the block between headline and body
    starts_footer: bool = False  # in the second half, everything after it goes
    keep_as: str | None = None  # column the line's text is kept in, if any


def _rx(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(pattern, flags)


# Order matters: the first rule that matches names the line.
LINE_RULES: tuple[Rule, ...] = (
    Rule("timestamp", _rx(
        r"^(?:last updated|updated|published|posted|first published|last modified)\b\s*(?:on|at)?\s*[:\-]?\s*\S"
    ), max_words=14, marks_header=True),
    Rule("share/print widget", _rx(
        r"^(?:e-?mail|print|share|send|tweet|save|copy|reprints?|comments?|listen|whatsapp|facebook|twitter)"
        r"(?:\s+(?:this|the|an?|to|on|via|link|article|story|page|feedback|facebook|twitter|x|"
        r"whatsapp|linkedin|e-?mail|audio|comments?|url))*\s*(?:\(\d+\))?\s*:?$"
    ), max_words=5, marks_header=True),
    Rule("byline", _rx(
        r"^By\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}"
        r"(?:(?:,|\s+and|\s+&)\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})*(?:\s*[,|]\s*.*)?$", 0
    ), max_words=14, marks_header=True),
    Rule("photo credit", _rx(
        r"^(?:photos?|photograph|images?|pictures?|credits?|file photo|photo credit)(?:\s+by)?\s*[:/]|"
        rf"(?:/|\bvia\s+|\bfor\s+)(?:{_AGENCIES})\b[^.!?]*$|\bAP Photo\b[^.!?]*$|^\(?(?:{_AGENCIES})(?:\s+photo)?\)?$"
    ), max_words=12, marks_header=True),
    Rule("photo caption", _rx(
        r"[\[(](?:(?:file\s+)?photo\s*[:/]?\s*)?"
        rf"(?:{_AGENCIES}|[A-Z]{{2,}}|Al Jazeera|File|Archive|Handout)(?:[\s/]+[\w.]+){{0,4}}[\])]\s*$", 0
    ), marks_header=True),
    Rule("wire credit", _rx(
        r"^(?:[A-Z][\w.&' -]{1,40}\s+and\s+)?(?:wire services|agencies)\.?$|"
        r"^(?:with\s+)?(?:additional\s+)?reporting\s+by\b|^(?:writing|editing|edited|compiled)\s+by\b|"
        r"^\(?(?:reuters|ap|afp|the associated press|associated press|agencies|bloomberg|dpa|xinhua|upi)\)?\.?$|"
        r"^sources?\s*:\s*(?:reuters|ap|afp|agencies|wire|news agencies)"
    ), max_words=25, keep_as="wire_credit"),
    Rule("sign-up or newsletter box", _rx(
        r"\b(?:sign up|subscribe|newsletters?|get (?:e-?mail|daily|weekly|breaking news) (?:updates|alerts)|"
        r"on your tv|download (?:our|the) app|follow us)\b"
    ), max_words=15),
    Rule("publisher's message", _rx(
        r"^(?:an?\s+)?(?:message|note|letter)\s+from\s+(?:our|the)\s+(?:publisher|editor|ceo|founder|editor-in-chief)"
    ), max_words=15, starts_footer=True),
    Rule("teaser block heading", _rx(
        r"^(?:related(?:\s+(?:news|stories|articles|coverage|content|reading|posts|links))?|"
        r"featured\s+(?:on|in|from)\s+.{1,40}|more\s+(?:from|on|in|about)\s+.{1,40}|more stories|"
        r"read\s+(?:more|next|also)\b.{0,40}|recommended(?:\s+(?:for you|stories|reading|articles))?|"
        r"you\s+(?:may|might)\s+also\s+(?:like|enjoy|be interested in)|most\s+(?:read|popular|viewed|shared)|"
        r"trending(?:\s+now)?|editors?'?s?\s+picks|further reading|also\s+on\s+.{1,40}|top stories|"
        r"latest\s+(?:news|stories|headlines)|what to read next|popular\s+(?:on|in)\s+.{1,40}|"
        r"don't miss|keep reading|sponsored(?:\s+(?:content|stories))?|in other news)\s*:?$"
    ), max_words=8, starts_footer=True),
    Rule("donation or membership appeal", _rx(
        r"\bsupport(?:ing)?\s+(?:our|independent|the\s+[\w']+|[\w]+'s)\b[^.]{0,80}\b(?:journalism|reporting|newsroom|work)\b|"
        r"\bkeep\s+our\s+journalism\b|\bbecom(?:e|ing)\s+an?\s+(?:[\w']+\s+)?(?:member|subscriber|supporter|patron)\b|"
        r"\bdonat(?:e|ion|ions)\b|\breaders\s+like\s+you\b|\bmake\s+a\s+(?:tax-deductible\s+)?(?:gift|contribution)\b|"
        r"\bconsider\s+(?:supporting|subscribing|donating)\b|\bpaywall\b"
    ), late_only=True),
    Rule("sign-off", _rx(r"^[\u2014\u2013-]\s*[A-Z][\w.' -]+,\s*[\w&,.' -]+$", 0), max_words=14, late_only=True),
)

# Datelines that open the first paragraph: "(JTA) — ", "JERUSALEM—",
# "WASHINGTON (Reuters) - ", "RAMALLAH, West Bank, Nov. 24 (AP) — ". A bare hyphen
# must have spaces round it, so "U.S.-Israeli relations" is not a dateline.
_DASH = r"(?:\s*[\u2014\u2013]\s*|\s+-{1,2}\s+)"
DATELINE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"^\((?P<dateline>[A-Z][A-Za-z.&]{{1,20}}(?:\s[A-Z][A-Za-z.&]+){{0,2}})\){_DASH}"),
    re.compile(
        r"^(?P<dateline>[A-Z][A-Z.'-]{2,}(?:\s[A-Z][A-Z.'-]+){0,3}"
        r"(?:,\s*[A-Z][\w.]+(?:\s[A-Z][\w.]+){0,2})?"
        r"(?:,?\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s\d{1,2})?"
        rf"(?:\s*\([^)]{{1,30}}\))?){_DASH}"
    ),
)

# A line ending in punctuation, closing quotes or brackets allowed after it.
ENDS_PUNCTUATED = re.compile(r"[.!?:;,]['\")\]]*$")
_BULLET = re.compile(r"^(?:[\u2022*\u00b7-]|\d+[.)])\s")
_WORD = re.compile(r"\w+(?:['-]\w+)*")

CROSSHEAD_MAX_WORDS = 10  # crossheads are a few words; body paragraphs are sentences
HEADLINE_MATCH_RATIO = 0.85  # difflib ratio for a metadata headline vs a page line


def count_words(text: str) -> int:
    """Words in ``text`` (letters or digits, inner hyphens and apostrophes kept)."""
    return len(_WORD.findall(text))


def _comparable(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()


def matches_headline(line: str, headline: str) -> bool:
    """``line`` is ``headline``, ignoring case and punctuation, or close (``HEADLINE_MATCH_RATIO``)."""
    a, b = _comparable(line), _comparable(headline)
    return bool(a) and (a == b or difflib.SequenceMatcher(None, a, b).ratio() >= HEADLINE_MATCH_RATIO)


def looks_like_title(line: str) -> bool:
    """No closing punctuation, 2-20 words, a capital first, not a list item."""
    return (
        not ENDS_PUNCTUATED.search(line)
        and 2 <= count_words(line) <= 20
        and line[:1].isupper()
        and not _BULLET.match(line)
    )


def rule_for(line: str, position: int, n_lines: int) -> Rule | None:
    """The first of ``LINE_RULES`` matching the line at ``position`` of ``n_lines``, or None."""
    words = count_words(line)
    late = position >= n_lines / 2
    for rule in LINE_RULES:
        if words > rule.max_words or (rule.late_only and not late):
            continue
        if rule.pattern.search(line):
            return rule
    return None


def is_crosshead(line: str) -> bool:
    """A few words, a capital first, no closing punctuation, not a list item."""
    inner = line.strip("'\"")
    return (
        0 < count_words(line) <= CROSSHEAD_MAX_WORDS
        and inner[:1].isupper()
        and not ENDS_PUNCTUATED.search(inner)
        and not _BULLET.match(line)
    )

