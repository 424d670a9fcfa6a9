"""The fast VADER path (helpers.sentiment.vader) gives NLTK's scores bit for bit (issue 18).

Every comparison is against NLTK's own ``polarity_scores`` with the same lexicon, on the
NYT benchmark's 5,190 sentences, the seed corpus and text written here: hostile, unicode,
and random word soups built from VADER's rule words with punctuation and capitals.
"""

from __future__ import annotations

import random
import string

import numpy as np
import pandas as pd
import pytest
from nltk.sentiment.vader import SentiText

from helpers.corpus import load_corpus
from helpers.paths import DEFAULT_CORPUS_DIR
from helpers.sentiment import analyzer, score_texts, shipped_analyzer
from helpers.sentiment.vader import CompiledVader, strip_piece
from helpers.sentiment.validation import load_benchmark
from helpers.text import split_sentences

HOSTILE = [
    "", " ", "\n\t", "a", "a b", "!!!", "???", "?!?!", ":)", ":-(", "<3", "😀 😡",
    "NOT GOOD!!! but great", "not GOOD but GREAT", "kind of good", "KIND of good", "kind OF bad",
    "never so good", "never this bad", "so good", "this good", "at least good", "very least bad",
    "least good", "the least good", "the shit", "the bomb was bad", "yeah right", "cut the mustard",
    "kiss of death", "hand to mouth", "bad ass", "isn't good", "ISN'T GOOD", "ain't bad", "nor good",
    "good,", ",good", "'good'", '"good"', "-good-", "!!good", "??good", "?!?!good", "good!?!?",
    "good!!!!", "good?? bad??", "g!", "!g", ",,good", "good,,", "(good)", "good.", "[good]",
    "Ünïcödé GREAT :) :( naïve café", "GOOD\u00a0bad\u2003nice", "good\u200bbad", "good\u2019s",
    "but", "but but good", "good but", "BUT good", "good BUT bad", "good good good bad bad",
    "extremely good", "EXTREMELY good", "extremely GOOD", "barely bad", "sort of good",
    "hardly good at all", "without doubt good", "no problem", "NO PROBLEM!!", "don't like it",
    "<script>alert('hate')</script>", "=HYPERLINK(\"bad\")", "good" * 50, " ".join(["happy"] * 300),
    "\u0000good\u0000", "good\r\nbad", "😀good😡", "ＧＯＯＤ", "İstanbul great", "ß GREAT ss",
]

RULE_WORDS = [
    "but", "BUT", "kind", "of", "least", "at", "very", "never", "so", "this", "not", "isn't", "NOT",
    "no", "nor", "without", "the", "shit", "bomb", "yeah", "right", "cut", "mustard", "kiss", "death",
    "hand", "to", "mouth", "bad", "ass", "extremely", "EXTREMELY", "barely", "sort", "hardly", "very",
    "really", "totally", "Kerry", "said", "party", "support", "peace", "war", "killed", "agreement",
]
MARKS = ["", "", "", ".", ",", "!", "?", "!!", "?!?", "'", '"', "-", ":", "(", ")", "...", "'s", "n't"]


def _nltk(sia, texts):
    return [sia.polarity_scores(t) for t in texts]


def _soups(lexicon: dict[str, float], n: int, seed: int) -> list[str]:
    """Random sentences of rule words and lexicon words, with marks and capitals."""
    rng = random.Random(seed)
    vocabulary = RULE_WORDS + rng.sample(sorted(lexicon), 300)
    out = []
    for _ in range(n):
        words = []
        for _ in range(rng.randint(0, 25)):
            word = rng.choice(vocabulary)
            word = word.upper() if rng.random() < 0.15 else word
            words.append(rng.choice(MARKS) + word + rng.choice(MARKS))
        out.append(rng.choice([" ", "  ", "\t"]).join(words) + rng.choice(["", ".", "!", "!!", "??", "?"]))
    return out


def test_compiled_equals_nltk_on_the_nyt_benchmark_and_the_seeds():
    sia = analyzer()  # the scorer of every score in the report
    texts = load_benchmark().sentences["text"].tolist()
    assert len(texts) == 5190
    articles, _, _ = load_corpus(DEFAULT_CORPUS_DIR)
    texts += split_sentences(articles)["text"].tolist()
    fast = CompiledVader(sia)
    got = [fast.polarity_scores(t) for t in texts]
    assert got == _nltk(sia, texts)
    assert any(s["compound"] != 0 for s in got) and any(s["compound"] == 0 for s in got)


@pytest.mark.parametrize("make", [analyzer, shipped_analyzer], ids=["news", "shipped"])
def test_compiled_equals_nltk_on_hostile_text_and_word_soups(make):
    sia = make()
    texts = HOSTILE + _soups(sia.lexicon, 2000, seed=18)
    fast = CompiledVader(sia)
    for text, want in zip(texts, _nltk(sia, texts), strict=True):
        assert fast.polarity_scores(text) == want, text
    # the memo of pieces gives the same scores the second time
    assert [fast.polarity_scores(t) for t in texts[:500]] == _nltk(sia, texts[:500])


def test_strip_piece_is_sentitexts_rule():
    constants = analyzer().constants
    marks = frozenset(constants.PUNC_LIST)
    pieces = [m1 + w + m2 for w in ["ab", "a", "abc", "a'b", "naïve", "x-y", "😀😀", "A.B", ""]
              for m1 in ["", *constants.PUNC_LIST, "(", "!!!!"] for m2 in ["", *constants.PUNC_LIST, ")"]]
    for piece in pieces:
        if len(piece) < 2 or any(c.isspace() for c in piece):
            continue
        want = SentiText(piece, constants.PUNC_LIST, constants.REGEX_REMOVE_PUNCTUATION).words_and_emoticons
        assert [strip_piece(piece, marks)] == want, piece


def test_score_texts_scores_repeats_and_missing_values_as_nltk():
    sia = analyzer()
    texts = ["Kerry said the talks were a great success.", None, "It was a disaster!", float("nan"),
             "Kerry said the talks were a great success.", "", "It was a disaster!"]
    got = score_texts(texts)
    want = pd.DataFrame(_nltk(sia, [t if isinstance(t, str) else "" for t in texts]))
    assert list(got.columns) == ["neg", "neu", "pos", "compound"]
    np.testing.assert_array_equal(got.to_numpy(), want[got.columns].to_numpy())
    assert got["compound"].iloc[0] > 0 > got["compound"].iloc[2]
    assert score_texts([]).shape == (0, 4)
    assert string.punctuation  # VADER's punctuation is ASCII: the rule above depends on it
