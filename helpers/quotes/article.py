"""Reading one article: its quotations with their resolved speakers, and its unnamed sources.

``analyse_article`` runs the steps in order: find the quotations and their attributions
(``read_quotes``), the sentences of reported speech (``speech_events``), resolve both in
reading order (``attribute_in_order``), let a quotation left open run on into the next
paragraph's (``run_on``), and attach anonymity cues to the sources (``attach_cues``).
"""

from __future__ import annotations

import bisect
import re
from itertools import pairwise

from ..quote_spans import MAX_WRAPPED_LINES, PARAGRAPH_PATTERN, WRAPPED_LINE_END, closing_width, quote_spans
from .attribution import Attribution, first_verb_attribution, quote_attribution, subject_of
from .patterns import ANON_ANYWHERE, BACKREF_ANYWHERE, CUE_SCAN, CUE_WORDS, MASK, VERB_SCAN
from .resolution import Event, Resolver, new_source, person_vocabulary, place_like, role_map, window_starts
from .speakers import Names, Speaker, parse_np
from .vocabulary import (
    MIN_QUOTE_WORDS,
    RULE_AFTER_SUBJECT,
    RULE_CONTINUES,
    RULE_CONTINUES_PARAGRAPH,
    RULE_HEADING,
    RULE_LATER_IN_PARAGRAPH,
    RULE_OPENS_PARAGRAPH,
    RULE_RUNS_ON,
    RULE_SAME_PARAGRAPH,
    RULE_SUBJECT,
    UNATTRIBUTED,
)


def mask_quotes(body: str, spans: list[tuple[int, int]]) -> str:
    """``body`` with every quotation overwritten by ``MASK`` (same length, same offsets)."""
    if all(0 <= s <= e <= len(body) for s, e in spans) and all(a[1] <= b[0] for a, b in pairwise(spans)):
        parts, at = [], 0  # spans in order, none over another (as ``quote_spans`` gives them): joined in pieces
        for s, e in spans:
            parts += (body[at:s], MASK * (e - s))
            at = e
        return "".join(parts) + body[at:]
    chars = list(body)
    for s, e in spans:
        chars[s:e] = MASK * (e - s)
    return "".join(chars)


def quote_form(inner: str) -> str:
    """"term" (few words, with no punctuation of its own or opening lower-case), "partial"
    (starts lower-case) or "full"."""
    short = len(inner.split()) < MIN_QUOTE_WORDS
    if short and (not re.search(r"[.,!?;:]$", inner.strip()) or re.match(r"^[(\[\s]*[a-z]", inner)):
        return "term"  # a lower-case fragment ('"perfect,"', '"far advanced."'): American style puts the stop inside
    if re.match(r"^[(\[.\s]*[a-z]", inner):
        return "partial"
    return "full"


def wrapped_sentence(body: str, begin: int, end: int, sentence_at) -> tuple[int, int]:
    """Where a sentence broken over the lines of a hard-wrapped paragraph begins and ends: back past the
    line before while a line opens in lower case after one that stops mid-sentence ("Takeo Kawamura told
    a separate news" / "conference, ''I will"); on past the next line after one that stops mid-sentence
    ("... Press Secretary" / "Kazuo Kodama said."), past more only while they open in lower case;
    ``MAX_WRAPPED_LINES`` at most each way."""
    for _ in range(MAX_WRAPPED_LINES):
        if (begin < 3 or body[begin - 2:begin] != "\n\n" or not body[begin].islower()
                or not WRAPPED_LINE_END.search(body, 0, begin - 2)):
            break
        begin = min(begin, sentence_at(begin - 3).start_char)
    for n in range(MAX_WRAPPED_LINES):
        if (end + 2 >= len(body) or body[end:end + 2] != "\n\n" or not WRAPPED_LINE_END.search(body, 0, end)
                or (n and not body[end + 2].islower())):
            break
        end = max(end, sentence_at(end + 2).end_char)
    return begin, end


