"""Actors found in the text when a corpus has no actors table: who is most named and quoted.

``find_actors(articles, sentences)`` returns a table with the columns of
``helpers.actors.load_actors`` (plus ``n_mentions``, ``n_quoted`` and ``source``), read
off the corpus:

- names are the runs of capitalised words ``helpers.facts`` finds (titles cut out, a
  surname linked to the full name its article gives), with leading title words left
  over ("State John Kerry") cut;
- a surname, and a title before it ("Secretary Kerry"), is merged into the one full name
  the article, or else the corpus, ends with it ("John Kerry");
- the kind: a country (a name in ``helpers/data/demonyms.csv``), a group (a plural
  demonym: "Palestinians"), an organisation (last word in
  ``helpers/data/organisation_words.csv``, an acronym, or written after "the"), a person
  (a title before it, a speech verb after it, quoted, or a name of two or three words);
  a name mostly written after "in", "at", "to", "from" ("in Paris") is a place and left out;
- the affiliation: the country of a demonym or country name just before the name or its
  title ("Israeli Prime Minister Benjamin Netanyahu" -> Israel), the most frequent one;
- roles: the job titles written just before the person's name.

``actors_for(corpus_dir, articles, sentences)`` reads ``actors.csv`` when the corpus has
one, and finds the actors otherwise; ``found_actors_note`` says which, in a sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pandas as pd

from .actors import ACTOR_COLUMNS, load_actors
from .corpus import side_table_path
from .facts import extract_facts
from .facts.names import DIRECTIONS, TITLE_MODIFIERS, TITLE_PHRASES
from .nltk_data import STOPWORDS
from .quotes import extract_quotes
from .wording import plural
from .wordlists import DEMONYMS, TITLE_ROLES, TITLE_WORDS, read_rows, read_word_list

# At most this many actors are kept, most named first: the sample corpus's hand-made table
# lists 16, and a heatmap of more than 25 rows is unreadable.
MAX_AUTO_ACTORS = 25
# A name mentioned fewer times than this is kept only when something says it is a person
# (a title before it, a speech verb after it, a quotation).
MIN_MENTIONS = 2
FOUND = "found"
AUTO_COLUMNS = [*ACTOR_COLUMNS, "n_mentions", "n_quoted", "source"]
_ORG_WORDS = frozenset(w.rstrip(".") for w in read_word_list("organisation_words"))
_SPEECH_VERBS = frozenset(read_word_list("speech_verbs"))
_DEMONYM_ROWS = read_rows("demonyms")[1:]
# Every demonym and country name -> the country's first name in demonyms.csv.
COUNTRY_OF: dict[str, str] = {}
for _row in _DEMONYM_ROWS:
    for _form in (_row[0], *_row[1].split(";")):
        if _form:
            COUNTRY_OF.setdefault(_form, _row[1].split(";")[0])
_COUNTRY_NAMES = frozenset(c for countries in DEMONYMS.values() for c in countries)
# Peoples: plural demonyms, and country-list names that are one ("Palestinians").
_PLURALS = frozenset(row[0] for row in _DEMONYM_ROWS if row[2] == "plural") | frozenset(
    c for c in _COUNTRY_NAMES if c.endswith("s") and c[:-1] in DEMONYMS)
_PLACE_BEFORE = re.compile(r"\b(?:in|at|to|from|near|into|across|outside|inside|around|throughout)\s+(?:the\s+)?$")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_TITLE_BEFORE = re.compile(
    r"(?:(?:" + "|".join(map(re.escape, TITLE_MODIFIERS)) + r")\s+)*(?:"
    + "|".join(re.escape(t) for t in sorted(TITLE_PHRASES, key=len, reverse=True)) + r")\.?\s+$",
    re.I,
)
# Words giving a side when written before a name: demonyms ("Israeli", "U.S.") and names
# that open with one ("Palestinian Authority"), not a country as a noun ("to Israel Jonathan Pollard").
_SIDE_WORDS = [w for w in COUNTRY_OF if w in DEMONYMS or w.split()[0] in DEMONYMS]
_COUNTRY_BEFORE = re.compile(
    r"(?<![\w.])(" + "|".join(re.escape(w) for w in sorted(_SIDE_WORDS, key=len, reverse=True)) + r")\s+$"
)
_NEXT_WORD = re.compile(r"[\s,]+(\w+)")
_ROLES = {r.lower() for r in TITLE_ROLES}
# One-word forms never kept as an alias: "Department" would match every department.
_NOT_ALIASES = _ORG_WORDS | TITLE_WORDS | frozenset(STOPWORDS)
_PLURAL_KINDS = {"person": "people", "organisation": "organisations", "country": "countries", "group": "groups"}
_MENTION_COLUMNS = ["article_id", "name", "surface", "before", "after"]


def _clean_name(name: str) -> str:
    """Cut leading title words, stopwords and a country left in front of a name:
    "State John Kerry" -> "John Kerry", "Ahead of Kerry" -> "Kerry"."""
    words = name.split()
    if " of " in f" {name} ":
        head, _, tail = name.partition(" of ")
        if all(w.lower() in STOPWORDS or w.lower() in TITLE_WORDS or w.lower() in _NOT_HEAD for w in head.split()):
            words = tail.split()
    org = words[-1].lower().rstrip(".") in _ORG_WORDS  # "State Department" keeps its "State"
    while len(words) > 1 and not org and (words[0].lower().rstrip(".") in TITLE_WORDS or words[0].lower() in STOPWORDS):
        words = words[1:]
    if len(words) > 2 and words[0] in COUNTRY_OF and words[1] not in _ORG_WORDS:
        words = words[1:]  # "Israel Jonathan Pollard"
    return " ".join(words)


# Words opening a sentence before "of" that are not part of a name ("Ahead of Kerry").
_NOT_HEAD = frozenset({"ahead", "instead", "because", "out", "most", "some", "many", "none", "one", "all", "both"})


def name_mentions(sentences: pd.DataFrame) -> pd.DataFrame:
    """Every name the facts finder reads, cleaned, with the text before and after it.

    Returns
    -------
    DataFrame
        ``article_id, name, surface, before, after``: the cleaned name, the name as
        written (possessive cut), and the sentence's text before and after it.
    """
    facts = extract_facts(sentences)
    facts = facts[facts["category"].eq("name") & facts["source"].eq("pattern")]
    texts = dict(zip(sentences["sentence_id"], zip(sentences["start_char"], sentences["text"], strict=False),
                     strict=False))
    rows = []
    for fact in facts.itertuples(index=False):
        start, text = texts[fact.sentence_id]
        s, e = fact.start_char - start, fact.end_char - start
        name = _clean_name(fact.fact)
        surface = re.sub(r"['\u2019]s?$", "", _clean_name(fact.text.strip()))
        if not name or len(name) < 2 or not surface:
            continue
        cut = text[s:e].find(surface)
        s = s + max(cut, 0)
        rows.append((fact.article_id, name, surface, text[:s], text[s + len(surface):]))
    return pd.DataFrame(rows, columns=_MENTION_COLUMNS)


def _is_full(name: str) -> bool:
    parts = name.split()
    return 2 <= len(parts) <= 3 and parts[0] not in DIRECTIONS and name not in COUNTRY_OF and all(
        p[:1].isupper() and p.lower().rstrip(".") not in _ORG_WORDS for p in parts)


def merge_surnames(mentions: pd.DataFrame) -> pd.Series:
    """The full name for each one-word name: the one full name its article ends with,
    else the one full name the corpus ends with; else the name itself."""
    full_corpus: dict[str, set[str]] = {}
    full_article: dict[tuple, set[str]] = {}
    for article, name in zip(mentions["article_id"], mentions["name"], strict=False):
        if _is_full(name):
            full_corpus.setdefault(name.split()[-1], set()).add(name)
            full_article.setdefault((article, name.split()[-1]), set()).add(name)
    out = []
    for article, name in zip(mentions["article_id"], mentions["name"], strict=False):
        here, there = full_article.get((article, name), set()), full_corpus.get(name, set())
        if " " in name or name in COUNTRY_OF:
            out.append(name)
        elif len(here) == 1 or len(there) == 1:
            out.append(next(iter(here if len(here) == 1 else there)))
        else:
            out.append(name)
    return pd.Series(out, index=mentions.index, dtype=object)


def _country_name(name: str) -> str:
    """"US", "U.S." -> "United States": a country's forms as one actor (not "Palestinians",
    a people, nor "Palestinian Authority", an organisation)."""
    if name in _COUNTRY_NAMES and name not in _PLURALS and name.split()[-1].lower() not in _ORG_WORDS:
        return COUNTRY_OF[name]
    return name


def _kind(name: str, place: int, the: int, person: int) -> str | None:
    """person / organisation / country / group, or None for a place or a name that cannot be told.

    ``place``, ``the``, ``person``: how many mentions are written after a place preposition,
    after "the", and with a person's signs (a title, a speech verb, a quotation)."""
    last = name.split()[-1].lower().rstrip(".")
    rules = (
        (name in _PLURALS, "group"),
        (name.split()[0] in DIRECTIONS, None),  # "West Bank", "East Jerusalem": places
        (last in _ORG_WORDS or (re.fullmatch(r"[A-Z]{2,6}", name) and name not in COUNTRY_OF), "organisation"),
        (name in _COUNTRY_NAMES or (name in COUNTRY_OF and name.replace(".", "").isupper()), "country"),
        (place > 0 and place >= person, None),  # "in Paris"
        (person > 0 and person >= the, "person"),
        (the > 0, "organisation"),
    )
    return next((kind for test, kind in rules if test), "person" if _is_full(name) else None)


