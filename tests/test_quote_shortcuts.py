"""The quotation stage's shortcuts give what the plain code gives.

Each shortcut is checked against the plain code it stands for on written texts, and the whole
stage with every shortcut against the stage with none of them (``plain_stage``), on the seed
articles, a small synthetic corpus and articles written here to hit each shortcut."""

from __future__ import annotations

import dataclasses
import random
import re

import pandas as pd
import pytest

from benchmarks.synth import make_corpus
from helpers.actors import load_actors
from helpers.corpus import load_corpus
from helpers.paths import DEFAULT_CORPUS_DIR
from helpers.quotes import article, attribution, quotes_and_sources, resolution, speakers
from helpers.quotes.attribution import np_before, speaker_before
from helpers.quotes.resolution import PLACE_PREPOSITION, TITLE_ABBREVIATION, TITLE_LITERALS, place_like
from helpers.quotes.speakers import Names, Speaker, name_speaker, parse_np, read_name, read_np, word_endings
from helpers.text import split_sentences

PHRASES = [
    "Kerry", "he", "They", "it", "the company", "the prime minister", "an Israeli official",
    "Secretary of State John Kerry",
    "a spokesperson, Bernhard Christian Erfort,", "Yuval Steinitz, a Likud Cabinet minister,", "The Dutchman",
    "the statement from the Defense Ministry", "A Swedish prosecutor", "Israeli officials", "Bank of America",
    "Irene Nattel of RBC Capital Markets", "Minister of State for Information and Broadcasting Ann Lee", "In Algeria",
    "the top US diplomat", "", "   ", "#####", "Gov. Gavin Newsom", "AstraZeneca", "Jo Park's", "the 34-year-old",
]


def plain_place_like(name: str, text: str) -> bool:
    """The pattern ``place_like`` stands for, tried at every character."""
    return re.search(PLACE_PREPOSITION.pattern + re.escape(name) + r"\b", text) is not None


def test_place_like_is_the_pattern_it_stands_for():
    words = ["in", "at", "inside", "from", "throughout", "xin", "_in", "in-", "In", "New", "York", "York's",
             "Yorkshire", "Real", "Madrid", ",", ".", "\u00a0", "\t", "\n\n", "\u2009", "\u00e9", "York_", "at\u00a0"]
    names = ["New York", "York", "Real Madrid", "Madrid", "in", "New", "York's", "\u00e9", " York", ""]
    rng = random.Random(3)
    texts = ["in New York", "at  Real Madrid.", "Xin York", "in\u00a0York", "in York's", "in Yorkshire",
             "inside York", "from\n\nYork", "in _York", "(in York)"]
    texts += ["".join(rng.choice(words) + rng.choice(["", " ", "  "]) for _ in range(rng.randint(1, 12)))
              for _ in range(4000)]
    for text in texts:
        for name in names:
            assert place_like(name, text) == plain_place_like(name, text), (name, text)
    assert place_like("New York", "He lives in New York.") and not place_like("New York", "New York said")


def test_a_title_abbreviation_is_only_found_in_a_text_holding_its_literal():
    words = ["Gov.", "gov.", "GOV.", "Gov", "Sen.", "Lt.", "Prof", "Jo", "Park", "Ann", "Lee", ",", "Det.", "xGen."]
    rng = random.Random(5)
    texts = ["Gov. Gavin Newsom", "Lt. Ann Cruz met Sen. Jo Park", "the gov. Jo Park"]
    texts += [" ".join(rng.choice(words) for _ in range(rng.randint(1, 8))) for _ in range(3000)]
    found = 0
    for text in texts:
        if next(TITLE_ABBREVIATION.finditer(text), None) is not None:
            found += 1
            assert any(literal in text for literal in TITLE_LITERALS), text
    assert found > 100  # the texts do hold titles


def test_a_remembered_reading_is_the_plain_reading_and_each_caller_gets_its_own():
    names = Names(None)
    for phrase in PHRASES * 2:  # the second time from what was remembered
        assert parse_np(phrase, names) == read_np(phrase, Names(None))
        assert parse_np(phrase, names, written="W") == read_np(phrase, Names(None), written="W")
        assert name_speaker(phrase, phrase, names) == read_name(phrase, phrase, Names(None))
        assert np_before(phrase + " ", names) == speaker_before(phrase + " ", Names(None))
    first = parse_np("Secretary of State John Kerry", names)
    first.description, first.written = "changed", "changed"  # a caller changes its own copy ...
    again = parse_np("Secretary of State John Kerry", names)
    assert again == Speaker("person", "Secretary of State John Kerry", name="John Kerry")  # ... not the next one's
    assert again is not parse_np("Secretary of State John Kerry", names)


