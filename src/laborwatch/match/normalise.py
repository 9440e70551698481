"""Names to weighted tokens: case, accents, punctuation, legal forms, word order.

Legal forms ("Co.", "Ltd", "JSC") carry no weight; words common to organisation
names ("trading", "general", "bank") carry little, so two names agree on what
identifies them, not on boilerplate. Abbreviations that lists, customs records and
supplier files write ("GEN.", "INT'L", "MFG", "BKG") are read as their words, and
the names a country goes by inside names ("Choson", "Chosun", "Joseon" for Korea)
as that country's word.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from laborwatch.match.korean import korean_key, looks_korean

# Institutional words with their English, each row with its source: Arabic,
# Persian and Russian in their scripts (read by `readings`), and in Latin script
# Russian and Persian as lists transliterate them, and Turkish (read here, in
# every name).
LEXICON_PATH = Path(
    str(files("laborwatch") / "match" / "data" / "institutional_words.csv")
)
LATIN_LANGUAGES = frozenset({"ru-Latn", "tr", "fa-Latn"})

# Legal forms, after ISO 20275 (GLEIF's Entity Legal Forms code list) for the
# jurisdictions the lists cover most: Russia (OOO, AO, PAO), the Gulf free zones (FZE,
# FZCO), China ("youxian gongsi"), and the English, German, French and Malay forms.
COMPANY_FORMS = frozenset(
    "co corp corporation company companies ltd ltda limited llc inc incorporated jsc "
    "coltd ojsc cjsc pjsc zao ooo oao ao pao tov gmbh ag sa sas sarl srl spa bv nv plc lp llp "
    "pte pty pvt sdn bhd kk fze fzco fzc fzllc llc youxian gongsi youxiangongsi "
    # Turkish: Anonim Şirketi (A.Ş.), Limited Şirketi (Ltd. Şti.); şirketi is
    # "company" in them.
    "as sti sirketi".split()
)
# The articles and particles dropped beside them.
_PARTICLES = frozenset("the of and de la el al".split())
LEGAL_FORMS = COMPANY_FORMS | _PARTICLES
# A person's name keeps the words that are legal forms elsewhere: they are names
# there (KHUN SA, PAO Yu Liang). Only articles and particles go: Arabic's "as-"
# (as in AS-SAFRANI) and Tuareg's "ag" (son of: Iyad ag Ghali) with the rest.
PERSON_PARTICLES = _PARTICLES | {"as", "ag"}
# A legal form of five letters or more with two letters after its first typed in
# each other's place ("Compnay", "Limtied"): still the legal form.
_SWAPPED_FORMS = (
    frozenset(
        form[:index] + form[index + 1] + form[index] + form[index + 2 :]
        for form in COMPANY_FORMS
        if len(form) >= 5
        for index in range(1, len(form) - 1)
    )
    - COMPANY_FORMS
)
# The legal forms that are also words of persons' names in the lists.
NAME_LIKE_FORMS = frozenset("sa pao ao".split())
# Words that name no one: a person's title or rank ("Maj. Gen. Hossein Salami",
# "Mr Tam Yiu-chung") and the Persian ezafe written apart ("Bank-e Maskan").
NOT_NAME_WORDS = frozenset(
    # "Senior General" is the Myanmar armed forces' highest rank ("Senior General
    # Min Aung Hlaing"); "general" is a common word already.
    "mr mrs ms miss dr prof maj col lt capt brig cdr adm sgt senior e".split()
)
COMMON_WORDS = frozenset(
    "general trading trade bank banking group international foreign korea korean "
    "association federation bureau commercial enterprise enterprises development "
    "industrial industries industry national state holding holdings service services "
    "joint venture office department center centre committee import export "
    "manufacturing technology engineering "
    # A kind of bank, as "savings bank" (Sparkasse, caisse d'epargne) is: the
    # SDN file lists "SAVINGS BANK" alone as a weak alias of a Syrian bank.
    "savings "
    # An industrial site of one owner: PASARGAD STEEL COMPLEX, "Pasargad Steel".
    "complex".split()
)
# "industrial" and its kin mark a company apart from a state bureau of the same stem,
# so they keep more weight than pure boilerplate.
SEMI_COMMON = frozenset("industrial industries industry electronics".split())
# Words naming what kind of body an organisation is: two names that differ in them
# ("Korea X Center", "Korea X Inc.") name different bodies.
BODY_TYPES = frozenset(
    "bank bureau center centre committee commission council department ministry "
    "university institute academy school hospital agency office association "
    "federation union army navy corps club".split()
)
# Business words as OFAC's own entries and supplier files abbreviate them
# ("GEN.", "INT'L", "MFG", "IND.", "TRDG", "SHPG", "CONSTR" all occur in the SDN file).
ABBREVIATIONS = {
    "gen": "general",
    "genl": "general",
    "intl": "international",
    "mfg": "manufacturing",
    # "Syrian Company for IT" (SYRIAN COMPANY FOR INFORMATION TECHNOLOGY); the
    # pronoun is no word of a body's name.
    "it": "information technology",
    "mfr": "manufacturing",
    "manuf": "manufacturing",
    "ind": "industry",
    "inds": "industries",
    "indus": "industrial",
    "dev": "development",
    "devt": "development",
    "bk": "bank",
    "bnk": "bank",
    "bkg": "banking",
    "tech": "technology",
    "technol": "technology",
    "engg": "engineering",
    "eng": "engineering",
    "elec": "electric",
    "mach": "machinery",
    "chem": "chemical",
    "assn": "association",
    "assoc": "association",
    "dept": "department",
    "natl": "national",
    "mgmt": "management",
    "svc": "service",
    "svcs": "services",
    "sci": "science",
    "univ": "university",
    "inst": "institute",
    "hldg": "holding",
    "hldgs": "holdings",
    "trdg": "trading",
    "trd": "trading",
    "shpg": "shipping",
    "constr": "construction",
    "imp": "import",
    "exp": "export",
    "invest": "investment",
    "admin": "administration",
    "org": "organization",
    "orgn": "organization",
    "1st": "first",
    "2nd": "second",
    "3rd": "third",
    "4th": "fourth",
    "5th": "fifth",
    "coop": "cooperative",
    # OFAC writes one channel both ways: "AL MANAR TV", "AL-ZAWRAH TELEVISION".
    "tv": "television",
    "comm": "commercial",  # "Syrian Lebanese Comm. Bank"
    "agcy": "agency",
    "grp": "group",
    "ins": "insurance",  # "GHAVAMIN FINANCIAL & CREDIT INS." (OFAC SDN)
    "hk": "hongkong",  # "SOPHYCHEM HK LIMITED", "HONGXIANG MARINE HONG KONG LTD"
    # Supplier files and trade registers: "Koryo Coml Bank", "Foreign Tech. Trade
    # Ctr", "Complex Equip. Import Corp.", "Econ. & Trdg", "Jam Petchem" (the trade
    # press's word for petrochemical companies).
    "coml": "commercial",
    "cml": "commercial",
    "ctr": "center",
    "cntr": "center",
    # "State Planning Commn", "Advanced Info & Comm Tech Ctr", "Razavi ICT Co"
    # (RAZAVI INFORMATION AND COMMUNICATION TECHNOLOGY CO., OFAC SDN).
    "commn": "commission",
    "ict": "information communication technology",
    # "Korea Ocean Shipping Agy", "Hapjanggang Shipg Corp", "Dandong Zhicheng
    # Metallic Matl Co", "Sahel Consultant Engrs".
    "agy": "agency",
    "shipg": "shipping",
    "matl": "material",
    "matls": "materials",
    "engr": "engineer",
    "engrs": "engineers",
    "equip": "equipment",
    "eqpt": "equipment",
    "econ": "economic",
    "petchem": "petrochemical",
    # "Koryo Comml Bank", "Mehr Petrochem Co", "Jinhu Pharma Machinery": supplier
    # files' and the trade press's shortenings (Wiktionary: comml., petrochem,
    # pharma). Not "Jt" (joint): it is a name too (OFAC's alias EL JT) and "J.T."
    # a person's initials.
    "comml": "commercial",
    "petrochem": "petrochemical",
    "pharma": "pharmaceutical",
    "pharm": "pharmaceutical",
    # A compass point before a region: "NE Asia Bank", NORTH EAST ASIA BANK.
    "ne": "north east",
    "nw": "north west",
    # АФК, aktsionernaya finansovaya korporatsiya: "АФК «Система»", SISTEMA PUBLIC
    # JOINT STOCK FINANCIAL CORPORATION (OFAC SDN).
    "afk": "joint stock financial corporation",
    # "Second Economic Cmte", "Korea Utd Development Bank", "Overseas Proj. Grp".
    "cmte": "committee",
    "cttee": "committee",
    "utd": "united",
    "proj": "project",
    # ГОК, горно-обогатительный комбинат, a mining and processing plant:
    # LEBEDINSKIY GOK JSC, also LEBEDINSKIY GORNO OBOGATITELNIY KOMBINAT (OFAC SDN).
    "gok": "gorno obogatitelny kombinat",
    # A football club is no company of its name: "Zob Ahan Esfahan F.C.".
    "fc": "football club",
    # Shortenings of the ISO 4 List of Title Word Abbreviations (explor., ind.,
    # invest., prod., math., lab.) and of company registers ("Indl", "Prodn"),
    # as supplier files write them without the full stop: "Korea Oil Expl Corp",
    # "Pishro Iran Fin & Inv Co", "Technical Recon Bureau".
    "expl": "exploration",
    "explor": "exploration",
    "indl": "industrial",
    "fin": "financial",
    "inv": "investment",
    "prodn": "production",
    "recon": "reconnaissance",
    "math": "mathematics",
    "maths": "mathematics",
    "lab": "laboratory",
    "labs": "laboratories",
    # Company registers' and supplier files' "Corpn." (Wiktionary: corpn.), and
    # "JV": "Korea Expo JV Corpn", KOREA EXPO JOINT VENTURE (OFAC SDN), whose
    # lists write the joint venture out as words, as Japanese writes it by sound
    # (ジョイント・ベンチャー).
    "corpn": "corporation",
    "jv": "joint venture",
}
# Words that stand for a country inside names: "Choson", "Chosun" and "Joseon" are
# Korea (the North's own name for it), as "Koryo"/"Goryeo" often are.
COUNTRY_WORDS = {
    "choson": "korea",
    "chosun": "korea",
    "joseon": "korea",
    "chosen": "korea",
    "korea": "korea",
    "korean": "korea",
    "coreen": "korea",
}
# One form for a word's variants, so they pair exactly: "Banking" and "Bank".
CANONICAL = {
    "banking": "bank",
    "industries": "industry",
    "industrial": "industry",
    "services": "service",
    "holdings": "holding",
    "enterprises": "enterprise",
    "trade": "trading",
    "centre": "center",
    "commission": "committee",  # both translate 위원회 and the like
    "organisation": "organization",
    "room": "office",  # 호실: "Room 39", "Office 39"
    # مكتب, 局 and 국 are translated both ways: "National Security Bureau",
    # "National Security Office".
    "bureau": "office",
    # A country's adjective is its name in a name: "Syrian" Commercial Bank.
    "syrian": "syria",
    "iranian": "iran",
    "russian": "russia",
    "chinese": "china",
    # A bank in Spanish, Portuguese, French and Italian, as lists keep it: BANCO
    # DE VENEZUELA, BANQUE CENTRALE DE SYRIE.
    "banco": "bank",
    "banque": "bank",
    "banca": "bank",
    "airlines": "air",
    "airline": "air",
    "airways": "air",
    # A refinery and a refining company, as lists and the press name one body:
    # "Abadan Refinery", ABADAN OIL REFINING COMPANY; پالایشگاه and پالایش.
    "refinery": "refining",
    # "Ministry of Land & Maritime Transport", MINISTRY OF LAND AND MARITIME
    # TRANSPORTATION: one word, as 운수 and 运输 are translated both ways.
    "transportation": "transport",
    # One body's words as translations write them: кузнечно-прессовый is "forge and
    # press" (OFAC's CHELYABINSK FORGE AND PRESS PLANT) and "forging and pressing";
    # пороховой "powder" (PERM POWDER PLANT) and "gunpowder".
    "forging": "forge",
    "pressing": "press",
    "gunpowder": "powder",
    # завод and комбинат, as the lists translate them for one body: TULA
    # CARTRIDGE PLANT and WORKS, ALEKSINSKY CHEMICAL PLANT and COMBINE,
    # PROLETARSKY FACTORY and PLANT (OFAC SDN).
    "factory": "plant",
    "works": "plant",
    "combine": "plant",
    # Supplier files cut all three to "Elec.": GHADIR PISHRO ELECTRICITY GENERATION
    # (OFAC SDN) as "Ghadir Pishro Elec Generation".
    "electricity": "electric",
    "electrical": "electric",
    "manufacture": "manufacturing",
}
# The words each canonical form stands for, so that a word cut short finds the
# word as written: "Bur." is "bureau", read as "office". Not the translations whose
# starts mean other words: "Com." is no "combine", "Ro." no "room".
WRITTEN_AS: dict[str, frozenset[str]] = {
    canonical: frozenset(
        w
        for w, c in CANONICAL.items()
        if c == canonical and w not in {"room", "combine", "works"}
    )
    for canonical in set(CANONICAL.values())
}
# The countries a word in a name points to: "Korea X Institute" is not an Iranian
# institute, whatever else it shares with one.
# Keys are token texts: "Chinese", "Russian", "Iranian" and "Syrian" reach here as
# their country's name (`CANONICAL`), "Korean" and "Choson" as "korea".
NAME_COUNTRIES = {
    "korea": frozenset({"KP", "KR"}),
    "china": frozenset({"CN", "HK", "MO", "TW"}),
    "russia": frozenset({"RU"}),
    "rossii": frozenset({"RU"}),
    "iran": frozenset({"IR"}),
    "syria": frozenset({"SY"}),
    "japan": frozenset({"JP"}),
    "japanese": frozenset({"JP"}),
    "hongkong": frozenset({"HK", "CN"}),
}
# The countries whose words a listed name of common words may add and stay generic
# (`align`): "Commercial Bank of Syria" matches only in full.
GENERIC_NAME_COUNTRIES = frozenset(NAME_COUNTRIES)
# Countries whose one-word names firms add to their own ("Future Bank Bahrain",
# "Bank Saderat Lebanon"); not names that are also persons' or places' elsewhere
# (Jordan, Georgia, Chad, Niger).
NAME_COUNTRIES |= {
    word: frozenset({code})
    for word, code in (
        ("bahrain", "BH"),
        ("lebanon", "LB"),
        ("iraq", "IQ"),
        ("egypt", "EG"),
        ("turkey", "TR"),
        ("turkiye", "TR"),
        ("belarus", "BY"),
        ("ukraine", "UA"),
        ("venezuela", "VE"),
        ("cuba", "CU"),
        ("myanmar", "MM"),
        ("burma", "MM"),
        ("pakistan", "PK"),
        ("afghanistan", "AF"),
        ("india", "IN"),
        ("singapore", "SG"),
        ("malaysia", "MY"),
        ("vietnam", "VN"),
        ("thailand", "TH"),
        ("indonesia", "ID"),
        ("kazakhstan", "KZ"),
        ("uzbekistan", "UZ"),
        ("kyrgyzstan", "KG"),
        ("tajikistan", "TJ"),
        ("turkmenistan", "TM"),
        ("armenia", "AM"),
        ("azerbaijan", "AZ"),
        ("nicaragua", "NI"),
        ("yemen", "YE"),
        ("libya", "LY"),
        ("sudan", "SD"),
        ("qatar", "QA"),
        ("oman", "OM"),
        ("kuwait", "KW"),
    )
}
# A state's long name, read as its country's word: "Central Bank of the Democratic
# People's Republic of Korea" is the "Central Bank of Korea" (of the DPRK).
_COUNTRY_PHRASE_WORDS = {
    "democratic peoples republic of korea": "korea",
    "dem peoples rep of korea": "korea",
    "north korea": "korea",
    "north korean": "korea",
    "dprk": "korea",
    "peoples republic of china": "china",
    "prc": "china",
    "islamic republic of iran": "iran",
    "islamic rep of iran": "iran",
    "iri": "iran",
    "syrian arab republic": "syria",
    "russian federation": "russia",
    "hong kong": "hongkong",
    # The ruling party is named with North Korean bodies as their state is.
    "workers party of korea": "korea",
    "korean workers party": "korea",
    "wpk": "korea",
    "kwp": "korea",
    # So is its army: "Reconnaissance General Bureau of the KPA".
    "kpa": "korea",
}
# Legal forms written out, read as their abbreviation (a legal form, so no word of
# the name): ISO 20275's names for the Russian forms, transliterated as OFAC
# writes them ("AKTSIONERNOYE OBSHCHESTVO"), and in English ("PUBLIC JOINT STOCK
# COMPANY POLYUS" is Polyus, as "PJSC Polyus" and "ПАО «Полюс»" are).
_LEGAL_FORM_PHRASES = {
    "public joint stock company": "pjsc",
    "open joint stock company": "ojsc",
    "closed joint stock company": "cjsc",
    "joint stock company": "jsc",
    "limited liability company": "llc",
    "limited liability partnership": "llp",
    "public limited company": "plc",
    "publichnoye aktsionernoye obshchestvo": "pao",
    "otkrytoye aktsionernoye obshchestvo": "oao",
    "zakrytoye aktsionernoye obshchestvo": "zao",
    "aktsionernoye obshchestvo": "ao",
    "obshchestvo s ogranichennoy otvetstvennostyu": "ooo",
    # Persian, romanised: Sahami-e Aam (سهامی عام, public joint stock) and Sahami-e
    # Khass (private): SHERKAT NAFT PARS SAHAMI AAM. Only together: Sahami is also
    # a surname, and Arabic al-Aam ("general") a word of many names.
    "sahami aam": "pjsc",
    "sahami e aam": "pjsc",
    "sahami khass": "jsc",
    "sahami e khass": "jsc",
    "sahami khas": "jsc",
    # Turkish, after ISO 20275's names for the forms.
    "anonim sirketi": "as",
    "limited sirketi": "ltd",
    "ltd sti": "ltd",
}
# Words Turkish company names abbreviate together, written out: "San. ve Tic."
# is "Sanayi ve Ticaret", Industry and Trade (OFAC SDN: STANDART TEKNIK PARCA SAN
# VE TIC A.S., STANDARD TECHNICAL COMPONENTS INDUSTRY AND TRADING CORPORATION).
_ABBREVIATED_PHRASES = {
    "san ve tic": "sanayi ve ticaret",
    "san tic": "sanayi ticaret",
    # "Jt" is "joint" before the words it joins ("Jinsong Jt Bk", JINSONG JOINT
    # BANK), and a name or initials alone (OFAC's alias EL JT).
    "jt venture": "joint venture",
    "public jt stock company": "pjsc",
    "public jt stock co": "pjsc",
    "open jt stock company": "ojsc",
    "open jt stock co": "ojsc",
    "closed jt stock company": "cjsc",
    "closed jt stock co": "cjsc",
    "jt stock company": "jsc",
    "jt stock co": "jsc",
    "jt stock": "joint stock",
    "jt bank": "joint bank",
    "jt bk": "joint bank",
    # "Comm" is "commercial" alone, "communication" after "information", with or
    # without the "&" or "and" between: "Advanced Info & Comm Tech Ctr".
    **{
        f"{information} {joined}comm": "information and communication"
        for information in ("info", "information")
        for joined in ("", "and ")
    },
}
# Pairs of words written as their initials with "&", read before the "&" goes:
# "Shahid Shokri S&T Research Center" (SCIENCE AND TECHNOLOGY, OFAC SDN).
_AMPERSAND_ABBREVIATIONS = {
    # And with a slash: "Korea International Chemical J/V Co." (JOINT VENTURE).
    "j/v": "joint venture",
    "s&t": "science and technology",
    "r&d": "research and development",
    "o&g": "oil and gas",
}
_AMPERSAND_ABBREVIATION = re.compile(
    r"(?<![^\W_])(?:"
    + "|".join(
        re.sub(r"[&/]", lambda mark: rf"\s*{re.escape(mark[0])}\s*", pair)
        for pair in _AMPERSAND_ABBREVIATIONS
    )
    + r")(?![^\W_])"
)
# Words a language writes as two where lists translate them as one: Persian ذوب
# آهن (zob ahan, iron smelting) is a steel works, ESFAHAN STEEL COMPANY (OFAC SDN)
# for ذوب آهن اصفهان, "Zob Ahan Esfahan".
_TRANSLATED_PHRASES = {
    "zob ahan": "steel",
    # Russian физика твёрдого тела, solid-state physics: OSIPYAN INSTITUTE OF SOLID
    # STATE PHYSICS, also INSTITUT FIZIKI TVERDOGO TELA (OFAC SDN).
    "tverdogo tela": "solid state",
    "zob e ahan": "steel",
}
_PHRASE_WORDS = {
    **_COUNTRY_PHRASE_WORDS,
    **_LEGAL_FORM_PHRASES,
    **_ABBREVIATED_PHRASES,
    **_TRANSLATED_PHRASES,
}
_COUNTRY_PHRASES = re.compile(
    r"\b(?:"
    + "|".join(sorted(map(re.escape, _PHRASE_WORDS), key=len, reverse=True))
    + r")\b"
)
# The words of the Russian forms as OFAC also writes them, in one spelling:
# "PUBLICHNOE AKTSIONERNOE OBSCHESTVO", "AKTCIONERNOE OBSHESTVO", "OBSHCHESTVO S
# OGRANICHENNOI OTVETSTVENNOSTIU" (-oe, -oi and -iu for -oye, -oy and -yu; щ as
# sch or sh).
_FORM_SPELLINGS = (
    (re.compile(r"\b(publichn|otkryt|zakryt|akt[sc]ionern)oe\b"), r"\1oye"),
    (re.compile(r"\baktcionern"), "aktsionern"),
    (re.compile(r"\bobs(?:hch|ch|h)estvo\b"), "obshchestvo"),
    (re.compile(r"\bogranichennoi\b"), "ogranichennoy"),
    (re.compile(r"\botvetstvennostiu\b"), "otvetstvennostyu"),
)


def _read_phrases(text: str) -> str:
    """Folded words with the phrases of `_PHRASE_WORDS` read as their words."""
    if "oe" in text or "obs" in text or "nnoi" in text or "stiu" in text:
        for spelling, written in _FORM_SPELLINGS:
            text = spelling.sub(written, text)
    return _COUNTRY_PHRASES.sub(lambda found: _PHRASE_WORDS[found.group(0)], text)


# A number written in words is its digits: "Bureau Thirty-Nine" is OFFICE 39,
# as "Room 39" is (English cardinals, tens and units joined by a hyphen or a space).
_UNITS = "one two three four five six seven eight nine".split()
_TEENS = (
    "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_NUMBER_VALUES = {
    **{word: n for n, word in enumerate(_UNITS, 1)},
    **{word: n for n, word in enumerate(_TEENS, 10)},
    **{word: n for n, word in enumerate(_TENS, 2)},
}
_TENS_WORDS = "|".join(_TENS)
_UNIT_WORDS = "|".join(_UNITS)
_NUMBER_WORDS = re.compile(
    rf"\b(?:({_TENS_WORDS})(?: ({_UNIT_WORDS}))?|({'|'.join(_TEENS + _UNITS)}))\b"
)
# "No." before a ship's number ("Namsan No. 8", "Euljibong No.6"): lists give a
# vessel its bare name and number ("NAM SAN 8"); "no" only before a digit. (A
# vessel prefix is a reading of its own, `readings`: "M.V." may be initials.)
_NUMBER_SIGN = re.compile(r"\bno\.?\s*(?=\d)")
_NON_WORD = re.compile(r"[^\w]+")
_INSIDE_WORD = str.maketrans("", "", "'.`’ʿʾ")
_AYN_MARKS = frozenset("`ʿ")
_BRITISH_OUR = re.compile(r"our\b")
_BRITISH_NCE = re.compile(r"nce\b")
_C_NOT_CH = re.compile(r"c(?!h)")
_Q = re.compile(r"q")
_FINAL_VOWEL_H = re.compile(r"(?<=[aeiou])h$")
_DOUBLED = re.compile(r"(.)\1+")
_GU = re.compile(r"gu(?=[ie])")
_GIDRO = re.compile(r"^g(?=idro)")
_FINAL_AI = re.compile(r"a(?:ee|ei|ie)$")
_SPACE = re.compile(r"\s")
_FINAL_OW = re.compile(r"(?<=[a-z]{3})ow$")
_VOWELS_AND_GLIDES = re.compile(r"[aeiouywv]")
_VOWEL = re.compile("[aeiou]")
_YO = re.compile(r"(?<=[bcdfghklmnprstvz])yo")
# An ordinal in figures is its number: "33rd Ship Repair Plant", JSC 33 SHIPYARD;
# "179TH SHIP REPAIR PLANT" (the ones written out as words are ABBREVIATIONS).
_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$")


@dataclass(frozen=True)
class Token:
    text: str
    key: str
    weight: float
    loose: str = ""  # the spelling transliterations share (`loose`)
    # The word as written where it was cut short with a full stop ("kor" of
    # "Kor.", "gen" of "Gen.", which reads "general"): the start of a word
    # (`align`'s abbreviation rule); "" where it was not.
    abbreviated: str = ""

    @classmethod
    def of(cls, text: str, key: str, weight: float, abbreviated: str = "") -> Token:
        return cls(text, key, weight, loose(text), abbreviated)


def tokenise(name: str, person: bool = False) -> tuple[Token, ...]:
    """A name's tokens, lower-cased and without accents or punctuation; legal forms
    are left out, but from a ``person``'s name only particles."""
    # One cache key however the flag is passed (lru_cache keys tokenise(x) and
    # tokenise(x, False) apart).
    return _tokenise(name, person)


