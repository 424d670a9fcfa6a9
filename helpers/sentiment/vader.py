"""VADER scores as NLTK's ``polarity_scores`` gives them, without its per-sentence set-up.

NLTK's ``SentimentIntensityAnalyzer.polarity_scores`` spends most of each call building
``SentiText``: a dictionary of every word of the sentence with each of VADER's 17
punctuation marks before and after it, only to turn "Kerry," back into "Kerry". That
dictionary says no more than this rule, applied here to each whitespace-separated piece:
a piece that is one of ``PUNC_LIST`` followed (or preceded) by two or more characters
none of which is ASCII punctuation becomes those characters. Pieces are looked up once
and kept (``MEMO_MAX``).

Everything else is NLTK's rules on the same words in the same order: the lexicon
lookup, capitals, boosters, negation, "never so", idioms, "least", "but", "!" and "?"
(``sentiment_valence``, ``_but_check``, ``score_valence``, written out in
``helpers.sentiment.vader_rules`` with what they read of each word looked up once per
distinct piece), so the scores are the same numbers, bit for bit
(``tests/test_sentiment_fast.py`` checks it against NLTK's own on the NYT benchmark, the
seeds and written hostile text). Two shortcuts, both exact: a sentence none of whose
words is in the lexicon scores as VADER scores it (``neu`` 1, the rest 0) without the
loop, and a text repeated in a batch is scored once.
"""

from __future__ import annotations

import string

import numpy as np
import pandas as pd

from .vader_rules import Rules, WordFacts, score_valence, word_facts

SCORE_COLUMNS = ["neg", "neu", "pos", "compound"]
ASCII_PUNCTUATION = frozenset(string.punctuation)  # what NLTK's REGEX_REMOVE_PUNCTUATION removes
MEMO_MAX = 500_000  # pieces remembered per scorer; the memo starts again past this
NO_WORDS = (0.0, 0.0, 0.0, 0.0)  # VADER on a text with no word: neg, neu, pos, compound
NO_LEXICON_WORD = (0.0, 1.0, 0.0, 0.0)  # every word valence 0


def _no_punctuation(text: str) -> bool:
    return ASCII_PUNCTUATION.isdisjoint(text)


def strip_piece(piece: str, marks: frozenset[str]) -> str:
    """``piece`` as ``SentiText`` leaves it: one of ``marks`` (VADER's ``PUNC_LIST``) before or
    after two or more characters without ASCII punctuation is taken off; anything else stays."""
    j = 0
    while j < len(piece) and piece[j] in ASCII_PUNCTUATION:
        j += 1
    if j:  # punctuation first: only a mark before a word can come off
        word = piece[j:]
        if piece[:j] in marks and len(word) > 1 and _no_punctuation(word):
            return word
        return piece
    k = len(piece)
    while k > 0 and piece[k - 1] in ASCII_PUNCTUATION:
        k -= 1
    word = piece[:k]
    if k < len(piece) and piece[k:] in marks and len(word) > 1 and _no_punctuation(word):
        return word
    return piece


class _PieceMemo(dict):
    """``WordFacts`` of each whitespace piece seen (``None`` for a piece of one character,
    which ``SentiText`` drops), found on first sight; emptied past ``MEMO_MAX`` pieces."""

    def __init__(self, marks: frozenset[str], negate):
        super().__init__()
        self.marks, self.negate = marks, negate

    def __missing__(self, piece: str) -> WordFacts | None:
        if len(self) > MEMO_MAX:
            self.clear()
        found = self[piece] = word_facts(strip_piece(piece, self.marks), self.negate) if len(piece) > 1 else None
        return found


class CompiledVader:
    """``polarity_scores`` of an NLTK ``SentimentIntensityAnalyzer`` (its lexicon and constants), faster.

    Parameters
    ----------
    sia
        The analyzer whose scores to give (``helpers.sentiment.analyzer()``, or the
        lexicon as shipped). Its lexicon is read at each call, as NLTK reads it.
    """

    def __init__(self, sia):
        self.sia = sia
        self.marks = frozenset(sia.constants.PUNC_LIST)
        self.negate = sia.constants.NEGATE
        self.rules = Rules(sia)
        self._memo = _PieceMemo(self.marks, self.negate)

    def scores(self, text: str) -> tuple[float, float, float, float]:
        """NLTK's ``polarity_scores(text)`` as ``(neg, neu, pos, compound)``."""
        if not isinstance(text, str):
            return tuple(self.sia.polarity_scores(text)[c] for c in SCORE_COLUMNS)
        facts = list(filter(None, map(self._memo.__getitem__, text.split())))  # one-character pieces: None
        if not facts:
            return NO_WORDS
        lexicon = self.sia.lexicon
        lowers = [f.lower for f in facts]
        if lexicon.keys().isdisjoint(lowers):
            return NO_LEXICON_WORD
        return score_valence(self.rules.sentiments(facts, lowers, lexicon), text)

    def polarity_scores(self, text: str) -> dict[str, float]:
        """NLTK's ``polarity_scores(text)``: ``neg``, ``neu``, ``pos``, ``compound``."""
        return dict(zip(SCORE_COLUMNS, self.scores(text), strict=True))

    def score(self, texts) -> pd.DataFrame:
        """Scores of each text (a missing value scores as ""), each distinct text scored once.

        Returns
        -------
        DataFrame
            One row per text, in order: ``neg, neu, pos, compound`` (float64).
        """
        texts = pd.Series(list(texts), dtype=object)
        texts = texts.where(texts.map(lambda t: isinstance(t, str)), "")
        codes, distinct = pd.factorize(texts, use_na_sentinel=False)
        rows = np.array(list(map(self.scores, distinct)), dtype="float64").reshape(-1, len(SCORE_COLUMNS))
        return pd.DataFrame(rows[codes] if len(codes) else rows[:0], columns=SCORE_COLUMNS)
