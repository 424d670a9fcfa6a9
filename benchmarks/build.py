"""Time the cold report build of the sample corpus beside its floor, in one run (issue 18).

    python -m benchmarks.build             # two runs of each, alternating
    python -m benchmarks.build --runs 1    # a quicker check

The floor is five trivial notebooks that import the libraries the report's notebooks
use (pandas, matplotlib, seaborn, nltk, scikit-learn) and draw one small plot; each has a
``parameters`` cell with ``corpus_dir`` and ``data_dir`` as the real notebooks do, so the
build injects into it the same way. Floor and build run through the same machinery,
``python -m helpers.report --corpus corpus --out <new folder>`` (``--notebooks <the
trivial notebooks>`` for the floor), two notebooks at a time, rendering included, each in
a fresh subprocess with ``NEWS_BUNDLE_CACHE=0`` (cold: nothing read from an earlier
run's cache). Runs alternate floor, build, floor, build ... so that a change in the
machine's load falls on both alike. Each run's wall-clock seconds and the 1-minute load
average at its start are kept; the median of each goes into ``benchmarks/build.csv``
(rows ``build`` and ``floor``; any other row, such as ``suite``, is kept) with the date
and a note, and build / floor is printed against the goal (``benchmarks.goals``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import pandas as pd

from benchmarks.goals import BUILD_COLUMNS, BUILD_FILE, MAX_BUILD_OVER_FLOOR

ROOT = Path(__file__).resolve().parent.parent
N_TRIVIAL = 5  # as many as the report's notebooks
DEFAULT_RUNS = 2  # of each, alternating
CSV_HEADER = "# issue 18: report build and its floor (python -m benchmarks.build); suite: the test suite, fresh clone\n"
# The trivial notebooks' cells: what every report notebook has (title, parameters, imports, a plot).
PARAMETERS = ('corpus_dir = "corpus"  # a folder with metadata.csv, or a .csv / .jsonl / .parquet table\n'
              'data_dir = "reports/data"  # where the tables behind this notebook are written')
IMPORTS = ("import matplotlib.pyplot as plt\nimport nltk\nimport pandas as pd\nimport seaborn as sns\n"
           "import sklearn\nfrom sklearn.feature_extraction.text import CountVectorizer")
PLOT = ('counts = pd.DataFrame({"outlet": ["a", "b", "c"], "n_articles": [3, 1, 2]})\n'
        'ax = sns.barplot(data=counts, x="outlet", y="n_articles")\nplt.show()')


def trivial_notebook(number: int) -> nbformat.NotebookNode:
    """A floor notebook: a title, a ``parameters`` cell, an import cell and one small seaborn plot."""
    parameters = nbformat.v4.new_code_cell(PARAMETERS, metadata={"tags": ["parameters"]})
    cells = [nbformat.v4.new_markdown_cell(f"# Trivial notebook {number}"), parameters,
             nbformat.v4.new_code_cell(IMPORTS), nbformat.v4.new_code_cell(PLOT)]
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


def write_trivial_notebooks(folder: Path, n: int = N_TRIVIAL) -> list[Path]:
    """Write ``n`` floor notebooks (``00_trivial.ipynb`` ...) into ``folder``; their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(n):
        path = folder / f"{number:02d}_trivial.ipynb"
        nbformat.write(trivial_notebook(number), path)
        paths.append(path)
    return paths


def build_command(corpus: str, out: Path, notebooks: Path | None = None) -> list[str]:
    """The report build's command line, on the trivial ``notebooks`` for the floor."""
    command = [sys.executable, "-m", "helpers.report", "--corpus", corpus, "--out", str(out)]
    return command + (["--notebooks", str(notebooks)] if notebooks is not None else [])


def timed_run(command: list[str]) -> tuple[float, float]:
    """Run ``command`` from the repo root with the cache off; its wall-clock seconds and the
    1-minute load average at its start. Raises RuntimeError, with its stderr, if it fails."""
    env = {**os.environ, "NEWS_BUNDLE_CACHE": "0"}
    load = os.getloadavg()[0]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited with {done.returncode}:\n{done.stderr[-3000:]}")
    return seconds, load


def alternating_runs(runs: int, corpus: str, workdir: Path) -> dict[str, list[tuple[float, float]]]:
    """``runs`` floor builds and ``runs`` report builds, alternating, each into a new folder:
    ``{"floor": [(seconds, load), ...], "build": [...]}``."""
    trivial = workdir / "trivial"
    write_trivial_notebooks(trivial)
    figures: dict[str, list[tuple[float, float]]] = {"floor": [], "build": []}
    for run in range(1, runs + 1):
        for measure, notebooks in (("floor", trivial), ("build", None)):
            seconds, load = timed_run(build_command(corpus, workdir / f"{measure}-{run}", notebooks))
            figures[measure].append((seconds, load))
            print(f"{measure} {run}/{runs}: {seconds:.1f} s (load {load:.2f})", file=sys.stderr, flush=True)
    return figures


def build_rows(figures: dict[str, list[tuple[float, float]]], date: str) -> pd.DataFrame:
    """One row per measure: the median seconds and the median load average of its runs."""
    rows = []
    for measure, runs in figures.items():
        rows.append(dict(measure=measure, seconds=round(statistics.median(s for s, _ in runs), 1), date=date,
                         load_average=round(statistics.median(load for _, load in runs), 2),
                         note=f"median of {len(runs)} alternating runs"))
    return pd.DataFrame(rows, columns=BUILD_COLUMNS)


def write_build_csv(rows: pd.DataFrame, path: Path = BUILD_FILE) -> pd.DataFrame:
    """Write ``rows`` into ``path``, replacing the rows of the same measures and keeping the
    others (``suite``); the table written."""
    table = rows
    if Path(path).exists():
        old = pd.read_csv(path, comment="#")
        old = old[~old["measure"].isin(rows["measure"])]
        table = pd.concat([rows, old], ignore_index=True) if len(old) else rows
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(CSV_HEADER)
        table.to_csv(fh, index=False, columns=BUILD_COLUMNS)
    return table


def main(argv: list[str] | None = None) -> int:
    """Measure, write ``build.csv`` and print build / floor against the goal."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS, help="runs of each, alternating (at least 1)")
    parser.add_argument("--corpus", default="corpus", help="the corpus built (default: the sample)")
    parser.add_argument("--out", type=Path, default=BUILD_FILE, help="the CSV to write (other rows kept)")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs: give 1 or more")
    with tempfile.TemporaryDirectory(prefix="build-bench-") as workdir:
        try:
            figures = alternating_runs(args.runs, args.corpus, Path(workdir))
        except RuntimeError as exc:
            print(exc, file=sys.stderr)
            return 1
    rows = build_rows(figures, dt.date.today().isoformat())
    write_build_csv(rows, args.out)
    b, f = (float(rows.loc[rows["measure"] == m, "seconds"].iloc[0]) for m in ("build", "floor"))
    verdict = "met" if b / f <= MAX_BUILD_OVER_FLOOR else "NOT met"
    print(rows.to_string(index=False))
    print(f"\nbuild / floor = {b} s / {f} s = {b / f:.2f}x (goal: at most {MAX_BUILD_OVER_FLOOR}x: {verdict})")
    print(f"Wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