def test_readings_past_the_limit_are_dropped_and_read_again(monkeypatch):
    monkeypatch.setattr(speakers, "MAX_READINGS", 3)
    names = Names(None)
    for phrase in PHRASES * 2:
        assert parse_np(phrase, names) == read_np(phrase, Names(None))
        assert len(names.read) <= 3


def plain_alternation(roles: list[str]) -> str:
    """The roles as a plain alternation, longest first (as ``Names`` gives them), each space ``\\s+``."""
    return "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in roles)


def _plain(names, key, read, *args, **kwargs):
    return read(*args, **kwargs)


def plain_definite_speaker(rest: str, written: str, names: Names) -> Speaker | None:
    """``definite_speaker`` trying every role in turn."""
    head = speakers.HEAD_END.split(rest, maxsplit=1)[0]
    for phrase in dict.fromkeys((rest, head)):
        b = speakers.BACKREF.match(phrase)
        if b and not speakers.NAME_AT_END.search(phrase.split()[-1]):
            return Speaker("backref", written, role=b.group("head").lower())
        low = speakers.SPACES.sub(" ", phrase.lower())
        for role in names.roles:
            if (low == role or low.endswith(" " + role)) and (
                not speakers.NAME_AT_END.search(phrase) or phrase.split()[-1].lower() in speakers.TITLE_WORDS
            ):
                return Speaker("role", written, role=role)
    return None


def plain_np_at_end(text: str, names: Names) -> Speaker | None:
    """``np_at_end`` searching for the definite phrase without looking for "the" first."""
    m = attribution.PRONOUN_AT_END.search(text)
    if m:
        return Speaker("pronoun", m.group(0))
    m = attribution.DEFINITE_AT_END.search(text)
    if m:
        sp = parse_np(m.group(0), names)
        if sp is not None and sp.kind in ("role", "backref", "orgref", "docref"):
            return sp
    return None


def plain_ends_a_name(self, name: str) -> bool:
    return any(v.endswith(" " + name) for v in self.vocab)


def test_word_endings_are_the_strings_a_text_is_or_ends_in_after_a_space():
    assert word_endings("chief of staff") == ["chief of staff", "of staff", "staff"]
    assert word_endings("") == [""] and word_endings("a  b ") == ["a  b ", " b ", "b ", ""]
    rng = random.Random(17)
    for _ in range(3000):
        text = "".join(rng.choice("ab  ") for _ in range(rng.randint(0, 7)))
        for s in ("", " ", "a", "b", "ab", "a b", "b ", " a", "b a", "a  b"):
            assert (s in word_endings(text)) == (text == s or text.endswith(" " + s)), (text, s)


def test_definite_speakers_and_phrases_at_the_end_are_what_the_plain_code_reads():
    names = Names(load_actors(DEFAULT_CORPUS_DIR))
    rng = random.Random(19)
    words = [*names.roles[:30], "chief", "of", "staff", "the", "The", "THE", "Jo", "Park", "official", "sources",
             "prime", "Minister", "said", "he", "they", ",", "of the", "them", "été"]
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 9))) for _ in range(4000)]
    for text in texts:
        assert speakers.definite_speaker(text, text, names) == plain_definite_speaker(text, text, names), text
        assert attribution.np_at_end(text, names) == plain_np_at_end(text, names), text


def use_plain_stage(patch: pytest.MonkeyPatch) -> None:
    """The quotation stage with none of its shortcuts (undone when ``patch`` is): every phrase read
    each time, ``place_like`` the pattern itself, titles and anonymity cues scanned for in every body
    and sentence, introduced names tried at every character, roles an alternation tried role by role,
    the phrase at the end searched for without looking for "the", surnames found name by name."""
    patch.setattr(speakers, "remembered", _plain)
    patch.setattr(attribution, "remembered", _plain)
    patch.setattr(resolution, "place_like", plain_place_like)
    patch.setattr(article, "place_like", plain_place_like)
    patch.setattr(resolution, "TITLE_LITERALS", ("",))
    patch.setattr(article, "CUE_WORDS", None)
    patch.setattr(resolution, "INTRODUCED_OPENING", re.compile(r"(?=[A-Z][a-z][\w'-]*\s+[A-Z]|M[rs]|Dr)"))
    patch.setattr(speakers, "role_alternation", plain_alternation)
    patch.setattr(speakers, "definite_speaker", plain_definite_speaker)
    patch.setattr(attribution, "np_at_end", plain_np_at_end)
    patch.setattr(resolution.Resolver, "ends_a_name", plain_ends_a_name)


