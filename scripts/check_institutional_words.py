"""Checks the lexicon of Arabic, Persian, Russian and Turkish institutional words.

    python scripts/check_institutional_words.py [path]

Reads ``src/laborwatch/match/data/institutional_words.csv`` (or ``path``) and prints
one line per problem, then the rows per language; exits 1 if there was a problem.
Checked: the header; every row has its four fields; no (word, language, English)
twice (a second English is a second reading);
Arabic and Persian words are in Arabic script without the article ال (the matcher
takes it off before looking a word up, so a row with it could never match);
Arabic rows use Arabic ي and ك and Persian rows Persian ی and ک (the two are
different code points, and a row in the other keyboard's letters never matches);
Russian words are lower-case Cyrillic, and romanised Russian and Persian
(``ru-Latn``, ``fa-Latn``, as lists transliterate them) and Turkish (``tr``, without
its marks, as lists write it) lower-case Latin letters; English is lower case; and the proper
names that lists keep transliterated (Bank Melli, Mellat, Sepah, Saderat, Tejarat)
are not translated.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / "src" / "laborwatch" / "match" / "data" / "institutional_words.csv"
HEADER = ["word", "english", "language", "source"]
ZWNJ = "\u200c"
# A word, or words a name writes together ("ذوب آهن", a steel works).
ARABIC_SCRIPT = re.compile(
    rf"^[\u0621-\u064a\u0670-\u06d3{ZWNJ}]+(?: [\u0621-\u064a\u0670-\u06d3{ZWNJ}]+)*$"
)
PERSIAN_ONLY = re.compile("[پچژگکی]")  # letters Arabic does not write
ARABIC_ONLY = re.compile("[يكة]")  # Arabic ya, kaf, ta marbuta
CYRILLIC_LOWER = re.compile(r"^[а-яё]+(?:-[а-яё]+)*$")
LATIN_LOWER = re.compile(r"^[a-z]+$")
ENGLISH = re.compile(r"^[a-z][a-z' -]*[a-z]$")
# Names of Iranian banks that lists keep transliterated ("Bank Mellat"). ملی is
# not among them: it is also "national" (National Iranian Oil Company), and the
# transliterated reading is looked up beside the translated one, so "Bank Melli
# Iran" is still found.
# صادرات is translated ("export": EXPORT DEVELOPMENT BANK OF IRAN); Bank Saderat is
# still found by the word's transliterated reading.
KEPT_TRANSLITERATED = {"ملت", "سپه", "تجارت"}


def check(path: Path) -> list[str]:
    """One line per problem found in the lexicon at ``path``."""
    problems: list[str] = []
    seen: Counter[tuple[str, str, str]] = Counter()
    per_language: Counter[str] = Counter()
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        if header != HEADER:
            problems.append(f"{path}: header is {header}, expected {HEADER}")
        for line, row in enumerate(reader, start=2):
            where = f"{path}:{line}"
            if len(row) != 4 or not all(field.strip() for field in row):
                problems.append(f"{where}: expected four non-empty fields: {row}")
                continue
            word, english, language, _ = row
            # A word in Arabic, Persian or Cyrillic script may have a second
            # reading (شهید "martyr" and, kept, "shahid"; `second_readings`).
            # Latin rows are read first-wins, so any repeat there is dead.
            reading = english if language in ("ar", "fa", "ru") else ""
            seen[(word, language, reading)] += 1
            per_language[language] += 1
            if seen[(word, language, reading)] == 2:
                problems.append(f"{where}: {word!r} ({language}) is listed twice")
            if not ENGLISH.match(english):
                problems.append(f"{where}: English {english!r} is not lower case")
            if language in ("ar", "fa"):
                if not ARABIC_SCRIPT.match(word):
                    problems.append(f"{where}: {word!r} is not in Arabic script")
                if word.startswith("ال"):
                    problems.append(f"{where}: {word!r} starts with the article ال")
                if language == "ar" and PERSIAN_ONLY.search(word):
                    problems.append(f"{where}: Arabic {word!r} has Persian letters")
                if language == "fa" and ARABIC_ONLY.search(word):
                    problems.append(f"{where}: Persian {word!r} has Arabic letters")
                if language == "fa" and word in KEPT_TRANSLITERATED:
                    problems.append(f"{where}: {word!r} is a name lists keep")
            elif language == "ru":
                if not CYRILLIC_LOWER.match(word):
                    problems.append(f"{where}: {word!r} is not lower-case Cyrillic")
            elif language in ("ru-Latn", "fa-Latn", "tr"):
                if not LATIN_LOWER.match(word):
                    problems.append(f"{where}: {word!r} is not lower-case Latin")
            else:
                problems.append(f"{where}: unknown language {language!r}")
    for language, count in sorted(per_language.items()):
        print(f"{language}: {count} rows")
    return problems


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    problems = check(path)
    for problem in problems:
        print(problem)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
