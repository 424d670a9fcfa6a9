"""Loading is safe and exact with any corpus (issue 13): nothing outside the corpus is
opened, side tables of a table corpus, one name per outlet, stated dates, byte values,
internal column names, broken JSONL, extension case, delimiters, Unicode file names,
multi-line CSV records, and messages instead of tracebacks."""

from __future__ import annotations

import builtins
import json
import os
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

from helpers.actors import load_actors
from helpers.corpus import CorpusError, CorpusWarning, cache, load_corpus, side_table_path
from helpers.corpus.outlets import normalise_outlets
from helpers.terms import load_framing
from tests.conftest import tree_hashes, write_corpus

SECRET = "PRIVATE-DECOY-4417"
DECOY_TEXT = f"The minister met the envoy on Monday, officials said. {SECRET} is in my private notes.\n"


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch):
    monkeypatch.setenv("NEWS_BUNDLE_CACHE", "0")


def _story(i: int) -> str:
    return f"Talks resumed on day {i} of the summit, officials said.\nBoth sides attended meeting {i}.\n"


def _write_table(table: pd.DataFrame, path: Path) -> None:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        table.to_csv(path, index=False)
    elif suffix == ".parquet":
        table.to_parquet(path)
    else:
        table.to_json(path, orient="records", lines=True)


@pytest.fixture
def decoy(tmp_path) -> Path:
    """A folder beside the corpus holding private text that must never be read."""
    folder = tmp_path / "decoy"
    folder.mkdir()
    (folder / "notes.txt").write_text(DECOY_TEXT)
    (folder / "actors.csv").write_text(f"name,aliases\n{SECRET},x\n")
    (folder / "framing.csv").write_text(f"group,term\n{SECRET},secret\n")
    write_corpus(folder / "corp", [dict(file="n.txt", outlet=SECRET, text=DECOY_TEXT)])
    return folder


def _nothing_leaked(result, secret: str = SECRET) -> None:
    for table in result:
        assert not any(secret in str(c) for c in table.columns)
        assert not table.astype(str).apply(lambda col: col.str.contains(secret, regex=False)).any().any()


def _refused(path, *, fragments: list[str], watch: list[Path]) -> str:
    before = [tree_hashes(p) for p in watch]
    with pytest.raises(CorpusError) as info:
        load_corpus(path)
    message = str(info.value)
    for fragment in fragments:
        assert fragment in message, (fragment, message)
    assert SECRET not in message
    assert [tree_hashes(p) for p in watch] == before  # no file changed, inside or outside
    return message


# ---------------------------------------------------------------- 1. nothing outside is opened
@pytest.mark.parametrize("name", ["../decoy/notes.txt", "sub/../../decoy/notes.txt", "ABSOLUTE"])
def test_file_cell_leading_outside_is_refused(tmp_path, decoy, name):
    name = str(decoy / "notes.txt") if name == "ABSOLUTE" else name
    corpus = write_corpus(tmp_path / "c", [dict(file="a.txt", outlet="A", text=_story(1)), dict(file=name, outlet="B")])
    (corpus / "sub").mkdir()
    _refused(corpus, fragments=["metadata.csv line 3", repr(name), "Copy the article into the corpus folder"],
             watch=[corpus, decoy])


def test_symlinked_file_or_folder_leading_outside_is_refused(tmp_path, decoy):
    corpus = write_corpus(tmp_path / "c", [
        dict(file="a.txt", outlet="A", text=_story(1)), dict(file="link.txt", outlet="B"),
        dict(file="away/notes.txt", outlet="C"),
    ])
    (corpus / "link.txt").symlink_to(decoy / "notes.txt")
    (corpus / "away").symlink_to(decoy, target_is_directory=True)
    message = _refused(corpus, fragments=["metadata.csv line 3: file 'link.txt' leads outside",
                                          "metadata.csv line 4: file 'away/notes.txt' leads outside",
                                          "Copy the article into the corpus folder"], watch=[corpus, decoy])
    assert "line 2" not in message


def test_links_and_subfolders_inside_the_corpus_are_fine(tmp_path, decoy):
    (tmp_path / "c" / "sub").mkdir(parents=True)
    corpus = write_corpus(tmp_path / "c", [
        dict(file="sub/real.txt", outlet="A", text=_story(1)), dict(file="link.txt", outlet="B"),
    ])
    (corpus / "link.txt").symlink_to(Path("sub") / "real.txt")
    (corpus / "stray.txt").symlink_to(decoy / "notes.txt")  # not named, leads outside: never read
    with pytest.warns(CorpusWarning):
        result = load_corpus(corpus)
    assert not result.log.message.str.contains("stray.txt").any()  # it could not be added: no warning
    assert result.articles.file.tolist() == ["sub/real.txt", "link.txt"]
    assert pd.isna(result.articles.duplicate_of[0]) and result.articles.duplicate_of[1] == "real"
    _nothing_leaked(result)


