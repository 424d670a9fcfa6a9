"""Which terms set an outlet apart: weighted log-odds with an informative prior; TF-IDF.

TF-IDF (``tfidf_terms``) is a second view, with no notion of chance.

``log_odds`` is Monroe, Colaresi & Quinn (2008), "Fightin' Words", Political Analysis
16(4), eqs. 16-22, with the informative Dirichlet prior taken from the whole corpus. For
group i, the rest j (all other groups pooled) and term w:

- ``y_iw``, ``y_jw``: uses of w in i and in j; ``n_i``, ``n_j``: their totals;
  ``y_w = y_iw + y_jw``, ``n = n_i + n_j``.
- prior: ``alpha_w = alpha_0 * y_w / n`` (the corpus rate, worth ``alpha_0``
  pseudo-counts in all; ``default_prior_strength`` says how ``alpha_0`` is chosen).
- ``delta_w = log((y_iw + alpha_w) / (n_i + alpha_0 - y_iw - alpha_w))
  - log((y_jw + alpha_w) / (n_j + alpha_0 - y_jw - alpha_w))`` (eq. 16)
- ``variance_w = 1 / (y_iw + alpha_w) + 1 / (y_jw + alpha_w)`` (eq. 20)
- ``z_w = delta_w / sqrt(variance_w)`` (eq. 22)

Positive z: group i uses w more than the rest; negative: less.

``distinctive_terms`` tests thousands of outlet-term pairs at once, so it corrects for
that: each pair's two-sided p-value from its z is adjusted with the Benjamini-Hochberg
procedure (scipy's ``false_discovery_control``) over every pair tested, and a pair is
significant when its adjusted p (``q_value``) is at most ``FDR_LEVEL``. Terms used fewer
than ``MIN_TEST_COUNT`` times in the corpus, and the calendar and function words of
``helpers/data/keyness_skip_words.csv``, are not tested (they stay in the table, marked).
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.stats import false_discovery_control, norm
from sklearn.feature_extraction.text import TfidfVectorizer

from ..tables import require_columns
from .counting import PER_WORDS, term_labels
from .occurrences import WORD

# Two-sided 5% level of a standard normal: |z| > 1.96 is the usual "unlikely by chance"
# mark for Monroe et al.'s z-scores (their section 3.5) for one test. Uncorrected for the
# thousands of pairs tested at once (about 5% pass by chance), it is shown for reference;
# significance is decided by FDR_LEVEL.
Z_CRITICAL = 1.96
# The false discovery rate allowed over all outlet-term pairs tested: Benjamini &
# Hochberg (1995), "Controlling the false discovery rate", JRSS B 57(1). At 5%, of the
# pairs called significant, at most 5% are expected to be chance, in expectation.
FDR_LEVEL = 0.05
# A term is tested only if the corpus uses it at least this often: with fewer, the
# normal approximation behind z (and so its p-value) is poor. Five is Cochran's (1954)
# rule of thumb for counts in a 2 x 2 table, the usual floor in corpus keyness work.
MIN_TEST_COUNT = 5
SKIP_WORDS_FILE = Path(__file__).resolve().parent.parent / "data" / "keyness_skip_words.csv"
NOT_TESTED_RARE = f"fewer than {MIN_TEST_COUNT} uses"  # ``skip_reason`` of a rare term

LOG_ODDS_COLUMNS = [
    "outlet", "term", "n", "n_rest", "total", "total_rest", "per_1000", "per_1000_rest",
    "alpha", "delta", "variance", "z", "significant",
]
TFIDF_COLUMNS = ["outlet", "term", "label", "n", "tfidf", "rank"]
TEST_COLUMNS = ["tested", "skip_reason", "p_value", "q_value", "significant"]


def read_skip_words(path: Path = SKIP_WORDS_FILE) -> dict[str, str]:
    """The words never tested as distinctive, each with its reason ("calendar",
    "function"): ``helpers/data/keyness_skip_words.csv`` past its ``#`` comments."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    return {row["word"].strip().lower(): row["reason"].strip() for row in rows}


SKIP_WORDS = read_skip_words()


