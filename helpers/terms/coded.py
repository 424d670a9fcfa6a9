"""Term counts of one chunk of sentences on integer word codes, without a token table.

``count_terms`` runs ``chunk_counts`` on each chunk of articles: the chunk's tokens
(``helpers.text.token_codes``) are integer codes into the chunk's distinct words,
every rule of ``term_occurrences`` (compounds split into their parts, the country,
stopwords, phrases, the evidence that a word is a name) is decided once per distinct
word and applied to the codes with numpy, and the uses are added up per article. A
table of every token, with its strings, is what made counting slow and large; the
tests check these counts equal the token-table path's on text they write.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..nltk_data import STOPWORDS
from .occurrences import (
    ALNUM,
    CLITICS,
    COUNTRY_FORMS,
    COUNTRY_PHRASES,
    LETTER,
    MIN_TERM_CHARS,
    compound_parts,
    inside_sentence,
    phrase_spans,
    shouting_sentences,
)

# The tests behind a whole token's is_alpha / is_punct, as helpers.text.tokens applies them
# (pandas' string regex); a compound's parts are tested as split_compounds does (``re``).
_TOKEN_LETTER = r"[^\W\d_]"
_TOKEN_ALNUM = r"[^\W_]"


@dataclass
class Vocabulary:
    """A chunk's distinct words (whole tokens, then compounds' parts) and their flags."""

    word: np.ndarray  # as written (object)
    lower: np.ndarray  # lower-cased as pandas does it (object)
    is_alpha: np.ndarray
    is_punct: np.ndarray
    is_stop: np.ndarray

    @classmethod
    def of(cls, tokens: np.ndarray, parts: list[str]) -> Vocabulary:
        whole = pd.Series(tokens, dtype="str")
        pieces = pd.Series(parts, dtype="str")
        word = np.concatenate([tokens, np.array(parts, dtype=object)])
        lower = pd.concat([whole, pieces], ignore_index=True).str.lower()
        alpha = [whole.str.contains(_TOKEN_LETTER, regex=True), pieces.str.contains(LETTER)]
        alnum = [whole.str.contains(_TOKEN_ALNUM, regex=True), pieces.str.contains(ALNUM)]
        return cls(word=word, lower=lower.to_numpy(dtype=object),
                   is_alpha=np.concatenate([a.to_numpy(dtype=bool) for a in alpha]),
                   is_punct=~np.concatenate([a.to_numpy(dtype=bool) for a in alnum]),
                   is_stop=lower.isin(STOPWORDS).to_numpy(dtype=bool))


def _split_codes(codes: np.ndarray, distinct: np.ndarray) -> tuple[np.ndarray, Vocabulary, np.ndarray]:
    """Each token's code (into ``distinct``), a hyphenated compound's replaced by its parts'
    (``split_compounds``); the vocabulary; and for each code after the split, which token
    it came from. Only the distinct words with a hyphen are looked at in Python."""
    part_code: dict[str, int] = {}
    parts_of: dict[int, list[int]] = {}
    hyphen = pd.Series(distinct, dtype="str").str.contains("-", regex=False).to_numpy(dtype=bool)
    for i in np.flatnonzero(hyphen).tolist():
        if found := compound_parts(distinct[i]):
            parts_of[i] = [len(distinct) + part_code.setdefault(p, len(part_code)) for _, p in found]
    vocab = Vocabulary.of(distinct, list(part_code))
    if not len(codes) or not parts_of:
        return codes.astype("int64", copy=False), vocab, np.arange(len(codes))
    size = np.ones(len(distinct), dtype="int64")
    size[list(parts_of)] = [len(p) for p in parts_of.values()]
    first = np.cumsum(size) - size
    flat = np.repeat(np.arange(len(distinct), dtype="int64"), size)
    for i, parts in parts_of.items():
        flat[first[i] : first[i] + len(parts)] = parts
    repeat = size[codes]
    source = np.repeat(np.arange(len(codes)), repeat)
    within = np.arange(len(source)) - np.repeat(np.cumsum(repeat) - repeat, repeat)
    return flat[first[codes][source] + within], vocab, source


def _country(codes: np.ndarray, vocab: Vocabulary, sentence: np.ndarray,
             sentences: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Step 1 of ``term_occurrences`` on codes: which tokens are the country, which are
    the first word of "United States", and which its second (dropped)."""
    is_form = np.array([w in COUNTRY_FORMS for w in vocab.word], dtype=bool)
    is_us = np.array([w.startswith("US") for w in vocab.word], dtype=bool)
    country = is_form[codes]
    us_tokens = np.flatnonzero(is_us[codes] & country)
    if len(us_tokens):  # only there does shouting matter
        ids = sentences["sentence_id"].to_numpy(dtype=object)
        with_us = sentences[sentences["sentence_id"].isin(set(ids[sentence[us_tokens]]))]
        shouting = pd.Series(ids).isin(shouting_sentences(with_us)).to_numpy(dtype=bool)
        country[us_tokens[shouting[sentence[us_tokens]]]] = False
    united = np.zeros(len(codes), dtype=bool)
    drop = np.zeros(len(codes), dtype=bool)
    same_sentence_next = np.append(sentence[1:] == sentence[:-1], False)
    for first, second in COUNTRY_PHRASES:
        is_first = (vocab.word == first)[codes]
        second_next = np.append((vocab.word == second)[codes][1:], False)
        idx = np.flatnonzero(is_first & second_next & same_sentence_next)
        united[idx], drop[idx + 1], country[idx] = True, True, True
    return country, united, drop


