"""The document page lists each distinct fact once (its first mention), with its
count."""

from laborwatch.web.pages import distinct_stored_facts


def _row(kind: str, text: str, key: str, **detail: object) -> dict[str, object]:
    return {"kind": kind, "text": text, "key": key, "detail": {"text": text, **detail}}


def test_mentions_of_one_fact_are_one_line_with_their_count() -> None:
    rows = [
        _row("good", "jewels", "gems", good="gems", hs="7103"),
        _row("good", "gemstones", "gems", good="gems", hs="7103"),
        _row("good", "jewels", "gems", good="gems", hs="7103"),
        _row("victim", "workers", "workers", group="workers", number=None),
        _row("victim", "30 workers", "workers", group="workers", number=30),
    ]
    facts = distinct_stored_facts(rows)
    assert [(f["kind"], f["text"], f["count"]) for f in facts] == [
        ("good", "jewels", 3),
        ("victim", "workers", 1),
        ("victim", "30 workers", 1),
    ]
