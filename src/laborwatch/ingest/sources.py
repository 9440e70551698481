"""Finding the inputs: files, folders walked recursively, and standard input."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from laborwatch.ingest.problems import Problem

STDIN = "-"

# Formats known by file extension; other files in a folder are not inputs.
EXTENSION_FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}


@dataclass(frozen=True)
class SourceFile:
    """One input to read: a file (``path``) or standard input (``path is None``).

    ``format`` is None when the extension does not tell and the content must.
    """

    location: str
    path: Path | None
    format: str | None
    size: int | None


def discover(paths: Iterable[str]) -> Iterator[SourceFile | Problem]:
    """Each input file under the given paths, in a stable order, or why not."""
    for given in paths:
        if given == STDIN:
            yield SourceFile("<stdin>", None, None, None)
            continue
        path = Path(given)
        try:
            status = path.stat()
        except OSError as err:
            yield Problem(given, _describe_os_error(err, path), "failed")
            continue
        if stat.S_ISDIR(status.st_mode):
            yield from _walk(path)
        elif stat.S_ISREG(status.st_mode):
            yield SourceFile(
                given, path, EXTENSION_FORMATS.get(path.suffix.lower()), status.st_size
            )
        else:
            yield Problem(given, "not a regular file or folder", "skipped")


def _walk(root: Path) -> Iterator[SourceFile | Problem]:
    """Files of known formats under root, following links but never in a loop."""
    problems: list[Problem] = []

    def on_error(err: OSError) -> None:
        location = err.filename or str(root)
        problems.append(
            Problem(str(location), _describe_os_error(err, Path(location)), "failed")
        )

    visited = {_identity(root)}
    for folder, subfolders, filenames in os.walk(
        root, followlinks=True, onerror=on_error
    ):
        yield from problems
        problems.clear()
        kept = []
        for name in sorted(subfolders):
            if name.startswith("."):
                continue
            subfolder = os.path.join(folder, name)
            try:
                identity = _identity(Path(subfolder))
            except OSError as err:
                yield Problem(
                    subfolder, _describe_os_error(err, Path(subfolder)), "failed"
                )
                continue
            if identity in visited:
                # A second way into a folder already walked: a loop if it leads back
                # up to an ancestor, else the same files again. Either way, not again.
                if _is_loop(Path(subfolder), Path(folder)):
                    yield Problem(
                        subfolder, "symbolic link loop, not followed", "skipped"
                    )
                continue
            visited.add(identity)
            kept.append(name)
        subfolders[:] = kept
        for name in sorted(filenames):
            file_format = EXTENSION_FORMATS.get(os.path.splitext(name)[1].lower())
            if name.startswith(".") or file_format is None:
                continue
            path = Path(folder, name)
            try:
                status = path.stat()
            except OSError as err:
                yield Problem(str(path), _describe_os_error(err, path), "failed")
                continue
            if stat.S_ISREG(status.st_mode):
                yield SourceFile(str(path), path, file_format, status.st_size)
    yield from problems


def _identity(path: Path) -> tuple[int, int]:
    status = path.stat()
    return status.st_dev, status.st_ino


def _is_loop(link: Path, parent: Path) -> bool:
    target = os.path.realpath(link)
    here = os.path.realpath(parent)
    return here == target or here.startswith(target + os.sep)


def _describe_os_error(err: OSError, path: Path) -> str:
    if isinstance(err, FileNotFoundError):
        return "broken symbolic link" if path.is_symlink() else "no such file or folder"
    if isinstance(err, PermissionError):
        return "permission denied"
    if err.errno is not None and os.strerror(err.errno):
        return os.strerror(err.errno).lower()
    return str(err)
