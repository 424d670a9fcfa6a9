"""Build helpers/data/demonyms.csv from the mledoze/countries extract: python -m validation.demonyms.

The extract (``validation/countries/mledoze-countries.csv``, ODbL-1.0, see the README
beside it) gives every country's and territory's English demonym and names. This script
adds what news copy writes that the dataset lacks (each addition below says why), the
plural of every form ("Israelis"), and the regional and group words the quotations and
facts read ("Arab", "European"), and writes the table the package ships; nothing is
fetched at run time. ``--check`` compares instead of writing (exit 1 when they differ).
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "validation" / "countries" / "mledoze-countries.csv"
TARGET = ROOT / "helpers" / "data" / "demonyms.csv"
MLEDOZE_COMMIT = "02696f0c1346fdc8a89684275ec039aca281c56f"

# Demonyms the dataset gives that are the place's own name, or stand for an institution
# more often than for nationality ("the Vatican said"): a word in the list is never a
# name, so these are left out (the adjective forms of the first two are added below;
# Vatican City is the one country left without a row).
EXCLUDED = {"Djibouti", "Gibraltar", "Vatican"}
# Forms news copy uses that the dataset lacks: AP-style adjectives ("Saudi", "Kazakh"),
# the other spelling of the dataset's form ("Ecuadorian", "Slovenian"), the adjective of
# a country whose dataset form is a noun ("Icelandic", "Luxembourgish"), nouns for people
# ("Briton", "Spaniard") and the nations of the United Kingdom. demonym -> cca3 codes.
ADDED = {
    "Saudi": ["SAU"], "Kazakh": ["KAZ"], "Uzbek": ["UZB"], "Kyrgyz": ["KGZ"], "Tajik": ["TJK"],
    "Maldivian": ["MDV"], "Cape Verdean": ["CPV"], "Ecuadorian": ["ECU"], "Slovenian": ["SVN"],
    "Icelandic": ["ISL"], "Surinamese": ["SUR"], "Comorian": ["COM"], "Luxembourgish": ["LUX"],
    "Botswanan": ["BWA"], "Djiboutian": ["DJI"], "Gibraltarian": ["GIB"], "Philippine": ["PHL"],
    "Tobagonian": ["TTO"], "Emirati": ["ARE"], "Briton": ["GBR"], "Spaniard": ["ESP"], "Swede": ["SWE"],
    "Dane": ["DNK"], "Scottish": ["GBR"], "Welsh": ["GBR"], "English": ["GBR"],
}
# Names actors tables write for a country besides the dataset's two ("US", "Britain"),
# and the Palestinian side's names as the sample corpus's actors table lists them.
EXTRA_NAMES = {
    "USA": ["US", "U.S.", "America", "USA"],
    "GBR": ["UK", "Britain", "Great Britain"],
    "PSE": ["Palestinians", "Palestinian Authority"],
    "NLD": ["Holland"],
}
# Abbreviations used as adjectives ("a U.S. official"), and regional and group words
# ("an Arab diplomat", "European officials", "Western diplomats"): demonym -> names
# (none for a word that gives no side). No plural is made of these.
REGIONAL = {
    "US": ["United States", "US"],
    "U.S.": ["United States", "U.S."],
    "Arab": ["Arab League"],
    "European": ["European Union", "EU"],
    "Western": [],
    "Jewish": [],
}
# Forms that take no plural "s": "the French", "the Swiss", adjectives only ("Icelandic").
NO_PLURAL = re.compile(r"(?:ese|sh|ss|x|z|ic|French|Dutch|Swiss)$")


def plural(form: str, places: frozenset[str] = frozenset()) -> str | None:
    """ "Israeli" -> "Israelis", "South African" -> "South Africans"; None for "French",
    and for a plural that is a place's name ("Philippine" -> not "Philippines")."""
    if NO_PLURAL.search(form) or form + "s" in places:
        return None
    return form + "s"


def read_countries(path: Path = SOURCE) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def country_names(row: dict[str, str]) -> list[str]:
    return list(dict.fromkeys([row["name"], row["official"], *EXTRA_NAMES.get(row["cca3"], [])]))


def build(countries: list[dict[str, str]]) -> list[tuple[str, str, str, str]]:
    """``(demonym, names, form, source)`` rows (form: "singular", "plural" or
    "abbreviation"): each form with the names of every country that uses it (sovereign
    countries first), then its plural, then the regional words."""
    by_form: dict[str, list[dict[str, str]]] = {}
    for row in countries:
        for form in re.split(r",\s*|\s+or\s+", row["demonym"]):
            if form and form not in EXCLUDED:
                by_form.setdefault(form, []).append(row)
    by_code = {row["cca3"]: row for row in countries}
    added = {form: [by_code[c] for c in codes] for form, codes in ADDED.items() if form not in by_form}
    places = frozenset(n for row in countries for n in country_names(row))
    rows = []
    for source, forms in (("mledoze", by_form), ("bundle", added)):
        for form, users in sorted(forms.items()):
            ordered = sorted(users, key=lambda r: (r["independent"] != "1", r["name"]))
            names = ";".join(dict.fromkeys(n for r in ordered for n in country_names(r)))
            rows.append((form, names, "singular", source))
            if plural(form, places):
                rows.append((plural(form, places), names, "plural", source))
    rows += [(form, ";".join(names), "abbreviation" if form.upper() == form else "singular", "bundle")
             for form, names in REGIONAL.items()]
    return rows


HEADER = f"""\
# Adjectives and nouns of nationality, and the names an actors table may list for their
# country (';'-separated, sovereign countries first): they give an unnamed source ('an
# Israeli official') a side, a word here is never a person's name, and a fact that is only
# one of them ('Israeli officials') is not a name. form: singular ('Israeli'), plural
# ('Israelis', a people) or abbreviation ('U.S.', a name too): only singulars are never facts' names.
# Source: rows marked mledoze are the English demonyms and names (common, official) of
# the 250 countries and territories of mledoze/countries (https://github.com/mledoze/countries,
# dist/countries.csv at commit {MLEDOZE_COMMIT}; extract in validation/countries/);
# rows marked bundle are written for this bundle: adjective forms the dataset lacks,
# plurals, abbreviations and regional and group words (validation/demonyms.py says why).
# Licence: ODbL-1.0 (Open Database License, https://opendatacommons.org/licenses/odbl/1-0/),
# as a database derived from mledoze/countries. Rebuild: python -m validation.demonyms
"""


def render(rows: list[tuple[str, str, str, str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["demonym", "countries", "form", "source"])
    writer.writerows(rows)
    return HEADER + out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped file instead of writing")
    args = parser.parse_args(argv)
    text = render(build(read_countries()))
    if args.check:
        same = TARGET.read_text(encoding="utf-8") == text
        verdict = "up to date" if same else "differs from the extract; run python -m validation.demonyms"
        print(f"{TARGET.name}: {verdict}")
        return 0 if same else 1
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET} ({text.count(chr(10)) - HEADER.count(chr(10)) - 1} demonyms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
