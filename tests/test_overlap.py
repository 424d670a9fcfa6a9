"""Coverage overlap: document similarity, shared passages, wire share, events, and the 04_overlap notebook."""

from __future__ import annotations

import re
from itertools import combinations

import numpy as np
import pandas as pd
import pytest

from helpers import overlap
from helpers.corpus import load_corpus
from helpers.display import diff_html, passages_html
from helpers.events import group_events
from helpers.overlap import (
    MIN_COVERAGE,
    MIN_SENTENCE_TOKENS,
    compare_sentences,
    document_similarity,
    normalise_tokens,
    shared_passages,
    similarity_matrix,
    wire_share,
)
from helpers.text import split_sentences
from tests.conftest import SEED_FILES, write_corpus

AJA, AJE = "Al Jazeera America", "Al Jazeera English"


@pytest.fixture(scope="module")
def seeds(seed_dir):
    articles, _, _ = load_corpus(seed_dir)
    sentences = split_sentences(articles)
    return articles, sentences, shared_passages(sentences)


def _id(outlet):
    return SEED_FILES[outlet].removesuffix(".txt")


# --- the exact measure ------------------------------------------------------------

def test_normalised_tokens_ignore_case_quotes_and_spacing_and_keep_offsets():
    text = "\u201cThe U.S.  said\u201d it\u2019s   \"final\", he said."
    tokens = normalise_tokens(text)
    assert [t.norm for t in tokens] == ["the", "us", "said", "it's", "final", "he", "said"]
    assert all(text[t.start:t.end].casefold().replace(".", "").replace("\u2019", "'") == t.norm for t in tokens)


def test_spelling_variant_counts_as_the_same_word_and_is_listed():
    al = compare_sentences(
        "After carrying out the first three releases, Israel has balked at releasing the final group.",
        "After carrying out the first three releases, Israel has baulked at releasing the final group.",
    )
    assert al.coverage == 1 and al.similarity == 1
    assert al.variants == [("balked", "baulked")]


def test_clause_cut_keeps_full_coverage_but_not_similarity():
    al = compare_sentences(
        "When the talks began last summer, Israel promised to free 104 long-serving Palestinian prisoners "
        "in four stages, with the final release coming by the end of March.",
        "When the talks began last summer, Israel promised to free 104 long-serving Palestinian prisoners "
        "in four stages.",
    )
    assert al.coverage == 1
    assert al.similarity == pytest.approx(2 * 17 / (17 + 27))


def test_scattered_common_words_are_not_a_shared_sentence():
    # every word of the short sentence but two appears in the long one, in order, but
    # only "the palestinians say" and "to carry out the" as runs of three or more (and
    # "release", one word after such a run)
    al = compare_sentences(
        "The Palestinians say they will not even consider extending the talks without the prisoners being freed, "
        "but Israeli officials say they are under no obligation to carry out the final release.",
        "The Palestinians say Israel is obligated to carry out the release.",
    )
    assert al.coverage < MIN_COVERAGE
    assert al.coverage == pytest.approx(8 / 11)


def test_diff_html_escapes_every_piece_and_marks_the_differing_words():
    left, right = diff_html(
        'Officials said <script>alert(1)</script> the "plan" was balked at on Monday.',
        "Officials said <script>alert(1)</script> the plan was baulked at on Tuesday & later.",
    )
    for side in (left, right):
        assert "<script>" not in side and "&lt;script&gt;" in side
        assert re.sub(r"</?(?:del|ins|mark)[^>]*>", "", side).count("<") == 0  # no other markup
    assert '<mark style="background:#fefcbf">balked</mark>' in left
    assert re.search(r"<del[^>]*>Monday</del>", left)
    assert re.search(r"<ins[^>]*>Tuesday &amp; later</ins>", right)
    assert "&quot;plan&quot;" in left  # quote marks differ, but are not a difference


