"""Direct quotations in cleaned article bodies, who speaks them, and anonymous sources.

- ``quote_spans(text)``: where the quotations are in one body (character spans).
- ``extract_quotes(sentences, articles, actors)``: one row per quotation, with its
  sentence, its speaker (surname-normalised), the speaker's kind and side, the
  attribution verb and the rule that attributed it. Unattributed quotations are kept
  (speaker kind "unknown"), never dropped.
- ``anonymous_sources(sentences, articles, actors)``: one row per unnamed source
  ("an Israeli official, who asked not to be identified"), with its description, the
  anonymity cue and how often the article cites it.
- ``quotes_and_sources(...)``: both tables from one reading of the corpus.
- ``speaker_counts``, ``affiliation_shares``, ``attribution_summary``: the per-outlet
  tables of the ``01_sources`` notebook.

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
6. ``according to X``.

A quotation with no attribution in its own sentence takes the speaker of the nearest
attribution before it in the same paragraph (``"...," Kerry said. "The leaders have to
lead."``), of the quotation it continues from the previous paragraph, or, when it opens
its paragraph, of the last attribution in the previous paragraph (``An Israeli source
... said that ...`` followed by a paragraph that is only a quotation).

Speakers are then resolved: ``he``/``she`` to the nearest speaker before (a quotation's
or a ``X said`` sentence's) in the same or previous paragraph, else to the person named
nearest before; a role (``the prime minister``) to the one person the article names with
that role (``Israeli Prime Minister Benjamin Netanyahu``, ``Martin Indyk, the U.S.
special envoy``, ``A State Department spokeswoman, Marie Harf,``); ``the official`` to the
anonymous source introduced before it. Names are normalised: the actors table first
(``canonical_name``), then the full name the article (or else the corpus) gives for a
surname, so ``John Kerry``, ``Kerry`` and ``Secretary Kerry`` are one speaker.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from .actors import actor_aliases, canonical_name, strip_titles
from .actors import TITLES as ACTOR_TITLES
from .nltk_data import STOPWORDS
from .parallel import dask_client, map_chunks
from .quote_spans import PARAGRAPH_PATTERN, quote_spans

# Quotation spans and paragraphs come from the text layer (helpers.quote_spans).


# ---------------------------------------------------------------------------------------
# Vocabulary of attribution. Each list comes from reading wire and newspaper copy (AP
# and Reuters style: "said" for nearly everything, inverted "said X" after a quote).

# Quotations of fewer than this many words with no punctuation of their own inside the
# marks are quoted terms, not quotations: scare quotes and coinages ('to "lead"',
# 'a "framework" agreement', '"Lone wolf" attackers'). They are listed (form "term") but
# neither attributed nor counted. Three keeps real partial quotes such as 'said "it is
# clear"' and '"a big no."'; the same threshold as helpers.sentiment.MIN_QUOTE_WORDS.
MIN_QUOTE_WORDS = 3

# Verbs that attribute speech or writing (past and present forms).
SPEECH_VERBS = (
    "said", "says", "say", "told", "tells", "added", "adds", "asked", "asks", "stated", "declared",
    "explained", "insisted", "noted", "warned", "wrote", "writes", "argued", "replied", "responded",
    "continued", "recalled", "acknowledged", "admitted", "announced", "claimed", "confirmed",
    "accused", "urged", "remarked", "conceded", "stressed", "emphasised", "emphasized", "suggested",
    "predicted", "vowed", "pledged", "complained", "charged", "tweeted", "posted", "cautioned",
    "maintained", "contended", "reiterated", "promised", "observed", "answered", "countered",
    "agreed", "wondered", "quipped",
)
# Verbs that news copy puts before their speaker ('," said Raj Patel', 'Said Toner:').
# "told" is not among them: 'told AFP:' names the listener, not the speaker.
INVERTIBLE_VERBS = ("said", "says", "added", "asked", "continued", "wrote", "writes", "replied", "explained",
                    "recalled", "noted", "declared", "insisted", "warned", "answered", "countered")
# Words that may stand between a speaker and the verb ("Kerry reportedly told",
# "Netanyahu has said", "Harf on Wednesday said"); any -ly adverb is skipped too.
BETWEEN_WORDS = (
    "also", "later", "then", "again", "has", "had", "have", "would", "will", "was", "once", "earlier",
    "further", "previously", "on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "yesterday", "today", "last", "week", "night", "separately", "himself", "herself",
)
# Words skipped before a subject ("But Kerry said"), and words that open an
# introductory clause: a sentence opening with one of INTRODUCTORY_WORDS has its subject
# after the first comma ("When that became unrealistic, Kerry ... said").
LEADING_CONJUNCTIONS = ("and", "but", "yet", "so", "still", "then", "also", "however", "meanwhile")
INTRODUCTORY_WORDS = (
    "when", "after", "before", "while", "as", "if", "although", "though", "since", "because", "under",
    "in", "on", "at", "over", "during", "ahead", "afterwards", "however", "meanwhile", "earlier",
    "later", "speaking", "asked", "for", "with", "despite", "following",
)
# Head nouns of unnamed sources ("a senior US official", "an Israeli source familiar
# with", "two diplomats"). Introduced by an indefinite or number determiner they are an
# anonymous source; "the official" then refers back to the last one.
ANONYMOUS_HEADS = (
    "official", "source", "diplomat", "aide", "adviser", "advisor", "insider", "person", "spokesman",
    "spokeswoman", "spokesperson", "negotiator", "staffer", "officer", "lawmaker", "minister",
    "member", "analyst", "executive", "employee", "figure", "representative", "envoy",
)
ANONYMOUS_DETERMINERS = ("a", "an", "one", "another", "two", "three", "four", "five", "several", "some",
                         "a few", "a number of")
# Phrases that say a source is kept anonymous (AP's Statement of News Values asks for
# the reason to be given; these are the common wordings).
ANONYMITY_CUES = (
    r"asked not to be (?:identified|named)", r"declined to be (?:identified|named)",
    r"(?:on|under) (?:the )?condition (?:of anonymity|that (?:he|she|they) not be (?:named|identified))",
    r"requested anonymity", r"requesting anonymity", r"spoke anonymously", r"speaking anonymously",
    r"not authori[sz]ed to (?:speak|discuss|comment|talk)", r"did not want to be (?:named|identified)",
    r"(?:was|were) not named", r"unnamed", r"anonymous", r"familiar with",
)
# Role nouns that stand for a person in an article that names them with it. The actors
# table's ``roles`` column and helpers.actors.TITLES add to it.
ROLE_NOUNS = (
    "prime minister", "foreign minister", "defense minister", "defence minister", "finance minister",
    "minister", "president", "vice president", "secretary of state", "secretary", "spokesman",
    "spokeswoman", "spokesperson", "special envoy", "envoy", "chief negotiator", "negotiator",
    "ambassador", "mayor", "governor", "senator", "chancellor", "king", "queen", "aide", "adviser",
    "advisor", "chairman", "chairwoman", "director", "commissioner", "chief of staff", "speaker",
    "foreign secretary", "general", "leader",
)
_HONORIFICS = {"mr", "mrs", "ms", "dr", "sir"}
# Capitalised words that precede names but are never given names ("Secretary of State
# John Kerry", "Deputy State Department Spokesman Mark Toner", "Mayor Ann Lee").
TITLE_WORDS = frozenset({
    "secretary", "state", "prime", "minister", "president", "vice", "deputy", "spokesman",
    "spokeswoman", "spokesperson", "chief", "negotiator", "special", "envoy", "ambassador", "mayor",
    "governor", "senator", "sen", "sen.", "rep", "rep.", "gov", "gov.", "gen", "gen.", "general", "mr",
    "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "king", "queen", "prince", "sheikh",
    "foreign", "defense", "defence", "finance", "cabinet", "council", "member", "councilman",
    "councilwoman", "judge", "justice", "officer", "director", "chairman", "chairwoman", "leader",
    "commissioner", "adviser", "advisor", "aide", "former", "acting", "senior", "lieutenant", "col.",
    "capt.", "lt.", "colonel", "captain", "sergeant", "professor", "prof.", "rabbi", "father", "pope",
    "department", "house", "party", "authority", "ministry", "office", "assistant", "undersecretary",
})
# Last words of organisation names ("State Department", "Parks Alliance", "White House").
ORG_WORDS = frozenset({
    "department", "ministry", "office", "house", "council", "authority", "agency", "party", "alliance",
    "commission", "committee", "government", "court", "army", "police", "union", "association",
    "institute", "university", "company", "corporation", "bank", "foundation", "group", "forces",
    "times", "post", "journal", "news", "press", "network", "organization", "organisation", "league",
    "movement", "front", "brigades", "board", "bureau", "service", "center", "centre", "fund",
    "assembly", "parliament", "congress", "senate", "administration", "embassy", "mission",
    "coalition", "campaign", "watch", "network", "inc.", "ltd", "corp.", "co.", "nations",
})
# Adjectives of nationality, and the country names an actors table may list for them:
# used to give an unnamed source ("an Israeli official") a side. A word here is never a
# person's name ("Israeli officials say ..." has no named speaker).
DEMONYMS = {
    "Israeli": ("Israel",), "Palestinian": ("Palestine", "Palestinians", "Palestinian Authority"),
    "American": ("United States", "US", "U.S.", "America"), "US": ("United States", "US"),
    "U.S.": ("United States", "U.S."), "British": ("United Kingdom", "UK", "Britain"),
    "French": ("France",), "German": ("Germany",), "Russian": ("Russia",), "Chinese": ("China",),
    "Egyptian": ("Egypt",), "Jordanian": ("Jordan",), "Iranian": ("Iran",), "Syrian": ("Syria",),
    "Lebanese": ("Lebanon",), "Saudi": ("Saudi Arabia",), "Turkish": ("Turkey",), "Qatari": ("Qatar",),
    "European": ("European Union", "EU"), "Arab": ("Arab League",), "Western": (), "Israelis": ("Israel",),
    "Palestinians": ("Palestinians", "Palestine"), "Americans": ("United States",),
}
# Nouns for groups of people that open sentences with a capital ("Officials said",
# "Witnesses told"): not names, and not unnamed sources in the counted sense.
GROUP_NOUNS = frozenset({
    "officials", "police", "witnesses", "residents", "critics", "analysts", "observers", "experts",
    "sources", "diplomats", "officers", "protesters", "protestors", "organisers", "organizers",
    "authorities", "doctors", "lawyers", "prosecutors", "investigators", "activists", "supporters",
    "opponents", "aides", "negotiators", "leaders", "rescuers", "medics", "officers", "soldiers",
    "troops", "settlers", "palestinians", "israelis", "americans", "voters", "members", "people",
    "students", "workers", "parents", "locals", "villagers", "families", "others", "many", "some",
})
_GROUP_NP = re.compile(r"^(?i:the\s+)?(?:[A-Z][\w.'-]*\s+){0,2}(?i:" + "|".join(sorted(GROUP_NOUNS)) + r")$")
# Speaker kinds, as the quotations table names them.
KIND_PERSON = "named person"
KIND_ANONYMOUS = "anonymous source"
KIND_ORGANISATION = "organisation"
KIND_UNKNOWN = "unknown"
SPEAKER_KINDS = (KIND_PERSON, KIND_ANONYMOUS, KIND_ORGANISATION, KIND_UNKNOWN)
NO_AFFILIATION = "no side listed"  # a speaker the actors table does not give a side
UNATTRIBUTED = "unattributed"

QUOTE_COLUMNS = [
    "article_id", "outlet", "sentence_id", "paragraph_n", "quote_n", "start_char", "end_char",
    "quote", "n_words", "form", "speaker", "speaker_kind", "affiliation", "verb", "speaker_as_written",
    "speaker_description", "rule", "resolution",
]
SOURCE_COLUMNS = [
    "article_id", "outlet", "sentence_id", "source_n", "source", "description", "cue", "affiliation",
    "n_attributions", "n_quotes", "sentence_ids",
]

_VERB_ALT = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
_VERB = re.compile(rf"(?<![\w'-])(?:{_VERB_ALT}|according\s+to)\b", re.I)
_INVERT_ALT = "|".join(sorted(INVERTIBLE_VERBS, key=len, reverse=True))
_CAP = r"(?:[A-Z][\w'\u2019.-]*|al-[A-Z][\w'-]*)"
_NAME_RUN = rf"{_CAP}(?:\s+(?:of\s+|de\s+|bin\s+|van\s+|von\s+)?{_CAP})*"
_NAME_AT_END = re.compile(rf"{_NAME_RUN}$")
_NAME_FULL = re.compile(rf"{_NAME_RUN}")
_HEADS = "|".join(ANONYMOUS_HEADS)
_DETS = "|".join(sorted(ANONYMOUS_DETERMINERS, key=len, reverse=True))
_ANON_NP = re.compile(
    rf"^(?P<det>{_DETS})\s+(?P<core>(?:(?!(?:said|says|told)\b)[\w.'\u2019-]+\s+){{0,6}}?(?:{_HEADS})s?)\b(?P<rest>.*)$",
    re.I | re.S,
)
_ANON_ANYWHERE = re.compile(
    rf"\b(?P<det>{_DETS})\s+(?P<core>(?:[\w.'\u2019-]+\s+){{0,4}}?(?:{_HEADS})s?)\b", re.I
)
_BACKREF = re.compile(rf"^(?:[\w.'\u2019-]+\s+){{0,3}}?(?P<head>{_HEADS})s?$", re.I)
_BACKREF_ANYWHERE = re.compile(rf"\bthe\s+(?:[\w.'\u2019-]+\s+){{0,2}}?(?:{_HEADS})\b", re.I)
_CUES = re.compile("|".join(ANONYMITY_CUES), re.I)
_PRONOUN = re.compile(r"^(?:he|she|they)$", re.I)
_FUNCTION_WORDS = frozenset(
    "with to in from by and but that for on at after before when while as his her their its our is was "
    "were has had have would will be been not no who which whose where".split()
)
_TRAILING = re.compile(
    r"(?:\s+(?:" + "|".join(BETWEEN_WORDS) + r"|\w+ly|on\s+\w+day|last\s+\w+))+\s*$", re.I
)
_LEADING = re.compile(r"^(?:(?:" + "|".join(LEADING_CONJUNCTIONS) + r")\b[\s,]*)+", re.I)
_MASK = "#"
# A speaker's phrase, with its appositive, is never longer than this many characters
# ("Deputy State Department Spokesman Mark Toner", "An Israeli source familiar with
# details of the Netanyahu-Kerry meeting," is 70): only this much text before a verb or
# at a sentence's start is read, so a runaway 27,000-character "sentence" stays fast.
MAX_PHRASE_CHARS = 300


@dataclass
class _Speaker:
    """A speaker as found in the text, before and after resolution."""

    kind: str  # person, organisation, anonymous, pronoun, role, backref
    written: str  # as the text has it: "he", "the prime minister", "Toner"
    name: str | None = None  # person/organisation name, titles stripped
    description: str | None = None  # anonymous: the noun phrase with its appositive
    core: str | None = None  # anonymous: "Israeli official"
    role: str | None = None  # role: "prime minister"
    source_n: int | None = None  # anonymous: the article's source number
    resolution: str = ""


def _clean_np(text: str) -> str:
    text = text.strip().strip(",;:\u2014\u2013-").strip()
    return _LEADING.sub("", text).strip()


def _demonym_only(words: list[str]) -> bool:
    return all(w in DEMONYMS or w.lower() in TITLE_WORDS for w in words)


class _Names:
    """The actors table and the role vocabulary, prepared once per call."""

    def __init__(self, actors: pd.DataFrame | None):
        empty = pd.DataFrame(columns=["name", "aliases", "affiliation", "kind", "roles"])
        self.actors = actors if actors is not None else empty
        aliases = actor_aliases(self.actors) if len(self.actors) else pd.DataFrame(
            columns=["actor", "alias", "affiliation", "kind"])
        self.alias_to_actor = dict(zip(aliases["alias"], aliases["actor"]))
        self.actor_kind = {r.name: (r.kind or None) for r in self.actors.itertuples()}
        self.actor_side = {r.name: (r.affiliation or None) for r in self.actors.itertuples()}
        alts = sorted(aliases["alias"], key=len, reverse=True)
        self.alias_pattern = re.compile(rf"(?<![\w.])(?:{'|'.join(map(re.escape, alts))})(?![\w]|\.\w)") if alts else None
        persons = [a for a, k in zip(aliases["alias"], aliases["kind"]) if (k or "person") == "person"]
        self.person_aliases = persons
        roles = set(ROLE_NOUNS) | {t for t in ACTOR_TITLES if t not in _HONORIFICS}
        for value in self.actors.get("roles", pd.Series(dtype=str)):
            roles |= {r.strip().lower() for r in str(value or "").split(";") if r.strip()}
        self.roles = sorted(roles, key=len, reverse=True)
        role = "(?P<role>" + "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in self.roles) + ")"
        name = rf"(?P<name>{_NAME_RUN})"
        self.role_word = re.compile(rf"(?<![\w-])(?i:{role})\b")
        # "Prime Minister Benjamin Netanyahu", "Indyk, the U.S. special envoy", "A spokeswoman, Marie Harf,"
        self.role_patterns = [
            re.compile(rf"(?<![\w-])(?i:{role})\s+{name}"),
            re.compile(rf"{name},\s+(?i:the|a|an)\s+[^,;#]{{0,60}}?(?<![\w-])(?i:{role})\b[^,;#]{{0,60}}[,;.]"),
            re.compile(rf"(?<![\w-])(?i:the|a|an)\s+[^,;#]{{0,60}}?(?<![\w-])(?i:{role}),\s+{name},"),
        ]
        self._canon: dict[str, str] = {}

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
        for word in re.findall(r"[A-Z][\w.]*", text):
            for country in DEMONYMS.get(word, ()):
                actor = self.alias_to_actor.get(country)
                if actor:
                    return self.actor_side.get(actor)
        return None


def _person_name(words: list[str]) -> str | None:
    """Surname plus up to two given names from the end of a capitalised run, stopping at
    title and organisation words: "Secretary of State John Kerry" -> "John Kerry"."""
    words = [w for w in words if w not in ("of", "de", "bin", "van", "von")] if len(words) > 1 else words
    if not words:
        return None
    kept = [words[-1]]
    for w in reversed(words[:-1]):
        if len(kept) >= 3 or w.lower() in TITLE_WORDS or w.lower() in ORG_WORDS or w in DEMONYMS or w.isupper():
            break
        kept.insert(0, w)
    name = " ".join(kept).rstrip(".")
    if kept[-1].lower().rstrip(".") in TITLE_WORDS or kept[-1] in DEMONYMS:
        return None
    return name


def _name_speaker(run: str, written: str, names: _Names, *, definite: bool = False) -> _Speaker | None:
    """A capitalised run as a person or an organisation."""
    run = re.sub(r"'s$|\u2019s$", "", run.strip())
    words = run.split()
    while words and words[0].lower() in STOPWORDS:  # "The", "It", "But" opening a sentence
        words = words[1:]
    if not words or (len(words) == 1 and words[0].lower() in GROUP_NOUNS):
        return None
    run = " ".join(words)
    bare = strip_titles(run)
    for candidate in (run, bare, " ".join(words[-2:]), words[-1]):
        if candidate in names.alias_to_actor:
            actor = names.alias_to_actor[candidate]
            kind = names.actor_kind.get(actor) or "person"
            if kind == "person" and candidate == words[-1] and len(words) > 1 and candidate != run:
                # "Ann Kerry" is not John Kerry just because the surname matches
                given = _person_name(words)
                if given and given.split()[0] not in actor.split() and len(given.split()) > 1:
                    break
            return _Speaker("person" if kind == "person" else "organisation", written, name=actor)
    last = words[-1].lower().rstrip(",")
    if last in ORG_WORDS or (len(words) == 1 and len(words[0]) > 1 and words[0].replace(".", "").isupper()):
        return _Speaker("organisation", written, name=re.sub(r"^The\s+", "", run))
    if _demonym_only(words):  # "Israeli", "Prime Minister": no name
        return None
    if definite:  # "the daily Ha'aretz", "the Parks Alliance"
        return _Speaker("organisation", written, name=run)
    person = _person_name(words)
    if person is None:
        return None
    return _Speaker("person", written, name=person)


def _parse_np(np_text: str, names: _Names, *, written: str | None = None) -> _Speaker | None:
    """Read a noun phrase in subject position as a speaker, or return None."""
    np_text = _clean_np(np_text)
    written = written or np_text
    if not np_text or len(np_text.split()) > 16 or _MASK in np_text:
        return None
    if _PRONOUN.match(np_text):
        return _Speaker("pronoun", written)
    m = _ANON_NP.match(np_text)
    if m:
        rest = m.group("rest")
        if not re.match(r"^\s*(?:of|for|at|in)\s+[A-Z]", rest) or _CUES.search(rest):
            core = re.sub(r"\s+", " ", m.group("core"))
            return _Speaker("anonymous", written, description=np_text, core=core)
    if _GROUP_NP.match(np_text):  # "officials", "Israeli officials", "the police": a group's voice
        if np_text in names.alias_to_actor:
            return _name_speaker(np_text, written, names)
        group = re.sub(r"^the\s+", "", np_text, flags=re.I)
        return _Speaker("organisation", written, name=group.lower() if len(group.split()) == 1 else group)
    low = np_text.lower()
    if low.startswith("the "):
        rest = np_text[4:].strip()
        b = _BACKREF.match(rest)
        if b and not _NAME_AT_END.search(rest.split()[-1]):
            return _Speaker("backref", written, role=b.group("head").lower())
        rest_low = re.sub(r"\s+", " ", rest.lower())
        for role in names.roles:
            if rest_low == role or rest_low.endswith(" " + role):
                if not _NAME_AT_END.search(rest) or rest.split()[-1].lower() in TITLE_WORDS:
                    return _Speaker("role", written, role=role)
    m = _NAME_AT_END.search(np_text)
    if m:
        prefix = np_text[: m.start()].strip()
        prefix_words = prefix.lower().split()
        if any(w in _FUNCTION_WORDS for w in prefix_words if w != "the") or len(prefix_words) > 6 or "," in prefix:
            return None
        definite = prefix_words[:1] == ["the"] and not any(w in TITLE_WORDS for w in prefix_words[1:])
        if definite and m.group(0).split()[0].lower() in TITLE_WORDS:
            definite = False
        return _name_speaker(m.group(0), written, names, definite=definite)
    return None


def _strip_trailing(text: str) -> str:
    prev = None
    while prev != text:
        prev = text
        text = _TRAILING.sub("", text).rstrip()
    return text


def _is_appositive(part: str) -> bool:
    first = part.split()[0] if part.split() else ""
    return first.lower() in {"a", "an", "the", "who", "which", "whose", "one", "himself", "herself"} or first[:1].islower()


def _np_before(text: str, names: _Names) -> _Speaker | None:
    """The speaker that ends ``text`` (the text right before a speech verb), skipping
    appositives: "Yuval Steinitz, a Likud Cabinet minister," -> Yuval Steinitz."""
    t = _strip_trailing(text[-MAX_PHRASE_CHARS:].rstrip())
    if not t.strip():
        return None
    comma = t.endswith(",")
    parts = [p.strip() for p in t.rstrip(",").split(",")]
    if comma and len(parts) >= 2:
        last, prev = parts[-1], parts[-2]
        if last and _is_appositive(last):
            sp = _parse_np(prev, names)
            if sp is not None:
                if sp.kind == "anonymous":
                    sp.description = f"{_clean_np(prev)}, {last}"
                elif sp.kind in ("person", "organisation"):
                    sp.description = f"{_clean_np(prev)}, {last}"
                return sp
        if last and _NAME_FULL.fullmatch(last):
            sp = _parse_np(last, names)
            if sp is not None and sp.kind == "person":
                sp.description = f"{_clean_np(prev)}, {last}"
                return sp
    sp = _parse_np(parts[-1], names)
    return sp


def _subject(sentence: str, names: _Names) -> _Speaker | None:
    """The subject at the start of a sentence (or after an introductory clause)."""
    s = _clean_np(sentence[:MAX_PHRASE_CHARS])
    first = s.split()[0].lower().strip(",") if s.split() else ""
    if first in INTRODUCTORY_WORDS and "," in s[:120]:
        s = _clean_np(s.split(",", 1)[1])
    m = _ANON_NP.match(s)
    if m:
        rest = m.group("rest")
        desc = m.group(0)[: len(m.group(0)) - len(rest)]
        cue = re.match(r"^\s*,([^,]+),", rest)
        if cue and _is_appositive(cue.group(1).strip()):
            desc += "," + cue.group(1) + ""
        return _Speaker("anonymous", desc.strip(), description=desc.strip(), core=re.sub(r"\s+", " ", m.group("core")))
    m = re.match(r"^(?P<np>(?:the|a|an)\s+[^,]{1,60}),\s+(?P<name>" + _NAME_RUN + r"),", s, re.I)
    if m and _NAME_FULL.fullmatch(m.group("name")):
        sp = _parse_np(m.group("name"), names)
        if sp is not None and sp.kind == "person":
            sp.description = f"{m.group('np')}, {m.group('name')}"
            return sp
    m = re.match(r"^(?:he|she)\b", s, re.I)
    if m:
        return _Speaker("pronoun", m.group(0))
    m = re.match(r"^the\s+(?:[\w.'-]+\s+){0,3}?[\w.'-]+(?=\s+[a-z])", s, re.I)
    if m:
        sp = _parse_np(m.group(0), names)
        if sp is not None and sp.kind in ("role", "backref"):
            return sp
    m = re.match(_NAME_RUN, s)
    if m:
        run = m.group(0)
        after = s[m.end():]
        if after.startswith(", ") and _is_appositive(after[2:]):
            pass
        elif after[:1] not in (" ", ""):
            return None
        return _name_speaker(run, run, names)
    return None


@dataclass
class _Attribution:
    speaker: _Speaker
    verb: str
    rule: str
    pos: int  # offset in the body of the verb (for ordering events)


def _first_verb_attribution(text: str, offset: int, names: _Names, *, sentence: str, allow_subject: bool):
    """Speaker + verb in ``text`` (narration before a quotation, or a whole sentence):
    the first speech verb whose subject is a speaker; else the sentence subject; else
    "according to X"."""
    verbs = list(_VERB.finditer(text))
    according = None
    for i, v in enumerate(verbs):
        verb = re.sub(r"\s+", " ", v.group(0).lower())
        if verb == "according to":
            if according is None:
                np_text = re.split(r"[,.;:!?]|\s(?:who|which|that|in|on|at)\s", text[v.end():], maxsplit=1)[0]
                sp = _parse_np(np_text, names)
                if sp is not None:
                    according = _Attribution(sp, "according to", "according to X", offset + v.start())
            continue
        sp = _np_before(text[: v.start()], names)
        if sp is not None:
            # a later verb of the same subject ("and said") introduces the quotation:
            # "Erekat confirmed that ... and said Abbas was "making ...": the verb is "said"
            for later in verbs[i + 1:]:
                word = re.sub(r"\s+", " ", later.group(0).lower())
                joined = re.search(r"(?:\band|\bbut|\bthen|,)\s+(?:\w+ly\s+)?$", text[: later.start()])
                if word == "according to" or not joined:
                    break
                verb = word
            return _Attribution(sp, verb, "speaker and verb before the quote", offset + v.start())
    if verbs and allow_subject and any(re.sub(r"\s+", " ", v.group(0).lower()) != "according to" for v in verbs):
        sp = _subject(sentence, names)
        if sp is not None:
            # the speech verb nearest the quotation, outside relative clauses ("who asked not to be named")
            main = [v for v in verbs if not v.group(0).lower().startswith("according")
                    and not re.search(r"\b(?:who|which|that)\s+$", text[: v.start()], re.I)]
            v = main[-1] if main else verbs[-1]
            return _Attribution(sp, v.group(0).lower(), "subject of the sentence", offset + v.start())
    return according


_AFTER_SV = re.compile(
    r"^[\s,\u2014\u2013-]*(?P<np>[^\"#.;:!?]{1,120}?)\s+(?:(?:" + "|".join(BETWEEN_WORDS) + r"|\w+ly)\s+)*"
    rf"(?P<verb>{_VERB_ALT})\b", re.I,
)
_AFTER_VS = re.compile(rf"^[\s,\u2014\u2013-]*(?P<verb>{_INVERT_ALT})\s+(?P<np>[^\"#.;:!?]{{1,120}})", re.I)
_BEFORE_VS = re.compile(rf"(?:^|[\s,])(?P<verb>{_INVERT_ALT})\s+(?P<np>[^\"#,:;]{{1,80}}?)\s*[:,]\s*$", re.I)


def _cut_after_np(text: str) -> str:
    """The speaker phrase after an inverted verb: up to a comma or "of/who/in ..."."""
    text = re.split(r",|\s(?:of|who|in|at|on|after|before|when|while|during|to|from|for)\s", text, maxsplit=1)[0]
    return text.strip()


def _quote_attribution(before: str, before_at: int, after: str, after_at: int, sentence: str,
                       names: _Names) -> _Attribution | None:
    """The attribution of one quotation, from the narration around it in its sentence."""
    m = _AFTER_SV.match(after)
    if m:
        sp = _parse_np(m.group("np"), names)
        if sp is not None:
            return _Attribution(sp, m.group("verb").lower(), "quote, then speaker and verb", after_at + m.start("verb"))
    m = _AFTER_VS.match(after)
    if m:
        raw = m.group("np")
        np_text = _cut_after_np(raw)
        if np_text.lower().startswith(("a ", "an ")):  # keep "a diplomat who spoke on condition of anonymity"
            np_text = re.split(r"[,.;]", raw, maxsplit=1)[0].strip()
        sp = _parse_np(np_text, names)
        if sp is not None:
            return _Attribution(sp, m.group("verb").lower(), "quote, then verb and speaker", after_at + m.start("verb"))
    m = _BEFORE_VS.search(before)
    if m:
        sp = _parse_np(m.group("np"), names)
        if sp is not None:
            return _Attribution(sp, m.group("verb").lower(), "verb and speaker before the quote",
                                before_at + m.start("verb"))
    att = _first_verb_attribution(before, before_at, names, sentence=sentence, allow_subject=True)
    if att is not None:
        return att
    if re.search(r"according\s+to", after, re.I):
        return _first_verb_attribution(after, after_at, names, sentence=sentence, allow_subject=False)
    return None


def _role_map(masked: str, names: _Names) -> dict[str, set[str]]:
    """Role noun -> the people an article names with it ("prime minister" ->
    {"Benjamin Netanyahu"}); the role's head noun ("minister", "envoy") too."""
    found = set()
    for hit in names.role_word.finditer(masked):  # only around role words: much faster on long texts
        window = masked[max(0, hit.start() - 130):hit.end() + 90]
        found |= {(m.group("role"), m.group("name")) for pattern in names.role_patterns for m in pattern.finditer(window)}
    out: dict[str, set[str]] = {}
    for role_text, run in sorted(found):
        sp = _name_speaker(run, run, names)
        if sp is None or sp.kind != "person":
            continue
        role_text = re.sub(r"\s+", " ", role_text.lower())
        head = role_text.split(" of ")[0].split()[-1]
        for key in {role_text, head}:
            out.setdefault(key, set()).add(sp.name)
    return out


