"""Which words each outlet uses, and which set it apart from the rest of the corpus.

The grammar follows quanteda's ``tokens -> dfm -> textstat``: ``term_occurrences``
turns the token table (``helpers.text.tokenize``) into one row per counted word, each
with its article, sentence and character offsets; everything else counts those rows,
so every number traces back to a sentence.

- ``term_occurrences``: stopwords dropped, case folded, country forms ("US", "U.S.",
  "United States") made one term *before* the stopword filter, optional phrases
  joined into one term, optional stemming (NLTK's Snowball or Porter, which need no
  data files).
- ``word_totals`` and ``term_counts``: counts per outlet (pandas groupby) and per
  1,000 words.
- ``log_odds`` / ``distinctive_terms``: the weighted log-odds ratio with an informative
  Dirichlet prior of Monroe, Colaresi & Quinn (2008), "Fightin' Words", each outlet
  against all the others, with z-scores; ``tfidf_terms`` as a second view.
- ``collocations``: bigrams and trigrams per outlet (NLTK collocation finders).
- ``load_framing``, ``framing_matches``, ``framing_counts``: an editable table of
  framing term groups (``framing.csv`` in the corpus folder), matched with NLTK's
  ``ConcordanceIndex``, counted per 1,000 words, with keyword-in-context lines.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd
from nltk.collocations import (
    BigramAssocMeasures,
    BigramCollocationFinder,
    TrigramAssocMeasures,
    TrigramCollocationFinder,
)
from nltk.stem import PorterStemmer, SnowballStemmer
from nltk.text import ConcordanceIndex
from sklearn.feature_extraction.text import TfidfVectorizer

from .corpus import CorpusError, side_table_path
from .corpus_read import read_csv_rows
from .nltk_data import STOPWORDS

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

PER_WORDS = 1000  # relative frequencies are per 1,000 words
# Two-sided 5% level of a standard normal: |z| > 1.96 is the usual "unlikely by chance"
# mark for Monroe et al.'s z-scores (their section 3.5). It is not corrected for the
# thousands of terms tested at once, so expect about 5% of terms past it by chance.
Z_CRITICAL = 1.96

# Collocations. A phrase must occur at least this often in a group to be scored
# (NLTK's apply_freq_filter); two is the least that can be a pattern.
MIN_PHRASE_COUNT = 2
# Joining phrases into one term for the counts: a phrase must occur this often in the
# whole corpus, and its likelihood-ratio statistic (G^2, chi-square with 1 df for
# bigrams, Dunning 1993) must pass 10.83, the p = 0.001 critical value.
MIN_JOINED_PHRASE_COUNT = 3
MIN_JOINED_PHRASE_SCORE = 10.83
MIN_JOINED_PHRASE_ARTICLES = 2  # one article's turn of phrase is not a unit of the language
MEASURES = ("likelihood_ratio", "pmi")

FRAMING_FILE = "framing.csv"
FRAMING_COLUMNS = ["group", "term"]
KWIC_WIDTH = 60  # characters of context each side of a keyword-in-context line
MAX_FINDING_OUTLETS = 5  # outlets named in the one-line finding (the index shows 600 characters)

OCCURRENCE_COLUMNS = [
    "article_id", "outlet", "sentence_id", "token_n", "start_char", "end_char",
    "token", "form", "term",
]
TOTAL_COLUMNS = ["outlet", "n_articles", "n_words", "n_terms"]
COUNT_COLUMNS = [
    "outlet", "term", "label", "forms", "n", "n_articles", "n_words", "per_1000", "rank",
]
LOG_ODDS_COLUMNS = [
    "outlet", "term", "n", "n_rest", "total", "total_rest", "per_1000", "per_1000_rest",
    "alpha", "delta", "variance", "z", "significant",
]
TFIDF_COLUMNS = ["outlet", "term", "label", "n", "tfidf", "rank"]
COLLOCATION_COLUMNS = [
    "outlet", "phrase", "n_words_in_phrase", "n", "n_articles", "measure", "score",
    "first_sentence_id", "first_start_char",
]
MATCH_COLUMNS = [
    "article_id", "outlet", "sentence_id", "group", "term", "match", "start_char",
    "end_char",
]
FRAMING_COUNT_COLUMNS = ["outlet", "group", "n", "n_words", "per_1000", "matches"]
KWIC_COLUMNS = [
    "article_id", "outlet", "sentence_id", "group", "start_char", "left", "match", "right",
]


def _require(table: pd.DataFrame, columns: Iterable[str], name: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        have = ", ".join(map(str, table.columns))
        raise KeyError(f"{name} needs the column(s) {', '.join(missing)}; it has {have}")


def _with_outlet(tokens: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Tokens with the ``outlet`` of their sentence, in reading order."""
    _require(tokens, ["article_id", "sentence_id", "token_n", "start_char", "end_char",
                      "token", "lower", "is_alpha", "is_punct", "is_stop"], "tokens")
    _require(sentences, ["sentence_id", "outlet"], "sentences")
    outlet = sentences.drop_duplicates("sentence_id").set_index("sentence_id")["outlet"]
    out = tokens.copy()
    out["outlet"] = out["sentence_id"].map(outlet).astype("str")
    return out


def _shouting_sentences(sentences: pd.DataFrame) -> set:
    """Ids of sentences whose letters are mostly capitals."""
    if "text" not in sentences.columns or sentences.empty:
        return set()
    text = sentences["text"].fillna("").astype(str)
    letters = text.str.count(r"[^\W\d_]")
    upper = text.str.count(r"[A-Z\u00c0-\u00de]")
    shouting = (letters > 0) & (upper > MAX_UPPER_SHARE * letters.clip(lower=1))
    return set(sentences.loc[shouting, "sentence_id"])


def _stemmer(stem: str | None):
    if stem is None:
        return None
    if stem not in STEMMERS:
        raise ValueError(f"stem must be one of {', '.join(STEMMERS)} or None, not {stem!r}")
    return SnowballStemmer("english") if stem == "snowball" else PorterStemmer()


def _name_evidence(token: np.ndarray, lower: np.ndarray, is_punct: np.ndarray,
                   token_n: np.ndarray) -> tuple[set[str], set[str]]:
    """Words seen written in lower case, and words seen capitalised inside a sentence
    (not first, not after punctuation): a name is in the second set and not the first."""
    as_lower = token == lower
    after_punct = np.insert(is_punct[:-1], 0, True)
    inside = (token_n > 1) & ~after_punct
    return set(lower[as_lower]), set(lower[inside & ~as_lower])


