"""The one exception users see."""


class LaborwatchError(Exception):
    """A problem with the user's input or setup, told in one line.

    The message names the input and the problem (``reports/a.pdf: encrypted PDF``).
    Anything else that escapes is a bug.
    """
