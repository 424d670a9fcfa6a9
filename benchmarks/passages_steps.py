"""Per-step time and memory of ``shared_passages`` in one process: where a large corpus's time goes.

    python -m benchmarks.passages_steps --articles 30000 [--window 7] [--tables DIR] [--lsh] [--save FILE]

The sentences and articles of the 100,000-article synthetic corpus (``benchmarks.run``'s
``synthetic_corpus``, loaded and split as ``run_size`` does) are made once and kept as
Parquet in ``--tables``; ``--articles N`` takes the first N articles by date (then id)
and their sentences. ``shared_passages`` then runs with ``n_jobs=1`` while its step
functions are wrapped from outside (nothing in ``helpers`` changes): each step logs its
wall and CPU seconds, the resident memory after it and the peak during it (a thread
reads ``/proc/self/statm`` every 0.2 s), and the size of what it returns. Steps called
once a chunk (the pre-tests) are summed and logged at the end.
"""

from __future__ import annotations

import argparse
import functools
import os
import resource
import sys
import threading
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

SAMPLE_SECONDS = 0.2
FULL_SIZE = 100_000
PAGE = os.sysconf("SC_PAGE_SIZE")


class Tracker:
    """Resident memory sampled in a thread; the peak seen during each open step."""

    def __init__(self) -> None:
        self.open: list[dict] = []
        self.totals: dict[str, dict] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.t0 = time.perf_counter()

    @staticmethod
    def rss() -> int:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * PAGE

    def _run(self) -> None:
        while not self._stop.wait(SAMPLE_SECONDS):
            self.note(self.rss())

    def note(self, rss: int) -> None:
        for step in list(self.open):
            step["peak"] = max(step["peak"], rss)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def log(self, text: str) -> None:
        print(f"[{time.perf_counter() - self.t0:8.1f} s] {text}", flush=True)

    def wrap(self, module, name: str, label: str, *, quiet: bool = False, size=None) -> None:
        """Replace ``module.name`` with a version that logs (or, ``quiet``, sums) each call."""
        fn = getattr(module, name)

        @functools.wraps(fn)
        def wrapped(*args, **kwargs):
            rss = 0 if quiet else self.rss()  # a pre-test runs per pair: no /proc read there
            step = {"peak": rss, "wall": time.perf_counter(), "cpu": time.process_time()}
            self.open.append(step)
            if not quiet:
                self.log(f"start {label}: rss {rss / 2**20:,.0f} MB")
            try:
                result = fn(*args, **kwargs)
            finally:
                self.open.remove(step)
            wall, cpu = time.perf_counter() - step["wall"], time.process_time() - step["cpu"]
            end = 0 if quiet else self.rss()
            peak = max(step["peak"], end)
            if quiet:
                total = self.totals.setdefault(label, {"calls": 0, "wall": 0.0, "cpu": 0.0, "peak": 0})
                total.update(calls=total["calls"] + 1, wall=total["wall"] + wall, cpu=total["cpu"] + cpu,
                             peak=max(total["peak"], peak))
            else:
                extra = f"; {size(result)}" if size is not None else ""
                self.log(f"end   {label}: wall {wall:.1f} s, cpu {cpu:.1f} s, rss after {end / 2**20:,.0f} MB, "
                         f"peak during {peak / 2**20:,.0f} MB{extra}")
            return result

        setattr(module, name, wrapped)

    def summary(self) -> None:
        for label, t in self.totals.items():
            peak = f", peak during {t['peak'] / 2**20:,.0f} MB" if t["peak"] else ""  # sampled calls only
            self.log(f"summed {label}: {t['calls']:,} calls, wall {t['wall']:.1f} s, cpu {t['cpu']:.1f} s{peak}")


