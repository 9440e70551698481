"""Chinese characters read in Korean: 崔龙海 as 최룡해 (Choe Ryong Hae).

Chinese and Japanese media and Chinese trade records write North Korean persons
and bodies in Chinese characters; the lists romanise the Korean reading of those
characters or translate the body, so the Mandarin reading finds neither.
Simplified characters are first made traditional (OpenCC's tables, through
opencc-python-reimplemented), the forms Korean reads; each character is then read
from ``data/hanja_readings.csv`` (built by ``scripts/build_hanja_readings.py``).
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib.resources import files
from typing import Any

_HAN_WORD = re.compile(r"[\u4e00-\u9fff\uf900-\ufaff]+")
_DIGITS = dict(zip("一二三四五六七八九", "123456789", strict=True))
# 第二 is 제2, as the lexicon writes an ordinal (제2경제위원회, "Second Economic
# Committee"); up to 第九十九.
_ORDINAL = re.compile("第([一二三四五六七八九十]{1,3})")
# Words Chinese writes other than Korean does, as Korean writes them: a North
# Korean 총회사 (general corporation) is a 總公司 in Chinese, which reads 총공사.
_KOREAN_WORDS = {"總公司": "總會社"}
# 金 is read 금 (gold), and 김 as the surname: 金正恩 is Kim Jong Un. A word of
# three or four characters starting with it is taken for a person's name.
_KIM = "金"


@lru_cache(maxsize=1)
def _readings() -> dict[str, str]:
    path = files("laborwatch.match") / "data" / "hanja_readings.csv"
    rows = csv.DictReader(path.read_text(encoding="utf-8").splitlines())
    return {row["hanja"]: row["hangul"] for row in rows}


@lru_cache(maxsize=2)
def chinese_converter(config: str) -> Any:
    """OpenCC's converter for ``config``: "s2t" (simplified to traditional), "t2s"."""
    from opencc import OpenCC  # type: ignore[import-untyped]

    return OpenCC(config)


def _number(numeral: str) -> str | None:
    """A Chinese numeral below 100 in digits ("二" 2, "十二" 12, "二十" 20)."""
    tens, _, units = numeral.partition("十")
    if "十" not in numeral:
        return _DIGITS.get(numeral) if len(numeral) == 1 else None
    if (tens and tens not in _DIGITS) or (units and units not in _DIGITS):
        return None
    return str(int(_DIGITS.get(tens, "1")) * 10 + int(_DIGITS.get(units, "0")))


def _ordinal(found: re.Match[str]) -> str:
    number = _number(found.group(1))
    return f"제{number}" if number else found.group(0)


def _read_word(word: str) -> str:
    table = _readings()
    read = [table.get(character, character) for character in word]
    if word.startswith(_KIM) and 3 <= len(word) <= 4:
        read[0] = "김"
    return "".join(read)


def sino_korean(text: str) -> str | None:
    """The Korean reading, in Hangul, of the Chinese characters in ``text`` (other
    characters kept); None where it has none."""
    if not _HAN_WORD.search(text):
        return None
    traditional = _ORDINAL.sub(_ordinal, chinese_converter("s2t").convert(text))
    for chinese, korean in _KOREAN_WORDS.items():
        traditional = traditional.replace(chinese, korean)
    return _HAN_WORD.sub(lambda found: _read_word(found.group(0)), traditional)
