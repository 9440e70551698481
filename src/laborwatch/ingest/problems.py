"""What ingest reports instead of a document when an input cannot be read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from laborwatch.errors import LaborwatchError

ProblemKind = Literal["skipped", "failed"]


@dataclass(frozen=True)
class Problem:
    """An input not ingested: skipped by policy (empty, too large) or failed."""

    location: str
    reason: str
    kind: ProblemKind

    def __str__(self) -> str:
        return f"{self.location}: {self.reason}"


class InputError(LaborwatchError):
    """Raised by a format reader; the caller adds the input's location."""

    def __init__(self, reason: str, *, kind: ProblemKind = "failed") -> None:
        super().__init__(reason)
        self.reason = reason
        self.kind: ProblemKind = kind


def empty_input() -> InputError:
    return InputError("empty document, skipped", kind="skipped")
