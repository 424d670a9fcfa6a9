"""The Method paragraph of ``01_sources``, written from the constants attribution and profiles use."""

from __future__ import annotations

from .. import quote_spans
from ..wording import number_word
from . import vocabulary


def method_note() -> str:
    """How quotations are found and attributed and articles profiled, thresholds from code."""
    from .. import profiles  # profiles builds on quotes: imported when called, not when quotes loads

    flesch = (f"{profiles.FLESCH_BASE} \u2212 {profiles.FLESCH_SENTENCE_WEIGHT} \u00d7 words per sentence "
              f"\u2212 {profiles.FLESCH_SYLLABLE_WEIGHT} \u00d7 syllables per word")
    return (
        "`quotes_and_sources` runs `extract_quotes` and `anonymous_sources` in one reading. `extract_quotes` finds "
        "every direct quotation with `quote_spans` (text between double quotes, or, in a paragraph with none, "
        f"single quotes around {number_word(quote_spans.MIN_SINGLE_WORDS)} words or more, "
        f"{number_word(quote_spans.MIN_PARTIAL_WORDS)} when they open lower-case; curly quotes were made "
        "straight by cleaning; a quotation running over paragraphs is one row per paragraph, one over the lines "
        "of a hard-wrapped paragraph one row) and attributes it "
        "with the "
        "patterns news writing uses, in this order: a speaker and verb right after it (`\"...,\" Kerry said`, "
        "`,\" he told`), a verb and speaker after it (`,\" said Raj Patel`), a verb, speaker and colon before it "
        "(`Said Toner:`), the first speech verb before it whose subject is a speaker, skipping appositives "
        "(`Yuval Steinitz, a Likud Cabinet minister, said \"it is clear\"`), the sentence's subject when the verb "
        "has no speaker right before it, `according to X`, and the first speech verb later in the sentence "
        "whose subject is a speaker (`will be \"at least equal\" to ..., Economy Minister Luis de Guindos said`; "
        "not past `but` or `while`). A quotation with none of these in its sentence "
        "takes the speaker of the nearest attribution before it in its paragraph, of the quotation it continues, "
        "or, when it opens a paragraph, of the last attribution in the two paragraphs before (or of the person "
        "the paragraph before is about); else of the person a sentence before it in its paragraph is about; "
        "else of the first attribution in a later sentence of its paragraph; else, on a quotes page, of the "
        "person the crosshead above it names (`Gary Megson (Bolton)`, past topic lines and quotations only); "
        "a speaker with a colon "
        "and no verb (`Burnley manager Sean Dyche: \"...\"`) counts too. `he`/`she` is resolved to the latest "
        "speaker or sentence subject before it in the same or the previous paragraph (in `Kerry could not force "
        "... Mahmoud Abbas ... he said`, the subject Kerry, not the nearest name; a sentence whose subject is "
        "`he` carries its person on; `the Dutchman` or `the 34-year-old` is read as `he`), else to the person "
        "named nearest before; a role (`the prime minister`, `a Swedish prosecutor`, an abbreviated title such "
        "as `Gov.`) or a description standing for one (`the top US diplomat`, "
        "`helpers/data/role_descriptions.csv`) to the one person the article names with that role "
        "(`Israeli Prime Minister Benjamin Netanyahu`), or, when it names several, with the role as written "
        "(`the Home Minister`); `the official` to the unnamed source introduced before "
        "it; `the company` to the organisation named before it (or the one-word speaker before it that the "
        "article never gives a first name, `AstraZeneca said`); `the statement` or `the report` to its author, "
        "the person or organisation that spoke before it; an acronym to the name the article spells it out as "
        "(`the Ministry of Defence, MINDEF`). A place, a day or a month is never a person; "
        "`Irene Nattel of RBC Capital Markets` is the person, `Bank of America` one name. "
        "Speakers are normalised with the actors table (`canonical_name`), then by surname (`Kerry` is the "
        "`John Kerry` the article, or else the corpus, names). `anonymous_sources` counts unnamed sources (`an "
        "Israeli official, who asked not to be identified`, `a senior US official ... on condition of "
        "anonymity`), with their description and anonymity wording; the side of an unnamed source comes from "
        "its nationality word, read from a list of every country's demonyms (`helpers/data/demonyms.csv`). "
        f"Quoted fragments of fewer than {number_word(vocabulary.MIN_QUOTE_WORDS)} words with no punctuation "
        "inside the marks (`a \"framework\" agreement`) or opening lower-case (`is \"perfect,\"`) are quoted "
        "terms, not quotations: listed, not counted. "
        "`article_profiles` adds length, mean sentence length (words / sentences) and Flesch reading ease "
        f"({flesch}, syllables from `pyphen`'s hyphenation dictionary)."
    )