def test_passages_html_escapes_outlets_and_ids():
    passages = pd.DataFrame(
        [
            dict(
                passage_id=1,
                outlet_a="Evil <b>Outlet</b>",
                sentence_id_a="x<i>:1",
                text_a="A <img src=x> cat sat on the mat today.",
                outlet_b="Other",
                sentence_id_b="y:2",
                text_b="A <img src=x> cat sat on the mat today.",
                coverage=1.0,
                variants="<u>a</u>/<u>b</u>",
            )
        ]
    )
    page = passages_html(passages)._repr_html_()
    assert "<b>Outlet" not in page and "<img" not in page and "<i>" not in page and "<u>" not in page
    assert "Evil &lt;b&gt;Outlet&lt;/b&gt;" in page and "&lt;img src=x&gt;" in page


# --- the seeds ----------------------------------------------------------------------

def test_seed_al_jazeera_articles_share_wire_sentences_and_no_other_pair_does(seeds):
    _, sentences, passages = seeds
    assert len(passages) >= 5
    assert set(zip(passages.outlet_a, passages.outlet_b, strict=False)) == {(AJA, AJE)}
    assert not passages.same_outlet.any()
    assert (passages.coverage >= MIN_COVERAGE).all()
    texts = dict(zip(sentences.sentence_id, sentences.text, strict=False))
    assert all(texts[r.sentence_id_a] == r.text_a and texts[r.sentence_id_b] == r.text_b for r in passages.itertuples())
    respelled = passages[passages.variants == "balked/baulked"]
    assert len(respelled) == 1 and "the final group of 26 prisoners" in respelled.text_a.iloc[0]
    assert (passages.similarity == 1).sum() >= 3  # word for word
    cut = passages[passages.text_b.str.startswith("When the talks began last summer")]
    assert len(cut) == 1 and cut.coverage.iloc[0] == 1 and cut.similarity.iloc[0] < 0.8


def test_seed_candidates_find_exactly_what_checking_every_pair_finds(seeds):
    """The brute-force check over all pairs of sentences agrees with the candidate search."""
    _, sentences, passages = seeds
    rows = sentences[[len(normalise_tokens(t)) >= MIN_SENTENCE_TOKENS for t in sentences.text]]
    found, best_other = set(), 0.0
    for a, b in combinations(rows.itertuples(), 2):
        if a.article_id == b.article_id:
            continue
        coverage = compare_sentences(a.text, b.text).coverage
        if coverage >= MIN_COVERAGE:
            found.add((a.sentence_id, b.sentence_id))
        if {a.outlet, b.outlet} != {AJA, AJE}:
            best_other = max(best_other, coverage)
    assert found == set(zip(passages.sentence_id_a, passages.sentence_id_b, strict=False))
    assert best_other < 0.7  # the closest pair written independently is far from the threshold


def test_shared_passages_is_deterministic_and_leaves_its_input_alone(seeds):
    _, sentences, passages = seeds
    before = sentences.copy()
    again = shared_passages(sentences)
    pd.testing.assert_frame_equal(passages, again)
    pd.testing.assert_frame_equal(sentences, before)
    assert passages.passage_id.tolist() == list(range(1, len(passages) + 1))


