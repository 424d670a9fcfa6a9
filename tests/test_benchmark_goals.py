"""benchmarks.goals and benchmarks.run's table: every goal of issue 18 judged from the figures."""

from __future__ import annotations

import pandas as pd
import pytest

from benchmarks.goals import goals, read_build
from benchmarks.run import merged


def _table(e2e_100k: float | None, ratio_terms: float, ratio_sentiment: float, identical: float) -> pd.DataFrame:
    rows = [
        dict(n_articles=10_000, stage="term counts and distinctive terms", seconds=9.0, ratio=ratio_terms * 2,
             identical=identical),
        dict(n_articles=10_000, stage="sentiment", seconds=5.0, ratio=ratio_sentiment, identical=1.0),
        dict(n_articles=10_000, stage="shared passages", seconds=30.0, ratio=0.03, recall=0.985),
        dict(n_articles=10_000, stage="end to end", seconds=50.0, peak_memory_mb=1500.0),
    ]
    if e2e_100k is not None:
        rows += [dict(n_articles=100_000, stage="term counts and distinctive terms", seconds=90.0, ratio=ratio_terms),
                 dict(n_articles=100_000, stage="end to end", seconds=e2e_100k, peak_memory_mb=2900.0)]
    return pd.DataFrame(rows)


def _goal(text: str, start: str) -> str:
    (line,) = [g for g in text.splitlines() if g.startswith(f"- {start}")]
    return line


def test_each_goal_is_met_not_met_or_not_measured_with_its_figure():
    text = goals(_table(320.0, 1.4, 0.8, 0.5), {"build": 13.0, "floor": 10.0})
    assert _goal(text, "100,000 articles end to end").endswith("320.0 s (NOT met)")
    assert _goal(text, "peak memory").endswith("2,900 MB (met)")
    assert _goal(text, "end to end from").endswith("6.4x (met)")
    assert _goal(text, "term counts and").endswith("1.4x at 100,000 articles (met)")
    assert _goal(text, "term counts the same").endswith("50.00% of the sample identical (NOT met)")
    assert _goal(text, "sentiment at most").startswith("- sentiment at most 1.0x") and "not measured" in text
    assert "(0.8x at 10,000 articles)" in _goal(text, "sentiment at most")  # shown, not judged at 10,000
    assert _goal(text, "sentiment scores").endswith("100.00% of the sample identical (met)")
    assert _goal(text, "shared passages at 10,000 articles find").endswith("98.50% (NOT met)")
    assert _goal(text, "shared passages at 10,000 articles at least").endswith("33x faster (NOT met)")
    assert _goal(text, "cold report build").endswith("1.30x (13.0 s against 10.0 s) (met)")
    assert _goal(text, "the whole test suite").endswith("not measured (no suite row)")
    assert len(text.splitlines()) == 11


def test_without_the_large_run_or_build_csv_those_goals_are_not_measured(tmp_path):
    assert read_build(tmp_path / "build.csv") == {}
    text = goals(_table(None, 3.0, 1.2, 1.0), {})
    for start in ["100,000 articles end to end", "peak memory", "end to end from", "cold report build"]:
        assert "not measured" in _goal(text, start)
    (tmp_path / "build.csv").write_text("# written by a test\nmeasure,seconds,date,load_average,note\n"
                                        "build,20.5,2026-12-06,1.0,\nfloor,10.25,2026-12-06,1.0,\nsuite,,,,\n")
    assert read_build(tmp_path / "build.csv") == {"build": 20.5, "floor": 10.25}
    (tmp_path / "bad.csv").write_text("what,time\nbuild,3\n")
    with pytest.raises(ValueError, match="measure"):
        read_build(tmp_path / "bad.csv")


def test_a_run_of_some_sizes_keeps_the_other_sizes_of_the_file(tmp_path):
    path = tmp_path / "results.csv"
    pd.DataFrame([dict(n_articles=n, stage="end to end", seconds=n / 100) for n in (1_000, 10_000, 100_000)]).to_csv(
        path, index=False)
    table = merged([dict(n_articles=10_000, stage="end to end", seconds=42.0)], path)
    assert table["n_articles"].tolist() == [1_000, 10_000, 100_000]
    assert table["seconds"].tolist() == [10.0, 42.0, 1000.0]
    assert merged([dict(n_articles=5, stage="x", seconds=1.0)], tmp_path / "none.csv")["n_articles"].tolist() == [5]


def test_peak_memory_measures_the_process_trees_memory_and_cpu():
    """``PeakMemory`` (each stage's peak MB and CPU seconds in benchmarks.run's table)
    sees memory this process takes and CPU time it spends."""
    import time

    import numpy as np

    from benchmarks.run import PeakMemory

    memory = PeakMemory(interval=0.05)
    before, cpu = memory.sample(), memory.cpu_seconds()
    block = np.ones(200 * 2**20 // 8)  # 200 MB, touched
    assert memory.sample() - before > 150 * 2**20
    end = time.process_time() + 0.3
    while time.process_time() < end:
        block[:1000] += 1
    assert memory.cpu_seconds() - cpu >= 0.25
