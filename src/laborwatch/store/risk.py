"""The risk register: areas and goods with forced-labour evidence, and on how many
independent sources, read from the stored incidents (docs/risk-areas.md).

A stored incident says which indicators a document reports and on which sentences;
its places (less those named only as where goods go) and goods make the rows. A row
is a country, or a subdivision of it, and a good. Sources are counted as publishers:
copies of one text are already one document (ingest folds exact and near
duplicates), and two documents count once when they share a publisher or a
supporting sentence word for word (one re-publishes the other, or both relay
the same statement).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from pathlib import PurePath
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import func, select

from laborwatch.countries import country_code, subdivision_name
from laborwatch.errors import BadInput, shown
from laborwatch.extract.vocabulary import goods_taxonomy
from laborwatch.store.database import Database
from laborwatch.store.facets import NOT_A_DATE, is_date
from laborwatch.store.lists import load_country_goods
from laborwatch.store.tables import (
    document_sources,
    documents,
    facts,
    incidents,
    indicators,
    sentences,
)
from laborwatch.urls import web_url

STATE_IMPOSED = "state_imposed"
CHILD_CODES = ("child_labour", "hazardous_child_work")
# A shared sentence this short ("Forced labour is a crime.") is boilerplate, not
# a sign that one report copies another.
MIN_SHARED_SENTENCE = 40


@dataclass(frozen=True)
class RiskFilters:
    """Which rows to keep: ``country`` an ISO code or name, ``good`` a good's name
    or an HS code (prefix), ``since`` the earliest publication date of evidence,
    ``subdivision`` an ISO 3166-2 code (the rows of that province alone)."""

    country: str | None = None
    good: str | None = None
    since: str | None = None
    min_sources: int = 1
    subdivision: str | None = None


@dataclass(frozen=True)
class SentenceRef:
    document_id: str
    position: int

    def __str__(self) -> str:
        return f"{self.document_id}#s{self.position}"


@dataclass(frozen=True)
class RiskRow:
    """One (country, subdivision or None for the whole country, good) and its
    evidence; ``dol`` is set only by a comparison with the DOL list."""

    country: str
    subdivision: str | None
    good: str
    hs: str | None
    indicators: tuple[str, ...]
    documents: int
    sources: int
    publishers: tuple[str, ...]
    first_evidence: str | None
    last_evidence: str | None
    state_imposed: bool
    children: bool
    strength: str
    sentences: tuple[SentenceRef, ...]
    dol: bool | None = None

    def record(self) -> dict[str, Any]:
        """The row as ``--format json`` and ``/api/risk-areas`` give it."""
        record: dict[str, Any] = {
            "country": self.country,
            "subdivision": self.subdivision,
            "good": self.good,
            "hs": self.hs,
            "strength": self.strength,
            "sources": self.sources,
            "documents": self.documents,
            "publishers": list(self.publishers),
            "first_evidence": self.first_evidence,
            "last_evidence": self.last_evidence,
            "state_imposed": self.state_imposed,
            "children": self.children,
            "indicators": list(self.indicators),
            "sentences": [
                {"document_id": s.document_id, "sentence": s.position}
                for s in self.sentences
            ],
        }
        if self.dol is not None:
            record["dol"] = self.dol
        return record


@dataclass(frozen=True)
class DolPair:
    """A country-and-good pair of a loaded DOL list with no row in the register."""

    list_id: str
    country: str
    good: str
    forced_labour: bool
    child_labour: bool

    def record(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class RiskRegister:
    rows: list[RiskRow]
    # Filled by a DOL comparison only: DOL pairs without stored evidence.
    dol_without_evidence: list[DolPair] | None = None

    def record(self) -> dict[str, Any]:
        record: dict[str, Any] = {"rows": [row.record() for row in self.rows]}
        if self.dol_without_evidence is not None:
            record["dol_without_evidence"] = [
                pair.record() for pair in self.dol_without_evidence
            ]
        return record


@dataclass
class _Report:
    """One document with an incident, as the register needs it."""

    id: str
    published: str | None
    publisher: str
    indicators: tuple[str, ...]
    sentences: tuple[int, ...]
    sentence_texts: dict[int, str] = field(default_factory=dict)
    sentence_starts: dict[int, int] = field(default_factory=dict)


def risk_register(
    database: Database, filters: RiskFilters = RiskFilters(), compare_dol: bool = False
) -> RiskRegister:
    """The register's rows for ``filters``, strongest first; with ``compare_dol``,
    each row says whether a loaded DOL list names its country and good, and the
    DOL pairs that no row (before ``min_sources``) supports are listed."""
    country, good, since = _checked(filters)
    subdivision = _checked_subdivision(filters.subdivision)
    reports, named = _read(database, since)
    rows = [
        row
        for row in _rows(reports, named)
        if (country is None or row.country == country)
        and (subdivision is None or row.subdivision == subdivision)
        and (good is None or _is_good(row, good))
    ]
    missing: list[DolPair] | None = None
    if compare_dol:
        rows, missing = _compare_dol(database, rows, country, good)
    kept = [row for row in rows if row.sources >= filters.min_sources]
    kept.sort(
        key=lambda r: (-r.sources, -r.documents, r.country, r.subdivision or "", r.good)
    )
    return RiskRegister(kept, missing)


def _checked(filters: RiskFilters) -> tuple[str | None, str | None, str | None]:
    country = None
    if filters.country:
        country = country_code(filters.country)
        if country is None:
            raise BadInput(f"--country {shown(filters.country)}: not a known country")
    good = None
    if filters.good:
        good = _good_named(filters.good)
    if filters.since and not is_date(filters.since):
        raise BadInput(f"--since {shown(filters.since)}: {NOT_A_DATE}")
    if filters.min_sources < 1:
        raise BadInput(f"--min-sources {filters.min_sources}: must be at least 1")
    return country, good, filters.since


def _good_named(text: str) -> str:
    """The good a name stands for: a good of goods.csv, or one of its words
    ("gemstones" is gems), or an HS code (kept as digits)."""
    name = " ".join(text.strip().lower().split())
    if name.isdigit():
        return name
    for entry in goods_taxonomy():
        if name == entry.good or name in (term.lower() for term in entry.terms):
            return entry.good
    raise BadInput(
        f"--good {shown(text)}: not a known good (a name or word as in goods.csv, "
        "e.g. cotton, or an HS code)"
    )


def _checked_subdivision(subdivision: str | None) -> str | None:
    """The ISO 3166-2 code asked for, upper case; refused where ISO has none."""
    if not subdivision:
        return None
    code = subdivision.strip().upper()
    # subdivision_name gives an unknown code back as it came.
    if "-" not in code or subdivision_name(code) == code:
        raise BadInput(
            f"subdivision {subdivision}: not an ISO 3166-2 code (e.g. KP-02)"
        )
    return code


def _is_good(row: RiskRow, good: str) -> bool:
    if good.isdigit():
        return bool(row.hs) and (row.hs or "").startswith(good[:4])
    return row.good == good


@dataclass(frozen=True)
class _Mention:
    sentence: int
    start: int
    end: int
    origin: bool = False  # a place the workers come from


@dataclass
class _Named:
    """What one document names: each area (country, and subdivision or None) and
    each good, with the sentences that name it; and each good's HS code."""

    areas: dict[tuple[str, str | None], list[_Mention]] = field(
        default_factory=lambda: defaultdict(list)
    )
    goods: dict[str, list[_Mention]] = field(default_factory=lambda: defaultdict(list))
    hs: dict[str, str | None] = field(default_factory=dict)


