"""Facts each article states: numbers, dates, quantities and names, matched across outlets.

``extract_facts(sentences)`` finds, in every sentence, with regular expressions and no
trained model (NLTK's named-entity chunker is not available offline):

- **counts**: a number and the noun it counts, "104 long-serving Palestinian
  prisoners" -> ``104 prisoners``, "nine months of talks" -> ``9 months``, "another
  1,000 prisoners" -> ``1000 prisoners``; vague ones as written, "hundreds of
  Palestinian prisoners" -> ``hundreds of prisoners``;
- **ordinals**: "a fourth group of prisoners" -> ``fourth group``, "the final group"
  -> ``final group``;
- **money** (``$2 million``), **percentages** (``5%``), **times** (``3 a.m.``,
  ``0100 GMT``);
- **dates**: "April 29", "29 April", "Apr. 29th" -> ``April 29``; months ("by the end of
  March" -> ``March``; "a late-April deadline" -> ``late April``), years (``1967``),
  weekdays (``Monday``);
- **names**: runs of capitalised words ("Ramallah", "Tel Aviv", "United Nations General
  Assembly"), with titles cut out ("U.S. Secretary of State John Kerry" -> ``US``,
  ``John Kerry``), possessives dropped ("Kerry's"), a sentence's ordinary first word
  skipped ("After", "Said"), lone nationality adjectives dropped ("Israeli officials"),
  surnames linked to the full name the same article used ("Harf" -> ``Marie Harf``),
  and every name and alias in the corpus's actors table mapped to its canonical name.

Each fact keeps its ``sentence_id`` and character offsets in the body, so every cell
of the outlet x fact matrix traces back to the words it came from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from .actors import find_mentions
from .nltk_data import STOPWORDS

FACT_COLUMNS = [
    "article_id", "outlet", "sentence_id", "start_char", "end_char", "category", "kind", "fact", "text", "source",
]
OVERLAP_COLUMNS = [
    "event", "event_label", "category", "kind", "fact", "n_outlets", "outlets", "n_outlets_in_event",
    "n_mentions", "sentence_id", "text",
]
CATEGORY = {
    "count": "number", "money": "number", "percent": "number", "ordinal": "ordinal",
    "date": "date", "month": "date", "year": "date", "weekday": "date", "time": "date",
    "name": "name", "person": "name", "organisation": "name", "country": "name", "group": "name",
}

# Number words and their values. "one" is left out: "one of his advisers", "no one",
# "one side" are far commoner in news than a count of one.
NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "dozen": 12,
}
# Plural nouns that do not end in "s".
IRREGULAR_PLURALS = frozenset({"people", "children", "men", "women", "police", "staff", "personnel", "cattle"})
# Vague quantities, kept as written: "hundreds of prisoners".
VAGUE_NUMBERS = ("dozens", "scores", "hundreds", "thousands", "tens of thousands", "millions")
SCALES = ("million", "billion", "trillion")
# "last" is left out: "last July", "last week" are relative dates, not ordinals. An
# ordinal counts only after a determiner ("the fourth group", "a final agreement"), not
# as an adverb ("Israel first halt settlement expansion", "final status negotiations").
ORDINALS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "final",
)
MONTHS = {
    "january": "January", "jan": "January", "february": "February", "feb": "February", "march": "March",
    "mar": "March", "april": "April", "apr": "April", "may": "May", "june": "June", "jun": "June",
    "july": "July", "jul": "July", "august": "August", "aug": "August", "september": "September",
    "sep": "September", "sept": "September", "october": "October", "oct": "October",
    "november": "November", "nov": "November", "december": "December", "dec": "December",
}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Words looked at after a number for the noun it counts ("104 long-serving Palestinian
# prisoners": the third word); further than this, the noun is usually another phrase's.
MAX_HEAD_DISTANCE = 4
# Job titles cut out of a run of capitalised words, so that "Palestinian Authority
# President Mahmoud Abbas" gives "Palestinian Authority" and "Mahmoud Abbas". From the
# AP Stylebook's list of formal titles that precede names. "General" alone is left out:
# it is more often part of a name ("United Nations General Assembly") than a title.
TITLE_PHRASES = (
    "Secretary of State", "Secretary-General", "Secretary General", "Prime Minister", "Foreign Minister",
    "Defense Minister", "Defence Minister", "Finance Minister", "Interior Minister", "Minister",
    "President", "Vice President", "Secretary", "Spokesman", "Spokeswoman", "Spokesperson", "Ambassador",
    "Envoy", "Special Envoy", "Chief Negotiator", "Negotiator", "Senator", "Sen.", "Rep.", "Gov.",
    "Gen.", "Lt.", "Col.", "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "King", "Queen", "Prince", "Sheikh",
    "Sir", "Chancellor", "Mayor", "Governor", "Chairman", "Chairwoman", "Director",
)
# Words that qualify a title and go with it ("Deputy State Department Spokesman").
TITLE_MODIFIERS = ("Deputy", "Acting", "Former", "Senior", "Special", "Chief", "Vice", "Assistant")
# A lone capitalised word with one of these endings, followed by a lower-case word, is
# a nationality adjective ("Israeli officials", "Palestinian prisoners", "Jewish
# settlements"), not a name, unless the article links it to a full name.
DEMONYM_ENDING = re.compile(r"(?:i|ian|ean|ese|ish|an)$")
# Directions that make "East Jerusalem" a different place from "Jerusalem": such names
# are never the full form of a surname.
DIRECTIONS = {"East", "West", "North", "South", "Northern", "Southern", "Eastern", "Western", "Central", "Upper", "Lower"}

# Month names as news writes them, capitalised ("may" and "march" are also words).
_MONTH_RE = "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUMBER_WORD_RE = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("money", re.compile(rf"(?<![\w$€£])([$€£])\s?({_NUM})(?:\s({'|'.join(SCALES)})\b)?")),
    ("percent", re.compile(rf"(?<![\w.,])({_NUM})\s?(%|percent\b|per cent\b)", re.I)),
    ("time", re.compile(r"(?<![\w.:])(\d{1,2}(?::\d{2})?)\s?([ap])\.?m\.?(?![\w])", re.I)),
    ("time", re.compile(r"(?<![\w.:])(\d{4})\s(GMT|UTC)\b")),
    ("date", re.compile(rf"\b({_MONTH_RE})\.?\s(\d{{1,2}})(?:st|nd|rd|th)?(?!\w|,\d)")),
    ("date", re.compile(rf"(?<![\w.,])(\d{{1,2}})(?:st|nd|rd|th)?\s(?:of\s)?({_MONTH_RE})\b")),
    ("year", re.compile(r"(?<![\w$.,])(1[89]\d\d|20\d\d)(?![\w%]|,\d|\.\d)")),
    ("month", re.compile(rf"(?:\b(early|mid|late)[\s-])?\b({'|'.join(sorted(set(MONTHS.values()), key=len, reverse=True))})\b")),
    ("weekday", re.compile(rf"\b({'|'.join(WEEKDAYS)})s?\b")),
    ("vague", re.compile(rf"\b({'|'.join(VAGUE_NUMBERS)})\sof\s", re.I)),
    ("ordinal", re.compile(rf"\b(?:the|a|an|its|his|her|their)\s({'|'.join(ORDINALS)})\s(?=[a-z])", re.I)),
    ("count", re.compile(rf"(?<![\w$€£.,:/-])({_NUM}|(?:{_NUMBER_WORD_RE}))(?:\s({'|'.join(SCALES)}))?(?=\s)(?!-)", re.I)),
]
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
_NEXT_WORD = re.compile(r"\s+([^\W\d_][\w-]*)")
_CAP_WORD = re.compile(r"(?:[A-Z]\.){2,}|[A-Z][\w'\u2019.\-]*[\w]|[A-Z]")
_POSSESSIVE = re.compile(r"(?:['\u2019]s|['\u2019])$")
_TITLE_RE = re.compile(
    r"\b(?:(?:" + "|".join(TITLE_MODIFIERS) + r")\s)*(?:"
    + "|".join(re.escape(t) for t in sorted(TITLE_PHRASES, key=len, reverse=True)) + r")(?![\w])"
)


def _number_value(text: str) -> str:
    word = text.lower()
    if word in NUMBER_WORDS:
        return str(NUMBER_WORDS[word])
    return text.replace(",", "")


def _head_noun(sentence: str, pos: int) -> tuple[str, int] | None:
    """The noun a number at ``pos`` counts: the first plural word among the next few,
    stopping at punctuation or a function word; None if there is none ("all three
    agreed": a singular word after a number is more often a verb than a noun)."""
    words = []
    cursor = pos
    for _ in range(MAX_HEAD_DISTANCE):
        m = _NEXT_WORD.match(sentence, cursor)
        if not m:
            break
        word = m.group(1)
        if word.lower() in STOPWORDS or word.lower() in NUMBER_WORDS:
            break
        words.append((word, m.end()))
        cursor = m.end()
    for word, end in words:
        bare = word.lower()
        if (bare.endswith("s") and not bare.endswith(("ss", "us", "is")) and len(bare) > 2) or bare in IRREGULAR_PLURALS:
            return word, end
    return None


def _initial(sentence: str, start: int) -> bool:
    """True when a word at ``start`` opens the sentence or a quotation in it."""
    before = sentence[:start].rstrip()
    return not before or before[-1] in "\"\u201c\u2018'(:\u2014-"


def _capital_runs(sentence: str) -> Iterable[tuple[int, int, list[tuple[int, int]]]]:
    """Runs of capitalised words (joined by single spaces, or by "of"), as spans."""
    words = [(m.start(), m.end()) for m in _CAP_WORD.finditer(sentence)
             if (m.start() == 0 or not sentence[m.start() - 1].isalnum())]
    run: list[tuple[int, int]] = []
    for s, e in words:
        if run:
            gap = sentence[run[-1][1]:s]
            if gap == " " or gap == " of ":
                run.append((s, e))
                continue
            yield run[0][0], run[-1][1], run
        run = [(s, e)]
    if run:
        yield run[0][0], run[-1][1], run


def _corpus_case(texts: Iterable[str]) -> tuple[set[str], set[str]]:
    """Words seen in lower case, and capitalised words seen not opening a sentence."""
    lower, capital = set(), set()
    for text in texts:
        for m in _WORD.finditer(text):
            word = m.group()
            if word[0].islower():
                lower.add(word.lower())
            elif not _initial(text, m.start()):
                capital.add(_POSSESSIVE.sub("", word))
    return lower, capital


def _name_pieces(sentence: str, lower: set[str], capital: set[str], aliases: set[str]) -> list[tuple[int, int]]:
    """Spans of the names in one sentence (before normalisation)."""
    pieces = []
    for start, end, words in _capital_runs(sentence):
        # a sentence's first word is an ordinary word capitalised ("After", "Said", "Lone")
        if _initial(sentence, start):
            first = _POSSESSIVE.sub("", sentence[words[0][0]:words[0][1]])
            ordinary = first.lower() in STOPWORDS or first.lower() in lower
            unseen = len(words) == 1 and first not in capital and first not in aliases
            if ordinary or unseen:
                words = words[1:]
                if not words:
                    continue
                start = words[0][0]
        # cut out titles; what is left on either side are names
        cuts = [(m.start() + start, m.end() + start) for m in _TITLE_RE.finditer(sentence[start:end])]
        bounds, cursor = [], start
        for cs, ce in cuts:
            bounds.append((cursor, cs))
            cursor = ce
        bounds.append((cursor, end))
        for s, e in bounds:
            inside = [(ws, we) for ws, we in words if ws >= s and we <= e]
            # drop connectors and modifiers left at the edges ("of", "Deputy")
            while inside and sentence[inside[0][0]:inside[0][1]] in TITLE_MODIFIERS:
                inside = inside[1:]
            if inside:
                pieces.append((inside[0][0], inside[-1][1]))
    return pieces


def _normalise_name(text: str) -> str:
    name = _POSSESSIVE.sub("", text.strip())
    name = re.sub(r"^(?:[A-Z]\.){2,}$", lambda m: m.group().replace(".", ""), name)  # U.S. -> US
    return " ".join(name.split())


def _fact_row(sent, s: int, e: int, kind: str, fact: str, source: str = "pattern") -> tuple:
    return (
        sent.article_id, sent.outlet, sent.sentence_id, sent.start_char + s, sent.start_char + e,
        CATEGORY.get(kind, "name"), kind, fact, sent.text[s:e], source,
    )


def _number_facts(sent) -> tuple[list[tuple], list[tuple[int, int]]]:
    text = sent.text
    rows, taken = [], []

    def free(s: int, e: int) -> bool:
        return all(e <= ts or s >= te for ts, te in taken)

    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.span()
            if not free(s, e):
                continue
            if kind == "money":
                fact = f"{m.group(1)}{_number_value(m.group(2))}" + (f" {m.group(3).lower()}" if m.group(3) else "")
            elif kind == "percent":
                fact = f"{_number_value(m.group(1))}%"
            elif kind == "time":
                fact = f"{m.group(1)} {m.group(2).lower()}.m." if m.group(2).lower() in "ap" else f"{m.group(1)} {m.group(2)}"
            elif kind == "date":
                month, day = (m.group(1), m.group(2)) if not m.group(1).isdigit() else (m.group(2), m.group(1))
                fact = f"{MONTHS[month.lower()]} {int(day)}"
            elif kind == "year":
                fact = m.group(1)
            elif kind == "month":
                if m.group(2) == "May" and (not m.group(1)) and _initial(text, m.start(2)):
                    continue  # "May I ..." opens a sentence; a month rarely does
                fact = f"{m.group(1).lower()} {m.group(2)}" if m.group(1) else m.group(2)
            elif kind == "weekday":
                fact = m.group(1)
            elif kind == "vague":
                head = _head_noun(text, m.end() - 1)
                if not head:
                    continue
                kind, fact, e = "count", f"{m.group(1).lower()} of {head[0]}", head[1]
            elif kind == "ordinal":
                nxt = _NEXT_WORD.match(text, m.end() - 1)
                if not nxt or nxt.group(1).lower() in STOPWORDS or nxt.group(1).lower() in NUMBER_WORDS:
                    continue
                fact, e = f"{m.group(1).lower()} {nxt.group(1).lower()}", nxt.end()
            else:  # count
                value = _number_value(m.group(1)) + (f" {m.group(2).lower()}" if m.group(2) else "")
                head = _head_noun(text, e)
                if not head:
                    if m.group(1).lower() in NUMBER_WORDS:
                        continue  # "the two", "all three": no noun, no fact
                    fact = value
                else:
                    fact, e = f"{value} {head[0]}", head[1]
            if not free(s, e):
                continue
            taken.append((s, e))
            rows.append(_fact_row(sent, s, e, kind, fact))
    return rows, taken


def extract_facts(sentences: pd.DataFrame, *, actors: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every number, date, quantity and name stated in every sentence, normalised.

    See the module docstring for what is found and how it is normalised. Names come
    from runs of capitalised words; a run's first word is skipped when it opens the
    sentence (or a quotation) and is a stopword, a word the corpus also writes in lower
    case, or a lone word the corpus never capitalises elsewhere. Where ``actors`` is
    given (``helpers.actors.load_actors``), each alias mention (``find_mentions``) is a
    fact named by its actor, and a capitalised run overlapping one is not counted again.

    Parameters
    ----------
    sentences
        ``split_sentences`` output (``article_id, outlet, sentence_id, start_char,
        text``); the whole corpus, since the case checks look across it. Not modified.
    actors
        The actors table, or None / empty for names alone.

    Returns
    -------
    DataFrame
        One row per fact mention, in reading order: ``article_id, outlet,
        sentence_id, start_char, end_char`` (offsets in the article's body: the body
        slice is ``text``), ``category`` (number / ordinal / date / name), ``kind`` (count,
        money, percent, ordinal, date, month, year, weekday, time, name, or the actor's
        kind), ``fact`` (the normalised key facts are matched on), ``text`` (as
        written), ``source`` ("pattern" or "actors").
    """
    if sentences.empty:
        return pd.DataFrame(columns=FACT_COLUMNS)
    table = sentences[["article_id", "outlet", "sentence_id", "start_char", "text"]].astype({"text": str})
    mentions = find_mentions(sentences, actors) if actors is not None and not actors.empty else None
    alias_set = set(mentions["alias"]) if mentions is not None else set()
    lower, capital = _corpus_case(table["text"])
    by_sentence = {sid: grp for sid, grp in mentions.groupby("sentence_id")} if mentions is not None else {}
    kinds = dict(zip(actors["name"], actors["kind"])) if actors is not None and not actors.empty else {}

    rows = []
    for sent in table.itertuples(index=False):
        numbers, taken = _number_facts(sent)
        rows.extend(numbers)
        actor_spans = []
        for m in by_sentence.get(sent.sentence_id, pd.DataFrame()).itertuples(index=False):
            s, e = m.start_char - sent.start_char, m.end_char - sent.start_char
            actor_spans.append((s, e))
            rows.append(_fact_row(sent, s, e, kinds.get(m.actor) or "name", m.actor, "actors"))
        for s, e in _name_pieces(sent.text, lower, capital, alias_set):
            if any(not (e <= ts or s >= te) for ts, te in taken + actor_spans):
                continue
            name = _normalise_name(sent.text[s:e])
            if name in MONTHS.values() or name in WEEKDAYS or not name:
                continue
            rows.append(_fact_row(sent, s, s + len(sent.text[s:e]), "name", name))
    facts = pd.DataFrame(rows, columns=FACT_COLUMNS)
    facts = _link_surnames(facts, table)
    position = {sid: i for i, sid in enumerate(table["sentence_id"])}
    order = facts.assign(_pos=facts["sentence_id"].map(position)).sort_values(["_pos", "start_char"], kind="stable")
    return order.drop(columns="_pos").reset_index(drop=True)


def _link_surnames(facts: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Map a lone word to the full name (2-3 words) the same article ends with it; drop
    one-letter names ("I") and lone nationality adjectives that no full name explains
    (a word ending like "Israeli", "Palestinian", "Jewish" followed by another word);
    cut a nationality adjective off a name known without it."""
    if facts.empty:
        return facts
    out = facts.copy()
    texts = dict(zip(sentences["sentence_id"], zip(sentences["start_char"], sentences["text"])))
    names = out["kind"].eq("name") & out["source"].eq("pattern")
    keep = pd.Series(True, index=out.index)
    for article, group in out[names].groupby("article_id", sort=False):
        full = {}
        for name in group["fact"].unique():
            parts = name.split()
            if 2 <= len(parts) <= 3 and parts[0] not in DIRECTIONS and all(p[:1].isupper() for p in parts):
                full.setdefault(parts[-1], set()).add(name)
        for idx, row in group.iterrows():
            if " " in row.fact:
                continue
            if len(full.get(row.fact, ())) == 1:
                out.at[idx, "fact"] = next(iter(full[row.fact]))
                continue
            start, text = texts[row.sentence_id]
            after = text[row.end_char - start:]
            if len(row.fact) < 2 or (DEMONYM_ENDING.search(row.fact) and re.match(r"\s+[A-Za-z]", after)):
                keep[idx] = False
    # "Israeli West Bank" is "West Bank" with a nationality adjective in front
    known = set(out.loc[names, "fact"])
    for idx in out.index[names & keep]:
        first, _, rest = out.at[idx, "fact"].partition(" ")
        if rest and DEMONYM_ENDING.search(first) and rest in known:
            out.at[idx, "fact"] = rest
    return out[keep]


# ---------------------------------------------------------------------------
# Matching across articles
# ---------------------------------------------------------------------------

def fact_overlap(facts: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Each fact in each news event, with the outlets that report it.

    Parameters
    ----------
    facts
        ``extract_facts`` output.
    events
        ``helpers.events.group_events`` output (``article_id, outlet, event,
        event_label``).

    Returns
    -------
    DataFrame
        One row per (event, fact): ``event, event_label, category, kind, fact,
        n_outlets`` (outlets in the event that state it), ``outlets`` ("; "-separated),
        ``n_outlets_in_event``, ``n_mentions``, and the first mention's ``sentence_id``
        and ``text``. Sorted by event, then most outlets first, then category and fact.
    """
    if facts.empty:
        return pd.DataFrame(columns=OVERLAP_COLUMNS)
    joined = facts.merge(events[["article_id", "event", "event_label"]], on="article_id", how="left")
    in_event = events.groupby("event")["outlet"].nunique()
    grouped = joined.groupby(["event", "event_label", "category", "fact"], sort=False)
    out = grouped.agg(
        kind=("kind", "first"),
        n_outlets=("outlet", "nunique"),
        outlets=("outlet", lambda s: "; ".join(sorted(s.unique()))),
        n_mentions=("fact", "size"),
        sentence_id=("sentence_id", "first"),
        text=("text", "first"),
    ).reset_index()
    out["n_outlets_in_event"] = out["event"].map(in_event).astype("int64")
    out = out.sort_values(["event", "n_outlets", "category", "fact"], ascending=[True, False, True, True], kind="stable")
    return out[OVERLAP_COLUMNS].reset_index(drop=True)


def unique_facts(overlap: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """The facts only one outlet states, among the outlets that covered the same event.

    Events covered by a single outlet are left out: there, nothing can be said to be
    reported by one outlet *alone*.

    Parameters
    ----------
    overlap
        ``fact_overlap`` output.
    sentences
        ``split_sentences`` output, for the sentence each fact first appears in.

    Returns
    -------
    DataFrame
        ``event_label, outlet, category, fact, n_mentions, sentence_id, sentence``,
        sorted by event, outlet, category and fact.
    """
    only = overlap[(overlap["n_outlets"] == 1) & (overlap["n_outlets_in_event"] >= 2)]
    out = only.rename(columns={"outlets": "outlet"})[
        ["event", "event_label", "outlet", "category", "fact", "n_mentions", "sentence_id"]
    ]
    out = out.merge(sentences[["sentence_id", "text"]].rename(columns={"text": "sentence"}), on="sentence_id", how="left")
    out = out.sort_values(["event", "outlet", "category", "fact"], kind="stable")
    return out.drop(columns="event").reset_index(drop=True)


def fact_matrix(facts: pd.DataFrame, overlap: pd.DataFrame, events: pd.DataFrame, *, min_outlets: int = 2) -> pd.DataFrame:
    """Outlet x fact mentions, for the facts that at least ``min_outlets`` outlets covering
    the same event state.

    Every outlet is a column (also those of other events, so a fact they happen to name
    as well shows up there), ordered by event and then name.

    Returns
    -------
    DataFrame
        Index: "category: fact"; columns: outlets; values: mentions in that outlet's
        articles. Rows sorted by the number of outlets stating the fact in its event
        (most first), then by category and fact. Empty when no fact is shared.
    """
    shared = overlap[overlap["n_outlets"] >= min_outlets]
    if facts.empty or shared.empty:
        return pd.DataFrame()
    first_event = events.groupby("outlet")["event"].min()
    outlets = sorted(first_event.index, key=lambda o: (first_event[o], o))
    keys = shared.groupby(["category", "fact"])["n_outlets"].max().reset_index()
    keys = keys.sort_values(["n_outlets", "category", "fact"], ascending=[False, True, True], kind="stable")
    labelled = facts.merge(keys[["category", "fact"]], on=["category", "fact"])
    labelled = labelled.assign(key=labelled["category"] + ": " + labelled["fact"])
    counts = pd.crosstab(labelled["key"], labelled["outlet"]).reindex(columns=outlets, fill_value=0)
    order = (keys["category"] + ": " + keys["fact"]).tolist()
    counts = counts.reindex(order)
    counts.index.name = "fact"
    counts.columns.name = None
    return counts


def facts_with_overlap(facts: pd.DataFrame, overlap: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """``facts`` with, for each mention, its event and how many outlets of that event
    state the same fact (``event, event_label, n_outlets, n_outlets_in_event``): the
    table written as ``facts.csv``."""
    joined = facts.merge(events[["article_id", "event", "event_label"]], on="article_id", how="left")
    keys = overlap[["event", "category", "fact", "n_outlets", "n_outlets_in_event"]]
    return joined.merge(keys, on=["event", "category", "fact"], how="left")


def facts_note(overlap: pd.DataFrame, unique: pd.DataFrame) -> str:
    """What outlets covering the same event share, and what one alone reports."""
    multi = overlap[overlap["n_outlets_in_event"] >= 2]
    if overlap.empty:
        return "No facts were found."
    if multi.empty:
        return ("No two outlets covered the same event (or the corpus has only one outlet), so no fact can be "
                "called shared or reported by one outlet alone.")
    parts = []
    for (event, label), grp in multi.groupby(["event", "event_label"], sort=True):
        shared = grp[grp["n_outlets"] >= 2]
        all_of = grp[grp["n_outlets"] == grp["n_outlets_in_event"]]
        parts.append(
            f"in {label}, {len(shared)} of {len(grp)} facts {'is' if len(shared) == 1 else 'are'} stated by two or more of its "
            f"{grp['n_outlets_in_event'].iloc[0]} outlets and {len(all_of)} by all of them"
        )
    text = "; ".join(parts)
    text = text[0].upper() + text[1:] + "."
    if len(unique):
        counts = unique.groupby("outlet").size().sort_values(ascending=False, kind="stable")
        text += " Facts only one outlet states: " + ", ".join(f"{o} {n}" for o, n in counts.items()) + "."
    return text
