"""Extract: evidence from a Document. Pure functions; never opens the database."""

from laborwatch.extract.sentences import split_sentences

__all__ = ["split_sentences"]
