"""The cleaning stage's quick paths (issue 18: load and clean) give exactly what the plain code gives.

Each quick path is compared with the plain code it stands for (written out here as it was) on
thousands of test-written texts mixing ASCII, control characters, line breaks and the Unicode
characters case-blind matching and normalisation treat specially."""

from __future__ import annotations

import random
import re
from collections import Counter

import pytest

from helpers.clean.dateline import CONTRIBUTED, COPYRIGHT_NOTICE
from helpers.clean.normalise import LINE_BREAK, comparable, normalise_line, split_lines
from helpers.clean.rulesearch import may_hold, proved_words

# Pieces texts are written from: words, punctuation, every kind of space and line break, control
# characters, the characters normalise_line maps, and letters case-blind matching ties to ASCII
# ones (the Kelvin sign, the long s, dotted and dotless i) or that case-fold to several (ß).
WORDS = ["the", "Talks", "FAILED", "said", "Copyright", "COPYRIGHT", "(c)", "(C)", "\u00a9", "all", "rights",
         "reserved", "All Rights Reserved", "contributed", "CONTRIBUTED", "to", "this", "report", "story", "AFP",
         "Reuters", "2020", "e-mail", "it's", "co_op", "caf\u00e9", "cafe\u0301", "stra\u00dfe", "\u212aelvin",
         "\u017fign", "\u0130stanbul", "\u0131", "\uff21", "\u00bd", "\u0663"]
PUNCT = [" ", "  ", "   ", ".", ",", ":", "-", "--", " -- ", "'", '"', "(", ")", "|", "/", "_", "\t", "\x0b",
         "\x0c", "\x00", "\x1f", "\x7f", "\x85", "\xa0", "\u200b", "\u2019", "\u201c", "\u2026", "\u2212",
         "\u2012", "\u2015", "\ufeff", "\xad", "\u3000"]
BREAKS = ["\n", "\r\n", "\r", "\u2028", "\u2029", "\n\n", "\x1c", "\x1e"]