# People the text introduces as people, for "the person named nearest before": a full
# name with an appositive ("Jane Smith, the mayor," / "Jane Smith, who ..."), after an
# honorific ("Mr. Smith"), or before a past-tense verb ("Jane Smith opened").
_INTRODUCED = re.compile(
    r"\b([A-Z][a-z][\w'-]*\s+(?:[A-Z]\.\s+)?[A-Z][\w'-]+),\s+(?:a|an|the|who)\s"
    r"|\b(?:Mr|Mrs|Ms|Dr)\.?\s+([A-Z][\w'-]+)"
    r"|\b([A-Z][a-z][\w'-]*\s+[A-Z][\w'-]+)\s+(?:\w+ly\s+)?[a-z]+ed\b"
)


def _mask(body: str, spans: list[tuple[int, int]]) -> str:
    chars = list(body)
    for s, e in spans:
        chars[s:e] = _MASK * (e - s)
    return "".join(chars)


@dataclass
class _Event:
    pos: int
    paragraph_n: int
    speaker: _Speaker  # resolved
    is_quote: bool
    verb: str | None = None


def _analyse_article(article_id: str, outlet: str, body: str, sents: list, names: _Names):
    """The quotations of one article with their resolved speakers, and its unnamed sources.

    Reported-speech sentences ("Netanyahu said there could be ...") and quotations are
    read in order, so a pronoun or role is resolved against what came before it.
    """
    spans = quote_spans(body)
    masked = _mask(body, spans)
    roles = _role_map(masked, names)
    sent_rows = sents
    starts = [r.start_char for r in sent_rows]

    def sentence_at(pos: int):
        i = bisect.bisect_right(starts, pos) - 1
        return sent_rows[max(i, 0)]

    para_bounds = [(m.start(), m.end()) for m in PARAGRAPH_PATTERN.finditer(body)]

    # items in reading order: sentence events (reported speech) and quotations
    items: list[tuple[int, int, str, object]] = []
    for r in sent_rows:
        text = masked[r.start_char:r.end_char]
        att = _first_verb_attribution(text, r.start_char, names, sentence=text, allow_subject=True)
        if att is not None:
            items.append((att.pos, 1, "event", (r, att)))
    quotes = []
    for k, (s, e) in enumerate(spans):
        first, last = sentence_at(s), sentence_at(max(e - 1, s))
        prev_end = spans[k - 1][1] if k > 0 else -1
        next_start = spans[k + 1][0] if k + 1 < len(spans) else len(body)
        b_from = max(first.start_char, prev_end)
        a_to = min(last.end_char, next_start)
        text = body[s:e]
        inner = text[1:-1] if text.endswith('"') and len(text) > 1 else text[1:]
        n_words = len(inner.split())
        if n_words < MIN_QUOTE_WORDS and not re.search(r"[.,!?;:]$", inner.strip()):
            form = "term"
        elif re.match(r"^[(\[.\s]*[a-z]", inner):
            form = "partial"
        else:
            form = "full"
        q = dict(article_id=article_id, outlet=outlet, sentence_id=first.sentence_id, paragraph_n=first.paragraph_n,
                 quote_n=k + 1, start_char=s, end_char=e, quote=inner.strip(), n_words=n_words, form=form,
                 open_end=not text.endswith('"') or len(text) == 1)
        att = None
        if form != "term":
            frame = masked[first.start_char:last.end_char]
            att = _quote_attribution(masked[b_from:s], b_from, masked[e:a_to], e, frame, names)
        q["att"] = att
        quotes.append(q)
        items.append((s, 0, "quote", q))
    items.sort(key=lambda x: (x[0], x[1]))

    # person vocabulary for "nearest person named before"
    vocab = set(names.person_aliases)
    for people in roles.values():
        vocab |= people
    raw = [it[3][1].speaker if it[2] == "event" else (it[3]["att"].speaker if it[3]["att"] else None) for it in items]
    for sp in raw:
        if sp is not None and sp.kind == "person":
            vocab.add(sp.written if _NAME_FULL.fullmatch(sp.written or "") else sp.name)
            vocab.add(sp.name)
            vocab.add(sp.name.split()[-1])
    for m in _INTRODUCED.finditer(masked):
        run = next(g for g in m.groups() if g)
        sp = _name_speaker(run, run, names)
        if sp is not None and sp.kind == "person" and not _demonym_only(run.split()):
            vocab.add(run)
    vocab = {v for v in vocab if v}
    cache: dict[str, list[tuple[int, str]]] = {}

    def person_positions() -> list[tuple[int, str]]:
        """Where the article names a person (outside quotations); built when first needed."""
        if "found" not in cache:
            cache["found"] = []
            if vocab:
                alternation = "|".join(map(re.escape, sorted(vocab, key=len, reverse=True)))
                pattern = re.compile(rf"(?<![\w.])(?:{alternation})(?![\w])")
                cache["found"] = [(m.start(), m.group(0)) for m in pattern.finditer(masked)]
        return cache["found"]

    events: list[_Event] = []
    sources: list[dict] = []

    def resolve(sp: _Speaker, pos: int, para: int, sentence_id: str) -> _Speaker:
        sp = replace(sp)
        if sp.kind == "pronoun":
            kinds = ("organisation",) if sp.written.lower() == "they" else ("person", "anonymous")
            cands = [e for e in events if e.speaker.kind in kinds and e.paragraph_n >= para - 1 and e.pos < pos]
            if cands:
                ref = cands[-1].speaker
                return replace(ref, written=sp.written, resolution=f"{sp.written} \u2192 the speaker before")
            if sp.written.lower() != "they":
                before = [(p, n) for p, n in person_positions() if p < pos]
                if before:
                    person = _name_speaker(before[-1][1], before[-1][1], names)
                    if person is not None:
                        person.written = sp.written
                        person.resolution = f"{sp.written} \u2192 the person named nearest before"
                        return person
            return _Speaker("unknown", sp.written, resolution=f"{sp.written}: no one named before")
        if sp.kind == "role":
            people = roles.get(sp.role, set())
            canon = {names.canonical(p) for p in people}
            if len(canon) == 1:
                return _Speaker("person", sp.written, name=next(iter(people)),
                                resolution=f"{sp.written} \u2192 named with this role in the article")
            why = "named with this role more than once" if people else "no one named with this role"
            return _Speaker("unknown", sp.written, resolution=f"{sp.written}: {why}")
        if sp.kind == "backref":
            same = [src for src in sources if src["head"] == sp.role] or sources
            if same:
                src = same[-1]
                src["sentence_ids"].append(sentence_id)
                return _Speaker("anonymous", sp.written, description=src["description"], core=src["core"],
                                source_n=src["source_n"], resolution=f"{sp.written} \u2192 the unnamed source before")
            if sp.role in roles:
                return resolve(_Speaker("role", sp.written, role=sp.role), pos, para, sentence_id)
            return _Speaker("unknown", sp.written, resolution=f"{sp.written}: no unnamed source before")
        if sp.kind == "anonymous" and sp.source_n is None:
            head = re.search(rf"({_HEADS})s?$", sp.core, re.I)
            src = dict(source_n=len(sources) + 1, description=sp.description, core=sp.core,
                       head=head.group(1).lower() if head else "", sentence_id=sentence_id, sentence_ids=[sentence_id],
                       cues=[], n_quotes=0)
            sources.append(src)
            sp.source_n = src["source_n"]
        return sp

    for _pos, _order, kind, payload in items:
        if kind == "event":
            r, att = payload
            para = r.paragraph_n
            if any(e.pos == att.pos for e in events):
                continue
            sp = resolve(att.speaker, att.pos, para, r.sentence_id)
            if sp.kind in ("person", "anonymous", "organisation"):
                events.append(_Event(att.pos, para, sp, False, att.verb))
            continue
        q = payload
        if q["form"] == "term":
            q.update(speaker=None)
            continue
        para = q["paragraph_n"]
        att = q.pop("att")
        rule, verb, sp = None, None, None
        if att is not None:
            verb, rule = att.verb, att.rule
            same_event = [e for e in events if e.pos == att.pos]
            if same_event:  # the sentence's own attribution, already resolved
                sp = same_event[0].speaker
                same_event[0].is_quote = True
            else:
                sp = resolve(att.speaker, q["start_char"], para, q["sentence_id"])
                if sp.kind != "unknown":
                    events.append(_Event(att.pos, para, sp, True, att.verb))
        else:
            earlier = [e for e in events if e.pos < q["start_char"]]
            prev_q = quotes[q["quote_n"] - 2] if q["quote_n"] > 1 else None
            para_start = any(ps == q["start_char"] for ps, _ in para_bounds)
            in_para = [e for e in earlier if e.paragraph_n == para]
            if in_para:
                ev = in_para[-1]
                sp, verb = ev.speaker, ev.verb
                rule = "continues the quote before" if ev.is_quote else "after an attribution in the same paragraph"
            elif para_start and prev_q is not None and prev_q["open_end"] and prev_q.get("_speaker") is not None:
                sp, verb = prev_q["_speaker"], prev_q.get("verb")
                rule = "continues the quote from the paragraph before"
            elif para_start:
                prev_para = [e for e in earlier if e.paragraph_n == para - 1]
                if prev_para:
                    sp, verb = prev_para[-1].speaker, prev_para[-1].verb
                    rule = "opens the paragraph after an attribution"
            if sp is not None:
                events.append(_Event(q["start_char"], para, sp, True, verb))
        q["_speaker"] = sp
        q["verb"] = verb
        q["rule"] = rule if sp is not None and sp.kind != "unknown" else (rule or UNATTRIBUTED)
        if sp is not None and sp.kind == "anonymous" and sp.source_n is not None:
            src = sources[sp.source_n - 1]
            src["n_quotes"] += 1
            if q["sentence_id"] not in src["sentence_ids"]:
                src["sentence_ids"].append(q["sentence_id"])
    # a quotation left open at a paragraph's end takes the speaker of the paragraph
    # that continues it ('"... talks.' / '"It is over," Smith said.'), read backwards
    for prev, nxt in reversed(list(zip(quotes, quotes[1:]))):
        if (prev["form"] != "term" and prev["open_end"] and prev.get("_speaker") is None
                and nxt.get("_speaker") is not None and any(ps == nxt["start_char"] for ps, _ in para_bounds)):
            prev["_speaker"], prev["verb"] = nxt["_speaker"], nxt.get("verb")
            prev["rule"] = "runs on into the next paragraph's quote"
    # anonymity cues attach to the source named in (or referred back to by) their sentence
    for r in sent_rows:
        text = masked[r.start_char:r.end_char]
        cue = _CUES.search(text)
        if not cue:
            continue
        src = next((s for s in sources if r.sentence_id in s["sentence_ids"]), None)
        if src is None and sources and _BACKREF_ANYWHERE.search(text):
            src = sources[-1]
            src["sentence_ids"].append(r.sentence_id)
        if src is None:
            m = _ANON_ANYWHERE.search(text)
            if m is None:
                continue
            core = re.sub(r"\s+", " ", m.group("core"))
            src = dict(source_n=len(sources) + 1, description=m.group(0), core=core, head="",
                       sentence_id=r.sentence_id, sentence_ids=[r.sentence_id], cues=[], n_quotes=0)
            sources.append(src)
        phrase = cue.group(0)
        if phrase.lower() not in {c.lower() for c in src["cues"]}:
            src["cues"].append(phrase)
    return quotes, sources


