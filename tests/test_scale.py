"""Large corpora: the chunked paths (worker processes, a Dask cluster) give the same tables
as the plain pandas path, on a synthetic corpus of 2,000 articles built from the seeds."""

from __future__ import annotations

import pandas as pd
import pytest

from benchmarks.synth import make_corpus
from helpers import parallel, terms
from helpers.corpus import load_corpus
from helpers.overlap import shared_passages
from helpers.quotes import quotes_and_sources
from helpers.sentiment import score_sentences
from helpers.text import split_sentences, tokenize

N_ARTICLES = 2_000


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    table, reuse = make_corpus(N_ARTICLES)
    path = tmp_path_factory.mktemp("synthetic") / "synthetic.parquet"
    table.to_parquet(path)
    articles = load_corpus(path, cache=False).articles
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWS_BUNDLE_CACHE", "0")
        sentences = split_sentences(articles, n_jobs=1)
    return articles, sentences, reuse


def _all_tables(articles: pd.DataFrame, sentences: pd.DataFrame, **where) -> dict[str, pd.DataFrame]:
    quotes, sources = quotes_and_sources(sentences, articles, **where)
    counts, totals = terms.count_terms(sentences, **where)
    return {
        "sentences": split_sentences(articles, **where),
        "scores": score_sentences(sentences, **where),
        "quotes": quotes,
        "sources": sources,
        "counts": counts,
        "totals": totals,
        "passages": shared_passages(sentences, articles=articles, window_days=7, **where),
    }


def _assert_same(got: dict[str, pd.DataFrame], expected: dict[str, pd.DataFrame]) -> None:
    for name, table in expected.items():
        assert len(table) > 0, f"{name} is empty: the comparison would prove nothing"
        pd.testing.assert_frame_equal(got[name], table, obj=name)


def test_chunks_hold_whole_articles_in_order(synthetic):
    _, sentences, _ = synthetic
    chunks = parallel.article_chunks(sentences, size=300)
    assert len(chunks) == 7  # 2,000 articles in chunks of 300
    assert [c["article_id"].nunique() for c in chunks] == [300] * 6 + [200]
    seen = [set(c["article_id"]) for c in chunks]
    assert all(a.isdisjoint(b) for i, a in enumerate(seen) for b in seen[i + 1:])
    pd.testing.assert_frame_equal(pd.concat(chunks), sentences)


def test_a_large_corpus_s_sentences_come_back_from_the_cache(plain_tables, monkeypatch, tmp_path):
    """A corpus of at least ``MIN_PARALLEL_ARTICLES`` articles keeps its sentences in the cache. Checked
    on the first ``CHUNKED_ARTICLES`` articles with the threshold lowered to that many (what is checked
    is the cache, not the size: the 2,000 articles cost three splits of 2,000 for the same checks)."""
    from helpers.corpus import cache

    monkeypatch.setattr(cache, "TABLES_DIR", tmp_path / "tables")
    monkeypatch.setenv("NEWS_BUNDLE_CACHE", "1")
    monkeypatch.setattr(parallel, "MIN_PARALLEL_ARTICLES", CHUNKED_ARTICLES)
    articles, sentences, _ = plain_tables
    assert len(articles) == parallel.MIN_PARALLEL_ARTICLES  # a large corpus, as the build sees it
    first = split_sentences(articles, n_jobs=1)
    assert len(list((tmp_path / "tables").iterdir())) == 1
    pd.testing.assert_frame_equal(first, sentences)
    pd.testing.assert_frame_equal(split_sentences(articles, n_jobs=1), sentences)  # read back, same table
    edited = articles.copy()
    edited.loc[0, "body"] = "A new first sentence. " + edited.loc[0, "body"]
    again = split_sentences(edited, n_jobs=1)
    assert len(list((tmp_path / "tables").iterdir())) == 2  # the edit made a new entry
    assert again["text"].iloc[0] == "A new first sentence."


def test_count_terms_equals_the_token_table_path(seed_dir):
    articles = load_corpus(seed_dir).articles
    sentences = split_sentences(articles)
    tokens = tokenize(sentences)
    phrases = terms.phrases_to_join(tokens, sentences)
    assert phrases, "the seeds have phrases to join; without them this test checks less"
    occurrences = terms.term_occurrences(tokens, sentences, phrases=phrases)
    totals = terms.word_totals(tokens, sentences, occurrences)
    counts, chunked_totals = terms.count_terms(sentences, phrases=phrases)
    pd.testing.assert_frame_equal(chunked_totals, totals)
    pd.testing.assert_frame_equal(counts, terms.term_counts(occurrences, totals))


CHUNKED_ARTICLES = 300  # the chunked paths run on the first 300 articles: the chunking is checked, not the size
DASK_CHUNK = 100  # the Dask comparison: 3 chunks over 2 workers


