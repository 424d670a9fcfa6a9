"""Issue 16, the findings that said more than the numbers: each sentence on zero, one, all,
ties and an empty group, and each fix on a short text written here.

- sentiment: a zero-width interval ([0, 0] from sentences that all score 0) is never
  "clear of" another interval;
- charts: both similarity maps on one 0-1 scale; the tree's feet on the heatmap's columns,
  one level per merge, no bracket through another;
- share of voice: n (quoted words) beside each outlet, and an outlet that quotes no one
  kept as an empty row and named;
- overlap: a quotation shared by three outlets is "shared quotation", not wire copy; a
  rewritten wire sentence is listed in a "partial" tier, the verified tier unchanged.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.collections import QuadMesh

from helpers import overlap, plots, sentiment
from helpers.events import date_periods, group_events
from helpers.overlap import document_similarity
from helpers.plots.shared_text import tree_segments
from helpers.quotes import affiliation_shares, quotes_and_sources
from helpers.quotes.findings import affiliation_note, voice_base_note
from helpers.sentiment.positions import POSITION_PART
from helpers.text import split_sentences
from tests.wire_rewrites import REWRITES, UNRELATED

WARM = " ".join(["The talks went wonderfully well.", "Both sides were delighted and grateful.",
                 "Everyone praised the excellent, friendly spirit.", "It was a great and happy day."] * 2)
FLAT = ("The meeting is on Tuesday. The office is in Paris. The report has ten pages. "
        "The building has four floors. The train leaves at noon. The file is on the desk.")
METRICS = pd.DataFrame({"implementation": [sentiment.IMPLEMENTATIONS[sentiment.USED]], "pearson_r": [0.5]})


def _outlets(*rows: tuple[str, int, float, float]) -> pd.DataFrame:
    """(outlet, n_sentences, ci_low, ci_high) rows as an ``outlet_sentiment`` table, most positive first."""
    table = pd.DataFrame(
        [dict(outlet=o, periods="Jan 2024", n_articles=2, n_sentences=n, mean_compound=(lo + hi) / 2,
              ci_low=lo, ci_high=hi) for o, n, lo, hi in rows],
        columns=["outlet", "periods", "n_articles", "n_sentences", "mean_compound", "ci_low", "ci_high"])
    return table.sort_values("mean_compound", ascending=False, kind="stable").reset_index(drop=True)


# ----------------------------------------------------------------- sentiment: degenerate intervals

def test_six_neutral_sentences_give_zero_width_and_no_verdict():
    articles = pd.DataFrame({"article_id": ["n", "w1", "w2"], "outlet": ["Flat", "Warm", "Warm"],
                             "body": [FLAT, WARM, WARM], "date": pd.to_datetime(["2024-01-01"] * 3)})
    scored = sentiment.score_sentences(split_sentences(articles))
    outlets = sentiment.outlet_sentiment(scored, date_periods(articles))
    flat = outlets.set_index("outlet").loc["Flat"]
    assert (flat.n_sentences, flat.ci_low, flat.ci_high) == (6, 0.0, 0.0)  # enough sentences, no spread
    finding, note = sentiment.sentiment_finding(outlets, METRICS), sentiment.outlets_note(outlets)
    assert "do not overlap" not in finding + note and "intervals overlap" not in finding + note
    zero = "Flat (6 sentences) has an interval of zero width (+0.00 to +0.00)"
    assert f"{zero}: its sentences score alike, so the bootstrap sees no spread to judge a gap by, so the gap cannot" \
           in finding
    assert note.startswith(f"No two outlets have intervals that can be compared. {zero}")


def test_outlets_note_zero_one_all_ties_and_empty():
    # zero pairs apart
    assert sentiment.outlets_note(_outlets(("A", 40, 0.0, 0.2), ("B", 40, 0.1, 0.3))) == (
        "The 95% intervals overlap in the one pair of outlets.")
    # one of three pairs apart
    text = sentiment.outlets_note(_outlets(("A", 40, 0.3, 0.5), ("B", 40, 0.0, 0.35), ("C", 40, -0.1, 0.1)))
    assert text == "1 of 3 pairs of outlets has 95% intervals that do not overlap (A vs C)."
    # all pairs apart
    text = sentiment.outlets_note(_outlets(("A", 40, 0.5, 0.6), ("B", 40, 0.2, 0.3), ("C", 40, -0.2, 0.0)))
    assert text.startswith("All 3 pairs of outlets have 95% intervals that do not overlap")
    # ties: identical intervals overlap (a shared end is a shared point)
    assert "overlap in both" not in sentiment.outlets_note(_outlets(("A", 40, 0.1, 0.2), ("B", 40, 0.2, 0.3)))
    assert sentiment.outlets_note(_outlets(("A", 40, 0.1, 0.2), ("B", 40, 0.1, 0.2))).startswith(
        "The 95% intervals overlap in the one pair")
    # an empty group: no outlet, and a zero-width one among good ones
    assert sentiment.outlets_note(_outlets()).startswith("With one outlet there is nothing to compare")
    text = sentiment.outlets_note(_outlets(("A", 40, 0.3, 0.5), ("B", 40, -0.2, 0.0), ("Z", 9, 0.0, 0.0)))
    assert text.startswith("The one pair of outlets with comparable intervals has 95% intervals that do not "
                           "overlap (A vs B). Z (9 sentences) has an interval of zero width")
    assert "Z vs" not in text and "vs Z" not in text


def test_finding_with_too_few_and_zero_width_names_both_reasons():
    outlets = _outlets(("Warm", 40, 0.2, 0.4), ("Thin", 3, -0.5, 0.5), ("Flat", 8, 0.0, 0.0))
    finding = sentiment.sentiment_finding(outlets.iloc[[0, 2]].reset_index(drop=True), METRICS)
    assert "Flat (8 sentences) has an interval of zero width" in finding and "do not overlap" not in finding
    note = sentiment.outlets_note(outlets)
    assert ("Thin (3 sentences) has too few sentences for a meaningful interval (fewer than 5); Flat (8 sentences) "
            "has an interval of zero width") in note
    assert note.count("they are not compared with other outlets") == 1


def test_positions_note_leaves_zero_width_parts_out_and_says_so():
    rows = []
    for outlet, (lo1, hi1), (lo2, hi2) in [("A", (0.2, 0.4), (-0.3, -0.1)), ("Z", (0.0, 0.0), (-0.3, -0.1))]:
        for part, lo, hi in ((1, lo1, hi1), (2, lo2, hi2)):
            rows.append(dict(outlet=outlet, position_bin=part, n_sentences=20, mean_compound=(lo + hi) / 2,
                             ci_low=lo, ci_high=hi))
    text = sentiment.positions_note(pd.DataFrame(rows))
    assert "clear of each other in the one outlet with 5 sentences or more in both" in text and "(A)" in text
    assert text.endswith("; Z has an interval of zero width (sentences that score alike), so it is not compared.")
    only_z = pd.DataFrame([r for r in rows if r["outlet"] == "Z"])
    assert sentiment.positions_note(only_z).endswith(
        f"no outlet has 5 sentences or more in both {POSITION_PART}s and intervals that can be compared; "
        "Z has an interval of zero width (sentences that score alike), so it is not compared.")



def test_positions_note_calls_a_gap_under_the_neutral_band_level():
    rows = [dict(outlet=o, position_bin=b, n_sentences=20, mean_compound=m, ci_low=m - 0.1, ci_high=m + 0.1)
            for o, means in [("Down", (0.2, 0.0)), ("Flat", (0.10, 0.08)), ("Up", (0.0, 0.2))]
            for b, m in zip((1, 2), means, strict=True)]
    text = sentiment.positions_note(pd.DataFrame(rows))
    assert text.startswith(f"In 1 of 3 outlets the last {POSITION_PART} of the articles is more negative than the "
                           f"first by {sentiment.LEVEL_GAP:g} or more; Flat is level (closer than "
                           f"{sentiment.LEVEL_GAP:g}, the width of VADER's neutral band).")


# ----------------------------------------------------------------- charts: similarity scale and tree

def _matrix(values: list[list[float]]) -> pd.DataFrame:
    ids = [f"a{i}" for i in range(len(values))]
    return pd.DataFrame(values, index=ids, columns=ids)


def _crossings(segments) -> list:
    """Horizontal bars that pass through another bracket's vertical line (not at its end)."""
    bars = [(min(xs[1], xs[2]), max(xs[1], xs[2]), ys[1]) for xs, ys, _ in segments]
    legs = [(xs[k], min(ys[k], ys[k + 1]), max(ys[k], ys[k + 1])) for xs, ys, _ in segments for k in (0, 2)]
    return [(b, v) for b in bars for v in legs if b[0] < v[0] < b[1] and v[1] < b[2] < v[2]]


