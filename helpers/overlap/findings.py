"""The findings' sentences of the overlap notebook, computed from its tables so they stay true on any corpus."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..corpus.outlets import outlet_key
from ..wording import join_names, plural
from .align import MIN_COVERAGE, MIN_RUN, PARTIAL_MIN_COVERAGE
from .passages import PARTIAL
from .similarity import DOC_SHINGLE_SIZE
from .tables import event_table

MAX_TIED_PAIRS = 3  # pairs of outlets named in the one-line finding when they tie for the most shared sentences


def events_note(events: pd.DataFrame) -> str:
    """Which outlets covered which event, said plainly."""
    table = event_table(events)
    n_outlets = events["outlet"].nunique()
    if events.empty:
        return "The corpus has no articles, so there are no news events."
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
        grp = events[events["event"] == row.event]
        day0, day1 = grp["date"].min(), grp["date"].max()
        on = {d: join_names(sorted(set(grp.loc[grp["date"] == d, "outlet"]))) for d in (day0, day1)}  # ties: all
        later = "one" if grp.loc[grp["date"] == day1, "outlet"].nunique() == 1 else "ones"
        text += (f" Within {row.event_label} the articles are up to {plural(int(row.days_spanned), 'day')} apart "
                 f"({on[day0]} on {day0:%-d %b}, {on[day1]} on {day1:%-d %b}), so the later {later} can report "
                 "later news.")
    return text


def similarity_note(similarity: pd.DataFrame) -> str:
    """The most alike pair on each measure, and what the rest look like."""
    if similarity.empty:
        return "With a single article there is no pair to compare."
    cross = similarity[~similarity["same_outlet"].astype(bool)]
    if cross.empty:
        return "All articles are from a single outlet, so no pair from two outlets can be compared."
    cross = cross.assign(_shown=cross["cosine_tfidf"].round(2))  # ties as the sentence prints them
    cross = cross.sort_values(["_shown", "cosine_tfidf", "article_id_a", "article_id_b"],
                              ascending=[False, False, True, True], kind="stable")
    tied = cross[cross["_shown"] == cross["_shown"].iloc[0]]
    rest = cross.drop(tied.index)
    if len(tied) == 1:
        top = tied.iloc[0]
        text = (f"The most alike pair from two outlets is {top.outlet_a} and {top.outlet_b} "
                f"(TF-IDF cosine {top.cosine_tfidf:.2f}, {DOC_SHINGLE_SIZE}-gram Jaccard {top.jaccard_5gram:.2f})")
    elif rest.empty:
        every = "Both pairs" if len(tied) == 2 else f"All {len(tied)} pairs"
        text = (f"{every} from two outlets score {tied['cosine_tfidf'].iloc[0]:.2f} on TF-IDF cosine, so none is "
                f"the most alike; {DOC_SHINGLE_SIZE}-gram Jaccard is at most {tied['jaccard_5gram'].max():.3f}")
    else:
        pairs = join_names(f"{r.outlet_a} with {r.outlet_b} ({r.jaccard_5gram:.2f})" for r in tied.itertuples())
        text = (f"{plural(len(tied), 'pair')} from two outlets tie as the most alike at TF-IDF cosine "
                f"{tied['cosine_tfidf'].iloc[0]:.2f} ({DOC_SHINGLE_SIZE}-gram Jaccard in brackets): {pairs}")
    if len(rest):
        lo, hi, jac = rest.cosine_tfidf.min(), rest.cosine_tfidf.max(), rest.jaccard_5gram.max()
        other = "other" if len(tied) == 1 else "remaining"
        cosine = f"{lo:.2f}" if f"{lo:.2f}" == f"{hi:.2f}" else f"{lo:.2f}\u2013{hi:.2f}"
        text += (
            f"; the {other} pair from two outlets scores {lo:.2f} on cosine and {jac:.3f} on Jaccard"
            if len(rest) == 1
            else f"; the {other} {plural(len(rest), 'pair')} from two outlets score {cosine} on cosine "
            f"and at most {jac:.3f} on Jaccard"
        )
    text += (". Cosine measures shared vocabulary, which one topic gives any two articles; "
             f"a {DOC_SHINGLE_SIZE}-gram Jaccard "
             "clearly above zero means shared wording.")
    return text


def _tiers(passages: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The verified pairs and the partial ones (a table without ``tier`` is all verified)."""
    if "tier" not in passages.columns:
        return passages, passages.iloc[0:0]
    partial = passages["tier"] == PARTIAL
    return passages[~partial], passages[partial]


