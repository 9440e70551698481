"""Which language a document is written in."""

from __future__ import annotations

# py3langid's cost grows with the text; a thousand characters decide the language.
_SAMPLE_CHARS = 1000
_MIN_LETTERS = 20


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when too short to tell."""
    import py3langid  # loads its model on first import

    sample = text[:_SAMPLE_CHARS]
    if sum(character.isalpha() for character in sample) < _MIN_LETTERS:
        return None
    code, _score = py3langid.classify(sample)
    return str(code)
