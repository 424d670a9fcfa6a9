"""Time each stage of the helpers on synthetic corpora, beside a peer tool, with peak memory.

    python -m benchmarks.run                       # 1,000, 10,000 and 100,000 articles
    python -m benchmarks.run --sizes 1000 10000    # a quicker run
    python -m benchmarks.run --sizes 30000 --stages terms sentiment --out /tmp/r.csv  # some stages

Each size runs in its own process, so its memory is its own; peak memory is the largest
resident set of that process and its worker processes together, sampled every 0.2 s
while the helpers' stages run (the peers' runs are left out: the exact all-pairs peer
alone takes gigabytes). Each stage's row has its own peak (``peak_memory_mb``: what is
held from earlier stages included) and its CPU seconds (``cpu_seconds``: user + system
of the process and its workers, which a loaded machine does not inflate as it does
seconds); "end to end" has the largest peak and the summed CPU.
Stages run as a user's build would: load and clean, sentences, term counts and
distinctive terms (tokenizing chunk by chunk), sentiment, quotations, shared passages;
"end to end" is their sum (of the stages run: ``--stages`` names which run after loading and
splitting, by default all). Tokens are also timed alone (the "tokens" row), outside the
sum, because ``count_terms`` tokenizes again as it counts.

Peers, on the same data: scikit-learn's ``CountVectorizer`` (term counting), the
``vaderSentiment`` package (sentence scores, one process) and exact all-pairs
comparison of sentences (``benchmarks.allpairs``: every pair is scored; on a random
sample of query sentences, the full time extrapolated). Each stage's ``ratio`` is its
time over its peer's. Two checks ride along, outside the timings: term counts on a sample
of articles are compared with the token-table path, and sentiment scores of a sample of
sentences with NLTK's own ``polarity_scores`` (``identical``: the share equal in full).
The table is written as CSV (rows of sizes not run this time are kept from the file) and
printed, then every goal of issue 18 as met / NOT met / not measured (``benchmarks.goals``,
which also reads ``benchmarks/build.csv`` for the report-build and test-suite goals).

The explorer page (issue 20) is measured apart, by ``benchmarks.explorer`` in its own
process, at the ``--explorer`` sizes (default 10,000 articles): its size in MB and the
seconds Chromium takes to open it, written to ``benchmarks/explorer.csv``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
import warnings
from pathlib import Path

import pandas as pd

from benchmarks.goals import goals

HERE = Path(__file__).parent
DEFAULT_SIZES = [1_000, 10_000, 100_000]
WINDOW_DAYS = 7  # shared passages: near copies are looked for between articles this close in date
ALL_PAIRS_UP_TO = 10_000  # articles; beyond that the exact peer takes hours even on a sample
ALL_PAIRS_QUERIES = 2_000  # query sentences the exact peer compares with every sentence
SIMILAR_LENGTH = 0.5  # recall is also given for pairs whose shorter sentence has at least half the longer's words
SAMPLE_ARTICLES = 200  # articles whose term counts are compared with the token-table path
SAMPLE_SENTENCES = 2_000  # sentences whose scores are compared with NLTK's polarity_scores
STAGES = ("tokens", "terms", "sentiment", "quotations", "passages")  # after load and clean, and sentences


class PeakMemory:
    """Largest summed resident memory of this process and its descendants, sampled in a thread."""

    def __init__(self, interval: float = 0.2):
        self.interval, self.peak, self._stop = interval, 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def _tree(field: int, width: int = 1) -> int:
        """``/proc/PID/stat``'s fields ``field`` to ``field + width`` (counted after the command), summed
        over this process and its descendants: 21 is the resident set in pages; 11 to 15 are user,
        system, waited-for children's user and system CPU time, in clock ticks."""
        parents: dict[int, int] = {}
        values: dict[int, int] = {}
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                with open(f"/proc/{entry.name}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
                parents[int(entry.name)] = int(fields[1])
                values[int(entry.name)] = sum(int(v) for v in fields[field:field + width])
            except (OSError, IndexError, ValueError):
                continue
        root, total = os.getpid(), 0
        for pid, value in values.items():
            p = pid
            while p and p != root and p in parents:
                p = parents[p]
            if p == root:
                total += value
        return total

    def _tree_rss(self) -> int:
        return self._tree(21) * os.sysconf("SC_PAGE_SIZE")

    def sample(self) -> int:
        return self._tree_rss()

    def cpu_seconds(self) -> float:
        """CPU time (user + system) of this process and its live and waited-for descendants."""
        return self._tree(11, 4) / os.sysconf("SC_CLK_TCK")

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._tree_rss())
            self._stop.wait(self.interval)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._tree_rss())


