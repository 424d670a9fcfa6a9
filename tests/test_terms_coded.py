"""``count_terms`` (counts on integer word codes, chunk by chunk) gives the token-table
path's tables (``term_occurrences`` -> ``word_totals`` -> ``term_counts``) on text written
here: hostile and non-Latin text, the country's forms, compounds, names, phrases, empty
articles, one-article outlets, and articles cut into many chunks."""

from __future__ import annotations

from itertools import pairwise

import numpy as np
import pandas as pd
import pytest

from helpers import parallel, terms
from helpers.text import split_sentences, tokenize

BODIES = [
    # the country, as written and shouted; "United States" over a sentence end; compounds
    "The US and the U.S. signed. USA officials met U.S.A. envoys in the United States. "
    "TELL US WHAT YOU THINK ABOUT THE US. The Netanyahu-Kerry talks were U.S.-brokered. "
    "Abbas said the United\nStates would act. Was it the United. States kept quiet.",
    # names: "Abbas" capitalised inside sentences (a name, never stemmed); "Prisoners" both ways
    "Prisoners were freed. The prisoners said Abbas and Kerry's aides won't talk. "
    "Officials said they'd release prisoners; Abbas's office said nothing. West Bank settlers, "
    "the west bank and the West-Bank road.",
    # unicode and hostile text: accents, capital I with a dot, Arabic digits, quotes of every kind
    "Ça s'écrit «Erdoğan» à İstanbul. Naïve café owners said “no” — ‘never’ — to the "
    "İİ plan in ١٢ days. Straße closed -- again... O'Neill's 3.5% cut, 0100 GMT, F-16s and 2014.",
    "",  # an empty article
    "   \n\n  ",  # only whitespace
    "!!! ??? ... --- \"\" '' `` ;;;",  # only punctuation
    "Kerry met Abbas. kerry's plan? The west bank. " * 3,  # "kerry" once in lower case: not a name
]
OUTLETS = ["Outlet A", "Outlet B", "Outlet C", "Outlet A", "Outlet D", "Outlet B", "Outlet E"]
PHRASES = ["west bank", "kerry met abbas", "united states", "prisoners said"]


def _sentences(bodies=BODIES, outlets=OUTLETS) -> pd.DataFrame:
    articles = pd.DataFrame({"article_id": [f"a{i}" for i in range(len(bodies))],
                             "outlet": outlets, "body": bodies})
    return split_sentences(articles)


def _token_table_path(sentences: pd.DataFrame, **options) -> tuple[pd.DataFrame, pd.DataFrame]:
    tokens = tokenize(sentences, n_jobs=1)
    occurrences = terms.term_occurrences(tokens, sentences, **options)
    totals = terms.word_totals(tokens, sentences, occurrences)
    return terms.term_counts(occurrences, totals), totals


@pytest.mark.parametrize("options", [
    {}, {"stem": None}, {"stem": "porter"}, {"keep_numbers": True}, {"phrases": PHRASES},
    {"phrases": PHRASES, "stem": None, "keep_numbers": True},
])
def test_count_terms_gives_the_token_table_path_s_tables(options):
    sentences = _sentences()
    expected_counts, expected_totals = _token_table_path(sentences, **options)
    counts, totals = terms.count_terms(sentences, n_jobs=1, **options)
    assert len(expected_counts) > 40 and expected_totals["n_words"].gt(0).sum() >= 3
    pd.testing.assert_frame_equal(totals, expected_totals)
    pd.testing.assert_frame_equal(counts, expected_counts)