def read_quotes(article_id: str, outlet: str, body: str, masked: str, spans: list[tuple[int, int]],
                sents: list, names: Names) -> list[dict]:
    """One dict per quotation span, with its sentence, form and attribution (``att``, not yet resolved)."""
    starts = [r.start_char for r in sents]

    def sentence_at(pos: int):
        return sents[max(bisect.bisect_right(starts, pos) - 1, 0)]

    quotes = []
    for k, (s, e) in enumerate(spans):
        first, last = sentence_at(s), sentence_at(max(e - 1, s))
        begin, end = first.start_char, last.end_char
        if re.match(r"\s+[a-z]", body[e:e + 2]):  # '?" asked one driver': the splitter may end the sentence at '?"'
            end = max(end, sentence_at(e + 1).end_char)
        if "\n\n" in body[s:e]:  # a quotation over the lines of a hard-wrapped paragraph: so is its attribution
            begin, end = wrapped_sentence(body, begin, end, sentence_at)
        b_from = max(begin, spans[k - 1][1] if k > 0 else -1)
        a_to = min(end, spans[k + 1][0] if k + 1 < len(spans) else len(body))
        text = body[s:e]
        close = closing_width(text)
        inner = text[1:len(text) - close]
        form = quote_form(inner)
        q = dict(article_id=article_id, outlet=outlet, sentence_id=first.sentence_id, paragraph_n=first.paragraph_n,
                 quote_n=k + 1, start_char=s, end_char=e, n_words=len(inner.split()),
                 quote=inner.strip().replace("\n\n", " "),  # one line, though hard-wrapped
                 form=form, open_end=close == 0, sentence_end=last.end_char)
        att = None
        if form != "term":
            frame = masked[begin:last.end_char]
            att = quote_attribution(masked[b_from:s], b_from, masked[e:a_to], e, frame, names,
                                    rest=masked[e:end])
        q["att"] = att
        quotes.append(q)
    return quotes


def speech_events(masked: str, sents: list, names: Names, subjects: dict | None = None) -> list[tuple]:
    """The sentences of reported speech ("Netanyahu said there could be ..."): (sentence, attribution).
    ``subjects`` keeps each sentence's subject for ``action_subjects`` (``attribution.subject_of``)."""
    found = []
    # where a speech verb may start, found once in the body (``Scan.starts``): a sentence with none has no
    # verb, so no attribution; the others' verbs are found from there (``Scan.finditer_at``)
    low = VERB_SCAN.lowered(masked) if VERB_SCAN.openings is not None else None
    starts = VERB_SCAN.starts(low) if low is not None else None
    for r in sents:
        text = masked[r.start_char:r.end_char]
        verbs = None
        if starts is not None and 0 <= r.start_char <= r.end_char:
            here = window_starts(starts, low, r.start_char, r.end_char, VERB_SCAN)
            if not here:
                continue
            verbs = list(VERB_SCAN.finditer_at(text, here))
        att = first_verb_attribution(text, r.start_char, names, sentence=text, allow_subject=True, subjects=subjects,
                                     verbs=verbs)
        if att is not None:
            found.append((r, att))
    return found


def action_subjects(masked: str, sents: list, names: Names, subjects: dict | None = None) -> list[tuple]:
    """The sentences whose subject is a named person, whatever the verb ("Kerry could not
    force ...", "Jane Smith, the mayor, opened ..."): (sentence, speaker). A later "he" or
    "she" may refer to them; a quotation never inherits them as its speaker."""
    found = []
    for r in sents:
        text = masked[r.start_char:r.end_char].strip()
        if text.endswith(":") and len(text.split()) <= 4:  # a label ("Opening Statement:"), no subject
            continue
        sp = subject_of(text, names, subjects)
        if sp is not None and sp.kind in ("person", "pronoun") and sp.written.lower() != "they":
            found.append((r, sp))
    return found


def resolve_action(resolver: Resolver, r, sp) -> None:
    """Remember a sentence's subject when it is a full name the article never uses as a place
    ("in New York"), a name the article gives a person, or "he"/"she" resolved (a capitalised
    word opening a sentence, "Shares fell", is not taken for one)."""
    if sp.kind == "pronoun":  # "He was replying ...": the person "he" is, carried on
        sp = resolver.resolve(sp, r.start_char, r.paragraph_n, r.sentence_id)
    full_name = len(sp.name.split()) > 1 and not resolver.place_like(sp.name) if sp.kind == "person" else False
    if sp.kind == "person" and (sp.description or resolver.knows(sp.name) or full_name):
        resolver.events.append(Event(r.start_char, r.paragraph_n, sp, False, None, action=True))


def doubtful(resolver: Resolver, att: Attribution | None) -> bool:
    """A sentence's subject that is one capitalised word the article never names a person
    ("Shares in Research In Motion fell after it announced ..."): not taken for a speaker."""
    sp = att.speaker if att is not None else None
    return (att is not None and att.rule == RULE_SUBJECT and sp.kind == "person" and len(sp.name.split()) == 1
            and not resolver.knows(sp.name))


