"""Who "he", "the prime minister" and "the official" are, from what the article said before.

- ``role_map``: role noun -> the people an article names with it.
- ``person_vocabulary``: the names an article gives people, for "the person named nearest before".
- ``Resolver``: resolves speakers in reading order, keeping the article's speech events
  (who spoke where) and its unnamed sources.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from ..wordlists import DEMONYMS
from .patterns import HEADS, INTRODUCED, INTRODUCED_OPENING, NAME_FULL, NAME_RUN, ORG_NAMED, Scan, matches_at
from .speakers import Names, Speaker, demonym_only, name_speaker, word_endings
from .vocabulary import ROLE_DESCRIPTIONS, TITLE_ABBREVIATIONS, UNIQUE_MODIFIERS

DEMONYM_WORDS = frozenset(d.lower() for d in DEMONYMS)  # "US", "Israeli": left out of a description
TITLE_ABBREVIATION = re.compile(
    r"(?<![\w.])(?P<abbr>" + "|".join(re.escape(a.rstrip(".").capitalize()) for a in TITLE_ABBREVIATIONS)
    + rf")\.\s+(?P<name>{NAME_RUN})"
)
# Every match of ``TITLE_ABBREVIATION`` holds one of these ("Gov."): a text without any has none.
TITLE_LITERALS = tuple(a.rstrip(".").capitalize() + "." for a in TITLE_ABBREVIATIONS)


@dataclass
class Event:
    """A resolved speaker at a place in the article: a quotation or a sentence of reported speech."""

    pos: int
    paragraph_n: int
    speaker: Speaker  # resolved
    is_quote: bool
    verb: str | None = None
    action: bool = False  # a sentence whose subject is this person (any verb): "he" may refer to it


def role_map(masked: str, names: Names) -> dict[str, set[str]]:
    """Role noun -> the people an article names with it ("prime minister" ->
    {"Benjamin Netanyahu"}); the role's head noun ("minister", "envoy") too."""
    found = set()
    scan = names.role_scan
    low = scan.lowered(masked) if scan.openings is not None else None
    # the scans that open with a role word: where they are tried in each window, from one pass over the body
    shared = [names.role_scans[0], names.role_scans[1], names.role_needs[3]]
    if low is None or any(not isinstance(s, Scan) or s.openings is None or s.openings.pattern != scan.openings.pattern
                          for s in shared):
        starts = hits = None
    else:
        starts = scan.starts(low)
        hits = scan.finditer_at(masked, starts)
    # each pattern and its pre-test, with whether each is one of ``shared`` (so tried at the role words' places)
    plan = [(pattern, needs, any(pattern is t for t in shared), any(needs is t for t in shared))
            for pattern, needs in zip(names.role_scans, names.role_needs, strict=True)]
    for hit in scan.finditer(masked) if hits is None else hits:  # only around role words: much faster
        lo, hi = max(0, hit.start() - 130), min(len(masked), hit.end() + 90)
        window, here = masked[lo:hi], None if starts is None else window_starts(starts, low, lo, hi, scan)
        for pattern, needs, at_starts, needs_at_starts in plan:
            if needs is not None and next(window_matches(needs, window, here, needs_at_starts), None) is None:
                continue
            found.update((m.group("role"), m.group("name")) for m in window_matches(pattern, window, here, at_starts))
    if any(literal in masked for literal in TITLE_LITERALS):  # "Gov. Gavin Newsom": the governor
        found |= {(TITLE_ABBREVIATIONS[m.group("abbr").lower() + "."], m.group("name"))
                  for m in TITLE_ABBREVIATION.finditer(masked)}
    out: dict[str, set[str]] = {}
    for written_role, run in sorted(found):
        sp = name_speaker(run, run, names)
        if sp is None or sp.kind != "person":
            continue
        role_text = re.sub(r"\s+", " ", written_role.lower())
        head = role_text.split(" of ")[0].split()[-1]
        for key in {role_text, head}:
            out.setdefault(key, set()).add(sp.name)
    return out


