"""The quotation patterns' fast scans find exactly what the patterns find: ``Scan`` (a trie of
the words' openings on lower-cased text) and the anonymity cues' first-letter lookahead."""

from __future__ import annotations

import random
import re

import pytest

from helpers.quotes.patterns import (
    CUE_SCAN,
    CUES,
    INTRODUCED,
    INTRODUCED_OPENING,
    VERB,
    VERB_SCAN,
    Scan,
    cue_pattern,
    first_letters,
    literal_openings,
    matches_at,
)
from helpers.quotes.speakers import Names
from helpers.quotes.vocabulary import ANONYMITY_CUES

TEXTS = [
    "Kerry SAID on Monday, and Psaki Says so; he told reporters, according  to aides, As per the plan.",
    "The ambassador, said-and-done, assaid told. Unsaid words; 'said' -said Asked asks.",
    "Prime Minister Benjamin Netanyahu met the U.S. special envoy, Martin Indyk, and Gov. Jo Park.",
    # the Kelvin sign, a long s, a dotted and a dotless i: non-ASCII letters that match ASCII ones, case ignored
    "The \u212aing's spokeswoman said: \u017fAID \u0130n \u0131stanbul the minister \u00e9mile said.",
    "Caf\u00e9 owner Zo\u00eb Price \u2014 the mayor \u2014 told the ministry it asked not to be named.",
    "",
    "said",
]


def spans(matches) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group(0)) for m in matches]


@pytest.mark.parametrize("text", TEXTS)
def test_the_verb_scan_finds_what_the_verb_pattern_finds(text):
    assert spans(VERB_SCAN.finditer(text)) == spans(VERB.finditer(text))


@pytest.mark.parametrize("text", TEXTS)
def test_the_role_scan_finds_what_the_role_pattern_finds(text):
    names = Names(None)
    assert spans(names.role_scan.finditer(text)) == spans(names.role_word.finditer(text))


def test_the_verb_scan_finds_verbs_and_leaves_a_text_with_a_case_folding_character_to_the_pattern():
    assert [m.group(0) for m in VERB_SCAN.finditer("Kerry SAID it, Psaki says.")] == ["SAID", "says"]
    assert VERB_SCAN.lowered("Caf\u00e9 SAID") == "caf\u00e9 said"
    assert VERB_SCAN.lowered("\u212aerry said") is None  # the Kelvin sign matches "k" when case is ignored
    assert [m.group(0) for m in VERB_SCAN.finditer("\u017fAID it")] == ["\u017fAID"]  # long s: "said"


def test_a_scan_over_words_with_no_literal_opening_uses_the_pattern():
    pattern = re.compile(r"(?:\w+ed|said)\b", re.I)
    scan = Scan(pattern, [r"\w+ed", "said"])
    assert scan.openings is None
    assert spans(scan.finditer("He walked and SAID")) == spans(pattern.finditer("He walked and SAID"))


def test_literal_openings_stop_at_an_optional_letter_and_split_alternatives():
    assert literal_openings(r"says?|told") == ["say", "told"]
    assert literal_openings(r"according\s+to|as\s+per") == ["according", "as"]
    assert literal_openings(r"(?:on|under) condition") == ["on", "under"]
    assert literal_openings(r"(?:on|under)? condition") is None


def test_first_letters_of_the_cue_patterns():
    assert first_letters(r"(?:on|under) (?:the )?condition") == {"o", "u"}
    assert first_letters(r"(?:was|were) not named|unnamed") == {"w", "u"}
    assert first_letters(r"(?:a|b)?x") is None
    assert first_letters(r"\bnamed") is None
    assert cue_pattern([r"\bnamed"]).pattern == r"(?:\bnamed)"


@pytest.mark.parametrize("text", [*TEXTS, "He SPOKE ANONYMOUSLY, on condition of anonymity.", "a Familiar With"])
def test_the_cue_lookahead_changes_no_match(text):
    plain = re.compile("|".join(ANONYMITY_CUES), re.I)
    assert spans(CUES.finditer(text)) == spans(plain.finditer(text))


@pytest.mark.parametrize("text", [
    *TEXTS,
    "He met the Israeli prime minister, Benjamin Netanyahu, and a senior U.S. official, Jo Park, on Monday.",
    "Martin Indyk, the U.S. special envoy, said. Dharmendra Pradhan, Union Minister for Petroleum, told.",
    "Gov. Gavin Newsom and Sen. Jo Park met Minister of Foreign Affairs Madick\u00e9 Niang.",
])
def test_the_role_scans_find_what_the_role_patterns_find(text):
    names = Names(None)
    plain = [spans(p.finditer(text)) for p in names.role_patterns]
    scanned = [spans(s.finditer(text)) if need is None or next(need.finditer(text), None) else []
               for s, need in zip(names.role_scans, names.role_needs, strict=True)]
    assert scanned == plain


def test_a_role_set_off_by_commas_is_found_past_the_role_comma_check():
    names = Names(None)
    text = "He met the Israeli prime minister, Benjamin Netanyahu, on Monday."
    assert [m.group("name") for m in names.role_scans[3].finditer(text)] == ["Benjamin Netanyahu"]
    assert next(names.role_needs[3].finditer(text), None) is not None
    assert next(names.role_needs[3].finditer("The prime minister Benjamin Netanyahu, on Monday."), None) is None


