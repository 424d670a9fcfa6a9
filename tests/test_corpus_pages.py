"""A folder of saved web pages, or web archives, is a corpus (helpers.corpus.pages, helpers.corpus.warc):
the pages the tests write have different layouts and site furniture; the article's paragraphs
and fields must come through, the furniture must not, and the audit must say what was left out."""

from __future__ import annotations

import io
import json
import os

import pandas as pd
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from helpers.corpus import CorpusError, cache, load_corpus
from helpers.display import table
from helpers.outputs import write_table

PARAGRAPHS = {
    "planet": [
        "The city council voted on Tuesday to approve the budget for next year, ending a debate that lasted "
        "four months.",
        '"It is a fair deal for every neighbourhood," the mayor said after the vote, which was seven to two.',
        "Opponents said the plan cut too deeply into spending on parks and libraries across the city.",
        "The budget takes effect in July, and the council will review it again in the autumn session.",
    ],
    "ledger": [
        "Fishing crews returned to the harbour on Wednesday after a storm kept boats ashore for most of the week.",
        "Harbour officials said the sea wall held, although two piers will need repairs before the summer season.",
        '"We were lucky this time," said a skipper who has worked the coast for thirty years.',
        "Insurance assessors are expected to visit the damaged piers on Monday to estimate the cost of repairs.",
        "The council has asked the regional government for emergency funds to cover the work.",
    ],
    "harbour": [
        "Rail services between the two cities resumed on Thursday morning after engineers repaired a damaged signal.",
        "Commuters faced delays of up to an hour during the evening rush, the operator said in a statement.",
        "Passenger groups called for compensation for travellers whose journeys were cancelled this week.",
        "The operator said it would publish a full account of the fault and its causes within a month.",
    ],
}
FURNITURE = {  # text the pages carry around the article, and why it is not the article
    "We use cookies to improve your experience. Accept all cookies?": "cookie banner",
    "Mayor faces questions over parks": "related links",
    "© 2024 Daily Planet. All rights reserved.": "page footer",
    "Politics": "navigation",
    "Most read this week": "related links",
    "Sign up for our morning newsletter": "sign-up box",
    "Contact the Evening Ledger newsroom": "not article text (trafilatura)",  # no mark on it or around it
    "Share on Facebook": "share buttons",
    "Subscribe to our weekly digest of transport news": "sign-up box",
}


def _paragraphs(key: str, *, link: bool = True) -> str:
    out = []
    for i, paragraph in enumerate(PARAGRAPHS[key]):
        words = paragraph.split(" ")
        if link and i == 2:  # an inline link and emphasis inside a paragraph stay part of it
            words = [*words[:3], f'<a href="/x">{words[3]}</a>', f"<em>{' '.join(words[4:6])}</em>", *words[6:]]
        out.append(f"<p>{' '.join(words).replace(chr(34), '&quot;')}</p>")
    return "\n".join(out)


def planet_page(*, date: str | None = "2024-03-01T09:30:00Z", extra: str = "") -> str:
    """An <article> page: cookie banner, header navigation, related links in an aside, a footer; og: tags."""
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Council approves budget after long debate | Daily Planet</title>
<meta property="og:site_name" content="Daily Planet">
<meta property="og:title" content="Council approves budget after long debate">
{meta}
<meta name="author" content="Lois Lane">
<link rel="canonical" href="https://dailyplanet.example/news/budget">
<script>var tracking = "do not show";</script></head>
<body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience. Accept all cookies?</p>
<button>Accept</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li></ul></nav></header>
<main><article>
<h1>Council approves budget after long debate</h1>
<p class="byline">By Lois Lane</p>
{_paragraphs("planet")}
{extra}
</article>
<aside class="related"><h2>Related stories</h2><ul><li><a href="/a">Mayor faces questions over parks</a></li>
<li><a href="/b">Libraries to cut opening hours</a></li></ul></aside>
</main>
<footer><p>© 2024 Daily Planet. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>"""


def ledger_page() -> str:
    """No <article>: a story <div>, JSON-LD for the date and publisher, a most-read box, a newsletter box."""
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Storm spares the harbour",
                     "datePublished": "2024-03-06T07:00:00+00:00",
                     "publisher": {"@type": "Organization", "name": "The Evening Ledger"}})
    return f"""<html><head><title>Storm spares the harbour - The Evening Ledger</title>
