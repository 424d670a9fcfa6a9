"""The page's header: the headline (and what stands above it), the byline name and the dek
(standfirst) under it, and the teaser links and highlights above the story's first paragraph."""

from __future__ import annotations

import re

from .byline import is_header_byline
from .context import PageLines
from .dateline import opens_dateline
from .normalise import comparable
from .rules import (
    CROSSHEAD_MAX_WORDS,
    ENDS_PUNCTUATED,
    SENTENCE_END,
    count_words,
    looks_like_title,
    matches_headline,
)

DEK_MAX_WORDS = 45  # a standfirst is one or two sentences
DEK_MIN_WORDS = 6  # shorter lines under the headline are labels or teasers, not a standfirst
DEK_RESTATED_WORDS = 8  # a paragraph opening with the dek's first words restates it: the dek is furniture
NAME_BYLINE_MAX_WORDS = 3  # "CGTN", "Team Herald": a name alone under the headline is its byline
HEADER_SEARCH_LINES = 8  # the headline sits among the first lines of a page
HEADER_SKIP_WORDS = 12  # above the headline, unclaimed lines longer than this are the story itself
TITLE_MAX_WORDS = 25  # a headline with closing punctuation is at most this long
SITE_LINE_MAX_WORDS = 5  # a title-like line above the headline this short may be the site's ("TFG Logo")


def mark_headline(page: PageLines, headline: str | None) -> int | None:
    """Mark the headline, its repeats and the lines above it; return its index (None: not found).

    The line among the first ``HEADER_SEARCH_LINES`` matching the metadata ``headline``,
    else the one ``_find_headline`` reads as the headline.
    """
    n_lines = len(page)
    head_i = None
    if headline and headline.strip():
        head_i = next(
            (i for i, (_, _, t) in enumerate(page.lines[:HEADER_SEARCH_LINES]) if matches_headline(t, headline)),
            None,
        )
    detail = None
    if head_i is None and n_lines > 2:
        head_i = _find_headline(page)
        if head_i is not None and headline and headline.strip():
            detail = "title-like line at the top; differs from the metadata headline"
    if head_i is None:
        return None
    page.mark(head_i, "headline", "headline", detail)
    i = head_i
    while i + 1 < n_lines and page.runs_on(i) and page.labels[i + 1] is None and page.rules[i + 1] is None and (
        count_words(page.text(i + 1)) <= CROSSHEAD_MAX_WORDS  # a headline wrapped over lines: a short run-on
    ):
        i += 1
        page.mark(i, "headline (wrapped)", detail="the headline runs on into this line")
    for i in range(head_i + 1, min(n_lines, head_i + HEADER_SEARCH_LINES)):
        if matches_headline(page.text(i), page.text(head_i)):  # pages often repeat it
            page.mark(i, "headline (repeated)")
    for i in range(head_i):  # section labels, photo credits
        rule = page.rules[i]
        page.mark(i, rule.name if rule else ("section label" if count_words(page.text(i)) <= 4 else "above headline"))
    return head_i


def _find_headline(page: PageLines) -> int | None:
    """The headline among the page's first lines, read past the furniture above it.

    Lines a rule claims (section labels, dates, credits) and short lines are read past until
    the first longer line no rule claims. Among the title-like lines met (no closing
    punctuation, 2-20 words), one the page repeats wins, else the first. Failing any, a line
    of up to ``TITLE_MAX_WORDS`` words that a timestamp or byline follows is the headline
    ("'Super-recognizers' never forget a face. Now, ...", then a date). A title-like line the
    story follows (``_story_follows``) wins over shorter ones of up to ``SITE_LINE_MAX_WORDS``
    words above it, which are the site's ("Play Live Radio", "Take the pledge to vote"), unless
    one of them, a name alone and the line are in a row (a headline, its byline, its dek).
    """
    titles, fallback = [], None
    for i in range(min(len(page), HEADER_SEARCH_LINES + 4)):
        text = page.text(i)
        if page.rules[i] is not None or is_nav_run(text) or is_header_byline(text):
            continue
        if looks_like_headline(text):
            titles.append(i)
        elif fallback is None and count_words(text) <= TITLE_MAX_WORDS and _byline_follows(page, i):
            fallback = i
        if count_words(text) > HEADER_SKIP_WORDS and not looks_like_title(text):
            break
    window = range(HEADER_SEARCH_LINES)
    repeated = [i for i in titles if any(
        same_title(page.text(j), page.text(i)) for j in window if i < j < len(page)
    )]
    story_next = [i for k, i in enumerate(titles) if _story_follows(page, i) and all(
        count_words(page.text(j)) <= SITE_LINE_MAX_WORDS and count_words(page.text(j)) < count_words(page.text(i))
        and not (j + 2 == i and _is_name_alone(page.text(j + 1))) for j in titles[:k]
    )]
    return (repeated or story_next or titles or [fallback])[0]


