"""Term counts, log-odds, phrases and framing vocabulary (helpers.terms), on the seeds and on
small texts written here."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from helpers import terms
from helpers.corpus import CorpusError, CorpusWarning, load_corpus
from helpers.events import date_periods
from helpers.paths import DEFAULT_CORPUS_DIR
from helpers.plots import distinctive_dots, framing_heatmap
from helpers.text import split_sentences, tokenize
from tests.conftest import write_corpus

AJA, AJE, FB = "Al Jazeera America", "Al Jazeera English", "Washington Free Beacon"


def _articles(*bodies, outlets=None):
    outlets = outlets or [f"Outlet {i}" for i in range(len(bodies))]
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(len(bodies))],
                         "outlet": outlets, "body": list(bodies)})


def _pipeline(articles, **options):
    sentences = split_sentences(articles)
    tokens = tokenize(sentences)
    occurrences = terms.term_occurrences(tokens, sentences, **options)
    totals = terms.word_totals(tokens, sentences, occurrences)
    return sentences, tokens, occurrences, totals


@pytest.fixture(scope="module")
def seeds(seed_dir):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        articles, _, _ = load_corpus(seed_dir)
    sentences = split_sentences(articles)
    tokens = tokenize(sentences)
    phrases = terms.phrases_to_join(tokens, sentences)
    occurrences = terms.term_occurrences(tokens, sentences, phrases=phrases)
    totals = terms.word_totals(tokens, sentences, occurrences)
    counts = terms.term_counts(occurrences, totals)
    framing_terms = terms.load_framing(seed_dir)
    senses = terms.load_framing_senses(seed_dir)
    matches = terms.framing_matches(tokens, sentences, framing_terms, senses=senses)
    framing = terms.framing_counts(matches, totals, framing_terms)
    return dict(
        articles=articles, sentences=sentences, tokens=tokens, phrases=phrases,
        occurrences=occurrences, totals=totals, counts=counts,
        distinctive=terms.distinctive_terms(counts, totals), framing_terms=framing_terms,
        matches=matches, framing=framing, framing_z=terms.framing_scores(framing, totals),
    )


# ------------------------------------------------------------------ log-odds by hand

def test_log_odds_matches_the_hand_worked_example():
    """Two groups, two words, worked by hand with Monroe et al.'s eqs. 16-22.

    Counts: group A: x 3, y 1 (n_A = 4); group B: x 1, y 5 (n_B = 6).
    Corpus: y_x = 4, y_y = 6, n = 10. Prior strength alpha_0 = 10, so
    alpha_x = 10 * 4/10 = 4 and alpha_y = 10 * 6/10 = 6.

    A, word x (the rest is B):
      delta = ln((3 + 4) / (4 + 10 - 3 - 4)) - ln((1 + 4) / (6 + 10 - 1 - 4))
            = ln(7/7) - ln(5/11) = 0 + 0.788457360364270
      var   = 1/(3 + 4) + 1/(1 + 4) = 1/7 + 1/5 = 0.342857142857143
      z     = 0.788457360364270 / sqrt(0.342857142857143) = 1.346547292118524
    A, word y:
      delta = ln((1 + 6) / (4 + 10 - 1 - 6)) - ln((5 + 6) / (6 + 10 - 5 - 6))
            = ln(7/7) - ln(11/5) = -0.788457360364270
      var   = 1/7 + 1/11 = 0.233766233766234
      z     = -0.788457360364270 / sqrt(0.233766233766234) = -1.630749754316667
    B mirrors A: z(B, x) = -1.346547292118524, z(B, y) = +1.630749754316667.

    With the default prior, alpha_0 = mean group size = (4 + 6) / 2 = 5, alpha_x = 2:
      delta(A, x) = ln((3 + 2) / (4 + 5 - 3 - 2)) - ln((1 + 2) / (6 + 5 - 1 - 2))
                  = ln(5/4) - ln(3/8) = 0.223143551314210 + 0.980829253011726
                  = 1.203972804325936
      var         = 1/5 + 1/3 = 0.533333333333333
      z           = 1.203972804325936 / sqrt(0.533333333333333) = 1.648607658880172
    """
    counts = pd.DataFrame({"outlet": ["A", "A", "B", "B"], "term": ["x", "y", "x", "y"],
                           "n": [3, 1, 1, 5]})
    scored = terms.log_odds(counts, prior_strength=10).set_index(["outlet", "term"])
    assert scored.at[("A", "x"), "alpha"] == pytest.approx(4, abs=1e-12)
    assert scored.at[("A", "x"), "delta"] == pytest.approx(0.788457360364270, abs=1e-6)
    assert scored.at[("A", "x"), "variance"] == pytest.approx(0.342857142857143, abs=1e-6)
    assert scored.at[("A", "x"), "z"] == pytest.approx(1.346547292118524, abs=1e-6)
    assert scored.at[("A", "y"), "z"] == pytest.approx(-1.630749754316667, abs=1e-6)
    assert scored.at[("B", "x"), "z"] == pytest.approx(-1.346547292118524, abs=1e-6)
    assert scored.at[("B", "y"), "z"] == pytest.approx(1.630749754316667, abs=1e-6)
    assert scored.at[("A", "x"), "n_rest"] == 1 and scored.at[("A", "x"), "total_rest"] == 6
    assert not scored["significant"].any()  # no |z| > 1.96 here

    default = terms.log_odds(counts).set_index(["outlet", "term"])
    assert default.at[("A", "x"), "delta"] == pytest.approx(1.203972804325936, abs=1e-6)
    assert default.at[("A", "x"), "z"] == pytest.approx(1.648607658880172, abs=1e-6)


def test_log_odds_flags_significance_and_needs_two_groups():
    counts = pd.DataFrame({"outlet": ["A", "A", "B", "B"], "term": ["x", "y", "x", "y"],
                           "n": [40, 2, 2, 40]})
    scored = terms.log_odds(counts).set_index(["outlet", "term"])
    assert scored.at[("A", "x"), "z"] > terms.Z_CRITICAL and scored.at[("A", "x"), "significant"]
    assert scored.at[("A", "y"), "z"] < -terms.Z_CRITICAL and scored.at[("A", "y"), "significant"]
    assert terms.log_odds(counts[counts.outlet == "A"]).empty  # one group: undefined
    with pytest.raises(ValueError):
        terms.log_odds(counts, prior_strength=0)


# ------------------------------------------------------------------ occurrences

def test_country_forms_become_one_term_before_stopwords():
    articles = _articles(
        "US officials met Kerry. The U.S. envoy said the United States would help us. "
        "He left the U.S.\n\nTELL US WHAT YOU THINK",
    )
    _, _, occ, _ = _pipeline(articles)
    country = occ[occ.term == terms.COUNTRY_TERM]
    assert country.form.tolist() == ["US", "U.S.", "United States", "U.S"]
    body = articles.body[0]
    assert [body[s:e] for s, e in zip(country.start_char, country.end_char, strict=False)] == [
        "US", "U.S.", "United States", "U.S"]
    assert "us" not in set(occ.term)  # the pronoun is a stopword, and the shouted "US" too
    assert not occ.form.isin(["united", "states"]).any()


def test_occurrences_trace_back_to_the_body(seeds):
    occ, articles = seeds["occurrences"], seeds["articles"]
    bodies = dict(zip(articles.article_id, articles.body, strict=False))
    single = occ[~occ.form.str.contains(" ")]
    assert all(bodies[a][s:e] == t for a, s, e, t in
               zip(single.article_id, single.start_char, single.end_char, single.token, strict=False))
    joined = occ[occ.form.str.contains(" ")]
    assert len(joined) and all(
        " ".join(bodies[a][s:e].lower().split()) == f for a, s, e, f in
        zip(joined.article_id, joined.start_char, joined.end_char, joined.form, strict=False)
        if f != "united states")
    sentence_ids = set(seeds["sentences"].sentence_id)
    assert occ.sentence_id.isin(sentence_ids).all()
    assert not occ.term.isin(["the", "of", "said."]).any()


def test_al_jazeera_english_writes_us_and_keeps_it(seeds):
    occ = seeds["occurrences"]
    aje = occ[(occ.outlet == AJE) & (occ.term == terms.COUNTRY_TERM)]
    assert aje.form.tolist() == ["US", "US", "US"]  # all three lost without the normalising step
    jta = occ[(occ.outlet == "JTA") & (occ.term == terms.COUNTRY_TERM)]
    assert set(jta.form) == {"U.S."}


def test_stemming_merges_forms_but_shows_words(seeds):
    occ, counts = seeds["occurrences"], seeds["counts"]
    prison = counts[(counts.outlet == AJE) & (counts.term == "prison")].iloc[0]
    assert prison.label == "prisoners"
    # "The prisoner issue" and the three "prisoner release": the phrase is counted besides
    assert prison.forms == "prisoner 4, prisoners 4"
    assert "abbas" in set(occ.term) and "abba" not in set(occ.term)  # names are not stemmed
    plain = terms.term_occurrences(seeds["tokens"], seeds["sentences"], stem=None)
    words = plain[plain.term != terms.COUNTRY_TERM]
    assert (words.term == words.form).all() and "prisoners" in set(words.term)
    porter = terms.term_occurrences(seeds["tokens"], seeds["sentences"], stem="porter")
    assert "releas" in set(porter.term)
    with pytest.raises(ValueError):
        terms.term_occurrences(seeds["tokens"], seeds["sentences"], stem="lancaster")


def test_phrases_are_counted_besides_their_words(seeds):
    phrases = seeds["phrases"]
    assert {"west bank", "peace talks", "prisoner release", "kerry said"} <= set(phrases)
    # chains of titles and names are left as words
    assert not {"john kerry", "state john", "prime minister", "benjamin netanyahu"} & set(phrases)
    counts = seeds["counts"].set_index(["outlet", "term"])
    assert counts.at[("The Forward", "west bank"), "n"] == 4
    assert counts.at[("The Forward", "west bank"), "kind"] == "phrase"
    assert counts.at[("The Forward", "bank"), "n"] == 4  # the phrase's uses stay the word's
    assert counts.at[("The Forward", "bank"), "kind"] == "word"
    # issue 16: "Kerry said" took Kerry's uses away (3 / 7 / 8); the bodies have 4 / 9 / 10
    kerry = seeds["counts"].query("term == 'kerry'").set_index("outlet").n.to_dict()
    assert [kerry["JTA"], kerry["The Forward"], kerry[FB]] == [4, 9, 10]
    assert counts.at[(FB, "netanyahu"), "n"] == 8  # one in "the Netanyahu-Kerry meeting"
    assert counts.at[("JTA", "palestinian"), "n"] == 6  # "palestinian leaders/authority" too


def test_counts_are_per_thousand_words(seeds):
    counts, totals, occ = seeds["counts"], seeds["totals"], seeds["occurrences"]
    assert totals.n_terms.sum() == (occ.kind == "word").sum() < len(occ)
    merged = counts.merge(totals, on="outlet", suffixes=("", "_total"))
    assert (merged.per_1000 - merged.n / merged.n_words_total * 1000).abs().max() < 1e-9
    n_terms = totals.set_index("outlet").n_terms.to_dict()
    words = counts[counts.kind == "word"]
    assert words.groupby("outlet").n.sum().to_dict() == n_terms  # phrases are extra rows
    jta = counts[counts.outlet == "JTA"]
    assert jta["rank"].iloc[0] == 1 and jta.n.is_monotonic_decreasing
    # words: running text, stopwords included, clitics and punctuation not; close to a
    # whitespace count of the body (which glues punctuation to words)
    whitespace = seeds["articles"].set_index("outlet").n_words
    ratio = totals.set_index("outlet").n_words / whitespace
    assert ratio.between(0.95, 1.05).all()


# ------------------------------------------------------------------ distinctive terms

def test_seed_prisoner_and_violence_vocabulary_lead_but_nothing_passes(seeds):
    d = seeds["distinctive"].set_index(["outlet", "term"])
    # Al Jazeera English: the prisoner-release words top its list
    aje = seeds["distinctive"].query("outlet == @AJE").head(2)
    assert set(aje.label) == {"release", "prisoners"}
    assert d.at[(AJE, "prison"), "z"] > 2 and d.at[(AJE, "prison"), "rank"] == 1
    # Al Jazeera America: "release" tops its list; "prisoners" above zero
    assert d.at[(AJA, "releas"), "rank"] == 1 and d.at[(AJA, "prison"), "z"] > 0
    # Washington Free Beacon: violence 4 | 0 is too rare to test; it never mentions prisoners
    assert d.at[(FB, "violenc"), "n"] == 4 and d.at[(FB, "violenc"), "n_rest"] == 0
    assert not d.at[(FB, "violenc"), "tested"] and pd.isna(d.at[(FB, "violenc"), "rank"])
    assert d.at[(FB, "violenc"), "skip_reason"] == "fewer than 5 uses"
    assert d.at[(FB, "prison"), "z"] < 0 and d.at[(FB, "prison"), "tested"]
    # JTA's "wednesday" (3 | 0) is a calendar word: counted, never tested
    assert d.at[("JTA", "wednesday"), "skip_reason"] == "calendar"
    # five short articles: after the correction nothing passes; 7 pairs did at z > 1.96
    assert not seeds["distinctive"].significant.any()
    assert (seeds["distinctive"].z > terms.Z_CRITICAL).sum() == 7


def test_framing_groups_stand_out_where_expected(seeds):
    f = seeds["framing_z"].set_index(["outlet", "group"])
    # 17 before: "prisoner release" x 3 and "freed prisoners" were two uses each
    assert f.at[(AJE, "prisoners"), "n"] == 13 and f.at[(AJE, "prisoners"), "n_ambiguous"] == 4
    assert f.at[(AJE, "prisoners"), "z"] > terms.Z_CRITICAL  # but not after the correction
    assert not f.at[(AJE, "prisoners"), "significant"] and f.at[(FB, "violence"), "significant"]
    assert f.at[(AJA, "settlements"), "n"] == 0 and f.at[(AJA, "settlements"), "n_other_sense"] == 1
    assert f.at[(AJA, "prisoners"), "z"] > 1 and f.at[(AJA, "prisoners"), "per_1000"] > f.at[
        (AJA, "prisoners"), "per_1000_rest"]
    assert f.at[(FB, "violence"), "z"] > terms.Z_CRITICAL and f.at[(FB, "violence"), "n"] == 8
    assert f.at[(FB, "prisoners"), "n"] == 0
    assert f.at[(FB, "violence"), "matches"].startswith("violence 4")


def test_distinctive_rates_are_per_thousand_words(seeds):
    d, totals = seeds["distinctive"], seeds["totals"].set_index("outlet")
    row = d[(d.outlet == FB) & (d.term == "violenc")].iloc[0]
    assert row.per_1000 == pytest.approx(4 / totals.n_words[FB] * 1000)
    assert row.total == totals.n_terms[FB]
    assert set(d.groupby("outlet").size()) == {d.term.nunique()}  # every term for every outlet


def test_single_outlet_has_no_distinctive_terms():
    articles = _articles("Kerry met Abbas. The talks failed.",
                         "Kerry met Netanyahu. Talks resumed.", outlets=["Only", "Only"])
    _, _, occ, totals = _pipeline(articles)
    counts = terms.term_counts(occ, totals)
    distinctive = terms.distinctive_terms(counts, totals)
    assert distinctive.empty and "z" in distinctive.columns
    note = terms.single_outlet_note(totals)
    assert "only one outlet (Only)" in note
    assert terms.terms_finding(distinctive, pd.DataFrame(), totals) == note
    assert terms.distinctive_note(distinctive, totals) == note
    two = _pipeline(_articles("Kerry met Abbas.", "Kerry met Netanyahu."))[3]
    assert terms.single_outlet_note(two) is None


def test_tfidf_view(seeds):
    tfidf = terms.tfidf_terms(seeds["occurrences"], top_n=5)
    assert tfidf.groupby("outlet").size().eq(5).all()
    fb = tfidf[tfidf.outlet == FB]
    assert {"concessions", "violence"} <= set(fb.label)
    assert fb.tfidf.is_monotonic_decreasing
    note = terms.tfidf_note(terms.tfidf_terms(seeds["occurrences"]), seeds["distinctive"],
                            seeds["totals"], top_n=5)
    assert "With 5 outlets, a word every outlet uses keeps 48%" in note


# ------------------------------------------------------------------ phrases

def test_collocations_per_outlet(seeds):
    col = terms.collocations(seeds["tokens"], seeds["sentences"])
    forward = col[col.outlet == "The Forward"].set_index("phrase")
    assert forward.at["west bank", "n"] == 4 and forward.index[0] == "west bank"
    aje = col[col.outlet == AJE].set_index("phrase")
    assert aje.at["prisoner release", "n"] == 3
    assert (col.n >= terms.MIN_PHRASE_COUNT).all()
    words = col.phrase.str.split()
    assert not words.str[0].isin(terms.STOPWORDS).any()
    assert not words.str[-1].isin(terms.STOPWORDS).any()
    bodies = dict(zip(seeds["articles"].article_id, seeds["articles"].body, strict=False))
    sentences = seeds["sentences"].set_index("sentence_id")
    for row in col.itertuples():
        article = sentences.at[row.first_sentence_id, "article_id"]
        assert bodies[article][row.first_start_char:].lower().startswith(row.phrase.split()[0])
    pmi = terms.collocations(seeds["tokens"], seeds["sentences"], measure="pmi", top_n=3)
    assert pmi.groupby("outlet").size().max() <= 3 and set(pmi.measure) == {"pmi"}


def test_no_phrase_crosses_a_comma():
    articles = _articles("Kerry, Israel said. Kerry, Israel agreed. Kerry, Israel left.")
    sentences = split_sentences(articles)
    col = terms.collocations(tokenize(sentences), sentences)
    assert "kerry israel" not in set(col.phrase)


# ------------------------------------------------------------------ framing vocabulary

def test_seed_framing_table_and_missing_file(seeds, tmp_path):
    table = seeds["framing_terms"]
    assert list(table.columns) == ["group", "term"]
    assert {"occupation", "settlements", "terror", "violence", "prisoners", "peace process",
            "concessions"} == set(table.group)
    empty = tmp_path / "c"
    empty.mkdir()
    assert terms.load_framing(empty) is None
    note = terms.framing_note(pd.DataFrame(), None, seeds["totals"])
    assert "This corpus has no framing.csv" in note


def test_bad_framing_file(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "framing.csv").write_text("group,term\nviolence,\n,attack*\nnumbers,1967\n")
    with pytest.raises(CorpusError) as info:
        terms.load_framing(folder)
    message = str(info.value)
    assert "line 2: the term is empty" in message and "line 3: the group is empty" in message
    assert "line 4: the term '1967' has no letter" in message
    (folder / "framing.csv").write_text("name,words\na,b\n")
    with pytest.raises(CorpusError, match="needs the columns group and term"):
        terms.load_framing(folder)


def test_framing_matches_words_phrases_and_wildcards():
    body = ("Jewish settlements in the occupied West Bank stalled the peace process. "
            "Settlement talks and anti-terror laws followed; the Peace\n\nprocess resumed.")
    articles = _articles(body)
    sentences, tokens, _, totals = _pipeline(articles)
    framing = pd.DataFrame({
        "group": ["settlements", "occupation", "peace", "peace", "terror"],
        "term": ["settlement*", "occupied", "peace process", "peace*", "*terror*"],
    })
    matches = terms.framing_matches(tokens, sentences, framing)
    assert matches.match.tolist() == ["settlements", "occupied", "peace process", "Settlement",
                                      "anti-terror", "Peace"]
    # "peace process" is one use of the group, not also one of "peace*"; across paragraphs
    # "Peace" / "process" is no phrase
    assert matches.groupby("group").size().to_dict() == {
        "occupation": 1, "peace": 2, "settlements": 2, "terror": 1}
    spans = zip(matches.start_char, matches.end_char, matches.match, strict=False)
    assert all(body[s:e] == m for s, e, m in spans)
    counts = terms.framing_counts(matches, totals, framing)
    assert counts.group.tolist() == ["settlements", "occupation", "peace", "terror"]
    assert counts.set_index("group").at["settlements", "matches"] == "settlement 1, settlements 1"
    kwic = terms.keyword_in_context(matches, articles, width=20)
    first = kwic.iloc[0]
    assert (first.left, first.match) == ("Jewish", "settlements")
    assert first.right.startswith("in the occupied")


def test_kwic_lines_match_framing_counts(seeds):
    kwic = terms.keyword_in_context(seeds["matches"], seeds["articles"])
    framing = seeds["framing"]
    assert len(kwic) == framing.n.sum() + framing.n_other_sense.sum()
    assert (kwic.sense == "ambiguous").sum() == framing.n_ambiguous.sum() > 0
    # a negotiated settlement is shown, marked as another sense, and not counted
    aja = kwic[(kwic.outlet == AJA) & (kwic.group == "settlements")].iloc[0]
    assert aja.left.endswith("for a negotiated") and aja.right.startswith("to the conflict")
    assert aja.sense == "other" and "negotiated" in aja.cue


def test_sentences_shared_between_outlets(seeds):
    shared = terms.shared_sentences(seeds["sentences"]).set_index("outlet")
    assert shared.at[AJA, "shared_with"] == AJE and shared.at[AJA, "n_shared"] >= 3


def test_notes_and_finding_are_computed(seeds):
    periods = date_periods(seeds["articles"])
    text = terms.terms_finding(seeds["distinctive"], seeds["framing_z"], seeds["totals"], periods)
    assert "Washington Free Beacon \u2018concessions\u2019 (z = 2.6)" in text
    assert "violence in Washington Free Beacon (z = 3.4)" in text
    assert "No outlet-term pair passes a Benjamini-Hochberg correction at a 5% false" in text
    assert "\u2018wednesday\u2019" not in text and len(text) < 800
    assert "Jun 2013: The Forward" in terms.periods_note(periods)
    words = f"{seeds['totals'].n_words.sum():,} words"
    assert terms.sample_note(seeds["totals"]).startswith(
        f"This corpus has 5 articles from 5 outlets, {words} in all")


def test_prior_strength_moves_the_z_scores(seeds):
    counts, totals = seeds["counts"], seeds["totals"]
    note = terms.prior_note(counts, totals)
    chosen = totals.n_terms.sum() / len(totals)
    d = seeds["distinctive"]
    n_default = int((d.significant & (d.z > 0)).sum())
    assert f"as used here ({chosen:,.0f}): {n_default};" in note
    assert note.endswith("tidylo's default): 0.")  # a corpus-sized prior leaves none
    weak = terms.distinctive_terms(counts, totals, prior_strength=chosen / 20)
    assert weak.z.max() > d.z.max()  # a weaker prior pulls less toward the corpus rate


def test_shared_sentences_note(seeds):
    text = terms.shared_note(seeds["sentences"])
    assert "Al Jazeera America: 3 of its 22 sentences, shared with Al Jazeera English" in text
    one = seeds["sentences"][seeds["sentences"].outlet == "JTA"]
    assert terms.shared_note(one).startswith("No sentence appears word for word")


def test_plots_draw(seeds):
    import matplotlib.pyplot as plt

    periods = date_periods(seeds["articles"])
    fig = distinctive_dots(seeds["distinctive"], top_n=5, periods=periods)
    titles = [ax.get_title() for ax in fig.axes if ax.get_visible()]
    assert titles[0] == "Al Jazeera America\n(Mar\u2013Apr 2014)" and len(titles) == 5
    # five panels on a 2 x 3 grid: the third column's lowest shown panel is in the top row, and
    # it carries the z axis's label and numbers as the bottom row's panels do
    fig.canvas.draw()
    lowest = [fig.axes[3], fig.axes[4], fig.axes[2]]
    assert [ax.get_xlabel() for ax in lowest] == ["log-odds z-score"] * 3
    assert all(any(t.get_visible() and t.get_text() for t in ax.get_xticklabels()) for ax in lowest)
    assert fig.axes[0].get_xlabel() == "" and not any(t.get_visible() for t in fig.axes[0].get_xticklabels())
    ax = framing_heatmap(seeds["framing"])
    assert ax.get_yticklabels()[0].get_text() == "occupation"
    plt.close("all")


# ------------------------------------------------------------------ the notebook

def test_seed_report_writes_the_term_tables(seed_report):
    data = seed_report / "data"
    counts = pd.read_csv(data / "term_counts.csv")
    assert {"outlet", "term", "kind", "label", "n", "per_1000"} <= set(counts.columns)
    kerry = counts[counts.term == "kerry"].set_index("outlet").n
    assert [kerry["JTA"], kerry["The Forward"], kerry[FB]] == [4, 9, 10]  # issue 16: 3 / 7 / 8
    distinctive = pd.read_csv(data / "distinctive_terms.csv")
    assert {"z", "n", "n_rest", "tested", "q_value", "significant"} <= set(distinctive.columns)
    framing = pd.read_csv(data / "framing.csv")
    fb = framing[(framing.outlet == FB) & (framing.group == "violence")].iloc[0]
    assert fb.n == 8 and fb.z > terms.Z_CRITICAL and fb.significant
    aje = framing[(framing.outlet == AJE) & (framing.group == "prisoners")].iloc[0]
    assert (aje.n, aje.n_ambiguous) == (13, 4)
    kwic = pd.read_csv(data / "framing_kwic.csv")
    assert set(kwic.sense) == {"in", "no rule", "ambiguous", "other"}
    page = (seed_report / "02_terms.html").read_text()
    assert "concessions" in page and "Framing words in context" in page
    assert page.count("data:image/png;base64") >= 2
    index = (seed_report / "index.html").read_text()
    assert "No outlet-term pair passes a Benjamini-Hochberg correction" in index
    assert "violence in Washington Free Beacon" in index


def test_written_report_without_framing_file_says_so(written_report):
    _, out = written_report
    page = (out / "02_terms.html").read_text()
    assert "This corpus has no framing.csv" in page
    assert "<b>Outlet</b>" not in page and "Evil &lt;b&gt;Outlet&lt;/b&gt;" in page
    assert 'data-mime-type="application/vnd.jupyter.stderr"' not in page
    assert (out / "data" / "distinctive_terms.csv").exists()


def test_sentence_initial_words_are_stemmed_names_are_not(tmp_path):
    article = dict(file="a.txt", outlet="X", text="Talks resumed in Paris.\n")
    folder = write_corpus(tmp_path / "c", [article])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        articles, _, _ = load_corpus(folder)
    _, _, occ, totals = _pipeline(articles)
    assert occ.term.tolist() == ["talk", "resum", "paris"] and totals.n_words.tolist() == [4]
    assert occ.form.tolist() == ["talks", "resumed", "paris"]


def _distinctive(zs: list[float], passing: list[bool] | None = None,
                 tested: list[bool] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A distinctive-terms table with one pair per z (outlets A and B in turn, ranked by z
    within the outlet among the tested), which pairs pass the correction, and its totals."""
    passing = passing or [False] * len(zs)
    tested = tested or [True] * len(zs)
    rows = [{"outlet": "AB"[i % 2], "term": f"w{i}", "label": f"w{i}", "z": z,
             "tested": t, "significant": p and t}
            for i, (z, p, t) in enumerate(zip(zs, passing, tested, strict=True))]
    table = pd.DataFrame(rows, columns=["outlet", "term", "label", "z", "tested", "significant"])
    table = table.astype({"z": "float64", "tested": bool, "significant": bool})
    table = table.sort_values(["outlet", "tested", "z"], ascending=[True, False, False])
    rank = table[table.tested].groupby("outlet").cumcount() + 1
    table["rank"] = rank.reindex(table.index).astype("Int64")
    totals = pd.DataFrame({"outlet": ["A", "B"], "n_articles": [1, 1], "n_words": [700, 500],
                           "n_terms": [300, 200]})
    return table.reset_index(drop=True), totals


