"""Which words each outlet uses, and which set it apart from the rest of the corpus.

The grammar follows quanteda's ``tokens -> dfm -> textstat``: ``term_occurrences``
turns the token table (``helpers.text.tokenize``) into one row per counted word, each
with its article, sentence and character offsets; everything else counts those rows,
so every number traces back to a sentence. One job per module:

- ``occurrences``: tokens -> counted words (hyphenated compounds split into their
  parts, stopwords dropped, case folded, the country's forms made one term, Snowball
  or Porter stems) and, besides them, phrases (rows of their own, never in totals).
- ``counting``: words per outlet (the per-1,000 denominator) and term counts, also
  chunk by chunk of articles (``count_terms``) for corpora too big for a token table.
- ``coded``: one chunk's counts for ``count_terms``, on integer word codes (no token table).
- ``keyness``: the weighted log-odds with an informative Dirichlet prior of Monroe,
  Colaresi & Quinn (2008), "Fightin' Words", each outlet against the others, tested
  with a Benjamini-Hochberg correction; TF-IDF.
- ``phrases``: collocations per outlet (NLTK finders), the phrases counted as units.
- ``framing``: the corpus's ``framing.csv`` term groups, their uses (NLTK's
  ``ConcordanceIndex``) and counts per outlet, keyword-in-context lines.
- ``senses``: each framing use's sense from its cue words, and a group's words
  standing together made one use.
- ``tokenchunks``: ``TokenChunks``, the token table made a chunk of articles at a time
  as each step reads it, for corpora whose whole token table would not fit in memory.
- ``tables``: tables for reading; ``findings``: the sentences of 02_terms; ``method``: its Method paragraph.

Every public name is importable from ``helpers.terms`` itself.
"""

from ..nltk_data import STOPWORDS
from .counting import (
    COUNT_COLUMNS,
    PER_WORDS,
    TOTAL_COLUMNS,
    count_terms,
    forms_text,
    term_counts,
    term_labels,
    word_totals,
)
from .findings import (
    MAX_FINDING_GROUPS,
    MAX_FINDING_OUTLETS,
    distinctive_note,
    framing_note,
    periods_note,
    prior_note,
    sample_note,
    shared_note,
    single_outlet_note,
    terms_finding,
    tfidf_note,
)
from .framing import (
    FRAMING_COLUMNS,
    FRAMING_COUNT_COLUMNS,
    FRAMING_FILE,
    KWIC_COLUMNS,
    KWIC_WIDTH,
    MATCH_COLUMNS,
    framing_counts,
    framing_matches,
    framing_scores,
    keyword_in_context,
    kwic_by_group,
    load_framing,
)
from .keyness import (
    FDR_LEVEL,
    LOG_ODDS_COLUMNS,
    MIN_TEST_COUNT,
    SKIP_WORDS,
    TFIDF_COLUMNS,
    Z_CRITICAL,
    default_prior_strength,
    distinctive_terms,
    fdr_test,
    log_odds,
    prior_sensitivity,
    shared_word_weight,
    tfidf_terms,
)
from .method import method_note
from .occurrences import (
    CLITICS,
    COUNTRY_FORMS,
    COUNTRY_PHRASES,
    COUNTRY_TERM,
    DEFAULT_STEMMER,
    MAX_UPPER_SHARE,
    MIN_TERM_CHARS,
    OCCURRENCE_COLUMNS,
    PHRASE,
    STEMMERS,
    WORD,
    split_compounds,
    term_occurrences,
)
from .phrases import (
    COLLOCATION_COLUMNS,
    MEASURES,
    MIN_JOINED_PHRASE_ARTICLES,
    MIN_JOINED_PHRASE_COUNT,
    MIN_JOINED_PHRASE_SCORE,
    MIN_PHRASE_COUNT,
    collocations,
    phrases_to_join,
)
from .senses import (
    AMBIGUOUS,
    COUNTED,
    SENSE_WINDOW,
    SENSES_TABLE,
    load_framing_senses,
    merge_adjacent,
    resolve_senses,
)
from .tables import (
    framing_z_table,
    outlet_summary,
    shared_sentences,
    term_table,
    top_distinctive,
)
from .tokenchunks import TokenChunks

__all__ = [
    "AMBIGUOUS",
    "CLITICS",
    "COLLOCATION_COLUMNS",
    "COUNTED",
    "COUNTRY_FORMS",
    "COUNTRY_PHRASES",
    "COUNTRY_TERM",
    "COUNT_COLUMNS",
    "DEFAULT_STEMMER",
    "FDR_LEVEL",
    "FRAMING_COLUMNS",
    "FRAMING_COUNT_COLUMNS",
    "FRAMING_FILE",
    "KWIC_COLUMNS",
    "KWIC_WIDTH",
    "LOG_ODDS_COLUMNS",
    "MATCH_COLUMNS",
    "MAX_FINDING_GROUPS",
    "MAX_FINDING_OUTLETS",
    "MAX_UPPER_SHARE",
    "MEASURES",
    "MIN_JOINED_PHRASE_ARTICLES",
    "MIN_JOINED_PHRASE_COUNT",
    "MIN_JOINED_PHRASE_SCORE",
    "MIN_PHRASE_COUNT",
    "MIN_TERM_CHARS",
    "MIN_TEST_COUNT",
    "OCCURRENCE_COLUMNS",
    "PER_WORDS",
    "PHRASE",
    "SENSES_TABLE",
    "SENSE_WINDOW",
    "SKIP_WORDS",
    "STEMMERS",
    "STOPWORDS",
    "TFIDF_COLUMNS",
    "TOTAL_COLUMNS",
    "WORD",
    "Z_CRITICAL",
    "TokenChunks",
    "collocations",
    "count_terms",
    "default_prior_strength",
    "distinctive_note",
    "distinctive_terms",
    "fdr_test",
    "forms_text",
    "framing_counts",
    "framing_matches",
    "framing_note",
    "framing_scores",
    "framing_z_table",
    "keyword_in_context",
    "kwic_by_group",
    "load_framing",
    "load_framing_senses",
    "log_odds",
    "merge_adjacent",
    "method_note",
    "outlet_summary",
    "periods_note",
    "phrases_to_join",
    "prior_note",
    "prior_sensitivity",
    "resolve_senses",
    "sample_note",
    "shared_note",
    "shared_sentences",
    "shared_word_weight",
    "single_outlet_note",
    "split_compounds",
    "term_counts",
    "term_labels",
    "term_occurrences",
    "term_table",
    "terms_finding",
    "tfidf_note",
    "tfidf_terms",
    "top_distinctive",
    "word_totals",
]
