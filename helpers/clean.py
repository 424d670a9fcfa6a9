"""Clean a news page into its article body, and record everything that was taken out.

A scraped or copied news page holds more than the article: a section label, the
headline and dek, photo credits and captions, timestamps, share widgets, sign-up
boxes, appeals for money, wire credits and, at the end, a block of teasers for
other stories. ``clean_text`` sorts every line of a page into the body or into one
of those kinds, using general patterns of news-page boilerplate (never lines copied
from particular files), and returns the body with an audit row for every line it
did not keep as body.

Sharp edges:
- The rules work on lines. A page whose paragraphs were joined into one line
  cannot be cleaned line by line; its whole text is kept as body.
- A teaser heading ("Related News", "Featured on ...", "More from ...") or a
  publisher's message in the second half of a page ends the article: every line
  after it goes, even lines that read like sentences, because teaser blurbs do.
  In the first half such a heading is removed on its own.
- Appeals for money and sign-offs count only in the second half of a page, so a
  story *about* donations keeps its opening paragraphs.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

# ---------------------------------------------------------------------------
# Unicode normalisation
# ---------------------------------------------------------------------------

# Characters news pages use that compare unequal to their plain forms. Straight
# ASCII quotes are kept as the comparable form: they stay recognisable as quote
# marks, make "it's" and "it’s" one token, and let wire copy with curly quotes
# match a rewrite with straight ones. The raw text keeps the original characters.
_CHAR_MAP: dict[str, tuple[str, str]] = {
    **{c: ('"', "curly or foreign double quote") for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u301d\u301e\uff02"},
    **{c: ("'", "curly single quote or apostrophe") for c in "\u2018\u2019\u201a\u201b\u2032\u2039\u203a\uff07"},
    **{c: (" ", "non-breaking or special space") for c in "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000\t"},
    **{c: ("", "zero-width character or soft hyphen") for c in "\u200b\u200c\u200d\u2060\ufeff\u00ad"},
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
    line = unicodedata.normalize("NFC", line)
    if counts is not None:
        for ch in _SPECIAL_CHARS.findall(line):
            counts[_CHAR_MAP[ch][1] if ch in _CHAR_MAP else "control character"] += 1
        if n_double := len(_DOUBLE_HYPHEN.findall(line)):
            counts["spaced double hyphen"] += n_double
    line = _CONTROL.sub("", line.translate(_CHAR_TABLE))
    line = _DOUBLE_HYPHEN.sub(" \u2014 ", line)
    return _SPACES.sub(" ", line).strip()


# ---------------------------------------------------------------------------
# Line rules. Each is a general pattern of news-page furniture.
# ---------------------------------------------------------------------------

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

_TERMINAL = re.compile(r"[.!?:;,]['\")\]]*$")
_BULLET = re.compile(r"^(?:[\u2022*\u00b7-]|\d+[.)])\s")
_WORD = re.compile(r"\w+(?:['-]\w+)*")

CROSSHEAD_MAX_WORDS = 10  # crossheads are a few words; body paragraphs are sentences
DEK_MAX_WORDS = 45  # a standfirst is one or two sentences
HEADER_SEARCH_LINES = 8  # the headline sits among the first lines of a page
HEADLINE_MATCH_RATIO = 0.85  # difflib ratio for a metadata headline vs a page line


@dataclass
class CleanedText:
    """What ``clean_text`` found in one page."""

    body: str
    headline: str | None = None
    dek: str | None = None
    dateline: str | None = None
    wire_credit: str | None = None
    subheads: list[str] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)  # line_n, text, rule, action, kept_as
    normalised: Counter = field(default_factory=Counter)


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _comparable(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()


def _matches_headline(line: str, headline: str) -> bool:
    a, b = _comparable(line), _comparable(headline)
    return bool(a) and (a == b or difflib.SequenceMatcher(None, a, b).ratio() >= HEADLINE_MATCH_RATIO)


def _looks_like_title(line: str) -> bool:
    return (
        not _TERMINAL.search(line)
        and 2 <= _words(line) <= 20
        and line[:1].isupper()
        and not _BULLET.match(line)
    )


def _rule_for(line: str, position: int, n_lines: int) -> Rule | None:
    words = _words(line)
    late = position >= n_lines / 2
    for rule in LINE_RULES:
        if words > rule.max_words or (rule.late_only and not late):
            continue
        if rule.pattern.search(line):
            return rule
    return None


def _is_crosshead(line: str) -> bool:
    inner = line.strip("'\"")
    return (
        0 < _words(line) <= CROSSHEAD_MAX_WORDS
        and inner[:1].isupper()
        and not _TERMINAL.search(inner)
        and not _BULLET.match(line)
    )


def clean_text(raw_text: str, *, headline: str | None = None) -> CleanedText:
    """Split one news page into body and everything else.

    Parameters
    ----------
    raw_text:
        The page as read from its file (any line endings).
    headline:
        The headline from the metadata, if known. A line among the first
        ``HEADER_SEARCH_LINES`` that matches it (ignoring case and punctuation) is
        taken as the headline; failing that, a title-like first line (no closing
        punctuation, 2-20 words, starts with a capital) followed by two or more
        lines is.

    Returns
    -------
    CleanedText
        ``body`` is the kept paragraphs, normalised (see ``normalise_line``),
        joined by one blank line. ``removed`` has one dict per non-blank line not
        kept as body: ``line_n`` (1-based line in the raw text), ``text`` (the raw
        line), ``rule``, ``action`` ("removed" or "reclassified" when it is kept in
        another column), ``kept_as`` (that column: headline, dek, dateline,
        subheads, wire_credit) and ``detail`` (e.g. the heading a footer block
        follows). Blank lines carry no text and are not listed.
    """
    result = CleanedText(body="")
    raw_lines = LINE_BREAK.split(raw_text)
    lines = [
        (n, raw.rstrip(), normalise_line(raw, result.normalised))
        for n, raw in enumerate(raw_lines, start=1)
    ]
    lines = [(n, raw, text) for n, raw, text in lines if text]
    n_lines = len(lines)
    labels: list[tuple[str, str | None, str | None] | None] = [None] * n_lines  # rule, kept_as, detail

    def mark(i: int, rule: str, kept_as: str | None = None, detail: str | None = None) -> None:
        labels[i] = (rule, kept_as, detail)

    # 1. The headline, and what stands above it (section labels, photo credits).
    head_i = None
    if headline and headline.strip():
        head_i = next(
            (i for i, (_, _, t) in enumerate(lines[:HEADER_SEARCH_LINES]) if _matches_headline(t, headline)),
            None,
        )
    detail = None
    if head_i is None and n_lines > 2 and _looks_like_title(lines[0][2]) and _rule_for(lines[0][2], 0, n_lines) is None:
        head_i = 0
        if headline and headline.strip():
            detail = "title-like first line; differs from the metadata headline"
    if head_i is not None:
        result.headline = lines[head_i][2]
        mark(head_i, "headline", "headline", detail)
        for i in range(head_i + 1, min(n_lines, head_i + HEADER_SEARCH_LINES)):
            if _matches_headline(lines[i][2], result.headline):  # pages often repeat it
                mark(i, "headline (repeated)")
        for i in range(head_i):
            rule = _rule_for(lines[i][2], i, n_lines)
            mark(i, rule.name if rule else ("section label" if _words(lines[i][2]) <= 4 else "above headline"))

    # 2. Single-line rules everywhere below the headline.
    start = 0 if head_i is None else head_i + 1
    while head_i is not None and start < n_lines and labels[start] is not None:
        start += 1  # past a repeated headline
    rules: list[Rule | None] = [None] * n_lines
    for i in range(start, n_lines):
        rules[i] = _rule_for(lines[i][2], i, n_lines)
        if rules[i] is not None:
            mark(i, rules[i].name, rules[i].keep_as)

    # 3. The dek: the first line under the headline, if it reads as a standfirst
    #    (no closing punctuation) or page furniture follows it before the body.
    if head_i is not None and start < n_lines and labels[start] is None:
        text = lines[start][2]
        nxt = rules[start + 1] if start + 1 < n_lines else None
        if _words(text) <= DEK_MAX_WORDS and (not _TERMINAL.search(text) or (nxt and nxt.marks_header)):
            result.dek = text
            mark(start, "dek (standfirst)", "dek")

    # 4. The footer: from a teaser heading, a publisher's message or a cluster of
    #    share widgets in the second half of the page, every line goes.
    footer_i = None
    for i in range(start, n_lines):
        rule = rules[i]
        if rule is None or i < n_lines / 2:
            continue
        widget_pair = rule.name == "share/print widget" and i + 1 < n_lines and (
            rules[i + 1] is not None and rules[i + 1].name == "share/print widget"
        )
        if rule.starts_footer or widget_pair:
            footer_i = i
            break
    if footer_i is not None:
        opener = lines[footer_i][2]
        for i in range(footer_i, n_lines):
            if rules[i] is not None and rules[i].starts_footer:
                opener = lines[i][2]
            if labels[i] is None:
                mark(i, "page footer block", detail=f"after {opener!r}")

    # 5. Crossheads: short unpunctuated lines between body paragraphs.
    body_i = [i for i in range(n_lines) if labels[i] is None]
    for k, i in enumerate(body_i):
        if 0 < k < len(body_i) - 1 and _is_crosshead(lines[i][2]):
            result.subheads.append(lines[i][2].strip("'\" "))
            mark(i, "crosshead (subhead)", "subheads")
    body_i = [i for i in body_i if labels[i] is None]

    # 6. The dateline opening the first paragraph.
    paragraphs = [lines[i][2] for i in body_i]
    if paragraphs:
        for pattern in DATELINE_PATTERNS:
            m = pattern.match(paragraphs[0])
            if m and len(paragraphs[0]) > m.end():
                result.dateline = m.group("dateline").strip()
                paragraphs[0] = paragraphs[0][m.end():]
                n = lines[body_i[0]][0]
                result.removed.append(dict(
                    line_n=n, text=m.group(0).strip(), rule="dateline",
                    action="reclassified", kept_as="dateline", detail="opening of the first paragraph",
                ))
                break

    wire = [lines[i][2] for i in range(n_lines) if labels[i] and labels[i][1] == "wire_credit"]
    result.wire_credit = wire[0] if wire else None
    for i, label in enumerate(labels):
        if label is not None:
            rule, kept_as, detail = label
            result.removed.append(dict(
                line_n=lines[i][0], text=lines[i][1].strip(), rule=rule,
                action="reclassified" if kept_as else "removed", kept_as=kept_as, detail=detail,
            ))
    result.removed.sort(key=lambda row: (row["line_n"], row["rule"] != "dateline"))
    result.body = "\n\n".join(paragraphs)
    return result


# ---------------------------------------------------------------------------
# HTML pages saved as text
# ---------------------------------------------------------------------------

_HTML_START = re.compile(r"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)
_HTML_TAG = re.compile(r"</?(?:p|div|span|a|br|h[1-6]|li|ul|article|section|script|style|meta|link|img|table)\b[^>]*>", re.I)
HTML_MIN_TAGS = 5  # a text with this many common tags per 1,000 characters is taken for markup
BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table td th title tr ul".split()
)
SKIP_TAGS = frozenset("script style noscript template svg head iframe object nav".split())  # never article text


def looks_like_html(text: str) -> bool:
    """True for a saved web page: it opens with a doctype/html tag, or is dense with tags."""
    if _HTML_START.match(text[:2000]):
        return True
    sample = text[:20000]
    return len(_HTML_TAG.findall(sample)) >= HTML_MIN_TAGS * max(len(sample), 1000) / 1000


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self.in_title = True
        elif tag in SKIP_TAGS:
            self.skip += 1
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        elif tag in SKIP_TAGS and self.skip:
            self.skip -= 1
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        elif not self.skip:
            self.parts.append(data)


def html_to_text(page: str) -> str:
    """The visible text of an HTML page, one block element (paragraph, heading, list item) a line.

    Scripts, styles and the ``<head>`` are dropped; the ``<title>`` becomes the first
    line, so the headline rules can find it. Entities are decoded.
    """
    parser = _TextExtractor()
    parser.feed(page)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).split("\n")]
    title = " ".join("".join(parser.title).split())
    return "\n".join(([title] if title else []) + [line for line in lines if line])
