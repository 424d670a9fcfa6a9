"""The regular expressions attribution matches, built from the word lists in ``vocabulary``."""

from __future__ import annotations

import re

from ..nltk_data import NEWS_ABBREVIATIONS
from .vocabulary import (
    ANONYMITY_CUES,
    ANONYMOUS_DETERMINERS,
    ANONYMOUS_HEADS,
    BETWEEN_WORDS,
    GROUP_NOUNS,
    INVERTIBLE_VERBS,
    LEADING_CONJUNCTIONS,
    NAME_PARTICLES,
    ORG_WORDS,
    SPEECH_VERBS,
)

MASK = "#"  # what quotations are overwritten with, so narration patterns never read inside them



def initials(words) -> str:
    """A lookahead for the first characters of ``words``, case-insensitive. Put before an
    alternation of those words, it matches exactly what the alternation matches, but the
    regex engine skips every other position at once instead of trying each word there (under
    ``re.I`` it has no fast path for literals): about twice as fast over a long text."""
    chars = "".join(re.escape(c) for c in sorted({w[0] for w in words if w}))
    return f"(?=(?i:[{chars}]))" if chars else ""


def _top_level(pattern: str) -> tuple[list[str], int | None]:
    """``pattern`` split at its top-level ``|`` (not inside brackets, a class or after a
    backslash), and where a ``)`` first closes a bracket the pattern did not open (None if none)."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 1
        elif in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth < 0:
                return [*parts, pattern[start:i]], i
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    return [*parts, pattern[start:]], None


def first_letters(pattern: str) -> set[str] | None:
    """The characters a match of ``pattern`` can start with, when each of its alternatives opens
    with a letter or digit (or a ``(?:...)`` group of such alternatives) that is not optional;
    else None (then no lookahead is put before it)."""
    alts, _ = _top_level(pattern)
    if len(alts) > 1:
        sets = [first_letters(a) for a in alts]
        return None if any(s is None for s in sets) else set().union(*sets)
    if pattern.startswith("(?:"):
        inner, close = _top_level(pattern[3:])
        if close is None or pattern[3 + close + 1:3 + close + 2] in ("?", "*", "{"):
            return None
        sets = [first_letters(a) for a in inner]
        return None if any(s is None for s in sets) else set().union(*sets)
    if pattern[:1].isalnum() and pattern[1:2] not in ("?", "*", "{"):
        return {pattern[0]}
    return None


# A long case-insensitive alternation scanned over a whole text is slow in Python's ``re``:
# it has no fast path for it, so every word is tried at every position. ``Scan`` finds the
# same matches faster: a case-sensitive trie of the words' literal openings ("according" for
# ``according\s+to``), run over the text lower-cased, says where a match may start, and the
# pattern itself is matched there. Where the text has a character outside ASCII that matches
# an ASCII one when case is ignored ("\u212a" for "k"), the pattern scans it as before.
NON_ASCII = re.compile(r"[^\x00-\x7f]+")
ASCII_FOLD = re.compile(r"(?i:[\x00-\x7f])")
ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


def literal_openings(fragment: str) -> list[str] | None:
    r"""The literal text each top-level alternative of the regex ``fragment`` must open with
    ("said" for ``said``, "according" and "as" for ``according\s+to|as\s+per``); None when
    one opens with no letter (no scan is possible then)."""
    out = []
    for alt in _top_level(fragment)[0]:
        if alt.startswith("(?:"):  # "(?:on|under) condition": what the group's alternatives open with
            inner, close = _top_level(alt[3:])
            nested = [literal_openings(a) for a in inner] if close is not None else [None]
            if alt[3 + close + 1:3 + close + 2] in ("?", "*", "{") or not all(nested):
                return None
            out += [w for ws in nested for w in ws]
            continue
        m = re.match(r"[A-Za-z0-9'-]+", alt)
        opening = m.group(0) if m else ""
        if alt[len(opening):len(opening) + 1] in ("?", "*", "{"):  # the last character is optional
            opening = opening[:-1]
        if not opening:
            return None
        out.append(opening)
    return out


def trie_pattern(words, *, spaces: str | None = None) -> str:
    """A regex matching any of ``words`` (literal, non-empty), their common openings
    factored out, so the engine tries one letter, not every word, at each position; a space
    written as ``spaces`` (a regex, ``\\s+``) when given."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [(spaces if ch == " " and spaces else re.escape(ch)) + build(sub)
                for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