def test_tree_follows_the_heatmap_order_and_close_merges_do_not_collide():
    # the sample's shape: one close pair, then three joins 0.01 apart
    m = _matrix([[1, 0.48, 0.22, 0.21, 0.13], [0.48, 1, 0.19, 0.20, 0.13], [0.22, 0.19, 1, 0.18, 0.17],
                 [0.21, 0.20, 0.18, 1, 0.18], [0.13, 0.13, 0.17, 0.18, 1]])
    order, tree = plots.cluster_order(m)
    segments = tree_segments(tree, order)
    assert len(segments) == 4 and _crossings(segments) == []
    levels = sorted(ys[1] for _, ys, _ in segments)
    assert levels == [1.0, 2.0, 3.0, 4.0]  # one level a merge: brackets 0.01 apart no longer overlap
    assert sorted(s for *_, s in segments) == pytest.approx(sorted(1 - tree[:, 2]))  # each join's cosine, drawn
    assert max(s for *_, s in segments) == pytest.approx(0.48)
    feet = sorted(x for xs, ys, _ in segments for x, y in zip(xs, ys, strict=True) if y == 0)
    assert feet == [0.5, 1.5, 2.5, 3.5, 4.5]  # one foot on each heatmap column's centre
    with pytest.raises(ValueError, match="heatmap's order"):
        tree_segments(tree, list(reversed(order)))


