"""explorer.html in a real (headless) Chromium, on a report built from the written corpus
(tests/conftest.py: SMALL_ARTICLES plus HOSTILE and FORMULAS): its term plot, contexts,
search and quotation browser show what the report's CSVs hold, and the hostile text runs
nothing and fetches nothing."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.outputs import unescape_cell
from tests import test_browser  # noqa: F401 (skips this module where test_browser is skipped: no Chromium)


@pytest.fixture
def explorer(browser, written_report):
    """The explorer page, opened; ``problems`` collects errors, dialogs and any request out."""
    _, out = written_report
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.problems = []
    page.on("console", lambda m: page.problems.append(f"console {m.type}: {m.text}")
            if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: page.problems.append(f"page error: {e}"))
    page.on("dialog", lambda d: (page.problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("request", lambda r: None if r.url.startswith("file:") else page.problems.append(f"request: {r.url}"))
    page.goto((out / "explorer.html").as_uri(), wait_until="load")
    yield page
    page.close()


def _csv(out, name):
    return pd.read_csv(out / "data" / name, dtype=str, keep_default_na=False).map(unescape_cell)


def test_index_links_the_explorer(written_report):
    _, out = written_report
    assert 'href="explorer.html"' in (out / "index.html").read_text(encoding="utf-8")


def test_clicking_a_term_shows_its_sentences(explorer, written_report):
    _, out = written_report
    occurrences = _csv(out, "term_occurrences.csv")
    sentences = _csv(out, "sentences.csv").set_index("sentence_id")["text"]
    outlet = explorer.locator("#outlet option:checked").inner_text()
    button = explorer.locator("button.term").first
    label = button.inner_text()
    button.click()
    rows = explorer.locator("#kwic tbody tr")
    assert rows.count() > 0
    terms = _csv(out, "distinctive_terms.csv")
    term = terms[(terms["outlet"] == outlet) & (terms["label"] == label)]["term"].iloc[0]
    uses = occurrences[(occurrences["outlet"] == outlet) & (occurrences["term"] == term)]
    assert rows.count() == min(len(uses), 8)
    for i in range(rows.count()):
        row = rows.nth(i)
        keyword = row.locator("td.kw").inner_text()
        assert keyword in set(uses["token"]) | set(uses["form"])
        sentence_id = row.locator("td.src .sid").inner_text()
        assert sentence_id in set(uses["sentence_id"])
        assert keyword in sentences[sentence_id]
    assert explorer.problems == []


def test_term_labels_in_the_plot_do_not_overlap(explorer):
    boxes = explorer.evaluate("""() => [...document.querySelectorAll('#plot text.label')]
        .map(t => { const b = t.getBBox(); return [b.x, b.y, b.width, b.height]; })""")
    assert len(boxes) >= 3
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            apart = a[0] + a[2] <= b[0] or b[0] + b[2] <= a[0] or a[1] + a[3] <= b[1] or b[1] + b[3] <= a[1]
            assert apart, (a, b)


def test_search_counts_match_term_counts(explorer, written_report):
    _, out = written_report
    counts = _csv(out, "term_counts.csv")
    counts["n"] = counts["n"].astype(int)
    word = counts[counts["kind"] == "word"].sort_values("n", ascending=False)["label"].iloc[0]
    explorer.fill("#search-box", word)
    explorer.press("#search-box", "Enter")
    term = counts.loc[(counts["label"] == word) & (counts["kind"] == "word"), "term"].iloc[0]
    expected = counts[counts["term"] == term].set_index("outlet")["n"]
    table = explorer.locator("#search-counts tbody tr")
    shown = {table.nth(i).get_attribute("data-outlet"): int(table.nth(i).locator("td.term-n").inner_text())
             for i in range(table.count())}
    assert {o: n for o, n in shown.items() if n} == expected.to_dict()
    assert explorer.locator("#search-kwic tbody tr").count() > 0
    assert explorer.problems == []


def test_filtering_quotes_by_speaker_gives_the_rows_of_quotes_csv(explorer, written_report):
    _, out = written_report
    quotes = _csv(out, "quotes.csv")
    speaker = quotes.loc[quotes["speaker"] != "", "speaker"].value_counts().index[0]
    explorer.select_option("#q-speaker", label=speaker)
    rows = explorer.locator("#quote-rows tbody tr")
    expected = quotes[quotes["speaker"] == speaker]
    assert rows.count() == len(expected)
    assert sorted(rows.nth(i).locator("td.quote").inner_text() for i in range(rows.count())) == sorted(
        q.strip() for q in expected["quote"])
    assert {rows.nth(i).locator("td.speaker").inner_text() for i in range(rows.count())} == {speaker}


def test_hostile_corpus_runs_nothing_and_requests_nothing(explorer):
    explorer.fill("#search-box", "script")
    explorer.press("#search-box", "Enter")
    explorer.select_option("#q-outlet", label="Evil <b>Outlet</b>")
    for i in range(explorer.locator("button.term").count()):
        explorer.locator("button.term").nth(i).click()
    facts = explorer.evaluate("""() => ({
        title: document.title, text: document.body.innerText,
        scripts: document.querySelectorAll('script').length,
        injected: document.querySelectorAll('#main img, #main iframe, #main script, #main b, #main i').length,
        handlers: [...document.querySelectorAll('*')]
            .filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
    })""")
    assert explorer.problems == []
    assert "PWNED" not in facts["title"]
    assert facts["scripts"] == 2 and facts["injected"] == 0 and facts["handlers"] == 0
    assert "Evil <b>Outlet</b>" in facts["text"]  # the outlet's name, as text
    assert "<script>" in facts["text"]  # the search found the hostile text and showed it as text


def test_hostile_text_is_escaped_in_the_page_source(written_report):
    _, out = written_report
    page = (out / "explorer.html").read_text(encoding="utf-8")
    assert page.count("<script") == 2  # the data block and the page's own script
    assert "<b>Outlet</b>" not in page and "<img src=x" not in page and "</table>" not in page
    assert "Evil \\u003cb\\u003eOutlet\\u003c/b\\u003e" in page  # in the JSON, escaped
