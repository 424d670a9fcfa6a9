"""Target findings: the sentences of the "Tone toward each actor" section, from its tables and constants.

The thresholds and figures come from the constants and tables the computation uses
(``MIN_MENTIONS_TO_COMPARE``, ``CONFIDENCE``, the model's training record, the metrics
table), so the prose cannot disagree with the tables.
"""

from __future__ import annotations

import pandas as pd

from ..wording import join_names, plural
from .intervals import CONFIDENCE, interval_defect, intervals_overlap
from .target import TargetModel
from .target_actors import MIN_MENTIONS_TO_COMPARE, TARGET_KINDS

CI = f"{CONFIDENCE:.0%}"


def _signed(value: float) -> str:
    return f"{value:+.2f}".replace("-", "\u2212")


def _cell(row: pd.Series) -> str:
    interval = "" if pd.isna(row["ci_low"]) else f", {CI} CI {_signed(row['ci_low'])} to {_signed(row['ci_high'])}"
    return (f"{row['outlet']} ({plural(int(row['n_mentions']), 'mention')}: {row['pct_negative']:.0f}% negative, "
            f"{row['pct_positive']:.0f}% positive, net {_signed(row['net_tone'])}{interval})")


def _actor_sentence(actor: str, rows: pd.DataFrame) -> str:
    """One actor: which outlets can be compared, and whether their intervals overlap."""
    enough = rows[~rows["too_few"]]
    few = rows[rows["too_few"]]
    flat = [r["outlet"] for _, r in enough.iterrows() if interval_defect(r["ci_low"], r["ci_high"])]
    comparable = enough[~enough["outlet"].isin(flat)]
    parts = []
    if len(enough) >= 2:
        apart = [
            f"{a['outlet']} and {b['outlet']}" for i, a in comparable.iterrows() for j, b in comparable.iterrows()
            if i < j and intervals_overlap((a["ci_low"], a["ci_high"]), (b["ci_low"], b["ci_high"])) is False
        ]
        verdict = (f"the intervals of {join_names(apart)} do not overlap" if apart
                   else "their intervals all overlap, so no outlet is shown to treat them differently"
                   if len(comparable) >= 2 else "no two of them have intervals that can be compared")
        if flat:  # every mention labelled alike: [x, x], no spread to judge a gap by (never "apart")
            verdict += (f"; {join_names(flat)} {'has' if len(flat) == 1 else 'have'} an interval of zero width "
                        f"(every mention labelled alike), so {'it is' if len(flat) == 1 else 'they are'} not compared")
        parts.append(f"{join_names(_cell(r) for _, r in enough.iterrows())}: {verdict}.")
    elif len(enough) == 1:
        parts.append(f"only {_cell(enough.iloc[0])} has enough mentions, so there is nothing to compare it with.")
    if len(few):
        names = join_names(f"{r['outlet']} ({int(r['n_mentions'])})" for _, r in few.iterrows())
        few_text = f"too few mentions to compare (under {MIN_MENTIONS_TO_COMPARE}): {names}."
        parts.append(few_text[0].upper() + few_text[1:] if parts else few_text)
    return f"{actor}: " + " ".join(parts)


def target_actors_note(summary: pd.DataFrame, *, top: int = 3) -> str:
    """For the ``top`` most-mentioned people: the outlets that can be compared, and the rest.

    A cell with fewer than ``MIN_MENTIONS_TO_COMPARE`` mentions is listed as too few,
    never compared; two cells differ only when their net-tone intervals do not overlap.
    """
    if summary.empty:
        kinds = join_names(f'"{k}"' if k else "empty" for k in TARGET_KINDS)
        return (f"No person from the actors table (kind {kinds}) is mentioned, "
                "so there is no tone toward anyone to show.")
    people = list(dict.fromkeys(summary["actor"]))  # most mentioned first
    sentences = [_actor_sentence(a, summary[summary["actor"] == a]) for a in people[:top]]
    rest = len(people) - top
    if rest > 0:
        others = "The other person is" if rest == 1 else f"The other {rest:,} people are"
        sentences.append(f"{others} in the table.{_tied_at_cut(summary, people, top)}")
    return " ".join(sentences)


