"""Direct quotations in cleaned article bodies, who speaks them, and anonymous sources.

- ``extract_quotes(sentences, articles, actors)``: one row per quotation, with its
  sentence, its speaker (surname-normalised), the speaker's kind and side, the
  attribution verb and the rule that attributed it. Unattributed quotations are kept
  (speaker kind "unknown"), never dropped.
- ``anonymous_sources(sentences, articles, actors)``: one row per unnamed source
  ("an Israeli official, who asked not to be identified"), with its description, the
  anonymity cue and how often the article cites it.
- ``quotes_and_sources(...)``: both tables from one reading of the corpus.
- ``speaker_counts``, ``affiliation_shares``, ``attribution_summary``, ``quotes_table``:
  the per-outlet tables of the ``01_sources`` notebook.

Where each step lives:

- ``vocabulary``: the word lists (from ``helpers/data/*.csv``) and the tables' names;
  ``patterns``: the regular expressions built from them.
- ``speakers``: a noun phrase read as a speaker; ``attribution``: the patterns below.
- ``resolution``: pronouns, roles and "the official"; ``article``: one article, step by step.
- ``extraction``: the public tables; ``voices``: speakers and share of voice;
  ``tables``: the tables the notebook shows; ``findings``: the notebook's sentences.
- Quotation spans and paragraphs come from the text layer (``helpers.quote_spans``).

How attribution works (the patterns news writing uses; no parser, no model). Within the
sentence that holds the quotation, in this order:

1. after the quotation, speaker then verb: ``"...," Kerry said`` / ``," he told`` /
   ``," the prime minister reportedly told Kerry``;
2. after the quotation, verb then speaker: ``"...," said council member Raj Patel``;
3. before it, verb then speaker then a colon: ``Said Toner: "..."``;
4. before it, speaker then verb, with appositives skipped: ``Yuval Steinitz, a Likud
   Cabinet minister, said "it is clear"``, ``The chief Palestinian negotiator, Saeb
   Erekat, confirmed ... and said Abbas was "making ..."`` (the first speech verb whose
   subject is a speaker wins, so "said Abbas was" does not make Abbas the speaker);
5. the sentence's subject, when the sentence has a speech verb but no speaker right
   before it (``An Israeli official would not provide details ..., but told AFP:``);
6. ``according to X``;
7. later in the sentence, the first speech verb whose subject is a speaker, not past a
   new clause (``will be "at least equal" to ..., Economy Minister Luis de Guindos said``).

Before the verb, a clause's own subject counts (``Xinhua reported that President Xi
Jinping called for "..."``), and so does ``Sadhvi Prachi's comment that "..."``
(``helpers/data/speech_nouns.csv``); a title set off by commas is skipped like an
appositive (``Balyan, Union Minister of State for Agriculture, told``).

A quotation with no attribution in its own sentence takes the speaker of the nearest
attribution before it in the same paragraph (``"...," Kerry said. "The leaders have to
lead."``), of the quotation it continues from the previous paragraph, or, when it opens
its paragraph, of the last attribution in the two paragraphs before it (``An Israeli source
... said that ...`` followed by a paragraph that is only a quotation), or of the person the
paragraph before is about; else the person a sentence before it in its paragraph is about
(``Council President Ana Vert closed the meeting ... the process "clean and transparent."``);
else it takes the first attribution in a later sentence of its own paragraph (never one later
in its own sentence, past a new clause); else, on a quotes page ("What the managers said"), the
person named by the crosshead above it (``Gary Megson (Bolton)``, read from the corpus's
``raw_text`` and ``subheads``), past topic lines (``On the lineup:``) and quotation paragraphs only.

Speakers are then resolved: ``he``/``she`` (and ``the Dutchman``, ``the 34-year-old``,
``the SPD politician``: ``helpers/data/person_nouns.csv``) to
the latest speaker or sentence subject before it (a quotation's, a ``X said`` sentence's,
``Kerry could not force ...``: the subject, not the nearest name; ``He was replying ...``
carries its person on) in the same or previous paragraph, else to the person named
nearest before; a description (``the top US diplomat``, ``the premier``) to the person named
with a title it stands for (``helpers/data/role_descriptions.csv``); ``the company`` to the
organisation named before (or a one-word speaker never given a first name: ``AstraZeneca``);
a role (``the prime minister``) to the one person the article names with
that role (``Israeli Prime Minister Benjamin Netanyahu``, ``Martin Indyk, the U.S.
special envoy``, ``A State Department spokeswoman, Marie Harf,``, ``Dharmendra Pradhan,
Union Minister for Steel``, ``Gov. Gavin Newsom``), or, of several, the one named with the
role as written (``the Home Minister``); ``a Swedish prosecutor`` likewise; ``the official`` to the
anonymous source introduced before it; ``the statement`` (``helpers/data/document_nouns.csv``)
to its author, the person or organisation that spoke before it.

Names are normalised: the actors table first (``canonical_name``), then the full name the
article (or else the corpus) gives for a surname, so ``John Kerry``, ``Kerry`` and
``Secretary Kerry`` are one speaker; a first name the article never uses as a surname
(``Michael smiles``) becomes the full name opening with it, and an organisation's acronym
the name the article spells it out as (``the Ministry of Defence, MINDEF``).
"""

from ..wordlists import DEMONYMS, TITLE_WORDS
from .extraction import anonymous_sources, extract_quotes, quotes_and_sources
from .findings import attribution_validation
from .method import method_note
from .tables import attribution_summary, quotes_table
from .vocabulary import (
    ANONYMITY_CUES,
    ANONYMOUS_DETERMINERS,
    ANONYMOUS_HEADS,
    BETWEEN_WORDS,
    GROUP_NOUNS,
    INTRODUCTORY_WORDS,
    INVERTIBLE_VERBS,
    KIND_ANONYMOUS,
    KIND_ORGANISATION,
    KIND_PERSON,
    KIND_UNKNOWN,
    LEADING_CONJUNCTIONS,
    MAX_PHRASE_CHARS,
    MIN_QUOTE_WORDS,
    NO_AFFILIATION,
    ORG_WORDS,
    QUOTE_COLUMNS,
    ROLE_NOUNS,
    SOURCE_COLUMNS,
    SPEAKER_KINDS,
    SPEECH_VERBS,
    UNATTRIBUTED,
)
from .voices import affiliation_shares, speaker_counts

__all__ = [
    "ANONYMITY_CUES",
    "ANONYMOUS_DETERMINERS",
    "ANONYMOUS_HEADS",
    "BETWEEN_WORDS",
    "DEMONYMS",
    "GROUP_NOUNS",
    "INTRODUCTORY_WORDS",
    "INVERTIBLE_VERBS",
    "KIND_ANONYMOUS",
    "KIND_ORGANISATION",
    "KIND_PERSON",
    "KIND_UNKNOWN",
    "LEADING_CONJUNCTIONS",
    "MAX_PHRASE_CHARS",
    "MIN_QUOTE_WORDS",
    "NO_AFFILIATION",
    "ORG_WORDS",
    "QUOTE_COLUMNS",
    "ROLE_NOUNS",
    "SOURCE_COLUMNS",
    "SPEAKER_KINDS",
    "SPEECH_VERBS",
    "TITLE_WORDS",
    "UNATTRIBUTED",
    "affiliation_shares",
    "anonymous_sources",
    "attribution_summary",
    "attribution_validation",
    "extract_quotes",
    "method_note",
    "quotes_and_sources",
    "quotes_table",
    "speaker_counts",
]
