"""The stored validation scores (helpers/data/validation_scores.csv): current, equal to scoring
afresh, and set aside as soon as the lexicon, the news-neutral words, the code or a text changes."""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from helpers.sentiment import load_benchmark, load_newsmtsc, score_benchmark, target_validation
from helpers.sentiment import stored_scores as stored

ROOTS = ("sentiment/scoring.py", "sentiment/target.py", "sentiment/stored_scores.py")


@pytest.fixture(scope="module")
def sets():
    return {"nyt": load_benchmark().sentences, "newsmtsc": load_newsmtsc()}


def test_the_shipped_scores_are_current_and_equal_scoring_afresh(sets):
    for name, table in sets.items():
        rows = stored.stored_scores(name, table)
        assert rows is not None, f"{name}: the key changed; run python -m validation.sentiment_scores"
        pd.testing.assert_frame_equal(rows, stored.fresh_scores(name, table), check_exact=True, check_dtype=False)
    assert re.search(r"^# written by python -m validation.sentiment_scores on \d{4}-\d\d-\d\d$",
                     stored.SCORES_FILE.read_text(encoding="utf-8"), re.M)


def test_a_stale_file_is_not_used_and_the_scores_are_computed(sets, tmp_path, monkeypatch):
    part = sets["nyt"].iloc[:40].reset_index(drop=True)
    path = tmp_path / "scores.csv"
    written = stored.write_scores({"nyt": part}, "2026-12-06", path)
    assert stored.stored_scores("nyt", part, path) is not None
    header, _, body = path.read_text(encoding="utf-8").partition("\nset,")
    path.write_text(header + "\nset," + body.replace("\nnyt,0,1_1,0.", "\nnyt,0,1_1,0.9", 1), encoding="utf-8")
    monkeypatch.setattr(stored, "SCORES_FILE", path)  # the file the build reads, key kept, one score edited
    edited = stored.stored_scores("nyt", part, path)
    assert (edited["news"] != written["news"]).sum() == 1  # the file is read while its key holds...
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(# key nyt: )\w+", r"\g<1>0", text), encoding="utf-8")
    assert stored.stored_scores("nyt", part, path) is None  # ...and set aside when it does not
    assert score_benchmark(part)["news"].tolist() == written["news"].tolist()  # scored afresh


def test_changing_the_lexicon_the_news_words_or_a_text_invalidates_it(sets, tmp_path, monkeypatch):
    part = sets["nyt"].iloc[:20].reset_index(drop=True)
    path = tmp_path / "scores.csv"
    stored.write_scores({"nyt": part}, "2026-12-06", path)
    assert stored.stored_scores("nyt", part, path) is not None
    changed = part.copy()
    changed.loc[3, "text"] += " Terrible."
    assert stored.stored_scores("nyt", changed, path) is None

    lexicon = stored.vader_lexicon()
    with monkeypatch.context() as patch:
        patch.setattr(stored, "vader_lexicon", lambda: lexicon.replace(b"terrible\t-2.1", b"terrible\t-2.2"))
        assert stored.stored_scores("nyt", part, path) is None

    helpers = tmp_path / "helpers"  # a copy of the key's files, with one more news-neutral word
    for relative in stored.KEY_FILES:
        (helpers / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(stored.HELPERS_DIR / relative, helpers / relative)
    monkeypatch.setattr(stored, "HELPERS_DIR", helpers)
    assert stored.stored_scores("nyt", part, path) is not None  # the copy alone changes nothing
    words = helpers / "data" / "news_neutral_words.csv"
    words.write_text(words.read_text(encoding="utf-8") + "terrible,issue-16,a test,-2.1,0,0,0,0\n", encoding="utf-8")
    assert stored.stored_scores("nyt", part, path) is None


def _helpers_imports(relative: str) -> set[str]:
    """The helpers modules ``relative`` (a path under helpers/) imports, as paths under helpers/."""
    here = Path(stored.HELPERS_DIR / relative)
    found = set()
    for node in ast.walk(ast.parse(here.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = here.parent
            for _ in range(node.level - 1):
                base = base.parent
            target = base.joinpath(*(node.module or "").split("."))
            for candidate in (target.with_suffix(".py"), target / "__init__.py"):
                if node.module and candidate.is_file():
                    found.add(candidate.relative_to(stored.HELPERS_DIR).as_posix())
                    break
    return found


def test_the_key_covers_the_scoring_code_and_its_data():
    seen, todo = set(), list(ROOTS)
    while todo:
        module = todo.pop()
        if module not in seen:
            seen.add(module)
            todo += _helpers_imports(module)
    assert seen <= set(stored.KEY_FILES), sorted(seen - set(stored.KEY_FILES))
    named = set()
    for module in seen:
        source = (stored.HELPERS_DIR / module).read_text(encoding="utf-8")
        named |= {f"data/{m}" for m in re.findall(r"\b(\w+\.(?:csv|npz|json))\b", source)
                  if (stored.HELPERS_DIR / "data" / m).is_file() and m != stored.SCORES_FILE.name}
    named.add("data/speech_verbs.csv")  # target_features' SPEECH_VERBS: read_word_list("speech_verbs")
    assert named <= set(stored.KEY_FILES), sorted(named - set(stored.KEY_FILES))


def test_target_validation_gives_the_same_figures_from_the_file_and_afresh(sets, monkeypatch):
    from_file = target_validation()
    monkeypatch.setattr(stored, "SCORES_FILE", Path("/nonexistent/validation_scores.csv"))
    afresh = target_validation()
    pd.testing.assert_frame_equal(from_file[0], afresh[0])
    pd.testing.assert_frame_equal(from_file[1], afresh[1])