# Speech verbs as a trie ("sa(?:id|y(?:ing|s)?)"): at each place it matches what their alternation, longest
# first (so "says" is not read as "say"), matches: the words a text holds there are each the one before
# with letters added, and the trie tries them longest first too, but finds the one letter that goes on
# at each step instead of trying every word in turn. Likewise the verbs that come before their speaker.
VERB_ALT = trie_pattern(SPEECH_VERBS)
INVERT_ALT = trie_pattern(INVERTIBLE_VERBS)

LOOKBEHIND_CLASS = re.compile(r"\(\?<!\[[^\]]*\]\)")


class Scan:
    """``pattern.finditer`` with the same matches, faster: ``pattern`` must open (after
    zero-width assertions) with one of the regex ``fragments``, case ignored."""

    def __init__(self, pattern: re.Pattern[str], fragments):
        self.pattern = pattern
        openings = [literal_openings(f) for f in fragments]
        words = sorted({w.lower() for ws in openings for w in ws or ()}, key=len)
        shortest: list[str] = []  # "as" covers "asked": a match opening with either opens with "as"
        for w in words:
            if not any(w.startswith(v) for v in shortest):
                shortest.append(w)
        usable = bool(shortest) and all(openings) and all(w.isascii() for w in shortest)
        # a pattern that opens with a lookbehind on one character class ("(?<![\\w-])", before no
        # top-level "|") matches only where it holds: the trie is tried only there too (lower-casing
        # keeps every character in or out of the class), not inside every word
        behind = LOOKBEHIND_CLASS.match(pattern.pattern)
        guard = behind.group(0) if behind and len(_top_level(pattern.pattern)[0]) == 1 else ""
        self.openings = re.compile(guard + trie_pattern(shortest)) if usable else None
        self.trie = re.compile(trie_pattern(shortest)) if usable else None  # without the lookbehind
        self.ahead = re.compile(guard + "(?=" + trie_pattern(shortest) + ")") if usable else None
        # in ASCII text: the character before each such place, one the lookbehind's class does not hold
        # (a class of characters is searched for much faster than a lookbehind is tried everywhere)
        seps = "".join(re.escape(chr(c)) for c in range(128) if not re.match(guard[4:-1], chr(c))) if guard else ""
        self.after_sep = re.compile(f"[{seps}](?={trie_pattern(shortest)})") if usable and seps else None

    def starts(self, low: str) -> list[int]:
        """Every place in ``low`` (a ``lowered`` text) where the openings match: where ``finditer``
        tries the pattern (``openings.search`` finds each in turn)."""
        if self.after_sep is not None and low.isascii():
            found = [m.end() for m in self.after_sep.finditer(low)]  # a place after a character not in the class
            return [0, *found] if self.trie.match(low) is not None else found  # or at the start: nothing before it
        return [m.start() for m in self.ahead.finditer(low)]

    def finditer_at(self, text: str, starts):
        """``finditer(text)``'s matches, given ``starts``: every place in ``text`` where the openings
        match (``starts``), in order; others too, where the pattern cannot match (no opening fits there)."""
        return matches_from(self.pattern, text, starts)

    def lowered(self, text: str) -> str | None:
        """``text`` with ASCII capitals lower-cased (same length), or None when that would miss a match."""
        if text.isascii():
            return text.lower()
        if any(ASCII_FOLD.search(run) for run in NON_ASCII.findall(text)):
            return None
        return text.translate(ASCII_LOWER)

    def finditer(self, text: str):
        """The matches of ``pattern`` in ``text``, as ``pattern.finditer(text)`` gives them:
        each leftmost, from where the last one ended."""
        low = None if self.openings is None else self.lowered(text)
        if low is None:
            yield from self.pattern.finditer(text)
            return
        pos = 0
        while (may := self.openings.search(low, pos)) is not None:
            hit = self.pattern.match(text, may.start())
            if hit is None or hit.end() == hit.start():  # no empty match: every match opens with a word
                pos = may.start() + 1
                continue
            yield hit
            pos = hit.end()


# "described as" right after the verb is a passive participle ('the Games – described as
# "every minute of every event" –'), not its subject describing: not read as a speech verb.
# "as per" is "according to" in Indian and Pakistani English ("as per the Union Minister").
ACCORDING = r"according\s+to|as\s+per"
VERB = re.compile(rf"(?<![\w'-]){initials([*SPEECH_VERBS, 'according', 'as'])}(?:{VERB_ALT}|{ACCORDING})\b"
                  r"(?!(?<=describe[ds])\s+as\b)", re.I)