def fdr_test(z: pd.Series, tested: pd.Series, *, level: float = FDR_LEVEL) -> pd.DataFrame:
    """Two-sided p-values of z-scores, Benjamini-Hochberg adjusted over the tested ones.

    Returns
    -------
    DataFrame
        Same index as ``z``: ``p_value`` (``2 * P(Z > |z|)``), ``q_value`` (the
        adjusted p over all tested z, scipy's ``false_discovery_control``), both
        missing where not tested; ``significant`` (tested and ``q_value <= level``).
    """
    tested = tested.astype(bool)
    p = pd.Series(np.nan, index=z.index, dtype="float64")
    q = p.copy()
    if tested.any():
        p[tested] = 2 * norm.sf(z[tested].abs().to_numpy(dtype="float64"))
        q[tested] = false_discovery_control(p[tested].to_numpy(), method="bh")
    return pd.DataFrame({"p_value": p, "q_value": q, "significant": tested & (q <= level)})


def default_prior_strength(totals: pd.Series) -> float:
    """The prior strength ``alpha_0`` used when none is given: the mean group size.

    Monroe et al. leave ``alpha_0`` to the analyst. Here the prior counts as much as
    one average outlet's text: it pulls an average outlet's rate about halfway toward
    the corpus rate, so a word an outlet uses once or twice does not stand out, while
    one it repeats can. (tidylo's default, ``alpha_w`` = the corpus counts, is
    ``alpha_0 = n``, as strong as all outlets together; on five articles it leaves
    no term past |z| = 1.96.)
    """
    return float(totals.sum()) / max(len(totals), 1)


def _group_totals(wide: pd.DataFrame, totals: pd.Series | None) -> pd.Series:
    """Each group's total ``n_i``, by default the sum of its counts, in ``wide``'s order."""
    if totals is None:
        totals = wide.sum(axis=0)
    totals = pd.Series(totals, dtype="float64").reindex(wide.columns)
    if totals.isna().any():
        raise ValueError(f"totals lack the group(s) {list(totals[totals.isna()].index)}")
    return totals


def _one_against_rest(wide: pd.DataFrame, totals: pd.Series, group, *, by: str,
                      alpha: pd.Series, alpha_0: float) -> pd.DataFrame:
    """``log_odds``'s rows for one group (before ``significant`` and sorting)."""
    n_all = float(totals.sum())
    y_w = wide.sum(axis=1)
    y_i, n_i = wide[group], totals[group]
    y_j, n_j = y_w - y_i, n_all - n_i
    delta = (np.log((y_i + alpha) / (n_i + alpha_0 - y_i - alpha))
             - np.log((y_j + alpha) / (n_j + alpha_0 - y_j - alpha)))
    variance = 1 / (y_i + alpha) + 1 / (y_j + alpha)
    z = delta / np.sqrt(variance)
    return pd.DataFrame({
        by: group, "term": wide.index, "n": y_i.astype("int64").to_numpy(),
        "n_rest": y_j.astype("int64").to_numpy(), "total": int(n_i), "total_rest": int(n_j),
        "per_1000": (y_i / n_i * PER_WORDS).to_numpy() if n_i else np.nan,
        "per_1000_rest": (y_j / n_j * PER_WORDS).to_numpy() if n_j else np.nan,
        "alpha": alpha.to_numpy(), "delta": delta.to_numpy(),
        "variance": variance.to_numpy(), "z": z.to_numpy(),
    })