@lru_cache(maxsize=65536)
def _tokenise(name: str, person: bool) -> tuple[Token, ...]:
    dropped = PERSON_PARTICLES if person else LEGAL_FORMS
    tokens = []
    text = _NUMBER_WORDS.sub(_digits, " ".join(words(name)))
    cut_short = set(_CUT_SHORT.findall(name.lower()))
    # A word that starts with an ayn mark is no title: "`mr" is عمر (Omar) or
    # عامر (Amer) transliterated, not "Mr".
    with_ayn = {
        word.translate(_INSIDE_WORD)
        for word in name.lower().split()
        if word[:1] in _AYN_MARKS
    }
    for written in _read_phrases(text).split():
        # A romanised Russian or a Turkish word is its English, in the query and
        # in the listed name alike: "Kirovskiy Zavod" and "Kirov Plant".
        read = [
            english
            for part in ABBREVIATIONS.get(written, _ordinal_number(written)).split()
            for english in in_english(part)
        ]
        # "Gen." reads "general", and may be the start of another word
        # ("Abadan Power Gen. Co.", ABADAN POWER GENERATION COMPANY).
        cut = (
            written
            if (written in cut_short or written in _SHORT_FOR_SEVERAL)
            and len(read) == 1
            else ""
        )
        for word in read:
            if (
                word in dropped
                or (word in NOT_NAME_WORDS and word not in with_ayn)
                or (not person and word in _SWAPPED_FORMS)
            ):
                continue
            # Weighed as its one form: "Banking" weighs what "Bank" does.
            word = CANONICAL.get(word, word)
            if word in SEMI_COMMON:
                weight = 0.8
            elif word in BODY_TYPES:
                weight = 0.6
            elif word in COMMON_WORDS or word in COUNTRY_WORDS:
                weight = 0.3
            else:
                weight = 1.0
            tokens.append(Token.of(word, korean_key(word), weight, cut))
    return tuple(tokens)


