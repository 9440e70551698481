"""Fuzz the readers: mutated inputs of every kind through ingest, list loads and
screening, in batches, each batch in a subprocess under a memory cap.

Seeds are the test fixtures (real formats, made for the tests); each input is a seed
mutated in its bytes (flipped, cut, repeated, spliced with hostile fragments) or in
its values (XML text and repeated elements, CSV cells and columns, JSON values of any
type: the file still parses, so the code that reads values is reached), or one of the
hostile shapes the readers must refuse (deep JSON, unbalanced quotes, zip bombs,
other encodings). Prints, per kind and in total: inputs tried, tracebacks (an
exception other than a one-line ``LaborwatchError``), inputs over the memory or time
limit, and batches whose database is inconsistent or whose summaries do not add up.
Inputs that give a traceback are kept under ``--keep`` for reproduction.

    python benchmarks/fuzz.py [--n 5000] [--seed 1] [--batch 50] [--jobs 1]
                              [--memory-mb 1536] [--seconds 120] [--keep DIR]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import re
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback
import zipfile
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
REPORTS = FIXTURES / "reports"
LISTS = FIXTURES / "lists"

# kind: (stage, seed files, file name suffix)
KINDS: dict[str, tuple[str, list[Path], str]] = {
    "text": (
        "ingest",
        [REPORTS / "kiln-report.txt", REPORTS / "latin1-report.txt"],
        ".txt",
    ),
    "utf16": ("ingest", [REPORTS / "utf16-report.txt"], ".txt"),
    "markdown": ("ingest", [REPORTS / "notes.md"], ".md"),
    "html": ("ingest", [REPORTS / "article.html"], ".html"),
    "pdf": ("ingest", [REPORTS / "two-pages.pdf", FIXTURES / "truncated.pdf"], ".pdf"),
    "jsonl": ("ingest", [REPORTS / "feed.jsonl"], ".jsonl"),
    "ofac-csv": ("lists", [LISTS / "ofac" / "sdn.csv"], "/sdn.csv"),
    "bis-dpl": ("lists", [LISTS / "dpl.txt"], ".txt"),
    "un-xml": ("lists", [LISTS / "un.xml"], ".xml"),
    "eu-xml": ("lists", [LISTS / "eu.xml"], ".xml"),
    "uk-xml": ("lists", [LISTS / "uk.xml"], ".xml"),
    "ftm-json": ("lists", [LISTS / "entities.ftm.json"], ".json"),
    "dol-xml": ("lists", [FIXTURES / "screening" / "dol-goods.xml"], ".xml"),
    "suppliers-csv": ("screen", [FIXTURES / "screening" / "suppliers.csv"], ".csv"),
    "suppliers-xlsx": ("screen", [], ".xlsx"),
}
MAX_INPUT_BYTES = 512 * 1024

# Fragments that have broken readers: quotes, NUL, surrogates in UTF-8 and as JSON
# escapes, byte order marks, entity declarations, deep nesting, huge numbers.
FRAGMENTS = [
    b'"',
    b'""',
    b"\x00",
    b"\xed\xa0\x80",
    b'"\\ud800"',
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\x1a",
    b"\r",
    b"\r\n\r\n",
    b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>&b;',
    b'<?xml version="1.0" encoding="x-unknown"?>',
    b"[" * 2000,
    b"9" * 5000,
    b"\xe2\x80\xae",
    "대성무역 총국 로동".encode(),
    "タエソン".encode("shift_jis"),
    b"%PDF-1.7\n",
    b"<script>alert(1)</script>",
    b"=cmd|' /C calc'!A0",
    b". " * 2000,
]


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One to four random edits of ``data``."""
    for _ in range(rng.randint(1, 4)):
        if not data:
            data = rng.choice(FRAGMENTS)
            continue
        at = rng.randrange(len(data))
        edit = rng.randrange(7)
        if edit == 0:  # flip bytes
            data = bytearray(data)
            for _ in range(rng.randint(1, 8)):
                data[rng.randrange(len(data))] = rng.randrange(256)
            data = bytes(data)
        elif edit == 1:  # cut
            data = data[:at]
        elif edit == 2:  # delete a slice
            data = data[:at] + data[at + rng.randint(1, 200) :]
        elif edit == 3:  # repeat a slice
            piece = data[at : at + rng.randint(1, 400)]
            data = data[:at] + piece * rng.randint(2, 2000) + data[at:]
        elif edit == 4:  # splice a hostile fragment
            data = data[:at] + rng.choice(FRAGMENTS) + data[at:]
        elif edit == 5:  # random bytes
            data = data[:at] + rng.randbytes(rng.randint(1, 64)) + data[at:]
        else:  # swap two halves
            data = data[at:] + data[:at]
    return data[:MAX_INPUT_BYTES]


