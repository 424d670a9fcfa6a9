"""The candidates for each quotation's speaker and their features, for a learned speaker chooser.

For each quotation the candidates are the capitalised names (``patterns.NAME_RUN``) outside
quotation marks in its paragraph and the two paragraphs before it, and the speaker the rules
chose (a resolved pronoun, role or unnamed source included). Each candidate gets a row of
features: distance to the quotation in words and sentences, before or after it, a speech verb
right after it (subject position: "Kerry said") or right before it ("said Kerry"), whether it
spoke the quotation before, how often the article names it, a title or role word before it,
an organisation or place word in it, and whether it is the rules' choice (with the rules' path
to it). ``validation.pages.speakers`` trains models on them and scores them in forward tests;
the chooser is not shipped in ``helpers`` (it did not carry over to unseen pages).
"""

from __future__ import annotations

import re

import numpy as np

from helpers.quotes import DEMONYMS, ORG_WORDS, TITLE_WORDS
from helpers.quotes.patterns import NAME_RUN, VERB

FEATURES = (
    "bias", "rule_choice", "before", "same_sentence", "sentences_away", "log_words_away",
    "same_paragraph", "paragraphs_back", "verb_after", "verb_before", "prev_speaker",
    "log_mentions", "title_before", "org_word", "place_word", "one_word", "first_in_sentence",
    "rule_is_person", "rule_none", "rule_in_sentence", "rule_carried", "rule_weak", "resolved_pronoun",
    "resolved_role",
)
# The rules' own path to their choice, set on the candidate they chose: within the sentence,
# carried from an earlier attribution, or a weak pattern; and how a pronoun or role was resolved.
RULE_PATHS = {
    "rule_in_sentence": r"^(?:quote, then|speaker and verb before|verb and speaker before|speaker and a colon)",
    "rule_carried": r"^(?:continues|opens the paragraph|after an attribution|before an attribution|runs on)",
    "rule_weak": r"^(?:subject of the sentence|according to)",
}
RESOLUTIONS = {
    "resolved_pronoun": r"→ the (?:speaker|subject|person named nearest) before",
    "resolved_role": r"named with this role",
}
NAME = re.compile(NAME_RUN)
SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
# Words that open a sentence capitalised but name no one.
NOT_NAMES = frozenset((
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "In", "On", "At", "But", "And", "For", "As",
    "If", "When", "After", "Before", "While", "This", "That", "These", "Those", "His", "Her", "Their", "Its",
    "Our", "There", "Here", "Some", "Many", "Most", "One", "Two", "Mr", "Mrs", "Ms", "Dr", "Monday",
    "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October", "November", "December",
))
ORG = {w.lower() for w in ORG_WORDS}
PLACES = {w.lower() for w in DEMONYMS}
TITLES = {w.lower() for w in TITLE_WORDS}


def same_person(a: str, b: str) -> bool:
    """One name is the other or a whole-word part of it ('Kerry' and 'John Kerry')."""
    a, b = f" {a.casefold()} ", f" {b.casefold()} "
    return a.strip() != "" and b.strip() != "" and (a in b or b in a)


def mentions(masked: str) -> list[tuple[int, int, str]]:
    """The capitalised names outside quotations: (start, end, name). A run is cut after a word
    ending in a full stop ('Lahore. He', 'Gov. Roy Cooper'); sentence-opening words and title
    words before the name are dropped ('Chancellor Angela Merkel' -> 'Angela Merkel')."""
    out = []
    for m in NAME.finditer(masked):
        pos = m.start()
        for piece in re.split(r"(?<=\.)\s+", m.group(0)):
            at = masked.index(piece, pos)
            pos = at + len(piece)
            words = piece.rstrip(".,").split()
            titled = [i for i, w in enumerate(words[:-1]) if w.lower().rstrip(".") in TITLES]
            words = words[titled[-1] + 1:] if titled else words
            while words and words[0] in NOT_NAMES:
                words = words[1:]
            if not words or (len(words) == 1 and words[0].isupper() and len(words[0]) <= 2):
                continue
            name = " ".join(words)
            end = at + len(piece.rstrip(".,"))
            out.append((end - len(name), end, name))
    return out


def _verb_near(masked: str, start: int, end: int) -> tuple[int, int]:
    after = masked[end:end + 100]
    before = masked[max(0, start - 30):start]
    verb_after = bool(re.match(r"^(?:,[^,]{0,60},)?\s+(?:\w+ly\s+)?" + VERB.pattern, after, re.I))
    verb_before = bool(re.search(VERB.pattern + r"\s*,?\s*(?:\w+\s+){0,3}$", before, re.I))
    return int(verb_after), int(verb_before)