REUSED_SOURCE = dict(
    file="wire.txt",
    outlet="Wire Times",
    date="2024-06-03",
    headline="Harbour bridge closes",
    text=(
        "The Harbour Bridge will close for repairs on Monday after inspectors found cracks "
        "in two of its steel cables.\n\n"
        "City engineers said the closure would last at least six weeks and cost about $4 million.\n\n"
        "Commuters will be directed to the old ferry route, which officials have expanded to run every ten minutes.\n\n"
        "\u201cWe cannot take any chances with safety,\u201d the transport commissioner, "
        "Helen Park, told reporters.\n\n"
        "The bridge carries around 40,000 vehicles a day and was last repaired in 1998.\n"
    ),
)
REUSER = dict(
    file="echo.txt", outlet="Daily Echo", date="2024-06-03", headline="Bridge shut as cracks found",
    text=(
        "Drivers face weeks of delays after the bridge shut.\n\n"
        # sentence 2 of the source: one word respelled, the quote marks and spacing changed
        "City engineers said the  closure would last at least six weeks and cost roughly $4 million.\n\n"
        "Local shop owners fear a drop in trade while the crossing is closed to traffic.\n\n"
        # sentence 5 of the source with a clause added
        "The bridge carries around 40,000 vehicles a day, most of them commuters from the northern suburbs, "
        "and was last repaired in 1998.\n\n"
        "Engineers inspected the steel cables of the bridge last week and found the cracks.\n"
    ),
)
UNRELATED = dict(
    file="other.txt", outlet="Other Post", date="2024-06-04", headline="Library extends hours",
    text=(
        "The central library will stay open until nine in the evening from next month, the council said.\n\n"
        "Librarians said demand for study space had grown since the university expanded its courses.\n"
    ),
)


def test_written_corpus_finds_exactly_the_reused_pairs(tmp_path):
    articles, _, _ = load_corpus(write_corpus(tmp_path / "c", [REUSED_SOURCE, REUSER, UNRELATED]))
    sentences = split_sentences(articles)
    passages = shared_passages(sentences)
    assert list(zip(passages.sentence_id_a, passages.sentence_id_b, strict=False)) == [
        ("wire:2", "echo:2"),
        ("wire:5", "echo:4"),
    ]
    respelled, added = passages.iloc[0], passages.iloc[1]
    assert respelled.coverage == pytest.approx(15 / 16) and respelled.variants == ""  # about/roughly: a changed word
    assert added.coverage == 1 and added.n_tokens_b > added.n_tokens_a
    assert set(passages.outlet_a) == {"Wire Times"} and set(passages.outlet_b) == {"Daily Echo"}
    wire = wire_share(articles, sentences, passages).set_index("article_id")
    assert wire.loc["other", "n_chars_shared"] == 0
    assert wire.loc["echo", "n_sentences_shared"] == 2 and wire.loc["wire", "n_sentences_shared"] == 2
    assert wire.loc["echo", "shared_with"] == "Wire Times"


def test_the_candidate_search_does_not_compare_every_pair(monkeypatch):
    """4,000 sentences (8 million pairs): only candidates are verified, and a planted copy is found."""
    rng = np.random.default_rng(7)
    vocab = np.array([f"w{i}" for i in range(5000)])
    rows = []
    for a in range(200):
        for k in range(20):
            words = " ".join(rng.choice(vocab, size=15))
            rows.append(dict(article_id=f"a{a}", outlet=f"o{a % 7}", sentence_id=f"a{a}:{k + 1}",
                             start_char=0, end_char=len(words), text=words))
    rows[150 * 20 + 3]["text"] = rows[10 * 20 + 5]["text"]  # a10:6 copied as a150:4
    calls = []
    real = overlap.passages.align_mapped  # the alignment compare_sentences runs
    monkeypatch.setattr(overlap.passages, "align_mapped", lambda a, b: calls.append(1) or real(a, b))
    passages = shared_passages(pd.DataFrame(rows))
    assert list(zip(passages.sentence_id_a, passages.sentence_id_b, strict=False)) == [("a10:6", "a150:4")]
    assert 0 < len(calls) < 1000  # the patched check ran, on few candidates


def test_minhash_values_are_datasketch_minhashes():
    """The batched MinHash gives datasketch's values, set for set, over batch edges and empty or repeated sets."""
    from datasketch import MinHash

    from helpers.overlap.lsh import MINHASH_BATCH, minhash_values

    rng = np.random.default_rng(3)
    words = [f"word{i}".encode() for i in range(300)]
    sets = [[words[k] for k in rng.integers(0, 300, size=rng.integers(1, 30))] for _ in range(MINHASH_BATCH + 7)]
    sets[5], sets[MINHASH_BATCH], sets[-1] = [], [b"x", b"x"], []  # empty, repeated, empty last
    expected = np.stack([m.hashvalues for m in MinHash.generator(sets, num_perm=64, seed=9)])
    got = minhash_values(sets, 64, 9)
    assert got.dtype == expected.dtype and np.array_equal(got, expected)
    assert not np.array_equal(got[0], got[1])  # different sets, different signatures: the test can fail