def test_metadata_csv_linking_outside_is_refused(tmp_path, decoy):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "n.txt").write_text(_story(1))
    (corpus / "metadata.csv").symlink_to(decoy / "corp" / "metadata.csv")
    _refused(corpus, fragments=["metadata.csv: is a link leading outside the corpus folder", "Copy the metadata file"],
             watch=[corpus, decoy])


def test_cache_key_never_opens_what_leads_outside(tmp_path, decoy, monkeypatch):
    monkeypatch.setenv("NEWS_BUNDLE_CACHE", "1")
    monkeypatch.setattr(cache, "TABLES_DIR", tmp_path / "cache")
    corpus = write_corpus(tmp_path / "c", [dict(file="a.txt", outlet="A", text=_story(1))])
    plain_key = cache.corpus_key(corpus)
    (corpus / "evil.txt").symlink_to(decoy / "notes.txt")
    (corpus / "away").symlink_to(decoy, target_is_directory=True)
    (corpus / "loop.txt").symlink_to(corpus / "loop.txt")
    opened: list[Path] = []

    def spy(file, *args, **kwargs):
        opened.append(Path(file).resolve())
        return builtins.open(file, *args, **kwargs)

    monkeypatch.setattr(cache, "open", spy, raising=False)
    before = [tree_hashes(corpus), tree_hashes(decoy)]
    assert cache.corpus_key(corpus) == plain_key  # the links outside are not part of the corpus
    result = load_corpus(corpus)  # the links leading outside are not even listed as stray files
    assert not result.log.message.str.contains("evil.txt").any()
    assert opened and not [p for p in opened if p.is_relative_to(decoy.resolve())]
    assert [tree_hashes(corpus), tree_hashes(decoy)] == before
    _nothing_leaked(result)
    _nothing_leaked(cache.load(cache.corpus_key(corpus), ("articles", "removed", "log")))


# ---------------------------------------------------------------- 2. side tables
@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".PARQUET"])
def test_side_tables_of_a_table_corpus_are_named_after_it(tmp_path, suffix):
    folder = tmp_path / "Downloads"
    folder.mkdir()
    path = folder / f"export{suffix}"
    _write_table(pd.DataFrame({"outlet": ["A", "B"], "text": [_story(1), _story(2)]}), path)
    (folder / "actors.csv").write_text(f"name\n{SECRET}\n")  # someone else's file in the same folder
    (folder / "framing.csv").write_text(f"group,term\n{SECRET},x\n")
    assert side_table_path(path, "actors") == folder / "export.actors.csv"
    assert load_actors(path).empty and load_framing(path) is None  # the folder's own files are not read
    (folder / "export.actors.csv").write_text("name,aliases\nJohn Kerry,Kerry\n")
    (folder / "export.framing.csv").write_text("group,term\ntalks,talks\n")
    assert load_actors(path).name.tolist() == ["John Kerry"]
    assert load_framing(path).term.tolist() == ["talks"]


def test_side_tables_of_a_folder_corpus_stay_inside_it(tmp_path, decoy):
    corpus = write_corpus(tmp_path / "c", [dict(file="a.txt", outlet="A", text=_story(1))])
    assert side_table_path(corpus, "framing") == corpus / "framing.csv"
    (corpus / "actors.csv").write_text("name\nJohn Kerry\n")
    assert load_actors(corpus).name.tolist() == ["John Kerry"]
    (corpus / "framing.csv").symlink_to(decoy / "framing.csv")
    before = tree_hashes(decoy)
    with pytest.raises(
        CorpusError, match=r"framing\.csv: is a link leading outside the corpus folder.*Copy the framing"
    ):
        load_framing(corpus)
    assert tree_hashes(decoy) == before


def test_side_table_link_leading_away_from_a_table_corpus_is_refused(tmp_path, decoy):
    folder = tmp_path / "exports"
    folder.mkdir()
    path = folder / "export.csv"
    pd.DataFrame({"outlet": ["A"], "text": [_story(1)]}).to_csv(path, index=False)
    (folder / "export.actors.csv").symlink_to(decoy / "actors.csv")
    before = [tree_hashes(folder), tree_hashes(decoy)]
    with pytest.raises(CorpusError) as info:
        load_actors(path)
    assert "export.actors.csv: is a link leading outside" in str(info.value) and SECRET not in str(info.value)
    assert [tree_hashes(folder), tree_hashes(decoy)] == before


