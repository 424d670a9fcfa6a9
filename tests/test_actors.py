"""The actors table and actor mentions."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.actors import actor_aliases, canonical_name, find_mentions, load_actors, strip_titles
from helpers.corpus import CorpusError
from helpers.terms import load_framing


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


# ------------------------------------------------- side tables read like metadata.csv (issue 13)
def _side(tmp_path, name: str, content: bytes | str):
    folder = tmp_path / "c"
    folder.mkdir(exist_ok=True)
    (folder / name).write_bytes(content if isinstance(content, bytes) else content.encode())
    return folder


def _side_error(loader, folder) -> str:
    with pytest.raises(CorpusError) as info:
        loader(folder)
    return str(info.value)


def test_side_table_rows_with_too_many_values_are_named_not_shifted(tmp_path):
    folder = _side(tmp_path, "actors.csv", "name,aliases\nJohn Kerry,Kerry,\n")  # a trailing empty value
    actors = load_actors(folder)
    assert (actors.name.tolist(), actors.aliases.tolist()) == (["John Kerry"], ["Kerry"])
    _side(tmp_path, "actors.csv", "name,aliases\nJohn Kerry,Kerry,Secretary Kerry\n")
    assert "actors.csv line 2: has 3 values but the header names 2 columns" in _side_error(load_actors, folder)
    _side(tmp_path, "framing.csv", "group,term\nsettlements,settlement*,my note\n")
    assert "framing.csv line 2: has 3 values but the header names 2 columns" in _side_error(load_framing, folder)


def test_empty_side_tables_are_empty_tables(tmp_path):
    folder = _side(tmp_path, "actors.csv", b"")
    _side(tmp_path, "framing.csv", b"")
    actors = load_actors(folder)
    assert actors.empty and list(actors.columns) == ["name", "aliases", "affiliation", "kind", "roles"]
    framing = load_framing(folder)
    assert framing is not None and framing.empty and list(framing.columns) == ["group", "term"]


def test_side_table_lines_count_blank_lines_and_multi_line_cells(tmp_path):
    folder = _side(tmp_path, "actors.csv", 'name,aliases\n\nJohn Kerry,"Kerry\nSecretary Kerry"\n\n,x\n')
    assert "actors.csv line 6: the name is empty" in _side_error(load_actors, folder)
    _side(tmp_path, "framing.csv", 'group,term\n\n"peace\nprocess",peace*\n\nterror,\n')
    assert "framing.csv line 6: the term is empty" in _side_error(load_framing, folder)


def test_side_tables_with_semicolons_or_spaced_headers(tmp_path):
    folder = _side(tmp_path, "actors.csv", "name;aliases;kind\nJohn Kerry;Kerry;person\n")
    assert load_actors(folder)[["name", "aliases", "kind"]].values.tolist() == [["John Kerry", "Kerry", "person"]]
    _side(tmp_path, "actors.csv", " Name , aliases \nJohn Kerry,Kerry\n")
    assert load_actors(folder).name.tolist() == ["John Kerry"]
    _side(tmp_path, "framing.csv", "group\tterm\ntalks\ttalks\n")
    assert load_framing(folder).values.tolist() == [["talks", "talks"]]
    _side(tmp_path, "actors.csv", "name,aliases\nJohn Kerry,Kerry;Secretary Kerry\n")  # ; inside a cell stays
    assert load_actors(folder).aliases.tolist() == ["Kerry;Secretary Kerry"]
    _side(tmp_path, "actors.csv", "who,aliases\nJohn Kerry,Kerry\n")
    assert "actors.csv: lacks the column(s) name" in _side_error(load_actors, folder)


def test_side_table_links(tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    table = folder / "export.csv"
    pd.DataFrame({"outlet": ["A"], "text": ["Talks resumed."]}).to_csv(table, index=False)
    (folder / "my_actors.csv").write_text("name\nJohn Kerry\n")
    (folder / "export.actors.csv").symlink_to("my_actors.csv")  # inside the same folder, still refused
    (folder / "my_framing.csv").write_text("group,term\ntalks,talks\n")
    (folder / "export.framing.csv").symlink_to(folder / "my_framing.csv")
    assert "export.actors.csv: is a symbolic link" in _side_error(load_actors, table)
    assert "export.framing.csv: is a symbolic link" in _side_error(load_framing, table)
    corpus = tmp_path / "c"  # a corpus folder: a link inside it is fine
    corpus.mkdir()
    (corpus / "people.csv").write_text("name\nJohn Kerry\n")
    (corpus / "actors.csv").symlink_to("people.csv")
    assert load_actors(corpus).name.tolist() == ["John Kerry"]


def test_one_title_list_for_speakers_facts_and_quotes():
    """helpers/data/titles.csv is read by all three: speakers' names lose their titles (with
    modifiers), facts cut the same titles, and every word of a title is a title word."""
    from helpers.actors import strip_titles
    from helpers.facts import TITLE_PHRASES
    from helpers.quotes import ROLE_NOUNS, TITLE_WORDS

    assert strip_titles("Deputy Prime Minister Jane Smith") == "Jane Smith"
    assert strip_titles("Former Interior Minister Bob Jones") == "Bob Jones"
    assert strip_titles("General Motors") == "General Motors"  # "general" is kept in names
    assert {"Interior Minister", "Chief of Staff", "Secretary-General", "Mr.", "Sen."} <= set(TITLE_PHRASES)
    assert "General" not in TITLE_PHRASES
    assert {"chief of staff", "interior minister", "prime minister"} <= set(ROLE_NOUNS)
    assert not {"mr", "sen"} & set(ROLE_NOUNS)
    for role in ROLE_NOUNS:
        assert set(role.replace("-", " ").split()) - {"of"} <= TITLE_WORDS, role


def test_the_shipped_demonyms_are_rebuilt_from_the_country_extract():
    """python -m validation.demonyms --check: the CSV is what the generator makes of the
    mledoze/countries extract, every country with a demonym has a row, regional words stay."""
    from helpers.wordlists import DEMONYMS
    from validation import demonyms

    assert demonyms.main(["--check"]) == 0
    countries = demonyms.read_countries()
    assert len(countries) == 250
    named = {n for names in DEMONYMS.values() for n in names}
    missing = [r["name"] for r in countries if r["demonym"] and r["name"] not in named]
    assert missing == ["Vatican City"]  # "Vatican" is left out: "the Vatican said" names the Holy See
    assert DEMONYMS["Palestinian"][:2] == ("Palestine", "State of Palestine")
    assert "Palestinians" in DEMONYMS["Palestinian"] and DEMONYMS["Arab"] == ("Arab League",)
    assert DEMONYMS["Jordanian"] == ("Jordan", "Hashemite Kingdom of Jordan")
    assert "Amman" not in DEMONYMS and "Philippines" not in DEMONYMS
