"""NLTK's Treebank word tokens of a sentence, fast: the tokens of each piece between spaces, memoised.

How ``PieceMemo.token_spans`` (and ``helpers.text.tokenize``) get NLTK's exact tokens
fast (~10x).

NLTK's Treebank rules (nltk/tokenize/destructive.py) never join text across
whitespace and look at most one character beyond a whitespace-delimited piece, except
the rules anchored at the start (``^"``) or at the end of the text (the final-period
rules, ``[:,]$``). So a piece's tokens are those NLTK gives it between the same
neighbouring characters, and they are memoised per piece:

- a middle piece between single spaces (nearly all of them) is tokenized together with
  other such pieces, ``"zqxjz P1 zqxjz P2 zqxjz ..."``, and NLTK's tokens are cut at
  the separator word, which no rule splits (a piece containing it is done alone);
- the first piece of a text gets a middle piece's tokens unless it starts with " or '
  (the only characters for which the start of the text could differ from a space);
- the last piece likewise if it has no "." and does not end in , : or ' (the end-of-
  text rules then do nothing); a last piece W + "." + closing marks, with W not ending
  in ".", gets W's middle tokens and then those of the last piece "." + closing marks
  (the final-period rule splits there and W is then left as in the middle);
- any other piece is tokenized alone, ``"a" + before + piece + after + "a"`` with
  ``before``/``after`` the whitespace characters around it ("a" dropped after), and
  no padding on a side where the text starts or ends. The first piece then runs from
  the start of the text (leading whitespace included), the last piece to its end;
  pieces made only of closing marks at the end belong to the last one ("U.S. )"),
  since the final-period rule reaches across them.

A piece's tokens are kept only if, after NLTK's quote restoring (``` `` ```/``''`` back
to the text's marks, in order), they cover its non-space characters exactly, one after
the other, with as many quote tokens as quote marks: then the sentence's tokens are
its pieces' tokens in order and NLTK's alignment puts each right after the previous
one. Otherwise (or if NLTK fails on a piece) the sentence goes to NLTK whole.
tests/test_text.py checks the result equals NLTK's on real and hostile text.

The memo is an object (``PieceMemo``) that every step is given, not module state.
``tokenize_chunk`` uses the one it is passed, else this process's (``process_memo()``),
so a worker process reuses what it learnt on the chunks before: a memo per call would
learn each chunk's pieces again, about 15% slower on 1,000-article chunks. Tokens do not
depend on what a memo holds. A memo is not for two threads at once: give each its own.
"""

from __future__ import annotations

import functools
import re

from nltk.tokenize import NLTKWordTokenizer

# Used only if NLTK cannot align its tokens with the text (not seen on news text): a
# word with inner hyphens/apostrophes/periods, or one other non-space character.
_FALLBACK_TOKEN = re.compile(r"\w+(?:[-'.]\w+)*|\S")
_PIECE = re.compile(r"\S+")  # the whitespace of str.split(), which NLTK splits on last
_SPACE = re.compile(r"\s")
CLOSERS = "]})>\"'\u00bb\u201d\u2019"  # what the final-period rules allow after the "."
_QUOTE_MARKS = re.compile(r"``|'{2}|\"")  # as in NLTKWordTokenizer.span_tokenize
_QUOTE_TOKENS = frozenset(['"', "``", "''"])
_SEPARATOR = "zqxjz"  # between middle pieces tokenized together
_BATCH_CHARS = 20_000  # about this much text per NLTK call for middle pieces
MEMO_MAX = 500_000  # pieces a PieceMemo remembers (all its tables together) before starting afresh

Tokens = tuple[str, ...]
# Pieces not memoised yet, found while tokenizing: (first pieces, middle pieces, last pieces).
Unknown = tuple[set[str], set[str], set[str]]


@functools.lru_cache(maxsize=1)
def _word_tokenizer() -> NLTKWordTokenizer:
    return NLTKWordTokenizer()


