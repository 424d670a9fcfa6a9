"""extract_facts(): every number, date, quantity and name stated in every sentence, as fact rows."""

from __future__ import annotations

import pandas as pd

from ..actors import find_mentions
from .names import corpus_case, link_surnames, name_pieces, normalise_name
from .numbers import MONTHS, WEEKDAYS, number_facts

FACT_COLUMNS = [
    "article_id", "outlet", "sentence_id", "start_char", "end_char", "category", "kind", "fact", "text", "source",
]
CATEGORY = {
    "count": "number", "money": "number", "percent": "number", "ordinal": "ordinal",
    "date": "date", "month": "date", "year": "date", "weekday": "date", "time": "date",
    "name": "name", "person": "name", "organisation": "name", "country": "name", "group": "name",
}


def _fact_row(sent, s: int, e: int, kind: str, fact: str, source: str = "pattern") -> tuple:
    return (
        sent.article_id, sent.outlet, sent.sentence_id, sent.start_char + s, sent.start_char + e,
        CATEGORY.get(kind, "name"), kind, fact, sent.text[s:e], source,
    )


def extract_facts(sentences: pd.DataFrame, *, actors: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every number, date, quantity and name stated in every sentence, normalised.

    See ``helpers.facts``' docstring for what is found and how it is normalised. Names come
    from runs of capitalised words; a run's first word is skipped when it opens the
    sentence (or a quotation) and is a stopword, a word the corpus also writes in lower
    case, or a lone word the corpus never capitalises elsewhere. Where ``actors`` is
    given (``helpers.actors.load_actors``), each alias mention (``find_mentions``) is a
    fact named by its actor, and a capitalised run overlapping one is not counted again.

    Parameters
    ----------
    sentences
        ``split_sentences`` output (``article_id, outlet, sentence_id, start_char,
        text``); the whole corpus, since the case checks look across it. Not modified.
    actors
        The actors table, or None / empty for names alone.

    Returns
    -------
    DataFrame
        One row per fact mention, in reading order: ``article_id, outlet,
        sentence_id, start_char, end_char`` (offsets in the article's body: the body
        slice is ``text``), ``category`` (number / ordinal / date / name), ``kind`` (count,
        money, percent, ordinal, date, month, year, weekday, time, name, or the actor's
        kind), ``fact`` (the normalised key facts are matched on), ``text`` (as
        written), ``source`` ("pattern" or "actors").
    """
    if sentences.empty:
        return pd.DataFrame(columns=FACT_COLUMNS)
    table = sentences[["article_id", "outlet", "sentence_id", "start_char", "text"]].astype({"text": str})
    mentions = find_mentions(sentences, actors) if actors is not None and not actors.empty else None
    alias_set = set(mentions["alias"]) if mentions is not None else set()
    lower, capital = corpus_case(table["text"])
    by_sentence = dict(list(mentions.groupby("sentence_id"))) if mentions is not None else {}
    kinds = dict(zip(actors["name"], actors["kind"], strict=False)) if actors is not None and not actors.empty else {}

    rows = []
    for sent in table.itertuples(index=False):
        numbers, taken = number_facts(sent.text)
        rows.extend(_fact_row(sent, s, e, kind, fact) for s, e, kind, fact in numbers)
        actor_spans = []
        for m in by_sentence.get(sent.sentence_id, pd.DataFrame()).itertuples(index=False):
            s, e = m.start_char - sent.start_char, m.end_char - sent.start_char
            actor_spans.append((s, e))
            rows.append(_fact_row(sent, s, e, kinds.get(m.actor) or "name", m.actor, "actors"))
        for s, e in name_pieces(sent.text, lower, capital, alias_set):
            if any(not (e <= ts or s >= te) for ts, te in taken + actor_spans):
                continue
            name = normalise_name(sent.text[s:e])
            if name in MONTHS.values() or name in WEEKDAYS or not name:
                continue
            rows.append(_fact_row(sent, s, s + len(sent.text[s:e]), "name", name))
    facts = pd.DataFrame(rows, columns=FACT_COLUMNS)
    facts = link_surnames(facts, table)
    position = {sid: i for i, sid in enumerate(table["sentence_id"])}
    order = facts.assign(_pos=facts["sentence_id"].map(position)).sort_values(["_pos", "start_char"], kind="stable")
    return order.drop(columns="_pos").reset_index(drop=True)