def _read(
    database: Database, since: str | None
) -> tuple[dict[str, _Report], dict[str, _Named]]:
    """Documents with an incident, and what each one names."""
    query = select(
        incidents.c.document_id,
        incidents.c.detail,
        documents.c.published,
        documents.c.site,
        documents.c.url,
    ).join(documents, documents.c.id == incidents.c.document_id)
    wanted = select(incidents.c.document_id)
    if since:
        query = query.where(documents.c.published >= since)
        wanted = wanted.join(
            documents, documents.c.id == incidents.c.document_id
        ).where(documents.c.published >= since)
    # Only the sentences that carry an indicator: a long report has thousands.
    supporting = (
        select(indicators.c.document_id, indicators.c.sentence_position)
        .where(indicators.c.document_id.in_(wanted))
        .distinct()
        .subquery()
    )
    with database.reading() as connection:
        incident_rows = connection.execute(query).all()
        originals = dict(
            connection.execute(
                select(
                    document_sources.c.document_id,
                    func.min(document_sources.c.location),
                )
                .where(document_sources.c.relation == "original")
                .where(document_sources.c.document_id.in_(wanted))
                .group_by(document_sources.c.document_id)
            ).all()
        )
        fact_rows = connection.execute(
            select(
                facts.c.document_id,
                facts.c.kind,
                facts.c.detail,
                facts.c.sentence_position,
                facts.c.start,
                facts.c.end,
            ).where(
                facts.c.kind.in_(("place", "good")),
                facts.c.document_id.in_(wanted),
            )
        ).all()
        sentence_rows = connection.execute(
            select(
                sentences.c.document_id,
                sentences.c.position,
                sentences.c.text,
                sentences.c.start,
            ).join(
                supporting,
                (supporting.c.document_id == sentences.c.document_id)
                & (supporting.c.sentence_position == sentences.c.position),
            )
        ).all()
    reports: dict[str, _Report] = {}
    for row in incident_rows:
        detail = row.detail
        report = reports.get(row.document_id)
        if report is None:
            report = reports[row.document_id] = _Report(
                id=row.document_id,
                published=row.published,
                publisher=_publisher(row.site, row.url, originals.get(row.document_id)),
                indicators=(),
                sentences=(),
            )
        # A document has one incident today; more would add up.
        report.indicators = _unique(report.indicators, detail.get("indicators", ()))
        report.sentences = tuple(
            sorted(set(report.sentences) | set(detail.get("sentences", ())))
        )
    for document_id, position, text, start in sentence_rows:
        report = reports.get(document_id)
        if report is not None and position in report.sentences:
            report.sentence_texts[position] = text
            report.sentence_starts[position] = start
    named: dict[str, _Named] = defaultdict(_Named)
    for document_id, kind, detail, position, start, end in fact_rows:
        found = named[document_id]
        mention = _Mention(position, start, end, detail.get("role") == "origin")
        if kind == "place":
            # Where goods go is not where the work is (as on the map).
            if detail.get("role") == "destination" or not detail.get("country"):
                continue
            found.areas[(detail["country"], None)].append(mention)
            if detail.get("subdivision"):
                found.areas[(detail["country"], detail["subdivision"])].append(mention)
        elif detail.get("good"):
            found.goods[detail["good"]].append(mention)
            found.hs.setdefault(detail["good"], detail.get("hs"))
    return reports, named


