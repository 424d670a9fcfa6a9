"""``python -m validation.pages``: score the cleaner and the quote attribution on the labelled pages.

Prints, for the held-out ``eval`` set and the ``dev`` set, every figure with its counts and
writes them to ``validation/pages/results.csv`` (or ``--out``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

from .read import HERE, SETS, read_set
from .score import score, system_view


def main(argv: list[str] | None = None) -> pd.DataFrame:
    """Score each set, print the figures, write the CSV; return the table."""
    parser = argparse.ArgumentParser(prog="python -m validation.pages", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=HERE / "results.csv", help="CSV of the figures")
    parser.add_argument("--folder", type=Path, default=HERE, help="folder holding eval/ and dev/")
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
    return table


if __name__ == "__main__":
    main()
