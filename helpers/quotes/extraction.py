"""The quotations and unnamed-sources tables of a corpus.

``extract_quotes``, ``anonymous_sources``, ``quotes_and_sources``.

Each article is read by ``helpers.quotes.article.analyse_article`` (in chunks on every
core for a large corpus); then people are named across the corpus (``normalise_people``)
and the rows are laid out as the tables' columns.
"""

from __future__ import annotations

import re
from collections import namedtuple

import numpy as np
import pandas as pd

from ..actors import strip_titles
from ..nltk_data import STOPWORDS
from ..parallel import dask_client, map_chunks, release_memory
from ..wordlists import DEMONYMS, TITLE_WORDS
from .article import analyse_article, heading_positions
from .patterns import FUNCTION_WORDS, NAME_AT_END
from .speakers import COUNTRIES, DATE_NAMES, Names
from .vocabulary import (
    KIND_ANONYMOUS,
    KIND_ORGANISATION,
    KIND_PERSON,
    KIND_UNKNOWN,
    NO_AFFILIATION,
    ORG_WORDS,
    QUOTE_COLUMNS,
    RULE_TERM,
    SOURCE_COLUMNS,
    UNATTRIBUTED,
)


def _empty(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("paragraph_n", "quote_n", "start_char", "end_char",
                                                                  "n_words", "source_n", "n_attributions", "n_quotes")
                                      else "str") for c in columns})


SentenceRow = namedtuple("SentenceRow", ["article_id", "sentence_id", "paragraph_n", "start_char", "end_char"])


def _run(sentences: pd.DataFrame, articles: pd.DataFrame, actors: pd.DataFrame | None):
    for col in ("article_id", "sentence_id", "paragraph_n", "start_char", "end_char"):
        if col not in sentences.columns:
            raise KeyError(f"sentences needs the column {col} (use helpers.text.split_sentences)")
    for col in ("article_id", "outlet", "body"):
        if col not in articles.columns:
            raise KeyError(f"articles needs the column {col} (use helpers.corpus.load_corpus)")
    names = Names(actors)
    ordered = sentences.sort_values(["article_id", "start_char"], kind="stable")
    by_article: dict[str, list] = {}
    # the rows as ``itertuples`` gives them, from the columns as lists (a tenth of the time)
    for row in map(SentenceRow._make, zip(*(ordered[c].tolist() for c in SentenceRow._fields), strict=True)):
        by_article.setdefault(str(row.article_id), []).append(row)
    all_quotes, all_sources = [], []
    # the raw page and the crossheads the cleaner took out, where the table has them: a quotes page's headings
    heads = articles[["raw_text", "subheads"]] if {"raw_text", "subheads"} <= set(articles.columns) else None
    for n, art in enumerate(articles[["article_id", "outlet", "body"]].itertuples(index=False)):
        body = art.body if isinstance(art.body, str) else ""
        sents = by_article.get(str(art.article_id))
        if not body or not sents:
            continue
        raw, subheads = (heads.iat[n, 0], heads.iat[n, 1]) if heads is not None else (None, None)
        headings = heading_positions(raw if isinstance(raw, str) else None, body,
                                     subheads if isinstance(subheads, str) else None)
        quotes, sources = analyse_article(str(art.article_id), art.outlet, body, sents, names, headings)
        all_quotes.extend(quotes)
        for src in sources:
            src.update(article_id=str(art.article_id), outlet=art.outlet)
        all_sources.extend(sources)
    return all_quotes, all_sources, names


NAME_CHAR = re.compile(r"[\w'-]")
SPACE = re.compile(r"\s")


def given_surnames(surname: str, body: str):
    r"""The matches of ``\b([A-Z][a-z][\w'-]*)\s+<surname>\b`` in ``body``, as ``re.finditer`` gives
    them, tried only near each place the surname is written: a match whose surname is the next one
    written starts in that word or the word before it (a name word, spaces, the surname), so the
    pattern is tried at the capitals there, not at every character of the body."""
    pattern = re.compile(rf"\b([A-Z][a-z][\w'-]*)\s+{re.escape(surname)}\b")
    pos = 0
    while (at := body.find(surname, pos)) >= 0:
        start = at
        for char in (NAME_CHAR, SPACE, NAME_CHAR):  # back to the start of the word before
            while start > pos and char.match(body, start - 1):
                start -= 1
        m = next((m for p in range(start, at + 1) if "A" <= body[p] <= "Z" and (m := pattern.match(body, p))), None)
        if m is None:
            pos = at + 1
            continue
        yield m
        pos = m.end()


def literal_matches(pattern: re.Pattern[str], opening: str, body: str):
    """``pattern.finditer(body)`` for a pattern whose every match opens with the text ``opening``:
    the pattern is tried only where ``opening`` is written."""
    pos = 0
    while (at := body.find(opening, pos)) >= 0:
        m = pattern.match(body, at)
        if m is None:
            pos = at + 1
            continue
        yield m
        pos = m.end() if m.end() > m.start() else m.end() + 1


