"""Outlet groups (issue 19): every per-outlet comparison per group of outlets, on a corpus the
tests write (six outlets; outlets.csv gives five a lean, left / right / centre, and leaves one
out). A group's result must equal the per-outlet computation on the pooled articles: the same
corpus written again with each outlet renamed to its group."""

from __future__ import annotations

import csv
import html

import numpy as np
import pandas as pd
import pytest

from helpers import groups, terms
from helpers.actors import find_mentions
from helpers.actors_auto import actors_for
from helpers.corpus import NO_GROUP, CorpusError, load_corpus
from helpers.display import note, table
from helpers.display.sections import group_section
from helpers.events import date_periods
from helpers.outputs import write_table
from helpers.overlap import PARTIAL_MIN_COVERAGE, VERIFIED, label_quotations, shared_passages, wire_share
from helpers.quotes import affiliation_shares, quotes_and_sources
from helpers.report import main as build_main
from helpers.sentiment import label_mentions, outlet_sentiment, score_sentences, target_actor_sentiment
from helpers.text import split_sentences, tokenize
from tests.group_corpus import OUTLETS, write_group_corpus

LEAN = {o: lean or NO_GROUP for o, (lean, _) in OUTLETS.items()}


def analyse(corpus, *, group_by=None):
    """Every table the group views start from, as the notebooks make them."""
    articles, _, _ = load_corpus(corpus)
    sentences = split_sentences(articles)
    tokens, periods = tokenize(sentences), date_periods(articles)
    occurrences = terms.term_occurrences(tokens, sentences, stem="snowball",
                                         phrases=terms.phrases_to_join(tokens, sentences))
    actors = actors_for(corpus, articles, sentences)
    quotes, _ = quotes_and_sources(sentences, articles, actors)
    passages = label_quotations(shared_passages(sentences, articles=articles,
                                                partial_min_coverage=PARTIAL_MIN_COVERAGE), articles)
    return dict(articles=articles, sentences=sentences, tokens=tokens, periods=periods, occurrences=occurrences,
                actors=actors, quotes=quotes, passages=passages, scored=score_sentences(sentences),
                labelled=label_mentions(sentences, find_mentions(sentences, actors), actors),
                wire=wire_share(articles, sentences, passages),
                grouping=groups.groups_for(corpus, articles, group_by))