def test_same_outlet_pairs_are_flagged_and_do_not_count_as_wire_share(tmp_path):
    source = dict(REUSED_SOURCE, file="w1.txt")
    update = REUSED_SOURCE["text"].replace("was last repaired in 1998", "reopens next month")
    copy = dict(REUSED_SOURCE, file="w2.txt", date="2024-06-04", text=update)
    articles, _, _ = load_corpus(write_corpus(tmp_path / "c", [source, copy]))
    sentences = split_sentences(articles)
    passages = shared_passages(sentences)
    assert len(passages) == 4 and passages.same_outlet.all() and (passages.similarity == 1).all()
    assert (wire_share(articles, sentences, passages).n_chars_shared == 0).all()


# --- similarity, wire share and events on the seeds --------------------------------

def test_seed_similarity_puts_the_al_jazeera_pair_on_top(seeds):
    articles, _, _ = seeds
    similarity = document_similarity(articles)
    assert len(similarity) == 10
    for measure in ("cosine_tfidf", "jaccard_5gram"):
        top = similarity.sort_values(measure, ascending=False).iloc[0]
        assert {top.outlet_a, top.outlet_b} == {AJA, AJE}
        matrix = similarity_matrix(similarity, articles, measure=measure)
        assert np.allclose(matrix, matrix.T) and np.allclose(np.diag(matrix), 1)
    others = similarity[~(similarity.outlet_a.isin([AJA, AJE]) & similarity.outlet_b.isin([AJA, AJE]))]
    assert others.jaccard_5gram.max() < 0.01  # independent articles share almost no 5-word sequence
    assert top.jaccard_5gram > 0.1


def test_seed_wire_share_counts_the_shared_sentences(seeds):
    articles, sentences, passages = seeds
    wire = wire_share(articles, sentences, passages).set_index("outlet")
    assert (wire.drop([AJA, AJE]).n_chars_shared == 0).all()
    bodies = dict(zip(articles.outlet, articles.body, strict=False))
    assert (wire.n_chars == [len(bodies[o]) for o in wire.index]).all()
    # every word of Al Jazeera English's six shared sentences is in the America article
    aje = sentences[sentences.sentence_id.isin(passages.sentence_id_b)]
    assert wire.loc[AJE, "n_chars_shared"] == aje.text.str.len().sum()
    assert wire.loc[AJE, "share_shared"] == pytest.approx(aje.text.str.len().sum() / len(bodies[AJE]))
    assert wire.loc[AJA, "n_sentences_shared"] == wire.loc[AJE, "n_sentences_shared"] == len(passages)
    assert 0 < wire.loc[AJA, "share_shared"] < wire.loc[AJE, "share_shared"] < 1
    assert wire.loc[AJA, "shared_with"] == AJE


def test_seed_events_separate_the_three_moments(seeds):
    articles, _, _ = seeds
    events = group_events(articles, document_similarity(articles)).set_index("outlet")
    assert events.loc[AJA, "event"] == events.loc[AJE, "event"] == events.loc["JTA", "event"]
    assert events.event.nunique() == 3
    assert events.loc["The Forward", "event"] == 1 and events.loc["Washington Free Beacon", "event"] == 3
    assert events.loc["JTA", "event_label"] == "31 Mar\u20133 Apr 2014"


