"""Stored documents and their actors and places as FollowTheMoney entities, one
JSON object a line, as Aleph/OpenAleph (``alephclient write-entities``) and the
``ftm`` tools read them (docs/export.md).

Per stored document: a ``Document``; an entity per actor it names (``PublicBody``,
``Company``, ``Organization``, ``Person`` or ``Vessel``, by the extractor's kind);
a ``Mention`` tying each actor's names to the document; an ``UnknownLink`` per
sentence naming an actor, carrying that sentence; an ``Address`` per subdivision
or city it names (countries go to the document's ``detectedCountry``).

Entities are built with FollowTheMoney's own ``EntityProxy``, so every value is
cleaned by its property type and a property the schema lacks is an error here,
never a file Aleph refuses. Ids are hashes of the stored document's id and the
actor's name (or the place, or the span), so two exports of one database give
the same ids and a re-import updates entities instead of duplicating them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any, TextIO, TypeVar
from urllib.parse import urlsplit

from followthemoney import model
from followthemoney.proxy import EntityProxy
from sqlalchemy import select

from laborwatch.errors import NotFound
from laborwatch.extract.actor_cues import GENERIC
from laborwatch.extract.evidence import Actor, Place
from laborwatch.store.database import Database
from laborwatch.store.documents import get_document
from laborwatch.store.evidence import load_evidence
from laborwatch.store.tables import documents
from laborwatch.urls import web_url

Fact = TypeVar("Fact", Actor, Place)

# The extractor's actor kinds (extract/actors.py) as FtM schemata. Armed groups
# and gangs are organisations to FtM; a vessel is an asset, not a legal entity,
# so its Mention cannot resolve to it (``resolved`` takes LegalEntity only).
SCHEMA_BY_KIND = {
    "public_body": "PublicBody",
    "company": "Company",
    "organisation": "Organization",
    "armed_group": "Organization",
    "person": "Person",
    "vessel": "Vessel",
}
_ID_SALT = "laborwatch"


@dataclass(frozen=True)
class ActorMention:
    """One place an actor is named: the mention's span and its sentence."""

    name: str
    kind: str
    role: str | None
    text: str
    start: int
    end: int
    sentence: int
    sentence_start: int
    sentence_end: int
    sentence_text: str


@dataclass(frozen=True)
class ExportedDocument:
    """A stored document with what the export reads of its evidence."""

    id: str
    title: str | None
    author: str | None
    published: str | None
    url: str | None
    site: str | None
    language: str | None
    media_type: str
    text: str
    source: str | None
    indicators: tuple[str, ...]
    actors: tuple[ActorMention, ...]
    places: tuple[Place, ...]


def write_ftm(database: Database, out: TextIO) -> tuple[int, int]:
    """Write every stored document's entities to ``out`` as JSON lines; return
    how many documents and entities were written."""
    document_count = entity_count = 0
    for document in exported_documents(database):
        document_count += 1
        for entity in document_entities(document):
            out.write(json.dumps(entity.to_dict(), ensure_ascii=False) + "\n")
            entity_count += 1
    return document_count, entity_count


def exported_documents(database: Database) -> Iterator[ExportedDocument]:
    """Stored documents in id order (so two exports are identical), one at a time."""
    with database.reading() as connection:
        ids = list(connection.scalars(select(documents.c.id).order_by(documents.c.id)))
    for document_id in ids:
        found = _read_document(database, document_id)
        if found is not None:
            yield found


def _read_document(database: Database, document_id: str) -> ExportedDocument | None:
    try:
        stored = get_document(database, document_id)
    except NotFound:  # deleted since the ids were read
        return None
    evidence = load_evidence(database, stored)
    document = stored.document
    by_position = {sentence.position: sentence for sentence in stored.sentences}

    def in_text_order(found: Iterable[Fact]) -> list[Fact]:
        return sorted(found, key=lambda fact: fact.span.start)

    actors = tuple(
        ActorMention(
            name=actor.name or actor.text,
            kind=actor.kind or "organisation",
            role=actor.role,
            # An analysis stored before mentions kept their words gives the name.
            text=actor.text or actor.name,
            start=actor.span.start,
            end=actor.span.end,
            sentence=actor.span.sentence,
            sentence_start=by_position[actor.span.sentence].start,
            sentence_end=by_position[actor.span.sentence].end,
            sentence_text=by_position[actor.span.sentence].text,
        )
        for actor in in_text_order(evidence.actors)
        if actor.span.sentence in by_position
    )
    places = tuple(in_text_order(evidence.places))
    # An older version stored URLs unchecked: one that does not parse is none.
    return ExportedDocument(
        **(document.stored_fields() | {"url": web_url(document.url)}),
        source=document.source or None,
        indicators=tuple(sorted({found.code for found in evidence.indicators})),
        actors=actors,
        places=places,
    )


def is_proper_name(name: str) -> bool:
    """A name, not a common noun: not one of the extractor's actors by function
    ("Traffickers", at a sentence's start), and with a capital letter or letters
    of a script without case (Hangul, Han, Arabic)."""
    if GENERIC.fullmatch(name.strip()) or re.search(r"://|www\.|\.(?:com|org)\b", name):
        return False
    return any(
        char.isupper() or (char.isalpha() and char.lower() == char.upper())
        for char in name
    )


