"""Full-text search over documents and sentences.

The one module with engine-specific SQL: SQLite's FTS5 and PostgreSQL's tsvector
answer the same query language (words, "quoted phrases", OR, -excluded) and
return the same hits. Snippets mark matches with HIGHLIGHT_START/END, control
characters that stored text never contains, so each shell renders them its way.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, TypedDict, Unpack

from sqlalchemy import Connection, literal_column, select, text
from sqlalchemy.engine.interfaces import BindTyping
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.sql.elements import ColumnElement

from laborwatch.errors import LaborwatchError
from laborwatch.extract.indicators import CODES
from laborwatch.store.database import Database
from laborwatch.store.tables import facts, indicators

HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"
_QUERY_PART = re.compile(r'(-?)"([^"]*)"?|(\S+)')
# Korean attaches particles and endings to the word (노동자 → 노동자들은), so a
# Hangul search word matches as a prefix of the indexed words.
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_PG_WORD = re.compile(r"\w+")
_ONLY = re.compile(r"/\*only (\S+)\*/")
# A condition on a column of document ids (``facets.documents_within``).
DocumentCondition = Callable[[ColumnElement[Any]], ColumnElement[bool]]
# How many of the newest matches a search ranks (see _SQLITE_DOCUMENTS).
CANDIDATES = 500


@dataclass(frozen=True)
class SearchHit:
    """A matching document, or sentence when ``sentence_position`` is set."""

    document_id: str
    title: str | None
    snippet: str
    score: float
    sentence_position: int | None = None
    # A sentence hit's span in its document, and its page in a paged source.
    start: int | None = None
    end: int | None = None
    page: int | None = None
    published: str | None = None  # as the report gives it
    site: str | None = None
    # The highest confidence of an indicator in the sentence (for a document, in
    # the document), or None where there is none: evidence ranks first.
    evidence: float | None = None
    # Filled by ``describe_hits``: the indicator codes of the sentence (of the
    # document for a document hit) and the countries the document names.
    indicators: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()


class SearchWindow(TypedDict, total=False):
    """Which hits a search returns: ``limit`` (20) from ``offset`` (0) among the
    newest ``candidates`` (CANDIDATES) matches, of the documents ``only`` allows
    (a condition on a document id, ``facets.documents_within``; all when None)."""

    limit: int
    offset: int
    only: DocumentCondition | None
    candidates: int


def search_documents(
    database: Database,
    query: str,
    *,
    snippets: bool = True,
    **window: Unpack[SearchWindow],
) -> list[SearchHit]:
    """Documents matching the query, best first, each with a highlighted snippet.

    ``only`` (a condition on a document id, ``facets.documents_within``) narrows the
    search; the newest ``candidates`` matches (more where ``offset + limit`` asks
    for more) are ranked, the rest not. Without ``snippets`` each snippet is
    empty: the facets want only which documents match, and on PostgreSQL the
    snippets of 200 documents cost more than the search."""
    sql = {
        "sqlite": _SQLITE_DOCUMENTS if snippets else _SQLITE_DOCUMENTS_ONLY,
        "postgresql": _PG_DOCUMENTS if snippets else _PG_DOCUMENTS_ONLY,
    }
    return _search(database, "documents", sql, query, window)


def search_sentences(
    database: Database, query: str, **window: Unpack[SearchWindow]
) -> list[SearchHit]:
    """Sentences matching the query, best first, with their spans.

    ``only`` (a condition on a document id, ``facets.documents_within``) narrows the
    search; the newest ``candidates`` matches (more where ``offset + limit`` asks
    for more) are ranked, the rest not."""
    sql = {"sqlite": _SQLITE_SENTENCES, "postgresql": _PG_SENTENCES}
    return _search(database, "sentences", sql, query, window)


def _search(
    database: Database,
    table: str,
    sql: dict[str, str],
    query: str,
    window: SearchWindow,
) -> list[SearchHit]:
    """Run the engine's statement of ``sql`` for ``table`` (documents, sentences)."""
    if unknown := window.keys() - SearchWindow.__optional_keys__:
        raise TypeError(f"search: unexpected keyword arguments {sorted(unknown)}")
    limit = window.get("limit", 20)
    offset = window.get("offset", 0)
    only = window.get("only")
    candidates = window.get("candidates", CANDIDATES)
    fts5_query = to_fts5_query(query)  # also rejects queries with no word to find
    with database.reading() as connection:
        if database.dialect == "postgresql":
            statement, match = _pg_search(sql["postgresql"], query)
            _walk_if_common(connection, table, query, candidates)
        else:
            statement, match = sql["sqlite"], fts5_query
        return _run(
            connection, statement, query, match, limit, offset, only, candidates
        )