def _evidence(mentions: pd.DataFrame) -> pd.DataFrame:
    """Per mention: written after a place preposition, after "the", after a title, before a speech verb."""
    before, after = mentions["before"], mentions["after"]
    title = before.map(lambda b: _TITLE_BEFORE.search(b))
    said = after.map(lambda a: (m := _NEXT_WORD.match(a)) is not None and m.group(1) in _SPEECH_VERBS)
    country = [_COUNTRY_BEFORE.search(b[: t.start()] if t else b) for b, t in zip(before, title, strict=False)]
    return mentions.assign(
        place=before.map(lambda b: bool(_PLACE_BEFORE.search(b))),
        the=before.map(lambda b: bool(_THE_BEFORE.search(b))),
        titled=title.map(bool),
        role=title.map(lambda t: _role(t.group(0)) if t else ""),
        said=said,
        country=[COUNTRY_OF[c.group(1)] if c else "" for c in country],
    )


def _role(title: str) -> str:
    """"Prime Minister " -> "prime minister" when it is a role (modifiers cut)."""
    words = title.strip().rstrip(".").lower().split()
    while words and " ".join(words) not in _ROLES and words[0] in {m.lower() for m in TITLE_MODIFIERS}:
        words = words[1:]
    return " ".join(words) if " ".join(words) in _ROLES else ""