# Words supplier files cut short without a full stop that stand for more than one:
# "Tech" is technology and technical ("Korea Foreign Tech Trade Center", KOREA
# FOREIGN TECHNICAL TRADE CENTER), as "Tech." is.
# So is "Coop": cooperative and cooperation ("Korea South-South Coop Corpn",
# KOREA SOUTH-SOUTH COOPERATION CORPORATION).
_SHORT_FOR_SEVERAL = frozenset({"tech", "coop"})
# A word of two to five letters cut short by a full stop ("Kor. Mining", "Bur."),
# not an initial ("U.S."), a word inside a dotted one ("S.A.") or a longer word a
# full stop ends ("... Plant.").
_CUT_SHORT = re.compile(r"(?<![\w.])([a-z]{2,5})\.(?![\w.])")


@dataclass(frozen=True)
class _LatinLexicon:
    english: dict[str, tuple[str, ...]]  # by `_lexicon_key`
    written: frozenset[str]  # the words as the rows write them
    longest: int  # letters in the longest written word: no compound's tail is longer


@lru_cache(maxsize=1)
def _latin_lexicon() -> _LatinLexicon:
    """The lexicon's rows in Latin script (`LATIN_LANGUAGES`)."""
    english: dict[str, tuple[str, ...]] = {}
    written = set()
    with LEXICON_PATH.open(encoding="utf-8", newline="") as rows:
        for row in csv.DictReader(rows):
            if row["language"] in LATIN_LANGUAGES:
                english.setdefault(
                    _lexicon_key(row["word"]), tuple(row["english"].split())
                )
                written.add(row["word"])
    return _LatinLexicon(english, frozenset(written), max(map(len, written), default=0))