# ---------------------------------------------------------------- 3. one outlet, one name
VARIANTS = [
    "AL JAZEERA ",
    "AL JAZEERA",
    "Al Jazeera",
    "Al\u00a0Jazeera",
    "Al  Jazeera",
    "\uff21\uff4c \uff2a\uff41\uff5a\uff45\uff45\uff52\uff41",
]


def test_outlet_spellings_are_one_outlet_with_one_warning(tmp_path):
    arts = [dict(file=f"{i}.txt", outlet=o, text=_story(i)) for i, o in enumerate([*VARIANTS, "BBC", "bbc\t"])]
    corpus = write_corpus(tmp_path / "c", arts)
    with pytest.warns(CorpusWarning, match="taken as one outlet"):
        articles, _, log = load_corpus(corpus)
    assert articles.outlet.tolist() == ["Al Jazeera"] * 6 + ["BBC"] * 2  # most frequent spelling, then first seen
    merged = log[log.message.str.contains("taken as one outlet")]
    assert len(merged) == 2 and (merged.level == "warning").all()
    message = merged.message.iloc[0]
    assert "'AL JAZEERA' (2 articles)" in message and "'Al\\xa0Jazeera' (1 article)" in message
    assert "shown as 'Al Jazeera'" in message and "metadata.csv" in message


def test_outlet_normalisation_in_a_table_and_for_duplicates(tmp_path):
    path = tmp_path / "export.jsonl"
    path.write_text("".join(json.dumps({"outlet": o, "text": t}) + "\n" for o, t in [
        ("Reuters", _story(1)), ("REUTERS", _story(1)), ("Reuters\u00a0", _story(2)),
    ]))
    with pytest.warns(CorpusWarning):
        articles, _, log = load_corpus(path)
    assert log.message.str.contains("from the same outlet; not loaded twice").sum() == 1
    assert articles.outlet.tolist() == ["Reuters", "Reuters"]  # the copy from the same outlet is loaded once
    assert log.message.str.contains("taken as one outlet").sum() == 1
    names, merges = normalise_outlets(pd.Series(["x Y", "X  y", "X y", "Z", "z"]))
    assert names.tolist() == ["X y"] * 3 + ["Z"] * 2  # "X y" twice after collapsing spaces; a tie: the first
    assert merges[0] == ("X y", [("x Y", 1), ("X  y", 1), ("X y", 1)])


# ---------------------------------------------------------------- 4. dates keep the stated day
def test_dates_keep_the_stated_day_and_partial_dates_stay_partial(tmp_path):
    dates = ["2014-04-04T22:30:00-04:00", "2014-04-05T01:30:00+09:00", "2014", "2014-04", "", "2014-04-04 23:59"]
    corpus = write_corpus(
        tmp_path / "c", [dict(file=f"{i}.txt", outlet="A", date=d, text=_story(i)) for i, d in enumerate(dates)]
    )
    with pytest.warns(CorpusWarning, match="kept as partial"):
        articles, _, log = load_corpus(corpus)
    cols = list(articles.columns)
    assert cols[cols.index("date"):cols.index("date") + 3] == ["date", "date_precision", "date_stated"]
    assert articles.date.dt.strftime("%Y-%m-%d %H:%M").fillna("NaT").tolist() == [
        "2014-04-04 00:00", "2014-04-05 00:00", "NaT", "NaT", "NaT", "2014-04-04 00:00"]
    assert articles.date_precision.tolist()[:4] == ["day", "day", "year", "month"] and pd.isna(
        articles.date_precision[4]
    )
    assert articles.date_stated.tolist()[:4] == dates[:4] and pd.isna(articles.date_stated[4])
    partial = log[log.message.str.contains("kept as partial")]
    assert partial.file.tolist() == ["2.txt", "3.txt"]
    assert "metadata.csv line 4 (2.txt): date '2014'" in partial.message.iloc[0]
    assert partial.message.str.contains("the date column stays empty; give YYYY-MM-DD").all()


