"""``python -m validation.pages``: score the cleaner and the quote attribution on the labelled pages.

Prints, for the held-out ``eval`` set and the ``dev`` set, every figure with its counts and
writes them to ``validation/pages/results.csv`` (or ``--out``), the headline figures, dated,
to ``helpers/data/page_validation.csv`` (or ``--summary``), which ``00_corpus`` reads beside
its method, and the dated speaker figures to ``helpers/data/validation_attribution.csv``
(``01_sources`` shows them). The report never reads ``validation/``.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import pandas as pd

from .read import HERE, SETS, read_set
from .score import page_errors, quote_details, score, system_view

SUMMARY = HERE.parents[1] / "helpers" / "data" / "page_validation.csv"
# The dated summary 01_sources shows beside its method (helpers.quotes.findings.attribution_validation).
ATTRIBUTION_SUMMARY = HERE.parents[1] / "helpers" / "data" / "validation_attribution.csv"
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
    parser.add_argument("--pages", action="store_true", help="also print each page's wrong lines and parts")
    parser.add_argument("--quotes", action="store_true",
                        help="also print each labelled quotation with the system's speaker (for reading errors)")
    args = parser.parse_args(argv)
    tables = []
    for name in SETS:
        pages = read_set(name, args.folder)
        if pages:
            views = system_view(pages)
            tables.append(score(name, pages, views))
            if args.pages and name != "eval":  # eval is held out: its pages' errors are never printed
                print(f"== {name}: errors by page ==", *page_errors(pages, views), sep="\n")
            if args.quotes and name != "eval":  # likewise its quotations
                print_details(name, quote_details(pages, views))
    table = pd.concat(tables, ignore_index=True)
    with pd.option_context("display.max_rows", None, "display.width", 120):
        for name, part in table.groupby("set", sort=False):
            print(f"== {name} ==")
            print(part.drop(columns="set").to_string(index=False))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(args.out, index=False, lineterminator="\n")
    write_summary(table, args.summary, dt.date.today().isoformat())
    write_attribution_summary(table, ATTRIBUTION_SUMMARY, dt.date.today().isoformat())
    return table


def print_details(name: str, details: pd.DataFrame) -> None:
    """Every quotation of a set that is not right, grouped by status, then the counts."""
    with pd.option_context("display.max_rows", None, "display.width", 250, "display.max_colwidth", 60):
        for status, part in details[details["status"] != "right"].groupby("status", sort=False):
            print(f"== {name}: {status} ({len(part)}) ==")
            print(part.drop(columns="status").to_string(index=False))
    print(details["status"].value_counts().to_string())


def attribution_summary(table: pd.DataFrame, date: str) -> pd.DataFrame:
    """One row per set: the speaker figures ``helpers.quotes.findings.attribution_validation`` reads."""
    rows = []
    for name, part in table.groupby("set", sort=False):
        get = part.set_index(["measure", "label"])

        def count(measure, label, column="numerator", get=get):
            return int(get.loc[(measure, label), column])

        rows.append(dict(
            date=date, set=name, n_pages=count("pages", "pages"), n_outlets=count("outlets", "outlets"),
            n_labelled=count("quotation span found", "quotes", "denominator"),
            n_attributed=count("precision", "speaker", "denominator"),
            n_found=count("quotation span found", "quotes"), n_right=count("recall", "speaker"),
            precision=get.loc[("precision", "speaker"), "value"], recall=get.loc[("recall", "speaker"), "value"],
            f1=get.loc[("f1", "speaker"), "value"],
        ))
    return pd.DataFrame(rows)


def write_attribution_summary(table: pd.DataFrame, path: Path, date: str) -> None:
    """Write the dated attribution summary, with a comment header naming its source."""
    summary = attribution_summary(table, date)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write("# Quote attribution scored on the labelled news pages of validation/pages/ (eval: held out;\n"
                     "# dev: used for rule work): speaker precision, recall and F1 with their counts.\n"
                     "# Source: written by `python -m validation.pages` (validation/pages/README.md); do not edit.\n"
                     "# Licence: figures computed for this bundle; use them under the bundle's terms.\n")
        summary.to_csv(handle, index=False, lineterminator="\n")


if __name__ == "__main__":
    main()