def resolve_event(resolver: Resolver, r, att: Attribution) -> None:
    """Resolve a sentence's speaker and remember it, unless a quotation already used this attribution."""
    if any(e.pos == att.pos and not e.action for e in resolver.events) or doubtful(resolver, att):
        return
    sp = resolver.resolve(att.speaker, att.pos, r.paragraph_n, r.sentence_id)
    if sp.kind in ("person", "anonymous", "organisation"):
        resolver.events.append(Event(att.pos, r.paragraph_n, sp, False, att.verb))


def inherit_speaker(resolver: Resolver, q: dict, quotes: list[dict], para_starts: set[int]):
    """(speaker, verb, rule) for a quotation with no attribution of its own: the attribution
    before it in its paragraph, the quotation it continues, or, when it opens its paragraph, the last
    attribution of the two paragraphs before (a narration paragraph may sit between a speaker's quotations)
    or the person the paragraph before is about; else the person a sentence before it in its paragraph is about."""
    para = q["paragraph_n"]
    earlier = [e for e in resolver.events if e.pos < q["start_char"] and not e.action]
    prev_q = quotes[q["quote_n"] - 2] if q["quote_n"] > 1 else None
    para_start = q["start_char"] in para_starts
    in_para = [e for e in earlier if e.paragraph_n == para]
    if in_para:
        ev = in_para[-1]
        return ev.speaker, ev.verb, RULE_CONTINUES if ev.is_quote else RULE_SAME_PARAGRAPH
    if para_start and prev_q is not None and prev_q["open_end"] and prev_q.get("_speaker") is not None:
        return prev_q["_speaker"], prev_q.get("verb"), RULE_CONTINUES_PARAGRAPH
    if para_start:
        prev_para = [e for e in earlier if e.paragraph_n >= para - 2]
        if prev_para:
            return prev_para[-1].speaker, prev_para[-1].verb, RULE_OPENS_PARAGRAPH
        # 'He also wanted the residents to know ...' / '"Please understand ..."': a paragraph that
        # opens with a quotation, after one whose sentences are about a person, is that person's
        about = [e for e in resolver.events if e.action and e.paragraph_n == para - 1 and e.pos < q["start_char"]]
        if about and not q["open_end"]:
            return about[-1].speaker, None, RULE_AFTER_SUBJECT
    # 'Council President Ana Vert closed the meeting ... keeping the process "clean and transparent."':
    # else a person who is the subject of a sentence before it in its paragraph
    here = [e for e in resolver.events if e.action and e.paragraph_n == para and e.pos < q["start_char"]]
    if here:
        return here[-1].speaker, None, RULE_AFTER_SUBJECT
    return None, None, None


def resolve_quote(resolver: Resolver, q: dict, quotes: list[dict], para_starts: set[int]) -> None:
    """Give a quotation its resolved speaker (``_speaker``), ``verb`` and ``rule``."""
    para = q["paragraph_n"]
    att = q.pop("att")
    if doubtful(resolver, att):
        att = None
    if att is not None:
        verb, rule = att.verb, att.rule
        same_event = [e for e in resolver.events if e.pos == att.pos and not e.action]
        if same_event:  # the sentence's own attribution, already resolved
            sp = same_event[0].speaker
            same_event[0].is_quote = True
        else:
            sp = resolver.resolve(att.speaker, q["start_char"], para, q["sentence_id"])
            if sp.kind != "unknown":
                resolver.events.append(Event(att.pos, para, sp, True, att.verb))
    else:
        sp, verb, rule = inherit_speaker(resolver, q, quotes, para_starts)
        if sp is not None:
            resolver.events.append(Event(q["start_char"], para, sp, True, verb))
    q["_speaker"] = sp
    q["verb"] = verb
    q["rule"] = rule if sp is not None and sp.kind != "unknown" else (rule or UNATTRIBUTED)
    if sp is not None and sp.kind == "anonymous" and sp.source_n is not None:
        src = resolver.sources[sp.source_n - 1]
        src["n_quotes"] += 1
        if q["sentence_id"] not in src["sentence_ids"]:
            src["sentence_ids"].append(q["sentence_id"])


def attribute_in_order(resolver: Resolver, quotes: list[dict], events: list[tuple], para_starts: set[int],
                       actions: tuple = ()) -> None:
    """Resolve quotations, reported-speech sentences and sentence subjects (``actions``)
    in reading order, so a pronoun or role is resolved against what came before it."""
    items = [(att.pos, 1, "event", (r, att)) for r, att in events]
    items += [(r.start_char, 1, "action", (r, sp)) for r, sp in actions]
    items += [(q["start_char"], 0, "quote", q) for q in quotes]
    items.sort(key=lambda x: (x[0], x[1]))
    for _pos, _order, kind, payload in items:
        if kind == "action":
            resolve_action(resolver, *payload)
        elif kind == "event":
            resolve_event(resolver, *payload)
        elif payload["form"] == "term":
            payload.update(speaker=None)
        else:
            resolve_quote(resolver, payload, quotes, para_starts)


