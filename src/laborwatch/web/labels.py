"""What the pages show for stored codes: indicator names with the ILO wording,
short country and subdivision names, goods with their HS code, readable dates.

Each function takes what the store holds and returns plain text; the templates
use them as Jinja filters (``web/templating.py``), so every page says the same.
"""

from __future__ import annotations

import datetime
from functools import lru_cache

from laborwatch.countries import country_name, subdivision_name

# code: (name, what a sentence must say to carry it). The wording is the project's
# reading of the ILO's eleven indicators of forced labour (2012) and of ILO C138
# and C182 for children, as the annotation guide states it.
INDICATORS: dict[str, tuple[str, str]] = {
    "vulnerability": (
        "Abuse of vulnerability",
        "The employer exploits a worker's weak position (poverty, hunger, youth, "
        "lack of alternatives, irregular status) to get or keep the work.",
    ),
    "deception": (
        "Deception",
        "Workers were misled about the job, pay, place or conditions.",
    ),
    "restricted_movement": (
        "Restricted movement",
        "Workers cannot leave the workplace or its compound freely.",
    ),
    "isolation": (
        "Isolation",
        "Workers are cut off from family, community or help.",
    ),
    "violence": (
        "Violence",
        "Physical or sexual violence against workers, or its use as punishment.",
    ),
    "intimidation": (
        "Intimidation and threats",
        "Threats, punishment or penalties to keep workers working or silent.",
    ),
    "retained_documents": (
        "Retained documents",
        "The employer holds passports, ID cards or permits.",
    ),
    "withheld_wages": (
        "Withheld wages",
        "Wages unpaid, delayed, deducted, or paid so little they cannot live on "
        "them, or taken by the state or an agent.",
    ),
    "debt_bondage": (
        "Debt bondage",
        "A debt ties the worker to the job (recruitment fees, advances, inherited "
        "debt).",
    ),
    "abusive_conditions": (
        "Abusive conditions",
        "Degrading or dangerous work or living conditions, injuries, no protection.",
    ),
    "excessive_overtime": (
        "Excessive overtime",
        "Hours beyond legal or reasonable limits, forced extra shifts, no rest days.",
    ),
    "child_labour": (
        "Child labour",
        "A worker is below the minimum working age (15, or 18 for hazardous work) "
        "or is a child or student put to work.",
    ),
    "hazardous_child_work": (
        "Hazardous child work",
        "A child does work that harms health, safety or morals (heavy loads, "
        "chemicals, mines, long hours, night work).",
    ),
    "state_imposed": (
        "State-imposed labour",
        "A state body compels the work (mobilisation, quotas, export labour, "
        "prison labour, punishment).",
    ),
}

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def indicator_name(code: str) -> str:
    """An indicator's name ("withheld_wages" → "Withheld wages")."""
    if code in INDICATORS:
        return INDICATORS[code][0]
    return code.replace("_", " ").capitalize()


def indicator_wording(code: str) -> str:
    """What a sentence must say to carry the indicator, for a hover title."""
    return INDICATORS[code][1] if code in INDICATORS else ""


def place_name(code: str) -> str:
    """A country ("KP") or subdivision ("KP-02") code as a short name; a
    subdivision also names its country ("South Pyongan, North Korea")."""
    code = code.strip()
    if "-" in code:
        country = country_name(code[:2])
        name = subdivision_name(code)
        return name if name == code else f"{name}, {country}"
    return country_name(code)


@lru_cache(maxsize=1)
def _hs_codes() -> dict[str, str]:
    from laborwatch.extract.vocabulary import goods_taxonomy

    return {entry.good: entry.hs for entry in goods_taxonomy() if entry.hs}


def good_name(good: str) -> str:
    """A good with its HS heading where it has one ("gems (HS 7103)")."""
    hs = _hs_codes().get(good)
    return f"{good} (HS {hs})" if hs else good


def date_text(value: object) -> str:
    """A stored date as people write it: "3 May 2024", "May 2024" or "2024";
    a timestamp keeps its time of day. Anything else is shown as given."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime.datetime):
        return f"{date_text(value.date())}, {value:%H:%M}"
    if isinstance(value, datetime.date):
        return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"
    text = str(value)
    parts = text.split("-")
    try:
        if len(parts) == 1 and len(text) == 4:
            return str(int(text))
        if len(parts) == 2:
            return f"{_MONTHS[int(parts[1]) - 1]} {int(parts[0])}"
        if len(parts) == 3:
            return date_text(datetime.date.fromisoformat(text))
    except (ValueError, IndexError):
        pass
    try:
        return date_text(datetime.datetime.fromisoformat(text))
    except ValueError:
        return text


def facet_value(value: str, name: str) -> str:
    """A facet's value as a label: ``name`` is the facet (indicator, country...)."""
    if name == "indicator":
        return indicator_name(value)
    if name in ("country", "subdivision"):
        return place_name(value)
    if name == "good":
        return good_name(value)
    if name in ("published_from", "published_to"):
        return date_text(value)
    return value


# The labels by the names the templates' filters call them.
FILTERS = {
    "indicator": indicator_name,
    "indicator_wording": indicator_wording,
    "place": place_name,
    "good": good_name,
    "date": date_text,
    "facet": facet_value,
}
