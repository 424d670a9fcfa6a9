"""Tests for helpers.report: tiny notebooks in tmp_path, executed for real with papermill.

Each notebook execution starts a kernel (2-4 s), so one build is shared by most tests.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from helpers.display import page_csp
from helpers.report import NotebookResult, ReportFolderError, build_reports, main
from helpers.report import index as report_index
from helpers.report import notebook as report_notebook

PARAMETERS_SOURCE = 'corpus_dir = "corpus"\ndata_dir = "reports/data"'
FINDING = "Outlet A quotes officials 3x more often <script>alert(1)</script> & co"


def code(source: str, *tags: str) -> nbformat.NotebookNode:
    """Return a code cell with the given tags."""
    cell = new_code_cell(source)
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


def write_notebook(folder: Path, name: str, cells: list) -> Path:
    """Write a python3 notebook made of ``cells`` to ``folder/name`` and return its path."""
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    nbformat.write(nb, path)
    return path


def alpha_cells() -> list:
    """The full-featured notebook: every tag the report handles."""
    return [
        new_markdown_cell("# Does alpha <b>work</b>?\n\nA lede."),
        code("import pathlib\nsetup_marker_4821 = 1", "remove-cell"),
        code(PARAMETERS_SOURCE, "parameters"),
        code('remove_input_marker = "9931"\nprint("printed-" + remove_input_marker)',
             "remove-input"),
        code('print("corpus is", corpus_dir)\nvisible_marker_5150 = 1'),
        code(f"print({FINDING!r})", "finding"),
        code('(pathlib.Path(data_dir) / "alpha.csv").write_text("outlet,n\\nA,1\\n")'),
    ]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """One successful build of the alpha notebook, with code-free copies."""
    root = tmp_path_factory.mktemp("built")
    corpus = root / "my_corpus"
    corpus.mkdir()
    notebooks = root / "notebooks"
    write_notebook(notebooks, "00_alpha.ipynb", alpha_cells())
    out = root / "out"
    results = build_reports(corpus, out, notebooks_dir=notebooks, code_free=True, timeout=60)
    return {"root": root, "corpus": corpus, "notebooks": notebooks, "out": out,
            "results": results, "page": (out / "00_alpha.html").read_text(encoding="utf-8"),
            "index": (out / "index.html").read_text(encoding="utf-8")}


def test_build_writes_pages_index_executed_and_data(built):
    out = built["out"]
    assert [(r.name, r.status) for r in built["results"]] == [("00_alpha", "ok")]
    for rel in ["index.html", "00_alpha.html", "no-code/00_alpha.html",
                "executed/00_alpha.ipynb", "data/alpha.csv"]:
        assert (out / rel).is_file(), rel
    assert (out / "data" / "alpha.csv").read_text() == "outlet,n\nA,1\n"
    assert not list(out.parent.glob(".out.*")), "staging or old folder left behind"
    result = built["results"][0]
    assert result.html == "00_alpha.html" and result.error is None and result.seconds > 0


def test_finding_is_escaped_in_the_index(built):
    index = built["index"]
    assert built["results"][0].finding == FINDING
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in index
    assert "<script" not in index
    assert 'href="00_alpha.html"' in index and 'href="no-code/00_alpha.html"' in index
    assert "Does alpha &lt;b&gt;work&lt;/b&gt;?" in index


def test_index_is_self_contained(built):
    index = built["index"]
    assert "<style>" in index
    assert "http://" not in index and "https://" not in index and "<script" not in index
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', index).group(1)
    style = re.search(r"<style>(.*?)</style>", index, re.S).group(1)
    assert csp == page_csp(style=style)  # its own style by hash, no script at all, nothing from outside
    assert "script-src 'none'" in csp and "unsafe" not in csp


def test_tags_are_honoured_in_the_page(built):
    page = built["page"]
    assert "setup_marker_4821" not in page  # remove-cell: gone
    assert "printed-9931" in page  # remove-input: output kept ...
    assert "remove_input_marker" not in page  # ... input gone
    assert "visible_marker_5150" in page  # untagged code stays
    assert "reports/data" not in page  # the parameters cell's defaults are not shown
    assert "<title>Does alpha &lt;b&gt;work&lt;/b&gt;?</title>" in page


def test_parameters_are_injected_and_shown(built):
    page, corpus, out = built["page"], built["corpus"], built["out"]
    assert f"corpus is {corpus}" in page  # printed by the notebook: really injected
    assert ".building" not in page  # the injected cell shows the final data folder
    executed = nbformat.read(out / "executed" / "00_alpha.ipynb", as_version=4)
    injected = [c for c in executed.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1
    assert f'corpus_dir = "{corpus}"' in injected[0].source
    assert f'data_dir = "{out / "data"}"' in injected[0].source


def test_no_code_copy_has_no_code(built):
    page = (built["out"] / "no-code" / "00_alpha.html").read_text(encoding="utf-8")
    body = page.split("<main>", 1)[1]
    assert "jp-CodeMirrorEditor" not in body and "visible_marker_5150" not in body
    assert "jp-CodeMirrorEditor" in built["page"].split("<main>", 1)[1]
    assert "Does alpha <b>work</b>?" in body  # markdown stays
    assert "printed-9931" in page and "&lt;script&gt;alert(1)" in page
    assert str(built["corpus"]) in page  # says which corpus it was built from


def test_rebuild_gives_identical_index_and_keeps_the_users_files(built, capsys):
    out, before = built["out"], built["index"].encode("utf-8")
    (out / "mine.html").write_text("the user's own page")
    code_ = main(["--corpus", str(built["corpus"]), "--out", str(out),
                  "--notebooks", str(built["notebooks"]), "--no-code", "--timeout", "60"])
    assert code_ == 0
    assert (out / "index.html").read_bytes() == before
    assert (out / "mine.html").read_text() == "the user's own page"  # not the build's to delete
    err = capsys.readouterr().err
    assert "[1/1] 00_alpha ... ok (" in err and str(out / "index.html") in err


def test_failure_stops_the_build_and_leaves_no_stale_pages(tmp_path, capsys):
    corpus, out = tmp_path / "corpus", tmp_path / "reports"
    corpus.mkdir()
    gamma = [new_markdown_cell("# Gamma?"), code(PARAMETERS_SOURCE, "parameters"),
             code('print("gamma ran")', "finding")]
    old_notebooks = tmp_path / "old_notebooks"
    write_notebook(old_notebooks, "02_gamma.ipynb", gamma)
    args = ["--corpus", str(corpus), "--out", str(out)]
    assert main([*args, "--notebooks", str(old_notebooks)]) == 0
    assert (out / "02_gamma.html").exists()

    notebooks = tmp_path / "notebooks"
    write_notebook(notebooks, "00_ok.ipynb", [new_markdown_cell("# Ok?"),
                                              code(PARAMETERS_SOURCE, "parameters")])
    write_notebook(notebooks, "01_boom.ipynb", [
        new_markdown_cell("# Boom?"),            # cell 1
        code(PARAMETERS_SOURCE, "parameters"),   # cell 2, In [1]; injected is In [2]
        code('print("before-the-error")'),       # cell 3, In [3]
        code('raise ValueError("boom")'),        # cell 4, In [4]
        code('print("after-the-error")'),
    ])
    write_notebook(notebooks, "02_gamma.ipynb", gamma)
    capsys.readouterr()
    assert main(["--corpus", str(corpus), "--out", str(out), "--notebooks", str(notebooks)]) == 1

    err = capsys.readouterr().err
    assert "01_boom.ipynb failed at cell 4 (In [4]): ValueError: boom" in err
    assert "[3/3] 02_gamma ... ok" in err  # a failure does not stop the other notebooks
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Build FAILED</strong>: 01_boom failed (the other notebooks ran)" in index
    assert "cell 4 (In [4]): ValueError: boom" in index
    assert 'href="02_gamma.html"' in index
    failed_page = (out / "01_boom.html").read_text(encoding="utf-8")
    assert "This notebook FAILED" in failed_page and "before-the-error" in failed_page
    assert "<pre>after-the-error" not in failed_page  # shown as code, never as output
    assert "papermill-error-cell" not in failed_page  # our banner replaces papermill's


def test_failed_results_from_build_reports(tmp_path):
    """A timeout counts as a failure too, and names the cell that was running."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    notebooks = tmp_path / "notebooks"
    write_notebook(notebooks, "00_slow.ipynb", [
        code(PARAMETERS_SOURCE, "parameters"), code("import time\ntime.sleep(30)")])
    write_notebook(notebooks, "01_next.ipynb", [code(PARAMETERS_SOURCE, "parameters")])
    # jobs=1: the notebooks run here, one after the other (no worker processes to start, which cost
    # more than these two tiny notebooks); the two-at-a-time path and its failures are
    # test_failure_stops_the_build_and_leaves_no_stale_pages's
    results = build_reports(corpus, tmp_path / "out", notebooks_dir=notebooks, timeout=2, jobs=1)
    assert [r.status for r in results] == ["failed", "ok"]
    assert results[0].error.startswith("cell 2 (In [")
    assert "Timeout" in results[0].error
    assert results[1].html == "01_next.html"


