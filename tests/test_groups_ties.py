"""The group sentences name every tied row (issue 16's tie rule), on tables the tests write."""

from __future__ import annotations

import pandas as pd

from helpers.groups import Grouping, group_sizes, target_group_note, voices_group_note


def grouping() -> Grouping:
    rows = [(f"{side}{i}", f"{side}-paper", side) for side in ("left", "right") for i in range(3)]
    return Grouping("lean", pd.DataFrame(rows, columns=["article_id", "outlet", "group"]))


def target_rows(mentions: dict[tuple[str, str], int]) -> pd.DataFrame:
    return pd.DataFrame([dict(actor=a, group=g, n_mentions=n, net_tone=0.25 if a == "Ana Ruiz" else -0.5,
                              too_few=False, small_group=False) for (a, g), n in mentions.items()])


def test_tied_most_mentioned_cells_are_all_named():
    text = target_group_note(target_rows({("Ana Ruiz", "left"): 7, ("Ben Oduya", "right"): 7,
                                          ("Ana Ruiz", "right"): 2}), grouping())
    assert "2 cells tie as the most mentioned: Ana Ruiz in left (net tone +0.25) and Ben Oduya in right " \
           "(net tone -0.50), with 7 mentions each." in text
    one = target_group_note(target_rows({("Ana Ruiz", "left"): 7, ("Ben Oduya", "right"): 6}), grouping())
    assert "the most mentioned is Ana Ruiz in left (net tone +0.25), with 7 mentions." in one
    assert "Ben Oduya" not in one


def test_sides_tied_on_the_printed_share_of_voice_are_all_named():
    voices = pd.DataFrame(dict(group=["left"] * 3 + ["right"] * 2,
                               affiliation=["Israeli", "Palestinian", "US", "US", "Israeli"],
                               n_words=[40, 40, 20, 30, 10], pct_words=[40.2, 39.8, 20.0, 75.0, 25.0]))
    text = voices_group_note(voices, grouping())
    assert "left: 100 quoted words, the most (40% each) from Israeli and Palestinian" in text
    assert "right: 40 quoted words, the most (75%) from US" in text


def test_group_sizes_are_computed_once_and_callers_get_a_copy():
    g = grouping()
    sizes = group_sizes(g)
    sizes.loc[0, "n_articles"] = 99  # a caller changing its copy changes nothing shared
    assert group_sizes(g)["n_articles"].tolist() == [3, 3]
    assert g.sizes is g.sizes