def test_events_need_both_closeness_in_time_and_content():
    articles = pd.DataFrame({
        "article_id": ["a", "b", "c", "d"], "outlet": ["X", "Y", "Z", "X"],
        "date": pd.to_datetime(["2024-01-01", "2024-01-03", "2024-01-02", None]),
    })
    similarity = pd.DataFrame({
        "article_id_a": ["a", "a", "b"], "article_id_b": ["b", "c", "c"],
        "days_apart": [2, 1, 1], "cosine_tfidf": [0.4, 0.05, 0.1],
    })
    events = group_events(articles, similarity)
    assert events.event.tolist() == [1, 1, 2, 3]
    assert events.event_label.tolist() == ["1\u20133 Jan 2024", "1\u20133 Jan 2024", "2 Jan 2024", "undated (d)"]
    far = similarity.assign(days_apart=[30, 1, 1])
    assert group_events(articles, far).event.nunique() == 4


# --- the notebook ---------------------------------------------------------------------

def test_seed_report_writes_the_overlap_tables(seed_report, seed_dir):
    data = seed_report / "data"
    passages = pd.read_csv(data / "shared_passages.csv", keep_default_na=False)
    assert len(passages) >= 5 and set(passages.outlet_a) == {AJA} and set(passages.outlet_b) == {AJE}
    articles, _, _ = load_corpus(seed_dir)
    bodies = dict(zip(articles.article_id, articles.body, strict=False))
    for row in passages.itertuples():
        assert bodies[row.article_id_a][row.start_char_a:row.end_char_a] == row.text_a
        assert bodies[row.article_id_b][row.start_char_b:row.end_char_b] == row.text_b
    wire = pd.read_csv(data / "wire_share.csv").set_index("outlet")
    assert wire.loc[AJE, "share_shared"] > 0.2 and wire.loc["JTA", "share_shared"] == 0
    similarity = pd.read_csv(data / "similarity.csv")
    assert len(similarity) == 10 and {"cosine_tfidf", "jaccard_5gram"} <= set(similarity.columns)
    facts = pd.read_csv(data / "facts.csv", keep_default_na=False)
    for row in facts.itertuples():
        assert bodies[row.article_id][row.start_char:row.end_char] == row.text
    shared = facts[(facts.fact == "104 prisoners")]
    assert set(shared.outlet) == {AJA, AJE} and (shared.n_outlets == 2).all()


def test_seed_page_shows_the_finding_and_the_highlighted_pairs(seed_report):
    index = (seed_report / "index.html").read_text()
    assert f"{AJA} and {AJE} share 6 near-identical sentences" in index
    page = (seed_report / "04_overlap.html").read_text()
    assert '<mark style="background:#fefcbf">balked</mark>' in page
    assert "31 Mar\u20133 Apr 2014" in page and "The Forward alone (30 Jun 2013)" in page
    assert page.count("data:image/png;base64") >= 3


def test_written_report_escapes_the_hostile_outlet(written_report):
    _, out = written_report
    for page in [out / "04_overlap.html", out / "no-code" / "04_overlap.html"]:
        html = page.read_text()
        assert "<script>alert" not in html and "<b>Outlet</b>" not in html and "<img src=x" not in html
    assert (out / "data" / "shared_passages.csv").is_file() and (out / "data" / "facts.csv").is_file()


def test_a_date_window_bounds_near_copies_but_not_identical_ones(tmp_path):
    bridge = "The Harbour Bridge will close for repairs on Monday after inspectors found cracks in its steel cables."
    toll = "Drivers will pay no toll on the ferry route while the Harbour Bridge is closed for the repairs."
    corpus = write_corpus(tmp_path / "c", [
        dict(file="a.txt", outlet="A", date="2024-01-01", text=f"{bridge}\n\n{toll}\n"),
        dict(file="b.txt", outlet="B", date="2024-01-04",
             text=bridge.replace("on Monday", "on Tuesday") + "\n\nTraffic was light on Sunday in the town.\n"),
        dict(file="c.txt", outlet="C", date="2024-03-01",
             text=bridge.replace("steel", "iron") + f"\n\n{toll}\n"),
    ])
    articles, _, _ = load_corpus(corpus)
    sentences = split_sentences(articles)
    everything = shared_passages(sentences)
    assert list(zip(everything.sentence_id_a, everything.sentence_id_b, strict=False)) == [
        ("a:1", "b:1"), ("a:1", "c:1"), ("a:2", "c:2"), ("b:1", "c:1"),
    ]
    windowed = shared_passages(sentences, articles=articles, window_days=7)
    assert list(zip(windowed.sentence_id_a, windowed.sentence_id_b, strict=False)) == [("a:1", "b:1"), ("a:2", "c:2")]
    with pytest.raises(ValueError, match="window_days needs articles"):
        shared_passages(sentences, window_days=7)


