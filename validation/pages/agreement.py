"""``python -m validation.pages.agreement``: how far two labellers agree on the same dev pages.

``agreement/<id>.txt`` holds a second labelling (B) of 45 dev pages, made from the page text
alone without seeing ``dev/<id>.txt`` (A). This compares the two as the scorer compares the
cleaner with the labels: B is read as if it were a system (``as_view``) and scored with
``score.py``'s own functions against A, then the other way round; plus Cohen's kappa over the
12 line labels and per-label counts. Prints the table and writes ``agreement.csv``
(``measure, label, numerator, denominator, value``); ``--lines`` also prints every line and
part the two labellers read differently.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import pandas as pd
from sklearn.metrics import cohen_kappa_score

from .read import HERE, LABELS, Page, none_if_empty, normalise, read_page, read_set
from .score import (
    ANONYMOUS,
    PARTS,
    SystemView,
    line_rows,
    match_quotes,
    part_right,
    quote_details,
    quote_rows,
    score,
    system_view,
)

SECOND = "agreement"  # the folder of the second labelling
FIRST = "dev"  # the folder of the first (the dev set's labels)
COLUMNS = ["measure", "label", "numerator", "denominator", "value"]
COUNTS_ONLY = "lines with the label, A / B"  # rows holding two counts, not a share
AGENCY_COUNTS = "pages stating an agency, A / B"  # likewise


def read_pairs(folder: Path = HERE) -> tuple[list[Page], list[Page]]:
    """(A pages, B pages) in the same order: every page of ``agreement/`` with its ``dev/`` twin,
    whose text must be the same."""
    second = read_set(SECOND, folder)
    first = [read_page(folder / FIRST / f"{p.page_id}.txt") for p in second]
    for a, b in zip(first, second, strict=True):
        if [t for _, t in a.lines] != [t for _, t in b.lines]:
            raise ValueError(f"page {a.page_id}: the two labellings are of different texts")
    return first, second


def quote_spans(page: Page) -> list[str]:
    """Each listed quotation of ``page`` as a span of normalised body text: from its first words to
    the next listed quotation's first words in the same line, or to the line's end."""
    lines = [normalise(t) for lab, t in page.lines if lab == "body"]
    starts = []
    for _, words in page.quotes:
        key = normalise(words)
        hit = next(((i, line.find(key)) for i, line in enumerate(lines)
                    if key in line and (i, line.find(key)) not in starts), None)
        starts.append(hit)
    spans = []
    for start in starts:
        if start is None:
            spans.append("")
            continue
        i, pos = start
        later = [p for j, p in (s for s in starts if s) if j == i and p > pos]
        spans.append(lines[i][pos:min(later, default=len(lines[i]))])
    return spans


def as_view(page: Page) -> SystemView:
    """A labelled page read as a system's output: its line labels, its first headline, dek and byline
    line, its header's dateline and agency, and its quotations with their speakers."""
    quotes = [dict(quote=span, speaker=speaker,
                   speaker_kind="anonymous source" if speaker == ANONYMOUS else "named person")
              for (speaker, _), span in zip(page.quotes, quote_spans(page), strict=True)]
    return SystemView(
        line_labels=[lab for lab, _ in page.lines],
        parts=dict(headline=page.first("headline"), dek=page.first("dek"), byline=page.first("byline"),
                   dateline=none_if_empty(page.meta["dateline"]), agency=none_if_empty(page.meta["agency"])),
        quotes=quotes,
    )


def _row(measure: str, label: str, num: int | None, den: int | None, value: float | None = None) -> dict:
    if value is None and num is not None and den:
        value = num / den
    return dict(measure=measure, label=label, numerator=num, denominator=den,
                value=None if value is None else round(value, 4))


def label_pairs(first: list[Page], second: list[Page]) -> list[tuple[str, str]]:
    """(A's label, B's label) for every non-blank line of every page."""
    return [(la, lb) for a, b in zip(first, second, strict=True)
            for (la, _), (lb, _) in zip(a.lines, b.lines, strict=True) if la]


