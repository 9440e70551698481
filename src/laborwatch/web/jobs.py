"""Screening jobs run in a background thread, so an upload answers at once and
the page polls for progress."""

from __future__ import annotations

import shutil
import tempfile
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path

from laborwatch.errors import LaborwatchError
from laborwatch.screen import screen_file
from laborwatch.store import Database

ALLOWED_SUFFIXES = (".csv", ".xlsx")
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


@dataclass
class Job:
    id: str
    name: str
    status: str = "running"  # running | complete | failed
    rows_done: int = 0
    screening: int | None = None
    error: str | None = None


class Jobs:
    def __init__(self, database: Database) -> None:
        self.database = database
        self.jobs: dict[str, Job] = {}
        self.lock = threading.Lock()

    def start(self, name: str, data: bytes) -> Job:
        suffix = Path(name).suffix.lower()
        if suffix not in ALLOWED_SUFFIXES:
            raise LaborwatchError(f"{name}: upload a .csv or .xlsx file")
        if len(data) > MAX_UPLOAD_BYTES:
            raise LaborwatchError(
                f"{name}: larger than {MAX_UPLOAD_BYTES // 1024 // 1024} MB"
            )
        job = Job(id=uuid.uuid4().hex, name=name)
        folder = Path(tempfile.mkdtemp(prefix="laborwatch-upload-"))
        path = folder / f"upload{suffix}"  # the user's file name never becomes a path
        path.write_bytes(data)
        with self.lock:
            self.jobs[job.id] = job
        threading.Thread(
            target=self._run, args=(job, path, folder), daemon=True
        ).start()
        return job

    def get(self, job_id: str) -> Job:
        with self.lock:
            if job_id not in self.jobs:
                raise LaborwatchError(f"{job_id}: no such screening job")
            return self.jobs[job_id]

    def _run(self, job: Job, path: Path, folder: Path) -> None:
        def progress(_screening: object) -> None:
            job.rows_done += 1

        try:
            run = screen_file(path, self.database, on_row=progress)
            job.screening = run.id
            job.status = "complete"
        except LaborwatchError as err:
            job.error = str(err).replace(str(path), job.name)
            job.status = "failed"
        finally:
            shutil.rmtree(folder, ignore_errors=True)
