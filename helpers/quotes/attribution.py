"""Which speaker and verb attribute a quotation, or a sentence of reported speech, within its sentence.

The patterns, in the order they are tried (see the package docstring for examples):
quote then speaker and verb; quote then verb and speaker; verb and speaker before the
quote; the first speech verb whose subject is a speaker; the sentence's subject;
"according to X".
"""

from __future__ import annotations

import re
from copy import copy
from dataclasses import dataclass, replace

from .patterns import (
    ACCORDING,
    AFTER_SV,
    AFTER_VS,
    ANON_NP,
    BEFORE_VS,
    CLAUSE_WORDS,
    DATELINE,
    INVERT_ALT,
    NAME_FULL,
    NAME_RUN,
    NOT_ABBREV_DOT,
    SPEAKER_COLON,
    TRAILING,
    VERB_SCAN,
    may_hold_clause,
    strip_dateline,
    trailing_start,
)
from .speakers import Names, Speaker, clean_np, name_speaker, parse_np, remembered
from .vocabulary import (
    INTRODUCTORY_WORDS,
    MAX_PHRASE_CHARS,
    RULE_ACCORDING_TO,
    RULE_SPEAKER_COLON,
    RULE_SPEAKER_VERB_AFTER,
    RULE_SPEAKER_VERB_BEFORE,
    RULE_SUBJECT,
    RULE_VERB_SPEAKER_AFTER,
    RULE_VERB_SPEAKER_BEFORE,
    SPEECH_NOUNS,
)

# The patterns below, compiled once (the functions that use them run on every sentence).
SPACES = re.compile(r"\s+")
AGE = re.compile(r"\d{1,3}")
CONCESSIVE = re.compile(r"^(?i:while|whereas|although|though)\s+")
COMMA_PHRASE = re.compile(r"^\s*,([^,]+),")
PHRASE_COMMA_NAME = re.compile(r"^(?P<np>[^,]{1,60}),\s+(?P<name>" + NAME_RUN + r")(?:,|\s+(?=[a-z]))")
ARTICLE_OPENING = re.compile(r"(?i:the|a|an)\s")
HE_SHE = re.compile(r"^(?:he|she)\b", re.I)
THE_PHRASE = re.compile(r"^the\s+(?:[\w.'-]+\s+){0,3}?[\w.'-]+(?=\s+[a-z])", re.I)
DESCRIBED_SUBJECT = re.compile(
    rf"^(?:{NAME_RUN}\s+)?(?P<desc>(?:[a-z][\w-]*\s+){{1,3}}(?:and\s+(?:[a-z][\w-]*\s+){{1,3}})?)"
    rf"(?P<name>{NAME_RUN})(?![\w'.-]|\s+[A-Z])"
)
ACCORDING_NP_END = re.compile(rf"[,;:!?]|{NOT_ABBREV_DOT}|\s(?:who|which|that|in|on|at)\s")
JOINED_VERB = re.compile(r"(?:\band|\bbut|\bthen|,)\s+(?:\w+ly\s+)?$")
RELATIVE_BEFORE = re.compile(r"\b(?:who|which|that)\s+$", re.I)
NP_END = re.compile(r",|\s(?:of(?!\s+[A-Z])|who|in|at|on|after|before|when|while|during|to|from|for)\s"
                    r"|\sand\s(?=[a-z])")
CLAUSE_END = re.compile(rf"[,;]|{NOT_ABBREV_DOT}")
ACCORDING_ANYWHERE = re.compile(ACCORDING, re.I)


def strip_trailing(text: str) -> str:
    prev = None
    while prev != text:
        prev = text
        start = trailing_start(text)  # the same as TRAILING.sub("", text), faster
        text = (text[:start] + TRAILING.sub("", text[start:])).rstrip()
    return text


def is_appositive(part: str) -> bool:
    first = part.split()[0] if part.split() else ""
    return (
        first.lower() in {"a", "an", "the", "who", "which", "whose", "one", "himself", "herself"} or first[:1].islower()
        or bool(AGE.fullmatch(part.strip()))  # an age: "John Smith, 45, said"
    )