def _empty(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("paragraph_n", "quote_n", "start_char", "end_char",
                                                                  "n_words", "source_n", "n_attributions", "n_quotes")
                                      else "str") for c in columns})


def _run(sentences: pd.DataFrame, articles: pd.DataFrame, actors: pd.DataFrame | None):
    for col in ("article_id", "sentence_id", "paragraph_n", "start_char", "end_char"):
        if col not in sentences.columns:
            raise KeyError(f"sentences needs the column {col} (use helpers.text.split_sentences)")
    for col in ("article_id", "outlet", "body"):
        if col not in articles.columns:
            raise KeyError(f"articles needs the column {col} (use helpers.corpus.load_corpus)")
    names = _Names(actors)
    ordered = sentences.sort_values(["article_id", "start_char"], kind="stable")
    by_article: dict[str, list] = {}
    for row in ordered[["article_id", "sentence_id", "paragraph_n", "start_char", "end_char"]].itertuples(index=False):
        by_article.setdefault(str(row.article_id), []).append(row)
    all_quotes, all_sources = [], []
    for art in articles[["article_id", "outlet", "body"]].itertuples(index=False):
        body = art.body if isinstance(art.body, str) else ""
        sents = by_article.get(str(art.article_id))
        if not body or not sents:
            continue
        quotes, sources = _analyse_article(str(art.article_id), art.outlet, body, sents, names)
        all_quotes.extend(quotes)
        for src in sources:
            src.update(article_id=str(art.article_id), outlet=art.outlet)
        all_sources.extend(sources)
    return all_quotes, all_sources, names