def describe_hits(database: Database, hits: list[SearchHit]) -> list[SearchHit]:
    """The hits with the indicator codes of their sentence (of the document, for a
    document hit) and the countries their document names, most named first; a
    place named only as where goods go is left out, as on the map."""
    ids = sorted({hit.document_id for hit in hits})
    if not ids:
        return hits
    with database.reading() as connection:
        found = connection.execute(
            select(*indicators.c["document_id", "sentence_position", "code"]).where(
                indicators.c.document_id.in_(ids)
            )
        ).all()
        places = connection.execute(
            select(facts.c.document_id, facts.c.key, facts.c.detail).where(
                facts.c.document_id.in_(ids),
                facts.c.kind == "place",
                facts.c.key.is_not(None),
            )
        ).all()
    codes: dict[tuple[str, int | None], set[str]] = {}
    for document_id, position, code in found:
        codes.setdefault((document_id, position), set()).add(code)
        codes.setdefault((document_id, None), set()).add(code)
    named: dict[str, Counter[str]] = {}
    for document_id, key, detail in places:
        if (detail or {}).get("role") != "destination":
            named.setdefault(document_id, Counter())[key[:2]] += 1
    return [
        replace(
            hit,
            indicators=tuple(
                sorted(
                    codes.get((hit.document_id, hit.sentence_position), ()),
                    key=_code_order,
                )
            ),
            countries=_most_named(named.get(hit.document_id, Counter())),
        )
        for hit in hits
    ]


def _code_order(code: str) -> tuple[int, str]:
    """Codes in the guideline's order, as everywhere else they are listed."""
    return (CODES.index(code) if code in CODES else len(CODES), code)


def _most_named(counts: Counter[str], most: int = 3) -> tuple[str, ...]:
    ranked = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
    return tuple(key for key, _ in ranked[:most])


@dataclass(frozen=True)
class QueryPart:
    """One term of the search syntax: a word or a phrase, excluded or not, and
    whether it joins the previous included term with OR."""

    text: str
    is_phrase: bool
    excluded: bool
    or_previous: bool


def parse_query(query: str) -> list[QueryPart]:
    """Words, "phrases", ``OR`` and leading ``-`` of the web-search syntax."""
    parts: list[QueryPart] = []
    join_next_with_or = False
    for match in _QUERY_PART.finditer(query):
        negated, phrase, word = match.groups()
        if word is not None and word == "OR":
            join_next_with_or = any(not p.excluded for p in parts)
            continue
        if word is not None and word.startswith("-") and len(word) > 1:
            negated, word = "-", word[1:]
        term = phrase if phrase is not None else word
        if not term or not re.search(r"\w", term):
            continue
        parts.append(
            QueryPart(term, phrase is not None, bool(negated), join_next_with_or)
        )
        join_next_with_or = False
    if not any(not p.excluded for p in parts):
        raise LaborwatchError(f"{query!r}: a search needs at least one word to find")
    return parts


def _combine(terms: list[tuple[QueryPart, str]], and_: str, or_: str, not_: str) -> str:
    included: list[str] = []
    excluded: list[str] = []
    for part, term in terms:
        if part.excluded:
            excluded.append(term)
        elif part.or_previous and included:
            included[-1] = f"{included[-1]} {or_} {term}"
        else:
            included.append(term)
    expression = f" {and_} ".join(f"({term})" for term in included)
    for term in excluded:
        expression = f"{expression} {not_} {term}"
    return expression