XML_KINDS = {"un-xml", "eu-xml", "uk-xml", "dol-xml", "html"}
CSV_KINDS = {"ofac-csv", "bis-dpl", "suppliers-csv"}
JSON_KINDS = {"jsonl", "ftm-json"}
_TEXT_NODE = re.compile(rb">([^<]+)<")
_ELEMENT = re.compile(rb"<(\w+)[^>]*>[^<]*</\1>")


def hostile_text(rng: random.Random) -> str:
    """A value a field may hold that has broken readers."""
    return rng.choice(
        [
            "",
            " ",
            "\ud800",
            "a\x00b",
            "\u202eevil",
            "대성무역총국",
            "Ωμέγα",
            "x" * rng.choice([300, 70_000, 200_000]),
            "line\nbreak",
            '"quoted", with, commas',
            '=HYPERLINK("http://x")',
            "1999-13-45",
            "-1",
            "9" * 400,
            "<b>&amp;</b>",
        ]
    )


def mutate_structure(kind: str, data: bytes, rng: random.Random) -> bytes:
    """Edit values, not syntax: the file still parses, so what reads the values is
    what gets tested."""
    if kind in XML_KINDS:
        nodes = list(_TEXT_NODE.finditer(data))
        elements = list(_ELEMENT.finditer(data))
        for _ in range(rng.randint(1, 4)):
            if elements and rng.random() < 0.3:
                element = rng.choice(elements)
                copies = element.group(0) * rng.randint(2, 50)
                data = data[: element.start()] + copies + data[element.start() :]
                break  # offsets moved
            if nodes:
                node = rng.choice(nodes)
                value = escape(hostile_text(rng)).encode("utf-8", "surrogatepass")
                data = data[: node.start(1)] + value + data[node.end(1) :]
                break
        return data
    if kind in CSV_KINDS:
        text = data.decode("utf-8", "replace")
        rows = list(csv.reader(io.StringIO(text, newline="")))
        for _ in range(rng.randint(1, 4)):
            if not rows:
                break
            row = rng.choice(rows)
            edit = rng.random()
            if edit < 0.6 and row:  # a hostile value in a cell
                row[rng.randrange(len(row))] = hostile_text(rng)
            elif edit < 0.75:  # a column too many
                row.append(hostile_text(rng))
            elif edit < 0.85 and row:  # a column too few
                row.pop(rng.randrange(len(row)))
            else:  # a row twice
                rows.insert(rng.randrange(len(rows) + 1), list(row))
        out = io.StringIO()
        csv.writer(out).writerows(rows)
        return out.getvalue().encode("utf-8", "surrogatepass")
    if kind in JSON_KINDS:
        lines = []
        for line in data.decode("utf-8", "replace").splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                lines.append(line)
                continue
            if rng.random() < 0.5:
                record = _mutate_json(record, rng)
            lines.append(json.dumps(record, ensure_ascii=rng.random() < 0.5))
        return "\n".join(lines).encode("utf-8", "surrogatepass")
    return mutate(data, rng)


def _mutate_json(value: Any, rng: random.Random) -> Any:
    if isinstance(value, dict) and value:
        key = rng.choice(list(value))
        if rng.random() < 0.2:
            del value[key]
        else:
            value[key] = _mutate_json(value[key], rng)
        return value
    if isinstance(value, list) and value and rng.random() < 0.7:
        index = rng.randrange(len(value))
        value[index] = _mutate_json(value[index], rng)
        return value
    return rng.choice(
        [
            hostile_text(rng),
            [hostile_text(rng)],
            {"nested": hostile_text(rng)},
            None,
            rng.randint(-(10**20), 10**20),
            float("nan"),
            True,
        ]
    )


