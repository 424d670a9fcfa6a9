"""The build never deletes or overwrites what it did not write, and never writes where the
corpus is (issue 13). Each test writes its own corpus, output folder and a decoy folder of
"user files", and checks by hash that nothing outside the report changed."""

from __future__ import annotations

import pytest
from nbformat.v4 import new_markdown_cell

from helpers.report import ReportFolderError, build_reports, main
from helpers.report import build as report
from helpers.report.folder import MARK_FILE, STAGING_PREFIX, read_mark
from tests.conftest import tree_hashes
from tests.inprocess_engine import in_process
from tests.test_report import PARAMETERS_SOURCE, code, write_notebook

WRITER = code('import pathlib\n(pathlib.Path(data_dir) / "t.csv").write_text("a\\n1\\n")')


@pytest.fixture
def setup(tmp_path):
    """A corpus folder, a notebooks folder with one tiny notebook, and a decoy of user files."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "metadata.csv").write_text("file,outlet\n")
    notebooks = tmp_path / "notebooks"
    write_notebook(notebooks, "00_x.ipynb", [new_markdown_cell("# X?"), code(PARAMETERS_SOURCE, "parameters"), WRITER])
    decoy = tmp_path / "decoy"
    decoy.mkdir()
    (decoy / "thesis.docx").write_text("precious")
    return dict(root=tmp_path, corpus=corpus, notebooks=notebooks, decoy=decoy)


# The one test here that checks what a kernel prints; the others check the folders a build
# writes, and run the tiny notebook's cell in this process (tests/inprocess_engine.py).
KERNEL_TESTS = {"test_nbconvert_copies_are_not_built_and_kernels_stay_quiet"}


@pytest.fixture(autouse=True)
def _cells_in_this_process(request, monkeypatch):
    if request.node.originalname not in KERNEL_TESTS:
        in_process(monkeypatch)


def run(s, out, *extra):
    """Build ``s``'s tiny notebooks into ``out``, one at a time in this process (``--jobs 1``): what these
    tests check is where the build writes, and two worker processes would cost more to start than the
    notebooks take (the two-at-a-time path is checked by the seed report's two builds of the real
    notebooks, tests/conftest.py)."""
    return main(["--corpus", str(s["corpus"]), "--out", str(out), "--notebooks", str(s["notebooks"]),
                 "--jobs", "1", *extra])


@pytest.mark.parametrize("contents", [
    {"index.html": "<h1>my own site</h1>", "photo.jpg": "jpeg"},  # a user's site
    {"a.html": "mine", "b.html": "mine too", "data/notes.csv": "x"},  # only .html files and data/
    {"data/stale.csv": "left by JupyterLab"},  # what running a notebook by hand leaves
    {".building-abc/keep.txt": "named like the build's staging"},
])
def test_a_folder_the_build_did_not_make_is_refused_untouched(setup, capsys, contents):
    out = setup["root"] / "mine"
    for rel, text in contents.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text)
    before, decoy = tree_hashes(out), tree_hashes(setup["decoy"])
    assert run(setup, out) == 2
    err = capsys.readouterr().err
    assert "not a report folder" in err and "Choose another --out" in err
    assert tree_hashes(out) == before and tree_hashes(setup["decoy"]) == decoy
    with pytest.raises(ReportFolderError):
        build_reports(setup["corpus"], out, notebooks_dir=setup["notebooks"])
    assert tree_hashes(out) == before


@pytest.mark.parametrize("where", ["parent", "itself", "inside"])
def test_the_build_never_writes_where_the_corpus_is(setup, capsys, where):
    corpus = setup["corpus"]
    out = {"parent": setup["root"], "itself": corpus, "inside": corpus / "reports"}[where]
    before = tree_hashes(setup["root"])
    assert run(setup, out) == 2
    assert "corpus" in capsys.readouterr().err
    assert tree_hashes(setup["root"]) == before
    assert not (corpus / "reports").exists()


def test_rebuild_replaces_only_what_the_build_wrote(setup):
    out = setup["root"] / "report"
    assert run(setup, out) == 0
    first = tree_hashes(out)
    assert set(read_mark(out)) == {"00_x.html", "index.html", "data/t.csv", "executed/00_x.ipynb"}
    # the user adds their own files, and a second report inside the first
    (out / "notes.txt").write_text("mine")
    (out / "data" / "mine.csv").write_text("mine")
    nested = out / "other"
    assert run(setup, nested) == 0
    nested_files = tree_hashes(nested)
    # a notebook that no longer exists: its page goes, the user's files stay
    write_notebook(setup["notebooks"], "01_y.ipynb", [code(PARAMETERS_SOURCE, "parameters")])
    assert run(setup, out) == 0
    (setup["notebooks"] / "01_y.ipynb").unlink()
    assert (out / "01_y.html").exists()
    assert run(setup, out) == 0
    assert not (out / "01_y.html").exists() and not (out / "executed" / "01_y.ipynb").exists()
    assert (out / "notes.txt").read_text() == "mine" and (out / "data" / "mine.csv").read_text() == "mine"
    assert tree_hashes(nested) == nested_files
    now = tree_hashes(out)
    for rel, digest in first.items():
        assert now[rel] == digest, rel  # the same build gives the same files
    assert not list(out.glob(STAGING_PREFIX + "*"))


def test_a_user_file_in_the_way_of_a_new_one_is_not_overwritten(setup, capsys):
    out = setup["root"] / "report"
    assert run(setup, out) == 0
    write_notebook(setup["notebooks"], "01_y.ipynb", [code(PARAMETERS_SOURCE, "parameters")])
    (out / "01_y.html").write_text("the user's own page")
    assert run(setup, out) == 2
    assert "01_y.html" in capsys.readouterr().err
    assert (out / "01_y.html").read_text() == "the user's own page"
    assert not list(out.glob(STAGING_PREFIX + "*"))


def test_a_symlinked_out_is_followed_and_rebuilt(setup):
    target = setup["root"] / "real_reports"
    target.mkdir()
    link = setup["root"] / "link"
    link.symlink_to(target, target_is_directory=True)
    assert run(setup, link) == 0
    assert run(setup, link) == 0  # a second build over the symlink works too
    assert link.is_symlink() and (target / "index.html").is_file() and (target / MARK_FILE).is_file()


def test_a_broken_symlink_or_a_file_is_refused(setup, capsys):
    broken = setup["root"] / "broken"
    broken.symlink_to(setup["root"] / "nowhere")
    assert run(setup, broken) == 2
    assert "does not exist" in capsys.readouterr().err
    assert not (setup["root"] / "nowhere").exists()
    a_file = setup["decoy"] / "thesis.docx"
    assert run(setup, a_file) == 2
    assert "is a file" in capsys.readouterr().err
    assert a_file.read_text() == "precious"


def test_an_out_that_cannot_be_made_is_a_message(setup, capsys):
    assert run(setup, setup["decoy"] / "thesis.docx" / "sub") == 2
    err = capsys.readouterr().err
    assert err.startswith("error: --out") and "Traceback" not in err


def test_an_interrupted_builds_staging_is_cleaned_but_a_users_folder_is_not(setup):
    out = setup["root"] / "report"
    assert run(setup, out) == 0
    leftover = out / (STAGING_PREFIX + "zz")
    leftover.mkdir()
    (leftover / ".news-bundle-staging").write_text("")
    users = out / (STAGING_PREFIX + "mine")
    users.mkdir()
    (users / "keep.txt").write_text("mine")
    assert run(setup, out) == 0
    assert not leftover.exists() and (users / "keep.txt").read_text() == "mine"


def test_corpora_built_side_by_side_keep_their_reports(setup, tmp_path, monkeypatch):
    monkeypatch.setattr(report, "REPORTS_DIR", tmp_path / "reports")
    other = tmp_path / "my_corpus"
    other.mkdir()
    (other / "metadata.csv").write_text("file,outlet\n")
    nbs = ["--notebooks", str(setup["notebooks"])]
    assert main(["--corpus", str(setup["corpus"]), *nbs]) == 0
    assert main(["--corpus", str(other), *nbs]) == 0
    assert main(["--corpus", str(setup["corpus"]), *nbs]) == 0
    assert (tmp_path / "reports" / "corpus" / "index.html").is_file()
    assert (tmp_path / "reports" / "my_corpus" / "index.html").is_file()


@pytest.mark.parametrize("args, message", [
    (["--window-days", "-3"], "-3 is negative"),
    (["--window-days", "1" + "0" * 400], "too large"),
    (["--window-days", "seven"], "not a whole number"),
    (["--timeout", "0"], "give 1 or more"),
])
def test_options_are_checked_at_the_command_line(setup, capsys, args, message):
    with pytest.raises(SystemExit) as exc:
        run(setup, setup["root"] / "report", *args)
    assert exc.value.code == 2
    assert message in capsys.readouterr().err
    assert not (setup["root"] / "report").exists()
    with pytest.raises(ValueError, match="0 to 36,525"):
        build_reports(setup["corpus"], setup["root"] / "r", notebooks_dir=setup["notebooks"],
                      window_days=-1)


def test_nbconvert_copies_are_not_built_and_kernels_stay_quiet(setup, capfd):
    write_notebook(setup["notebooks"], "00_x.nbconvert.ipynb", [code(PARAMETERS_SOURCE, "parameters")])
    out = setup["root"] / "report"
    assert run(setup, out) == 0
    err = capfd.readouterr().err
    assert "skipped" in err and "00_x.nbconvert.ipynb" in err
    assert not (out / "00_x.nbconvert.html").exists()
    assert "without encryption" not in err and "KeyboardInterrupt" not in err
    index = (out / "index.html").read_text()
    assert "Content-Security-Policy" in index and "default-src 'none'" in index


@pytest.mark.parametrize("folder", ["data", "executed"])
def test_a_report_folder_replaced_by_a_symlink_is_not_written_through(setup, capsys, folder):
    out = setup["root"] / "report"
    assert run(setup, out) == 0
    victim = setup["notebooks"] if folder == "executed" else setup["decoy"]
    (victim / "t.csv").write_text("the user's")
    before = tree_hashes(victim)
    for path in (out / folder).iterdir():
        path.unlink()
    (out / folder).rmdir()
    (out / folder).symlink_to(victim, target_is_directory=True)
    assert run(setup, out) == 2
    assert f"{folder} is a symlink" in capsys.readouterr().err
    assert tree_hashes(victim) == before
    assert not list(out.glob(STAGING_PREFIX + "*"))


def test_a_file_where_the_report_needs_a_folder_stops_the_build_cleanly(setup, capsys):
    out = setup["root"] / "report"
    assert run(setup, out) == 0
    (out / "no-code").write_text("my notes")
    index = (out / "index.html").read_bytes()
    assert run(setup, out, "--no-code") == 2
    assert "no-code is a file where the report needs a folder" in capsys.readouterr().err
    assert (out / "no-code").read_text() == "my notes"
    assert (out / "index.html").read_bytes() == index  # the old report is whole
    assert not list(out.glob(STAGING_PREFIX + "*"))


def test_a_second_build_into_a_folder_being_written_is_refused(setup, capsys):
    from helpers.report.folder import prepare_report_folder, release

    out = setup["root"] / "report"
    real, lock = prepare_report_folder(out, corpus=setup["corpus"])
    staging = real / (STAGING_PREFIX + "live")
    staging.mkdir()
    (staging / ".news-bundle-staging").write_text("")
    try:
        assert run(setup, out) == 2
        assert "another build is writing this report" in capsys.readouterr().err
        assert staging.is_dir()  # the running build's staging folder is left alone
    finally:
        release(lock)
    assert run(setup, out) == 0


def test_the_default_out_of_a_corpus_of_the_same_name_is_refused(setup, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(report, "REPORTS_DIR", tmp_path / "reports")
    twin = tmp_path / "elsewhere" / "corpus"
    twin.mkdir(parents=True)
    (twin / "metadata.csv").write_text("file,outlet\n")
    nbs = ["--notebooks", str(setup["notebooks"])]
    assert main(["--corpus", str(setup["corpus"]), *nbs]) == 0
    first = tree_hashes(tmp_path / "reports" / "corpus")
    assert main(["--corpus", str(twin), *nbs]) == 2
    assert "holds the report of another corpus" in capsys.readouterr().err
    assert tree_hashes(tmp_path / "reports" / "corpus") == first
    assert main(["--corpus", str(twin), "--out", str(tmp_path / "reports" / "corpus"), *nbs]) == 0  # asked for


@pytest.mark.parametrize("bad_out", [
    lambda root: "~nosuchuser_4821/x",
    lambda root: str(root / ("x" * 300)),
    lambda root: str(root / "loop" / "x"),
])
def test_unusable_out_paths_are_one_line_messages(setup, capsys, bad_out):
    (setup["root"] / "loop").symlink_to(setup["root"] / "loop")
    assert run(setup, bad_out(setup["root"])) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "Traceback" not in err


def test_a_mark_that_is_not_the_builds_is_named_as_such(setup, capsys):
    out = setup["root"] / "report"
    out.mkdir()
    (out / MARK_FILE).write_text('{"tool": "something else", "files": ["thesis.docx"]}')
    (out / "thesis.docx").write_text("precious")
    assert run(setup, out) == 2
    assert "is not one this build wrote" in capsys.readouterr().err
    assert (out / "thesis.docx").read_text() == "precious"