def nltk_token_spans(text: str) -> list[tuple[int, int]]:
    """Token spans in one sentence straight from NLTK (``PieceMemo.token_spans`` matches it)."""
    try:
        return list(_word_tokenizer().span_tokenize(text))
    except (ValueError, RuntimeError, StopIteration):
        return [m.span() for m in _FALLBACK_TOKEN.finditer(text)]


@functools.lru_cache(maxsize=1)
def process_memo() -> PieceMemo:
    """This process's ``PieceMemo``, the one ``tokenize_chunk`` uses unless given another."""
    return PieceMemo()


def _checked(piece: str, tokens: list[str]) -> Tokens | None:
    """NLTK's raw tokens of ``piece`` with quotes restored, if they tile it, else None."""
    if not tokens:
        return None
    marks = _QUOTE_MARKS.findall(piece)
    if marks or "``" in tokens or "''" in tokens:
        if sum(t in _QUOTE_TOKENS for t in tokens) != len(marks):
            return None
        restored = iter(marks)
        tokens = [next(restored) if t in _QUOTE_TOKENS else t for t in tokens]
    pos, n = 0, len(piece)
    for token in tokens:
        while pos < n and piece[pos].isspace():
            pos += 1
        if not piece.startswith(token, pos):
            return None
        pos += len(token)
    if piece[pos:].strip():
        return None
    return (piece,) if tokens == [piece] else tuple(tokens)  # share the memo key's str


def _nltk_tokens(piece: str, before: str, after: str) -> list[str]:
    """NLTK's raw tokens of ``piece`` alone, between ``before`` and ``after`` ([] if NLTK fails)."""
    text = ("a" + before if before else "") + piece + (after + "a" if after else "")
    try:
        tokens = _word_tokenizer().tokenize(text)
    except Exception:
        tokens = []
    if before:
        tokens = tokens[1:] if tokens[:1] == ["a"] else []
    if after:
        tokens = tokens[:-1] if tokens[-1:] == ["a"] else []
    return tokens


def _batch_tokens(batch: list[str]) -> list[list[str]] | None:
    """NLTK's raw tokens of each middle piece of ``batch``, in one call; None if they cannot be cut apart."""
    text = f"{_SEPARATOR} {f' {_SEPARATOR} '.join(batch)} {_SEPARATOR}"
    try:
        tokens = _word_tokenizer().tokenize(text)
    except Exception:
        return None
    cuts = [i for i, token in enumerate(tokens) if token == _SEPARATOR]
    if len(cuts) == len(batch) + 1 and cuts[0] == 0 and cuts[-1] == len(tokens) - 1:
        return [tokens[cuts[j] + 1 : cuts[j + 1]] for j in range(len(batch))]
    return None


def _gaps(spans: list[tuple[int, int]]) -> list[int]:
    """Characters before each span since the end of the previous one (or the start)."""
    gaps, end = [], 0
    for s, e in spans:
        gaps.append(s - end)
        end = e
    return gaps


