"""The page-cleaning evaluation (validation/pages): the scorer's figures on two tiny pages
written here, and the labelled data set's files and counts."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from validation.pages.read import read_page, read_set
from validation.pages.score import SystemView, line_rows, page_errors, part_rows, quote_rows

HEADER = (
    "url: https://example.org/{n}\noutlet: Outlet {n}\ntopic: {topic}\nagency: {agency}\n"
    "retrieved: 2026-12-06\nlicence: test text\ndateline: {dateline}\n"
)


def write_page(folder: Path, n: int, lines: str, *, topic="sport", agency="none", dateline="none", quotes=""):
    path = folder / f"{n:03d}.txt"
    path.write_text(HEADER.format(n=n, topic=topic, agency=agency, dateline=dateline) + quotes + "---\n" + lines,
                    encoding="utf-8")
    return read_page(path)


def two_pages(tmp_path):
    a = write_page(tmp_path, 1, "headline | Club wins cup\nbyline | By Ann Lee\nbody | ROME (AP) — The club won.\n"
                   'body | "We played very well today," said Marco Rossi.\nwidget | Share\n',
                   agency="AP", dateline="ROME", quotes="quote: Marco Rossi | We played very well\n")
    b = write_page(tmp_path, 2, "headline | Council votes\nbody | The council voted.\ncaption | A photo. (AP)\n"
                   'body | "It is a good day for us," the mayor said.\n', topic="local",
                   quotes="quote: Jo Park | It is a good day\n")
    return [a, b]


def test_scorer_counts_lines_parts_and_speakers(tmp_path):
    pages = two_pages(tmp_path)
    views = [  # page 1: all lines right but "Share" kept; page 2: headline missed, caption right
        SystemView(["headline", "byline", "body", "body", "body"],
                   dict(headline="Club wins cup", dek=None, byline="By Ann Lee", dateline="ROME (AP)", agency=None),
                   [{"quote": "We played very well today,", "speaker": "Rossi", "speaker_kind": "named person"}]),
        SystemView(["body", "body", "caption", "body"],
                   dict(headline=None, dek=None, byline=None, dateline=None, agency=None),
                   [{"quote": "It is a good day for us,", "speaker": "Ann Lee", "speaker_kind": "named person"},
                    {"quote": "some other words here", "speaker": "X Y", "speaker_kind": "named person"}]),
    ]
    lines = {(r["measure"], r["label"]): r for r in line_rows("t", pages, views)}
    recall = lines[("body line recall", "body")]
    assert (recall["numerator"], recall["denominator"]) == (4, 4)
    assert lines[("precision", "non-body")]["value"] == 1.0
    assert lines[("recall", "non-body")]["numerator"] == 3 and lines[("recall", "non-body")]["denominator"] == 5
    assert lines[("non-body recall", "widget")]["value"] == 0.0
    assert lines[("kind right", "caption")]["value"] == 1.0
    parts = {(r["measure"], r["label"]): r for r in part_rows("t", pages, views)}
    assert parts[("page part right", "headline")]["numerator"] == 1
    assert parts[("page part right", "dateline")]["numerator"] == 2  # place matches; page 2 has none
    assert parts[("agency found where stated", "agency")]["numerator"] == 0
    assert parts[("agency found where stated", "agency")]["denominator"] == 1
    quotes = {(r["measure"], r["label"]): r for r in quote_rows("t", pages, views)}
    assert quotes[("quotation span found", "quotes")]["numerator"] == 2
    assert (quotes[("precision", "speaker")]["numerator"], quotes[("precision", "speaker")]["denominator"]) == (1, 3)
    assert quotes[("recall", "speaker")]["value"] == 0.5
    assert quotes[("f1", "speaker")]["value"] == 0.4



def test_page_errors_name_each_wrong_line_and_part(tmp_path):
    pages = two_pages(tmp_path)
    views = [
        SystemView(["headline", "byline", "body", "body", "body"],
                   dict(headline="Club wins cup", dek=None, byline="By Ann Lee", dateline="ROME", agency="AP"), []),
        SystemView(["body", "body", "caption", "body"],
                   dict(headline=None, dek=None, byline=None, dateline=None, agency=None), []),
    ]
    assert page_errors(pages, views) == [
        "001:5 widget->body | Share", "002:1 headline->body | Council votes",
        "002 part headline: got 'None' want 'Council votes'",
    ]

def test_labelled_sets_parse_and_meet_the_counts():
    pages = read_set("eval")
    assert len(pages) >= 40
    assert len({p.meta["outlet"] for p in pages}) >= 25
    assert len({p.meta["topic"] for p in pages}) >= 5
    assert 100 <= len(read_set("dev")) <= 400
    for page in pages:
        assert any(label == "body" for label, _ in page.lines), page.page_id
        for _, words in page.quotes:  # every labelled quotation is in the page's body text
            assert words.casefold() in " ".join(t for lab, t in page.lines if lab == "body").casefold(), words


def test_summary_keeps_the_report_figures_with_their_date(tmp_path):
    from validation.pages.__main__ import SUMMARY_ROWS, write_summary

    table = pd.DataFrame(
        [("eval", m, lab, 3, 4, 0.75) for m, lab in SUMMARY_ROWS] + [("eval", "kind right", "dek", 1, 2, 0.5)],
        columns=["set", "measure", "label", "numerator", "denominator", "value"],
    )
    out = write_summary(table, tmp_path / "s.csv", "2030-01-02")
    assert len(out) == len(SUMMARY_ROWS) and (out["date"] == "2030-01-02").all()
    text = (tmp_path / "s.csv").read_text()
    assert text.startswith("#") and "kind right" not in text and "eval,body line recall,body,3,4,0.75" in text


def test_held_out_pages_are_not_dev_pages():
    """A page that guided rule work (dev) is never also scored as held out (eval)."""
    dev_urls = {p.meta["url"] for p in read_set("dev")}
    assert not dev_urls & {p.meta["url"] for p in read_set("eval")}


def test_speaker_candidates_are_names_outside_quotations_with_their_features():
    from helpers.quote_spans import PARAGRAPH_PATTERN, quote_spans
    from helpers.quotes.article import mask_quotes
    from validation.pages.candidates import FEATURES, article_candidates, mentions

    assert [n for _, _, n in mentions("He was in Lahore. He met North Carolina Gov. Roy Cooper.")] == [
        "Lahore", "North Carolina Gov", "Roy Cooper"]  # cut after a full stop; "He" opens a sentence
    assert [n for _, _, n in mentions("Chancellor Angela Merkel and Transport Minister Volker Wissing")] == [
        "Angela Merkel", "Volker Wissing"]  # title words before the name dropped
    body = ('Police in Paris said on Monday that Jo Park spoke.\n\n'
            '"We will not stop," Park said, as Ann Lee looked on.')
    paragraphs = [(m.start(), m.end()) for m in PARAGRAPH_PATTERN.finditer(body)]
    start, end = quote_spans(body)[0]
    quote = dict(start_char=start, end_char=end, speaker="Jo Park", speaker_kind="person",
                 rule="quote, then speaker and verb", resolution=None)
    [cands] = article_candidates(body, mask_quotes(body, quote_spans(body)), [quote], paragraphs)
    by_name = {c["name"]: dict(zip(FEATURES, c["x"], strict=True)) for c in cands}
    assert set(by_name) == {"Police", "Paris", "Jo Park", "Ann Lee"}  # "Park" is Jo Park; "We" is quoted
    park, lee = by_name["Jo Park"], by_name["Ann Lee"]
    assert park["rule_choice"] == 1 and park["verb_after"] == 1 and park["same_sentence"] == 1
    assert park["rule_in_sentence"] == 1 and park["log_mentions"] > lee["log_mentions"]
    assert lee["rule_choice"] == 0 and lee["before"] == 0 and lee["verb_after"] == 0
    assert by_name["Paris"]["paragraphs_back"] == 1 and by_name["Police"]["org_word"] == 1


def test_agreement_pages_parse_and_cover_45_dev_pages():
    """The second, blind labelling (agreement/) is of 45 dev pages, each the same text as its dev twin."""
    from validation.pages.agreement import read_pairs

    _, second = read_pairs()  # raises if a page's text differs from its dev twin
    ids = [p.page_id for p in second]
    assert len(set(ids)) == 45 and set(ids) <= {p.page_id for p in read_set("dev")}
    assert all(any(lab == "body" for lab, _ in p.lines) for p in second)


def test_agreement_compares_two_labellings_as_the_scorer_does(tmp_path):
    from validation.pages.agreement import agreement_table

    text = ('{h} | Club wins cup\n{b} | By Ann Lee\nbody | ROME (AP) — The club won.\n'
            'body | "We played very well today," said Marco Rossi. "It was hard," he added.\nwidget | Share\n')
    for folder, head, by, quotes in (("dev", "headline", "byline", "quote: Marco Rossi | We played very well\n"),
                                     ("agreement", "headline", "widget", "quote: Rossi | We played very well\n"
                                      "quote: Ann Lee | It was hard\n")):
        (tmp_path / folder).mkdir()
        write_page(tmp_path / folder, 7, text.format(h=head, b=by), agency="AP", dateline="ROME", quotes=quotes)
    rows = {(r.measure, r.label): r for r in agreement_table(tmp_path).itertuples()}
    agree = rows[("line agreement", "12 labels")]
    assert (agree.numerator, agree.denominator) == (4, 5)
    assert rows[("body line recall (A truth)", "body")].value == 1.0
    assert rows[("pages part agrees", "byline")].numerator == 0 and rows[("pages part agrees", "agency")].numerator == 1
    assert rows[("pages all five parts agree", "all")].numerator == 0
    assert rows[("quotations only B listed", "quotes")].numerator == 1  # "It was hard" (Ann Lee: wrong too)
    assert rows[("matched quotations, same speaker", "quotes")].numerator == 1  # Rossi is Marco Rossi's part