def term_occurrences(
    tokens: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    stem: str | None = DEFAULT_STEMMER,
    phrases: Iterable[str] | None = None,
    keep_numbers: bool = False,
) -> pd.DataFrame:
    """One row per counted word (or phrase) in the corpus, traceable to its sentence.

    Steps, in order:

    1. The country forms in ``COUNTRY_FORMS`` ("US", "U.S.", "U.S", "USA") and the
       token pair "United States" become the one term ``"u.s."``. This happens on the
       token *as written* and before stopwords are dropped, because lower-casing "US"
       gives "us", a stopword: without it an outlet that writes "US" would lose every
       mention of the country while one that writes "U.S." kept them. In a sentence
       written mostly in capitals "US" is taken for the pronoun.
    2. ``phrases`` (lower-case word sequences such as ``"west bank"``) are joined where
       their words stand next to each other in one sentence; the longest phrase wins
       where two overlap. A joined phrase is one occurrence spanning its words.
    3. Other tokens are kept when they have a letter (numbers only with
       ``keep_numbers``), are not stopwords (``helpers.nltk_data.STOPWORDS``) and have at
       least ``MIN_TERM_CHARS`` characters. Case is folded (``lower``).
    4. With ``stem``, each word is reduced to its stem ("prisoners" -> "prison",
       "releasing" -> "releas"), except names: words never written in lower case in the
       tokens given and capitalised at least once inside a sentence ("Abbas" would
       become "abba"). Tables show each stem by its commonest word (``term_labels``),
       never the stem itself.

    Sharp edges: a hyphenated compound is one token ("U.S.-brokered", "late-April"),
    so it is neither the country nor "april"; stemming joins words of one root that
    differ in meaning ("negotiations"/"negotiator", "prison"/"prisoners").

    Parameters
    ----------
    tokens, sentences
        From ``helpers.text.tokenize`` and ``split_sentences`` (sentences give each
        token its outlet). Not modified.
    stem
        ``"snowball"`` (default), ``"porter"`` or None for no stemming.
    phrases
        Phrases to count as one term, e.g. ``collocations(...).phrase``.
    keep_numbers
        Count numbers ("1967", "104") as terms too.

    Returns
    -------
    DataFrame
        One row per occurrence, in reading order: ``article_id``, ``outlet``,
        ``sentence_id``, ``token_n`` (of the first token), ``start_char``,
        ``end_char`` (offsets into the article's body), ``token`` (the text as written,
        ``body[start_char:end_char]`` for single words), ``form`` (lower-cased; the
        country forms as written, "US" or "U.S."), ``term`` (what is counted: the form,
        stemmed, or ``"u.s."``).
    """
    stemmer = _stemmer(stem)
    toks = _with_outlet(tokens, sentences).reset_index(drop=True)
    if toks.empty:
        return pd.DataFrame(columns=OCCURRENCE_COLUMNS)
    size = len(toks)
    token = toks["token"].astype(str).to_numpy(dtype=object)
    lower = toks["lower"].astype(str).to_numpy(dtype=object)
    sentence = toks["sentence_id"].to_numpy(dtype=object)
    end_char = toks["end_char"].to_numpy(dtype="int64")
    form = lower.copy()
    written = token.copy()  # the text as written; for joined words, the words with spaces
    joined_end = end_char.copy()
    drop = np.zeros(size, dtype=bool)
    same_sentence_next = np.append(sentence[1:] == sentence[:-1], False)

    # 1. the country
    shouting = toks["sentence_id"].isin(_shouting_sentences(sentences)).to_numpy()
    is_us = np.array([t.startswith("US") for t in token], dtype=bool)
    country = np.isin(token, list(COUNTRY_FORMS)) & ~(is_us & shouting)
    form[country] = token[country]
    for first, second in COUNTRY_PHRASES:
        nxt = np.append(token[1:], "")
        idx = np.flatnonzero((token == first) & (nxt == second) & same_sentence_next)
        joined_end[idx] = end_char[idx + 1]
        drop[idx + 1] = True
        country[idx] = True
        form[idx] = written[idx] = f"{first} {second}"

    # 2. phrases, in the order given (strongest first), longest first where lengths differ
    is_phrase = np.zeros(size, dtype=bool)
    given = list(dict.fromkeys(tuple(p.split()) for p in (phrases or []) if len(p.split()) > 1))
    codes, uniques = pd.factorize(lower)  # compare integer codes, not strings
    code_of = {w: c for c, w in enumerate(uniques)}
    sentence_code = pd.factorize(sentence)[0]
    for words in sorted(given, key=len, reverse=True):
        k = len(words)
        if size < k or any(w not in code_of for w in words):
            continue
        hit = np.ones(size - k + 1, dtype=bool)
        for j, word in enumerate(words):
            hit &= codes[j:size - k + 1 + j] == code_of[word]
            hit &= sentence_code[j:size - k + 1 + j] == sentence_code[:size - k + 1]
        for i in np.flatnonzero(hit):
            if drop[i:i + k].any() or is_phrase[i:i + k].any() or country[i:i + k].any():
                continue  # overlaps a stronger or longer phrase, or the country
            is_phrase[i] = True
            drop[i + 1:i + k] = True
            joined_end[i] = end_char[i + k - 1]
            form[i] = " ".join(words)
            written[i] = " ".join(token[i:i + k])

    # 3. which tokens count
    is_alpha = toks["is_alpha"].to_numpy(dtype=bool)
    is_punct = toks["is_punct"].to_numpy(dtype=bool)
    words_ok = is_alpha | (keep_numbers & ~is_punct)
    long_enough = np.array([len(f) >= MIN_TERM_CHARS for f in form], dtype=bool)
    content = words_ok & ~toks["is_stop"].to_numpy(dtype=bool) & long_enough & ~np.isin(
        form, list(CLITICS))
    keep = (country | is_phrase | content) & ~drop

    # 4. stems; names are left alone: words never written in lower case and capitalised
    # at least once inside a sentence (not first, not after punctuation such as a quote)
    term = form.copy()
    term[country] = COUNTRY_TERM
    plain = keep & ~country
    if stemmer is not None:
        lowercase_seen, capitalised_inside = _name_evidence(token, lower, is_punct, toks["token_n"].to_numpy())
        names = capitalised_inside - lowercase_seen
        stems = {f: " ".join(p if p in names else stemmer.stem(p) for p in f.split(" "))
                 for f in set(form[plain])}
        term[plain] = [stems[f] for f in form[plain]]

    out = toks.loc[keep, ["article_id", "outlet", "sentence_id", "token_n", "start_char"]]
    out = out.reset_index(drop=True)
    out["end_char"] = joined_end[keep]
    out["token"] = pd.Series(written[keep], dtype="str")
    out["form"] = pd.Series(form[keep], dtype="str")
    out["term"] = pd.Series(term[keep], dtype="str")
    return out[OCCURRENCE_COLUMNS]


def word_totals(tokens: pd.DataFrame, sentences: pd.DataFrame,
                occurrences: pd.DataFrame) -> pd.DataFrame:
    """Words per outlet: the denominator of every "per 1,000 words".

    A word is a token with a letter or a digit that is not a clitic piece ("'s",
    "n't"), stopwords included: "per 1,000 words" means per 1,000 words of running
    text, as a reader would count them.

    Returns
    -------
    DataFrame
        One row per outlet (sorted): ``outlet``, ``n_articles``, ``n_words`` (words as
        above), ``n_terms`` (rows of ``occurrences``: the words counted as terms, a
        joined phrase once).
    """
    toks = _with_outlet(tokens, sentences)
    is_word = ~toks["is_punct"] & ~toks["lower"].isin(CLITICS)
    out = pd.DataFrame({"outlet": sorted(sentences["outlet"].astype(str).unique())})
    n_articles = sentences.groupby("outlet")["article_id"].nunique()
    out["n_articles"] = out["outlet"].map(n_articles).astype("int64")
    out["n_words"] = out["outlet"].map(toks[is_word].groupby("outlet").size()).fillna(0).astype("int64")
    out["n_terms"] = out["outlet"].map(occurrences.groupby("outlet").size()).fillna(0).astype("int64")
    return out


def term_labels(occurrences: pd.DataFrame) -> pd.Series:
    """The word shown for each term: its commonest form in the corpus (ties: first in
    alphabetical order). Index ``term``, values the label ("prisoners" for "prison")."""
    if occurrences.empty:
        return pd.Series(dtype="str", name="label")
    forms = occurrences.groupby(["term", "form"]).size().rename("n").reset_index()
    forms = forms.sort_values(["term", "n", "form"], ascending=[True, False, True], kind="stable")
    return forms.drop_duplicates("term").set_index("term")["form"].rename("label")


def _forms_text(table: pd.DataFrame, keys: list[str], column: str = "form") -> pd.Series:
    """Per group of ``keys``: its ``column`` values with counts, commonest first
    ("prisoners 4, prisoner 1"; ties alphabetical)."""
    n = table.groupby([*keys, column]).size().rename("n").reset_index()
    n = n.sort_values([*keys, "n", column], ascending=[True] * len(keys) + [False, True],
                      kind="stable")
    n["text"] = n[column].astype(str) + " " + n["n"].astype(str)
    return n.groupby(keys, sort=False)["text"].agg(", ".join)


def term_counts(occurrences: pd.DataFrame, totals: pd.DataFrame) -> pd.DataFrame:
    """How often each outlet uses each term, in counts and per 1,000 words.

    Counts are uses of each term per outlet (pandas groupby; ``count_terms`` builds
    the same table from chunks of articles).

    Parameters
    ----------
    occurrences
        From ``term_occurrences``.
    totals
        From ``word_totals`` (the denominators).

    Returns
    -------
    DataFrame
        One row per outlet and term it uses, sorted by outlet, then count (most first)
        and term: ``outlet``, ``term``, ``label`` (the commonest word for the term in
        the whole corpus), ``forms`` (this outlet's words for it with counts,
        "prisoners 4, prisoner 3"), ``n`` (uses), ``n_articles`` (the outlet's articles
        using it), ``n_words`` (the outlet's words), ``per_1000`` (``n / n_words *
        1000``), ``rank`` (1 = the outlet's commonest term; ties share a rank).
    """
    if occurrences.empty:
        return pd.DataFrame(columns=COUNT_COLUMNS)
    agg = occurrences.groupby(["outlet", "article_id", "term", "form"], sort=False).size().rename("n").reset_index()
    return _counts_from_aggregate(agg, totals)


