"""Facts each article states: numbers, dates, quantities and names, matched across outlets.

``extract_facts(sentences)`` finds, in every sentence, with regular expressions and no
trained model (NLTK's named-entity chunker is not available offline):

- **counts**: a number and the noun it counts, "104 long-serving Palestinian
  prisoners" -> ``104 prisoners``, "nine months of talks" -> ``9 months``, "another
  1,000 prisoners" -> ``1000 prisoners``; vague ones as written, "hundreds of
  Palestinian prisoners" -> ``hundreds of prisoners``;
- **ordinals**: "a fourth group of prisoners" -> ``fourth group``, "the final group"
  -> ``final group``;
- **money** (``$2 million``), **percentages** (``5%``), **times** (``3 a.m.``,
  ``0100 GMT``);
- **dates**: "April 29", "29 April", "Apr. 29th" -> ``April 29``; months ("by the end of
  March" -> ``March``; "a late-April deadline" -> ``late April``), years (``1967``),
  weekdays (``Monday``);
- **names**: runs of capitalised words ("Ramallah", "Tel Aviv", "United Nations General
  Assembly"), with titles cut out ("U.S. Secretary of State John Kerry" -> ``US``,
  ``John Kerry``), possessives dropped ("Kerry's"), a sentence's ordinary first word
  skipped ("After", "Said"), nationality adjectives dropped ("Israeli officials": the
  demonyms of ``helpers/data/demonyms.csv``, so "Amman" and "Jordan" stay names),
  surnames linked to the full name the same article used ("Harf" -> ``Marie Harf``),
  and every name and alias in the corpus's actors table mapped to its canonical name.

Each fact keeps its ``sentence_id`` and character offsets in the body, so every cell
of the outlet x fact matrix traces back to the words it came from.

Modules, one job each: ``numbers`` (numbers, dates, times, quantities), ``names`` (names,
titles cut out, surnames linked), ``extract`` (``extract_facts``: both, per sentence, as
rows), ``matching`` (``fact_overlap``, ``unique_facts``, ``fact_matrix``,
``facts_with_overlap``: facts matched across the outlets of one event), ``findings``
(``facts_note``).
"""

from .extract import CATEGORY, FACT_COLUMNS, extract_facts
from .findings import facts_note
from .matching import (
    MIN_SHARED_OUTLETS,
    OVERLAP_COLUMNS,
    fact_matrix,
    fact_overlap,
    facts_with_overlap,
    unique_facts,
)
from .names import DIRECTIONS, TITLE_MODIFIERS, TITLE_PHRASES
from .numbers import (
    IRREGULAR_PLURALS,
    MAX_HEAD_DISTANCE,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    SCALES,
    VAGUE_NUMBERS,
    WEEKDAYS,
)

__all__ = [
    "CATEGORY", "DIRECTIONS", "FACT_COLUMNS", "IRREGULAR_PLURALS",
    "MAX_HEAD_DISTANCE", "MIN_SHARED_OUTLETS", "MONTHS", "NUMBER_WORDS", "ORDINALS",
    "OVERLAP_COLUMNS", "SCALES", "TITLE_MODIFIERS", "TITLE_PHRASES", "VAGUE_NUMBERS", "WEEKDAYS",
    "extract_facts", "fact_matrix", "fact_overlap", "facts_note", "facts_with_overlap",
    "unique_facts",
]
