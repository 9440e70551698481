"""Files a user names that are read whole (a screening config, a gold file and the
texts it names, a batch of names): not UTF-8 is one error naming the file."""

from pathlib import Path

import pytest

from laborwatch.errors import LaborwatchError
from laborwatch.evaluation import gold_document, read_gold
from laborwatch.inputs import read_text
from laborwatch.screen.config import load_config

NOT_UTF8 = b"\xff\xfe[sanctions]\n"


def test_read_text_names_the_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_bytes(NOT_UTF8)
    with pytest.raises(LaborwatchError, match=r"bad\.toml: not UTF-8 text"):
        read_text(path)
    with pytest.raises(LaborwatchError, match=r"missing\.toml: cannot read"):
        read_text(tmp_path / "missing.toml")
    (tmp_path / "good.toml").write_text("[sanctions]\n", encoding="utf-8")
    assert read_text(tmp_path / "good.toml") == "[sanctions]\n"


def test_a_screening_config_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_bytes(NOT_UTF8)
    with pytest.raises(LaborwatchError, match=r"bad\.toml: not UTF-8 text"):
        load_config(path)


def test_a_gold_file_or_text_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_bytes(b'{"file": "a.txt"}\n\xff\n')
    with pytest.raises(LaborwatchError, match=r"gold\.jsonl: not UTF-8 text"):
        list(read_gold(gold))
    gold.write_text('{"file": "a.txt"}\n', encoding="utf-8")
    (tmp_path / "a.txt").write_bytes(b"Children \xff worked.")
    (record,) = read_gold(gold)
    with pytest.raises(LaborwatchError, match=r"a\.txt: not UTF-8 text"):
        gold_document(record, tmp_path)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"file": ' + "1" * 5000 + "}", "a number too long to read"),
        ("[" * 100_000 + "]" * 100_000, "JSON nested too deep"),
    ],
)
def test_a_gold_line_python_cannot_read_is_one_error(
    tmp_path: Path, line: str, message: str
) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"file": "a.txt"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(LaborwatchError, match=rf"gold\.jsonl:2: .*{message}"):
        list(read_gold(gold))
