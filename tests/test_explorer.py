"""helpers.explorer without a browser: the data builder's cuts and counts, and the page's escaping and CSP."""

from __future__ import annotations

import json
import re

import pandas as pd

from helpers.display import csp_hash, page_csp
from helpers.explorer import explorer_html, explorer_payload, json_for_html, payload, read_tables
from helpers.explorer.page import SCRIPT_FILE, STYLE_FILE
from helpers.outputs import write_table

HOSTILE = "</script><script>alert(1)</script> & <!-- \u2028"


def _tables(n_uses: int = 3) -> dict[str, pd.DataFrame]:
    """Two outlets; outlet A uses "talks" ``n_uses`` times, one sentence each; B once."""
    sents = [dict(article_id=f"a{i}", outlet="A", sentence_id=f"a{i}:1", start_char=10,
                  text=f"The talks went on {i}.") for i in range(n_uses)]
    sents.append(dict(article_id="b0", outlet="B", sentence_id="b0:1", start_char=0, text=HOSTILE + " talks"))
    sentences = pd.DataFrame(sents)
    occ = pd.DataFrame([dict(outlet=s["outlet"], sentence_id=s["sentence_id"],
                             start_char=s["start_char"] + s["text"].index("talks"),
                             end_char=s["start_char"] + s["text"].index("talks") + 5,
                             form="talks", term="talk", kind="word") for s in sents])
    counts = pd.DataFrame([dict(outlet="A", term="talk", kind="word", label="talks", n=n_uses),
                           dict(outlet="B", term="talk", kind="word", label="talks", n=1)])
    distinctive = counts.assign(per_1000=[50.0, 10.0], z=[1.5, -1.5])
    articles = pd.DataFrame([dict(article_id=s["article_id"], outlet=s["outlet"], date="2024-01-01",
                                  headline=HOSTILE) for s in sents])
    quotes = pd.DataFrame([dict(outlet="B", sentence_id="b0:1", quote=HOSTILE, form="full", speaker=None,
                                affiliation="US", verb="said")])
    return {"sentences": sentences, "term_occurrences": occ, "term_counts": counts,
            "distinctive_terms": distinctive, "articles": articles, "quotes": quotes}


def test_payload_carries_counts_contexts_and_offsets_within_the_sentence():
    data = explorer_payload(_tables())
    assert data["outlets"] == ["A", "B"]
    vocabulary = {v[0]: v for v in data["terms"]["vocabulary"]}
    assert vocabulary["talk"][3] == [[0, 3], [1, 1]]  # exact counts per outlet, from term_counts
    assert data["terms"]["forms"] == {"talks": [0]}
    for point in data["terms"]["points"]:
        for index, start, end in point[6]:
            assert data["sentences"][index][2][start:end] == "talks"
    assert data["counts"]["complete"] and len(data["sentences"]) == 4
    assert data["quotes"][0][2] == ""  # a missing speaker is "", not NaN


def test_contexts_are_a_stated_sample_beyond_the_limit(monkeypatch):
    monkeypatch.setattr(payload, "KWIC_PER_TERM", 2)
    data = explorer_payload(_tables(n_uses=7))
    point_a = next(p for p in data["terms"]["points"] if p[0] == 0)
    assert point_a[3] == 7 and len(point_a[6]) == 2
    assert explorer_payload(_tables(n_uses=7))["terms"]["points"] == data["terms"]["points"]  # seeded


def test_sentences_beyond_the_budget_are_sampled_but_shown_ones_are_kept(monkeypatch):
    monkeypatch.setattr(payload, "SENTENCE_CHARS", 30)
    monkeypatch.setattr(payload, "KWIC_PER_TERM", 1)
    data = explorer_payload(_tables(n_uses=20))
    assert not data["counts"]["complete"] and data["counts"]["sentences"] == 21
    assert 2 <= len(data["sentences"]) < 21
    assert all(i < len(data["sentences"]) for p in data["terms"]["points"] for i, _, _ in p[6])


def test_json_for_html_cannot_close_its_script_block():
    text = json_for_html({"t": HOSTILE})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"t": HOSTILE}


def test_page_allows_only_its_own_script_and_style_by_hash():
    page = explorer_html(_tables(), corpus=HOSTILE)
    script, style = SCRIPT_FILE.read_text(encoding="utf-8"), STYLE_FILE.read_text(encoding="utf-8")
    assert f"<script>{script}</script>" in page and f"<style>{style}</style>" in page
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert csp == page_csp(style=style, script=script)
    assert f"script-src {csp_hash(script)};" in csp and f"style-src {csp_hash(style)};" in csp
    assert "unsafe" not in csp and "http" not in csp and csp.startswith("default-src 'none';")
    assert csp_hash(script) != csp_hash(script + " ")
    assert page.count("<script") == 2 and "</script><script>alert" not in page
    data = re.search(r'<script id="explorer-data" type="application/json">(.*?)</script>', page, re.S).group(1)
    assert json.loads(data)["corpus"] == HOSTILE


def test_read_tables_undoes_the_spreadsheet_escaping(tmp_path):
    tables = _tables()
    tables["quotes"].loc[0, "quote"] = "=HYPERLINK(1)"
    for name, df in tables.items():
        write_table(df, tmp_path, f"{name}.csv")
    assert (tmp_path / "quotes.csv").read_text().count("'=HYPERLINK") == 1
    back = read_tables(tmp_path)
    assert back["quotes"]["quote"].iloc[0] == "=HYPERLINK(1)"
    assert explorer_payload(back)["terms"]["vocabulary"] == explorer_payload(tables)["terms"]["vocabulary"]


def test_show_explorer_frames_the_same_page_sandboxed(tmp_path):
    from helpers.explorer import show_explorer

    frame = show_explorer(_tables(), corpus="notebook")
    assert frame.page == explorer_html(_tables(), corpus="notebook")
    tag = frame._repr_html_()
    assert tag.startswith('<iframe sandbox="allow-scripts" srcdoc="') and "allow-same-origin" not in tag
    srcdoc = tag.split('srcdoc="', 1)[1].split('"', 1)[0]
    assert "<" not in srcdoc and '"' not in srcdoc  # the page is one escaped attribute value
    for name, df in _tables().items():
        write_table(df, tmp_path, f"{name}.csv")
    assert show_explorer(tmp_path, corpus="notebook").page == frame.page  # from the report's data/ folder too
