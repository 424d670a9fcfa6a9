"""Term counts, log-odds, phrases and framing vocabulary (helpers.terms), on the seeds and on
small texts written here."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from helpers import terms
from helpers.corpus import CorpusError, CorpusWarning, load_corpus
from helpers.events import date_periods
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
    matches = terms.framing_matches(tokens, sentences, framing_terms)
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
    # "The prisoner issue"; the three "prisoner release" are a phrase of their own
    assert prison.forms == "prisoners 4, prisoner 1"
    assert "abbas" in set(occ.term) and "abba" not in set(occ.term)  # names are not stemmed
    plain = terms.term_occurrences(seeds["tokens"], seeds["sentences"], stem=None)
    words = plain[plain.term != terms.COUNTRY_TERM]
    assert (words.term == words.form).all() and "prisoners" in set(words.term)
    porter = terms.term_occurrences(seeds["tokens"], seeds["sentences"], stem="porter")
    assert "releas" in set(porter.term)
    with pytest.raises(ValueError):
        terms.term_occurrences(seeds["tokens"], seeds["sentences"], stem="lancaster")


def test_phrases_join_only_unambiguous_pairs(seeds):
    phrases = seeds["phrases"]
    assert {"west bank", "peace talks", "prisoner release"} <= set(phrases)
    # chains of titles and names are left as words
    assert not {"john kerry", "state john", "prime minister", "benjamin netanyahu"} & set(phrases)
    west_bank = seeds["counts"].query("term == 'west bank'")
    assert west_bank.set_index("outlet").n.to_dict()["The Forward"] == 4
    assert "bank" not in set(seeds["occurrences"].term)


def test_counts_are_per_thousand_words(seeds):
    counts, totals, occ = seeds["counts"], seeds["totals"], seeds["occurrences"]
    assert totals.n_terms.sum() == len(occ)
    merged = counts.merge(totals, on="outlet", suffixes=("", "_total"))
    assert (merged.per_1000 - merged.n / merged.n_words_total * 1000).abs().max() < 1e-9
    n_terms = totals.set_index("outlet").n_terms.to_dict()
    assert counts.groupby("outlet").n.sum().to_dict() == n_terms
    jta = counts[counts.outlet == "JTA"]
    assert jta["rank"].iloc[0] == 1 and jta.n.is_monotonic_decreasing
    # words: running text, stopwords included, clitics and punctuation not; close to a
    # whitespace count of the body (which glues punctuation to words)
    whitespace = seeds["articles"].set_index("outlet").n_words
    ratio = totals.set_index("outlet").n_words / whitespace
    assert ratio.between(0.95, 1.05).all()


# ------------------------------------------------------------------ distinctive terms

def test_seed_prisoner_and_violence_vocabulary_stand_out(seeds):
    d = seeds["distinctive"].set_index(["outlet", "term"])
    # Al Jazeera English: the prisoner-release words top its list
    aje = seeds["distinctive"].query("outlet == @AJE").head(2)
    assert set(aje.label) == {"prisoner release", "prisoners"}
    assert d.at[(AJE, "prison releas"), "z"] > 1.5 and d.at[(AJE, "prison"), "z"] > 1.2
    # Al Jazeera America: "release" is among its top three; "prisoners" above zero
    aja = seeds["distinctive"].query("outlet == @AJA").head(3)
    assert "release" in set(aja.label) and d.at[(AJA, "prison"), "z"] > 0
    # Washington Free Beacon: violence, and it never mentions prisoners
    assert d.at[(FB, "violenc"), "z"] > terms.Z_CRITICAL and d.at[(FB, "violenc"), "significant"]
    assert d.at[(FB, "violenc"), "n"] == 4 and d.at[(FB, "violenc"), "n_rest"] == 0
    assert d.at[(FB, "prison"), "z"] < 0 and d.at[(FB, "attack"), "z"] > 1
    # small sample: few terms pass, none by much
    passing = seeds["distinctive"].query("significant and z > 0")
    assert 0 < len(passing) < 20 and seeds["distinctive"].z.max() < 3


def test_framing_groups_stand_out_where_expected(seeds):
    f = seeds["framing_z"].set_index(["outlet", "group"])
    assert f.at[(AJE, "prisoners"), "z"] > terms.Z_CRITICAL
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
    assert len(kwic) == seeds["framing"].n.sum()
    # the reader can tell a negotiated settlement from a colony
    aja = kwic[(kwic.outlet == AJA) & (kwic.group == "settlements")].iloc[0]
    assert aja.left.endswith("for a negotiated") and aja.right.startswith("to the conflict")


def test_sentences_shared_between_outlets(seeds):
    shared = terms.shared_sentences(seeds["sentences"]).set_index("outlet")
    assert shared.at[AJA, "shared_with"] == AJE and shared.at[AJA, "n_shared"] >= 3


def test_notes_and_finding_are_computed(seeds):
    periods = date_periods(seeds["articles"])
    text = terms.terms_finding(seeds["distinctive"], seeds["framing_z"], seeds["totals"], periods)
    assert "Washington Free Beacon \u2018concessions\u2019" in text
    assert "violence in Washington Free Beacon (z = 3.4)" in text
    assert "from 3 separate moments" in text and len(text) < 600
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
    weak = terms.distinctive_terms(counts, totals, prior_strength=chosen / 2)
    assert (weak.significant & (weak.z > 0)).sum() > n_default > 0


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
    ax = framing_heatmap(seeds["framing"])
    assert ax.get_yticklabels()[0].get_text() == "occupation"
    plt.close("all")


# ------------------------------------------------------------------ the notebook

def test_seed_report_writes_the_term_tables(seed_report):
    data = seed_report / "data"
    counts = pd.read_csv(data / "term_counts.csv")
    assert {"outlet", "term", "label", "n", "per_1000"} <= set(counts.columns)
    distinctive = pd.read_csv(data / "distinctive_terms.csv")
    assert {"z", "n", "n_rest", "significant"} <= set(distinctive.columns)
    framing = pd.read_csv(data / "framing.csv")
    fb = framing[(framing.outlet == FB) & (framing.group == "violence")].iloc[0]
    assert fb.n == 8 and fb.z > terms.Z_CRITICAL
    page = (seed_report / "02_terms.html").read_text()
    assert "concessions" in page and "Framing words in context" in page
    assert page.count("data:image/png;base64") >= 2
    index = (seed_report / "index.html").read_text()
    assert "most distinctive word" in index and "violence in Washington Free Beacon" in index


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


def _distinctive(zs: list[float]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A distinctive-terms table with one pair per z (two outlets, rank 1 first) and its totals."""
    rows = [{"outlet": "AB"[i % 2], "term": f"w{i}", "label": f"w{i}", "rank": i // 2 + 1, "z": z,
             "significant": abs(z) > terms.Z_CRITICAL} for i, z in enumerate(zs)]
    totals = pd.DataFrame({"outlet": ["A", "B"], "n_articles": [1, 1], "n_words": [700, 500],
                           "n_terms": [300, 200]})
    return pd.DataFrame(rows), totals