def _name_evidence(codes: np.ndarray, vocab: Vocabulary, token_n: np.ndarray) -> tuple[set, set]:
    """``occurrences.name_evidence`` on codes (each distinct word tested once): lower-case
    words seen as written, and words seen capitalised inside a sentence (``inside_sentence``)."""
    as_lower = vocab.word == vocab.lower
    inside = inside_sentence(vocab.is_punct[codes], token_n)
    seen = np.unique(codes[as_lower[codes]])
    capitalised = np.unique(codes[inside & ~as_lower[codes]])
    return set(vocab.lower[seen]), set(vocab.lower[capitalised])


@dataclass
class ChunkCounts:
    """What ``count_terms`` adds up from one chunk: uses per (article, form), words per
    outlet, and ``name_evidence``'s two sets."""

    forms: pd.DataFrame  # form (str), phrase (bool), country (bool); row = form code
    groups: pd.DataFrame  # article_id, outlet; row = group code
    group: np.ndarray  # of each count
    form: np.ndarray  # of each count
    n: np.ndarray  # uses
    n_words: pd.Series  # words per outlet
    lowercase_seen: set[str]
    capitalised_inside: set[str]


def _groups(sentences: pd.DataFrame) -> tuple[np.ndarray, pd.DataFrame]:
    """Each sentence's (article, outlet) group, the outlet as ``tokens_with_outlet`` maps it."""
    outlet_of = sentences.drop_duplicates("sentence_id").set_index("sentence_id")["outlet"]
    outlet = sentences["sentence_id"].map(outlet_of).astype("str")
    article = sentences["article_id"].astype("str")
    group = pd.factorize(article + "\x00" + outlet)[0]
    first = np.unique(group, return_index=True)[1]  # groups are numbered in order of appearance
    return group, pd.DataFrame({"article_id": article.iloc[first].reset_index(drop=True),
                                "outlet": outlet.iloc[first].reset_index(drop=True)})


def chunk_counts(sentences: pd.DataFrame, phrases: Iterable[str], keep_numbers: bool) -> ChunkCounts:
    """Uses of each form (lower-cased word; the country as written; phrase) per article
    of ``sentences``, as ``term_occurrences(..., stem=None)`` would count them."""
    from ..text import token_codes

    codes, distinct, per_sentence = token_codes(sentences)
    n_tokens = len(codes)
    codes, vocab, source = _split_codes(codes, distinct)
    sentence = np.repeat(np.arange(len(sentences)), per_sentence)[source]
    token_n = (np.arange(n_tokens) - np.repeat(np.cumsum(per_sentence) - per_sentence,
                                               per_sentence) + 1)[source]
    sentence_group, groups = _groups(sentences)
    clitic = pd.Series(vocab.lower).isin(CLITICS).to_numpy(dtype=bool)
    words = np.bincount(sentence, weights=(~vocab.is_punct & ~clitic)[codes], minlength=len(sentences))
    n_words = pd.Series(words, dtype="int64").groupby(groups["outlet"].to_numpy()[sentence_group]).sum()
    country, united, drop = _country(codes, vocab, sentence, sentences)
    long_enough = np.fromiter((len(w) >= MIN_TERM_CHARS for w in vocab.lower), dtype=bool,
                              count=len(vocab.lower))
    content = ((vocab.is_alpha | (keep_numbers & ~vocab.is_punct)) & ~vocab.is_stop
               & long_enough & ~clitic)
    lower_code, lower_forms = pd.factorize(vocab.lower)
    keep = (country | content[codes]) & ~drop
    written = vocab.word[codes[country]].copy()
    written[united[country]] = " ".join(COUNTRY_PHRASES[0])
    country_code, country_forms = pd.factorize(written)
    form = lower_code[codes]
    form[country] = len(lower_forms) + country_code
    spans = phrase_spans(lower_code[codes], lower_forms, sentence, country | drop, phrases) if phrases else []
    phrase_code, phrase_forms = pd.factorize(pd.Series([p for _, _, p in spans], dtype=object))
    first = np.array([f for f, _, _ in spans], dtype="int64")
    group = np.concatenate([sentence_group[sentence[keep]], sentence_group[sentence[first]]])
    form = np.concatenate([form[keep], len(lower_forms) + len(country_forms) + phrase_code])
    n_forms = len(lower_forms) + len(country_forms) + len(phrase_forms)
    key, n = np.unique(group.astype("int64") * n_forms + form, return_counts=True)
    forms = pd.DataFrame({
        "form": pd.Series([*lower_forms, *country_forms, *phrase_forms], dtype="str"),
        "phrase": np.repeat([False, False, True], [len(lower_forms), len(country_forms), len(phrase_forms)]),
        "country": np.repeat([False, True, False], [len(lower_forms), len(country_forms), len(phrase_forms)]),
    })
    # int32 codes and counts (a chunk has far fewer than 2**31 of anything): the parts of every
    # chunk are held together while count_terms adds them up, so their size is its peak memory.
    return ChunkCounts(forms, groups, (key // n_forms).astype("int32"), (key % n_forms).astype("int32"),
                       n.astype("int32"), n_words,
                       *_name_evidence(codes, vocab, token_n))
