"""Target features: what the tone-toward-a-mention model reads around each person mention.

Three kinds, for a sentence and the character offsets of one mention in it:

- ``marked_text``: the sentence's lowercased tokens with the mention replaced by the
  placeholder ``MENTION`` ("_target_"), so "criticised _target_" and "_target_ criticised"
  are different word pairs for the TF-IDF part of the model;
- ``lexicon_features``: numbers in ``DENSE_FEATURES`` order, built from the VADER lexicon's
  word valences (the ``vaderSentiment`` package's ``vader_lexicon.txt``, MIT licence), the
  distance of each sentiment word from the mention, negation, the clause the mention sits
  in, quotation marks and speech verbs (``helpers/data/speech_verbs.csv``); the same
  distance sums with the AFINN-165 lexicon (``helpers/data/afinn.csv``, ODbL);
- ``proximity_weights``: each word on either side of the mention, weighted by how near it is.

The model that uses them is trained by ``python -m validation.newsmtsc train``; both read
this module, so training and prediction see the same features.
"""

from __future__ import annotations

import functools
import importlib.resources
import math
import re

import numpy as np

from ..quotes.vocabulary import SPEECH_VERBS
from ..wordlists import read_rows

MENTION = "_target_"  # stands for the mention in marked_text; no real token contains "_"
# Words, numbers and contractions ("don't", "trump’s") as one token; any other non-space
# character (punctuation, quotation marks) as a token of its own.
TOKEN = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?|[^\sa-z0-9]", re.IGNORECASE)
# Where a clause ends, for the clause around the mention.
CLAUSE_BREAK = re.compile(r"[,;:()—–]")
# Negations: VADER's list (nltk.sentiment.vader.VaderConstants.NEGATE) plus "n't", which our
# tokenizer leaves inside the word, so the word itself is checked for it.
NEGATION_WINDOW = 6  # tokens either side of the mention searched for a negation
SPEECH_WINDOW = 3  # tokens either side of the mention searched for a speech verb
# Distance decay of a sentiment word's weight: exp(-tokens away / scale), at three scales
# (the adjacent words; a short phrase; the whole clause). Chosen on a held-out part of
# NewsMTSC's train.jsonl (validation/newsmtsc/README.md).
DECAY_SCALES = (1.5, 4.0, 10.0)
# The proximity view weighs every word by its distance from the mention at this scale.
PROXIMITY_SCALE = 8.0
LENGTH_SCALE = 40.0  # tokens; divides the counts of tokens left and right of the mention
PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "they", "them", "their", "i", "we", "me", "us"})


def _side_names(side: str) -> list[str]:
    decayed = [f"{side}_{sign}_decay{scale:g}" for scale in DECAY_SCALES for sign in ("pos", "neg")]
    return [*decayed, f"{side}_pos_sum", f"{side}_neg_sum", f"{side}_negation"]


def _afinn_names() -> list[str]:
    sides = [f"afinn_{side}_{sign}_decay{scale:g}" for side in ("left", "right") for scale in DECAY_SCALES
             for sign in ("pos", "neg")]
    return [*sides, "afinn_clause_pos", "afinn_clause_neg"]


DENSE_FEATURES = (
    *_side_names("left"), *_side_names("right"),
    "sentence_pos_sum", "sentence_neg_sum",
    "mention_first", "n_tokens_left", "n_tokens_right", "mention_pronoun", "mention_in_quote",
    "speech_verb_after", "speech_verb_before", "mention_possessive", "mention_tokens",
    "clause_pos_sum", "clause_neg_sum", "clause_negated", "clause_negated_pos", "clause_negated_neg",
    *_afinn_names(),
)


@functools.lru_cache(maxsize=1)
def vader_lexicon() -> dict[str, float]:
    """Word -> mean valence (-4...+4) from ``vaderSentiment/vader_lexicon.txt`` (cached)."""
    text = importlib.resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
    lexicon = {}
    for line in text.splitlines():
        fields = line.split("\t")
        if len(fields) >= 2:
            lexicon[fields[0]] = float(fields[1])
    return lexicon


@functools.lru_cache(maxsize=1)
def afinn_lexicon() -> dict[str, float]:
    """Word -> valence (-5...+5) from AFINN-165 (``helpers/data/afinn.csv``; cached)."""
    return {word: float(value) for word, value in read_rows("afinn")[1:]}