@pytest.fixture(scope="module")
def grouped(tmp_path_factory):
    base = tmp_path_factory.mktemp("groups")
    corpus = write_group_corpus(base / "corpus")
    pooled = write_group_corpus(base / "pooled", outlets_csv="")  # the same articles, each outlet renamed to its group
    with open(pooled / "metadata.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    with open(pooled / "metadata.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows([{**r, "outlet": LEAN[r["outlet"]]} for r in rows])
    return corpus, analyse(corpus, group_by="lean"), analyse(pooled)


def test_every_article_has_a_group_and_the_unlisted_outlet_is_named(grouped):
    _, t, _ = grouped
    grouping = t["grouping"]
    assert grouping.articles["group"].tolist() == t["articles"]["outlet"].map(LEAN).tolist()
    sizes = groups.group_sizes(grouping)
    assert sizes["group"].tolist() == ["centre", "left", "right", NO_GROUP]
    assert sizes["n_articles"].tolist() == [2, 4, 4, 2] and sizes["n_outlets"].tolist() == [1, 2, 2, 1]
    assert sizes["small_group"].tolist() == [n < groups.MIN_GROUP_ARTICLES for n in (2, 4, 4, 2)]
    note = groups.groups_note(grouping)
    assert "Unlisted Gazette (2 articles), kept as the group '(not in outlets.csv)'" in note
    assert f"Too few articles to compare (under {groups.MIN_GROUP_ARTICLES}): centre (2 articles)" in note
    assert "left (2 outlets, 4 articles)" in note
    assert groups.groups_for("corpus", t["articles"], None) is None


def test_group_term_counts_are_the_sums_of_the_outlets_and_the_pooled_computation(grouped):
    _, t, pooled = grouped
    by_group = groups.terms_by_group(t["sentences"], t["tokens"], t["occurrences"], t["grouping"])
    totals = terms.word_totals(t["tokens"], t["sentences"], t["occurrences"])
    per_outlet = terms.term_counts(t["occurrences"], totals)
    summed = per_outlet.assign(group=per_outlet["outlet"].map(LEAN)).groupby(["group", "term", "kind"])["n"].sum()
    assert by_group.counts.set_index(["group", "term", "kind"])["n"].sort_index().equals(summed.sort_index())
    summed_totals = totals.assign(group=totals["outlet"].map(LEAN)).groupby("group")[["n_words", "n_terms"]].sum()
    assert by_group.totals.set_index("group")[["n_words", "n_terms"]].sort_index().equals(summed_totals)
    # ... and the distinctive terms are the per-outlet computation's on the pooled articles
    p_totals = terms.word_totals(pooled["tokens"], pooled["sentences"], pooled["occurrences"])
    p_dist = terms.distinctive_terms(terms.term_counts(pooled["occurrences"], p_totals), p_totals)
    mine = by_group.distinctive.drop(columns=["group_by", "small_group"]).rename(columns={"group": "outlet"})
    pd.testing.assert_frame_equal(mine, p_dist, check_dtype=False)
    assert set(by_group.distinctive["group_by"]) == {"lean"}
    top_left = by_group.top[by_group.top["group"] == "left"].iloc[0]
    assert top_left["term"] in {"workers", "unions"} and top_left["n_rest"] == 0


def test_tone_and_tone_toward_people_by_group_come_from_the_same_sentences(grouped):
    _, t, pooled = grouped
    tone = groups.tone_by_group(t["scored"], t["periods"], t["grouping"]).set_index("group")
    for group, rows in t["scored"].groupby(t["scored"]["outlet"].map(LEAN)):
        assert tone.at[group, "n_sentences"] == len(rows)
        assert tone.at[group, "mean_compound"] == pytest.approx(rows["compound"].mean(), abs=1e-4)
    expected = outlet_sentiment(pooled["scored"], pooled["periods"]).set_index("outlet")
    cols = ["n_articles", "n_sentences", "mean_compound", "ci_low", "ci_high", "pct_positive"]
    pd.testing.assert_frame_equal(tone.loc[expected.index, cols], expected[cols], check_names=False)
    assert tone.at["left", "mean_compound"] > 0 > tone.at["right", "mean_compound"]  # as the corpus was written
    note = groups.tone_group_note(tone.reset_index(), t["grouping"])
    assert note.startswith("Mean sentence tone by lean (95% bootstrap intervals): left +")
    assert "18 sentences in 4 articles" in note and "the intervals of left and right do not overlap." in note
    target = groups.target_tone_by_group(t["labelled"], t["actors"], t["periods"], t["grouping"])
    expected = target_actor_sentiment(pooled["labelled"], pooled["actors"], pooled["periods"])
    pd.testing.assert_frame_equal(target.drop(columns=["group_by", "small_group"]).rename(columns={"group": "outlet"}),
                                  expected, check_dtype=False)
    assert target["n_mentions"].sum() == len(t["labelled"])


def test_share_of_voice_and_shared_copy_by_group(grouped):
    _, t, pooled = grouped
    voices = groups.voices_by_group(t["quotes"], t["periods"], t["grouping"])
    expected = affiliation_shares(pooled["quotes"], pooled["periods"])
    pd.testing.assert_frame_equal(voices.drop(columns=["group_by", "small_group"]).rename(columns={"group": "outlet"}),
                                  expected, check_dtype=False)
    left_words = t["quotes"][(t["quotes"]["form"] != "term") & t["quotes"]["outlet"].map(LEAN).eq("left")]["n_words"]
    assert f"left: {int(left_words.sum())} quoted words" in groups.voices_group_note(voices, t["grouping"])
    copy = groups.shared_copy_by_group(t["wire"], t["grouping"]).set_index("group")
    wire = t["wire"].assign(group=t["wire"]["outlet"].map(LEAN))
    sums = wire.groupby("group")[["n_chars", "n_chars_shared", "n_chars_wire"]].sum()
    assert copy[["n_chars", "n_chars_shared", "n_chars_wire"]].sort_index().equals(sums.sort_index())
    assert np.allclose(copy["share_shared"], copy["n_chars_shared"] / copy["n_chars"])
    between = groups.copy_between_groups(t["passages"], t["grouping"])
    kept = t["passages"][(t["passages"]["tier"] == VERIFIED) & ~t["passages"]["same_outlet"]]
    assert between["n_passages"].sum() == len(kept) > 0
    pairs = {tuple(sorted((LEAN[a], LEAN[b]))) for a, b in zip(kept["outlet_a"], kept["outlet_b"], strict=True)}
    assert set(zip(between["group_a"], between["group_b"], strict=True)) == pairs
    assert ("left", "right") in pairs  # the wire sentence Left Daily and Right Herald share


def test_a_group_by_that_is_no_column_is_refused_naming_outlets_csv_and_its_columns(grouped, tmp_path, capsys):
    corpus, t, _ = grouped
    with pytest.raises(CorpusError, match=r"group_by 'bias' is not a column of outlets\.csv.*lean, owner"):
        groups.check_group_by(corpus, "bias")
    with pytest.raises(CorpusError, match=r"not a column of outlets\.csv"):
        groups.groups_for(corpus, t["articles"], "outlet")
    assert build_main(["--corpus", str(corpus), "--out", str(tmp_path / "r"), "--group-by", "bias"]) == 2
    err = capsys.readouterr().err
    assert "error: group_by 'bias' is not a column of outlets.csv" in err
    assert "its columns are lean, owner, country, type, audience" in err
    assert not (tmp_path / "r").exists()
    bare = write_group_corpus(tmp_path / "bare", outlets_csv="")
    assert build_main(["--corpus", str(bare), "--out", str(tmp_path / "r2"), "--group-by", "lean"]) == 2
    assert "the corpus has no outlets table (outlets.csv beside the articles" in capsys.readouterr().err


def test_hostile_group_names_are_escaped_in_html_and_neutralised_in_csv(tmp_path):
    hostile = {"Left Daily": '=HYPERLINK("http://leak.test","x")', "Right Herald": "<script>alert('lean')</script>"}
    corpus = write_group_corpus(tmp_path / "c", outlets_csv="outlet,lean\n" + "".join(
        f"{o},\"{v.replace(chr(34), chr(34) * 2)}\"\n" for o, v in hostile.items()))
    articles, _, _ = load_corpus(corpus)
    grouping = groups.groups_for(corpus, articles, "lean")
    scored = score_sentences(split_sentences(articles))
    tone = groups.tone_by_group(scored, date_periods(articles), grouping)
    assert set(tone["group"]) == {*hostile.values(), NO_GROUP}
    shown = (table(tone)._repr_html_() + group_section(grouping, "By lean?")._repr_html_()
             + note(groups.tone_group_note(tone, grouping))._repr_html_())
    assert "<script" not in shown and shown.count(html.escape("<script>alert('lean')</script>")) >= 3
    path = write_table(tone, tmp_path / "data", "sentiment_by_group.csv")
    cells = pd.read_csv(path, dtype=str)["group"].tolist()
    assert not any(c.startswith("=") for c in cells) and "'" + hostile["Left Daily"] in cells


def test_a_report_grouped_by_lean_adds_group_sections_and_tables(grouped_report):
    out = grouped_report  # write_group_corpus's corpus built with --group-by lean (tests/conftest.py)
    data = out / "data"
    for name in ("voices_by_group", "terms_by_group", "term_counts_by_group", "sentiment_by_group",
                 "sentiment_target_by_group", "wire_share_by_group", "shared_passages_by_group"):
        frame = pd.read_csv(data / f"{name}.csv")
        assert set(frame["group_by"]) == {"lean"}, name
    assert set(pd.read_csv(data / "sentiment_by_group.csv")["group"]) == {"left", "right", "centre", NO_GROUP}
    pages = {p.stem: p.read_text(encoding="utf-8") for p in out.glob("0*.html")}
    assert "Whose voices does each group of outlets quote (by lean)?" in pages["01_sources"]
    assert "Which words set each group of outlets apart (by lean)?" in pages["02_terms"]
    assert "How positive is the language of each group of outlets (by lean)?" in pages["03_sentiment"]
    assert "How much copy does each group of outlets share (by lean)?" in pages["04_overlap"]
    assert "Unlisted Gazette (2 articles), kept as the group" in pages["02_terms"]
    assert "The other pages compare the outlets grouped by lean too." in pages["00_corpus"]
    assert (data / "term_counts.csv").is_file() and (data / "sentiment_outlets.csv").is_file()  # outlets kept


def test_without_group_by_the_pages_have_no_group_section(seed_report):
    data = seed_report / "data"
    assert not list(data.glob("*_by_group.csv"))
    pages = {p.stem: p.read_text(encoding="utf-8") for p in seed_report.glob("0*.html")}
    assert not any("group of outlets" in text for name, text in pages.items() if name != "00_corpus")
    assert "built with --group-by and one of its columns" in pages["00_corpus"]