def full_names(surname: str, body: str) -> list[tuple[int, str]]:
    """Every "Given Surname" in a body, with its offset: the full names a surname may stand for."""
    found = []
    for m in given_surnames(surname, body):
        given = m.group(1)
        if (given.lower() in TITLE_WORDS or given in DEMONYMS or given.lower() in ORG_WORDS or given in COUNTRIES
                or given in DATE_NAMES
                or given.lower() in FUNCTION_WORDS or given.lower() in STOPWORDS  # "Behind Suga's remarks"
                or given in ("The", "A", "An", "But", "And", "Said")):
            continue
        found.append((m.start(), f"{given} {surname}"))
    return found


def spelled_out(acronym: str, body: str) -> str:
    """The name a body spells an organisation's acronym out as, where it defines it ("the Ministry
    of Defence, MINDEF," / "World Health Organization (WHO)"): the capitalised run right before
    it, without a possessive ("Cameroon's") or words before the acronym's first letter ("United
    States National Hurricane Center (NHC)"), whose letters hold the acronym's in order. Else the acronym."""
    if not (acronym.isalpha() and acronym.isupper() and 2 <= len(acronym) <= 10):
        return acronym
    for m in re.finditer(rf"[,(]\s*{re.escape(acronym)}\b", body):
        run = NAME_AT_END.search(body[max(0, m.start() - 80):m.start()].rstrip())
        words = run.group(0).split() if run else []
        while words and re.search(r"['\u2019]s$", words[0]):
            words = words[1:]
        # "the United States National Hurricane Center (NHC)": the name starts at the acronym's letter
        while len(words) > len(acronym) and words[0][0] != acronym[0]:
            words = words[1:]
        letters = iter("".join(words).lower())
        if words and words[0][0] == acronym[0] and all(ch in letters for ch in acronym.lower()):
            return " ".join(words)
    return acronym


def given_name_full(given: str, body: str) -> str | None:
    """The one full name a body gives that opens with ``given`` ("Khalid Jamil" for "Khalid",
    "Michael Moloney" for "Michael smiles"), when it gives no full name ending in it."""
    found = set()
    pattern = re.compile(rf"\b{re.escape(given)}\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w-])")
    for m in literal_matches(pattern, given, body):
        surname = m.group(1)
        if not (surname.lower() in TITLE_WORDS or surname in DEMONYMS or surname.lower() in ORG_WORDS
                or surname in COUNTRIES or surname in DATE_NAMES or surname.lower() in STOPWORDS):
            found.add(f"{given} {surname}")
    return found.pop() if len(found) == 1 else None


class ArticleBodies:
    """Each article's body by id, as ``dict(zip(ids, bodies))`` gives it (the last row of
    an id), read from the table when asked: that dict, for 100,000 articles, holds about
    300 MB of Python strings for as long as the quotations table is being built."""

    def __init__(self, articles: pd.DataFrame):
        self.body = articles["body"]
        self.row = dict(zip(articles["article_id"].astype(str), range(len(articles)), strict=False))

    def get(self, article_id: str, default: str = "") -> str:
        row = self.row.get(article_id)
        return default if row is None else self.body.iat[row]


def normalise_people(quotes: list[dict], bodies: dict[str, str] | ArticleBodies, names: Names) -> dict[int, str]:
    """quote_n index -> the speaker's normalised name, for quotations by a named person.

    The actors table first; else a surname becomes the full name the article gives for
    it (the nearest before the quotation if it names two people with that surname);
    else, a first name, the one full name the article gives opening with it ("Michael"
    for "Michael Moloney"); else the one full name the corpus gives for it; else it
    stays a surname.
    """
    out: dict[int, str] = {}
    full_by_surname: dict[str, set[str]] = {}
    pending = []
    read: dict[tuple, object] = {}  # (function, name, article) -> its result: a body is read once per name

    def once(fn, name: str, article_id: str):
        if (fn, name, article_id) not in read:
            read[fn, name, article_id] = fn(name, bodies.get(article_id, ""))
        return read[fn, name, article_id]

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
            fulls = once(full_names, bare, q["article_id"])
            before = [name for pos, name in fulls if pos < q["start_char"]]
            candidates = {name for _, name in fulls}
            if len(candidates) == 1 or before:
                bare = before[-1] if before else candidates.pop()
                actor = names.canonical(bare)
                bare = actor if names.is_actor(actor) else bare
            elif not candidates:  # no "Given Khalid": "Khalid" may be Khalid Jamil's first name
                bare = once(given_name_full, bare, q["article_id"]) or bare
        if len(bare.split()) > 1:
            full_by_surname.setdefault(bare.split()[-1], set()).add(bare)
        pending.append((i, bare))
    for i, bare in pending:
        if len(bare.split()) == 1 and len(full_by_surname.get(bare, ())) == 1:
            out[i] = next(iter(full_by_surname[bare]))
        else:
            out[i] = bare
    return out