def hostile(kind: str, rng: random.Random) -> bytes | None:
    """A shape that has broken this kind of reader before, or None."""
    if kind == "jsonl":
        return rng.choice(
            [
                b'{"text": ' + b"[" * 100_000 + b"\n",
                b'{"text": "a", "title": ' + b"9" * 5000 + b"}\n",
                b'{"text": "Workers \\ud800 unpaid", "title": "\\ud800"}\n',
                b'{"text": "Workers unpaid", "title": "a\\u0000b"}\n',
                b'{"text": {"nested": 1}}\n{"text": "ok text here"}\n',
            ]
        )
    if kind in ("ofac-csv", "bis-dpl", "suppliers-csv"):
        seed = KINDS[kind][1][0].read_bytes()
        lines = seed.split(b"\n")
        index = rng.randrange(1, max(len(lines) - 1, 2))
        lines[index] = lines[index].replace(b",", b',"', 1)
        return b"\n".join(lines)
    if kind == "ftm-json":
        return rng.choice(
            [
                b'{"id": "x", "schema": "Company", "properties": "Evil Co"}\n',
                b'{"id": "x", "schema": "Company", "properties": {"name": "Evil Co"}}\n',
                b'{"id": "x", "schema": "Person", "properties": {"name": ["A"], '
                b'"birthDate": ["not a date"]}}\n',
            ]
        )
    if kind == "text":
        return rng.choice(["タエソン銀行の労働者".encode("shift_jis"), b". " * 200_000])
    return None


def xlsx_seed() -> bytes:
    """The supplier CSV fixture as a workbook."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    with (FIXTURES / "screening" / "suppliers.csv").open(newline="") as file:
        for row in csv.reader(file):
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def mutate_xlsx(data: bytes, rng: random.Random) -> bytes:
    """Mutate one part inside the zip (a mutated zip is refused at once), or build
    a bomb: a part that unpacks far beyond its size."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    target = rng.choice([n for n in names if n.endswith(".xml")])
    bomb = rng.random() < 0.1
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            part = source.read(name)
            if name == target:
                if bomb:
                    part = part.replace(
                        b"</", b"<x>" + b"A" * 50_000_000 + b"</x></", 1
                    )
                else:
                    part = mutate(part, rng)
            archive.writestr(name, part)
    return out.getvalue()


def make_input(kind: str, rng: random.Random, xlsx: bytes) -> bytes:
    if kind == "suppliers-xlsx":
        return mutate_xlsx(xlsx, rng) if rng.random() < 0.9 else mutate(xlsx, rng)
    special = hostile(kind, rng) if rng.random() < 0.1 else None
    if special is not None:
        return special
    seed = rng.choice(KINDS[kind][1]).read_bytes()
    if rng.random() < 0.5:
        return mutate_structure(kind, seed, rng)[:MAX_INPUT_BYTES]
    return mutate(seed, rng)


def write_inputs(folder: Path, n: int, seed: int) -> dict[str, list[Path]]:
    rng = random.Random(seed)
    xlsx = xlsx_seed()
    kinds = list(KINDS)
    by_kind: dict[str, list[Path]] = defaultdict(list)
    for index in range(n):
        kind = kinds[index % len(kinds)]
        suffix = KINDS[kind][2]
        if suffix.startswith("/"):  # OFAC reads a named file beside its companions
            path = folder / f"{index:05d}-{kind}" / suffix[1:]
            path.parent.mkdir()
            for companion in ("add.csv", "alt.csv", "sdn_comments.csv"):
                shutil.copy(LISTS / "ofac" / companion, path.parent / companion)
        else:
            path = folder / f"{index:05d}-{kind}{suffix}"
        path.write_bytes(make_input(kind, rng, xlsx))
        by_kind[kind].append(path)
    return by_kind


# ---- the worker: one batch of one stage, in its own process ----------------------


class OverTime(Exception):
    pass


def _alarm(_signum: int, _frame: Any) -> None:
    raise OverTime


