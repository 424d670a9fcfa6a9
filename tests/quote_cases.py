"""What the quotation-rule tests (tests/test_quote_attribution_rules*.py) read from a
one-article corpus they write: its quotation rows, quotation -> speaker, and the spans."""

from __future__ import annotations

import pandas as pd

from helpers.quote_spans import quote_spans
from helpers.quotes import extract_quotes
from helpers.text import split_sentences


def article_quotes(body: str) -> pd.DataFrame:
    """``extract_quotes`` on one article (outlet "Test"), quoted terms included."""
    articles = pd.DataFrame({"article_id": ["t"], "outlet": ["Test"], "body": [body]})
    return extract_quotes(split_sentences(articles), articles, None)


def quotations(body: str) -> pd.DataFrame:
    """``article_quotes`` without the quoted terms (``form == "term"``)."""
    quotes = article_quotes(body)
    return quotes[quotes.form != "term"]


def speakers(body: str) -> dict[str, str | None]:
    """Quotation (its first three words) -> speaker, quoted terms left out."""
    quotes = quotations(body)
    return {" ".join(q.split()[:3]): None if pd.isna(s) else s
            for q, s in zip(quotes["quote"], quotes["speaker"], strict=True)}


def spans(text: str) -> list[str]:
    """The text of each span ``quote_spans`` finds."""
    return [text[s:e] for s, e in quote_spans(text)]