def looks_like_headline(text: str) -> bool:
    """A title-like line (``looks_like_title``), or one a question or exclamation mark closes
    ("Is the dollar's rally over?"), of up to ``TITLE_MAX_WORDS`` words: how headlines read."""
    if looks_like_title(text):
        return True
    if count_words(text) > TITLE_MAX_WORDS:
        return False
    stem = re.sub(r"[?!]+(?:\s*['\"\u2019\u201d)])*$", "", text)
    if stem == text and ENDS_PUNCTUATED.search(text):
        return False
    return bool(stem) and looks_like_title(" ".join(stem.split()[:20]))


# Separators between the items of a navigation run or breadcrumb ("Home » News » World", "ISL / Jamshedpur FC /").
_NAV_SEPARATOR = re.compile(r"\s(?:[|\u00bb\u203a>/\u2022])(?=\s|$)")
NAV_RUN_MIN_SEPARATORS = 2  # "Headline | Site" has one; a menu or breadcrumb has more
# A site's name after the title, as a page's <title> gives it: "Headline | Site", "Headline - Site".
_SITE_SUFFIX = re.compile(r"\s(?:[|\u2013\u2014]|-|::)\s[^|\u2013\u2014]{1,40}$")
SITE_SUFFIX_MAX_WORDS = 4


def is_nav_run(text: str) -> bool:
    """A menu or breadcrumb: items between ``NAV_RUN_MIN_SEPARATORS`` or more separators."""
    return len(_NAV_SEPARATOR.findall(text)) >= NAV_RUN_MIN_SEPARATORS


def without_site(text: str) -> str:
    """``text`` without a site's name after it ("Headline | Site" -> "Headline")."""
    m = _SITE_SUFFIX.search(text)
    if m and count_words(m.group(0)) <= SITE_SUFFIX_MAX_WORDS and count_words(text[:m.start()]) >= 3:
        return text[:m.start()]
    return text


def same_title(line: str, title: str) -> bool:
    """``line`` repeats ``title``, either with a site's name after it or not."""
    return matches_headline(line, title) or matches_headline(without_site(line), without_site(title))


def _byline_follows(page: PageLines, i: int) -> bool:
    """Whether a timestamp or byline follows line ``i`` (and the lines it runs on into, a headline
    wrapped over lines), share and page widgets read past."""
    j = i + 1
    while j < len(page) and (page.runs_on(j - 1) or page.line_rule_name(j) in _READ_PAST):
        j += 1
    return j < len(page) and page.line_rule_name(j) in ("timestamp", "byline")


def _story_follows(page: PageLines, i: int) -> bool:
    """Whether what follows line ``i`` is how a story opens under its headline: a long line (the
    dek or the first paragraph) or the header's byline, time or credit. Title-like lines above
    the headline (a logo's name, a player's "Play Live Radio", a call to vote) are followed by
    more of the site's furniture instead. Page widgets and section labels ("Author") are read
    past; a photo credit tells, a caption does not (a photo's alt text has one under it too)."""
    j = i + 1
    while j < len(page) and page.line_rule_name(j) in ("page widget", "section label"):
        j += 1
    if j >= len(page):
        return False
    rule = page.rules[j]
    if rule is not None:
        return rule.name in ("timestamp", "byline", "wire credit", "share/print widget", "photo credit")
    return count_words(page.text(j)) > HEADER_SKIP_WORDS and not looks_like_title(page.text(j))


# A score between paragraphs of a match report: "Burnley 0 0 Manchester United", "Arsenal 3-2 Bolton".
_TEAM = r"[A-Z][\w.'&-]*(?:\s[A-Z][\w.'&-]*){0,3}"
SCORE_LINE = re.compile(rf"^{_TEAM}\s\d{{1,2}}(?:\s*[-\u2013:]\s*|\s)\d{{1,2}}\s{_TEAM}$")
_READ_PAST = ("share/print widget", "page widget")  # widgets between a headline and its byline
HEADER_RULES = ("timestamp", "byline", "photo credit", "photo caption", "share/print widget", "wire credit")


HEADER_SKIP_RULES = (
    *HEADER_RULES, "page widget", "section label", "comment section", "sign-up or newsletter box",
    "dateline (own line)",
)
_NAME_LINE = re.compile(r"^[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*)*$")
_HIGHLIGHT_BULLET = re.compile(r"^[\u2022\u00b7*]\s*\S")


def _is_name_alone(text: str) -> bool:
    """A name and nothing else: up to ``NAME_BYLINE_MAX_WORDS`` capitalised words ("CGTN", "Team Herald")."""
    return bool(_NAME_LINE.match(text)) and count_words(text) <= NAME_BYLINE_MAX_WORDS


