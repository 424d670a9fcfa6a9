"""VADER's rules on one sentence's words, as NLTK's ``SentimentIntensityAnalyzer`` applies them.

NLTK's ``sentiment_valence``, ``_least_check``, ``_never_check``, ``_idioms_check``,
``_but_check`` and ``score_valence`` (nltk 3.9, ``nltk/sentiment/vader.py``), written out
for ``helpers.sentiment.vader.CompiledVader``: the same tests in the same order, and the
same arithmetic on the same floats in the same order, so the scores are the same numbers,
bit for bit (``tests/test_sentiment_fast.py`` compares them with NLTK's own on the NYT
benchmark, the seeds and word soups of VADER's rule words). What NLTK recomputes for every
word of every sentence (``word.lower()``, ``word.isupper()``, whether a word negates) comes
here with the word, looked up once per distinct piece (``WordFacts``); and the idiom
check builds its strings only when one of its words is a word of some idiom or two-word
booster (a string "a b" equals "x y" only if a == x and b == y, as words hold no space).
The constants (``N_SCALAR``, ``C_INCR`` ...) and word lists are read from the analyzer's
``constants``; its ``lexicon`` is read at each call, as NLTK reads it.
"""

from __future__ import annotations

import math
from typing import NamedTuple

ALPHA = 15  # VaderConstants.normalize's default: the compound score is sum / sqrt(sum**2 + 15)


class WordFacts(NamedTuple):
    """What VADER's rules read of one word (a whitespace piece, stripped as ``SentiText`` does)."""

    word: str
    lower: str
    is_upper: bool
    negates: bool  # VaderConstants.negated([word]): a NEGATE word, or one with "n't"


def word_facts(word: str, negate) -> WordFacts:
    """``word``'s facts, ``negate`` being the analyzer's ``constants.NEGATE``."""
    lower = word.lower()
    return WordFacts(word, lower, word.isupper(), lower in negate or "n't" in lower)


