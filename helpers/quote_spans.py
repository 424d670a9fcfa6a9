"""Where the direct quotations are in a cleaned body: character spans between double quotes
(or, in a paragraph with none, single ones: British style).

The text layer's view of quotation: ``helpers.text`` marks sentences in quotes with it,
and the analyses (quotes, sentiment, profiles) start from the same spans.
"""

from __future__ import annotations

import re

from .wordlists import read_word_list

# A paragraph: a run of characters without a line break, from its first to its last
# non-space character. Cleaned bodies separate paragraphs with one blank line
# ("\n\n"); a stray single line break would also end a paragraph here.
PARAGRAPH_PATTERN = re.compile(r"[^\s](?:[^\n]*[^\s])?")
QUOTE_MARK = '"'
# Two apostrophes close a quotation in some copy ('"It was a pleasure,'' he told Sky'):
# typed for a closing double quote. Only a closing mark, never an opening one.
DOUBLE_APOSTROPHE = "''"
# Verbs that follow their quotation ('," said Jane'): a mark with a space before it and one
# of these after it closes the quotation ('... an example "said Carolyn Porco'), it does not open one.
CLOSING_VERBS = frozenset(read_word_list("invertible_verbs"))
# An opening mark with no closing one in its paragraph still opens a quotation that runs to
# the paragraph's end when it opens the paragraph, follows a colon ('Goyal said: "In my
# opinion ...' with the closing mark lost) or a speech verb and a comma ('Balyan said, "I am
# ...', 'adding, "Because ...'): news copy puts a speaker's words after either.
SPEECH_VERBS = read_word_list("speech_verbs")
# So does one opening a new sentence after a closed quotation's attribution ('... said Jo Park,
# a professor. "Every project will benefit from this work.' with the closing mark lost).
OPEN_TO_END = re.compile(
    r"(?:^|:|(?<![\w'-])(?i:" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + r"),|[.!?])\s*$"
)
# British-style quotations in single quotes, read only in a paragraph without double quotes:
# an opening mark at the paragraph's start or after a space, colon or bracket, before a
# letter or digit; a closing mark after sentence punctuation (",'" / ".'") or before a comma
# or full stop ("...Yatra', Baghel said.") or, after a letter other than "s", before a space
# ("... in Pistoia' near Florence"); never between two letters ("don't") nor after an "s"
# with a space next ("the players' kit"). Fewer than ``MIN_SINGLE_WORDS`` words inside a
# capitalised one is a name or title in quotes ('Jan Ashirwad Yatra'), not a quotation; one
# opening lower-case is a partial quotation ('to 'locate and arrest' the man': titles are
# capitalised) from ``MIN_PARTIAL_WORDS`` words. A quotation may open on an ellipsis ("'...running
# out of money,' Rowan finished") and close before a bracket ("('we prefer to say two and a half')").
SINGLE_MARK = "'"
SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s:(\[]))'(?=(?:\.\.\.|\u2026)?[A-Za-z0-9])")
SINGLE_CLOSE = re.compile(
    r"(?<=[.,!?])'(?![A-Za-z])|(?<=[A-Za-z0-9)])'(?=\)|[,.;:!?](?:\s|$))|(?<=[A-Za-rt-z0-9)])'(?=\s)"
)
MIN_SINGLE_WORDS = 4
MIN_PARTIAL_WORDS = 3  # helpers.quotes.MIN_QUOTE_WORDS: the shortest quotation that is not a term
# Typewriter double quotes of older wire copy and archives: two backticks, or two apostrophes
# where a quotation opens (after a space, a bracket, a colon or the text's start, before a
# word), open a quotation ("``We believe this is new,'' he said", "told reporters, ''In the
# event"). They are read as a space and a quote mark (same length, so offsets hold).
# A line of a hard-wrapped paragraph stops mid-sentence: on a word, a number, a comma or an opening
# bracket ("... a ''serious" / "problem'' for world peace"), not on closing punctuation or a quote mark.
WRAPPED_LINE_END = re.compile(r"[\w,;(-]\Z")
MAX_WRAPPED_LINES = 6
TYPEWRITER_OPEN = re.compile(r"``(?=[\w.\u2026])|(?:^|(?<=[\s(\[:]))''(?=[A-Za-z0-9])", re.M)


def _opens(text: str, i: int) -> bool:
    """Could the mark at ``i`` open a quotation? It must touch the word after it, or, in
    French-style spacing (guillemets become '" Il faut "'), stand after a space or the
    paragraph's start with one space and a word after it; a mark right after a digit
    (``5"``, an inch mark) never opens."""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    prev = text[i - 1] if i > 0 else ""
    if nxt == " " and (prev == "" or prev.isspace() or prev in "(:"):
        return text[i + 2:i + 3].isalnum()
    return bool(nxt) and not nxt.isspace() and not prev.isdigit()