def work(stage: str, paths: list[str], database_url: str, seconds: int) -> None:
    """Run each input through its stage; print one JSON line per input."""
    from laborwatch.errors import LaborwatchError
    from laborwatch.lists import load_list
    from laborwatch.pipeline import ingest_paths
    from laborwatch.screen import screen_file
    from laborwatch.settings import Settings
    from laborwatch.store import open_database
    from laborwatch.store.lists import save_list

    settings = Settings(database_url=database_url)
    database = open_database(database_url)
    if stage == "screen":  # something to match against
        for fixture in ("un.xml", "entities.ftm.json"):
            save_list(database, load_list(LISTS / fixture))
    signal.signal(signal.SIGALRM, _alarm)
    for path in paths:
        result: dict[str, Any] = {"path": path}
        started = time.perf_counter()
        signal.alarm(seconds * 2)  # a hung reader is stopped, and counted over time
        try:
            if stage == "ingest":
                summary = ingest_paths([path], database, settings)
                result["counts"] = dict(summary.counts)
                result["events"] = len(summary.events)
                refusals = [
                    e for e in summary.events if e.outcome in ("failed", "skipped")
                ]
                if refusals and not summary.counts["ingested"]:
                    raise LaborwatchError(
                        f"{refusals[0].location}: {refusals[0].detail}"
                    )
            elif stage == "lists":
                loaded = load_list(Path(path))
                stored = save_list(database, loaded)
                result["list"] = stored.id
                result["reported"] = stored.entry_count
                result["stored"] = _stored_entries(database_url, stored.id)
                if loaded.format.startswith("dol-"):  # country-good pairs, no entries
                    result["stored"] = result["reported"]
            else:
                run = screen_file(Path(path), database)
                result["screening"] = run.id
                result["reported"] = run.summary.get("rows")
            result["outcome"] = "ok"
        except LaborwatchError as err:
            result["outcome"] = "refused"
            result["message"] = str(err)
        except OverTime:
            result["outcome"] = "over-time"
        except BaseException as err:  # what the fuzzer is looking for
            result["outcome"] = "traceback"
            result["message"] = "".join(
                traceback.format_exception_only(type(err), err)
            ).strip()
        finally:
            signal.alarm(0)
        result["seconds"] = time.perf_counter() - started
        result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(result), flush=True)


def _stored_entries(database_url: str, list_id: str) -> int:
    """Entries of the list in the database, counted just after its load (a later
    input of the batch may replace the same list)."""
    connection = sqlite3.connect(database_url.removeprefix("sqlite:///"))
    try:
        query = "SELECT count(*) FROM list_entries WHERE list_id = ?"
        return int(connection.execute(query, (list_id,)).fetchone()[0])
    finally:
        connection.close()


# ---- consistency of a batch's database ------------------------------------------

CHECKS = {
    "sentence text is the document's text at its span": """
        SELECT count(*) FROM sentences s JOIN documents d ON d.id = s.document_id
        WHERE substr(d.text, s.start + 1, s."end" - s.start) != s.text""",
    "document without sentences or analysis": """
        SELECT count(*) FROM documents d WHERE NOT EXISTS
          (SELECT 1 FROM sentences s WHERE s.document_id = d.id)
        OR NOT EXISTS (SELECT 1 FROM analyses a WHERE a.document_id = d.id)""",
    "indicator on a missing sentence": """
        SELECT count(*) FROM indicators i WHERE NOT EXISTS (SELECT 1 FROM sentences s
          WHERE s.document_id = i.document_id AND s.position = i.sentence_position)""",
    "fact on a missing sentence": """
        SELECT count(*) FROM facts f WHERE NOT EXISTS (SELECT 1 FROM sentences s
          WHERE s.document_id = f.document_id AND s.position = f.sentence_position)""",
    "source of a missing document": """
        SELECT count(*) FROM document_sources x WHERE NOT EXISTS
          (SELECT 1 FROM documents d WHERE d.id = x.document_id)""",
    "list whose count is not its entries": """
        SELECT count(*) FROM lists l WHERE l.format NOT LIKE 'dol-%' AND l.entry_count
          != (SELECT count(*) FROM list_entries e WHERE e.list_id = l.id)""",
}


