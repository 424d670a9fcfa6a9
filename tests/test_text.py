"""Sentences, tokens, quotation spans and the offline NLTK data folder.

The paragraphs are copied from the seed corpus (JTA 000, Reuters via The Forward 001,
Al Jazeera America 002) as cleaning leaves them: straight quotes, single spaces.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from helpers.nltk_data import (
    CONTRACTION_PIECES,
    NEWS_ABBREVIATIONS,
    SENTENCE_STARTERS,
    STAMP_NAME,
    STOPWORDS,
    ensure_nltk_data,
)
from helpers.quote_spans import closing_width, quote_spans
from helpers.text import (
    SENTENCE_COLUMNS,
    TOKEN_COLUMNS,
    PieceMemo,
    pieces,
    sentence_tokenizer,
    split_sentences,
    token_strings,
    tokenize,
    tokenize_chunk,
)
from helpers.text import tokens as tokens_module
from helpers.text.pieces import nltk_token_spans, process_memo

KERRY_QUOTE = (
    '"You can facilitate, you can push, you can nudge, but the parties themselves have to '
    'make fundamental decisions and compromises," Kerry said Thursday in Algeria, where he is '
    'holding strategic security talks. "The leaders have to lead and they have to be able to '
    "see a moment when it's there.\""
)
KERRY_LEAD = (
    "U.S. Secretary of State John Kerry called on Israeli and Palestinian leaders to \"lead\" "
    "and to make compromises for peace."
)
MEETING = "The meeting, which ended at 3 a.m. Thursday, did not resolve the crisis."
OFFICIAL = (
    "A U.S. State Department official said Kerry's discussions with Netanyahu and advisers in "
    "a Jerusalem hotel suite ended shortly before 4 a.m. (0100 GMT) on Sunday."
)
LOWENSTEIN = (
    "Afterwards, Kerry strolled through the deserted streets of the city accompanied by his "
    "security and one of his advisers on the Middle East, Frank Lowenstein. He then drove to "
    "Ramallah, the Palestinian hub city in the West Bank, to see Abbas."
)
ISHTAYEH = (
    'Mohammed Ishtayeh, an aide to Abbas, accused Israel of "trying to blackmail us." But '
    "Palestinian officials stopped short of threatening to walk out of the talks altogether."
)
PARAGRAPHS = [KERRY_QUOTE, KERRY_LEAD, MEETING, OFFICIAL, LOWENSTEIN, ISHTAYEH]
SENTENCES_PER_PARAGRAPH = [2, 1, 1, 1, 2, 2]


def one_article(*paragraphs: str, article_id: str = "a1", outlet: str = "JTA") -> pd.DataFrame:
    return pd.DataFrame(
        {"article_id": [article_id], "outlet": [outlet], "body": ["\n\n".join(paragraphs)]}
    )


def texts(paragraph: str) -> list[str]:
    return split_sentences(one_article(paragraph))["text"].tolist()


# --- sentences ---------------------------------------------------------------------


def test_quote_then_attribution_then_full_quote():
    sentences = split_sentences(one_article(KERRY_QUOTE))
    assert sentences["text"].tolist() == [
        KERRY_QUOTE[: KERRY_QUOTE.index(' "The leaders')],
        '"The leaders have to lead and they have to be able to see a moment when it\'s there."',
    ]
    assert sentences["in_quote"].tolist() == [False, True]
    first, second = sentences["share_quoted"]
    assert 0.6 <= first <= 0.75
    # the quoted part is exactly the opening quotation, marks included
    quoted = '"You can facilitate, you can push, you can nudge, but the parties themselves have ' \
        'to make fundamental decisions and compromises,"'
    assert first == pytest.approx(len(quoted) / len(sentences["text"][0]))
    assert second == 1.0


@pytest.mark.parametrize("paragraph", [KERRY_LEAD, MEETING, OFFICIAL])
def test_news_abbreviations_do_not_end_sentences(paragraph):
    assert texts(paragraph) == [paragraph]


def test_two_plain_sentences():
    assert texts(LOWENSTEIN) == [
        "Afterwards, Kerry strolled through the deserted streets of the city accompanied by his "
        "security and one of his advisers on the Middle East, Frank Lowenstein.",
        "He then drove to Ramallah, the Palestinian hub city in the West Bank, to see Abbas.",
    ]


def test_sentence_ending_inside_a_short_quote():
    sentences = split_sentences(one_article(ISHTAYEH))
    assert sentences["text"].tolist() == [
        'Mohammed Ishtayeh, an aide to Abbas, accused Israel of "trying to blackmail us."',
        "But Palestinian officials stopped short of threatening to walk out of the talks "
        "altogether.",
    ]
    [(start, end)] = quote_spans(ISHTAYEH)
    assert ISHTAYEH[start:end] == '"trying to blackmail us."'
    assert sentences["in_quote"].tolist() == [False, False]
    assert sentences["share_quoted"][0] == pytest.approx(25 / 80)
    assert sentences["share_quoted"][1] == 0.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Abbas met Gen. Smith on Jan. 5.", 1),
        ("Sen. John McCain said so.", 1),
        ("Calif. Gov. Jerry Brown met Lt. Col. Smith at 10 a.m. EST.", 1),
        ("The vote in the U.N. Security Council was 14-1.", 1),
        ("He left the U.S. The talks failed.", 2),  # "The" is a sentence starter
        ("Netanyahu visited the U.S. Mr. Obama was away.", 2),
        ("It ended at 4 a.m. In Gaza, people slept.", 2),
        ("They met on Jan. 5. Talks continued.", 2),
        # Trade-offs documented in sentence_tokenizer(): Punkt cannot tell these apart
        # from "U.S. Secretary" or "3 a.m. Thursday", so it keeps one sentence.
        ("He left the U.S. Talks failed.", 1),
        ("He arrived at 4 p.m. Officials said nothing.", 1),
    ],
)
def test_what_punkt_does_with_abbreviations(text, expected):
    assert len(sentence_tokenizer().tokenize(text)) == expected


PUNKT_TEXTS = [
    "", "   ", "One sentence without a stop", "One sentence.", "One sentence.  \n ", 'He said "no."',
    "Ends with a bracket (really.)", "Mr. Abbas met Gen. Smith on Jan. 5. Then he left.",
    "He left the U.S. The talks failed.",
    "Wait... what? Yes! No.", "It rose 5.5 per cent. Shares fell.", "A. B. Cee went home. So did J. Bach.",
    '"We will win." He said so. (Reuters) -- Done.', "Line one.\nLine two.", "x " * 50 + "end. Next one",
    "U.S. Talks failed.", "He quit. The end.", "Ms. Roe quit? Yes.", "Israel. Thursday came.", "etc. And more.",
    "Tel. Aviv is hot. Gen. Smith said! (Maybe)",
    "Stop. \x1c", "Stop.\x1c", "No stop\u00a0", "One.\u2003", "?",
    'He said. "Quote here." so.', "Done!  Next", "vs. Them. Then",
]


def test_plain_break_contexts_are_punkts_breaks():
    """Every context ``PLAIN_BREAK`` answers at once is one plain Punkt calls a break, and a listed
    abbreviation before the period is left to Punkt."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    from helpers.text.sentences import PLAIN_BREAK

    params = PunktParameters()
    params.abbrev_types, params.sent_starters = set(NEWS_ABBREVIATIONS), set(SENTENCE_STARTERS)
    plain = PunktSentenceTokenizer(params)
    words = ["said", "The", "Israel", "mr", "Gen", "etc", "vs", "no", "No", "ok", "U.S", "a", "A", "jan"]
    nexts = ["The", "the", '"We', "(AP)", "5", "Mr.", "Thursday", "it", "'Tis"]
    contexts = [f"{w}{end}{space}{n}" for w in words for end in ".?!" for space in (" ", "  ") for n in nexts]
    answered = [c for c in contexts if PLAIN_BREAK.fullmatch(c)]
    assert len(answered) > len(contexts) / 2
    for context in contexts:
        assert sentence_tokenizer().text_contains_sentbreak(context) == plain.text_contains_sentbreak(context), context


