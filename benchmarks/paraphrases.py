"""Paraphrases and look-alikes: how the indicator classifier reads hard sentences.

    python benchmarks/paraphrases.py

The sentences are the examples of the issue that asked for the learned classifier
(written for it, not in the training data): concrete descriptions without the
rules' cue words, and text about the practice that must carry no indicator. Prints
each sentence's codes and the counts: expected codes found, and negatives with any.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from laborwatch.documents import Sentence  # noqa: E402
from laborwatch.extract.classifier import classify  # noqa: E402
from laborwatch.extract.indicators import find_indicators  # noqa: E402

PARAPHRASES = (
    ("the manager keeps their pay until the contract ends", {"withheld_wages"}),
    (
        "three quarters of what they earn goes to the Party as a plan quota",
        {"withheld_wages", "state_imposed"},
    ),
    ("they sleep on the factory floor beside the dye vats", {"abusive_conditions"}),
    (
        "a minder goes with them to the market and reports anyone who talks to locals",
        {"restricted_movement", "isolation"},
    ),
    ("their phones were taken for the whole season at sea", {"isolation"}),
    ("'What else could we do? We owed money at home.'", {"vulnerability"}),
    ("the hotel job turned out to be a building site", {"deception"}),
    ("families who refused to send a worker had their rations cut", {"intimidation"}),
)
ABOUT_THE_PRACTICE = (
    "an import ban was imposed on the firm's tomatoes over forced-labour concerns",
    "the supplier has signed a remediation plan with its auditors",
    "police charged the couple under the anti-trafficking act",
    "the inspectorate found no children working on the sampled farms",
    "the ministry opened shelters for children removed from the mines",
    "The girls work eight hours every day.",
    "she has written about child labour for a decade",
)


def codes(text: str) -> set[str]:
    (scores,) = classify([text])
    return {
        i.code for i in find_indicators(Sentence("", 0, 0, len(text), text), scores)
    }


def main() -> None:
    found = expected = 0
    for text, wanted in PARAPHRASES:
        got = codes(text)
        found += len(wanted & got)
        expected += len(wanted)
        print(f"{sorted(got)!s:60} expected {sorted(wanted)}: {text}")
    flagged = 0
    for text in ABOUT_THE_PRACTICE:
        got = codes(text)
        flagged += bool(got)
        print(f"{sorted(got)!s:60} expected []: {text}")
    print(f"paraphrases: {found} of {expected} expected codes found")
    print(f"about the practice: {flagged} of {len(ABOUT_THE_PRACTICE)} given a code")


if __name__ == "__main__":
    main()
