"""Forced-labour and child-labour indicators: cue rules, and the decision per sentence.

Each rule is a regular expression over the lower-cased sentence, with the code it
supports and a confidence. A cue preceded closely by a negation ("were not beaten")
is dropped. The rules do not decide: their hits, and whether a sentence reads as a
policy, law, recommendation, effort or denial (``rule_features``), are features of
the learned classifier, and a hit is the cue shown for the code the classifier
decides (``find_indicators``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from laborwatch.documents import Sentence
from laborwatch.extract.evidence import Indicator, Span
from laborwatch.extract.numbers import word_number

if TYPE_CHECKING:
    from laborwatch.extract.classifier import SentenceScores

CODES = (
    "vulnerability",
    "deception",
    "restricted_movement",
    "isolation",
    "violence",
    "intimidation",
    "retained_documents",
    "withheld_wages",
    "debt_bondage",
    "abusive_conditions",
    "excessive_overtime",
    "child_labour",
    "hazardous_child_work",
    "state_imposed",
)


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    pattern: re.Pattern[str]
    confidence: float


def _rule(code: str, name: str, pattern: str, confidence: float = 0.8) -> Rule:
    return Rule(code, name, re.compile(pattern), confidence)


_NUMBER = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|eighteen|twenty)"
_DOCUMENTS = r"(?:passports?|identity (?:documents?|papers|cards?)|id cards?|identification(?: documents?)?|travel documents?|work permits?|residence permits?|documents)"
_CHILD = r"(?:child(?:ren)?|kids?|young (?:workers|laborers|labourers)|minors?|teen(?:age|agers?)?|adolescents?|(?:young |teenage )?girls|(?:young )?boys|(?:school ?)?students|schoolchildren|pupils|under(?:-| the )age|as young as|aged (?:between )?\d{1,2} (?:to|and) 1[0-7]|child soldiers|underage)"
_LABOUR = r"(?:work|labou?r|employ|job|polish|rub|mine|mining|harvest|pick|carr(?:y|ied|ies)|forced|exploit|traffick|recruit|select|used|use of|conscript|soldier|sex|prostitut|begg|domestic|hazardous|factor(?:y|ies)|kilns?|farms?|fields|plantation|sweatshop|mobili[sz]|pressure|quota|servitude|slaver)"
_STATE = r"(?:government|state|regime|authorities|officials|military|army|party|ministry|bureau|cadres|police|tatmadaw|local administrations?|hokims?)"

RULES: tuple[Rule, ...] = (
    # vulnerability: a weak position exploited to get or keep the work
    _rule("vulnerability", "lured", r"\blur(?:e|es|ed|ing)\b"),
    _rule(
        "vulnerability",
        "no choice",
        r"\bno (?:other )?(?:choice|alternative|option)s? but\b",
        0.9,
    ),
    _rule(
        "vulnerability",
        "replaceable",
        r"plenty of (?:people|others|workers)[^.]{0,30}(?:could|would|can) (?:do|replace)",
    ),
    _rule(
        "vulnerability",
        "food rations",
        r"\b(?:food rations|for food|hunger|starv\w+|poverty|destitut\w+)\b",
        0.6,
    ),
    _rule(
        "vulnerability",
        "irregular status",
        r"\b(?:undocumented|irregular (?:migrants?|status)|refugee camps?|stateless|asylum[- ]seekers?)\b",
        0.6,
    ),
    _rule(
        "vulnerability",
        "exploit vulnerability",
        r"\bexploit\w* (?:their|the|this) (?:vulnerab\w+|poverty|status|desperation)",
        0.9,
    ),
    # deception
    _rule(
        "deception",
        "deceived",
        r"\b(?:deceiv\w+|deceptive|deception|misled|mislead\w*|tricked|duped)\b",
        0.9,
    ),
    _rule(
        "deception",
        "fraudulent recruitment",
        r"\b(?:fraudulent|false|fake|bogus|sham) (?:\w+ )?(?:recruit\w*|job|jobs|offers?|promises?|contracts?|employment|marriages?)",
        0.9,
    ),
    _rule(
        "deception",
        "false promises",
        r"\bpromis\w* (?:of )?(?:well-paid |good |high |higher )?(?:work|jobs?|wages|employment|salar\w+|pay)\b|\bpromises of\b",
    ),
    _rule(
        "deception",
        "told they would",
        r"\btold (?:they|them|that they) would (?:earn|work|be paid|receive)",
    ),
    # restricted movement
    _rule(
        "restricted_movement",
        "cannot leave",
        r"\b(?:(?:not|never) (?:allowed|permitted|free) to (?:leave|go)|(?:cannot|can't|could not|couldn't|unable to) leave)\b",
        0.9,
    ),
    _rule(
        "restricted_movement",
        "locked in",
        r"\blocked (?:in|inside|up)\b|\bgates? (?:were |was )?locked\b",
        0.9,
    ),
    _rule(
        "restricted_movement",
        "confined",
        r"\b(?:confine\w*|restrict\w* (?:their |workers' )?(?:freedom of )?movement|freedom of movement|escorted|under guard|guarded)\b",
        0.8,
    ),
    _rule(
        "restricted_movement",
        "not allowed to leave",
        r"\b(?:do|does|did) not (?:allow|let|permit) (?:them|workers|victims|children|prisoners|\w+) (?:to )?leave\b|\b(?:try|tries|tried|trying|attempt\w*) to (?:escape|flee)\b",
        0.8,
    ),
    _rule(
        "restricted_movement",
        "beyond contract",
        r"\bbeyond (?:the end of )?(?:their|the) contracts?\b",
        0.7,
    ),
    # isolation
    _rule(
        "isolation",
        "cut off",
        r"\b(?:cut off from|no (?:phones?|contact|means of communication)|(?:not|never) allowed to (?:contact|call|communicate)|incommunicado|isolated)\b",
        0.8,
    ),
    _rule(
        "isolation",
        "held at sea",
        r"\b(?:at sea|on (?:the |a )?(?:fishing )?vessels?) for (?:months|years|\w+ (?:months|years))\b",
        0.7,
    ),
    # violence
    _rule(
        "violence",
        "beatings",
        r"\b(?:beat|beaten|beating|beatings|tortur\w+|rape|raped|raping|whipp\w+|assault\w*|physical(?:ly)? abuse\w*|sexual(?:ly)? (?:abuse\w*|assault\w*|violence)|sexual slavery|abduct\w*|kidnap\w*|violence|killed|executed|punched)\b",
        0.9,
    ),
    # intimidation
    _rule(
        "intimidation",
        "threats",
        r"\b(?:threat\w*|intimidat\w+|coerc\w+|retaliat\w+|reprisals?|under (?:the )?menace)\b",
        0.8,
    ),
    _rule(
        "intimidation",
        "forbidden to complain",
        r"\bforbidden (?:from|to) (?:complain\w*|speak\w*|talk\w*|leave)",
        0.9,
    ),
    _rule(
        "intimidation",
        "dismissal as punishment",
        r"\b(?:kicked|thrown|sent) (?:out|home)\b|\btold to leave\b|\blose (?:their|his|her) (?:jobs?|food rations|places?|rations)\b",
        0.8,
    ),
    _rule(
        "intimidation",
        "penalties",
        r"\b(?:fined|punished|penali[sz]ed|pressured|pressure (?:on|to)|expelled|denounced|imprisoned for|reduced (?:food )?rations|threat of penalty)\b|\b(?:for|if) (?:not|failing to) (?:meet|meeting|fulfil\w*) (?:\w+ )?quotas?",
        0.7,
    ),
    # retained documents
    _rule(
        "retained_documents",
        "documents held",
        r"\b(?:confiscat\w+|retain\w*|withh[oe]ld\w*|seiz\w+|took|take|taken|hold|held|holding|keep|kept|keeping)\b (?:\w+ ){0,3}"
        + _DOCUMENTS,
        0.9,
    ),
    _rule(
        "retained_documents",
        "documents confiscated",
        _DOCUMENTS
        + r" (?:were |was |had been |are )?(?:confiscated|retained|withheld|seized|taken)",
        0.9,
    ),
    # withheld wages
    _rule(
        "withheld_wages",
        "unpaid",
        r"\b(?:unpaid|not (?:being )?paid|no (?:pay|wages|salary)|without (?:pay|payment|wages|compensation)|paid nothing|little or no (?:pay|wages|compensation)|(?:did|do|does) not pay (?:\w+ )?(?:wages|salar\w+|workers|them)|salary deductions|contributions? of (?:\w+ )?(?:money|grain|cash))\b",
        0.9,
    ),
    _rule(
        "withheld_wages",
        "wages withheld",
        r"\b(?:wages?|salar\w+|pay|earnings)\b[^.]{0,25}\b(?:withheld|delayed|deducted|confiscated|garnished|paid late|held back|kept|taken)\b|\b(?:withh[oe]ld|deduct\w*|held back|hold back|confiscat\w*)\b[^.]{0,30}\b(?:wages?|salar\w+|pay)\b",
        0.9,
    ),
    _rule(
        "withheld_wages",
        "meagre wages",
        r"\b(?:meager|meagre|paltry|minimal|low|little) (?:wages?|pay|salar\w+)|(?:insufficient|not enough) to (?:buy|purchase)|(?:does|do|did) not (?:even )?buy\b",
        0.7,
    ),
    _rule(
        "withheld_wages",
        "wages to the state",
        r"\b(?:government|state|regime|authorities) (?:takes?|took|confiscat\w+|keeps?|kept|withh[oe]ld\w*)\b[^.]{0,20}\b(?:most|majority|portion|share|percent|wages?|salar\w+|earnings)",
        0.9,
    ),
    # debt bondage
    _rule(
        "debt_bondage",
        "debt bondage",
        r"\b(?:debt bondage|bonded (?:labou?r\w*|workers?)|debt[- ]based coercion|indebted)\b",
        0.95,
    ),
    _rule(
        "debt_bondage",
        "fees and advances",
        r"\b(?:recruitment|placement) fees?\b|\b(?:owe|owed|owing) (?:money|debts?|the|their|for)\b|\b(?:advances?|loans?) (?:they|that|which)?\s?(?:must|had to|have to)? ?repay|\brepay (?:the|their|a|an) (?:debt|advance|loan|fees?)",
        0.8,
    ),
    # abusive conditions
    _rule(
        "abusive_conditions",
        "injuries",
        r"\b(?:blisters?|peel\w*|callus\w*|injur\w+|wounds?|burns|bleed\w*|maimed|died|deaths?)\b",
        0.8,
    ),
    _rule(
        "abusive_conditions",
        "harsh conditions",
        r"\b(?:harsh|hazardous|dangerous|unsafe|inhumane|degrading|squalid|unhygienic|abusive|exploitative|poor working|appalling) (?:conditions|environments?|living)\b|\b(?:dangerous|unsafe) (?:work|tasks)\b|\bno sympathy\b",
        0.8,
    ),
    _rule(
        "abusive_conditions",
        "no protection",
        r"\b(?:without|no|lack of) (?:protective|safety) (?:equipment|gear|clothing)|\bwithout (?:helmets|masks|gloves)\b|\b(?:insufficient|little|lack of) (?:food|water|medical care|sanitation)\b|\bfire exits? (?:was |were )?locked\b",
        0.8,
    ),
    _rule(
        "abusive_conditions",
        "quota pressure",
        r"\bquotas?\b|\bpush\w* (?:the )?(?:workers|them|girls|children)?\s?(?:to )?(?:increase|work faster|work harder)|\bincrease (?:their )?output\b",
        0.7,
    ),
    # excessive overtime
    _rule(
        "excessive_overtime",
        "long days",
        r"\b"
        + _NUMBER
        + r"[- ]hours? (?:a|per|every|each) day\b|\b"
        + _NUMBER
        + r"[- ]hour (?:shifts?|days?|workdays?)\b|\bfor "
        + _NUMBER
        + r" hours every day\b|\bhours every day\b",
        0.8,
    ),
    _rule(
        "excessive_overtime",
        "longer hours",
        r"\bincreas\w* (?:\w+[’']? )?(?:working |work )?hours\b|\bup to "
        + _NUMBER
        + r" hours\b",
        0.7,
    ),
    _rule(
        "excessive_overtime",
        "no rest",
        r"\b(?:long hours|all day|day and night|around the clock|dawn (?:until|to|till) dusk|seven days a week|without (?:rest|a day off|days off|breaks?)|no (?:rest )?days? off|(?:forced|compulsory|mandatory|excessive) overtime|overtime was compulsory|night shifts?)\b",
        0.8,
    ),
)

# A child worker: a child word and a labour word in the same sentence.
_CHILD_WORD = re.compile(r"\b" + _CHILD + r"\b|\bchild labou?r\b")
_LABOUR_WORD = re.compile(r"\b" + _LABOUR)
_HAZARD_WORD = re.compile(
    r"\b(?:hazardous|dangerous|mines?|mining|quarr\w+|heavy loads?|carr(?:y|ies|ied|ying) (?:heavy|wet|sacks|bricks)|chemicals?|pesticides?|night|long hours|"
    + _NUMBER
    + r" hours|commercial sex\w*|sex trafficking|sexual exploitation|prostitution|forced labou?r|worst forms|soldiers?|armed (?:groups?|forces)|blisters?|peel\w*|skin|machetes?|bricks?|kilns?|all day|injur\w+|fishing|at sea|drying of fish|begging)"
)
# Work the state compels, one rule per kind of cue so that training can tell the
# precise ones (e.g. quotas a state body sets) from the loose ones (``prison camp``).
_STATE_CUES = (
    (
        "state forces the work",
        r"forc(?:e|es|ed|ing) (?:\w+ ){0,4}(?:to|into)\b|forcibl\w+|compel\w*|conscript\w*|impos\w+ (?:\w+ )?(?:labou?r|work)",
    ),
    ("state subjects to forced labour", r"subject(?:s|ed)? (?:\w+ ){0,4}to forced"),
    (
        "state orders the work",
        r"order\w* (?:\w+ ){0,4}to (?:work|pick|harvest|labou?r)|require\w* (?:\w+ ){0,8}to (?:pick|work|harvest|labou?r)",
    ),
    ("state sets quotas", r"quotas?"),
    ("state mobilises", r"mobili[sz]\w+"),
    (
        "state uses labour",
        r"resort\w*|us(?:e|es|ed|ing) (?:of )?(?:children|forced|students|prisoners|conscripts|labou?r)|dispatch\w* (?:\w+ ){0,3}(?:workers|labou?rers)|abduct\w*|recruit\w* (?:and used )?(?:child )?soldiers",
    ),
)
STATE_RULES: tuple[Rule, ...] = (
    *(
        _rule(
            "state_imposed",
            name,
            r"\b" + _STATE + r"\b[^.;]{0,80}\b(?:" + cue + ")",
            0.75,
        )
        for name, cue in _STATE_CUES
    ),
    _rule(
        "state_imposed",
        "mass mobilisation",
        r"\b(?:mass mobili[sz]ations?|forcibly mobili[sz]\w+|mobili[sz]ed)\b",
        0.75,
    ),
    _rule(
        "state_imposed",
        "labour camps",
        r"\b(?:labou?r camps?|(?:re-education|reform) through labou?r)\b",
        0.75,
    ),
    _rule(
        "state_imposed",
        "prison labour",
        r"\b(?:prison (?:camps?|labou?r)|political prison\w*)\b",
        0.75,
    ),
    _rule(
        "state_imposed",
        "state-run labour",
        r"\b(?:state-(?:run|sponsored|imposed)|government-imposed quotas|quotas? set by|forced labou?r (?:in|by) (?:the )?(?:government|state|military)|compulsory labou?r|unpaid (?:community|public) (?:labou?r|work)|hashar)\b",
        0.75,
    ),
    _rule(
        "state_imposed",
        "earning foreign currency",
        r"\b(?:trading companies affiliated|earn foreign currency|overseas work)\b",
        0.75,
    ),
)

# Sentences that carry no indicator (indicators.md: "What carries no indicator").
_RECOMMENDATION = re.compile(
    r"^\s*(?:-\s*)?(?:\[?[\w ]+\]\s*)?(?:ensure|enforce|expand|establish|increase|develop|strengthen|adopt|publish|collect|protect|provide|build|amend|criminali[sz]e|implement|raise|allocate|conduct|investigate|prosecute|continue|expand|improve|train|make|take|fully|enact|approve|finali[sz]e|ratify|screen|institutionali[sz]e|cease|end|eliminate|ban|prohibit|require|allow|permit|update|create|designate|consider|support|remove|reduce|monitor|address|hold|assess|uphold|proactively|significantly|vigorously|increase|identify|refer)\b"
)
_NON_EVIDENCE = re.compile(
    r"\b(?:we|our|us)\b[^.]{0,80}\b(?:polic\w+|suppliers?|supply chains?|code of conduct|commit\w*|tolerate|audit\w*|train\w*|risks?|expect|require)\b"
    r"|\b(?:laws?|act|code|constitution|regulations?|decree|legislation|policy|policies)\b[^.]{0,60}\b(?:prohibit\w*|criminali[sz]\w+|bans?|forbids?|outlaws?)\b"
    r"|\b(?:prohibit\w*|criminali[sz]\w+|bans?|forbids?|outlaws?)\b[^.]{0,60}\b(?:forced labou?r|child labou?r|trafficking)\b"
    r"|\befforts? to (?:eliminate|combat|address|prevent|reduce|end)\b"
    r"|\brisks? of (?:forced labou?r|modern slavery|child labou?r)\b"
    r"|\bminimal advancement\b|\bmoderate advancement\b|\bsignificant advancement\b"
    r"|\btakes? (?:many|several|various|different) forms\b|\bcan (?:occur|take place|take) in\b|\bthe term\b|\b(?:is|are) defined as\b|\bdescribes? situations\b|\bmay include\b"
    r"|\bpunishable\b|\bprohibitions?\b|\bhazardous work list\b|\benforce\w* (?:the |its |these )?laws?\b|\bpenalties for\b|\blaw enforcement\b"
    r"|\b(?:plan|programme|program|campaign|project|initiative|strategy|action plan) (?:to|for) (?:combat|address|eliminate|end|prevent|reduce|eradicate)\b"
    r"|\b(?:government|ministry|authorities)\b[^.]{0,30}\b(?:launched|adopted|approved|publish\w*|drafted|committed|funded|enacted|passed|convicted|prosecuted|identified|investigated|rescued|removed|withdrew)\b"
)
_DENIAL = re.compile(
    r"\b(?:den(?:y|ies|ied|ial)|reject\w*|refut\w+|dismiss\w*)\b[^.]{0,40}\b(?:allegations?|claims?|reports?|accusations?|charges?)\b"
    r"|\bhas no human rights (?:issues|problems)\b"
    r"|\b(?:all|every) (?:work(?:er)?s?|labou?r)\b[^.]{0,30}\b(?:is|was|were|are) (?:voluntary|voluntarily)\b"
    r"|\b(?:said|says|stated|insisted|maintain\w*|claimed)\b[^.]{0,60}\b(?:voluntar\w+|over 18|no (?:forced|child) labou?r)\b"
)
_NEGATION = re.compile(r"\b(?:not|no|never|nor|without|n't|neither)\b[\w ,'-]{0,10}$")


def is_denial(text: str) -> bool:
    return bool(_DENIAL.search(text.lower()))


def is_non_evidence(text: str) -> bool:
    """A recommendation, policy, law against the practice, effort, risk or denial."""
    lowered = text.lower()
    return bool(
        _RECOMMENDATION.match(lowered)
        or _NON_EVIDENCE.search(lowered)
        or _DENIAL.search(lowered)
    )


RULE_FEATURES = (
    *(f"rule:{code}" for code in CODES),
    "non_evidence",
    "recommendation",
    "denial",
    "negated_cue",
)


@dataclass(frozen=True)
class RuleHits:
    """What the rules found in a sentence.

    ``cues``: the strongest hit per code; ``fired``: every hit, one per rule (a
    rule the training found precise decides its code on its own, and its cue is
    the one shown); ``negated``: a cue was negated ("no quotas").
    """

    cues: dict[str, Indicator]
    fired: tuple[Indicator, ...]
    negated: bool

    @property
    def rule_names(self) -> frozenset[str]:
        return frozenset(hit.rule for hit in self.fired)


def rule_hits(sentence: Sentence) -> RuleHits:
    """The rules' cues in a sentence.

    They are features of the classifier (``classifier.py``) and the cue it shows
    for a code; only a rule that training found precise decides on its own.
    """
    lowered = sentence.text.lower()
    found: dict[str, Indicator] = {}
    fired: list[Indicator] = []
    negated = False

    def add(code: str, match: re.Match[str], confidence: float, rule: str) -> None:
        nonlocal negated
        if _NEGATION.search(lowered[: match.start()]):
            negated = True
            return
        hit = Indicator(
            code=code,
            cue=sentence.text[match.start() : match.end()],
            span=Span.within(sentence, match.start(), match.end()),
            confidence=confidence,
            rule=rule,
        )
        fired.append(hit)
        if code not in found or found[code].confidence < confidence:
            found[code] = hit

    for rule in RULES:
        match = rule.pattern.search(lowered)
        if match:
            add(rule.code, match, rule.confidence, rule.name)
    child = _CHILD_WORD.search(lowered)
    if child and _LABOUR_WORD.search(lowered):
        add("child_labour", child, 0.8, "child at work")
        hazard = _HAZARD_WORD.search(lowered)
        if hazard and "child_labour" in found:
            add("hazardous_child_work", hazard, 0.7, "hazardous work by a child")
    for rule in STATE_RULES:
        match = rule.pattern.search(lowered)
        if match:
            add(rule.code, match, rule.confidence, rule.name)
    return RuleHits(found, tuple(fired), negated)


def rule_features(text: str, hits: RuleHits | None = None) -> list[float]:
    """The rules' verdicts on a sentence as numbers, in ``RULE_FEATURES`` order."""
    if hits is None:
        hits = rule_hits(Sentence("", 0, 0, len(text), text))
    lowered = text.lower()
    return [
        *(hits.cues[code].confidence if code in hits.cues else 0.0 for code in CODES),
        float(is_non_evidence(text)),
        float(bool(_RECOMMENDATION.match(lowered))),
        float(bool(_DENIAL.search(lowered))),
        float(hits.negated),
    ]


