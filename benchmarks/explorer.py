"""The explorer page on a synthetic corpus: its size and how long Chromium takes to open it.

    python -m benchmarks.explorer --sizes 10000      # writes benchmarks/explorer.csv

The report tables are made as the notebooks make them (00_corpus, 01_sources, 02_terms,
04_overlap: sentences, tokens, term occurrences, counts, distinctive terms, quotations,
shared passages within ``WINDOW_DAYS``), written with ``write_table`` into a ``data/``
folder (kept in ``--workdir`` for the next run; its times are then blank), and the page is
written from that folder as the report build writes it.
From ``CHUNKED_FROM`` articles on (100,000 needed over 20 GB the other way: the whole token
table, then every occurrence), the term tables are made article chunk by chunk, without
stemming or joined phrases (``count_terms(stem=None)``; ``term_occurrences`` per chunk), and
``term_occurrences.csv`` keeps only the rows the page reads: every use of a plotted term and
one use of each other (form, term). The page is the same as from the whole table; only its
build time (``page_seconds``) is then shorter than a report's.
"Open" is the time from navigation to the page's script having drawn the plot (the
``load`` event, after which the script has run), in headless Chromium, median of
``OPENS`` opens. ``load_1min`` is the machine's one-minute load average when the opens
began (``os.getloadavg``): on a shared machine the times are only comparable beside it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
OPENS = 3
WINDOW_DAYS = 7  # as benchmarks.run beyond 10,000 articles
BUDGET_MB = {10_000: 5, 100_000: 20}  # the size budget
CHUNKED_FROM = 50_000  # articles; below, the tables are made as 02_terms makes them


def report_tables(n: int, workdir: Path, data_dir: Path) -> dict[str, float]:
    """Write the explorer's tables for the ``n``-article synthetic corpus; seconds per step."""
    from benchmarks.run import synthetic_corpus
    from helpers import terms
    from helpers.corpus import load_corpus
    from helpers.outputs import write_table
    from helpers.overlap import shared_passages
    from helpers.quotes import quotes_and_sources
    from helpers.text import split_sentences, tokenize

    warnings.simplefilter("ignore")
    path, _ = synthetic_corpus(n, workdir)
    start = time.perf_counter()
    articles = load_corpus(path, cache=False).articles.drop(columns="raw_text")
    sentences = split_sentences(articles)
    if n >= CHUNKED_FROM:
        occurrences, counts, distinctive = chunked_term_tables(sentences)
    else:
        tokens = tokenize(sentences)
        phrases = terms.phrases_to_join(tokens, sentences)
        occurrences = terms.term_occurrences(tokens, sentences, phrases=phrases)
        totals = terms.word_totals(tokens, sentences, occurrences)
        del tokens
        counts = terms.term_counts(occurrences, totals)
        distinctive = terms.distinctive_terms(counts, totals)
    quotes, _ = quotes_and_sources(sentences, articles)
    passages = shared_passages(sentences, articles=articles, window_days=WINDOW_DAYS)
    tables_seconds = time.perf_counter() - start
    start = time.perf_counter()
    tables = {"articles": articles, "sentences": sentences, "term_occurrences": occurrences,
              "term_counts": counts, "distinctive_terms": distinctive, "quotes": quotes,
              "shared_passages": passages}
    for name in sorted(tables, key=lambda k: k == "shared_passages"):  # shared_passages.csv last: "all written"
        write_table(tables[name], data_dir, f"{name}.csv")
    return {"tables_seconds": tables_seconds, "write_seconds": time.perf_counter() - start}


def chunked_term_tables(sentences: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """``(occurrences, counts, distinctive)`` chunk by chunk, occurrences cut to what the page reads."""
    from helpers import parallel, terms
    from helpers.explorer.payload import plotted_terms
    from helpers.text import tokenize_chunk

    counts, totals = terms.count_terms(sentences, stem=None)
    distinctive = terms.distinctive_terms(counts, totals)
    plotted = plotted_terms(distinctive)[["outlet", "term", "kind"]].assign(plotted=True)
    parts, seen = [], pd.DataFrame(columns=["form", "term"])
    for chunk in parallel.article_chunks(sentences):
        occ = terms.term_occurrences(tokenize_chunk(chunk), chunk, stem=None)
        occ = occ.merge(plotted, on=["outlet", "term", "kind"], how="left")
        first = ~occ.duplicated(["form", "term"]) & ~occ.set_index(["form", "term"]).index.isin(
            seen.set_index(["form", "term"]).index)
        parts.append(occ[occ["plotted"].eq(True).to_numpy() | first.to_numpy()].drop(columns="plotted"))
        seen = pd.concat([seen, occ.loc[first.to_numpy(), ["form", "term"]]], ignore_index=True)
    return pd.concat(parts, ignore_index=True), counts, distinctive


def open_seconds(page: Path) -> tuple[float, int]:
    """Median seconds Chromium takes to open and draw the page, and the dots it drew."""
    from playwright.sync_api import sync_playwright

    from tests.test_browser import CHROMIUM, CHROMIUM_ARGS

    times, dots = [], 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(OPENS):
            tab = browser.new_page()
            start = time.perf_counter()
            tab.goto(page.as_uri(), wait_until="load")
            dots = tab.evaluate("() => document.querySelectorAll('#plot circle').length")
            times.append(time.perf_counter() - start)
            tab.close()
        browser.close()
    return statistics.median(times), dots


def measure(n: int, workdir: Path) -> dict:
    """One row: the page's size and open time at ``n`` synthetic articles."""
    from helpers.explorer import write_explorer

    with tempfile.TemporaryDirectory() as tmp:
        data = workdir / f"explorer_{n}" / "data"  # kept between runs, as the synthetic corpus is
        done = data / "shared_passages.csv"
        row = {"tables_seconds": float("nan"), "write_seconds": float("nan")}
        if not done.is_file():
            data.mkdir(parents=True, exist_ok=True)
            row = report_tables(n, workdir, data)
        start = time.perf_counter()
        page = write_explorer(data, Path(tmp), corpus=f"synthetic_{n}")
        row["page_seconds"] = time.perf_counter() - start
        row["page_mb"] = page.stat().st_size / 2**20
        row["load_1min"] = os.getloadavg()[0]
        row["open_seconds"], row["plot_dots"] = open_seconds(page)
    budget = BUDGET_MB.get(n)
    return {"n_articles": n, **{k: round(v, 2) for k, v in row.items()}, "budget_mb": budget,
            "within_budget": None if budget is None else row["page_mb"] < budget}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000], help="corpus sizes, in articles")
    parser.add_argument("--out", type=Path, default=HERE / "explorer.csv", help="the CSV to write")
    parser.add_argument("--workdir", type=Path, default=HERE.parent / ".cache" / "benchmark")
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    rows = []
    for n in args.sizes:
        print(f"{n:,} articles ...", file=sys.stderr, flush=True)
        rows.append(measure(n, args.workdir))
        pd.DataFrame(rows).to_csv(args.out, index=False)
    print(pd.DataFrame(rows).to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
