"""Full-text search over documents and sentences.

The one module with engine-specific SQL: SQLite's FTS5 and PostgreSQL's tsvector
answer the same query language (words, "quoted phrases", OR, -excluded) and
return the same hits. Snippets mark matches with HIGHLIGHT_START/END, control
characters that stored text never contains, so each shell renders them its way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, text
from sqlalchemy.exc import OperationalError, ProgrammingError

from laborwatch.errors import LaborwatchError
from laborwatch.store.database import Database

HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"
_QUERY_PART = re.compile(r'(-?)"([^"]*)"?|(\S+)')
# Korean attaches particles and endings to the word (노동자 → 노동자들은), so a
# Hangul search word matches as a prefix of the indexed words.
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_PG_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class SearchHit:
    """A matching document, or sentence when ``sentence_position`` is set."""

    document_id: str
    title: str | None
    snippet: str
    score: float
    sentence_position: int | None = None
    start: int | None = None
    end: int | None = None
    page: int | None = None


def search_documents(
    database: Database,
    query: str,
    *,
    limit: int = 20,
    offset: int = 0,
    only: set[str] | None = None,
) -> list[SearchHit]:
    """Documents matching the query, best first, each with a highlighted snippet."""
    fts5_query = to_fts5_query(query)  # also rejects queries with no word to find
    with database.reading() as connection:
        if database.dialect == "postgresql":
            sql, match = _pg_search(_PG_DOCUMENTS, query)
            return _run(connection, sql, query, match, limit, offset, only)
        return _run(
            connection, _SQLITE_DOCUMENTS, query, fts5_query, limit, offset, only
        )


def search_sentences(
    database: Database,
    query: str,
    *,
    limit: int = 20,
    offset: int = 0,
    only: set[str] | None = None,
) -> list[SearchHit]:
    """Sentences matching the query, best first, with their spans."""
    fts5_query = to_fts5_query(query)
    with database.reading() as connection:
        if database.dialect == "postgresql":
            sql, match = _pg_search(_PG_SENTENCES, query)
            return _run(connection, sql, query, match, limit, offset, only)
        return _run(
            connection, _SQLITE_SENTENCES, query, fts5_query, limit, offset, only
        )


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
    only: set[str] | None = None,
) -> list[SearchHit]:
    """Run a search; ``only`` keeps the hits to those document ids (facets)."""
    if only is not None and not only:
        return []
    statement = text(
        sql.replace("/*only*/", "AND d.id IN :only" if only is not None else "")
    )
    if only is not None:
        statement = statement.bindparams(bindparam("only", expanding=True))
    try:
        rows = connection.execute(
            statement,
            {
                **({"only": sorted(only)} if only is not None else {}),
                "query": match,
                "limit": limit,
                "offset": offset,
                "start": HIGHLIGHT_START,
                "end": HIGHLIGHT_END,
                "options": f"StartSel={HIGHLIGHT_START}, StopSel={HIGHLIGHT_END},"
                " MaxFragments=2, MaxWords=24, MinWords=8",
            },
        ).all()
    except (OperationalError, ProgrammingError) as err:
        raise LaborwatchError(f"{query!r}: cannot search ({err.orig})") from None
    return [SearchHit(**row._asdict()) for row in rows]


_SQLITE_DOCUMENTS = """
SELECT f.document_id AS document_id, d.title AS title,
       snippet(document_fts, 2, :start, :end, '…', 24) AS snippet,
       -bm25(document_fts, 0.0, 5.0, 1.0) AS score
FROM document_fts AS f JOIN documents AS d ON d.id = f.document_id
WHERE document_fts MATCH :query /*only*/
ORDER BY bm25(document_fts, 0.0, 5.0, 1.0), d.id
LIMIT :limit OFFSET :offset
"""

_SQLITE_SENTENCES = """
SELECT s.document_id AS document_id, d.title AS title,
       highlight(sentence_fts, 0, :start, :end) AS snippet,
       -bm25(sentence_fts) AS score,
       s.position AS sentence_position, s.start AS start, s."end" AS "end",
       s.page AS page
FROM sentence_fts JOIN sentences AS s ON s.id = sentence_fts.rowid
JOIN documents AS d ON d.id = s.document_id
WHERE sentence_fts MATCH :query /*only*/
ORDER BY bm25(sentence_fts), s.id
LIMIT :limit OFFSET :offset
"""

_PG_DOCUMENTS = """
SELECT d.id AS document_id, d.title AS title,
       ts_headline('english', left(d.text, 200000), q, :options) AS snippet,
       ts_rank(d.search_vector, q) AS score
FROM documents AS d, websearch_to_tsquery('english', :query) AS q
WHERE d.search_vector @@ q /*only*/
ORDER BY score DESC, d.id
LIMIT :limit OFFSET :offset
"""

_PG_SENTENCES = """
SELECT s.document_id AS document_id, d.title AS title,
       ts_headline('english', s.text, q,
                   'HighlightAll=true, StartSel=' || :start || ', StopSel=' || :end)
           AS snippet,
       ts_rank(s.search_vector, q) AS score,
       s.position AS sentence_position, s.start AS start, s."end" AS "end",
       s.page AS page
FROM sentences AS s JOIN documents AS d ON d.id = s.document_id,
     websearch_to_tsquery('english', :query) AS q
WHERE s.search_vector @@ q /*only*/
ORDER BY score DESC, s.id
LIMIT :limit OFFSET :offset
"""
