"""The words that tell actors in a sentence: names of bodies, of those who watch
or enforce, of the people worked on, and the verb stems that give an actor its part.

Kept apart from ``actors.py``, which reads them against the dependency parse.
"""

from __future__ import annotations

import re

PUBLIC = re.compile(
    r"\b(?:ministry|bureau|government|department|committee|party|army|military|police"
    r"|authorit\w+|regime|council|agency|administration|office|state|province|provincial"
    r"|municipal|people's|court|security|cadres?|officials?|units?|commission)\b",
    re.I,
)
COMPANY = re.compile(
    r"\b(?:co|corp|corporation|company|companies|ltd|limited|inc|llc|plc|group|trading"
    r"|enterprises?|industr\w+|factory|factories|mining|jsc|gmbh|s\.a|fishery|fisheries"
    r"|plantations?|farms?|kilns?|manufacturing|bhd|sdn|pte|pvt)\b\.?",
    re.I,
)
ARMED = re.compile(r"\b(?:armed groups?|militias?|rebels?|insurgents?)\b", re.I)
VESSEL = re.compile(
    r"\b(?:(?:F/V|FV|M/V|MV|the vessel|the ship|the boat)\s+)?"
    r"(?:[A-Z][A-Za-z]+\s){1,3}No\.\s?\d+\b"
    r"|\b(?:F/V|FV|M/V|MV)\s+(?:[A-Z][A-Za-z0-9]+\s?){1,3}"
)
# A vessel named after the word for it, with a number but no "No.": "the fishing
# ship Zhen Fa 7", "the Chinese vessel Long Xing 629".
VESSEL_AFTER_WORD = re.compile(
    r"\b(?:ship|vessel|boat|trawler|longliner|reefer|carrier)\s+(?:called\s+|named\s+)?"
    r"(?:the\s+)?(?P<name>(?!(?:In|On|At|By|For|From|To|The|During|Since|After|Before"
    r"|Until|Between|Of|And|Or|But)\s)(?:[A-Z][A-Za-z]+\s){1,3}\d{1,4})\b"
)
# Actors reports name by what they do rather than by name.
GENERIC = re.compile(
    r"\b(?:(?:north korean |chinese |local |provincial |state |party |prison |camp )?"
    r"(?:government(?: officials)?|authorities|officials|military(?: construction units?)?"
    r"|army|police|regime|cadres|guards?|overseers?|forem[ae]n|boss(?:es)?"
    r"|state security(?: department| agents| officers)?|security agents)"
    r"|(?:state-run |state |north korean )?trading companies"
    r"|(?:fraudulent |labou?r |unlicensed |illegal )*(?:recruit(?:ers?|ment agenc(?:y|ies)"
    r"|ing agents?)|manning agenc(?:y|ies)|brokers?|traffickers?|employers?|middlem[ae]n"
    r"|intermediar(?:y|ies)|(?:factory|kiln|farm|plantation|vessel|boat) owners?"
    r"|shipowners?|captains?|smugglers?|loan sharks?|labou?r agents?|contractors?"
    r"|subcontractors?|managers?|supervisors?)"
    r"|(?:kafala )?sponsors?"
    r"|captors|armed groups|criminal (?:syndicates|gangs?|networks?)|local gangs|gangs"
    r"|militias)\b",
    re.I,
)
# "the Group", "the Company": a statement speaking of itself.
COMPANY_WORD_ALONE = re.compile(
    r"^(?:the )?(?:group|company|companies|corporation|firm|business)$", re.I
)
STATE_IN_GENERAL = re.compile(
    r"^(?:the )?(?:\w+ )?(?:government|authorities|officials|police|regime|army"
    r"|military|state)$",
    re.I,
)
# Capitalised names ending in an organisation word, which the small model's NER
# often misses: "Sunrise Gem Trading Company", "Daesung General Bureau".
NAMED_ORGANISATION = re.compile(
    r"\b(?:[A-Z][\w&'-]*\s){1,5}(?:Company|Co\.|Corporation|Corp\.|Ltd\.?|Limited|Inc\."
    r"|LLC|Group|Trading|Bureau|Ministry|Enterprise|Factory|Mine|Plantation|Cooperative"
    r"|Agency|Fishery|Fisheries)\b"
)
# Bodies that report, research, fund, ban or rescue: named in evidence, never its
# actors unless a sentence says they run or profit from the work.
WATCHERS = re.compile(
    r"^(?:the )?(?:ngos?|un|united nations|ilo|international labou?r organi[sz]ation|iom"
    r"|unicef|ohchr|reuters|associated press|ap|afp|bbc|cnn|daily nk|nk news|rfa"
    r"|radio free asia|voice of america|voa|yonhap|al jazeera|the guardian|guardian"
    r"|bloomberg|new york times|washington post|wall street journal|financial times"
    r"|human rights watch|amnesty international|amnesty|walk free|anti-slavery international"
    r"|global witness|outlaw ocean project|environmental justice foundation|ejf"
    r"|(?:us |u\.s\. )?(?:department of (?:labor|state|justice|homeland security|the treasury)"
    r"|state department|treasury(?: department)?|customs and border protection|cbp|ofac"
    r"|dol|doj|dhs|fbi|ice|congress|senate)"
    r"|european (?:union|commission|parliament)|eu|parliament|court|supreme court)$",
    re.I,
)
WATCHER_WORDS = re.compile(
    r"\b(?:university|institute|foundation|centre for|center for|think tank|watch"
    r"|journal|news|times|post|herald|tribune|gazette|telegraph|chronicle|magazine"
    r"|press|broadcast\w*|researchers?|reporters?|rfe/rl|rl"
    r"|journalists?|analysts?|academics?|scholars?|auditors?|inspectorate|prosecutors?"
    r"|customs|border protection|ombudsman|commissioner)\b",
    re.I,
)
# Words that end a scheme's name: "the Pacific Australia Labour Mobility (PALM)
# scheme" names no body.
SCHEME_WORDS = ("scheme", "programme", "program", "initiative", "visa", "visas")
# Names of laws, practices and programmes the model tags as organisations.
NOT_A_BODY = re.compile(
    r"\b(?:slavery|trafficking|forced labou?r|child labou?r|act|law|convention"
    r"|principles|protocol|guidelines|report|statement|plan|policy"
    r"|combat\w*|anti-|eliminat\w*|prevent\w*|protect\w*|rights|welfare|rescue|order"
    r"|h-2a|transfers?|mobili[sz]ation|list|tier|mechanism|wages?|wros?"
    # a disease the parser takes for a body: "Covid-19", "the coronavirus"
    r"|covid(?:-19)?|coronavirus|pandemic|ebola|" + "|".join(SCHEME_WORDS) + r")\b",
    re.I,
)
# The people worked on, not actors: "crew members", "Uyghurs", "the workers".
WORKED_ON = re.compile(
    r"\b(?:workers?|labou?rers?|crew(?: members?)?|crewmen|fishermen|fishers|miners"
    r"|children|students|pupils|girls|boys|women|men|prisoners|inmates|detainees"
    r"|victims|migrants|refugees|defectors|uyghurs|uighurs|kazakhs|rohingya|families)$",
    re.I,
)

