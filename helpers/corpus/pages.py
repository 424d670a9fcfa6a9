"""Saved web pages into article text and fields (trafilatura), with an audit of what the extractor left out.

``read_page`` runs trafilatura (the maintained boilerplate remover: article text, title,
site name, author, canonical URL, and the date via htmldate) on one HTML page and
lists every visible text block of the page that is not in the extracted text, with the
reason its place in the page suggests (navigation, cookie banner, related links,
footer ...). ``page_row`` fills a corpus row's empty cells (outlet, date, headline,
url, author) from the page, so a ``metadata.csv`` cell, when given, wins column by
column. Sharp edges:

- Dates come from the page's own metadata only (meta tags, JSON-LD, the URL): htmldate's
  extensive search took a page without a date for January 1 of its copyright year.
- A block counts as kept when its text (whitespace collapsed) is in the extracted text; of a
  paragraph the extractor shortened, the sentences not in the text are listed, as a part
  of that paragraph (a sentence the extractor rewrote is listed as left out).
"""

from __future__ import annotations

import re
from typing import NamedTuple

import lxml.html

from .rows import warn

# htmldate: the page's metadata and URL only (see the module doc)
DATE_PARAMS = {"extensive_search": False, "original_date": True}
INVISIBLE_TAGS = frozenset(["head", "script", "style", "noscript", "template", "svg", "iframe", "object", "select"])
BLOCK_TAGS = frozenset([
    "address", "article", "aside", "blockquote", "body", "button", "dd", "details", "div", "dl", "dt", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
    "pre", "section", "summary", "table", "td", "th", "tr", "ul",
])
# (pattern in an element's class or id, reason); the innermost element that matches names the reason
MARKED = (
    (re.compile(r"cookie|consent|gdpr", re.I), "cookie banner"),
    (re.compile(r"related|recommend|more-?stories|read-?more|teaser|trending|popular|most-?read", re.I),
     "related links"),
    (re.compile(r"share|social", re.I), "share buttons"),
    (re.compile(r"newsletter|subscri|sign-?up|paywall", re.I), "sign-up box"),
    (re.compile(r"comment", re.I), "comments"),
    (re.compile(r"advert|sponsor|promo|(^|[-_ ])ads?($|[-_ ])", re.I), "advertisement"),
    (re.compile(r"breadcrumb|menu", re.I), "navigation"),
    (re.compile(r"byline|author", re.I), "byline"),
    (re.compile(r"caption|credit", re.I), "caption or credit"),
)
TAG_REASONS = {"nav": "navigation", "footer": "page footer", "header": "page header", "aside": "sidebar",
               "form": "form", "button": "button", "figcaption": "caption or credit"}