def test_ties_single_merge_and_two_articles():
    ties = _matrix([[1, 0.5, 0.5], [0.5, 1, 0.5], [0.5, 0.5, 1]])
    order, tree = plots.cluster_order(ties)
    assert _crossings(tree_segments(tree, order)) == []
    assert plots.cluster_order(_matrix([[1, 0.3], [0.3, 1]])) == ([0, 1], None)  # nothing to cluster


def test_both_similarity_maps_run_from_zero_to_one():
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["A", "B", "C"],
                             "date": pd.to_datetime(["2024-01-01"] * 3),
                             "body": ["The talks resumed in Jerusalem on Monday after a long pause in the process.",
                                      "The talks resumed in Jerusalem on Monday after a long pause, officials said.",
                                      "Rain fell across the north of the country for the third day in a row."]})
    fig = plots.similarity_heatmaps(document_similarity(articles), articles)
    meshes = [c for ax in fig.axes for c in ax.collections if isinstance(c, QuadMesh)]
    assert len(meshes) == 3  # two maps and their colour bar
    assert all((m.norm.vmin, m.norm.vmax) == (0, 1) for m in meshes)
    plt.close(fig)


# ----------------------------------------------------------------- share of voice: n and the outlets left out

def _shares(*rows: tuple[str, str, int]) -> pd.DataFrame:
    """(outlet, affiliation, n_words) rows as an ``affiliation_shares`` table."""
    table = pd.DataFrame(rows, columns=["outlet", "affiliation", "n_words"])
    table["pct_words"] = 100 * table["n_words"] / table.groupby("outlet")["n_words"].transform("sum")
    return table.assign(periods="Jan 2024", n_quotes=1)


def _profiles(*names: str) -> pd.DataFrame:
    return pd.DataFrame({"outlet": list(names), "periods": "Jan 2024"})