def _quoted(quotes: pd.DataFrame | None, names: set[str], merge: dict[str, str]) -> Counter:
    """Quotations per actor name: the speaker's name, or its surname's full name."""
    counts: Counter = Counter()
    if quotes is None or quotes.empty:
        return counts
    for speaker in quotes.loc[quotes["speaker_kind"].isin(["named person", "organisation"]), "speaker"]:
        name = _clean_name(str(speaker))
        name = merge.get(name, name)
        if name in names:
            counts[name] += 1
    return counts


def _alias_list(name: str, surfaces: pd.Series, titled: pd.DataFrame) -> str:
    """The forms written for the actor other than its name, and "Title Surname" forms."""
    aliases = [s for s in dict.fromkeys(surfaces)
               if s != name and (s.lower().rstrip(".") not in _NOT_ALIASES or s.replace(".", "").isupper())]
    for before, surface in zip(titled["before"], titled["surface"], strict=False):
        if " " not in surface and surface != name:
            title = _TITLE_BEFORE.search(before).group(0).strip()
            aliases.append(f"{title} {surface}")
    return ";".join(dict.fromkeys(aliases))


def find_actors(articles: pd.DataFrame, sentences: pd.DataFrame, quotes: pd.DataFrame | None = None, *,
                max_actors: int = MAX_AUTO_ACTORS) -> pd.DataFrame:
    """The people, organisations, countries and groups the corpus names and quotes most.

    See the module docstring for how names, kinds, affiliations and aliases are read.

    Parameters
    ----------
    articles, sentences
        ``load_corpus`` articles and ``split_sentences`` sentences. Not modified.
    quotes
        ``helpers.quotes.extract_quotes`` output; None extracts them (without actors).
    max_actors
        Keep this many actors at most, most named first.

    Returns
    -------
    DataFrame
        ``name, aliases, affiliation, kind, roles`` (as ``load_actors``), ``n_mentions``
        (mentions by name, surname or title + surname), ``n_quoted`` (quotations whose
        speaker is the actor) and ``source`` ("found"); most named first, then most quoted.
        A name mentioned fewer than ``MIN_MENTIONS`` times is kept only for a person
        titled, quoted or followed by a speech verb.
    """
    if sentences.empty:
        return pd.DataFrame(columns=AUTO_COLUMNS)
    if quotes is None:
        quotes = extract_quotes(sentences, articles)
    mentions = name_mentions(sentences)
    if mentions.empty:
        return pd.DataFrame(columns=AUTO_COLUMNS)
    merged = merge_surnames(mentions).map(_country_name)
    merge = dict(zip(mentions["name"], merged, strict=False))
    mentions = _evidence(mentions.assign(name=merged))
    quoted = _quoted(quotes, set(mentions["name"]), merge)
    rows = [_actor_row(name, group, quoted[name]) for name, group in mentions.groupby("name", sort=False)]
    table = pd.DataFrame([r for r in rows if r], columns=AUTO_COLUMNS)
    table = table.sort_values(["n_mentions", "n_quoted", "name"], ascending=[False, False, True], kind="stable")
    return table.head(max_actors).reset_index(drop=True)


