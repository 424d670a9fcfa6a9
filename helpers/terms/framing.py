"""Framing vocabulary: the corpus's term groups, where each is used, and how often per outlet.

The groups come from the corpus's ``framing.csv``; uses are found with NLTK's
``ConcordanceIndex``, told apart by sense and merged where a group's words stand
together (``helpers.terms.senses``), counted per outlet and scored with ``log_odds``
(Benjamini-Hochberg over the groups and outlets), and shown as keyword-in-context lines.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pandas as pd
from nltk.text import ConcordanceIndex

from ..corpus import CorpusError, side_table_path
from ..corpus.read import read_csv_rows
from .counting import PER_WORDS, forms_text
from .keyness import MIN_TEST_COUNT, fdr_test, log_odds
from .occurrences import LETTER, token_chunks, tokens_with_outlet
from .senses import AMBIGUOUS, COUNTED, NO_RULES, OTHER, merge_adjacent, resolve_senses
from .senses import word_pattern as _pattern

FRAMING_FILE = "framing.csv"
FRAMING_COLUMNS = ["group", "term"]
KWIC_WIDTH = 60  # characters of context each side of a keyword-in-context line

MATCH_COLUMNS = [
    "article_id", "outlet", "sentence_id", "group", "term", "match", "start_char",
    "end_char", "sense", "cue",
]
FRAMING_COUNT_COLUMNS = ["outlet", "group", "n", "n_ambiguous", "n_other_sense", "n_words",
                         "per_1000", "matches"]
KWIC_COLUMNS = [
    "article_id", "outlet", "sentence_id", "group", "start_char", "left", "match", "right",
    "sense", "cue",
]


def load_framing(corpus_dir: str | Path) -> pd.DataFrame | None:
    """Read the framing term groups of a corpus: ``framing.csv`` in a corpus folder, or
    ``<stem>.framing.csv`` beside a table corpus ``<stem>.csv`` (``.jsonl``, ``.parquet``;
    see ``helpers.corpus.side_table_path``).

    The file has two columns and one row per term: ``group`` (the name shown in tables,
    e.g. "settlements") and ``term`` (a word or a phrase of words separated by spaces,
    matched case-insensitively on whole tokens; ``*`` stands for any letters, so
    ``settlement*`` matches "settlement" and "settlements" and ``*terror*`` also
    "anti-terror"). A group lists as many rows as it has terms. It is read as
    ``metadata.csv`` is (``helpers.corpus.read.read_csv_rows``: delimiter detected,
    column names in any case and spacing, lines counted as in the file).

    Returns
    -------
    DataFrame or None
        ``group, term`` (stripped, terms lower-cased, duplicates dropped, file order);
        empty for an empty file; None when the corpus has no framing table.

    Raises
    ------
    CorpusError
        A line with more values than the header names, a broken quote, not UTF-8,
        missing columns or empty cells, naming the line; a file that is a link leading
        outside the corpus folder (or any link, for a table corpus).
    """
    path = side_table_path(corpus_dir, "framing")
    if not path.is_file():
        return None
    needs = f"{path.name} needs the columns group and term (one row per term)"
    rows = read_csv_rows(path, tuple(FRAMING_COLUMNS), needs=needs, known=tuple(FRAMING_COLUMNS))
    problems = []
    for line, rec in zip(rows.lines, rows.records, strict=False):
        for col in FRAMING_COLUMNS:
            if not rec[col].strip():
                problems.append(f"{path.name} line {line}: the {col} is empty.")
        if rec["term"].strip() and not LETTER.search(rec["term"]):
            problems.append(f"{path.name} line {line}: the term {rec['term']!r} has no letter.")
    if problems:
        raise CorpusError(f"{path} has problems:\n  " + "\n  ".join(problems))
    out = pd.DataFrame({
        "group": [rec["group"].strip() for rec in rows.records],
        "term": [" ".join(rec["term"].lower().split()) for rec in rows.records],
    }, columns=FRAMING_COLUMNS)
    return out.drop_duplicates(ignore_index=True)


def _pattern_words(terms: np.ndarray, vocab: set[str]) -> dict[str, list[str]]:
    """Each word of the framing terms -> the corpus words it matches (sorted)."""
    matching: dict[str, list[str]] = {}
    for term in terms:
        for part in term.split():
            if part not in matching:
                pattern = _pattern(part)
                matching[part] = sorted(v for v in vocab if pattern.fullmatch(v))
    return matching


def _article_matches(article_id, idx: np.ndarray, token: np.ndarray, lower: np.ndarray,
                     sentence: np.ndarray, framing: list[tuple[str, str]],
                     matching: dict[str, list[str]]) -> list[tuple]:
    """``(article_id, group, term, first, last)`` token positions of each use in one article."""
    index = ConcordanceIndex(token[idx].tolist(), key=str.lower)
    here = set(lower[idx])
    rows = []
    for group, term in framing:
        choices = [[w for w in matching[part] if w in here] for part in term.split()]
        for phrase in itertools.product(*choices):
            for line in index.find_concordance(list(phrase), width=KWIC_WIDTH):
                first, last = idx[line.offset], idx[line.offset + len(phrase) - 1]
                if sentence[first] == sentence[last]:  # a phrase stays in its sentence
                    rows.append((article_id, group, term, int(first), int(last)))
    return rows


def _drop_covered(found: pd.DataFrame) -> pd.DataFrame:
    """Within a group, matches not inside a longer match, in reading order."""
    found = found.assign(length=found["last"] - found["first"])
    found = found.sort_values(["group", "length", "first"], ascending=[True, False, True],
                              kind="stable")
    keep = []
    covered: dict[str, set] = {}
    for group, first, last in zip(found["group"], found["first"], found["last"], strict=False):
        span = set(range(first, last + 1))
        seen = covered.setdefault(group, set())
        keep.append(not span & seen)
        seen |= span
    return found[keep].sort_values(["first", "group"], kind="stable")


def framing_matches(tokens: pd.DataFrame, sentences: pd.DataFrame,
                    framing: pd.DataFrame | None, *,
                    senses: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every use of every framing term, found with NLTK's ``ConcordanceIndex``; each one
    span of text, counted once.

    One index per article over its tokens (as the tokenizer has them: a framing term
    may be hyphenated, "two-state", and ``*terror*`` matches "anti-terror"), keyed
    case-insensitively; each term (its ``*`` patterns
    expanded to the article's words) is looked up with ``find_concordance``, phrases
    as word lists. A phrase must lie within one sentence. Within a group, a match
    inside a longer match of the same group is dropped ("peace process" is one use,
    not also a use of "peace*"). Each use's sense is read from the cue words around
    it (``senses``: the corpus's ``framing_senses.csv`` from ``load_framing_senses``;
    None: no cues, every use counted as listed; see ``helpers.terms.senses.resolve_senses``),
    and uses of one group in consecutive words are merged into one ("prisoner release",
    "freed prisoners": one use each).
    A word two groups list is a use of each group.

    Returns
    -------
    DataFrame
        One row per use: ``article_id, outlet, sentence_id, group, term`` (the row of
        ``framing`` that matched; merged uses: "prisoner* + release"), ``match`` (the
        words as written), ``start_char``, ``end_char`` (offsets into the body),
        ``sense`` ("in", "no rule", "ambiguous": counted; "other": another meaning,
        not counted) and ``cue`` (what decided it). Empty when ``framing`` is None or
        empty.
    """
    if framing is None or framing.empty:
        return pd.DataFrame(columns=MATCH_COLUMNS)
    rules = NO_RULES if senses is None else senses
    parts = []
    for chunk in token_chunks(tokens):  # uses lie inside an article: a few articles at a time
        toks = tokens_with_outlet(chunk, sentences, split=False).reset_index(drop=True)
        found = _chunk_matches(toks, framing, rules)
        if len(found):
            parts.append(found)
    if not parts:
        return pd.DataFrame(columns=MATCH_COLUMNS)
    return pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]