RULE = "a Benjamini-Hochberg correction at a 5% false discovery rate"


def test_distinctive_sentences_zero_pass():
    distinctive, totals = _distinctive([1.5, 1.2, 0.4, -2.5])  # the one |z| > 1.96 is negative
    text = terms.terms_finding(distinctive, pd.DataFrame(), totals)
    assert f"No outlet-term pair passes {RULE} on 1,200 words: no word sets an outlet apart " \
           "beyond chance in this corpus." in text
    assert "Only" not in text and "0 of" not in text and "modest evidence" not in text
    assert text.endswith("leads to check only: A \u2018w0\u2019 (z = 1.5); B \u2018w1\u2019 (z = 1.2).")
    note = terms.distinctive_note(distinctive, totals)
    assert note.startswith(f"No outlet-term pair passes {RULE}: no word sets an outlet apart")
    assert "(4 of 4 pairs)" in note and "Before the correction, 0 of all 4 pairs passed" in note


def test_distinctive_sentences_one_pass():
    one, totals = _distinctive([2.5, 1.2, 0.4, -2.5], passing=[True, False, False, False])
    text = terms.terms_finding(one, pd.DataFrame(), totals)
    assert text == (f"1 of the 4 outlet-term pairs tested passes {RULE} on 1,200 words: "
                    "A \u2018w0\u2019 (z = 2.5).")
    note = terms.distinctive_note(one, totals)
    assert note.startswith(f"1 of the 4 outlet-term pairs tested passes {RULE} as used more by "
                           "one outlet (A 1, B 0).")
    assert "Before the correction, 1 of all 4 pairs passed z > 1.96 (uncorrected)." in note


