"""Facts in Korean sentences: places, money, dates, actors, victims, sources, goods.

Korean attaches particles to nouns (평양에서, 5000원으로), so names are found by
their left edge and the particle after them is left out of the span.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

from laborwatch.documents import Sentence
from laborwatch.extract.evidence import (
    Actor,
    CitedSource,
    DateMention,
    Denial,
    Good,
    Money,
    Place,
    Span,
    Victim,
)
from laborwatch.extract.korean.cues import is_korean_non_evidence
from laborwatch.extract.vocabulary import PlaceEntry, goods_taxonomy, place_entries


@lru_cache(maxsize=1)
def korean_gazetteer() -> tuple[PlaceEntry, ...]:
    return tuple(place_entries("gazetteer-ko.csv"))


@lru_cache(maxsize=1)
def _place_pattern() -> tuple[re.Pattern[str], dict[str, PlaceEntry]]:
    entries = {entry.name: entry for entry in korean_gazetteer()}
    names = sorted(entries, key=len, reverse=True)
    pattern = re.compile(r"(?<![가-힣])(?:" + "|".join(map(re.escape, names)) + ")")
    return pattern, entries


def find_korean_places(sentence: Sentence) -> list[Place]:
    pattern, entries = _place_pattern()
    places = []
    for match in pattern.finditer(sentence.text):
        entry = entries[match.group()]
        places.append(
            Place(
                text=match.group(),
                country=entry.country,
                subdivision=entry.subdivision,
                city=entry.city,
                latitude=entry.latitude,
                longitude=entry.longitude,
                span=Span.within(sentence, match.start(), match.end()),
            )
        )
    return places


_CURRENCIES = {
    "원": None,
    "달러": "USD",
    "불": "USD",
    "위안": "CNY",
    "元": "CNY",
    "유로": "EUR",
    "엔": "JPY",
    "루블": "RUB",
    "리얄": "QAR",
}
_UNITS = {
    "천": 1_000,
    "만": 10_000,
    "십만": 100_000,
    "백만": 1_000_000,
    "천만": 10_000_000,
    "억": 100_000_000,
}
_AMOUNT = r"\d[\d,]*(?:\.\d+)?"
_MONEY = re.compile(
    rf"(?P<low>{_AMOUNT})\s*(?P<low_unit>천만|백만|십만|천|만|억)?\s*(?:[~∼〜\-–]\s*(?P<high>{_AMOUNT})\s*(?P<high_unit>천만|백만|십만|천|만|억)?\s*)?"
    r"(?P<currency>원|달러|불|위안|元|유로|엔|루블|리얄)(?![가-힣]{0,0}[화가])"
)
_SHARE = re.compile(
    rf"(?P<low>{_AMOUNT})\s*(?:[~∼〜\-–]\s*(?P<high>{_AMOUNT})\s*)?(?:%|퍼센트|프로)"
)
_SHARE_OF_WAGES = re.compile(r"임금|월급|노임|급여|수입|번 돈|벌이|소득")
_PERIODS = (
    ("hour", re.compile(r"시간당|시급")),
    ("day", re.compile(r"하루|일당|일급|날마다|매일")),
    ("week", re.compile(r"주당|일주일|매주")),
    ("month", re.compile(r"월급|한 ?달|매달|매월|달에|월 ?평균|월(?= ?\d)")),
    ("year", re.compile(r"연봉|1년|한 ?해|연간|매년")),
)
_KINDS = (
    ("fee", re.compile(r"수수료|알선료|소개비|뇌물|중개비")),
    ("debt", re.compile(r"빚|채무|부채|선불금")),
    ("fine", re.compile(r"벌금")),
    (
        "wage",
        re.compile(
            r"임금|월급|노임|일당|급여|봉급|노동 ?대가|받는 돈|받았|받는다|벌어"
        ),
    ),
    ("price", re.compile(r"가격|값|판매|팔아|팔리|시세|수출액|수입액|매출")),
)


def _number(text: str, unit: str | None) -> float:
    return float(text.replace(",", "")) * _UNITS.get(unit or "", 1)


# "월 5만 원(미화 40달러)": the bracket restates the amount before it.
_CONVERSION_GAP = re.compile(r"\s*[(\[（]\s*(?:미화|약|한화|우리 ?돈)?\s*")


def _restates(text: str, start: int, earlier: list[Money], offset: int) -> bool:
    """Whether the amount at ``start`` opens a bracket right after another amount
    (``offset``: where the sentence starts in the document)."""
    if not earlier:
        return False
    previous_end = earlier[-1].span.end - offset
    return 0 <= previous_end <= start and bool(
        _CONVERSION_GAP.fullmatch(text[previous_end:start])
    )


def find_korean_money(sentence: Sentence, country: str | None) -> list[Money]:
    text = sentence.text
    found: list[Money] = []
    for match in _MONEY.finditer(text):
        word = match.group("currency")
        currency = _CURRENCIES[word] or ("KRW" if country == "KR" else "KPW")
        before = text[max(0, match.start() - 15) : match.start()]
        period = next((p for p, pattern in _PERIODS if pattern.search(before)), None)
        kind = next((k for k, pattern in _KINDS if pattern.search(text)), "other")
        high = match.group("high")
        low_unit = match.group("low_unit") or match.group("high_unit")
        found.append(
            Money(
                text=match.group().strip(),
                amount=_number(match.group("low"), low_unit),
                currency=currency,
                period=period,
                kind=kind,
                span=Span.within(sentence, match.start(), match.end()),
                amount_max=_number(high, match.group("high_unit")) if high else None,
                conversion=_restates(text, match.start(), found, sentence.start),
            )
        )
    if _SHARE_OF_WAGES.search(text):
        for match in _SHARE.finditer(text):
            high = match.group("high")
            found.append(
                Money(
                    text=match.group().strip(),
                    amount=float(match.group("low").replace(",", "")),
                    currency="%",
                    period=None,
                    kind="share",
                    span=Span.within(sentence, match.start(), match.end()),
                    amount_max=float(high.replace(",", "")) if high else None,
                )
            )
    return found


_DATE = re.compile(
    r"(?:(?P<year>(?:19|20)\d{2})\s*년\s*)?(?:(?P<month>1[0-2]|0?[1-9])\s*월\s*)?(?:(?P<day>3[01]|[12]\d|0?[1-9])\s*일)?"
)


def find_korean_dates(sentence: Sentence, published: str | None) -> list[DateMention]:
    default_year = _year(published)
    found = []
    for match in _DATE.finditer(sentence.text):
        year, month, day = match.group("year"), match.group("month"), match.group("day")
        if not (year or (month and day)):
            continue
        if day and not month:
            continue
        value_year = year or default_year
        if value_year is None:
            value = None
        elif month and day:
            value = _iso(int(value_year), int(month), int(day))
        elif month:
            value = f"{int(value_year):04d}-{int(month):02d}"
        else:
            value = f"{int(value_year):04d}"
        found.append(
            DateMention(
                text=match.group().strip(),
                value=value,
                span=Span.within(
                    sentence, match.start(), match.start() + len(match.group().rstrip())
                ),
            )
        )
    return found


def _year(published: str | None) -> str | None:
    return published[:4] if published and published[:4].isdigit() else None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return datetime(year, month, day).date().isoformat()
    except ValueError:
        return None


_PUBLIC_BODY = (
    r"(?:[가-힣]{1,8}(?:총국|위원회|보위성|보위부|안전성|안전부|무력성|인민위원회|사령부)"
    r"|(?:무역|대외경제|외무|국방|철도|수산|석탄공업|금속공업|체신|상업|농업|임업|노동|교육|보건|국토환경보호|인민무력|사회안전|국가보위)성"
    r"|(?:조직지도|선전선동|군수공업|근로단체|경제)부|조선노동당|노동당|당 중앙|내각)"
)
_COMPANY = r"[가-힣A-Za-z0-9]{1,10}(?:무역회사|총회사|회사|련합기업소|연합기업소|기업소|공장|광산|탄광|은행|수산사업소|건설)"
_ACTOR = re.compile(rf"(?<![가-힣])(?P<name>{_PUBLIC_BODY}|{_COMPANY})")
_GENERIC_ACTORS = {"회사", "공장", "건설", "광산", "탄광", "은행", "당 중앙", "내각"}


# Bodies and people reports name by what they are: "북한 당국" (the North Korean
# authorities), "보위부" (state security), "간부" (cadres), "거간꾼" (brokers).
_STATE_WORDS = (
    r"당국|정부|정권|보위부|보위성|보안서|보안성|국경경비대|중앙당|[가-힣]{0,4}교화소"
    r"|노동단련대|단련대|[가-힣]{0,6}(?:대사관|총영사관|영사관|영사부)"
)
_PERSON_WORDS = r"간부|관리|지도원|단련대장|인신매매범|거간꾼|브로커|무역일꾼|감독관"
_GROUP_WORDS = r"돌격대|청년동맹|소년단"
_NAMED_BY_ROLE = re.compile(
    r"(?<![가-힣])(?P<name>(?:(?:북한|북조선|중국|러시아|북한의)\s?)?"
    rf"(?:(?P<state>{_STATE_WORDS})|(?P<person>{_PERSON_WORDS})|(?P<group>{_GROUP_WORDS})))"
    r"(?:들)?"
)


def _named_by_role(sentence: Sentence) -> list[Actor]:
    return [
        Actor(
            name=match.group("name"),
            kind="public_body"
            if match.group("state")
            else "person"
            if match.group("person")
            else "organisation",
            role=None,
            span=Span.within(sentence, match.start("name"), match.end("name")),
            text=match.group("name"),
        )
        for match in _NAMED_BY_ROLE.finditer(sentence.text)
    ]


def find_korean_actors(sentence: Sentence) -> list[Actor]:
    """Named bodies and companies, and bodies and people named by what they are."""
    actors = _named_by_role(sentence)
    for match in _ACTOR.finditer(sentence.text):
        name = match.group("name")
        if name in _GENERIC_ACTORS or re.fullmatch(
            r"(?:이|그|저|각|한|해당|모든|여러|외국|중국|현지)(?:회사|공장|기업소)",
            name,
        ):
            continue
        kind = "public_body" if re.fullmatch(_PUBLIC_BODY, name) else "company"
        if any(
            a.span.start < sentence.start + match.end()
            and sentence.start + match.start() < a.span.end
            for a in actors
        ):
            continue
        actors.append(
            Actor(
                name=name,
                kind=kind,
                role=None,
                span=Span.within(sentence, match.start(), match.end()),
            )
        )
    return actors


_VICTIM = re.compile(
    r"(?P<age>10대|십대|어린|나이 어린)?\s*(?P<group>여성 ?노동자|여성|소녀|소년|여학생|남학생|중학생|고등학생|학생|아동|어린이|청소년|노동자|근로자|주민|수감자|탈북민|미성년자)들?"
)
_MINORS = {
    "소녀",
    "소년",
    "여학생",
    "남학생",
    "중학생",
    "고등학생",
    "학생",
    "아동",
    "어린이",
    "청소년",
    "미성년자",
}
# Groups as stored: spaces removed (여성 노동자 → 여성노동자).
_SEXES = {
    "여성": "female",
    "여성노동자": "female",
    "소녀": "female",
    "여학생": "female",
    "소년": "male",
    "남학생": "male",
}


def find_korean_victims(sentence: Sentence) -> list[Victim]:
    victims = []
    for match in _VICTIM.finditer(sentence.text):
        group = match.group("group").replace(" ", "")
        minor = group in _MINORS or bool(match.group("age"))
        victims.append(
            Victim(
                text=match.group().strip(),
                group=group,
                sex=_SEXES.get(group),
                age="teenage" if match.group("age") in ("10대", "십대") else None,
                minor=minor or None,
                number=None,
                span=Span.within(sentence, match.start(), match.end()),
            )
        )
    return victims


_SOURCE = re.compile(
    r"(?P<speaker>(?:[가-힣]{1,10} )?(?:소식통|주민|탈북민|관계자|근로자|노동자|증언자))(?:은|는|이|가)?[^.?!]{0,60}?(?:(?P<outlet>데일리NK|자유아시아방송|RFA|미국의소리|VOA|연합뉴스)(?:에|과의|와의)?)?[^.?!]{0,30}?(?:전했다|말했다|밝혔다|증언했다)"
)


def find_korean_sources(sentence: Sentence) -> list[CitedSource]:
    return [
        CitedSource(
            text=match.group(),
            speaker=match.group("speaker"),
            outlet=match.group("outlet"),
            date=None,
            span=Span.within(sentence, match.start(), match.end()),
        )
        for match in _SOURCE.finditer(sentence.text)
    ]


_DENIAL = re.compile(
    r"(?:부인했|부인하며|사실이 아니|날조|모략|인권 ?문제(?:가|는)? 없)"
)


def find_korean_denial(sentence: Sentence) -> Denial | None:
    match = _DENIAL.search(sentence.text)
    if not match or not is_korean_non_evidence(sentence.text):
        return None
    by = re.search(r"북한|당국|정권|외무성|대변인|회사", sentence.text)
    return Denial(
        text=sentence.text,
        by=by.group() if by else None,
        span=Span.within(sentence, 0, len(sentence.text)),
    )


# Korean words for goods, by the taxonomy's good names.
_GOODS = {
    "gems": r"보석|원석",
    "gold": r"금광|사금",
    "coal": r"석탄|탄광",
    "fish": r"수산물|해산물|물고기|생선|오징어|명태",
    "shellfish": r"조개|게(?:를|와)",
    "timber": r"목재|벌목|통나무",
    "cotton": r"목화",
    "rice": r"모내기|벼|쌀농사",
    "garments": r"의류|봉제|옷을 만",
    "bricks": r"벽돌",
    "construction": r"건설 ?현장|건설 ?노동|공사 ?현장",
    "hair products": r"가발|속눈썹",
}


@lru_cache(maxsize=1)
def _goods_pattern() -> tuple[tuple[re.Pattern[str], str, str | None, str], ...]:
    taxonomy = {entry.good: entry for entry in goods_taxonomy()}
    patterns = []
    for good, pattern in _GOODS.items():
        entry = taxonomy.get(good)
        patterns.append(
            (
                re.compile(pattern),
                good,
                entry.hs if entry else None,
                entry.sector if entry else "other",
            )
        )
    return tuple(patterns)


def find_korean_goods(sentence: Sentence) -> list[Good]:
    goods = []
    for pattern, good, hs, sector in _goods_pattern():
        for match in pattern.finditer(sentence.text):
            goods.append(
                Good(
                    text=match.group(),
                    good=good,
                    hs=hs,
                    sector=sector,
                    span=Span.within(sentence, match.start(), match.end()),
                )
            )
    return goods
