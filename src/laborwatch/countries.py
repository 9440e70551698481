"""Country names, as lists and reports write them, to ISO 3166-1 alpha-2 codes."""

from __future__ import annotations

from functools import lru_cache

# Forms that sanctions lists use and neither pycountry nor the gazetteer spell so.
_LIST_FORMS = {
    "korea, north": "KP",
    "korea, south": "KR",
    "korea, democratic people's republic of": "KP",
    "korea, republic of": "KR",
    "congo, democratic republic of the": "CD",
    "congo, republic of the": "CG",
    "burma": "MM",
    "russia": "RU",
    "turkey": "TR",
    "türkiye": "TR",
    "the netherlands": "NL",
    "palestinian": "PS",
    "west bank": "PS",
    "gaza": "PS",
    "kosovo": "XK",
    "xk": "XK",  # Kosovo's user-assigned code, which the lists use; not in ISO 3166
    "region: crimea": "UA",
    "crimea": "UA",
}


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    from laborwatch.extract.vocabulary import gazetteer

    names = {
        entry.name.lower(): entry.country
        for entry in gazetteer()
        if entry.kind in ("country", "demonym")
    }
    names.update(_LIST_FORMS)
    return names


@lru_cache(maxsize=4096)
def country_code(name: str | None) -> str | None:
    """The alpha-2 code of a country name, code or demonym, or None if unknown."""
    if not name:
        return None
    import pycountry

    key = " ".join(name.strip().strip(".").split()).lower()
    if not key:
        return None
    if key in _names():
        return _names()[key]
    if "," in key:  # "Korea, North" -> "north korea"
        head, _, tail = key.partition(",")
        flipped = f"{tail.strip()} {head.strip()}"
        if flipped in _names():
            return _names()[flipped]
    try:
        return str(pycountry.countries.lookup(key).alpha_2)
    except LookupError:
        return None


# Short names where ISO 3166's is long or inverted and pycountry has no common
# name ("Korea, Democratic People's Republic of" has one: "North Korea").
_SHORT_NAMES = {
    "BN": "Brunei",
    "CD": "DR Congo",
    "CG": "Congo",
    "CZ": "Czechia",
    "FK": "Falkland Islands",
    "FM": "Micronesia",
    "GB": "United Kingdom",
    "PS": "Palestine",
    "RU": "Russia",
    "US": "United States",
    "VA": "Vatican City",
    "VG": "British Virgin Islands",
    "VI": "US Virgin Islands",
    "XK": "Kosovo",
}


@lru_cache(maxsize=512)
def country_name(code: str) -> str:
    """A country's short name for people to read ("KP" → "North Korea"); an
    unknown code is returned as given."""
    import pycountry

    key = code.strip().upper()
    if key in _SHORT_NAMES:
        return _SHORT_NAMES[key]
    country = pycountry.countries.get(alpha_2=key) if len(key) == 2 else None
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)


@lru_cache(maxsize=1)
def _subdivision_names() -> dict[str, str]:
    """The first name the gazetteer gives each subdivision code: the project's own
    spelling ("Xinjiang", "South Pyongan") before the world table's."""
    from laborwatch.extract.vocabulary import gazetteer

    names: dict[str, str] = {}
    for entry in gazetteer():
        if entry.kind == "subdivision" and entry.subdivision:
            names.setdefault(entry.subdivision, entry.name)
    return names


@lru_cache(maxsize=4096)
def subdivision_name(code: str) -> str:
    """An ISO 3166-2 subdivision's short name ("CN-XJ" → "Xinjiang"), from the
    gazetteer, else ISO's name; an unknown code is returned as given."""
    import pycountry

    key = code.strip().upper()
    if key in _subdivision_names():
        return _subdivision_names()[key]
    # pycountry types countries.get but not subdivisions.get.
    subdivision = pycountry.subdivisions.get(code=key)  # type: ignore[no-untyped-call]
    return str(subdivision.name) if subdivision is not None else code