def _quoted(passages: pd.DataFrame) -> pd.Series:
    """Per pair: shared words all inside quotation marks (``label_quotations``; False without it)."""
    if "quotation" not in passages.columns:
        return pd.Series(False, index=passages.index)
    return passages["quotation"].fillna(False).astype(bool)


def _pct(share: float) -> str:
    """A 0-1 share as a percentage, "under 1%" rather than a "0%" that is not zero."""
    return "under 1%" if 0 < share < 0.005 else f"{share:.0%}"


def _partial_note(partial: pd.DataFrame) -> str:
    """A sentence on the partial tier, with the thresholds from their constants."""
    if partial.empty:
        return ""
    lo, hi = partial["overlap_share"].min(), partial["overlap_share"].max()
    shares = f"overlap share {lo:.2f}" if lo == hi else f"overlap shares {lo:.2f}\u2013{hi:.2f}"
    return (f" A lower tier lists {plural(len(partial), 'partly rewritten sentence pair')} ({shares}: at least "
            f"{PARTIAL_MIN_COVERAGE:.0%} of the shorter sentence in runs of {MIN_RUN} words or more, in any order, "
            f"but under the {MIN_COVERAGE:.0%} in order a verified pair needs); "
            f"{'it is' if len(partial) == 1 else 'they are'} not counted as shared copy.")