def _chunk_matches(toks: pd.DataFrame, framing: pd.DataFrame, rules: pd.DataFrame) -> pd.DataFrame:
    """``framing_matches`` of one chunk of whole articles' tokens (with their outlet)."""
    token = toks["token"].astype(str).to_numpy(dtype=object)
    lower = toks["lower"].astype(str).to_numpy(dtype=object)
    sentence = toks["sentence_id"].to_numpy(dtype=object)
    matching = _pattern_words(framing["term"].unique(), set(lower))
    positions = toks.groupby("article_id", sort=False).indices
    pairs = list(framing[FRAMING_COLUMNS].itertuples(index=False, name=None))  # (group, term), once
    rows = []
    for article_id in toks["article_id"].unique():
        rows += _article_matches(article_id, positions[article_id], token, lower, sentence,
                                 pairs, matching)
    if not rows:
        return pd.DataFrame(columns=MATCH_COLUMNS)
    found = _drop_covered(pd.DataFrame(rows, columns=["article_id", "group", "term", "first",
                                                      "last"]))
    found = merge_adjacent(resolve_senses(found, lower, sentence, rules), sentence)
    first, last = found["first"].to_numpy(), found["last"].to_numpy()
    found["outlet"] = toks["outlet"].to_numpy()[first]
    found["sentence_id"] = sentence[first]
    found["start_char"] = toks["start_char"].to_numpy()[first]
    found["end_char"] = toks["end_char"].to_numpy()[last]
    found["match"] = [" ".join(token[f:la + 1]) for f, la in zip(first, last, strict=False)]
    return found[MATCH_COLUMNS].reset_index(drop=True)


