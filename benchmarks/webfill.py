"""Fill a database with generated reports for the web benchmark, stored directly.

Each report is made from a Zipf-distributed vocabulary (function words common,
field words less so, goods and place names rarer, the
names of 22,000 places rarer still), so searches have a realistic spread of matches. Documents,
their sentences, sources, analyses, indicators and facts (countries,
subdivisions, goods, actors, codes drawn from skewed distributions) go into the
real tables with bulk inserts, one transaction per batch; the full-text index is
kept by the store's own triggers (SQLite FTS5) or generated column (PostgreSQL
tsvector, whose GIN indexes are dropped for the fill and built once after it).

Reports are numbered and generated from their number, so a fill that stops can
resume, and a smaller database holds the first reports of a larger one.

    python benchmarks/webfill.py [--sizes 10000,100000,1000000] [--postgres URL]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import event

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tests.corpus import WORDS  # noqa: E402

from laborwatch.extract.indicators import CODES  # noqa: E402
from laborwatch.store import open_database  # noqa: E402
from laborwatch.store.database import Database  # noqa: E402
from laborwatch.store.tables import (  # noqa: E402
    analyses,
    document_sources,
    documents,
    facts,
    indicators,
    sentences,
)

DATA = ROOT / "src" / "laborwatch" / "data"
BATCH = 2_000  # documents per transaction
# The most frequent English words, in rank order: what makes a term "common".
FUNCTION_WORDS = """
the of and to in a is that for it as was with be by on not he this are or his from
at which but have an they you were her she there been one all we their has would
when if so no will more can who its said them than some could into other these two
only also after first new any such before most over where while those through under
""".split()  # noqa: SIM905 (a word list reads better as prose)
PHRASES = [
    "forced labour",
    "debt bondage",
    "recruitment fees",
    "passports were confiscated",
    "wages were withheld",
    "child labour",
    "excessive overtime",
]
# Countries named by forced-labour reports, most reported first (skewed on purpose).
COUNTRIES = "CN IN MY TH UZ KP BD PK TM BR MM VN ID QA SA AE RU KH NP PH".split()
SUBDIVISIONS = {"CN": ["CN-XJ", "CN-GD", "CN-YN"], "KP": ["KP-02", "KP-09"]}
SITES = [f"site{n}.example.org" for n in range(40)]
ACTORS = [f"{word.capitalize()} Trading Company" for word in WORDS[:40]]
SENTENCES_PER_DOCUMENT = (5, 11)


def _vocabulary() -> tuple[list[str], np.ndarray]:
    """Words in frequency rank order, and their Zipf probabilities."""
    goods: list[str] = []
    with (DATA / "goods.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            goods.extend(term for term in row["terms"].split("|") if " " not in term)
    places: list[str] = []
    with (DATA / "gazetteer.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            places.extend(w.lower() for w in row["name"].split() if w.isalpha())
    with (DATA / "gazetteer-world.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            places.extend(w.lower() for w in row["name"].split() if w.isalpha())
    words = list(dict.fromkeys(FUNCTION_WORDS + WORDS + goods + places))
    weights = 1.0 / np.arange(1, len(words) + 1) ** 1.05
    return words, weights / weights.sum()


def _title_places() -> list[str]:
    with (DATA / "gazetteer-world.csv").open(encoding="utf-8") as handle:
        return [row["name"] for row in csv.DictReader(handle) if row["name"].isascii()]


VOCABULARY, PROBABILITIES = _vocabulary()
# numpy's choice(p=...) sums the probabilities on every call; a search of the
# cumulative sums once made costs a millionth of that per word.
CUMULATIVE = np.cumsum(PROBABILITIES)
TITLE_PLACES = _title_places()


def _skewed(rng: np.random.Generator, values: list[str], size: int) -> list[str]:
    """Draw from ``values`` with the first most likely (weights 1/rank)."""
    weights = 1.0 / np.arange(1, len(values) + 1)
    picks = rng.choice(len(values), size=size, p=weights / weights.sum())
    return [values[i] for i in picks]


def generate(number: int, now: datetime) -> dict[str, list[dict[str, Any]]]:
    """The rows of report ``number``: reproducible from the number alone."""
    rng = np.random.default_rng(number)
    place = TITLE_PLACES[int(rng.integers(len(TITLE_PLACES)))]
    title = f"Report {number}: {WORDS[int(rng.integers(len(WORDS)))]} in {place}"
    count = int(rng.integers(*SENTENCES_PER_DOCUMENT))
    lengths = rng.integers(8, 21, size=count)
    picks = np.searchsorted(CUMULATIVE, rng.random(int(lengths.sum())) * CUMULATIVE[-1])
    text_parts = [title, "\n\n"]
    offset = len(title) + 2
    rows_sentences = []
    cursor = 0
    for position, length in enumerate(lengths):
        words = [VOCABULARY[i] for i in picks[cursor : cursor + length]]
        cursor += length
        if rng.random() < 0.15:
            words.insert(int(rng.integers(len(words))), PHRASES[position % 7])
        sentence = " ".join(words).capitalize() + "."
        if position:
            text_parts.append(" ")
            offset += 1
        text_parts.append(sentence)
        end = offset + len(sentence)
        rows_sentences.append(
            {"position": position, "start": offset, "end": end, "text": sentence}
        )
        offset += len(sentence)
    text = "".join(text_parts) + "\n"
    document_id = hashlib.sha256(text.encode()).hexdigest()
    year = 2026 - int(min(rng.exponential(4), 20))
    published = f"{year}-{int(rng.integers(1, 13)):02d}-{int(rng.integers(1, 29)):02d}"
    site = _skewed(rng, SITES, 1)[0]
    for row in rows_sentences:
        row.update(document_id=document_id, page=None)
    rows_indicators = []
    if rng.random() < 0.4:  # two in five reports carry evidence
        for code in _skewed(rng, list(CODES), int(rng.integers(1, 5))):
            sentence = rows_sentences[int(rng.integers(count))]
            rows_indicators.append(
                {
                    "document_id": document_id,
                    "sentence_position": sentence["position"],
                    "code": code,
                    "cue": sentence["text"].split()[0],
                    "start": sentence["start"],
                    "end": sentence["end"],
                    "confidence": float(rng.uniform(0.5, 0.99)),
                    "model_confidence": None,
                    "rule": "benchmark",
                }
            )
    rows_facts = []
    keys = [("place", c) for c in _skewed(rng, COUNTRIES, int(rng.integers(1, 4)))]
    keys += [
        ("place", str(rng.choice(SUBDIVISIONS[country])))
        for _, country in list(keys)
        if country in SUBDIVISIONS and rng.random() < 0.5
    ]
    # The goods' own words, after the function and field words (so not "cotton",
    # a field word: the benchmark's "cotton in UZ" facet finds no report).
    goods = VOCABULARY[len(FUNCTION_WORDS) + len(WORDS) :][:150]
    keys += [("good", g) for g in _skewed(rng, goods, int(rng.integers(0, 3)))]
    for actor in _skewed(rng, ACTORS, int(rng.integers(0, 3))):
        # Some reports write a company's name in capitals: the facet merges them.
        keys.append(("actor", actor.upper() if rng.random() < 0.2 else actor))
    for kind, key in dict.fromkeys(keys):
        sentence = rows_sentences[int(rng.integers(count))]
        rows_facts.append(
            {
                "document_id": document_id,
                "sentence_position": sentence["position"],
                "kind": kind,
                "text": key,
                "key": key,
                "start": sentence["start"],
                "end": sentence["start"] + 1,
                "detail": {"role": "origin"} if kind == "place" else {},
            }
        )
    return {
        "documents": [
            {
                "id": document_id,
                "title": title,
                "author": None,
                "published": published,
                "url": f"https://{site}/reports/{number}",
                "site": site,
                "language": "en",
                "media_type": "text/plain",
                "text": text,
                "char_count": len(text),
                "page_starts": None,
                "minhash": b"",
                "ingested_at": now,
            }
        ],
        "document_sources": [
            {
                "document_id": document_id,
                "location": f"https://{site}/reports/{number}",
                "content_id": document_id,
                "relation": "original",
                "similarity": None,
                "seen_at": now,
            }
        ],
        "analyses": [
            {
                "document_id": document_id,
                "extractor_version": "benchmark",
                "analysed": True,
                "note": None,
                "analysed_at": now,
            }
        ],
        "sentences": rows_sentences,
        "indicators": rows_indicators,
        "facts": rows_facts,
    }


TABLES = {
    "documents": documents,
    "document_sources": document_sources,
    "analyses": analyses,
    "sentences": sentences,
    "indicators": indicators,
    "facts": facts,
}
# PostgreSQL's full-text GIN indexes, as migration 0001 creates them: dropped for
# a fill (kept up row by row, they make it hours) and built once at the end.
PG_SEARCH_INDEXES = {
    "ix_documents_search": "CREATE INDEX ix_documents_search ON documents"
    " USING gin (search_vector)",
    "ix_sentences_search": "CREATE INDEX ix_sentences_search ON sentences"
    " USING gin (search_vector)",
}


def _batches(start: int, stop: int) -> Iterator[range]:
    for first in range(start, stop, BATCH):
        yield range(first, min(first + BATCH, stop))


def stored_count(database: Database) -> int:
    with database.reading() as connection:
        return int(
            connection.exec_driver_sql("SELECT count(*) FROM documents").scalar_one()
        )


def fill(url: str, size: int, *, quiet: bool = False) -> Database:
    """The database at ``url`` holding reports 0 to ``size - 1``, filling what it
    lacks (a database holding more is refused: it would measure another size)."""
    database = open_database(url)
    stored = stored_count(database)
    if stored > size:
        raise SystemExit(f"{database.url}: holds {stored} documents, not {size}")
    if stored == size and not _missing_indexes(database):
        return database
    started = time.perf_counter()
    if database.dialect == "postgresql":
        with database.writing() as connection:
            for name in PG_SEARCH_INDEXES:
                connection.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")
    if database.dialect == "sqlite":
        # The sentences' unique index and the FTS5 segments take random writes
        # all over a file of gigabytes: a gigabyte of page cache keeps them in memory.
        event.listen(
            database.engine,
            "connect",
            lambda dbapi_connection, _: dbapi_connection.execute(
                "PRAGMA cache_size=-1000000"
            ),
        )
        database.engine.dispose()
    now = datetime.now(UTC)
    for numbers in _batches(stored, size):
        rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
        for number in numbers:
            for name, table_rows in generate(number, now).items():
                rows[name].extend(table_rows)
        with database.writing() as connection:
            for name, table in TABLES.items():
                if rows[name]:
                    connection.execute(table.insert(), rows[name])
        if not quiet and (numbers.stop % 50_000 == 0 or numbers.stop == size):
            elapsed = time.perf_counter() - started
            print(
                f"fill {database.url}: {numbers.stop} documents, {elapsed:.0f} s",
                flush=True,
            )
    with database.writing() as connection:
        if database.dialect == "postgresql":
            # A GIN index over eight million sentences builds in memory or not at all.
            connection.exec_driver_sql("SET LOCAL maintenance_work_mem = '2GB'")
        for statement in _missing_indexes(database).values():
            connection.exec_driver_sql(statement)
        connection.exec_driver_sql("ANALYZE")
    if not quiet:
        print(
            f"fill {database.url}: {size} documents stored in "
            f"{time.perf_counter() - started:.0f} s",
            flush=True,
        )
    return database


def _missing_indexes(database: Database) -> dict[str, str]:
    if database.dialect != "postgresql":
        return {}
    with database.reading() as connection:
        present = set(
            connection.exec_driver_sql("SELECT indexname FROM pg_indexes").scalars()
        )
    return {k: v for k, v in PG_SEARCH_INDEXES.items() if k not in present}


def sqlite_url(size: int) -> str:
    """The kept SQLite file for ``size`` documents (benchmarks/.cache, ignored by git)."""
    return f"sqlite:///{ROOT / 'benchmarks' / '.cache' / f'web-{size}.db'}"


def postgres_url(server: str, size: int) -> str:
    """A database of its own on the server at ``server`` for ``size`` documents
    (``laborwatch_bench_<size>``), created if missing."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"laborwatch_bench_{size}"
    engine = create_engine(server, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        exists = connection.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
        ).first()
        if not exists:
            connection.exec_driver_sql(f"CREATE DATABASE {name}")
    engine.dispose()
    return make_url(server).set(database=name).render_as_string(hide_password=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument(
        "--postgres", help="a PostgreSQL server URL; SQLite (benchmarks/.cache) if none"
    )
    args = parser.parse_args()
    for size in (int(n) for n in args.sizes.split(",")):
        url = postgres_url(args.postgres, size) if args.postgres else sqlite_url(size)
        fill(url, size).close()


if __name__ == "__main__":
    main()
