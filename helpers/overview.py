"""Summaries of a loaded corpus: the tables and sentences of the ``00_corpus`` notebook."""

from __future__ import annotations

import pandas as pd

from .events import summarise_periods
from .wordlists import read_rows


def article_overview(articles: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per article with what the page held besides its body.

    Returns
    -------
    DataFrame
        ``article_id, outlet, date, headline, n_words, n_sentences, n_paragraphs,
        dek, dateline, wire, subheads`` (subheads joined by " | ").
    """
    n_sentences = sentences.groupby("article_id").size()
    out = articles[["article_id", "outlet", "date", "headline", "n_words"]].copy()
    out["n_sentences"] = out["article_id"].map(n_sentences).fillna(0).astype("int64")
    out["n_paragraphs"] = articles["n_paragraphs"]
    for col in ["dek", "dateline", "wire"]:
        out[col] = articles[col]
    out["subheads"] = articles["subheads"].str.replace("\n", " | ", regex=False)
    return out


def outlet_counts(articles: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per outlet: ``outlet, n_articles, n_words, n_sentences, first_date, last_date``."""
    n_sentences = sentences.groupby("article_id").size()
    data = articles.assign(n_sentences=articles["article_id"].map(n_sentences).fillna(0))
    out = data.groupby("outlet").agg(
        n_articles=("article_id", "size"), n_words=("n_words", "sum"),
        n_sentences=("n_sentences", "sum"), first_date=("date", "min"), last_date=("date", "max"),
    )
    out["n_sentences"] = out["n_sentences"].astype("int64")
    return out.reset_index().sort_values(["n_articles", "outlet"], ascending=[False, True], ignore_index=True)


def removed_summary(removed: pd.DataFrame) -> pd.DataFrame:
    """One row per rule: ``rule, action, n_lines, n_articles, example`` (most lines first)."""
    if removed.empty:
        return pd.DataFrame(columns=["rule", "action", "n_lines", "n_articles", "example"])
    out = removed.groupby(["rule", "action"]).agg(
        n_lines=("line_n", "size"), n_articles=("article_id", "nunique"), example=("text", "first"),
    )
    return out.reset_index().sort_values(["n_lines", "rule"], ascending=[False, True], ignore_index=True)


def corpus_finding(articles: pd.DataFrame, removed: pd.DataFrame, periods: pd.DataFrame) -> str:
    """The notebook's one-line finding, every number computed from the tables.

    Articles with no date, or only a year or month (``date_precision``), are counted apart:
    "all published in May 2024" is said only when every article is dated to the day.
    """
    summary = summarise_periods(periods[periods["period"] > 0])
    n_art, n_out = len(articles), articles["outlet"].nunique()
    n_undated = int((periods["period"] == 0).sum())
    head = f"{_count(n_art, 'article')} from {_count(n_out, 'outlet')}"
    undated = _undated(articles, n_undated)
    if len(summary) > 1:
        moments = ", ".join(f"{r.period_label} ({_count(r.n_articles, 'article')})" for r in summary.itertuples())
        head += (f" cover {len(summary)} separate moments ({moments}{'; ' + undated if undated else ''}), "
                 "so compare outlets within a moment, not across.")
    elif len(summary) == 1 and undated:
        head += f": {n_art - n_undated} published in {summary.period_label.iloc[0]}, {undated}."
    elif len(summary) == 1:
        head += f", all published in {summary.period_label.iloc[0]}."
    else:
        head += ", none of them dated to the day." if "date_precision" in articles else ", none of them dated."
    n_removed = int((removed["action"] == "removed").sum())
    n_moved = int((removed["action"] == "reclassified").sum())
    n_par = int(articles["n_paragraphs"].sum())
    return (
        f"{head} Cleaning kept {_count(n_par, 'body paragraph')}, took out "
        f"{_count(n_removed, 'line')} of page furniture and moved "
        + ("1 headline, dek, dateline, subhead or credit to its own column." if n_moved == 1 else
           f"{n_moved} headlines, deks, datelines, subheads and credits to their own columns.")
    )


def _undated(articles: pd.DataFrame, n_undated: int) -> str:
    """``"2 undated (1 with only a year or month)"``, or "" when every article has a day."""
    if not n_undated:
        return ""
    partial = int(articles["date_precision"].isin(["year", "month"]).sum()) if "date_precision" in articles else 0
    return f"{n_undated} undated" + (f" ({partial} with only a year or month)" if partial else "")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' * (n != 1)}"


def page_validation(name: str = "page_validation") -> pd.DataFrame:
    """The cleaner's dated figures on labelled news pages (``helpers/data/<name>.csv``, written
    by ``python -m validation.pages``): ``set, measure, label, numerator, denominator, value, date``."""
    rows = read_rows(name)
    out = pd.DataFrame(rows[1:], columns=rows[0])
    for col in ("numerator", "denominator", "value"):
        out[col] = pd.to_numeric(out[col])
    return out


def cleaning_validation_note(figures: pd.DataFrame | None = None, *, which: str = "eval") -> str:
    """One paragraph: how the cleaner did on the labelled pages of set ``which`` ("eval", held
    out; "dev", developed on), every number read from ``figures`` (``page_validation()`` by
    default)."""
    figures = page_validation() if figures is None else figures
    got = figures[figures["set"] == which].set_index(["measure", "label"])

    def count(measure: str, label: str) -> str:
        row = got.loc[(measure, label)]
        return f"{int(row['numerator'])} of {int(row['denominator'])}"

    def value(measure: str, label: str) -> str:
        return f"{got.loc[(measure, label), 'value']:.2f}"

    kind = "held out from rule development" if which == "eval" else "the rules were developed on"
    return (
        f"Checked on {int(got.loc[('pages', 'pages'), 'numerator'])} real news pages {kind} "
        f"({int(got.loc[('outlets', 'outlets'), 'numerator'])} outlets, "
        f"{int(got.loc[('topics', 'topics'), 'numerator'])} topics; labelled line by line, scored "
        f"{got['date'].iloc[0]}), cleaning kept {count('body line recall', 'body')} article lines in the body "
        f"and took out page furniture with F1 {value('f1', 'non-body')} (precision "
        f"{value('precision', 'non-body')}, recall {value('recall', 'non-body')}). It found all five page "
        f"parts (headline, dek, byline, dateline, agency) right on {count('page parts all right', 'all')} "
        f"pages, and the agency credit on {count('agency found where stated', 'agency')} pages that state one."
    )