def _tied_at_cut(summary: pd.DataFrame, people: list[str], top: int) -> str:
    """Said when people left out have as many mentions as the last one shown: a tie at the cut,
    which the order (by name) settles, not the counts."""
    totals = summary.groupby("actor")["n_mentions"].sum()
    last = int(totals[people[top - 1]])
    tied = [p for p in people[top:] if totals[p] == last]
    if not tied:
        return ""
    who = f"{tied[0]} is" if len(tied) == 1 else f"{plural(len(tied), 'of them', 'of them')} are"
    return (f" {who} mentioned as often as {people[top - 1]} ({plural(last, 'mention')}); the people shown "
            "above are the first by name among those tied.")


def target_method_note(model: TargetModel, metrics: pd.DataFrame) -> str:
    """The method in a paragraph; the training figures from the model's record, the test figures from ``metrics``."""
    about, ours, offset = model.about, metrics.iloc[0], model.class_offset
    return (
        f"Each mention of a person is labelled negative, neutral or positive toward that person by target_sentiment, "
        f"a logistic regression trained on the {about['n_rows']:,} human-labelled mentions of NewsMTSC's training "
        f"file (Hamborg & Donnay 2021, US political news). It reads {about['n_columns']:,} features: the sentence's "
        "words and word pairs with the mention replaced by a placeholder, letter sequences of the same text, the "
        "words on either side weighted by their distance from the mention, and VADER lexicon values near the "
        "mention, in its clause and in the whole sentence, with negation, quotation marks and speech verbs, and "
        "AFINN-165 lexicon values near the mention and in its clause. Before the highest-scoring class is taken, "
        f"the negative class's score is shifted by {offset[0]:+.2f} and the positive class's by {offset[2]:+.2f}, "
        "offsets chosen by cross-validation on the training file for the best macro F1. "
        f"On NewsMTSC's real-world test set ({int(ours['n']):,} mentions, never used in training) it reaches a "
        f"macro F1 of {ours['macro_f1']:.3f} and an accuracy of {ours['accuracy']:.0%}. Per outlet and person the "
        "table gives the share of mentions in each class and the net tone (share positive minus share negative) "
        f"with a {CI} bootstrap interval that resamples articles, then their mentions; cells with fewer than "
        f"{MIN_MENTIONS_TO_COMPARE} mentions are not compared."
    )


def target_validation_note(metrics: pd.DataFrame, confusion: pd.DataFrame) -> str:
    """Sentences stating the NewsMTSC results beside sentence-level VADER and the published best."""
    ours, vader, best = (metrics.iloc[i] for i in range(3))
    counts = confusion.to_numpy()
    n_neg, neg_as_pos = int(counts[0].sum()), int(counts[0, 2])
    n_pos, pos_as_neg = int(counts[2].sum()), int(counts[2, 0])
    errors = counts.sum() - counts.trace()
    neutral_errors = counts[1].sum() - counts[1, 1] + counts[:, 1].sum() - counts[1, 1]
    return (
        f"On {int(ours['n']):,} mentions of NewsMTSC's real-world test set, the model's macro F1 is "
        f"{ours['macro_f1']:.3f} (accuracy {ours['accuracy']:.0%}), against {vader['macro_f1']:.3f} for the tone of "
        f"the whole sentence by VADER (accuracy {vader['accuracy']:.0%}) and {best['macro_f1']:.3f} for the best "
        f"published model ({best['method']}), a large neural network. Of the {n_neg:,} mentions people labelled "
        f"negative it calls {neg_as_pos:,} positive, and of the {n_pos:,} positive ones {pos_as_neg:,} negative; "
        + (f"{neutral_errors / errors:.0%} of its {errors:,} errors confuse neutral with negative or positive."
           if errors else "it makes no other error.")
    )