def test_the_rules_hold_in_the_coded_counts():
    counts, totals = terms.count_terms(_sentences(), n_jobs=1, phrases=PHRASES)
    a = counts[counts["outlet"] == "Outlet A"].set_index("term")
    # US, U.S. (twice, once in "U.S.-brokered", with "brokered"), USA, U.S.A., "United
    # States": the country; the shouted "US" is the pronoun; a line break ends a sentence,
    # so "United\nStates" is two words of two sentences, as is "United. States"
    assert a.loc["u.s.", "n"] == 6
    assert a.loc["u.s.", "forms"] == "U.S. 2, U.S.A. 1, US 1, USA 1, United States 1"
    assert {"broker", "netanyahu", "abbas"} <= set(a.index)  # names are not stemmed, but
    assert "kerri" in a.index  # "kerry's" in lower case (Outlet E) makes Kerry an ordinary word
    b = counts[counts["outlet"] == "Outlet B"].set_index("term")
    assert "abbas" in b.index and "abba" not in b.index  # a name is not stemmed
    assert b.loc["prison", "forms"] == "prisoners 3"  # "Prisoners" at a sentence start is lower-cased
    assert b.loc["west bank", "kind"] == "phrase" and b.loc["west bank", "n"] == 3
    assert "Outlet D" not in set(totals["outlet"])  # whitespace only: no sentence, no row
    assert totals.set_index("outlet").loc["Outlet A", "n_articles"] == 1  # a3 is empty


def test_an_empty_corpus_and_a_corpus_without_words():
    counts, totals = terms.count_terms(_sentences(["", "... !!!"], ["X", "Y"]), n_jobs=1)
    assert counts.empty and list(counts.columns) == terms.COUNT_COLUMNS
    assert totals["n_terms"].sum() == 0


def test_chunks_give_the_same_tables_as_one_chunk(monkeypatch):
    """Names are decided over the whole corpus: "kerry" written in lower case in a later
    chunk makes "Kerry" an ordinary word everywhere, as on the token table."""
    bodies = BODIES * 3
    outlets = [f"{o} {i // len(BODIES)}" if i % 2 else o for i, o in enumerate(OUTLETS * 3)]
    sentences = _sentences(bodies, outlets)
    expected_counts, expected_totals = _token_table_path(sentences, phrases=PHRASES)
    monkeypatch.setattr(parallel, "CHUNK_ARTICLES", 2)  # 11 chunks, one process
    counts, totals = terms.count_terms(sentences, n_jobs=1, phrases=PHRASES)
    pd.testing.assert_frame_equal(totals, expected_totals)
    pd.testing.assert_frame_equal(counts, expected_counts)


# Sentences the tokenizer does not do the usual way (one piece, tabs, doubled spaces,
# control characters, a last piece of closing marks, quotes of every kind), among usual
# ones, with words that recur across blocks and compounds that split into parts.
HOSTILE = [
    "Abbas", "   ", "\t\"quoted\"\t", "He left the U.S.", "He left the U.S. )", "wait...what?!",
    "a,\x1cb", "He\x1cleft the U.S.\x1cyesterday.", "dogs'\tbone", "x  y  z", "end . ", '"a "b" c"',
    "''Yes,'' I cannot go.", "rock 'n' roll, gimme more'n that", "O'Neill's 'quote' isn't it'",
    "\u201cHi,\u201d he said \u2014 \u2018never\u2019.", "\xabOui\xbb, dit-il \xe0 \u0130stanbul.",
    "The West-Bank road and U.S.-brokered F-16s -- again.", "It cost $2.5 million, or 1,000 euros.",
    "Kerry met Abbas in the United States.", "x" * 3000 + " y.", "\u0642\u0627\u0644 \"\u0644\u0627\" \u0661\u0662.",
]