@pytest.mark.parametrize("text", [*TEXTS, "He SPOKE ANONYMOUSLY, on condition of anonymity.", "ON CONDITION that"])
def test_the_cue_scan_finds_what_the_cue_pattern_finds(text):
    assert spans(CUE_SCAN.finditer(text)) == spans(CUES.finditer(text))
    assert CUE_SCAN.openings is not None


@pytest.mark.parametrize("text", ["'Hello' he said, 'x", "a 'b' (c) ['d] :'e \n'f", "''", "it's 'ok' \u2026'", "'...a"])
def test_single_open_finds_what_the_single_quote_pattern_finds(text):
    from helpers.quote_spans import SINGLE_OPEN, single_open

    for pos in range(len(text) + 1):
        for end in range(pos, len(text) + 1):
            want, got = SINGLE_OPEN.search(text, pos, end), single_open(text, pos, end)
            assert (want and want.span()) == (got and got.span())


@pytest.mark.parametrize("text", ["he", "She", "they\n", "xhe", "o'she", "said they\n\n", "-he", "so THEY"])
def test_a_pronoun_at_the_end_is_looked_for_in_the_last_characters_only(text):
    from helpers.quotes.attribution import PRONOUN_AT_END, PRONOUN_TAIL

    for before in ("", "The minister ", "x" * 20):
        full = before + text
        want = PRONOUN_AT_END.search(full)
        got = PRONOUN_AT_END.search(full, max(0, len(full) - PRONOUN_TAIL))
        assert (want and want.span()) == (got and got.span())


@pytest.mark.parametrize("text", TEXTS)
def test_starts_and_windows_find_the_scans_matches(text):
    """``Scan.starts`` over a whole text, narrowed to a window (``window_starts``), gives through
    ``finditer_at`` what the pattern finds in that window, windows cut mid-word included."""
    from helpers.quotes.resolution import window_starts

    names = Names(None)
    for scan in (VERB_SCAN, names.role_scan, names.role_scans[0], names.role_needs[3]):
        low = scan.lowered(text)
        if low is None:  # a character outside ASCII matching an ASCII one: callers scan as before
            continue
        starts = scan.starts(low)
        assert starts == [m.start() for m in scan.ahead.finditer(low)]
        for lo in range(0, max(len(text), 1), 3):
            for hi in (lo + 1, lo + 14, len(text)):
                window = text[lo:hi]
                got = spans(scan.finditer_at(window, window_starts(starts, low, lo, min(hi, len(text)), scan)))
                assert got == spans(scan.pattern.finditer(window)), (scan.pattern.pattern[:30], lo, hi)


def test_named_positions_match_the_alternation():
    from helpers.quotes.resolution import named_positions

    text = "Kerry said Kerry Jr. met Kerry_x and .Kerry, then U.S. envoy Jo Kerry-Lee and Kerry Jr.'s aide Kerry."
    vocab = {"Kerry", "Kerry Jr.", "U.S.", "Jo Kerry", "aide"}
    alternation = "|".join(map(re.escape, sorted(vocab, key=len, reverse=True)))
    want = [(m.start(), m.group(0)) for m in re.finditer(rf"(?<![\w.])(?:{alternation})(?![\w])", text)]
    assert named_positions(text, vocab) == want
    assert (0, "Kerry") in want and (11, "Kerry Jr.") in want  # the longest name where two start


def test_cue_words_pretest():
    from helpers.quotes.patterns import CUE_WORDS, holds_word

    assert CUE_WORDS is not None  # every cue in the list holds one of them
    assert holds_word("asked not to be (?:identified|named)", CUE_WORDS)
    assert not holds_word("asked not to be (?:identified|quoted)", CUE_WORDS)  # "quoted" holds none
    assert not holds_word("(?:x|(?:named|identified))", CUE_WORDS)  # the group is one alternative
    assert not holds_word("named|quoted", CUE_WORDS)
    for cue in ANONYMITY_CUES:  # a text the cue matches holds a word
        for m in re.finditer(cue, "x asked not to be named, spoke on condition of anonymity, unnamed, familiar with",
                             re.I):
            assert any(w in m.group(0).lower() for w in CUE_WORDS)


def test_introduced_people_are_found_where_their_openings_are_as_finditer_finds_them():
    """``matches_at(INTRODUCED, INTRODUCED_OPENING, text)`` is ``INTRODUCED.finditer(text)``, openings that
    start inside another opening ("Jo Ann Lee Smith") and failed tries before a match included."""
    words = ["Jo", "Ann", "Lee", "Smith", "J.", "Mr", "Mrs.", "Dr", "Ms", "mayor", "who", "said", "appeared",
             "quickly", "the", ",", "Park", "Msgr", "DR", "\u00c9mile", "O'Neil", "ran-off", "finished"]
    rng = random.Random(7)
    texts = [*TEXTS, "Jo Ann Lee Smith, the mayor, said so.", "Mr Mrs. Dr Jo Park quickly finished",
             "Dr. Jo Park, who ran", "Ann Lee appeared"]
    texts += [" ".join(rng.choice(words) for _ in range(rng.randint(1, 14))) for _ in range(3000)]
    for text in texts:
        assert spans(matches_at(INTRODUCED, INTRODUCED_OPENING, text)) == spans(INTRODUCED.finditer(text)), text