def test_finding_says_plainly_when_no_pair_passes_and_counts_in_the_right_number():
    distinctive, totals = _distinctive([1.5, 1.2, 0.4, -2.5])  # the one |z| > 1.96 is negative
    text = terms.terms_finding(distinctive, pd.DataFrame(), totals)
    assert text.endswith(" No outlet-term pair passes z > 1.96 on 1,200 words: no word sets an "
                         "outlet apart beyond chance in this corpus.")
    assert "Only 0" not in text and "0 of" not in text and "modest evidence" not in text
    assert terms.distinctive_note(distinctive, totals).startswith(
        "No outlet-term pair passes z > 1.96 (of 4 tested): no word sets an outlet apart")
    one, totals = _distinctive([2.5, 1.2, 0.4, -2.5])
    assert " Only 1 of 4 outlet-term pairs passes z > 1.96 on 1,200 words: modest evidence." in (
        terms.terms_finding(one, pd.DataFrame(), totals))
    assert terms.distinctive_note(one, totals).startswith("1 of 4 outlet-term pairs passes z > 1.96 (A 1, B 0)")
    two, totals = _distinctive([2.5, 2.1, 0.4, -2.5])
    assert " Only 2 of 4 outlet-term pairs pass z > 1.96" in terms.terms_finding(two, pd.DataFrame(), totals)
    framing = pd.DataFrame({"group": ["peace"], "outlet": ["A"], "n": [1], "per_1000": [1.4],
                            "per_1000_rest": [0.0], "z": [2.1], "significant": [True]})
    note = terms.framing_note(framing, pd.DataFrame({"group": ["peace"], "term": ["peace"]}), totals)
    assert note.startswith("1 use of 1 term group in 1,200 words.") and "(1 use, 1.4 per 1,000" in note