# --- the sentences, from small hand-built tables -----------------------------------

def _tables(outlets: dict[str, str], pairs: list[tuple[str, str]], shares: dict[str, float]):
    """events, passages and wire tables for articles {id: outlet}, shared sentence pairs
    [(article a, article b)] and wire shares {article: share}: one event, one day."""
    events = pd.DataFrame({"article_id": list(outlets), "outlet": list(outlets.values()), "event": 1,
                           "event_label": "1 Jan 2024", "date": pd.Timestamp("2024-01-01")})
    passages = pd.DataFrame([
        {"passage_id": i, "article_id_a": a, "outlet_a": outlets[a], "article_id_b": b, "outlet_b": outlets[b],
         "same_outlet": outlets[a] == outlets[b], "similarity": 1.0, "n_tokens_a": 9, "n_tokens_b": 9,
         "n_matched": 9, "variants": ""}
        for i, (a, b) in enumerate(pairs, 1)
    ], columns=overlap.PASSAGE_COLUMNS)
    wire = pd.DataFrame({"article_id": list(shares), "outlet": [outlets[a] for a in shares],
                         "share_shared": list(shares.values())})
    return events, passages, wire


def test_overlap_finding_quotes_the_wire_share_of_the_pair_it_names():
    outlets = {"a": "Alpha", "b": "Beta", "c": "Gamma", "d": "Delta"}
    pairs = [("a", "b"), ("b", "a"), ("a", "b"), ("c", "d")]  # Alpha-Beta, in either order, is the top pair
    events, passages, wire = _tables(outlets, pairs, {"a": 0.2, "b": 0.3, "c": 0.9, "d": 0.1})
    text = overlap.overlap_finding(events, passages, wire)
    assert text.startswith("Alpha and Beta share 3 near-identical sentences (wire copy: 30% of Beta's article)")
    assert "Gamma" not in text and "90%" not in text  # the corpus-wide maximum is another outlet's
    assert "; 1 other pair of outlets shares some." in text


def test_overlap_finding_never_pairs_an_outlet_with_itself():
    # "AL JAZEERA " is Al Jazeera spelled differently: its pairs are within one outlet
    outlets = {"a": "Al Jazeera", "b": "AL JAZEERA ", "c": "Al Jazeera", "d": "Beta"}
    events, passages, wire = _tables(outlets, [("a", "b"), ("a", "c")], {"a": 0.0, "b": 0.0, "c": 0.0, "d": 0.0})
    text = overlap.overlap_finding(events, passages, wire)
    assert text.startswith("No two outlets share a sentence; the 2 near-identical pairs found are within one "
                           "outlet's articles.")
    assert "Al Jazeera and" not in text
    assert overlap.passages_note(passages, events).startswith("two Al Jazeera articles share 1 sentence")
    # with one real cross-outlet pair, that pair is named, not the more frequent same-outlet one
    events, passages, wire = _tables(
        outlets, [("a", "b"), ("a", "b"), ("c", "d")], {"a": 0.5, "b": 0.6, "c": 0.1, "d": 0.2}
    )
    text = overlap.overlap_finding(events, passages, wire)
    assert text.startswith("Al Jazeera and Beta share 1 near-identical sentence (wire copy: 20% of Beta's article); "
                           "no other pair of outlets shares any.")