VERB_SCAN = Scan(VERB, [*SPEECH_VERBS, ACCORDING])

# A run of capitalised words: a name, with "of" or up to two name particles ("van der",
# "bin", "ten": NAME_PARTICLES) inside.
CAP = r"(?:[A-Z][\w'\u2019.-]*|al-[A-Z][\w'-]*)"
_PARTICLES = "|".join(sorted(NAME_PARTICLES, key=len, reverse=True))
NAME_RUN = rf"{CAP}(?:\s+(?:of\s+|(?:(?:{_PARTICLES})\s+){{1,2}})?{CAP})*"
NAME_AT_END = re.compile(rf"{NAME_RUN}$")
NAME_FULL = re.compile(rf"{NAME_RUN}")

# Unnamed sources: "an Israeli official", "two diplomats"; "the official" refers back.
HEADS = "|".join(ANONYMOUS_HEADS)
_DETS = "|".join(sorted(ANONYMOUS_DETERMINERS, key=len, reverse=True))
ANON_NP = re.compile(
    rf"^(?P<det>{_DETS})\s+(?P<core>(?:(?!(?:said|says|told)\b)[\w.'\u2019-]+\s+){{0,6}}?(?:{HEADS})s?)\b(?P<rest>.*)$",
    re.I | re.S,
)
ANON_ANYWHERE = re.compile(
    rf"\b(?P<det>{_DETS})\s+(?P<core>(?:[\w.'\u2019-]+\s+){{0,4}}?(?:{HEADS})s?)\b", re.I
)
BACKREF = re.compile(rf"^(?:[\w.'\u2019-]+\s+){{0,3}}?(?P<head>{HEADS})s?$", re.I)
BACKREF_ANYWHERE = re.compile(rf"\bthe\s+(?:[\w.'\u2019-]+\s+){{0,2}}?(?:{HEADS})\b", re.I)


def cue_pattern(cues) -> re.Pattern[str]:
    """The anonymity cues as one case-insensitive alternation, behind a lookahead for their first
    letters (``initials``) when every cue opens with a fixed letter: the same matches, found faster."""
    firsts = [first_letters(c) for c in cues]
    ahead = initials(set().union(*firsts)) if cues and all(firsts) else ""
    return re.compile(ahead + "(?:" + "|".join(cues) + ")", re.I)


CUES = cue_pattern(ANONYMITY_CUES)
CUE_SCAN = Scan(CUES, ANONYMITY_CUES)


def holds_word(cue: str, words) -> bool:
    """Whether every text the regex ``cue`` matches holds one of ``words``: written outside its groups
    (escapes, classes and optional or repeated characters left out), or in each alternative of a group at
    its top level that holds no group and is not optional. False when unsure (a backslash in such a
    group, an alternation at the top level)."""
    if len(_top_level(cue)[0]) > 1:  # alternatives at the top: not read here
        return False
    text = cue
    while (stripped := re.sub(r"\([^()]*\)[?*{]?", " ", text)) != text:  # every group out, inner first
        text = stripped
    if any(w in re.sub(r"\\.|\[[^\]]*\]|.[?*{]", " ", text) for w in words):
        return True
    depth, groups = 0, []
    for k, ch in enumerate(cue):
        if ch == "(" and depth == 0 and (m := re.match(r"\(\?:([^()\\]*)\)(?![?*{])", cue[k:])):
            groups.append(m.group(1))
        depth += {"(": 1, ")": -1}.get(ch, 0)
    return any(all(any(w in alt for w in words) for alt in g.split("|")) for g in groups)


