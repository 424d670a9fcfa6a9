"""The Method paragraph of ``04_overlap``, written from the constants similarity, events,
passages and wire share use."""

from __future__ import annotations

from .. import events
from ..wording import number_word
from . import align, containment, entries, lsh, similarity


def method_note() -> str:
    """How articles, events, shared sentences, wire copy and facts are found, thresholds from code."""
    days = events.EVENT_MAX_DAYS
    return (
        "`document_similarity` scores every pair of articles twice: the cosine of their TF-IDF vectors "
        "(scikit-learn, stopwords removed), which is high when two articles use the same vocabulary, and the "
        f"Jaccard similarity of their sets of word {similarity.DOC_SHINGLE_SIZE}-grams, which is high only when "
        f"they use the same wording. `group_events` links two articles when they are at most {number_word(days)} "
        f"{'day' if days == 1 else 'days'} apart and their cosine is at least {events.EVENT_MIN_SIMILARITY}, and "
        "calls each linked group a news event. `shared_passages` looks for sentences two articles share: each "
        f"sentence of {number_word(lsh.MIN_SENTENCE_TOKENS)} or more words becomes its set of word "
        f"{lsh.SENTENCE_SHINGLE_SIZE}-grams (words case-folded and cut to their first "
        f"{number_word(entries.FOLD_LETTERS)} letters, punctuation, quotation marks and spacing ignored); a "
        "containment search proposes candidate pairs without comparing every pair of sentences, so the same "
        "code runs on a corpus of 100,000 articles: a pair is proposed when at least "
        f"{containment.CONTAINMENT_THRESHOLD:.0%} of the shorter sentence's {lsh.SENTENCE_SHINGLE_SIZE}-grams "
        f"are in the other ({containment.SHORT_THRESHOLD:.0%} for a sentence of "
        f"{number_word(containment.SHORT_SHINGLES + lsh.SENTENCE_SHINGLE_SIZE - 1)} words or fewer), "
        "found through its rarest ones, and a count of their words shows it could still pass the check below. "
        "Near-identical sentences and a short sentence quoted inside a longer one are found alike. Each "
        "candidate from two different articles is "
        f"then checked exactly with difflib: the pair counts when at least {align.MIN_COVERAGE:.0%} of the "
        "shorter sentence's words appear in the longer one in the same order, in runs of "
        f"{number_word(align.MIN_RUN)} words or more. A word spelled differently (balked/baulked) counts as the "
        "same word and is marked. A pair that falls short of that but has at least "
        f"{align.PARTIAL_MIN_COVERAGE:.0%} of the shorter sentence in runs of {number_word(align.MIN_RUN)} words "
        "found in the other in any order (a wire sentence rewritten: clauses moved, added or cut) is listed as "
        "a lower, *partial* tier with its overlap share, and never counted as shared copy. `label_quotations` "
        "marks a pair whose shared words lie inside quotation marks in both articles: a *shared quotation*, the "
        "same person's words, not copy. `wire_share` divides the characters of each body that lie in such "
        "shared runs with another outlet's article by the characters of the whole body, and splits them into "
        "wire copy (outside quotation marks) and shared quotation (inside them; quoted terms such as a "
        "\"framework\" agreement stay copy). `extract_facts` finds numbers with the noun they count (\"104 "
        "long-serving Palestinian prisoners\" becomes *104 prisoners*), dates (\"April 29\" and \"29 April\" "
        "match), months, years, weekdays, times, ordinals (*fourth group*) and names (runs of capitalised words, "
        "titles and a sentence's ordinary first word removed, aliases from the corpus's actors table mapped to "
        "one name); `fact_overlap` matches them across the outlets of each event."
    )