def window_matches(scan, window: str, here: list[int] | None, at_starts: bool):
    """The matches of ``scan`` (a ``Scan`` or a pattern) in ``window``: tried only at ``here`` when it opens
    with a role word (``at_starts``) and ``here`` is known, else as ``finditer`` finds them."""
    return scan.finditer_at(window, here) if at_starts and here is not None else scan.finditer(window)


def window_starts(starts: list[int], low: str, lo: int, hi: int, scan: Scan) -> list[int]:
    """Where ``scan`` tries its pattern in the window ``lo:hi`` of a text (``low`` lower-cased), from
    where it does in the whole text (``starts``), as offsets in the window: those in it, and its
    first character when the openings (not their lookbehind, which sees nothing there) match there."""
    here = [at - lo for at in starts[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]]
    if (not here or here[0] != 0) and scan.trie.match(low, lo) is not None:
        here.insert(0, 0)
    return here


def person_vocabulary(masked: str, speakers: list[Speaker | None], roles: dict[str, set[str]],
                      names: Names) -> set[str]:
    """The names an article gives people: the actors table's, the role map's, the speakers
    found (full name and surname), and names the text introduces ("Jane Smith, the mayor,")."""
    vocab = set(names.person_aliases)
    for people in roles.values():
        vocab |= people
    for sp in speakers:
        if sp is not None and sp.kind == "person":
            vocab.add(sp.written if NAME_FULL.fullmatch(sp.written or "") else sp.name)
            vocab.add(sp.name)
            vocab.add(sp.name.split()[-1])
    for m in matches_at(INTRODUCED, INTRODUCED_OPENING, masked):  # INTRODUCED.finditer, faster
        run = next(g for g in m.groups() if g)
        sp = name_speaker(run, run, names)
        if sp is not None and sp.kind == "person" and not demonym_only(run.split()):
            vocab.add(run)
    return {v for v in vocab if v}


# A preposition of place and the spaces after it; a name written right after them is "in New York".
PLACE_WORDS = ("in", "at", "from", "near", "outside", "inside", "across", "throughout")
PLACE_PREPOSITION = re.compile(r"\b(?:" + "|".join(PLACE_WORDS) + r")\s+")
WORD_BOUNDARY = re.compile(r"\b")


def after_place_preposition(text: str, at: int) -> bool:
    """Whether a match of ``PLACE_PREPOSITION`` in ``text`` ends at ``at`` (``text[at]`` not a space):
    one of its words, then the spaces (``\\s`` is what ``str.isspace`` holds) up to ``at``; the
    pattern itself then says whether it matches from that word's start (seeing the text before it)."""
    start = at
    while start > 0 and text[start - 1].isspace():
        start -= 1
    return start < at and any(text.endswith(word, 0, start) and PLACE_PREPOSITION.fullmatch(text, start - len(word), at)
                              for word in PLACE_WORDS)


def place_like(name: str, text: str) -> bool:
    """Whether ``text`` writes ``name`` after a preposition of place ("in New York", "at Real Madrid"):
    ``PLACE_PREPOSITION`` then ``name`` then a word boundary. The spaces run up to the name (it
    opens with no space), so only the places ``text`` writes the name are looked at
    (``after_place_preposition``), not every preposition in it."""
    if name not in text:
        return False
    if not name or name[0].isspace():  # not a name: the pattern itself, compiled for it
        return re.search(PLACE_PREPOSITION.pattern + re.escape(name) + r"\b", text) is not None
    at = text.find(name)
    while at >= 0:
        if WORD_BOUNDARY.match(text, at + len(name)) is not None and after_place_preposition(text, at):
            return True
        at = text.find(name, at + 1)
    return False


WORD_OR_DOT = re.compile(r"[\w.]")
WORD_CHAR = re.compile(r"\w")


