"""The real Korean training sentences (training/korean/): their labels are valid
and still match the texts as the pipeline's Korean splitter reads them."""

import json
from pathlib import Path

from laborwatch.documents import Document
from laborwatch.extract.indicators import CODES
from laborwatch.extract.korean import split_korean_sentences

KOREAN = Path(__file__).resolve().parents[2] / "training" / "korean"
NEGATIVE_KINDS = {
    "effort", "law", "recommendation", "enforcement", "remediation", "denial",
    "negation", "risk", "bio", "metaphor", "furniture", "statistic", "other",
}  # fmt: skip
HEADER = ("SOURCE", "TITLE", "DATE", "LICENCE")


def labels() -> list[dict[str, object]]:
    text = (KOREAN / "labels.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line]


def test_every_label_is_a_code_or_a_reason() -> None:
    rows = labels()
    assert len(rows) >= 400
    for row in rows:
        codes = row["indicators"]
        assert isinstance(codes, list)
        assert set(codes) <= set(CODES), row["id"]
        if codes:
            assert row["negative_kind"] is None, row["id"]
        else:
            assert row["negative_kind"] in NEGATIVE_KINDS, row["id"]


def test_labels_match_the_korean_splitter() -> None:
    by_text: dict[str, list[tuple[str, str]]] = {}
    for row in labels():
        text_id = str(row["id"]).rsplit(":", 1)[0]
        by_text.setdefault(text_id, []).append((str(row["text"]), str(row["prev"])))
    sources = sorted((KOREAN / "sources").glob("*.txt"))
    assert {p.stem for p in sources} == set(by_text)
    for path in sources:
        lines = path.read_text(encoding="utf-8").splitlines()
        assert [line.split(":")[0] for line in lines[:4]] == [f"# {h}" for h in HEADER]
        assert "training" in lines[3], path.name
        document = Document.create(
            "\n".join(lines[4:]).strip() + "\n",
            source=str(path),
            media_type="text/plain",
        )
        split = [s.text for s in split_korean_sentences(document)]
        assert [text for text, _ in by_text[path.stem]] == split, path.name
        assert [prev for _, prev in by_text[path.stem]] == ["", *split[:-1]]


def test_no_text_of_the_development_set_is_used() -> None:
    development = KOREAN.parents[1] / "benchmarks" / "data" / "korean_dev" / "texts"
    theirs = {
        line.removeprefix("# SOURCE: ").strip()
        for path in development.glob("*.txt")
        for line in path.read_text(encoding="utf-8").splitlines()[:1]
    }
    ours = {
        path.read_text(encoding="utf-8").splitlines()[0].removeprefix("# SOURCE: ")
        for path in (KOREAN / "sources").glob("*.txt")
    }
    assert theirs and not theirs & ours