def _full_names(surname: str, body: str) -> list[tuple[int, str]]:
    """Every "Given Surname" in a body, with its offset: the full names a surname may stand for."""
    found = []
    for m in re.finditer(rf"\b([A-Z][a-z][\w'-]*)\s+{re.escape(surname)}\b", body):
        given = m.group(1)
        if (given.lower() in TITLE_WORDS or given in DEMONYMS or given.lower() in ORG_WORDS
                or given.lower() in _FUNCTION_WORDS or given in ("The", "A", "An", "But", "And", "Said")):
            continue
        found.append((m.start(), f"{given} {surname}"))
    return found


def _normalise_people(quotes: list[dict], bodies: dict[str, str], names: _Names) -> dict[int, str]:
    """quote_n index -> the speaker's normalised name, for quotations by a named person.

    The actors table first; else a surname becomes the full name the article gives for
    it (the nearest before the quotation if it names two people with that surname);
    else the one full name the corpus gives for it; else it stays a surname.
    """
    out: dict[int, str] = {}
    full_by_surname: dict[str, set[str]] = {}
    pending = []
    for i, q in enumerate(quotes):
        sp = q.get("_speaker")
        if sp is None or sp.kind != "person":
            continue
        canon = names.canonical(sp.name)
        if names.is_actor(canon):
            out[i] = canon
            full_by_surname.setdefault(canon.split()[-1], set()).add(canon)
            continue
        bare = strip_titles(canon) or canon
        if len(bare.split()) == 1:
            fulls = _full_names(bare, bodies.get(q["article_id"], ""))
            before = [name for pos, name in fulls if pos < q["start_char"]]
            candidates = {name for _, name in fulls}
            if len(candidates) == 1 or before:
                bare = before[-1] if before else candidates.pop()
                actor = names.canonical(bare)
                bare = actor if names.is_actor(actor) else bare
        if len(bare.split()) > 1:
            full_by_surname.setdefault(bare.split()[-1], set()).add(bare)
        pending.append((i, bare))
    for i, bare in pending:
        if len(bare.split()) == 1 and len(full_by_surname.get(bare, ())) == 1:
            bare = next(iter(full_by_surname[bare]))
        out[i] = bare
    return out


