"""The findings' sentences of the overlap notebook, computed from its tables so they stay true on any corpus."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..corpus.outlets import outlet_key
from ..wording import join_names, plural
from .similarity import DOC_SHINGLE_SIZE
from .tables import event_table


def events_note(events: pd.DataFrame) -> str:
    """Which outlets covered which event, said plainly."""
    table = event_table(events)
    n_outlets = events["outlet"].nunique()
    if n_outlets < 2:
        verb = "falls" if len(events) == 1 else "fall"
        return (f"The corpus has only one outlet, so no outlet can be compared with another; its "
                f"{plural(len(events), 'article')} {verb} into {plural(len(table), 'news event')}.")
    parts = []
    for row in table.itertuples():
        who = row.outlets if row.n_outlets > 1 else f"{row.outlets} alone"
        parts.append(f"{who} ({row.event_label})")
    text = f"The {plural(len(events), 'article')} fall into {plural(len(table), 'news event')}: {'; '.join(parts)}."
    alone = table[table["n_outlets"] == 1]
    if len(table) > 1:
        text += (" Outlets in different events covered different moments, so what they share is at most "
                 "background, and what one reports that another does not is no sign of a different choice.")
    if len(alone) == len(table):
        text += " No two outlets covered the same event, so no overlap below compares coverage of the same news."
    for row in table[(table["n_outlets"] > 1) & (table["days_spanned"] > 0)].itertuples():
        grp = events[events["event"] == row.event].sort_values(["date", "outlet"], kind="stable")
        first, last = grp.iloc[0], grp.iloc[-1]
        text += (f" Within {row.event_label} the articles are up to {plural(int(row.days_spanned), 'day')} apart "
                 f"({first['outlet']} on {first['date']:%-d %b}, {last['outlet']} on {last['date']:%-d %b}), "
                 "so the later one can report later news.")
    return text


def similarity_note(similarity: pd.DataFrame) -> str:
    """The most alike pair on each measure, and what the rest look like."""
    if similarity.empty:
        return "With a single article there is no pair to compare."
    cross = similarity[~similarity["same_outlet"].astype(bool)]
    if cross.empty:
        return "All articles are from a single outlet, so no pair from two outlets can be compared."
    top = cross.sort_values(
        ["cosine_tfidf", "article_id_a", "article_id_b"], ascending=[False, True, True], kind="stable"
    ).iloc[0]
    rest = cross.drop(top.name)
    text = (f"The most alike pair from two outlets is {top.outlet_a} and {top.outlet_b} "
            f"(TF-IDF cosine {top.cosine_tfidf:.2f}, {DOC_SHINGLE_SIZE}-gram Jaccard {top.jaccard_5gram:.2f})")
    if len(rest):
        lo, hi, jac = rest.cosine_tfidf.min(), rest.cosine_tfidf.max(), rest.jaccard_5gram.max()
        text += (
            f"; the other pair from two outlets scores {lo:.2f} on cosine and {jac:.3f} on Jaccard"
            if len(rest) == 1
            else f"; the other {plural(len(rest), 'pair')} from two outlets score {lo:.2f}\u2013{hi:.2f} on cosine "
            f"and at most {jac:.3f} on Jaccard"
        )
    text += (". Cosine measures shared vocabulary, which one topic gives any two articles; "
             f"a {DOC_SHINGLE_SIZE}-gram Jaccard "
             "clearly above zero means shared wording.")
    return text


def passages_note(passages: pd.DataFrame, events: pd.DataFrame) -> str:
    """How many shared pairs, between which outlets, and whether within one event."""
    if events["outlet"].nunique() < 2 and passages.empty:
        return "The corpus has only one outlet, and none of its articles shares a sentence with another."
    if passages.empty:
        return "No two articles share a sentence (at the thresholds in the Method)."
    event_of = dict(zip(events["article_id"], events["event_label"], strict=False))
    longer = passages[["n_tokens_a", "n_tokens_b"]].max(axis=1)
    kinds = passages.assign(
        identical=passages["similarity"] >= 1,
        cut=(passages["n_matched"] < longer) & (passages["n_tokens_a"] != passages["n_tokens_b"]),
        respelled=passages["variants"] != "",
    )
    pairs = kinds.groupby(["outlet_a", "outlet_b"], sort=False).agg(
        n=("passage_id", "size"), identical=("identical", "sum"), cut=("cut", "sum"), respelled=("respelled", "sum"),
    ).reset_index()
    parts = []
    for row in pairs.itertuples():
        who = (
            f"two {row.outlet_a} articles"
            if _one_outlet(row.outlet_a, row.outlet_b)
            else f"{row.outlet_a} and {row.outlet_b}"
        )
        detail = [f"{row.identical} word for word"]
        if row.cut:
            detail.append(f"{row.cut} with words added or cut")
        if row.respelled:
            detail.append(f"{row.respelled} with a word spelled differently")
        parts.append(f"{who} share {plural(row.n, 'sentence')} ({', '.join(detail)})")
    text = join_names(parts) + "."
    cross_event = passages[
        [event_of.get(a) != event_of.get(b) for a, b in zip(passages.article_id_a, passages.article_id_b, strict=False)]
    ]
    if len(cross_event):
        text += (f" {plural(len(cross_event), 'pair')} link{'s' * (len(cross_event) == 1)} articles "
                 "from different events: reused background text.")
    elif len(pairs):
        text += " Every shared pair is within one news event."
    other = len(events["article_id"]) - len(set(passages.article_id_a) | set(passages.article_id_b))
    if other:
        text += f" The other {plural(other, 'article')} share{'s' * (other == 1)} no sentence with any article."
    return text


def wire_note(wire: pd.DataFrame) -> str:
    """The articles with shared copy and how much."""
    shared = wire[wire["n_chars_shared"] > 0].sort_values(
        ["share_shared", "article_id"], ascending=[False, True], kind="stable"
    )
    if wire["outlet"].nunique() < 2:
        return "The corpus has only one outlet, so no article can share copy with another outlet's."
    if shared.empty:
        return "No article shares copy with another outlet's article."
    parts = [
        f"{r.outlet} {r.share_shared:.0%} ({r.n_sentences_shared} of {plural(r.n_sentences, 'sentence')})"
        for r in shared.itertuples()
    ]
    text = "Shared with another outlet: " + join_names(parts) + "."
    if len(wire) > len(shared):
        others = len(wire) - len(shared)
        text += f" The other {plural(others, 'article')} share{'s' * (others == 1)} nothing."
    return text


def _one_outlet(a: str, b: str) -> bool:
    """Whether two outlet names are one outlet spelled two ways (as ``helpers.corpus.outlets`` merges them)."""
    return outlet_key(str(a)) == outlet_key(str(b))


def overlap_finding(events: pd.DataFrame, passages: pd.DataFrame, wire: pd.DataFrame) -> str:
    """The notebook's one-line finding, from the computed tables.

    Only pairs of two outlets count (never an outlet with itself, however spelled), and
    the wire share quoted is the highest among the articles that pair's shared sentences come from."""
    n_outlets = events["outlet"].nunique()
    table = event_table(events)
    if n_outlets < 2:
        own = len(passages)
        return ("The corpus has only one outlet, so no outlet's coverage can be compared with another's"
                + (f"; its articles share {plural(own, 'sentence')} with each other." if own else "."))
    own = passages["same_outlet"].astype(bool).to_numpy() | np.array(
        [_one_outlet(a, b) for a, b in zip(passages.outlet_a, passages.outlet_b, strict=False)], dtype=bool)
    cross = passages[~own]
    moments = f"The {plural(len(events), 'article')} fall into {plural(len(table), 'news event')}"
    if cross.empty:
        k = int(own.sum())
        within = (
            f"; the {plural(k, 'near-identical pair')} found {'is' if k == 1 else 'are'} within one outlet's articles"
            if k
            else ""
        )
        return f"No two outlets share a sentence{within}. {moments}."
    key = pd.Series([tuple(sorted(p)) for p in zip(cross.outlet_a, cross.outlet_b, strict=False)], index=cross.index)
    pairs = key.value_counts(sort=False).sort_values(ascending=False, kind="stable")
    (a, b), n = pairs.index[0], int(pairs.iloc[0])
    text = f"{a} and {b} share {plural(n, 'near-identical sentence')}"
    rows = cross[[k == (a, b) for k in key]]
    in_pair = wire[wire["article_id"].isin(set(rows.article_id_a) | set(rows.article_id_b))]
    in_pair = in_pair.sort_values(["share_shared", "article_id"], ascending=[False, True], kind="stable")
    if len(in_pair):
        top = in_pair.iloc[0]
        whose = f"{top.outlet}'s article" if (wire["outlet"] == top.outlet).sum() == 1 else f"one {top.outlet} article"
        text += f" (wire copy: {top.share_shared:.0%} of {whose})"
    others = len(pairs) - 1
    text += ("; no other pair of outlets shares any." if not others
             else f"; {plural(others, 'other pair')} of outlets {'shares' if others == 1 else 'share'} some.")
    alone = table[table["n_outlets"] == 1]
    if len(alone):
        what = "moments" if len(alone) > 1 else "a moment"
        text += f" {moments}: {join_names(sorted(alone['outlets']))} covered {what} no other outlet did."
    return text
