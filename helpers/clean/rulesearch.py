"""How ``rules.rule_for`` searches a line rule's pattern quickly, finding exactly what the pattern finds.

Two plans are read from a pattern's own text, for speed only:

- ``required_chars``: characters one of which every match holds (a line holding none is
  not searched). Letters are never used: a case-blind pattern matches either case.
- ``anchored_split``: the pattern's top-level alternatives that open with ``^`` and the
  rest, compiled apart. Without MULTILINE, ``^`` holds only at the line's start, so the
  pattern finds a match in a line exactly when the first part matches at its start or
  the second finds one anywhere. The second part alone often begins with a character
  class (``[.!?]\\s+...``), which Python's engine scans for directly; joined to a ``^``
  alternative it tries every alternative at every position.
"""

from __future__ import annotations

import re
import re._constants as sre_c  # the parser's node names, read only to prove ``needs``
import re._parser as sre_p

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


MAX_REQUIRED_WORDS = 12  # a quick test of more strings than this costs about what the search does


def _no_ascii_match(code: int) -> bool:
    """No ASCII character matches the character ``code``, even case-blind ("\u00a9" none; the Kelvin sign "k")."""
    return not any(re.fullmatch(re.escape(chr(code)), chr(c), re.IGNORECASE) for c in range(128))


def required_words(items) -> frozenset[str] | None:
    """ASCII strings, in lower case, one of which every match of the parsed sequence ``items`` in
    an ASCII line holds in any case: a run of ASCII literals the sequence matches one after
    another, or the strings of one element it cannot skip (a group, a branch whose every
    alternative has such a set, a repeat at least once, a class of literals: ``_class_words``);
    of those, the smallest set of strings of four characters or more (else the set whose shortest
    string is longest), at most ``MAX_REQUIRED_WORDS`` strings. The empty set when no ASCII line
    can hold a match (a literal no ASCII character matches: "\u00a9"); None when nothing is proved.
    In an ASCII line a character matches an ASCII literal, case-blind or not, only if the two are
    equal in lower case."""
    found: list[frozenset[str] | None] = []
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op == sre_c.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        if run:
            found.append(frozenset({"".join(run)}))
            run = []
        if op == sre_c.LITERAL and _no_ascii_match(av):
            return frozenset()
        if op == sre_c.SUBPATTERN:
            found.append(required_words(av[-1]))
        elif op == sre_c.ATOMIC_GROUP:
            found.append(required_words(av))
        elif op in _REPEATS and av[0] >= 1:
            found.append(required_words(av[2]))
        elif op == sre_c.BRANCH:
            sets = [required_words(alt) for alt in av[1]]
            found.append(None if any(s is None for s in sets) else frozenset().union(*sets))
        elif op == sre_c.IN:
            found.append(_class_words(av))
    if any(s is not None and not s for s in found):
        return frozenset()  # an element no ASCII line holds
    found = [s for s in found if s and len(s) <= MAX_REQUIRED_WORDS]
    return max(found, key=lambda s: (min(map(len, s)) >= 4, -len(s), min(map(len, s))), default=None)


def _class_words(items) -> frozenset[str] | None:
    """The characters, in lower case, a class of literals (``[>\u00bb]``; the parser writes ``(?:a|b)`` so too)
    matches in an ASCII line: its ASCII literals; a literal no ASCII character matches adds none. None
    for any other class (a range, a category, a negation) or a literal some ASCII character matches case-blind."""
    out = set()
    for op, av in items:
        if op != sre_c.LITERAL or (av >= 128 and not _no_ascii_match(av)):
            return None
        if av < 128:
            out.add(chr(av).lower())
    return frozenset(out)


def proved_words(pattern: re.Pattern[str] | None) -> frozenset[str] | None:
    """``required_words`` of a compiled pattern (None for no pattern, or when none is proved)."""
    return None if pattern is None else required_words(sre_p.parse(pattern.pattern, pattern.flags))


def may_hold_words(words: frozenset[str] | None, low: str | None) -> bool:
    """Whether a line may hold a match of a pattern whose ``proved_words`` are ``words``: False only
    when ``low``, the line in lower case (None when it is not ASCII), holds none of them."""
    return words is None or low is None or any(word in low for word in words)


def may_hold(text: str, words: frozenset[str] | None) -> bool:
    """``may_hold_words`` of a text as it is: False only when ``text`` is ASCII and holds none of
    ``words`` in any case (an ASCII character matches a letter case-blind only as its own upper or
    lower case). A quick test, for speed only, before such a pattern's search."""
    return may_hold_words(words, text.lower() if text.isascii() else None)


def proved_needs(pattern: re.Pattern[str]) -> str:
    """``required_chars`` of a compiled pattern, sorted into a string ("" when none is proved)."""
    found = required_chars(sre_p.parse(pattern.pattern, pattern.flags))
    return "".join(sorted(found)) if found else ""


