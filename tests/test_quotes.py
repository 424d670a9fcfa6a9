"""Quotations, their speakers and unnamed sources: on the seed articles and on short
texts written here for each attribution pattern."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.actors import load_actors
from helpers.corpus import load_corpus
from helpers.quotes import (
    QUOTE_COLUMNS,
    SOURCE_COLUMNS,
    affiliation_shares,
    anonymous_sources,
    attribution_summary,
    extract_quotes,
    quotes_and_sources,
    quotes_table,
    speaker_counts,
)
from helpers.text import split_sentences
from tests.conftest import SEED_FILES, write_corpus

SEED_IDS = {outlet: name.removesuffix(".txt") for outlet, name in SEED_FILES.items()}


@pytest.fixture(scope="module")
def seed(seed_dir):
    articles, _, _ = load_corpus(seed_dir)
    sentences = split_sentences(articles)
    actors = load_actors(seed_dir)
    return articles, sentences, actors


@pytest.fixture(scope="module")
def seed_quotes(seed):
    articles, sentences, actors = seed
    return extract_quotes(sentences, articles, actors)


@pytest.fixture(scope="module")
def seed_sources(seed):
    articles, sentences, actors = seed
    return anonymous_sources(sentences, articles, actors)


def _of(quotes: pd.DataFrame, outlet: str) -> pd.DataFrame:
    return quotes[(quotes.article_id == SEED_IDS[outlet]) & (quotes.form != "term")]


def _one(body: str, actors: pd.DataFrame | None = None) -> pd.DataFrame:
    articles = pd.DataFrame({"article_id": ["t"], "outlet": ["Test"], "body": [body]})
    return extract_quotes(split_sentences(articles), articles, actors)


# --- the seed articles ---------------------------------------------------------------


def test_seed_speakers_per_article(seed_quotes):
    speakers = {outlet: set(_of(seed_quotes, outlet).speaker) for outlet in SEED_IDS}
    assert speakers["JTA"] == {"John Kerry", "Marie Harf"}
    assert speakers["Washington Free Beacon"] == {
        "John Kerry", "Benjamin Netanyahu", "Mark Toner", "Israeli source (anonymous)",
    }
    assert speakers["The Forward"] == {"John Kerry", "Saeb Erekat", "Benjamin Netanyahu"}
    assert speakers["Al Jazeera America"] == {
        "Jen Psaki", "Yuval Steinitz", "Mohammed Ishtayeh", "Saeb Erekat", "Israeli official (anonymous)",
    }
    # Al Jazeera English quotes no one: its one quoted word is a term, not a quotation
    assert _of(seed_quotes, "Al Jazeera English").empty
    aje = seed_quotes[seed_quotes.article_id == SEED_IDS["Al Jazeera English"]]
    assert aje.quote.tolist() == ["framework"] and aje.form.tolist() == ["term"] and aje.speaker.isna().all()


def test_every_seed_quotation_is_attributed(seed_quotes):
    counted = seed_quotes[seed_quotes.form != "term"]
    assert len(counted) == 27
    assert (counted.speaker_kind != "unknown").all() and counted.speaker.notna().all()
    assert sorted(seed_quotes[seed_quotes.form == "term"].quote) == ["Lone wolf", "framework", "framework", "lead"]


def test_free_beacon_netanyahu_through_pronoun_and_role(seed_quotes):
    wfb = _of(seed_quotes, "Washington Free Beacon")
    bibi = wfb[wfb.speaker == "Benjamin Netanyahu"]
    assert len(bibi) == 3
    assert set(bibi.speaker_as_written) == {"he", "the prime minister"}
    role = bibi[bibi.speaker_as_written == "the prime minister"].iloc[0]
    assert role.quote.startswith("There is no construction freeze") and role.verb == "told"
    assert "named with this role" in role.resolution
    toner = wfb[wfb.speaker == "Mark Toner"]
    assert toner.quote.tolist()[0] == "a big no." and toner.form.tolist() == ["partial", "full"]
    assert toner.rule.tolist()[1] == "verb and speaker before the quote"  # Said Toner:
    anon = wfb[wfb.speaker_kind == "anonymous source"].iloc[0]
    assert anon.quote.startswith("Netanyahu took a hard line")
    assert anon.speaker_description == "An Israeli source familiar with details of the Netanyahu-Kerry meeting"
    assert anon.affiliation == "Israel"


def test_partial_quotes_and_appositives_in_al_jazeera_america(seed_quotes):
    ajam = _of(seed_quotes, "Al Jazeera America").set_index("quote")
    assert ajam.loc["trying to blackmail us.", "speaker"] == "Mohammed Ishtayeh"  # not Abbas, in his appositive
    assert ajam.loc["trying to blackmail us.", "verb"] == "accused"
    assert ajam.loc["making every possible effort", "speaker"] == "Saeb Erekat"  # "said Abbas was" is not Abbas
    assert ajam.loc["making every possible effort", "verb"] == "said"  # "confirmed ... and said", not "confirmed"
    assert ajam.loc["it is clear", "speaker"] == "Yuval Steinitz"
    assert ajam.loc["it is clear", "form"] == "partial"
    official = ajam.loc["Now the Palestinians need to reply if they are willing to continue negotiations."]
    assert official.speaker_kind == "anonymous source" and official.verb == "told"


def test_forward_pronouns_go_to_the_speaker_not_the_nearest_name(seed_quotes):
    forward = _of(seed_quotes, "The Forward")
    added = forward[forward.verb == "added"].iloc[0]
    # the nearest name before "he added" is Mahmoud Abbas; the speaker is Kerry
    assert added.quote.startswith("(That is) a sign") and added.speaker == "John Kerry"
    assert (forward[forward.speaker_as_written == "he"].speaker == "John Kerry").all()
    assert forward.set_index("quote").loc["but we can't say there's been a breakthrough", "speaker"] == "Saeb Erekat"


def test_seed_quote_offsets_trace_to_the_body(seed, seed_quotes):
    articles, sentences, _ = seed
    bodies = dict(zip(articles.article_id, articles.body, strict=False))
    sentence_of = sentences.set_index("sentence_id")
    for q in seed_quotes.itertuples():
        body = bodies[q.article_id]
        assert body[q.start_char:q.end_char].startswith('"')
        assert q.quote in body[q.start_char:q.end_char]
        sent = sentence_of.loc[q.sentence_id]
        assert sent.start_char <= q.start_char < sent.end_char
    assert list(seed_quotes.columns) == QUOTE_COLUMNS


def test_seed_anonymous_sources(seed_sources):
    by_outlet = seed_sources.groupby("outlet").size().to_dict()
    assert by_outlet == {
        "The Forward": 2,
        "Al Jazeera America": 2,
        "Al Jazeera English": 1,
        "Washington Free Beacon": 1,
    }
    forward = seed_sources[seed_sources.outlet == "The Forward"].iloc[0]
    assert forward.description == "An Israeli official, who asked not to be identified"
    assert forward.cue == "asked not to be identified"
    assert forward.n_attributions == 2  # "the official added" is the same source
    aje = seed_sources[seed_sources.outlet == "Al Jazeera English"].iloc[0]
    assert aje.description == "A senior US official" and aje.cue == "on condition of anonymity"
    assert aje.affiliation == "US"
    assert list(seed_sources.columns) == SOURCE_COLUMNS


def test_seed_without_actors_table_runs_on_names_alone(seed):
    articles, sentences, actors = seed
    quotes = extract_quotes(sentences, articles, None)
    with_actors = extract_quotes(sentences, articles, actors)
    assert quotes.speaker.tolist() == with_actors.speaker.tolist()
    assert set(quotes.affiliation.dropna()) == {"no side listed"}


def test_inputs_are_not_modified(seed):
    articles, sentences, actors = seed
    before = (articles.copy(), sentences.copy(), actors.copy())
    extract_quotes(sentences, articles, actors)
    anonymous_sources(sentences, articles, actors)
    for df, copy in zip((articles, sentences, actors), before, strict=False):
        pd.testing.assert_frame_equal(df, copy)


# --- each pattern, on short texts ----------------------------------------------------

PATTERNS = [
    # body, expected speaker, kind, verb
    ('"We will win," Smith said.', "Smith", "named person", "said"),
    ('"We will win," said Jane Smith, the party leader.', "Jane Smith", "named person", "said"),
    ('"We will win," said council member Raj Patel.', "Raj Patel", "named person", "said"),
    ('Said Smith: "We will win."', "Smith", "named person", "said"),
    ('Jane Smith told reporters: "We will win."', "Jane Smith", "named person", "told"),
    ('"We will win," according to Jane Smith.', "Jane Smith", "named person", "according to"),
    ('"We will win," Mayor Jane Smith said on Tuesday.', "Jane Smith", "named person", "said"),
    ('Jane Smith accused rivals of "trying to blackmail us."', "Jane Smith", "named person", "accused"),
    ('Smith said Jones was "making every possible effort" to win.', "Smith", "named person", "said"),
    ('Jane Smith, a council member, said "the vote is close" and left.', "Jane Smith", "named person", "said"),
    ('The city treasurer, Jane Smith, said "the books are balanced" on Friday.', "Jane Smith", "named person", "said"),
    ('Jane Smith opened the meeting.\n\n"We will win," she said.', "Jane Smith", "named person", "said"),
    ('Prime Minister Jane Smith met the press.\n\n"We will win," the prime minister said.',
     "Jane Smith", "named person", "said"),
    ('"We will win," the State Department said.', "State Department", "organisation", "said"),
    ('Officials said "the road will stay closed tonight."', "officials", "organisation", "said"),  # not a name
    ('"We owe nothing to anyone," Israeli officials said.', "Israeli officials", "organisation", "said"),
    ('"It is over," a senior diplomat said on condition of anonymity.',
     "senior diplomat (anonymous)", "anonymous source", "said"),
    ('An aide, who asked not to be named, would not comment further but told AFP: "Nothing is agreed."',
     "aide (anonymous)", "anonymous source", "told"),
]


@pytest.mark.parametrize(("body", "speaker", "kind", "verb"), PATTERNS)
def test_attribution_patterns(body, speaker, kind, verb):
    quotes = _one(body)
    assert len(quotes) == 1
    q = quotes.iloc[0]
    assert (q.speaker, q.speaker_kind, q.verb) == (speaker, kind, verb)


def test_continuations_within_and_across_paragraphs():
    quotes = _one('"We will win," Jane Smith said. "Nobody can stop us."\n\nThe vote is on Friday.')
    assert quotes.speaker.tolist() == ["Jane Smith", "Jane Smith"]
    assert quotes.rule.tolist()[1] == "continues the quote before"
    # a quotation over two paragraphs: the first has no closing mark
    quotes = _one(
        'Smith arrived first.\n\n"This is the first part of a long quote.\n\n"And this is the end," Smith said.'
    )
    assert quotes.speaker.tolist() == ["Smith", "Smith"]
    assert quotes.rule.tolist()[0] == "runs on into the next paragraph's quote"
    # a paragraph that is only a quotation, after a paragraph that attributes
    quotes = _one("Jane Smith said the vote was close.\n\n\"We will win this.\"")
    assert quotes.speaker.tolist() == ["Jane Smith"]
    assert quotes.rule.tolist() == ["opens the paragraph after an attribution"]


def test_pronoun_prefers_the_last_speaker_to_the_nearest_name():
    body = 'Jane Smith said Bob Jones had asked her "to stay on as chair". "It is a sign of trust," she added.'
    assert _one(body).speaker.tolist() == ["Jane Smith", "Jane Smith"]


def test_ambiguous_role_and_lone_pronoun_stay_unknown_but_counted():
    quotes = _one('President Jane Smith met President Bob Jones.\n\n"We will win," the president said.')
    q = quotes.iloc[0]
    assert q.speaker_kind == "unknown" and pd.isna(q.speaker) and q.speaker_as_written == "the president"
    assert "more than once" in q.resolution
    quotes = _one('"We will win," he said. "Nobody can stop us."\n\nA sign read "no entry for anyone here."')
    assert quotes.speaker_kind.tolist() == ["unknown"] * 3
    assert quotes.affiliation.tolist() == ["unattributed"] * 3
    summary = attribution_summary(quotes).set_index("rule")
    assert summary["total"].sum() == 3


def test_unnamed_source_referred_back_to():
    body = ("An official, who asked not to be identified, said the talks had failed.\n\n"
            '"It is over," the official added.\n\nA second official said nothing.')
    articles = pd.DataFrame({"article_id": ["t"], "outlet": ["Test"], "body": [body]})
    sentences = split_sentences(articles)
    quotes = extract_quotes(sentences, articles)
    assert quotes.speaker.tolist() == ["official (anonymous)"]
    assert quotes.speaker_description.tolist() == ["An official, who asked not to be identified"]
    sources = anonymous_sources(sentences, articles)
    assert sources.description.tolist() == ["An official, who asked not to be identified", "A second official"]
    assert sources.n_attributions.tolist() == [2, 1] and sources.n_quotes.tolist() == [1, 0]
    assert sources.cue.fillna("").tolist() == ["asked not to be identified", ""]


def test_plural_officials_are_not_an_unnamed_source():
    body = "Israeli officials say they are under no obligation to release the prisoners."
    articles = pd.DataFrame({"article_id": ["t"], "outlet": ["Test"], "body": [body]})
    assert anonymous_sources(split_sentences(articles), articles).empty


def test_terms_are_listed_not_counted():
    quotes = _one('They agreed on a "framework" deal. "Lone wolf" attacks went on. "No," she said.')
    assert quotes.form.tolist() == ["term", "term", "full"]
    assert quotes_table(quotes).quote.tolist() == ["No,"]
    assert quotes_table(quotes, which="terms").quote.tolist() == ["framework", "Lone wolf"]


# --- names, sides and the corpus path ------------------------------------------------


def test_curly_quotes_and_names_normalised_across_a_written_corpus(tmp_path):
    articles = [
        dict(file="a.txt", outlet="Alpha", date="2024-05-01",
             text="Secretary of State John Kerry arrived on Monday.\n\n\u201cWe are close,\u201d Kerry said.\n"),
        dict(file="b.txt", outlet="Beta", date="2024-05-02",
             text="Talks resumed on Tuesday in Rome.\n\nSecretary Kerry said: \u201cWe are not there yet.\u201d\n"),
        dict(file="c.txt", outlet="Beta", date="2024-05-03",
             text="Mayor Ann Lee spoke first.\n\n\u201cWe kept our promise,\u201d Lee said.\n\n"
                  "Council member Bob Lee disagreed.\n\n\u201cIt is too soon,\u201d said Bob Lee.\n"),
    ]
    corpus = write_corpus(tmp_path / "c", articles)
    (corpus / "actors.csv").write_text("name,aliases,affiliation,kind,roles\nAnn Lee,,City,person,mayor\n")
    loaded, _, _ = load_corpus(corpus)
    sentences = split_sentences(loaded)
    quotes = extract_quotes(sentences, loaded, load_actors(corpus))
    assert quotes.quote.tolist() == [
        "We are close,",
        "We are not there yet.",
        "We kept our promise,",
        "It is too soon,",
    ]
    assert quotes.speaker.tolist() == ["John Kerry", "John Kerry", "Ann Lee", "Bob Lee"]
    assert quotes.affiliation.tolist() == ["no side listed", "no side listed", "City", "no side listed"]
    counts = speaker_counts(quotes).set_index(["outlet", "speaker"])
    assert counts.loc[("Beta", "John Kerry"), "n_quotes"] == 1
    assert counts.loc[("Alpha", "John Kerry"), "n_quotes"] == 1
    shares = affiliation_shares(quotes).set_index(["outlet", "affiliation"])
    assert shares.loc[("Beta", "City"), "pct_words"] == pytest.approx(100 * 4 / (5 + 4 + 4))
    assert shares.groupby("outlet")["pct_words"].sum().round(6).eq(100).all()


def test_empty_and_quote_free_corpora():
    articles = pd.DataFrame({"article_id": ["a"], "outlet": ["O"], "body": ["Nothing was said today."]})
    sentences = split_sentences(articles)
    quotes = extract_quotes(sentences, articles)
    assert quotes.empty and list(quotes.columns) == QUOTE_COLUMNS
    assert anonymous_sources(sentences, articles).empty
    assert speaker_counts(quotes).empty and affiliation_shares(quotes).empty


def test_one_reading_gives_both_tables(seed, seed_quotes, seed_sources):
    articles, sentences, actors = seed
    quotes, sources = quotes_and_sources(sentences, articles, actors)
    pd.testing.assert_frame_equal(quotes, seed_quotes)
    pd.testing.assert_frame_equal(sources, seed_sources)


def test_unnamed_sources_take_the_side_of_any_country_their_demonym_names():
    """Demonyms of every country (helpers/data/demonyms.csv), one word or two, give a side."""
    actors = pd.DataFrame({
        "name": ["Jordan", "South Korea", "Ann Lee"], "aliases": ["", "", ""],
        "affiliation": ["Jordan", "Seoul", "City"], "kind": ["country", "country", "person"], "roles": ["", "", ""],
    })
    body = ('"The border stays open," a Jordanian official said on condition of anonymity.\n\n'
            '"We were not consulted," a South Korean diplomat said on condition of anonymity.\n\n'
            '"Nothing is settled," a Kenyan official said on condition of anonymity.')
    quotes = _one(body, actors)
    assert quotes.speaker_kind.tolist() == ["anonymous source"] * 3
    assert quotes.affiliation.tolist() == ["Jordan", "Seoul", "no side listed"]


def test_titles_from_the_shared_list_are_not_names_and_roles_stand_for_their_holder():
    quotes = _one('Chief of Staff Jane Smith met the press.\n\n"We will win," the chief of staff said.\n\n'
                  '"It is done," said Interior Minister Bob Jones.')
    assert quotes.speaker.tolist() == ["Jane Smith", "Bob Jones"]


# --- issue 15: subjects, descriptions, colons, places ----------------------------------


def test_pronoun_goes_to_the_subject_not_the_nearest_name_or_an_earlier_source():
    quotes = _one(
        "Secretary of State John Kerry flew in. An Israeli official said the talks were \"going nowhere fast.\"\n\n"
        "Kerry could not force Netanyahu and Palestinian President Mahmoud Abbas to agree. "
        "\"We will keep trying until the end,\" he said."
    ).set_index("quote")
    row = quotes.loc["We will keep trying until the end,"]
    assert row.speaker == "John Kerry" and row.resolution == "he \u2192 the subject before"


def test_description_goes_to_the_named_title_holder_not_the_unnamed_source():
    quotes = _one(
        "Secretary of State John Kerry arrived. An Israeli official said \"there is no deal yet.\"\n\n"
        "\"The leaders have to lead and they know it,\" the top US diplomat said."
    ).set_index("quote")
    assert quotes.loc["The leaders have to lead and they know it,", "speaker"] == "John Kerry"
    assert quotes.loc["there is no deal yet.", "speaker_kind"] == "anonymous source"


def test_colon_abbreviations_company_and_places():
    quotes = _one(
        "Burnley manager Sean Dyche: \"People have a way of looking at teams.\"\n\n"
        "\"It is a very serious matter for all of us,\" says Dr. Jane Smith, a professor.\n\n"
        "Shares in Ont.-based Research In Motion fell after it announced cuts. "
        "\"This realignment will be focused on redundancies,\" the company said.\n\n"
        "In Algeria on Wednesday, Kerry vowed to press on. \"Nobody is giving up on this,\" he said."
    ).set_index("quote")
    assert quotes.loc["People have a way of looking at teams.", "speaker"] == "Sean Dyche"
    assert quotes.loc["It is a very serious matter for all of us,", "speaker"] == "Jane Smith"
    company = quotes.loc["This realignment will be focused on redundancies,"]
    assert company.speaker == "Research In Motion" and company.speaker_kind == "organisation"
    assert quotes.loc["Nobody is giving up on this,", "speaker"] == "Kerry"
    assert "Algeria" not in set(quotes.speaker.dropna()) and "Shares" not in set(quotes.speaker.dropna())


def test_attribution_validation_reads_the_dated_summary(tmp_path):
    from helpers.quotes import attribution_validation

    path = tmp_path / "v.csv"
    header = "date,set,n_pages,n_outlets,n_labelled,n_attributed,n_found,n_right,precision,recall,f1"
    path.write_text(f"# comment\n{header}\n"
                    "2026-01-02,eval,4,3,10,8,8,6,0.75,0.6,0.6667\n", encoding="utf-8")
    table, sentence = attribution_validation(path)
    assert table.n_right.tolist() == [6]
    assert sentence.startswith("Scored on 2026-01-02: on 4 held-out pages from 3 outlets, 6 of 10")
    assert "2 not attributed at all" in sentence and "F1 0.67" in sentence
    assert attribution_validation(tmp_path / "missing.csv")[0].empty


def test_initials_lookahead_keeps_every_match():
    """The first-character lookahead before the speech-verb and role alternations only skips
    positions: the matches are those of the plain alternation, edge cases included."""
    import re

    from helpers.quotes.patterns import ACCORDING, VERB, initials
    from helpers.quotes.speakers import Names
    from helpers.quotes.vocabulary import SPEECH_VERBS

    text = ("Said Toner: \"no.\" SHE ADDED, pre-said, re-told, hesaid. According to  the Prime\n"
            "Minister, as per Gov. Ann Lee, the spokeswoman's deputy, Ministers and CEO Jo Park told it.")
    plain = re.compile(VERB.pattern.replace(initials([*SPEECH_VERBS, "according", "as"]), ""), re.I)
    assert plain.pattern != VERB.pattern and "(?=" not in plain.pattern.split("(?!")[0]
    spans = [(m.start(), m.group(0)) for m in VERB.finditer(text)]
    assert spans == [(m.start(), m.group(0)) for m in plain.finditer(text)]
    assert [w.lower() for _, w in spans] == ["said", "added", "according to", "as per", "told"]
    names = Names(None)
    look = initials(names.roles)
    for pattern in [names.role_word, *names.role_patterns]:
        without = re.compile(pattern.pattern.replace(look, ""))
        assert [m.groupdict() for m in pattern.finditer(text)] == [m.groupdict() for m in without.finditer(text)]
    assert {m.group("role").lower().split()[-1] for m in names.role_word.finditer(text)} >= {"minister", "ceo"}
    assert initials([]) == "" and ACCORDING in VERB.pattern
