"""Coverage overlap: how alike whole articles are, which sentences they share, and how
much of each article is shared copy.

Three measures, from coarse to fine:

- ``document_similarity(articles)``: every pair of articles, with the cosine similarity
  of their TF-IDF vectors (do they use the same vocabulary: the same story?) and the
  Jaccard similarity of their word 5-gram shingles (do they use the same *wording*:
  the same copy?).
- ``shared_passages(sentences)``: pairs of sentences from different articles that are
  identical or nearly so (wire copy, reused paragraphs). Candidates come from a
  containment search over each sentence's word 3-grams (a near-identical sentence, or a
  short one inside a long one; MinHash LSH, ``datasketch``, is an option), so no loop
  ever compares all pairs of sentences; each candidate pair is then verified with an
  exact measure.
- ``wire_share(articles, sentences, passages)``: the share of each article's body covered by
  sentences it shares with *another outlet's* article.

Every comparison is on *normalised tokens*: words and numbers, case-folded, with
punctuation, quotation marks and whitespace dropped, so "balked" and 'balked' and
"Balked" compare equal. Spelling variants (balked/baulked, recognise/recognize) are
paired and counted as matches but listed and highlighted.

Modules, one job each:

- ``tokens``: the normalised tokens and shingles every measure compares;
- ``similarity``: ``document_similarity``, ``similarity_matrix``, ``outlet_similarity``;
- ``align``: ``compare_sentences``, how two sentences line up word by word;
- ``lsh``: each sentence's token digest and shingles, and (an option) MinHash band keys and the pairs sharing one;
- ``containment``: the candidate pairs where one sentence's 3-grams are mostly in the other;
- ``passages``: ``shared_passages``, candidates verified (and, on request, a lower
  "partial" tier of rewritten sentences, listed but never counted as copy);
- ``wire``: ``wire_share``, ``label_quotations`` (shared quotations apart from copy);
- ``tables``: ``event_table``, ``wire_table`` (the passages side by side are
  ``helpers.display.passages_html``);
- ``findings``: the notebook's sentences (``*_note``, ``overlap_finding``); ``method``: its Method paragraph.
"""

from ..lazy import lazy_names
from .align import (
    LETTERS,
    MAX_GAP,
    MIN_COVERAGE,
    MIN_RUN,
    PARTIAL_MIN_COVERAGE,
    VARIANT_MIN_LETTERS,
    VARIANT_MIN_RATIO,
    Alignment,
    any_order_coverage,
    compare_sentences,
    is_variant,
    matched_spans,
    overlap_share,
)
from .containment import CONTAINMENT_THRESHOLD, SHORT_SHINGLES, SHORT_THRESHOLD
from .lsh import LSH_THRESHOLD, MIN_SENTENCE_TOKENS, NUM_PERM, SEED, SENTENCE_SHINGLE_SIZE, lsh_bands
from .passages import PARTIAL, PASSAGE_COLUMNS, VERIFIED, VERIFY_CHUNK, shared_passages
from .tokens import Token, normalise_tokens

# Loaded on first use, so a worker process that unpickles ``lsh.signature_chunk`` or
# ``passages.verify_chunk`` does not import scikit-learn (about 30 MB a worker) or the
# quotation helpers: module -> the names it defines.
LAZY_MODULES = {
    "findings": ("events_note", "overlap_finding", "passages_note", "similarity_note", "wire_note"),
    "method": ("method_note",),
    "similarity": ("DOC_SHINGLE_SIZE", "SIMILARITY_COLUMNS", "document_similarity", "outlet_similarity",
                   "similarity_matrix"),
    "tables": ("event_table", "wire_table"),
    "wire": ("WIRE_COLUMNS", "label_quotations", "quotation_spans", "wire_share"),
}
__getattr__ = lazy_names(__name__, LAZY_MODULES, globals())


__all__ = [
    "CONTAINMENT_THRESHOLD",
    "DOC_SHINGLE_SIZE",
    "LETTERS",
    "LSH_THRESHOLD",
    "MAX_GAP",
    "MIN_COVERAGE",
    "MIN_RUN",
    "MIN_SENTENCE_TOKENS",
    "NUM_PERM",
    "PARTIAL",
    "PARTIAL_MIN_COVERAGE",
    "PASSAGE_COLUMNS",
    "SEED",
    "SENTENCE_SHINGLE_SIZE",
    "SHORT_SHINGLES",
    "SHORT_THRESHOLD",
    "SIMILARITY_COLUMNS",
    "VARIANT_MIN_LETTERS",
    "VARIANT_MIN_RATIO",
    "VERIFIED",
    "VERIFY_CHUNK",
    "WIRE_COLUMNS",
    "Alignment",
    "Token",
    "any_order_coverage",
    "compare_sentences",
    "document_similarity",
    "event_table",
    "events_note",
    "is_variant",
    "label_quotations",
    "lsh_bands",
    "matched_spans",
    "method_note",
    "normalise_tokens",
    "outlet_similarity",
    "overlap_finding",
    "overlap_share",
    "passages_note",
    "quotation_spans",
    "shared_passages",
    "similarity_matrix",
    "similarity_note",
    "wire_note",
    "wire_share",
    "wire_table",
]
