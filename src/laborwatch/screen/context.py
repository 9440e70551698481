"""What screening looks rows up in, built once per run from the database."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sqlalchemy import select

from laborwatch.extract.vocabulary import goods_taxonomy
from laborwatch.lists.entry import CountryGood, ListEntry
from laborwatch.match import Matcher
from laborwatch.match.keys import MIN_IDENTIFIER, identifier_key
from laborwatch.screen.findings import Quote
from laborwatch.screen.places import subdivision_patterns
from laborwatch.screen.quotes import FactRow, Report, read_reports
from laborwatch.store import Database
from laborwatch.store.lists import (
    ListSummary,
    list_lists,
    load_country_goods,
    load_entries,
)
from laborwatch.store.risk import RiskFilters, RiskRow, risk_register
from laborwatch.store.tables import facts

EVIDENCE_LIST = "evidence"


@dataclass(frozen=True)
class ScreeningContext:
    """Everything a run screens rows against, read from the database once.

    It holds no connection: ``screen_row`` reads only this, so a context can be
    built in one thread or process and used in another, and a run never touches
    a database it does not own.
    """

    config: dict[str, Any]
    lists: list[ListSummary]
    sanctions: Matcher
    entry_programs: dict[tuple[str, str], tuple[str, ...]]
    entry_addresses: dict[tuple[str, str], tuple[str, ...]]
    country_goods: dict[tuple[str, str], list[tuple[str, CountryGood]]]
    evidence_actors: Matcher
    identifiers: dict[str, list[tuple[str, ListEntry]]] = field(default_factory=dict)
    # The risk register (store/risk.py), computed once per run, so that screening
    # and `risk-areas` read one set of rows and cannot disagree: the whole-country
    # rows by (country, good), the subdivision rows by (country, subdivision,
    # good), and a pattern finding each such subdivision's names in an address.
    register: dict[tuple[str, str], RiskRow] = field(default_factory=dict)
    register_subdivisions: dict[tuple[str, str, str], RiskRow] = field(
        default_factory=dict
    )
    subdivision_names: dict[str, re.Pattern[str]] = field(default_factory=dict)
    north_korea_documents: set[str] = field(default_factory=set)
    # The stored reports that carry indicators, with their quotable sentences.
    # Read per run, not cached across runs: a run sees every report ingested or
    # re-analysed before it started, and no key has to track when evidence changes
    # (reading them is a few queries; the matcher index costs more).
    reports: dict[str, Report] = field(default_factory=dict)
    # Quotes ranked in this run, by (document, actor, goods, country): rows alike
    # (one good, one country) rank a report's sentences once. It lives and dies
    # with the run's context, so it is never stale.
    quotes: dict[
        tuple[str, str | None, tuple[str, ...], str | None],
        tuple[Quote, ...],
    ] = field(default_factory=dict)


def build_context(database: Database, config: dict[str, Any]) -> ScreeningContext:
    """Read what a run needs: lists, matcher indexes, DOL pairs, evidence, the
    risk register, quotes."""
    entries = load_entries(database)
    pairs: dict[tuple[str, str], list[tuple[str, CountryGood]]] = defaultdict(list)
    for list_id, pair in load_country_goods(database):
        pairs[(pair.country, pair.good)].append((list_id, pair))
    with database.reading() as connection:
        fact_rows: Sequence[FactRow] = connection.execute(
            select(
                facts.c.document_id,
                facts.c.sentence_position,
                facts.c.kind,
                facts.c.key,
            ).where(facts.c.kind.in_(("actor", "place", "good")))
        ).all()
        reports = read_reports(connection, fact_rows)
    actors, north_korea = _evidence_indexes(reports, fact_rows)
    register: dict[tuple[str, str], RiskRow] = {}
    register_subdivisions: dict[tuple[str, str, str], RiskRow] = {}
    for risk in risk_register(database, RiskFilters()).rows:
        if risk.subdivision is None:
            register[(risk.country, risk.good)] = risk
        else:
            register_subdivisions[(risk.country, risk.subdivision, risk.good)] = risk
    identifiers: dict[str, list[tuple[str, ListEntry]]] = defaultdict(list)
    for list_id, entry in entries:
        for kind, value in entry.identifiers:
            # Indexed bare and with its kind: "1234567" and "IMO 1234567".
            for key in {identifier_key(value), identifier_key(f"{kind} {value}")}:
                if len(key) >= MIN_IDENTIFIER:
                    identifiers[key].append((list_id, entry))
    return ScreeningContext(
        config=config,
        lists=list_lists(database),
        sanctions=Matcher(entries),
        entry_programs={(list_id, e.entry_id): e.programs for list_id, e in entries},
        entry_addresses={
            (list_id, e.entry_id): e.addresses for list_id, e in entries if e.addresses
        },
        country_goods=dict(pairs),
        evidence_actors=Matcher(actors),
        register=register,
        register_subdivisions=register_subdivisions,
        subdivision_names=subdivision_patterns(
            subdivision for _, subdivision, _ in register_subdivisions
        ),
        north_korea_documents=north_korea,
        identifiers=dict(identifiers),
        reports=reports,
    )


def _evidence_indexes(
    reports: dict[str, Report], fact_rows: Sequence[FactRow]
) -> tuple[list[tuple[str, ListEntry]], set[str]]:
    """Actors named in the reports (those carrying indicators), and the reports
    about North Korea."""
    actors: dict[tuple[str, str], ListEntry] = {}
    places: dict[str, set[str]] = defaultdict(set)
    for document_id, _position, kind, key in fact_rows:
        if document_id not in reports or not key:
            continue
        if kind == "actor":
            name = re.sub(r"\s+", " ", key).strip()
            actors.setdefault(
                (document_id, name.lower()),
                ListEntry(entry_id=document_id, schema="LegalEntity", name=name),
            )
        elif kind == "place":
            places[document_id].add(key[:2])
    north_korea = {
        document_id for document_id, countries in places.items() if "KP" in countries
    }
    return (
        [(EVIDENCE_LIST, entry) for entry in actors.values()],
        north_korea,
    )


@lru_cache(maxsize=1)
def _terms() -> dict[str, str]:
    return {term: entry.good for entry in goods_taxonomy() for term in entry.terms}


# An HS code written in a product cell: after "HS", "HTS" or "tariff" (and an
# optional "code:"), dotted ("6116.10"), or six to ten digits ("520100"). A bare
# four-digit number counts only as the whole cell: in text it is as often a year
# or a quantity.
_HS_IN_TEXT = re.compile(
    r"\b(?:hts?|hs|tariff)(?:\s*code)?\s*:?\s*(\d{4}(?:[.\s]?\d{2}){0,3})\b"
    r"|\b(\d{4}\.\d{2}(?:\.?\d{2}){0,2})\b"
    r"|\b(\d{6}(?:\d{2}){0,2})\b",
    re.IGNORECASE,
)


def hs_codes(product: str) -> list[str]:
    """The HS codes written in a product cell, as digits ("HS 6116.10" → "611610")."""
    text = product.strip()
    if re.fullmatch(r"\d{4}", text):
        return [text]
    return [
        re.sub(r"\D", "", next(group for group in match.groups() if group))
        for match in _HS_IN_TEXT.finditer(text)
    ]


def goods_of(product: str, hs: str) -> list[str]:
    """DOL good names for a row's product words and HS codes, both ways.

    The HS column may give a chapter ("62"); a code in the product cell is read
    from four digits (a heading) on, matched by its prefix.
    """
    found: list[str] = []
    text = f" {re.sub(r'[^a-z0-9/ -]', ' ', product.lower())} "
    for term, good in _terms().items():
        if f" {term} " in text and good not in found:
            found.append(good)
    digits = re.sub(r"\D", "", hs)
    codes = ([digits] if len(digits) >= 2 else []) + hs_codes(product)
    for code in codes:
        for entry in goods_taxonomy():
            if (
                entry.hs
                and (code.startswith(entry.hs) or entry.hs.startswith(code[:4]))
                and entry.good not in found
            ):
                found.append(entry.good)
    return found
