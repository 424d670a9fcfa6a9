"""A line rule's ``needs`` (characters one of which every match holds; ``rule_for`` skips the
search on a line holding none) is proved from the rule's own pattern, and its pattern split into
``^`` alternatives and the rest finds a match exactly where the whole does, so the quick tests
never change what a rule finds (issue 18: the cleaning stage's speed)."""

from __future__ import annotations

import re

import pytest

from helpers.clean import LINE_RULES
from helpers.clean.rules import rule_for
from helpers.clean.rulesearch import anchored_split, proved_needs, required_chars, top_branches


def proved(pattern: re.Pattern[str]) -> frozenset[str] | None:
    return frozenset(proved_needs(pattern)) or None


@pytest.mark.parametrize("k", [k for k, rule in enumerate(LINE_RULES) if rule.needs])
def test_needs_is_proved_by_the_pattern(k):
    rule = LINE_RULES[k]
    found = proved(rule.pattern)
    assert found is not None and found <= set(rule.needs), (rule.name, k, found, rule.needs)


def test_the_proof_sees_a_wrong_needs():
    """Each alternative must hold one of the characters, so a set missing one branch's is not proved."""
    assert proved(re.compile(r"x\(|\|y|a[:;]")) == frozenset("(|:;")
    assert not proved(re.compile(r"x\(|\|y")) <= set("(")
    assert proved(re.compile(r"(?:a|\()b")) is None  # "ab" holds neither
    assert proved(re.compile(r"\(?Reuters\)?")) is None  # the brackets may be absent
    assert proved(re.compile(r"(?i:photo)\s*:")) == frozenset(":")


def test_some_rules_have_needs_and_their_lines_are_still_found():
    assert sum(bool(rule.needs) for rule in LINE_RULES) >= 3
    lines = {
        "Protesters gather outside parliament on Tuesday (Eric Risberg/Associated Press)": "photo caption",
        "A man walks past the damaged building | Photo Credit: Jane Roe": "photo caption",
        "Soldiers patrol the border near the town (AFP)": "photo caption",
        "Protesters gather outside parliament on Tuesday and Wednesday in the capital": None,
    }
    for line, name in lines.items():
        rule = rule_for(line, 5, 10)
        assert (rule.name if rule else None) == name, line


def test_required_chars_reads_parsed_patterns():
    import re._parser as sre_p

    assert required_chars(sre_p.parse(r"a+:b")) == frozenset(":")
    assert required_chars(sre_p.parse(r"(?:x|y)z")) is None  # letters only


def test_every_rule_splits_into_its_own_alternatives():
    for rule in LINE_RULES:
        assert "|".join(top_branches(rule.pattern.pattern)) == rule.pattern.pattern, rule.name
    assert top_branches(r"^a|[|(]b|(c|d)|\\|e") == ["^a", "[|(]b", "(c|d)", "\\\\", "e"]
    assert top_branches(r"[]|]x|y") == ["[]|]x", "y"]


LINES = [
    "", "Advertisement", "advertisement:", "Read more", "Tags: politics, economy", "By Jane Roe",
    "Image caption Protesters gather in the square", "image caption", "The talks failed. Jane Doe/AP",
    "The talks failed. Getty Images", "The talks failed. (Representational image)", "Officials met. AFP",
    "He said the talks failed and left. Nobody / Nothing here at all today", "Photo: Jane Roe",
    "FILE PHOTO: A man walks", "Copyright 2020 Reuters. All rights reserved.", "#tags #here",
    "Home > World > Asia", "Share this article", "— Jane Roe, Reuters", "(Reporting by Jane Roe; Editing by Tom Ray)",
    "The minister said on Tuesday that the plan, agreed in March, would go ahead. AP Photo/Jane Roe",
    "Protesters gather outside parliament on Tuesday (Eric Risberg/Associated Press)",
    "Posted in: World", "Sign up for our newsletter", "***", "12:30 GMT", "Updated: March 3, 2021",
]


@pytest.mark.parametrize("k", range(len(LINE_RULES)))
def test_split_pattern_finds_what_the_pattern_finds(k):
    rule = LINE_RULES[k]
    head, rest = anchored_split(rule.pattern)
    for line in LINES + [f"x {line}" for line in LINES] + [f"{line} x" for line in LINES]:
        split = bool((head and head.match(line)) or (rest and rest.search(line)))
        assert split == bool(rule.pattern.search(line)), (rule.name, k, line)


def test_split_keeps_a_pattern_whole_when_it_cannot_be_split():
    for source in (r"^(a)|\1b", r"^a|b(?P<n>c)(?P=n)", "ab|cd"):
        pattern = re.compile(source)
        assert anchored_split(pattern) == (None, pattern)
    head, rest = anchored_split(re.compile(r"^a|^b|c", re.IGNORECASE))
    assert head.pattern == "^a|^b" and rest.pattern == "c" and head.flags & re.IGNORECASE
    assert head.match("B") and not head.match("xa") and rest.search("xC")
    assert anchored_split(re.compile("^a|b", re.MULTILINE))[0] is None  # ^ after a newline too


def test_factored_writes_a_shared_opening_once_only_where_the_parse_allows():
    from helpers.clean.rulesearch import factored

    assert factored([r"[.!?]\s+A", r"[.!?]\s+\(?B"], 0).pattern == r"[.!?]\s+(?:A|\(?B)"
    assert factored(["ab*", "ab+"], 0).pattern == "a(?:b*|b+)"  # never between an atom and its repeat
    assert factored([r"\012", r"\013"], 0).pattern == r"\012|\013"  # an octal escape is one character
    assert factored(["(a)b", "(a)(c)"], 0).pattern == "(a)b|(a)(c)"  # (c) would be renumbered
    assert factored(["x"], 0).pattern == "x"