def log_odds(
    counts: pd.DataFrame,
    *,
    by: str = "outlet",
    term: str = "term",
    n: str = "n",
    totals: pd.Series | None = None,
    prior_strength: float | None = None,
) -> pd.DataFrame:
    """Weighted log-odds ratios, each group against all the other groups together.

    The formulas are in this module's docstring (Monroe et al. 2008, eqs. 16-22).

    Parameters
    ----------
    counts
        Long table with a group column (``by``), a ``term`` column and counts ``n``;
        one row per group and term (missing pairs count 0). Not modified.
    totals
        Each group's total (index: group). Default: the sum of its counts. Pass word
        totals to score a few terms (framing groups) against all words.
    prior_strength
        ``alpha_0``. Default ``default_prior_strength`` (the mean group total).

    Returns
    -------
    DataFrame
        One row per group and term (every term of the corpus, for every group, so
        terms a group never uses show how far below the rest it is), sorted by group
        then z (highest first), count and term: the group column, ``term``, ``n``
        (``y_iw``), ``n_rest`` (``y_jw``), ``total`` (``n_i``), ``total_rest``
        (``n_j``), ``per_1000`` and ``per_1000_rest`` (rates per 1,000 of the totals),
        ``alpha`` (``alpha_w``), ``delta``, ``variance``, ``z``, ``significant``
        (``|z| > Z_CRITICAL``). Empty when there are fewer than two groups: with one
        outlet there is nothing to set it apart from.
    """
    require_columns(counts, [by, term, n], "counts")
    wide = counts.pivot_table(index=term, columns=by, values=n, aggfunc="sum", fill_value=0)
    columns = [by if c == "outlet" else c for c in LOG_ODDS_COLUMNS]
    if wide.shape[1] < 2 or wide.empty:
        return pd.DataFrame(columns=columns)
    wide = wide.sort_index(axis=0).sort_index(axis=1).astype("float64")
    totals = _group_totals(wide, totals)
    alpha_0 = default_prior_strength(totals) if prior_strength is None else float(prior_strength)
    if alpha_0 <= 0:
        raise ValueError(f"prior_strength must be positive, not {alpha_0}")
    alpha = alpha_0 * wide.sum(axis=1) / float(totals.sum())
    out = pd.concat([_one_against_rest(wide, totals, group, by=by, alpha=alpha, alpha_0=alpha_0)
                     for group in wide.columns], ignore_index=True)
    out["significant"] = out["z"].abs() > Z_CRITICAL
    out = out.sort_values([by, "z", "n", "term"], ascending=[True, False, False, True],
                          kind="stable", ignore_index=True)
    return out[columns]


def _skip_reasons(scored: pd.DataFrame, min_count: int) -> pd.Series:
    """Why each pair is not tested ("" where it is): a skip word's reason, else a rare term."""
    listed = scored["label"].str.lower().map(SKIP_WORDS).fillna(scored["term"].map(SKIP_WORDS))
    reason = listed.where(scored["kind"] == WORD).fillna("").astype("str")
    rare = (scored["n"] + scored["n_rest"]) < min_count
    return reason.mask(rare & (reason == ""), f"fewer than {min_count} uses")


def distinctive_terms(counts: pd.DataFrame, totals: pd.DataFrame, *,
                      prior_strength: float | None = None,
                      min_count: int = MIN_TEST_COUNT) -> pd.DataFrame:
    """Each outlet's terms scored against all other outlets (``log_odds`` on ``term_counts``).

    The log-odds compare shares of each outlet's counted words (``totals.n_terms``, the
    multinomial of Monroe et al.); a phrase, counted besides its words, is scored
    against the same totals. The rates shown beside them are per 1,000 words of
    running text, like ``term_counts``. Pairs are tested as the module docstring says:
    terms used at least ``min_count`` times in the corpus and not in ``SKIP_WORDS``;
    Benjamini-Hochberg over all pairs tested, significant at ``FDR_LEVEL``.

    Parameters
    ----------
    counts
        From ``term_counts``.
    totals
        From ``word_totals``.

    Returns
    -------
    DataFrame
        ``log_odds`` columns (the group column is ``outlet``) with ``kind`` and
        ``label`` after ``term``, ``per_1000`` = uses per 1,000 of the outlet's words
        and ``per_1000_rest`` = uses per 1,000 words of all other outlets; then
        ``tested``, ``skip_reason`` ("" when tested, else why not), ``p_value``,
        ``q_value`` (Benjamini-Hochberg), ``significant`` (``q_value <= FDR_LEVEL``),
        and ``rank`` (1 = the outlet's most distinctive tested term; missing for terms
        not tested). Sorted by outlet, tested first, then z (highest first). Empty when
        the corpus has a single outlet: there is nothing to set it apart from.
    """
    n_terms = totals.set_index("outlet")["n_terms"]
    scored = log_odds(counts[["outlet", "term", "n"]], totals=n_terms,
                      prior_strength=prior_strength)
    terms = counts.drop_duplicates("term").set_index("term")
    scored.insert(2, "label", scored["term"].map(terms["label"]).astype("str"))
    scored.insert(2, "kind", scored["term"].map(terms["kind"]).astype("str"))
    words = totals.set_index("outlet")["n_words"]
    own = scored["outlet"].map(words).astype("float64")
    rest = float(words.sum()) - own
    scored["per_1000"] = scored["n"] / own.where(own > 0) * PER_WORDS
    scored["per_1000_rest"] = scored["n_rest"] / rest.where(rest > 0) * PER_WORDS
    scored["skip_reason"] = _skip_reasons(scored, min_count)
    scored["tested"] = scored["skip_reason"] == ""
    scored = scored.drop(columns="significant").join(fdr_test(scored["z"], scored["tested"]))
    scored = scored.sort_values(["outlet", "tested", "z", "n", "term"],
                                ascending=[True, False, False, False, True],
                                kind="stable", ignore_index=True)
    rank = scored[scored["tested"]].groupby("outlet").cumcount() + 1
    scored["rank"] = rank.reindex(scored.index).astype("Int64")
    columns = [c for c in scored.columns if c not in [*TEST_COLUMNS, "rank"]]
    return scored[[*columns, *TEST_COLUMNS, "rank"]]


