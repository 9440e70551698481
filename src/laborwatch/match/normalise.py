"""Names to weighted tokens: case, accents, punctuation, legal forms, word order.

Legal forms ("Co.", "Ltd", "JSC") carry no weight; words common to organisation
names ("trading", "general", "bank") carry little, so two names agree on what
identifies them, not on boilerplate.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from laborwatch.match.korean import korean_key

LEGAL_FORMS = frozenset(
    "co corp corporation company companies ltd limited llc inc incorporated jsc ojsc cjsc "
    "pjsc zao ooo oao gmbh ag sa sarl srl spa bv nv plc lp llp pte pty sdn bhd kk "
    "jv the of and de la el al".split()
)
COMMON_WORDS = frozenset(
    "general trading trade bank group international foreign korea korean association "
    "federation bureau commercial enterprise enterprises development industrial industries "
    "industry national state holding holdings service services joint venture office "
    "department center centre committee import export".split()
)
# "industrial" and its kin mark a company apart from a state bureau of the same stem,
# so they keep more weight than pure boilerplate.
SEMI_COMMON = frozenset("industrial industries industry electronics".split())
_NON_WORD = re.compile(r"[^\w]+")


@dataclass(frozen=True)
class Token:
    text: str
    key: str
    weight: float


@lru_cache(maxsize=65536)
def tokenise(name: str) -> tuple[Token, ...]:
    """A name's tokens, lower-cased and without accents or punctuation."""
    # Lower-cased after decomposing: "ℌ" and "𝐀" only become "H" and "A" then.
    folded = "".join(
        c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
    ).lower()
    tokens = []
    # "S.A." is one word, "sa"; so are "O'Neil" and "Jong-un"'s parts once split.
    for word in _NON_WORD.sub(" ", folded.replace("'", "").replace(".", "")).split():
        if word in LEGAL_FORMS:
            continue
        if word in SEMI_COMMON:
            weight = 0.8
        elif word in COMMON_WORDS:
            weight = 0.3
        else:
            weight = 1.0
        tokens.append(Token(word, korean_key(word), weight))
    return tuple(tokens)
