"""``python -m validation.pages``: score the cleaner and the quote attribution on the labelled pages.

Prints, for the held-out ``eval`` set and the ``dev`` set, every figure with its counts and
writes them to ``validation/pages/results.csv`` (or ``--out``), and the headline figures,
dated, to ``helpers/data/page_validation.csv`` (or ``--summary``), which the ``00_corpus``
report reads beside its method (the report never reads ``validation/``).
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import pandas as pd

from .read import HERE, SETS, read_set
from .score import score, system_view

SUMMARY = HERE.parents[1] / "helpers" / "data" / "page_validation.csv"
# The figures the report shows: (measure, label) rows of the results table.
SUMMARY_ROWS = (
    ("pages", "pages"), ("outlets", "outlets"), ("topics", "topics"), ("body line recall", "body"),
    ("precision", "non-body"), ("recall", "non-body"), ("f1", "non-body"), ("page parts all right", "all"),
    ("agency found where stated", "agency"), ("f1", "speaker"),
)
SUMMARY_HEADER = (
    "# The cleaner's figures on labelled news pages (validation/pages/: eval is the held-out set of\n"
    "# real pages from public news sites, dev the pages the rules were developed on), written by\n"
    "# `python -m validation.pages` on the date in column `date`; see validation/pages/README.md for\n"
    "# the labels and the scoring. Pages are copyright their publishers; these are counts only. Licence: CC0.\n"
)


def write_summary(table: pd.DataFrame, path: Path, date: str) -> pd.DataFrame:
    """The ``SUMMARY_ROWS`` of ``table`` for each set, with ``date``, written to ``path`` under
    ``SUMMARY_HEADER``; return them."""
    keys = pd.DataFrame(SUMMARY_ROWS, columns=["measure", "label"])
    out = table.merge(keys, on=["measure", "label"]).assign(date=date)
    out[["numerator", "denominator"]] = out[["numerator", "denominator"]].astype("Int64")
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(SUMMARY_HEADER)
        out.to_csv(handle, index=False, lineterminator="\n")
    return out


def main(argv: list[str] | None = None) -> pd.DataFrame:
    """Score each set, print the figures, write the CSV; return the table."""
    parser = argparse.ArgumentParser(prog="python -m validation.pages", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=HERE / "results.csv", help="CSV of the figures")
    parser.add_argument("--folder", type=Path, default=HERE, help="folder holding eval/ and dev/")
    parser.add_argument("--summary", type=Path, default=SUMMARY, help="CSV of the figures the report shows")
    args = parser.parse_args(argv)
    tables = []
    for name in SETS:
        pages = read_set(name, args.folder)
        if pages:
            tables.append(score(name, pages, system_view(pages)))
    table = pd.concat(tables, ignore_index=True)
    with pd.option_context("display.max_rows", None, "display.width", 120):
        for name, part in table.groupby("set", sort=False):
            print(f"== {name} ==")
            print(part.drop(columns="set").to_string(index=False))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(args.out, index=False, lineterminator="\n")
    write_summary(table, args.summary, dt.date.today().isoformat())
    return table


if __name__ == "__main__":
    main()
