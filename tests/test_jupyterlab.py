"""The notebooks run in a real JupyterLab: opened through its web page in Chromium, Run All, no error.

Each notebook is copied into a temporary Lab root with its ``data_dir`` parameter moved
there (so the check does not write into ``reports/``); everything else is the notebook as
committed, started in the notebook's own folder as JupyterLab starts it. Beside them, a
notebook written here shows the explorer (``show_explorer``) on the sample corpus, and the
check clicks in it inside Lab's output area.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

from helpers.explorer import explorer_payload
from helpers.paths import NOTEBOOKS_DIR
from tests import test_browser  # noqa: F401 (skips this module where test_browser is skipped: no Chromium)

PlaywrightTimeout = pytest.importorskip("playwright.sync_api").TimeoutError

TOKEN = "lab-test-token"
NOTEBOOK_TIMEOUT_S = 120  # per notebook; a notebook here takes 5-15 s
EXPLORER_NOTEBOOK = "explorer_in_lab.ipynb"
EXPLORER_TABLES = """from helpers import terms
from helpers.corpus import load_corpus
from helpers.explorer import show_explorer
from helpers.text import split_sentences, tokenize

articles, removed, log = load_corpus("corpus")
sentences = split_sentences(articles)
tokens = tokenize(sentences)
occurrences = terms.term_occurrences(tokens, sentences)
totals = terms.word_totals(tokens, sentences, occurrences)
counts = terms.term_counts(occurrences, totals)
tables = {"articles": articles, "sentences": sentences, "term_occurrences": occurrences,
          "term_counts": counts, "distinctive_terms": terms.distinctive_terms(counts, totals)}"""
EXPLORER_CELL = EXPLORER_TABLES + '\nshow_explorer(tables, corpus="the sample corpus")'


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _copy_with_data_dir(source: Path, target: Path, data_dir: Path) -> None:
    nb = json.loads(source.read_text())
    for cell in nb["cells"]:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            src = "".join(cell["source"])
            cell["source"] = src.replace('data_dir = "reports/data"', f"data_dir = {str(data_dir)!r}")
            assert cell["source"] != src, "the parameters cell no longer sets data_dir the usual way"
    target.write_text(json.dumps(nb))


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    root = tmp_path_factory.mktemp("lab")
    for source in sorted(Path(os.environ.get("REPORT_NOTEBOOKS", NOTEBOOKS_DIR)).glob("*.ipynb")):
        _copy_with_data_dir(source, root / source.name, root / "data")
    explorer = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(EXPLORER_CELL)])
    explorer.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(explorer, root / EXPLORER_NOTEBOOK)
    # JupyterLab 4 keeps off-screen cells out of the page ("windowing"); render them all so
    # the check sees every prompt and every error
    settings = root / "settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    (settings / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}))
    port = _free_port()
    log = open(root / "lab.log", "w")  # noqa: SIM115 -- the server's log, open while it runs; closed below
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--allow-root", "--ServerApp.ip=127.0.0.1",
         f"--ServerApp.port={port}", f"--IdentityProvider.token={TOKEN}", f"--ServerApp.root_dir={root}",
         f"--LabApp.workspaces_dir={root / 'workspaces'}", f"--LabApp.user_settings_dir={root / 'settings'}",
         "--LabApp.news_url=",
         "--LabServerApp.extension_manager=readonly"],
        stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ, JUPYTER_RUNTIME_DIR=str(root / "runtime")),
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            urllib.request.urlopen(f"{base}/api/status?token={TOKEN}", timeout=2)
            break
        except OSError:
            if time.time() > deadline or proc.poll() is not None:
                proc.kill()
                pytest.fail(f"JupyterLab did not start:\n{(root / 'lab.log').read_text()[-3000:]}")
            time.sleep(0.5)
    yield base, root
    proc.terminate()
    proc.wait(timeout=20)
    log.close()


PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"  # the notebook on screen, not others Lab restored
DONE = """() => {
    const PANEL = '.jp-NotebookPanel:not(.lm-mod-hidden)';
    const prompts = [...document.querySelectorAll(`${PANEL} .jp-CodeCell .jp-InputPrompt`)].map(e => e.textContent);
    const idle = document.querySelector(".jp-Notebook-ExecutionIndicator[data-status='idle']");
    const STDERR = ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']";
    const failed = document.querySelector(`${PANEL} ${STDERR}`);
    return (failed && idle) || (prompts.length > 0 && prompts.every(t => /\\[\\d+\\]/.test(t)));
}"""
STARTED = """() => [...document.querySelectorAll(`{panel} .jp-CodeCell .jp-InputPrompt`)]
    .some(e => /\\[(\\*|\\d+)\\]/.test(e.textContent))""".replace("{panel}", PANEL)

NOTEBOOKS = sorted(p.name for p in Path(os.environ.get("REPORT_NOTEBOOKS", NOTEBOOKS_DIR)).glob("*.ipynb"))


def _wait_for_idle_kernel(base: str, name: str, timeout: float = 60) -> None:
    """Wait until the server has an idle kernel session for the notebook the page opened."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        with urllib.request.urlopen(f"{base}/api/sessions?token={TOKEN}", timeout=5) as response:
            sessions = json.load(response)
        if any(s["path"].endswith(name) and s["kernel"]["execution_state"] == "idle" for s in sessions):
            return
        time.sleep(0.5)
    pytest.fail(f"no idle kernel for {name} after {timeout} s")