def passages_note(passages: pd.DataFrame, events: pd.DataFrame) -> str:
    """How many shared pairs, between which outlets, and whether within one event; the
    verified tier counted, shared quotations and the partial tier said apart."""
    if events["outlet"].nunique() < 2 and passages.empty:
        return "The corpus has only one outlet, and none of its articles shares a sentence with another."
    if passages.empty:
        return "No two articles share a sentence (at the thresholds in the Method)."
    verified, partial = _tiers(passages)
    if verified.empty:
        return ("No two articles share a sentence word for word or nearly (the verified tier)." +
                _partial_note(partial))
    event_of = dict(zip(events["article_id"], events["event_label"], strict=False))
    longer = verified[["n_tokens_a", "n_tokens_b"]].max(axis=1)
    kinds = verified.assign(
        identical=verified["similarity"] >= 1,
        cut=(verified["n_matched"] < longer) & (verified["n_tokens_a"] != verified["n_tokens_b"]),
        respelled=verified["variants"] != "", quoted=_quoted(verified),
    )
    pairs = kinds.groupby(["outlet_a", "outlet_b"], sort=False).agg(
        n=("passage_id", "size"), identical=("identical", "sum"), cut=("cut", "sum"), respelled=("respelled", "sum"),
        quoted=("quoted", "sum"),
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
        if row.quoted:
            detail.append(f"{row.quoted} inside quotation marks in both: a shared quotation, not copy")
        parts.append(f"{who} share {plural(row.n, 'sentence')} ({', '.join(detail)})")
    text = join_names(parts) + "."
    cross_event = verified[
        [event_of.get(a) != event_of.get(b) for a, b in zip(verified.article_id_a, verified.article_id_b, strict=False)]
    ]
    if len(cross_event):
        text += (f" {plural(len(cross_event), 'pair')} link{'s' * (len(cross_event) == 1)} articles "
                 "from different events: reused background text.")
    elif len(pairs):
        text += " Every shared pair is within one news event."
    text += _partial_note(partial)
    other = len(events["article_id"]) - len(set(passages.article_id_a) | set(passages.article_id_b))
    if other:
        text += f" The other {plural(other, 'article')} share{'s' * (other == 1)} no sentence with any article."
    return text


def _shared_text(r) -> str:
    """One article's shared text: wire copy, and shared quotation when there is any."""
    wire = getattr(r, "share_wire", r.share_shared)
    quotes = getattr(r, "share_shared_quotes", 0.0)
    if not quotes:
        return f"{r.outlet} {_pct(wire)} wire copy"
    if not wire:
        return f"{r.outlet} no wire copy but {_pct(quotes)} shared quotation"
    return f"{r.outlet} {_pct(wire)} wire copy and {_pct(quotes)} shared quotation"


def wire_note(wire: pd.DataFrame) -> str:
    """The articles with shared text and how much, wire copy and shared quotation apart."""
    shared = wire[wire["n_chars_shared"] > 0].sort_values(
        ["share_shared", "article_id"], ascending=[False, True], kind="stable"
    )
    if wire["outlet"].nunique() < 2:
        return "The corpus has only one outlet, so no article can share copy with another outlet's."
    if shared.empty:
        return "No article shares copy with another outlet's article."
    parts = [f"{_shared_text(r)} ({r.n_sentences_shared} of {plural(r.n_sentences, 'sentence')})"
             for r in shared.itertuples()]
    text = "Shared with another outlet: " + join_names(parts) + "."
    if (shared.get("n_chars_shared_quotes", pd.Series(0, index=shared.index)) > 0).any():
        text += (" Shared quotation is shared text inside quotation marks, the same person's words quoted by both, "
                 "which is no sign of copy; wire copy is the shared text outside them.")
    if len(wire) > len(shared):
        others = len(wire) - len(shared)
        text += f" The other {plural(others, 'article')} share{'s' * (others == 1)} nothing."
    return text


def _one_outlet(a: str, b: str) -> bool:
    """Whether two outlet names are one outlet spelled two ways (as ``helpers.corpus.outlets`` merges them)."""
    return outlet_key(str(a)) == outlet_key(str(b))


def _pair_share(rows: pd.DataFrame, wire: pd.DataFrame) -> str:
    """The bracket after a pair: wire copy (or shared quotation) of its most-shared article."""
    in_pair = wire[wire["article_id"].isin(set(rows.article_id_a) | set(rows.article_id_b))]
    if in_pair.empty:
        return ""
    in_pair = in_pair.assign(
        wire_part=in_pair.get("share_wire", in_pair["share_shared"]),
        quote_part=in_pair.get("share_shared_quotes", 0.0),
    )
    only_quotes = bool(_quoted(rows).all())
    key = ["quote_part", "wire_part"] if only_quotes else ["wire_part", "quote_part"]
    ranked = in_pair.sort_values([*key, "article_id"], ascending=[False, False, True], kind="stable")
    top = ranked.iloc[0]
    printed = [(_pct(r[key[0]]), _pct(r[key[1]])) for _, r in ranked.iterrows()]
    tied = sorted({o for o, p in zip(ranked["outlet"], printed, strict=True) if p == printed[0]})  # as printed
    whose = f"{top.outlet}'s article" if (wire["outlet"] == top.outlet).sum() == 1 else f"one {top.outlet} article"
    if len(tied) > 1:  # outlets' articles tied on the share: all named, none picked
        whose = "each of " + join_names(o + "'s" for o in tied) + " articles"
    if only_quotes:
        return f" (shared quotation, not wire copy: {_pct(top.quote_part)} of {whose})"
    plus = f", plus {_pct(top.quote_part)} shared quotation" if top.quote_part else ""
    return f" (wire copy: {_pct(top.wire_part)} of {whose}{plus})"


def _pair_sentence(a: str, b: str, rows: pd.DataFrame, partial: int, wire: pd.DataFrame) -> str:
    """``"A and B share 6 near-identical sentences (wire copy: ...) and 1 partly rewritten one (...)"``."""
    n, quoted = len(rows), int(_quoted(rows).sum())
    text = f"{a} and {b} share {plural(n, 'near-identical sentence')}"
    if quoted:
        text += (", inside quotation marks in both" if quoted == n
                 else f", {quoted} of them inside quotation marks in both")
    text += _pair_share(rows, wire)
    if partial:
        text += f" and {plural(partial, 'partly rewritten one', 'partly rewritten ones')} (a lower tier, not counted)"
    return text


def _partial_pairs(keys: pd.Series) -> str:
    """Which pairs of outlets the partial tier's sentence pairs come from: ``"between A and B"``,
    ``"A and B the most"``, or every pair of a tie at the top."""
    counts = keys.value_counts()
    top = sorted(counts.index[counts == counts.max()])
    if len(counts) == 1:
        return "between {} and {}".format(*top[0])
    if len(top) == 1:
        return "{} and {} the most".format(*top[0])
    return f"{int(counts.max())} each " + join_names(f"between {a} and {b}" for a, b in top)


def overlap_finding(events: pd.DataFrame, passages: pd.DataFrame, wire: pd.DataFrame) -> str:
    """The notebook's one-line finding, from the computed tables.

    Only pairs of two outlets count (never an outlet with itself, however spelled), and
    only the verified tier (the partial one is mentioned, not counted). The share quoted is
    the highest among the articles that pair's shared sentences come from: wire copy, or,
    when every shared sentence lies inside quotation marks in both, shared quotation."""
    n_outlets = events["outlet"].nunique()
    table = event_table(events)
    if n_outlets < 2:
        own = len(passages)
        return ("The corpus has only one outlet, so no outlet's coverage can be compared with another's"
                + (f"; its articles share {plural(own, 'sentence')} with each other." if own else "."))
    own = passages["same_outlet"].astype(bool).to_numpy() | np.array(
        [_one_outlet(a, b) for a, b in zip(passages.outlet_a, passages.outlet_b, strict=False)], dtype=bool)
    cross_all = passages[~own]
    cross, partial = _tiers(cross_all)
    key_all = pd.Series([tuple(sorted(p)) for p in zip(cross_all.outlet_a, cross_all.outlet_b, strict=False)],
                        index=cross_all.index, dtype=object)
    moments = f"The {plural(len(events), 'article')} fall into {plural(len(table), 'news event')}"
    if cross.empty:
        k = int((own & ~passages.get("tier", pd.Series("", index=passages.index)).eq(PARTIAL).to_numpy()).sum())
        within = (
            f"; the {plural(k, 'near-identical pair')} found {'is' if k == 1 else 'are'} within one outlet's articles"
            if k
            else ""
        )
        rewritten = ""
        if len(partial):
            m = len(partial)
            rewritten = (f" {plural(m, 'sentence pair')} from two outlets {'is' if m == 1 else 'are'} partly "
                         f"rewritten from one another (the partial tier, {_partial_pairs(key_all[partial.index])}), "
                         "not counted as copy.")
        return f"No two outlets share a sentence{within}.{rewritten} {moments}."
    key = key_all[cross.index]
    pairs = key.value_counts(sort=False)
    tied = sorted(pairs.index[pairs == pairs.max()])  # a tie at the top: each pair named, none picked
    said = [_pair_sentence(a, b, cross[[k == (a, b) for k in key]],
                           sum(k == (a, b) for k in key_all[partial.index]), wire) for a, b in tied[:MAX_TIED_PAIRS]]
    text = said[0] if len(tied) == 1 else (
        f"{plural(len(tied), 'pair')} of outlets tie for the most shared sentences: " + "; ".join(said)
        + (f"; and {len(tied) - MAX_TIED_PAIRS} more pairs with as many" if len(tied) > MAX_TIED_PAIRS else ""))
    others = len(pairs) - len(tied)
    text += ("; no other pair of outlets shares any." if not others
             else f"; {plural(others, 'other pair')} of outlets {'shares' if others == 1 else 'share'} "
                  f"{'some' if len(tied) == 1 else 'fewer'}.")
    alone = table[table["n_outlets"] == 1]
    if len(alone):
        what = "moments" if len(alone) > 1 else "a moment"
        text += f" {moments}: {join_names(sorted(alone['outlets']))} covered {what} no other outlet did."
    return text
