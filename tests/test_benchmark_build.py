"""benchmarks.build without a build: the floor's notebooks and the writing of build.csv."""

from __future__ import annotations

import nbformat
import pandas as pd
from papermill.translators import papermill_translators

from benchmarks.build import build_command, build_rows, write_build_csv, write_trivial_notebooks
from benchmarks.goals import BUILD_COLUMNS, read_build


def test_trivial_notebooks_are_valid_with_the_parameters_the_build_injects(tmp_path):
    paths = write_trivial_notebooks(tmp_path / "trivial", n=5)
    assert [p.name for p in paths] == [f"0{i}_trivial.ipynb" for i in range(5)]
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        nbformat.validate(nb)
        tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
        assert len(tagged) == 1 and tagged[0].cell_type == "code"
        declared = papermill_translators.find_translator("python3", "python").inspect(tagged[0])
        assert {p.name for p in declared} == {"corpus_dir", "data_dir"}  # as papermill reads it
        code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
        for library in ("pandas", "matplotlib", "seaborn", "nltk", "sklearn"):
            assert f"import {library}" in code or f"from {library}" in code
        assert "sns.barplot" in code
        assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")


def test_build_command_runs_the_report_on_the_trivial_notebooks_only_for_the_floor(tmp_path):
    floor = build_command("corpus", tmp_path / "out", tmp_path / "trivial")
    build = build_command("corpus", tmp_path / "out")
    assert floor[1:] == ["-m", "helpers.report", "--corpus", "corpus", "--out", str(tmp_path / "out"),
                         "--notebooks", str(tmp_path / "trivial")]
    assert build == floor[:-2]


def test_medians_are_written_and_a_suite_row_is_kept(tmp_path):
    path = tmp_path / "build.csv"
    path.write_text("measure,seconds,date,load_average,note\nsuite,250.0,2026-12-01,1.5,by hand\n"
                    "build,99.0,2026-12-01,1.0,old\n")
    figures = {"floor": [(10.0, 1.0), (12.0, 3.0), (11.0, 2.0)], "build": [(14.0, 2.5), (13.0, 0.5), (20.0, 4.0)]}
    write_build_csv(build_rows(figures, "2026-12-06"), path)
    assert read_build(path) == {"floor": 11.0, "build": 14.0, "suite": 250.0}
    table = pd.read_csv(path, comment="#")
    assert list(table.columns) == BUILD_COLUMNS and len(table) == 3
    build = table.set_index("measure").loc["build"]
    assert build["load_average"] == 2.5 and build["date"] == "2026-12-06"
    assert build["note"] == "median of 3 alternating runs"
    assert table.set_index("measure").loc["suite", "note"] == "by hand"


def test_a_new_build_csv_has_only_the_build_and_floor_rows(tmp_path):
    path = tmp_path / "build.csv"
    write_build_csv(build_rows({"floor": [(9.5, 1.0)], "build": [(12.3, 1.0), (12.5, 1.0)]}, "2026-12-06"), path)
    assert read_build(path) == {"floor": 9.5, "build": 12.4}