def _open_and_run_all(page, base: str, root: Path, name: str) -> None:
    """Open ``name`` in a workspace of its own, Run All Cells, and wait until every cell ran (or one failed)."""
    # a workspace of its own, or Lab reopens the notebooks of the tests before
    page.goto(f"{base}/lab/workspaces/{Path(name).stem}/tree/{name}?reset&token={TOKEN}")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    _wait_for_idle_kernel(base, name)
    for _attempt in range(3):  # the menu can swallow a click while Lab is still settling
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_text("Run All Cells", exact=True).click()
        select = page.get_by_role("button", name="Select", exact=True)
        if select.is_visible():  # Lab asks for a kernel if it has not attached one yet
            select.click()
        try:
            page.wait_for_function(STARTED, timeout=15_000)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    else:
        page.screenshot(path=str(root / f"{name}.png"))
        pytest.fail(f"Run All Cells did not start {name}; see {root / (name + '.png')}")
    try:
        page.wait_for_function(DONE, timeout=NOTEBOOK_TIMEOUT_S * 1000)
    except PlaywrightTimeout:
        page.screenshot(path=str(root / f"{name}.png"), full_page=True)
        prompts = page.evaluate(
            f"() => [...document.querySelectorAll('{PANEL} .jp-CodeCell .jp-InputPrompt')].map(e => e.textContent)"
        )
        pytest.fail(f"{name} did not finish in {NOTEBOOK_TIMEOUT_S} s; prompts {prompts}; see {root / (name + '.png')}")


def _errors(page) -> list[str]:
    errors = page.locator(f"{PANEL} .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    return [errors.nth(i).inner_text()[:500] for i in range(errors.count())]


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_run_all_cells_in_jupyterlab(lab, browser, name):
    base, root = lab
    page = browser.new_page(viewport={"width": 1400, "height": 1000})  # a context of its own
    _open_and_run_all(page, base, root, name)
    texts = _errors(page)
    outputs = page.locator(f"{PANEL} .jp-OutputArea-output").count()
    page.close()
    assert texts == [], f"{name}: {texts}"
    assert outputs > 0
    assert any((root / "data").glob("*.csv"))


def test_show_explorer_works_in_jupyterlab_and_fetches_nothing_from_outside(lab, browser):
    """The explorer in Lab's output area: a sandboxed frame whose script runs under its own CSP
    (no violation), draws every plotted term, shows a clicked term's sentences, and every request
    the page makes goes to the Lab server on 127.0.0.1."""
    base, root = lab
    namespace: dict = {}
    exec(EXPLORER_TABLES, namespace)  # the cell's tables, made here the same way
    shown = explorer_payload(namespace["tables"])
    occurrences, sentences = namespace["occurrences"], namespace["sentences"].set_index("sentence_id")["text"]
    requests, refused = [], []
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.on("request", lambda r: requests.append(r.url))
    page.on("websocket", lambda w: requests.append(w.url))
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    _open_and_run_all(page, base, root, EXPLORER_NOTEBOOK)
    texts = _errors(page)
    sandbox = page.locator(f"{PANEL} .jp-OutputArea-output iframe").get_attribute("sandbox")
    frame = page.frame_locator(f"{PANEL} .jp-OutputArea-output iframe")
    frame.locator("#plot circle").first.wait_for(timeout=30_000)
    dots = frame.locator("#plot circle").count()
    outlet = frame.locator("#outlet option:checked").inner_text()
    button = frame.locator("button.term").first
    point = shown["terms"]["points"][int(button.get_attribute("data-i"))]
    button.click()
    rows = frame.locator("#kwic tbody tr")
    rows.first.wait_for(timeout=10_000)
    kwic = [(rows.nth(i).locator("td.kw").inner_text(), rows.nth(i).locator("td.src .sid").inner_text())
            for i in range(rows.count())]
    page.close()
    assert texts == [] and sandbox == "allow-scripts" and refused == []
    assert dots == sum(p[4] > 0 for p in shown["terms"]["points"]) > 0
    assert shown["outlets"][point[0]] == outlet
    term = shown["terms"]["vocabulary"][point[1]][0]
    uses = occurrences[(occurrences["outlet"] == outlet) & (occurrences["term"] == term)]
    assert len(kwic) == len(point[6]) == min(len(uses), shown["sampling"]["kwic_per_term"]) > 0
    for keyword, sentence_id in kwic:
        assert sentence_id in set(uses["sentence_id"]) and keyword in sentences[sentence_id]
    ws = base.replace("http://", "ws://")
    assert requests and all(url.startswith((f"{base}/", f"{ws}/")) for url in requests), requests
