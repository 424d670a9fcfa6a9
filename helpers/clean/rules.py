"""What one line of a page is: the rules for news-page furniture, datelines, titles and crossheads.

Each rule is a general pattern of news-page boilerplate, never a line copied from a particular file.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..wordlists import read_word_list
from .agency import AGENCY_ALTERNATION
from .rulesearch import anchored_split, may_hold_words, proved_needs, proved_words

_AGENCIES = (
    r"AFP|AP|Reuters|Getty Images|Getty|EPA|EPA-EFE|Bloomberg|Xinhua|Anadolu(?: Agency)?|"
    r"Flash90|Sipa|Corbis|Shutterstock|Alamy|Pool|UPI|dpa|Wikimedia Commons"
)
# Agencies that sell photos only: their name alone on a line is a photo credit. A news
# agency's name alone ("Reuters") is the story's credit unless it stands beside a caption
# (``context.mark_in_context``).
_PHOTO_AGENCIES = (
    r"Getty Images|Getty|EPA|EPA-EFE|Anadolu(?: Agency)?|Flash90|Sipa|Corbis|Shutterstock|Alamy|Pool|"
    r"Wikimedia Commons"
)


_NAME = r"[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){1,3}"  # a person's name: two to four capitalised words


@dataclass(frozen=True)
class Rule:
    """One kind of non-body line: a name for the audit and the pattern that finds it."""

    name: str
    pattern: re.Pattern[str]
    max_words: int = 40  # only lines at most this long can match
    late_only: bool = False  # only in the second half of the page
    marks_header: bool = False  # typical of the block between headline and body
    starts_footer: bool = False  # in the second half, everything after it goes
    keep_as: str | None = None  # column the line's text is kept in, if any
    early_only: bool = False  # only in the first half of the page
    check: Callable[[str], bool] | None = None  # a further test the line must pass
    # Characters one of which every match of ``pattern`` holds: a line holding none is not searched.
    # Speed only (the pattern decides); tests/test_clean_rule_needs.py proves each from the pattern.
    # Left empty, ``rule_for`` uses those ``rulesearch.proved_needs`` reads from the pattern.
    needs: str = ""


def _rx(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(pattern, flags)


_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
CAPTION_MAX_WORDS = 120  # an agency's caption may run to a few sentences before its credit
# A calendar date or a clock time: "June 30", "30 June", "25-11-2019", "2025-04-27", "9:54".
DATE_OR_TIME = _rx(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?!\w)|"
    r"\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}\b|\d{1,2}:\d{2})"
)
# Words a timestamp line is made of besides its numbers (lower case, dots dropped).
_TIMESTAMP_WORDS = frozenset((
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed",
    "thu", "thur", "thurs", "fri", "sat", "sun", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "am", "pm", "ist", "gmt", "utc", "edt", "est", "bst", "cet", "cest",
    "pst", "pdt", "et", "ct", "ht", "aest", "hkt", "sgt", "jst", "updated", "update", "published", "posted",
    "created", "modified", "edited", "last", "first", "on", "at", "of", "news", "ago", "read", "year", "years", "day",
    "days", "hour", "hours", "minute", "minutes", "min", "mins", "in", "st", "nd", "rd", "th", "date", "time",
))


def is_time_word(word: str) -> bool:
    """A word timestamps are made of: a day, a month, "updated", "ago" ... (any case, dots dropped)."""
    return word.lower().strip(".,") in _TIMESTAMP_WORDS


TIMESTAMP_OTHER_WORDS = 2  # a timestamp line may carry a place or a section ("- New Delhi", "Soccer")


def is_timestamp_line(line: str) -> bool:
    """A date or time and little else: at most ``TIMESTAMP_OTHER_WORDS`` other words, each
    capitalised (a place, a section), and no full stop at the end ("July 17, 2015 / 9:54 AM /
    2 years ago", "Soccer News of Tuesday, 5 February 2008"; not "It rained on May 5.")."""
    if not DATE_OR_TIME.search(line) or (line.endswith(".") and not re.search(r"[ap]\.m\.$", line, re.I)):
        return False
    spaced = re.sub(r"(\d)([A-Za-z])", r"\1 \2", re.sub(r"\b([ap])\.m\.", r"\1m", line, flags=re.I))
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z.']*", spaced) if w.lower().strip(".") not in _TIMESTAMP_WORDS]
    return len(words) <= TIMESTAMP_OTHER_WORDS and all(w[0].isupper() for w in words)


# Navigation and section words (helpers/data/section_labels.csv): "Home Nation", "Latest News".
SECTION_WORDS = frozenset(read_word_list("section_labels"))
SECTION_LABEL_MAX_WORDS = 5


def is_section_label(line: str) -> bool:
    """A short line made only of navigation words, perhaps numbered ("1. Comment")."""
    words = re.findall(r"[^\W\d_]+|&", line.lower())
    return 0 < len(words) <= SECTION_LABEL_MAX_WORDS and all(w in SECTION_WORDS for w in words) and not (
        line.rstrip().endswith(".")
    )


MIS_DECODED_MAX_WORDS = 5  # only short lines: a whole story mis-decoded is still the story
MIS_DECODED_SHARE = 0.5  # Latin-1 accented letters (U+00C0-U+00FF) in text read with the wrong code page
_LATIN1_LETTER = re.compile(r"[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]")


def is_mis_decoded(line: str) -> bool:
    """More than ``MIS_DECODED_SHARE`` of the letters are Latin-1 accented ones: Cyrillic or Greek
    text decoded in the wrong code page ("Ïîïóëÿðíûå"); French or German words have a few."""
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and len(_LATIN1_LETTER.findall(line)) / len(letters) > MIS_DECODED_SHARE


# Order matters: the first rule that matches names the line.
LINE_RULES: tuple[Rule, ...] = (
    Rule("timestamp", _rx(
        r"^(?:last updated|updated|published|posted|first published|last modified)\b(?!\s+by\b)"  # "Posted by": byline
        r"\s*(?:on|at)?\s*[:\-]?\s*\S|"
        r"^(?:date|created|modified|edited|dated)\s*:\s*\S"
    ), max_words=14, marks_header=True),
    Rule("share/print widget", _rx(
        r"^(?:(?:facebook|twitter|whatsapp|linkedin|e-?mail|print|pinterest|reddit|telegram|messenger|copy link|sms|"
        r"flipboard|share|x)\s*[|\u2022\u00b7,/]?\s*){2,}$|"
        r"^(?:e-?mail|print|share|send|tweet|save|copy|reprints?|comments?|listen|whatsapp|facebook|twitter)"
        r"(?:\s+(?:this|the|an?|to|on|via|with|link|article|story|page|feedback|friends?|facebook|twitter|x|"
        r"whatsapp|linkedin|e-?mail|audio|comments?|url))*\s*(?:\(\d+\))?\s*:?$|"
        r"^(?:short\s*(?:link|url)|permalink|link to (?:this|the) (?:article|story))\s*:?\s*(?:https?://\S+)?$|"
        r"^https?://\S+$"
    ), max_words=8, marks_header=True),
    Rule("page widget", _rx(
        r"^[\W_]+$|^(?:advertisements?|advert|ad|view(?:\s+(?:gallery|comments|all|more|photos?|slideshow))?|"
        r"(?:dis)?like|back|skip to (?:main )?(?:content|footer|navigation|search)|log ?in|log ?out|sign ?in|"
        r"continue reading\W*|search(?:\s+(?:this|the)\s+(?:blog|site|website))?|"
        r"(?:adjust|change) (?:the )?(?:font|text) size|text size|(?:a\s+){1,2}a|"
        r"email (?:the )?(?:author|reporter|journalist)|(?:about\s+the\s+)?authors?|"
        r"report an? (?:error|typo|correction)|have your say|"
        r"watch (?:the )?video|bookmark|save(?: for later| article| story)?|follow|"
        r"scroll to continue(?: with content)?|read the full (?:story|article|report)(?: here)?\.?|"
        r"photo gallery|recommended by|(?:image|photo|picture|slide)\s+\d+\s+of\s+\d+|\d+\s*/\s*\d+|"
        r"(?:estimated\s+)?read(?:ing)? time\s*:?\s*\d+\s*(?:min|mins|minutes?)|"
        r"\d+\s*-?\s*min(?:ute)?s?\s+read|loading\.*|load more|show more|"
        r"close|toggle navigation|article content|story continues below(?:\s+advertisement)?|"
        r"enlarge(?:\s+(?:this\s+)?(?:image|photo))?|(?:open|close|expand)\s+(?:image|photo|gallery)(?:\s+modal)?|"
        r"syndicate content|(?:read\s+)?(?:the\s+)?original (?:article|story|post)(?:\s+here)?|source link|"
        r"embed from\s+[A-Z][\w ]{1,30}|(?:next|previous)\s+(?:story|article|post)|"
        r"what(?:'s| is) your (?:reaction|opinion|view)\??|"
        r"media playback is (?:unsupported|not supported) on your device)\s*:?$|"
        r"\bclick here\b|^click (?:for|to)\s+\w|\bcopyright\s*(?:©|\(c\)|\d{4})|©\s*\d{4}|\ball rights reserved\b|"
        r"\bpowered by\s+[A-Z][\w.]*\.?$|^(?:0:\d{2}\s*)+$|"
        r"\b(?:comments (?:are|have been) (?:closed|disabled)|not (?:currently )?accepting comments)\b|"
        r"^\d+\s+comment(?:s|\(s\))(?-i:[A-Z])|^this is a (?:developing|breaking)(?: news)? story\b|"
        r"\bauto-generated from a syndicated feed\b|^\(?this (?:story|article|report) has not been edited by\b|"
        r"^this (?:article|story|piece) (?:was |is )?(?:originally|first) (?:published|appeared)\b|"
        r"\b(?:got|have) a (?:news )?tip\?"
    ), max_words=30),
    Rule("section label", _rx(r"^(?:tags?|topics?|categor(?:y|ies)|filed under|posted in)\s*:\s*\S"), max_words=30),
    Rule("section label", _rx(
        r"^(?:sections?|you are here)\s*:|^#\w+(?:\s+#?\w+){0,3}$|"
        r"^(?:home\s+)?(?:tags?\s+)?(?:posts?|articles?|stories)\s+(?:tagged|filed|categori[sz]ed)\b|\S\s+(?:>|»|›)\s+\S|"
        r'(?:\S+\s+"\s+){2,}\S|'  # breadcrumbs whose "»" was normalised to a quote mark: 'Site " News " Title'
        r"^(?!by\s)(?:[^/]{1,30}\s/\s*){2,}$"
    ), max_words=30, early_only=True),
    Rule("section label", _rx(r"\w"), max_words=SECTION_LABEL_MAX_WORDS, early_only=True, check=is_section_label),
    # A short line of text decoded in the wrong code page ("Ïîïóëÿðíûå ñîîáùåíèÿ"): a menu's label, never a title.
    Rule("page widget", _rx(r"\w"), max_words=MIS_DECODED_MAX_WORDS, check=is_mis_decoded),
    Rule("byline", _rx(
        r"^(?i:by)\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}"
        r"(?:(?:,|\s+(?i:and)|\s+&)\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})*"
        r"(?:\s+(?:at|in|with)\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})?(?:\s*[,|]\s*.*)?$|"
        r"^(?:The\s+)?[A-Z][\w.&'-]+(?:\s+[A-Z][\w.&'-]+){0,2}\s+"
        r"(?i:staff|bureau|desk|news desk|web desk|staff writer)"  # then perhaps initials and a date
        rf"(?:\s*\([a-z]{{2,5}}\))?(?:\s*(?i:{_MONTH})\s+\d{{1,2}},?\s+\d{{4}})?$|"
        r"^[\u2014\u2013-]\s*[A-Z][\w.']*(?:\s+[A-Z][\w.']*){0,4}\s+[\u2014\u2013-]\s+.*\d|"
        # "- Jane Roe and John Doe" (a photo's "NAME/AGENCY" credit may run on after it)
        rf"^[\u2014\u2013-]\s*{_NAME}(?:\s*,\s*{_NAME})*\s+(?:and|&)\s+{_NAME}(?:\s+[A-Z][\w.' -]*/[\w.' -]+)?$", 0
    ), max_words=14, marks_header=True),
    # A blog's or a feed's byline: "Posted by Jane Roe | Politics", "by / June 10th, 2009 /" (the name left
    # out), "Byexample.com", "Source: Xinhua| 2019-01-11 23:07:33|Editor: Jane Roe", "From Times Wire Services".
    Rule("byline", _rx(
        r"^posted\s+by\s*(?:\||[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}\s*(?:\||\bon\b|\bin\b|$))|"
        r"^by\s*[/|]\s*\S|^by\s*[a-z][\w-]*(?:\.[\w-]+)*\.(?:com|org|net|in|co\.[a-z]{2}|[a-z]{2})$|"
        rf"^source\s*:\s*(?:{AGENCY_ALTERNATION})\s*\|.*\b(?:editor|author|by)\b|"
        r"^from\s+(?:the\s+)?(?:[A-Z][\w.'-]*\s+){0,3}(?:wire|news)\s+(?:services?|reports?)$|"
        r"^from\s+(?:staff\s+and\s+)?wire\s+reports$"
    ), max_words=30, marks_header=True),
    # The wire's end mark and its slug: "-0- PANA SIL/SSB 20March2011".
    Rule("byline", _rx(r"^-0-(?:\s+\S+){0,8}$"), max_words=12),
    # An author's e-mail address alone (or a page's placeholder for it, "[email protected]").
    Rule("byline", _rx(r"^<?(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\[email\s+protected\])>?$"), max_words=6,
         marks_header=True),
    Rule("byline", _rx(r"^(?:author\s*:|(?:written|reported|words|story|edited) by\s*:?)\s*[A-Z]"), max_words=10,
         marks_header=True),
    # Before the caption rules, which would read "(EFE)" as a photo credit: "Source: Madrid (EFE)",
    # "Story published with thanks to PA Mediapoint", "Used with permission of Reuters".
    Rule("wire credit", re.compile(
        rf"^(?i:source|agency|credit)\s*:\s*[A-Z][\w.' -]{{1,30}}\s*[(\[]\s*(?:{AGENCY_ALTERNATION})\s*[)\]]\.?$|"
        rf"^[^.!?]{{0,30}}\b(?i:with\s+(?:thanks|permission)\s+(?:to|of|from))\s+(?:the\s+)?(?:{AGENCY_ALTERNATION})\b[^.!?]{{0,30}}$"
    ), max_words=14, keep_as="wire_credit"),
    Rule("timestamp", DATE_OR_TIME, max_words=24, marks_header=True, check=is_timestamp_line),
    Rule("photo credit", _rx(
        r"^(?:photos?|photograph|images?|pictures?|credits?|file photo|photo credit)"
        r"(?:\s+(?:by|source|courtesy))?\s*[:/]|"
        r"^(?:photo(?:graph)?s?|images?|pictures?|illustrations?|graphics?)\s+(?:by|courtesy of)\s+[A-Z][^.!?]*$|"
        r"^©\s*(?:provided by\s+)?[A-Z][^.!?]*$|^image\s+copyright\b|"
        r"^\(?(?:file\s+(?:photo|image|picture)|representational\s+(?:image|photo|picture)|(?-i:Supplied|Handout))\)?$|"
        rf"(?:/\s*|\bvia\s+|\bfor\s+)(?:{_AGENCIES})\b[^.!?]*$|\bAP Photo\b[^.!?]*$|"
        rf"^\(?(?:{_PHOTO_AGENCIES})(?:\s+photo)?\)?$|^\(?(?:{_AGENCIES})\s+photo\)?$"
    ), max_words=12, marks_header=True, check=lambda line: not re.search(r"[a-z]\.\s", line)),
    Rule("photo caption", _rx(
        r"[\[(](?:(?i:(?:file\s+)?photo)\s*[:/]?\s*)?"
        rf"(?:{_AGENCIES}|[A-Z]{{2,}}|Al Jazeera|File|Archive|Handout)(?:[\s/]+[\w.]+){{0,4}}[\])]\s*$", 0
    ), marks_header=True, needs="[("),
    # A caption ending in a bracketed "Photographer/Organisation" credit, an agency's "via"
    # credit or "AGENCY/Photographer": "... (Eric Risberg/Associated Press)", "... (Name/TT News
    # Agency via AP)", "(NASA / JPL)", "... May 11, 2017. REUTERS/Stringer".
    Rule("photo caption", _rx(
        rf"[.\s](?:REUTERS|{_AGENCIES})\s*/\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){{0,3}}\s*$|"
        r"\([^()/]{1,40}(?:/[^()/]{1,40}){2,}\)\s*$|"
        r"\(\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}\s*/\s*[A-Z][\w.&' -]{1,40}\)\s*$|"
        rf"\([^()]{{2,60}}\bvia\s+(?:{_AGENCIES})\)\s*$|"
        rf"\s(?:/\s*[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)?\s+(?i:photo)|©\s*(?:{_AGENCIES})(?:\s*/\s*\w+)?)\s*$", 0
    ), max_words=CAPTION_MAX_WORDS, marks_header=True, needs="/(©"),
    # A caption ending in its photo credit: "... | Photo Credit: -", "PHOTO: Name / AFP", "...Image: dpa",
    # "(Photo by NAME / AFP)", "(File Photo| PTI)".
    Rule("photo caption", _rx(
        rf"(?:\|\s*(?:(?:{_AGENCIES})\s+)?photo(?:\s+credit)?\s*[:/]?[^|]{{0,60}}|"
        r"(?:\b|(?<=[a-z]))(?:photo(?:graph)?|image|picture|credit|courtesy)(?:\s+credit)?\s*:\s*[^.!?]{1,60}|"
        r"\(\s*(?:file\s+)?(?:photo|image|picture)s?\s*(?:by\s+|[:|/]\s*)[^()]{1,60}\))\s*$"
    ), max_words=80, marks_header=True, needs="|:("),
    # A caption whose last sentence is followed by its credit alone: "... on Tuesday. Jane Doe/AP",
    # "... Tuesday. Getty Images", "... Tuesday. (Representational image)", "... Tuesday. AFP" (a news
    # agency's name closing the story's last paragraph is its end credit: ``context.keep_end_credit``),
    # and a caption under its label: "Image caption Protesters gather ...".
    Rule("photo caption", _rx(
        r"^(?i:image\s+caption)\b|"
        r"[.!?]\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}\s*/\s*[A-Z][\w&.' -]{1,30}$|"
        rf"[.!?]\s+\(?(?:{_PHOTO_AGENCIES}|(?i:file\s+(?:photo|image|picture)|representational\s+(?:image|photo|picture))|"
        rf"Supplied|Handout)\)?$|[.!?]\s+\(?(?:{AGENCY_ALTERNATION})(?:\s+(?i:photo|file photo))?\)?$", 0
    ), max_words=CAPTION_MAX_WORDS, marks_header=True),
    # An agency photo caption's closing date: "..., in Cairo, Wednesday, July 3, 2013."
    Rule("photo caption", _rx(rf",\s*{_WEEKDAY},\s*{_MONTH}\s+\d{{1,2}},\s+\d{{4}}\.(?:\s|$)"), max_words=80,
         marks_header=True, check=lambda line: '"' not in line),
    # A caption opening with its label: "FILE PHOTO: A woman wearing ...", "PICTURE: ..." (short ones are credits).
    Rule("photo caption", _rx(r"^(?:file\s+)?(?:photo|picture|image)\s*:\s+[A-Z]"), max_words=CAPTION_MAX_WORDS,
         marks_header=True),
    # The reporters' sign-off on a line of its own, perhaps after another bracketed note:
    # "(Reporting by Jane Roe; Editing by John Doe)", "($1 = 0.73 euros) (Reporting By ...)".
    Rule("byline", _rx(r"^(?:\([^()]*\)\s*)*\((?:additional\s+)?(?:reporting|writing|editing)\s+by\b[^()]*\)\.?$"),
         max_words=40),
    # A news agency's name and a place: "Press Trust of India Kolkata", "AFP Paris".
    Rule("byline", re.compile(
        rf"^(?:{AGENCY_ALTERNATION})(?:\s+(?!(?:Videos?|Photos?|Images?|Live|News|Graphics?|Sport)\b)[A-Z][a-z]+){{1,2}}$"
    ), max_words=8, marks_header=True),
    Rule("wire credit", _rx(
        r"^(?:[A-Z][\w.&' -]{1,40}\s+and\s+)?(?:wire services|agencies)\.?$|"
        r"^this\s+(?:report|story|article)\b.{0,60}\bwas\s+(?:first\s+)?(?:published|distributed)\b|"
        r"^(?:with\s+)?(?:additional\s+)?reporting\s+by\b|^(?:writing|editing|compiled)\s+by\b|"
        r"^[(\[]?\s*(?:with\s+)?(?:additional\s+)?inputs?\s+from\b[^.!?]{1,60}$|"
        r"^(?:the\s+)?[A-Z][\w.&' -]{1,40}\s+contributed\s+(?:to\s+)?(?:this\s+)?(?:report|story|article)\b|"
        r"^[\u2014\u2013-]*\s*with files from\b|"
        r"^\(?(?:reuters|ap|afp|the associated press|associated press|agencies|bloomberg|dpa|xinhua|upi)\)?\.?$|"
        r"^sources?\s*:\s*(?:reuters|ap|afp|agencies|wire|news agencies)"
    ), max_words=25, keep_as="wire_credit"),
    Rule("wire credit", re.compile(r"^[(\[]?\s*(?i:source|agency|credit)\s*:\s*[A-Z]{2,6}\s*[)\]]?$"), max_words=4,
         keep_as="wire_credit"),
    Rule("wire credit", re.compile(
        r"^[(\[]?\s*(?:[\u2014\u2013-]{1,2}\s*)?"
        r"(?:(?i:source|agency|credit|courtesy)\s*:\s*|(?i:with|courtesy of)\s+)?"
        rf"(?:{AGENCY_ALTERNATION})(?:\s+(?i:news(?:\s+agency)?))?\s*[)\]]?\.?$"
    ), max_words=8, keep_as="wire_credit"),
    # A feed's or a syndicator's source line: "via Smart Health Forum http://...", "Source: http://...".
    Rule("source link", _rx(
        r"^(?:via|source|from|originally (?:published|appeared) (?:at|on|in))\b\s*:?\s*[^.!?]{0,60}?"
        r"(?:https?://\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|co\.[a-z]{2}|[a-z]{2}))$"
    ), max_words=12),
    Rule("sign-up or newsletter box", _rx(
        r"\b(?:sign up|subscribe|newsletters?|get (?:e-?mail|daily|weekly|breaking news) (?:updates|alerts)|"
        r"on your tv|download (?:our|the) app|follow us|in your inbox)\b|"
        r"^follow\s+[^.!?]{1,40}\s+on\s+(?:twitter|facebook|instagram|x|linkedin|threads|bluesky)\b"
    ), max_words=15),
    Rule("publisher's message", _rx(
        r"^(?:an?\s+)?(?:message|note|letter)\s+from\s+(?:our|the)\s+(?:publisher|editor|ceo|founder|editor-in-chief)"
    ), max_words=15, starts_footer=True),
    # One teaser in the middle of a story: "READ ALSO: ...", "Watch | ...".
    Rule("teaser link", _rx(
        r"^(?:read also|also read|read more|see also|also see|must read|watch|also watch|listen|related)"
        r"(?:\s*(?:[:|]|\s[\u2014\u2013-])\s*\S|(?-i:[A-Z]))|^(?:next|previous)\s+(?:story|article|post)\s*:?\s+(?-i:[A-Z])"
    ), max_words=30),
    # A teaser listed with its date: "- Government moves to end fuel subsidy - December 26, 2024".
    Rule("teaser link", _rx(r"^[\u2014\u2013-]\s+\S.{5,150}\s[\u2014\u2013-]\s+[^.!?]{0,20}\d{4}$"), max_words=30,
         check=lambda line: DATE_OR_TIME.search(line) is not None),
    # Sponsored teasers: the heading and the titles under it go, the story goes on after them.
    Rule("partner teasers", _rx(
        r"^(?:(?:content|stories|more)\s+from\s+(?:our\s+)?partners|sponsored(?:\s+(?:content|stories|links))?|"
        r"promoted(?:\s+(?:content|stories))?|from\s+(?:the|around the)\s+web|around the web)\s*:?$"
    ), max_words=6),
    Rule("teaser block heading", _rx(
        r"^(?:related(?:\s+(?:news|stories|articles|coverage|content|reading|posts|links))?|"
        r"featured\s+(?:on|in|from)\s+.{1,40}|more\s+(?:from|on|in|about)\s+.{1,40}|more stories|"
        r"read\s+(?:more|next|also)\b.{0,40}|recommended(?:\s+(?:for you|stories|reading|articles))?|"
        r"you\s+(?:may|might)\s+also\s+(?:like|enjoy|be interested in)|most\s+(?:read|popular|viewed|shared)|"
        r"trending(?:\s+now)?|editors?'?s?\s+picks|further reading|also\s+on\s+.{1,40}|top stories|"
        r"latest\s+(?:news|stories|headlines|posts|articles)|what to read next|popular\s+(?:on|in)\s+.{1,40}|"
        r"popular\s+(?:posts|stories|articles)|"
        r"don't miss|keep reading|in other news|top news|(?:latest|more|related)\s+videos?|trending stories|"
        r"in case you missed it)\s*:?$"
    ), max_words=8, starts_footer=True),
    # A comment section's heading ends the article as a teaser block does; it is a widget.
    Rule("comment section", _rx(
        r"^(?:(?:no|\d+)\s+comments?|post a comment|leave a (?:comment|reply)|write the first comment\b.*)\s*:?$"
    ), max_words=8, starts_footer=True),
    Rule("donation or membership appeal", _rx(
        r"\bsupport(?:ing)?\s+(?:our|independent|the\s+[\w']+|[\w]+'s)\b[^.]{0,80}\b(?:journalism|reporting|newsroom|work)\b|"
        r"\bkeep\s+our\s+journalism\b|\bbecom(?:e|ing)\s+an?\s+(?:[\w']+\s+)?(?:member|subscriber|supporter|patron)\b|"
        r"\bdonat(?:e|ion|ions)\b|\breaders\s+like\s+you\b|\bmake\s+a\s+(?:tax-deductible\s+)?(?:gift|contribution)\b|"
        r"\bconsider\s+(?:supporting|subscribing|donating)\b|\bpaywall\b"
    ), late_only=True),
    Rule("sign-off", _rx(r"^[\u2014\u2013-]\s*[A-Z][\w.' -]+,\s*[\w&,.' -]+$", 0), max_words=14, late_only=True),
)

# Datelines that open the first paragraph: "(JTA) — ", "JERUSALEM—", "NEW DELHI: ",
# "WASHINGTON (Reuters) - ", "RAMALLAH, West Bank, Nov. 24 (AP) — ", "PARIS // ",
# "New Delhi [India], February 20 (ANI): ", "Kumasi, Feb. 5, GNA - ". A bare hyphen must have
# spaces round it, so "U.S.-Israeli relations" is not a dateline. Group ``dateline`` is the
# place (and date); group ``agency`` the credit, bracketed or after a comma.
_DASH = r"(?:\s*[\u2014\u2013]\s*|\s+-{1,2}\s+|\s+//\s+|(?<=\))\.?-{1,2}\s*)"  # "(EFE).- ", "(Jiji Press)--"
_MISREAD_DASH = r"\s\?\s"  # a dash mis-decoded as "?" ("TORONTO ? The ..."): capitals before it only
_COLON = r"\s*:\s+"
_REGION = (  # a bracketed region is not an agency's credit: "Indore (Madhya Pradesh)", not "CAIRO (AP)"
    r"(?:,\s*[A-Z][\w.]+(?:\s[A-Z][\w.]+){0,2}|\s*\[[A-Z][\w .]{1,30}\]|"
    rf"\s*\((?![A-Z]{{2,6}}\))(?!(?:{AGENCY_ALTERNATION})\))[A-Z][\w .]{{1,30}}\))"
)
_DATELINE_DATE = rf"(?:,?\s*(?i:{_MONTH})\s\d{{1,2}}(?:,?\s\d{{4}})?|,\s*\d{{1,2}}\s(?i:{_MONTH})(?:\s\d{{4}})?)"
# A listed agency's bracket left open before the dash ("Rio de Janeiro (dpa / – ...") counts too.
_CREDIT = (
    r"(?:\s*\((?P<agency>[^)]{1,30})\)|,\s*(?P<agency_after>[A-Z]{2,6})|"
    rf"\s*\((?P<agency_open>{AGENCY_ALTERNATION})\s*/?(?=\s*[\u2014\u2013-]))"
)
# A listed agency's (or any short capitals') bracketed credit may run straight into the story:
# "Mumbai, Apr 22 (PTI) Union ...", "Kolkata, April 8 (IANS) West Bengal ...".
# So may a credit ending in its date: "MOSCOW (UrduPoint News / Sputnik - 23rd November, 2020) A suspect ...".
_CREDIT_NO_DASH = rf"\s*\((?P<agency>{AGENCY_ALTERNATION}|[A-Z]{{2,6}}|[^()]{{1,60}}\b\d{{4}})\)\s+(?=[A-Z\"'])"
_CAPS = "A-Z\u00c0-\u00d6\u00d8-\u00de"  # capitals, accented ones too ("NÎMES")
_CAPS_PLACE = rf"[{_CAPS}][{_CAPS}.'-]{{2,}}(?:\s[{_CAPS}][{_CAPS}.'-]+){{0,3}}"
# A place in title case, lower-case particles inside ("Rio de Janeiro", "Dar es Salaam").
_TITLE_PLACE = r"[A-Z][a-z]+(?:\s(?:(?:de|da|do|dos|del|di|es|el|al|upon|on)\s)?[A-Z][a-z]+){0,2}"
# A date and an agency's credit with no place: "Sept 18 (Reuters) - ".
DATE_DATELINE = re.compile(
    rf"^(?P<dateline>(?i:{_MONTH})\s\d{{1,2}}(?:,?\s\d{{4}})?)\s*\((?P<agency>{AGENCY_ALTERNATION})\)(?:{_DASH}|{_COLON})"
)
DATELINE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"^\((?P<dateline>[A-Z][A-Za-z.&]{{1,20}}(?:\s[A-Z][A-Za-z.&]+){{0,2}})\){_DASH}"),
    re.compile(rf"^(?P<dateline>{_CAPS_PLACE}{_REGION}{{0,2}}{_DATELINE_DATE}?){_CREDIT}?(?:{_DASH}|{_COLON}|{_MISREAD_DASH})"),
    re.compile(rf"^(?P<dateline>{_CAPS_PLACE}{_REGION}{{0,2}}{_DATELINE_DATE}?){_CREDIT_NO_DASH}"),
    # A place in title case needs a region, date or credit after it, or a colon straight after
    # it ("Chennai: ..."), so "Shares fell: ..." and "Meanwhile - ..." are not one.
    re.compile(
        rf"^(?P<dateline>{_TITLE_PLACE}(?:{_REGION}{{1,2}}{_DATELINE_DATE}?|{_DATELINE_DATE})){_CREDIT}?(?:{_DASH}|{_COLON})"
    ),
    re.compile(rf"^(?P<dateline>{_TITLE_PLACE}(?:{_REGION}{{1,2}}{_DATELINE_DATE}?|{_DATELINE_DATE})){_CREDIT_NO_DASH}"),
    re.compile(rf"^(?P<dateline>{_TITLE_PLACE}){_CREDIT}(?:{_DASH}|{_COLON})"),
    DATE_DATELINE,
    # Last, read in the story's first paragraph only (``BARE_PLACE_PATTERNS``): a place in title
    # case alone before a spaced dash ("Abuja – Man-of-the-match ...") or a colon ("Chennai: ...");
    # ``clean_text`` drops the colon form when other paragraphs open the same way (speakers'
    # names: "Jose Mourinho: ...").
    re.compile(
        r"^(?P<dateline>[A-Z][a-z]{2,}(?:\s(?!(?:News|Times|Post|Online|Today|Daily|Press|Radio|Report)\b)[A-Z][a-z]+)?)"
        r"(?:\s*[\u2014\u2013]\s*|\s+-{1,2}\s+)(?=[A-Z])"  # not a source's name: "Ammon News - ..."
    ),
    re.compile(rf"^(?P<dateline>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?){_COLON}(?=[A-Z])"),
)
BARE_PLACE_PATTERNS = DATELINE_PATTERNS[-2:]
# A dateline on a line of its own: a place in capitals with its date and perhaps its agency
# ("TOKYO, April 14 Kyodo"), a place in title case, a comma and its date ("Margao, November 28"),
# or a place and a listed agency's bracketed credit ("Libreville (AFP)").
_OWN_LINE_REGION = r"(?:,\s*[A-Z][\w.]+(?:\s[A-Z][\w.]+){0,2})?"
OWN_LINE_DATELINE = re.compile(
    rf"^(?P<place>{_CAPS_PLACE}{_OWN_LINE_REGION}){_DATELINE_DATE}(?:\s*[(\[]?(?:{AGENCY_ALTERNATION})[)\]]?)?$|"
    rf"^(?P<title_place>{_TITLE_PLACE}{_OWN_LINE_REGION}),\s*(?i:{_MONTH})\s\d{{1,2}}(?:,?\s\d{{4}})?$|"
    rf"^(?P<credited_place>(?:{_CAPS_PLACE}|{_TITLE_PLACE}){_OWN_LINE_REGION})\s*\((?:{AGENCY_ALTERNATION})\)$"
)
# Words that open a paragraph like a dateline's place but are labels (helpers/data/dateline_non_places.csv).
NON_PLACES = frozenset(read_word_list("dateline_non_places"))

