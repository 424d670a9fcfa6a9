"""Web archives (``.warc``, ``.warc.gz``) into their HTML pages, one per successful HTML response (warcio).

A WARC file is one file inside the corpus folder (checked like any other); its records
are read from it and nothing else is opened: a record's URL is kept as text, never
followed. Each ``response`` (or ``resource``) record whose payload is HTML with status
200 is a page, kept with its target URL and capture time; every other record (requests,
metadata, images, redirects, errors) is counted by kind for the loading log.
"""

from __future__ import annotations

import zlib
from collections import Counter
from pathlib import Path
from typing import NamedTuple

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from .errors import CorpusError
from .files import unreadable

HTML_TYPES = ("text/html", "application/xhtml+xml")


class WarcPage(NamedTuple):
    """One HTML page of a web archive: ``n`` (1-based, among the archive's pages), ``url``
    (WARC-Target-URI), ``captured`` (WARC-Date, ISO 8601 as given), ``html`` (the payload
    bytes, transfer and content encodings undone), ``too_large`` (the payload was cut at
    ``max_bytes``: not an article)."""

    n: int
    url: str
    captured: str
    html: bytes
    too_large: bool


def _kind(record) -> tuple[str, bool]:
    """(kind of record for the count, whether it is an HTML page)."""
    if record.rec_type not in ("response", "resource"):
        return f"{record.rec_type} record", False
    headers = record.http_headers
    mime = (headers.get_header("Content-Type") if headers else record.rec_headers.get_header("Content-Type")) or ""
    mime = mime.split(";")[0].strip().lower() or "no content type"
    if mime not in HTML_TYPES:
        return f"{mime} {record.rec_type}", False
    status = headers.get_statuscode() if headers else "200"
    if status != "200":
        return f"HTML {record.rec_type} with status {status}", False
    return "HTML page", True


def read_warc(path: Path, where: str, *, max_bytes: int) -> tuple[list[WarcPage], Counter]:
    """The HTML pages of the web archive ``path`` (checked to be inside the corpus) and a
    count of its other records by kind.

    Parameters
    ----------
    path, where:
        The archive, and its name in messages.
    max_bytes:
        Largest payload read of one page (a larger one is cut and flagged ``too_large``).

    Raises
    ------
    CorpusError
        The file cannot be read or is not a web archive, naming it.
    """
    pages: list[WarcPage] = []
    others: Counter = Counter()
    try:
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh):
                kind, is_page = _kind(record)
                if not is_page:
                    others[kind] += 1
                    continue
                html = record.content_stream().read(max_bytes + 1)
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                captured = record.rec_headers.get_header("WARC-Date") or ""
                pages.append(WarcPage(len(pages) + 1, url, captured, html[:max_bytes], len(html) > max_bytes))
    except OSError as exc:
        raise unreadable(where, exc) from None
    except (ArchiveLoadFailed, ValueError, EOFError, zlib.error) as exc:
        raise CorpusError(f"{where}: is not a readable web archive ({exc}). Check that it is a .warc or "
                          ".warc.gz file written by a crawler (wget --warc-file, Browsertrix, warcio).") from None
    return pages, others