def test_distinctive_sentences_all_pass_and_ties():
    every, totals = _distinctive([3.0, 3.0, 2.5, 2.5], passing=[True] * 4)
    text = terms.terms_finding(every, pd.DataFrame(), totals)
    # ties: by z, then outlet, then word
    assert text.endswith(f"4 of the 4 outlet-term pairs tested pass {RULE} on 1,200 words: "
                         "A \u2018w0\u2019 (z = 3.0); B \u2018w1\u2019 (z = 3.0); "
                         "A \u2018w2\u2019 (z = 2.5); B \u2018w3\u2019 (z = 2.5).")
    assert "(A 2, B 2)" in terms.distinctive_note(every, totals)
    many, totals = _distinctive([3.0] * 8, passing=[True] * 8)
    assert terms.terms_finding(many, pd.DataFrame(), totals).endswith("; 3 more in the table, all also at z = 3.0.")


def test_distinctive_sentences_empty_group_and_nothing_tested():
    # outlet B has no tested term: it is listed with 0, and no rank-1 word of its own
    some, totals = _distinctive([2.5, 2.0, 0.4, 1.0], passing=[True, False, False, False],
                                tested=[True, False, True, False])
    note = terms.distinctive_note(some, totals)
    assert "(A 1, B 0)" in note and "(2 of 4 pairs)" in note
    none, totals = _distinctive([1.0, 0.5], tested=[False, False])
    assert terms.terms_finding(none, pd.DataFrame(), totals).endswith(
        "No term is used at least 5 times in the 1,200 words, so no outlet-term pair can be "
        "tested: no word sets an outlet apart.")
    assert terms.distinctive_note(none, totals).startswith("No outlet-term pair is tested")
    empty = _distinctive([])[0]
    assert "no outlet-term pair can be tested" in terms.terms_finding(empty, pd.DataFrame(), totals)


