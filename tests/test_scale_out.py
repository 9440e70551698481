"""Scale-out: concurrent ingest processes, extraction on a Dask cluster, and
workers that die mid-batch."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psutil
import pytest
from sqlalchemy import func, select

from laborwatch.extract.pipeline import EXTRACTOR_VERSION
from laborwatch.pipeline import OUTCOMES, ingest_paths
from laborwatch.settings import Settings
from laborwatch.store import count_documents, open_database
from laborwatch.store.tables import document_sources, documents, indicators
from tests.conftest import REPORTS, run_cli
from tests.corpus import report_text, write_reports

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """A Dask cluster of two single-threaded worker processes on this machine."""
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        host="127.0.0.1",
    ) as local_cluster:
        yield local_cluster


def ingest_command(database_url: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "laborwatch", "--db", database_url, "ingest", *args]


def stored_ids(database_url: str) -> list[str]:
    database = open_database(database_url)
    with database.reading() as connection:
        ids = list(connection.scalars(select(documents.c.id)))
    database.close()
    return ids


def test_cluster_stores_what_one_process_stores(
    database_url: str, cluster: Any, tmp_path: Path
) -> None:
    result = run_cli(
        "--db",
        database_url,
        "ingest",
        "--cluster",
        cluster.scheduler_address,
        str(REPORTS),
        "--json",
    )
    assert result.returncode == 0, result.stderr
    on_cluster = json.loads(result.stdout)

    local_url = f"sqlite:///{tmp_path / 'local.db'}"
    local = open_database(local_url)
    summary = ingest_paths([str(REPORTS)], local, Settings(database_url=local_url))
    with local.reading() as connection:
        local_indicators = connection.scalar(
            select(func.count()).select_from(indicators)
        )
    local.close()

    assert on_cluster["summary"] == {o: summary.counts[o] for o in OUTCOMES}
    assert sorted(stored_ids(database_url)) == sorted(
        {e.document_id for e in summary.events if e.outcome == "ingested"}
    )
    database = open_database(database_url)
    with database.reading() as connection:
        assert (
            connection.scalar(select(func.count()).select_from(indicators))
            == local_indicators
        )
    database.close()


def test_models_load_once_per_worker(cluster: Any, tmp_path: Path) -> None:
    with distributed.Client(cluster) as client:
        client.restart()  # fresh worker processes: nothing loaded yet
        write_reports(tmp_path / "reports", 24)
        url = f"sqlite:///{tmp_path / 'laborwatch.db'}"
        result = run_cli(
            "--db", url, "ingest", "--cluster", cluster.scheduler_address,
            str(tmp_path / "reports"),
        )  # fmt: skip
        assert result.returncode == 0, result.stderr

        def model_loads() -> tuple[int, int]:
            from laborwatch.extract.nlp import load_nlp

            info = load_nlp.cache_info()
            return info.misses, info.hits + info.misses

        loads = client.run(model_loads)
    assert len(loads) == 2
    assert all(misses <= 1 for misses, _ in loads.values())
    assert sum(calls for _, calls in loads.values()) >= 24  # one per document
    assert sum(misses for misses, _ in loads.values()) <= 2


def test_unreachable_cluster_is_one_line(database_url: str) -> None:
    result = run_cli(
        "--db", database_url, "ingest", "--cluster", "tcp://127.0.0.1:9", str(REPORTS)
    )
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert "tcp://127.0.0.1:9" in result.stderr
    assert "Traceback" not in result.stderr
    assert count_documents(open_database(database_url))["documents"] == 0


def wait_for_documents(
    database_url: str, process: subprocess.Popen[bytes], at_least: int
) -> None:
    database = open_database(database_url)
    deadline = time.monotonic() + 120
    while count_documents(database)["documents"] < at_least:
        assert process.poll() is None, "ingest finished before a worker was killed"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    database.close()


def assert_each_stored_once(database_url: str, expected: int) -> None:
    ids = stored_ids(database_url)
    assert len(ids) == len(set(ids)) == expected
    database = open_database(database_url)
    with database.reading() as connection:
        originals = connection.execute(
            select(document_sources.c.document_id, func.count())
            .where(document_sources.c.relation == "original")
            .group_by(document_sources.c.document_id)
        ).all()
    database.close()
    assert len(originals) == expected
    assert all(count == 1 for _, count in originals)


def test_killed_dask_worker_loses_nothing(
    database_url: str, cluster: Any, tmp_path: Path
) -> None:
    write_reports(tmp_path / "reports", 64, words=300)
    open_database(database_url).close()  # migrate first, so the child only ingests
    process = subprocess.Popen(
        ingest_command(
            database_url,
            "--cluster",
            cluster.scheduler_address,
            str(tmp_path / "reports"),
        ),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_for_documents(database_url, process, 10)
        with distributed.Client(cluster) as client:
            victim = next(iter(client.run(os.getpid).values()))
        os.kill(victim, signal.SIGKILL)
        _, errors = process.communicate(timeout=300)
    finally:
        if process.poll() is None:
            process.kill()
    # Dask reruns the lost tasks on the surviving (and restarted) workers.
    assert process.returncode == 0, errors.decode()
    assert_each_stored_once(database_url, 64)
    again = run_cli(
        "--db", database_url, "ingest", "--cluster", cluster.scheduler_address,
        str(tmp_path / "reports"), "--json",
    )  # fmt: skip
    assert json.loads(again.stdout)["summary"]["duplicate"] == 64
    assert_each_stored_once(database_url, 64)


def test_killed_local_worker_keeps_what_is_stored_and_a_rerun_finishes(
    database_url: str, tmp_path: Path
) -> None:
    write_reports(tmp_path / "reports", 72, words=300)
    open_database(database_url).close()
    process = subprocess.Popen(
        ingest_command(database_url, "--workers", "2", str(tmp_path / "reports")),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_for_documents(database_url, process, 10)
        worker = psutil.Process(process.pid).children()[0]
        worker.send_signal(signal.SIGKILL)
        _, errors = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 1
    message = errors.decode().strip()
    assert "worker process stopped unexpectedly" in message
    assert "Traceback" not in message
    stored = len(stored_ids(database_url))
    assert 10 <= stored < 72
    rerun = run_cli(
        "--db", database_url, "ingest", "--workers", "2",
        str(tmp_path / "reports"), "--json",
    )  # fmt: skip
    assert rerun.returncode == 0, rerun.stderr
    counts = json.loads(rerun.stdout)["summary"]
    assert (counts["ingested"], counts["duplicate"]) == (72 - stored, stored)
    assert_each_stored_once(database_url, 72)


def test_two_ingests_of_overlapping_folders_store_each_document_once(
    database_url: str, tmp_path: Path
) -> None:
    shared = write_reports(tmp_path / "shared", 60)
    for number, path in enumerate(shared[:20]):  # the same texts under other names
        (tmp_path / "first").mkdir(exist_ok=True)
        (tmp_path / "first" / f"copy-{number}.txt").write_text(path.read_text())
    (tmp_path / "second").mkdir()
    for number in range(60, 80):
        (tmp_path / "second" / f"own-{number}.txt").write_text(report_text(number))
    # A near-duplicate of a shared report: one process may see it before the
    # original is stored by the other; exactly one of the two must be kept.
    near = report_text(5).replace("Generated report 5", "Generated report 5 (updated)")
    (tmp_path / "second" / "near.txt").write_text(near)
    open_database(database_url).close()

    processes = [
        subprocess.Popen(
            ingest_command(database_url, *folders, "--json"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for folders in (
            (str(tmp_path / "shared"), str(tmp_path / "first")),
            (str(tmp_path / "second"), str(tmp_path / "shared")),
        )
    ]
    outputs = [process.communicate(timeout=300) for process in processes]
    for process, (_, errors) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, errors.decode()
    counts = [json.loads(out)["summary"] for out, _ in outputs]
    assert sum(c["ingested"] for c in counts) == 80
    assert sum(c["duplicate"] for c in counts) == 60 + 20 + 1
    assert_each_stored_once(database_url, 80)
    database = open_database(database_url)
    with database.reading() as connection:
        relations = dict(
            connection.execute(
                select(document_sources.c.relation, func.count()).group_by(
                    document_sources.c.relation
                )
            ).all()
        )
    database.close()
    # Every location is recorded once (a file read by both processes adds no
    # second row): 80 originals, and 20 copies under other names plus the
    # near-duplicate, whichever of the pair was stored first.
    assert relations["original"] == 80
    assert relations.get("copy", 0) + relations["near_duplicate"] == 21


def test_screening_in_batches_on_workers_and_cluster_matches_one_process(
    database_url: str, cluster: Any, tmp_path: Path
) -> None:
    screening = REPORTS.parent / "screening"
    loaded = run_cli(
        "--db", database_url, "lists", "load",
        str(REPORTS.parent / "lists" / "ofac"), str(screening / "dol-goods.xml"),
    )  # fmt: skip
    assert loaded.returncode == 0, loaded.stderr
    run_cli("--db", database_url, "ingest", str(screening / "evidence-report.txt"))
    header, *lines = (screening / "suppliers.csv").read_text().splitlines()
    rows = [line for line in lines if line.strip(",")]
    suppliers = tmp_path / "suppliers.csv"
    # 2,500 rows: three batches, each kind of row many times over.
    suppliers.write_text(
        "\n".join([header] + [rows[n % len(rows)] for n in range(2500)]) + "\n"
    )
    results = {}
    for how in ([], ["--workers", "2"], ["--cluster", cluster.scheduler_address]):
        result = run_cli(
            "--db", database_url, "screen", str(suppliers), "--json", *how,
            timeout=300,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        output = json.loads(result.stdout)
        stored = json.loads(
            run_cli(
                "--db", database_url, "screenings", "show",
                str(output["screening"]), "--json",
            ).stdout
        )  # fmt: skip
        assert [r["row"] for r in output["rows"]] == list(range(2, 2502))
        assert len(stored["results"]) == 2500
        results[" ".join(how[:1])] = (output["summary"], output["rows"])
    one_process = results[""]
    assert one_process[0]["high"] > 0
    assert results["--workers"] == one_process
    assert results["--cluster"] == one_process


def test_reanalyze_on_the_cluster_gives_the_same_evidence(
    database_url: str, cluster: Any
) -> None:
    from sqlalchemy import create_engine, text

    assert run_cli("--db", database_url, "ingest", str(REPORTS)).returncode == 0
    engine = create_engine(database_url)
    with engine.begin() as connection:
        before = connection.scalar(text("SELECT count(*) FROM indicators"))
        connection.execute(text("UPDATE analyses SET extractor_version = '0'"))
    result = run_cli(
        "--db", database_url, "reanalyze", "--cluster", cluster.scheduler_address,
        "--json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["analysed"] == 8
    with engine.connect() as connection:
        assert connection.scalar(text("SELECT count(*) FROM indicators")) == before
        assert set(
            connection.scalars(text("SELECT extractor_version FROM analyses"))
        ) == {EXTRACTOR_VERSION}
    engine.dispose()


@pytest.mark.parametrize("command", ["ingest", "screen", "reanalyze"])
def test_workers_and_cluster_together_are_refused(command: str) -> None:
    paths = {"ingest": [str(REPORTS)], "screen": [str(REPORTS / "none.csv")]}
    result = run_cli(
        command, *paths.get(command, []), "--workers", "2", "--cluster", "tcp://x:1"
    )
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "Error: give --workers (local processes) or --cluster (a Dask scheduler), "
        "not both"
    )


def test_two_runs_on_one_dask_worker_keep_their_own_contexts(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Dask worker lives on and serves whichever run sends it batches: it builds
    each run's context once, and neither run takes or drops the other's."""
    import threading

    from laborwatch.screen import ScreeningRun, screen_file
    from tests.screen.runs import results, side_by_side

    database, path, expected, builds = side_by_side(
        database_url, tmp_path, 6, monkeypatch
    )  # 12 batches a run
    second_screening = threading.Event()
    runs: dict[str, ScreeningRun] = {}
    # In this process, so the worker's builds are counted here.
    with distributed.LocalCluster(
        n_workers=1,
        threads_per_worker=2,
        processes=False,
        dashboard_address=None,
    ) as local_cluster:

        def run(name: str, on_row: Any) -> None:
            runs[name] = screen_file(
                path, database, cluster=local_cluster.scheduler_address, on_row=on_row
            )

        # The first run waits at its first row, its later batches still to be
        # sent, until the second has screened a row.
        first = threading.Thread(
            target=run, args=("first", lambda _: second_screening.wait(timeout=60))
        )
        first.start()
        deadline = time.monotonic() + 60
        while builds.count == 0:
            assert time.monotonic() < deadline
            time.sleep(0.005)
        run("second", lambda _: second_screening.set())
        first.join(timeout=120)
    assert set(runs) == {"first", "second"}
    assert builds.count == 2
    for name in ("first", "second"):
        assert results(database, runs[name].id) == expected
    database.close()