@functools.lru_cache(maxsize=1)
def negations() -> frozenset[str]:
    """VADER's negation words, apostrophes straightened."""
    from nltk.sentiment.vader import VaderConstants

    return frozenset(w.replace("’", "'") for w in VaderConstants.NEGATE) | {"no", "not", "never"}


def tokens(text: str) -> list[str]:
    """Lowercased tokens of ``text``, curly apostrophes straightened."""
    return [t.lower().replace("’", "'") for t in TOKEN.findall(text)]


def marked_text(sentence: str, start: int, end: int) -> str:
    """The sentence's tokens, space-joined, with the mention ``[start:end)`` as ``MENTION``."""
    return " ".join([*tokens(sentence[:start]), MENTION, *tokens(sentence[end:])])


def _sums(words: list[str], lexicon: dict[str, float]) -> tuple[float, float]:
    values = [lexicon.get(w, 0.0) for w in words]
    return sum(v for v in values if v > 0), sum(v for v in values if v < 0)


def _side(words: list[str], lexicon: dict[str, float], negs: frozenset[str]) -> list[float]:
    """Features of the words on one side, nearest first (see ``_side_names``)."""
    out = []
    for scale in DECAY_SCALES:
        pos = neg = 0.0
        for distance, word in enumerate(words):
            value = lexicon.get(word, 0.0) * math.exp(-distance / scale)
            pos, neg = (pos + value, neg) if value > 0 else (pos, neg + value)
        out += [pos, neg]
    near = words[:NEGATION_WINDOW]
    negated = any(w in negs or w.endswith("n't") for w in near)
    return [*out, *_sums(words, lexicon), float(negated)]


def _decayed(words: list[str], lexicon: dict[str, float]) -> list[float]:
    """Positive and negative valence sums of ``words`` (nearest first) at each of ``DECAY_SCALES``."""
    out = []
    for scale in DECAY_SCALES:
        values = [lexicon.get(w, 0.0) * math.exp(-d / scale) for d, w in enumerate(words)]
        out += [sum(v for v in values if v > 0), sum(v for v in values if v < 0)]
    return out


def _in_quote(before: str) -> bool:
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def lexicon_features(sentence: str, start: int, end: int) -> np.ndarray:
    """The numbers in ``DENSE_FEATURES`` order for the mention ``sentence[start:end]``."""
    lexicon, negs, speech, afinn = vader_lexicon(), negations(), frozenset(SPEECH_VERBS), afinn_lexicon()
    left, right, mention = tokens(sentence[:start]), tokens(sentence[end:]), tokens(sentence[start:end])
    clause_left = CLAUSE_BREAK.split(sentence[:start])[-1]
    clause_right = CLAUSE_BREAK.split(sentence[end:])[0]
    clause_pos, clause_neg = _sums(tokens(clause_left) + tokens(clause_right), lexicon)
    right_clause = tokens(clause_right)
    clause_negated = float(any(w in negs or w.endswith("n't") for w in right_clause))
    values = [
        *_side(left[::-1], lexicon, negs), *_side(right, lexicon, negs),
        *_sums(left + right, lexicon),
        float(not sentence[:start].strip()), len(left) / LENGTH_SCALE, len(right) / LENGTH_SCALE,
        float(bool(mention) and mention[0] in PRONOUNS), float(_in_quote(sentence[:start])),
        float(any(w in speech for w in right[:SPEECH_WINDOW])),
        float(any(w in speech for w in left[-SPEECH_WINDOW:])),
        float(sentence[end:].startswith(("'s", "’s"))), float(len(mention)),
        clause_pos, clause_neg, clause_negated, clause_negated * clause_pos, clause_negated * clause_neg,
        *_decayed(left[::-1], afinn), *_decayed(right, afinn),
        *_sums(tokens(clause_left) + right_clause, afinn),
    ]
    return np.asarray(values, dtype=float)


def proximity_weights(sentence: str, start: int, end: int, *, scale: float = PROXIMITY_SCALE) -> dict[str, float]:
    """Each word left (``L_word``) and right (``R_word``) of the mention, weighted exp(-tokens away / scale)."""
    weights: dict[str, float] = {}
    for side, words in (("L_", tokens(sentence[:start])[::-1]), ("R_", tokens(sentence[end:]))):
        for distance, word in enumerate(words):
            key = side + word
            weights[key] = weights.get(key, 0.0) + math.exp(-distance / scale)
    return weights