# A word (lower case) every anonymity cue holds: a sentence without any of them has no cue (None when
# a cue in the list holds none of them: then every sentence is scanned).
CUE_WORDS = ("anonym", "name", "identified", "condition", "authori", "familiar")
CUE_WORDS = CUE_WORDS if all(holds_word(c.lower(), CUE_WORDS) for c in ANONYMITY_CUES) else None
PRONOUN = re.compile(r"^(?:he|she|they|it)$", re.I)  # "it said": the organisation before
# "officials", "Israeli officials", "the police": a group's voice, not a name.
GROUP_NP = re.compile(r"^(?i:the\s+)?(?:[A-Z][\w.'-]*\s+){0,2}(?i:" + "|".join(sorted(GROUP_NOUNS)) + r")$")
# Words that cannot stand in a speaker's phrase before a name ("with Kerry", "his aide").
FUNCTION_WORDS = frozenset([
    "with", "to", "in", "from", "by", "and", "but", "that", "for", "on", "at", "after", "before", "when", "while",
    "as", "his", "her", "their", "its", "our", "is", "was", "were", "has", "had", "have", "would", "will", "be",
    "been", "not", "no", "who", "which", "whose", "where",
])
# An adverb between a speaker and the verb ("Kerry reportedly told"): lower case, so a name
# ending in -ly ("Jo Kelly said", "the People's Daily last year") is never cut as one.
ADVERB = r"(?-i:[a-z]\w*ly)"
TRAILING = re.compile(
    r"(?:\s+(?:" + "|".join(BETWEEN_WORDS) + r"|" + ADVERB + r"|on\s+\w+day|last\s+\w+))+\s*$", re.I
)
# Each word a match of ``TRAILING`` may hold ("also", "reportedly", "on Monday", "last week"), for ``trailing_start``.
BETWEEN_WORD = re.compile("(?:" + "|".join(BETWEEN_WORDS) + ")", re.I)
ADVERB_WORD = re.compile(ADVERB, re.I)
DAY_WORD = re.compile(r"\w+day", re.I)
LAST_WORD = re.compile("last", re.I)
WORD = re.compile(r"\w+")


def trailing_word(word: str, before: str) -> bool:
    """Whether ``word``, with ``before`` the text before it, may be part of a match of ``TRAILING``."""
    if BETWEEN_WORD.fullmatch(word) or ADVERB_WORD.fullmatch(word) or DAY_WORD.fullmatch(word):
        return True
    words = before.rsplit(None, 1)  # empty when ``before`` holds no word
    prev = words[-1] if words else ""
    return bool(LAST_WORD.fullmatch(prev) and WORD.fullmatch(word))  # "last week"


def trailing_start(text: str) -> int:
    """Where a match of ``TRAILING`` (which runs to the end of ``text``) can start at the earliest:
    the space before the run of words at the end that each may be part of one (``trailing_word``).
    ``TRAILING.sub`` on ``text`` from there gives the same as on all of it, without trying the
    pattern at every character of a long text."""
    head, start = text.rstrip(), len(text)
    while head:
        parts = head.rsplit(None, 1)
        before, word = parts if len(parts) == 2 else ("", parts[0])
        if len(before) + len(word) == len(head) or not trailing_word(word, before):
            break  # the first word with no space before it, or a word no match holds
        head, start = before, len(before)
    return start


LEADING = re.compile(r"^(?:(?:" + "|".join(LEADING_CONJUNCTIONS) + r")\b[\s,]*)+", re.I)

# A period that ends an abbreviation ("Dr.", "Gov.", "U.S.", "J."), not a sentence: it may
# stand inside a speaker's phrase ('," says Dr. Stanley Hazen', '," a U.S. official said').
# The abbreviations are the ones the sentence splitter keeps (``NEWS_ABBREVIATIONS``).
ABBREV_DOT = (
    "(?:" + "|".join(rf"(?<=\b{re.escape(a)})" for a in sorted(w for w in NEWS_ABBREVIATIONS if "." not in w))
    + r"|(?<=\b[A-Za-z]))\."
)
NOT_ABBREV_DOT = "".join(rf"(?<!\b{re.escape(a)})" for a in sorted(w for w in NEWS_ABBREVIATIONS if "." not in w)) + (
    r"(?<!\b[A-Za-z])\."
)