def _framing_z(rows: list[tuple]) -> pd.DataFrame:
    """A framing_scores table: (group, outlet, n, n_ambiguous, n_other, z, significant)."""
    table = pd.DataFrame(rows, columns=["group", "outlet", "n", "n_ambiguous", "n_other_sense",
                                        "z", "significant"])
    return table.assign(per_1000=table.n / 7, per_1000_rest=0.0)


def test_framing_sentences_zero_one_all_ties_empty():
    _, totals = _distinctive([])
    groups = pd.DataFrame({"group": ["peace", "war"], "term": ["peace", "war"]})
    zero = _framing_z([("peace", "A", 1, 0, 0, 1.0, False), ("war", "A", 0, 0, 0, 0.0, False)])
    note = terms.framing_note(zero, groups, totals)
    assert note == ("1 use of 2 term groups in 1,200 words. Not used by any outlet: war. No "
                    f"group's use in one outlet differs from the others after {RULE} (groups "
                    "used at least 5 times tested).")
    assert terms.terms_finding(_distinctive([])[0], zero, totals).startswith("No term is used")
    one = _framing_z([("peace", "A", 7, 1, 2, 2.5, True), ("war", "B", 0, 0, 0, -2.5, False)])
    note = terms.framing_note(one, groups, totals)
    assert note.startswith("7 uses of 2 term groups in 1,200 words, of which 1 is ambiguous")
    assert "2 uses in another sense (peace 2) are shown below but not counted." in note
    assert "peace in A (7 uses, 1 of 7 uses ambiguous, 1.0 per 1,000 words against 0.0" in note
    assert "(z = 2.5; 1 of 7 uses ambiguous)" in terms.terms_finding(
        _distinctive([])[0], one, totals)
    ties = _framing_z([("war", "B", 7, 7, 0, 2.5, True), ("peace", "A", 7, 0, 0, 2.5, True)])
    text = terms.terms_finding(_distinctive([])[0], ties, totals)  # all pass; ties by group
    assert "corrected): peace in A (z = 2.5), war in B (z = 2.5; all 7 uses ambiguous). " in text
    assert terms.framing_note(ties.iloc[:0], groups, totals) == "framing.csv lists no terms."
    assert terms.framing_note(ties, None, totals).startswith("This corpus has no framing.csv")