WRITTEN = [
    "Gov. Gavin Newsom said the state would act. \"We will not wait,\" the governor said.\n\n"
    "Sen. Jo Park, a Democrat from Fresno, told reporters in New York that \"the bill is dead.\"",
    "An Israeli official, who asked not to be identified, said talks would resume. \"They will,\" "
    "the official said.\n\nYuval Steinitz, a Likud Cabinet minister, said \"it is clear\" that the talks failed.",
    "Ann Lee lives in Jo Park. Jo Park opened the meeting. \"It went well,\" he said.\n\n"
    "Jo Park, the mayor, said: \"Thank you.\" Speaking on condition of anonymity, a city aide said so.",
    "Real Madrid beat Roma at Real Madrid's ground.\u00a0Carlo Ancelotti smiled. \"Good,\" said the coach.\n\n"
    "\"Perfect,\" Ancelotti added, at\u00a0Real Madrid.",
    "Yuval Steinitz, a Likud Cabinet minister, said \"it is clear\" that nothing changed.\n\n"
    "Mr Smith and Dr. Ann Lee, who ran, spoke. Xinhua reported that President Xi Jinping called for \"calm.\"",
]


def _corpora(tmp_path) -> list[tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame | None]]:
    """(articles, sentences, actors): the seed articles with and without their actors table, 60
    synthetic articles, the ``WRITTEN`` articles."""
    seed = load_corpus(DEFAULT_CORPUS_DIR).articles
    table, _ = make_corpus(60)
    table.to_parquet(tmp_path / "synthetic.parquet")
    synthetic = load_corpus(tmp_path / "synthetic.parquet", cache=False).articles
    written = pd.DataFrame({"article_id": [f"w{k}" for k in range(len(WRITTEN))], "outlet": "Test", "body": WRITTEN})
    seed_sentences = split_sentences(seed, n_jobs=1)
    return [(seed, seed_sentences, load_actors(DEFAULT_CORPUS_DIR)), (seed, seed_sentences, None),
            (synthetic, split_sentences(synthetic, n_jobs=1), None),
            (written, split_sentences(written, n_jobs=1), None)]


def test_the_stage_with_its_shortcuts_gives_the_tables_of_the_plain_stage(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWS_BUNDLE_CACHE", "0")
    for articles, sentences, actors in _corpora(tmp_path):
        fast = quotes_and_sources(sentences, articles, actors, n_jobs=1)
        with pytest.MonkeyPatch.context() as patch:
            use_plain_stage(patch)
            plain = quotes_and_sources(sentences, articles, actors, n_jobs=1)
        assert len(fast[0]) > 0
        pd.testing.assert_frame_equal(fast[0], plain[0])
        pd.testing.assert_frame_equal(fast[1], plain[1])


def test_the_verb_tries_match_what_the_verb_alternations_longest_first_match():
    """``VERB_ALT`` and ``INVERT_ALT`` are tries: every pattern built on them finds what it finds
    built on the plain alternation of the verbs, longest first, in texts of verbs, their prefixes
    and longer words opening with them, in any case."""
    from helpers.quotes import patterns
    from helpers.quotes.attribution import INVERTED_WORD
    from helpers.quotes.vocabulary import INVERTIBLE_VERBS, SPEECH_VERBS

    plain_verbs = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
    plain_invert = "|".join(sorted(INVERTIBLE_VERBS, key=len, reverse=True))
    built = [patterns.VERB, patterns.AFTER_SV, patterns.AFTER_VS, patterns.BEFORE_VS, INVERTED_WORD]
    plain = [re.compile(p.pattern.replace(patterns.VERB_ALT, plain_verbs).replace(patterns.INVERT_ALT, plain_invert),
                        p.flags) for p in built]
    assert all(a.pattern != b.pattern for a, b in zip(built, plain, strict=True))
    rng = random.Random(11)
    words = [*SPEECH_VERBS, "say", "sa", "add", "addend", "saidx", "Kerry", "the", "minister", ",", ":", "as per",
             "according to", "described as", "SAID", "Says", "\u017fays", "called", "went", "was quoted as", "."]
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 10))) for _ in range(4000)]
    texts += [", said Raj Patel.", '," Kerry said', "Said Toner: ", "it was described as said", "saying adding"]
    for text in texts:
        for fast, slow in zip(built, plain, strict=True):
            for start in (0, 1):  # ``match`` and ``finditer`` as the callers use them
                got, want = fast.match(text, start), slow.match(text, start)
                assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict()))
            assert [(m.span(), m.groupdict()) for m in fast.finditer(text)] == [
                (m.span(), m.groupdict()) for m in slow.finditer(text)]


