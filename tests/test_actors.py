"""The actors table and actor mentions."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.actors import actor_aliases, canonical_name, find_mentions, load_actors, strip_titles
from helpers.corpus import CorpusError


def _sentences(*texts):
    return pd.DataFrame({
        "article_id": ["a"] * len(texts), "outlet": ["O"] * len(texts),
        "sentence_id": [f"a:{i + 1}" for i in range(len(texts))],
        "start_char": [0] * len(texts), "text": list(texts),
    })


def test_seed_actors_table(seed_dir):
    actors = load_actors(seed_dir)
    assert {"John Kerry", "Benjamin Netanyahu", "Mahmoud Abbas", "Israel", "Palestinians"} <= set(actors.name)
    assert set(actors.affiliation) <= {"US", "Israel", "Palestinian", "other"}


def test_longest_alias_wins_and_case_matters(seed_dir):
    actors = load_actors(seed_dir)
    mentions = find_mentions(_sentences(
        "Israeli Prime Minister Benjamin Netanyahu met Kerry in the U.S. and told us so.",
        "Israelis and Israel's allies, and the US, met the Palestinian Authority.",
    ), actors)
    assert mentions.alias.tolist() == ["Benjamin Netanyahu", "Kerry", "U.S.", "Israel", "US", "Palestinian Authority"]
    assert mentions.actor.tolist() == [
        "Benjamin Netanyahu", "John Kerry", "United States", "Israel", "United States", "Palestinians",
    ]
    first = mentions.iloc[0]
    assert "Israeli Prime Minister Benjamin Netanyahu"[first.start_char:first.end_char] == "Benjamin Netanyahu"


def test_names_are_normalised(seed_dir):
    actors = load_actors(seed_dir)
    assert canonical_name("Secretary of State John Kerry", actors) == "John Kerry"
    assert canonical_name("Secretary Kerry", actors) == "John Kerry"
    assert canonical_name("Mr. Toner", actors) == "Mark Toner"
    assert canonical_name("Jane Doe", actors) == "Jane Doe"
    assert strip_titles("Prime Minister Benjamin Netanyahu") == "Benjamin Netanyahu"


def test_without_actors_file_the_table_is_empty(tmp_path):
    (tmp_path / "c").mkdir()
    actors = load_actors(tmp_path / "c")
    assert actors.empty and list(actors.columns) == ["name", "aliases", "affiliation", "kind", "roles"]
    assert find_mentions(_sentences("Kerry spoke."), actors).empty
    assert canonical_name("Mr. Kerry", actors) == "Kerry"


def test_bad_actors_file(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "actors.csv").write_text("name,kind\nKerry,person\nKerry,person\n,robot\n")
    with pytest.raises(CorpusError) as info:
        load_actors(folder)
    message = str(info.value)
    assert "line 3: 'Kerry' is already on line 2" in message and "line 4: the name is empty" in message
    assert "kind 'robot'" in message


def test_alias_shared_by_two_actors_goes_to_the_first():
    actors = pd.DataFrame({"name": ["A One", "B Two"], "aliases": ["X", "X"], "affiliation": ["", ""],
                           "kind": ["", ""], "roles": ["", ""]})
    aliases = actor_aliases(actors)
    assert aliases.loc[aliases.alias == "X", "actor"].tolist() == ["A One"]