<meta property="og:site_name" content="The Evening Ledger">
<script type="application/ld+json">{ld}</script>
<link rel="canonical" href="https://eveningledger.example/2024/storm"></head>
<body><div class="site-header"><ul class="menu"><li><a href="/">News</a></li>
<li><a href="/sport">Sport</a></li></ul></div>
<div class="layout"><div class="story-body">
<h1 class="headline">Storm spares the harbour</h1>
{_paragraphs("ledger")}
</div>
<div class="most-read"><h3>Most read this week</h3><ol><li><a href="/1">Five walks on the coast</a></li>
<li><a href="/2">Ferry prices to rise</a></li></ol></div>
<div class="newsletter-box"><p>Sign up for our morning newsletter</p><form><input name="email"></form></div></div>
<div id="page-bottom"><p>Contact the Evening Ledger newsroom</p></div>
</body></html>"""


def harbour_page() -> str:
    """<main> and <section>, no site name (the outlet is the canonical URL's host), share buttons."""
    return f"""<!doctype html><html><head><title>Rail services resume after signal repair</title>
<meta name="date" content="2024-03-07">
<link rel="canonical" href="https://www.harbourtimes.example/transport/rail"></head>
<body><main><section class="content">
<h1>Rail services resume after signal repair</h1>
<ul class="social-share"><li><a href="#">Share on Facebook</a></li><li><a href="#">Share on X</a></li></ul>
{_paragraphs("harbour")}
</section>
<section class="promo-subscribe"><p>Subscribe to our weekly digest of transport news</p></section></main>
</body></html>"""


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch):
    monkeypatch.setenv("NEWS_BUNDLE_CACHE", "0")


def _pages(folder, pages: dict[str, str]):
    folder.mkdir(parents=True, exist_ok=True)
    for name, html in pages.items():
        (folder / name).write_text(html, encoding="utf-8")
    return folder


def test_a_folder_of_pages_builds_with_fields_from_the_pages(tmp_path):
    folder = _pages(tmp_path / "pages", {"planet.html": planet_page(), "ledger.htm": ledger_page(),
                                         "harbour.HTML": harbour_page()})
    articles, removed, log = load_corpus(folder)
    got = articles.set_index("article_id")
    assert list(got.loc[["planet", "ledger", "harbour"], "outlet"]) == [
        "Daily Planet", "The Evening Ledger", "harbourtimes.example"]
    assert list(got.date.dt.strftime("%Y-%m-%d")) == ["2024-03-07", "2024-03-06", "2024-03-01"]  # sorted by file name
    assert got.loc["planet", "headline"] == "Council approves budget after long debate"  # " | Daily Planet" dropped
    assert got.loc["ledger", "headline"] == "Storm spares the harbour"
    assert got.loc["planet", "url"] == "https://dailyplanet.example/news/budget"
    assert got.loc["planet", "author"] == "Lois Lane"
    assert set(got.headline_source) == {"page"}
    for key, paragraphs in PARAGRAPHS.items():  # every paragraph kept, in order, and nothing else
        assert got.loc[key, "body"].split("\n\n") == paragraphs
    bodies = " ".join(got.body)
    for text in [*FURNITURE, "do not show", "By Lois Lane", "Accept", "Home"]:
        assert text not in bodies
    reasons = dict(zip(removed.text, removed.rule, strict=False))
    for text, why in FURNITURE.items():
        assert reasons[text] == why, text
    byline = removed[removed.text == "By Lois Lane"].iloc[0]
    assert (byline.action, byline.kept_as) == ("reclassified", "author")
    footer = removed[removed.text == "© 2024 Daily Planet. All rights reserved."].iloc[0]
    assert planet_page().splitlines()[footer.line_n - 1].startswith("<footer>")  # line_n: the line of the HTML
    assert log.message.str.contains(r"planet\.html: taken from the page: outlet \(site name\), date").any()
    assert log.message.str.contains(r"harbour\.HTML: taken from the page: outlet \(host name\)").any()