def kappa_rows(pairs: list[tuple[str, str]]) -> list[dict]:
    """Raw agreement and Cohen's kappa over the 12 labels and over body / non-body; then per label
    the lines both gave it, of the lines either gave it (A's and B's counts in the label)."""
    a, b = [x for x, _ in pairs], [y for _, y in pairs]
    same = sum(x == y for x, y in pairs)
    rows = [_row("line agreement", "12 labels", same, len(pairs)),
            _row("cohen kappa", "12 labels", None, len(pairs), cohen_kappa_score(a, b, labels=list(LABELS)))]
    a2, b2 = [x == "body" for x in a], [y == "body" for y in b]
    rows += [_row("line agreement", "body/non-body", sum(x == y for x, y in zip(a2, b2, strict=True)), len(pairs)),
             _row("cohen kappa", "body/non-body", None, len(pairs), cohen_kappa_score(a2, b2))]
    for label in LABELS:
        both = sum(x == y == label for x, y in pairs)
        either = sum(label in (x, y) for x, y in pairs)
        if either:
            rows += [_row("lines with the label, both of either", label, both, either),
                     dict(measure=COUNTS_ONLY, label=label, numerator=a.count(label),
                          denominator=b.count(label), value=None)]
    return rows


def scorer_rows(truth: list[Page], other: list[Page], direction: str) -> list[dict]:
    """The scorer's line figures (body recall, non-body P/R/F1) with ``truth`` as the labels and
    ``other`` read as the system."""
    pick = {("body line recall", "body"), ("precision", "non-body"), ("recall", "non-body"), ("f1", "non-body")}
    views = [as_view(p) for p in other]
    return [_row(f"{r['measure']} ({direction})", r["label"], r["numerator"], r["denominator"], r["value"])
            for r in line_rows("x", truth, views) if (r["measure"], r["label"]) in pick]


def same_part(a: Page, b: Page, part: str) -> bool:
    """Whether the two labellings give ``part`` alike: the same lines labelled with it (headline,
    dek, byline), the same place (dateline), the same agency."""
    if part == "dateline":
        return part_right(a, as_view(b), "dateline")
    if part == "agency":
        return none_if_empty(a.meta["agency"]) == none_if_empty(b.meta["agency"])
    lines = [{n for n, (lab, _) in enumerate(p.lines) if lab == part} for p in (a, b)]
    return lines[0] == lines[1]


def part_agreement_rows(first: list[Page], second: list[Page]) -> list[dict]:
    """Per part, pages where A and B agree (``same_part``), pages where all five agree; the same as
    the scorer reads parts (A as truth, B as system, and the reverse); agency where either states one."""
    n = len(first)
    same = [{part: same_part(a, b, part) for part in PARTS} for a, b in zip(first, second, strict=True)]
    rows = [_row("pages part agrees", part, sum(s[part] for s in same), n) for part in PARTS]
    rows.append(_row("pages all five parts agree", "all", sum(all(s.values()) for s in same), n))
    for truth, other, direction in ((first, second, "A truth"), (second, first, "B truth")):
        right = [{part: part_right(t, as_view(o), part) for part in PARTS}
                 for t, o in zip(truth, other, strict=True)]
        rows += [_row(f"page part right ({direction})", part, sum(r[part] for r in right), n) for part in PARTS]
        rows.append(_row(f"page parts all right ({direction})", "all", sum(all(r.values()) for r in right), n))
    stated = [(none_if_empty(a.meta["agency"]), none_if_empty(b.meta["agency"]))
              for a, b in zip(first, second, strict=True)]
    either = [(x, y) for x, y in stated if x or y]
    rows.append(_row("agency same where either states one", "agency", sum(x == y for x, y in either), len(either)))
    rows.append(dict(measure=AGENCY_COUNTS, label="agency", numerator=sum(bool(x) for x, _ in stated),
                     denominator=sum(bool(y) for _, y in stated), value=None))
    return rows


def quote_agreement_rows(first: list[Page], second: list[Page]) -> list[dict]:
    """Speaker agreement as the scorer reads it (A truth, then B truth), matching quotations by
    their first words, and how many quotations only one labeller listed."""
    rows = []
    for truth, other, direction in ((first, second, "A truth"), (second, first, "B truth")):
        views = [as_view(p) for p in other]
        rows += [_row(f"{r['measure']} ({direction})", r["label"], r["numerator"], r["denominator"], r["value"])
                 for r in quote_rows("x", truth, views)]
    counts = [match_quotes(a, as_view(b)) for a, b in zip(first, second, strict=True)]
    listed_a, listed_b, found, right = (sum(c[i] for c in counts) for i in range(4))
    rows += [_row("quotations only A listed", "quotes", listed_a - found, listed_a),
             _row("quotations only B listed", "quotes", listed_b - found, listed_b),
             _row("matched quotations, same speaker", "quotes", right, found)]
    return rows