def test_share_of_voice_chart_shows_n_and_keeps_an_outlet_with_no_quotes():
    body = ('"We will not release them without a commitment to keep talking," said Yuval Steinitz. '
            '"The talks are in crisis and we are worried," said John Kerry.')
    articles = pd.DataFrame({"article_id": ["q", "s"], "outlet": ["Quoting", "Silent"],
                             "body": [body, "The talks stalled again on Monday. Officials met in the evening."],
                             "date": pd.to_datetime(["2024-01-01"] * 2)})
    periods = date_periods(articles)
    quotes, _ = quotes_and_sources(split_sentences(articles), articles, pd.DataFrame())
    shares = affiliation_shares(quotes, periods)
    n = int(quotes.loc[quotes["form"] != "term", "n_words"].sum())
    assert n == 20 and set(shares["outlet"]) == {"Quoting"}
    outlets = _profiles("Quoting", "Silent")
    ax = plots.affiliation_bars(shares, outlets)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["Quoting\n(Jan 2024)\nn = 20 quoted words", "Silent\n(Jan 2024)\nn = 0 quoted words"]
    assert "no direct quotation" in [t.get_text() for t in ax.texts]
    plt.close(ax.figure)
    note = affiliation_note(shares, has_actors=False, outlets=outlets)
    assert note.endswith("The shares rest on 20 quoted words (n on the chart), so one long quotation moves an "
                         "outlet's share by several points. Silent quotes no one directly, so its row is empty.")


def test_voice_base_note_zero_one_all_ties_and_empty():
    assert voice_base_note(_shares(), _profiles("A", "B")) == ""  # zero: no quotation anywhere
    one = voice_base_note(_shares(("A", "US", 1)), _profiles("A"))
    assert one.startswith("The shares rest on 1 quoted word (n on the chart)")
    every = voice_base_note(_shares(("A", "US", 90), ("B", "US", 100), ("B", "Israel", 32)), _profiles("A", "B"))
    assert every.startswith("The shares rest on 90\u2013132 quoted words per outlet") and "no one" not in every
    tie = voice_base_note(_shares(("A", "US", 50), ("B", "Israel", 50)), _profiles("A", "B"))
    assert tie.startswith("The shares rest on 50 quoted words (n on the chart)")
    two_quiet = voice_base_note(_shares(("A", "US", 50)), _profiles("A", "B", "C"))
    assert two_quiet.endswith("B and C quote no one directly, so their rows are empty.")
    assert affiliation_note(_shares(), has_actors=True, outlets=_profiles("A")).startswith("No outlet quotes anyone")


# ----------------------------------------------------------------- shared quotation is not wire copy

QUOTE = "We will not release a single prisoner until the Palestinians commit to more talks"


def _three_outlets_one_quotation() -> pd.DataFrame:
    """A minister's quotation in three outlets, attributed three ways; nothing else in common."""
    bodies = {
        "Alpha": f'Talks stalled on Monday in the capital.\n\n"{QUOTE}," Steinitz said.\n\n'
                 "Diplomats met late into the night.",
        "Beta": f'The housing minister spoke to reporters.\n\nSteinitz told them: "{QUOTE}."\n\n'
                "Markets fell on the news.",
        "Gamma": f'Officials were gloomy.\n\nIn a radio interview the minister said: "{QUOTE}."\n\n'
                 "The envoy left for Paris.",
    }
    return pd.DataFrame({"article_id": [o.lower() for o in bodies], "outlet": list(bodies),
                         "body": list(bodies.values()), "date": pd.to_datetime(["2024-01-01"] * 3)})


def _overlap_tables(articles: pd.DataFrame, partial: bool = True):
    sentences = split_sentences(articles)
    passages = overlap.shared_passages(
        sentences, partial_min_coverage=overlap.PARTIAL_MIN_COVERAGE if partial else None)
    passages = overlap.label_quotations(passages, articles)
    events = group_events(articles, overlap.document_similarity(articles))
    return sentences, passages, overlap.wire_share(articles, sentences, passages), events