def np_before(text: str, names: Names) -> Speaker | None:
    """The speaker that ends ``text`` (the text right before a speech verb), skipping
    appositives: "Yuval Steinitz, a Likud Cabinet minister," -> Yuval Steinitz. Only the last
    ``MAX_PHRASE_CHARS`` characters are read, once per text for ``names`` (``speaker_before``)."""
    tail = text[-MAX_PHRASE_CHARS:]
    return remembered(names, ("before", tail), speaker_before, tail, names)


def speaker_before(text: str, names: Names) -> Speaker | None:
    """``np_before``, read every time."""
    t = strip_trailing(text[-MAX_PHRASE_CHARS:].rstrip())
    if not t.strip():
        return None
    comma = t.endswith(",")
    parts = [p.strip() for p in t.rstrip(",").rsplit(",", 2)]  # the last two are read, and whether there are two
    if comma and len(parts) >= 2:
        last, prev = parts[-1], parts[-2]
        if last and (is_appositive(last) or title_appositive(last, names) or described_name(prev, last)):
            sp = parse_np(prev, names)
            if sp is not None:
                if sp.kind in ("anonymous", "person", "organisation"):
                    sp.description = f"{clean_np(prev)}, {last}"
                return sp
        if last and NAME_FULL.fullmatch(last):
            sp = parse_np(last, names)
            if sp is not None and sp.kind == "person":
                sp.description = f"{clean_np(prev)}, {last}"
                return sp
    sp = parse_np(CONCESSIVE.sub("", parts[-1]), names)  # ", while X said"
    clause = CLAUSE_SUBJECT.search(parts[-1]) if sp is None and may_hold_clause(parts[-1]) else None
    if clause:  # "Xinhua reported that President Xi Jinping called for": the clause's own subject
        sp = parse_np(clause.group("np"), names)
    return sp if sp is not None else np_at_end(t, names)


def described_name(name: str, part: str) -> bool:
    """A full name, then a description set off by commas that ends in a common noun ('Francis
    Ingham, PRCA chief executive, told'): the description is an appositive, whatever its
    capitals; the name is the speaker. So is one whose common noun is a post at a named body
    ('Richard Gallagher, European editor of Science, told')."""
    words = part.split()
    described = words[-1][:1].islower() or bool(POST_AT_BODY.search(part))
    return len(words) >= 2 and described and bool(NAME_FULL.fullmatch(name)) and len(name.split()) >= 2


# A post at a named body inside an appositive: 'editor of Science', 'professor at Leeds University'.
POST_AT_BODY = re.compile(r"\b[a-z][\w-]+\s+(?:of|at|for)\s+(?:the\s+)?[A-Z]")


# The subject of a clause inside the phrase before a verb ('reported that Chinese President Xi
# Jinping called for', 'what a government official described as').
CLAUSE_SUBJECT = re.compile(rf"(?:^|\s)(?i:{'|'.join(CLAUSE_WORDS)})\s+(?P<np>[^,]{{2,80}})$")


def title_appositive(part: str, names: Names) -> bool:
    """A capitalised title set off by commas after a name ('Balyan, Union Minister of State for
    Agriculture, told'): it has a role word and names no one itself."""
    if not names.role_word.search(part):
        return False
    sp = parse_np(part, names)
    return sp is None or sp.kind not in ("person", "anonymous")


# The phrase right before a verb when the words before it are not a speaker ('In August the
# minister gave a statement where he said', 'Asked if they were better the coach replied').
PRONOUN_AT_END = re.compile(r"(?<![\w'-])(?:he|she|they)$", re.I)
PRONOUN_TAIL = 6  # a match of it starts in a text's last five characters ("they", a final newline)
DEFINITE_AT_END = re.compile(r"(?<![\w'-])the\s+(?:[\w.'-]+\s+){0,3}?[\w.'-]+$", re.I)
DEFINITE_WORDS = 5  # the most words a match of it holds


def np_at_end(text: str, names: Names) -> Speaker | None:
    """A pronoun, or a definite phrase naming a role or an unnamed source ("the coach",
    "the official"), that ends ``text``: the subject of the verb that follows, whatever
    clause comes before it. Never a name here: "... by Mahmoud Abbas said" has no subject."""
    m = PRONOUN_AT_END.search(text, max(0, len(text) - PRONOUN_TAIL))  # the lookbehind still sees before it
    if m:
        return Speaker("pronoun", m.group(0))
    # a match is "the" and at most four more words, the text's last: it starts in the last five
    # (whitespace-separated; ``\s`` is what ``str.split`` splits at), so it is searched for only there
    head = text.rsplit(None, DEFINITE_WORDS)
    start = len(head[0]) if len(head) > DEFINITE_WORDS else 0  # a match holds "the": none in ASCII text without it
    m = None if text.isascii() and "the" not in text[start:].lower() else DEFINITE_AT_END.search(text, start)
    if m:
        sp = parse_np(m.group(0), names)
        if sp is not None and sp.kind in ("role", "backref", "orgref", "docref"):
            return sp
    return None


