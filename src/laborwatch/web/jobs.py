"""Screening jobs run in a background thread, so an upload answers at once and
the page polls for progress.

Every job ends: ``complete``, or ``failed`` with one line (a user error verbatim,
anything else as a generic line, its traceback in the server log). The upload is
screened from a temporary copy, but the run records and every message names only
the user's file name, sanitised: no server path reaches a page or a pack.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import Path

from laborwatch.errors import BadInput, LaborwatchError, NotFound, TooLarge
from laborwatch.screen import XlsxLimits, screen_file
from laborwatch.settings import Settings
from laborwatch.store import Database

ALLOWED_SUFFIXES = (".csv", ".xlsx")
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
_MAX_NAME = 200

logger = logging.getLogger(__name__)


@dataclass
class Job:
    id: str
    name: str
    status: str = "running"  # running | complete | failed
    rows_done: int = 0
    screening: int | None = None
    error: str | None = None


def upload_name(name: str) -> str:
    """The user's file name as a label: its last path part (either slash), no
    control or format characters, at most 200 characters."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = "".join(
        char
        for char in base
        if unicodedata.category(char)[0] not in ("C", "Z") or char == " "
    ).strip(" .")
    if len(cleaned) > _MAX_NAME:
        suffix = Path(cleaned).suffix[:10]
        cleaned = cleaned[: _MAX_NAME - len(suffix)] + suffix
    return cleaned or "upload"


class Jobs:
    def __init__(self, database: Database, settings: Settings | None = None) -> None:
        self.database = database
        self.limits = XlsxLimits.from_settings(settings or Settings())
        self.jobs: dict[str, Job] = {}
        self.lock = threading.Lock()

    def start(self, name: str, data: bytes) -> Job:
        name = upload_name(name)
        suffix = Path(name).suffix.lower()
        if suffix not in ALLOWED_SUFFIXES:
            raise BadInput(f"{name}: upload a .csv or .xlsx file")
        if len(data) > MAX_UPLOAD_BYTES:
            raise TooLarge(f"{name}: larger than {MAX_UPLOAD_BYTES // 1024 // 1024} MB")
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
                raise NotFound(f"{job_id}: no such screening job")
            return self.jobs[job_id]

    def _run(self, job: Job, path: Path, folder: Path) -> None:
        def progress(_screening: object) -> None:
            job.rows_done += 1

        def started(screening_id: int) -> None:
            job.screening = screening_id

        try:
            run = screen_file(
                path,
                self.database,
                on_row=progress,
                on_start=started,
                input_name=job.name,
                limits=self.limits,
            )
            job.status = "complete"
            job.screening = run.id
        except LaborwatchError as err:
            job.error = str(err).replace(str(path), job.name)
            job.status = "failed"
        except Exception:  # a bug: the job must still end, the page stop polling
            logger.exception("screening job %s (%s) failed", job.id, job.name)
            job.error = (
                f"{job.name}: the screening stopped on an internal error "
                "(recorded in the server log)"
            )
            job.status = "failed"
        finally:
            shutil.rmtree(folder, ignore_errors=True)