def find_indicators(
    sentence: Sentence,
    scores: SentenceScores,
    hits: RuleHits | None = None,
) -> list[Indicator]:
    """The indicator codes a sentence supports, each with its cue and confidence.

    The classifier decides (``scores.decided``); the confidence is its probability.
    The cue shown is that of the precise rule that decided the code, else of the
    strongest rule that fired for it, else the words that drove the classifier's
    score (``rule`` is then ``"model"``).
    """
    if hits is None:
        hits = rule_hits(sentence)
    deciding = {hit.code: hit for hit in hits.fired if hit.rule in scores.rules}
    found = []
    for code in scores.decided:
        if code == "excessive_overtime" and _normal_day_only(sentence.text):
            continue
        probability = scores.probabilities[code]
        hit = deciding.get(code) or hits.cues.get(code)
        if hit is not None:
            start, end = hit.span.start - sentence.start, hit.span.end - sentence.start
            found.append(decided(sentence, code, start, end, probability, hit.rule))
            continue
        start, end = _locate_terms(sentence.text, scores.drivers.get(code, ()))
        found.append(decided(sentence, code, start, end, probability, "model"))
    return sorted(found, key=lambda indicator: CODES.index(indicator.code))


_HOURS_A_DAY = re.compile(
    r"\b(" + _NUMBER + r")[- ]hours? (?:a|per|every|each) (?:work(?:ing )?)?day\b", re.I
)


