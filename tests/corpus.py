"""Generated documents for tests and benchmarks: distinct, report-like, reproducible."""

from __future__ import annotations

import random
from pathlib import Path

WORDS = """
workers factory kiln owner passports wages debt quota recruiter broker children girls
boys women men farm mine vessel crew cotton cocoa gems bricks garments fish province
village city agency manager supervisor guard police bureau ministry trader paid unpaid
withheld locked beaten threatened deceived forced confined hours night shift month year
season harvest export import sanctions currency rations blisters
""".split()  # noqa: SIM905 (a word list reads better as prose)


def report_text(number: int, words: int = 120) -> str:
    """A unique report: a numbered headline and sentences of random field words."""
    rng = random.Random(number)
    sentences = []
    while sum(len(s.split()) for s in sentences) < words:
        length = rng.randint(8, 20)
        sentence = " ".join(rng.choice(WORDS) for _ in range(length))
        sentences.append(sentence.capitalize() + ".")
    return f"Generated report {number}\n\n" + " ".join(sentences) + "\n"


def write_reports(folder: Path, count: int, words: int = 120) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"report-{number:06d}.txt"
        path.write_text(report_text(number, words))
        paths.append(path)
    return paths