@pytest.mark.parametrize("bad", ["2014-13", "April 2014", "2014-02-30"])
def test_unparseable_dates_are_still_errors(tmp_path, bad):
    corpus = write_corpus(tmp_path / "c", [dict(file="a.txt", outlet="A", date=bad, text=_story(1))])
    with pytest.raises(CorpusError, match=rf"line 2 \(a\.txt\): date '{bad}' is not a date"):
        load_corpus(corpus)


# ---------------------------------------------------------------- 5. byte values
HEADLINE = "Se\u00f1or Pe\u00f1a\u2019s caf\u00e9 stays open as talks resume in Madrid"


def test_parquet_byte_columns_are_decoded_as_text(tmp_path):
    path = tmp_path / "export.parquet"
    pd.DataFrame(
        {
            "outlet": [b"Alpha", "Beta"],
            "headline": ["Talks", HEADLINE.encode("cp1252")],
            "text": [
                _story(1).encode(),
                ("Se\u00f1or Pe\u00f1a\u2019s caf\u00e9 stayed open, officials said.\n" * 3).encode("cp1252"),
            ],
        }
    ).to_parquet(path)
    with pytest.warns(CorpusWarning, match="not UTF-8"):
        articles, _, log = load_corpus(path)
    assert articles.outlet.tolist() == ["Alpha", "Beta"] and articles.headline[1] == HEADLINE
    assert articles.body[0].startswith("Talks resumed") and "Pe\u00f1a's caf\u00e9" in articles.body[1]
    assert not articles.astype(str).apply(lambda c: c.str.contains("b'", regex=False)).any().any()
    assert log.message.str.contains(r"export\.parquet row 2: the headline value is bytes in cp1252").any()


def test_undecodable_bytes_name_row_and_column(tmp_path):
    path = tmp_path / "export.parquet"
    pd.DataFrame({"outlet": ["A", "B"], "text": [b"fine text here", b"\x89PNG\x00\x00\x01"]}).to_parquet(path)
    with pytest.raises(CorpusError, match=r"export\.parquet row 2: the text value is bytes that are not text"):
        load_corpus(path)


# ---------------------------------------------------------------- 6. columns named like internal ones
def test_metadata_columns_named_like_internal_ones_are_kept_as_meta(tmp_path):
    corpus = write_corpus(tmp_path / "c", [dict(
        file="a.txt", outlet="A", body="my body note", n_words="12", dek="a dek", encoding="latin-1",
        date_precision="exact", article_id="X-1", text=_story(1),
    )])
    (corpus / "a.txt").write_text(_story(1))
    with pytest.warns(CorpusWarning):
        articles, _, log = load_corpus(corpus)
    row = articles.iloc[0]
    assert (row.meta_body, row.meta_n_words, row.meta_dek, row.meta_encoding) == (
        "my body note",
        "12",
        "a dek",
        "latin-1",
    )
    assert (row.meta_date_precision, row.meta_article_id) == ("exact", "X-1")
    assert row.body.startswith("Talks resumed") and row.n_words > 5 and row.article_id == "a"
    renamed = log[log.message.str.contains("named like a column the loader makes")]
    assert len(renamed) == 6 and renamed.message.str.contains("'n_words' is named like").any()


def test_table_file_column_is_kept_as_meta_file(tmp_path):
    path = tmp_path / "export.csv"
    pd.DataFrame({"outlet": ["A"], "text": [_story(1)], "file": ["orig.html"], "raw_text": ["<p>x"]}).to_csv(
        path, index=False
    )
    with pytest.warns(CorpusWarning):
        articles, _, log = load_corpus(path)
    assert log.message.str.contains(
        "'file' is named like a column the loader makes itself; it is kept as 'meta_file'"
    ).any()
    assert articles.file[0] == "export.csv line 2" and articles.meta_file[0] == "orig.html"
    assert articles.meta_raw_text[0] == "<p>x" and articles.raw_text[0] == _story(1)


# ---------------------------------------------------------------- 7./8. JSONL values and lines
@pytest.mark.parametrize("column", ["outlet", "text", "headline", "date", "id", "url", "wire"])
@pytest.mark.parametrize("value,kind", [(["A", "B"], "a list"), ({"name": "A"}, "an object")])
def test_jsonl_list_or_object_where_text_belongs(tmp_path, column, value, kind):
    path = tmp_path / "export.jsonl"
    lines = [{"outlet": "A", "text": _story(i)} for i in range(3)]
    lines[2][column] = value
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    with pytest.raises(CorpusError, match=rf"export\.jsonl line 3: {column} is {kind}.*, not text"):
        load_corpus(path)


