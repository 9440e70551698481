"""Property-based: whatever the bytes of an input, ingest's readers give Documents
whose every stored string is clean, or a one-line Problem, never an exception."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from laborwatch.documents import Document
from laborwatch.ingest import Problem, SourceFile, read_source
from laborwatch.settings import Settings
from tests.conftest import FIXTURES, REPORTS

EXAMPLES = settings(max_examples=60, deadline=None)
LIMITS = Settings(max_file_bytes=64 * 1024)
# What no stored string may hold: NUL, other C0 controls but tab and line breaks,
# and unpaired surrogates (PostgreSQL and UTF-8 encoders refuse them).
UNCLEAN = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\ud800-\udfff]")
SEEDS = {
    "text": (REPORTS / "kiln-report.txt").read_bytes(),
    "html": (REPORTS / "article.html").read_bytes(),
    "pdf": (REPORTS / "two-pages.pdf").read_bytes(),
    "jsonl": (REPORTS / "feed.jsonl").read_bytes(),
    "truncated-pdf": (FIXTURES / "truncated.pdf").read_bytes(),
}
FORMATS = {"text": ".txt", "html": ".html", "pdf": ".pdf", "jsonl": ".jsonl"}


def read(data: bytes, suffix: str) -> list[Document | Problem]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        file_format = {".txt": "text", ".html": "html", ".pdf": "pdf"}.get(suffix)
        if suffix == ".jsonl":
            file_format = "jsonl"
        source = SourceFile(path.name, path, file_format, len(data))
        results = list(read_source(source, LIMITS))
    for result in results:
        if isinstance(result, Problem):
            assert result.reason and "\n" not in result.reason
            continue
        assert result.text.strip()
        for value in (result.text, result.title, result.url, result.site):
            assert value is None or not UNCLEAN.search(value), value
    return results


@st.composite
def mutated(draw: st.DrawFn, seed: bytes) -> bytes:
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        edit = draw(st.sampled_from(["flip", "cut", "insert", "repeat"]))
        if edit == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif edit == "cut":
            del data[at : at + draw(st.integers(1, 500))]
        elif edit == "insert":
            data[at:at] = draw(st.binary(max_size=40))
        else:
            data[at:at] = bytes(data[at : at + 50]) * draw(st.integers(2, 50))
    return bytes(data)


@EXAMPLES
@given(data=st.binary(max_size=4000), suffix=st.sampled_from(list(FORMATS.values())))
def test_arbitrary_bytes_give_documents_or_problems(data: bytes, suffix: str) -> None:
    read(data, suffix)


@EXAMPLES
@given(data=st.binary(max_size=4000))
def test_content_without_a_telling_name_is_sniffed_safely(data: bytes) -> None:
    read(data, ".dat")


@EXAMPLES
@given(
    kind=st.sampled_from(sorted(SEEDS)),
    data=st.data(),
)
def test_mutated_real_files_give_documents_or_problems(
    kind: str, data: st.DataObject
) -> None:
    seed = SEEDS[kind]
    suffix = ".pdf" if kind.endswith("pdf") else FORMATS[kind]
    read(data.draw(mutated(seed)), suffix)


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True)
    | st.text(st.characters(codec=None, exclude_categories=()), max_size=30),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)
RECORDS = st.fixed_dictionaries(
    {},
    optional={
        name: JSON_VALUES | st.text(max_size=80)
        for name in ("title", "text", "url", "published", "source")
    },
)


@EXAMPLES
@given(records=st.lists(RECORDS | JSON_VALUES, min_size=1, max_size=6))
def test_each_json_lines_record_gives_one_result(records: list[object]) -> None:
    # ensure_ascii escapes lone surrogates as \\ud800, which json.loads gives back.
    lines = [json.dumps(record) for record in records]
    results = read("\n".join(lines).encode(), ".jsonl")
    assert len(results) <= len(lines)
    for result in results:
        number = int(
            result.location.rsplit(":", 1)[1]
            if isinstance(result, Problem)
            else result.source.rsplit(":", 1)[1]
        )
        assert 1 <= number <= len(lines)
    texts = [
        r for r in records if isinstance(r, dict) and isinstance(r.get("text"), str)
    ]
    if not texts:
        assert not any(isinstance(result, Document) for result in results)
