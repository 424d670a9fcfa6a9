"""Reading a noun phrase as a speaker: a person, an organisation, an unnamed source, a pronoun or a role.

``Names`` holds what one call knows about names (the actors table, the role nouns);
``parse_np`` reads the phrase in subject position ("Secretary of State John Kerry", "an
Israeli official, who asked not to be identified", "the prime minister", "he") and says
what kind of speaker it is, before anyone is resolved (``resolution``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from ..actors import actor_aliases, canonical_name, strip_titles
from ..nltk_data import STOPWORDS
from ..wordlists import DEMONYM_PATTERN, DEMONYMS, NATIONALITY_ADJECTIVES, TITLE_WORDS
from .patterns import (
    ANON_NP,
    BACKREF,
    CAP,
    CUES,
    FUNCTION_WORDS,
    GROUP_NP,
    LEADING,
    MASK,
    NAME_AT_END,
    NAME_RUN,
    PRONOUN,
    Scan,
    initials,
    trie_pattern,
)
from .vocabulary import (
    DOCUMENT_NOUNS,
    GROUP_NOUNS,
    NAME_PARTICLES,
    ORG_WORDS,
    PERSON_NOUNS,
    ROLE_DESCRIPTIONS,
    ROLE_NOUNS,
)

# A capitalised run opening with one of these is a place or a date ("In Algeria", "On Monday").
PREPOSITIONS = frozenset({"in", "on", "at", "from", "during", "after", "before", "since", "near", "outside",
                          "inside", "across", "throughout", "until", "by", "over", "under"})
# Generic nouns for an organisation the article has named: "the company said" is that company.
ORG_REFERENCES = frozenset({"company", "firm", "club", "group", "bank", "ministry", "agency", "carrier",
                            "retailer", "insurer", "manufacturer", "maker", "airline", "university", "charity",
                            "council", "board", "committee", "commission", "federation", "association"})
# Head nouns of an unnamed source that briefing copy capitalises as if a name ('," Senior Defense
# Official said', 'Senior Administration Official'): such a run is an unnamed source, never a person.
CAPITALISED_SOURCE_HEADS = frozenset({"official", "officials", "source", "sources", "diplomat", "insider", "staffer"})
# Country names (the demonyms file's): a country may speak as an institution, never as a person.
COUNTRIES = frozenset(country for countries in DEMONYMS.values() for country in countries)
# Days and months are never a speaker.
DATE_NAMES = frozenset({
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
    "March", "April", "June", "July", "August", "September", "October", "November", "December",
})


# The patterns below, compiled once (the functions that use them run on every phrase).
SPACES = re.compile(r"\s+")
INDEFINITE = re.compile(r"(?i:an?)\s+(?:[\w.'-]+\s+){0,3}?(?P<rest>[\w.'-]+(?:\s+[\w.'-]+)?)")
AGED = re.compile(r"\d{1,3}-year-old")
MAN_END = re.compile(r"(?:wo)?man$")
POSSESSIVE_END = re.compile(r"'s$|\u2019s$")
POSSESSIVE_S = re.compile(r"['\u2019]s$")
THE_OPENING = re.compile(r"^The\s+")
THE_ANY_CASE = re.compile(r"^the\s+", re.I)
HEAD_END = re.compile(r"\s(?:of|for|at|in|from)\s+(?=the\s|an?\s|[a-z])")
NAMED_APPOSITIVE = re.compile(rf"\s*,\s*(?P<name>{NAME_RUN})\s*,?\s*")
OF_PLACE = re.compile(r"^\s*(?:of|for|at|in)\s+[A-Z]")
THE_NOUN = re.compile(r"the\s+(?:\w+\s+)?(\w+)")


@dataclass
class Speaker:
    """A speaker as found in the text, before and after resolution."""

    kind: str  # person, organisation, anonymous, pronoun, role, backref, orgref, docref
    written: str  # as the text has it: "he", "the prime minister", "Toner"
    name: str | None = None  # person/organisation name, titles stripped
    description: str | None = None  # anonymous: the noun phrase with its appositive
    core: str | None = None  # anonymous: "Israeli official"
    role: str | None = None  # role: "prime minister"
    source_n: int | None = None  # anonymous: the article's source number
    resolution: str = ""

    def copy(self) -> Speaker:
        """A new ``Speaker`` with the same fields (``copy.copy``, faster)."""
        return Speaker(self.kind, self.written, self.name, self.description, self.core, self.role, self.source_n,
                       self.resolution)


# A short bracket closing a speaker's phrase: a party tag ("Gov. Roy Cooper (D)", "Sen. Jo Park
# (R-Texas)"), an acronym ("the World Health Organization (WHO)"), an age ("Jo Park (45)").
TRAILING_BRACKET = re.compile(r"\s*\([^()]{1,30}\)$")


def clean_np(text: str) -> str:
    text = text.strip().strip(",;:\u2014\u2013-").strip()
    if text.endswith(")"):  # the only text ``TRAILING_BRACKET`` can match (stripped: ``$`` is its end)
        text = TRAILING_BRACKET.sub("", text)
    return LEADING.sub("", text).strip()


def demonym_only(words: list[str]) -> bool:
    return all(w in DEMONYMS or w.lower() in TITLE_WORDS for w in words)


class Names:
    """The actors table and the role vocabulary, prepared once per call."""

    def __init__(self, actors: pd.DataFrame | None):
        empty = pd.DataFrame(columns=["name", "aliases", "affiliation", "kind", "roles"])
        self.actors = actors if actors is not None else empty
        aliases = actor_aliases(self.actors) if len(self.actors) else pd.DataFrame(
            columns=["actor", "alias", "affiliation", "kind"])
        self.alias_to_actor = dict(zip(aliases["alias"], aliases["actor"], strict=False))
        self.actor_kind = {r.name: (r.kind or None) for r in self.actors.itertuples()}
        self.actor_side = {r.name: (r.affiliation or None) for r in self.actors.itertuples()}
        alts = sorted(aliases["alias"], key=len, reverse=True)
        self.alias_pattern = (
            re.compile(rf"(?<![\w.])(?:{'|'.join(map(re.escape, alts))})(?![\w]|\.\w)") if alts else None
        )
        persons = [a for a, k in zip(aliases["alias"], aliases["kind"], strict=False) if (k or "person") == "person"]
        self.person_aliases = persons
        roles = set(ROLE_NOUNS) | set(ROLE_DESCRIPTIONS)
        for value in self.actors.get("roles", pd.Series(dtype=str)):
            roles |= {r.strip().lower() for r in str(value or "").split(";") if r.strip()}
        self.roles = sorted(roles, key=len, reverse=True)
        self.role_rank = {r: k for k, r in enumerate(self.roles)}  # a role's place in ``roles``
        alternation = role_alternation(self.roles)
        role = f"(?P<role>{initials(self.roles)}(?:{alternation}))"
        name = rf"(?P<name>{NAME_RUN})"
        self.role_word = re.compile(rf"(?<![\w-])(?i:{role})\b")
        fragments = [re.escape(r).replace(r"\ ", r"\s+") for r in self.roles]
        self.role_scan = Scan(self.role_word, fragments)
        # "Prime Minister Benjamin Netanyahu", "Indyk, the U.S. special envoy", "A spokeswoman, Marie Harf,"
        either = f"(?:{initials(self.roles)}(?:{alternation}))"
        self.role_patterns = [
            re.compile(rf"(?<![\w-])(?i:{role})\s+{name}"),
            # "Minister of Foreign Affairs Madické Niang": a role, "of" and its office, then the name;
            # "CEO and Ferrari President Sergio Marchionne": the first of two titles is his too
            re.compile(rf"(?<![\w-])(?i:{role})\s+(?:of\s+(?:the\s+)?|and\s+(?:[A-Z][\w.'-]*\s+){{0,3}}?"
                       rf"(?i:{either})\s+){name}"),
            re.compile(rf"{name},\s+(?i:the|a|an)\s+[^,;#]{{0,60}}?(?<![\w-])(?i:{role})\b[^,;#]{{0,60}}[,;.]"),
            re.compile(rf"(?<![\w-])(?i:the|a|an)\s+[^,;#]{{0,60}}?(?<![\w-])(?i:{role}),\s+{name},"),
            # "Dharmendra Pradhan, Union Minister for Petroleum": a capitalised title, no article
            re.compile(rf"(?P<name>{CAP}\s+{NAME_RUN}),\s+(?:[A-Z][\w.'-]*\s+){{0,3}}(?i:{role})\b"),
        ]
        # the first two open with the role: scanned as ``role_word`` is; the others open with a
        # capital or "the" (no scan: the pattern itself). Each of the last three holds a part a
        # text must have for it to match there ("<role>,", ", the", ", <Capitals> <role>"): the
        # pattern is not run on a text without it (the part alone is found much faster).
        self.role_scans = [Scan(p, fragments if k < 2 else ()) for k, p in enumerate(self.role_patterns)]
        role_comma = Scan(re.compile(rf"(?<![\w-])(?i:{role}),"), fragments)
        comma_article = re.compile(r",\s+(?i:the|a|an)\s")
        comma_role = re.compile(rf",\s+(?:[A-Z][\w.'-]*\s+){{0,3}}(?i:{role})\b")
        self.role_needs = [None, None, comma_article, role_comma, comma_role]
        self._canon: dict[str, str] = {}
        # phrases and runs already read (``parse_np``, ``name_speaker``): their readings, kept for this call
        self.read: dict[tuple, Speaker | None] = {}

    def canonical(self, name: str) -> str:
        if name not in self._canon:
            self._canon[name] = canonical_name(name, self.actors) if len(self.actors) else strip_titles(name)
        return self._canon[name]

    def is_actor(self, name: str) -> bool:
        return name in self.actor_kind

    def side_of_text(self, text: str) -> str | None:
        """The side of the first actor an unnamed source's description names
        ("a senior US official" -> US), or of the country its demonym stands for."""
        if self.alias_pattern is not None:
            m = self.alias_pattern.search(text)
            if m:
                return self.actor_side.get(self.alias_to_actor[m.group(0)])
        for m in DEMONYM_PATTERN.finditer(text):  # "an Israeli official", "a South Korean diplomat"
            for country in DEMONYMS[m.group()]:
                actor = self.alias_to_actor.get(country)
                if actor:
                    return self.actor_side.get(actor)
        return None


def role_alternation(roles: list[str]) -> str:
    """The roles (longest first) as a regex alternation, each space ``\\s+``; as a trie
    (``trie_pattern``) when every role is lower-case ASCII: case ignored, it matches the same
    (the roles a text holds at a place are each the one before with more written, tried longest
    first either way), trying one letter at each step instead of every role in turn."""
    if all(r.isascii() and r == r.lower() for r in roles) and all(roles):
        return trie_pattern(roles, spaces=r"\s+")
    return "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in roles)


def is_given_name(word: str) -> bool:
    """Whether ``word`` may stand before a surname in a name: not a title, organisation or
    nationality word, nor an all-capitals abbreviation."""
    return not (word.lower() in TITLE_WORDS or word.lower() in ORG_WORDS or word in DEMONYMS or word.isupper())


def indefinite_role(np_text: str, names: Names) -> str | None:
    """The role of "a/an <modifiers> <role>" ("A Swedish prosecutor", "a team coach"): live
    files introduce a person so before naming them ("The prosecutor, Hans Ihrman, said")."""
    m = INDEFINITE.fullmatch(np_text)
    if m is None:
        return None
    rest = m.group("rest").lower()
    return next((r for r in names.roles if rest == r or rest.endswith(" " + r)), None)


def described_person(rest: str) -> bool:
    """Whether "the <rest>" describes a person the article has just spoken of, by nationality,
    age or a noun for a person ("the Dutchman", "the Frenchwoman", "the 34-year-old", "the SPD
    politician": ``PERSON_NOUNS``), not by name or title."""
    if AGED.fullmatch(rest) or (rest.split() and rest.split()[-1].lower() in PERSON_NOUNS
                                                    and len(rest.split()) <= 3):
        return True
    stem = MAN_END.sub("", rest)
    return rest in NATIONALITY_ADJECTIVES or (stem != rest and (stem in NATIONALITY_ADJECTIVES or stem == "Scots"))


def person_name(words: list[str]) -> str | None:
    """Surname plus up to two given names from the end of a capitalised run, stopping at
    title and organisation words: "Secretary of State John Kerry" -> "John Kerry"."""
    words = [w for w in words if w != "of"] if len(words) > 1 else words
    if not words or words[-1] in NAME_PARTICLES:
        return None
    kept = [words[-1]]
    for i in range(len(words) - 2, -1, -1):
        w = words[i]
        if w in NAME_PARTICLES:  # kept only between two words of the name: "Rob van Bree", "van der"
            before = next((x for x in reversed(words[:i]) if x not in NAME_PARTICLES), None)
            if before is None or not is_given_name(before):
                break
            kept.insert(0, w)
            continue
        if sum(k not in NAME_PARTICLES for k in kept) >= 3 or not is_given_name(w):
            break
        kept.insert(0, w)
    name = " ".join(kept).rstrip(".")
    if kept[-1].lower().rstrip(".") in TITLE_WORDS or kept[-1] in DEMONYMS:
        return None
    return name


def person_of(words: list[str]) -> str | None:
    """The person in "<Given Surname> of <organisation or place>" ("Irene Nattel of RBC Capital
    Markets", "Sen. Ted Cruz of Texas"): two or more name words before "of", none of them an
    organisation, title or nationality word; never a country ("United States of America")."""
    if "of" not in words:
        return None
    left = words[:words.index("of")]
    person = person_name(left) if len(left) >= 2 else None
    if (person is None or len(person.split()) < 2 or left[-1].lower() in ORG_WORDS
            or " ".join(left) in COUNTRIES or any(w in DEMONYMS for w in left)):
        return None
    return person


def institution_of(words: list[str]) -> bool:
    """Whether a run "<X> of <Y>" is an institution's name: X is one word that is not a title
    ("Bank of America", "Chamber of Commerce"; not "Secretary of State John Kerry") or ends in
    an organisation word ("Royal Bank of Canada"), and Y is capitalised words only."""
    if "of" not in words or words.index("of") == 0:
        return False
    left, right = words[:words.index("of")], words[words.index("of") + 1:]
    if not right or "of" in right or any(w.lower() in TITLE_WORDS for w in left + right):
        return False
    return len(left) == 1 or left[-1].lower() in ORG_WORDS


def actor_speaker(words: list[str], written: str, names: Names) -> Speaker | None:
    """The actors-table person or organisation a run names (whole, without titles, its last
    two words or its surname); "Ann Kerry" is not John Kerry just because the surname matches."""
    if not names.alias_to_actor:  # no actors table: no candidate below can be in it
        return None
    run = " ".join(words)
    for candidate in (run, strip_titles(run), " ".join(words[-2:]), words[-1]):
        if candidate in names.alias_to_actor:
            actor = names.alias_to_actor[candidate]
            kind = names.actor_kind.get(actor) or "person"
            if kind == "person" and candidate == words[-1] and len(words) > 1 and candidate != run:
                given = person_name(words)
                if given and given.split()[0] not in actor.split() and len(given.split()) > 1:
                    return None
            return Speaker("person" if kind == "person" else "organisation", written, name=actor)
    return None


def of_phrase_speaker(words: list[str], written: str) -> Speaker | None:
    """A run with "of": "Irene Nattel of RBC Capital Markets" is the person (``person_of``),
    "Bank of America" an institution (``institution_of``); else None."""
    person = person_of(words)
    if person is not None:
        return Speaker("person", written, name=person)
    return Speaker("organisation", written, name=" ".join(words)) if institution_of(words) else None


# Readings ``Names.read`` keeps at most: past that it is emptied (a corpus read in one process
# stays within bounded memory; the same phrase is then read again, to the same speaker).
MAX_READINGS = 100_000


def remembered(names: Names, key: tuple, read, *args, **kwargs) -> Speaker | None:
    """``read(*args, **kwargs)``, a function of its arguments and ``names`` alone, computed once per
    ``key`` for ``names``: returns a copy of the speaker it read (a caller may change its own), or None."""
    sp = names.read.get(key, NOT_READ)
    if sp is NOT_READ:
        sp = read(*args, **kwargs)
        if len(names.read) >= MAX_READINGS:
            names.read.clear()
        names.read[key] = sp
    return None if sp is None else sp.copy()


NOT_READ = object()  # a key ``Names.read`` does not hold yet


def name_speaker(run: str, written: str, names: Names, *, definite: bool = False) -> Speaker | None:
    """A capitalised run as a person or an organisation (read once per run for ``names``: ``read_name``)."""
    return remembered(names, ("name", run, written, definite), read_name, run, written, names, definite=definite)


def read_name(run: str, written: str, names: Names, *, definite: bool = False) -> Speaker | None:  # noqa: PLR0911 -- one early return per kind of run
    """A capitalised run as a person or an organisation (``name_speaker``, read every time)."""
    run = POSSESSIVE_END.sub("", run.strip())
    words = run.split()
    if words and words[0].lower() in PREPOSITIONS:  # "In Algeria", "On Monday": a place or a date
        return None
    definite_article = bool(words) and words[0].lower() == "the"
    while words and words[0].lower() in STOPWORDS:  # "The", "It", "But" opening a sentence
        words = words[1:]
    if not words or (len(words) == 1 and words[0].lower() in GROUP_NOUNS) or " ".join(words) in DATE_NAMES:
        return None
    if " ".join(words) in COUNTRIES:  # "Algeria said": the country's voice, never a person
        return Speaker("organisation", written, name=" ".join(words))
    run = " ".join(words)
    sp = actor_speaker(words, written, names) or of_phrase_speaker(words, written)
    if sp is not None:
        return sp
    last = words[-1].lower().rstrip(",")
    if last in ORG_WORDS or (len(words) == 1 and len(words[0]) > 1 and words[0].replace(".", "").isupper()):
        return Speaker("organisation", written, name=THE_OPENING.sub("", run))
    if demonym_only(words):  # "Israeli", "Prime Minister": no name
        return None
    if len(words) > 1 and words[-1].lower() in CAPITALISED_SOURCE_HEADS:  # "Senior Defense Official"
        return Speaker("anonymous", written, description=run, core=run)
    if definite_article and len(words) == 1 and not definite:  # "The Dutchman", "The Briton": a description
        return None
    if definite:  # "the daily Ha'aretz", "the Parks Alliance"
        return Speaker("organisation", written, name=run)
    person = person_name(words)
    return None if person is None else Speaker("person", written, name=person)


def definite_speaker(rest: str, written: str, names: Names) -> Speaker | None:
    """"the <rest>" as an unnamed source referred back to ("the official") or a role ("the
    chief of staff"); failing both, its head before an "of/for ..." phrase is tried ("the
    prosecutor of the southern city of Ales" is the prosecutor)."""
    head = HEAD_END.split(rest, maxsplit=1)[0]
    for phrase in dict.fromkeys((rest, head)):
        b = BACKREF.match(phrase)
        if b and not NAME_AT_END.search(phrase.split()[-1]):
            return Speaker("backref", written, role=b.group("head").lower())
        low = SPACES.sub(" ", phrase.lower())
        # the roles ``low`` is or ends in after a space: the first of ``names.roles`` it is or ends in
        held = [end for end in word_endings(low) if end in names.role_rank]
        if held and (not NAME_AT_END.search(phrase) or phrase.split()[-1].lower() in TITLE_WORDS):
            return Speaker("role", written, role=min(held, key=names.role_rank.__getitem__))
    return None


def word_endings(text: str) -> list[str]:
    """``text`` and what follows each space in it: every string ``s`` for which ``text == s`` or
    ``text.endswith(" " + s)``."""
    out, at = [text], text.find(" ")
    while at >= 0:
        out.append(text[at + 1:])
        at = text.find(" ", at + 1)
    return out


DOCUMENT_OF = re.compile(r"^(?i:the)\s+(?:[a-z][\w-]*\s+)?(?P<noun>[a-z]+)(?:\s+(?:from|by|of)\s+(?P<np>.+))?$")


def document_speaker(np_text: str, written: str, names: Names) -> Speaker | None:
    """"the statement" (``DOCUMENT_NOUNS``): a reference to the author who spoke before
    (kind "docref"); "the release from the Defense Ministry": that author."""
    m = DOCUMENT_OF.match(np_text)
    if m is None or m.group("noun") not in DOCUMENT_NOUNS:
        return None
    if m.group("np") is None:
        return Speaker("docref", written, role=m.group("noun"))
    author = parse_np(m.group("np"), names)
    return author if author is not None and author.kind in ("person", "organisation") else None


def portfolio_title(prefix_words: list[str], run: str) -> bool:
    """A title with its portfolio before a name ("Minister for European Affairs Jo Park", "Assistant
    Superintendent for Learning Services Ann Lee"): a title word, "for" (or "of ... for"), then a
    capitalised run of three words or more whose last two are the name."""
    return (len(run.split()) >= 3 and "for" in prefix_words and len(prefix_words) <= 8
            and any(POSSESSIVE_S.sub("", w) in TITLE_WORDS for w in prefix_words)
            and all(w not in FUNCTION_WORDS or w in ("for", "and", "of", "the") for w in prefix_words))


def parse_np(np_text: str, names: Names, *, written: str | None = None) -> Speaker | None:
    """Read a noun phrase in subject position as a speaker, or return None (read once per phrase
    for ``names``: ``read_np``)."""
    return remembered(names, ("np", np_text, written), read_np, np_text, names, written=written)


def read_np(np_text: str, names: Names, *, written: str | None = None) -> Speaker | None:  # noqa: PLR0911, PLR0912 -- one early return per phrase shape
    """``parse_np``, read every time."""
    np_text = clean_np(np_text)
    written = written or np_text
    if not np_text or len(np_text.split()) > 16 or MASK in np_text:
        return None
    if PRONOUN.match(np_text):
        return Speaker("pronoun", written)
    m = ANON_NP.match(np_text)
    if m:
        rest = m.group("rest")
        named = NAMED_APPOSITIVE.fullmatch(rest)
        if named and len(named.group("name").split()) >= 2:  # "a spokesperson, Bernhard Christian Erfort,"
            person = name_speaker(named.group("name"), written, names)
            if person is not None and person.kind == "person":
                person.description = np_text
                return person
        if not OF_PLACE.match(rest) or CUES.search(rest):
            core = SPACES.sub(" ", m.group("core"))
            return Speaker("anonymous", written, description=np_text, core=core)
    role = indefinite_role(np_text, names)
    if role is not None:  # "A Swedish prosecutor says": the one prosecutor the article names, if it names one
        return Speaker("role", written, role=role)
    if GROUP_NP.match(np_text):  # "officials", "Israeli officials", "the police": a group's voice
        if np_text in names.alias_to_actor:
            return name_speaker(np_text, written, names)
        group = THE_ANY_CASE.sub("", np_text)
        return Speaker("organisation", written, name=group.lower() if len(group.split()) == 1 else group)
    low = np_text.lower()
    if (THE_NOUN.fullmatch(low) and low.split()[-1] in ORG_REFERENCES
            and np_text.split()[-1].islower()):  # not "the State Council": a name
        return Speaker("orgref", written, role=low.split()[-1])  # "the company": the one named before
    doc = document_speaker(np_text, written, names)
    if doc is not None:
        return doc
    if low.startswith("the ") and described_person(np_text[4:].strip()):
        return Speaker("pronoun", written)  # "the Dutchman said": the person spoken of, as "he" is
    if low.startswith("the "):
        sp = definite_speaker(np_text[4:].strip(), written, names)
        if sp is not None:
            return sp
    m = NAME_AT_END.search(np_text)
    if m:
        prefix = np_text[: m.start()].strip()
        prefix_words = prefix.lower().split()
        if portfolio_title(prefix_words, m.group(0)):  # "Minister of State for Information and Broadcasting Ann Lee"
            return name_speaker(" ".join(m.group(0).split()[-2:]), written, names)
        if any(w in FUNCTION_WORDS for w in prefix_words if w != "the") or len(prefix_words) > 6 or "," in prefix:
            return None
        definite = prefix_words[:1] == ["the"] and not any(w in TITLE_WORDS for w in prefix_words[1:])
        if definite and m.group(0).split()[0].lower() in TITLE_WORDS:
            definite = False
        return name_speaker(m.group(0), written, names, definite=definite)
    return None