# Verb stems, matched on a token's lower-case text, that tell an actor's part.
# A strong verb makes an actor wherever it stands; an ordinary one ("employs",
# "runs", "exports") only in a sentence that describes forced or child labour.
STRONG_STEMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("state body setting quotas", ("mobili", "conscript", "dispatch")),
    ("recruiter", ("lur", "entic", "deceiv", "trick", "groom")),
    ("trafficker", ("traffick", "smuggl", "kidnap", "abduct", "enslav")),
    (
        "employer",
        (
            "forc",
            "compel",
            "coerc",
            "exploit",
            "abus",
            "beat",
            "confiscat",
            "withh",
            "lock",
            "threat",
            "torture",
            "rape",
            "assault",
            "subject",
            "imprison",
            "sequest",
            "electrocut",
            "starv",
            "humiliat",
        ),
    ),
)
ORDINARY_STEMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("state body setting quotas", ("order", "assign", "impos")),
    ("recruiter", ("recruit", "seek", "sought", "select", "hire")),
    ("trafficker", ("sold", "sell")),
    (
        "employer",
        (
            "employ",
            "deduct",
            "punish",
            "run",
            "ran",
            "operat",
            "manag",
            "own",
            "overs",
            "supervis",
            "guard",
            "pay",
            "paid",
            "kept",
            "keep",
            "held",
            "hold",
            "made",
            "make",
            "put",
            "push",
            "pressur",
            "use",
            "sent",
            "send",
        ),
    ),
    ("buyer", ("buy", "bought", "purchas", "sourc", "procur", "import")),
    ("trader", ("export", "suppl", "ship", "trad", "earn", "profit", "benefit")),
)
REPORTING_STEMS = (
    "said",
    "say",
    "told",
    "tell",
    "report",
    "stat",
    "note",
    "found",
    "find",
    "document",
    "estimat",
    "describ",
    "interview",
    "investigat",
    "publish",
    "wrote",
    "writ",
    "claim",
    "alleg",
    "confirm",
    "accord",
    "reveal",
    "warn",
    "urg",
    "call",
    "ask",
    "explain",
    "add",
    "recount",
    "testif",
    "show",
    "research",
    "survey",
    "analy",
    "review",
    "monitor",
    "track",
    "identif",
    "cit",
    "quot",
    "spoke",
    "speak",
    "visit",
    "study",
    "studi",
    "conclud",
    "recommend",
    "reject",
)
# "X denies the allegations": the one who denies the work covers it up, as the
# seed's regime does; a denial is an actor's part, not a report.
DENIAL_STEMS = ("deni", "deny")
ENFORCEMENT_STEMS = (
    "ban",
    "sanction",
    "prohibit",
    "block",
    "charg",
    "prosecut",
    "arrest",
    "convict",
    "sentenc",
    "indict",
    "rescu",
    "freed",
    "free",
    "liberat",
    "raid",
    "inspect",
    "seiz",
    "audit",
    "certif",
    "revok",
    "lift",
    "designat",
    "detain",
    "fin",
    "penali",
    "issu",
    "investig",
    "enforc",
    "barr",
    "blacklist",
    "suspend",
    "halt",
    "terminat",
    "cut",
)
# A legal form after a name the model ends too early: "Supermax Corporation Bhd.",
# "Shanghai Select Safety Products Company, Limited", "Maxter Glove Sdn. Bhd.".
# Not the "Co" of "Co-founder" or "Co-operative".
LEGAL_SUFFIX = re.compile(
    r"(?:,?\s(?:Sdn\.?\s)?(?:Bhd|Ltd|Limited|Inc|Co|Corp|LLC|PLC|Pte|Pvt)(?![-\w])\.?)+"
)
LEGAL_ABBREVIATION = re.compile(r"\b(?:Bhd|Sdn|Ltd|Inc|Co|Corp|Pte|Pvt)$")
# The one told or asked: an outlet or interviewer ("she told New Lines").
TELLING_STEMS = ("told", "tell", "ask", "interview", "spoke", "speak", "explain")
# An object of these, a company banned or sanctioned, is accused of the work.
ACCUSED_STEMS = ENFORCEMENT_STEMS + ("accus", "link", "implicat", "tie", "connect")
# A sentence that names who is sanctioned, charged, convicted or banned.
ACCUSATION = re.compile(
    r"\b(?:sanction(?:s|ed|ing)?|designat(?:ed|es|ing|ion)|indict(?:ed|ment)?"
    r"|charged|convicted|sentenced|pleaded guilty|pled guilty|withhold release orders?"
    r"|WROs?|banned|blacklist(?:ed)?|entity list|accused of|implicated in"
    # "will detain gloves produced by X": the maker of goods held at the border.
    r"|detain\w*\b[^.]{0,80}\b(?:produced|made|manufactured|mined|harvested))\b",
    re.I,
)

PERSONS = re.compile(
    r"\b(?:traffickers?|recruit\w*|brokers?|middlem[ae]n|intermediar\w+|gangs"
    r"|syndicates|smugglers?|loan sharks?|captors|captains?|guards?|overseers?|forem[ae]n"
    r"|boss(?:es)?)\b",
    re.I,
)
EMPLOYERS = re.compile(
    r"\b(?:employers?|owners?|shipowners?|managers?|supervisors?|contractors?"
    r"|subcontractors?)\b",
    re.I,
)