# Russian adjective endings (-yy, -iy, -aya, -oye, -ogo, -oy, plural -ykh) as
# `loose` spells them: one row stands for every form ("mashinostroitelnyy",
# "...noye", "moshchnykh").
_ADJECTIVE_ENDING = re.compile(r"(?<=[a-z]{5})(?:ogo|oie|aia|oe|oi|ih|i)$")
# Letters of a compound's last word, from the lexicon ("Gazprom" is a name, not
# gaz + prom), and of the word before it.
_COMPOUND_PART = 5
_COMPOUND_HEAD = 3


def _lexicon_key(word: str) -> str:
    return _ADJECTIVE_ENDING.sub("", loose(word))


@lru_cache(maxsize=65536)
def in_english(word: str) -> tuple[str, ...]:
    """A folded word's English from the lexicon's Latin rows, or the word: "zavod"
    → ("plant",). A word ending in a lexicon word of five letters or more, as
    Russian names join them, is read as its head and that word: "biznesservis" →
    ("business", "service"), "vebservis" → ("veb", "service")."""
    lexicon = _latin_lexicon()
    found = lexicon.english.get(_lexicon_key(word))
    if found:
        return found
    first = max(_COMPOUND_HEAD, len(word) - lexicon.longest)
    for cut in range(first, len(word) - _COMPOUND_PART + 1):
        head, tail = word[:cut], word[cut:]
        if tail in lexicon.written:
            # The tail a lexicon word, the head one too or a name: "VEB.Servis",
            # VEB SERVICE.
            return (
                *lexicon.english.get(_lexicon_key(head), (head,)),
                *lexicon.english[_lexicon_key(tail)],
            )
    return (word,)


