"""One entry of a sanctions or trade list, in the FollowTheMoney vocabulary."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from laborwatch.errors import LaborwatchError
from laborwatch.lists.files import checksum

_COMPANY_WORDS = re.compile(
    r"\b(?:co|corp|corporation|company|ltd|limited|llc|inc|jsc|ojsc|pjsc|gmbh|s\.?a|"
    r"plc|trading|bank|group|industries|enterprise)\b\.?",
    re.I,
)


def looks_like_company(name: str) -> bool:
    """Whether a name carries a company word or legal form ("Co., Ltd.", "Bank")."""
    return bool(_COMPANY_WORDS.search(name))


# FollowTheMoney schemata that name a party a list can target.
SCHEMATA = (
    "Person",
    "Organization",
    "Company",
    "LegalEntity",
    "PublicBody",
    "Vessel",
    "Airplane",
)


@dataclass(frozen=True)
class ListEntry:
    """An entity as a list publishes it. ``entry_id`` is its id on that list
    (OFAC's ``ent_num``, the UN reference number, an OpenSanctions id)."""

    entry_id: str
    schema: str  # an FtM schema: Person, Company, Vessel...
    name: str
    aliases: tuple[str, ...] = ()
    # Names the list itself calls weak ("a.k.a." nicknames, short forms).
    weak_aliases: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()  # ISO 3166-1 alpha-2
    addresses: tuple[str, ...] = ()
    identifiers: tuple[tuple[str, str], ...] = ()
    birth_dates: tuple[str, ...] = ()
    programs: tuple[str, ...] = ()
    notes: str | None = None

    def names(self) -> list[tuple[str, str]]:
        """Every name with its kind: ``name``, ``alias`` or ``weak_alias``."""
        named = [(self.name, "name")]
        named += [(alias, "alias") for alias in self.aliases]
        named += [(alias, "weak_alias") for alias in self.weak_aliases]
        seen: set[str] = set()
        unique = []
        for name, kind in named:
            if name and name.lower() not in seen:
                seen.add(name.lower())
                unique.append((name, kind))
        return unique


@dataclass(frozen=True)
class CountryGood:
    """A good and country on the US Department of Labor's list (TVPRA): produced
    with child labour, forced labour, or both; or derived from such inputs made in
    ``derived_from``."""

    good: str
    country: str
    child_labour: bool
    forced_labour: bool
    forced_child_labour: bool = False
    derived_from: str | None = None


@dataclass(frozen=True)
class ListSource:
    """A list as its publisher issues it (id, title, file format, publisher): what
    every load of it records, declared once by its reader."""

    list_id: str
    title: str
    format: str
    publisher: str

    def loaded(
        self,
        published: date | None,
        sources: tuple[str, ...],
        checksum: str,
        *,
        entries: list[ListEntry] | None = None,
        country_goods: list[CountryGood] | None = None,
        warnings: tuple[str, ...] = (),
    ) -> LoadedList:
        """The list as read from ``sources`` (their ``checksum``)."""
        return LoadedList(
            list_id=self.list_id,
            title=self.title,
            format=self.format,
            publisher=self.publisher,
            published=published,
            sources=sources,
            checksum=checksum,
            entries=entries or [],
            country_goods=country_goods or [],
            warnings=warnings,
        )

    def read_from(
        self,
        path: Path,
        data: bytes,
        published: date | None,
        entries: list[ListEntry],
        warnings: tuple[str, ...] = (),
    ) -> LoadedList:
        """The list as read from its one file ``path`` (whose bytes are ``data``);
        a file with no entries is refused."""
        if not entries:
            raise LaborwatchError(f"{path}: no entries")
        return self.loaded(
            published, (str(path),), checksum(data), entries=entries, warnings=warnings
        )


@dataclass(frozen=True)
class LoadedList:
    """A whole list as read from its publisher's files, before it is stored.
    ``warnings`` name, with file and line, what was read but dropped."""

    list_id: str
    title: str
    format: str
    publisher: str
    published: date | None
    sources: tuple[str, ...]
    checksum: str
    entries: list[ListEntry] = field(default_factory=list)
    country_goods: list[CountryGood] = field(default_factory=list)
    warnings: tuple[str, ...] = ()