def _timed(fn, *args, **kwargs):
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - start


def _count_tokens(chunk: pd.DataFrame) -> int:
    from helpers.text import tokenize_chunk

    return len(tokenize_chunk(chunk))


def _length_ratio(pairs: pd.DataFrame, sentences: pd.DataFrame) -> pd.Series:
    """Words of the shorter sentence of each pair over words of the longer (normalised tokens)."""
    from helpers.overlap import normalise_tokens

    ids = set(pairs["sentence_id_a"]) | set(pairs["sentence_id_b"])
    chosen = sentences[sentences["sentence_id"].isin(ids)]
    n = dict(zip(chosen["sentence_id"], (len(normalise_tokens(t)) for t in chosen["text"]), strict=False))
    a, b = pairs["sentence_id_a"].map(n), pairs["sentence_id_b"].map(n)
    return (pd.concat([a, b], axis=1).min(axis=1) / pd.concat([a, b], axis=1).max(axis=1)).fillna(0)


def terms_identical(sentences: pd.DataFrame, n_articles: int = SAMPLE_ARTICLES) -> float:
    """1.0 when ``count_terms`` on the first ``n_articles`` articles gives the token-table path's tables, else 0.0."""
    from helpers import terms
    from helpers.text import tokenize

    ids = sentences["article_id"].drop_duplicates().iloc[:n_articles]
    sample = sentences[sentences["article_id"].isin(ids)].reset_index(drop=True)
    tokens = tokenize(sample, n_jobs=1)
    occurrences = terms.term_occurrences(tokens, sample)
    totals = terms.word_totals(tokens, sample, occurrences)
    counts, chunked_totals = terms.count_terms(sample, n_jobs=1)
    same = counts.equals(terms.term_counts(occurrences, totals)) and chunked_totals.equals(totals)
    return float(same)


def sentiment_identical(scores: pd.DataFrame, n: int = SAMPLE_SENTENCES) -> float:
    """Share of a sample of scored sentences whose four scores equal NLTK's ``polarity_scores`` exactly."""
    from helpers.sentiment import analyzer

    sample = scores.sample(min(n, len(scores)), random_state=0)
    sia = analyzer()
    want = pd.DataFrame([sia.polarity_scores(t) for t in sample["text"]], index=sample.index)
    columns = ["neg", "neu", "pos", "compound"]
    return float((sample[columns] == want[columns]).all(axis=1).mean()) if len(sample) else 1.0


def synthetic_corpus(n: int, workdir: Path) -> tuple[Path, pd.DataFrame]:
    """The ``n``-article synthetic corpus as Parquet in ``workdir`` (made once) and its planted reuse."""
    from benchmarks.synth import make_corpus

    path, reuse_path = workdir / f"synthetic_{n}.parquet", workdir / f"synthetic_{n}_reuse.parquet"
    if not (path.exists() and reuse_path.exists()):
        table, reuse = make_corpus(n)
        table.to_parquet(path)
        reuse.to_parquet(reuse_path)
    return path, pd.read_parquet(reuse_path)