def test_broken_jsonl_line_is_named_and_shown(tmp_path):
    path = tmp_path / "export.jsonl"
    long_tail = "x" * 200
    path.write_text(
        json.dumps({"outlet": "A", "text": _story(1)}) + "\n\n"
        + '{"outlet": "B", "text": "unterminated ' + long_tail + "\n"
        + "[1, 2]\n"
    )
    with pytest.raises(CorpusError) as info:
        load_corpus(path)
    message = str(info.value)
    assert "line 3: is not valid JSON" in message and "Fix or remove that line" in message
    assert '{"outlet": "B", "text": "unterminated xxx' in message and long_tail not in message
    assert "line 4: is a JSON list, not an object" in message


# ---------------------------------------------------------------- 9. extension case
@pytest.mark.parametrize("name", ["EXPORT.CSV", "x.JSONL", "y.Parquet", "z.NDJSON"])
def test_upper_case_extensions_are_read_by_their_format(tmp_path, name):
    path = tmp_path / name
    _write_table(pd.DataFrame({"outlet": ["A", "B"], "text": [_story(1), _story(2)]}), path)
    assert load_corpus(path).articles.outlet.tolist() == ["A", "B"]


def test_upper_case_text_files_in_a_folder(tmp_path):
    corpus = write_corpus(tmp_path / "c", [dict(file="A.TXT", outlet="A", text=_story(1))])
    (corpus / "B.TXT").write_text(_story(2))
    with pytest.warns(CorpusWarning, match=r"B\.TXT"):
        articles, _, _ = load_corpus(corpus)
    assert articles.article_id.tolist() == ["A"]