def _unique(first: Iterable[str], more: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys([*first, *more]))


def _publisher(site: str | None, url: str | None, source: str | None) -> str:
    """Who published a document: its URL's host, else its site's name, else the
    folder it was read from; lower case, without ``www.``. The host comes first:
    one site is named in several ways ("Daily NK", "DailyNK") but served from one
    host. A folder stands for one publisher (a file alone would make every report
    of one agency's folder an independent source); where a folder mixes
    publishers, this undercounts, which errs on the side of "single source"."""
    name = ""
    # An older database may hold a URL that does not parse: no URL then.
    if url := web_url(url):
        name = urlsplit(url).hostname or ""
    if not name:
        name = (site or "").strip()
    if not name and source:
        location = source.strip().split(":", 1)[0] if "://" not in source else source
        name = "folder " + str(PurePath(location).parent)
    return name.lower().removeprefix("www.") or "unknown"


def _rows(reports: dict[str, _Report], named: dict[str, _Named]) -> list[RiskRow]:
    grouped: dict[tuple[str, str | None, str], list[_Report]] = defaultdict(list)
    hs_codes: dict[str, str | None] = {}
    for document_id, report in reports.items():
        found = named.get(document_id, _Named())
        for good, hs in found.hs.items():
            hs_codes.setdefault(good, hs)
        for country, subdivision, good in area_goods(report, found):
            grouped[(country, subdivision, good)].append(report)
    return [
        _row(country, subdivision, good, hs_codes.get(good), members)
        for (country, subdivision, good), members in grouped.items()
    ]


def area_goods(report: _Report, named: _Named) -> Iterator[tuple[str, str | None, str]]:
    """The (country, subdivision, good) rows one report supports: its goods with
    the places of the country it is about (the country it names most in its
    evidence sentences, else in all; several when tied), and with any other
    place named beside the good in one clause of an evidence sentence, unless as
    where the workers come from ("Indian domestic workers"). "Ugandans
    are exploited abroad; ... in Malaysia", in a report on cattle herding in
    Uganda, makes no Malaysian row; "North Korean workers cut timber in Russia"
    makes a Russian one."""
    evidence = set(report.sentences)
    in_evidence: Counter[str] = Counter()
    anywhere: Counter[str] = Counter()
    for (country, subdivision), mentions in named.areas.items():
        if subdivision is None:
            anywhere[country] += len(mentions)
            in_evidence[country] += sum(m.sentence in evidence for m in mentions)
    counts = in_evidence if any(in_evidence.values()) else anywhere
    most = max(counts.values(), default=0)
    about = {country for country, count in counts.items() if count == most}
    for (country, subdivision), places in named.areas.items():
        for good, goods in named.goods.items():
            if country in about or any(
                _one_clause(report, place, named_good)
                for place in places
                if not place.origin
                for named_good in goods
            ):
                yield country, subdivision, good


# Farther apart than this, a place and a good in one sentence are not one fact.
CLAUSE_REACH = 200