def extract_quotes(sentences: pd.DataFrame, articles: pd.DataFrame, actors: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every direct quotation with its speaker, one row per quotation.

    Quotations come from ``quote_spans`` on each cleaned body (curly quotes are already
    straight; a quotation that runs over paragraphs is one row per paragraph; partial
    quotations inside a sentence count). Attribution follows the patterns in this
    module's docstring. Quoted terms (fewer than ``MIN_QUOTE_WORDS`` words, no
    punctuation inside the marks: 'a "framework" agreement') are listed with form
    "term" and no speaker; they are not quotations.

    Parameters
    ----------
    sentences
        ``helpers.text.split_sentences(articles)``. Not modified.
    articles
        ``load_corpus(...).articles`` (``article_id``, ``outlet``, ``body``). Not modified.
    actors
        ``helpers.actors.load_actors(corpus_dir)``, or None / empty: then names are
        normalised by surname alone and no speaker has a side.

    Returns
    -------
    DataFrame
        One row per quotation, in article and reading order:

        - ``article_id``, ``outlet``; ``sentence_id`` and ``paragraph_n`` of the
          sentence the quotation starts in; ``quote_n`` (1-based in the article).
        - ``start_char``, ``end_char``: the span in the body, quote marks included.
        - ``quote``: the words inside the marks; ``n_words`` (whitespace words).
        - ``form``: "full" (a quoted sentence or more), "partial" (starts lower-case,
          inside the narration's sentence) or "term" (not a quotation, see above).
        - ``speaker``: the normalised name (actors-table name, else full name); for
          an anonymous source its description's core plus "(anonymous)"; empty when
          unattributed.
        - ``speaker_kind``: "named person", "anonymous source", "organisation" (an
          institution, or a group without names: "officials", "the police") or
          "unknown" (unattributed, or a pronoun/role that could not be resolved);
          empty for terms.
        - ``affiliation``: the speaker's side from the actors table ("no side listed"
          when the table does not give one; "unattributed" for unknown speakers).
        - ``verb``: the attribution verb ("said", "told", "according to" ...).
        - ``speaker_as_written``: "he", "the prime minister", "Toner" ...
        - ``speaker_description``: the phrase that describes the speaker
          ("An Israeli official, who asked not to be identified").
        - ``rule``: the pattern that attributed the quotation, or "unattributed".
        - ``resolution``: how a pronoun, role or "the official" was resolved.
    """
    quotes, _, names = _run(sentences, articles, actors)
    return _quotes_frame(quotes, articles, names)


def _quotes_frame(quotes: list[dict], articles: pd.DataFrame, names: _Names) -> pd.DataFrame:
    if not quotes:
        return _empty(QUOTE_COLUMNS)
    bodies = dict(zip(articles["article_id"].astype(str), articles["body"]))
    people = _normalise_people(quotes, bodies, names)
    rows = []
    for i, q in enumerate(quotes):
        sp = q.get("_speaker")
        row = {k: q.get(k) for k in QUOTE_COLUMNS}
        if q["form"] == "term":
            row.update(speaker=None, speaker_kind=None, affiliation=None, verb=None, rule="quoted term, not a quotation")
        elif sp is None or sp.kind == "unknown":
            row.update(speaker=None, speaker_kind=KIND_UNKNOWN, affiliation=UNATTRIBUTED,
                       speaker_as_written=sp.written if sp else None, rule=q.get("rule") or UNATTRIBUTED,
                       resolution=sp.resolution if sp else None)
            if sp is not None:
                row["rule"] = f"{q.get('rule')} (speaker not resolved)"
        else:
            if sp.kind == "person":
                name = people.get(i, sp.name)
                kind = KIND_PERSON
                side = names.actor_side.get(name)
            elif sp.kind == "organisation":
                name = names.canonical(sp.name)
                kind = KIND_ORGANISATION
                side = names.actor_side.get(name) or names.side_of_text(sp.name)
            else:
                name = f"{sp.core} (anonymous)"
                kind = KIND_ANONYMOUS
                side = names.side_of_text(sp.description or sp.core or "")
            row.update(speaker=name, speaker_kind=kind, affiliation=side or NO_AFFILIATION,
                       speaker_as_written=sp.written, speaker_description=sp.description,
                       resolution=sp.resolution or None)
        rows.append(row)
    out = pd.DataFrame(rows, columns=QUOTE_COLUMNS)
    for col in ("paragraph_n", "quote_n", "start_char", "end_char", "n_words"):
        out[col] = out[col].astype("int64")
    return out


def anonymous_sources(sentences: pd.DataFrame, articles: pd.DataFrame, actors: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every unnamed source an article cites, one row per source.

    A source is an indefinite noun phrase with a source noun ("an Israeli official",
    "a senior US official", "An Israeli source familiar with ...", "two diplomats")
    that says something (a speech verb, "according to", or a quotation attributed to
    it), or that a sentence with an anonymity cue ("on condition of anonymity", "asked
    not to be identified") names. "The official" later in the article is the same
    source (one more attribution, not a new source). Plural groups without a
    determiner ("Israeli officials say") are not counted: they are an institution's
    voice, not a hidden person.

    Parameters
    ----------
    sentences, articles, actors
        As for ``extract_quotes``.

    Returns
    -------
    DataFrame
        ``article_id, outlet, sentence_id`` (where the source is introduced),
        ``source_n`` (1-based in the article), ``source`` ("Israeli official
        (anonymous)", as in the quotations table), ``description`` (the phrase with
        its appositive), ``cue`` (anonymity wording found, "; "-joined, empty if the
        article gives none), ``affiliation`` (side from the actors table via the
        description, "no side listed" otherwise), ``n_attributions`` (sentences citing
        it), ``n_quotes`` (direct quotations attributed to it), ``sentence_ids``
        ("; "-joined).
    """
    _, sources, names = _run(sentences, articles, actors)
    return _sources_frame(sources, names)


