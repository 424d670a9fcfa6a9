"""Issue 18's goals, each as met / NOT met / not measured, with the figure it rests on.

``goals(table)`` reads the benchmark's table (``benchmarks/results.csv``) and the small
``benchmarks/build.csv`` that the report-build and test-suite measurements fill: one row
per measure, columns ``measure`` (``build``: cold report build of the sample corpus,
cache off, notebooks two at a time; ``floor``: five trivial notebooks importing the same
libraries, run and rendered the same way, side by side with the build in one run;
``suite``: the whole test suite on a fresh clone), ``seconds``, ``date``,
``load_average`` and ``note``. A goal whose figure is missing is "not measured".
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

BUILD_FILE = Path(__file__).parent / "build.csv"
BUILD_COLUMNS = ["measure", "seconds", "date", "load_average", "note"]
LARGE = 100_000  # articles: where the speed and memory goals are set
MEDIUM = 10_000  # articles: where shared passages are compared with exact all-pairs

# The goals of issue 18, with the bound each figure is held to.
MAX_BUILD_OVER_FLOOR = 1.3
MAX_END_TO_END_S = 300
MAX_PEAK_MB = 3 * 1024  # 3 GB, the process and its workers together
MAX_GROWTH = 12  # end to end, 10,000 -> 100,000 articles: linear (10x) with room for noise
MAX_TERMS_RATIO = 1.5  # term counts and distinctive terms / CountVectorizer
MAX_SENTIMENT_RATIO = 1.0  # sentiment / vaderSentiment in one process
MIN_RECALL = 0.99  # shared passages: share of exact all-pairs' pairs found
MIN_SPEEDUP = 50  # shared passages: times faster than exact all-pairs
MAX_SUITE_S = 240  # the whole test suite on a fresh clone


def read_build(path: Path = BUILD_FILE) -> dict[str, float]:
    """``measure -> seconds`` from ``build.csv`` (empty when the file is absent)."""
    if not Path(path).exists():
        return {}
    table = pd.read_csv(path, comment="#")
    if "measure" not in table.columns or "seconds" not in table.columns:
        raise ValueError(f"{path}: needs the columns {', '.join(BUILD_COLUMNS)}")
    table = table.dropna(subset=["seconds"])
    return dict(zip(table["measure"].astype(str), table["seconds"].astype(float), strict=True))


def _value(table: pd.DataFrame, n: int, stage: str, column: str) -> float | None:
    hit = table[(table["n_articles"] == n) & (table["stage"] == stage)] if column in table.columns else table[:0]
    return None if hit.empty or pd.isna(hit[column].iloc[0]) else float(hit[column].iloc[0])


def _line(goal: str, figure: float | None, ok, show, *, absent: str = "") -> str:
    """``- goal: figure (met)``; ``show`` writes the figure, ``absent`` says what is known when it is missing."""
    if figure is None:
        return f"- {goal}: not measured{f' ({absent})' if absent else ''}"
    return f"- {goal}: {show(figure)} ({'met' if ok(figure) else 'NOT met'})"


def _ratio_line(table: pd.DataFrame, goal: str, stage: str, bound: float, extra: str = "") -> str:
    """A ratio-to-peer goal at ``LARGE`` articles; at a smaller size the figure is shown, not judged."""
    ratio = _value(table, LARGE, stage, "ratio")
    sizes = sorted(table.loc[(table["stage"] == stage) & table["ratio"].notna(), "n_articles"].astype(int))
    seen = f"{_value(table, sizes[-1], stage, 'ratio')}x at {sizes[-1]:,} articles" if sizes else ""
    return _line(goal, ratio, lambda x: x <= bound, lambda x: f"{x}x at {LARGE:,} articles{extra}", absent=seen)


def _identical_line(table: pd.DataFrame, goal: str, stage: str) -> str:
    shares = table.loc[table["stage"] == stage, "identical"].dropna() if "identical" in table.columns else []
    worst = None if len(shares) == 0 else float(min(shares))
    return _line(goal, worst, lambda x: x == 1, lambda x: f"{x:.2%} of the sample identical")


def goals(table: pd.DataFrame, build: dict[str, float] | None = None) -> str:
    """Every goal of issue 18 on its own line: the goal, the figure, met / NOT met / not measured."""
    build = read_build() if build is None else build
    b, f, suite = build.get("build"), build.get("floor"), build.get("suite")
    over = None if b is None or not f else b / f
    e2e, e2e_10k = _value(table, LARGE, "end to end", "seconds"), _value(table, MEDIUM, "end to end", "seconds")
    growth = None if e2e is None or not e2e_10k else e2e / e2e_10k
    mem = _value(table, LARGE, "end to end", "peak_memory_mb")
    speed = _value(table, MEDIUM, "shared passages", "ratio")
    recall = _value(table, MEDIUM, "shared passages", "recall")
    lines = [
        _line(f"cold report build of the sample at most {MAX_BUILD_OVER_FLOOR}x its floor (measured by "
              "benchmarks/build.csv)", over, lambda x: x <= MAX_BUILD_OVER_FLOOR,
              lambda x: f"{x:.2f}x ({b} s against {f} s)", absent="no build and floor rows"),
        _line(f"{LARGE:,} articles end to end in at most {MAX_END_TO_END_S} s", e2e, lambda x: x <= MAX_END_TO_END_S,
              lambda x: f"{x} s"),
        _line(f"peak memory at {LARGE:,} articles at most {MAX_PEAK_MB:,} MB", mem, lambda x: x <= MAX_PEAK_MB,
              lambda x: f"{x:,.0f} MB"),
        _line(f"end to end from {MEDIUM:,} to {LARGE:,} articles at most {MAX_GROWTH}x (linear)", growth,
              lambda x: x <= MAX_GROWTH, lambda x: f"{x:.1f}x"),
        _ratio_line(table, f"term counts and distinctive terms at most {MAX_TERMS_RATIO}x CountVectorizer",
                    "term counts and distinctive terms", MAX_TERMS_RATIO),
        _identical_line(table, "term counts the same as the token table's (a sample of articles)",
                        "term counts and distinctive terms"),
        _ratio_line(table, f"sentiment at most {MAX_SENTIMENT_RATIO}x vaderSentiment in one process", "sentiment",
                    MAX_SENTIMENT_RATIO),
        _identical_line(table, "sentiment scores identical to NLTK's VADER (a sample of sentences)", "sentiment"),
        _line(f"shared passages at {MEDIUM:,} articles find at least {MIN_RECALL:.0%} of exact all-pairs' pairs",
              recall, lambda x: x >= MIN_RECALL, lambda x: f"{x:.2%}"),
        _line(f"shared passages at {MEDIUM:,} articles at least {MIN_SPEEDUP}x faster than exact all-pairs",
              speed, lambda x: x <= 1 / MIN_SPEEDUP, lambda x: f"{1 / x:.0f}x faster"),
        _line(f"the whole test suite in at most {MAX_SUITE_S} s on a fresh clone (measured by benchmarks/build.csv)",
              suite, lambda x: x <= MAX_SUITE_S, lambda x: f"{x} s", absent="no suite row"),
    ]
    return "\n".join(lines)
