"""The quotations as the notebook shows them: how they were attributed, and the list an editor reads."""

from __future__ import annotations

import pandas as pd

from .vocabulary import KIND_UNKNOWN


def attribution_summary(quotes: pd.DataFrame) -> pd.DataFrame:
    """How the quotations were attributed: one row per rule, with counts per outlet.

    Returns
    -------
    DataFrame
        ``rule``, one column per outlet (quotations attributed by that rule) and
        ``total``; quoted terms are a row of their own. Most used rule first.
    """
    if quotes.empty:
        return pd.DataFrame(columns=["rule", "total"])
    grid = pd.crosstab(quotes["rule"], quotes["outlet"])
    grid["total"] = grid.sum(axis=1)
    grid = grid.sort_values(["total"], ascending=False, kind="stable")
    grid.columns.name = None
    return grid.reset_index()


def quotes_table(quotes: pd.DataFrame, *, which: str = "quotations") -> pd.DataFrame:
    """The quotations as an editor reads them: ``sentence_id, outlet, speaker, kind,
    side, verb, quote, as written, rule``.

    ``which``: "quotations" (quoted terms left out), "unattributed" (speaker kind
    "unknown"), "terms" (only the quoted terms) or "all".
    """
    masks = {
        "quotations": quotes["form"] != "term",
        "unattributed": (quotes["form"] != "term") & (quotes["speaker_kind"] == KIND_UNKNOWN),
        "terms": quotes["form"] == "term",
        "all": pd.Series(True, index=quotes.index),
    }
    shown = quotes[masks[which]]
    shown = shown.assign(
        speaker=shown["speaker"].where(shown["form"] == "term", shown["speaker"].fillna("(unattributed)"))
    )
    return shown[["sentence_id", "outlet", "speaker", "speaker_kind", "affiliation", "verb", "quote",
                  "speaker_as_written", "rule"]].rename(columns={
        "speaker_kind": "kind", "affiliation": "side", "speaker_as_written": "as written"}).reset_index(drop=True)