def named_positions(text: str, vocab) -> list[tuple[int, str]]:
    """``(start, name)`` of each match of ``(?<![\\w.])(?:<the names, longest first>)(?![\\w])`` in
    ``text``, as ``finditer`` gives them (the leftmost; there the longest name; on from its end), found
    with ``str.find`` per name instead of compiling that alternation for every article."""
    if "" in vocab:  # an empty name matches everywhere: the pattern itself
        alternation = "|".join(map(re.escape, sorted(vocab, key=len, reverse=True)))
        return [(m.start(), m.group(0)) for m in re.finditer(rf"(?<![\w.])(?:{alternation})(?![\w])", text)]
    found = []
    for name in vocab:
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            if (at == 0 or WORD_OR_DOT.match(text, at - 1) is None) and WORD_CHAR.match(text, end) is None:
                found.append((at, -len(name), name))
            at = text.find(name, at + 1)
    out, done = [], 0
    for at, _, name in sorted(found):  # at each start the longest name first
        if at >= done:
            out.append((at, name))
            done = at + len(name)
    return out


def new_source(sources: list[dict], *, description: str, core: str, head: str, sentence_id: str) -> dict:
    """Add an unnamed source to the article's list and return it (``source_n`` is 1-based)."""
    src = dict(source_n=len(sources) + 1, description=description, core=core, head=head,
               sentence_id=sentence_id, sentence_ids=[sentence_id], cues=[], n_quotes=0)
    sources.append(src)
    return src


