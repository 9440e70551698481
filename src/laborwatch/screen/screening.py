"""Screen one supplier row: sanctions, country and good, rules, evidence; one level.

Each finding adds a plain-language reason and the level it calls for; the row's
level is the highest of them. Which findings count, and how much, is set in the
configuration (``defaults.toml``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from pydantic import ValidationError

from laborwatch.errors import LaborwatchError
from laborwatch.match import Feature, Hit, Query
from laborwatch.match.keys import identifier_key
from laborwatch.match.matcher import north_korea_programme
from laborwatch.screen.config import LEVELS
from laborwatch.screen.context import ScreeningContext, goods_of
from laborwatch.screen.findings import (
    COUNTRY_GOOD,
    EVIDENCE,
    SANCTIONS_HITS,
    CountryGoodFinding,
    EvidenceFinding,
    NamedEvidence,
    Quote,
    ReportRef,
    SanctionsFinding,
)
from laborwatch.screen.places import xinjiang_place
from laborwatch.screen.quotes import quotes_for
from laborwatch.screen.register import (
    DOCUMENTS_QUOTED,
    register_item,
    register_level,
    register_reason,
    register_rows,
    row_documents,
)
from laborwatch.screen.suppliers import SupplierRow
from laborwatch.store.risk import RiskRow


@dataclass
class Screening:
    """One screened row: its level, the reasons for it and what was found.

    ``record()`` is its JSON shape (stored, and printed by ``screen --json``);
    ``from_record`` reads a stored one back."""

    row: int
    name: str
    level: str = "none"
    reasons: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    sanctions_hits: list[SanctionsFinding] = field(default_factory=list)
    country_good: list[CountryGoodFinding] = field(default_factory=list)
    evidence: list[EvidenceFinding] = field(default_factory=list)
    # The row's input, so that a run can be screened again; None where a result
    # stored by an old version kept none.
    supplier: SupplierRow | None = None

    def raise_to(self, level: str, reason: str) -> None:
        if level == "none":
            return
        self.reasons.append(reason)
        if LEVELS.index(level) > LEVELS.index(self.level):
            self.level = level

    def record(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "name": self.name,
            "level": self.level,
            "reasons": list(self.reasons),
            "rules": list(self.rules),
            "sanctions_hits": SANCTIONS_HITS.records(self.sanctions_hits),
            "country_good": COUNTRY_GOOD.records(self.country_good),
            "evidence": EVIDENCE.records(self.evidence),
            "supplier": _supplier_record(self.supplier),
        }

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> Screening:
        """A stored row; one that no version wrote is refused in one line."""
        row = record.get("row")
        if not isinstance(row, int):
            raise LaborwatchError("stored screening result: no row number")
        try:
            return cls(
                row=row,
                name=str(record.get("name") or ""),
                level=str(record.get("level") or "none"),
                reasons=[str(reason) for reason in record.get("reasons") or ()],
                rules=[str(rule) for rule in record.get("rules") or ()],
                sanctions_hits=SANCTIONS_HITS.read(record.get("sanctions_hits")),
                country_good=COUNTRY_GOOD.read(record.get("country_good")),
                evidence=EVIDENCE.read(record.get("evidence")),
                supplier=stored_supplier(row, record.get("supplier")),
            )
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            raise LaborwatchError(
                f"stored screening row {row}: unreadable result ({where}: "
                f"{first['msg']})"
            ) from None


def screen_row(row: SupplierRow, context: ScreeningContext) -> Screening:
    """Screen one row against the run's context; reads nothing else."""
    config = context.config
    result = Screening(row=row.row, name=row.name, supplier=row)
    if not row.name:
        result.reasons.append(
            "no supplier name in this row; only country and good checked"
        )
    _sanctions(row, context, result)
    _identifier(row, context, result)
    _country_good(row, context, result)
    _evidence(row, context, result)
    _rules(row, context, result)  # last: CAATSA reads the hits and the evidence
    ran, missing = _checks(row, context)
    if not result.reasons and config:
        result.reasons.append(f"nothing found in the checks run: {', '.join(ran)}")
    result.reasons += missing
    return result


_DOL_FORMATS = ("dol-xml", "dol-xlsx")


def _checks(row: SupplierRow, context: ScreeningContext) -> tuple[list[str], list[str]]:
    """The checks run for this row, and a line for each list that was missing."""
    formats = {summary.format for summary in context.lists}
    sanctions = any(f not in _DOL_FORMATS for f in formats)
    dol = any(f in _DOL_FORMATS for f in formats)
    uflpa_id = context.config["rules"]["uflpa_list_id"]
    ran = (["sanctions lists"] if sanctions else []) + (["US DOL list"] if dol else [])
    ran += ["rules", "stored evidence"]
    missing = []
    if not sanctions:
        missing.append("no sanctions list loaded: sanctions not checked")
    if not dol and (row.product or row.hs):
        missing.append("DOL list not loaded: country-and-good risk not checked")
    if (
        context.config["rules"]["uflpa"]
        and row.country in ("CN", None)
        and not any(summary.id == uflpa_id for summary in context.lists)
    ):
        missing.append(
            f"UFLPA Entity List ({uflpa_id}) not loaded: only Xinjiang places "
            "checked for UFLPA"
        )
    return ran, missing