def test_notebook_without_corpus_parameter_fails_without_running(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    notebooks = tmp_path / "notebooks"
    write_notebook(notebooks, "00_x.ipynb", [new_markdown_cell("# X?"), code("print(1)")])
    results = build_reports(corpus, tmp_path / "out", notebooks_dir=notebooks)
    assert results[0].status == "failed"
    assert results[0].error.startswith("the parameters cell: corpus_dir is not declared")
    assert (tmp_path / "out" / "00_x.html").exists()


def test_refuses_a_folder_that_is_not_a_report(tmp_path, capsys):
    corpus, out = tmp_path / "corpus", tmp_path / "mine"
    corpus.mkdir()
    out.mkdir()
    (out / "thesis.docx").write_text("precious")
    notebooks = tmp_path / "notebooks"
    write_notebook(notebooks, "00_x.ipynb", [code(PARAMETERS_SOURCE, "parameters")])
    with pytest.raises(ReportFolderError, match="not a report folder"):
        build_reports(corpus, out, notebooks_dir=notebooks)
    assert main(["--corpus", str(corpus), "--out", str(out), "--notebooks", str(notebooks)]) == 2
    assert "not a report folder" in capsys.readouterr().err
    assert (out / "thesis.docx").read_text() == "precious"
    assert sorted(os.listdir(tmp_path)) == ["corpus", "mine", "notebooks"]


def test_missing_corpus_or_notebooks_is_an_error(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert main(["--corpus", str(tmp_path), "--out", str(tmp_path / "o"),
                 "--notebooks", str(tmp_path / "empty")]) == 2
    assert "no notebooks" in capsys.readouterr().err
    write_notebook(tmp_path / "nbs", "00_x.ipynb", [code(PARAMETERS_SOURCE, "parameters")])
    assert main(["--corpus", str(tmp_path / "nope"), "--out", str(tmp_path / "o"),
                 "--notebooks", str(tmp_path / "nbs")]) == 2
    assert "corpus not found" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_index_escapes_names_errors_and_links():
    results = [
        NotebookResult("00_<a>", "ok", finding="x", html="00_<a>.html", title="T<1>",
                       executed="executed/00_<a>.ipynb"),
        NotebookResult("01_b", "failed", error="cell 2 (In [1]): KeyError: '<i>'",
                       html="01_b.html", title="B"),
        NotebookResult("02_c", "not run", title="C"),
    ]
    page = report_index.index_html(results, corpus="my <corpus>", code_free=False)
    assert "<a>" not in page and "<i>" not in page and "<1>" not in page
    assert 'href="00_%3Ca%3E.html"' in page
    assert "KeyError: &#x27;&lt;i&gt;&#x27;" in page and "my &lt;corpus&gt;" in page
    assert page.count('class="status"') == 2


def test_finding_is_first_line_and_capped():
    cell = code("", "finding")
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="\n  first  \nsecond")]
    nb = new_notebook(cells=[cell])
    assert report_notebook.first_finding(nb) == "first"
    cell.outputs = [
        nbformat.v4.new_output("execute_result", data={"text/plain": "y" * (report_notebook.MAX_FINDING_CHARS + 200)})
    ]
    finding = report_notebook.first_finding(nb)
    assert len(finding) == report_notebook.MAX_FINDING_CHARS + 1 and finding.endswith("…")
    assert report_notebook.first_finding(new_notebook(cells=[code("print(1)")])) is None