def agreement_table(folder: Path = HERE) -> pd.DataFrame:
    """Every agreement figure for the pages of ``agreement/`` against their ``dev/`` labels."""
    first, second = read_pairs(folder)
    rows = [_row("pages", "pages", len(first), len(first))]
    rows += kappa_rows(label_pairs(first, second))
    rows += scorer_rows(first, second, "A truth") + scorer_rows(second, first, "B truth")
    rows += part_agreement_rows(first, second) + quote_agreement_rows(first, second)
    return pd.DataFrame(rows, columns=COLUMNS)


def disagreements(first: list[Page], second: list[Page]) -> list[str]:
    """Every line the two labellers read differently ('313:11 A byline / B widget | text'), every
    part they give differently, then the label pairs counted."""
    out, pairs = [], Counter()
    for a, b in zip(first, second, strict=True):
        for n, ((la, text), (lb, _)) in enumerate(zip(a.lines, b.lines, strict=True), start=1):
            if la != lb:
                pairs[(la, lb)] += 1
                out.append(f"{a.page_id}:{n} A {la} / B {lb} | {text[:100]}")
        for part in PARTS:
            if not same_part(a, b, part):
                want = [a.meta[part], b.meta[part]] if part in ("agency", "dateline") else \
                    [" / ".join(p.all(part))[:70] for p in (a, b)]
                out.append(f"{a.page_id} part {part}: A {want[0]!r} / B {want[1]!r}")
    out += [f"{count:3d}  A {la} / B {lb}" for (la, lb), count in pairs.most_common()]
    quotes = quote_details(first, [as_view(p) for p in second])
    for _, q in quotes[quotes["status"] != "right"].iterrows():
        who = "only B" if q["status"] == "not labelled" else "only A" if q["status"] == "not found" else "speaker"
        out.append(f"{q['page']} quote {who}: A {q['gold']!r} / B {q['speaker']!r} | {str(q['quote'])[:70]}")
    return out


def system_rows(folder: Path = HERE) -> list[dict]:
    """The cleaner and the attribution scored on the same pages against A's labels and against B's:
    the headline figures, to set beside the labellers' agreement."""
    first, second = read_pairs(folder)
    views = system_view(first)
    keep = {("body line recall", "body"), ("f1", "non-body"), ("page parts all right", "all"),
            ("agency found where stated", "agency"), ("f1", "speaker")}
    rows = []
    for pages, name in ((first, "A"), (second, "B")):
        table = score(name, pages, views)
        rows += [_row(f"system {r.measure} (truth {name})", r.label, r.numerator, r.denominator, r.value)
                 for r in table.itertuples() if (r.measure, r.label) in keep]
    return rows


def with_intervals(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with the 95% Wilson interval (``ci_low``, ``ci_high``) of every share numerator / denominator
    (scipy's ``binomtest``): 45 pages leave wide intervals."""
    from scipy.stats import binomtest

    def interval(row):
        num, den = row["numerator"], row["denominator"]
        counts_only = row["measure"] in (COUNTS_ONLY, AGENCY_COUNTS, "pages")
        if counts_only or pd.isna(num) or pd.isna(den) or not den or num > den:
            return pd.Series([None, None])
        ci = binomtest(int(num), int(den)).proportion_ci(method="wilson")
        return pd.Series([round(ci.low, 4), round(ci.high, 4)])

    return table.assign(**dict(zip(["ci_low", "ci_high"], table.apply(interval, axis=1).T.values, strict=True)))


def main(argv: list[str] | None = None) -> pd.DataFrame:
    """Compute, print and write the agreement table; return it."""
    parser = argparse.ArgumentParser(prog="python -m validation.pages.agreement", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=HERE / "agreement.csv", help="CSV of the figures")
    parser.add_argument("--folder", type=Path, default=HERE, help="folder holding agreement/ and dev/")
    parser.add_argument("--lines", action="store_true", help="also print every line and part read differently")
    parser.add_argument("--system", action="store_true",
                        help="also score the cleaner and the attribution against each labelling (runs them)")
    args = parser.parse_args(argv)
    table = agreement_table(args.folder)
    if args.system:
        table = pd.concat([table, pd.DataFrame(system_rows(args.folder), columns=COLUMNS)], ignore_index=True)
    table = with_intervals(table)
    if args.lines:
        print(*disagreements(*read_pairs(args.folder)), sep="\n")
    with pd.option_context("display.max_rows", None, "display.width", 140):
        print(table.to_string(index=False))
    table.astype({"numerator": "Int64", "denominator": "Int64"}).to_csv(args.out, index=False, lineterminator="\n")
    return table


if __name__ == "__main__":
    main()