# A participle clause opening a sentence ("Reacting to the video, France's minister Jo Park told ..."):
# the subject comes after its comma. A name ending in -ing ("Fleming, the coach,") is followed by a comma.
PARTICIPLE_OPENING = re.compile(r"^[A-Z][a-z]+ing\s+[a-z]")


def sentence_subject(sentence: str, names: Names) -> Speaker | None:  # noqa: PLR0911 -- one early return per subject shape
    """The subject at the start of a sentence (or after an introductory clause)."""
    s = clean_np(strip_dateline(sentence[:MAX_PHRASE_CHARS]))
    words = s.split(None, 1)  # the first word (a whole split of a long sentence, twice, was a tenth of the time)
    first = words[0].lower().strip(",") if words else ""
    if "," in s[:120] and (first in INTRODUCTORY_WORDS or PARTICIPLE_OPENING.match(s)):  # the comma first: cheaper
        s = clean_np(s.split(",", 1)[1])
    m = ANON_NP.match(s)
    if m:
        rest = m.group("rest")
        desc = m.group(0)[: len(m.group(0)) - len(rest)]
        cue = COMMA_PHRASE.match(rest)
        if cue and is_appositive(cue.group(1).strip()):
            desc += "," + cue.group(1) + ""
        return Speaker("anonymous", desc.strip(), description=desc.strip(), core=SPACES.sub(" ", m.group("core")))
    # "The chief negotiator, Saeb Erekat," / "Union minister of state for environment, Ashwini Kumar Choubey,"
    m = PHRASE_COMMA_NAME.match(s)
    if (m and NAME_FULL.fullmatch(m.group("name"))
            and (ARTICLE_OPENING.match(m.group("np")) or names.role_word.search(m.group("np")))):
        sp = parse_np(m.group("name"), names)
        if sp is not None and sp.kind == "person":
            sp.description = f"{m.group('np')}, {m.group('name')}"
            return sp
    sp = described_subject(s, names)
    if sp is not None:
        return sp
    m = HE_SHE.match(s)
    if m:
        return Speaker("pronoun", m.group(0))
    m = THE_PHRASE.match(s)
    if m:
        sp = parse_np(m.group(0), names)
        if sp is not None and sp.kind in ("role", "backref"):
            return sp
    m = NAME_FULL.match(s)
    if m:
        run = m.group(0)
        after = s[m.end():]
        if after.startswith(", ") and is_appositive(after[2:]):
            pass
        elif after[:1] not in (" ", ""):
            return None
        return name_speaker(run, run, names)
    return None


def described_subject(s: str, names: Names) -> Speaker | None:
    """A sentence opening with a role before a name ("Bolton manager Owen Coyle was ...",
    "Union minister Piyush Goyal said", "Cisco president and chief executive Mr John
    Chambers"): the named person, not the club or place before the role."""
    m = DESCRIBED_SUBJECT.match(s)
    if m is None or not names.role_word.search(m.group("desc")):
        return None
    sp = parse_np(m.group("name"), names)
    if sp is None or sp.kind != "person":
        return None
    sp.description = m.group(0)
    return sp


@dataclass
class Attribution:
    speaker: Speaker
    verb: str
    rule: str
    pos: int  # offset in the body of the verb (for ordering events)


def verb_word(match: re.Match) -> str:
    """A speech verb as the table writes it: lower case, one space; "as per" is "according to"."""
    word = SPACES.sub(" ", match.group(0).lower())
    return "according to" if word == "as per" else word


def subject_of(sentence: str, names: Names, subjects: dict | None) -> Speaker | None:
    """``sentence_subject``, read once per sentence text when ``subjects`` (a dict the caller
    keeps for one article) is given: a repeat gets a copy, so no caller changes another's speaker."""
    if subjects is None:
        return sentence_subject(sentence, names)
    if sentence not in subjects:
        subjects[sentence] = sentence_subject(sentence, names)
        return subjects[sentence]
    sp = subjects[sentence]
    return None if sp is None else copy(sp)