def _supplier_record(row: SupplierRow | None) -> dict[str, Any]:
    """The row's values, without its number (``Screening.row`` carries it)."""
    if row is None:
        return {}
    return {key: value for key, value in asdict(row).items() if key != "row"}


def stored_supplier(row: int, record: object) -> SupplierRow | None:
    """Row ``row``'s input as stored (its ``supplier``); text fields missing from
    older records read as "", and a row stored without its input gives None."""
    if not isinstance(record, Mapping) or not record:
        return None
    values: dict[str, Any] = {}
    for item in fields(SupplierRow):
        if item.name == "row":
            continue
        value = record.get(item.name)
        if item.name == "country":
            values[item.name] = value if isinstance(value, str) and value else None
        else:
            values[item.name] = value if isinstance(value, str) else ""
    return SupplierRow(row=row, **values)


def _sanctions(row: SupplierRow, context: ScreeningContext, result: Screening) -> None:
    settings = context.config["sanctions"]
    queries = [("supplier", row.name)]
    if settings["screen_parent"] and row.parent:
        queries.append(("parent company", row.parent))
    if settings["screen_address"] and row.address:
        queries.append(("address", row.address))
    for role, name in queries:
        if not name:
            continue
        hits = context.sanctions.match(
            # The row's country is the supplier's: a parent company may be
            # elsewhere, and an address names its own.
            Query(name, country=row.country, address=row.address or None)
            if role == "supplier"
            else Query(name),
            threshold=settings["threshold"],
            limit=3,
        )
        for hit in hits:
            # A name alike in another country is a look-alike until an identifier
            # or an address says otherwise ("Korea" alone gives no country).
            conflict = any(
                feature.name == "country conflict" for feature in hit.features
            ) and not _corroborated(row, context, hit)
            result.sanctions_hits.append(SanctionsFinding.of(role, hit, conflict))
            level = "high" if hit.score >= settings["high"] else "medium"
            reason = (
                f"{role} {name!r} matches {hit.caption!r}"
                + (
                    f" (as {hit.matched_name!r})"
                    if hit.matched_name != hit.caption
                    else ""
                )
                + f" on {hit.list_id} "
                f"(entry {hit.entry_id}, score {hit.score:.2f})"
            )
            if conflict:
                level = "low"
                reason += (
                    f"; country conflict: the supplier is in {row.country}, the "
                    f"entry in {', '.join(_listed_countries(hit))}, and no identifier or "
                    "address agrees, so the name alone counts low"
                )
            result.raise_to(level, reason)


def _corroborated(row: SupplierRow, context: ScreeningContext, hit: Hit) -> bool:
    """Whether the row's identifier or address is that of the hit's entry."""
    if row.identifier:
        for list_id, entry in context.identifiers.get(
            identifier_key(row.identifier), []
        ):
            if (list_id, entry.entry_id) == (hit.list_id, hit.entry_id):
                return True
    if row.address:
        from rapidfuzz import fuzz

        for address in context.entry_addresses.get((hit.list_id, hit.entry_id), ()):
            if fuzz.token_set_ratio(row.address.lower(), address.lower()) >= 90:
                return True
    return False


def _identifier(row: SupplierRow, context: ScreeningContext, result: Screening) -> None:
    """An identifier (LEI, registration, IMO number…) that a list entry carries."""
    if not row.identifier:
        return
    for list_id, entry in context.identifiers.get(identifier_key(row.identifier), []):
        hit = Hit(
            list_id=list_id,
            entry_id=entry.entry_id,
            schema=entry.schema,
            caption=entry.name,
            matched_name=row.identifier,
            score=1.0,
            features=(Feature("identifier", 1.0, {"identifier": row.identifier}),),
            countries=entry.countries,
            programs=entry.programs,
        )
        result.sanctions_hits.append(SanctionsFinding.of("identifier", hit))
        result.raise_to(
            "high",
            f"identifier {row.identifier!r} is that of {entry.name!r} on {list_id} (entry {entry.entry_id})",
        )


def _country_good(
    row: SupplierRow, context: ScreeningContext, result: Screening
) -> None:
    if not row.country:
        return
    settings = context.config["country_good"]
    for good in goods_of(row.product, row.hs):
        for list_id, pair in context.country_goods.get((row.country, good), []):
            kinds = [
                label
                for label, flag in (
                    ("forced labour", pair.forced_labour),
                    ("child labour", pair.child_labour),
                    ("forced child labour", pair.forced_child_labour),
                )
                if flag
            ]
            result.country_good.append(
                CountryGoodFinding(
                    list_id, good, row.country, tuple(kinds), pair.derived_from
                )
            )
            if pair.forced_labour or pair.forced_child_labour:
                level = settings["forced_labour"]
            elif pair.child_labour:
                level = settings["child_labour"]
            else:
                level = settings["derived"]
            what = (
                ", ".join(kinds)
                if kinds
                else f"inputs from {pair.derived_from} made with such labour"
            )
            result.raise_to(
                level, f"the US DOL lists {good} from {row.country} as made with {what}"
            )