def test_metadata_beside_the_pages_overrides_them_column_by_column(tmp_path):
    folder = _pages(tmp_path / "pages", {"planet.html": planet_page(), "ledger.html": ledger_page()})
    pd.DataFrame({"file": ["planet.html", "ledger.html"], "outlet": ["The Daily Planet", ""],
                  "date": ["", "2024-03-05"]}).to_csv(folder / "metadata.csv", index=False)
    articles, _, _ = load_corpus(folder)
    got = articles.set_index("article_id")
    assert got.loc["planet", "outlet"] == "The Daily Planet"  # the metadata's outlet wins
    assert got.loc["planet", "date"] == pd.Timestamp("2024-03-01")  # an empty cell: the page's date
    ledger = got.loc["ledger"]
    assert (ledger.outlet, ledger.date) == ("The Evening Ledger", pd.Timestamp("2024-03-05"))
    assert got.loc["planet", "from_page"] == "date,headline,url,author"
    assert got.loc["ledger", "from_page"] == "outlet,headline,url"
    assert got.loc["planet", "body"].split("\n\n") == PARAGRAPHS["planet"]


def test_metadata_without_an_outlet_column_needs_pages(tmp_path):
    folder = _pages(tmp_path / "pages", {"planet.html": planet_page()})
    (folder / "note.txt").write_text("Some text.")
    pd.DataFrame({"file": ["planet.html"]}).to_csv(folder / "metadata.csv", index=False)
    assert load_corpus(folder).articles.outlet[0] == "Daily Planet"
    pd.DataFrame({"file": ["planet.html", "note.txt"]}).to_csv(folder / "metadata.csv", index=False)
    with pytest.raises(CorpusError, match=r"lacks the column\(s\) outlet"):
        load_corpus(folder)


def test_a_page_without_a_date_names_the_file_and_the_column(tmp_path):
    folder = _pages(tmp_path / "pages", {"planet.html": planet_page(date=None), "ledger.html": ledger_page()})
    with pytest.raises(CorpusError) as err:
        load_corpus(folder)
    message = str(err.value)
    assert "planet.html: the page has no publication date" in message and "ledger.html" not in message
    assert "metadata.csv" in message and "file,date" in message and "planet.html,YYYY-MM-DD" in message
    pd.DataFrame({"file": ["planet.html"], "date": [""]}).to_csv(folder / "metadata.csv", index=False)
    with pytest.raises(CorpusError, match=r"planet\.html\).*the date column of metadata\.csv"):
        load_corpus(folder)


def test_a_page_without_a_site_name_or_url_names_the_outlet_column(tmp_path):
    html = harbour_page().replace('<link rel="canonical" href="https://www.harbourtimes.example/transport/rail">', "")
    folder = _pages(tmp_path / "pages", {"rail.html": html})
    with pytest.raises(CorpusError, match=r"rail\.html: the page has no site name.*file,outlet.*rail\.html,"):
        load_corpus(folder)
    saved = "<!-- saved from url=(0042)https://www.harbourtimes.example/rail -->\n" + html  # a browser's "Save as"
    (folder / "rail.html").write_text(saved)
    assert load_corpus(folder).articles.outlet[0] == "harbourtimes.example"


def _response(writer: WARCWriter, url: str, body: bytes, mime: str, date: str) -> None:
    headers = StatusAndHeaders("200 OK", [("Content-Type", mime)], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                                  warc_headers_dict={"WARC-Date": date}))


def test_a_web_archive_gives_one_article_per_html_response(tmp_path):
    folder = tmp_path / "crawl"
    folder.mkdir()
    undated = harbour_page().replace('<meta name="date" content="2024-03-07">', "")
    with open(folder / "crawl.warc.gz", "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        _response(writer, "https://eveningledger.example/2024/storm", ledger_page().encode(),
                  "text/html; charset=utf-8", "2024-03-06T10:00:00Z")
        _response(writer, "https://eveningledger.example/logo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png",
                  "2024-03-06T10:00:01Z")
        _response(writer, "https://www.harbourtimes.example/transport/rail", undated.encode(), "text/html",
                  "2024-03-08T11:00:00Z")
    with pytest.warns(UserWarning, match="capture date 2024-03-08 is used"):
        articles, removed, log = load_corpus(folder)
    assert list(articles.article_id) == ["crawl-1", "crawl-2"]
    assert list(articles.url) == ["https://eveningledger.example/2024/storm",
                                  "https://www.harbourtimes.example/transport/rail"]
    assert list(articles.captured) == ["2024-03-06T10:00:00Z", "2024-03-08T11:00:00Z"]
    assert list(articles.date) == [pd.Timestamp("2024-03-06"), pd.Timestamp("2024-03-08")]
    assert articles.body[0].split("\n\n") == PARAGRAPHS["ledger"]
    assert list(articles.file) == ["crawl.warc.gz page 1", "crawl.warc.gz page 2"]
    assert log.message.str.contains(r"crawl\.warc\.gz: 2 HTML page\(s\) read; other records, not articles: "
                                    r".*1 image/png response").any()
    assert "Sign up for our morning newsletter" in set(removed.text)


