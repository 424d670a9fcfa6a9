"""Issue 16, the findings that said more than the numbers: each sentence on zero, one, all,
ties and an empty group, and each fix on a short text written here.

- sentiment: a zero-width interval ([0, 0] from sentences that all score 0) is never
  "clear of" another interval;
- charts: both similarity maps on one 0-1 scale; the tree's feet on the heatmap's columns,
  one level per merge, no bracket through another;
- share of voice: n (quoted words) beside each outlet, and an outlet that quotes no one
  kept as an empty row and named;
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.collections import QuadMesh

from helpers import plots, sentiment
from helpers.events import date_periods
from helpers.overlap import document_similarity
from helpers.plots.shared_text import tree_segments
from helpers.quotes import affiliation_shares, quotes_and_sources
from helpers.quotes.findings import affiliation_note, voice_base_note
from helpers.sentiment.positions import POSITION_PART
from helpers.text import split_sentences

WARM = " ".join(["The talks went wonderfully well.", "Both sides were delighted and grateful.",
                 "Everyone praised the excellent, friendly spirit.", "It was a great and happy day."] * 2)
FLAT = ("The meeting is on Tuesday. The office is in Paris. The report has ten pages. "
        "The building has four floors. The train leaves at noon. The file is on the desk.")
METRICS = pd.DataFrame({"implementation": [sentiment.IMPLEMENTATIONS["nltk"]], "pearson_r": [0.5]})


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