def texts(n: int, seed: int, *, pieces: int = 12, breaks: bool = False) -> list[str]:
    """``n`` texts of up to ``pieces`` words and punctuation (and line breaks when ``breaks``)."""
    rng = random.Random(seed)
    pool = WORDS + PUNCT + (BREAKS if breaks else [])
    out = ["", " ", "plain ascii line", "  two  spaces  ", "\t", "--"]
    out += ["".join(rng.choice(pool) for _ in range(rng.randint(1, pieces))) for _ in range(n)]
    out += ["".join(chr(rng.randrange(0, 0x250)) for _ in range(rng.randint(1, 30))) for _ in range(n // 4)]
    out += ["".join(chr(rng.randrange(0, 128)) for _ in range(rng.randint(1, 30))) for _ in range(n // 4)]
    return out


def test_normalise_line_quick_path_is_the_full_one():
    """A printable ASCII line is returned as the full path returns it: the same line with a NUL after
    it takes the full path (NUL is a control character, dropped and counted), so the two must agree."""
    lines = texts(6000, seed=1)
    quick = [line for line in lines if line.isascii() and line.isprintable() and "--" not in line]
    assert len(quick) > 500
    for line in quick:
        counts, full_counts = Counter(), Counter()
        assert normalise_line(line, counts) == normalise_line(line + "\x00", full_counts), repr(line)
        assert not counts and full_counts == {"control character": 1}, repr(line)
    assert normalise_line("  a  b \t c  ") == "a b c"  # a tab is no printable ASCII: mapped to a space
    assert normalise_line("a -- b\u2019s") == "a \u2014 b's"  # not the quick path


def test_split_lines_is_line_break_split():
    for text in texts(4000, seed=2, pieces=20, breaks=True):
        assert split_lines(text) == LINE_BREAK.split(text), repr(text)
    assert split_lines("a\nb\x0bc\x1cd") == ["a", "b\x0bc\x1cd"]  # str.splitlines would split there too


def test_comparable_is_the_regex_form():
    letters_or_digits = re.compile(r"[^\W_]+")
    lines = texts(6000, seed=3)
    assert sum(line.isascii() for line in lines) > 1000
    for line in lines:
        assert comparable(line) == " ".join(letters_or_digits.findall(line.casefold())), repr(line)
    assert comparable("Gaza's 'truce' co_op") == "gaza s truce co op"


@pytest.mark.parametrize(("pattern", "words"), [
    (COPYRIGHT_NOTICE, ("(c)", "copyright", "all rights reserved")),
    (CONTRIBUTED, ("contributed",)),
])
def test_may_hold_never_skips_a_match(pattern, words):
    assert proved_words(pattern) == frozenset(words)  # the words the cleaner reads off the pattern
    lines = texts(20000, seed=4, pieces=8)
    lines += [f"AP {w}\t{x} {y}{z}" for w in ("contributed", "CONTRIBUTED", "Contributed", "contribu-ted")
              for x in ("to this", "the", "to  the", "this") for y in ("report", "Story", "ARTICLE", "reports")
              for z in ("", ".", " \u00a9", " \u212a")]
    matched = [line for line in lines if pattern.search(line)]
    assert len(matched) > 50
    assert all(may_hold(line, words) for line in matched), [line for line in matched if not may_hold(line, words)]
    assert sum(not may_hold(line, words) for line in lines) > 5000  # the quick test does skip lines
    assert may_hold("\u212a", ("zzz",))  # not ASCII: cannot tell


def test_may_hold_sees_a_missing_word():
    """Left without one of its words, the test would skip lines the pattern matches."""
    lines = texts(20000, seed=5, pieces=8)
    matched = [line for line in lines if COPYRIGHT_NOTICE.search(line)]
    assert any(not may_hold(line, ("copyright", "all rights reserved")) for line in matched)  # "(c) ..." lines


def written_lines() -> list[str]:
    """Lines the cleaning tests write (every string in tests/test_clean*.py, split into lines), the
    sample corpus's lines, and each in upper, lower and title case and run on after a sentence."""
    import ast
    from pathlib import Path

    from helpers.paths import DEFAULT_CORPUS_DIR

    here = Path(__file__).parent
    found: set[str] = set()
    for path in [*here.glob("test_clean*.py"), here / "clean_texts.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.update(normalise_line(line) for line in split_lines(node.value))
    for path in Path(DEFAULT_CORPUS_DIR).glob("*.txt"):
        found.update(normalise_line(line) for line in split_lines(path.read_text(encoding="utf-8")))
    found.discard("")
    more = {f(line) for line in found for f in (str.upper, str.lower, str.title)}
    more |= {"The talks failed on Tuesday. " + line for line in found}
    return sorted(found | more)


def plain_rule(line: str, late: bool):
    """The first of ``LINE_RULES`` for the page half whose pattern and check the line passes, as
    plainly as it can be written: no quick tests, no split patterns, no cache."""
    from helpers.clean import LINE_RULES
    from helpers.clean.rules import count_words

    line = re.sub(r"^(?:[\u2022\u00b7*|]\s*)+(?=\S)", "", line)
    for rule in LINE_RULES:
        if (rule.late_only and not late) or (rule.early_only and late) or count_words(line) > rule.max_words:
            continue
        if rule.pattern.search(line) and (rule.check is None or rule.check(line)):
            return rule
    return None


def test_rule_for_is_the_plain_first_matching_rule():
    from helpers.clean.rules import rule_for

    lines = written_lines() + texts(3000, seed=6, pieces=10)
    assert len(lines) > 5000
    named = 0
    for line in lines:
        for position in (0, 9):
            rule = rule_for(line, position, 10)
            assert rule == plain_rule(line, position >= 5), (line, position)
            named += rule is not None
    assert named > 1000  # the lines do reach the rules


def test_proved_words_are_held_by_every_match():
    from helpers.clean import LINE_RULES
    from helpers.clean.rulesearch import anchored_split, may_hold_words, proved_words

    lines = [line for line in written_lines() + texts(3000, seed=7, pieces=10) if line.isascii()]
    parts = {(part, proved_words(part)) for rule in LINE_RULES for part in anchored_split(rule.pattern)
             if proved_words(part) is not None}
    assert len(parts) >= 15
    tested = 0
    for part, words in parts:
        for line in lines:
            if part.search(line):
                tested += 1
                assert may_hold_words(words, line.lower()), (part.pattern[:80], sorted(words), line)
    assert tested > 300


def test_required_words_read_the_pattern():
    import re._parser as sre_p

    from helpers.clean.rulesearch import may_hold_words, required_words

    def words(source: str, flags: int = 0):
        return required_words(sre_p.parse(source, flags))

    assert words(r"\bcopyright\b|all rights reserved", re.I) == {"copyright", "all rights reserved"}
    assert words(r"(?:Sign up|Follow)\s+now") == {"sign up", "follow"}  # case-blind as lower case
    assert words(r"\u00a9\s*\d{4}") == frozenset()  # no ASCII line holds a match
    assert words(r"[.!?]\s+AP|\u00a9 AFP") == {"ap"}  # the \u00a9 branch is never in an ASCII line
    assert words(r"\u212a\w+", re.I) is None  # the Kelvin sign matches "k" case-blind: nothing proved
    assert words(r"foo|\w+") is None and words(r"(?:ab)?\d+") is None and words(r"(?:ab)?c+") == {"c"}
    assert not may_hold_words(frozenset({"photo"}), "a man walks | credit: x")
    assert may_hold_words(frozenset({"photo"}), None)  # not ASCII: cannot tell
    line = "Copyright 2020 AFP"  # a set missing the branch's word would skip a line the pattern matches
    assert re.search(r"\bcopyright\b|all rights reserved", line, re.I) and not may_hold_words(
        frozenset({"all rights reserved"}), line.lower())


def test_count_words_is_the_word_pattern():
    """An ASCII text's words counted from its shape are ``_WORD``'s matches: on short texts of
    every mix of word characters, joiners, spaces and punctuation, and on long joined runs."""
    from helpers.clean.rules import count_words

    word = re.compile(r"\w+(?:['-]\w+)*")  # what count_words counts (its docstring)

    rng = random.Random(8)
    cases = ["", "a", "a-", "-a", "a--b", "a-'b", "it's", "e-mail", "co_op", "a'b-c'd-e", "x-y-z-w-v-u",
             "a'a'a'a'a'a'a", "1-2 3'4 -- '' - '", "\u212aelvin's e-mail", "caf\u00e9-bar"]
    cases += ["".join(rng.choice("ab_9'- .,\t\x0b") for _ in range(rng.randint(0, 14))) for _ in range(100_000)]
    cases += ["".join(rng.choice(["a", "bc", "'", "-", " "]) for _ in range(rng.randint(0, 60))) for _ in range(5000)]
    cases += texts(3000, seed=9)
    for text in cases:
        assert count_words(text) == len(word.findall(text)), repr(text)
    assert count_words("a'a'a'a b-c") == 2 and count_words("a--b") == 2