def test_executed_notebook_is_valid_json(built):
    data = json.loads((built["out"] / "executed" / "00_alpha.ipynb").read_text())
    nbformat.validate(nbformat.from_dict(data))


def test_unreadable_notebook_fails_without_a_page(tmp_path):
    corpus, notebooks, out = tmp_path / "corpus", tmp_path / "notebooks", tmp_path / "out"
    corpus.mkdir()
    notebooks.mkdir()
    (notebooks / "00_broken.ipynb").write_text("{not json")
    (notebooks / "01_next.ipynb").write_text("{not json either")
    results = build_reports(corpus, out, notebooks_dir=notebooks, jobs=1)  # no workers to start for two bad files
    assert [(r.status, r.html) for r in results] == [("failed", None), ("failed", None)]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "cannot be read as a notebook" in index and "href=" not in index


def test_a_kernel_that_dies_at_start_is_started_again(tmp_path, monkeypatch):
    """Two kernels started at once can pick one port; the notebook is run again, not failed."""
    notebooks = tmp_path / "notebooks"
    write_notebook(notebooks, "00_a.ipynb", [new_markdown_cell("# A?"), code(PARAMETERS_SOURCE, "parameters")])
    real_execute, calls = report_notebook._execute, []

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            return "RuntimeError: Kernel died before replying to kernel_info", None, []
        return real_execute(*args, **kwargs)

    monkeypatch.setattr(report_notebook, "_execute", flaky)
    staging = tmp_path / "staging"
    (staging / "executed").mkdir(parents=True)
    result, _ = report_notebook.build_notebook(
        notebooks / "00_a.ipynb", staging, {"corpus_dir": str(tmp_path)}, {"corpus_dir": "c", "data_dir": "d"},
        code_free=False, timeout=60)
    assert result.status == "ok" and len(calls) == 2
