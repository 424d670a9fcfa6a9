"""The Method paragraph of ``02_terms``, written from the constants the counting and testing use."""

from __future__ import annotations

from scipy.stats import chi2

from ..wording import number_word
from . import counting, keyness, phrases


def method_note() -> str:
    """How words are counted, joined, tested and grouped, with every threshold from code."""
    p_value = chi2.sf(phrases.MIN_JOINED_PHRASE_SCORE, 1)  # the likelihood ratio is chi-squared with 1 df
    per = f"{counting.PER_WORDS:,}"
    return (
        "`term_occurrences` starts from the word tokens of `helpers.text.tokenize` and keeps one row per counted "
        "word, with its article, sentence and character offsets. First the country is made one term, whichever "
        "way an outlet writes it (\"US\", \"U.S.\", \"United States\"): this is done on the word as written and "
        "before stopwords are removed, because lower-cased \"US\" is \"us\", a stopword, and an outlet that writes "
        "\"US\" would otherwise lose every mention. A word is a token of the tokenizer, the parts of a hyphenated "
        "compound each a word (\"Kerry\" in \"the Netanyahu-Kerry meeting\"). Then stopwords "
        "(`helpers.nltk_data.STOPWORDS`) and numbers are dropped and case is folded. Two-word phrases seen at "
        f"least {number_word(phrases.MIN_JOINED_PHRASE_COUNT)} times in at least "
        f"{number_word(phrases.MIN_JOINED_PHRASE_ARTICLES)} articles, with a likelihood ratio above "
        f"{phrases.MIN_JOINED_PHRASE_SCORE} (p = {p_value:.3f}), that do not overlap another such phrase "
        "(\"west bank\", \"peace talks\", \"prisoner release\": `phrases_to_join`) are counted *besides* their "
        "words, in rows of their own marked `phrase`: \"Kerry said\" is a use of the phrase and a use of Kerry. "
        f"Totals and the per-{per} denominators are words only, so no use is counted twice in them. With `stem` "
        "set, NLTK's Snowball stemmer (no downloaded data) merges forms of one word (\"prisoner\", "
        "\"prisoners\"); names are left unstemmed, and every table shows a term by its commonest word, never the "
        f"stem. `term_counts` counts terms per outlet with NLTK's `FreqDist`, per {per} words of running text "
        "(stopwords included). `distinctive_terms` computes the weighted log-odds ratio with an informative "
        "Dirichlet prior of Monroe, Colaresi & Quinn (2008, \"Fightin' Words\", eqs. 16-22): each outlet against "
        "all others pooled, the prior being the corpus's own word rates worth `prior_strength` words (by default "
        "the mean outlet size), and z = log-odds difference / its standard error. Because every term is tested "
        "for every outlet, the two-sided p-values are adjusted together with the Benjamini-Hochberg procedure "
        "(`scipy.stats.false_discovery_control`) and a pair is significant when its adjusted p is at most "
        f"{keyness.FDR_LEVEL:g} (a {keyness.FDR_LEVEL:.0%} false discovery rate); only terms used at least "
        f"{number_word(keyness.MIN_TEST_COUNT)} times in the corpus are tested, and weekday and month names and "
        "a few function words (`helpers/data/keyness_skip_words.csv`) are counted but never tested. "
        f"|z| > {keyness.Z_CRITICAL}, the uncorrected 5% mark, is shown for reference. `tfidf_terms` gives "
        "scikit-learn's TF-IDF as a second view. `collocations` finds two- and three-word phrases per outlet "
        "with NLTK's collocation finders (likelihood ratio, seen at least "
        f"{_times(phrases.MIN_PHRASE_COUNT)}). The framing groups come from `framing.csv` in the corpus folder; "
        "`framing_matches` finds every use with NLTK's `ConcordanceIndex`; words of one group standing next to "
        "each other are one use (\"prisoner release\", \"freed prisoners\"), and the words around a use decide "
        "its sense where the corpus's `framing_senses.csv` has cues for it (a cue can say that a "
        "\"negotiated settlement\" is not housing, or that \"release\" is a prisoner release only when the "
        "sentence names prisoners); without that file every use counts as `framing.csv` lists it. Uses in "
        "another sense are shown but not counted; uses the cues leave open are counted and marked ambiguous. "
        "`keyword_in_context` prints each in its sentence."
    )


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{number_word(count)} times")