# ------------------------------------------------------------------ issue 16

def test_a_phrase_is_counted_besides_its_words_never_instead():
    body = ("Kerry said the talks were over. Kerry said Abbas had left. Later Kerry said "
            "nothing. Kerry met Abbas.")
    _, _, occ, totals = _pipeline(_articles(body), stem=None, phrases=["kerry said"])
    counts = terms.term_counts(occ, totals).set_index("term")
    assert counts.at["kerry", "n"] == 4 and counts.at["kerry", "kind"] == "word"
    assert counts.at["kerry said", "n"] == 3 and counts.at["kerry said", "kind"] == "phrase"
    assert totals.n_terms.iloc[0] == (occ.kind == "word").sum()  # phrases add nothing to it
    phrase = occ[occ.kind == "phrase"].iloc[0]
    assert body[phrase.start_char:phrase.end_char] == "Kerry said"
    distinctive = terms.distinctive_terms(
        terms.term_counts(*_pipeline(_articles(body, "Abbas spoke."), stem=None,
                                     phrases=["kerry said"])[2:]),
        _pipeline(_articles(body, "Abbas spoke."), stem=None, phrases=["kerry said"])[3])
    assert set(distinctive.loc[distinctive.term == "kerry said", "kind"]) == {"phrase"}


def test_hyphenated_compounds_count_each_part():
    body = "The Netanyahu-Kerry meeting on the U.S.-brokered deal ended in late-April."
    _, _, occ, totals = _pipeline(_articles(body), stem=None)
    assert occ.term.tolist() == ["netanyahu", "kerry", "meeting", "u.s.", "brokered", "deal",
                                 "ended", "late", "april"]
    assert [body[s:e] for s, e in zip(occ.start_char, occ.end_char, strict=True)][:2] == [
        "Netanyahu", "Kerry"]
    assert totals.n_words.iloc[0] == 13  # compounds' parts are words of the denominator too
    assert terms.split_compounds(pd.DataFrame({"token": ["-", "--", "x-"], "start_char": [0, 2, 5],
                                               "end_char": [1, 4, 7]})).token.tolist() == [
        "-", "--", "x-"]