def tables(directory: Path, n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The first ``n`` articles by date (then id) of the 100,000-article corpus, and their sentences."""
    from benchmarks.run import synthetic_corpus
    from helpers.corpus import load_corpus
    from helpers.text import split_sentences

    art_path, sent_path = directory / f"articles_{FULL_SIZE}.parquet", directory / f"sentences_{FULL_SIZE}.parquet"
    if not (art_path.exists() and sent_path.exists()):
        directory.mkdir(parents=True, exist_ok=True)
        path, _ = synthetic_corpus(FULL_SIZE, directory)
        articles = load_corpus(path, cache=False).articles.drop(columns="raw_text")
        articles.to_parquet(art_path)
        split_sentences(articles, n_jobs=1).to_parquet(sent_path)
    articles, sentences = pd.read_parquet(art_path), pd.read_parquet(sent_path)
    if n < len(articles):
        order = articles.assign(_d=pd.to_datetime(articles["date"])).sort_values(["_d", "article_id"])
        keep = set(order["article_id"].astype(str).head(n))
        articles = articles[articles["article_id"].astype(str).isin(keep)].reset_index(drop=True)
        sentences = sentences[sentences["article_id"].astype(str).isin(keep)].reset_index(drop=True)
    return sentences, articles


def _pairs(result) -> str:
    if isinstance(result, tuple) and len(result) >= 2 and isinstance(result[0], np.ndarray):
        return f"{len(result[0]):,} pairs"
    return f"{len(result):,} rows" if hasattr(result, "__len__") else ""


def instrument(tracker: Tracker) -> None:
    """Wrap the steps of ``shared_passages`` (module attributes, looked up at call time)."""
    from helpers.overlap import containment, passages

    def count(result):
        return f"{len(result):,} codes"

    def runs(result):
        return f"{len(result[0]):,} probe runs, {int(result[2].sum()):,} proposed entries (before dedup)"

    tracker.wrap(passages, "_signatures", "1 signatures (MinHash with --lsh)",
                 size=lambda r: f"{len(r[0]):,} indexed sentences, {len(r[3][1]):,} tokens, "
                                f"{len(r[3][0]):,} distinct folded words")
    tracker.wrap(passages, "_identical_groups", "1b identical groups", size=lambda r: f"{len(r.first_row):,} groups")
    tracker.wrap(passages, "_group_days", "2a windowing: group days")
    tracker.wrap(passages, "band_pairs", "2b LSH candidates (windowed)", size=count)
    tracker.wrap(passages, "_contained", "2c containment search (windowed)", size=count)
    tracker.wrap(passages, "TokenEntries", "2c.0 token entries (corpus-wide shingle counts)")
    tracker.wrap(containment, "_probes", "2c.2 containment prefixes", size=lambda r: f"{len(r):,} probes")
    tracker.wrap(containment, "_partner_runs", "2c.3 containment window runs", size=runs)
    tracker.wrap(containment, "_word_index", "2c.4 containment word index")
    tracker.wrap(containment, "_enough_words", "2c.5 pre-test: word count (containment)", quiet=True)
    tracker.wrap(passages, "_candidate_rows", "2d candidate rows", size=_pairs)
    tracker.wrap(passages, "_verify", "3 exact check (incl. pre-tests)", size=_pairs)
    tracker.wrap(passages, "verify_chunk", "3a verify chunks", quiet=True)
    tracker.wrap(passages, "may_pass", "3b pre-test: may_pass", quiet=True)
    tracker.wrap(passages, "align_mapped", "3c alignment", quiet=True)
    tracker.wrap(passages, "_passage_table", "4 table building", size=_pairs)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=FULL_SIZE)
    parser.add_argument("--window", type=float, default=7, help="days (0: no window)")
    parser.add_argument("--tables", type=Path, default=Path(".cache/benchmark/passages_steps"))
    parser.add_argument("--lsh", action="store_true", help="MinHash LSH too (default: the containment search alone)")
    parser.add_argument("--save", type=Path, help="write the passages table here (Parquet), to compare runs")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    os.environ["NEWS_BUNDLE_CACHE"] = "0"
    os.environ.setdefault("NEWS_BUNDLE_PROGRESS", "0")
    from helpers.overlap import LSH_THRESHOLD, shared_passages

    tracker = Tracker()
    tracker.start()
    sentences, articles = tables(args.tables, args.articles)
    tracker.log(f"{len(articles):,} articles, {len(sentences):,} sentences; rss {tracker.rss() / 2**20:,.0f} MB")
    instrument(tracker)
    t0, c0 = time.perf_counter(), time.process_time()
    base = tracker.rss()
    step = {"peak": base}
    tracker.open.append(step)
    lsh = {"lsh_threshold": LSH_THRESHOLD} if args.lsh else {}
    passages = shared_passages(sentences, articles=articles, window_days=args.window or None, n_jobs=1, **lsh)
    tracker.open.remove(step)
    tracker.summary()
    tracker.log(f"shared_passages: wall {time.perf_counter() - t0:.1f} s, cpu {time.process_time() - c0:.1f} s, "
                f"{len(passages):,} rows; rss before {base / 2**20:,.0f} MB, peak {step['peak'] / 2**20:,.0f} MB, "
                f"ru_maxrss {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")
    tracker.stop()
    if args.save:
        passages.to_parquet(args.save)


if __name__ == "__main__":
    main(sys.argv[1:])