@pytest.mark.parametrize("text", PUNKT_TEXTS)
def test_sentence_tokenizer_spans_are_plain_punkts(text):
    """The tokenizer's shortcuts (a decided break context kept; a text with no candidate break
    taken whole) give Punkt's own spans, asked twice so the kept answers are used too."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types, params.sent_starters = set(NEWS_ABBREVIATIONS), set(SENTENCE_STARTERS)
    plain = list(PunktSentenceTokenizer(params).span_tokenize(text))
    assert list(sentence_tokenizer().span_tokenize(text)) == plain
    assert list(sentence_tokenizer().span_tokenize(text)) == plain
    assert list(sentence_tokenizer().span_tokenize(text, realign_boundaries=False)) == list(
        PunktSentenceTokenizer(params).span_tokenize(text, realign_boundaries=False))


def test_multi_paragraph_article():
    articles = one_article(*PARAGRAPHS, article_id="000_x")
    body = articles["body"][0]
    sentences = split_sentences(articles)

    assert list(sentences.columns) == SENTENCE_COLUMNS
    assert len(sentences) == sum(SENTENCES_PER_PARAGRAPH)
    assert sentences.groupby("paragraph_n").size().tolist() == SENTENCES_PER_PARAGRAPH
    for row in sentences.itertuples():
        assert body[row.start_char : row.end_char] == row.text
        assert "\n" not in row.text  # never crosses a paragraph boundary
        assert row.paragraph_n == body.count("\n\n", 0, row.start_char) + 1
    assert sentences["sentence_n"].tolist() == list(range(1, 10))
    assert sentences["sentence_id"].is_unique
    assert sentences["sentence_id"].tolist() == [f"000_x:{n}" for n in range(1, 10)]
    assert (sentences["outlet"] == "JTA").all()
    assert sentences["start_char"].is_monotonic_increasing
    assert sentences["in_quote"].sum() == 1


def test_several_articles_empty_body_and_dtypes():
    articles = pd.DataFrame(
        {
            "article_id": ["b", "empty", "a"],
            "outlet": ["Reuters", "AP", "JTA"],
            "body": [LOWENSTEIN, "", MEETING + "\n\n" + ISHTAYEH],
        }
    )
    before = articles.copy()
    sentences = split_sentences(articles)
    pd.testing.assert_frame_equal(articles, before)  # input untouched

    assert sentences["sentence_id"].tolist() == ["b:1", "b:2", "a:1", "a:2", "a:3"]
    assert sentences["outlet"].tolist() == ["Reuters", "Reuters", "JTA", "JTA", "JTA"]
    assert sentences["paragraph_n"].tolist() == [1, 1, 1, 2, 2]
    assert "empty" not in set(sentences["article_id"])
    for col in ("article_id", "outlet", "sentence_id", "text"):
        assert pd.api.types.is_string_dtype(sentences[col]), col
    for col in ("sentence_n", "paragraph_n", "start_char", "end_char"):
        assert sentences[col].dtype == "int64", col
    assert sentences["in_quote"].dtype == bool
    assert sentences["share_quoted"].between(0, 1).all()


def test_no_articles_gives_empty_table_with_columns():
    empty = pd.DataFrame({"article_id": [], "outlet": [], "body": []}, dtype=str)
    sentences = split_sentences(empty)
    assert sentences.empty and list(sentences.columns) == SENTENCE_COLUMNS
    tokens = tokenize(sentences)
    assert tokens.empty and list(tokens.columns) == TOKEN_COLUMNS


def test_bad_input_is_refused():
    with pytest.raises(KeyError, match="body"):
        split_sentences(pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "text": ["Hi."]}))
    twice = pd.DataFrame({"article_id": ["a", "a"], "outlet": ["X", "Y"], "body": ["A.", "B."]})
    with pytest.raises(ValueError, match="duplicate"):
        split_sentences(twice)


# --- quotations ----------------------------------------------------------------------


def test_quote_running_over_two_paragraphs():
    first = '"We will not give up. We never have.'
    second = '"We will win," he said. "Watch us."'
    third = "Others disagreed."
    body = "\n\n".join([first, second, third])
    start2 = len(first) + 2
    assert quote_spans(body) == [
        (0, len(first)),  # runs to the end of its paragraph
        (start2, start2 + len('"We will win,"')),  # the next paragraph's mark reopens
        (body.index('"Watch'), body.index('us."') + 4),
    ]
    sentences = split_sentences(one_article(first, second, third))
    assert sentences["text"].tolist() == [
        '"We will not give up.', "We never have.", '"We will win," he said.', '"Watch us."',
        "Others disagreed.",
    ]
    assert sentences["in_quote"].tolist() == [True, True, False, True, False]


def test_unmatched_quote_is_ignored_not_swallowing_the_rest():
    body = 'He said "we will try.\n\nOthers disagreed. "Yes," she said.\n\nThe end.'
    assert [body[s:e] for s, e in quote_spans(body)] == ['"Yes,"']
    sentences = split_sentences(one_article(body))
    assert sentences["share_quoted"].tolist()[:2] == [0.0, 0.0]


def test_inch_marks_and_quotes_ending_in_digits():
    body = 'The 5" screen is "new," he said of the "Apollo 13" model.'
    assert [body[s:e] for s, e in quote_spans(body)] == ['"new,"', '"Apollo 13"']
    assert quote_spans('A 12" pipe and a 3" valve.') == []
    body = 'A 5"x7" print, a 3"-wide frame and a "quote" here.'
    assert [body[s:e] for s, e in quote_spans(body)] == ['"quote"']


def test_stray_opening_mark_inside_a_paragraph():
    # the first mark never closes; the second has a space before and a word after
    body = 'Officials said "talks were over. Then Kerry said "we go on" to reporters.'
    assert [body[s:e] for s, e in quote_spans(body)] == ['"we go on"']


def test_no_quotes():
    assert quote_spans(LOWENSTEIN) == []
    assert quote_spans("") == []


# --- tokens --------------------------------------------------------------------------


def test_tokens_round_trip_and_numbering():
    articles = one_article(*PARAGRAPHS, article_id="000_x")
    body = articles["body"][0]
    sentences = split_sentences(articles)
    before = sentences.copy()
    tokens = tokenize(sentences)
    pd.testing.assert_frame_equal(sentences, before)

    assert list(tokens.columns) == TOKEN_COLUMNS
    for row in tokens.itertuples():
        assert body[row.start_char : row.end_char] == row.token
    assert (tokens["lower"] == tokens["token"].str.lower()).all()
    assert set(tokens["sentence_id"]) == set(sentences["sentence_id"])
    for sid, group in tokens.groupby("sentence_id", sort=False):
        assert group["token_n"].tolist() == list(range(1, len(group) + 1)), sid
        sentence = sentences.set_index("sentence_id").loc[sid]
        assert group["start_char"].min() >= sentence["start_char"]
        assert group["end_char"].max() <= sentence["end_char"]
    for col in ("article_id", "sentence_id", "token", "lower"):
        assert pd.api.types.is_string_dtype(tokens[col]), col


def test_token_values_and_flags():
    tokens = tokenize(split_sentences(one_article(KERRY_QUOTE, OFFICIAL)))
    first = tokens[tokens["sentence_id"] == "a1:1"]
    assert first["token"].tolist()[:6] == ['"', "You", "can", "facilitate", ",", "you"]
    words = first["token"].tolist()
    i = words.index("compromises")
    assert words[i : i + 4] == ["compromises", ",", '"', "Kerry"]
    second = tokens[tokens["sentence_id"] == "a1:2"]["token"].tolist()
    assert second[-6:] == ["when", "it", "'s", "there", ".", '"']
    official = tokens[tokens["sentence_id"] == "a1:3"]["token"].tolist()
    assert official[:4] == ["A", "U.S.", "State", "Department"]
    assert official[6:9] == ["Kerry", "'s", "discussions"]
    assert official[-9:] == ["4", "a.m.", "(", "0100", "GMT", ")", "on", "Sunday", "."]

    flags = tokens.drop_duplicates("token").set_index("token")
    assert flags.loc["U.S.", "is_alpha"] and not flags.loc["U.S.", "is_punct"]
    assert not flags.loc["0100", "is_alpha"] and not flags.loc["0100", "is_punct"]
    for punct in ['"', ",", ".", "(", ")"]:
        assert flags.loc[punct, "is_punct"] and not flags.loc[punct, "is_alpha"], punct
    assert flags.loc["'s", "is_stop"] and flags.loc["The", "is_stop"]
    assert not flags.loc["Kerry", "is_stop"] and not flags.loc["compromises", "is_stop"]


def test_flags_beyond_ascii():
    tokens = tokenize(split_sentences(one_article("Müller met Ha'aretz staff in القدس — 2014.")))
    flags = tokens.set_index("token")
    assert flags["is_alpha"].to_dict() == {
        "Müller": True, "met": True, "Ha'aretz": True, "staff": True, "in": True,
        "القدس": True, "—": False, "2014": False, ".": False,
    }
    assert flags["is_punct"].to_dict() == {
        "Müller": False, "met": False, "Ha'aretz": False, "staff": False, "in": False,
        "القدس": False, "—": True, "2014": False, ".": True,
    }


def test_sentence_final_abbreviation_token():
    tokens = tokenize(split_sentences(one_article("He left the U.S. The talks failed.")))
    assert tokens["token"].tolist() == [
        "He", "left", "the", "U.S", ".", "The", "talks", "failed", ".",
    ]
    assert tokens["sentence_id"].tolist() == ["a1:1"] * 5 + ["a1:2"] * 4


# --- seed corpus end to end ----------------------------------------------------------


def test_seed_corpus_offsets_round_trip(seed_dir):
    from helpers.corpus import load_corpus

    articles = load_corpus(seed_dir).articles
    sentences = split_sentences(articles)
    tokens = tokenize(sentences)
    bodies = dict(zip(articles["article_id"], articles["body"], strict=True))
    assert sentences["sentence_id"].is_unique
    assert set(sentences["article_id"]) == {a for a, b in bodies.items() if b.strip()}
    for row in sentences.itertuples():
        assert bodies[row.article_id][row.start_char : row.end_char] == row.text
    for row in tokens.itertuples():
        assert bodies[row.article_id][row.start_char : row.end_char] == row.token
    # Every quoted sentence in the seed corpus opens or closes with a quote mark.
    quoted = sentences[sentences["in_quote"]]
    assert len(quoted) >= 5
    assert (quoted["text"].str.startswith('"') | quoted["text"].str.endswith('"')).all()


# --- tokenize is NLTK's span_tokenize, memoised per piece ----------------------------
# helpers.text tokenizes whitespace-delimited pieces once each (many per NLTK call) and
# puts sentences together from them. These tests hold it to NLTK's own result.

NYT_FILE = (
    Path(__file__).resolve().parent.parent
    / "validation/vader-nyt/nytEditorialSnippets_GroundTruth.txt"
)

_QUOTES = [
    '"', "'", '\u201c', '\u201d', '\u2018', '\u2019', '``', "''", '`', '\xab', '\xbb', '\u201e',
]
HOSTILE = [
    '', ' ', '   ', '\t', '\n', 'a', ' a ', 'U.S.', '"', "''", '``', '.', '. x', 'x .', ' .',
    '"Hi," he said.', "'Hi,' he said.", '\u201cHi,\u201d he said.', '\u2018Hi,\u2019 he said.',
    "``Hi,'' he said.", 'He said ``no\'\' and \'\'yes\'\' and "maybe".', '"a "b" c"',
    "a '' b '' c", "He said: ''no.''", '"', '""', '"""', "'''", "''''", '` `` ``` ````', 'x ```',
    'a ``` "b"', 'He said "no" -- twice...', 'wait...what?!', 'He left the U.S.',
    'The U.S. and U.K. met.', 'He left the U.S. )', 'He left the U.S. " )',
    "He left the U.S.' \u2019", 'x.) .', 'Mr. . )', "He can't go.", 'I cannot go.',
    "We're gonna win.", "'Tis the season.", "He said 'tis so.", "'twas 'Twas", 'wanna\tgo',
    "gimme more'n that, d'ye", "Y'all ain't", "rock 'n' roll",
    "O'Neill's 'quote' isn't 'really' it'", "'s 're 've 'll 'm 'd n't N'T", "dogs' toys' ' '",
    "x' ' y", '(Reuters) - Israel said on Tuesday.', 'It cost $2.5 million, or 1,000 euros.',
    'See https://example.com/a?b=c&d=e#f or www.example.org/x.html.',
    'Nice \U0001f600 day! \U0001f44d\U0001f3fd',
    'Arabic: \u0642\u0627\u0644 "\u0644\u0627" \u0627\u0644\u064a\u0648\u0645.',
    'Hebrew: \u05d0\u05de\u05e8 "\u05dc\u05d0" \u05d4\u05d9\u05d5\u05dd.',
    'a\tb\nc\xa0d e\u2028f\u3000g.', ' lead and trail ', '\t"quoted"\t', '  "spaced" ',
    'x \xa0"y"', 'a,\x1cb', 'a\x1c"b"\x1c.', 'end ,', 'end,', 'end, ', 'end:', 'a.\n', 'a,\n',
    'end. ', 'end.\t', 'end . ', 'x." y', 'x."\ty', '\xabOui\xbb, dit-il.',
    '\u201eJa\u201c sagte er.', 'He (said) [so] {ok} <b>.', 'a -- b\u2014c\u2013d',
    '#tag @user 50% & more; a*b', 'He said." Then', "said.'' Then", 'Jr.? no', 'it.)', 'it.")',
    "what?'' he asked", 'the zqxjz word', 'zqxjz', 'He said zqxjz.', 'the zqxjz. word',
    '"U.S. officials said.', "'Mr. Smith,' he said.", 'The U.S.\tand U.K.\nmet.', 'I wanna go.',
    "dogs'\x1cbone", "dogs'\tbone", 'wanna\x1cgo', 'He\x1cleft the U.S.\x1cyesterday.',
]
# Pieces that stress the start and end of a sentence, tried first, in the middle and last.
_EDGE_PIECES = [
    '"We', "''We", "'We", '`We', '\u201cWe', '(We', 'said.', 'said."', "said.''", "said.')",
    'U.S.', 'U.S."', 'said..', 'said...', 'said.,', 'said,', 'said:', "said'", "said''", 'said?',
    "said?''", 'said!"', '(AP).', "it's.", 'cannot.', 'wanna.', "'tis.", '..', '."', ".''", '"',
    ')', "''", 'x.y.', '3.5.', '$.', '--.', '\u2019.', 'said.\u201d', "n's'", "x'S'", "md'd'",
    "it's'", 'Mr.', 'Mr.,', "'Mr.", '"U.S.', 'zqxjz.',
]


def _hostile_texts() -> list[str]:
    texts = list(HOSTILE)
    for piece in _EDGE_PIECES:
        texts += [piece, f"{piece} he said", f"He said {piece} twice", f"He said {piece}"]
    for quote in _QUOTES:
        texts += [f"{quote}Hi{quote} he said.", f"He said {quote}no.{quote}"]
        texts.append(f"He said {quote} no {quote} .")
    line = 'The "quick" fox can\'t jump the U.S. border, (he said).'
    texts.append(" ".join([line] * 480))  # over 27,000 characters
    texts.append("x" * 27_000 + " y.")
    return texts


def _nyt_sentences() -> list[str]:
    lines = NYT_FILE.read_text(encoding="utf-8").split("\n")
    return [line.removesuffix("\r").split("\t")[2] for line in lines if line]


@pytest.fixture
def fresh_memo():
    """An empty piece memo, and the process's memo emptied before and after."""
    process_memo().clear()
    yield PieceMemo()
    process_memo().clear()


def _tokenize_spans(texts: list[str], memo=None) -> list[list[tuple[int, int]]]:
    """Each text's token spans from tokenize() (one call, so pieces are learnt in bulk).

    With ``memo``, from ``tokenize_chunk`` with that memo.
    """
    frame = pd.DataFrame(
        {
            "article_id": "a",
            "sentence_id": [str(i) for i in range(len(texts))],
            "start_char": [1000 * i for i in range(len(texts))],
            "text": texts,
        }
    )
    tokens = tokenize(frame) if memo is None else tokenize_chunk(frame, memo=memo)
    spans: list[list[tuple[int, int]]] = [[] for _ in texts]
    for sid, start, end, token in zip(
        tokens["sentence_id"],
        tokens["start_char"],
        tokens["end_char"],
        tokens["token"],
        strict=True,
    ):
        i = int(sid)
        spans[i].append((start - 1000 * i, end - 1000 * i))
        assert texts[i][start - 1000 * i : end - 1000 * i] == token
    return spans


def _assert_same_as_nltk(memo, texts: list[str]) -> None:
    expected = [nltk_token_spans(t) for t in texts]
    from_tokenize = _tokenize_spans(texts)
    bad = [t for t, e, s in zip(texts, expected, from_tokenize, strict=True) if e != s]
    assert not bad, f"{len(bad)}/{len(texts)} differ from NLTK via tokenize(): {bad[:5]!r}"
    memo.clear()  # again, through the given memo (bounded, or patched)
    from_chunk = _tokenize_spans(texts, memo)
    bad = [t for t, e, s in zip(texts, expected, from_chunk, strict=True) if e != s]
    assert not bad, f"{len(bad)}/{len(texts)} differ from NLTK via tokenize_chunk: {bad[:5]!r}"
    memo.clear()  # and one sentence at a time from an empty memo
    bad = [t for t, e in zip(texts, expected, strict=True) if memo.token_spans(t) != e]
    assert not bad, f"{len(bad)}/{len(texts)} differ from NLTK via token_spans: {bad[:5]!r}"


def test_tokens_are_nltks_on_the_seed_corpus(seed_dir, fresh_memo):
    from helpers.corpus import load_corpus

    texts = split_sentences(load_corpus(seed_dir).articles)["text"].tolist()
    assert len(texts) >= 100
    _assert_same_as_nltk(fresh_memo, texts)


def test_tokens_are_nltks_on_nyt_sentences(fresh_memo):
    texts = _nyt_sentences()
    assert len(texts) == 5190
    _assert_same_as_nltk(fresh_memo, texts)


def test_tokens_are_nltks_on_hostile_text(fresh_memo):
    texts = _hostile_texts()
    assert max(map(len, texts)) >= 27_000
    _assert_same_as_nltk(fresh_memo, texts)
    # and the same pieces shuffled into new sentences of single spaces
    import random

    rng = random.Random(0)
    pieces = [p for t in texts if len(t) < 200 for p in t.split()]
    shuffled = [" ".join(rng.choices(pieces, k=rng.randint(2, 8))) for _ in range(1500)]
    _assert_same_as_nltk(fresh_memo, shuffled)


def test_hostile_tokens_spot_checks(fresh_memo):
    def tokens(text):
        return [text[s:e] for s, e in fresh_memo.token_spans(text)]

    assert tokens("He left the U.S.") == ["He", "left", "the", "U.S", "."]
    assert tokens("He left the U.S. )") == ["He", "left", "the", "U.S", ".", ")"]
    assert tokens("The U.S. and he said.\"") == ["The", "U.S.", "and", "he", "said", ".", '"']
    assert tokens("''Yes,'' I cannot go.") == [
        "''", "Yes", ",", "''", "I", "can", "not", "go", "."
    ]
    assert tokens("") == [] and tokens("   ") == []


def test_unusable_pieces_send_the_sentence_to_nltk_whole(fresh_memo, monkeypatch):
    # If no piece can be trusted, every sentence is NLTK's own call: still identical.
    monkeypatch.setattr(pieces, "_checked", lambda piece, tokens: None)
    texts = _hostile_texts()[:150]
    _assert_same_as_nltk(fresh_memo, texts)
    assert len(fresh_memo) > 0
    assert all(v is None for table in fresh_memo.tables() for v in table.values())


def test_piece_memo_is_bounded(monkeypatch):
    monkeypatch.setattr(tokens_module, "BLOCK_SENTENCES", 3)
    memo = PieceMemo(max_pieces=40)
    texts = _nyt_sentences()[:300]
    sizes = []
    for text in texts:
        memo.token_spans(text)
        sizes.append(len(memo))
    assert max(sizes) < 40 + 100  # cleared when full, before the next sentence
    _assert_same_as_nltk(memo, texts)


def test_the_tokens_do_not_depend_on_the_memo(fresh_memo):
    # tokenize uses the process's memo; tokenize_chunk the one it is given, filling it.
    texts = _nyt_sentences()[:50]
    assert _tokenize_spans(texts) == _tokenize_spans(texts, fresh_memo)
    assert len(process_memo()) > 0 and len(fresh_memo) > 0
    assert _tokenize_spans(texts, fresh_memo) == _tokenize_spans(texts, PieceMemo())
    assert _tokenize_spans(texts) == _tokenize_spans(texts, PieceMemo(max_pieces=1))


# --- stopwords and the NLTK data folder ----------------------------------------------


def test_stopwords():
    assert isinstance(STOPWORDS, frozenset)
    assert {"the", "and", "'s", "n't", "'re", "'ll", "s", "t"} <= STOPWORDS
    for word in ["bill", "sincere", "fire", "interest", "system", "side", "un", "said"]:
        assert word not in STOPWORDS, word
    assert STOPWORDS - CONTRACTION_PIECES <= ENGLISH_STOP_WORDS
    assert len(STOPWORDS) > 280
    assert all(w == w.lower() and " " not in w for w in STOPWORDS)


def test_abbreviations_and_starters_are_in_punkt_form():
    assert {"u.s", "a.m", "p.m", "mr", "gen", "sen", "jan", "sept", "d.c"} <= NEWS_ABBREVIATIONS
    assert all(w == w.lower() and not w.endswith(".") for w in NEWS_ABBREVIATIONS)
    assert all(w == w.lower() for w in SENTENCE_STARTERS)
    assert 45 <= len(NEWS_ABBREVIATIONS) <= 120


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


@pytest.fixture
def nltk_path(monkeypatch):
    """Keep the test's tmp folders off the real nltk.data.path."""
    import nltk

    monkeypatch.setattr(nltk.data, "path", list(nltk.data.path))
    return nltk.data.path


def test_data_folder_contents_and_permissions(tmp_path, nltk_path):
    import zipfile

    old_umask = os.umask(0o000)  # a umask that would leave everything world-writable
    try:
        root = ensure_nltk_data(root=tmp_path / "data")
    finally:
        os.umask(old_umask)
    assert root == (tmp_path / "data").resolve()
    assert nltk_path[0] == str(root)
    files = _snapshot(root)
    assert set(files) == {
        STAMP_NAME,
        "sentiment/vader_lexicon.zip",
        "tokenizers/punkt_tab/english/abbrev_types.txt",
        "tokenizers/punkt_tab/english/sent_starters.txt",
        "tokenizers/punkt_tab/english/collocations.tab",
        "tokenizers/punkt_tab/english/ortho_context.tab",
        "corpora/stopwords/english",
    }
    assert files["corpora/stopwords/english"].decode().split() == sorted(STOPWORDS)
    assert "u.s\n" in files["tokenizers/punkt_tab/english/abbrev_types.txt"].decode()
    assert files["tokenizers/punkt_tab/english/collocations.tab"] == b""
    with zipfile.ZipFile(root / "sentiment/vader_lexicon.zip") as zf:
        assert zf.namelist() == ["vader_lexicon/vader_lexicon.txt"]
        assert zf.getinfo("vader_lexicon/vader_lexicon.txt").date_time == (1980, 1, 1, 0, 0, 0)
        lexicon = zf.read("vader_lexicon/vader_lexicon.txt")
    import vaderSentiment

    assert lexicon == (Path(vaderSentiment.__file__).parent / "vader_lexicon.txt").read_bytes()
    for path in [root, *root.rglob("*")]:
        mode = path.stat().st_mode
        assert not mode & (stat.S_IWGRP | stat.S_IWOTH), path


def test_data_folder_rebuilds_byte_identical(tmp_path, nltk_path):
    first = ensure_nltk_data(root=tmp_path / "one")
    before = _snapshot(first)
    stamp_mtime = (first / STAMP_NAME).stat().st_mtime_ns

    # already built: nothing is rewritten
    ensure_nltk_data(root=first)
    assert (first / STAMP_NAME).stat().st_mtime_ns == stamp_mtime

    # a stale stamp forces a rebuild, which restores a damaged file byte for byte
    (first / "corpora/stopwords/english").write_text("damaged\n")
    (first / STAMP_NAME).write_text("stale\n")
    ensure_nltk_data(root=first)
    assert _snapshot(first) == before

    # a missing file is rebuilt even with a good stamp
    (first / "sentiment/vader_lexicon.zip").unlink()
    ensure_nltk_data(root=first)
    assert _snapshot(first) == before

    # and a fresh folder elsewhere is identical
    assert _snapshot(ensure_nltk_data(root=tmp_path / "two")) == before


def test_data_folder_is_refused_by_nltk_when_world_writable(tmp_path, nltk_path):
    """Why the build chmods: NLTK 3.10 will not read a group/world-writable root."""
    import nltk

    root = ensure_nltk_data(root=tmp_path / "data")
    assert nltk.data.find("corpora/stopwords/english")
    os.chmod(root, 0o777)
    try:
        nltk.data.path[:] = [str(root)]
        with pytest.warns(RuntimeWarning), pytest.raises(LookupError):
            nltk.data.find("corpora/stopwords/english")
    finally:
        os.chmod(root, 0o755)


OFFLINE_SCRIPT = textwrap.dedent(
    """
    import socket

    def refuse(*args, **kwargs):
        raise OSError("network blocked by test")

    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
    try:
        socket.create_connection(("pypi.org", 443))
        raise SystemExit("socket block failed")
    except OSError:
        pass

    import nltk
    nltk.download = refuse  # nothing may try to download

    # Only the folder ensure_nltk_data() adds may serve data (no system-wide nltk_data).
    # Without it the standard calls fail, so passing below proves the folder works.
    nltk.data.path[:] = []
    try:
        nltk.sent_tokenize("One. Two.")
        raise SystemExit("punkt found without ensure_nltk_data")
    except LookupError:
        pass

    # split_sentences/tokenize need no data folder at all.
    import pandas as pd
    from helpers.text import split_sentences, tokenize
    arts = pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "body": ["Hi there. Bye now."]})
    assert len(tokenize(split_sentences(arts))) == 6

    from helpers.nltk_data import STOPWORDS, ensure_nltk_data
    root = ensure_nltk_data()
    assert nltk.data.path[0] == str(root)

    assert nltk.sent_tokenize("He left the U.S. The talks failed. Mr. Abbas met Gen. Smith "
                              "on Jan. 5. It ended at 3 a.m. Thursday.") == [
        "He left the U.S.", "The talks failed.", "Mr. Abbas met Gen. Smith on Jan. 5.",
        "It ended at 3 a.m. Thursday."]
    assert nltk.word_tokenize("Kerry's aide can't go.") == [
        "Kerry", "'s", "aide", "ca", "n't", "go", "."]
    from nltk.corpus import stopwords
    assert sorted(stopwords.words("english")) == sorted(STOPWORDS)
    from nltk.sentiment.vader import SentimentIntensityAnalyzer
    sia = SentimentIntensityAnalyzer()
    assert sia.polarity_scores("a great and happy day")["compound"] > 0.5
    assert sia.polarity_scores("a terrible, deadly attack")["compound"] < -0.5
    print("offline ok")
    """
)


def test_standard_nltk_calls_work_offline(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "NLTK_DATA"}
    env["HOME"] = str(tmp_path)  # no ~/nltk_data to fall back on
    result = subprocess.run(
        [sys.executable, "-c", OFFLINE_SCRIPT],
        check=False, env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip() == "offline ok"


def test_falls_back_when_the_project_cache_cannot_be_written(tmp_path, monkeypatch, nltk_path):
    from helpers import nltk_data

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where .cache would be\n")
    monkeypatch.setattr(nltk_data, "DEFAULT_NLTK_DATA_DIR", blocker / "nltk_data")
    monkeypatch.setattr(nltk_data, "FALLBACK_NLTK_DATA_DIR", tmp_path / "home-cache")
    root = nltk_data.ensure_nltk_data()
    assert root == (tmp_path / "home-cache").resolve()
    assert (root / "corpora/stopwords/english").is_file()
    assert nltk_path[0] == str(root)

    monkeypatch.setattr(nltk_data, "FALLBACK_NLTK_DATA_DIR", blocker / "also-not")
    with pytest.raises(OSError, match="Cannot write the NLTK data folder"):
        nltk_data.ensure_nltk_data()


def test_two_apostrophes_close_a_quotation():
    body = "Smith was pleased. \"It was a pleasure to watch,'' he told reporters. \"We won.\""
    assert [body[s:e] for s, e in quote_spans(body)] == ["\"It was a pleasure to watch,''", '"We won."']
    assert [closing_width(body[s:e]) for s, e in quote_spans(body)] == [2, 1]
    assert quote_spans("The players'' kit was new.") == []  # never an opening mark


def test_typewriter_double_quotes_open_a_quotation():
    body = ("``We believe this is a new species,'' Jo Park told a news conference.\n\n"
            "Ann Lee told reporters, ''In the event of danger we will respond.''\n\n"
            "``It is the common ancestor of us all.''")
    spans = quote_spans(body)
    assert [body[s:e] for s, e in spans] == [
        "`We believe this is a new species,''", "'In the event of danger we will respond.''",
        "`It is the common ancestor of us all.''",
    ]
    assert [body[s + 1:e - closing_width(body[s:e])] for s, e in spans] == [
        "We believe this is a new species,", "In the event of danger we will respond.",
        "It is the common ancestor of us all.",
    ]
    # near misses: two apostrophes after a word or a digit, or before a space, open nothing
    assert quote_spans("The players'' kit and a 5'' screen were new.") == []
    assert quote_spans("He typed '' and `` as marks.") == []
    # a closing pair after a space does not take two characters of the quotation
    assert closing_width("'no ''") == 1


def test_a_mark_before_said_closes_rather_than_reopens():
    body = 'Jo added: "This is a step beyond. It is an example "said Ann Lee, a scientist.'
    assert [body[s:e] for s, e in quote_spans(body)] == ['"This is a step beyond. It is an example "']
    body = 'He said "talks were over. Then she said "we go on" later.'
    assert [body[s:e] for s, e in quote_spans(body)] == ['"we go on"']  # a word that is no such verb reopens


def test_a_quotation_after_a_colon_runs_to_its_paragraphs_end():
    first = 'On the criticism, Goyal said: "In my opinion the priority is right.'
    body = first + "\n\nHis rivals disagreed."
    assert quote_spans(body) == [(first.index('"'), len(first))]
    assert closing_width(body[first.index('"'):len(first)]) == 0
    lone = '"We are happy. I think the fans enjoyed it.\n\nThe match ended late.'
    assert [lone[s:e] for s, e in quote_spans(lone)] == ['"We are happy. I think the fans enjoyed it.']


def test_single_quoted_quotations_in_a_paragraph_without_double_quotes():
    body = ("Union Minister Jo Park spoke. 'Therefore, we are taking the blessings of the public', Park said.\n\n"
            "The 'Jan Ashirwad Yatra', began Monday. 'Odysseus' lander sets course for the moon.\n\n"
            "He said: 'I don't think the players' kit was right.' Then he left.\n\n"
            "She called it \"a fine day for all\" and the 'Big Four Summit Talks', she said.")
    assert [body[s:e] for s, e in quote_spans(body)] == [
        "'Therefore, we are taking the blessings of the public'",  # closed before a comma
        "'I don't think the players' kit was right.'",  # contractions and a possessive inside
        '"a fine day for all"',  # a paragraph with double quotes reads only those
    ]
    assert closing_width("'Therefore, we are taking the blessings of the public'") == 1


# Written for the block-wise path of helpers.text.tokens (usual sentences looked up all at
# once, the others one by one): characters the usual path must leave to NLTK, and usual
# sentences between them.
_MORE_HOSTILE = [
    'zero\u200bwidth space', 'join\u200dthe \U0001f468\u200d\U0001f469 family.', 'soft\xadhyphen here.',
    'rtl \u200fmark\u200e here.', '\u202bembedded\u202c text.', 'bom\ufeff here.',
    'What?!?!?!?!?! No!!!!!!!!', '...... ,,,,, ;;;;; ----- ((((( ))))) """""', "'''''' ``````",
    'It rose 1,234,567.89 points, or 12,5%.', 'Visit http://a.b/c?d=1,2&e="f" now.',
    'https://example.com/x.html.', 'U.S.', 'He went to the U.S.', 'The U.S. said.', "can't",
    "It can't be, can't it?", "We're gonna go.", "gonna", '"Hello," he said.', "'Hello,' he said.",
    '\u201cHello,\u201d he said.', 'He said \u201cno.\u201d', 'He said: \u201cno\u201d.',
    'It was a \u2018test\u2019, he said.', 'A \U0001f600 B \U0001f600.', '\U0001f600 \U0001f600 )',
    '\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd.',
    '\u0645\u0631\u062d\u0628\u0627 \u0628\u0643\u0645 "\u0646\u0639\u0645".',
    'Two  spaces here.', ' lead space.', 'trail space. ', 'one', 'x )', 'x ) "', 'said. )',
]


def test_block_path_matches_nltk_on_mixed_blocks(fresh_memo, monkeypatch):
    # Usual sentences (single spaces, printable) and unusual ones in the same small blocks,
    # so every splice between the two paths and every block edge is crossed.
    import random

    monkeypatch.setattr(tokens_module, "BLOCK_SENTENCES", 7)
    rng = random.Random(1)
    usual = _nyt_sentences()[:400]
    texts = usual[:100] + _MORE_HOSTILE + usual[100:200]
    mixed = [rng.choice([*usual[200:], *_MORE_HOSTILE, *_hostile_texts()[:120]]) for _ in range(600)]
    _assert_same_as_nltk(fresh_memo, texts + mixed)
    # a block with no usual sentence at all, and one with nothing else
    _assert_same_as_nltk(fresh_memo, ["\t", "a", " x ", "one"] * 3)
    _assert_same_as_nltk(fresh_memo, usual[:20])
    # pieces that cannot be done alone (here: any with a "w") send their usual sentences
    # to NLTK whole, between the others
    checked = pieces._checked
    monkeypatch.setattr(pieces, "_checked", lambda piece, tokens: None if "w" in piece else checked(piece, tokens))
    fresh_memo.clear()
    _assert_same_as_nltk(fresh_memo, texts + mixed)
    assert any(v is None for v in fresh_memo.middle.values())


def test_non_text_sentences_have_no_tokens(fresh_memo):
    texts = ["He said no.", None, "She said \u201cyes.\u201d", float("nan"), "Two  spaces."]
    frame = pd.DataFrame({"article_id": "a", "sentence_id": ["0", "1", "2", "3", "4"],
                          "start_char": [0, 100, 200, 300, 400], "text": texts})
    tokens = tokenize_chunk(frame, memo=fresh_memo)
    assert set(tokens["sentence_id"]) == {"0", "2", "4"}
    for sid, start in (("0", 0), ("2", 200), ("4", 400)):
        rows = tokens[tokens["sentence_id"] == sid]
        want = nltk_token_spans(texts[int(sid)])
        assert list(zip(rows["start_char"] - start, rows["end_char"] - start, strict=True)) == want
        assert rows["token_n"].tolist() == list(range(1, len(want) + 1))
    strings, per_sentence = token_strings(frame, memo=fresh_memo)
    want_counts = [len(nltk_token_spans(t)) if isinstance(t, str) else 0 for t in texts]
    assert per_sentence.tolist() == want_counts and strings == tokens["token"].tolist()