def test_fdr_test_is_benjamini_hochberg_by_hand():
    """p = 0.01, 0.04, 0.03, 0.2 (m = 4). Sorted: 0.01, 0.03, 0.04, 0.2; q_(i) =
    min over j >= i of p_(j) * m / j: 0.2; 0.04 * 4/3 = 0.0533; min(0.03 * 2, 0.0533) =
    0.0533; min(0.01 * 4, 0.0533) = 0.04. Only the first passes at 5%; the untested
    fifth pair neither counts in m nor passes."""
    from scipy.stats import norm

    p = [0.01, 0.04, 0.03, 0.2, 0.001]
    z = pd.Series([norm.isf(x / 2) for x in p])
    out = terms.fdr_test(z, pd.Series([True, True, True, True, False]))
    assert out.p_value.iloc[:4].tolist() == pytest.approx(p[:4])
    assert out.q_value.iloc[:4].tolist() == pytest.approx([0.04, 0.16 / 3, 0.16 / 3, 0.2])
    assert out.significant.tolist() == [True, False, False, False, False]
    assert pd.isna(out.q_value.iloc[4])


def test_rare_terms_and_skip_words_are_counted_but_not_tested():
    a = "Wednesday talks. Wednesday talks. Wednesday talks. Did talks end? Talks went on."
    b = "Abbas spoke. Abbas spoke again. Abbas spoke once more. Abbas left. Abbas came."
    _, _, occ, totals = _pipeline(_articles(a, b), stem=None)
    d = terms.distinctive_terms(terms.term_counts(occ, totals), totals).set_index(
        ["outlet", "term"])
    assert d.at[("Outlet 0", "wednesday"), "n"] == 3
    assert d.at[("Outlet 0", "wednesday"), "skip_reason"] == "calendar"
    assert d.at[("Outlet 0", "did"), "skip_reason"] == "function"
    assert d.at[("Outlet 0", "went"), "skip_reason"] == "fewer than 5 uses"
    assert d.at[("Outlet 0", "talks"), "tested"] and d.at[("Outlet 1", "abbas"), "tested"]
    assert d.at[("Outlet 0", "talks"), "rank"] == 1 and pd.isna(d.at[("Outlet 0", "did"), "rank"])
    assert d.loc[~d.tested, "q_value"].isna().all()
    assert {"wednesday", "did"} <= set(terms.SKIP_WORDS)