def _normal_day_only(text: str) -> bool:
    """Whether the only hours a sentence gives are a normal working day.

    Eight hours a day is the ILO's standard day (Hours of Work Convention, 1919),
    not excessive overtime; "eight hours every day" says so unless the sentence
    also says there is no rest, night work or forced overtime.
    """
    hours = [
        int(n) if n.isdigit() else (word_number(n) or 99)
        for n in _HOURS_A_DAY.findall(text)
    ]
    other_cue = any(
        rule.pattern.search(text)
        for rule in RULES
        if rule.code == "excessive_overtime" and rule.name != "long days"
    )
    return bool(hours) and max(hours) <= 8 and not other_cue


def decided(
    sentence: Sentence, code: str, start: int, end: int, probability: float, rule: str
) -> Indicator:
    """An indicator a classifier decided, its cue at ``sentence.text[start:end]``;
    its confidence is the classifier's probability (also ``model_confidence``)."""
    return Indicator(
        code=code,
        cue=sentence.text[start:end],
        span=Span.within(sentence, start, end),
        confidence=round(probability, 3),
        rule=rule,
        model_confidence=round(probability, 3),
    )


def _locate_terms(text: str, terms: tuple[str, ...]) -> tuple[int, int]:
    """The span of the first driver term found in the text, else the whole text."""
    lowered = text.lower()
    for term in terms:
        pattern = r"\b" + r"\W+".join(re.escape(word) for word in term.split()) + r"\b"
        match = re.search(pattern, lowered)
        if match:
            return match.start(), match.end()
    return 0, len(text)