# A line ending in punctuation, closing quotes or brackets allowed after it (a space before one too: '... east. "').
ENDS_PUNCTUATED = re.compile(r"[.!?:;,](?:\s*['\")\]])*$")
# Words no sentence, headline or crosshead ends with (helpers/data/unfinished_line_words.csv).
UNFINISHED_LINE_WORDS = frozenset(read_word_list("unfinished_line_words"))
_BULLET = re.compile(r"^(?:[\u2022*\u00b7-]|\d+[.)])\s")
_WORD = re.compile(r"\w+(?:['-]\w+)*")

CROSSHEAD_MAX_WORDS = 10  # crossheads are a few words; body paragraphs are sentences
LINE_TITLE_MAX_WORDS = 20  # ``looks_like_title``: a title is 2 to this many words
HEADLINE_MATCH_RATIO = 0.85  # difflib ratio for a metadata headline vs a page line

_ASCII = [chr(c) for c in range(128)]
# An ASCII text's shape: word characters (``\w``) to "a", the joiners ' and - to "'", anything else to a space.
_WORD_SHAPE = str.maketrans({c: "a" if c.isalnum() or c == "_" else "'" if c in "'-" else " " for c in _ASCII})


@lru_cache(maxsize=4096)  # the steps of ``clean_text`` count the same line's words several times
def count_words(text: str) -> int:
    """Words in ``text`` (letters or digits, inner hyphens and apostrophes kept): the matches of ``_WORD``,
    in an ASCII text counted from its shape (each "'" between two "a" joins them; two passes join all)."""
    if not text.isascii():
        return len(_WORD.findall(text))
    return len(text.translate(_WORD_SHAPE).replace("a'a", "aa").replace("a'a", "aa").replace("'", " ").split())