def run_size(n: int, workdir: Path, *, jobs: int | None, queries: int,  # noqa: PLR0915 -- a benchmark run reads top to bottom
             stages: tuple[str, ...] = STAGES) -> list[dict]:
    """Every stage (load and clean, sentences, then those of ``stages``) on an ``n``-article
    synthetic corpus; one dict per stage."""
    from sklearn.feature_extraction.text import CountVectorizer

    from benchmarks import allpairs
    from helpers import parallel, terms
    from helpers.corpus import load_corpus
    from helpers.overlap import shared_passages
    from helpers.quotes import quotes_and_sources
    from helpers.sentiment import reference_analyzer, score_sentences
    from helpers.text import split_sentences

    warnings.simplefilter("ignore")
    os.environ.setdefault(parallel.PROGRESS_ENV, "0")
    os.environ["NEWS_BUNDLE_CACHE"] = "0"  # every stage does its work (no sentences from an earlier run)
    path, reuse = synthetic_corpus(n, workdir)
    rows: list[dict] = []

    ours_peak = 0  # the largest memory seen while our stages ran (peers' runs left out)

    def add(stage, seconds, *, peer=None, peer_seconds=None, in_total=True, **extra):
        rows.append(dict(n_articles=n, stage=stage, seconds=round(seconds, 2), in_total=in_total, peer=peer,
                         peer_seconds=None if peer_seconds is None else round(peer_seconds, 2),
                         ratio=None if not peer_seconds else round(seconds / peer_seconds, 3), **stage_use, **extra))

    stage_use: dict = {}  # the stage ``ours`` ran last: its peak MB and CPU seconds (process tree)

    def ours(fn, *args, **kwargs):
        nonlocal ours_peak
        memory.peak, cpu = 0, memory.cpu_seconds()
        result = _timed(fn, *args, **kwargs)
        peak = max(memory.peak, memory.sample())
        ours_peak = max(ours_peak, peak)
        stage_use.update(peak_memory_mb=round(peak / 2**20), cpu_seconds=round(memory.cpu_seconds() - cpu, 2))
        return result

    memory = PeakMemory()
    with memory:
        corpus, t = ours(load_corpus, path, cache=False)
        articles = corpus.articles.drop(columns="raw_text")
        del corpus
        add("load and clean", t, n_rows=len(articles))

        sentences, t = ours(split_sentences, articles, n_jobs=jobs)
        add("sentences", t, n_rows=len(sentences))

        if "tokens" in stages:
            chunks = parallel.article_chunks(sentences)
            n_tokens, t = ours(lambda: sum(parallel.map_chunks(_count_tokens, chunks, n_articles=n, n_jobs=jobs)))
            add("tokens (timed alone; count_terms tokenizes again)", t, in_total=False, n_rows=n_tokens)
            del chunks

        if "terms" in stages:
            def term_stage():
                counts, totals = terms.count_terms(sentences, n_jobs=jobs)
                return counts, terms.distinctive_terms(counts, totals)

            (counts, distinctive), t = ours(term_stage)
            vectorizer = CountVectorizer(stop_words="english")
            _, t_peer = _timed(vectorizer.fit_transform, articles["body"])
            add("term counts and distinctive terms", t, peer="sklearn CountVectorizer (bodies, 1 process)",
                peer_seconds=t_peer, n_rows=len(counts), identical=terms_identical(sentences))
            del counts, distinctive
        if "sentiment" in stages:
            scores, t = ours(score_sentences, sentences, n_jobs=jobs)
            reference = reference_analyzer()
            _, t_peer = _timed(lambda: [reference.polarity_scores(s)["compound"] for s in sentences["text"]])
            add("sentiment", t, peer="vaderSentiment (1 process)", peer_seconds=t_peer, n_rows=len(scores),
                identical=sentiment_identical(scores))
            del scores
        if "quotations" in stages:
            (quotes, sources), t = ours(quotes_and_sources, sentences, articles, n_jobs=jobs)
            add("quotations", t, n_rows=len(quotes))
            del quotes, sources
        if "passages" in stages:
            window = WINDOW_DAYS if n > ALL_PAIRS_UP_TO else None
            passages, t = ours(shared_passages, sentences, articles=articles, window_days=window, n_jobs=jobs)
            found = set(zip(passages["article_id_a"], passages["article_id_b"], strict=False))
            planted = set(zip(reuse["source_id"], reuse["article_id"], strict=False))
            extra = dict(n_rows=len(passages), window_days=window,
                         planted_found=round(len(planted & found) / max(len(planted), 1), 4))
            if n <= ALL_PAIRS_UP_TO:
                sample = sentences["sentence_id"].sample(min(queries, len(sentences)), random_state=0).tolist()
                exact, t_sample = _timed(allpairs.exact_pairs, sentences, queries=sample, n_jobs=jobs or os.cpu_count())
                t_peer = t_sample * len(sentences) / len(sample)
                score = allpairs.recall(passages, exact)
                similar = allpairs.recall(passages, exact[_length_ratio(exact, sentences) >= SIMILAR_LENGTH])
                extra.update(all_pairs_sample=len(sample), all_pairs_pairs=score["n_exact"],
                             recall=round(score["share"], 4), similar_length_pairs=similar["n_exact"],
                             recall_similar_length=round(similar["share"], 4))
                add("shared passages", t, peer=f"exact all-pairs ({len(sample):,} query sentences, time x "
                    f"{len(sentences) / len(sample):,.0f})", peer_seconds=t_peer, **extra)
            else:
                add("shared passages", t, **extra)
    total = sum(r["seconds"] for r in rows if r["in_total"])
    cpu = sum(r["cpu_seconds"] for r in rows if r["in_total"])
    rows.append(dict(n_articles=n, stage="end to end", seconds=round(total, 2), in_total=False,
                     peak_memory_mb=round(ours_peak / 2**20), cpu_seconds=round(cpu, 2)))
    return rows