def run_on(quotes: list[dict], para_starts: set[int]) -> None:
    """A quotation left open at a paragraph's end takes the speaker of the paragraph that
    continues it ('"... talks.' / '"It is over," Smith said.'), read backwards."""
    for prev, nxt in reversed(list(pairwise(quotes))):
        if (prev["form"] != "term" and prev["open_end"] and prev.get("_speaker") is None
                and nxt.get("_speaker") is not None and nxt["start_char"] in para_starts):
            prev["_speaker"], prev["verb"] = nxt["_speaker"], nxt.get("verb")
            prev["rule"] = RULE_RUNS_ON


def attributed_later(resolver: Resolver, quotes: list[dict]) -> None:
    """A quotation still without a speaker takes the first attribution in a later sentence of its
    paragraph ('"We lost our way." After the vote, Smith said the party "will rebuild."'): a
    paragraph is one speaker's more often than not. Never one later in its own sentence ('The mayor
    called it "a disgrace", but Sam Roe said ...': a new clause, a new subject)."""
    for q in quotes:
        if q["form"] == "term" or q.get("_speaker") is not None:
            continue
        later = [e for e in resolver.events
                 if not e.action and e.paragraph_n == q["paragraph_n"] and e.pos >= q["sentence_end"]]
        if later:
            q["_speaker"], q["verb"], q["rule"] = later[0].speaker, later[0].verb, RULE_LATER_IN_PARAGRAPH


def attach_cues(masked: str, sents: list, sources: list[dict]) -> None:
    """Anonymity cues attach to the source named in (or referred back to by) their
    sentence; a cue next to an unnamed source not yet counted ("two diplomats who asked
    not to be named") adds that source."""
    # the body lower-cased, unless a character outside ASCII matches an ASCII one with case ignored
    low = CUE_SCAN.lowered(masked) if CUE_WORDS is not None else None
    words = None if low is None else [w for w in CUE_WORDS if w in low]  # a sentence holds only what the body does
    if words == []:
        return  # no word every cue holds: no cue
    for r in sents:
        if words is not None and not any(low.find(w, r.start_char, r.end_char) >= 0 for w in words):
            continue  # none in the sentence (``find`` reads the slice as ``low[start:end]`` is): no cue
        text = masked[r.start_char:r.end_char]
        cue = next(CUE_SCAN.finditer(text), None)  # CUES.search, scanned faster
        if not cue:
            continue
        src = next((s for s in sources if r.sentence_id in s["sentence_ids"]), None)
        if src is None and sources and BACKREF_ANYWHERE.search(text):
            src = sources[-1]
            src["sentence_ids"].append(r.sentence_id)
        if src is None:
            m = ANON_ANYWHERE.search(text)
            if m is None:
                continue
            src = new_source(sources, description=m.group(0), core=re.sub(r"\s+", " ", m.group("core")),
                             head="", sentence_id=r.sentence_id)
        phrase = cue.group(0)
        if phrase.lower() not in {c.lower() for c in src["cues"]}:
            src["cues"].append(phrase)


def one_word_subject(att: Attribution) -> bool:
    """A sentence's subject that is one capitalised word, found with no speech verb next to it."""
    return att.rule == RULE_SUBJECT and att.speaker.kind == "person" and len(att.speaker.name.split()) == 1


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", text.casefold()).split())


def heading_positions(raw_text: str | None, body: str, subheads: str | None) -> list[tuple[int, str]]:
    """Where the cleaner's crossheads stood: (the body paragraph each one comes right before,
    counted from 0, its text), found by reading the raw page's lines in order against the body's
    paragraphs (case and punctuation folded). Empty without the raw page or its subheads."""
    if not raw_text or not subheads:
        return []
    wanted = {_fold(h) for h in subheads.split("\n")} - {""}
    paragraphs = [_fold(p)[:40] for p in body.split("\n\n")]
    found, k = [], 0
    for line in raw_text.splitlines():
        key = _fold(line)
        if not key:
            continue
        if k < len(paragraphs) and paragraphs[k] and paragraphs[k] in key:
            k += 1
        elif key in wanted:
            found.append((k, line.strip()))
    return found