@pytest.fixture(scope="module")
def plain_tables(synthetic):
    """The first ``CHUNKED_ARTICLES`` articles, their sentences, and every table of them by the
    plain path (one process, the cache off): what both chunked paths must give."""
    articles, sentences, _ = synthetic
    articles = articles.iloc[:CHUNKED_ARTICLES]
    sentences = sentences[sentences["article_id"].isin(articles["article_id"])].reset_index(drop=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWS_BUNDLE_CACHE", "0")
        return articles, sentences, _all_tables(articles, sentences, n_jobs=1)


def test_worker_processes_give_the_same_tables(plain_tables, monkeypatch):
    articles, sentences, expected = plain_tables
    monkeypatch.setattr(parallel, "MIN_PARALLEL_ARTICLES", 1)
    monkeypatch.setattr(parallel, "CHUNK_ARTICLES", 40)  # 8 chunks over 2 processes
    _assert_same(_all_tables(articles, sentences, n_jobs=2), expected)


def test_quotations_of_sentences_out_of_article_order_are_the_same_in_chunks(synthetic, monkeypatch):
    """Chunks of sentences are views when each chunk's rows run together; sentences in another
    order are gathered row by row, and the tables are the plain path's either way."""
    articles, sentences, _ = synthetic
    articles = articles.iloc[:200]
    shuffled = sentences[sentences["article_id"].isin(articles["article_id"])].sample(frac=1, random_state=0)
    expected = quotes_and_sources(shuffled, articles, n_jobs=1)
    monkeypatch.setattr(parallel, "MIN_PARALLEL_ARTICLES", 1)
    monkeypatch.setattr(parallel, "CHUNK_ARTICLES", 40)  # 5 chunks over 2 processes
    got = quotes_and_sources(shuffled, articles, n_jobs=2)
    assert len(expected[0]) > 0 and len(expected[1]) > 0
    pd.testing.assert_frame_equal(got[0], expected[0])
    pd.testing.assert_frame_equal(got[1], expected[1])


@pytest.fixture(scope="module")
def planted_passages(synthetic):
    """The shared passages of the whole synthetic corpus by the plain path (one process)."""
    articles, sentences, _ = synthetic
    return shared_passages(sentences, articles=articles, window_days=7, n_jobs=1)


def test_a_dask_local_cluster_gives_the_same_tables(plain_tables, monkeypatch):
    """Every table, from chunks scattered to a cluster of two workers and gathered back, equals the
    plain path's. On the articles and plain-path tables of test_worker_processes_give_the_same_tables,
    in chunks of 100 (what is checked is the chunking, not the size), with the cache off so that
    no table is read back instead of being made on the cluster. The workers are threads of this
    process (``processes=False``): what is Dask's own here (scatter, map, gather in order over
    two workers) is the same, and the step functions going to other processes and back is
    test_worker_processes_give_the_same_tables's; two worker processes would each import
    Dask and the helpers again (10.7 -> 3.0 s of CPU, measured under load on 2026-12-06)."""
    distributed = pytest.importorskip("distributed")
    articles, sentences, expected = plain_tables
    monkeypatch.setenv("NEWS_BUNDLE_CACHE", "0")
    monkeypatch.setattr(parallel, "MIN_PARALLEL_ARTICLES", 1)
    monkeypatch.setattr(parallel, "CHUNK_ARTICLES", DASK_CHUNK)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        got = _all_tables(articles, sentences, client=client)
        assert len(client.scheduler_info()["workers"]) == 2
    _assert_same(got, expected)


def test_the_dask_address_can_come_from_the_environment(monkeypatch):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        monkeypatch.setenv(parallel.DASK_ENV, cluster.scheduler_address)
        client = parallel.dask_client()
        try:
            assert client.scheduler.address == cluster.scheduler_address
            squares = parallel.map_chunks(abs, [-1, -2, 3])
            assert squares == [1, 2, 3]
        finally:
            client.close()
            parallel.connect.cache_clear()


def test_shared_passages_find_the_planted_reuse(synthetic, planted_passages):
    _, _, reuse = synthetic
    passages = planted_passages
    found = set(zip(passages["article_id_a"], passages["article_id_b"], strict=False))
    planted = set(zip(reuse["source_id"], reuse["article_id"], strict=False))
    assert len(planted) > 150  # 10% of 2,000 articles reuse an earlier one
    missed = planted - found
    assert len(missed) <= 0.01 * len(planted), sorted(missed)[:10]


def test_a_bad_jobs_setting_is_named(monkeypatch):
    monkeypatch.setenv(parallel.JOBS_ENV, "two")
    with pytest.raises(ValueError, match="NEWS_BUNDLE_JOBS must be a whole number"):
        parallel.default_jobs()