def merged(rows: list[dict], path: Path) -> pd.DataFrame:
    """``rows`` with the rows of other sizes already in ``path`` (so the file keeps every size), by size."""
    table = pd.DataFrame(rows)
    if path.exists():
        old = pd.read_csv(path)
        old = old[~old["n_articles"].isin(table["n_articles"])]
        table = pd.concat([old, table], ignore_index=True) if len(old) else table
    order = table["n_articles"].rank(method="dense")
    return table.iloc[order.argsort(kind="stable")].reset_index(drop=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=DEFAULT_SIZES, help="corpus sizes, in articles")
    parser.add_argument("--out", type=Path, default=HERE / "results.csv",
                        help="the CSV to write (rows of sizes not run are kept from it)")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: every core)")
    parser.add_argument("--queries", type=int, default=ALL_PAIRS_QUERIES, help="query sentences for all-pairs")
    parser.add_argument("--workdir", type=Path, default=HERE.parent / ".cache" / "benchmark",
                        help="where synthetic corpora are kept between runs")
    parser.add_argument("--explorer", type=int, nargs="*", default=[10_000],
                        help="sizes at which to measure the explorer page's size and open time (none: skip)")
    parser.add_argument("--stages", nargs="+", choices=STAGES, default=list(STAGES),
                        help="stages to run after load and clean and sentences (default: all)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: run one size in this process
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    if args.one:
        print(json.dumps(run_size(args.one, args.workdir, jobs=args.jobs, queries=args.queries,
                                  stages=tuple(args.stages))))
        return 0
    rows = []
    for n in args.sizes:
        command = [sys.executable, "-m", "benchmarks.run", "--one", str(n), "--workdir", str(args.workdir),
                   "--queries", str(args.queries), "--stages", *args.stages] + (
                       ["--jobs", str(args.jobs)] if args.jobs else [])
        print(f"{n:,} articles ...", file=sys.stderr, flush=True)
        done = subprocess.run(command, check=False, capture_output=True, text=True, cwd=HERE.parent)
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return done.returncode
        rows += json.loads(done.stdout.strip().splitlines()[-1])
        merged(rows, args.out).to_csv(args.out, index=False)  # what has run so far, if a later size fails
    table = pd.read_csv(args.out)
    with pd.option_context("display.width", 200, "display.max_columns", 20, "display.max_colwidth", 40):
        print(table.drop(columns="in_total").to_string(index=False))
    print("\nGoals (issue 18):\n" + goals(table))
    print(f"\nWrote {args.out}")
    if args.explorer:
        command = [sys.executable, "-m", "benchmarks.explorer", "--workdir", str(args.workdir),
                   "--sizes", *map(str, args.explorer)]
        return subprocess.run(command, check=False, cwd=HERE.parent).returncode
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