class PieceMemo:
    """The tokens of the pieces of text seen so far, by where a piece stands in its sentence.

    Each table maps a piece to its tokens (each the exact text), or to None if a
    sentence with it must go to NLTK whole: ``middle``, pieces between single spaces;
    ``first``/``last``, the first/last piece of a text next to a single space;
    ``other``, the rest, keyed ``(piece, before, after)``, "" meaning the start/end of
    the text. At ``max_pieces`` pieces (all tables together) it starts afresh.
    """

    def __init__(self, *, max_pieces: int = MEMO_MAX) -> None:
        self.max_pieces = max_pieces
        self.middle: dict[str, Tokens | None] = {}
        self.first: dict[str, Tokens | None] = {}
        self.last: dict[str, Tokens | None] = {}
        self.other: dict[tuple[str, str, str], Tokens | None] = {}

    def tables(self) -> tuple[dict, ...]:
        """The four tables: middle, first, last, other."""
        return self.middle, self.first, self.last, self.other

    def __len__(self) -> int:
        return sum(map(len, self.tables()))

    def clear(self) -> None:
        """Forget every piece."""
        for table in self.tables():
            table.clear()

    def make_room(self) -> None:
        """Forget every piece if the memo is full."""
        if len(self) >= self.max_pieces:
            self.clear()

    def _store(self, piece: str, before: str, after: str, tokens: Tokens | None) -> None:
        if before == " " and after == " ":
            self.middle[piece] = tokens
        elif not before and after == " ":
            self.first[piece] = tokens
        elif before == " " and not after:
            self.last[piece] = tokens
        else:
            self.other[piece, before, after] = tokens

    def _known(self, piece: str, before: str, after: str) -> Tokens | None | bool:
        """The memoised tokens of ``piece`` between ``before`` and ``after``; False if not known."""
        if before == " " and after == " ":
            return self.middle.get(piece, False)
        if not before and after == " ":
            return self.first.get(piece, False)
        if before == " " and not after:
            return self.last.get(piece, False)
        return self.other.get((piece, before, after), False)

    def piece_tokens(self, piece: str, before: str, after: str) -> Tokens | None:
        """NLTK's tokens of ``piece`` between ``before`` and ``after``, alone; memoised.

        ``before``/``after``: the whitespace character next to the piece in the sentence,
        or "" at the start/end of the text. None if the piece cannot be done on its own.
        """
        result = _checked(piece, _nltk_tokens(piece, before, after))
        self._store(piece, before, after, result)
        return result

    def middle_tokens(self, pieces: list[str]) -> None:
        """Put the tokens of middle pieces in ``middle``, many pieces per NLTK call."""
        batch: list[str] = []
        size = 0
        for piece in [*pieces, None]:
            if piece is not None and _SEPARATOR in piece:
                self.piece_tokens(piece, " ", " ")
                continue
            if piece is not None:
                batch.append(piece)
                size += len(piece) + len(_SEPARATOR) + 2
            if batch and (piece is None or size >= _BATCH_CHARS):
                found = _batch_tokens(batch)
                if found is None:
                    for one in batch:
                        self.piece_tokens(one, " ", " ")
                else:
                    for one, tokens in zip(batch, found, strict=True):
                        self.middle[one] = _checked(one, tokens)
                batch, size = [], 0

    def learn(self, first: set[str], middle: set[str], last: set[str]) -> None:
        """Memoise the tokens of unknown first, middle and last pieces (see the module docstring)."""
        need = set(middle)
        as_middle: list[tuple[dict, str]] = []  # (table, piece): the piece's middle tokens
        as_sentence_end: list[tuple[str, str]] = []  # (word + "." + closing marks, word)
        for piece in first:
            if piece[0] in "\"'":
                self.piece_tokens(piece, "", " ")
            else:
                as_middle.append((self.first, piece))
                need.add(piece)
        for piece in last:
            core = piece.rstrip(CLOSERS)
            if core[-1:] == "." and core[-2:-1] not in ("", "."):
                word = core[:-1]  # piece = word + "." + closing marks
                as_sentence_end.append((piece, word))
                need.add(word)
            elif "." not in piece and piece[-1] not in ",:'":
                as_middle.append((self.last, piece))
                need.add(piece)
            else:
                self.piece_tokens(piece, " ", "")
        self.middle_tokens(sorted(need.difference(self.middle)))
        for table, piece in as_middle:
            table[piece] = self.middle[piece]
        for piece, word in as_sentence_end:
            tokens = self.middle[word]
            end = piece[len(word) :]
            end_tokens = self.last[end] if end in self.last else self.piece_tokens(end, " ", "")
            self.last[piece] = None if tokens is None or end_tokens is None else tokens + end_tokens

    def sentence_tokens(
        self, text: str, unknown: Unknown | None = None
    ) -> tuple[list[Tokens], list[int] | None] | None:
        """The tokens of one sentence, as NLTK's ``span_tokenize`` finds them.

        Returns ``(groups, gaps)``: the tokens in groups (``groups[i]``'s tokens follow one
        another with nothing between) and, for each group, how many characters lie between
        it and the end of the previous group (or the start of the text); ``gaps`` None means
        0 for the first group and 1 for the others. ``token_spans`` turns this into spans.

        With ``unknown`` (sets of first, middle and last pieces), a sentence with pieces
        not memoised yet adds them there and gives None: call ``learn(*unknown)`` and ask
        again.
        """
        # The usual case: pieces separated by single spaces (no other whitespace: every
        # character str.isspace() calls whitespace but " " is unprintable), more than one
        # piece, and the last one more than closing marks.
        if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
            words = text.split(" ")
            if len(words) > 1 and words[-1].strip(CLOSERS):
                groups = list(map(self.middle.get, words))
                groups[0] = self.first.get(words[0])
                groups[-1] = self.last.get(words[-1])
                if all(groups):  # every piece known (their tokens are never empty)
                    return groups, None
                if unknown is not None and self.note_unknown(words, unknown):
                    return None
        spans = self.general_spans(text, unknown)
        if spans is None:
            return None
        return [(text[s:e],) for s, e in spans], _gaps(spans)

    def note_unknown(self, words: list[str], unknown: Unknown) -> bool:
        """Add the pieces of a sentence of single spaces not memoised yet to ``unknown``; any?"""
        first, middle, last = unknown
        new = [word for word in words[1:-1] if word not in self.middle]
        middle.update(new)
        if words[0] not in self.first:
            first.add(words[0])
            new.append(words[0])
        if words[-1] not in self.last:
            last.add(words[-1])
            new.append(words[-1])
        return bool(new)

    def _units(self, text: str) -> list[tuple[int, str, str, str, Tokens | None | bool]]:
        """The pieces of ``text``: (start, piece, before, after, its tokens or False if not known)."""
        pieces = [m.span() for m in _PIECE.finditer(text)]
        last = len(pieces) - 1
        while last > 0 and not text[pieces[last][0] : pieces[last][1]].strip(CLOSERS):
            last -= 1
        n = len(text)
        units = []
        for i in range(last + 1):
            start, end = pieces[i]
            if i == 0:
                start = 0
            if i == last:
                end = n
            before = text[start - 1] if start else ""
            after = text[end] if end < n else ""
            piece = text[start:end]
            units.append((start, piece, before, after, self._known(piece, before, after)))
        return units

    def general_spans(self, text: str, unknown: Unknown | None = None) -> list[tuple[int, int]] | None:
        """``sentence_tokens`` for any text (other whitespace, one piece...), as spans."""
        units = self._units(text)
        if unknown is not None:  # note the pieces learn() can do; give None if any
            deferred = False
            for _, piece, before, after, tokens in units:
                if tokens is not False or _SPACE.search(piece):
                    continue
                if before == " " and after == " ":
                    unknown[1].add(piece)
                elif not before and after == " ":
                    unknown[0].add(piece)
                elif before == " " and not after:
                    unknown[2].add(piece)
                else:
                    continue
                deferred = True
            if deferred:
                return None
        spans: list[tuple[int, int]] = []
        for start, piece, before, after, known in units:
            tokens = self.piece_tokens(piece, before, after) if known is False else known
            if tokens is None:
                return nltk_token_spans(text)
            pos = start
            for token in tokens:
                while text[pos].isspace():
                    pos += 1
                spans.append((pos, pos + len(token)))
                pos += len(token)
        return spans

    def token_spans(self, text: str) -> list[tuple[int, int]]:
        """Token spans in one sentence, identical to ``nltk_token_spans`` (memoised)."""
        self.make_room()
        unknown: Unknown = (set(), set(), set())
        found = self.sentence_tokens(text, unknown)
        if found is None:
            self.learn(*unknown)
            found = self.sentence_tokens(text)
        groups, gaps = found
        if gaps is None:
            gaps = [0] + [1] * (len(groups) - 1)
        spans, pos = [], 0
        for tokens, gap in zip(groups, gaps, strict=True):
            pos += gap
            for token in tokens:
                spans.append((pos, pos + len(token)))
                pos += len(token)
        return spans
