"""The explorer page's data: the report's tables cut to a size a browser opens, as one JSON-ready dict.

Nothing is computed again: every number comes from a table the notebooks wrote
(``term_counts.csv``, ``distinctive_terms.csv``, ``term_occurrences.csv``, ``sentences.csv``,
``quotes.csv``, ``shared_passages.csv``, ``articles.csv``). What is cut, and how, is stated
in the payload's ``sampling`` notes, which the page shows:

- the plot carries each outlet's ``PLOT_TOP_Z`` most and ``PLOT_BOTTOM_Z`` least distinctive
  terms and its ``PLOT_TOP_N`` commonest;
- each plotted term carries ``KWIC_PER_TERM`` of its uses in that outlet, a seeded random
  sample (all of them when there are fewer); fewer (down to ``KWIC_MIN``) when the plot's
  terms times that many sentences would pass ``KWIC_CHARS``;
- word search covers the ``VOCABULARY_MAX`` commonest terms, with their exact counts;
- phrase search reads the sentences the page carries: all of them while they fit in
  ``SENTENCE_CHARS``, else the ones shown elsewhere on the page plus a seeded random sample;
- at most ``QUOTES_MAX`` quotations (``QUOTES_PER_SPEAKER`` per speaker and outlet first)
  and ``PASSAGES_PER_PAIR`` shared passages per outlet pair, the most similar first.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..outputs import unescape_cell

PLOT_TOP_Z = 80  # per outlet: the terms most over-used against the other outlets
PLOT_BOTTOM_Z = 20  # per outlet: the terms most under-used
PLOT_TOP_N = 40  # per outlet: the commonest terms, whatever their z
KWIC_PER_TERM = 8  # uses carried per plotted (outlet, term) at most; a seeded sample beyond that
KWIC_MIN = 3  # ... and at least, however many terms are plotted
KWIC_CHARS = 1_200_000  # sentence characters the plotted terms' uses may bring (fewer uses per term beyond)
VOCABULARY_MAX = 20_000  # terms searchable by word, commonest first
SENTENCE_CHARS = 1_500_000  # characters of sentence text the page carries at most (besides quotes)
QUOTES_MAX = 3_000
QUOTES_PER_SPEAKER = 25  # per (speaker, outlet), kept first when quotations must be cut
PASSAGES_PER_PAIR = 25
HEADLINE_CHARS = 100  # a headline is cut to this many characters on the page
SEED = 0  # every sample is drawn with this seed, so a rebuild carries the same lines

TABLES = {  # file in the report's data/ folder -> the columns the explorer reads
    "articles": ["article_id", "outlet", "date", "headline"],
    "sentences": ["article_id", "outlet", "sentence_id", "start_char", "text"],
    "term_counts": ["outlet", "term", "kind", "label", "n"],
    "distinctive_terms": ["outlet", "term", "kind", "label", "n", "per_1000", "z"],
    "term_occurrences": ["outlet", "sentence_id", "start_char", "end_char", "form", "term", "kind"],
    "quotes": ["outlet", "sentence_id", "quote", "form", "speaker", "affiliation", "verb"],
    "shared_passages": ["outlet_a", "outlet_b", "sentence_id_a", "sentence_id_b", "text_a", "text_b",
                        "article_id_a", "article_id_b", "similarity"],
}
TEXT_COLUMNS = {"outlet", "headline", "text", "label", "form", "term", "quote", "speaker", "affiliation",
                "verb", "outlet_a", "outlet_b", "text_a", "text_b", "article_id", "sentence_id", "date"}


def read_tables(data_dir: str | Path) -> dict[str, pd.DataFrame]:
    """Read the report tables the explorer uses from a ``data/`` folder (missing ones: absent).

    Text cells are read as written (``unescape_cell`` undoes the spreadsheet escaping);
    only the columns in ``TABLES`` are read.
    """
    tables = {}
    for name, columns in TABLES.items():
        path = Path(data_dir) / f"{name}.csv"
        if not path.is_file():
            continue
        head = pd.read_csv(path, nrows=0).columns
        use = [c for c in columns if c in head]
        types = {c: str for c in use if c in TEXT_COLUMNS}
        df = pd.read_csv(path, usecols=use, dtype=types, keep_default_na=False, na_values={
            c: [""] for c in use if c not in TEXT_COLUMNS})
        for column in types:
            df[column] = df[column].map(unescape_cell)
        tables[name] = df
    return tables


def _normalised(df: pd.DataFrame) -> pd.DataFrame:
    """A table with its text columns as strings, missing text as "" (a kernel's tables hold NaN)."""
    df = df.copy()
    for column in TEXT_COLUMNS & set(df.columns):
        df[column] = df[column].where(df[column].notna(), "").astype(str)
    return df


class _Store:
    """Numbered lists of outlets, articles and sentences that the payload's rows point into."""

    def __init__(self, tables: dict[str, pd.DataFrame]):
        sentences = tables.get("sentences", pd.DataFrame(columns=TABLES["sentences"]))
        articles = tables.get("articles", pd.DataFrame(columns=TABLES["articles"]))
        outlets = sorted({*sentences["outlet"], *articles["outlet"],
                          *tables.get("term_counts", pd.DataFrame(columns=["outlet"]))["outlet"]})
        self.outlets = {o: i for i, o in enumerate(outlets)}
        self.sentence_rows = sentences.set_index("sentence_id", drop=False)
        self.sentence_rows = self.sentence_rows[~self.sentence_rows.index.duplicated()]
        self.article_rows = articles.set_index("article_id", drop=False)
        self.article_rows = self.article_rows[~self.article_rows.index.duplicated()]
        ids = self.sentence_rows["sentence_id"]
        self.sentence_article = dict(zip(ids, self.sentence_rows["article_id"], strict=True))
        self.sentence_start = dict(zip(ids, self.sentence_rows["start_char"].astype(int), strict=True))
        self.sentence_chars = dict(zip(ids, self.sentence_rows["text"].str.len(), strict=True))
        self.sentences: dict[str, int] = {}
        self.articles: dict[str, int] = {}
        self.chars = 0

    def sentence(self, sentence_id: str) -> int | None:
        """The index of a sentence on the page, adding it (and its article) when new."""
        if sentence_id in self.sentences:
            return self.sentences[sentence_id]
        if sentence_id not in self.sentence_article:
            return None
        self.article(self.sentence_article[sentence_id])
        self.sentences[sentence_id] = len(self.sentences)
        self.chars += self.sentence_chars[sentence_id]
        return self.sentences[sentence_id]

    def article(self, article_id: str) -> int:
        """The index of an article on the page, adding it when new."""
        if article_id not in self.articles:
            self.articles[article_id] = len(self.articles)
        return self.articles[article_id]

    def sentence_list(self) -> list[list]:
        """``[sentence_id, article index, text]`` for every sentence on the page, in index order."""
        rows = self.sentence_rows.loc[list(self.sentences)]
        return [[sid, self.articles[aid], text]
                for sid, aid, text in zip(rows["sentence_id"], rows["article_id"], rows["text"], strict=True)]

    def article_list(self) -> list[list]:
        """``[article_id, outlet index, date, headline]`` for every article on the page."""
        out = []
        for aid in self.articles:
            if aid in self.article_rows.index:
                row = self.article_rows.loc[aid]
                out.append([aid, self.outlets.get(row["outlet"], -1), row["date"] or "",
                            (row["headline"] or "")[:HEADLINE_CHARS]])
            else:
                sentence = self.sentence_rows[self.sentence_rows["article_id"] == aid].iloc[0]
                out.append([aid, self.outlets.get(sentence["outlet"], -1), "", ""])
        return out


def plotted_terms(distinctive: pd.DataFrame) -> pd.DataFrame:
    """The (outlet, term) rows the plot shows: per outlet the top and bottom by z and the commonest."""
    scored = distinctive[distinctive["z"].notna()]
    keep = []
    for _, group in scored.groupby("outlet", sort=True):
        keep += [group.nlargest(PLOT_TOP_Z, "z"), group.nsmallest(PLOT_BOTTOM_Z, "z"),
                 group.nlargest(PLOT_TOP_N, "n")]
    if not keep:
        return scored.iloc[:0]
    return pd.concat(keep).drop_duplicates(["outlet", "term", "kind"]).reset_index(drop=True)


def _sample(group: pd.DataFrame, k: int) -> pd.DataFrame:
    """At most ``k`` rows of ``group``, a seeded random sample, in their original order."""
    return group if len(group) <= k else group.sample(k, random_state=SEED).sort_index()


def kwic_per_term(n_points: int, mean_chars: float) -> int:
    """Uses carried per plotted term: ``KWIC_PER_TERM``, fewer (not under ``KWIC_MIN``) past ``KWIC_CHARS``."""
    if n_points == 0 or mean_chars <= 0:
        return KWIC_PER_TERM
    return int(min(KWIC_PER_TERM, max(KWIC_MIN, KWIC_CHARS // (n_points * mean_chars))))


def _kwic(points: pd.DataFrame, occurrences: pd.DataFrame, store: _Store) -> tuple[list[list], int]:
    """Per plotted point, its sampled uses ``[sentence index, start, end]`` (within the sentence),
    and how many uses per point were kept at most."""
    chars = store.sentence_chars
    k = kwic_per_term(len(points), sum(chars.values()) / max(len(chars), 1))
    wanted = points[["outlet", "term", "kind"]].assign(point=range(len(points)))
    uses = occurrences.merge(wanted, on=["outlet", "term", "kind"])
    uses = uses.groupby("point", group_keys=False)[uses.columns.tolist()].apply(_sample, k)
    out: list[list] = [[] for _ in range(len(points))]
    for point, sid, start, end in zip(uses["point"], uses["sentence_id"], uses["start_char"], uses["end_char"],
                                      strict=True):
        index = store.sentence(sid)
        if index is not None:
            offset = store.sentence_start[sid]
            out[point].append([index, int(start) - offset, int(end) - offset])
    return out, k


def _terms(tables: dict[str, pd.DataFrame], store: _Store) -> dict:
    """The plot's points with their contexts, and the searchable vocabulary with exact counts."""
    distinctive = tables.get("distinctive_terms", pd.DataFrame(columns=TABLES["distinctive_terms"]))
    counts = tables.get("term_counts", pd.DataFrame(columns=TABLES["term_counts"]))
    occurrences = tables.get("term_occurrences", pd.DataFrame(columns=TABLES["term_occurrences"]))
    totals = counts.groupby(["term", "kind"], sort=False)["n"].sum().sort_values(ascending=False, kind="stable")
    vocabulary = totals.head(VOCABULARY_MAX).index.tolist()
    term_index = {key: i for i, key in enumerate(vocabulary)}
    labels = counts.drop_duplicates(["term", "kind"]).set_index(["term", "kind"])["label"]
    per_term: list[list] = [[] for _ in vocabulary]
    for outlet, term, kind, n in zip(counts["outlet"], counts["term"], counts["kind"], counts["n"], strict=True):
        if (term, kind) in term_index:
            per_term[term_index[term, kind]].append([store.outlets[outlet], int(n)])
    forms: dict[str, set[int]] = {}
    words = occurrences[occurrences["kind"] == "word"].drop_duplicates(["form", "term"])
    for form, term in zip(words["form"], words["term"], strict=True):
        if (term, "word") in term_index:
            forms.setdefault(form.lower(), set()).add(term_index[term, "word"])
    points = plotted_terms(distinctive)
    kwic, uses_kept = _kwic(points, occurrences, store)
    return {
        "vocabulary": [[term, kind, labels.get((term, kind), term), per_term[i]]
                       for i, (term, kind) in enumerate(vocabulary)],
        "forms": {form: sorted(ids) for form, ids in sorted(forms.items())},
        "points": [[store.outlets[o], term_index.get((t, k), -1), lab, int(n), round(float(p), 4),
                    round(float(z), 3), kwic[i]]
                   for i, (o, t, k, lab, n, p, z) in enumerate(zip(
                       points["outlet"], points["term"], points["kind"], points["label"], points["n"],
                       points["per_1000"], points["z"], strict=True))],
        "n_vocabulary": len(totals),
        "kwic_per_term": uses_kept,
    }


def _quotes(quotes: pd.DataFrame, store: _Store) -> tuple[list[list], int]:
    """Quotations ``[sentence index, outlet, speaker, side, quote, form, verb]`` and how many there were."""
    kept = quotes
    if len(quotes) > QUOTES_MAX:
        firsts = quotes.groupby(["speaker", "outlet"], sort=False).head(QUOTES_PER_SPEAKER)
        rest = quotes.drop(firsts.index)
        room = max(QUOTES_MAX - len(firsts), 0)
        kept = pd.concat([firsts.head(QUOTES_MAX), _sample(rest, room)]).sort_index()
    rows = []
    for sid, outlet, speaker, side, quote, form, verb in zip(
            kept["sentence_id"], kept["outlet"], kept["speaker"], kept.get("affiliation", ""), kept["quote"],
            kept.get("form", ""), kept.get("verb", ""), strict=True):
        index = store.sentence(sid)
        rows.append([-1 if index is None else index, store.outlets.get(outlet, -1), speaker or "", side or "",
                     quote or "", form or "", verb or ""])
    return rows, len(quotes)


def _passages(passages: pd.DataFrame, store: _Store) -> tuple[list[list], int]:
    """Shared passages ``[outlet a, outlet b, article a, article b, sentence id a, id b, text a, text b,
    similarity]``, the most similar ``PASSAGES_PER_PAIR`` per outlet pair."""
    ordered = passages.sort_values("similarity", ascending=False, kind="stable")
    kept = ordered.groupby(["outlet_a", "outlet_b"], sort=False).head(PASSAGES_PER_PAIR)
    rows = [[store.outlets.get(oa, -1), store.outlets.get(ob, -1), store.article(aa), store.article(ab),
             sa, sb, ta, tb, round(float(sim), 3)]
            for oa, ob, aa, ab, sa, sb, ta, tb, sim in zip(
                kept["outlet_a"], kept["outlet_b"], kept["article_id_a"], kept["article_id_b"],
                kept["sentence_id_a"], kept["sentence_id_b"], kept["text_a"], kept["text_b"], kept["similarity"],
                strict=True)]
    return rows, len(passages)


def _fill_sentences(store: _Store) -> bool:
    """Add sentences up to ``SENTENCE_CHARS``: all of them if they fit, else a seeded random sample.

    Returns True when the page carries every sentence of the corpus.
    """
    rows = store.sentence_rows
    if int(rows["text"].str.len().sum()) <= SENTENCE_CHARS:
        for sid in rows["sentence_id"]:
            store.sentence(sid)
        return True
    ids = rows["sentence_id"].to_numpy()
    for i in np.random.default_rng(SEED).permutation(len(rows)):
        if store.chars + store.sentence_chars[ids[i]] <= SENTENCE_CHARS:
            store.sentence(ids[i])
    return len(store.sentences) == len(rows)


def explorer_payload(tables: dict[str, pd.DataFrame]) -> dict:
    """The explorer's data from the report's tables (as ``read_tables`` returns them).

    Parameters
    ----------
    tables : dict of str to DataFrame
        Any of ``TABLES``' names; a missing table leaves its part of the page empty.

    Returns
    -------
    dict
        ``outlets``, ``articles``, ``sentences``, ``terms`` (``points``, ``vocabulary``,
        ``forms``), ``quotes``, ``passages``, ``counts`` (rows in the tables and on the page)
        and ``sampling`` (the limits in force, which the page states).
    """
    tables = {name: _normalised(df) for name, df in tables.items() if name in TABLES}
    store = _Store(tables)
    terms = _terms(tables, store)
    quotes, n_quotes = _quotes(tables.get("quotes", pd.DataFrame(columns=TABLES["quotes"])), store)
    passages, n_passages = _passages(
        tables.get("shared_passages", pd.DataFrame(columns=TABLES["shared_passages"])), store)
    complete = _fill_sentences(store)
    return {
        "outlets": list(store.outlets),
        "sentences": store.sentence_list(),
        "articles": store.article_list(),
        "terms": terms,
        "quotes": quotes,
        "passages": passages,
        "counts": {"sentences": len(store.sentence_rows), "quotes": n_quotes, "passages": n_passages,
                   "terms": terms["n_vocabulary"], "complete": complete},
        "sampling": {"plot_top_z": PLOT_TOP_Z, "plot_bottom_z": PLOT_BOTTOM_Z, "plot_top_n": PLOT_TOP_N,
                     "kwic_per_term": terms.pop("kwic_per_term"), "vocabulary_max": VOCABULARY_MAX,
                     "quotes_max": QUOTES_MAX, "quotes_per_speaker": QUOTES_PER_SPEAKER,
                     "passages_per_pair": PASSAGES_PER_PAIR, "sentence_chars": SENTENCE_CHARS, "seed": SEED},
    }