def test_the_role_trie_matches_what_the_role_alternation_longest_first_matches(monkeypatch):
    """``Names``'s role patterns built on the roles' trie (``role_alternation``) find what they find
    built on the plain alternation, longest first, in texts of roles, their openings, names and commas."""
    from helpers.actors import load_actors

    fast = Names(load_actors(DEFAULT_CORPUS_DIR))
    monkeypatch.setattr(speakers, "role_alternation", plain_alternation)
    plain = Names(load_actors(DEFAULT_CORPUS_DIR))
    built = [fast.role_word, *fast.role_patterns, *[n for n in fast.role_needs if n is not None]]
    slow = [plain.role_word, *plain.role_patterns, *[n for n in plain.role_needs if n is not None]]
    assert fast.role_word.pattern != plain.role_word.pattern
    rng = random.Random(13)
    words = [*fast.roles[:40], "prime", "minister", "ministers", "chief", "head", "of", "the", "a", "Jo", "Park",
             "Ann Lee", ",", "PRIME  MINISTER", "Prime\u00a0Minister", "Secretary-General", "secretary", "U.S.",
             "envoy"]
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    texts += ["Prime Minister Benjamin Netanyahu met the U.S. special envoy, Martin Indyk, and Gov. Jo Park."]
    for text in texts:
        for f, s in zip(built, slow, strict=True):
            assert [(m.span(), m.groupdict()) for m in f.finditer(text)] == [
                (m.span(), m.groupdict()) for m in s.finditer(text)], (s.pattern[:40], text)


def test_the_dateline_mark_search_finds_a_text_holding_any_mark():
    from helpers.quotes.patterns import DATELINE_MARK, DATELINE_MARKS

    rng = random.Random(23)
    texts = ["".join(rng.choice("ab:-\u2014\u2013\\]^ ") for _ in range(rng.randint(0, 6))) for _ in range(5000)]
    assert any(DATELINE_MARK.search(t) for t in texts) and not all(DATELINE_MARK.search(t) for t in texts)
    for text in texts:
        assert bool(DATELINE_MARK.search(text)) == any(mark in text for mark in DATELINE_MARKS), text


def test_strip_trailing_is_the_trailing_pattern_removed_until_nothing_changes():
    """``strip_trailing`` (``trailing_start``, ``trailing_word``) gives what ``TRAILING.sub`` on the whole
    text, repeated, gives: "Kerry reportedly also on Monday" -> "Kerry"."""
    from helpers.quotes.attribution import strip_trailing
    from helpers.quotes.patterns import TRAILING

    def plain(text: str) -> str:
        prev = None
        while prev != text:
            prev, text = text, TRAILING.sub("", text).rstrip()
        return text

    words = ["Kerry", "reportedly", "also", "on", "Monday", "last", "week", "Kelly", "Daily", "\u00a0", "\t", "x",
             "ALSO", "LAST", "friday", "on Sunday", "only", "the", "", "  "]
    rng = random.Random(29)
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 8))) for _ in range(5000)]
    assert strip_trailing("Kerry reportedly also on Monday") == "Kerry"
    for text in texts:
        assert strip_trailing(text) == plain(text), text


def test_speaker_copy_keeps_every_field():
    """``Speaker.copy`` names its fields by hand (for speed): a field added to the class and not
    to ``copy`` fails here."""
    values = {f.name: 7 if f.type == "int | None" else f"value of {f.name}" for f in dataclasses.fields(Speaker)}
    speaker = Speaker(**values)
    copied = speaker.copy()
    assert copied is not speaker and dataclasses.asdict(copied) == dataclasses.asdict(speaker) == values
