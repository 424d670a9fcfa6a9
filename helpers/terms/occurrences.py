"""Tokens -> one row per counted word or phrase: its outlet, the country, phrases, stopwords, stems.

``term_occurrences`` is the first step of every count in ``helpers.terms``; the pieces
the other modules share (each token's outlet, which tokens are words, the evidence that
a word is a name, stemming) are public here so that chunked counting
(``helpers.terms.counting.count_terms``) applies exactly the same rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from nltk.stem import PorterStemmer, SnowballStemmer

from ..nltk_data import STOPWORDS
from ..tables import require_columns
from .tokenchunks import token_chunks

# The country, however an outlet writes it. Matched case-sensitively on the token as
# written, so the pronoun "us" (a stopword) stays a stopword while "US" the country is
# counted. "U.S" is how the Treebank tokenizer leaves "U.S." at the end of a sentence
# (the final period split off). "United States" is two tokens, joined into one.
COUNTRY_TERM = "u.s."
COUNTRY_FORMS = frozenset({"US", "U.S.", "U.S", "USA", "U.S.A.", "U.S.A"})
COUNTRY_PHRASES = (("United", "States"),)
# A sentence whose letters are mostly capitals ("TELL US WHAT YOU THINK") is shouting,
# where "US" is the pronoun: half is where running text (a few capitals) and
# headline-caps text (nearly all capitals) are far apart.
MAX_UPPER_SHARE = 0.5

# Tokens that are pieces of a word, not words: the Treebank tokenizer splits clitics
# off ("Kerry's" -> "Kerry" "'s", "don't" -> "do" "n't"). They are not counted as words
# in the per-1,000 denominator. ("ca"/"wo" of "can't"/"won't" are the word itself.)
CLITICS = frozenset({"'s", "n't", "'re", "'m", "'ll", "'ve", "'d", "'"})

STEMMERS = ("snowball", "porter")  # NLTK stemmers that need no downloaded data
DEFAULT_STEMMER = "snowball"  # Porter2, the Snowball project's revision of Porter (1980)
MIN_TERM_CHARS = 2  # single letters left over from initials ("John F. Kerry") say nothing
LETTER = re.compile(r"[^\W\d_]")  # a letter of any script: what makes a token a word
ALNUM = re.compile(r"[^\W_]")  # a letter or a digit: a token without one is punctuation
# A hyphenated compound ("Netanyahu-Kerry", "U.S.-brokered", "Israeli-Palestinian") is one
# token for the tokenizer; each of its parts is a word a reader would count, so the parts
# are counted (and the compound is not): "Kerry" in "the Netanyahu-Kerry meeting" is a use
# of Kerry. Only the ASCII hyphen joins compounds; dashes are the tokenizer's punctuation.
HYPHEN = "-"

# What an occurrence row is: a word (what every count and total is made of), or a
# phrase counted besides its words (a row of its own; never in the totals).
WORD, PHRASE = "word", "phrase"

TOKEN_COLUMNS = ["article_id", "sentence_id", "token_n", "start_char", "end_char",
                 "token", "lower", "is_alpha", "is_punct", "is_stop"]
OCCURRENCE_COLUMNS = [
    "article_id", "outlet", "sentence_id", "token_n", "start_char", "end_char",
    "token", "form", "term", "kind",
]


def compound_parts(token: str) -> list[tuple[int, str]]:
    """``(offset, part)`` of each part of a hyphenated compound; ``[]`` for any other token."""
    if HYPHEN not in token or not ALNUM.search(token):
        return []
    parts, offset = [], 0
    for piece in token.split(HYPHEN):
        if piece:
            parts.append((offset, piece))
        offset += len(piece) + len(HYPHEN)
    if len(parts) < 2 or not all(ALNUM.search(p) for _, p in parts):
        return []
    return parts


def split_compounds(tokens: pd.DataFrame) -> pd.DataFrame:
    """The token table with each hyphenated compound replaced by its parts, in place.

    "Netanyahu-Kerry" (one token) becomes "Netanyahu" and "Kerry", each with its own
    ``start_char``/``end_char`` inside the compound and the tokenizer's flags worked out
    again for the part (``is_alpha``, ``is_punct``, ``is_stop``); both keep the
    compound's ``token_n``. A part without a letter or a digit ("-" alone, "--") is
    not a compound. This is the word every count in ``helpers.terms`` is made of.
    """
    token = tokens["token"].astype(str).to_numpy(dtype=object)
    has_hyphen = np.fromiter((HYPHEN in t for t in token), dtype=bool, count=len(token))
    if not has_hyphen.any():
        return tokens
    found = []
    for i in np.flatnonzero(has_hyphen):
        for offset, part in compound_parts(token[i]):
            found.append((i, offset, part))
    if not found:
        return tokens
    parent = np.array([r[0] for r in found])
    parts = tokens.iloc[parent].copy()
    start = parts["start_char"].to_numpy(dtype="int64") + np.array([r[1] for r in found])
    text = pd.Series([r[2] for r in found], index=parts.index, dtype="str")
    parts["start_char"] = start
    parts["end_char"] = start + text.str.len().to_numpy()
    parts["token"] = text
    parts["lower"] = text.str.lower()
    parts["is_alpha"] = text.str.contains(LETTER).to_numpy(dtype=bool)
    parts["is_punct"] = ~text.str.contains(ALNUM).to_numpy(dtype=bool)
    parts["is_stop"] = parts["lower"].isin(STOPWORDS).to_numpy(dtype=bool)
    # one row per output token: each token once, a compound once per part, in order
    n_parts = np.ones(len(tokens), dtype="int64")
    split, per_parent = np.unique(parent, return_counts=True)
    n_parts[split] = per_parent
    rows = np.repeat(np.arange(len(tokens)), n_parts)
    is_part = np.isin(rows, split)
    out = tokens.take(rows).reset_index(drop=True)
    for column in ["start_char", "end_char", "token", "lower", "is_alpha", "is_punct", "is_stop"]:
        values = out[column].to_numpy(dtype=object if column in ("token", "lower") else None, copy=True)
        values[is_part] = parts[column].to_numpy()
        out[column] = pd.Series(values, dtype=tokens[column].dtype) if column in ("token", "lower") else values
    return out


def tokens_with_outlet(tokens: pd.DataFrame, sentences: pd.DataFrame, *,
                       split: bool = True) -> pd.DataFrame:
    """Tokens with the ``outlet`` of their sentence, in reading order, hyphenated compounds
    split into their parts (``split_compounds``) unless ``split`` is False."""
    require_columns(tokens, TOKEN_COLUMNS, "tokens")
    require_columns(sentences, ["sentence_id", "outlet"], "sentences")
    outlet = sentences.drop_duplicates("sentence_id").set_index("sentence_id")["outlet"]
    out = tokens.reset_index(drop=True)
    out = (split_compounds(out) if split else out).copy()
    out["outlet"] = out["sentence_id"].map(outlet).astype("str")
    return out


def is_word(tokens: pd.DataFrame) -> pd.Series:
    """Tokens that are words of running text (stopwords included): not punctuation and
    not a clitic piece ("'s", "n't"). What "per 1,000 words" counts."""
    return ~tokens["is_punct"] & ~tokens["lower"].isin(CLITICS)


def make_stemmer(stem: str | None):
    """The NLTK stemmer named by ``stem`` (one of ``STEMMERS``), or None for None."""
    if stem is None:
        return None
    if stem not in STEMMERS:
        raise ValueError(f"stem must be one of {', '.join(STEMMERS)} or None, not {stem!r}")
    return SnowballStemmer("english") if stem == "snowball" else PorterStemmer()


def name_evidence(token: np.ndarray, lower: np.ndarray, is_punct: np.ndarray,
                  token_n: np.ndarray) -> tuple[set[str], set[str]]:
    """Words seen written in lower case, and words seen capitalised inside a sentence
    (not first, not after punctuation): a name is in the second set and not the first."""
    as_lower = token == lower
    return set(lower[as_lower]), set(lower[inside_sentence(is_punct, token_n) & ~as_lower])


def inside_sentence(is_punct: np.ndarray, token_n: np.ndarray) -> np.ndarray:
    """Which tokens stand inside a sentence: not its first (``token_n`` 1), not right after
    punctuation; capitalised there, a word is a name (``name_evidence``)."""
    return (token_n > 1) & ~np.insert(is_punct[:-1], 0, True)


def stem_forms(forms: Iterable[str], stemmer, names: set[str]) -> dict[str, str]:
    """Each form -> its term: every word of it stemmed, except names ("abbas" stays)."""
    return {f: " ".join(p if p in names else stemmer.stem(p) for p in f.split(" "))
            for f in forms}


def shouting_sentences(sentences: pd.DataFrame) -> set:
    """Ids of sentences whose letters are mostly capitals."""
    if "text" not in sentences.columns or sentences.empty:
        return set()
    text = sentences["text"].fillna("").astype(str)
    letters = text.str.count(r"[^\W\d_]")
    upper = text.str.count(r"[A-Z\u00c0-\u00de]")
    shouting = (letters > 0) & (upper > MAX_UPPER_SHARE * letters.clip(lower=1))
    return set(sentences.loc[shouting, "sentence_id"])


@dataclass
class _Marks:
    """The tokens as arrays, and what each is counted as while the steps join them."""

    token: np.ndarray  # as written
    lower: np.ndarray
    sentence: np.ndarray
    end_char: np.ndarray
    form: np.ndarray  # lower-cased; the country forms as written
    written: np.ndarray  # the text as written; "United States" with its space
    joined_end: np.ndarray  # where the counted word ends ("United States": at "States")
    drop: np.ndarray  # the second token of "United States"

    @classmethod
    def of(cls, toks: pd.DataFrame) -> _Marks:
        token = toks["token"].astype(str).to_numpy(dtype=object)
        lower = toks["lower"].astype(str).to_numpy(dtype=object)
        end_char = toks["end_char"].to_numpy(dtype="int64")
        return cls(token=token, lower=lower, sentence=toks["sentence_id"].to_numpy(dtype=object),
                   end_char=end_char, form=lower.copy(), written=token.copy(),
                   joined_end=end_char.copy(), drop=np.zeros(len(toks), dtype=bool))


def _mark_country(toks: pd.DataFrame, sentences: pd.DataFrame, marks: _Marks) -> np.ndarray:
    """Step 1: the country forms and "United States" (one term); which tokens they are."""
    token = marks.token
    is_us = np.array([t.startswith("US") for t in token], dtype=bool)
    shouting = np.zeros(len(token), dtype=bool)
    if is_us.any():  # only there does shouting matter: its test reads every letter of the sentence
        with_us = sentences[sentences["sentence_id"].isin(set(marks.sentence[is_us]))]
        shouting = toks["sentence_id"].isin(shouting_sentences(with_us)).to_numpy()
    country = pd.Series(token).isin(COUNTRY_FORMS).to_numpy(dtype=bool) & ~(is_us & shouting)
    marks.form[country] = token[country]
    same_sentence_next = np.append(marks.sentence[1:] == marks.sentence[:-1], False)
    for first, second in COUNTRY_PHRASES:
        nxt = np.append(token[1:], "")
        idx = np.flatnonzero((token == first) & (nxt == second) & same_sentence_next)
        marks.joined_end[idx] = marks.end_char[idx + 1]
        marks.drop[idx + 1] = True
        country[idx] = True
        marks.form[idx] = marks.written[idx] = f"{first} {second}"
    return country


def _phrase_starts(codes: np.ndarray, sentence_code: np.ndarray,
                   word_codes: list[int]) -> np.ndarray:
    """Where the words (as codes) stand next to each other in one sentence: their first token."""
    size, k = len(codes), len(word_codes)
    hit = np.ones(size - k + 1, dtype=bool)
    for j, code in enumerate(word_codes):
        hit &= codes[j:size - k + 1 + j] == code
        hit &= sentence_code[j:size - k + 1 + j] == sentence_code[:size - k + 1]
    return hit


def _find_phrases(marks: _Marks, phrases: Iterable[str] | None,
                  country: np.ndarray) -> list[tuple[int, int, str]]:
    """Step 3: ``(first token, last token, phrase)`` of each use of ``phrases`` (``phrase_spans``)."""
    codes, uniques = pd.factorize(marks.lower)  # compare integer codes, not strings
    return phrase_spans(codes, uniques, pd.factorize(marks.sentence)[0], country | marks.drop, phrases)


def phrase_spans(codes: np.ndarray, uniques, sentence_code: np.ndarray, taken: np.ndarray,
                 phrases: Iterable[str] | None) -> list[tuple[int, int, str]]:
    """``(first token, last token, phrase)`` of each use of ``phrases`` among tokens whose
    lower-cased words are ``uniques[codes]``, in the order given (strongest first),
    longest first where lengths differ, never over a stronger or longer phrase's use or
    over a ``taken`` token (the country); a use lies inside one sentence (``sentence_code``)."""
    size = len(codes)
    taken = taken.copy()
    given = list(dict.fromkeys(tuple(p.split()) for p in (phrases or []) if len(p.split()) > 1))
    code_of = {w: c for c, w in enumerate(uniques)}
    found = []
    for words in sorted(given, key=len, reverse=True):
        k = len(words)
        if size < k or any(w not in code_of for w in words):
            continue
        for i in np.flatnonzero(_phrase_starts(codes, sentence_code, [code_of[w] for w in words])):
            if taken[i:i + k].any():
                continue  # overlaps a stronger or longer phrase, or the country
            taken[i:i + k] = True
            found.append((int(i), int(i + k - 1), " ".join(words)))
    return sorted(found)


def _content_words(toks: pd.DataFrame, form: np.ndarray, keep_numbers: bool) -> np.ndarray:
    """Step 2: tokens with a letter (or a number), not stopwords, long enough, not clitics."""
    is_alpha = toks["is_alpha"].to_numpy(dtype=bool)
    is_punct = toks["is_punct"].to_numpy(dtype=bool)
    words_ok = is_alpha | (keep_numbers & ~is_punct)
    long_enough = np.array([len(f) >= MIN_TERM_CHARS for f in form], dtype=bool)
    clitic = pd.Series(form).isin(CLITICS).to_numpy(dtype=bool)
    return words_ok & ~toks["is_stop"].to_numpy(dtype=bool) & long_enough & ~clitic


def _names(toks: pd.DataFrame, marks: _Marks) -> set[str]:
    """Words never written in lower case and capitalised at least once inside a sentence
    (not first, not after punctuation such as a quote): names, which are not stemmed."""
    lowercase_seen, capitalised_inside = name_evidence(
        marks.token, marks.lower, toks["is_punct"].to_numpy(dtype=bool),
        toks["token_n"].to_numpy())
    return capitalised_inside - lowercase_seen


def _word_table(toks: pd.DataFrame, marks: _Marks, country: np.ndarray, keep: np.ndarray,
                stems: dict[str, str]) -> pd.DataFrame:
    """The kept tokens as ``term_occurrences``' word rows (``_order``: the token's row)."""
    term = marks.form.copy()
    plain = keep & ~country
    term[plain] = [stems.get(f, f) for f in marks.form[plain]]
    term[country] = COUNTRY_TERM
    out = toks.loc[keep, ["article_id", "outlet", "sentence_id", "token_n", "start_char"]]
    out = out.reset_index(drop=True)
    out["end_char"] = marks.joined_end[keep]
    out["token"] = pd.Series(marks.written[keep], dtype="str")
    out["form"] = pd.Series(marks.form[keep], dtype="str")
    out["term"] = pd.Series(term[keep], dtype="str")
    out["kind"] = WORD
    out["_order"] = np.flatnonzero(keep)
    return out


def _phrase_table(toks: pd.DataFrame, marks: _Marks, found: list[tuple[int, int, str]],
                  stems: dict[str, str]) -> pd.DataFrame:
    """The phrases' uses as ``term_occurrences``' phrase rows (``_order``: first token's row)."""
    first = np.array([f for f, _, _ in found], dtype="int64")
    last = np.array([la for _, la, _ in found], dtype="int64")
    out = toks.iloc[first][["article_id", "outlet", "sentence_id", "token_n", "start_char"]]
    out = out.reset_index(drop=True)
    out["end_char"] = marks.end_char[last]
    out["token"] = pd.Series([" ".join(marks.token[f:la + 1]) for f, la, _ in found], dtype="str")
    out["form"] = pd.Series([p for _, _, p in found], dtype="str")
    out["term"] = pd.Series([stems.get(p, p) for _, _, p in found], dtype="str")
    out["kind"] = PHRASE
    out["_order"] = first
    return out


def term_occurrences(
    tokens: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    stem: str | None = DEFAULT_STEMMER,
    phrases: Iterable[str] | None = None,
    keep_numbers: bool = False,
) -> pd.DataFrame:
    """One row per counted word, and one per use of a phrase, traceable to its sentence.

    A word is a token of ``helpers.text.tokenize``, a hyphenated compound's parts
    counted as words (``split_compounds``: "Netanyahu-Kerry" is a use of each name).
    Steps, in order:

    1. The country forms in ``COUNTRY_FORMS`` ("US", "U.S.", "U.S", "USA") and the
       token pair "United States" become the one word ``"u.s."``, on the token *as
       written* and before stopwords are dropped: lower-cased, "US" is "us", a stopword,
       and an outlet that writes "US" would lose every mention of the country. In a
       sentence written mostly in capitals "US" is taken for the pronoun. "United
       States" is the one name of the country: its two tokens are one word.
    2. Other tokens are words when they have a letter (numbers only with
       ``keep_numbers``), are not stopwords (``helpers.nltk_data.STOPWORDS``) and have at
       least ``MIN_TERM_CHARS`` characters. Case is folded (``lower``).
    3. ``phrases`` (lower-case word sequences such as ``"west bank"``) are found where
       their words stand next to each other in one sentence; the longest (then the
       strongest, first listed) wins where two overlap. A phrase's use is a row of its
       own (``kind`` "phrase") *besides* the rows of its words, which are counted as
       always: "Kerry said" is a use of the phrase and a use of Kerry.
    4. With ``stem`` (``"snowball"``, the default, ``"porter"`` or None), each word is
       reduced to its stem ("prisoners" -> "prison"), except names: words never written
       in lower case and capitalised at least once inside a sentence ("Abbas" would
       become "abba"); a phrase's words likewise. Tables show a stem by its commonest word.

    Sharp edge: stemming joins words of one root ("prison"/"prisoners").
    Returns
    -------
    DataFrame
        One row per occurrence, in reading order (a phrase after the word it starts
        with): ``article_id``, ``outlet``, ``sentence_id``, ``token_n`` (of the first
        token), ``start_char``, ``end_char`` (offsets into the article's body),
        ``token`` (the text as written; a phrase's words joined by spaces), ``form``
        (lower-cased; the country forms as written, "US" or "U.S."), ``term`` (what is
        counted: the form, stemmed, or ``"u.s."``), ``kind`` (``"word"``, or
        ``"phrase"`` for a phrase counted besides its words: only words make up totals).
    """
    require_columns(tokens, TOKEN_COLUMNS, "tokens")
    stemmer = make_stemmer(stem)
    out, names = _unstemmed(tokens, sentences, phrases, keep_numbers)
    if stemmer is not None and len(out):  # names are known only once every chunk is seen
        out["term"] = stemmed_terms(out, stemmer, names)
    return out


def _unstemmed(tokens: pd.DataFrame, sentences: pd.DataFrame, phrases: Iterable[str] | None,
               keep_numbers: bool) -> tuple[pd.DataFrame, set[str]]:
    """``term_occurrences(..., stem=None)`` chunk by chunk of articles, and the names
    (``name_evidence`` over every chunk)."""
    parts, lowercase_seen, capitalised_inside = [], set(), set()
    for chunk in token_chunks(tokens):  # a few articles' copies at a time, not the corpus's
        toks = tokens_with_outlet(chunk, sentences).reset_index(drop=True)
        if toks.empty:
            continue
        parts.append(occurrences_of(toks, sentences, stem=None, phrases=phrases, keep_numbers=keep_numbers))
        seen, capitalised = _name_sets(toks)
        lowercase_seen |= seen
        capitalised_inside |= capitalised
    if not parts:
        return pd.DataFrame(columns=OCCURRENCE_COLUMNS), set()
    out = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    return out, capitalised_inside - lowercase_seen


def _name_sets(toks: pd.DataFrame) -> tuple[set[str], set[str]]:
    """``name_evidence`` of prepared tokens."""
    return name_evidence(toks["token"].astype(str).to_numpy(dtype=object),
                         toks["lower"].astype(str).to_numpy(dtype=object),
                         toks["is_punct"].to_numpy(dtype=bool), toks["token_n"].to_numpy())


def stemmed_terms(occurrences: pd.DataFrame, stemmer, names: set[str]) -> pd.Series:
    """The ``term`` column of unstemmed occurrences (``stem=None``) stemmed as
    ``occurrences_of`` stems it: the country stays ``u.s.`` (the one row whose term is
    not its form), every other word and phrase is its form's stem."""
    form = occurrences["form"].astype(str).to_numpy(dtype=object)
    term = occurrences["term"].astype(str).to_numpy(dtype=object)
    country = term != form
    stems = stem_forms(set(form[~country]), stemmer, names)
    term = term.copy()
    term[~country] = [stems[f] for f in form[~country]]
    return pd.Series(term, index=occurrences.index, dtype="str")


def occurrences_of(toks: pd.DataFrame, sentences: pd.DataFrame, *, stem: str | None = DEFAULT_STEMMER,
                   phrases: Iterable[str] | None = None, keep_numbers: bool = False) -> pd.DataFrame:
    """``term_occurrences`` of tokens that ``tokens_with_outlet`` has prepared (index from 0):
    for callers that need those tokens too (``count_terms``), so they are prepared once."""
    stemmer = make_stemmer(stem)
    if toks.empty:
        return pd.DataFrame(columns=OCCURRENCE_COLUMNS)
    marks = _Marks.of(toks)
    country = _mark_country(toks, sentences, marks)
    keep = (country | _content_words(toks, marks.form, keep_numbers)) & ~marks.drop
    found = _find_phrases(marks, phrases, country)
    forms = set(marks.form[keep & ~country]) | {p for _, _, p in found}
    stems = {} if stemmer is None else stem_forms(forms, stemmer, _names(toks, marks))
    frames = [_word_table(toks, marks, country, keep, stems),
              *([_phrase_table(toks, marks, found, stems)] if found else [])]
    out = pd.concat(frames, ignore_index=True)
    out = out.sort_values(["_order", "kind"], ascending=[True, False], kind="stable")
    return out[OCCURRENCE_COLUMNS].reset_index(drop=True)