def first_verb_attribution(text: str, offset: int, names: Names, *, sentence: str, allow_subject: bool,
                           subjects: dict | None = None, verbs: list | None = None):
    """Speaker + verb in ``text`` (narration before a quotation, or a whole sentence):
    the first speech verb whose subject is a speaker; else the sentence subject; else
    "according to X" (``subjects``: see ``subject_of``; ``verbs``: ``VERB_SCAN``'s matches in
    ``text`` when the caller found them already)."""
    verbs = list(VERB_SCAN.finditer(text)) if verbs is None else verbs
    according = None
    for i, v in enumerate(verbs):
        verb = verb_word(v)
        closing = inverted_clause(text, v.start(), names)
        if closing is not None:  # '..., said minister Jo Park.': the clause that ends the sentence
            return Attribution(closing, verb, RULE_VERB_SPEAKER_AFTER, offset + v.start())
        if verb == "according to":
            if according is None:
                np_text = ACCORDING_NP_END.split(text[v.end():], maxsplit=1)[0]
                sp = according_to_speaker(np_text, names)
                if sp is not None:
                    according = Attribution(sp, "according to", RULE_ACCORDING_TO, offset + v.start())
            continue
        sp = np_before(text[: v.start()], names)
        if sp is not None:
            # a later verb of the same subject ("and said") introduces the quotation:
            # "Erekat confirmed that ... and said Abbas was "making ...": the verb is "said"
            for later in verbs[i + 1:]:
                word = verb_word(later)
                joined = JOINED_VERB.search(text[: later.start()])
                if word == "according to" or not joined:
                    break
                verb = word
            return Attribution(sp, verb, RULE_SPEAKER_VERB_BEFORE, offset + v.start())
    if verbs and allow_subject and any(verb_word(v) != "according to" for v in verbs):
        sp = subject_of(sentence, names, subjects)
        if sp is not None:
            # the speech verb nearest the quotation, outside relative clauses ("who asked not to be named")
            main = [v for v in verbs if verb_word(v) != "according to"
                    and not RELATIVE_BEFORE.search(text[: v.start()])]
            v = main[-1] if main else verbs[-1]
            return Attribution(sp, v.group(0).lower(), RULE_SUBJECT, offset + v.start())
    return according


def inverted_clause(text: str, at: int, names: Names) -> Speaker | None:
    """The speaker of an inverted verb after a comma that closes the sentence ('The ministry will
    issue statements, said minister Jo Park.', '..., said the report, which ...'): reported
    speech put before its speaker. Only when the speaker phrase ends the sentence or takes an
    appositive, so 'said Jones lied' is never read."""
    if not text[max(0, at - 8):at].rstrip().endswith(","):
        return None
    m = AFTER_VS.match(text[at:])
    if m is None or not INVERTED_WORD.match(text[at:]):
        return None
    following = text[at + m.start("np") + len(cut_after_np(m.group("np"))):].lstrip()
    if following[:1] not in ("", ".", ","):  # the phrase ends the sentence or takes an appositive
        return None
    sp = inverted_speaker(m.group("np"), names)
    return sp if sp is not None and sp.kind in ("person", "anonymous", "role", "backref", "docref") else None


INVERTED_WORD = re.compile(rf"(?i:{INVERT_ALT})\b")


# "according to a news release from Mayor Jo Park": the speaker is the document's author.
DOCUMENT_FROM = re.compile(r"^(?:an?|the|his|her|their|its)\s+[^,]{0,40}?\s(?:from|by|of)\s+(?P<np>.+)$", re.I)


def according_to_speaker(np_text: str, names: Names) -> Speaker | None:
    """The speaker "according to" names: the phrase itself, or the person or organisation a
    statement, release or report comes from ("a news release from the Mayor Jo Park")."""
    sp = parse_np(np_text, names)
    if sp is not None:
        return sp
    m = DOCUMENT_FROM.match(clean_np(np_text))
    if m:
        sp = parse_np(m.group("np"), names)
        if sp is not None and sp.kind in ("person", "organisation", "role"):
            return sp
    return None


