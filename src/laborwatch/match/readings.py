"""The ways a query can be read: as written, romanised, translated, transliterated.

A Hangul name is read in McCune–Reischauer and Revised Romanization, and
translated where its words are institutional ("군수공업부" → "munitions industry
department"), since lists give many North Korean bodies under English names.
Cyrillic, Greek, Arabic and Chinese are transliterated (anyascii); Chinese business
words are translated first, as lists write "Dandong Hongxiang Industrial
Development Co". An acronym in brackets after a name ("... Corporation (KOMID)") is
read on its own too.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from anyascii import anyascii

from laborwatch.countries import country_code
from laborwatch.match.cantonese import cantonese_readings
from laborwatch.match.katakana import has_katakana, katakana_in_hangul
from laborwatch.match.korean import has_hangul, romanise_hangul, translate_romanised
from laborwatch.match.loanwords import loanword_readings
from laborwatch.match.normalise import LATIN_LANGUAGES, LEXICON_PATH, words
from laborwatch.match.sino_korean import chinese_converter, sino_korean

# Chinese business and state words, as lists translate them, each with its source.
CHINESE_PATH = Path(str(files("laborwatch") / "match" / "data" / "chinese_words.csv"))
JAPANESE_PATH = Path(str(files("laborwatch") / "match" / "data" / "japanese_words.csv"))
_BRACKETED = re.compile(r"\s*[(\[]([^()\[\]]{1,40})[)\]]\s*")
_NON_LATIN_LETTER = re.compile(r"[^\W\d_a-zA-Z\u00c0-\u024f\uac00-\ud7a3]")
# Not the al- of الله (Allah), which is part of the word.
_ARTICLE = re.compile(r"(?:^|(?<=\s))ال(?!له(?:\s|$))")
# A name ending in Allah is written as one word in lists: NASRALLAH (نصر الله),
# HIZBALLAH (حزب الله), ABDULLAH (عبد الله).
_ALLAH = re.compile(r"(?<=\S)\s+(?=الله(?:\s|$))")
ABJAD = re.compile(r"[\u0600-\u06ff\u0590-\u05ff]")  # Arabic, Persian, Hebrew
_NON_JOINER = "\u200c"
# Letters Persian has and Arabic does not: پ چ ژ گ, and its own kaf and yeh.
_PERSIAN = re.compile("[\u067e\u0686\u0698\u06af\u06a9\u06cc]")
_PERSIAN_SOUNDS = str.maketrans({"ض": "ز", "ظ": "ز", "ذ": "ز", "ث": "س"})
_HAN = re.compile(r"[\u4e00-\u9fff]")
# Military ranks before a name, as Persian and Arabic news write them (Wiktionary):
# سردار (sardar, an IRGC general), سرتیپ, سرلشکر, سپهبد, سرهنگ, دریادار; العميد
# (brigadier), اللواء, الفريق, العماد, العقيد, المقدم. No word of the name, as "Brig."
# and "Col." are none (`NOT_NAME_WORDS`): "سردار عبدالله عراقی", ARAGHI, Abdollah.
_SCRIPT_RANKS = re.compile(
    r"^(?:(?:سردار|سرتیپ|سرلشکر|سپهبد|سرهنگ|دریادار|العميد|اللواء|الفريق|العماد"
    r"|العقيد|المقدم)\s+)+"
)
# A Persian name's letters as others write them: Arabic has no g, and Arab news
# write گ as ك (زنكنه, ZANGANEH), while an Arabic name's ك is a k (كمال, Kamal);
# ژ is written "zh" and "j" ("Bizhan", "Bijan"). Arabic writes a Persian word's
# final t as taa marbuta: بنك تجارة for بانک تجارت, BANK TEJARAT. Arabic has no p
# and writes پ as ب (باكبور, PAKPOUR). Not ج as گ, which Arab news also write
# (تنجسيري, TANGSIRI): every جمال and جلال became a "gml", "gll" that Latin
# aliases meet (GOMELO).
_PERSIAN_RESPELLINGS = (
    ("\u0643", "گ"),
    ("\u0698", "ج"),
    ("\u0629", "ت"),
    ("\u0628", "پ"),
)
# How a reading of Chinese characters in Korean is named, before the Hangul
# reading's own name: "Sino-Korean, McCune–Reischauer".
SINO_KOREAN = "Sino-Korean"
# How a Hangul name read back by the rules for foreign words is named.
LOANWORD = "Hangul loanword"
# And a Hong Kong or Macau name in characters read in Cantonese.
CANTONESE = "Cantonese"
_KAF_HE = re.compile("([\u06a9\u0643])\u0647")
_NAME_PARTS = re.compile("[\u00b7\u2022\u2027\u30fb\u0387]")  # the dots between
_PINYIN_SYLLABLE = re.compile(r"[A-Z][a-z]*")
# A ship's prefix (motor vessel: "M/V Mudubong", "MV Cheonmasan", "M.V. Sobaeksan";
# not "M.T.", which is as often a person's initials): lists give a vessel its bare
# name. Prefixes after Wikipedia, "Ship prefix"; taken only at the start, and read
# besides the name as written, since a person's initials are written alike ("M.V.
# Rao" for RAO, M.V.).
_VESSEL_PREFIX = re.compile(r"^\s*m[./]?v\.?\s+(?=\w)", re.IGNORECASE)


def readings(
    name: str,
    korean: bool = False,
    persian: bool = False,
    own_characters: bool = False,
    east_slavic: bool = False,
    foreign: bool = False,
    cantonese: bool = False,
) -> list[tuple[str, str]]:
    """(how, text) pairs to look the name up by; the first is the name as written.

    ``korean``: the query is known to be Korean (its country), so one romanised
    Korean word of the lexicon is enough to read it in translation; else two.
    ``persian``: the query is known to be Iranian, so Arabic script is read as
    Persian even without the letters only Persian has ("ذوالقدر", Zolghadr).
    ``own_characters``: the query is known to be from a country that writes its
    own names in Chinese characters (Japan), so they are not a Korean or Chinese
    name to read in Korean or pinyin unless they name Korea or are written as
    Chinese names are (a Chinese legal form, simplified characters): 東邦銀行 [JP]
    is the Toho Bank, not Tongbang (nor Dongbang); 朝鮮大成銀行 [JP] is the Korea
    Daesong Bank; 丹东鸿祥实业发展有限公司 [JP] a Chinese firm.
    ``east_slavic``: the query is known to be Russian, Ukrainian or Belarusian, so
    a name in Latin letters is also read as German and French write those
    languages ("Jewgeni Prigoschin", "Timofei Bajenov"), without the marks asked of
    a name of unknown country.
    ``foreign``: the query is known to be from a country other than Korea, China
    or Japan, so a name in Hangul is also read back as Korean writes Western names
    (스베르방크, "sberbank"; 게나디 팀첸코, "genadi timchenko").
    ``cantonese``: the query is known to be from Hong Kong or Macau, so a name of
    two to four Chinese characters (a person's, most often) is also read in
    Cantonese, as identity cards there write it (鄧炳強, "tang ping keung")."""
    persian = persian or bool(_PERSIAN.search(name))
    found = [("as written", name)]
    vessel = _VESSEL_PREFIX.sub("", name)
    if vessel != name:
        found.append(("without vessel prefix", vessel))
    bracketed = _BRACKETED.findall(name)
    if bracketed:
        outside = _BRACKETED.sub(" ", name).strip()
        if outside:
            found.append(("outside brackets", outside))
        # A place in brackets qualifies the name ("Hongxiang Marine (HK) Ltd",
        # "National Security Office (Syria)"); it is no name to look up alone.
        found += [
            ("in brackets", inner.strip())
            for inner in bracketed
            if len(inner.strip()) >= 3 and country_code(inner.strip()) is None
        ]
    if has_hangul(name):
        found += romanise_hangul(name)
        person = _without_post(name)
        if person:
            found += romanise_hangul(person)
        body = _without_owner(name)
        if body:
            found += romanise_hangul(body)
        if foreign:
            found += [(LOANWORD, text) for text in loanword_readings(name)]
    elif _NON_LATIN_LETTER.search(name):
        name = _SCRIPT_RANKS.sub("", name) or name
        own = (
            own_characters
            and not _KOREA_IN_KANJI.search(name)
            and not _CHINESE_ONLY.search(name)
            and not _SIMPLIFIED.search(name)
        )
        if not (own and _HAN.search(name)):
            found.append(("transliterated", transliterate(name, persian)))
        if _NON_JOINER in name:
            # Persian joins the parts of a compound name with a zero-width
            # non-joiner ("علی‌اکبر"), which lists write apart ("Ali Akbar"); it
            # also sits inside one word ("خامنه‌ای"), so both readings are kept.
            found.append(
                (
                    "transliterated",
                    transliterate(name.replace(_NON_JOINER, " "), persian),
                )
            )
        if persian:
            found += [
                ("transliterated", transliterate(name.replace(letter, other), persian))
                for letter, other in _PERSIAN_RESPELLINGS
                if letter in name
            ]
        if _HAN.search(name):
            if not own:
                joined = _joined_pinyin(name)
                if joined:
                    found.append(("transliterated", joined))
                found += _read_in_korean(name)
            if cantonese:
                found += [(CANTONESE, text) for text in cantonese_readings(name)]
        elif has_katakana(name):
            found += _read_in_korean(name)
        # A word the lists both translate and keep ("شهید": MARTYRS FOUNDATION,
        # SHAHID SATTARI INDUSTRIES) is read both ways.
        for translated in dict.fromkeys(
            _translate_words(name, persian, second) for second in (False, True)
        ):
            if not translated:
                continue
            found.append(("words translated", translated))
            if ABJAD.search(name):
                # Arabic and Persian put the adjective after the noun
                # ("المصرف الصناعي": bank industrial); lists write English order.
                found.append(
                    ("words translated", " ".join(reversed(translated.split())))
                )
    else:
        translated = translate_romanised(words(name), least=1 if korean else 2)
        if translated:
            found.append(("translation", translated))
        found += [
            ("German transliteration", read) for read in _from_german(name, east_slavic)
        ]
        found += [
            ("French transliteration", read) for read in _from_french(name, east_slavic)
        ]
    unique: dict[str, tuple[str, str]] = {}
    for how, text in found:
        unique.setdefault(text.lower(), (how, text))
    return list(unique.values())


# What marks a Russian name as transliterated for German readers: -ow, -ew (-ов,
# -ев), their feminine -owa, -ewa, and sch, tsch (ш, щ, ч).
_GERMAN_MARK = re.compile(r"(?:[oe]wa?\b)|sch", re.IGNORECASE)
# German letters for Russian sounds, and the English-language transliteration the
# lists use: Wikipedia, "Romanization of Russian" (Duden; BGN/PCGN).
_GERMAN_LETTERS = {
    "schtsch": "shch",
    "tsch": "ch",
    "sch": "sh",
    "ch": "kh",
    "z": "ts",
    "j": "y",
    "w": "v",
}
_GERMAN_LETTER = re.compile("|".join(_GERMAN_LETTERS))  # longest first, as listed
# A single s before a vowel is з or с in German (both "s"): read both ways.
_GERMAN_S = re.compile(r"(?:\b|(?<=[aeiouy]))s(?=[aeiouy])")


def _from_german(name: str, east_slavic: bool = False) -> list[str]:
    """A name whose words show German transliteration of Russian, as lists write
    it: "Michail Sadornow" → "mikhail sadornov", "mikhail zadornov"; German sch is
    ш and ж alike ("Prigoschin", PRIGOZHIN). Nothing for any other name, unless
    the name is known to be East Slavic and has a w or j (Jewgeni, Jarowaja)."""
    if not (
        _GERMAN_MARK.search(name) or (east_slavic and _GERMAN_LETTERS_ONLY.search(name))
    ):
        return []
    written = " ".join(words(name))
    read = [
        _respelt(_GERMAN_LETTER, _GERMAN_LETTERS, text)
        for text in (written, _GERMAN_S.sub("Z", written))
    ]
    if "sch" in written.lower() and "tsch" not in written.lower():
        read.append(_respelt(_GERMAN_LETTER, _GERMAN_SCH_AS_ZH, written))
    return list(dict.fromkeys(read))


def _respelt(letters: re.Pattern[str], table: dict[str, str], text: str) -> str:
    """The text lower-cased, each of ``letters`` written as ``table`` has it."""
    return letters.sub(lambda found: table[found.group(0)], text).lower()


# German sch is ж as well as ш.
_GERMAN_SCH_AS_ZH = {**_GERMAN_LETTERS, "sch": "zh"}
# Letters German writes for Russian sounds that English-language transliteration
# does not use so: w for в, j for й and the y of е, ю, я.
_GERMAN_LETTERS_ONLY = re.compile(r"w|\bj|(?<=[aeiou])j", re.IGNORECASE)
# French transliteration of Russian (Wikipedia, "Romanization of Russian"): ou for
# у, j for ж, ch for ш, tch for ч, as in "Igor Ivanovitch Chouvalov" (SHUVALOV,
# Igor Ivanovich) and "Timofei Bajenov" (BAZHENOV); and of Persian and Arabic, dj
# for ج ("Iradj Masdjedi", MASJEDI, Iraj).
_FRENCH_MARK = re.compile(r"ou|tch|(?<=[aeiou])j", re.IGNORECASE)
_FRENCH_LETTERS = {"tch": "ch", "dj": "j", "ch": "sh", "ou": "u", "j": "zh"}
_FRENCH_LETTER = re.compile("|".join(_FRENCH_LETTERS))  # longest first, as listed


def _from_french(name: str, east_slavic: bool) -> list[str]:
    """A name in French transliteration, read as lists write it; only for a name
    known to be East Slavic, or one with "tch" or "dj", which only French writes
    (Arabic names are written with ou and j in French too)."""
    lower = name.lower()
    if not (east_slavic and _FRENCH_MARK.search(name)) and not (
        "tch" in lower or "dj" in lower
    ):
        return []
    return [_respelt(_FRENCH_LETTER, _FRENCH_LETTERS, " ".join(words(name)).lower())]


# A post or title North Korean and South Korean sources write after a person's
# name ("김기남 선전비서", "윤호진 남천강무역 사장", "김경옥 조직지도부 제1부부장"):
# secretary, director, vice director, chairman, president, premier, minister,
# ambassador, manager (Wiktionary: 비서, 부장, 부부장, 위원장, 사장, 총리, 상, 대사,
# 국장, 지배인).
_POSTS = re.compile(
    r"(?:비서|부장|위원장|사장|총리|대사|국장|처장|실장|지배인|책임자|원수|대장|상장|중장|소장)$"
)


def _without_post(name: str) -> str | None:
    """A Korean person's name without the post written after it: the first word,
    of two to four syllables, where the last word ends in a post."""
    parts = name.split()
    if (
        len(parts) >= 2
        and 2 <= len(parts[0]) <= 4
        and has_hangul(parts[0])
        and _POSTS.search(parts[-1])
    ):
        return parts[0]
    return None


# The party or army a North Korean body belongs to, written before its name
# ("조선로동당 중앙위원회 조직지도부", "조선인민군 정찰총국", "로동당 39호실";
# 朝鲜劳动党, 朝鮮人民軍 in Chinese and Japanese); the lists name the body alone
# (ORGANIZATION AND GUIDANCE DEPARTMENT, RECONNAISSANCE GENERAL BUREAU, OFFICE 39).
_OWNER = re.compile(r"^(?:조선\s*)?(?:로동당|노동당|인민군)\s*(?:중앙위원회\s*)?")


# A body above another, written before it: a ministry, department, army, party
# or committee ("국가안전보위성 국경경비총국", the Ministry of State Security's Border
# Guard General Bureau; "총참모부 정찰총국").
_ABOVE = re.compile(r"[\uac00-\ud7a3]{2,}(?:성|부|군|당|위원회)")
# The last word, of three syllables or more, is a body too (총국 and 사령부 end
# in 국 and 부).
_BODY = re.compile(r"[\uac00-\ud7a3]{2,}(?:국|부|성|실|소|처|위원회)")


def _without_owner(name: str) -> str | None:
    """A North Korean body's name in Hangul without the party, army or bodies above
    it written before it, where two syllables or more are left; the lists name
    the body alone."""
    body = _OWNER.sub("", name.strip(), count=1)
    words = body.split()
    if (
        len(words) >= 2
        and _BODY.fullmatch(words[-1])
        and all(_ABOVE.fullmatch(word) for word in words[:-1])
    ):
        body = words[-1]
    return body if body != name.strip() and len(body.replace(" ", "")) >= 2 else None


# Korea named in characters (朝鮮, Chōsen; 高麗, Koryo; 平壌 or 平壤, Pyongyang): a
# name in kanji with it is Korean, whoever writes it ("朝鮮大成銀行" [JP]).
_KOREA_IN_KANJI = re.compile("朝鮮|高麗|平壌|平壤")
# A Chinese company's legal form (有限公司, 有限責任公司): its name is read in
# Mandarin alone. A name in parts (雪克来提·扎克尔) is a transcribed foreign one.
# Not Japanese's and Korean's 有限会社, 有限責任会社 (유한책임회사): Chinese writes
# 公司 for company.
_CHINESE_ONLY = re.compile("有限(?!責任[会會]社|[会會]社)|" + _NAME_PARTS.pattern)
# Simplified characters Japanese does not write (its forms: 東 業 発 貿 銀 電 機 運 際
# 術 総 団 進 設), common in Chinese firms' names: a name with one is Chinese
# whatever country is given ("丹东鸿祥实业发展" [JP]).
_SIMPLIFIED = re.compile("[东业发贸银电机矿运货际术备卫总团进设实]")


def _read_in_korean(name: str) -> list[tuple[str, str]]:
    """A name in Chinese characters or katakana read in Korean, then as Hangul is
    read: 崔龙海 "Choe Ryong Hae", 朝鲜大成银行 "Korea Daesong Bank", フンジン貿易
    "Hunjin Trading"; each reading named "Sino-Korean, " and the name of the
    Hangul reading it is."""
    # Japanese also parts the words of a name with a dot (キム・ジョンウン).
    if _CHINESE_ONLY.search(name) and not has_katakana(name):
        return []
    # Japanese writes the English words of a North Korean body's English name in
    # katakana (ハナ・バンキング・コーポレーション, HANA BANKING CORPORATION), and
    # some business words as Korean does not (合弁, where Korean writes 合營).
    for japanese, english in japanese_words():
        name = name.replace(japanese, f" {english} ")
    name = " ".join(name.split())
    if not has_katakana(name) and not _HAN.search(name):
        return [("words translated", " ".join(name.replace("・", " ").split()))]
    hangul = sino_korean(name) or name
    # Japanese writes Korean names in katakana, beside characters or alone
    # ("朝鮮クァンソン銀行"); the readings in Korean are named as those of the
    # characters are.
    found = []
    for text in katakana_in_hangul(hangul) or [hangul]:
        if not has_hangul(text):
            continue
        body = _without_owner(text)
        found += [
            (f"{SINO_KOREAN}, {how}", read)
            for part in (text, body)
            if part
            for how, read in romanise_hangul(part)
        ]
    return list(dict.fromkeys(found))


def _without_article(name: str) -> str:
    """Arabic script without the article, a name ending in Allah joined as lists
    write it ("نصر الله" → "نصرالله")."""
    return _ARTICLE.sub(" ", _ALLAH.sub("", name))


def transliterate(name: str, persian: bool | None = None) -> str:
    """A Latin reading of a name in another script; ``persian``: the name (of
    which this may be a word) is Persian, by its letters when not given."""
    if _HAN.search(name):
        name = _in_english_words(name)
        # anyascii writes pinyin syllables capitalised and joined: "DanDong".
        return " ".join(
            " ".join(_PINYIN_SYLLABLE.findall(word)) or word
            for word in anyascii(name).split()
        )
    # The Arabic article is not part of the name as lists write it ("ASSAD, Bashar").
    name = _without_article(name)
    if persian or (persian is None and _PERSIAN.search(name)):
        # Persian reads these Arabic letters s and z: "Zarif" (ظریف), "Mostazafan"
        # (مستضعفان), "Reza" (رضا), where anyascii writes Arabic "dh", "d", "th".
        name = name.translate(_PERSIAN_SOUNDS)
    # Kaf before he is k-h, not the kh of خ: "Mobarakeh" (مبارکه).
    return anyascii(_KAF_HE.sub("\\1\u0650\u0647", name))


def _joined_pinyin(name: str) -> str | None:
    """Chinese read with its syllables joined as lists join them, or None where
    that reads the same: a name in parts ("雪克来提·扎克尔", a transcribed Uyghur
    name) joined part by part, "Xuekelaiti Zhakeer"; a company's run of five
    syllables or more before its business words as place and trade name, the
    order Chinese company names follow (武汉 晓睿智: "Wuhan Xiaoruizhi")."""
    parts = _NAME_PARTS.split(name)
    if len(parts) > 1:
        return " ".join(
            "".join(_PINYIN_SYLLABLE.findall(anyascii(part))) or part
            for part in parts
            if part.strip()
        )
    name = _in_english_words(name)
    read = []
    for word in anyascii(name).split():
        syllables = _PINYIN_SYLLABLE.findall(word)
        # Two syllables the aligner joins itself, and a person's name is four at
        # most: a trade name of three syllables or more after the place is read.
        if len(syllables) >= 5:
            read += ["".join(syllables[:2]), "".join(syllables[2:])]
        else:
            read.append(word)
    joined = " ".join(read)
    return joined if joined != " ".join(anyascii(name).split()) else None


def _translate_words(name: str, persian: bool, second: bool = False) -> str | None:
    """The name with its institutional words in English, the rest transliterated;
    None if it has none. ``second``: a word the lexicon gives two ways is read
    the second way."""
    lexicon = institutional_words(persian)
    if second:
        lexicon = {**lexicon, **second_readings(persian)}
    parts = []
    used = False
    # A word in capitals among lower-case ones is an acronym or a brand, not a
    # word to translate: "Группа ГАЗ" is GAZ GROUP, not a gas group.
    mixed = any(letter.islower() for letter in name)
    written = _without_article(name).split()
    index = 0
    while index < len(written):
        word = written[index]
        # Two words the lexicon gives as one ("ذوب آهن", iron smelting: steel).
        pair = " ".join(_fold(part) for part in written[index : index + 2])
        if index + 1 < len(written) and pair in lexicon:
            parts.append(lexicon[pair])
            used = True
            index += 2
            continue
        english = (
            None
            if mixed and word.isupper()
            else next(
                (lexicon[form] for form in _word_forms(word) if form in lexicon),
                None,
            )
        )
        used = used or english is not None
        parts.append(english if english is not None else transliterate(word, persian))
        index += 1
    return " ".join(parts) if used else None


# Arabic-script letters written more than one way: hamza seats, alif maqsura, taa
# marbuta, and the Persian forms of kaf and yeh.
_LETTER_FORMS = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ک": "ك", "ة": "ه"}
)
# Short vowel marks, tatweel and the zero-width non-joiner (Persian "خامنه‌ای").
_MARKS = re.compile("[\u064b-\u065f\u0670\u0640\u200c]")
# One-letter prefixes: and (و), for (ل), with (ب); and the article after them.
_PREFIXES = ("و", "ل", "ب")


def _fold(word: str) -> str:
    return _MARKS.sub("", word.lower()).translate(_LETTER_FORMS)


def _word_forms(word: str) -> list[str]:
    """The word, then without a one-letter prefix and the article it carries
    ("والصناعية", "للنفط" → "صناعيه", "نفط"), folded as the lexicon is."""
    folded = _fold(word)
    forms = [folded]
    for prefix in _PREFIXES:
        if folded.startswith(prefix) and len(folded) > 3:
            rest = folded[1:]
            forms.append(rest)
            if rest.startswith(("ال", "ل")):
                forms.append(rest[2:] if rest.startswith("ال") else rest[1:])
    if folded.startswith("ال") and len(folded) > 3:
        forms.append(folded[2:])
    return forms


@lru_cache(maxsize=2)
def institutional_words(persian: bool = False) -> dict[str, str]:
    """Folded word → English from ``data/institutional_words.csv`` (Arabic, Persian
    and Russian, each row with its source). Of two rows that fold alike, the one in
    the query's language (``persian``), else the first: Arabic جمهوري is
    "republican" (الحرس الجمهوري), Persian جمهوری "republic"."""
    preferred: dict[str, str] = {}
    other: dict[str, str] = {}
    for language, word, english in _script_rows():
        ours = (language == "fa") == persian
        (preferred if ours else other).setdefault(word, english)
    return {**other, **preferred}


@lru_cache(maxsize=2)
def second_readings(persian: bool = False) -> dict[str, str]:
    """Folded word → the English of its second row in the lexicon, for a word the
    lists write two ways: شهید is "martyr" in MARTYRS FOUNDATION and kept,
    "shahid", in SHAHID SATTARI INDUSTRIES and some forty other names."""
    first = institutional_words(persian)
    found: dict[str, str] = {}
    for _language, word, english in _script_rows():
        if word in first and first[word] != english:
            found.setdefault(word, english)
    return found


@lru_cache(maxsize=1)
def _script_rows() -> tuple[tuple[str, str, str], ...]:
    """(language, folded word, English) of the lexicon's rows in Arabic, Persian
    and Cyrillic script; its Latin rows are read in every name by `tokenise`."""
    with LEXICON_PATH.open(encoding="utf-8", newline="") as rows:
        return tuple(
            (row["language"], _fold(row["word"]), row["english"].strip().lower())
            for row in csv.DictReader(rows)
            if row["language"] not in LATIN_LANGUAGES
        )


@lru_cache(maxsize=4096)
def _in_english_words(name: str) -> str:
    """A Chinese name with the lexicon's business words in English, read in their
    simplified forms (OpenCC's tables): 實業 as 实业, "industrial". Cached: both
    the plain and the joined pinyin reading of a name start from it."""
    name = chinese_converter("t2s").convert(name)
    for chinese, english in chinese_words():
        name = name.replace(chinese, f" {english} ")
    return name


def japanese_words() -> tuple[tuple[str, str], ...]:
    """(Japanese, English) from ``data/japanese_words.csv``, longest first."""
    return _word_table(JAPANESE_PATH)


def chinese_words() -> tuple[tuple[str, str], ...]:
    """(Chinese, English) from ``data/chinese_words.csv``, longest first, so that
    "有限公司" is read before the "公司" inside it."""
    return _word_table(CHINESE_PATH)


@lru_cache(maxsize=2)
def _word_table(path: Path) -> tuple[tuple[str, str], ...]:
    """(word, English) of a sourced word table, longest word first."""
    with path.open(encoding="utf-8", newline="") as rows:
        pairs = {row["word"]: row["english"].strip() for row in csv.DictReader(rows)}
    return tuple(sorted(pairs.items(), key=lambda pair: -len(pair[0])))