def to_fts5_query(query: str) -> str:
    """Translate web-search syntax into an FTS5 query that cannot be malformed.

    Every word or phrase becomes a quoted FTS5 string, so user punctuation is
    never FTS5 syntax; ``OR`` joins its neighbours; a leading ``-`` excludes; a
    Hangul word matches as a prefix.
    """
    terms = []
    for part in parse_query(query):
        quoted = '"' + part.text.replace('"', '""') + '"'
        if not part.is_phrase and _HANGUL.search(part.text):
            quoted += " *"
        terms.append((part, quoted))
    return _combine(terms, "AND", "OR", "NOT")


def _walk_if_common(
    connection: Connection, table: str, query: str, candidates: int
) -> None:
    """On PostgreSQL, walk the newest rows for the candidates where the query is
    common among them, rather than let the planner choose its GIN index.

    The planner guesses how many rows a tsquery matches from its words one by
    one: a phrase of words that go together ("forced labour") it thinks rare, and
    reads every match through the GIN index (hundreds of thousands of rows) to
    keep the newest 500. Counting the matches among the newest few thousand rows
    (a few ms) says which way is shorter: where the walk would find the
    candidates within its bound, the plans other than the walk are off for this
    search's transaction (the walk stops as soon as it has them)."""
    probe, window, most = _PG_PROBES[table]
    sql, match = _pg_search(probe, query)
    found = connection.execute(text(sql), {"query": match}).scalar_one()
    if found and candidates * window / found <= most:
        for setting in _PG_WALK:
            connection.exec_driver_sql(f"SET LOCAL {setting}")


# The walk: newest rows first by index, each facet checked by index per row. Off
# with each alternative the planner would take from a wrong guess (with a facet
# it guesses few matches within it, and would read every match to join them).
_PG_WALK = (
    "enable_bitmapscan = off",
    "enable_seqscan = off",
    "enable_hashjoin = off",
    "enable_mergejoin = off",
    # Workers cost more to start than a walk that stops at 500 rows takes.
    "max_parallel_workers_per_gather = 0",
)
# Per table: the count of matches among the newest rows, how many rows it
# reads, and the most rows a walk may read (a document's tsvector is ten
# sentences').
_PG_PROBES = {
    "sentences": (
        "SELECT count(*) FROM (SELECT search_vector FROM sentences"
        " ORDER BY id DESC LIMIT 10000) AS w"
        " WHERE search_vector @@ websearch_to_tsquery('english', :query)",
        10_000,
        50_000,
    ),
    "documents": (
        "SELECT count(*) FROM (SELECT search_vector FROM documents"
        " ORDER BY ingested_at DESC LIMIT 2000) AS w"
        " WHERE search_vector @@ websearch_to_tsquery('english', :query)",
        2_000,
        10_000,
    ),
}


def _pg_search(sql: str, query: str) -> tuple[str, str]:
    """The PostgreSQL statement and its query: web-search syntax, or for a query
    with Hangul a prefix tsquery (``to_pg_tsquery``)."""
    if not _HANGUL.search(query):
        return sql, query
    return (
        sql.replace(
            "websearch_to_tsquery('english', :query)", "to_tsquery('english', :query)"
        ),
        to_pg_tsquery(query),
    )


def to_pg_tsquery(query: str) -> str:
    """The search syntax as a ``to_tsquery`` expression that cannot be malformed.

    Each word is reduced to its letters and digits and quoted; Hangul words match
    as prefixes (``:*``); phrases become followed-by chains.
    """
    terms = []
    # parse_query keeps only parts with a word character, so each has a lexeme.
    for part in parse_query(query):
        lexemes = [
            f"'{w.lower()}'" + (":*" if _HANGUL.search(w) else "")
            for w in _PG_WORD.findall(part.text)
        ]
        term = "(" + " <-> ".join(lexemes) + ")"
        terms.append((part, f"!{term}" if part.excluded else term))
    return _combine(terms, "&", "|", "&")