def test_token_codes_are_the_token_strings_over_many_blocks(monkeypatch):
    """Codes made block by block (7 sentences a block, a memo that empties itself between
    blocks) index a vocabulary that gives back every token of the token table, and NLTK's
    own tokens, in order."""
    from helpers.text import PieceMemo, token_codes, token_strings, tokenize_chunk
    from helpers.text import tokens as tokens_module
    from helpers.text.pieces import nltk_token_spans

    texts = HOSTILE * 3 + [f"{h} and {w}" for h in HOSTILE for w in ("Kerry's", "co-op")]
    frame = pd.DataFrame({"article_id": "a", "sentence_id": [str(i) for i in range(len(texts))],
                          "start_char": 0, "text": texts})
    table = tokenize_chunk(frame, memo=PieceMemo())  # the usual blocks
    monkeypatch.setattr(tokens_module, "BLOCK_SENTENCES", 7)
    codes, vocabulary, per_sentence = token_codes(frame, memo=PieceMemo(max_pieces=30))
    strings, strings_per_sentence = token_strings(frame, memo=PieceMemo())
    assert len(texts) > 10 * 7 and len(table) > 500
    nltk_tokens = [text[start:end] for text in texts for start, end in nltk_token_spans(text)]
    assert vocabulary[codes].tolist() == table["token"].tolist() == strings == nltk_tokens
    assert per_sentence.tolist() == strings_per_sentence.tolist()
    assert per_sentence.tolist() == table.groupby("sentence_id", sort=False).size().reindex(
        frame["sentence_id"], fill_value=0).tolist()
    assert len(set(vocabulary.tolist())) == len(vocabulary)  # each token string once
    assert codes.min() == 0 and (np.diff(np.maximum.accumulate(codes)) <= 1).all()  # first seen first


def test_count_terms_over_many_blocks_gives_the_token_table_path_s_tables(monkeypatch):
    from helpers.text import tokens as tokens_module

    bodies = [" ".join(HOSTILE[i::3]) + " " + BODIES[i % 3] for i in range(9)]
    sentences = _sentences(bodies, [f"Outlet {i % 4}" for i in range(9)])
    expected_counts, expected_totals = _token_table_path(sentences, phrases=PHRASES)
    monkeypatch.setattr(tokens_module, "BLOCK_SENTENCES", 5)
    monkeypatch.setattr(parallel, "CHUNK_ARTICLES", 4)
    counts, totals = terms.count_terms(sentences, n_jobs=1, phrases=PHRASES)
    assert len(sentences) > 3 * 5 and len(expected_counts) > 60
    pd.testing.assert_frame_equal(totals, expected_totals)
    pd.testing.assert_frame_equal(counts, expected_counts)


@pytest.mark.parametrize("dense_max", [50_000_000, 0])  # summed in arrays; by groupby and np.unique
@pytest.mark.parametrize("row_chunk", [1, 3, 7])
def test_count_terms_summed_a_few_rows_at_a_time_gives_the_token_table_path_s_tables(monkeypatch, row_chunk,
                                                                                     dense_max):
    from helpers.terms import counting

    sentences = _sentences()
    expected_counts, expected_totals = _token_table_path(sentences, phrases=PHRASES)
    spans = []
    real_spans = counting._row_spans
    monkeypatch.setattr(counting, "ROW_CHUNK", row_chunk)
    monkeypatch.setattr(counting, "DENSE_MAX", dense_max)
    monkeypatch.setattr(counting, "_row_spans", lambda group, size=row_chunk: spans.append(
        real_spans(group, size)) or spans[-1])
    monkeypatch.setattr(parallel, "CHUNK_ARTICLES", 2)
    counts, totals = terms.count_terms(sentences, n_jobs=1, phrases=PHRASES)
    assert len(spans) == 1 and len(spans[0]) >= 4  # a span per article with words (rows: its forms)
    pd.testing.assert_frame_equal(totals, expected_totals)
    pd.testing.assert_frame_equal(counts, expected_counts)


def test_row_spans_never_split_a_group_and_cover_every_row():
    from helpers.terms.counting import _row_spans

    group = np.repeat(np.arange(6), [1, 5, 2, 1, 3, 4])
    spans = _row_spans(group, 3)
    assert spans[0][0] == 0 and spans[-1][1] == len(group)
    assert all(b == c for (_, b), (c, _) in pairwise(spans))  # contiguous
    assert all(group[b - 1] != group[b] for _, b in spans[:-1])  # a group's rows in one span
    assert _row_spans(group[::-1], 3) == [(0, len(group))]  # not sorted: one span
