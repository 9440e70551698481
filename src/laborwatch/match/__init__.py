"""Match: find list entries for a name, robust to transliteration, and explain why."""

from laborwatch.match.matcher import DEFAULT_THRESHOLD, Feature, Hit, Matcher, Query

__all__ = ["DEFAULT_THRESHOLD", "Feature", "Hit", "Matcher", "Query"]
