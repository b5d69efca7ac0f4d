"""Deal health (项目体检): the red flags a coach would raise about one pursuit.

Pure rules over plain facts (`PursuitFacts`), so the board's count, the workspace's list and a
printed report all come from the same function. Each flag says why in a short sentence (both
languages, like the catalog's texts) and where to fix it: a section of the pursuit workspace, the
field or record there, and the coaching point to fall back on when that section is not installed.

A flag applies from the stage where the methodology expects the thing: an insider, an initiator
and a written pain from stage 2, the decision-maker and a value case from stage 3, the designer from
stage 4, the evaluator and an ally from stage 5, and so on (`FROM_STAGE`). Closed pursuits raise
nothing: a signed pursuit stays open through 验收 and 回款 (`domain.status`), where the collection
flags (acceptance, overdue instalments) apply, and once collected the money is in.

Every rule has a severity (`SEVERITY`): *blocking* when the milestone of the pursuit's stage rests
on it, so the deal is not really where the board shows it; *advice* when the deal can move on and
the flag says how to make it stronger. A board can show only the blocking ones; the workspace
lists all. A blocking rule that asks for something missing weighs as advice while the pursuit is
settling into the stage where that rule starts (`SETTLING`, `SETTLING_DAYS`): a pursuit created
or moved there today has had no visit yet in which to find it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from desktop.domain import indicators
from desktop.domain.methodology import REQUIRED_VOCABULARIES, Text

# Relationship stages in rank order (认识 → 互动 → 私交 → 同盟).
RELATIONSHIP_ORDER: tuple[str, ...] = REQUIRED_VOCABULARIES["relationship_stages"].keys
MIN_DECISION_MAKER_RELATIONSHIP = "interacting"
# The relationships at which a decision-maker counts as reached (互动 and beyond).
REACHED_RELATIONSHIPS: tuple[str, ...] = RELATIONSHIP_ORDER[
    RELATIONSHIP_ORDER.index(MIN_DECISION_MAKER_RELATIONSHIP) :
]
# An ally (同盟者) is someone whose relationship has reached the last stage, 同盟.
ALLY = RELATIONSHIP_ORDER[-1]
DECISION_MAKER = "decision_maker"  # the buying role (采购角色) of the decision-maker
# The characters `str.strip()` removes (those `str.isspace()` accepts): text made only of them is
# blank (`has_pain_analysis`), so a database read can tell a written pain the same way.
BLANKS = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
HIGH_IMPACT = 4  # risk severity at or above which a risk is "high impact"
ACCEPTED = "yes"  # a value case the decision-maker accepted (ValueCaseFacts.accepted)

# Flag codes.
NO_INSIDER = "no_insider"
NO_INITIATOR = "no_initiator"
NO_DECISION_MAKER = "no_decision_maker"
WEAK_DECISION_MAKER = "weak_decision_maker"
NO_DESIGNER = "no_designer"
NO_EVALUATOR = "no_evaluator"
NO_ALLY = "no_ally"
NO_PAIN = "no_pain"
NO_VALUE_CASE = "no_value_case"
VALUE_CASE_NOT_ACCEPTED = "value_case_not_accepted"
FATAL_WITHOUT_PLAN = "fatal_without_plan"
RIVAL_UNANSWERED = "rival_unanswered"
OPEN_HIGH_RISKS = "open_high_risks"
ACCEPTANCE_UNSIGNED = "acceptance_unsigned"
OVERDUE_INSTALMENTS = "overdue_instalments"
NO_NEXT_STEP = "no_next_step"
NEXT_STEP_OVERDUE = "next_step_overdue"
STALE = "stale"
CLOSE_DATE_PASSED = "close_date_passed"

# The first stage at which each rule applies (1 = always, for open pursuits).
FROM_STAGE: Mapping[str, int] = MappingProxyType(
    {
        NO_INSIDER: 2,
        NO_INITIATOR: 2,  # 拜访发起者 … 促使发起者提出采购申请 (stage 2 step)
        NO_PAIN: 2,  # 寻找痛点及其影响 (stage 2 step)
        NO_DECISION_MAKER: 3,
        WEAK_DECISION_MAKER: 3,
        NO_DESIGNER: 4,  # 谁是采购设计者？ (stage 4 coaching point)
        NO_EVALUATOR: 5,  # 谁是采购评估者？ (stage 5 coaching point)
        NO_ALLY: 5,  # 客户内部谁是我们的同盟者，为我们说话屏蔽对手？ (stage 5 coaching point)
        NO_VALUE_CASE: 3,
        VALUE_CASE_NOT_ACCEPTED: 4,
        FATAL_WITHOUT_PLAN: 4,
        RIVAL_UNANSWERED: 5,
        OPEN_HIGH_RISKS: 6,
        ACCEPTANCE_UNSIGNED: 7,
        OVERDUE_INSTALMENTS: 8,
        NO_NEXT_STEP: 1,
        NEXT_STEP_OVERDUE: 1,
        STALE: 1,
        CLOSE_DATE_PASSED: 1,
    }
)
# The buying roles (采购角色) a rule asks to find, by the rule that flags nobody in them.
ROLE_RULES: Mapping[str, str] = MappingProxyType(
    {
        NO_INSIDER: "insider",
        NO_INITIATOR: "initiator",
        NO_DESIGNER: "designer",
        NO_EVALUATOR: "evaluator",
    }
)

BLOCKING = "blocking"  # the milestone of the pursuit's stage rests on it
ADVICE = "advice"  # the deal can move on; fixing it makes the deal stronger

# Why each rule is blocking or advice. Blocking means the stage's milestone (界限) is not really
# reached without it; the board shows only these, so a rule is blocking only when that holds.
SEVERITY: Mapping[str, str] = MappingProxyType(
    {
        # Everything the rep learns inside the account comes through the insider (发展内线 is the
        # method's first step); without one from stage 2 on, the later stages run blind.
        NO_INSIDER: BLOCKING,
        # 发现机会 (stage 2) is the initiator feeling the pain and raising the purchase request;
        # with nobody in that role there is no opportunity yet.
        NO_INITIATOR: BLOCKING,
        # The opportunity is the customer's pain: with no pain written down from stage 2 on there
        # is nothing to prove value against in stage 3.
        NO_PAIN: BLOCKING,
        # 确认机会 (stage 3) means the decision-maker approved the project: unknown, nobody did.
        NO_DECISION_MAKER: BLOCKING,
        # The decision-maker is known and reachable; a relationship still at 认识 is work to do,
        # not a missing milestone.
        WEAK_DECISION_MAKER: ADVICE,
        # Stage 3 approval rests on the value proposal (通过价值建议书，证明投资回报率).
        NO_VALUE_CASE: BLOCKING,
        # From stage 4 on the project should be approved on that case (决策者对价值建议书反馈
        # 怎么样？认可吗？); unaccepted, the stage-3 milestone was skipped.
        VALUE_CASE_NOT_ACCEPTED: BLOCKING,
        # 引导指标 (stage 4) is done with the one who writes the criteria; nobody to guide, no
        # criteria shaped.
        NO_DESIGNER: BLOCKING,
        # A fatal criterion left as it is loses the evaluation; planning for it is stage 4's work.
        FATAL_WITHOUT_PLAN: BLOCKING,
        # The proposal goes in whoever scores it (the criteria are already shaped with the
        # designer); knowing the evaluator sharpens it, the quote can still be made.
        NO_EVALUATOR: ADVICE,
        # 屏蔽对手 (stage 5) is done by someone inside speaking for us where we are not present;
        # without an ally the competitors are not blocked.
        NO_ALLY: BLOCKING,
        # A label and a counter sharpen the blocking; their absence is preparation to finish.
        RIVAL_UNANSWERED: ADVICE,
        # 客户承诺 (stage 6) needs the concerns dispelled; an open high-impact risk stops it.
        OPEN_HIGH_RISKS: BLOCKING,
        # Signing the acceptance is the very work of stage 7 (验收), so an unsigned one there is
        # the stage in progress; its reason says when it is late.
        ACCEPTANCE_UNSIGNED: ADVICE,
        # Money due and not received is what stage 8 (回款) exists to prevent.
        OVERDUE_INSTALMENTS: BLOCKING,
        # Housekeeping: dates and next steps keep the pipeline honest, no milestone rests on them.
        NO_NEXT_STEP: ADVICE,
        NEXT_STEP_OVERDUE: ADVICE,
        STALE: ADVICE,
        CLOSE_DATE_PASSED: ADVICE,
    }
)

# The blocking rules that ask for something not found yet (a person, a written pain, a value case
# and its acceptance, a plan), as opposed to something present and wrong (an open high-impact risk,
# money overdue). On the day a pursuit enters the stage where such a rule starts (the rep created
# it there from a column's "+", or moved it through the gate), nobody has yet been visited to find
# the insider, the initiator, the decision-maker: the method's stages are work that takes visits
# (发展内线、拜访发起者、拜访决策者…), and a flag saying "the deal is not really here" on day one
# tells the rep nothing they could have done. So for its first SETTLING_DAYS in that stage the
# flag is advice (listed in the workspace, not on the card); after that it blocks. A rule that
# started in an earlier stage is never softened: the pursuit had that stage to find it.
SETTLING: frozenset[str] = frozenset(
    code
    for code, weight in SEVERITY.items()
    if weight == BLOCKING and code not in (OPEN_HIGH_RISKS, OVERDUE_INSTALMENTS)
)
SETTLING_DAYS = 7  # a week: time for the first visit of the stage


def settling_rules(stage: int, stage_entered_on: date, today: date) -> frozenset[str]:
    """The blocking rules that weigh as advice today for a pursuit in `stage` since
    `stage_entered_on`: those that start at this very stage, during its first SETTLING_DAYS."""
    if stage_entered_on < settling_from(today):
        return frozenset()
    return _STARTING_AT.get(stage, frozenset())


def settling_from(today: date) -> date:
    """The first day of the stage that still settles `today`: a pursuit that entered its stage
    on this day or later is within its first SETTLING_DAYS (the bound a bulk read compares)."""
    return today - timedelta(days=SETTLING_DAYS - 1)


def stale_before(today: date, stale_limit_days: int) -> date:
    """A pursuit quiet since a day before this one is STALE `today` under `stale_limit_days`
    (more than that many days without a touch): the bound a bulk read compares."""
    return today - timedelta(days=stale_limit_days)


_STARTING_AT: Mapping[int, frozenset[str]] = MappingProxyType(
    {
        stage: frozenset(code for code in SETTLING if FROM_STAGE[code] == stage)
        for stage in set(FROM_STAGE.values())
    }
)

# Sections of the pursuit workspace a flag points to.
OVERVIEW = "overview"
STAKEHOLDERS = "stakeholders"
INDICATORS = "indicators"
VALUE = "value"
RISKS = "risks"
COLLECTION = "collection"

RED = "red"  # the method is not being followed: the deal is at risk
AMBER = "amber"  # housekeeping: dates and next steps


# --- facts ------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class KeyPerson:
    name: str
    relationship: str  # a relationship_stages key


@dataclass(frozen=True, slots=True)
class ValueCaseFacts:
    investment: int
    benefit_lines: int
    accepted: str  # yes / no / unknown

    @property
    def is_empty(self) -> bool:
        """A value case with no figures is no value case."""
        return self.investment == 0 and self.benefit_lines == 0


@dataclass(frozen=True, slots=True)
class CriterionFacts:
    name: str
    importance: int
    our_score: int | None
    best_rival_score: int | None
    class_override: str | None
    has_action_plan: bool

    @property
    def indicator_class(self) -> str:
        rivals = [] if self.best_rival_score is None else [self.best_rival_score]
        return indicators.classify(self.importance, self.our_score, rivals, self.class_override)


@dataclass(frozen=True, slots=True)
class RivalFacts:
    name: str
    has_label: bool
    has_counter: bool  # features, advantages or benefits written down


@dataclass(frozen=True, slots=True)
class RiskFacts:
    description: str
    severity: int
    status: str  # open / mitigated / closed


@dataclass(frozen=True, slots=True)
class InstalmentFacts:
    amount: int
    due_on: date | None
    received_on: date | None

    def overdue(self, today: date) -> bool:
        return self.received_on is None and self.due_on is not None and self.due_on < today


@dataclass(frozen=True, slots=True)
class PursuitFacts:
    """What the rules look at; services gather it, tests write it by hand."""

    stage: int
    stage_entered_on: date
    stale_limit_days: int
    status: str = "open"
    currency: str = "CNY"
    expected_close: date | None = None
    next_step: str = ""
    next_step_due: date | None = None
    insiders: tuple[str, ...] = ()
    decision_makers: tuple[KeyPerson, ...] = ()
    initiators: tuple[str, ...] = ()
    designers: tuple[str, ...] = ()
    evaluators: tuple[str, ...] = ()
    allies: tuple[str, ...] = ()  # people at the last relationship stage (同盟)
    pains: tuple[str, ...] = ()  # the pains written down (痛点), blank ones left out
    value_case: ValueCaseFacts | None = None
    criteria: tuple[CriterionFacts, ...] = ()
    rivals: tuple[RivalFacts, ...] = ()
    risks: tuple[RiskFacts, ...] = ()
    acceptance_signed: bool = False
    acceptance_due: date | None = None
    instalments: tuple[InstalmentFacts, ...] = ()
    # The day it was last worked on (its latest done activity, note, visit held or stage change),
    # and whether anything is scheduled (an open activity dated today or later, a visit to come).
    last_touched_on: date | None = None
    scheduled: bool = False

    @property
    def quiet_since(self) -> date:
        """Where inactivity is counted from: the last touch, or entering the stage if later."""
        touched = self.last_touched_on
        return max(touched, self.stage_entered_on) if touched else self.stage_entered_on


# --- flags ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RedFlag:
    """One problem: why (`reason(lang)`), where to fix it (`section`, `target`), how much it
    matters (`severity`)."""

    code: str
    level: str  # RED or AMBER
    section: str  # the workspace section that fixes it
    target: str = ""  # a field, or "" for the section itself
    coaching_key: str = ""  # the coaching point to open when the section is not available
    params: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=False)
    settling: bool = False  # a blocking rule weighing as advice in the stage's first days

    @property
    def severity(self) -> str:
        """BLOCKING or ADVICE: the rule's own, so every flag of a rule weighs the same, except
        while the pursuit settles into the stage where a rule starts (`SETTLING`)."""
        return ADVICE if self.settling else SEVERITY[self.code]

    @property
    def blocking(self) -> bool:
        return self.severity == BLOCKING

    def reason(self, lang: str) -> str:
        template = _REASONS[self.code]
        if self.code in _ONE and self.params.get("days", self.params.get("count")) == 1:
            template = _ONE[self.code]
        if self.code == VALUE_CASE_NOT_ACCEPTED and self.params.get("rejected"):
            template = _REJECTED
        if self.code == ACCEPTANCE_UNSIGNED and self.params.get("due"):
            template = _ACCEPTANCE_DUE_PASSED if self.params.get("late") else _ACCEPTANCE_DUE
        values = {
            name: _join(value, lang) if isinstance(value, tuple) else value
            for name, value in self.params.items()
        }
        if "amount" in values:
            values["amount"] = format_money(int(values["amount"]), str(values.get("currency")))
        return template(lang).format(**values)


def _join(names: tuple[str, ...], lang: str) -> str:
    shown = [n for n in names if n][:3]
    more = len(names) - len(shown)
    separator = "、" if lang.startswith("zh") else ", "
    text = separator.join(shown)
    if more > 0:
        text += f" 等 {len(names)} 项" if lang.startswith("zh") else f" and {more} more"
    return text


_REASONS: Mapping[str, Text] = MappingProxyType(
    {
        NO_INSIDER: Text(
            "还没有内线：从阶段 2 起需要有人透露信息",
            "No insider yet: from stage 2 someone inside should be sharing information",
        ),
        NO_INITIATOR: Text(
            "还没有发起者：从阶段 2 起需要有人感受到痛点、提出采购申请",
            "No initiator yet: from stage 2 someone should feel the pain and raise the request",
        ),
        NO_PAIN: Text(
            "痛点分析还是空的：从阶段 2 起要写下客户的痛点及其影响",
            "The pain analysis is empty: from stage 2 write down the pains and their impact",
        ),
        NO_DECISION_MAKER: Text("还没有确认谁是决策者", "The decision-maker is not identified"),
        WEAK_DECISION_MAKER: Text(
            "与决策者 {names} 的关系还停留在「认识」",
            'The relationship with the decision-maker {names} is still only "acquainted"',
        ),
        NO_VALUE_CASE: Text(
            "还没有价值建议书：投资回报率和回收期说不清",
            "No value case yet: return and payback are not shown",
        ),
        NO_DESIGNER: Text(
            "还没有找到设计者：从阶段 4 起要和制定采购指标的人一起引导指标",
            "No designer yet: from stage 4 we shape the criteria with whoever writes them",
        ),
        NO_EVALUATOR: Text(
            "还没有找到评估者：从阶段 5 起要知道谁来评估各家方案",
            "No evaluator yet: from stage 5 we should know who evaluates the proposals",
        ),
        NO_ALLY: Text(
            "还没有同盟者：从阶段 5 起需要有人在客户内部为我们说话、屏蔽对手",
            "No ally yet: from stage 5 someone inside should speak for us and block the rivals",
        ),
        VALUE_CASE_NOT_ACCEPTED: Text(
            "决策者尚未认可价值建议书", "The decision-maker has not accepted the value case"
        ),
        FATAL_WITHOUT_PLAN: Text(
            "致命指标还没有行动计划：{names}", "Fatal criteria without an action plan: {names}"
        ),
        RIVAL_UNANSWERED: Text(
            "竞争对手缺少标签或应对方案：{names}",
            "Competitors without a label or a counter-plan: {names}",
        ),
        OPEN_HIGH_RISKS: Text(
            "高影响的采购风险尚未解决：{names}", "High-impact purchase risks still open: {names}"
        ),
        ACCEPTANCE_UNSIGNED: Text("验收文件尚未签署", "The acceptance document is not signed"),
        OVERDUE_INSTALMENTS: Text(
            "回款逾期 {count} 笔，共 {amount}", "{count} payments overdue, {amount} in total"
        ),
        NO_NEXT_STEP: Text("没有下一步行动", "No next step"),
        NEXT_STEP_OVERDUE: Text(
            "下一步行动已逾期 {days} 天（应于 {date} 完成）",
            "The next step is {days} days overdue (due {date})",
        ),
        STALE: Text(
            "已有 {days} 天没有跟进（上限 {limit} 天）",
            "{days} days without a touch (limit {limit} days)",
        ),
        CLOSE_DATE_PASSED: Text(
            "预计成交日期 {date} 已过", "The expected close date {date} has passed"
        ),
    }
)
# English says "1 day", "1 payment": the texts above for a count of one (Chinese has no plural).
_ONE: Mapping[str, Text] = MappingProxyType(
    {
        OVERDUE_INSTALMENTS: Text(
            _REASONS[OVERDUE_INSTALMENTS].zh, "1 payment overdue, {amount} in total"
        ),
        NEXT_STEP_OVERDUE: Text(
            _REASONS[NEXT_STEP_OVERDUE].zh, "The next step is 1 day overdue (due {date})"
        ),
        STALE: Text(_REASONS[STALE].zh, "1 day without a touch (limit {limit} days)"),
    }
)
_REJECTED = Text("决策者不认可价值建议书", "The decision-maker rejected the value case")
_ACCEPTANCE_DUE = Text(
    "验收文件尚未签署（计划 {due} 签）", "The acceptance document is not signed (due {due})"
)
_ACCEPTANCE_DUE_PASSED = Text(
    "验收文件尚未签署，已过计划日期 {due}",
    "The acceptance document is not signed; it was due {due}",
)

_CURRENCY_SYMBOLS = MappingProxyType({"CNY": "¥", "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"})


def format_money(minor: int, currency: str = "CNY") -> str:
    """¥1,280,000 (cents shown only when there are any)."""
    symbol = _CURRENCY_SYMBOLS.get(currency, f"{currency} ")
    sign = "-" if minor < 0 else ""
    major, cents = divmod(abs(minor), 100)
    text = f"{major:,}" + (f".{cents:02d}" if cents else "")
    return f"{sign}{symbol}{text}"


def applies(code: str, facts: PursuitFacts) -> bool:
    """Whether rule `code` looks at this pursuit at all (its stage and status)."""
    return code in active_rules(facts.stage, facts.status)


@lru_cache(maxsize=64)
def active_rules(stage: int, status: str) -> frozenset[str]:
    """The rules that look at a pursuit in `stage` with `status`."""
    if status != "open":
        return frozenset()
    return frozenset(code for code, first in FROM_STAGE.items() if stage >= first)


def decision_maker_problem(relationships: Iterable[str]) -> str | None:
    """NO_DECISION_MAKER without one, WEAK_DECISION_MAKER when no decision-maker is at 互动 or
    beyond, else None."""
    ranks = [_rank(r) for r in relationships]
    if not ranks:
        return NO_DECISION_MAKER
    if max(ranks) < RELATIONSHIP_ORDER.index(MIN_DECISION_MAKER_RELATIONSHIP):
        return WEAK_DECISION_MAKER
    return None


def value_case_problem(case: ValueCaseFacts | None, rules: frozenset[str]) -> str | None:
    """NO_VALUE_CASE, VALUE_CASE_NOT_ACCEPTED or None, for a pursuit under `rules`."""
    if NO_VALUE_CASE in rules and (case is None or case.is_empty):
        return NO_VALUE_CASE
    if VALUE_CASE_NOT_ACCEPTED in rules and case is not None and case.accepted != ACCEPTED:
        return VALUE_CASE_NOT_ACCEPTED
    return None


def has_pain_analysis(pains: Iterable[str]) -> bool:
    """Whether at least one pain (痛点) is written down; blank rows are no analysis."""
    return any(pain.strip() for pain in pains)


def is_open_high_risk(severity: int, status: str) -> bool:
    return status == "open" and severity >= HIGH_IMPACT


def housekeeping_problems(
    rules: frozenset[str],
    today: date,
    *,
    next_step: str,
    next_step_due: date | None,
    stage_entered_on: date,
    stale_limit_days: int,
    expected_close: date | None,
    last_touched_on: date | None = None,
    scheduled: bool = False,
) -> list[str]:
    """The dates-and-next-step rules that fire (NO_NEXT_STEP, NEXT_STEP_OVERDUE, STALE,
    CLOSE_DATE_PASSED), in that order.

    A next step is written down, or scheduled (an open activity or a visit ahead): either
    satisfies NO_NEXT_STEP. STALE counts the days without a touch (the last done activity, note,
    visit or stage change), never fewer than since the stage was entered allows."""
    found = []
    quiet_since = max(last_touched_on, stage_entered_on) if last_touched_on else stage_entered_on
    if NO_NEXT_STEP in rules and not next_step.strip() and not scheduled:
        found.append(NO_NEXT_STEP)
    elif NEXT_STEP_OVERDUE in rules and next_step_due and next_step_due < today:
        found.append(NEXT_STEP_OVERDUE)
    if STALE in rules and quiet_since < stale_before(today, stale_limit_days):
        found.append(STALE)
    if CLOSE_DATE_PASSED in rules and expected_close and expected_close < today:
        found.append(CLOSE_DATE_PASSED)
    return found


def evaluate(facts: PursuitFacts, today: date) -> list[RedFlag]:
    """The red flags of one pursuit, the method's own order (who → value → competition → money),
    then the housekeeping ones."""
    flags: list[RedFlag] = []
    rules = active_rules(facts.stage, facts.status)
    on = rules.__contains__

    if on(NO_INSIDER) and not facts.insiders:
        flags.append(RedFlag(NO_INSIDER, RED, STAKEHOLDERS, "insider", "s1.insider"))
    if on(NO_INITIATOR) and not facts.initiators:
        flags.append(RedFlag(NO_INITIATOR, RED, STAKEHOLDERS, "initiator", "s2.pain_owner"))
    if on(NO_DECISION_MAKER):
        problem = decision_maker_problem(p.relationship for p in facts.decision_makers)
        if problem == NO_DECISION_MAKER:
            flags.append(RedFlag(problem, RED, STAKEHOLDERS, "decision_maker", "s3.decision_maker"))
        elif problem == WEAK_DECISION_MAKER:
            flags.append(
                RedFlag(
                    problem,
                    RED,
                    STAKEHOLDERS,
                    "decision_maker",
                    "s3.decision_maker",
                    {"names": tuple(p.name for p in facts.decision_makers)},
                )
            )
    if on(NO_DESIGNER) and not facts.designers:
        flags.append(RedFlag(NO_DESIGNER, RED, STAKEHOLDERS, "designer", "s4.designer"))
    if on(NO_EVALUATOR) and not facts.evaluators:
        flags.append(RedFlag(NO_EVALUATOR, RED, STAKEHOLDERS, "evaluator", "s5.evaluator"))
    if on(NO_ALLY) and not facts.allies:
        flags.append(RedFlag(NO_ALLY, RED, STAKEHOLDERS, ALLY, "s5.ally"))
    if on(NO_PAIN) and not has_pain_analysis(facts.pains):
        flags.append(RedFlag(NO_PAIN, RED, VALUE, "add_pain", "s2.pain"))
    case = facts.value_case
    problem = value_case_problem(case, rules)
    if problem == NO_VALUE_CASE:
        flags.append(RedFlag(NO_VALUE_CASE, RED, VALUE, "investment", "s3.roi"))
    elif problem == VALUE_CASE_NOT_ACCEPTED and case is not None:
        flags.append(
            RedFlag(
                VALUE_CASE_NOT_ACCEPTED,
                RED,
                VALUE,
                "accepted",
                "s3.value_case_feedback",
                {"rejected": case.accepted == "no"},
            )
        )
    if on(FATAL_WITHOUT_PLAN):
        fatal = [
            c.name
            for c in facts.criteria
            if c.indicator_class == indicators.FATAL and not c.has_action_plan
        ]
        if fatal:
            flags.append(
                RedFlag(
                    FATAL_WITHOUT_PLAN,
                    RED,
                    INDICATORS,
                    "action_plan",
                    "s4.fatal",
                    {"count": len(fatal), "names": tuple(fatal)},
                )
            )
    if on(RIVAL_UNANSWERED):
        unanswered = [r.name for r in facts.rivals if not (r.has_label and r.has_counter)]
        if unanswered:
            flags.append(
                RedFlag(
                    RIVAL_UNANSWERED,
                    RED,
                    INDICATORS,
                    "competitors",
                    "s5.competitor_label",
                    {"names": tuple(unanswered)},
                )
            )
    if on(OPEN_HIGH_RISKS):
        open_high = [r.description for r in facts.risks if is_open_high_risk(r.severity, r.status)]
        if open_high:
            flags.append(
                RedFlag(
                    OPEN_HIGH_RISKS,
                    RED,
                    RISKS,
                    "",
                    "s6.prevention_remedy",
                    {"count": len(open_high), "names": tuple(open_high)},
                )
            )
    if on(ACCEPTANCE_UNSIGNED) and not facts.acceptance_signed:
        due = facts.acceptance_due
        flags.append(
            RedFlag(
                ACCEPTANCE_UNSIGNED,
                RED,
                COLLECTION,
                "acceptance_signed",
                "s8.acceptance_signed",
                {"due": due.isoformat() if due else "", "late": bool(due and due < today)},
            )
        )
    if on(OVERDUE_INSTALMENTS):
        overdue = [i for i in facts.instalments if i.overdue(today)]
        if overdue:
            flags.append(
                RedFlag(
                    OVERDUE_INSTALMENTS,
                    RED,
                    COLLECTION,
                    "instalments",
                    "s8.payment_received",
                    {
                        "count": len(overdue),
                        "amount": sum(i.amount for i in overdue),
                        "currency": facts.currency,
                    },
                )
            )
    for code in housekeeping_problems(
        rules,
        today,
        next_step=facts.next_step,
        next_step_due=facts.next_step_due,
        stage_entered_on=facts.stage_entered_on,
        stale_limit_days=facts.stale_limit_days,
        expected_close=facts.expected_close,
        last_touched_on=facts.last_touched_on,
        scheduled=facts.scheduled,
    ):
        flags.append(_housekeeping_flag(code, facts, today))
    if facts.status == "open":
        settling = settling_rules(facts.stage, facts.stage_entered_on, today)
        if settling:
            flags = [replace(f, settling=True) if f.code in settling else f for f in flags]
    return flags


def _housekeeping_flag(code: str, facts: PursuitFacts, today: date) -> RedFlag:
    if code == NO_NEXT_STEP:
        return RedFlag(code, AMBER, OVERVIEW, "next_step")
    if code == NEXT_STEP_OVERDUE:
        due = facts.next_step_due
        assert due is not None
        return RedFlag(
            code,
            AMBER,
            OVERVIEW,
            "next_step_due",
            params={"days": (today - due).days, "date": due.isoformat()},
        )
    if code == STALE:
        days = (today - facts.quiet_since).days
        return RedFlag(
            code, AMBER, OVERVIEW, "stage", params={"days": days, "limit": facts.stale_limit_days}
        )
    assert facts.expected_close is not None
    return RedFlag(
        code,
        AMBER,
        OVERVIEW,
        "expected_close",
        params={"date": facts.expected_close.isoformat()},
    )


def _rank(relationship: str) -> int:
    try:
        return RELATIONSHIP_ORDER.index(relationship)
    except ValueError:
        return -1
