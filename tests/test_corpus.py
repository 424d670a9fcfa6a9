"""Loading: the seed corpus, table corpora, and every kind of bad input."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd
import pytest

from helpers.corpus import CorpusError, CorpusWarning, load_corpus
from tests.conftest import SEED_FILES, SMALL_ARTICLES, write_corpus


def _digest(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_seed_corpus_loads_as_one_tidy_table(seed_dir):
    before = _digest(seed_dir)
    articles, removed, _log = load_corpus(seed_dir)
    assert _digest(seed_dir) == before  # raw files are never modified
    assert list(articles.outlet) == list(SEED_FILES)
    assert list(articles.file) == list(SEED_FILES.values())
    assert articles.article_id.is_unique
    assert articles.date.dt.strftime("%Y-%m-%d").tolist() == [
        "2014-04-03", "2013-06-30", "2014-03-31", "2014-03-31", "2015-11-25",
    ]
    for col in ["article_id", "outlet", "date", "headline", "raw_text", "body", "file"]:
        assert articles[col].notna().all(), col
    assert (articles.n_words > 300).all()
    assert articles.set_index("outlet").loc["The Forward", "headline"].startswith("Kerry Leaves Middle East")
    assert "date_note" in articles.columns  # extra metadata columns are passed through
    assert set(removed.article_id) <= set(articles.article_id)


def test_relative_path_is_taken_from_repo_root(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    assert len(load_corpus("corpus").articles) == 5


def test_small_corpus_without_headline_and_with_wire_credit(small_corpus):
    articles, removed, _ = load_corpus(small_corpus)
    a = articles.set_index("file")
    assert a.loc["a.txt", "dateline"] == "SPRINGFIELD"  # the place; the credit goes to wire
    assert a.loc["a.txt", "wire"] == "Reuters"
    assert a.loc["a.txt", "wire_source"] == "dateline"
    assert a.loc["a.txt", "body"].startswith("The city council approved a $2 million budget")
    assert a.loc["b.txt", "body"].count("\n\n") == 2  # no headline to strip: all three lines kept
    assert pd.isna(a.loc["b.txt", "headline"])
    # a page headline that differs from the metadata one still leaves the body
    assert a.loc["c.txt", "body"].startswith("Groups that run the city's parks")
    assert a.loc["c.txt", "headline"] == "Parks groups object"
    row = removed[(removed.file == "c.txt") & (removed.line_n == 1)].iloc[0]
    assert row.rule == "headline" and "differs" in row.detail


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_table_corpus(tmp_path, suffix):
    table = pd.DataFrame(
        {
            "outlet": ["Alpha", "Beta"],
            "text": [
                "WASHINGTON (Reuters) - Talks resumed on Monday.\nBoth sides attended.",
                "Talks resumed.\nA deal is near.",
            ],
            "date": ["2024-01-02", "2024-01-03T10:00:00Z"],
            "section": ["World", "Politics"],
        }
    )
    path = tmp_path / f"export{suffix}"
    if suffix == ".csv":
        table.to_csv(path, index=False)
    elif suffix == ".jsonl":
        table.to_json(path, orient="records", lines=True)
    else:
        table.to_parquet(path)
    articles, _, _ = load_corpus(path)
    assert list(articles.outlet) == ["Alpha", "Beta"]
    assert articles.body[0] == "Talks resumed on Monday.\n\nBoth sides attended."
    # the date is the stated day (a time of day is dropped, issue 13)
    assert articles.date.dt.strftime("%Y-%m-%d %H:%M").tolist() == ["2024-01-02 00:00", "2024-01-03 00:00"]
    assert list(articles.date_stated) == ["2024-01-02", "2024-01-03T10:00:00Z"]
    assert list(articles.section) == ["World", "Politics"]
    first = "line 2" if suffix == ".csv" else ("row 1" if suffix == ".parquet" else "line 1")
    assert articles.file[0] == f"export{suffix} {first}"
    assert articles.article_id.is_unique


def _error(path) -> str:
    with pytest.raises(CorpusError) as info:
        load_corpus(path)
    return str(info.value)


def test_missing_folder(tmp_path):
    message = _error(tmp_path / "nope")
    assert "Corpus not found" in message and "nope" in message and "metadata.csv" in message


def test_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    message = _error(tmp_path / "empty")
    assert "is empty" in message and "metadata.csv" in message


def test_missing_metadata_lists_the_files(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "story.txt").write_text("Some text.")
    message = _error(folder)
    assert "no metadata.csv" in message and "story.txt" in message and "file,outlet" in message


def test_metadata_missing_required_column(tmp_path):
    folder = write_corpus(tmp_path / "c", [dict(file="a.txt", text="Text.", source="X")])
    message = _error(folder)
    assert "lacks the column(s) outlet" in message


def test_row_naming_a_missing_file(tmp_path):
    folder = write_corpus(tmp_path / "c", [
        dict(file="a.txt", outlet="A", text="Text."),
        dict(file="ghost.txt", outlet="B"),
    ])
    message = _error(folder)
    assert "metadata.csv line 3" in message and "'ghost.txt' does not exist" in message


def test_text_file_without_metadata_row_warns_and_lists_it(tmp_path):
    folder = write_corpus(tmp_path / "c", [dict(file="a.txt", outlet="A", text="Talks resumed.")])
    (folder / "orphan.txt").write_text("An article nobody listed.")
    with pytest.warns(CorpusWarning, match="orphan.txt"):
        articles, _, log = load_corpus(folder)
    assert list(articles.file) == ["a.txt"]
    assert log.loc[log.file == "orphan.txt", "message"].str.contains("no row in metadata.csv").all()


def test_duplicate_ids(tmp_path):
    folder = write_corpus(tmp_path / "c", [
        dict(file="a.txt", id="x1", outlet="A", text="One."),
        dict(file="b.txt", id="x1", outlet="B", text="Two."),
    ])
    message = _error(folder)
    assert "line 3 (b.txt): id 'x1' is already used by metadata.csv line 2" in message


@pytest.mark.parametrize("text", ["", "  \n\t \n"])
def test_empty_or_whitespace_article(tmp_path, text):
    folder = write_corpus(tmp_path / "c", [dict(file="a.txt", outlet="A", text=text)])
    message = _error(folder)
    assert "line 2 (a.txt)" in message and "empty or only whitespace" in message


def test_missing_outlet(tmp_path):
    folder = write_corpus(tmp_path / "c", [dict(file="a.txt", outlet=" ", text="Text.")])
    assert "line 2 (a.txt): the outlet is empty" in _error(folder)


def test_unparseable_date(tmp_path):
    folder = write_corpus(tmp_path / "c", [dict(file="a.txt", outlet="A", date="next Tuesday", text="Text.")])
    message = _error(folder)
    assert "date 'next Tuesday' is not a date" in message and "YYYY-MM-DD" in message


def test_all_problems_are_listed_at_once(tmp_path):
    folder = write_corpus(tmp_path / "c", [
        dict(file="a.txt", outlet="", date="2024-01-01", text="Text."),
        dict(file="b.txt", outlet="B", date="31/31/2024", text="Text."),
    ])
    message = _error(folder)
    assert "line 2 (a.txt)" in message and "line 3 (b.txt)" in message


def test_windows_1252_file_is_decoded_with_a_warning(tmp_path):
    text = ("\u201cWe agreed,\u201d said Ren\u00e9e Dupr\u00e9 in Montr\u00e9al, calling it a \u2018fair\u2019 deal.\n"
            "Se\u00f1or Pe\u00f1a\u2019s caf\u00e9 stayed open.")
    folder = write_corpus(tmp_path / "c", [dict(file="a.txt", outlet="A", text=text.encode("cp1252"))])
    with pytest.warns(CorpusWarning, match=r"a\.txt.*not UTF-8"):
        articles, _, log = load_corpus(folder)
    assert articles.body[0].startswith('"We agreed," said Ren\u00e9e Dupr\u00e9 in Montr\u00e9al')
    assert "Se\u00f1or Pe\u00f1a's caf\u00e9" in articles.body[0]
    assert articles.encoding[0].replace("-", "").lower() in ("cp1252", "windows1252")
    assert log.message.str.contains("not UTF-8").any()


def test_byte_order_mark_is_dropped(tmp_path):
    folder = write_corpus(
        tmp_path / "c", [dict(file="a.txt", outlet="A", text=b"\xef\xbb\xbfTalks resumed.\nA deal is near.")]
    )
    articles, _, log = load_corpus(folder)
    assert articles.body[0] == "Talks resumed.\n\nA deal is near."
    assert (log.message == "byte-order mark dropped").any()


def test_binary_file_is_an_error(tmp_path):
    folder = write_corpus(
        tmp_path / "c", [dict(file="a.txt", outlet="A", text=b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00")]
    )
    message = _error(folder)
    assert "line 2 (a.txt)" in message and "binary" in message


def test_duplicate_texts_are_flagged(tmp_path):
    text = "Talks resumed on Monday.\nBoth sides attended."
    folder = write_corpus(tmp_path / "c", [
        dict(file="a.txt", outlet="A", text=text),
        dict(file="b.txt", outlet="B", text=text.replace("\n", "\r\n")),
    ])
    with pytest.warns(CorpusWarning, match="same body text as article 'a' from 'A'"):
        articles, _, _ = load_corpus(folder)
    assert articles.duplicate_of.isna().tolist() == [True, False]  # two outlets ran one text: both kept
    assert articles.duplicate_of[1] == "a"


def test_duplicate_text_from_the_same_outlet_is_loaded_once(tmp_path):
    text = "Talks resumed on Monday.\nBoth sides attended."
    folder = write_corpus(tmp_path / "c", [
        dict(file="a.txt", outlet="A", text=text),
        dict(file="a-copy.txt", outlet="A", text=text + "\n"),
        dict(file="b.txt", outlet="B", text="Talks stalled.\nNo one came."),
    ])
    with pytest.warns(CorpusWarning, match=r"a-copy\.txt: same body text as article 'a' from the same outlet"):
        articles, _, log = load_corpus(folder)
    assert articles.file.tolist() == ["a.txt", "b.txt"]
    assert log.loc[log.file == "a-copy.txt", "message"].str.contains("not loaded twice").all()


def test_unreadable_table(tmp_path):
    path = tmp_path / "broken.jsonl"
    path.write_text('{"outlet": "A", "text": "ok"}\n{"outlet": ')
    message = _error(path)
    assert "broken.jsonl" in message and "cannot be read" in message


def test_table_without_text_column(tmp_path):
    path = tmp_path / "export.csv"
    pd.DataFrame({"outlet": ["A"], "body": ["x"]}).to_csv(path, index=False)
    assert "lacks the column(s) text" in _error(path)


def test_unsupported_path(tmp_path):
    path = tmp_path / "notes.docx"
    path.write_bytes(b"PK")
    assert "neither a corpus folder nor" in _error(path)


def test_nested_json_values_pass_through_as_json(tmp_path):
    path = tmp_path / "export.jsonl"
    path.write_text(json.dumps({"outlet": "A", "text": "Talks resumed.", "tags": ["x", "y"]}) + "\n")
    articles, _, _ = load_corpus(path)
    assert articles.tags[0] == '["x", "y"]'


def test_small_articles_fixture_is_well_formed():
    assert {a["outlet"] for a in SMALL_ARTICLES} == {"Daily Alpha", "Beta News"}


HTML_PAGE = """<!DOCTYPE html>
<html><head><title>Talks resume in Cairo</title><style>p { color: red; }</style>
<script>var tracking = "do not show";</script></head>
<body><nav><a href="/">Home</a></nav>
<h1>Talks resume in Cairo</h1>
<p>Negotiators met in Cairo on Tuesday &amp; agreed to meet again, officials said.</p>
<p>&ldquo;We made progress,&rdquo; the Egyptian foreign minister told reporters.</p>
<p>Share this article</p>
</body></html>"""


def test_html_page_saved_as_text_is_extracted_with_a_warning(tmp_path):
    folder = write_corpus(
        tmp_path / "c", [dict(file="page.txt", outlet="A", headline="Talks resume in Cairo", text=HTML_PAGE)]
    )
    with pytest.warns(CorpusWarning, match=r"page\.txt.*HTML page"):
        articles, removed, log = load_corpus(folder)
    assert articles.body[0] == (
        "Negotiators met in Cairo on Tuesday & agreed to meet again, officials said.\n\n"
        '"We made progress," the Egyptian foreign minister told reporters.'
    )
    assert articles.raw_text[0] == HTML_PAGE  # the raw text is kept as read
    assert "tracking" not in articles.body[0] and "color: red" not in articles.body[0]
    assert set(removed.rule) >= {"headline", "share/print widget"}
    assert log.message.str.contains("HTML page").any()


def test_plain_text_mentioning_tags_is_not_taken_for_html(tmp_path):
    text = "The site showed a <div> tag in its headline, readers said.\nEditors fixed it within an hour."
    folder = write_corpus(tmp_path / "c", [dict(file="a.txt", outlet="A", text=text)])
    articles, _, log = load_corpus(folder)
    assert "<div>" in articles.body[0] and not log.message.str.contains("HTML").any()


def test_non_english_text_is_loaded_with_a_warning(tmp_path):
    french = (
        "Le secrétaire d'État américain John Kerry a appelé jeudi les dirigeants israéliens et palestiniens "
        "à faire des compromis pour la paix. Les négociations ont été compliquées ces derniers jours par une "
        "décision palestinienne de se tourner vers les organisations internationales, après le refus "
        "israélien de libérer un quatrième groupe de prisonniers palestiniens."
    )
    folder = write_corpus(
        tmp_path / "c",
        [
            dict(file="fr.txt", outlet="Le Monde", text=french),
            dict(
                file="en.txt",
                outlet="JTA",
                text=(Path(__file__).parent.parent / "corpus" / SEED_FILES["JTA"]).read_text(),
            ),
        ],
    )
    with pytest.warns(CorpusWarning, match=r"fr\.txt: does not look like English"):
        articles, _, log = load_corpus(folder)
    assert len(articles) == 2  # loaded, not dropped
    flagged = log[log.message.str.contains("does not look like English")]
    assert flagged.file.tolist() == ["fr.txt"]


def test_oversized_article_is_skipped_loudly_and_the_rest_loads(tmp_path):
    big = ("The talks went on. " * 2_700_000).encode()  # about 51 MB
    folder = write_corpus(tmp_path / "c", [
        dict(file="big.txt", outlet="A", text=big),
        dict(file="ok.txt", outlet="B", text="Talks resumed.\nA deal is near."),
    ])
    with pytest.warns(CorpusWarning, match=r"big\.txt.*51\.3 MB.*not loaded"):
        articles, _, log = load_corpus(folder)
    assert articles.file.tolist() == ["ok.txt"]
    assert log.loc[log.file == "big.txt", "message"].str.contains("split it").all()


def test_article_with_no_body_after_cleaning_is_kept_and_logged(tmp_path):
    folder = write_corpus(tmp_path / "c", [
        dict(file="furniture.txt", outlet="A", text="Share this article\nSign up for our newsletter\nRelated News\n"),
        dict(file="ok.txt", outlet="B", text="Talks resumed.\nA deal is near."),
    ])
    with pytest.warns(CorpusWarning, match="kept no body text"):
        articles, removed, _ = load_corpus(folder)
    assert articles.body[0] == "" and articles.n_paragraphs[0] == 0
    assert len(removed[removed.file == "furniture.txt"]) == 3  # every line accounted for


def test_cache_returns_the_same_tables_and_warnings_and_sees_edits(tmp_path, monkeypatch):
    from helpers.corpus import cache

    monkeypatch.setattr(cache, "TABLES_DIR", tmp_path / "cache")
    folder = write_corpus(tmp_path / "c", [
        dict(file="a.txt", outlet="A", text="Talks resumed on Monday.\nBoth sides attended."),
        dict(file="b.txt", outlet="B", text="Talks resumed on Monday.\nBoth sides attended."),
    ])
    with pytest.warns(CorpusWarning, match="same body text"):
        first = load_corpus(folder)
    assert len(list((tmp_path / "cache").iterdir())) == 1
    with pytest.warns(CorpusWarning, match="same body text"):  # warned again from the cache
        second = load_corpus(folder)
    for a, b in zip(first, second, strict=False):
        pd.testing.assert_frame_equal(a, b, check_dtype=False)
    (folder / "b.txt").write_text("Talks collapsed on Tuesday.\nNobody came.")
    third = load_corpus(folder)
    assert third.articles.body[1] == "Talks collapsed on Tuesday.\n\nNobody came."
    assert len(list((tmp_path / "cache").iterdir())) == 2


# ------------------------------------------------------------------ red-team fixes (issue 13)
STORY = "Talks resumed on Monday, officials said.\nBoth sides attended.\n"


def test_partial_months_are_not_given_a_day_and_implausible_years_are_refused(tmp_path):
    cells = ["2014-1", "2014/04", "2014.04", "2014 04", "2014-4", "2014/12"]
    folder = write_corpus(tmp_path / "c", [dict(file=f"{i}.txt", outlet="A", date=d, text=STORY + str(i))
                                            for i, d in enumerate(cells)])
    with pytest.warns(CorpusWarning, match="gives only a month"):
        articles = load_corpus(folder).articles
    assert articles.date.isna().all() and set(articles.date_precision) == {"month"}
    assert articles.date_stated.tolist() == cells
    for bad in ["0001-01-01", "2300-01-01", "-2014-04-04", "2014-4-4"]:
        folder = write_corpus(tmp_path / bad, [dict(file="a.txt", outlet="A", date=bad, text=STORY)])
        what = "is not a date" if bad == "2014-4-4" else "is not a plausible publication date"
        assert f"line 2 (a.txt): date '{bad}' {what}" in _error(folder)


@pytest.mark.parametrize("cache_on", [False, True])
def test_whole_numbers_stay_whole_in_parquet_and_jsonl(tmp_path, monkeypatch, cache_on):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from helpers.corpus import cache

    monkeypatch.setenv("NEWS_BUNDLE_CACHE", "1" if cache_on else "0")
    monkeypatch.setattr(cache, "TABLES_DIR", tmp_path / "cache")
    ids = [1001, None, 12345678901234567, 12345678901234568, 1234567890123456789]
    views = [7, 1234567890123456789, None, 3, 4]
    texts = [STORY + f"Story {i}." for i in range(5)]
    pq.write_table(pa.table({"id": pa.array(ids, pa.int64()), "outlet": ["A"] * 5, "text": texts,
                             "views": pa.array(views, pa.int64())}), tmp_path / "export.parquet")
    (tmp_path / "export.jsonl").write_text("".join(
        json.dumps({k: v for k, v in dict(id=i, outlet="A", text=t, views=n).items() if v is not None}) + "\n"
        for i, t, n in zip(ids, texts, views, strict=False)))
    for name, default in [("export.parquet", "export-2"), ("export.jsonl", "export-2")]:
        for _ in range(2):  # the second load may come from the cache
            articles = load_corpus(tmp_path / name).articles
            assert articles.article_id.tolist() == ["1001", default, "12345678901234567", "12345678901234568",
                                                    "1234567890123456789"]
            assert [None if pd.isna(v) else v for v in articles.views] == views
            assert all(type(v) is int for v in articles.views.dropna())


def test_undecodable_text_gives_a_message_or_a_detected_encoding(tmp_path):
    folder = write_corpus(tmp_path / "c", [dict(file="a.txt", outlet="A", text=b"\xef\xbb\xbfCaf\xe9 talks.")])
    with pytest.warns(CorpusWarning, match=r"\(a\.txt\): is not UTF-8; decoded as cp1252"):
        assert load_corpus(folder).articles.body[0] == "Caf\u00e9 talks."
    folder = write_corpus(tmp_path / "d", [dict(file="b.txt", outlet="A", text="Talks resumed.".encode("utf-32"))])
    assert load_corpus(folder).articles[["body", "encoding"]].values.tolist() == [["Talks resumed.", "utf-32"]]
    folder = write_corpus(tmp_path / "e", [dict(file="odd.txt", outlet="A", text=b"\xff\xfeT\x00a\x00l")])
    assert "(odd.txt): starts with a UTF-16 byte-order mark but is not valid UTF-16" in _error(folder)
    assert "Re-save it as UTF-8" in _error(folder)
    head = "Caf\u00e9 talks \u201cresumed\u201d. ".encode()
    data = (head * 100)[:1200] + b"x" * 34 + b"\xff" + head * 5
    folder = write_corpus(tmp_path / "f", [dict(file="bad.txt", outlet="A", text=data)])
    assert "(bad.txt): is not valid UTF-8 at byte 1,234 (0xff)" in _error(folder)
    path = tmp_path / "export.parquet"
    table = pd.DataFrame({"outlet": ["A", "B"], "text": [b"\xef\xbb\xbfCaf\xe9 talks.", b"\xff\xfeT\x00a\x00l"]})
    table.to_parquet(path)
    assert "export.parquet row 2: the text value is bytes that are not text" in _error(path)
    pd.DataFrame({"outlet": ["A"], "text": [b"\xef\xbb\xbfCaf\xe9 talks."]}).to_parquet(path)
    with pytest.warns(CorpusWarning, match="not UTF-8"):
        assert load_corpus(path).articles.body[0] == "Caf\u00e9 talks."


def test_column_names_in_any_case_or_spacing(tmp_path):
    folder = write_corpus(tmp_path / "c", [dict(file="a.txt", text=STORY)])
    (folder / "metadata.csv").write_text("File, ID,Outlet,Date,Headline \na.txt,x1,A,2014-04-03,Talks resume\n")
    articles, _, log = load_corpus(folder)
    row = articles.iloc[0]
    assert (row.article_id, row.outlet, row.headline, str(row.date.date())) == ("x1", "A", "Talks resume", "2014-04-03")
    notes = log[log.message.str.contains("read as")]
    assert (notes.level == "info").all() and len(notes) == 5
    assert notes.message.str.contains("column 'Date' read as 'date'").any()
    (folder / "metadata.csv").write_text("file,outlet,date,Date\na.txt,A,2014-04-03,2014-04-04\n")
    assert "the columns 'date' and 'Date' both name the date column" in _error(folder)
    (folder / "metadata.csv").write_text("file,outlet,headline,outlet\na.txt,A,H,B\n")
    assert "metadata.csv: the header names a column twice: 'outlet' (columns 2 and 4)" in _error(folder)


def test_invisible_characters_do_not_split_an_outlet(tmp_path):
    folder = write_corpus(
        tmp_path / "c",
        [
            dict(file="a.txt", outlet="Al Jazeera English", text=STORY),
            dict(file="b.txt", outlet="Al Jazeera English\u200b", text=STORY + "b"),
            dict(file="c.txt", outlet="\u200eBBC\u00ad", text=STORY + "c"),
        ],
    )
    with pytest.warns(CorpusWarning, match="taken as one outlet"):
        articles, _, log = load_corpus(folder)
    assert articles.outlet.tolist() == ["Al Jazeera English", "Al Jazeera English", "BBC"]
    assert log.message.str.contains("'Al Jazeera English\\u200b' (1 article)", regex=False).any()
    assert log.message.str.contains("is shown as 'BBC'").any()
    folder = write_corpus(tmp_path / "d", [dict(file="a.txt", outlet="\u200b\u2066 \ufeff", text=STORY)])
    assert "line 2 (a.txt): the outlet is empty" in _error(folder)


def test_nothing_is_read_before_the_corpus_is_checked(tmp_path, monkeypatch):
    import builtins

    from helpers.corpus import cache

    monkeypatch.setenv("NEWS_BUNDLE_CACHE", "1")
    monkeypatch.setattr(cache, "TABLES_DIR", tmp_path / "cache")
    home = tmp_path / "home"
    home.mkdir()
    (home / "backup.tar").write_bytes(b"\0" * 3_000_000)
    opened: list[str] = []
    real_open, real_read = builtins.open, Path.read_bytes
    monkeypatch.setattr(
        cache, "open", lambda f, *a, **k: (opened.append(str(f)), real_open(f, *a, **k))[1], raising=False
    )
    monkeypatch.setattr(Path, "read_bytes", lambda self: (opened.append(str(self)), real_read(self))[1])
    assert "has no metadata.csv" in _error(home) and not opened
    folder = write_corpus(home / "c", [dict(file="a.txt", outlet="A", text=STORY)])
    (folder / "movie.mp4").write_bytes(b"\0" * 3_000_000)
    key = cache.corpus_key(folder)
    assert opened and not [f for f in opened if f.endswith(("movie.mp4", "backup.tar"))]
    (folder / "a.txt").write_text(STORY + "Edited.")
    assert cache.corpus_key(folder) != key
    key = cache.corpus_key(folder)
    write_corpus(folder, [dict(file="a.txt", outlet="B")])
    assert cache.corpus_key(folder) != key


def test_messages_for_common_slips(tmp_path):
    for sub in ("x", "y"):
        (tmp_path / "c" / sub).mkdir(parents=True)
    folder = write_corpus(
        tmp_path / "c", [dict(file="x/a.txt", outlet="A", text=STORY), dict(file="y/a.txt", outlet="B")]
    )
    (folder / "y" / "a.txt").write_text(STORY + "Other.")
    assert "id 'a' is already used by metadata.csv line 2 (x/a.txt)" in _error(folder)
    assert "add an id column to tell them apart" in _error(folder)
    assert "pass the folder that holds metadata.csv" in _error(folder / "metadata.csv")
    folder = write_corpus(tmp_path / "d", [dict(file="sub\\a.txt", outlet="A")])
    assert "file 'sub\\\\a.txt' does not exist" in _error(folder) and "use / between folders" in _error(folder)
    folder = write_corpus(tmp_path / "e", [dict(file="a.txt", outlet="A", text=STORY)])
    with open(folder / "metadata.csv", "a") as fh:
        fh.write(",\n , \n,\n")
    articles, _, log = load_corpus(folder)
    assert len(articles) == 1 and log.message.str.contains("3 blank line").sum() == 1
    folder = write_corpus(tmp_path / "f", [dict(file="link.txt", outlet="A")])
    (folder / "real.txt").write_text(STORY)
    (folder / "link.txt").symlink_to("real.txt")
    assert not load_corpus(folder).log.message.str.contains("no row in metadata.csv").any()


def test_the_cache_key_covers_every_module_and_data_file_of_the_cleaner():
    """A cleaner module or model file nobody listed by hand still invalidates the cache."""
    from pathlib import Path

    import helpers
    from helpers.corpus import cache

    here = Path(helpers.__file__).parent
    keyed = {p.relative_to(here).as_posix() for p in cache.source_files(here)}
    cleaner = {f"clean/{p.name}" for p in (here / "clean").glob("*.py")}
    assert cleaner <= keyed and {"clean/linemodel.py", "clean/header.py", "clean/dateline.py"} <= keyed
    assert {"data/line_model.npz", "data/line_model.json", "data/section_labels.csv", "corpus/cache.py"} <= keyed