def cut_after_np(text: str) -> str:
    """The speaker phrase after an inverted verb: up to a comma, "of/who/in ..." or "and" before
    a verb ('said Scholz and also addressed'), but "of" before a capital stays inside an
    organisation's name ("Arizona Department of Public Safety spokesman Bart Graves")."""
    text = NP_END.split(text, maxsplit=1)[0]
    return text.strip()


# 'said a 51-year-old bystander, Alexandre.': a description, then the speaker's name.
# Without an article the description ends in a common noun ('said Italian parliamentarian, Massimo Polledri,').
DESCRIBED_NAME = re.compile(
    rf"^(?:(?:an?|the)\s+[^,]{{1,60}}|[^,]{{0,60}}\b[a-z][\w-]*),\s+(?P<name>{NAME_RUN})\s*(?:[,.;]|$)"
)
# '," BBC News quoted Kathrin Altwegg, a professor ...': the quoted person is the object.
QUOTED_OBJECT = re.compile(r"^[\s,\u2014\u2013-]*[^\"#.;:!?]{0,80}?\bquoted\s+(?P<np>[^\"#,;:!?]{1,80})")


def inverted_speaker(raw: str, names: Names) -> Speaker | None:
    """The speaker after an inverted verb ('," said Raj Patel', '," said a diplomat who ...',
    '," said a bystander, Alexandre')."""
    m = DESCRIBED_NAME.match(raw.strip())
    if m and NAME_FULL.fullmatch(m.group("name")):
        sp = parse_np(m.group("name"), names)
        if sp is not None and sp.kind == "person":
            sp.description = raw.strip().rstrip(".,;")
            return sp
    np_text = strip_trailing(cut_after_np(raw))  # '," editorialized the People's Daily last year'
    if np_text.lower().startswith(("a ", "an ")):  # keep "a diplomat who spoke on condition of anonymity"
        np_text = CLAUSE_END.split(raw, maxsplit=1)[0].strip()  # "a senior U.S. official"
    return parse_np(np_text, names)


# '"...," while Sgt. Mark Francis tweeted "..."': a clause after the quotation that opens with
# one of these has its own speaker, not the quotation's.
NEW_CLAUSE = re.compile(r"^\s*(?:while|whereas|although|though|but|and)\s", re.I)


def after_attribution(after: str, after_at: int, names: Names) -> Attribution | None:
    """The attribution right after a quotation: '," Kerry said', '," BBC News quoted Jo Park',
    '," said Raj Patel'."""
    m = AFTER_SV.match(after)
    if m and not NEW_CLAUSE.match(m.group("np")) and not INVERTED_WORD.match(m.group("np").lstrip(" ,")):
        np_text = m.group("np")
        # '," Gomez, a spokeswoman for the ministry, said' / '," John Smith, 45, said'
        sp = (parse_np(np_text, names) or (np_before(np_text.rstrip() + ",", names) if "," in np_text else None)
              or affiliated_name(np_text, names))
        if sp is not None:
            return Attribution(sp, m.group("verb").lower(), RULE_SPEAKER_VERB_AFTER, after_at + m.start("verb"))
    m = QUOTED_OBJECT.match(after)
    if m:
        sp = parse_np(cut_after_np(m.group("np")), names)
        if sp is not None and sp.kind == "person":
            return Attribution(sp, "quoted", RULE_SPEAKER_VERB_AFTER, after_at + m.start("np"))
    m = AFTER_VS.match(after)
    if m:
        sp = inverted_speaker(m.group("np"), names)
        if sp is not None:
            return Attribution(sp, m.group("verb").lower(), RULE_VERB_SPEAKER_AFTER, after_at + m.start("verb"))
    return None


# '," Jo Park of the National Museum in Madrid told': a full name, then where the person is from.
AFFILIATED = re.compile(rf"^\s*(?P<name>{NAME_RUN})\s+(?:of|from|at)\s+(?:the\s+)?[A-Z]")


def affiliated_name(np_text: str, names: Names) -> Speaker | None:
    """The person a phrase names before an affiliation ('Jo Park of the National Museum in Madrid',
    'Ann Lee from the University of Leeds'): only a full name of two words or more."""
    m = AFFILIATED.match(np_text)
    if m is None or len(m.group("name").split()) < 2 or not NAME_FULL.fullmatch(m.group("name")):
        return None
    sp = parse_np(m.group("name"), names)
    return sp if sp is not None and sp.kind == "person" else None


