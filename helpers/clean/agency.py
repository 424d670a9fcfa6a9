"""The news agency a page credits: its name as the articles table's ``wire`` column gives it,
read from the agency's forms (``helpers/data/news_agencies.csv``) in a dateline, byline or
credit line."""

from __future__ import annotations

import re

from ..wordlists import read_rows

# (agency, form) pairs of helpers/data/news_agencies.csv: "Associated Press" -> "AP".
AGENCY_FORMS: tuple[tuple[str, str], ...] = tuple((row[0], row[1]) for row in read_rows("news_agencies")[1:])
SHORT_FORM_LETTERS = 4  # forms this short match in their own case only ("AP", not "ap")


def _form_pattern(form: str) -> str:
    body = re.escape(form)
    return body if len(form) <= SHORT_FORM_LETTERS else f"(?i:{body})"


# Longest forms first, so "Associated Press" is read before "AP" could be.
_FORMS = sorted(AGENCY_FORMS, key=lambda pair: len(pair[1]), reverse=True)
_NAMED_FORMS = "|".join(f"(?P<a{i}>{_form_pattern(form)})" for i, (_, form) in enumerate(_FORMS))
AGENCY_PATTERN = re.compile(rf"(?<![\w-])(?:{_NAMED_FORMS})(?![\w-])")
# Any of the forms, for building line patterns ("a line that is only an agency's name").
AGENCY_ALTERNATION = "|".join(_form_pattern(form) for _, form in _FORMS)
# What a text holding a match of a form holds: a short form as written; a longer one (matched in any case) in lower
# case, in the text's lower case when the text is ASCII (an ASCII character matches an ASCII letter case-blind only
# as its own upper or lower case). None when a longer form is not ASCII: then nothing is ruled out.
_SHORT_FORMS = tuple(form for _, form in _FORMS if len(form) <= SHORT_FORM_LETTERS)
_LONG_FORMS = tuple(form.lower() for _, form in _FORMS if len(form) > SHORT_FORM_LETTERS)
_LONG_FORMS = _LONG_FORMS if all(form.isascii() for form in _LONG_FORMS) else None


def may_name_agency(text: str) -> bool:
    """False only when ``text`` holds no match of any form (``AGENCY_ALTERNATION``): then no pattern every
    match of which holds one can match it. A quick test, for speed only; True whenever it cannot tell."""
    if _LONG_FORMS is None or any(form in text for form in _SHORT_FORMS) or not text.isascii():
        return True
    low = text.lower()
    return any(form in low for form in _LONG_FORMS)


def agency_in(text: str | None) -> str | None:
    """The agency the first agency form in ``text`` names ("By Jane Roe, Associated Press" ->
    "AP"), or None. Only the listed agencies count: "(JTA)" or "GNA" give None."""
    m = AGENCY_PATTERN.search(text or "")
    if not m:
        return None
    return next(_FORMS[int(key[1:])][0] for key, value in m.groupdict().items() if value)
