"""Build ``src/laborwatch/match/data/hanja_readings.csv``: the Sino-Korean reading,
in Hangul, of each Chinese character.

Run with the ``hanja`` extra installed (``pip install -e '.[hanja]'``):
``python scripts/build_hanja_readings.py``. Source: the character table of the
``hanja`` package (Sumin Byeon, WTFPL), read as installed. The package pins PyYAML
and its own test tools among its requirements, so the matcher reads this table
rather than the package. The table gives each character its dictionary reading
(李 리, 勞 로), the form North Korea writes at the start of a word too; the package's
``translate`` turns it into the South's (이, 노), which the Hangul path reads anyway.

Kept: the CJK Unified Ideographs (U+4E00–U+9FFF), the characters the matcher reads
as Chinese, and the CJK Compatibility Ideographs (U+F900–U+FAFF), Korean duplicates
of them.
"""

from __future__ import annotations

import csv
from pathlib import Path

from hanja.table import hanja_table  # type: ignore[import-not-found]

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "src/laborwatch/match/data/hanja_readings.csv"


def _kept(character: str) -> bool:
    code = ord(character)
    return 0x4E00 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF


def main() -> None:
    rows = sorted(
        (character, reading)
        for character, reading in hanja_table.items()
        if len(character) == 1 and _kept(character) and reading
    )
    with OUTPUT.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["hanja", "hangul"])
        writer.writerows(rows)
    print(f"{len(rows)} characters written to {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
