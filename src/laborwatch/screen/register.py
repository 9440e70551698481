"""A supplier's country, subdivision and good against the risk register.

The rows are the register's own (``laborwatch.store.risk``, computed once per run
into the context), so a screening and `laborwatch risk-areas` never disagree. A
row in a subdivision the supplier's address names ranks before the row for the
whole country; the country row is left out when it holds no report more. Each row
gives one evidence item, quoted from its strongest reports, and one reason whose
level follows the row's strength (``[evidence]`` in ``defaults.toml``).
"""

from __future__ import annotations

from typing import Any

from laborwatch.countries import country_name, subdivision_name
from laborwatch.screen.context import ScreeningContext
from laborwatch.screen.findings import Quote, RegisterEvidence, ReportRef
from laborwatch.screen.places import subdivisions_named
from laborwatch.screen.suppliers import SupplierRow
from laborwatch.store.risk import RiskRow

# Reports quoted per register row: their quotes (up to three each) say what the
# row rests on; the rest are counted in the reason.
DOCUMENTS_QUOTED = 3


def register_rows(
    row: SupplierRow, good: str, context: ScreeningContext
) -> list[RiskRow]:
    """The register's rows for ``good`` where the supplier is: those of the
    subdivisions its address names first, then the whole country's (unless a
    subdivision row already holds all its reports), less those with fewer
    independent sources than ``country_good_min_sources``."""
    if not row.country:
        return []
    least = context.config["evidence"]["country_good_min_sources"]
    text = f"{row.address} {row.country_text}"
    found = [
        risk
        for code in subdivisions_named(text, row.country, context.subdivision_names)
        if (risk := context.register_subdivisions.get((row.country, code, good)))
        and risk.sources >= least
    ]
    country = context.register.get((row.country, good))
    if country is not None and country.sources >= least:
        covered = {ref.document_id for risk in found for ref in risk.sentences}
        if not {ref.document_id for ref in country.sentences} <= covered:
            found.append(country)
    return found


def register_level(risk: RiskRow, settings: dict[str, Any]) -> str:
    """The level a row's strength calls for (``[evidence]`` settings)."""
    if risk.sources < 2:
        return str(settings["country_good"])
    if risk.state_imposed:
        return str(settings["country_good_corroborated_state_imposed"])
    return str(settings["country_good_corroborated"])


def place_name(country: str, subdivision: str | None) -> str:
    """ "North Korea", or "Xinjiang, China" for a subdivision."""
    name = country_name(country)
    return f"{subdivision_name(subdivision)}, {name}" if subdivision else name


def register_reason(risk: RiskRow) -> str:
    """The reason a row gives, quoting its sources: "risk register: gems in North
    Korea — corroborated, state-imposed (3 independent sources: dailynk.com,
    hrw.org, rfa.org; 2019–2024)"."""
    strength = risk.strength + (", child labour" if risk.children else "")
    count = f"{risk.sources} independent source{'s' if risk.sources != 1 else ''}"
    # Publishers joined into one source (a re-publication) are all named.
    if len(risk.publishers) > risk.sources:
        count += f" from {len(risk.publishers)} publishers"
    return (
        f"risk register: {risk.good} in {place_name(risk.country, risk.subdivision)}"
        f" — {strength} ({count}: {', '.join(risk.publishers)}; "
        f"{_years(risk.first_evidence, risk.last_evidence)})"
    )


def _years(first: str | None, last: str | None) -> str:
    if not first or not last:
        return "undated"
    if first[:4] == last[:4]:
        return first[:4]
    return f"{first[:4]}–{last[:4]}"


def register_item(
    risk: RiskRow, quoted: list[tuple[ReportRef, tuple[Quote, ...]]]
) -> RegisterEvidence:
    """The evidence item of a row: the row's own fields, and ``quoted``, (report,
    its quotes) for the reports quoted, best first; ``document`` is the first."""
    documents = row_documents(risk)
    first = quoted[0][0] if quoted else ReportRef(documents[0] if documents else "")
    return RegisterEvidence(
        document=first,
        good=risk.good,
        country=risk.country,
        quotes=tuple(quote for _, quotes in quoted for quote in quotes),
        subdivision=risk.subdivision,
        strength=risk.strength,
        independent_sources=risk.sources,
        publishers=tuple(risk.publishers),
        first_date=risk.first_evidence,
        last_date=risk.last_evidence,
        state_imposed=risk.state_imposed,
        children=risk.children,
    )


def row_documents(risk: RiskRow) -> list[str]:
    """The row's reports, each once, in the register's order (oldest first)."""
    return list(dict.fromkeys(ref.document_id for ref in risk.sentences))