def test_a_quotation_in_three_outlets_is_shared_quotation_not_wire_copy():
    articles = _three_outlets_one_quotation()
    _, passages, wire, events = _overlap_tables(articles)
    assert len(passages) == 3 and passages["quotation"].all() and (passages["tier"] == "verified").all()
    assert (wire["n_chars_wire"] == 0).all() and (wire["n_chars_shared_quotes"] > 0).all()
    body = articles.set_index("article_id").loc["alpha", "body"]
    # the opening mark and the words: the run ends at "talks", before the comma and closing mark
    alpha = wire.set_index("article_id").loc["alpha"]
    assert alpha.n_chars_shared_quotes == len(QUOTE) + 1
    assert alpha.share_shared_quotes == pytest.approx((len(QUOTE) + 1) / len(body))
    finding = overlap.overlap_finding(events, passages, wire)
    assert "(wire copy:" not in finding
    assert ", inside quotation marks in both (shared quotation, not wire copy: " in finding
    assert "share 1 near-identical sentence, inside quotation marks in both" in finding
    note = overlap.wire_note(wire)
    assert "Alpha no wire copy but" in note and "shared quotation" in note and "% wire copy" not in note
    assert "3 inside quotation marks" not in overlap.passages_note(passages, events)  # one per outlet pair
    assert overlap.passages_note(passages, events).count("1 inside quotation marks in both: a shared quotation") == 3


def test_wire_copy_with_a_quotation_inside_is_split_and_a_scare_quote_stays_copy():
    wire_text = ('Under heavy pressure from the envoy, the two sides agreed last July to hold nine months of talks '
                 'aiming at a "framework" deal.')
    quote = f'"{QUOTE}," the minister said.'
    articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["Alpha", "Beta"],
                             "body": [f"{wire_text}\n\n{quote}", f"{wire_text}\n\nRain fell.\n\n{quote}"],
                             "date": pd.to_datetime(["2024-01-01"] * 2)})
    _, passages, wire, events = _overlap_tables(articles)
    # neither pair is a shared quotation: "the minister said" is shared outside the marks, "framework" is a term
    assert passages["quotation"].tolist() == [False, False]
    row = wire.set_index("article_id").loc["a"]
    assert row.n_chars_wire == len(wire_text) + len(" the minister said.")  # the characters split, all counted
    assert row.n_chars_shared_quotes == len(f'"{QUOTE},"') and row.n_chars_shared == len(wire_text) + len(quote)
    finding = overlap.overlap_finding(events, passages, wire)
    assert finding.startswith("Alpha and Beta share 2 near-identical sentences (wire copy: ")
    assert f"plus {row.share_shared_quotes:.0%} shared quotation)" in finding


def test_overlap_sentences_zero_one_all_ties_and_empty():
    articles = _three_outlets_one_quotation()
    _, passages, wire, events = _overlap_tables(articles)
    none = passages.iloc[0:0]
    no_wire = wire.assign(n_chars_shared=0, n_chars_wire=0, n_chars_shared_quotes=0, share_shared=0.0,
                          share_wire=0.0, share_shared_quotes=0.0)
    # zero: nothing shared
    assert overlap.overlap_finding(events, none, no_wire).startswith("No two outlets share a sentence.")
    assert overlap.passages_note(none, events).startswith("No two articles share a sentence")
    assert overlap.wire_note(no_wire) == "No article shares copy with another outlet's article."
    # one: a single pair (Alpha-Beta)
    one = passages.head(1)
    assert overlap.overlap_finding(events, one, wire).startswith(
        "Alpha and Beta share 1 near-identical sentence, inside quotation marks in both")
    # all: every article shares, so no "other articles" clause
    assert "The other" not in overlap.wire_note(wire) and "The other" not in overlap.passages_note(passages, events)
    # ties: three pairs of outlets with one sentence each: all three named, none picked (tests/test_findings_edges_3)
    text = overlap.overlap_finding(events, passages, wire)
    assert text.startswith("3 pairs of outlets tie for the most shared sentences: Alpha and Beta share 1 ")
    assert "; Alpha and Gamma share 1 " in text and "; Beta and Gamma share 1 " in text
    # an empty group: one outlet only
    single = articles.assign(outlet="Alpha")
    assert overlap.wire_note(overlap.wire_share(single, split_sentences(single), none)).startswith(
        "The corpus has only one outlet")