def _one_clause(report: _Report, a: _Mention, b: _Mention) -> bool:
    """Whether two mentions sit in one clause of an evidence sentence: no ";"
    between them, and at most ``CLAUSE_REACH`` characters apart."""
    if a.sentence != b.sentence or a.sentence not in report.sentence_texts:
        return False
    left, right = min(a.start, b.start), max(a.end, b.end)
    if right - left > CLAUSE_REACH:
        return False
    offset = report.sentence_starts[a.sentence]
    between = report.sentence_texts[a.sentence][left - offset : right - offset]
    return ";" not in between


def _row(
    country: str,
    subdivision: str | None,
    good: str,
    hs: str | None,
    members: list[_Report],
) -> RiskRow:
    codes = tuple(dict.fromkeys(code for r in members for code in r.indicators))
    dates = sorted(r.published for r in members if r.published)
    groups = independent_sources(members)
    state_imposed = STATE_IMPOSED in codes
    strength = "corroborated" if len(groups) >= 2 else "single source"
    if state_imposed:
        strength += ", state-imposed"
    return RiskRow(
        country=country,
        subdivision=subdivision,
        good=good,
        hs=hs,
        indicators=codes,
        documents=len(members),
        sources=len(groups),
        publishers=tuple(sorted({r.publisher for r in members})),
        first_evidence=dates[0] if dates else None,
        last_evidence=dates[-1] if dates else None,
        state_imposed=state_imposed,
        children=any(code in CHILD_CODES for code in codes),
        strength=strength,
        sentences=tuple(
            SentenceRef(r.id, position)
            for r in sorted(members, key=lambda r: (r.published or "", r.id))
            for position in r.sentences
        ),
    )


def independent_sources(members: list[_Report]) -> list[list[str]]:
    """The documents grouped into independent sources: two documents are one source
    when they share a publisher or a supporting sentence (whitespace and case
    aside, at least ``MIN_SHARED_SENTENCE`` characters), and so on transitively."""
    parent = {r.id: r.id for r in members}

    def root(document_id: str) -> str:
        while parent[document_id] != document_id:
            parent[document_id] = parent[parent[document_id]]
            document_id = parent[document_id]
        return document_id

    seen: dict[str, str] = {}
    for report in members:
        keys = [f"publisher:{report.publisher}"] + [
            f"sentence:{text}"
            for text in (
                " ".join(raw.lower().split()) for raw in report.sentence_texts.values()
            )
            if len(text) >= MIN_SHARED_SENTENCE
        ]
        for key in keys:
            if key in seen:
                parent[root(report.id)] = root(seen[key])
            else:
                seen[key] = report.id
    groups: dict[str, list[str]] = defaultdict(list)
    for report in members:
        groups[root(report.id)].append(report.id)
    return list(groups.values())


def _compare_dol(
    database: Database,
    rows: list[RiskRow],
    country: str | None,
    good: str | None,
) -> tuple[list[RiskRow], list[DolPair]]:
    pairs = load_country_goods(database)
    if not pairs:
        raise BadInput(
            "--compare-dol: no DOL list loaded; load one first "
            "(laborwatch lists load goods_2021.xml)"
        )
    names = _dol_goods()
    hs_of = {entry.good: entry.hs for entry in goods_taxonomy()}
    listed = {(pair.country, names.get(pair.good, pair.good)) for _, pair in pairs}
    compared = [replace(row, dol=(row.country, row.good) in listed) for row in rows]
    evidenced = {(row.country, row.good) for row in rows}
    missing: dict[tuple[str, str], DolPair] = {}
    for list_id, pair in pairs:
        ours = names.get(pair.good, pair.good)
        if (pair.country, ours) in evidenced:
            continue
        if country is not None and pair.country != country:
            continue
        if good is not None and not good.isdigit() and ours != good:
            continue
        # An HS code filter keeps the DOL goods under that code, as it keeps rows.
        if good is not None and good.isdigit():
            hs = hs_of.get(ours) or ""
            if not (hs and hs.startswith(good[:4])):
                continue
        missing.setdefault(
            (pair.country, pair.good),
            DolPair(
                list_id,
                pair.country,
                pair.good,
                pair.forced_labour or pair.forced_child_labour,
                pair.child_labour or pair.forced_child_labour,
            ),
        )
    return compared, sorted(missing.values(), key=lambda p: (p.country, p.good))


def _dol_goods() -> dict[str, str]:
    """A DOL good name (lower case) to the good extraction names: the goods
    vocabulary is aligned with the DOL names, and its terms cover the rest."""
    names: dict[str, str] = {}
    for entry in goods_taxonomy():
        for term in entry.terms:
            names.setdefault(term.lower(), entry.good)
    for entry in goods_taxonomy():
        names[entry.good] = entry.good
    return names
