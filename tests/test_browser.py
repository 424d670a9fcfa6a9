"""Every built page, opened in a real (headless) Chromium: nothing injected runs, nothing breaks.

The written corpus (tests/conftest.py, HOSTILE) carries <script>, <img onerror>, </table>,
<iframe src=javascript:>, Markdown and LaTeX-looking text and a 27,000-character line in
its text, headline and outlet name. Chromium comes from Debian's package (.ci/run installs
it); Playwright drives it and downloads nothing.
"""

from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [  # as measured on this machine: no background traffic, no sandbox as root
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--disable-quic", "--no-first-run",
]

if CHROMIUM is None:
    if os.environ.get("CI"):
        pytest.fail("Chromium is missing: .ci/run installs Debian's chromium package", pytrace=False)
    pytest.skip("Chromium is not installed (apt-get install chromium)", allow_module_level=True)

sync_playwright = pytest.importorskip("playwright.sync_api").sync_playwright


def _open(browser, path):
    """Open a page; return what went wrong in it and its DOM facts."""
    page = browser.new_page()
    problems: list[str] = []
    page.on(
        "console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None
    )
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.on(
        "request", lambda r: problems.append(f"request: {r.url}") if not r.url.startswith(("file:", "data:")) else None
    )
    page.goto(path.as_uri(), wait_until="load")
    facts = page.evaluate("""() => ({
        title: document.title,
        scripts: document.querySelectorAll('script').length,
        handlers: [...document.querySelectorAll('*')]
            .filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
        iframes: document.querySelectorAll('iframe').length,
        jsLinks: [...document.querySelectorAll('a[href]')].filter(a => a.href.startsWith('javascript:')).length,
        text: document.body.innerText,
    })""")
    page.close()
    return problems, facts


def test_every_page_is_inert_in_a_real_browser(browser, written_report):
    _, out = written_report
    pages = sorted(out.glob("*.html")) + sorted((out / "no-code").glob("*.html"))
    pages = [p for p in pages if p.name != "explorer.html"]  # its own script: tests/test_explorer_browser.py
    assert len(pages) >= 2
    for path in pages:
        problems, facts = _open(browser, path)
        assert problems == [], f"{path.name}: {problems}"
        assert "PWNED" not in facts["title"], path.name
        assert facts["scripts"] == 0 and facts["handlers"] == 0, path.name
        assert facts["iframes"] == 0 and facts["jsLinks"] == 0, path.name


def test_hostile_text_is_shown_as_text(browser, written_report):
    _, out = written_report
    _, facts = _open(browser, out / "00_corpus.html")
    text = facts["text"]
    assert "Evil <b>Outlet</b>" in text  # the outlet name, literally
    assert "<script>alert('x')</script>" in text  # the audit shows the removed headline line as text


def test_seed_pages_load_cleanly(browser, seed_report):
    for path in sorted(seed_report.glob("*.html")):
        problems, facts = _open(browser, path)
        assert problems == [], f"{path.name}: {problems}"
        assert facts["scripts"] == (2 if path.name == "explorer.html" else 0)  # its data block and its script


def test_table_cells_never_break_a_word_but_do_break_a_runaway_line(browser, tmp_path):
    # issue 16: "overflow-wrap: anywhere" let a narrow column show "JERUSALE M"
    import pandas as pd

    from helpers.display import table

    df = pd.DataFrame({"dateline": ["JERUSALEM", "WASHINGTON"],
                       "text": ["The talks went on in the city " * 30, "x" * 3000]})
    path = tmp_path / "table.html"
    path.write_text(f"<html><body>{table(df)._repr_html_()}</body></html>", encoding="utf-8")
    page = browser.new_page(viewport={"width": 500, "height": 800})
    page.goto(path.as_uri(), wait_until="load")
    lines = page.evaluate("""() => [...document.querySelectorAll('td')].map(td => {
        const r = document.createRange(); r.selectNodeContents(td); return r.getClientRects().length; })""")
    page.close()
    assert lines[0] == 1 and lines[2] == 1  # JERUSALEM and WASHINGTON each on one line
    assert lines[1] > 1 and lines[3] > 1  # long text wraps; a 3,000-letter word breaks at the cell's max width