def class_end(source: str, i: int) -> int:
    """The index just past the character class that opens at ``source[i]`` ("["): a class runs
    to its first unescaped "]" ("]" first in it, or after its "^", is a literal)."""
    i += 1 + (source[i + 1:i + 2] == "^")
    i += source[i:i + 1] == "]"
    while source[i] != "]":
        i += 2 if source[i] == "\\" else 1
    return i + 1


def top_branches(source: str) -> list[str]:
    """The top-level alternatives of a pattern's text: ``"|".join`` of them gives ``source`` back.
    Escapes, character classes and groups are stepped over, so only a bare ``|`` splits."""
    out, depth, i, start = [], 0, 0, 0
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = class_end(source, i) - 1  # its "]", stepped past below
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(source[start:i])
            start = i + 1
        i += 1
    out.append(source[start:])
    return out


def anchored_split(pattern: re.Pattern[str]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """(the alternatives opening with ``^``, to ``match`` at a line's start; the others, to
    ``search``), each compiled with the pattern's flags, None when there are none. A pattern
    with MULTILINE, a backreference (its group numbers would shift) or no ``^`` alternative is
    kept whole as the second."""
    branches = top_branches(pattern.pattern)
    head = [b for b in branches if b.startswith("^")]
    # \1, (?P=name) and (?(1)yes|no) parse as GROUPREF nodes; a literal's repr is its number
    backreference = "GROUPREF" in repr(sre_p.parse(pattern.pattern, pattern.flags).data)
    if pattern.flags & re.MULTILINE or backreference or not head:
        return None, pattern
    tail = [b for b in branches if not b.startswith("^")]
    return re.compile("|".join(head), pattern.flags), factored(tail, pattern.flags) if tail else None


def factored(branches: list[str], flags: int) -> re.Pattern[str]:
    """``"|".join(branches)`` compiled, the text all branches open with written once before
    them ("[.!?]\\s+(?:A|B)" for "[.!?]\\s+A|[.!?]\\s+B"; a pattern opening with a character
    class is scanned for it directly). The longest shared opening is taken whose parse,
    followed by the parse of each branch's remainder, is that branch's own parse: the same
    sequence, so a line holds a match of the one exactly when it holds a match of the other."""
    shared = _common_start(branches)
    for k in range(len(shared), 0, -1):
        rests = [b[k:] for b in branches]
        if all(r and r[0] not in "*+?{" and _parse_splits(b, k, flags) for b, r in zip(branches, rests, strict=True)):
            return re.compile(shared[:k] + "(?:" + "|".join(rests) + ")", flags)
    return re.compile("|".join(branches), flags)


def _common_start(texts: list[str]) -> str:
    first, last = min(texts), max(texts)
    k = 0
    while k < len(first) and first[k] == last[k]:
        k += 1
    return first[:k] if len(texts) > 1 else ""


def _parse_splits(branch: str, k: int, flags: int) -> bool:
    """``branch[:k]`` and ``branch[k:]`` each parse, and the branch parses as the one then the other."""
    try:
        whole, start, rest = (sre_p.parse(text, flags) for text in (branch, branch[:k], branch[k:]))
    except re.error:
        return False
    return repr(whole.data) == repr(start.data + rest.data)


def unnamed(source: str) -> str:
    """A pattern's text with each named group ``(?P<name>...)`` written ``(?:...)``: the same
    matches, no group names, so patterns that use one name can be joined as the alternatives of
    one pattern. Escapes and character classes (``class_end``) are stepped over, as in ``top_branches``."""
    out, i = [], 0
    while i < len(source):
        if source[i] == "\\":
            out.append(source[i:i + 2])
            i += 2
            continue
        if source[i] == "[":
            j = class_end(source, i)
            out.append(source[i:j])
            i = j
        elif source.startswith("(?P<", i):
            out.append("(?:")
            i = source.index(">", i) + 1
        else:
            out.append(source[i])
            i += 1
    return "".join(out)


def any_of(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str] | None:
    """One pattern matching (``match``) a text exactly when one of ``patterns`` does: their texts,
    group names dropped (``unnamed``), as its alternatives. For speed only: one call tries them all
    at a text's start (or each position, for ``search``). None unless every pattern has the default
    flags and no backreference (dropping names shifts no group, but a name may be referred to)."""
    parsed = [repr(sre_p.parse(p.pattern, p.flags).data) for p in patterns]
    if any(p.flags != re.UNICODE for p in patterns) or any("GROUPREF" in text for text in parsed):
        return None
    return re.compile("|".join(f"(?:{unnamed(p.pattern)})" for p in patterns))
