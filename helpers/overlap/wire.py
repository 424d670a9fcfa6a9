"""Wire share: how much of each article's body it shares with another outlet's article, with
shared quotations (text inside quotation marks) counted apart from shared copy."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..quote_spans import quote_spans
from ..quotes.article import quote_form
from .align import Alignment, compare_sentences, matched_spans
from .passages import VERIFIED

WIRE_COLUMNS = [
    "article_id", "outlet", "date", "n_chars", "n_chars_shared", "share_shared",
    "n_chars_wire", "share_wire", "n_chars_shared_quotes", "share_shared_quotes",
    "n_sentences", "n_sentences_shared", "shared_with",
]


def quotation_spans(body: str) -> list[tuple[int, int]]:
    """``quote_spans`` of a body that are quotations, not quoted terms (``quote_form``: 'a
    "framework" agreement' is a term), so a shared scare-quoted word stays wire copy."""
    return [(s, e) for s, e in quote_spans(body) if quote_form(body[s + 1:e - 1] if e - s > 1 else "") != "term"]


def _inside(positions: np.ndarray, spans: list[tuple[int, int]]) -> np.ndarray:
    """Which ``positions`` (character offsets) lie inside one of the sorted ``spans``."""
    if not spans or not len(positions):
        return np.zeros(len(positions), dtype=bool)
    starts, ends = np.array([s for s, _ in spans]), np.array([e for _, e in spans])
    k = np.searchsorted(starts, positions, side="right") - 1
    return (k >= 0) & (positions < ends[np.maximum(k, 0)])


def _words_quoted(al: Alignment, side: str, offset: int, spans: list[tuple[int, int]]) -> bool:
    """Whether every matched word of one side lies inside a quotation of its body (False if none matched)."""
    tokens = al.tokens_a if side == "a" else al.tokens_b
    index = [k for tag, i1, i2, j1, j2 in al.opcodes if tag == "equal"
             for k in (range(i1, i2) if side == "a" else range(j1, j2))]
    starts = np.array([offset + tokens[k].start for k in index], dtype=np.int64)
    return bool(len(starts)) and bool(_inside(starts, spans).all())


def label_quotations(passages: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """``passages`` with a ``quotation`` column: True when the words the two sentences share
    all lie inside quotation marks on both sides (``quotation_spans``): the same person's
    words quoted by both articles, which is no sign of shared copy. Not modified in place."""
    bodies = dict(zip(articles["article_id"].astype(str), articles["body"], strict=False))
    spans = {aid: quotation_spans(b) if isinstance(b, str) else [] for aid, b in bodies.items()}
    flags = []
    for p in passages.itertuples(index=False):
        al = compare_sentences(p.text_a, p.text_b)
        flags.append(_words_quoted(al, "a", p.start_char_a, spans.get(str(p.article_id_a), []))
                     and _words_quoted(al, "b", p.start_char_b, spans.get(str(p.article_id_b), [])))
    return passages.assign(quotation=np.array(flags, dtype=bool))


def _shared_spans(passages: pd.DataFrame) -> tuple[dict, dict, dict]:
    """Per article: the body spans shared with another outlet, those outlets, and the
    ids of its sentences with a shared run (verified passages only)."""
    covered: dict[str, list[tuple[int, int]]] = {}
    partners: dict[str, set[str]] = {}
    shared_sentences: dict[str, set[str]] = {}
    cross = passages[~passages["same_outlet"].astype(bool)] if len(passages) else passages
    if "tier" in cross.columns:
        cross = cross[cross["tier"] == VERIFIED]
    for p in cross.itertuples(index=False):
        al = compare_sentences(p.text_a, p.text_b)
        for side, article, outlet_other, start, sid in (
            ("a", p.article_id_a, p.outlet_b, p.start_char_a, p.sentence_id_a),
            ("b", p.article_id_b, p.outlet_a, p.start_char_b, p.sentence_id_b),
        ):
            spans = matched_spans(al, side)
            covered.setdefault(article, []).extend((start + s, start + e) for s, e in spans)
            partners.setdefault(article, set()).add(outlet_other)
            if spans:
                shared_sentences.setdefault(article, set()).add(sid)
    return covered, partners, shared_sentences


def wire_share(articles: pd.DataFrame, sentences: pd.DataFrame, passages: pd.DataFrame) -> pd.DataFrame:
    """How much of each article's body it shares with another outlet's article.

    A character counts as shared when it lies in a run of matched words (from the
    first to the last word of the run, spaces and punctuation between them included,
    and the sentence's opening or closing punctuation when the run starts or ends it)
    of a verified shared passage whose other sentence is from a *different outlet*.
    Characters shared with several articles count once. A shared character inside
    quotation marks (``quotation_spans``: a quotation, not a quoted term) is a shared
    quotation, the same person's words in both articles; the others are wire copy.

    Parameters
    ----------
    articles, sentences, passages
        ``load_corpus`` articles, their ``split_sentences`` and ``shared_passages``
        (rows of its "partial" tier, if any, are not counted).

    Returns
    -------
    DataFrame
        One row per article, in the articles' order: ``article_id, outlet, date,
        n_chars`` (characters of the cleaned body, paragraph breaks included: the
        denominator), ``n_chars_shared`` (= ``n_chars_wire`` + ``n_chars_shared_quotes``),
        ``share_shared`` (= n_chars_shared / n_chars, 0-1), ``n_chars_wire`` and
        ``share_wire`` (shared characters outside quotation marks), ``n_chars_shared_quotes``
        and ``share_shared_quotes`` (inside them), ``n_sentences``, ``n_sentences_shared``
        (sentences with any shared run), ``shared_with`` (the other outlets, "; "-separated).
    """
    covered, partners, shared_sentences = _shared_spans(passages)
    n_sent = sentences.groupby("article_id").size()
    rows = []
    for art in articles.itertuples(index=False):
        body = art.body if isinstance(art.body, str) else ""
        chars = np.zeros(len(body), dtype=bool)
        for s, e in covered.get(art.article_id, []):
            chars[s:e] = True
        quoted = _inside(np.arange(len(body)), quotation_spans(body)) if chars.any() else chars
        n_shared, n_quotes = int(chars.sum()), int((chars & quoted).sum())
        d = max(len(body), 1)  # an empty body shares nothing: 0 / 1
        rows.append((
            art.article_id, art.outlet, art.date, len(body), n_shared, n_shared / d,
            n_shared - n_quotes, (n_shared - n_quotes) / d, n_quotes, n_quotes / d,
            int(n_sent.get(art.article_id, 0)), len(shared_sentences.get(art.article_id, ())),
            "; ".join(sorted(partners.get(art.article_id, ()))),
        ))
    return pd.DataFrame(rows, columns=WIRE_COLUMNS)
