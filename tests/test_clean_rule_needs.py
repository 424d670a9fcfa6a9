"""A line rule's ``needs`` (characters one of which every match holds; ``rule_for`` skips the
search on a line holding none) is proved from the rule's own pattern, so the quick test never
changes what a rule finds (issue 18: the cleaning stage's speed)."""

from __future__ import annotations

import re
import re._constants as sre_c  # the parser's node names, read only to prove ``needs``
import re._parser as sre_p

import pytest

from helpers.clean import LINE_RULES
from helpers.clean.rules import rule_for

_REPEATS = (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, sre_c.POSSESSIVE_REPEAT)


def required_chars(items) -> frozenset[str] | None:
    """Characters one of which every match of the parsed sequence ``items`` holds, from one element
    the sequence cannot skip (a literal, a class of literals, a group, a branch whose every
    alternative has such a set, a repeat at least once); None when no element gives one. Letters
    are never used (a case-blind pattern matches either case)."""
    for op, av in items:
        found = None
        if op == sre_c.LITERAL and not chr(av).isalpha():
            found = frozenset(chr(av))
        elif op == sre_c.IN and all(o == sre_c.LITERAL and not chr(v).isalpha() for o, v in av):
            found = frozenset(chr(v) for _, v in av)
        elif op == sre_c.SUBPATTERN:
            found = required_chars(av[-1])
        elif op == sre_c.ATOMIC_GROUP:
            found = required_chars(av)
        elif op in _REPEATS and av[0] >= 1:
            found = required_chars(av[2])
        elif op == sre_c.BRANCH:
            sets = [required_chars(alt) for alt in av[1]]
            found = None if any(s is None for s in sets) else frozenset().union(*sets)
        if found:
            return found
    return None


def proved(pattern: re.Pattern[str]) -> frozenset[str] | None:
    return required_chars(sre_p.parse(pattern.pattern, pattern.flags))


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