def _actor_row(name: str, group: pd.DataFrame, n_quoted: int) -> dict | None:
    """One actor's row, or None for a place, a name that cannot be told, or one mentioned too rarely."""
    place, the = int(group["place"].sum()), int(group["the"].sum())
    person = int(group["titled"].sum() + group["said"].sum()) + n_quoted
    kind = _kind(name, place, the, person)
    if kind is None or (len(group) < MIN_MENTIONS and not (kind == "person" and person)):
        return None
    countries = [c for c in group["country"] if c]
    affiliation = Counter(countries).most_common(1)[0][0] if countries else ""
    if kind in ("country", "group"):
        affiliation = COUNTRY_OF.get(name, name)
    roles = ";".join(dict.fromkeys(r for r in group["role"] if r)) if kind == "person" else ""
    return {
        "name": name, "aliases": _alias_list(name, group["surface"], group[group["titled"]]),
        "affiliation": affiliation, "kind": kind, "roles": roles,
        "n_mentions": len(group), "n_quoted": n_quoted, "source": FOUND,
    }


def actors_for(corpus_dir: str | Path, articles: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """The corpus's actors table (``load_actors``) when it has one, else ``find_actors``."""
    if side_table_path(corpus_dir, "actors").is_file():
        return load_actors(corpus_dir)
    return find_actors(articles, sentences)


def found_actors_note(actors: pd.DataFrame) -> str:
    """Where the actors come from: the corpus's own table, or found automatically and how."""
    one = len(actors) == 1
    if "source" not in actors.columns or not actors["source"].eq(FOUND).any():
        if actors.empty:
            return "The corpus has no actors table and no actors were found in it, so no speaker has a side."
        which = ("The one actor (name, aliases, side) comes" if one
                 else f"The {len(actors)} actors (names, aliases, sides) come")
        return f"{which} from the corpus's own actors table."
    kinds = actors["kind"].value_counts()
    counts = ", ".join(f"{n} {k if n == 1 else _PLURAL_KINDS[k]}" for k, n in kinds.items())
    merged = int(actors["aliases"].ne("").sum())
    found = "the one actor named in it was" if one else f"the {len(actors)} actors most named in it were"
    return (
        f"This corpus has no actors table, so {found} found automatically "
        f"({counts}; at most {MAX_AUTO_ACTORS}): names are runs of capitalised words with titles cut out, "
        "a surname or title + surname counts for the one full name the article or corpus gives it "
        f"({plural(merged, 'actor')} {'has' if merged == 1 else 'have'} such aliases), places written after "
        "in/at/to/from are left out, and a side is the country of a nationality word written just before the name. "
        f"Add an actors.csv to correct {'it' if one else 'them'}."
    )
