"""The one exception users see, and its kinds by HTTP status.

The CLI prints any of them as one line; the web app answers with the class's
``status``, never one guessed from the message.
"""


class LaborwatchError(Exception):
    """A problem with the user's input or setup, told in one line.

    The message names the input and the problem (``reports/a.pdf: encrypted PDF``).
    Anything else that escapes is a bug.
    """

    status: int = 400


class BadInput(LaborwatchError):
    """The input is malformed or cannot be used (a bad query, a wrong file type)."""

    status = 400


class Unauthorized(LaborwatchError):
    """No valid API token or sign-in where one is required."""

    status = 401


class Forbidden(LaborwatchError):
    """The user is known, but their role does not allow this."""

    status = 403


class NotFound(LaborwatchError):
    """The thing named (a document, a screening, a file) does not exist."""

    status = 404


class TooLarge(LaborwatchError):
    """The input is past a size limit."""

    status = 413


def shown(value: str, most: int = 60) -> str:
    """A user's value as an error line shows it: on one line and shortened, so a
    pasted page or a cell with line breaks keeps the message to one line."""
    value = " ".join(value.split())
    return value if len(value) <= most else value[: most - 1] + "…"