def _count_chunk(args: tuple) -> tuple[pd.DataFrame, pd.Series, set[str], set[str]]:
    """Tokens of one chunk of sentences, reduced to what ``count_terms`` adds up."""
    from .text import tokenize_chunk

    sentences, phrases, keep_numbers = args
    tokens = tokenize_chunk(sentences)
    occ = term_occurrences(tokens, sentences, stem=None, phrases=phrases, keep_numbers=keep_numbers)
    country = (occ["term"] == COUNTRY_TERM) & (occ["form"] != COUNTRY_TERM)
    occ = occ.assign(country=country.to_numpy(dtype=bool))
    agg = occ.groupby(["outlet", "article_id", "form", "country"], sort=False).size().rename("n").reset_index()
    toks = _with_outlet(tokens, sentences)
    is_word = ~toks["is_punct"] & ~toks["lower"].isin(CLITICS)
    n_words = toks[is_word].groupby("outlet").size()
    evidence = _name_evidence(
        tokens["token"].astype(str).to_numpy(dtype=object), tokens["lower"].astype(str).to_numpy(dtype=object),
        tokens["is_punct"].to_numpy(dtype=bool), tokens["token_n"].to_numpy(),
    )
    return agg, n_words, *evidence


def count_terms(
    sentences: pd.DataFrame,
    *,
    stem: str | None = DEFAULT_STEMMER,
    phrases: Iterable[str] | None = None,
    keep_numbers: bool = False,
    n_jobs: int | None = None,
    client=None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(term_counts(...), word_totals(...))`` without holding every token in memory.

    The same two tables as tokenizing the whole corpus and calling ``term_occurrences``,
    ``word_totals`` and ``term_counts`` (the tests check they are equal), computed chunk
    by chunk of articles on every core or on a Dask cluster (``n_jobs``, ``client``; see
    ``helpers.parallel``): each chunk is tokenized and reduced to counts of each word
    form per article, and the stems (which depend on whether a word is ever written in
    lower case anywhere in the corpus) are applied once the chunks are added up. For a
    corpus of 100,000 articles, where the token table would not fit in memory; the
    occurrences of a term can then be found again in the sentences of the articles
    ``counts`` names.
    """
    from .parallel import article_chunks, map_chunks

    _require(sentences, ["article_id", "sentence_id", "outlet", "text", "start_char"], "sentences")
    stemmer = _stemmer(stem)
    phrases = list(phrases or [])
    n_articles = sentences["article_id"].nunique()
    chunks = article_chunks(sentences.reset_index(drop=True))
    parts = map_chunks(_count_chunk, [(c, phrases, keep_numbers) for c in chunks], n_articles=n_articles,
                       n_jobs=n_jobs, client=client, desc="term counts")
    agg = pd.concat([p[0] for p in parts], ignore_index=True)
    n_words = pd.concat([p[1] for p in parts]).groupby(level=0).sum()
    lowercase_seen = set().union(*(p[2] for p in parts))
    names = set().union(*(p[3] for p in parts)) - lowercase_seen
    country = agg["country"].to_numpy(dtype=bool)
    term = agg["form"].astype(str).to_numpy(dtype=object).copy()
    term[country] = COUNTRY_TERM
    if stemmer is not None:
        plain = set(term[~country])
        stems = {f: " ".join(p if p in names else stemmer.stem(p) for p in f.split(" ")) for f in plain}
        term[~country] = [stems[f] for f in term[~country]]
    agg["term"] = pd.Series(term, dtype="str")

    totals = pd.DataFrame({"outlet": sorted(sentences["outlet"].astype(str).unique())})
    totals["n_articles"] = totals["outlet"].map(sentences.groupby("outlet")["article_id"].nunique()).astype("int64")
    totals["n_words"] = totals["outlet"].map(n_words).fillna(0).astype("int64")
    totals["n_terms"] = totals["outlet"].map(agg.groupby("outlet")["n"].sum()).fillna(0).astype("int64")
    if agg.empty:
        return pd.DataFrame(columns=COUNT_COLUMNS), totals[TOTAL_COLUMNS]

    return _counts_from_aggregate(agg, totals), totals[TOTAL_COLUMNS]


def _counts_from_aggregate(agg: pd.DataFrame, totals: pd.DataFrame) -> pd.DataFrame:
    """The ``term_counts`` table from uses per (outlet, article_id, term, form): ``n``."""
    forms = agg.groupby(["outlet", "term", "form"])["n"].sum().rename("n").reset_index()
    corpus_forms = forms.groupby(["term", "form"])["n"].sum().rename("n").reset_index()
    corpus_forms = corpus_forms.sort_values(["term", "n", "form"], ascending=[True, False, True], kind="stable")
    labels = corpus_forms.drop_duplicates("term").set_index("term")["form"]
    counts = agg.groupby(["outlet", "term"]).agg(n=("n", "sum"), n_articles=("article_id", "nunique")).reset_index()
    counts["label"] = counts["term"].map(labels)
    counts = counts.join(_forms_from_counts(forms), on=["outlet", "term"])
    counts["n_words"] = counts["outlet"].map(totals.set_index("outlet")["n_words"])
    counts["per_1000"] = counts["n"] / counts["n_words"] * PER_WORDS
    counts = counts.sort_values(["outlet", "n", "term"], ascending=[True, False, True], kind="stable", ignore_index=True)
    counts["rank"] = counts.groupby("outlet")["n"].rank(method="min", ascending=False).astype("int64")
    for col in ["n", "n_articles", "n_words"]:
        counts[col] = counts[col].astype("int64")
    return counts[COUNT_COLUMNS]


def _forms_from_counts(forms: pd.DataFrame) -> pd.Series:
    """``_forms_text`` from counts (outlet, term, form, n) instead of one row per occurrence."""
    n = forms.sort_values(["outlet", "term", "n", "form"], ascending=[True, True, False, True], kind="stable")
    text = n["form"].astype(str) + " " + n["n"].astype(str)
    return text.groupby([n["outlet"], n["term"]], sort=False).agg(", ".join).rename("forms")


def default_prior_strength(totals: pd.Series) -> float:
    """The prior strength ``alpha_0`` used when none is given: the mean group size.

    Monroe et al. leave ``alpha_0`` to the analyst. Here the prior counts as much as
    one average outlet's text: it pulls an average outlet's rate about halfway toward
    the corpus rate, so a word an outlet uses once or twice does not stand out, while
    one it repeats can. (tidylo's default, ``alpha_w`` = the corpus counts, is
    ``alpha_0 = n``, as strong as all outlets together; on five articles it leaves
    no term past |z| = 1.96.)
    """
    return float(totals.sum()) / max(len(totals), 1)


def log_odds(
    counts: pd.DataFrame,
    *,
    by: str = "outlet",
    term: str = "term",
    n: str = "n",
    totals: pd.Series | None = None,
    prior_strength: float | None = None,
) -> pd.DataFrame:
    """Weighted log-odds ratios, each group against all the other groups together.

    Monroe, Colaresi & Quinn (2008), "Fightin' Words", Political Analysis 16(4),
    eqs. 16-22, with the informative Dirichlet prior taken from the whole corpus. For
    group i, the rest j (all other groups pooled) and term w:

    - ``y_iw``, ``y_jw``: uses of w in i and in j; ``n_i``, ``n_j``: their totals;
      ``y_w = y_iw + y_jw``, ``n = n_i + n_j``.
    - prior: ``alpha_w = alpha_0 * y_w / n`` (the corpus rate, worth ``alpha_0``
      pseudo-counts in all).
    - ``delta_w = log((y_iw + alpha_w) / (n_i + alpha_0 - y_iw - alpha_w))
      - log((y_jw + alpha_w) / (n_j + alpha_0 - y_jw - alpha_w))`` (eq. 16)
    - ``variance_w = 1 / (y_iw + alpha_w) + 1 / (y_jw + alpha_w)`` (eq. 20)
    - ``z_w = delta_w / sqrt(variance_w)`` (eq. 22)

    Positive z: group i uses w more than the rest; negative: less.

    Parameters
    ----------
    counts
        Long table with a group column (``by``), a ``term`` column and counts ``n``;
        one row per group and term (missing pairs count 0). Not modified.
    totals
        Each group's total (index: group). Default: the sum of its counts. Pass word
        totals to score a few terms (framing groups) against all words.
    prior_strength
        ``alpha_0``. Default ``default_prior_strength`` (the mean group total).

    Returns
    -------
    DataFrame
        One row per group and term (every term of the corpus, for every group, so
        terms a group never uses show how far below the rest it is), sorted by group
        then z (highest first), count and term: the group column, ``term``, ``n``
        (``y_iw``), ``n_rest`` (``y_jw``), ``total`` (``n_i``), ``total_rest``
        (``n_j``), ``per_1000`` and ``per_1000_rest`` (rates per 1,000 of the totals),
        ``alpha`` (``alpha_w``), ``delta``, ``variance``, ``z``, ``significant``
        (``|z| > Z_CRITICAL``). Empty when there are fewer than two groups: with one
        outlet there is nothing to set it apart from.
    """
    _require(counts, [by, term, n], "counts")
    wide = counts.pivot_table(index=term, columns=by, values=n, aggfunc="sum", fill_value=0)
    columns = [by if c == "outlet" else c for c in LOG_ODDS_COLUMNS]
    if wide.shape[1] < 2 or wide.empty:
        return pd.DataFrame(columns=columns)
    wide = wide.sort_index(axis=0).sort_index(axis=1).astype("float64")
    if totals is None:
        totals = wide.sum(axis=0)
    totals = pd.Series(totals, dtype="float64").reindex(wide.columns)
    if totals.isna().any():
        raise ValueError(f"totals lack the group(s) {list(totals[totals.isna()].index)}")
    n_all = float(totals.sum())
    alpha_0 = default_prior_strength(totals) if prior_strength is None else float(prior_strength)
    if alpha_0 <= 0:
        raise ValueError(f"prior_strength must be positive, not {alpha_0}")
    y_w = wide.sum(axis=1)
    alpha = alpha_0 * y_w / n_all
    frames = []
    for group in wide.columns:
        y_i, n_i = wide[group], totals[group]
        y_j, n_j = y_w - y_i, n_all - n_i
        delta = (np.log((y_i + alpha) / (n_i + alpha_0 - y_i - alpha))
                 - np.log((y_j + alpha) / (n_j + alpha_0 - y_j - alpha)))
        variance = 1 / (y_i + alpha) + 1 / (y_j + alpha)
        z = delta / np.sqrt(variance)
        frames.append(pd.DataFrame({
            by: group, "term": wide.index, "n": y_i.astype("int64").to_numpy(),
            "n_rest": y_j.astype("int64").to_numpy(), "total": int(n_i), "total_rest": int(n_j),
            "per_1000": (y_i / n_i * PER_WORDS).to_numpy() if n_i else np.nan,
            "per_1000_rest": (y_j / n_j * PER_WORDS).to_numpy() if n_j else np.nan,
            "alpha": alpha.to_numpy(), "delta": delta.to_numpy(),
            "variance": variance.to_numpy(), "z": z.to_numpy(),
        }))
    out = pd.concat(frames, ignore_index=True)
    out["significant"] = out["z"].abs() > Z_CRITICAL
    out = out.sort_values([by, "z", "n", "term"], ascending=[True, False, False, True],
                          kind="stable", ignore_index=True)
    return out[columns]


def distinctive_terms(counts: pd.DataFrame, totals: pd.DataFrame, *,
                      prior_strength: float | None = None) -> pd.DataFrame:
    """Each outlet's terms scored against all other outlets (``log_odds`` on ``term_counts``).

    The log-odds compare shares of each outlet's counted terms (``totals.n_terms``,
    the multinomial of Monroe et al.); the rates shown beside them are per 1,000 words
    of running text, like ``term_counts``.

    Parameters
    ----------
    counts
        From ``term_counts``.
    totals
        From ``word_totals``.

    Returns
    -------
    DataFrame
        ``log_odds`` columns (the group column is ``outlet``) with ``label`` after
        ``term``, ``per_1000`` = uses per 1,000 of the outlet's words and
        ``per_1000_rest`` = uses per 1,000 words of all other outlets, and ``rank``
        (1 = the outlet's most distinctive term). Empty when the corpus has a single
        outlet: there is nothing to set it apart from.
    """
    scored = log_odds(counts[["outlet", "term", "n"]], prior_strength=prior_strength)
    labels = counts.drop_duplicates("term").set_index("term")["label"]
    scored.insert(2, "label", scored["term"].map(labels).astype("str"))
    words = totals.set_index("outlet")["n_words"]
    own = scored["outlet"].map(words).astype("float64")
    rest = float(words.sum()) - own
    scored["per_1000"] = scored["n"] / own.where(own > 0) * PER_WORDS
    scored["per_1000_rest"] = scored["n_rest"] / rest.where(rest > 0) * PER_WORDS
    scored["rank"] = scored.groupby("outlet").cumcount().astype("int64") + 1
    return scored


def tfidf_terms(occurrences: pd.DataFrame, *, top_n: int | None = None) -> pd.DataFrame:
    """TF-IDF of each term with each outlet's text as one document (scikit-learn).

    ``TfidfVectorizer`` defaults: raw counts times smoothed idf
    (``ln((1 + n_docs) / (1 + df)) + 1``), each outlet's vector scaled to unit length.
    A term every outlet uses gets the lowest idf; one only this outlet uses, the
    highest. Unlike the log-odds it has no notion of chance: a word used once by one
    outlet can rank high.

    Returns
    -------
    DataFrame
        ``outlet, term, label, n, tfidf, rank`` for the terms each outlet uses, sorted
        by outlet and tf-idf (highest first); ``top_n`` keeps the first per outlet.
    """
    if occurrences.empty:
        return pd.DataFrame(columns=TFIDF_COLUMNS)
    docs = occurrences.groupby("outlet", sort=True)["term"].apply(list)
    vectorizer = TfidfVectorizer(analyzer=lambda doc: doc, lowercase=False)
    matrix = vectorizer.fit_transform(docs.tolist())
    vocab = vectorizer.get_feature_names_out()
    frames = []
    for row, outlet in enumerate(docs.index):
        vec = matrix.getrow(row).tocoo()
        frames.append(pd.DataFrame({"outlet": outlet, "term": vocab[vec.col], "tfidf": vec.data}))
    out = pd.concat(frames, ignore_index=True)
    n = occurrences.groupby(["outlet", "term"]).size()
    out["n"] = pd.MultiIndex.from_frame(out[["outlet", "term"]]).map(n.to_dict()).astype("int64")
    out["label"] = out["term"].map(term_labels(occurrences))
    out = out.sort_values(["outlet", "tfidf", "term"], ascending=[True, False, True],
                          kind="stable", ignore_index=True)
    out["rank"] = out.groupby("outlet").cumcount().astype("int64") + 1
    if top_n is not None:
        out = out[out["rank"] <= top_n].reset_index(drop=True)
    return out[TFIDF_COLUMNS]


def _phrase_words(tokens: pd.DataFrame) -> pd.DataFrame:
    """Tokens for phrase finding: lower-cased, the country as ``u.s.``, clitics left out.
    Punctuation stays in, so no phrase is found across a comma or a quote mark."""
    words = tokens[~tokens["lower"].isin(CLITICS)].copy()
    words["word"] = words["lower"].where(~words["token"].isin(COUNTRY_FORMS), COUNTRY_TERM)
    return words


def _by_sentence(words: pd.DataFrame) -> list[tuple[str, str, list, list]]:
    """``(sentence_id, article_id, words, start_chars)`` per sentence, in reading order
    (the rows of one sentence are contiguous, as ``tokenize`` writes them)."""
    if words.empty:
        return []
    sentence = words["sentence_id"].to_numpy(dtype=object)
    cuts = np.flatnonzero(sentence[1:] != sentence[:-1]) + 1
    bounds = zip(np.r_[0, cuts], np.r_[cuts, len(words)])
    word = words["word"].tolist()
    start = words["start_char"].tolist()
    article = words["article_id"].to_numpy(dtype=object)
    return [(sentence[a], article[a], word[a:b], start[a:b]) for a, b in bounds]


def _stop(word: str) -> bool:
    return word in STOPWORDS or not re.search(r"[^\W\d_]", word)


def collocations(
    tokens: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    by: str | None = "outlet",
    min_count: int = MIN_PHRASE_COUNT,
    measure: str = "likelihood_ratio",
    top_n: int | None = None,
    sizes: tuple[int, ...] = (2, 3),
) -> pd.DataFrame:
    """Two- and three-word phrases that recur in each outlet (NLTK collocation finders).

    Each sentence is one document for ``BigramCollocationFinder`` /
    ``TrigramCollocationFinder.from_documents``, so no phrase spans two sentences.
    Words are lower-cased tokens with stopwords *kept* (dropping them first would make
    "release of prisoners" the phrase "release prisoners"); phrases that start or
    end with a stopword or a number are then dropped (a stopword may sit inside a
    trigram: "secretary of state"), as are those seen fewer than ``min_count`` times
    (NLTK's ``apply_freq_filter``).

    Parameters
    ----------
    by
        ``"outlet"`` for phrases per outlet, None for the whole corpus as one group
        (its ``outlet`` column then reads ``"(all outlets)"``).
    measure
        ``"likelihood_ratio"`` (Dunning's G^2: how surprising the pair is, favouring
        frequent phrases; default) or ``"pmi"`` (pointwise mutual information, which
        favours rare exclusive pairs).
    sizes
        Phrase lengths to find: ``(2, 3)``, or ``(2,)`` for bigrams only.

    Returns
    -------
    DataFrame
        One row per phrase and group, sorted by group, score (highest first) and
        phrase: ``outlet``, ``phrase`` (lower-case words joined by spaces),
        ``n_words_in_phrase`` (2 or 3), ``n`` (uses), ``n_articles``, ``measure``,
        ``score``, ``first_sentence_id`` and ``first_start_char`` (where it first
        occurs, for checking).
    """
    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {', '.join(MEASURES)}, not {measure!r}")
    words = _phrase_words(_with_outlet(tokens, sentences))
    if by is None:
        words["outlet"] = "(all outlets)"
    elif by != "outlet":
        raise ValueError("by must be 'outlet' or None")
    rows = []
    for outlet, group in words.groupby("outlet", sort=True):
        docs = _by_sentence(group)
        sent_words = [ws for _, _, ws, _ in docs]
        for size, finder_cls, measures in [
            (2, BigramCollocationFinder, BigramAssocMeasures),
            (3, TrigramCollocationFinder, TrigramAssocMeasures),
        ]:
            if size not in sizes:
                continue
            finder = finder_cls.from_documents(sent_words)
            finder.apply_freq_filter(min_count)
            finder.apply_ngram_filter(lambda *ngram: _stop(ngram[0]) or _stop(ngram[-1]))
            if size == 3:
                finder.apply_ngram_filter(lambda w1, w2, w3: not re.search(r"[^\W\d_]", w2))
            scored = finder.score_ngrams(getattr(measures, measure))
            kept = {ngram for ngram, _ in scored}
            first: dict[tuple, tuple] = {}  # ngram -> (sentence_id, start_char) of its first use
            articles: dict[tuple, set] = {}
            for sentence_id, article_id, ws, starts in docs:
                for i in range(len(ws) - size + 1):
                    ngram = tuple(ws[i:i + size])
                    if ngram in kept:
                        first.setdefault(ngram, (sentence_id, int(starts[i])))
                        articles.setdefault(ngram, set()).add(article_id)
            for ngram, score in scored:
                rows.append({
                    "outlet": outlet, "phrase": " ".join(ngram), "n_words_in_phrase": size,
                    "n": int(finder.ngram_fd[ngram]), "n_articles": len(articles[ngram]),
                    "measure": measure, "score": float(score),
                    "first_sentence_id": first[ngram][0], "first_start_char": first[ngram][1],
                })
    out = pd.DataFrame(rows, columns=COLLOCATION_COLUMNS)
    if out.empty:
        return out
    out = out.sort_values(["outlet", "score", "phrase"], ascending=[True, False, True],
                          kind="stable", ignore_index=True)
    if top_n is not None:
        out = out.groupby("outlet", sort=False).head(top_n).reset_index(drop=True)
    return out


def phrases_to_join(tokens: pd.DataFrame, sentences: pd.DataFrame, *,
                    min_count: int = MIN_JOINED_PHRASE_COUNT,
                    min_score: float = MIN_JOINED_PHRASE_SCORE,
                    min_articles: int = MIN_JOINED_PHRASE_ARTICLES) -> list[str]:
    """Two-word phrases to count as single terms ("west bank", "peace talks").

    Candidates are the whole corpus's bigrams of two content words (``collocations``
    with ``by=None``) seen at least ``min_count`` times, in at least ``min_articles``
    articles, with a likelihood ratio of at least ``min_score``. A candidate is joined
    only if it is unambiguous: no other candidate shares a word with it at any of its
    uses. That leaves out chains of titles and names, where any cut is arbitrary
    ("Secretary of State John Kerry" holds "state john" and "john kerry"; "Prime
    Minister Benjamin Netanyahu" holds "prime minister", "minister benjamin" and
    "benjamin netanyahu"): their words are counted one by one. Trigrams are not
    joined, for the same reason.

    Returns
    -------
    list of str
        Lower-case phrases, strongest (highest score) first, for
        ``term_occurrences(..., phrases=...)``.
    """
    found = collocations(tokens, sentences, by=None, min_count=min_count, sizes=(2,))
    if found.empty:
        return []
    found = found[(found["score"] >= min_score)
                  & (found["n_articles"] >= min_articles)
                  & ~found["phrase"].str.split(" ").map(lambda ws: COUNTRY_TERM in ws)]
    if found.empty:
        return []
    candidates = {tuple(p.split(" ")) for p in found["phrase"]}
    words = _phrase_words(_with_outlet(tokens, sentences))
    claimed: dict[tuple, list] = {}  # (sentence, word position) -> candidates using it
    for sentence_id, _, ws, _ in _by_sentence(words):
        for i in range(len(ws) - 1):
            pair = (ws[i], ws[i + 1])
            if pair in candidates:
                claimed.setdefault((sentence_id, i), []).append(pair)
                claimed.setdefault((sentence_id, i + 1), []).append(pair)
    ambiguous = {pair for users in claimed.values() if len(set(users)) > 1 for pair in users}
    keep = ~found["phrase"].str.split(" ").map(tuple).isin(ambiguous)
    found = found[keep].sort_values(["score", "phrase"], ascending=[False, True], kind="stable")
    return found["phrase"].tolist()


# ---------------------------------------------------------------- framing vocabulary

def load_framing(corpus_dir: str | Path) -> pd.DataFrame | None:
    """Read the framing term groups of a corpus: ``framing.csv`` in a corpus folder, or
    ``<stem>.framing.csv`` beside a table corpus ``<stem>.csv`` (``.jsonl``, ``.parquet``;
    see ``helpers.corpus.side_table_path``).

    The file has two columns and one row per term: ``group`` (the name shown in tables,
    e.g. "settlements") and ``term`` (a word or a phrase of words separated by spaces,
    matched case-insensitively on whole tokens; ``*`` stands for any letters, so
    ``settlement*`` matches "settlement" and "settlements" and ``*terror*`` also
    "anti-terror"). A group lists as many rows as it has terms. It is read as
    ``metadata.csv`` is (``helpers.corpus_read.read_csv_rows``: delimiter detected,
    column names in any case and spacing, lines counted as in the file).

    Returns
    -------
    DataFrame or None
        ``group, term`` (stripped, terms lower-cased, duplicates dropped, file order);
        empty for an empty file; None when the corpus has no framing table.

    Raises
    ------
    CorpusError
        A line with more values than the header names, a broken quote, not UTF-8,
        missing columns or empty cells, naming the line; a file that is a link leading
        outside the corpus folder (or any link, for a table corpus).
    """
    path = side_table_path(corpus_dir, "framing")
    if not path.is_file():
        return None
    needs = f"{path.name} needs the columns group and term (one row per term)"
    rows = read_csv_rows(path, tuple(FRAMING_COLUMNS), needs=needs, known=tuple(FRAMING_COLUMNS))
    problems = []
    for line, rec in zip(rows.lines, rows.records):
        for col in FRAMING_COLUMNS:
            if not rec[col].strip():
                problems.append(f"{path.name} line {line}: the {col} is empty.")
        if rec["term"].strip() and not re.search(r"[^\W\d_]", rec["term"]):
            problems.append(f"{path.name} line {line}: the term {rec['term']!r} has no letter.")
    if problems:
        raise CorpusError(f"{path} has problems:\n  " + "\n  ".join(problems))
    out = pd.DataFrame({
        "group": [rec["group"].strip() for rec in rows.records],
        "term": [" ".join(rec["term"].lower().split()) for rec in rows.records],
    }, columns=FRAMING_COLUMNS)
    return out.drop_duplicates(ignore_index=True)


def _pattern(word: str) -> re.Pattern[str]:
    return re.compile("".join(r"\S*" if part == "*" else re.escape(part)
                              for part in re.split(r"(\*)", word)))


def framing_matches(tokens: pd.DataFrame, sentences: pd.DataFrame,
                    framing: pd.DataFrame | None) -> pd.DataFrame:
    """Every use of every framing term, found with NLTK's ``ConcordanceIndex``.

    One index per article over its tokens, keyed case-insensitively; each term (its
    ``*`` patterns expanded to the article's words) is looked up with
    ``find_concordance``, phrases as word lists. A phrase must lie within one
    sentence. Within a group, a match inside a longer match of the same group is
    dropped ("peace process" is one use, not also a use of "peace*").

    Returns
    -------
    DataFrame
        One row per use: ``article_id, outlet, sentence_id, group, term`` (the row of
        ``framing`` that matched), ``match`` (the words as written), ``start_char``,
        ``end_char`` (offsets into the body). Empty when ``framing`` is None or empty.
    """
    if framing is None or framing.empty:
        return pd.DataFrame(columns=MATCH_COLUMNS)
    toks = _with_outlet(tokens, sentences).reset_index(drop=True)
    token = toks["token"].astype(str).to_numpy(dtype=object)
    lower = toks["lower"].astype(str).to_numpy(dtype=object)
    sentence = toks["sentence_id"].to_numpy(dtype=object)
    vocab = set(lower)
    matching: dict[str, list[str]] = {}  # a pattern word -> the corpus words it matches
    for term in framing["term"].unique():
        for part in term.split():
            if part not in matching:
                pattern = _pattern(part)
                matching[part] = sorted(v for v in vocab if pattern.fullmatch(v))
    positions = toks.groupby("article_id", sort=False).indices
    rows = []
    for article_id in toks["article_id"].unique():
        idx = positions[article_id]
        index = ConcordanceIndex(token[idx].tolist(), key=str.lower)
        here = set(lower[idx])
        for group, term in framing[FRAMING_COLUMNS].itertuples(index=False):
            choices = [[w for w in matching[part] if w in here] for part in term.split()]
            for phrase in itertools.product(*choices):
                for line in index.find_concordance(list(phrase), width=KWIC_WIDTH):
                    first, last = idx[line.offset], idx[line.offset + len(phrase) - 1]
                    if sentence[first] == sentence[last]:  # a phrase stays in its sentence
                        rows.append((article_id, group, term, int(first), int(last)))
    if not rows:
        return pd.DataFrame(columns=MATCH_COLUMNS)
    found = pd.DataFrame(rows, columns=["article_id", "group", "term", "first", "last"])
    # within a group, drop a match covered by a longer one
    found["length"] = found["last"] - found["first"]
    found = found.sort_values(["group", "length", "first"], ascending=[True, False, True],
                              kind="stable")
    keep = []
    covered: dict[str, set] = {}
    for group, first, last in zip(found["group"], found["first"], found["last"]):
        span = set(range(first, last + 1))
        seen = covered.setdefault(group, set())
        keep.append(not span & seen)
        seen |= span
    found = found[keep].sort_values(["first", "group"], kind="stable")
    first, last = found["first"].to_numpy(), found["last"].to_numpy()
    found["outlet"] = toks["outlet"].to_numpy()[first]
    found["sentence_id"] = sentence[first]
    found["start_char"] = toks["start_char"].to_numpy()[first]
    found["end_char"] = toks["end_char"].to_numpy()[last]
    found["match"] = [" ".join(token[f:la + 1]) for f, la in zip(first, last)]
    return found[MATCH_COLUMNS].reset_index(drop=True)


def framing_counts(matches: pd.DataFrame, totals: pd.DataFrame,
                   framing: pd.DataFrame | None) -> pd.DataFrame:
    """Uses of each framing group per outlet, in counts and per 1,000 words.

    Returns
    -------
    DataFrame
        One row per outlet and group (groups in file order, every outlet, zeros
        included): ``outlet, group, n`` (uses), ``n_words`` (the outlet's words),
        ``per_1000``, ``matches`` (the words matched, with counts: "settlements 2,
        settlement 1").
    """
    if framing is None or framing.empty:
        return pd.DataFrame(columns=FRAMING_COUNT_COLUMNS)
    groups = list(dict.fromkeys(framing["group"]))
    grid = pd.MultiIndex.from_product([sorted(totals["outlet"]), groups],
                                      names=["outlet", "group"])
    counts = matches.groupby(["outlet", "group"]).size().reindex(grid, fill_value=0)
    found = matches.assign(form=matches["match"].str.lower())
    texts = _forms_text(found, ["outlet", "group"]) if len(found) else pd.Series(dtype="str")
    out = counts.rename("n").reset_index()
    out["n"] = out["n"].astype("int64")
    out["n_words"] = out["outlet"].map(totals.set_index("outlet")["n_words"]).astype("int64")
    out["per_1000"] = out["n"] / out["n_words"].where(out["n_words"] > 0) * PER_WORDS
    out["matches"] = pd.MultiIndex.from_frame(out[["outlet", "group"]]).map(texts.to_dict())
    out["matches"] = out["matches"].fillna("").astype("str")
    out["_g"] = out["group"].map({g: i for i, g in enumerate(groups)})
    out = out.sort_values(["_g", "outlet"], kind="stable")
    return out[FRAMING_COUNT_COLUMNS].reset_index(drop=True)


def framing_scores(framing: pd.DataFrame, totals: pd.DataFrame, *,
                   prior_strength: float | None = None) -> pd.DataFrame:
    """Framing counts with each group scored like a term (``log_odds``) against all words.

    Each outlet's uses of a group are compared with the other outlets' uses, both as
    shares of all their words (``totals.n_words``), with the prior from the corpus.

    Returns
    -------
    DataFrame
        ``framing_counts`` columns plus ``n_rest``, ``per_1000_rest`` (the other
        outlets' uses per 1,000 of their words), ``z`` and ``significant``; the last
        four are missing when the corpus has a single outlet.
    """
    columns = FRAMING_COUNT_COLUMNS + ["n_rest", "per_1000_rest", "z", "significant"]
    if framing.empty:
        return pd.DataFrame(columns=columns)
    table = framing.rename(columns={"group": "term"})[["outlet", "term", "n"]]
    words = totals.set_index("outlet")["n_words"]
    scored = log_odds(table, totals=words, prior_strength=prior_strength)
    scored = scored.rename(columns={"term": "group"})
    out = framing.merge(scored[["outlet", "group", "n_rest", "per_1000_rest", "z", "significant"]],
                        on=["outlet", "group"], how="left")
    if scored.empty:
        out["significant"] = pd.array([pd.NA] * len(out), dtype="boolean")
    return out[columns]


def framing_z_table(framing_z: pd.DataFrame) -> pd.DataFrame:
    """Framing groups x outlets, each cell the group's log-odds z in that outlet.

    Returns
    -------
    DataFrame
        ``group`` then one column per outlet (z, positive: used more than by the
        other outlets), groups in file order. Empty with a single outlet.
    """
    if framing_z.empty or framing_z["z"].isna().all():
        return pd.DataFrame(columns=["group"])
    groups = list(dict.fromkeys(framing_z["group"]))
    wide = framing_z.pivot(index="group", columns="outlet", values="z").reindex(groups)
    wide.columns = list(wide.columns)
    return wide.reset_index()


def keyword_in_context(matches: pd.DataFrame, articles: pd.DataFrame, *,
                       width: int = KWIC_WIDTH) -> pd.DataFrame:
    """Keyword-in-context lines for matches: the words before and after, as written.

    Context is cut from the article body at ``width`` characters each side (at a
    word boundary where one is near), with line breaks shown as spaces, so the line
    reads as the article does; ``start_char`` leads back to the sentence.

    Returns
    -------
    DataFrame
        ``article_id, outlet, sentence_id, group, start_char, left, match, right``,
        in the order of ``matches``.
    """
    if matches.empty:
        return pd.DataFrame(columns=KWIC_COLUMNS)
    bodies = articles.set_index("article_id")["body"]
    lefts, rights = [], []
    for row in matches.itertuples():
        body = bodies[row.article_id]
        left = body[max(0, row.start_char - width):row.start_char]
        right = body[row.end_char:row.end_char + width]
        if row.start_char - width > 0 and " " in left:
            left = "\u2026" + left[left.index(" ") + 1:]
        if row.end_char + width < len(body) and " " in right.strip():
            right = right[: right.rstrip().rindex(" ")] + "\u2026"
        lefts.append(" ".join(left.split()) + (" " if left[-1:].isspace() else ""))
        rights.append((" " if right[:1].isspace() else "") + " ".join(right.split()))
    out = matches[["article_id", "outlet", "sentence_id", "group", "start_char"]].copy()
    out["left"] = [x.strip() for x in lefts]
    out["match"] = [bodies[a][s:e] for a, s, e in zip(matches.article_id, matches.start_char,
                                                      matches.end_char)]
    out["right"] = [x.strip() for x in rights]
    return out[KWIC_COLUMNS].reset_index(drop=True)


def kwic_by_group(kwic: pd.DataFrame, framing_terms: pd.DataFrame | None) -> pd.DataFrame:
    """Keyword-in-context lines grouped for reading: by framing group (file order),
    then outlet, then position in the article. Columns: ``group, outlet, left, match,
    right, sentence_id``."""
    columns = ["group", "outlet", "left", "match", "right", "sentence_id"]
    if kwic.empty or framing_terms is None:
        return pd.DataFrame(columns=columns)
    order = {g: i for i, g in enumerate(dict.fromkeys(framing_terms["group"]))}
    out = kwic.assign(_g=kwic["group"].map(order))
    out = out.sort_values(["_g", "outlet", "article_id", "start_char"], kind="stable")
    return out[columns].reset_index(drop=True)


# ---------------------------------------------------------------- tables and sentences

def _periods_by_outlet(periods: pd.DataFrame | None) -> dict[str, str]:
    if periods is None or periods.empty:
        return {}
    labels = periods.sort_values(["period", "date"], kind="stable").groupby("outlet", sort=False)
    return {o: ", ".join(dict.fromkeys(g["period_label"])) for o, g in labels}


def outlet_summary(totals: pd.DataFrame, periods: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per outlet: ``outlet, period`` (its coverage period(s)), ``n_articles,
    n_words`` (the per-1,000 denominator) and ``n_terms`` (words counted as terms)."""
    out = totals.copy()
    out.insert(1, "period", out["outlet"].map(_periods_by_outlet(periods)))
    return out


def term_table(counts: pd.DataFrame, *, top_n: int = 5) -> pd.DataFrame:
    """A term x outlet table to scan: each outlet's ``top_n`` commonest terms, per 1,000 words.

    Returns
    -------
    DataFrame
        One row per term (the union of the outlets' top terms, most used in the corpus
        first): ``term`` (its commonest word), then one column per outlet with its uses
        per 1,000 words (0 where it never uses it), then ``n`` (uses in the corpus).
    """
    if counts.empty:
        return pd.DataFrame(columns=["term", "n"])
    top = counts[counts["rank"] <= top_n]["term"].unique()
    chosen = counts[counts["term"].isin(top)]
    wide = chosen.pivot_table(index="term", columns="outlet", values="per_1000",
                              aggfunc="sum", fill_value=0.0)
    total = chosen.groupby("term")["n"].sum()
    labels = counts.drop_duplicates("term").set_index("term")["label"]
    wide = wide.reindex(columns=sorted(counts["outlet"].unique()), fill_value=0.0)
    wide.columns = list(wide.columns)
    wide["n"] = total.astype("int64")
    wide.insert(0, "label", wide.index.map(labels))
    wide = wide.reset_index(drop=True).rename(columns={"label": "term"})
    return wide.sort_values(["n", "term"], ascending=[False, True], kind="stable",
                            ignore_index=True)


def top_distinctive(distinctive: pd.DataFrame, *, top_n: int = 8,
                    periods: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each outlet's ``top_n`` most distinctive terms, for display.

    Returns
    -------
    DataFrame
        ``outlet, period, rank, term`` (its commonest word), ``n`` (uses in the outlet),
        ``n_rest`` (in all other outlets), ``per_1000, per_1000_rest`` (per 1,000 words),
        ``z`` and ``significant`` (|z| > 1.96).
    """
    top = distinctive[distinctive["rank"] <= top_n].copy()
    top.insert(1, "period", top["outlet"].map(_periods_by_outlet(periods)).astype("str"))
    top = top.drop(columns="term").rename(columns={"label": "term"})
    return top[["outlet", "period", "rank", "term", "n", "n_rest", "per_1000", "per_1000_rest",
                "z", "significant"]].reset_index(drop=True)


def _n(count: int, word: str) -> str:
    """``"1 pair"``, ``"2 pairs"``: a count with its noun in the right number."""
    return f"{count:,} {word}{'s' * (count != 1)}"


def _outlet_count(n: int) -> str:
    return _n(n, "outlet")


def _passing(n_sig: int, n_pairs: int, test: str) -> str:
    """``"No outlet-term pair passes ..."``, ``"1 of 528 outlet-term pairs passes ..."``."""
    if not n_sig:
        return f"No outlet-term pair passes {test}"
    verb = "passes" if n_sig == 1 else "pass"
    return f"{n_sig:,} of {_n(n_pairs, 'outlet-term pair')} {verb} {test}"


def single_outlet_note(totals: pd.DataFrame) -> str | None:
    """The sentence that replaces a comparison when the corpus has only one outlet, else None."""
    if totals["outlet"].nunique() >= 2:
        return None
    name = totals["outlet"].iloc[0] if len(totals) else "(none)"
    return (
        f"This corpus has only one outlet ({name}), so no word can set an outlet apart: "
        "distinctive terms compare each outlet with the others and are undefined here. "
        "The counts per 1,000 words still describe its vocabulary."
    )


def terms_finding(distinctive: pd.DataFrame, framing_z: pd.DataFrame, totals: pd.DataFrame,
                  periods: pd.DataFrame | None = None) -> str:
    """The notebook's one-line finding, every number computed from the tables: the framing
    groups that stand out (the strongest evidence), each outlet's most distinctive word,
    and how few differences pass z = 1.96."""
    single = single_outlet_note(totals)
    if single:
        return single
    text = ""
    if len(framing_z) and framing_z["z"].notna().any():
        above = framing_z["significant"].fillna(False).astype(bool) & (framing_z["z"] > 0)
        standout = framing_z[above].sort_values("z", ascending=False, kind="stable").head(3)
        if len(standout):
            text = ("Framing vocabulary that stands out against the other outlets (weighted "
                    "log-odds): " + ", ".join(f"{r.group} in {r.outlet} (z = {r.z:.1f})"
                                               for r in standout.itertuples()) + ". ")
    best = distinctive[distinctive["rank"] == 1].sort_values("z", ascending=False, kind="stable")
    parts = [f"{r.outlet} \u2018{r.label}\u2019 (z = {r.z:.1f})"
             for r in best.head(MAX_FINDING_OUTLETS).itertuples()]
    if len(best) > MAX_FINDING_OUTLETS:
        parts.append(f"{_n(len(best) - MAX_FINDING_OUTLETS, 'more outlet')} in the table")
    text += "Each outlet's most distinctive word: " + "; ".join(parts) + "."
    n_sig = int((distinctive["significant"] & (distinctive["z"] > 0)).sum())
    n_moments = 0 if periods is None else periods.loc[periods["period"] > 0, "period"].nunique()
    words = _n(int(totals["n_words"].sum()), "word")
    passing = _passing(n_sig, len(distinctive), f"z > {Z_CRITICAL}")
    text += f" {'Only ' * bool(n_sig)}{passing} on {words}"
    if not n_sig:
        return text + ": no word sets an outlet apart beyond chance in this corpus."
    text += (f" from {n_moments} separate moments: modest evidence, partly the news of each "
             "moment." if n_moments > 1 else ": modest evidence.")
    return text


def distinctive_note(distinctive: pd.DataFrame, totals: pd.DataFrame) -> str:
    """What the distinctive-terms table shows, in numbers."""
    single = single_outlet_note(totals)
    if single:
        return single
    sig = distinctive[distinctive["significant"] & (distinctive["z"] > 0)]
    per_outlet = sig.groupby("outlet").size().reindex(sorted(totals["outlet"]), fill_value=0)
    listing = ", ".join(f"{o} {n}" for o, n in per_outlet.items())
    if sig.empty:
        return (f"{_passing(0, len(distinctive), f'z > {Z_CRITICAL}')} "
                f"(of {len(distinctive):,} tested): no word sets an outlet apart beyond chance "
                "in this corpus.")
    return (
        f"{_passing(len(sig), len(distinctive), f'z > {Z_CRITICAL}')} "
        f"({listing}). Every term of the corpus is tested for every outlet, without "
        f"correction for testing so many, so a few of these would pass by chance: read them "
        "as leads to check in the sentences, not as proof."
    )


def framing_note(framing_scores_table: pd.DataFrame, framing_terms: pd.DataFrame | None,
                 totals: pd.DataFrame) -> str:
    """What the framing table shows, or why there is none."""
    if framing_terms is None:
        return (f"This corpus has no {FRAMING_FILE}, so there is no framing vocabulary to count. "
                f"To add one, put a {FRAMING_FILE} with the columns group and term (one row per "
                "term) next to metadata.csv, or beside a table corpus named after it (export.csv: "
                "export.framing.csv); the sample corpus has one to copy.")
    if framing_scores_table.empty:
        return f"{FRAMING_FILE} lists no terms."
    used = framing_scores_table.groupby("group", sort=False)["n"].sum()
    unused = [g for g, n in used.items() if n == 0]
    text = (f"{_n(int(used.sum()), 'use')} of {_n(len(used), 'term group')} in "
            f"{_n(int(totals['n_words'].sum()), 'word')}.")
    if unused:
        text += f" Not used by any outlet: {', '.join(unused)}."
    single = single_outlet_note(totals)
    if single:
        return text + " " + single
    sig = framing_scores_table[framing_scores_table["significant"].fillna(False).astype(bool)]
    if len(sig):
        listing = "; ".join(
            f"{r.group} in {r.outlet} ({_n(r.n, 'use')}, {r.per_1000:.1f} per 1,000 words against "
            f"{r.per_1000_rest:.1f} elsewhere, z = {r.z:+.1f})" for r in sig.itertuples())
        text += (f" Beyond |z| = {Z_CRITICAL} (+: more than the other outlets, \u2212: less): "
                 f"{listing}.")
    else:
        text += f" No group's use in one outlet differs from the others by |z| > {Z_CRITICAL}."
    return text


def tfidf_note(tfidf: pd.DataFrame, distinctive: pd.DataFrame, totals: pd.DataFrame, *,
               top_n: int) -> str:
    """How far TF-IDF's top terms agree with the log-odds' top terms, and why they differ."""
    single = single_outlet_note(totals)
    if single:
        return ("With one outlet every term has the same idf, so TF-IDF ranks terms by their "
                "count alone.")
    top_t = tfidf[tfidf["rank"] <= top_n].groupby("outlet")["term"].apply(set)
    top_d = distinctive[distinctive["rank"] <= top_n].groupby("outlet")["term"].apply(set)
    shared = sum(len(top_t[o] & top_d.get(o, set())) for o in top_t.index)
    total = sum(len(top_t[o]) for o in top_t.index)
    k = len(totals)
    # scikit-learn's smoothed idf: ln((1 + k) / (1 + df)) + 1
    keeps = 1 / (np.log((1 + k) / 2) + 1)
    some = f"{shared} of the {total}" if shared else f"None of the {total}"
    return (f"{some} top-{top_n} TF-IDF terms "
            f"{'is' if shared == 1 else 'are'} {'also ' * bool(shared)}among the outlets' "
            f"top-{top_n} log-odds terms. With {k} outlets, a word every outlet uses keeps "
            f"{keeps:.0%} of the weight of a word only one outlet uses, so frequent shared words "
            "(the story's names) rank high on TF-IDF; the log-odds compare each outlet's rate "
            "with the others' and weigh the evidence, so where the lists differ, trust the z.")


def shared_sentences(sentences: pd.DataFrame) -> pd.DataFrame:
    """Sentences that appear word for word (case and spacing aside) in more than one outlet.

    Wire copy and shared agency text make outlets' vocabularies overlap by construction;
    a word in a shared sentence counts for each outlet that ran it.

    Returns
    -------
    DataFrame
        One row per outlet with at least one shared sentence: ``outlet``,
        ``n_sentences``, ``n_shared`` (its sentences also in another outlet),
        ``shared_with`` (those outlets, ", "-joined).
    """
    key = sentences["text"].fillna("").str.casefold().str.split().str.join(" ")
    data = sentences.assign(_key=key)
    outlets_per = data.groupby("_key")["outlet"].nunique()
    shared = data[data["_key"].map(outlets_per) > 1]
    rows = []
    for outlet, group in shared.groupby("outlet", sort=True):
        others = data[data["_key"].isin(group["_key"]) & (data["outlet"] != outlet)]["outlet"]
        rows.append((outlet, int((sentences["outlet"] == outlet).sum()), len(group),
                     ", ".join(sorted(others.unique()))))
    return pd.DataFrame(rows, columns=["outlet", "n_sentences", "n_shared", "shared_with"])


def periods_note(periods: pd.DataFrame) -> str:
    """Whether the outlets wrote at the same moment, for reading the comparisons."""
    dated = periods[periods["period"] > 0]
    moments = dated.groupby(["period", "period_label"])["outlet"].agg(
        lambda s: ", ".join(sorted(s.unique())))
    if len(moments) > 1:
        listing = "; ".join(f"{label}: {outlets}" for (_, label), outlets in moments.items())
        return (f"The articles come from {len(moments)} separate moments ({listing}). A word can "
                "set an outlet apart because its articles covered different news, not because "
                "the outlet framed the same news differently.")
    if len(moments) == 1:
        return (f"All dated articles come from one moment ({moments.index[0][1]}), so the outlets "
                "are compared on the same news.")
    return "No article is dated, so whether the outlets covered the same moment is unknown."


def sample_note(totals: pd.DataFrame) -> str:
    """How big the sample is, in the numbers that limit every z-score."""
    n_art = int(totals["n_articles"].sum())
    words = totals["n_words"]
    spread = (f" ({int(words.min()):,} to {int(words.max()):,} per outlet)"
              if len(totals) > 1 else "")
    return (f"This corpus has {_n(n_art, 'article')} from "
            f"{_outlet_count(len(totals))}, {_n(int(words.sum()), 'word')} in all{spread}, "
            "of which "
            f"{int(totals['n_terms'].sum()):,} are counted as terms.")


def shared_note(sentences: pd.DataFrame) -> str:
    """Which outlets ran the same sentences word for word (``shared_sentences``), in a sentence."""
    shared = shared_sentences(sentences)
    if shared.empty:
        return ("No sentence appears word for word in two outlets (near-copies with small edits "
                "would not show here).")
    pairs = "; ".join(f"{r.outlet}: {r.n_shared} of its {_n(r.n_sentences, 'sentence')}, "
                      f"shared with {r.shared_with}" for r in shared.itertuples())
    return (f"Sentences that appear word for word in more than one outlet ({pairs}) count for "
            "each outlet that ran them, which makes those outlets look alike; near-copies with "
            "small edits are not caught here.")


def prior_note(counts: pd.DataFrame, totals: pd.DataFrame, *,
               prior_strength: float | None = None) -> str:
    """How many outlet-term pairs pass z = 1.96 at half, the chosen, and a corpus-sized prior."""
    if totals["outlet"].nunique() < 2:
        return "With a single outlet there are no z-scores to be sensitive to the prior."
    chosen = (default_prior_strength(totals.set_index("outlet")["n_terms"])
              if prior_strength is None else float(prior_strength))
    corpus = float(totals["n_terms"].sum())
    passing = []
    for strength in (chosen / 2, chosen, corpus):
        scored = log_odds(counts[["outlet", "term", "n"]], prior_strength=strength)
        passing.append(int((scored["significant"] & (scored["z"] > 0)).sum()))
    return (f"Outlet-term pairs past z = {Z_CRITICAL} with the prior at half strength "
            f"(alpha_0 = {chosen / 2:,.0f}): {passing[0]}; as used here ({chosen:,.0f}): "
            f"{passing[1]}; as strong as the whole corpus ({corpus:,.0f}, tidylo's default): "
            f"{passing[2]}.")