def framing_counts(matches: pd.DataFrame, totals: pd.DataFrame,
                   framing: pd.DataFrame | None) -> pd.DataFrame:
    """Uses of each framing group per outlet, in counts and per 1,000 words.

    A use counts when its sense is the group's, ambiguous, or not checked (no rule);
    uses in another sense ("a negotiated settlement") are counted apart.

    Returns
    -------
    DataFrame
        One row per outlet and group (groups in file order, every outlet, zeros
        included): ``outlet, group, n`` (uses counted), ``n_ambiguous`` (of those,
        uses whose sense the cues leave open), ``n_other_sense`` (uses in another
        sense, not in ``n``), ``n_words`` (the outlet's words), ``per_1000`` (``n`` per
        1,000 words), ``matches`` (the words counted, with counts: "settlements 2,
        settlement 1").
    """
    if framing is None or framing.empty:
        return pd.DataFrame(columns=FRAMING_COUNT_COLUMNS)
    groups = list(dict.fromkeys(framing["group"]))
    grid = pd.MultiIndex.from_product([sorted(totals["outlet"]), groups],
                                      names=["outlet", "group"])

    def per_cell(rows: pd.DataFrame) -> pd.Series:
        return rows.groupby(["outlet", "group"]).size().reindex(grid, fill_value=0)

    counted = matches[matches["sense"].isin(COUNTED)]
    counts = per_cell(counted)
    found = counted.assign(form=counted["match"].str.lower())
    texts = forms_text(found, ["outlet", "group"]) if len(found) else pd.Series(dtype="str")
    out = counts.rename("n").reset_index()
    out["n"] = out["n"].astype("int64")
    out["n_ambiguous"] = per_cell(matches[matches["sense"] == AMBIGUOUS]).to_numpy(dtype="int64")
    out["n_other_sense"] = per_cell(matches[matches["sense"] == OTHER]).to_numpy(dtype="int64")
    out["n_words"] = out["outlet"].map(totals.set_index("outlet")["n_words"]).astype("int64")
    out["per_1000"] = out["n"] / out["n_words"].where(out["n_words"] > 0) * PER_WORDS
    out["matches"] = pd.MultiIndex.from_frame(out[["outlet", "group"]]).map(texts.to_dict())
    out["matches"] = out["matches"].fillna("").astype("str")
    out["_g"] = out["group"].map({g: i for i, g in enumerate(groups)})
    out = out.sort_values(["_g", "outlet"], kind="stable")
    return out[FRAMING_COUNT_COLUMNS].reset_index(drop=True)


