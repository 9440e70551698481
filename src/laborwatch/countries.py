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
