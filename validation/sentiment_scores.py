"""``python -m validation.sentiment_scores``: score 03_sentiment's two validation sets and store the scores.

Scores the NYT editorial benchmark (``validation/vader-nyt``, three VADER scorers) and
NewsMTSC's real-world test set (``validation/newsmtsc/devtest_rw.jsonl``, the target model
and VADER) and writes them, dated and keyed, to ``helpers/data/validation_scores.csv``
(``helpers.sentiment.stored_scores``), which the build uses while the key holds. Run it
after changing the scoring code, the news-neutral words, the target model, the lexicon or
a scoring library: ``tests/test_stored_scores.py`` fails until then.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from helpers.sentiment import load_benchmark, load_newsmtsc
from helpers.sentiment.stored_scores import SCORES_FILE, write_scores


def main(argv: list[str] | None = None) -> None:
    """Score both sets, write the file, print how many rows of each."""
    parser = argparse.ArgumentParser(prog="python -m validation.sentiment_scores", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=SCORES_FILE, help="the CSV to write")
    args = parser.parse_args(argv)
    tables = {"nyt": load_benchmark().sentences, "newsmtsc": load_newsmtsc()}
    rows = write_scores(tables, dt.date.today().isoformat(), args.out)
    for name, count in rows["set"].value_counts(sort=False).items():
        print(f"{name}: {count:,} rows")
    print(f"written to {args.out}")


if __name__ == "__main__":
    main()