def _sources_frame(sources: list[dict], names: _Names) -> pd.DataFrame:
    if not sources:
        return _empty(SOURCE_COLUMNS)
    rows = []
    for src in sources:
        ids = list(dict.fromkeys(src["sentence_ids"]))
        rows.append(dict(
            article_id=src["article_id"], outlet=src["outlet"], sentence_id=src["sentence_id"],
            source_n=src["source_n"], source=f"{src['core']} (anonymous)", description=src["description"],
            cue="; ".join(src["cues"]) or None,
            affiliation=names.side_of_text(src["description"] or "") or NO_AFFILIATION,
            n_attributions=len(ids), n_quotes=src["n_quotes"], sentence_ids="; ".join(ids),
        ))
    return pd.DataFrame(rows, columns=SOURCE_COLUMNS)


def _run_chunk(chunk: tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame | None]) -> tuple[list, list]:
    quotes, sources, _ = _run(*chunk)
    return quotes, sources


def _run_chunked(sentences: pd.DataFrame, articles: pd.DataFrame, actors: pd.DataFrame | None, *,
                 n_jobs: int | None, client) -> tuple[list, list, _Names]:
    """``_run`` over chunks of articles (in worker processes or on Dask); same result.

    Only reading each article is chunked; naming people across articles
    (``_normalise_people``) then runs here on all the quotations.
    """
    from . import parallel

    if dask_client(client) is None and (len(articles) < parallel.MIN_PARALLEL_ARTICLES or n_jobs == 1):
        return _run(sentences, articles, actors)
    if "article_id" not in sentences.columns or "article_id" not in articles.columns:
        return _run(sentences, articles, actors)  # which says what is missing
    ids = articles["article_id"].astype(str).tolist()
    rows_of = sentences.groupby(sentences["article_id"].astype(str), sort=False).indices  # article -> row positions
    none = np.empty(0, dtype=np.int64)
    chunks = []
    size = parallel.CHUNK_ARTICLES
    for start in range(0, len(articles), size):
        rows = np.sort(np.concatenate([rows_of.get(a, none) for a in ids[start:start + size]] or [none]))
        chunks.append((sentences.iloc[rows], articles.iloc[start:start + size], actors))
    results = map_chunks(_run_chunk, chunks, n_articles=len(articles), n_jobs=n_jobs, client=client,
                         desc="quotations")
    quotes = [q for part, _ in results for q in part]
    sources = [s for _, part in results for s in part]
    return quotes, sources, _Names(actors)