def prior_sensitivity(counts: pd.DataFrame, totals: pd.DataFrame, *,
                      prior_strength: float | None = None) -> dict[str, tuple[float, int]]:
    """Outlet-term pairs significant after the correction (``distinctive_terms``, z > 0)
    as the prior's strength changes.

    Returns ``{"half": ..., "chosen": ..., "corpus": ...}``, each ``(alpha_0, n_pairs)``:
    half the strength used (``prior_strength``, or ``default_prior_strength`` of the
    outlets' ``n_terms``), that strength, and one as strong as the whole corpus
    (tidylo's default). Needs at least two outlets.
    """
    chosen = (default_prior_strength(totals.set_index("outlet")["n_terms"])
              if prior_strength is None else float(prior_strength))
    strengths = {"half": chosen / 2, "chosen": chosen, "corpus": float(totals["n_terms"].sum())}
    out = {}
    for name, strength in strengths.items():
        scored = distinctive_terms(counts, totals, prior_strength=strength)
        out[name] = (strength, int((scored["significant"] & (scored["z"] > 0)).sum()))
    return out


def tfidf_terms(occurrences: pd.DataFrame, *, top_n: int | None = None) -> pd.DataFrame:
    """TF-IDF of each word with each outlet's text as one document (scikit-learn).

    ``TfidfVectorizer`` defaults: raw counts times smoothed idf
    (``ln((1 + n_docs) / (1 + df)) + 1``), each outlet's vector scaled to unit length.
    A term every outlet uses gets the lowest idf; one only this outlet uses, the
    highest. Unlike the log-odds it has no notion of chance: a word used once by one
    outlet can rank high.

    Returns
    -------
    DataFrame
        ``outlet, term, label, n, tfidf, rank`` for the terms each outlet uses, sorted
        by outlet and tf-idf (highest first); ``top_n`` keeps the first per outlet.
    """
    occurrences = occurrences[occurrences["kind"] == WORD]  # words; phrases are extra rows
    if occurrences.empty:
        return pd.DataFrame(columns=TFIDF_COLUMNS)
    docs = occurrences.groupby("outlet", sort=True)["term"].apply(list)
    vectorizer = TfidfVectorizer(analyzer=lambda doc: doc, lowercase=False)
    matrix = vectorizer.fit_transform(docs.tolist())
    vocab = vectorizer.get_feature_names_out()
    frames = []
    for row, outlet in enumerate(docs.index):
        vec = matrix.getrow(row).tocoo()
        frames.append(pd.DataFrame({"outlet": outlet, "term": vocab[vec.col], "tfidf": vec.data}))
    out = pd.concat(frames, ignore_index=True)
    n = occurrences.groupby(["outlet", "term"]).size()
    out["n"] = pd.MultiIndex.from_frame(out[["outlet", "term"]]).map(n.to_dict()).astype("int64")
    out["label"] = out["term"].map(term_labels(occurrences))
    out = out.sort_values(["outlet", "tfidf", "term"], ascending=[True, False, True],
                          kind="stable", ignore_index=True)
    out["rank"] = out.groupby("outlet").cumcount().astype("int64") + 1
    if top_n is not None:
        out = out[out["rank"] <= top_n].reset_index(drop=True)
    return out[TFIDF_COLUMNS]


def shared_word_weight(n_outlets: int) -> float:
    """How much of the weight of a word only one outlet uses a word every outlet uses keeps
    in ``tfidf_terms``: the ratio of their smoothed idfs, ``ln((1 + k) / (1 + df)) + 1``."""
    return 1 / (np.log((1 + n_outlets) / 2) + 1)