class Rules:
    """VADER's per-word rules and scoring for the analyzer ``sia`` (its constants)."""

    def __init__(self, sia):
        c = sia.constants
        self.sia = sia
        self.n_scalar, self.c_incr, self.b_decr = c.N_SCALAR, c.C_INCR, c.B_DECR
        self.boosters, self.idioms = c.BOOSTER_DICT, c.SPECIAL_CASE_IDIOMS
        multi = [k for k in [*self.idioms, *self.boosters] if " " in k]
        self.idiom_words = frozenset(w for k in multi for w in k.split(" "))

    def _scalar(self, facts: WordFacts, valence: float, is_cap_diff: bool) -> float:
        """``VaderConstants.scalar_inc_dec``."""
        scalar = 0.0
        if facts.lower in self.boosters:
            scalar = self.boosters[facts.lower]
            if valence < 0:
                scalar *= -1
            if facts.is_upper and is_cap_diff:
                if valence > 0:
                    scalar += self.c_incr
                else:
                    scalar -= self.c_incr
        return scalar

    def _never(self, valence: float, facts: list[WordFacts], start_i: int, i: int) -> float:
        """``_never_check``."""
        if start_i == 0:
            if facts[i - 1].negates:
                valence = valence * self.n_scalar
        elif start_i == 1:
            if facts[i - 2].word == "never" and facts[i - 1].word in ("so", "this"):
                valence = valence * 1.5
            elif facts[i - 2].negates:
                valence = valence * self.n_scalar
        elif (facts[i - 3].word == "never" and facts[i - 2].word in ("so", "this")) or (
                facts[i - 1].word in ("so", "this")):
            valence = valence * 1.25
        elif facts[i - 3].negates:
            valence = valence * self.n_scalar
        return valence

    def _idioms(self, valence: float, facts: list[WordFacts], i: int) -> float:
        """``_idioms_check`` (only called with ``i >= 3``)."""
        words = self.idiom_words
        n = len(facts)
        near = [f.word for f in facts[i - 3 : i + 3]]
        if words.isdisjoint(near):
            return valence
        w3, w2, w1, w0 = near[0], near[1], near[2], near[3]
        idioms = self.idioms
        twoone, threetwo = f"{w2} {w1}", f"{w3} {w2}"
        for seq in (f"{w1} {w0}", f"{w2} {w1} {w0}", twoone, f"{w3} {w2} {w1}", threetwo):
            if seq in idioms:
                valence = idioms[seq]
                break
        if n - 1 > i and (zeroone := f"{w0} {near[4]}") in idioms:
            valence = idioms[zeroone]
        if n - 1 > i + 1 and (zeroonetwo := f"{w0} {near[4]} {near[5]}") in idioms:
            valence = idioms[zeroonetwo]
        if threetwo in self.boosters or twoone in self.boosters:
            valence = valence + self.b_decr
        return valence

    def _least(self, valence: float, facts: list[WordFacts], i: int, lexicon) -> float:
        """``_least_check``."""
        if i > 0:
            before = facts[i - 1].lower
            if before == "least" and before not in lexicon:
                if i > 1:
                    if facts[i - 2].lower not in ("at", "very"):
                        valence = valence * self.n_scalar
                else:
                    valence = valence * self.n_scalar
        return valence

    def valence(self, facts: list[WordFacts], i: int, is_cap_diff: bool, lexicon) -> float:
        """``sentiment_valence`` of the lexicon word ``facts[i]``."""
        item = facts[i]
        valence = lexicon[item.lower]
        if item.is_upper and is_cap_diff:
            if valence > 0:
                valence += self.c_incr
            else:
                valence -= self.c_incr
        for start_i in range(0, 3):
            if i > start_i and facts[i - (start_i + 1)].lower not in lexicon:
                s = self._scalar(facts[i - (start_i + 1)], valence, is_cap_diff)
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = self._never(valence, facts, start_i, i)
                if start_i == 2:
                    valence = self._idioms(valence, facts, i)
        return self._least(valence, facts, i, lexicon)

    def sentiments(self, facts: list[WordFacts], lowers: list[str], lexicon) -> list:
        """Each word's valence after every rule, ``_but_check`` included (NLTK's loop in
        ``polarity_scores``: a word's rules look at its first occurrence, as NLTK's do).
        ``lowers`` are the words lower-cased; only those in the lexicon are looked at, as
        every other word's valence is 0 whatever its neighbours."""
        sentiments: list = [0] * len(facts)
        hits = [k for k, lower in enumerate(lowers) if lower in lexicon]
        boosters = self.boosters
        last = len(facts) - 1
        first_index: dict[str, int] | None = None
        is_cap_diff = None
        for k in hits:
            lower = lowers[k]
            if lower in boosters:
                continue
            if first_index is None:  # the first occurrence of each word, as NLTK's loop finds it
                first_index = {f.word: idx for idx, f in reversed(list(enumerate(facts)))}
                n_upper = sum(f.is_upper for f in facts)
                is_cap_diff = 0 < len(facts) - n_upper < len(facts)
            i = first_index[facts[k].word]
            if i < last and lower == "kind" and lowers[i + 1] == "of":
                continue
            sentiments[k] = self.valence(facts, i, is_cap_diff, lexicon)
        if "but" in lowers:
            bi = lowers.index("but")
            for sidx, sentiment in enumerate(sentiments):
                if sidx < bi:
                    sentiments[sidx] = sentiment * 0.5
                elif sidx > bi:
                    sentiments[sidx] = sentiment * 1.5
        return sentiments


def score_valence(sentiments: list, text: str) -> tuple[float, float, float, float]:
    """NLTK's ``score_valence``: ``(neg, neu, pos, compound)`` of non-empty ``sentiments``."""
    sum_s = float(sum(sentiments))
    ep_count = min(text.count("!"), 4)
    qm_count = text.count("?")
    qm_amplifier = 0
    if qm_count > 1:
        qm_amplifier = qm_count * 0.18 if qm_count <= 3 else 0.96
    amplifier = ep_count * 0.292 + qm_amplifier
    if sum_s > 0:
        sum_s += amplifier
    elif sum_s < 0:
        sum_s -= amplifier
    compound = sum_s / math.sqrt((sum_s * sum_s) + ALPHA)
    pos_sum, neg_sum, neu_count = 0.0, 0.0, sentiments.count(0)
    for s in filter(None, sentiments):  # a zero adds to neither sum (counted just above)
        if s > 0:
            pos_sum += float(s) + 1
        if s < 0:
            neg_sum += float(s) - 1
    if pos_sum > math.fabs(neg_sum):
        pos_sum += amplifier
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= amplifier
    total = pos_sum + math.fabs(neg_sum) + neu_count
    return (round(math.fabs(neg_sum / total), 3), round(math.fabs(neu_count / total), 3),
            round(math.fabs(pos_sum / total), 3), round(compound, 4))
