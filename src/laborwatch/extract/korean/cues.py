"""Korean cue words for the indicator codes, and the sentences that carry none.

Written from the guideline's cue lists (shared/data/indicators.md, translated) and
from North Korean labour vocabulary: 외화벌이 (earning foreign currency),
노력동원 (labour mobilisation), 충성자금 (loyalty funds), 계획분 (plan quota),
노동단련대 (labour-training camp), 돌격대 (shock brigade). A cue is evidence for
the multilingual classifier's decision and the words shown to the user; it decides
alone only with the classifier's support (``korean.analyze_korean``).
"""

from __future__ import annotations

import re

_CHILD = r"(?:아동|어린이|아이들|청소년|중학생|고등학생|소학생|학생|소년|소녀|미성년|10대|십대|어린 학생)"

KOREAN_CUES: tuple[tuple[str, str], ...] = (
    (
        "vulnerability",
        r"굶주|배고픔|배급(?:을|이)? ?(?:받|타)|먹고 ?살기 위해|생계(?:를|가)|가난|빈곤|어쩔 수 없이|선택의 여지(?:가|도)? 없|대신할 사람(?:은|이)? (?:얼마든지|많)|불법 ?체류|미등록",
    ),
    (
        "deception",
        r"속아|속여|속임|속았|거짓 ?(?:약속|광고|구인)|허위|약속(?:과|한 것과) (?:달리|다른)|알고 ?보니|말과 (?:달리|다르)",
    ),
    (
        "restricted_movement",
        r"외출(?:이|을|은)? ?(?:금지|통제|제한|못)|숙소(?:를|에서)? ?(?:벗어나|나가지)|감금|갇혀|갇힌|이동(?:의 자유)?(?:이|을|가)? ?(?:제한|통제|금지)|감시(?:원|를 받|하에|속|당하)|단체로만|집단(?:으로)? ?(?:이동|외출)|무단 ?이탈",
    ),
    (
        "isolation",
        r"외부(?:와|와의)? ?(?:단절|차단|연락|접촉)|휴대 ?(?:전화|폰)(?:을|를|도|은)? ?(?:압수|빼앗|금지|쓸 수 없|사용(?:이|을)? 금지)|가족(?:과|들과)(?:의)? ?(?:연락|통화|만남)(?:이|을|도)? ?(?:할 수 없|못|금지|끊)|외딴|고립|현지인(?:과|들과)(?:의)? ?(?:접촉|대화|교류)",
    ),
    ("violence", r"구타|폭행|때리|때렸|맞아|맞았|매질|고문|성폭행|성추행|강간|폭력"),
    (
        "intimidation",
        r"협박|위협|처벌(?:을|받|하|당)|벌금|강제 ?송환|(?:본국|북한)(?:으로)? ?(?:송환|소환)(?:시키|하겠|된다|될)|불이익|노동단련대|교화소|수용소(?:로|에)? ?보내|사상 ?(?:검토|투쟁)|비판(?:을 받|받|당)|(?:불평|항의|반발)(?:하면|한 사람|하는 사람)",
    ),
    (
        "retained_documents",
        r"(?:여권|신분증|공민증|증명서)(?:을|를|은|도)? ?(?:압수|회수|빼앗|보관|맡|가져가|관리)",
    ),
    (
        "withheld_wages",
        r"(?:임금|월급|노임|급여|노동 ?대가|봉급)(?:을|를|이|은|의)? ?(?:받지 못|못 받|체불|미지급|착취|떼|가로채|상납|지급(?:하지|되지) ?않|주지 않)|(?:국가|당|정권)(?:에|에게)? ?(?:상납|바치|바쳐|바친)|대부분(?:을|은)? ?(?:국가|당)|계획분|충성자금|과제금|한 푼도|무보수|무급|돈을 (?:받지 못|못 받)",
    ),
    (
        "debt_bondage",
        r"빚|채무|부채|선불금|선금|(?:중개|알선|소개) ?(?:수수료|비|료)|뇌물(?:을|를)? ?(?:주고|바치고|써)",
    ),
    (
        "abusive_conditions",
        r"열악|위험한 (?:작업|환경|노동|일)|(?:안전|보호) ?(?:장비|장구)(?:도|가|를)? ?(?:없|지급하지|주지)|부상|다치|산업 ?재해|물집|피부가 벗겨|혹사|비위생|영양실조|좁은 (?:숙소|방)|맨손|동상",
    ),
    (
        "excessive_overtime",
        r"하루 ?(?:1[2-9]|2[0-4]|열두|열세|열네|열다섯|열여섯|열여덟|스무) ?시간|밤낮(?:없이|으로)|새벽부터 (?:밤|늦게)|휴일(?:도|이)? ?없|쉬는 날(?:도|이)? ?없|하루도 (?:못 )?쉬|연장 ?근무|야간 ?(?:작업|노동)|초과 ?근무|(?:1[2-9]|2[0-4])시간씩",
    ),
    (
        "child_labour",
        _CHILD
        + r"[^.?!]{0,40}(?:노동|동원|작업|모내기|농촌 ?지원|노력 ?동원|돌격대|일을 (?:하|시키)|일하|모집|착취)",
    ),
    (
        "state_imposed",
        r"(?:국가|당국|정권|노동당|국가보위성|보위부|보위성|정부|인민위원회|내각|무역성|대외경제성|총국)[^.?!]{0,40}(?:동원|강제|파견|할당|과제|계획)|외화 ?벌이|해외 ?(?:파견|노동자|근로자)|파견 ?(?:노동자|근로자)|노력 ?동원|농촌 ?(?:지원|동원)|돌격대|노동단련대|교화소|관리소|정치범 ?수용소|강제 ?노동|충성자금|계획분",
    ),
)
_HAZARD = re.compile(
    r"광산|탄광|위험|무거운|농약|화학|야간|밤늦게|종일|하루 ?\d+ ?시간|물집|피부|건설|돌격대|군대|성매매|성착취"
)

# Sentences about the practice rather than of it: law, sanctions, recommendation,
# denial, effort (indicators.md, "What carries no indicator").
NON_EVIDENCE = re.compile(
    r"(?:권고|촉구|해야 한다|해야 할|요구했다|법률|법안|결의(?:안)?|제재(?:를|위반|대상|결의|를 위반)|대북 ?제재|금지하는 ?법|부인했|사실이 아니|날조|근거 ?없는|노력하고 있|대책을|방지하기 위해|근절하기 위해|지원 ?사업|보호 ?시설)"
)
_COMPILED = tuple((code, re.compile(pattern)) for code, pattern in KOREAN_CUES)


def korean_cues(text: str) -> dict[str, re.Match[str]]:
    """The first cue of each code found in a Korean sentence."""
    found: dict[str, re.Match[str]] = {}
    for code, pattern in _COMPILED:
        match = pattern.search(text)
        if match:
            found[code] = match
    if "child_labour" in found:
        hazard = _HAZARD.search(text)
        if hazard:
            found["hazardous_child_work"] = hazard
    return found


def is_korean_non_evidence(text: str) -> bool:
    return bool(NON_EVIDENCE.search(text))