# Around a quotation: '"...," Kerry said' (speaker, verb), '"...," said Raj Patel' (verb,
# speaker), 'Said Toner: "..."' (verb and speaker before it).
AFTER_SV = re.compile(
    r"^[\s,\u2014\u2013-]*(?P<np>(?:[^\"#.;:!?]|" + ABBREV_DOT + r"){1,120}?)"
    r"\s+(?:(?:" + "|".join(BETWEEN_WORDS) + r"|" + ADVERB + r")\s+)*"
    rf"(?P<verb>{VERB_ALT})\b", re.I,
)
AFTER_VS = re.compile(
    rf"^[\s,\u2014\u2013-]*(?P<verb>{INVERT_ALT})\s+(?P<np>(?:[^\"#.;:!?]|{ABBREV_DOT}){{1,120}})", re.I
)
# The speaker may carry an appositive ('says Jo Park, the party's candidate, "to run a campaign ...').
BEFORE_VS = re.compile(
    rf"(?:^|[\s,])(?P<verb>{INVERT_ALT})\s+(?P<np>[^\"#,:;]{{1,80}}?)(?:,\s[^\"#:;]{{1,80}}?)?\s*[:,]\s*$", re.I
)
# An organisation named in the text: a capitalised run ending in an organisation word
# ("Cooperation Ministry", "Acme Corp."), or after "-based" ("Waterloo, Ont.-based Research In Motion").
_ORG_END = "|".join(re.escape(w.capitalize()) for w in sorted(ORG_WORDS, key=len, reverse=True))
ORG_NAMED = re.compile(
    rf"-based\s+(?P<org>{NAME_RUN})|(?<![\w.])(?P<org2>(?:[A-Z][\w'&-]*\s+){{1,4}}(?:{_ORG_END}))(?![\w])"
)
# A speaker and a colon with nothing else before the quotation ('Burnley manager Sean Dyche: "').
SPEAKER_COLON = re.compile(r"^\s*(?P<np>[^\"#:;!?]{2,80}?)\s*:\s*$")
# A dateline opening a sentence: 'MUMBAI:', 'Indore (Madhya Pradesh):', 'RABAT, Morocco (AP) —',
# 'LANSING, Mich. --', 'Otavalo (Ecuador) (AFP) –': capitalised words (an abbreviation's period
# allowed), up to two brackets, then a colon or dash.
DATELINE = re.compile(
    r"^\s*[A-Z][\w.'-]*(?:,?\s+[A-Z][\w.'-]*){0,4}(?:\s*\([^()]{1,40}\)){0,2}\s*(?::|\u2014|\u2013|--|-)\s+"
)
DATELINE_MARKS = (":", "\u2014", "\u2013", "-")  # a dateline ends with one of them
DATELINE_MARK = re.compile("[" + re.escape("".join(DATELINE_MARKS)) + "]")  # any of them, found in one search


def strip_dateline(text: str) -> str:
    """``DATELINE.sub("", text, count=1)``; not tried on a text without a mark a dateline ends with."""
    return DATELINE.sub("", text, count=1) if DATELINE_MARK.search(text) else text


CLAUSE_WORDS = ("that", "what", "which", "whom")  # the words a clause opens with (``attribution.CLAUSE_SUBJECT``)


def may_hold_clause(part: str) -> bool:
    """False when ``part`` is ASCII and holds none of ``CLAUSE_WORDS`` in any case: then a pattern
    that needs one cannot match it (it is not tried at every character for nothing)."""
    if not part.isascii():
        return True
    low = part.lower()
    return any(w in low for w in CLAUSE_WORDS)


def matches_from(pattern: re.Pattern[str], text: str, starts):
    """``pattern.finditer(text)``'s non-empty matches, the pattern tried only at ``starts`` (ascending
    places in ``text`` that hold every place where a match can begin): at each start from where the last
    match ended, as ``finditer`` goes on."""
    pos = 0
    for at in starts:
        if at < pos:
            continue
        hit = pattern.match(text, at)
        if hit is None or hit.end() == hit.start():
            continue
        yield hit
        pos = hit.end()


def matches_at(pattern: re.Pattern[str], openings: re.Pattern[str], text: str):
    """``pattern.finditer(text)`` for a pattern whose every match opens where a match of ``openings``
    starts (much faster to search for; it must find every such place, overlapping ones included):
    ``matches_from`` at each of them."""
    return matches_from(pattern, text, (m.start() for m in openings.finditer(text)))


# People the text introduces as people, for "the person named nearest before": a full
# name with an appositive ("Jane Smith, the mayor," / "Jane Smith, who ..."), after an
# honorific ("Mr. Smith"), or before a past-tense verb ("Jane Smith opened").
INTRODUCED = re.compile(
    r"\b([A-Z][a-z][\w'-]*\s+(?:[A-Z]\.\s+)?[A-Z][\w'-]+),\s+(?:a|an|the|who)\s"
    r"|\b(?:Mr|Mrs|Ms|Dr)\.?\s+([A-Z][\w'-]+)"
    r"|\b([A-Z][a-z][\w'-]*\s+[A-Z][\w'-]+)\s+(?:\w+ly\s+)?[a-z]+ed\b"
)
# Where every match of ``INTRODUCED`` opens: two capitalised words (an initial between them), or "Mr", "Dr" ...
# Each match is the opening's capital alone (the rest a lookahead), so that places inside another opening are
# found too; opening with a capital, it is searched for from capital to capital, not tried at every character.
INTRODUCED_OPENING = re.compile(r"[A-Z](?=[a-z][\w'-]*\s+[A-Z]|(?<=M)[rs]|(?<=D)r)")
