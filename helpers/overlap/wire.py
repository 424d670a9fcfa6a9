"""Wire share: how much of each article's body it shares with another outlet's article."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .align import compare_sentences, matched_spans

WIRE_COLUMNS = [
    "article_id", "outlet", "date", "n_chars", "n_chars_shared", "share_shared",
    "n_sentences", "n_sentences_shared", "shared_with",
]


def _shared_spans(passages: pd.DataFrame) -> tuple[dict, dict, dict]:
    """Per article: the body spans shared with another outlet, those outlets, and the
    ids of its sentences with a shared run."""
    covered: dict[str, list[tuple[int, int]]] = {}
    partners: dict[str, set[str]] = {}
    shared_sentences: dict[str, set[str]] = {}
    cross = passages[~passages["same_outlet"].astype(bool)] if len(passages) else passages
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
    Characters shared with several articles count once.

    Parameters
    ----------
    articles, sentences, passages
        ``load_corpus`` articles, their ``split_sentences`` and ``shared_passages``.

    Returns
    -------
    DataFrame
        One row per article, in the articles' order: ``article_id, outlet, date,
        n_chars`` (characters of the cleaned body, paragraph breaks included: the
        denominator), ``n_chars_shared``, ``share_shared`` (= n_chars_shared /
        n_chars, 0-1), ``n_sentences``, ``n_sentences_shared`` (sentences with any
        shared run), ``shared_with`` (the other outlets, "; "-separated).
    """
    covered, partners, shared_sentences = _shared_spans(passages)
    n_sent = sentences.groupby("article_id").size()
    rows = []
    for art in articles.itertuples(index=False):
        body = art.body if isinstance(art.body, str) else ""
        chars = np.zeros(len(body), dtype=bool)
        for s, e in covered.get(art.article_id, []):
            chars[s:e] = True
        n_shared = int(chars.sum())
        rows.append((
            art.article_id, art.outlet, art.date, len(body), n_shared, n_shared / len(body) if body else 0.0,
            int(n_sent.get(art.article_id, 0)), len(shared_sentences.get(art.article_id, ())),
            "; ".join(sorted(partners.get(art.article_id, ()))),
        ))
    return pd.DataFrame(rows, columns=WIRE_COLUMNS)