def _digits(found: re.Match[str]) -> str:
    """A number in words as digits: "thirty nine" → "39", "twelve" → "12"."""
    tens, unit, alone = found.groups()
    if alone:
        return str(_NUMBER_VALUES[alone])
    return str(_NUMBER_VALUES[tens] * 10 + (_NUMBER_VALUES[unit] if unit else 0))


# Legal-form words that say which form a body has (not "co", "the", "of").
_FORM_WORDS = COMPANY_FORMS - frozenset(
    "co corp corporation company companies sirketi".split()
)


@lru_cache(maxsize=65536)
def legal_forms(name: str) -> frozenset[str]:
    """The legal forms a name gives, written out or abbreviated: "PUBLIC JOINT STOCK
    COMPANY X" and "X PJSC" give {"pjsc"}."""
    text = _read_phrases(" ".join(words(name)))
    return frozenset(word for word in text.split() if word in _FORM_WORDS)


def words(name: str) -> list[str]:
    """A name's words, folded: case, accents and punctuation gone, legal forms kept."""
    # Lower-cased after decomposing: "ℌ" and "𝐀" only become "H" and "A" then.
    folded = "".join(
        c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
    ).lower()
    folded = _NUMBER_SIGN.sub(" ", folded)
    folded = _AMPERSAND_ABBREVIATION.sub(_written_out, folded)
    # "S.A." is one word, "sa"; so are "O'Neil" and "INT'L"; "Jong-un" is two. The
    # marks of ayn and hamza are inside a word too ("Ja`far", and "mstz`fn" as
    # anyascii writes مستضعفان).
    return _NON_WORD.sub(" ", folded.translate(_INSIDE_WORD)).split()