def _run(
    connection: Connection,
    sql: str,
    query: str,
    match: str,
    limit: int,
    offset: int,
    only: DocumentCondition | None,
    candidates: int,
) -> list[SearchHit]:
    """Run a search; ``only`` keeps the hits to the documents it is true of."""
    parameters: dict[str, Any] = {}
    if only is not None:
        condition = only  # bound for the closure below (mypy: not None there)

        def narrowed(match: re.Match[str]) -> str:
            sql, values = _inline(connection, condition(literal_column(match[1])))
            parameters.update(values)
            return f"AND {sql}"

        sql = _ONLY.sub(narrowed, sql)
    try:
        rows = connection.execute(
            text(_ONLY.sub("", sql)),
            {
                **parameters,
                "query": match,
                "limit": limit,
                "offset": offset,
                "candidates": max(candidates, offset + limit),
                "start": HIGHLIGHT_START,
                "end": HIGHLIGHT_END,
                "options": f"StartSel={HIGHLIGHT_START}, StopSel={HIGHLIGHT_END},"
                " MaxFragments=2, MaxWords=24, MinWords=8",
            },
        ).all()
    except (OperationalError, ProgrammingError) as err:
        raise LaborwatchError(f"{query!r}: cannot search ({err.orig})") from None
    return [SearchHit(**row._asdict()) for row in rows]


def _inline(
    connection: Connection, clause: ColumnElement[Any]
) -> tuple[str, dict[str, Any]]:
    """A Core expression as SQL with ``:name`` parameters (and their values) to place in
    a textual statement: the dialect's own SQL, in the parameter style ``text``
    reads, without psycopg's ``::VARCHAR`` casts, which ``text`` would misread."""
    dialect = type(connection.dialect)(paramstyle="named")  # type: ignore[call-arg]
    dialect.bind_typing = BindTyping.NONE
    compiled = clause.compile(
        dialect=dialect, compile_kwargs={"render_postcompile": True}
    )
    return str(compiled), dict(compiled.params)


# Ranking: a hit carrying evidence (indicators) comes before one without, so a
# report of what happened outranks recommendations and policy text that repeat its
# words; sentences with evidence then go by their best indicator's confidence;
# the full-text rank breaks ties. Documents go by evidence or not, then full-text
# rank: a document's best confidence says little about what the query asked.
#
# Only the newest CANDIDATES matches are ranked (the FTS5 rowid, the sentence id,
# the ingestion time: newest stored first): a word in half of a million reports
# would otherwise be ranked, evidence and all, a million times per page. Each
# statement first takes the candidates in index order, then ranks them; a query
# matching fewer is ranked in full, as before.
_SENTENCE_EVIDENCE = """(SELECT max(i.confidence) FROM indicators AS i
        WHERE i.document_id = s.document_id AND i.sentence_position = s.position)"""
_DOCUMENT_EVIDENCE = """(SELECT max(i.confidence) FROM indicators AS i
        WHERE i.document_id = d.id)"""
_DOCUMENT_HAS_EVIDENCE = (
    "EXISTS (SELECT 1 FROM indicators AS i WHERE i.document_id = d.id) DESC"
)

_SQLITE_SNIPPET = "snippet(document_fts, 2, :start, :end, '…', 24)"
_SQLITE_DOCUMENTS = f"""
WITH candidates AS (
    SELECT f.rowid AS id
    FROM document_fts AS f JOIN documents AS d ON d.id = f.document_id
    WHERE document_fts MATCH :query /*only d.id*/
    ORDER BY f.rowid DESC LIMIT :candidates
)
SELECT f.document_id AS document_id, d.title AS title,
       {_SQLITE_SNIPPET} AS snippet,
       -bm25(document_fts, 0.0, 5.0, 1.0) AS score,
       d.published AS published, d.site AS site,
       {_DOCUMENT_EVIDENCE} AS evidence
FROM document_fts AS f JOIN documents AS d ON d.id = f.document_id
WHERE document_fts MATCH :query
  AND f.rowid >= (SELECT min(id) FROM candidates) /*only d.id*/
ORDER BY {_DOCUMENT_HAS_EVIDENCE}, bm25(document_fts, 0.0, 5.0, 1.0), d.id
LIMIT :limit OFFSET :offset
"""

