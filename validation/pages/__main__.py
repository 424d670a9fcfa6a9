"""``python -m validation.pages``: score the cleaner and the quote attribution on the labelled pages.

Prints, for the held-out ``eval`` set and the ``dev`` set, every figure with its counts and
writes them to ``validation/pages/results.csv`` (or ``--out``), and the dated speaker figures
to ``helpers/data/validation_attribution.csv`` (01_sources shows them beside its method).
"""

from __future__ import annotations

import argparse
import datetime
from pathlib import Path

import pandas as pd

from .read import HERE, SETS, read_set
from .score import score, system_view

# The dated summary 01_sources shows beside its method (helpers.quotes.findings.attribution_validation).
SUMMARY = HERE.parent.parent / "helpers" / "data" / "validation_attribution.csv"


def main(argv: list[str] | None = None) -> pd.DataFrame:
    """Score each set, print the figures, write the CSV; return the table."""
    parser = argparse.ArgumentParser(prog="python -m validation.pages", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=HERE / "results.csv", help="CSV of the figures")
    parser.add_argument("--folder", type=Path, default=HERE, help="folder holding eval/ and dev/")
    parser.add_argument("--summary", type=Path, default=SUMMARY, help="dated attribution summary CSV (01_sources)")
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
    write_summary(table, args.summary)
    return table


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


def write_summary(table: pd.DataFrame, path: Path, date: str | None = None) -> None:
    """Write the dated attribution summary, with a comment header naming its source."""
    summary = attribution_summary(table, date or datetime.date.today().isoformat())
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write("# Quote attribution scored on the labelled news pages of validation/pages/ (eval: held out;\n"
                     "# dev: used for rule work): speaker precision, recall and F1 with their counts.\n"
                     "# Source: written by `python -m validation.pages` (validation/pages/README.md); do not edit.\n"
                     "# Licence: figures computed for this bundle; use them under the bundle's terms.\n")
        summary.to_csv(handle, index=False, lineterminator="\n")


if __name__ == "__main__":
    main()