@lru_cache(maxsize=65536)
def loose(word: str) -> str:
    """A spelling transliterations share: "Alexey"/"Aleksei", "Sovcombank"/
    "Sovkombank", "Melli"/"Meli", "Qaterji"/"Katerji", "Zolghadr"/"Zolqadr"."""
    # British spellings: "Labour", "Defence". Persian says ق as "gh", which lists
    # write "q" as often: "Bagher", "Baqer" (as `skeleton` reads it).
    word = _BRITISH_NCE.sub("nse", _BRITISH_OUR.sub("or", word.replace("ph", "f")))
    word = word.replace("gh", "k")
    # Russian дж, "dzh" in BGN/PCGN and "j" in English: "Dzhabarov", "Jabarov".
    word = word.replace("dzh", "j")
    # French transliterations write a hard g before i and e "gu": "Guilan" (Gilan).
    word = _GU.sub("g", word)
    # Russian writes the Greek h of "hydro-" as г: "Gidromash", HYDROMASH (OFAC
    # SDN); "Gidropress".
    word = _GIDRO.sub("h", word)
    # French transliterations write u as "ou", English ones "oo": "Youssef",
    # "Addounia" (Dunya), "Noori" (Nuri); a final vowel's h is the Arabic taa
    # marbuta some write: "Ghazaleh", "Ghazale".
    word = _FINAL_VOWEL_H.sub("", word.replace("ou", "u").replace("oo", "u"))
    # Persian -ai (ـائی) written -aee, -aei or -aie: "Rezaee", "Rezaei", "Rezaie";
    # a final و written -ow or -o: "Partow", PARTO; "Khosrow", "Khosro".
    word = _FINAL_OW.sub("o", _FINAL_AI.sub("ai", word))
    # Russian ё after a consonant, written "yo" or "e": "Semyonov", SEMENOV;
    # "Fyodor", "Fedor" (BGN/PCGN and the passport transliteration). Not in
    # romanised Korean, where "yo" is a vowel of its own (Myong, Hyok).
    if "yo" in word and not looks_korean(word):
        word = _YO.sub("e", word)
    return _DOUBLED.sub(r"\1", _consonants(word).replace("y", "i").replace("w", "v"))