_SQLITE_SENTENCES = f"""
WITH candidates AS (
    SELECT sentence_fts.rowid AS id
    FROM sentence_fts JOIN sentences AS s ON s.id = sentence_fts.rowid
    WHERE sentence_fts MATCH :query /*only s.document_id*/
    ORDER BY sentence_fts.rowid DESC LIMIT :candidates
)
SELECT s.document_id AS document_id, d.title AS title,
       highlight(sentence_fts, 0, :start, :end) AS snippet,
       -bm25(sentence_fts) AS score,
       s.position AS sentence_position, s.start AS start, s."end" AS "end",
       s.page AS page, d.published AS published, d.site AS site,
       {_SENTENCE_EVIDENCE} AS evidence
FROM sentence_fts JOIN sentences AS s ON s.id = sentence_fts.rowid
JOIN documents AS d ON d.id = s.document_id
WHERE sentence_fts MATCH :query
  AND sentence_fts.rowid >= (SELECT min(id) FROM candidates) /*only d.id*/
ORDER BY evidence IS NULL, evidence DESC, bm25(sentence_fts), s.id
LIMIT :limit OFFSET :offset
"""

# PostgreSQL: the candidates walk the ingestion-time index (or the GIN index,
# where the planner expects few matches); ts_headline, the costly part, runs on
# the page of hits alone.
_PG_HEADLINE = "ts_headline('english', left(d.text, 200000), q, :options)"
_PG_DOCUMENTS = f"""
WITH candidates AS (
    SELECT d.id FROM documents AS d
    WHERE d.search_vector @@ websearch_to_tsquery('english', :query) /*only d.id*/
    ORDER BY d.ingested_at DESC LIMIT :candidates
), ranked AS (
    SELECT d.id, ts_rank(d.search_vector, q) AS score,
           {_DOCUMENT_EVIDENCE} AS evidence,
           EXISTS (SELECT 1 FROM indicators AS i WHERE i.document_id = d.id)
               AS has_evidence
    FROM candidates AS c JOIN documents AS d ON d.id = c.id,
         websearch_to_tsquery('english', :query) AS q
    ORDER BY has_evidence DESC, score DESC, d.id
    LIMIT :limit OFFSET :offset
)
SELECT d.id AS document_id, d.title AS title,
       {_PG_HEADLINE} AS snippet,
       r.score AS score, d.published AS published, d.site AS site,
       r.evidence AS evidence
FROM ranked AS r JOIN documents AS d ON d.id = r.id,
     websearch_to_tsquery('english', :query) AS q
ORDER BY r.has_evidence DESC, r.score DESC, d.id
"""

# The same searches with an empty snippet (``snippets=False``).
_SQLITE_DOCUMENTS_ONLY = _SQLITE_DOCUMENTS.replace(_SQLITE_SNIPPET, "''")
_PG_DOCUMENTS_ONLY = _PG_DOCUMENTS.replace(_PG_HEADLINE, "''")

_PG_SENTENCES = f"""
WITH candidates AS (
    SELECT s.id FROM sentences AS s
    WHERE s.search_vector @@ websearch_to_tsquery('english', :query)
          /*only s.document_id*/
    ORDER BY s.id DESC LIMIT :candidates
), ranked AS (
    SELECT s.id, ts_rank(s.search_vector, q) AS score,
           {_SENTENCE_EVIDENCE} AS evidence
    FROM candidates AS c JOIN sentences AS s ON s.id = c.id,
         websearch_to_tsquery('english', :query) AS q
    ORDER BY evidence DESC NULLS LAST, score DESC, s.id
    LIMIT :limit OFFSET :offset
)
SELECT s.document_id AS document_id, d.title AS title,
       ts_headline('english', s.text, q,
                   'HighlightAll=true, StartSel=' || :start || ', StopSel=' || :end)
           AS snippet,
       r.score AS score,
       s.position AS sentence_position, s.start AS start, s."end" AS "end",
       s.page AS page, d.published AS published, d.site AS site,
       r.evidence AS evidence
FROM ranked AS r JOIN sentences AS s ON s.id = r.id
JOIN documents AS d ON d.id = s.document_id,
     websearch_to_tsquery('english', :query) AS q
ORDER BY r.evidence DESC NULLS LAST, r.score DESC, s.id
"""
