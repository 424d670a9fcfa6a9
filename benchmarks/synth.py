"""Synthetic corpora for the benchmark, built from the seed articles' own sentences.

``make_corpus(n)`` recombines the sample corpus's body sentences into ``n`` articles
from ``N_OUTLETS`` outlets over two years, wraps a share of them in the page furniture
the cleaner removes, and makes ``REUSE_SHARE`` of them reuse ``REUSED_SENTENCES``
sentences of an earlier article with a small edit, so shared-passage detection has a
known answer. Deterministic for a given ``n`` and ``seed``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.corpus import load_corpus
from helpers.paths import DEFAULT_CORPUS_DIR
from helpers.text import split_sentences

N_OUTLETS = 20
SENTENCES_PER_ARTICLE = (12, 30)  # the seed articles have 13-26
REUSE_SHARE = 0.10  # share of articles that reuse sentences of an earlier one
REUSED_SENTENCES = 3
FURNITURE = ["Share this article", "Sign up for our weekly newsletter", "Related News"]
EDITS = [(" said ", " says "), ("Palestinian", "Palestinian "), (",", "")]


def seed_sentences() -> list[str]:
    articles, _, _ = load_corpus(DEFAULT_CORPUS_DIR)
    return split_sentences(articles)["text"].tolist()


def make_corpus(n: int, *, seed: int = 0) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return ``(table, reuse)``: a table corpus (outlet, date, id, text) and the planted reuse.

    ``reuse`` has one row per planted pair: ``article_id, source_id, sentence`` (the
    edited sentence as planted).
    """
    rng = np.random.default_rng(seed)
    pool = seed_sentences()
    words = " ".join(pool).split()
    ids = [f"syn{i:06d}" for i in range(n)]
    bodies: list[list[str]] = []
    reuse = []
    for i in range(n):
        k = int(rng.integers(*SENTENCES_PER_ARTICLE))
        # new sentences: seed sentences with a few words swapped in, so articles differ
        picked = [pool[j] for j in rng.integers(0, len(pool), size=k)]
        sents = []
        for s in picked:
            toks = s.split()
            for _ in range(max(1, len(toks) // 4)):
                toks[int(rng.integers(0, len(toks)))] = words[int(rng.integers(0, len(words)))]
            sents.append(" ".join(toks))
        if i > 10 and rng.random() < REUSE_SHARE:
            src = int(rng.integers(0, i))
            for s in bodies[src][:REUSED_SENTENCES]:
                a, b = EDITS[int(rng.integers(0, len(EDITS)))]
                edited = s.replace(a, b, 1)
                sents.insert(int(rng.integers(0, len(sents))), edited)
                reuse.append((ids[i], ids[src], edited))
        bodies.append(sents)
    texts = []
    for sents in bodies:
        paragraphs = [" ".join(sents[j:j + 2]) for j in range(0, len(sents), 2)]
        if rng.random() < 0.5:
            paragraphs = paragraphs + FURNITURE
        texts.append("\n\n".join(paragraphs))
    dates = pd.Timestamp("2023-01-01") + pd.to_timedelta(rng.integers(0, 730, size=n), unit="D")
    table = pd.DataFrame({
        "id": ids,
        "outlet": [f"Outlet {int(o):02d}" for o in rng.integers(0, N_OUTLETS, size=n)],
        "date": dates.strftime("%Y-%m-%d"),
        "text": texts,
    })
    return table, pd.DataFrame(reuse, columns=["article_id", "source_id", "sentence"])