def _rules(row: SupplierRow, context: ScreeningContext, result: Screening) -> None:
    rules = context.config["rules"]
    if rules["caatsa_321b"]:
        why = None
        if row.country == "KP":
            why = "the supplier is in North Korea"
        elif any(
            ("KP" in found.countries or north_korea_programme(found.programs))
            and not found.country_conflict
            for found in result.sanctions_hits
        ):
            why = "the supplier matches a North Korean listed entity"
        elif any(
            isinstance(item, NamedEvidence) and item.north_korea
            for item in result.evidence
        ):
            why = "the supplier is named in evidence about North Korean labour"
        if why:
            result.rules.append("caatsa_321b")
            result.raise_to(
                rules["caatsa_321b_level"],
                f"CAATSA section 321(b): {why}; goods made with North Korean nationals' labour "
                "are presumed made with forced labour",
            )
    if rules["uflpa"]:
        on_list = any(
            found.list_id == rules["uflpa_list_id"] for found in result.sanctions_hits
        )
        why = "it is on the UFLPA Entity List" if on_list else None
        # A place of the same name elsewhere (Aksu in Turkey, Aral in Kazakhstan)
        # is no Xinjiang address: a row in another country does not count.
        if not why and row.country in ("CN", None):
            for what, text in (
                ("address", f"{row.address} {row.country_text}"),
                ("name", row.name),
            ):
                place = xinjiang_place(text)
                if place:
                    why = f"its {what} names {place!r}, in Xinjiang"
                    break
        if why:
            result.rules.append("uflpa")
            result.raise_to(
                rules["uflpa_level"],
                f"UFLPA: {why}; goods made wholly or partly in Xinjiang are presumed made with forced labour",
            )


def _evidence(row: SupplierRow, context: ScreeningContext, result: Screening) -> None:
    settings = context.config["evidence"]
    # A look-alike's listed name is not looked for in the evidence.
    names = [row.name] + [
        found.caption for found in result.sanctions_hits if not found.country_conflict
    ]
    seen: set[str] = set()
    for name in names:
        if not name:
            continue
        for hit in context.evidence_actors.match(
            Query(name), threshold=settings["threshold"], limit=5
        ):
            if hit.entry_id in seen:
                continue
            seen.add(hit.entry_id)
            quotes = _quotes(context, hit.entry_id, row, actor=hit.matched_name)
            north_korea = hit.entry_id in context.north_korea_documents
            result.evidence.append(
                NamedEvidence(
                    document=_summary(context, hit.entry_id),
                    actor=hit.matched_name,
                    score=hit.score,
                    quotes=quotes,
                    north_korea=north_korea,
                )
            )
            result.raise_to(
                settings["named"],
                f"a stored report names {hit.matched_name!r} with evidence of forced or child labour",
            )
    if row.country:
        for good in goods_of(row.product, row.hs):
            for risk in register_rows(row, good, context):
                result.evidence.append(
                    register_item(risk, _register_quotes(context, risk, row, seen))
                )
                result.raise_to(register_level(risk, settings), register_reason(risk))


def _register_quotes(
    context: ScreeningContext, risk: RiskRow, row: SupplierRow, named: set[str]
) -> list[tuple[ReportRef, tuple[Quote, ...]]]:
    """A register row's reports to quote, best first, with their quotes: those
    not already quoted as naming the supplier, then by their strongest quote's
    confidence, then the newest."""
    quoted = [
        (document_id, _quotes(context, document_id, row))
        for document_id in reversed(row_documents(risk))
    ]
    quoted.sort(
        key=lambda pair: (
            pair[0] in named,
            -max((quote.confidence or 0.0 for quote in pair[1]), default=0.0),
        )
    )
    return [
        (_summary(context, document_id), quotes)
        for document_id, quotes in quoted[:DOCUMENTS_QUOTED]
    ]


def _summary(context: ScreeningContext, document_id: str) -> ReportRef:
    report = context.reports.get(document_id)
    return report.summary if report else ReportRef(document_id)


def _quotes(
    context: ScreeningContext,
    document_id: str,
    row: SupplierRow,
    actor: str | None = None,
) -> tuple[Quote, ...]:
    """The report's strongest evidence sentences for this row (``quotes_for``),
    ranked once per run for rows alike (quotes are immutable: rows share them)."""
    goods = tuple(goods_of(row.product, row.hs))
    key = (document_id, actor, goods, row.country)
    quotes = context.quotes.get(key)
    if quotes is None:
        report = context.reports.get(document_id)
        quotes = context.quotes[key] = (
            tuple(quotes_for(report, actor=actor, goods=goods, country=row.country))
            if report
            else ()
        )
    return quotes


def _listed_countries(hit: Hit) -> list[str]:
    """The entry's countries as the matcher compared them (a DPRK programme entry
    that gives none counts as North Korean)."""
    for feature in hit.features:
        if feature.name == "country conflict":
            return list(feature.detail["list"])
    return list(hit.countries)