UNMARKED = "not article text (trafilatura)"
SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(https?://[^\s>]+?)\s*-->", re.I)  # browsers' "Save as"


class Page(NamedTuple):
    """What ``read_page`` found: ``text`` (one paragraph a line, "" when none), ``fields``
    (outlet, date, headline, url, author; None when not found), ``outlet_from`` ("site
    name" or "host name"), ``left_out`` (audit rows: line_n, the block's line in the HTML,
    text, rule, the reason, action, kept_as, detail)."""

    text: str
    fields: dict
    outlet_from: str | None
    left_out: list[dict]


def read_page(html: str, *, url: str | None = None) -> Page:
    """Extract one saved web page.

    Parameters
    ----------
    html:
        The page's markup, decoded.
    url:
        Where it was fetched from, if known (a WARC record's target URI); else the page's
        canonical link, else a browser's ``saved from url`` comment, is used.

    Returns
    -------
    Page
        See ``Page``.
    """
    import trafilatura  # here, not at the top: only saved pages need it, and it pulls in urllib3, courlan

    saved = SAVED_FROM.search(html[:4000])
    doc = trafilatura.bare_extraction(
        html, url=url or (saved.group(1) if saved else None), with_metadata=True, include_comments=False,
        include_tables=True, deduplicate=False, date_extraction_params=DATE_PARAMS,
    )
    if doc is None:
        return Page("", dict.fromkeys(("outlet", "date", "headline", "url", "author")), None, left_out(html, ""))
    text = "\n".join(line.strip() for line in (doc.text or "").splitlines() if line.strip())
    outlet = doc.sitename or doc.hostname
    fields = dict(outlet=outlet, date=doc.date, headline=doc.title, url=url or doc.url, author=doc.author)
    blocks = left_out(html, text, headline=doc.title, author=doc.author)
    host = (doc.hostname or "").removeprefix("www.")  # trafilatura names a site without a name by its host
    named = bool(doc.sitename) and doc.sitename.removeprefix("www.") != host
    return Page(text, fields, ("site name" if named else "host name") if outlet else None, blocks)


def visible_blocks(html: str) -> list[tuple[int, str, object]]:
    """The page's visible text blocks, in order: (line in the HTML, text with whitespace
    collapsed, the block element holding it). Inline markup joins into its block; a
    block inside another splits it; ``<br>`` ends a block."""
    try:
        root = lxml.html.document_fromstring(html.encode("utf-8", "surrogatepass"),
                                             parser=lxml.html.HTMLParser(encoding="utf-8"))
    except Exception:  # lxml refuses an empty or broken document: nothing to list
        return []
    out: list[tuple[int, str, object]] = []

    def flush(parts: list[str], owner) -> None:
        text = " ".join(" ".join(parts).split())
        if text:
            out.append((owner.sourceline or 0, text, owner))
        parts.clear()

    def visit(el, parts: list[str], owner) -> None:
        for child in el:
            tag = child.tag if isinstance(child.tag, str) else None
            if tag == "br":
                flush(parts, owner)
            elif tag is None or tag in INVISIBLE_TAGS or child.get("hidden") is not None:
                pass
            elif tag in BLOCK_TAGS:
                flush(parts, owner)
                inner = [child.text or ""]
                visit(child, inner, child)
                flush(inner, child)
            else:
                parts.append(child.text or "")
                visit(child, parts, owner)
            parts.append(child.tail or "")

    body = [root.text or ""]
    visit(root, body, root)
    flush(body, root)
    return out


def reason(element) -> str:
    """Why a block the extractor left out is not article text: the innermost of the element
    and its ancestors (below ``<body>``) whose class or id is marked (``MARKED``), else the
    innermost whose tag is page furniture (``TAG_REASONS``), else ``UNMARKED``."""
    chain = []
    while element is not None and element.tag not in ("body", "html"):
        chain.append(element)
        element = element.getparent()
    for el in chain:
        marks = f"{el.get('class') or ''} {el.get('id') or ''}"
        for pattern, why in MARKED:
            if pattern.search(marks):
                return why
    return next((TAG_REASONS[el.tag] for el in chain if el.tag in TAG_REASONS), UNMARKED)


SHORTENED = "part of a shortened paragraph"  # the rule of the left-out sentences of a block partly kept
SENTENCE_END = re.compile(r"(?<=[.!?\u201d\"])\s+(?=[A-Z\u201c\"(])")  # where a block is cut into sentences


def _missing_sentences(block: str, kept: str) -> tuple[list[str], int]:
    """The sentences of ``block`` not in ``kept``, and how many sentences it has."""
    parts = [p for p in SENTENCE_END.split(block) if p.strip()]
    return [p for p in parts if p not in kept], len(parts)


def left_out(html: str, text: str, *, headline: str | None = None, author: str | None = None) -> list[dict]:
    """Audit rows for the visible blocks of ``html`` not found in the extracted ``text``.

    Returns
    -------
    list[dict]
        ``line_n`` (the block's line in the HTML file), ``text`` (the block, or the
        sentences left out of a block the extractor kept part of), ``rule`` (the reason,
        see ``reason``; ``SHORTENED`` for such sentences), ``action`` ("removed", or
        "reclassified" for the headline and a byline naming the author), ``kept_as``
        (headline, author or None), ``detail``.
    """
    kept = " ".join(text.split())
    rows = []
    for line, block, element in visible_blocks(html):
        if block in kept:
            continue
        missing, n_parts = _missing_sentences(block, kept)
        if len(missing) < n_parts:  # the extractor kept part of this block
            rows.append(dict(line_n=line, text=" ".join(missing), rule=SHORTENED, action="removed", kept_as=None,
                             detail=f"{n_parts - len(missing)} of {n_parts} sentences of this block kept by the "
                                    f"extractor, the rest left out; line {line} of the HTML file"))
            continue
        why, kept_as = reason(element), None
        if headline and " ".join(headline.split()) == block:
            why, kept_as = "headline", "headline"
        elif author and author in block and len(block.split()) <= len(author.split()) + 3:
            why, kept_as = "byline", "author"
        rows.append(dict(line_n=line, text=block, rule=why, action="reclassified" if kept_as else "removed",
                         kept_as=kept_as, detail=f"left out by the extractor; line {line} of the HTML file"))
    return rows


def page_row(row: dict, html: str, log: list[dict], problems: list[str], *, has_metadata: bool) -> dict | None:
    """The corpus row ``row`` of an HTML page, its empty cells filled from the page.

    ``row["cells"]`` (from ``metadata.csv``, or the WARC record's url and capture time)
    wins where it has a value; the row gains ``page`` (the extracted text to clean),
    ``left_out`` (audit rows) and ``from_page`` (the fields the page gave). Returns None
    when the page holds no article text (a warning) or lacks an outlet or date (a
    problem naming the file and the ``metadata.csv`` column to add).
    """
    page = read_page(html, url=row["cells"].get("url") or None)
    where = row["where"]
    if not page.text:
        warn(log, f"{where}: the extractor found no article text in this page; not loaded. Save the "
                  "article's own page, or its text as a .txt file.", article_id=None, file=row["file"])
        return None
    cells = dict(row["cells"])
    from_page = []
    for field, value in page.fields.items():
        if not str(cells.get(field) or "").strip() and value:
            cells[field] = value
            from_page.append(field)
    captured = cells.get("captured")
    if not str(cells.get("date") or "").strip() and captured:
        cells["date"] = str(captured)[:10]
        warn(log, f"{where}: the page states no publication date; its capture date {cells['date']} is used.",
             article_id=None, file=row["file"])
    missing = [f for f in ("outlet", "date") if not str(cells.get(f) or "").strip()]
    for field in missing:
        problems.append(missing_field(where, row["file"], field, has_metadata=has_metadata))
    if missing:
        return None
    notes = ", ".join(f"{f} ({page.outlet_from})" if f == "outlet" else f for f in from_page)
    log.append(dict(article_id=None, file=row["file"], level="info",
                    message=f"{where}: taken from the page: {notes or 'nothing (metadata.csv gives every field)'}; "
                            f"{len(page.left_out)} text block(s) left out (see the removed table)."))
    return dict(row, cells=cells, page=page.text, left_out=page.left_out, from_page=",".join(from_page))


def missing_field(where: str, file: str, field: str, *, has_metadata: bool) -> str:
    """The problem message for a page whose ``field`` ("outlet" or "date") was not found."""
    found = {"outlet": "no site name (og:site_name, publisher) and no URL to take a host name from",
             "date": "no publication date in its metadata (meta tags, JSON-LD) or its URL"}[field]
    value = "YYYY-MM-DD" if field == "date" else "the outlet's name"
    if has_metadata:
        fix = f"Give it in the {field} column of metadata.csv, in the row for {file}"
    else:
        fix = f"Add a metadata.csv beside the pages with the columns file,{field} and the line: {file},{value}"
    return f"{where}: the page has {found}. {fix} (other columns may stay empty: the page fills them)."