def quote_candidates(body: str, masked: str, quote: dict, paragraphs: list[tuple[int, int]],
                     names: list[tuple[int, int, str]], counts: dict[str, int], previous: str | None) -> list[dict]:
    """The candidates for one quotation (``start_char``, ``end_char``, ``paragraph_n``, the rules'
    ``speaker`` and ``speaker_kind``), each a dict with ``name``, ``kind`` and ``x`` (``FEATURES``)."""
    q0, q1 = int(quote["start_char"]), int(quote["end_char"])
    k = next((i for i, (a, b) in enumerate(paragraphs) if a <= q0 <= b), len(paragraphs) - 1)
    lo = paragraphs[max(0, k - 2)][0]
    hi = paragraphs[k][1]
    rule = quote.get("speaker") if isinstance(quote.get("speaker"), str) and quote.get("speaker") else None
    found: dict[str, dict] = {}
    for start, end, name in names:
        if not lo <= start < hi or q0 <= start < q1:
            continue
        key = next((n for n in found if same_person(n, name)), name)
        x = _features(masked, quote, paragraphs, k, start, end, name, counts, previous, rule)
        if key not in found or x[FEATURES.index("log_words_away")] < found[key]["x"][FEATURES.index("log_words_away")]:
            found[key] = dict(name=max(key, name, key=len), kind="person", x=x)
    if rule is not None:
        key = next((n for n in found if same_person(n, rule)), None)
        if key is None:
            x = np.zeros(len(FEATURES))
            x[[FEATURES.index("bias"), FEATURES.index("rule_choice")]] = 1
            x[FEATURES.index("log_mentions")] = np.log1p(counts.get(rule, 0))
            x[FEATURES.index("prev_speaker")] = float(previous is not None and same_person(previous, rule))
            found[rule] = dict(name=rule, kind=quote.get("speaker_kind"), x=x)
        else:
            found[key]["name"], found[key]["kind"] = rule, quote.get("speaker_kind")
        chosen = found[key if key is not None else rule]["x"]
        for column, rx in (RULE_PATHS | RESOLUTIONS).items():
            text = str(quote.get("rule") if column in RULE_PATHS else quote.get("resolution"))
            chosen[FEATURES.index(column)] = float(bool(re.search(rx, text)))
    rule_person = float(quote.get("speaker_kind") == "person")
    for cand in found.values():
        cand["x"][FEATURES.index("rule_is_person")] = rule_person
        cand["x"][FEATURES.index("rule_none")] = float(rule is None)
    return list(found.values())


def _features(masked, quote, paragraphs, k, start, end, name, counts, previous, rule) -> np.ndarray:
    """One candidate's feature row (``FEATURES``)."""
    q0, q1 = int(quote["start_char"]), int(quote["end_char"])
    before = end <= q0
    gap = masked[end:q0] if before else masked[q1:start]
    para = next((i for i, (a, b) in enumerate(paragraphs) if a <= start < b + 1), k)
    sentences = len(SENTENCE_END.findall(gap))
    lead = masked[max(0, start - 40):start].split()
    sentence_start = masked[max(0, start - 3):start].strip() in ("", ".", "!", "?") or start == paragraphs[para][0]
    verb_after, verb_before = _verb_near(masked, start, end)
    words = name.lower().split()
    values = dict(
        bias=1.0, rule_choice=float(rule is not None and same_person(rule, name)), before=float(before),
        same_sentence=float(sentences == 0 and para == k), sentences_away=min(sentences, 6),
        log_words_away=np.log1p(len(gap.split())), same_paragraph=float(para == k),
        paragraphs_back=float(k - para), verb_after=verb_after, verb_before=verb_before,
        prev_speaker=float(previous is not None and same_person(previous, name)),
        log_mentions=np.log1p(sum(c for n, c in counts.items() if same_person(n, name))),
        title_before=float(bool(lead) and lead[-1].lower().strip(",.") in TITLES),
        org_word=float(any(w in ORG for w in words)), place_word=float(any(w in PLACES for w in words)),
        one_word=float(len(words) == 1), first_in_sentence=float(sentence_start),
    )
    return np.array([values.get(f, 0.0) for f in FEATURES])


def article_candidates(body: str, masked: str, quotes: list[dict],
                       paragraphs: list[tuple[int, int]]) -> list[list[dict]]:
    """The candidates of each quotation of one article, in the order of ``quotes``."""
    names = mentions(masked)
    counts: dict[str, int] = {}
    for _, _, name in names:
        counts[name] = counts.get(name, 0) + 1
    out, previous = [], None
    for quote in quotes:
        out.append(quote_candidates(body, masked, quote, paragraphs, names, counts, previous))
        speaker = quote.get("speaker")
        previous = speaker if isinstance(speaker, str) and speaker else previous
    return out