class Resolver:
    """Resolves the speakers of one article in reading order.

    ``events`` are the resolved speakers so far (a pronoun takes the latest); ``sources``
    the unnamed sources introduced so far ("the official" takes the latest).
    """

    def __init__(self, masked: str, roles: dict[str, set[str]], vocab: set[str], names: Names):
        self.masked, self.roles, self.vocab, self.names = masked, roles, vocab, names
        self.events: list[Event] = []
        self.sources: list[dict] = []
        self._people: list[tuple[int, str]] | None = None
        self._endings: set[str] | None = None

    def person_positions(self) -> list[tuple[int, str]]:
        """Where the article names a person (outside quotations); built when first needed."""
        if self._people is None:
            self._people = []
            if self.vocab:
                self._people = named_positions(self.masked, self.vocab)
        return self._people

    def place_like(self, name: str) -> bool:
        """Whether the article writes ``name`` after a preposition of place ("in New York",
        "at Real Madrid"): then a sentence opening with it is not a person's action."""
        return place_like(name, self.masked)

    def knows(self, name: str) -> bool:
        """Whether the article names a person ``name`` (a full name it gives, or its surname)."""
        return name in self.vocab or self.ends_a_name(name)

    def ends_a_name(self, name: str) -> bool:
        """Whether a name in ``vocab`` ends in a space and ``name`` (``v.endswith(" " + name)``), from
        the endings of them all, found when first asked for."""
        if self._endings is None:
            self._endings = {end for v in self.vocab for end in word_endings(v)[1:]}
        return name in self._endings

    def resolve(self, sp: Speaker, pos: int, para: int, sentence_id: str) -> Speaker:
        """The speaker ``sp`` (found at ``pos``, in paragraph ``para``) resolved; a new
        unnamed source is numbered and added to ``sources``."""
        sp = replace(sp)
        if sp.kind == "pronoun":
            return self._pronoun(sp, pos, para)
        if sp.kind == "role":
            return self.speaking_before(self._role(sp), pos, para)
        if sp.kind == "backref":
            return self.speaking_before(self._backref(sp, sentence_id), pos, para)
        if sp.kind == "orgref":
            return self._orgref(sp, pos)
        if sp.kind == "docref":
            return self._docref(sp, pos, para)
        if sp.kind == "anonymous" and sp.source_n is None:
            head = re.search(rf"({HEADS})s?$", sp.core, re.I)
            src = new_source(self.sources, description=sp.description, core=sp.core,
                             head=head.group(1).lower() if head else "", sentence_id=sentence_id)
            sp.source_n = src["source_n"]
        return sp

    def _pronoun(self, sp: Speaker, pos: int, para: int) -> Speaker:
        """He/she: the latest speaker or sentence subject (a person the article names) in
        this or the previous paragraph (a sentence whose subject is "he" carries its person
        on), else the person named nearest before; they: the organisation speaking before; it:
        the organisation spoken of before, as "the company".
        So in "Kerry could not force ... Mahmoud Abbas ... he said", "he" is Kerry, the
        subject, not Abbas, the nearest name."""
        if sp.written.lower() == "it":  # '," it said': as "the company" is
            return self._orgref(replace(sp, kind="orgref"), pos)
        kinds = ("organisation",) if sp.written.lower() == "they" else ("person", "anonymous")
        cands = [e for e in self.events if e.speaker.kind in kinds and e.paragraph_n >= para - 1 and e.pos < pos]
        if cands:
            ref = cands[-1]
            why = "the subject before" if ref.action else "the speaker before"
            return replace(ref.speaker, written=sp.written, resolution=f"{sp.written} \u2192 {why}")
        if sp.written.lower() != "they":
            before = [(p, n) for p, n in self.person_positions() if p < pos]
            if before:
                person = name_speaker(before[-1][1], before[-1][1], self.names)
                if person is not None:
                    person.written = sp.written
                    person.resolution = f"{sp.written} \u2192 the person named nearest before"
                    return person
        return Speaker("unknown", sp.written, resolution=f"{sp.written}: no one named before")

    def speaking_before(self, sp: Speaker, pos: int, para: int) -> Speaker:
        """A role the article names no one with ("the minister replied" after "Wissing told RND"):
        the person who spoke last, in this or the previous paragraph, unless the article names that
        person with other roles only ("Union minister Jo Park" is not "the coach"). Else ``sp`` as it is."""
        if sp.kind != "unknown":
            return sp
        spoke = [e for e in self.events if e.speaker.kind == "person" and not e.action
                 and e.paragraph_n >= para - 1 and e.pos < pos]
        if not spoke:
            return sp
        words = set(sp.written.lower().split())
        held = [role for role, people in self.roles.items() if spoke[-1].speaker.name in people]
        if held and not any(words & set(role.split()) for role in held):
            return sp
        return replace(spoke[-1].speaker, written=sp.written,
                       resolution=f"{sp.written} \u2192 the person speaking before")

    def _role(self, sp: Speaker) -> Speaker:
        """The prime minister: the one person the article names with that role (or, for a
        description such as "the premier", with a title it stands for)."""
        people = self.roles.get(sp.role, set())
        canon = {self.names.canonical(p) for p in people}
        if len(canon) > 1:
            people = self.narrowed(people, sp.written)
            canon = {self.names.canonical(p) for p in people}
        person = next(iter(people)) if len(canon) == 1 else None if people else self.described(sp.written, sp.role)
        if person is not None:
            return Speaker("person", sp.written, name=person,
                           resolution=f"{sp.written} \u2192 named with this role in the article")
        why = "named with this role more than once" if people else "no one named with this role"
        return Speaker("unknown", sp.written, resolution=f"{sp.written}: {why}")

    def narrowed(self, people: set[str], written: str) -> set[str]:
        """Of the people named with a role, the ones a longer name stands for ("Luis" is
        "Oliver Goncalves Luis"), then the ones the text names with the phrase as written:
        "the Home Minister" is the "Home Minister Rajnath Singh", not "Prime Minister Modi"."""
        people = {p for p in people if not any(q != p and q.endswith(" " + p) for q in people)}
        words = [w for w in re.sub(r"^the\s+", "", written.strip(), flags=re.I).split() if w]
        if len(people) < 2 or len(words) < 2:
            return people
        phrase = r"\s+".join(map(re.escape, words))
        named = {p for p in people
                 if re.search(rf"(?i:{phrase})\s+{re.escape(p)}\b|\b{re.escape(p)},\s+(?i:(?:the|a|an)\s+)?{phrase}\b",
                              self.masked)}
        return named or people

    def described(self, written: str, head: str | None) -> str | None:
        """The one person the article names with the title a description stands for:
        "the top US diplomat" -> the secretary of state it names; "the envoy" -> the envoy."""
        words = [w for w in re.sub(r"^the\s+", "", written.lower()).split() if w not in DEMONYM_WORDS]
        keys = [" ".join(words), " ".join(words[-2:]), head or ""]
        for key in filter(None, keys):
            for role in (key, *ROLE_DESCRIPTIONS.get(key, ())):
                canon = {self.names.canonical(p): p for p in self.roles.get(role, ())}
                if len(canon) == 1:
                    return next(iter(canon.values()))
        return None

    def _orgref(self, sp: Speaker, pos: int) -> Speaker:
        """The company: the organisation that spoke last, else the one named nearest before
        ("Ont.-based Research In Motion", "the Cooperation Ministry", "Acme Corp"), else the
        last speaker of one word the article never gives a first name ("AstraZeneca said")."""
        spoke = [e for e in self.events if e.speaker.kind == "organisation" and e.pos < pos]
        spoke = [e for e in spoke if self.headed(e.speaker.name, sp.role)] or spoke  # "the council": a Council
        if spoke:
            why = f"{sp.written} \u2192 the organisation before"
            return replace(spoke[-1].speaker, written=sp.written, resolution=why)
        named = [m.group("org") or m.group("org2") for m in ORG_NAMED.finditer(self.masked[:pos])]
        named = [n for n in named if self.headed(n, sp.role)] or named
        if named:
            return Speaker("organisation", sp.written, name=named[-1],
                           resolution=f"{sp.written} \u2192 the organisation named before")
        # "AstraZeneca said ... The company said": a one-word speaker the article never gives a first name
        single = [e.speaker.name for e in self.events if e.speaker.kind == "person" and not e.action
                  and e.pos < pos and len(e.speaker.name.split()) == 1
                  and not self.ends_a_name(e.speaker.name)]
        if single:
            return Speaker("organisation", sp.written, name=single[-1],
                           resolution=f"{sp.written} \u2192 the one-word speaker before")
        return Speaker("unknown", sp.written, resolution=f"{sp.written}: no organisation named before")

    def _docref(self, sp: Speaker, pos: int, para: int) -> Speaker:
        """The statement: the person or organisation that spoke last before it, in this or the
        previous two paragraphs ("The World Wildlife Fund says ... , said the report"); else
        the organisation named nearest before."""
        spoke = [e for e in self.events if e.pos < pos and e.paragraph_n >= para - 2 and not e.action
                 and e.speaker.kind in ("person", "organisation")]
        if spoke:
            return replace(spoke[-1].speaker, written=sp.written,
                           resolution=f"{sp.written} \u2192 its author, the speaker before")
        named = [m.group("org") or m.group("org2") for m in ORG_NAMED.finditer(self.masked[:pos])]
        if named:
            return Speaker("organisation", sp.written, name=named[-1],
                           resolution=f"{sp.written} \u2192 the organisation named before")
        return Speaker("unknown", sp.written, resolution=f"{sp.written}: no author before")

    @staticmethod
    def headed(name: str | None, noun: str | None) -> bool:
        """Whether an organisation's name ends in the noun a reference uses ("Liverpool City
        Council" for "the council"), so "the council" is not the newspaper named after it."""
        return bool(name and noun) and name.split()[-1].lower() == noun

    def _backref(self, sp: Speaker, sentence_id: str) -> Speaker:
        """The official: the last unnamed source with that head noun, unless the phrase is
        one person's ("the top US diplomat") and the article names that person by the
        title; else the person named with that role; else the last unnamed source."""
        person = self.described(sp.written, sp.role)
        same = [src for src in self.sources if src["head"] == sp.role]
        unique = any(w in UNIQUE_MODIFIERS for w in sp.written.lower().split())
        if person is not None and (unique or not same):
            return Speaker("person", sp.written, name=person,
                           resolution=f"{sp.written} \u2192 named with this role in the article")
        same = same or ([] if unique else self.sources)
        if same:
            src = same[-1]
            src["sentence_ids"].append(sentence_id)
            return Speaker("anonymous", sp.written, description=src["description"], core=src["core"],
                           source_n=src["source_n"], resolution=f"{sp.written} \u2192 the unnamed source before")
        if sp.role in self.roles:
            return self._role(Speaker("role", sp.written, role=sp.role))
        return Speaker("unknown", sp.written, resolution=f"{sp.written}: no unnamed source before")