def extract_quotes(sentences: pd.DataFrame, articles: pd.DataFrame, actors: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every direct quotation with its speaker, one row per quotation.

    Quotations come from ``quote_spans`` on each cleaned body (curly quotes are already
    straight; a quotation that runs over paragraphs is one row per paragraph; partial
    quotations inside a sentence count). Attribution follows the patterns in the
    package's docstring (``helpers.quotes``). Quoted terms (fewer than
    ``MIN_QUOTE_WORDS`` words, no punctuation inside the marks: 'a "framework"
    agreement') are listed with form "term" and no speaker; they are not quotations.

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


def _quotes_frame(quotes: list[dict], articles: pd.DataFrame, names: Names) -> pd.DataFrame:
    if not quotes:
        return _empty(QUOTE_COLUMNS)
    bodies = ArticleBodies(articles)
    people = normalise_people(quotes, bodies, names)
    columns: dict[str, list] = {k: [] for k in QUOTE_COLUMNS}  # built column by column: a dict per
    for i in range(len(quotes)):  # row would hold every quotation twice at 100,000 articles
        q, quotes[i] = quotes[i], None  # the caller's list is emptied as its rows are taken
        sp = q.get("_speaker")
        row = {k: q.get(k) for k in QUOTE_COLUMNS}
        if q["form"] == "term":
            row.update(speaker=None, speaker_kind=None, affiliation=None, verb=None, rule=RULE_TERM)
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
                name = spelled_out(names.canonical(sp.name), bodies.get(q["article_id"], ""))
                kind = KIND_ORGANISATION
                side = names.actor_side.get(name) or names.side_of_text(sp.name)
            else:
                name = f"{sp.core} (anonymous)"
                kind = KIND_ANONYMOUS
                side = names.side_of_text(sp.description or sp.core or "")
            row.update(speaker=name, speaker_kind=kind, affiliation=side or NO_AFFILIATION,
                       speaker_as_written=sp.written, speaker_description=sp.description,
                       resolution=sp.resolution or None)
        for k in QUOTE_COLUMNS:
            columns[k].append(row[k])
    out = pd.DataFrame(columns, columns=QUOTE_COLUMNS)
    for col in ("paragraph_n", "quote_n", "start_char", "end_char", "n_words"):
        out[col] = out[col].astype("int64")
    return out


def anonymous_sources(
    sentences: pd.DataFrame, articles: pd.DataFrame, actors: pd.DataFrame | None = None
) -> pd.DataFrame:
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


def _sources_frame(sources: list[dict], names: Names) -> pd.DataFrame:
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
                 n_jobs: int | None, client) -> tuple[list, list, Names]:
    """``_run`` over chunks of articles (in worker processes or on Dask); same result.

    Only reading each article is chunked; naming people across articles
    (``normalise_people``) then runs here on all the quotations.
    """
    from .. import parallel

    if dask_client(client) is None and (len(articles) < parallel.MIN_PARALLEL_ARTICLES or n_jobs == 1):
        return _run(sentences, articles, actors)
    if "article_id" not in sentences.columns or "article_id" not in articles.columns:
        return _run(sentences, articles, actors)  # which says what is missing
    ids = articles["article_id"].astype(str).tolist()
    rows_of = sentences.groupby(sentences["article_id"].astype(str), sort=False).indices  # article -> row positions
    none = np.empty(0, dtype=np.int64)
    chunks = []
    # only the columns ``_run`` reads are sent to the workers (not the sentences' text, the articles' headlines ...)
    sentences = sentences[[c for c in SentenceRow._fields if c in sentences.columns]]
    articles = articles[[c for c in ("article_id", "outlet", "body", "raw_text", "subheads") if c in articles.columns]]
    size = parallel.CHUNK_ARTICLES
    for start in range(0, len(articles), size):
        rows = np.sort(np.concatenate([rows_of.get(a, none) for a in ids[start:start + size]] or [none]))
        if len(rows) and rows[-1] - rows[0] == len(rows) - 1:  # one run of rows (as split_sentences
            rows = slice(rows[0], rows[-1] + 1)  # orders them): a view, not a copy of those sentences
        chunks.append((sentences.iloc[rows], articles.iloc[start:start + size], actors))
    results = map_chunks(_run_chunk, chunks, n_articles=len(articles), n_jobs=n_jobs, client=client,
                         desc="quotations")
    quotes = [q for part, _ in results for q in part]
    sources = [s for _, part in results for s in part]
    return quotes, sources, Names(actors)


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
    tables = _quotes_frame(quotes, articles, names), _sources_frame(sources, names)
    release_memory()  # the rows read (a dict each, emptied into the tables): freed, handed back
    return tables
