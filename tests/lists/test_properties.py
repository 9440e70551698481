"""Property-based tests of the list readers: any input gives a list or one
LaborwatchError, never another exception; a valid file reads back whole."""

import csv
import io
import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from laborwatch.errors import LaborwatchError
from laborwatch.lists import LoadedList, load_list

LISTS = Path(__file__).resolve().parents[1] / "fixtures" / "lists"
SMALL = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# A valid file of each single-file format, and the name it loads under.
SEEDS = {
    "un-xml": ("un.xml", (LISTS / "un.xml").read_bytes()),
    "eu-xml": ("eu.xml", (LISTS / "eu.xml").read_bytes()),
    "uk-xml": ("uk.xml", (LISTS / "uk.xml").read_bytes()),
    "bis-dpl": ("dpl.txt", (LISTS / "dpl.txt").read_bytes()),
    "ftm-json": ("e.ftm.json", (LISTS / "entities.ftm.json").read_bytes()),
    "ofac-csv": ("sdn.csv", (LISTS / "ofac" / "sdn.csv").read_bytes()),
    "dol-xml": (
        "goods.xml",
        b"<Goods><Good><Good_Name>Gems</Good_Name><Countries><Country>"
        b"<Country_Name>Madagascar</Country_Name><Child_Labor>Yes</Child_Labor>"
        b"<Forced_Labor>No</Forced_Labor></Country></Countries></Good></Goods>",
    ),
}


def _load(name: str, data: bytes, list_format: str | None) -> LoadedList | None:
    """Load ``data`` saved as ``name``; None where it was refused as it should be."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            loaded = load_list(path, list_format)
        except LaborwatchError as err:
            assert "\n" not in str(err)
            return None
    ids = [entry.entry_id for entry in loaded.entries]
    assert len(ids) == len(set(ids)) and all(ids)
    return loaded


@st.composite
def _mutated(draw: st.DrawFn, seed: bytes) -> bytes:
    """The seed with a few bytes deleted, replaced or inserted: quotes, tabs,
    newlines, brackets and high bytes weighted, as in broken files."""
    data = bytearray(seed)
    special = st.sampled_from(list(b'"\t\n\r,<>/{}[]:\\&;') + [0, 0x81, 0xC3, 0xFF])
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["delete", "replace", "insert"]))
        byte = draw(st.one_of(special, st.integers(0, 255)))
        if action == "delete" and at < len(data):
            del data[at]
        elif action == "replace" and at < len(data):
            data[at] = byte
        else:
            data.insert(at, byte)
    return bytes(data)


@pytest.mark.parametrize("list_format", sorted(SEEDS))
@SMALL
@given(data=st.data())
def test_mutated_files_load_or_are_refused(
    list_format: str, data: st.DataObject
) -> None:
    name, seed = SEEDS[list_format]
    _load(name, data.draw(_mutated(seed)), list_format)


@pytest.mark.parametrize("list_format", sorted(SEEDS))
@SMALL
@given(blob=st.binary(max_size=300))
def test_arbitrary_bytes_load_or_are_refused(list_format: str, blob: bytes) -> None:
    _load(SEEDS[list_format][0], blob, list_format)


@SMALL
@given(
    value=st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(st.text(max_size=8), inner, max_size=3)
        ),
        max_leaves=10,
    )
)
def test_ftm_values_of_any_json_shape_load_or_are_refused(value: object) -> None:
    entities = [
        {"id": "x1", "schema": "Company", "properties": {"name": value}},
        {"id": "x2", "schema": "Person", "properties": value},
        {"id": "x3", "schema": "Person", "properties": {}, "last_change": value},
        {"id": "x4", "schema": "Person", "properties": {}, "datasets": value},
    ]
    for entity in entities:
        loaded = _load("e.ftm.json", json.dumps(entity).encode(), "ftm-json")
        # One string is one name, not one per letter.
        if loaded and entity["id"] == "x1" and isinstance(value, str) and value.strip():
            assert loaded.entries[0].name == value.strip()


# Names as lists print them: no line breaks or control characters, not blank.
_NAMES = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Cn", "Zl", "Zp")),
    min_size=1,
    max_size=40,
).filter(lambda name: name.strip() not in ("", "-0-"))


def _csv(rows: list[list[str]], delimiter: str = ",") -> bytes:
    out = io.StringIO()
    csv.writer(
        out, delimiter=delimiter, quoting=csv.QUOTE_ALL, lineterminator="\n"
    ).writerows(rows)
    return out.getvalue().encode()


def _ofac(names: list[str]) -> bytes:
    return _csv([[str(n), name] + ["-0-"] * 10 for n, name in enumerate(names, 1)])


def _bis(names: list[str]) -> bytes:
    header = (
        (LISTS / "dpl.txt").read_text().splitlines()[0].replace('"', "").split("\t")
    )
    rows = [
        [name, "1 MAIN", "", "", "US", "", "", "", "", "", "", ""] for name in names
    ]
    return _csv([header, *rows], delimiter="\t")


def _ftm(names: list[str]) -> bytes:
    return "\n".join(
        json.dumps({"id": f"e{n}", "schema": "Company", "properties": {"name": [name]}})
        for n, name in enumerate(names)
    ).encode()


def _un(names: list[str]) -> bytes:
    entities = "".join(
        f"<ENTITY><FIRST_NAME>{escape(name)}</FIRST_NAME>"
        f"<REFERENCE_NUMBER>KPe.{n}</REFERENCE_NUMBER></ENTITY>"
        for n, name in enumerate(names)
    )
    return (
        f"<CONSOLIDATED_LIST><ENTITIES>{entities}</ENTITIES></CONSOLIDATED_LIST>"
    ).encode()


def _eu(names: list[str]) -> bytes:
    entities = "".join(
        f'<sanctionEntity logicalId="{n}"><subjectType code="enterprise"/>'
        f"<nameAlias wholeName={quoteattr(name)}/></sanctionEntity>"
        for n, name in enumerate(names)
    )
    return (
        f'<export xmlns="http://eu.europa.ec/fpi/fsd/export">{entities}</export>'
    ).encode()


WRITERS: dict[str, tuple[str, Callable[[list[str]], bytes]]] = {
    "ofac-csv": ("sdn.csv", _ofac),
    "bis-dpl": ("dpl.txt", _bis),
    "ftm-json": ("e.ftm.json", _ftm),
    "un-xml": ("un.xml", _un),
    "eu-xml": ("eu.xml", _eu),
}


@pytest.mark.parametrize("list_format", sorted(WRITERS))
@SMALL
@given(names=st.lists(_NAMES, min_size=1, max_size=8))
def test_valid_files_read_back_every_entry(list_format: str, names: list[str]) -> None:
    if list_format == "bis-dpl":  # BIS merges rows naming one party
        first: dict[str, str] = {}
        names = [first.setdefault(n.strip().upper(), n) for n in names]
        names = list(dict.fromkeys(names))
    file_name, write = WRITERS[list_format]
    loaded = _load(file_name, write(names), list_format)
    assert loaded is not None
    assert [entry.name for entry in loaded.entries] == [name.strip() for name in names]
