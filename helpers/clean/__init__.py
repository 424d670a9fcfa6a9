"""Cleaning: a news page into its article body, and a record of everything that was taken out.

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

- The header is read by what follows each line: a title-like line the story (a long line,
  a byline or a time) follows is the headline, and shorter title-like lines (up to five
  words) above it are the site's own; a dek is the first line under it that a dateline
  paragraph follows, that the story restates, or that has no closing punctuation or header
  furniture after it. Short unpunctuated lines and bullets between it and the first
  paragraph are teasers and highlights; an unpunctuated line of 11-20 words between
  paragraphs is another story's title. A dek ending in a full stop with only a crosshead
  after it stays body (a first paragraph is never risked).
- A line of a paragraph wrapped or cut over several lines (it ends in a word no sentence
  ends with, ``helpers/data/unfinished_line_words.csv``, or a lower-case line runs on from it)
  and a line with a sentence's end inside it are never crossheads, teasers or the dek.
- A caption's credit alone after its last sentence ("... Tuesday. AFP", "(ANI)") reads as
  the story's end credit, and stays body, when it closes the story (only furniture or short
  lines after it); elsewhere the line is a caption.
- The agency (``CleanedText.agency``) is one of the listed news agencies
  (``helpers/data/news_agencies.csv``), read from the dateline ("CAIRO (AP) —"), a byline
  or credit line ("By PTI", "Reuters Staff", "* Agence France-Presse") or an agency's slug
  closing the story, a time line above the story ("Source:Xinhua Published: ..."), a dateline
  that is only an agency ("AFP - ...") or a contributor note ("The Associated Press contributed
  to this report."), last from any short line in a credit position (under the headline, or
  the story's last paragraphs and the lines below them) naming one as a credit: bracketed,
  opening or closing the line, or after a credit word ("(With inputs from Reuters)", "bk/msh
  (AFP, dpa)", "Xinhua, January 7, 2015"), read and never removed; never from a photo credit
  or a teaser. Listed stories' openings "Place [Country], Date (ANI): " are datelines, however
  many paragraphs open so. The dateline keeps the place
  only, so every copy of a wire story loses the same opening.
- The dateline is looked for in the first three body paragraphs (furniture the rules missed
  may stand above the story) and, crediting a listed agency, in the first ten; below the
  first paragraph a bare "Name: " opening is never one (it names a speaker), and a title-case
  word alone before a dash ("Abuja – ...") counts in the first paragraph only. Reuters is
  read from its end credit "(Reporting by ...; Editing by ...)", which names no agency.

- After the rules, a trained line model (``linemodel.py``: small regression trees over the
  features of ``linefeatures.py``, shipped as arrays in ``helpers/data/line_model.npz``)
  removes lines the rules kept that it rates furniture (p >= its threshold): "Topics",
  "Close Story", a lone "0". It never removes a line ending as a sentence does, never acts on
  texts under five lines, and never empties a body. It may put back a line a rule removed
  when it rates it body with confidence (p under its keep threshold), never a headline, dek,
  byline, dateline, agency or crosshead line. ``clean_text(..., line_model=False)`` gives the
  rules alone. Trained on 205 labelled pages: on unseen pages it gains a few lines.

Where: ``normalise.py`` (one line's comparable form), ``rules.py`` (what one line is),
``context.py`` (what a line is given its neighbours), ``agency.py`` (the agency's names),
``header.py`` (the headline, byline name and dek), ``dateline.py`` (the dateline and the
agency), ``page.py`` (``clean_text``: the page, step by step), ``linefeatures.py`` and
``linemodel.py`` (the trained line model), ``html.py`` (HTML pages saved as
text).
"""

from .agency import AGENCY_FORMS, agency_in
from .header import DEK_MAX_WORDS, HEADER_SEARCH_LINES
from .html import BLOCK_TAGS, HTML_MIN_TAGS, SKIP_TAGS, html_to_text, looks_like_html
from .normalise import LINE_BREAK, normalise_line
from .page import CleanedText, clean_text
from .rules import (
    CROSSHEAD_MAX_WORDS,
    DATELINE_PATTERNS,
    HEADLINE_MATCH_RATIO,
    LINE_RULES,
    Rule,
)

__all__ = [
    "AGENCY_FORMS",
    "BLOCK_TAGS",
    "CROSSHEAD_MAX_WORDS",
    "DATELINE_PATTERNS",
    "DEK_MAX_WORDS",
    "HEADER_SEARCH_LINES",
    "HEADLINE_MATCH_RATIO",
    "HTML_MIN_TAGS",
    "LINE_BREAK",
    "LINE_RULES",
    "SKIP_TAGS",
    "CleanedText",
    "Rule",
    "agency_in",
    "clean_text",
    "html_to_text",
    "looks_like_html",
    "normalise_line",
]