def _reopens(text: str, i: int, start: int) -> bool:
    """With a quotation open, does the mark at ``i`` look like a new opening (space or
    paragraph start before it, a word after it) rather than the closing one? Then the
    earlier mark was a stray one."""
    prev = text[i - 1] if i > start else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if not ((prev == "" or prev.isspace()) and nxt.isalnum()):
        return False
    word = re.match(r"[a-z]+", text[i + 1:i + 20])
    return not (word and word.group(0) in CLOSING_VERBS)


def _next_mark(text: str, i: int, end: int, *, open_: bool) -> int:
    """The next quote mark from ``i`` before ``end``; with a quotation open, two apostrophes
    count as one (a closing mark), -1 when there is none."""
    mark = text.find(QUOTE_MARK, i, end)
    if open_:
        twin = text.find(DOUBLE_APOSTROPHE, i, end)
        if twin != -1 and (mark == -1 or twin < mark):
            return twin
    return mark


def closing_width(span_text: str) -> int:
    """How many characters the closing mark of a span takes: 1 for '"' (or "'" closing a
    single-quoted span), 2 for "''", 0 when the quotation is left open (it runs on to its
    paragraph's end)."""
    if len(span_text) > 2 and span_text.endswith(DOUBLE_APOSTROPHE) and not span_text.endswith(" ''"):
        return 2
    if span_text.startswith(SINGLE_MARK):
        return 1 if len(span_text) > 1 and span_text.endswith(SINGLE_MARK) else 0
    return 1 if len(span_text) > 1 and span_text.endswith(QUOTE_MARK) else 0


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the direct quotations in a cleaned body.

    Quotations are delimited by straight double quotes (cleaning has already turned
    curly quotes into ``"``). Each span ``(start, end)`` includes its quote marks, so
    ``text[start:end]`` starts with ``"`` and, unless the quotation runs on into the
    next paragraph, ends with ``"``. Spans are sorted and do not overlap.

    Rules (news style):

    - Marks pair within a paragraph (paragraphs are separated by a blank line).
    - A quotation still open at the end of a paragraph continues only if the next
      paragraph begins with a quote mark (the convention for a quotation running over
      several paragraphs: no closing mark, the next paragraph reopens). The span then
      runs to the end of the first paragraph, and the next paragraph's opening mark
      starts a new span.
    - A quotation still open at the end of a paragraph with no such continuation is
      ignored, rather than swallowing the rest of the text; unless the paragraph stops
      mid-sentence and the mark closes a few lines on (hard-wrapped copy: ``_wrapped_lines``).
    - A mark right after a digit with no quotation open (``a 5" screen``) is an inch
      mark, not a quote. With a quotation open it closes it (``"Apollo 13"``).
    - With a quotation open, a mark that has a space before it and a letter or digit
      after it opens a new quotation: the earlier mark is taken as stray; unless a verb
      that follows quotations comes next ('an example "said Porco': ``CLOSING_VERBS``).
    - Two apostrophes close an open quotation (``DOUBLE_APOSTROPHE``); typewriter marks open one (``TYPEWRITER_OPEN``).
    - A quotation left open at a paragraph's end whose mark opens the paragraph or follows a colon,
      a speech verb and comma or a sentence's end ('Goyal said: "In my', 'Balyan said, "I am',
      'said Park. "Every ...') runs to that end (``OPEN_TO_END``); French spacing ('" Il faut "') opens.
    - In a paragraph with no double quote (or only inside single-quoted ones), single-quoted
      quotations of ``MIN_SINGLE_WORDS`` words or more (``MIN_PARTIAL_WORDS`` lower-case) count;
      one left open runs to the paragraph's end when the next paragraph opens with a quote mark
      (a sentence's end before it is not enough, unlike double quotes: "'Odysseus' lander").

    What it cannot do: single quotes in a paragraph that also has double ones outside them;
    quotations nested in double quotes (``"He said "no" to me"`` pairs the wrong
    marks); inch marks inside a quotation (``"He is 6'2" tall"`` closes it early);
    quotations without quote marks (reported speech, Q&A transcripts, block quotes).

    Parameters
    ----------
    text
        A cleaned body: paragraphs separated by ``"\\n\\n"``, straight quotes.

    Returns: a list of ``(start, end)`` offsets into ``text``, end exclusive.
    """
    spans: list[tuple[int, int]] = []
    text = TYPEWRITER_OPEN.sub(' "', text) if "``" in text or "''" in text else text  # (each match holds one)
    if QUOTE_MARK not in text and SINGLE_MARK not in text:
        return spans
    paragraphs = [(m.start(), m.end()) for m in PARAGRAPH_PATTERN.finditer(text)]
    done = 0  # paragraphs before this one were read (as lines of a hard-wrapped paragraph)
    for k, (p_start, p_end) in enumerate(paragraphs):
        reopened = k + 1 < len(paragraphs) and text[paragraphs[k + 1][0]] in (QUOTE_MARK, SINGLE_MARK)
        if k < done:
            continue
        if QUOTE_MARK not in text[p_start:p_end] or _doubles_nested(text, p_start, p_end):
            spans.extend(_single_quoted(text, p_start, p_end, reopened=reopened))
            continue
        done = _double_quoted(text, paragraphs, k, spans, reopened=reopened)
    return spans


def _double_quoted(text: str, paragraphs: list[tuple[int, int]], k: int, spans: list[tuple[int, int]], *,
                   reopened: bool) -> int:
    """Append paragraph ``k``'s double-quoted quotations to ``spans`` (read on over the next lines of a
    hard-wrapped paragraph, ``_wrapped_lines``); return the index of the next paragraph to read."""
    p_start, p_end = paragraphs[k]
    found: list[tuple[int, int]] = []
    open_at = _paragraph_spans(text, p_start, p_end, found)
    done = _wrapped_lines(text, paragraphs, k, found) if open_at is not None else k + 1
    spans.extend(found)
    if done == k + 1 and open_at is not None and (reopened or OPEN_TO_END.search(text[p_start:open_at])):
        spans.append((open_at, p_end))
    return done


def _wrapped_lines(text: str, paragraphs: list[tuple[int, int]], k: int, found: list[tuple[int, int]]) -> int:
    """Archive and wire copy hard-wrapped at a fixed width puts each line of a paragraph on its own
    line: a quotation left open where a line stops mid-sentence (``WRAPPED_LINE_END``) reads on into
    the next lines, up to ``MAX_WRAPPED_LINES`` of them, while each stops mid-sentence. When it closes
    there, ``found`` becomes the block's closed quotations and the index of the paragraph after the
    block is returned; else ``found`` is left as it is and ``k + 1`` returned."""
    j, p_start = k, paragraphs[k][0]
    while j + 1 < len(paragraphs) and j - k < MAX_WRAPPED_LINES and WRAPPED_LINE_END.search(
            text, paragraphs[j][0], paragraphs[j][1]):
        j += 1
        block: list[tuple[int, int]] = []
        if _paragraph_spans(text, p_start, paragraphs[j][1], block) is None:
            found[:] = block
            return j + 1
    return k + 1


def _doubles_nested(text: str, p_start: int, p_end: int) -> bool:
    """Whether every double quote of a paragraph lies inside one of its single-quoted quotations:
    British style nests double quotes in single ones ('\'He called it "a disgrace",\' said Park')."""
    singles = _single_quoted(text, p_start, p_end)
    if not singles:
        return False
    marks, i = [], text.find(QUOTE_MARK, p_start, p_end)
    while i != -1:
        marks.append(i)
        i = text.find(QUOTE_MARK, i + 1, p_end)
    return all(any(s < i < e for s, e in singles) for i in marks)


def single_open(text: str, pos: int, end: int) -> re.Match | None:
    """``SINGLE_OPEN.search(text, pos, end)``, tried only at the apostrophes (a match starts
    at one): the pattern's "start or after a space" has no fast path in ``re``."""
    i = text.find(SINGLE_MARK, pos, end)
    while i != -1:
        m = SINGLE_OPEN.match(text, i, end)
        if m is not None:
            return m
        i = text.find(SINGLE_MARK, i + 1, end)
    return None


def _single_quoted(text: str, p_start: int, p_end: int, *, reopened: bool = False) -> list[tuple[int, int]]:
    """The single-quoted quotations of one paragraph (``SINGLE_OPEN`` ... ``SINGLE_CLOSE``); one left
    open runs to the paragraph's end when ``reopened`` (the next paragraph opens with a quote mark)."""
    found = []
    pos = p_start
    while (m := single_open(text, pos, p_end)) is not None:
        least = MIN_PARTIAL_WORDS if text[m.end()].islower() else MIN_SINGLE_WORDS
        close = SINGLE_CLOSE.search(text, m.end(), p_end)
        if close is None:
            if reopened and len(text[m.end():p_end].split()) >= least:  # not OPEN_TO_END: "'Odysseus' lander"
                found.append((m.start(), p_end))
            break
        if len(text[m.end():close.start()].split()) >= least:
            found.append((m.start(), close.end()))
        pos = close.end()
    return found


def _paragraph_spans(text: str, p_start: int, p_end: int, spans: list[tuple[int, int]]) -> int | None:
    """Append one paragraph's closed quotations to ``spans``; return where a quotation
    left open at its end starts (None if none is)."""
    open_at = None
    i = text.find(QUOTE_MARK, p_start, p_end)
    while i != -1:
        width = 1
        if open_at is None:
            if _opens(text, i):
                open_at = i
        elif text.startswith(DOUBLE_APOSTROPHE, i):
            spans.append((open_at, i + 2))
            open_at, width = None, 2
        elif _reopens(text, i, p_start):
            open_at = i
        else:
            spans.append((open_at, i + 1))
            open_at = None
        i = _next_mark(text, i + width, p_end, open_=open_at is not None)
    return open_at