def heading_person(heading: str, names: Names) -> str | None:
    """The person a heading names ("Arsene Wenger (Arsenal)", "Head Coach John Shulman"): a full
    name of two or three capitalised words closing a heading of at most ``HEADING_MAX_WORDS``; never
    a topic heading ("Opening Statement:", "On the final minute of play:")."""
    heading = heading.strip().strip("'\" ")
    if not heading or heading[-1] in ":?." or len(heading.split()) > HEADING_MAX_WORDS:
        return None
    sp = parse_np(heading, names)
    words = sp.name.split() if sp is not None and sp.kind == "person" and sp.name else []
    if 2 <= len(words) <= 3 and all(re.fullmatch(r"[A-Z][a-z]*(?:['-][A-Z]?[a-z]+|[A-Z][a-z]+)*", w) for w in words):
        return sp.name
    return None


HEADING_MAX_WORDS = 8


def heading_speakers(quotes: list[dict], body: str, headings: list[tuple[int, str]], names: Names) -> None:
    """Quotes pages ("What the managers said", "Postgame quotes"): a quotation opening its paragraph
    with no speaker of its own takes the person named by the heading above it ("Gary Megson (Bolton)"),
    past topic headings ("On the lineup:"), when every paragraph between the two opens with a quotation
    or is a topic line or question of at most twice ``HEADING_MAX_WORDS`` words."""
    if not headings:
        return
    starts = [m.start() for m in PARAGRAPH_PATTERN.finditer(body)]
    # a quotation, or a topic line or question between them ("On the lineup in the last minute:")
    quoted = [body[m.start()] in "\"'`" or (m.group(0)[-1] in ":?" and len(m.group(0).split()) <= HEADING_MAX_WORDS * 2)
              for m in PARAGRAPH_PATTERN.finditer(body)]
    for q in quotes:
        if q["form"] == "term" or q.get("_speaker") is not None or q["start_char"] not in starts:
            continue
        k = starts.index(q["start_char"])
        above = [(i, h) for i, h in headings if i <= k and h.strip()[-1:] not in (":", "?")]
        if not above or not all(quoted[above[-1][0]:k + 1]):
            continue
        name = heading_person(above[-1][1], names)
        if name is not None:
            q["_speaker"] = Speaker("person", above[-1][1], name=name, resolution="named by the heading above")
            q["verb"], q["rule"] = None, RULE_HEADING


def analyse_article(article_id: str, outlet: str, body: str, sents: list, names: Names,
                    headings: list[tuple[int, str]] = ()):
    """The quotations of one article with their resolved speakers, and its unnamed sources.

    ``sents`` are the article's sentence rows in body order; ``headings`` the crossheads the cleaner
    took out, with the body paragraph each stood before (``heading_positions``). Returns ``(quotes,
    sources)``: one dict per quotation (its resolved speaker under ``_speaker``) and per unnamed source.
    """
    spans = quote_spans(body)
    masked = mask_quotes(body, spans)
    roles = role_map(masked, names)
    # a quotation opening with typewriter marks ("``We ...''") starts one character in
    para_starts = {m.start() + (body[m.start():m.start() + 2] in ("``", "''"))
                   for m in PARAGRAPH_PATTERN.finditer(body)}
    quotes = read_quotes(article_id, outlet, body, masked, spans, sents, names)
    subjects: dict = {}  # a sentence's subject, read once for both steps
    events = speech_events(masked, sents, names, subjects)
    actions = action_subjects(masked, sents, names, subjects)
    # a one-word sentence subject ("Spotted by The Verge, ...", "Says the Press Gazette:") names
    # no one by being one: only a name the article uses otherwise makes it a person's
    speakers = [att.speaker for _, att in events if not one_word_subject(att)]
    speakers += [q["att"].speaker if q["att"] else None for q in quotes]
    # "Jane Smith, the mayor," introduces her; "Allan McManus took charge" too (a full name, not a place)
    speakers += [sp for _, sp in actions if sp.kind == "person" and (
        sp.description or (len(sp.name.split()) > 1 and not place_like(sp.name, masked)))]
    resolver = Resolver(masked, roles, person_vocabulary(masked, speakers, roles, names), names)
    attribute_in_order(resolver, quotes, events, para_starts, actions)
    run_on(quotes, para_starts)
    attributed_later(resolver, quotes)
    heading_speakers(quotes, body, list(headings), names)
    attach_cues(masked, sents, resolver.sources)
    return quotes, resolver.sources
