"""The bundled vocabularies: the gazetteer of places, the goods taxonomy and the
word classes of the rules."""

from __future__ import annotations

import csv
import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files


@dataclass(frozen=True)
class PlaceEntry:
    name: str
    kind: str  # country, demonym, subdivision, city
    country: str
    subdivision: str | None
    city: str | None
    latitude: float | None
    longitude: float | None
    # Only the world gazetteer has these: a city's population (to choose between
    # places of one name) and whether English also writes the name as a word.
    population: int | None = None
    common: bool = False


@dataclass(frozen=True)
class GoodEntry:
    good: str
    hs: str | None
    sector: str
    terms: tuple[str, ...]
    # "good" for what is made, grown or mined; "sector" for a row naming only a
    # line of work (construction, domestic work), which has no HS code.
    kind: str = "good"


def _rows(name: str) -> list[dict[str, str]]:
    text = (files("laborwatch") / "data" / name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


@cache
def word_classes(name: str) -> dict[str, re.Pattern[str]]:
    """The word classes of ``data/NAME`` (a TOML file), each compiled to match a
    whole token, ignoring case: one of the class's ``words``, then its ``ending``."""
    text = (files("laborwatch") / "data" / name).read_text(encoding="utf-8")
    return {
        key: re.compile(
            f"(?:{'|'.join(table['words'])}){table.get('ending', '')}$", re.I
        )
        for key, table in tomllib.loads(text).items()
    }


def _number(value: str) -> float | None:
    return float(value) if value else None


def place_entries(name: str) -> list[PlaceEntry]:
    """The rows of a bundled gazetteer file (``data/NAME``) as entries."""
    return [
        PlaceEntry(
            name=row["name"],
            kind=row["kind"],
            country=row["country"],
            subdivision=row["subdivision"] or None,
            city=row["city"] or None,
            latitude=_number(row["latitude"]),
            longitude=_number(row["longitude"]),
            population=int(row["population"]) if row.get("population") else None,
            common=row.get("common") == "1",
        )
        for row in _rows(name)
    ]


@lru_cache(maxsize=1)
def gazetteer() -> tuple[PlaceEntry, ...]:
    """Place names: the project's gazetteer, ISO 3166 country names, then the world's
    subdivisions and cities (``gazetteer-world.csv``, built by
    ``scripts/build_gazetteer.py``).

    Each source only adds names the ones before it lack, so the project's spellings
    and coordinates win; only a country's name may also be a province elsewhere
    ("Georgia"). The world table keeps every place of a name ("Victoria" in eight
    countries): extraction chooses between them by the document.
    """
    import pycountry

    entries = place_entries("gazetteer.csv")
    known = {entry.name.lower() for entry in entries}
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            name = getattr(country, attribute, None)
            if name and "," not in name and name.lower() not in known:
                known.add(name.lower())
                entries.append(
                    PlaceEntry(name, "country", country.alpha_2, None, None, None, None)
                )
    countries = known - {
        entry.name.lower() for entry in entries if entry.kind in ("subdivision", "city")
    }
    entries.extend(
        entry
        for entry in place_entries("gazetteer-world.csv")
        if entry.name.lower() not in known
        # A country's name that is also another country's province ("Georgia",
        # US-GA) stays: the document decides which it is.
        or (entry.kind == "subdivision" and entry.name.lower() in countries)
    )
    return tuple(entries)


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """The gazetteer's names of countries, lower-cased ("north korea", "dprk")."""
    return frozenset(
        entry.name.lower() for entry in gazetteer() if entry.kind == "country"
    )


@lru_cache(maxsize=1)
def gazetteer_names() -> dict[str, tuple[int, ...]]:
    """Each gazetteer name, lower-cased, with the indices of the entries it names."""
    names: dict[str, list[int]] = {}
    for index, entry in enumerate(gazetteer()):
        names.setdefault(entry.name.lower(), []).append(index)
    return {name: tuple(indices) for name, indices in names.items()}


@lru_cache(maxsize=1)
def goods_taxonomy() -> tuple[GoodEntry, ...]:
    """Goods aligned with the US Department of Labor's list names, with HS codes."""
    return tuple(
        GoodEntry(
            good=row["good"],
            hs=row["hs"] or None,
            sector=row["sector"],
            terms=tuple(
                term.strip() for term in row["terms"].split("|") if term.strip()
            ),
            kind=row["kind"],
        )
        for row in _rows("goods.csv")
    )
