"""The token-table steps of ``helpers.terms`` computed chunk by chunk of articles
(``term_occurrences``, ``word_totals``, ``phrases_to_join``, ``collocations``,
``framing_matches``) give the tables they give in one chunk, on text written here:
phrases and names that recur across chunks, unicode, compounds, the country, empty
articles, and sense cues; one article per chunk, three, and all in one."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import parallel, terms
from helpers.text import split_sentences, tokenize

BODIES = [
    "Kerry met Abbas in the West Bank. The peace talks stalled over settlements in the West Bank.",
    "",  # an empty article
    "The US envoy said the peace talks would resume. Abbas said the West Bank settlement freeze "
    "matters. A negotiated settlement is far off.",
    "Ça s'écrit «Erdoğan» à İstanbul: the peace talks, naïve café owners said “no” — ‘never’.",
    "   \n  ",  # only whitespace
    "The West Bank settlers built homes. Peace talks in the United States: Kerry met Abbas again. "
    "The Netanyahu-Kerry meeting was U.S.-brokered; prisoners were released.",
    "kerry's plan for the west bank. Prisoners released a statement on the peace talks.",
    "!!! ??? ... --- ;;;",  # only punctuation
    "TELL US WHAT YOU THINK. The US said peace talks and the West Bank settlement freeze go on.",
]
OUTLETS = ["A", "B", "A", "C", "D", "B", "C", "E", "A"]
FRAMING = "group,term\nsettlements,settlement*\nsettlements,west bank\nprisoners,prisoner*\n" \
          "prisoners,release*\npeace,peace talks\npeace,*peace*\n"
SENSES = "group,word,cue,where,sense\nsettlements,settlement*,negotiated,before,other\n" \
         "prisoners,release*,statement,after,other\nprisoners,release*,prisoner*,sentence,in\n"


def _sentences() -> pd.DataFrame:
    articles = pd.DataFrame({"article_id": [f"a{i}" for i in range(len(BODIES))],
                             "outlet": OUTLETS, "body": BODIES})
    return split_sentences(articles)


def _steps(sentences: pd.DataFrame, tokens: pd.DataFrame, folder) -> dict:
    phrases = terms.phrases_to_join(tokens, sentences, min_count=2, min_score=0.0)
    out = {"phrases": phrases, "collocations": terms.collocations(tokens, sentences),
           "all": terms.collocations(tokens, sentences, by=None, measure="pmi")}
    for stem in ("snowball", "porter", None):
        out[f"occurrences {stem}"] = terms.term_occurrences(
            tokens, sentences, stem=stem, phrases=[*phrases, "kerry met abbas", "west bank"])
    out["totals"] = terms.word_totals(tokens, sentences, out["occurrences snowball"])
    framing = terms.load_framing(folder)
    out["matches"] = terms.framing_matches(tokens, sentences, framing,
                                           senses=terms.load_framing_senses(folder))
    out["matches without senses"] = terms.framing_matches(tokens, sentences, framing)
    return out


@pytest.fixture
def corpus_folder(tmp_path):
    (tmp_path / "framing.csv").write_text(FRAMING, encoding="utf-8")
    (tmp_path / "framing_senses.csv").write_text(SENSES, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("chunk", [1, 3])
def test_chunked_steps_equal_the_whole_table_steps(chunk, corpus_folder, monkeypatch):
    sentences = _sentences()
    tokens = tokenize(sentences, n_jobs=1)
    monkeypatch.setattr(parallel, "CHUNK_ARTICLES", len(BODIES) + 1)  # one chunk: the whole table
    whole = _steps(sentences, tokens, corpus_folder)
    monkeypatch.setattr(parallel, "CHUNK_ARTICLES", chunk)
    assert len(parallel.article_chunks(tokens)) > 2
    chunked = _steps(sentences, tokens, corpus_folder)
    # the text is built to exercise every step: phrases across articles, senses, names
    assert "peace talks" in whole["phrases"]
    assert whole["collocations"]["n"].max() >= 2 and len(whole["all"]) > 3
    occurrences = whole["occurrences snowball"]
    assert {"abbas", "u.s.", "west bank", "prison"} <= set(occurrences["term"])
    assert "kerri" in set(occurrences["term"])  # "kerry's" in lower case in another chunk
    assert {"in", "other", "no rule"} <= set(whole["matches"]["sense"])
    _assert_same_steps(chunked, whole, non_empty=True)


@pytest.mark.parametrize("lazy", [False, True], ids=["token table", "TokenChunks"])
def test_chunked_steps_of_a_corpus_without_words(lazy, corpus_folder, monkeypatch):
    monkeypatch.setattr(parallel, "CHUNK_ARTICLES", 1)
    articles = pd.DataFrame({"article_id": ["x", "y", "z"], "outlet": ["X", "Y", "Z"],
                             "body": ["", "... !!!", "the of and"]})
    sentences = split_sentences(articles)
    tokens = terms.TokenChunks(sentences) if lazy else tokenize(sentences, n_jobs=1)
    out = _steps(sentences, tokens, corpus_folder)
    assert out["phrases"] == [] and out["collocations"].empty and out["matches"].empty
    assert out["occurrences snowball"].empty
    assert out["totals"].set_index("outlet")["n_words"].to_dict() == {"Y": 0, "Z": 3}


@pytest.mark.parametrize("chunk", [1, 3])
def test_token_chunks_give_the_whole_token_tables_steps(chunk, corpus_folder, monkeypatch):
    """``TokenChunks`` (the tokens made a chunk at a time, never a whole table) stands for
    the token table in every step, collocations per outlet included, with equal tables."""
    sentences = _sentences()
    whole = _steps(sentences, tokenize(sentences, n_jobs=1), corpus_folder)
    monkeypatch.setattr(parallel, "CHUNK_ARTICLES", chunk)
    lazy = terms.TokenChunks(sentences)
    assert len(list(lazy.chunks())) > 2
    assert pd.concat(list(lazy.chunks()), ignore_index=True).equals(tokenize(sentences, n_jobs=1))
    chunked = _steps(sentences, lazy, corpus_folder)
    assert set(whole["collocations"]["outlet"]) >= {"A", "C"}
    assert "peace talks" in whole["phrases"] and len(whole["matches"]) > 3
    _assert_same_steps(chunked, whole, non_empty=False)


def _assert_same_steps(chunked: dict, whole: dict, *, non_empty: bool) -> None:
    """Every step's table (or list) from chunks equals the whole-table one."""
    for name, expected in whole.items():
        if isinstance(expected, pd.DataFrame):
            assert not non_empty or len(expected), name
            pd.testing.assert_frame_equal(chunked[name], expected, obj=name)
        else:
            assert chunked[name] == expected, name