def framing_scores(framing: pd.DataFrame, totals: pd.DataFrame, *,
                   prior_strength: float | None = None) -> pd.DataFrame:
    """Framing counts with each group scored like a term (``log_odds``) against all words.

    Each outlet's uses of a group are compared with the other outlets' uses, both as
    shares of all their words (``totals.n_words``), with the prior from the corpus.
    As for distinctive terms, groups used fewer than ``MIN_TEST_COUNT`` times in the
    corpus are not tested, and the tested outlet-group pairs are corrected together
    (Benjamini-Hochberg, ``keyness.fdr_test``).

    Returns
    -------
    DataFrame
        ``framing_counts`` columns plus ``n_rest``, ``per_1000_rest`` (the other
        outlets' uses per 1,000 of their words), ``z``, ``tested``, ``p_value``,
        ``q_value`` and ``significant`` (``q_value <= FDR_LEVEL``); missing when the
        corpus has a single outlet.
    """
    tests = ["tested", "p_value", "q_value", "significant"]
    columns = [*FRAMING_COUNT_COLUMNS, "n_rest", "per_1000_rest", "z", *tests]
    if framing.empty:
        return pd.DataFrame(columns=columns)
    table = framing.rename(columns={"group": "term"})[["outlet", "term", "n"]]
    words = totals.set_index("outlet")["n_words"]
    scored = log_odds(table, totals=words, prior_strength=prior_strength)
    scored = scored.rename(columns={"term": "group"}).drop(columns="significant")
    scored["tested"] = (scored["n"] + scored["n_rest"]) >= MIN_TEST_COUNT
    scored = scored.join(fdr_test(scored["z"], scored["tested"]))
    out = framing.merge(scored[["outlet", "group", "n_rest", "per_1000_rest", "z", *tests]],
                        on=["outlet", "group"], how="left")
    if scored.empty:
        for col in ["tested", "significant"]:
            out[col] = pd.array([pd.NA] * len(out), dtype="boolean")
    return out[columns]


def keyword_in_context(matches: pd.DataFrame, articles: pd.DataFrame, *,
                       width: int = KWIC_WIDTH) -> pd.DataFrame:
    """Keyword-in-context lines for matches: the words before and after, as written.

    Context is cut from the article body at ``width`` characters each side (at a
    word boundary where one is near), with line breaks shown as spaces, so the line
    reads as the article does; ``start_char`` leads back to the sentence.

    Returns
    -------
    DataFrame
        ``article_id, outlet, sentence_id, group, start_char, left, match, right,
        sense, cue``, in the order of ``matches`` (uses in another sense included, so
        a reader sees what was left out and why).
    """
    if matches.empty:
        return pd.DataFrame(columns=KWIC_COLUMNS)
    bodies = articles.set_index("article_id")["body"]
    lefts, rights = [], []
    for row in matches.itertuples():
        body = bodies[row.article_id]
        left = body[max(0, row.start_char - width):row.start_char]
        right = body[row.end_char:row.end_char + width]
        if row.start_char - width > 0 and " " in left:
            left = "\u2026" + left[left.index(" ") + 1:]
        if row.end_char + width < len(body) and " " in right.strip():
            right = right[: right.rstrip().rindex(" ")] + "\u2026"
        lefts.append(" ".join(left.split()) + (" " if left[-1:].isspace() else ""))
        rights.append((" " if right[:1].isspace() else "") + " ".join(right.split()))
    out = matches[["article_id", "outlet", "sentence_id", "group", "start_char"]].copy()
    out["left"] = [x.strip() for x in lefts]
    out["match"] = [bodies[a][s:e] for a, s, e in zip(matches.article_id, matches.start_char,
                                                      matches.end_char, strict=False)]
    out["right"] = [x.strip() for x in rights]
    out["sense"] = matches["sense"].to_numpy()
    out["cue"] = matches["cue"].to_numpy()
    return out[KWIC_COLUMNS].reset_index(drop=True)


def kwic_by_group(kwic: pd.DataFrame, framing_terms: pd.DataFrame | None) -> pd.DataFrame:
    """Keyword-in-context lines grouped for reading: by framing group (file order),
    then outlet, then position in the article. Columns: ``group, outlet, left, match,
    right, sense, sentence_id``."""
    columns = ["group", "outlet", "left", "match", "right", "sense", "sentence_id"]
    if kwic.empty or framing_terms is None:
        return pd.DataFrame(columns=columns)
    order = {g: i for i, g in enumerate(dict.fromkeys(framing_terms["group"]))}
    out = kwic.assign(_g=kwic["group"].map(order))
    out = out.sort_values(["_g", "outlet", "article_id", "start_char"], kind="stable")
    return out[columns].reset_index(drop=True)