def _written_out(found: re.Match[str]) -> str:
    """An "S&T" (or "S & T") as its words."""
    return f" {_AMPERSAND_ABBREVIATIONS[_SPACE.sub('', found[0])]} "


def _ordinal_number(word: str) -> str:
    return _ORDINAL.sub(r"\1", word) if word[:1].isdigit() else word


def _consonants(word: str) -> str:
    return _Q.sub("k", _C_NOT_CH.sub("k", word.replace("x", "ks").replace("kh", "h")))


def consonant_letters(word: str) -> str:
    """A word's consonant letters as written, a doubled one once, q and gh as k
    (as `loose` reads them) and y as a vowel, but kh kept apart from h, as
    `skeleton` does not: "toos" → "ts", "aly" → "l", "aqa" and "agha" → "k",
    "khan" → "khn"."""
    word = word.replace("gh", "k").replace("q", "k").replace("y", "i")
    return _VOWEL.sub("", _DOUBLED.sub(r"\1", word))


_ABJAD_MARKS = re.compile("[`'’ʿʾ]")


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """The consonants of a word: what Arabic and Persian script write of a name
    ("bnk tjrt" for Bank Tejarat), vowels and the glides that stand for them gone."""
    # No "ph" -> "f" here: in a transliteration "sph" is s-p-h (Sepah). Persian
    # writes ق as "gh" (Bagheri, Ghaani) where Arabic and the script read "q"; the
    # marks of ayn and hamza are not letters a list writes.
    word = _ABJAD_MARKS.sub("", word).replace("gh", "k")
    return _DOUBLED.sub(r"\1", _VOWELS_AND_GLIDES.sub("", _consonants(word)))
