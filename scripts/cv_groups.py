"""Cross-validation groups for the indicator classifier's training corpus.

Kept apart from the training script, which needs scikit-learn, so that the tests
check it without the training extras.
"""

from __future__ import annotations

import re

# A sentence this long (in words) found in two groups joins them: shorter ones
# ("Child labor in agriculture") are headings, common to unrelated documents.
SHARED_SENTENCE_WORDS = 6


def joined_by_shared_sentences(groups: list[str], texts: list[str]) -> list[str]:
    """Groups joined wherever they hold the same sentence (six words or more, case and
    punctuation aside): yearly reports of one country, and one agency's findings on
    many countries, repeat whole sentences, and a sentence seen in training must
    not be scored as new."""
    parent: dict[str, str] = {}

    def root(group: str) -> str:
        while parent.setdefault(group, group) != group:
            parent[group] = parent[parent[group]]
            group = parent[group]
        return group

    first_group: dict[str, str] = {}
    for group, text in zip(groups, texts, strict=True):
        if group.startswith("synthetic:"):
            continue
        key = " ".join(re.findall(r"[a-z0-9]+", text.lower()))
        if len(key.split()) < SHARED_SENTENCE_WORDS:
            continue
        if key in first_group:
            parent[root(group)] = root(first_group[key])
        else:
            first_group[key] = group
    return [root(group) for group in groups]
