"""``Closing``: a base for objects that hold a resource and are used in ``with``."""

from __future__ import annotations

from types import TracebackType
from typing import Self


class Closing:
    """Leaving a ``with`` block calls ``close``, or ``close_after_error`` when the
    block raised (``close`` again, unless a subclass keeps what it can otherwise)."""

    def close(self) -> None:
        raise NotImplementedError

    def close_after_error(self) -> None:
        self.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if kind is None:
            self.close()
        else:
            self.close_after_error()
