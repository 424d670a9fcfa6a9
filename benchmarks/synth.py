"""Synthetic corpora for the benchmark, built from the seed articles' own sentences.

``make_corpus(n)`` recombines the words of the sample corpus's body sentences into new
sentences (a walk over which word follows which in the seeds), and those into ``n``
articles from ``N_OUTLETS`` outlets over two years; it wraps half of them in the page
furniture the cleaner removes, and makes ``REUSE_SHARE`` of them reuse
``REUSED_SENTENCES`` sentences of an article a few days older with a small edit, so
shared-passage detection has a known answer. Deterministic for a given ``n`` and ``seed``.
"""

from __future__ import annotations

from itertools import pairwise

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
EDITS = [(" said ", " says "), (" the ", " a "), (",", ""), (" and ", " & ")]
DAYS = 730  # two years
REUSE_MAX_DAYS = 3
JUMP = 0.6
QUOTED_SHARE = 0.2
SPEAKERS = ["Kerry", "Netanyahu", "Abbas", "an Israeli official", "Psaki", "a Palestinian negotiator", "Indyk",
            "Erekat", "Livni", "a senior U.S. official", "Harf", "Abu Rudeineh"]


def seed_sentences() -> list[str]:
    articles, _, _ = load_corpus(DEFAULT_CORPUS_DIR)
    return split_sentences(articles)["text"].tolist()


def _markov(pool: list[str]) -> tuple[list[str], dict[str, list[str]]]:
    """The seed sentences' words and, for each word, the words that follow it there."""
    follows: dict[str, list[str]] = {}
    pool = [" ".join(w.strip('.?!"\u201c\u201d') for w in s.split()) for s in pool]
    pool = [" ".join(s.split()) for s in pool if s.strip()]
    for sentence in pool:
        toks = sentence.split()
        for a, b in pairwise(toks):
            follows.setdefault(a, []).append(b)
    return [w for s in pool for w in s.split()], follows


def _sentence(rng: np.random.Generator, words: list[str], follows: dict[str, list[str]], length: int) -> str:
    """A new sentence: a walk over the seed words' successors that jumps to a random
    word ``JUMP`` of the time, so runs of seed wording stay short and most sentences are
    unique, as in real coverage (a corpus of recombined copies would make every
    sentence a near-duplicate of thousands of others); ``QUOTED_SHARE`` of them are a
    quotation with a speaker."""
    out = [words[int(rng.integers(0, len(words)))]]
    while len(out) < length:
        nxt = follows.get(out[-1])
        if nxt and rng.random() > JUMP:
            out.append(nxt[int(rng.integers(0, len(nxt)))])
        else:
            out.append(words[int(rng.integers(0, len(words)))])
    text = " ".join(out).rstrip(",;:")
    if rng.random() < QUOTED_SHARE:  # a quotation with its speaker
        return f'"{text[0].upper() + text[1:]},\u201d {SPEAKERS[int(rng.integers(0, len(SPEAKERS)))]} said.'.replace(
            "\u201d", '"')
    return text[0].upper() + text[1:] + "."


def make_corpus(n: int, *, seed: int = 0) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return ``(table, reuse)``: a table corpus (id, outlet, date, text) and the planted reuse.

    Articles are dated in id order over ``DAYS`` days. ``REUSE_SHARE`` of them take
    ``REUSED_SENTENCES`` sentences of an article dated at most ``REUSE_MAX_DAYS`` days
    earlier, each with one small edit (wire copy is reused within days). ``reuse`` has
    one row per planted sentence: ``article_id, source_id, sentence`` (as planted).
    """
    rng = np.random.default_rng(seed)
    pool = seed_sentences()
    words, follows = _markov(pool)
    lengths = [len(s.split()) for s in pool]
    ids = [f"syn{i:06d}" for i in range(n)]
    days = np.sort(rng.integers(0, DAYS, size=n))
    bodies: list[list[str]] = []
    reuse = []
    for i in range(n):
        k = int(rng.integers(*SENTENCES_PER_ARTICLE))
        sents = [_sentence(rng, words, follows, lengths[int(rng.integers(0, len(lengths)))]) for _ in range(k)]
        recent = np.flatnonzero(days[:i] >= days[i] - REUSE_MAX_DAYS)
        if len(recent) and rng.random() < REUSE_SHARE:
            src = int(recent[int(rng.integers(0, len(recent)))])
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
    dates = pd.Timestamp("2023-01-01") + pd.to_timedelta(days, unit="D")
    table = pd.DataFrame({
        "id": ids,
        "outlet": [f"Outlet {int(o):02d}" for o in rng.integers(0, N_OUTLETS, size=n)],
        "date": dates.strftime("%Y-%m-%d"),
        "text": texts,
    })
    return table, pd.DataFrame(reuse, columns=["article_id", "source_id", "sentence"])