# ---------------------------------------------------------------- 10. delimiters
def test_semicolon_metadata_and_tab_table_are_read_with_a_note(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(_story(1))
    (corpus / "metadata.csv").write_text('file;outlet;headline\na.txt;Le Monde;"Talks, again"\n')
    articles, _, log = load_corpus(corpus)
    assert (articles.outlet[0], articles.headline[0]) == ("Le Monde", "Talks, again")
    note = log[log.message.str.contains("semicolon")]
    assert note.level.tolist() == ["info"] and note.file.tolist() == ["metadata.csv"]
    path = tmp_path / "export.csv"
    path.write_text("outlet\ttext\nA\tTalks resumed on Monday, officials said.\n")
    articles, _, log = load_corpus(path)
    assert articles.outlet.tolist() == ["A"] and log.message.str.contains("separated by tabs").any()


def test_missing_columns_message_names_columns_and_delimiter(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "metadata.csv").write_text("file outlet\na.txt A\n")
    with pytest.raises(CorpusError) as info:
        load_corpus(corpus)
    message = str(info.value)
    assert "lacks the column(s) file, outlet" in message and "Columns found: 'file outlet'" in message
    assert "comma" in message and "semicolon" in message


# ---------------------------------------------------------------- 11. Unicode forms of file names
@pytest.mark.parametrize("meta_form,disk_form", [("NFC", "NFD"), ("NFD", "NFC")])
def test_file_names_match_whatever_their_unicode_form(tmp_path, meta_form, disk_form):
    name = "caf\u00e9 r\u00e9sum\u00e9.txt"
    corpus = write_corpus(tmp_path / "c", [dict(file=unicodedata.normalize(meta_form, name), outlet="A")])
    (corpus / unicodedata.normalize(disk_form, name)).write_text(_story(1))
    articles, _, log = load_corpus(corpus)
    assert articles.body[0].startswith("Talks resumed") and not log.message.str.contains("no row").any()


# ---------------------------------------------------------------- 12. multi-line CSV records
def test_multi_line_records_report_their_real_line(tmp_path):
    corpus = write_corpus(tmp_path / "c", [
        dict(file="a.txt", outlet="A", headline="One\ntwo\nthree", text=_story(1)),
        dict(file="ghost.txt", outlet="B"),
    ])
    with pytest.raises(CorpusError, match=r"metadata\.csv line 5: file 'ghost\.txt' does not exist"):
        load_corpus(corpus)
    path = tmp_path / "export.csv"
    pd.DataFrame(
        {"outlet": ["A", "", "C"], "text": ["Line one.\nLine two.\nLine three.", _story(2), _story(3)]}
    ).to_csv(path, index=False)
    with pytest.raises(CorpusError, match=r"export\.csv line 5: the outlet is empty"):
        load_corpus(path)


# ---------------------------------------------------------------- 13. messages, not tracebacks
def test_empty_metadata_or_a_folder_named_metadata(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "metadata.csv").write_text("")
    with pytest.raises(CorpusError, match=r"metadata\.csv: is empty\. It needs a header line"):
        load_corpus(corpus)
    (corpus / "metadata.csv").unlink()
    (corpus / "metadata.csv").mkdir()
    with pytest.raises(CorpusError, match=r"metadata\.csv: is a folder, not a file"):
        load_corpus(corpus)


def test_file_cell_naming_a_folder_a_pipe_or_a_loop(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWS_BUNDLE_CACHE", "1")  # the cache key must not open the pipe either
    monkeypatch.setattr(cache, "TABLES_DIR", tmp_path / "cache")
    corpus = write_corpus(tmp_path / "c", [
        dict(file="a.txt", outlet="A", text=_story(1)), dict(file="sub", outlet="B"),
        dict(file="pipe.txt", outlet="C"), dict(file="loop.txt", outlet="D"),
    ])
    (corpus / "sub").mkdir()
    os.mkfifo(corpus / "pipe.txt")
    (corpus / "loop.txt").symlink_to(corpus / "loop.txt")
    with pytest.raises(CorpusError) as info:
        load_corpus(corpus)
    message = str(info.value)
    assert "line 3: 'sub' is a folder, not a file" in message
    assert "line 4: 'pipe.txt' is not a regular file" in message
    assert "line 5: file 'loop.txt' is a symbolic link that loops" in message


def test_unreadable_files_give_a_message(tmp_path, monkeypatch):
    corpus = write_corpus(
        tmp_path / "c", [dict(file="a.txt", outlet="A", text=_story(1)), dict(file="b.txt", outlet="B", text=_story(2))]
    )
    real = Path.read_bytes

    def denied(self):
        if self.name == "b.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(CorpusError, match=r"metadata\.csv line 3 \(b\.txt\): cannot be read \(permission denied\)"):
        load_corpus(corpus)
    # and the cache key does not stumble over it
    monkeypatch.setattr(
        cache, "open", lambda *a, **k: (_ for _ in ()).throw(PermissionError(13, "denied")), raising=False
    )
    assert len(cache.corpus_key(corpus)) == 32


def test_table_outlets_as_numbers_or_missing(tmp_path):
    path = tmp_path / "export.parquet"
    pd.DataFrame({"outlet": [7.0, None, 9.0], "text": [_story(1), _story(2), _story(3)]}).to_parquet(path)
    with pytest.raises(CorpusError, match=r"export\.parquet row 2: the outlet is empty"):
        load_corpus(path)
    pd.DataFrame({"outlet": [7, 9], "text": [_story(1), _story(2)], "tags": [["a"], ["b", "c"]]}).to_parquet(path)
    articles = load_corpus(path).articles
    assert articles.outlet.tolist() == ["7", "9"] and articles.tags.tolist() == ['["a"]', '["b", "c"]']


@pytest.mark.parametrize("content,fragment", [
    ('file,outlet\na.txt,"A\n', "line 2: a quoted value opened in this record never closes"),
    ('file,outlet\na.txt,A,Extra,More\n', "line 2: has 4 values but the header names 2 columns"),
    ('file,outlet\na.txt,"A"B\n', 'line 2: a double quote is out of place'),
    (b"file,outlet\na.txt,Caf\xe9\n", "is not UTF-8"),
])
def test_broken_metadata_csv_is_named_by_line(tmp_path, content, fragment):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(_story(1))
    (corpus / "metadata.csv").write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(CorpusError, match=r"metadata\.csv") as info:
        load_corpus(corpus)
    assert fragment in str(info.value)


def test_nul_in_a_file_name_and_lone_surrogates_in_jsonl(tmp_path):
    corpus = write_corpus(tmp_path / "c", [dict(file="a\x00b.txt", outlet="A")])
    with pytest.raises(CorpusError, match="NUL character"):
        load_corpus(corpus)
    path = tmp_path / "export.jsonl"
    path.write_text('{"outlet": "A\\ud800", "text": "Talks resumed \\ud83d\\ude00 on Monday.\\udc00"}\n')
    articles = load_corpus(path).articles
    assert articles.outlet[0] == "A\ufffd" and articles.body[0] == "Talks resumed \U0001f600 on Monday.\ufffd"


def test_a_pipe_named_metadata_csv_is_refused_without_waiting(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    os.mkfifo(folder / "metadata.csv")
    with pytest.raises(CorpusError, match="not a regular file"):
        load_corpus(folder, cache=False)