def _skip_furniture(page: PageLines, i: int) -> int:
    """The first line from ``i`` on that is not header furniture already found."""
    while i < len(page) and page.labels[i] is not None and page.labels[i][0] in HEADER_SKIP_RULES:
        i += 1
    return i


def mark_header(page: PageLines, start: int, has_headline: bool) -> str | None:
    """Mark the header block between the headline and the story; return the dek.

    Under a headline, a name alone ("CGTN", "Team Herald") is the byline; then the dek
    (``_is_dek``); then short unpunctuated lines and bullets before the first paragraph are
    teaser links and highlights. Without a headline only a dek the story restates or a
    dateline follows is read."""
    i = _skip_furniture(page, start)
    if has_headline and i + 1 < len(page) and page.labels[i] is None and _is_name_alone(page.text(i)) and (
        page.rule_name(i + 1) != "byline"  # a byline right under it is the byline; the name is a label
    ):
        if page.rule_name(i + 1) == "photo credit":
            page.mark(i, "photo caption", detail="a short title above its photo credit")
        else:
            page.mark(i, "byline", detail="a name alone under the headline")
        i = _skip_furniture(page, i + 1)
    dek = None
    if i < len(page) and page.labels[i] is None and _is_dek(page, i, start, has_headline):
        page.mark(i, "dek (standfirst)", "dek")
        dek = page.text(i)
    if has_headline:
        _mark_header_teasers(page, i)
    return dek


def _is_dek(page: PageLines, i: int, start: int, has_headline: bool) -> bool:
    """Whether line ``i``, the first under the headline not claimed as furniture, is the dek.

    It is a standfirst's length and opens with no dateline (that is the story), and: the
    story restates it (a paragraph opening with its first ``DEK_RESTATED_WORDS`` words), or
    the story's dateline follows it; or, under a headline, it has no closing punctuation or
    header furniture follows it (right under the headline: a timestamp, byline, credit,
    caption or share widget; below furniture: a byline, timestamp or credit), so a first
    paragraph with a photo after it stays body."""
    text = page.text(i)
    if not DEK_MIN_WORDS <= count_words(text) <= DEK_MAX_WORDS or SCORE_LINE.match(text) or opens_dateline(text):
        return False
    if page.in_wrapped_paragraph(i) or _HIGHLIGHT_BULLET.match(text):  # a wrapped paragraph's piece; a highlight
        return False
    j = _skip_furniture(page, i + 1)
    if j < len(page) and page.labels[j] is None and opens_dateline(page.text(j)):
        return True
    opening = " ".join(comparable(text).split()[:DEK_RESTATED_WORDS])
    if any(page.labels[k] is None and comparable(page.text(k)).startswith(opening) for k in range(i + 1, len(page))):
        return True
    if not has_headline:
        return False
    after = {page.labels[k][0] for k in range(i + 1, j)}
    followers = HEADER_RULES if i == start else ("timestamp", "byline", "wire credit")
    unpunctuated = not ENDS_PUNCTUATED.search(text) and not SENTENCE_END.search(text)  # no paragraph cut short
    return unpunctuated or bool(after & set(followers)) or (i == start and _crosshead_follows(page, j))


def _crosshead_follows(page: PageLines, j: int) -> bool:
    """Whether line ``j`` is a crosshead over the story: a short title-like line, then a paragraph
    (a standfirst stands apart from the story; a first paragraph runs on into the next)."""
    return j + 1 < len(page) and page.labels[j] is None and page.labels[j + 1] is None and (
        looks_like_title(page.text(j)) and count_words(page.text(j)) <= CROSSHEAD_MAX_WORDS
        and count_words(page.text(j + 1)) > HEADER_SKIP_WORDS and not page.in_wrapped_paragraph(j)
    )


def _mark_header_teasers(page: PageLines, i: int) -> None:
    """From line ``i``, short unpunctuated lines and bullets standing above the story's first
    paragraph are teaser links and highlights (only if a paragraph follows them); the short
    line right above the paragraph, and a score line, are its crossheads."""
    found = []
    while i < len(page):
        text = page.text(i)
        if page.labels[i] is not None:
            i += 1
            continue
        if _HIGHLIGHT_BULLET.match(text):
            found.append((i, "highlights"))
        elif looks_like_title(text) and count_words(text) <= CROSSHEAD_MAX_WORDS and not page.in_wrapped_paragraph(i):
            found.append((i, "teaser link"))
        else:
            break
        i += 1
    if i >= len(page):
        return
    for n, (k, rule) in enumerate(found):
        if rule == "teaser link" and (n == len(found) - 1 or SCORE_LINE.match(page.text(k))):
            page.mark(k, "crosshead (subhead)", "subheads", "right above the story's first paragraph")
        else:
            page.mark(k, rule, detail="above the story's first paragraph")
