"""Scoring the cleaner and the quote attribution against the labelled pages.

``system_view(pages)`` runs ``helpers.clean.clean_text`` (no metadata headline: parts must be
found from the page itself) and ``helpers.quotes.extract_quotes`` on every page;
``score(pages, views)`` compares them with the labels and returns one row per figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from .read import Page, none_if_empty, normalise

# How the cleaner's audit rules (``CleanedText.removed[*]["rule"]``) map onto the labels.
# A rule not listed here counts as "widget" (page furniture of some other kind).
RULE_LABELS = {
    "headline": "headline", "headline (repeated)": "headline", "headline (wrapped)": "headline",
    "dek (standfirst)": "dek",
    "byline": "byline", "sign-off": "byline", "timestamp": "timestamp", "photo credit": "credit",
    "photo caption": "caption", "teaser block heading": "related", "page footer block": "related",
    "crosshead (subhead)": "subhead", "share/print widget": "widget", "sign-up or newsletter box": "widget",
    "donation or membership appeal": "widget", "publisher's message": "widget", "section label": "widget",
    "above headline": "widget", "wire credit": "agency", "teaser link": "related", "partner teasers": "related",
    "dateline (own line)": "dateline", "highlights": "related",
}
# The agencies a page may credit, each with the ways pages write it (issue 15's list).
AGENCIES = {
    "AP": r"\bAP\b|Associated Press", "Reuters": r"\bReuters\b", "AFP": r"\bAFP\b|Agence France[- ]Presse",
    "dpa": r"\bdpa\b|Deutsche Presse-Agentur", "Xinhua": r"\bXinhua\b",
    "UPI": r"\bUPI\b|United Press International", "PA": r"\bPA\b|Press Association|PA Media",
    "ANI": r"\bANI\b|Asian News International", "PTI": r"\bPTI\b|Press Trust of India", "EFE": r"\bEFE\b",
    "ANSA": r"\bANSA\b", "Kyodo": r"\bKyodo\b",
}
_MONTH_DAY = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,?\s+\d{4})?", re.I
)
ANONYMOUS = "unnamed"  # the speaker label of an anonymous source
# The quotations table's columns kept for each system quotation (``quote_details`` prints them).
DETAIL_COLUMNS = ("quote", "speaker", "speaker_kind", "speaker_as_written", "rule", "resolution")


@dataclass
class SystemView:
    """What the cleaner and the attribution made of one page."""

    line_labels: list[str]  # per page line (blank lines: ""), "body" or a label from RULE_LABELS
    parts: dict[str, str | None]  # headline, dek, byline, dateline, agency
    quotes: list[dict]  # quote, speaker, speaker_kind for each attributed quotation (terms left out)
    unattributed: list[dict] = field(default_factory=list)  # quotations (not terms) the system gave no speaker


def agency_of(text: str | None) -> str | None:
    """The agency ``text`` names (first in ``AGENCIES`` order), or None."""
    if not text:
        return None
    return next((name for name, rx in AGENCIES.items() if re.search(rx, text)), None)


def dateline_place(text: str | None) -> str:
    """A dateline without its agency, date and brackets, normalised: 'RABAT, Morocco (AP)' -> 'rabat morocco'."""
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", text or "")
    return normalise(_MONTH_DAY.sub(" ", text))


def _line_labels(page: Page, removed: list[dict]) -> list[str]:
    by_line = {row["line_n"]: row["rule"] for row in removed if row["rule"] != "dateline"}
    return ["" if not text.strip() else RULE_LABELS.get(by_line[n], "widget") if n in by_line else "body"
            for n, (_, text) in enumerate(page.lines, start=1)]


def system_view(pages: list[Page]) -> list[SystemView]:
    """Run the cleaner and the quote attribution on each page (the pages as one corpus)."""
    from helpers.clean import clean_text
    from helpers.quotes import extract_quotes
    from helpers.text import split_sentences

    cleaned = [clean_text(page.text) for page in pages]
    articles = pd.DataFrame({
        "article_id": [p.page_id for p in pages], "outlet": [p.meta["outlet"] for p in pages],
        "body": [c.body for c in cleaned],
        # as helpers.corpus.load_corpus has them: the raw page and its crossheads (a quotes page's headings)
        "raw_text": [p.text for p in pages], "subheads": ["\n".join(c.subheads) or None for c in cleaned],
    })
    quotes = extract_quotes(split_sentences(articles, n_jobs=1), articles, None)
    views = []
    for page, result in zip(pages, cleaned, strict=True):
        byline = next((r["text"] for r in result.removed if r["rule"] == "byline"), None)
        found = getattr(result, "agency", None) or result.wire_credit
        page_quotes = quotes[(quotes["article_id"] == page.page_id) & (quotes["form"] != "term")]
        named = page_quotes["speaker"].notna() & (page_quotes["speaker"] != "")
        mine, left = page_quotes[named], page_quotes[~named]
        views.append(SystemView(
            line_labels=_line_labels(page, result.removed),
            parts=dict(headline=result.headline, dek=result.dek, byline=byline, dateline=result.dateline,
                       agency=agency_of(found)),
            quotes=mine[list(DETAIL_COLUMNS)].to_dict("records"),
            unattributed=left[list(DETAIL_COLUMNS)].to_dict("records"),
        ))
    return views


def part_right(page: Page, view: SystemView, part: str) -> bool:
    """Whether the system found ``part`` as labelled (or, rightly, found none)."""
    got = view.parts.get(part)
    if part == "agency":
        return got == none_if_empty(page.meta["agency"])
    if part == "dateline":
        return dateline_place(got) == dateline_place(none_if_empty(page.meta["dateline"]))
    gold = {normalise(t) for t in page.all(part)}
    return normalise(got) in gold if gold else not normalise(got)


def speaker_right(gold: str, row: dict) -> bool:
    """The labelled speaker and the system's agree: same name, or one is the other's whole-word part
    ('Kerry' for 'John Kerry'); 'unnamed' matches an anonymous source."""
    if gold == ANONYMOUS:
        return row["speaker_kind"] == "anonymous source"
    a, b = normalise(gold), normalise(str(row["speaker"]))
    return bool(a and b) and (f" {a} " in f" {b} " or f" {b} " in f" {a} ")


def match_quotes(page: Page, view: SystemView) -> tuple[int, int, int, int]:
    """(labelled quotations, attributed by the system, found by their span, found with the right speaker).

    A labelled quotation is found by the first unused system quotation whose text contains
    its first words (case, quote marks and punctuation ignored).
    """
    used: set[int] = set()
    found = right = 0
    for speaker, words in page.quotes:
        key = normalise(words)
        hit = next((i for i, row in enumerate(view.quotes) if i not in used and key in normalise(row["quote"])), None)
        if hit is None:
            continue
        used.add(hit)
        found += 1
        right += speaker_right(speaker, view.quotes[hit])
    return len(page.quotes), len(view.quotes), found, right


def quote_details(pages: list[Page], views: list[SystemView]) -> pd.DataFrame:
    """One row per labelled quotation, matched as ``match_quotes`` does, with what the system
    made of it (``status``: right, wrong speaker, no speaker, not found), then one row per
    attributed quotation no label matched (``status`` "not labelled"): for reading errors."""
    rows = []
    for page, view in zip(pages, views, strict=True):
        used: set[int] = set()
        for speaker, words in page.quotes:
            key = normalise(words)
            hit = next((i for i, r in enumerate(view.quotes) if i not in used and key in normalise(r["quote"])), None)
            row = dict(page=page.page_id, gold=speaker, words=words)
            if hit is not None:
                used.add(hit)
                status = "right" if speaker_right(speaker, view.quotes[hit]) else "wrong speaker"
                rows.append(row | view.quotes[hit] | dict(status=status))
                continue
            left = next((r for r in view.unattributed if key in normalise(r["quote"])), None)
            rows.append(row | (left or {}) | dict(status="no speaker" if left else "not found"))
        rows += [dict(page=page.page_id, gold=None, words=None) | r | dict(status="not labelled")
                 for i, r in enumerate(view.quotes) if i not in used]
    return pd.DataFrame(rows, columns=["page", "status", "gold", "words", *DETAIL_COLUMNS])


PARTS = ("headline", "dek", "byline", "dateline", "agency")


def _row(name: str, measure: str, label: str, num: int, den: int) -> dict:
    return dict(set=name, measure=measure, label=label, numerator=num, denominator=den,
                value=round(num / den, 4) if den else None)


def _f1(name: str, label: str, tp: int, fp: int, fn: int) -> list[dict]:
    p, r = (tp / (tp + fp) if tp + fp else None), (tp / (tp + fn) if tp + fn else None)
    f1 = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
    return [_row(name, "precision", label, tp, tp + fp), _row(name, "recall", label, tp, tp + fn),
            dict(set=name, measure="f1", label=label, numerator=None, denominator=None,
                 value=None if f1 is None else round(f1, 4))]


def line_rows(name: str, pages: list[Page], views: list[SystemView]) -> list[dict]:
    """Body-line recall; non-body precision, recall and F1; per label: share removed, share named right."""
    pairs = [(g, s) for page, view in zip(pages, views, strict=True)
             for (g, _), s in zip(page.lines, view.line_labels, strict=True) if g]
    body = [s for g, s in pairs if g == "body"]
    rows = [_row(name, "body line recall", "body", sum(s == "body" for s in body), len(body))]
    tp = sum(g != "body" and s != "body" for g, s in pairs)
    fp = sum(g == "body" and s != "body" for g, s in pairs)
    fn = sum(g != "body" and s == "body" for g, s in pairs)
    rows += _f1(name, "non-body", tp, fp, fn)
    for label in sorted({g for g, _ in pairs} - {"body"}):
        got = [s for g, s in pairs if g == label]
        rows.append(_row(name, "non-body recall", label, sum(s != "body" for s in got), len(got)))
        rows.append(_row(name, "kind right", label, sum(s == label for s in got), len(got)))
    return rows


def part_rows(name: str, pages: list[Page], views: list[SystemView]) -> list[dict]:
    """Per part, pages where it is right; pages with every part right; agency found where stated."""
    right = [{part: part_right(p, v, part) for part in PARTS} for p, v in zip(pages, views, strict=True)]
    rows = [_row(name, "page part right", part, sum(r[part] for r in right), len(right)) for part in PARTS]
    rows.append(_row(name, "page parts all right", "all", sum(all(r.values()) for r in right), len(right)))
    stated = [r["agency"] for p, r in zip(pages, right, strict=True) if none_if_empty(p.meta["agency"])]
    rows.append(_row(name, "agency found where stated", "agency", sum(stated), len(stated)))
    return rows


def quote_rows(name: str, pages: list[Page], views: list[SystemView]) -> list[dict]:
    """Speaker precision (over quotations the system attributed), recall (over labelled ones) and F1."""
    gold = attributed = found = right = 0
    for page, view in zip(pages, views, strict=True):
        g, a, f, r = match_quotes(page, view)
        gold, attributed, found, right = gold + g, attributed + a, found + f, right + r
    rows = [_row(name, "quotation span found", "quotes", found, gold)]
    return rows + _f1(name, "speaker", right, attributed - right, gold - right)


def score(name: str, pages: list[Page], views: list[SystemView]) -> pd.DataFrame:
    """Every figure for one set of pages: columns set, measure, label, numerator, denominator, value."""
    counts = [_row(name, "pages", "pages", len(pages), len(pages)),
              _row(name, "outlets", "outlets", len({p.meta["outlet"] for p in pages}), len(pages)),
              _row(name, "topics", "topics", len({p.meta["topic"] for p in pages}), len(pages))]
    rows = counts + line_rows(name, pages, views) + part_rows(name, pages, views) + quote_rows(name, pages, views)
    return pd.DataFrame(rows, columns=["set", "measure", "label", "numerator", "denominator", "value"])


def page_errors(pages: list[Page], views: list[SystemView]) -> list[str]:
    """One line per disagreement, page by page: a labelled line the cleaner read otherwise
    ('012:7 caption->body | text') and a page part it got wrong ('012 part dek: got ... want ...')."""
    out = []
    for page, view in zip(pages, views, strict=True):
        for n, ((gold, text), got) in enumerate(zip(page.lines, view.line_labels, strict=True), start=1):
            if gold and gold != got and not (gold != "body" and got != "body" and gold == "headline"):
                out.append(f"{page.page_id}:{n} {gold}->{got} | {text[:110]}")
        for part in PARTS:
            if not part_right(page, view, part):
                want = page.meta[part] if part in ("agency", "dateline") else " / ".join(page.all(part))
                out.append(f"{page.page_id} part {part}: got {str(view.parts.get(part))[:80]!r} want {want[:80]!r}")
    return out
