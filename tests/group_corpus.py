"""A corpus the group tests write: six outlets, an outlets.csv with a lean for five of them
(left, right, centre) and one outlet it does not list, with quotations, named actors and a
wire sentence two outlets of different leans share."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write_corpus

# outlet -> (lean or None when outlets.csv does not list it, what its articles stress)
OUTLETS = {
    "Left Daily": ("left", "workers"), "Left Weekly": ("left", "unions"),
    "Right Herald": ("right", "taxes"), "Right Post": ("right", "markets"),
    "Centre Times": ("centre", "committee"), "Unlisted Gazette": (None, "weather"),
}
WIRE = ("The council approved the harbour budget of 40 million dollars on Tuesday after a long debate "
        "about the port, the ferry and the new bridge.")
ACTORS = "name,aliases,kind,affiliation\nAnn Lee,Lee|Mayor Lee,person,city hall\nRaj Patel,Patel,person,opposition\n"


TONE = {"left": "a wonderful, hopeful success", "right": "a terrible, shameful failure"}


def article_text(outlet: str, lean: str | None, stress: str, n: int) -> str:
    """Four or five paragraphs in the outlet's own words, with a quotation and the actors;
    left outlets call the plan a success, right ones a failure, the others either."""
    verdict = TONE.get(lean or "", TONE["left" if n else "right"])
    lines = [
        f"The {stress} debate in Springfield went on for a {['first', 'second'][n]} week, {outlet} reports.",
        f"Mayor Ann Lee said the plan for {stress} was {verdict} for the city.",
        f"\"We will fight for {stress} and for every family in this city,\" said Raj Patel.",
        f"Critics of Lee called the {stress} plan {verdict} and asked for a vote on {stress} in {outlet}'s town.",
    ]
    if outlet in ("Left Daily", "Right Herald"):
        lines.insert(1, WIRE)
    return "\n\n".join(lines) + "\n"


def write_group_corpus(folder: Path, *, outlets_csv: str | None = None) -> Path:
    """Write the corpus (two articles per outlet, 12 in all) with its actors.csv and outlets.csv
    (``outlets_csv`` replaces the default table; "" writes none)."""
    articles = []
    for i, (outlet, (lean, stress)) in enumerate(OUTLETS.items()):
        for n in range(2):
            articles.append(dict(file=f"{i}_{n}.txt", outlet=outlet, date=f"2024-05-{1 + n:02d}",
                                 headline=f"{stress.title()} debate, day {n + 1}",
                                 text=article_text(outlet, lean, stress, n)))
    write_corpus(folder, articles)
    (folder / "actors.csv").write_text(ACTORS, encoding="utf-8")
    if outlets_csv is None:
        outlets_csv = "outlet,lean,owner\n" + "".join(
            f"{o},{lean},Owner of {o}\n" for o, (lean, _) in OUTLETS.items() if lean)
    if outlets_csv:
        (folder / "outlets.csv").write_text(outlets_csv, encoding="utf-8")
    return folder