def _comparable(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()


def matches_headline(line: str, headline: str) -> bool:
    """``line`` is ``headline``, ignoring case and punctuation, or close (``HEADLINE_MATCH_RATIO``)."""
    a, b = _comparable(line), _comparable(headline)
    return bool(a) and (a == b or difflib.SequenceMatcher(None, a, b).ratio() >= HEADLINE_MATCH_RATIO)


# A sentence ending inside a line, after a word (not "Gov.", "U.S.", "vs."): no crosshead
# has one ("... next year. (Reporting by", "... week. AFP"); a title may ask a question first
# ("What now? Migrants ..."), so for titles only a full stop counts.
# A capitalised word counts from five letters on ("Tuesday.", not "Capt." or "Sept.").
_SENTENCE_WORD = r"\b(?!vs\.)(?:[a-z]{2,}|[A-Z][a-z]{4,})"
SENTENCE_END = re.compile(rf"{_SENTENCE_WORD}[.!?]['\"]?\s+['\"(]?[A-Z]")
TITLE_SENTENCE_END = re.compile(rf"{_SENTENCE_WORD}\.['\"]?\s+['\"(]?[A-Z]")


def ends_unfinished(line: str) -> bool:
    """The line's last word is one no sentence or title ends with ("... has asked for"): it runs
    on into the next line, part of a wrapped or cut paragraph."""
    words = _WORD.findall(line)
    return bool(words) and words[-1].lower() in UNFINISHED_LINE_WORDS and not ENDS_PUNCTUATED.search(line)


def looks_like_title(line: str) -> bool:
    """No closing punctuation and no sentence's end inside, 2-20 words, a capital or digit first (after an opening quote
    mark: '"Victory and defeat ...", says Modi'), not a list item."""
    first = line.lstrip("\"'")[:1]
    return (
        not ENDS_PUNCTUATED.search(line)
        and not TITLE_SENTENCE_END.search(line)
        and 2 <= count_words(line) <= LINE_TITLE_MAX_WORDS
        and (first.isupper() or first.isdigit())
        and not _BULLET.match(line)
    )


_LEADING_BULLETS = re.compile(r"^(?:[\u2022\u00b7*|]\s*)+(?=\S)")
# ``LINE_RULES`` for the first half of a page and for the second, each with how ``rule_for`` searches it
# (``rulesearch``: the characters a match needs, its ``^`` alternatives and the others, each with the words
# its matches in an ASCII line hold in any case): the same matches as ``rule.pattern``, found sooner.
_HALF_RULES = tuple(
    tuple((rule, rule.needs or proved_needs(rule.pattern), *((part, proved_words(part)) for part in anchored_split(
        rule.pattern))) for rule in half)
    for half in ([r for r in LINE_RULES if not r.late_only], [r for r in LINE_RULES if not r.early_only])
)


def rule_for(line: str, position: int, n_lines: int) -> Rule | None:
    """The first of ``LINE_RULES`` matching the line at ``position`` of ``n_lines``, or None; leading
    bullets ("• PTI", "* Agence France-Presse") are read past."""
    return _rule_in_half(line, position >= n_lines / 2)


@lru_cache(maxsize=1 << 14)  # a line's rule depends on its text and half only; furniture recurs across pages
def _rule_in_half(line: str, late: bool) -> Rule | None:
    line = _LEADING_BULLETS.sub("", line)
    words, low = count_words(line), line.lower() if line.isascii() else None
    for rule, needs, (head, head_words), (rest, rest_words) in _HALF_RULES[late]:
        if words > rule.max_words or (needs and not any(c in line for c in needs)):
            continue
        if ((head and may_hold_words(head_words, low) and head.match(line))
                or (rest and may_hold_words(rest_words, low) and rest.search(line))) and (
                rule.check is None or rule.check(line)):
            return rule
    return None


def is_crosshead(line: str) -> bool:
    """A few words, a capital first, no closing punctuation, not a list item."""
    inner = line.strip("'\"")
    return (
        0 < count_words(line) <= CROSSHEAD_MAX_WORDS
        and inner[:1].isupper()
        and not ENDS_PUNCTUATED.search(inner)
        and not _BULLET.match(line)
    )