def test_a_broken_archive_is_an_error_naming_it(tmp_path):
    folder = tmp_path / "crawl"
    folder.mkdir()
    (folder / "bad.warc").write_bytes(b"hello there\r\n\r\n")
    with pytest.raises(CorpusError, match=r"bad\.warc: is not a readable web archive"):
        load_corpus(folder)
    (folder / "bad.warc").write_bytes(b"")
    with pytest.raises(CorpusError, match=r"no articles. Its web archives hold no HTML page"):
        load_corpus(folder)


def test_hostile_text_in_a_page_stays_text(tmp_path):
    hostile = ("<p>Readers saw &lt;script&gt;alert(1)&lt;/script&gt; in the comments box, which the editors "
               "removed within the hour.</p>\n<script>document.title = 'owned';</script>\n"
               "<p>=HYPERLINK(\"http://evil.example\",\"click\") was pasted into a reader's letter to the editor.</p>")
    folder = _pages(tmp_path / "pages", {"planet.html": planet_page(extra=hostile)})
    articles, _, _ = load_corpus(folder)
    body = articles.body[0]
    assert "<script>alert(1)</script> in the comments box" in body and "owned" not in body
    html = table(articles[["article_id", "body"]], max_chars=10_000)._repr_html_()
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)" in html
    paragraphs = pd.DataFrame({"text": body.split("\n\n")})
    written = pd.read_csv(write_table(paragraphs, tmp_path / "out", "paragraphs.csv"))
    assert written.text[len(PARAGRAPHS["planet"]) + 1].startswith("'=HYPERLINK(")  # not a formula


def test_nothing_outside_the_folder_is_read(tmp_path):
    outside = _pages(tmp_path / "elsewhere", {"secret.html": ledger_page()})
    folder = _pages(tmp_path / "pages", {"planet.html": planet_page()})
    os.symlink(outside / "secret.html", folder / "leak.html")
    with pytest.warns(UserWarning, match=r"leak\.html: is a link leading outside the corpus folder"):
        articles, _, _ = load_corpus(folder)
    assert list(articles.article_id) == ["planet"]


def test_the_cache_key_follows_the_pages(tmp_path):
    folder = _pages(tmp_path / "pages", {"planet.html": planet_page()})
    before = cache.corpus_key(folder)
    (folder / "planet.html").write_text(planet_page(date="2024-03-02T09:30:00Z"))
    after = cache.corpus_key(folder)
    (folder / "more.warc").write_bytes(b"")
    assert len({before, after, cache.corpus_key(folder)}) == 3


def test_the_audit_lists_only_what_a_shortened_paragraph_lost():
    from helpers.corpus.pages import SHORTENED, left_out
    html = ("<html><body><article>\n<p>Rain fell all day. The river rose a metre. Schools stayed open.</p>\n"
            "<p class=\"newsletter\">Sign up for our daily email.</p>\n</article></body></html>")
    rows = left_out(html, "Rain fell all day. Schools stayed open.")
    assert [(r["text"], r["rule"]) for r in rows] == [
        ("The river rose a metre.", SHORTENED), ("Sign up for our daily email.", "sign-up box")]
    assert rows[0]["detail"].startswith("2 of 3 sentences of this block kept by the extractor")
    assert rows[0]["line_n"] == 2
    whole = "Rain fell all day. The river rose a metre. Schools stayed open."
    assert left_out(html, "Nothing of it.")[0]["text"] == whole