def test_framing_multiword_entry_and_senses_on_written_text():
    body = ("The prisoner release was delayed. Both sides seek a negotiated settlement to the "
            "conflict. Settlement construction went on. The ministry released a statement. "
            "The release was postponed.")
    articles = _articles(body)
    sentences, tokens, _, totals = _pipeline(articles)
    framing = pd.DataFrame({"group": ["prisoners"] * 3 + ["settlements"],
                            "term": ["prisoner release", "prisoner*", "releas*", "settlement*"]})
    matches = terms.framing_matches(tokens, sentences, framing, senses=terms.load_framing_senses(DEFAULT_CORPUS_DIR))
    assert list(zip(matches.match, matches.sense, strict=True)) == [
        ("prisoner release", "in"), ("settlement", "other"), ("Settlement", "in"),
        ("released", "other"), ("release", "ambiguous")]
    counts = terms.framing_counts(matches, totals, framing).set_index("group")
    assert counts.at["prisoners", "n"] == 2 and counts.at["prisoners", "n_ambiguous"] == 1
    assert counts.at["prisoners", "n_other_sense"] == 1
    assert counts.at["settlements", "n"] == 1 and counts.at["settlements", "n_other_sense"] == 1


def test_framing_senses_are_the_corpus_s_own_table(tmp_path):
    """Sense cues come from framing_senses.csv beside framing.csv; without it no use is
    judged (every use counted as listed), so one topic's cues never touch another corpus."""
    body = "Both sides seek a negotiated settlement to the conflict. Settlement construction went on."
    articles = _articles(body)
    sentences, tokens, _, totals = _pipeline(articles)
    framing = pd.DataFrame({"group": ["settlements"], "term": ["settlement*"]})
    folder = write_corpus(tmp_path / "c", [dict(file="a.txt", outlet="A", date="2014-01-01", text=body)])
    assert terms.load_framing_senses(folder) is None
    plain = terms.framing_matches(tokens, sentences, framing, senses=terms.load_framing_senses(folder))
    assert list(plain.sense) == ["no rule", "no rule"]
    (folder / "framing_senses.csv").write_text(
        "Group,Word,Cue,Where,Sense\nsettlements,Settlement*,Negotiated,before,other\n", encoding="utf-8")
    rules = terms.load_framing_senses(folder)
    assert rules.to_dict("records") == [dict(group="settlements", word="settlement*", cue="negotiated",
                                             where="before", sense="other")]
    judged = terms.framing_matches(tokens, sentences, framing, senses=rules)
    assert list(judged.sense) == ["other", "ambiguous"]  # a rule for the word, but no cue here
    assert terms.framing_counts(judged, totals, framing).set_index("group").at["settlements", "n"] == 1


