"""Per-article charts on corpora past ``MAX_ARTICLE_BARS`` articles draw one row per outlet
(``helpers.plots.many``), with the figure's height set by the outlets, not the articles; the
boxes and shares are the outlets' own figures."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from helpers.plots import use_style
from helpers.plots.coverage import lengths
from helpers.plots.many import MAX_ARTICLE_BARS, MAX_OUTLET_ROWS, largest_outlets, outlet_shares
from helpers.plots.shared_text import wire_share_bars
from helpers.plots.voices import PROFILE_MEASURES, profile_panels

N = 3_000  # the synthetic corpus on which one bar per article made a chart 184,000 pixels tall


@pytest.fixture(autouse=True)
def house_style():
    with plt.rc_context():
        use_style()
        yield
    plt.close("all")


def _articles(n: int, n_outlets: int = 7) -> pd.DataFrame:
    rng = np.random.default_rng(1)
    return pd.DataFrame(dict(article_id=[f"a{i}" for i in range(n)],
                             outlet=[f"Outlet {i % n_outlets}" for i in range(n)],
                             date=pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 90, n), unit="D"),
                             n_words=rng.integers(100, 1500, n)))


def _height_px(fig) -> float:
    fig.canvas.draw()
    return fig.bbox.height


def test_lengths_of_thousands_of_articles_are_one_box_per_outlet_at_its_median():
    articles = _articles(N)
    sentences = pd.DataFrame(dict(article_id=np.repeat(articles["article_id"], 3)))
    fig = lengths(articles, sentences)
    assert _height_px(fig) < 600
    words = fig.axes[0]
    assert [t.get_text() for t in words.get_yticklabels()][:2] == ["Outlet 0 (429)", "Outlet 1 (429)"]
    medians = [line.get_xdata()[0] for line in words.lines if line.get_linewidth() == 2]
    expected = articles.groupby("outlet")["n_words"].median().to_numpy()
    assert np.allclose(medians, expected)


def test_a_corpus_at_the_limit_keeps_one_bar_per_article():
    articles = _articles(MAX_ARTICLE_BARS)
    sentences = pd.DataFrame(dict(article_id=articles["article_id"]))
    fig = lengths(articles, sentences)
    assert len(fig.axes[0].get_yticklabels()) == MAX_ARTICLE_BARS


def test_profiles_of_thousands_of_articles_are_boxes_per_outlet_in_a_figure_of_outlets_height():
    articles = _articles(N, n_outlets=45)
    profiles = articles.assign(period_label="Jan\u2013Mar 2024", **{col: np.arange(N) % 17 for col, _ in
                                                                    PROFILE_MEASURES if col != "n_words"})
    fig = profile_panels(profiles)
    assert _height_px(fig) < 2_500
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(labels) == MAX_OUTLET_ROWS  # the 30 outlets with the most articles of 45
    assert "the 30 outlets with the most articles of 45" in " ".join(fig.get_suptitle().split())  # wrapped
    counts = articles["outlet"].value_counts()
    assert all(label.endswith(f"({counts[label.rsplit(' (', 1)[0]]:,})") for label in labels)


def test_largest_outlets_keeps_the_biggest_and_breaks_ties_by_name():
    outlets = pd.Series(["B"] * 3 + ["A"] * 3 + ["C"] * 5 + ["D"])
    assert largest_outlets(outlets, max_rows=2) == ["A", "C"]
    assert largest_outlets(outlets) == ["A", "B", "C", "D"]


def test_outlet_shares_are_summed_characters_over_summed_characters():
    wire = pd.DataFrame(dict(outlet=["X", "X", "Y"], n_chars=[1000, 3000, 500], n_chars_wire=[500, 0, 0],
                             n_chars_shared_quotes=[0, 300, 0], n_chars_shared=[500, 300, 0]))
    shares = outlet_shares(wire, ["X", "Y"]).set_index("outlet")
    assert shares.loc["X", "pct_wire"] == pytest.approx(12.5)  # 500 of 4,000, not the mean of 50% and 0%
    assert shares.loc["X", "pct_quoted"] == pytest.approx(7.5)
    assert shares.loc["X", "n_sharing"] == 2 and shares.loc["Y", "n_sharing"] == 0
    assert shares.loc["Y", "pct_wire"] == 0


def test_wire_share_of_thousands_of_articles_is_one_bar_per_outlet():
    articles = _articles(N)
    wire = articles[["article_id", "outlet"]].assign(n_chars=1000, n_chars_wire=np.arange(N) % 3 * 100,
                                                     n_chars_shared_quotes=0)
    wire["n_chars_shared"] = wire["n_chars_wire"]
    ax = wire_share_bars(wire, articles)
    assert len(ax.patches) == 7 and _height_px(ax.figure) < 600
    shares = outlet_shares(wire, sorted(wire["outlet"].unique()))
    assert np.allclose([p.get_width() for p in ax.patches], shares["pct_wire"])


def test_similarity_of_many_articles_is_an_outlet_map_of_mean_pair_similarity():
    from helpers.overlap import outlet_similarity
    from helpers.plots.shared_text import MAX_MAP_ARTICLES, similarity_heatmaps

    articles = _articles(MAX_MAP_ARTICLES + 1, n_outlets=3)
    n = len(articles)
    i, j = np.triu_indices(n, k=1)
    outlets = articles["outlet"].to_numpy()
    cosine = np.where(outlets[i] == outlets[j], 0.5, 0.1) + (i % 2) * 0.1
    similarity = pd.DataFrame(dict(outlet_a=outlets[i], outlet_b=outlets[j], cosine_tfidf=cosine,
                                   jaccard_5gram=cosine / 10))
    matrix = outlet_similarity(similarity, ["Outlet 0", "Outlet 1", "Outlet 2"])
    within = (outlets[i] == "Outlet 0") & (outlets[j] == "Outlet 0")
    pair = {outlets[i][k] + "|" + outlets[j][k] for k in range(len(i))}
    assert pair >= {"Outlet 0|Outlet 1", "Outlet 1|Outlet 0"}  # both orders occur: the mean must take both
    between = np.isin(np.char.add(np.char.add(outlets[i].astype(str), "|"), outlets[j].astype(str)),
                      ["Outlet 0|Outlet 1", "Outlet 1|Outlet 0"])
    assert matrix.loc["Outlet 0", "Outlet 0"] == pytest.approx(cosine[within].mean())
    assert matrix.loc["Outlet 0", "Outlet 1"] == pytest.approx(cosine[between].mean())
    assert matrix.loc["Outlet 1", "Outlet 0"] == matrix.loc["Outlet 0", "Outlet 1"]
    fig = similarity_heatmaps(similarity, articles)
    maps = [ax for ax in fig.axes if ax.get_xlabel().startswith("Same")]
    assert [len(ax.get_xticklabels()) for ax in maps] == [3, 3]
    assert {t.get_text() for t in maps[0].get_yticklabels()} == {"Outlet 0 (21)", "Outlet 1 (20)", "Outlet 2 (20)"}
