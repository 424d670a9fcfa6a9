"""The Method paragraph of ``03_sentiment``, written from the constants scoring, intervals,
voices, positions and the validation use."""

from __future__ import annotations

from ..wording import number_word
from . import intervals, positions, scoring, validation, voices
from .newswords import read_news_words

PARTS = {2: "halves", 3: "thirds", 4: "quarters", 5: "fifths", 10: "tenths"}


def method_note() -> str:
    """How sentences are scored, averaged, split by voice and position, and validated."""
    n_lexicon = round(len(scoring.shipped_analyzer().lexicon), -2)
    n_neutral = len(read_news_words())
    n_benchmark = len(validation.load_benchmark().sentences)
    cut = f"{scoring.THRESHOLD:.2f}"
    scale = f"{validation.RATING_SCALE:g}"
    parts = PARTS.get(positions.POSITION_BINS, f"{positions.POSITION_BINS} equal parts")
    min_interval = number_word(intervals.MIN_SENTENCES_FOR_INTERVAL)
    return (
        "Each sentence from `split_sentences` is scored by `score_sentences` with VADER (Hutto & Gilbert 2014) "
        "as NLTK implements it (`SentimentIntensityAnalyzer`), using the lexicon the `vaderSentiment` package "
        f"ships (nothing is downloaded), less {number_word(n_neutral)} words that are neutral in news language: "
        "*party* is a political party, *support* backing for a bill, *security* an institution, not a "
        "celebration, a kindness or safety. Those words, each with the rule that chose it and its news sense, "
        "are in `helpers/data/news_neutral_words.csv`; a listed word scores as a word VADER does not know. "
        f"VADER adds up the lexicon values of a sentence's words (about {n_lexicon:,} words and emoticons rated "
        f"by people from \u2212{scale} to +{scale}), adjusts them for negation (\"not good\"), boosters "
        "(\"very\"), \"but\", capitals and exclamation marks, and squashes the sum into a *compound* score from "
        f"\u22121 to +1; by VADER's own cut-offs a sentence at +{cut} or above counts as positive, at \u2212{cut} "
        "or below as negative, in between as neutral. `outlet_sentiment` and `article_sentiment` average the "
        f"compound scores and give a {intervals.CONFIDENCE:.0%} percentile bootstrap interval "
        f"({intervals.N_RESAMPLES:,} resamples, numpy's random Generator with the fixed seed "
        f"{intervals.BOOTSTRAP_SEED}, so every build gives the same intervals); for an outlet the bootstrap "
        "resamples its articles and then each drawn article's sentences, because sentences of one article are "
        f"not independent. An interval needs at least {min_interval} sentences: fewer show no interval (a dash), "
        "and an interval of zero width (every sentence scoring alike) is named as such, never compared. For "
        "voices, `score_voices` cuts each sentence at the direct quotations `quote_spans` finds: the quoted part "
        "and the narration around it are scored separately, so a sentence that is half quotation counts in both "
        "voices, each with its own words, rather than being forced into one voice by a majority rule that would "
        f"misfile the other half. Quotations of fewer than {number_word(voices.MIN_QUOTE_WORDS)} words (scare "
        "quotes such as a \"framework\" deal) stay part of the narration. For actors, `find_mentions` finds every "
        "name and alias from the corpus's actors table; `actor_sentiment` averages the sentences that mention "
        "each actor, counting a sentence once per actor it names. `position_sentiment` cuts each article into "
        f"{parts} by sentence position. Finally `validation_metrics` scores {n_benchmark:,} New York Times "
        "editorial sentences that people rated, with this method, with the lexicon as shipped and with the "
        "reference `vaderSentiment` implementation, and reports the Pearson correlation with the mean human "
        f"rating (scaled from \u2212{scale}\u2026+{scale} to \u22121\u2026+1) and the macro-F1 over the three "
        f"classes, with the same \u00b1{cut} cut-offs on both sides."
    )