# ----------------------------------------------------------------- the partial tier

def _pairs_table(pairs: list[tuple[str, str]]) -> pd.DataFrame:
    rows = []
    for i, (x, y) in enumerate(pairs):
        for side, text in (("w", x), ("o", y)):
            rows.append(dict(article_id=f"{side}{i}", outlet="Wire" if side == "w" else "Other",
                             sentence_id=f"{side}{i}:1", start_char=0, end_char=len(text), text=text))
    return pd.DataFrame(rows)


def test_rewritten_wire_sentences_are_a_partial_tier_and_the_verified_tier_is_unchanged():
    sentences = _pairs_table(REWRITES + UNRELATED)
    verified = overlap.shared_passages(sentences)
    both = overlap.shared_passages(sentences, partial_min_coverage=overlap.PARTIAL_MIN_COVERAGE)
    found = {r.sentence_id_a: r.tier for r in both.itertuples()}
    assert found == {"w0:1": "partial", "w1:1": "partial", "w2:1": "partial", "w3:1": "partial",
                     "w4:1": "verified", "w5:1": "partial", "w7:1": "partial"}  # 7 of 8; w6 is a paraphrase
    pd.testing.assert_frame_equal(both[both.tier == "verified"], verified)  # same rows, same ids
    assert both.passage_id.tolist() == list(range(1, 8)) and both.tier.tolist()[0] == "verified"
    partial = both[both.tier == "partial"]
    assert (partial.coverage < overlap.MIN_COVERAGE).all()
    assert (partial.overlap_share >= overlap.PARTIAL_MIN_COVERAGE).all()
    reordered = both.set_index("sentence_id_a").loc["w0:1"]  # clauses swapped: in order 0.43, any order 1.0
    assert reordered.coverage < 0.5 and reordered.overlap_share == 1.0
    articles = pd.DataFrame({"article_id": sentences.article_id, "outlet": sentences.outlet, "body": sentences.text,
                             "date": pd.Timestamp("2024-01-01")})
    assert overlap.wire_share(articles, sentences, both).n_chars_shared.gt(0).sum() == 2  # only w4/o4 count


def test_partial_tier_sentences():
    sentences = _pairs_table([REWRITES[0], REWRITES[4]])
    passages = overlap.shared_passages(sentences, partial_min_coverage=overlap.PARTIAL_MIN_COVERAGE)
    articles = pd.DataFrame({"article_id": sentences.article_id, "outlet": sentences.outlet, "body": sentences.text,
                             "date": pd.to_datetime(["2024-01-01"] * 4)})
    events = group_events(articles, overlap.document_similarity(articles))
    wire = overlap.wire_share(articles, sentences, passages)
    note = overlap.passages_note(passages, events)
    assert "Wire and Other share 1 sentence (" in note
    assert (f"A lower tier lists 1 partly rewritten sentence pair (overlap share 1.00: at least "
            f"{overlap.PARTIAL_MIN_COVERAGE:.0%} of the shorter sentence") in note and "it is not counted" in note
    finding = overlap.overlap_finding(events, passages, wire)
    assert "Other and Wire share 1 near-identical sentence (wire copy: " in finding
    assert "and 1 partly rewritten one (a lower tier, not counted)" in finding
    only_partial = passages[passages.tier == "partial"]
    text = overlap.overlap_finding(events, only_partial, wire.assign(n_chars_shared=0))
    assert text.startswith("No two outlets share a sentence. 1 sentence pair from two outlets is partly rewritten")
    assert overlap.passages_note(only_partial, events).startswith(
        "No two articles share a sentence word for word or nearly (the verified tier). A lower tier lists 1 ")