def quotes_and_sources(
    sentences: pd.DataFrame, articles: pd.DataFrame, actors: pd.DataFrame | None = None, *,
    n_jobs: int | None = None, client=None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(extract_quotes(...), anonymous_sources(...))`` from one reading of the corpus
    (each alone reads every article; this is half the time on a large corpus).

    On a corpus of ``helpers.parallel.MIN_PARALLEL_ARTICLES`` articles or more the
    articles are read in chunks on every core (``n_jobs``), or on a Dask cluster
    (``client``, see ``helpers.parallel``); the tables are the same.

    Returns
    -------
    tuple of DataFrame
        The quotations table and the unnamed-sources table, with the columns listed
        under ``extract_quotes`` and ``anonymous_sources``.
    """
    quotes, sources, names = _run_chunked(sentences, articles, actors, n_jobs=n_jobs, client=client)
    return _quotes_frame(quotes, articles, names), _sources_frame(sources, names)


# ---------------------------------------------------------------------------------------
# Summaries of the quotations table (the 01_sources notebook).

def _periods_by_outlet(periods: pd.DataFrame | None) -> dict[str, str]:
    if periods is None or periods.empty:
        return {}
    ordered = periods.sort_values(["period", "outlet"], kind="stable")
    return {o: "; ".join(dict.fromkeys(g["period_label"])) for o, g in ordered.groupby("outlet", sort=False)}


def speaker_counts(quotes: pd.DataFrame, periods: pd.DataFrame | None = None) -> pd.DataFrame:
    """Direct quotations per outlet and speaker (quoted terms left out).

    Unattributed quotations are one row per outlet with speaker "(unattributed)".

    Returns
    -------
    DataFrame
        ``outlet, periods, speaker, speaker_kind, affiliation, n_quotes, n_words``
        (quoted words), ``n_articles`` (articles of the outlet quoting the speaker);
        sorted by outlet, then most quotations first, then speaker.
    """
    counted = quotes[quotes["form"] != "term"].copy()
    cols = ["outlet", "periods", "speaker", "speaker_kind", "affiliation", "n_quotes", "n_words", "n_articles"]
    if counted.empty:
        return pd.DataFrame(columns=cols)
    counted["speaker"] = counted["speaker"].fillna("(unattributed)")
    out = counted.groupby(["outlet", "speaker", "speaker_kind", "affiliation"], dropna=False).agg(
        n_quotes=("quote_n", "size"), n_words=("n_words", "sum"), n_articles=("article_id", "nunique"),
    ).reset_index()
    out["periods"] = out["outlet"].map(_periods_by_outlet(periods))
    out = out.sort_values(["outlet", "n_quotes", "speaker"], ascending=[True, False, True], kind="stable")
    return out[cols].reset_index(drop=True)


def affiliation_shares(quotes: pd.DataFrame, periods: pd.DataFrame | None = None) -> pd.DataFrame:
    """Share of each outlet's quoted words by the speakers' side.

    Sides come from ``extract_quotes``' ``affiliation`` column ("no side listed" for
    speakers the actors table does not give a side, "unattributed" for unknown
    speakers). Words, not quotations, so one long quotation weighs more than a short one.

    Returns
    -------
    DataFrame
        ``outlet, periods, affiliation, n_quotes, n_words, pct_words`` (% of the outlet's
        quoted words; the outlet's rows sum to 100); sorted by outlet, then share.
    """
    counted = quotes[quotes["form"] != "term"]
    cols = ["outlet", "periods", "affiliation", "n_quotes", "n_words", "pct_words"]
    if counted.empty:
        return pd.DataFrame(columns=cols)
    out = counted.groupby(["outlet", "affiliation"]).agg(
        n_quotes=("quote_n", "size"), n_words=("n_words", "sum")).reset_index()
    out["pct_words"] = 100 * out["n_words"] / out.groupby("outlet")["n_words"].transform("sum")
    out["periods"] = out["outlet"].map(_periods_by_outlet(periods))
    out = out.sort_values(["outlet", "pct_words", "affiliation"], ascending=[True, False, True], kind="stable")
    return out[cols].reset_index(drop=True)


def attribution_summary(quotes: pd.DataFrame) -> pd.DataFrame:
    """How the quotations were attributed: one row per rule, with counts per outlet.

    Returns
    -------
    DataFrame
        ``rule``, one column per outlet (quotations attributed by that rule) and
        ``total``; quoted terms are a row of their own. Most used rule first.
    """
    if quotes.empty:
        return pd.DataFrame(columns=["rule", "total"])
    grid = pd.crosstab(quotes["rule"], quotes["outlet"])
    grid["total"] = grid.sum(axis=1)
    grid = grid.sort_values(["total"], ascending=False, kind="stable")
    grid.columns.name = None
    return grid.reset_index()


def quotes_table(quotes: pd.DataFrame, *, which: str = "quotations") -> pd.DataFrame:
    """The quotations as an editor reads them: ``sentence_id, outlet, speaker, kind,
    side, verb, quote, as written, rule``.

    ``which``: "quotations" (quoted terms left out), "unattributed" (speaker kind
    "unknown"), "terms" (only the quoted terms) or "all".
    """
    masks = {
        "quotations": quotes["form"] != "term",
        "unattributed": (quotes["form"] != "term") & (quotes["speaker_kind"] == KIND_UNKNOWN),
        "terms": quotes["form"] == "term",
        "all": pd.Series(True, index=quotes.index),
    }
    shown = quotes[masks[which]]
    shown = shown.assign(speaker=shown["speaker"].where(shown["form"] == "term", shown["speaker"].fillna("(unattributed)")))
    return shown[["sentence_id", "outlet", "speaker", "speaker_kind", "affiliation", "verb", "quote",
                  "speaker_as_written", "rule"]].rename(columns={
        "speaker_kind": "kind", "affiliation": "side", "speaker_as_written": "as written"}).reset_index(drop=True)