def quote_attribution(before: str, before_at: int, after: str, after_at: int, sentence: str,
                      names: Names, *, rest: str | None = None) -> Attribution | None:
    """The attribution of one quotation, from the narration around it in its sentence (``rest``:
    the sentence after it, later quotations masked; ``after`` by default)."""
    att = after_attribution(after, after_at, names)
    if att is not None:
        return relayed_speaker(att, before, before_at, names, sentence) or att
    m = BEFORE_VS.search(before)
    if m:
        sp = parse_np(m.group("np"), names)
        if sp is not None:
            return Attribution(sp, m.group("verb").lower(), RULE_VERB_SPEAKER_BEFORE,
                               before_at + m.start("verb"))
    att = possessive_attribution(before, before_at, names) or first_verb_attribution(
        before, before_at, names, sentence=sentence, allow_subject=True)
    if att is not None:
        return att
    # later in the sentence: 'will be "at least equal" to ..., Economy Minister Luis de Guindos said'
    rest = after if rest is None else rest
    later = after if ACCORDING_ANYWHERE.search(after) else LATER_CLAUSE.split(rest, maxsplit=1)[0]
    att = first_verb_attribution(later, after_at, names, sentence=sentence, allow_subject=False)
    if att is not None:
        if att.verb == "according to":
            return relayed_speaker(att, before, before_at, names, sentence) or att
        return replace(att, rule=RULE_SPEAKER_VERB_AFTER)
    return colon_attribution(before, before_at, names)


# Verbs by which an outlet or a body passes on what someone else said ('," the Daily News tweeted').
RELAY_VERBS = frozenset({"according to", "tweeted", "posted", "reported"})


def relayed_speaker(att: Attribution, before: str, before_at: int, names: Names, sentence: str) -> Attribution | None:
    """The speaker a relayed quotation is from: 'Judge Jo Park said the case is "...," the Daily News
    tweeted' / 'Park said "...," according to police' are Park's words, passed on by whoever comes after
    the quotation (by "according to" anyone; by "tweeted" or "posted" an organisation). None when no speech
    verb with its speaker stands before the quotation in its sentence."""
    if att.verb not in RELAY_VERBS or (att.verb != "according to" and att.speaker.kind == "person"):
        return None
    own = first_verb_attribution(before, before_at, names, sentence=sentence, allow_subject=False)
    return own if own is not None and own.verb not in RELAY_VERBS and own.rule == RULE_SPEAKER_VERB_BEFORE else None


# Where a later clause with a speaker of its own may start ('"...", but Smith said'): the
# speaker later in a quotation's sentence is looked for only before it.
LATER_CLAUSE = re.compile(r";|\s(?i:but|while|whereas|although|though|because|when|after|before)\s")
# "<Name>'s comment that": the quotation right after is that person's words.
POSSESSIVE_SPEECH = re.compile(
    rf"(?P<np>{NAME_RUN})['\u2019]s\s+(?i:{'|'.join(sorted(SPEECH_NOUNS, key=len, reverse=True))})"
    r"(?:\s+(?:that|of|about))?\s*[,:]?\s*$"
)


def possessive_attribution(before: str, before_at: int, names: Names) -> Attribution | None:
    """'condemned VHP leader Sadhvi Prachi's comment that "..."': the person whose comment,
    remarks or statement the quotation is (``SPEECH_NOUNS``)."""
    m = POSSESSIVE_SPEECH.search(before)
    if m is None:
        return None
    sp = parse_np(m.group("np"), names)
    if sp is None or sp.kind not in ("person", "organisation"):
        return None
    return Attribution(sp, "'s", RULE_SPEAKER_VERB_BEFORE, before_at + m.start("np"))


def colon_attribution(before: str, before_at: int, names: Names) -> Attribution | None:
    """A speaker with no verb, then a colon, opening the sentence: 'Burnley manager Sean
    Dyche: "..."'. Only a named person, a role or an unnamed source, never a place
    ('MUMBAI: "..."' is a dateline) or an organisation."""
    m = SPEAKER_COLON.search(before)
    if m is None:
        return None
    np_text = DATELINE.sub("", m.group("np"))
    sp = parse_np(np_text, names)
    if sp is None or sp.kind not in ("person", "role", "anonymous") or np_text.isupper():
        return None
    return Attribution(sp, ":", RULE_SPEAKER_COLON, before_at + m.start("np"))
