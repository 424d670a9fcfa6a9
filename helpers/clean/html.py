"""HTML pages saved as text: spotting them, and their visible text one block a line."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_HTML_START = re.compile(r"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)
_HTML_TAG = re.compile(
    r"</?(?:p|div|span|a|br|h[1-6]|li|ul|article|section|script|style|meta|link|img|table)\b[^>]*>", re.I
)
HTML_MIN_TAGS = 5  # a text with this many common tags per 1,000 characters is taken for markup
BLOCK_TAGS = frozenset(
    [
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
        "pre", "section", "table", "td", "th", "title", "tr", "ul",
    ]
)
# never article text
SKIP_TAGS = frozenset(["script", "style", "noscript", "template", "svg", "head", "iframe", "object", "nav"])


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