@pytest.mark.parametrize(("row", "message"), [
    ("settlements,settlement*,negotiated,beside,other", "where is 'beside'; write one of before"),
    ("settlements,settlement*,negotiated,before,maybe", "sense is 'maybe'; write in"),
    ("settlements,settlement*,negotiated,default,other", "a default rule has no cue"),
    ("settlements,settlement*,,before,other", "a 'before' rule needs a cue"),
    (",settlement*,negotiated,before,other", "the group is empty"),
])
def test_framing_senses_errors_name_the_line_and_the_fix(tmp_path, row, message):
    folder = write_corpus(tmp_path / "c", [dict(file="a.txt", outlet="A", date="2014-01-01", text="x y z")])
    (folder / "framing_senses.csv").write_text(
        "group,word,cue,where,sense\nsettlements,settlement*,peace,before,other\n" + row + "\n", encoding="utf-8")
    with pytest.raises(CorpusError) as err:
        terms.load_framing_senses(folder)
    assert "framing_senses.csv line 3:" in str(err.value) and message in str(err.value)


def test_framing_senses_beside_a_table_corpus_and_never_through_a_link(tmp_path):
    table = tmp_path / "export.csv"
    table.write_text("outlet,date,text\nA,2014-01-01,x\n", encoding="utf-8")
    (tmp_path / "export.framing_senses.csv").write_text(
        "group,word,cue,where,sense\n=HYPERLINK(1),<script>,x,sentence,in\n", encoding="utf-8")
    rules = terms.load_framing_senses(table)
    assert list(rules.group) == ["=HYPERLINK(1)"] and list(rules.word) == ["<script>"]
    outside = tmp_path / "outside.csv"
    outside.write_text("group,word,cue,where,sense\n", encoding="utf-8")
    folder = write_corpus(tmp_path / "c", [dict(file="a.txt", outlet="A", date="2014-01-01", text="x")])
    (folder / "framing_senses.csv").symlink_to(outside)
    with pytest.raises(CorpusError, match="outside the corpus"):
        terms.load_framing_senses(folder)