def document_entities(document: ExportedDocument) -> list[EntityProxy]:
    """The FtM entities for one document: the Document first, then per actor its
    entity, Mention and evidence links, then its addresses."""
    countries = sorted({p.country for p in document.places if p.country})
    file = _entity("Document", "document", document.id)
    file.add("title", document.title)
    file.add("fileName", file_name(document))
    file.add("author", document.author)
    file.add("publishedAt", document.published)
    file.add("sourceUrl", document.url)
    file.add("publisher", document.site)
    file.add("language", document.language)
    file.add("mimeType", document.media_type)
    file.add("detectedCountry", countries)
    # Aleph searches bodyText; the keywords let a search find reports by indicator.
    file.add("bodyText", document.text)
    file.add("keywords", document.indicators)
    file.add("notes", f"laborwatch document {document.id}")
    entities = [file]
    by_name: dict[str, list[ActorMention]] = {}
    for mention in document.actors:
        # "traffickers", "armed groups": the report's actors by function, which
        # laborwatch keeps for its roles, are no one Aleph could resolve.
        if is_proper_name(mention.name):
            by_name.setdefault(mention.name, []).append(mention)
    for name, mentions in by_name.items():
        entities.extend(_actor_entities(document, file, name, mentions, countries))
    entities.extend(_addresses(document, file))
    return entities


def _actor_entities(
    document: ExportedDocument,
    file: EntityProxy,
    name: str,
    mentions: list[ActorMention],
    countries: list[str],
) -> list[EntityProxy]:
    # One kind per name and document: the first mention's, as the extractor's
    # kind comes from the name and rarely differs between mentions.
    schema = SCHEMA_BY_KIND.get(mentions[0].kind, "Organization")
    actor = _entity(schema, "actor", document.id, name)
    actor.add("name", name)
    actor.add("alias", [m.text for m in mentions if m.text != name])
    roles = list(dict.fromkeys(m.role for m in mentions if m.role))
    if roles:
        actor.add("description", f"In this report: {'; '.join(roles)}")
    actor.add("proof", file.id)
    actor.add("sourceUrl", document.url)
    actor.add("publisher", document.site)
    mention = _entity("Mention", "mention", document.id, name)
    mention.add("document", file.id)
    mention.add("name", [name] + [m.text for m in mentions])
    mention.add("detectedSchema", schema)
    mention.add("contextCountry", countries)
    if actor.schema.is_a("LegalEntity"):
        mention.add("resolved", actor.id)
    entities = [actor, mention]
    seen: set[int] = set()
    for m in mentions:
        if m.sentence in seen:
            continue
        seen.add(m.sentence)
        entities.append(_evidence_link(document, file, actor, m))
    return entities


def _evidence_link(
    document: ExportedDocument,
    file: EntityProxy,
    actor: EntityProxy,
    mention: ActorMention,
) -> EntityProxy:
    """The sentence that names an actor, as a link from the actor to the document.

    FtM's Mention has no property for text, so the sentence goes on an
    UnknownLink: ``description`` is the sentence as written, ``recordId`` says
    where it is (``<document id>#s<position>``, as the risk register cites
    sentences) and ``summary`` gives the character spans.
    """
    link = _entity(
        "UnknownLink", "evidence", document.id, mention.name, mention.sentence
    )
    link.add("subject", actor.id)
    link.add("object", file.id)
    link.add("role", mention.role or "named")
    link.add("description", mention.sentence_text)
    link.add("recordId", f"{document.id}#s{mention.sentence}")
    link.add(
        "summary",
        f"laborwatch document {document.id}, sentence {mention.sentence} "
        f"(characters {mention.sentence_start}-{mention.sentence_end}); "
        f"{mention.text!r} at characters {mention.start}-{mention.end}",
    )
    link.add("proof", file.id)
    link.add("date", document.published)
    link.add("sourceUrl", document.url)
    link.add("publisher", document.site)
    return link


def _addresses(document: ExportedDocument, file: EntityProxy) -> list[EntityProxy]:
    """An Address per subdivision or city the document names: a country alone is
    the Document's ``detectedCountry``, not an address."""
    entities: dict[tuple[str, str, str], EntityProxy] = {}
    for place in document.places:
        if not (place.subdivision or place.city):
            continue
        key = (place.country, place.subdivision or "", place.city or "")
        address = entities.get(key)
        if address is None:
            address = _entity("Address", "address", document.id, *key)
            address.add("full", place.text)
            address.add("city", place.city)
            address.add("country", place.country)
            address.add("latitude", place.latitude)
            address.add("longitude", place.longitude)
            if place.subdivision and not place.city:
                address.add("region", place.text)
            address.add("proof", file.id)
            address.add("sourceUrl", document.url)
            entities[key] = address
        address.add("remarks", place.role)
    return list(entities.values())


def file_name(document: ExportedDocument) -> str:
    """FtM requires a Document's fileName: the last part of its URL or source
    path, else its title, else its id."""
    for location in (document.url, document.source):
        if location and "://" in location:
            url = web_url(location)  # one that does not parse is passed over
            location = urlsplit(url).path if url else None
        if location:
            name = PurePosixPath(location.replace("\\", "/")).name
            if name:
                return name
    return document.title or document.id


def _entity(schema: str, *parts: Any) -> EntityProxy:
    entity = model.make_entity(schema)
    entity.make_id(_ID_SALT, *parts)
    return entity