def inconsistencies(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        found = []
        if connection.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            found.append("integrity_check")
        if connection.execute("PRAGMA foreign_key_check").fetchall():
            found.append("foreign_key_check")
        for name, query in CHECKS.items():
            if connection.execute(query).fetchone()[0]:
                found.append(name)
        return found
    finally:
        connection.close()


def summary_problems(stage: str, result: dict[str, Any], path: Path) -> list[str]:
    """Summaries that do not add up, checked against the batch's database."""
    if result["outcome"] != "ok":
        return []
    connection = sqlite3.connect(path)
    try:
        if stage == "ingest":
            if sum(result["counts"].values()) != result["events"]:
                return ["ingest counts do not sum to its events"]
        elif stage == "lists":
            if result["stored"] != result["reported"]:
                return ["list count reported is not the count stored"]
        else:
            rows = connection.execute(
                "SELECT count(*) FROM screening_rows WHERE screening_id = ?",
                (result["screening"],),
            ).fetchone()[0]
            if result["reported"] is not None and rows != result["reported"]:
                return ["screening rows reported are not the rows stored"]
        return []
    finally:
        connection.close()


def run_batch(
    stage: str, paths: list[Path], folder: Path, args: argparse.Namespace
) -> tuple[list[dict[str, Any]], list[str]]:
    database = folder / f"batch-{paths[0].stem}.db"
    command = [
        sys.executable,
        __file__,
        "--worker",
        stage,
        "--database",
        f"sqlite:///{database}",
        "--seconds",
        str(args.seconds),
    ]

    def cap_memory() -> None:
        # A hard ceiling well above the limit reported, so a runaway input ends as a
        # MemoryError (a traceback) instead of taking the machine.
        ceiling = args.memory_mb * 4 * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))

    process = subprocess.run(
        command,
        input="\n".join(str(p) for p in paths),
        capture_output=True,
        text=True,
        preexec_fn=cap_memory,
        timeout=args.seconds * 2 * len(paths) + 300,
        cwd=ROOT,
    )
    results = [json.loads(line) for line in process.stdout.splitlines() if line]
    done = {result["path"] for result in results}
    for path in paths:
        if str(path) not in done:  # the worker died before finishing this input
            results.append(
                {
                    "path": str(path),
                    "outcome": "traceback",
                    "message": f"worker died: {process.stderr.strip()[-300:]}",
                    "seconds": 0,
                    "peak_mb": 0,
                }
            )
    problems = inconsistencies(database) if database.exists() else []
    for result in results:
        if database.exists():
            problems += summary_problems(stage, result, database)
    return results, problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--memory-mb", type=int, default=1536)
    parser.add_argument("--seconds", type=int, default=120)
    parser.add_argument("--jobs", type=int, default=1, help="batches run at once")
    parser.add_argument("--keep", type=Path, default=ROOT / "test-output" / "fuzz")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--database", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        paths = sys.stdin.read().split("\n")
        work(args.worker, [p for p in paths if p], args.database, args.seconds)
        return

    started = time.perf_counter()
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    failures: list[dict[str, Any]] = []
    peak = 0.0
    slowest = 0.0
    inconsistent_batches = 0
    batches = 0
    with tempfile.TemporaryDirectory(prefix="laborwatch-fuzz-") as tmp:
        folder = Path(tmp)
        by_kind = write_inputs(folder, args.n, args.seed)
        print(f"{args.n} inputs of {len(by_kind)} kinds; seed {args.seed}", flush=True)
        work_list = [
            (kind, paths[start : start + args.batch])
            for kind, paths in by_kind.items()
            for start in range(0, len(paths), args.batch)
        ]
        with ThreadPoolExecutor(args.jobs) as pool:
            done = pool.map(
                lambda item: (
                    item[0],
                    run_batch(KINDS[item[0]][0], item[1], folder, args),
                ),
                work_list,
            )
            for kind, (results, problems) in done:
                batches += 1
                if problems:
                    inconsistent_batches += 1
                    print(f"  {kind}: inconsistent: {sorted(set(problems))}")
                for result in results:
                    peak = max(peak, result["peak_mb"])
                    slowest = max(slowest, result["seconds"])
                    counts = tally[kind]
                    counts["tried"] += 1
                    counts[result["outcome"]] += 1
                    if result["peak_mb"] > args.memory_mb:
                        counts["over-memory"] += 1
                    if result["seconds"] > args.seconds:
                        counts["over-time"] += result["outcome"] != "over-time"
                    if result["outcome"] in ("traceback", "over-time") or (
                        result["peak_mb"] > args.memory_mb
                    ):
                        failures.append({"kind": kind, **result})
        for kind, counts in tally.items():
            print(f"  {kind}: {dict(counts)}", flush=True)
        if failures:
            args.keep.mkdir(parents=True, exist_ok=True)
            for failure in failures:
                source = Path(failure["path"])
                shutil.copy(source, args.keep / f"{failure['kind']}-{source.name}")
            (args.keep / "failures.json").write_text(json.dumps(failures, indent=1))

    total: Counter[str] = Counter()
    for counts in tally.values():
        total.update(counts)
    print(f"tried: {total['tried']} inputs in {batches} batches")
    print(f"  ok: {total['ok']}, refused with one line: {total['refused']}")
    print(f"tracebacks: {total['traceback']}")
    print(f"over memory ({args.memory_mb} MB): {total['over-memory']}")
    print(f"peak memory of any run: {peak:.0f} MB")
    print(f"over time ({args.seconds} s): {total['over-time']}")
    print(f"slowest input: {slowest:.1f} s")
    print(f"inconsistent database or summary: {inconsistent_batches} batches")
    print(f"elapsed: {time.perf_counter() - started:.0f} s")
    if failures:
        print(f"failing inputs kept in {args.keep}")
        for failure in failures[:20]:
            print(f"  {failure['kind']}: {failure.get('message', failure['outcome'])}")


if __name__ == "__main__":
    main()
