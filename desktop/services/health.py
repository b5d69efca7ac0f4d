"""Deal health from the database: gather each pursuit's facts, let `domain.health` judge them.

One code path serves the workspace (one pursuit, every flag with its reason) and the board
(10,000 pursuits, a count each): `gather` reads the facts of many pursuits with a fixed number of
aggregate queries — one per kind of fact, each limited to the pursuits whose stage the rule
covers — and never one query per pursuit.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import String, and_, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from desktop.domain import health, indicators
from desktop.domain.health import (
    CriterionFacts,
    InstalmentFacts,
    KeyPerson,
    PursuitFacts,
    RedFlag,
    RiskFacts,
    RivalFacts,
    ValueCaseFacts,
)
from desktop.services.workspace import Workspace
from desktop.storage import queries
from desktop.storage.tables import (
    Collection as CollectionRecord,
)
from desktop.storage.tables import (
    Competitor,
    Indicator,
    IndicatorScore,
    Instalment,
    PainPoint,
    Pursuit,
    PursuitCompetitor,
    Risk,
    Stakeholder,
    StakeholderRole,
    ValueBenefit,
    ValueCase,
)

_BATCH = 900  # ids per IN (…) list, well under SQLite's variable limit
# SQLite's page cache while every pursuit's facts are read: the criteria's rival scores and the
# pursuits' competitors are searched by key in random order over indexes of several MB at 50,000
# pursuits, and with the default 2 MB cache most searches would reread their pages from the OS.
_READ_CACHE_KIB = 64 * 1024
BLOCKING_RULES = frozenset(
    code for code, weight in health.SEVERITY.items() if weight == health.BLOCKING
)


def local_today() -> date:
    return date.today()


def flags_of(ws: Workspace, pursuit_id: str, today: date | None = None) -> list[RedFlag]:
    """Every red flag of one pursuit, in the method's order (none for an unknown pursuit)."""
    today = today or local_today()
    with ws.read() as session:
        facts = gather(session, ws, [pursuit_id], today)
    found = facts.get(pursuit_id)
    return health.evaluate(found, today) if found else []


def red_flag_counts(
    ws: Workspace,
    ids: Collection[str] | None = None,
    today: date | None = None,
    *,
    blocking_only: bool = False,
) -> dict[str, int]:
    """{pursuit id: number of red flags} for the open pursuits among `ids` (all when None);
    with `blocking_only`, only the flags whose severity is blocking (what the board shows).

    Pursuits without a flag are left out, so `counts.get(id, 0)` is the count. This is the path
    of the board and the Pursuits list: driver-level queries (`storage.queries.HealthFacts`) that
    return only what a rule needs — the key people summed per pursuit, the pursuits with an ally,
    a written pain, an unanswered rival…, the few criteria that could be fatal — each read only
    for the pursuits its rule looks at, then the domain's own predicates. It gives the same count
    as `len(flags_of(...))`, which the tests check on every pursuit of a demo database.
    """
    today = today or local_today()
    if ids is not None:
        id_list = list(dict.fromkeys(ids))
        counts: dict[str, int] = {}
        with ws.read() as session:
            for start in range(0, len(id_list), _BATCH):
                chunk = id_list[start : start + _BATCH]
                counts.update(_count(session, ws, chunk, today, blocking_only))
        return counts
    with ws.read() as session, queries.page_cache(session, _READ_CACHE_KIB):
        return _count(session, ws, None, today, blocking_only)


def _count(
    session: Session, ws: Workspace, ids: list[str] | None, today: date, blocking_only: bool
) -> dict[str, int]:
    if ids is not None and not ids:
        return {}
    driver = queries.driver_of(session)  # once: asking the session costs more than a read
    read = queries.HealthFacts(driver, ids)
    limits = {stage.number: ws.stale_limit(stage.number) for stage in ws.catalog.stages}
    offset = datetime.now(UTC).astimezone().utcoffset() or timedelta(0)

    def utc(day: date) -> str:
        """The stored UTC text of local midnight starting `day`: a time's local day is before
        `day` exactly when its text sorts before this (one offset for all, as below)."""
        return (datetime.combine(day, time()) - offset).strftime(_STORED)

    # The day bounds of the domain's rules, as stored text, so the read compares them in SQL:
    # stale is the stage entered and the last touch before the stage's bound, settling the stage
    # entered from the bound on (it matters only on the board, which leaves those rules out).
    quiet_before = {
        stage: utc(health.stale_before(today, limit)) for stage, limit in limits.items()
    }
    settling = utc(health.settling_from(today)) if blocking_only else None
    # The board asks no housekeeping rule (all advice): its read leaves those facts out.
    asked = {code for stage in limits for code in health.active_rules(stage, "open")}
    if blocking_only:
        asked &= BLOCKING_RULES
    rules_of: dict[str, frozenset[str]] = {}
    groups: dict[frozenset[str], list[str]] = defaultdict(list)  # pursuits by the rules they face
    unplanned: list[tuple[str, bool]] = []  # no next step written: whether one is scheduled decides
    quiet: list[tuple[str, str]] = []  # stale but for a visit held: the visits decide the flag
    fatal_candidates: list[str] = []  # those with a criterion that could be fatal
    with_case: list[str] = []  # those with a value case, when a rule looks at it
    counts: Counter[str] = Counter()
    plans: dict[tuple[int, int], _Plan] = {}
    for pursuit_id, stage, held, dated in read.pursuits(
        health.BLANKS,
        today.isoformat(),
        settling,
        quiet_before if not asked.isdisjoint(_HOUSEKEEPING) else None,
    ):
        key = (stage, dated & _SETTLING)
        plan = plans.get(key)
        if plan is None:
            plan = plans[key] = _plan(stage, bool(key[1]), today, blocking_only)
        rules, when_none, when_some, no_step, overdue, stale, close, criteria, cases = plan
        if not rules:
            continue
        rules_of[pursuit_id] = rules
        groups[rules].append(pursuit_id)
        # The facts the triggers keep (which of `queries.HealthFacts.COUNTS` are any, as a mask)
        # decide most rules on the spot: the bits each set of rules asks about are in the plan.
        found = ((~held & when_none) | (held & when_some)).bit_count()
        if dated & _HOUSEKEEPING_BITS:  # `domain.health.housekeeping_problems`, on the bits
            step_late = overdue and bool(dated & _STEP_DUE_PASSED)
            if no_step and dated & _BLANK_STEP:
                unplanned.append((pursuit_id, step_late))
            elif step_late:
                found += 1
            if stale and dated & _QUIET:
                quiet.append((pursuit_id, quiet_before[stage]))
            if close and dated & _CLOSE_PASSED:
                found += 1
        if criteria and held & _FATAL_BIT:
            fatal_candidates.append(pursuit_id)
        if cases and held & _CASE_BIT:
            with_case.append(pursuit_id)
        if found:
            counts[pursuit_id] = found
    if not rules_of:
        return {}

    def among(pursuits: Collection[str]) -> list[queries.HealthFacts]:
        """Readers over just `pursuits` — those a rule looks at, or that a fact can decide — in
        IN lists of _BATCH; or, when they are a good part of every pursuit, one reader over all
        (one scan beats a search per pursuit; what no rule asks is left unused)."""
        if ids is None and len(pursuits) * _SEARCHED_SHARE > len(rules_of):
            return [read]
        return [queries.HealthFacts(driver, chunk) for chunk in _chunks(list(pursuits))]

    # The next step and the touches. Only the facts that can change an answer are read: whether
    # something is scheduled matters only without a written next step (when it is, an overdue
    # due day flags instead), and the visits held only to a pursuit quiet but for them. A visit
    # is read only within the longest limit (an older one leaves the pursuit stale anyway).
    now = datetime.now(UTC).replace(tzinfo=None).strftime(_STORED)
    if unplanned:
        scheduled: set[str] = set()
        for reader in among([pursuit_id for pursuit_id, _late in unplanned]):
            scheduled |= reader.with_scheduled(today.isoformat(), now)
        for pursuit_id, step_late in unplanned:
            if step_late or pursuit_id not in scheduled:
                counts[pursuit_id] += 1
    if quiet:
        # A day early: a touch's local day is its UTC time moved by the offset, under a day.
        since = (today - timedelta(days=max(limits.values()) + 1)).isoformat()
        visited: dict[str, str] = {}
        # Over all pursuits, those recent visits are one range of the agenda's index, however
        # few pursuits are quiet: cheaper than a search per pursuit.
        readers = [read] if ids is None else among([pursuit_id for pursuit_id, _ in quiet])
        for reader in readers:
            visited.update(reader.visits_held(now, since))
        for pursuit_id, bound in quiet:
            when = visited.get(pursuit_id)
            if not (when and when >= bound):
                counts[pursuit_id] += 1

    def facing(*codes: str) -> set[str]:
        """The pursuits one of rules `codes` looks at."""
        return set().union(*(pids for rules, pids in groups.items() if not rules.isdisjoint(codes)))

    def rows(pursuits: set[str], question: Callable[[queries.HealthFacts], list[Any]]) -> list[Any]:
        """The rows `question` reads about `pursuits` (rows of others may come too)."""
        if not pursuits:
            return []
        return [row for reader in among(pursuits) for row in question(reader)]

    def ids_of(pursuits: set[str], question: Callable[[queries.HealthFacts], set[str]]) -> set[str]:
        """Those of `pursuits` that `question` finds."""
        found: set[str] = set()
        for reader in among(pursuits) if pursuits else ():
            found |= question(reader)
        return found & pursuits

    # A pursuit without any value case is decided by its count. Of the others, only the cases
    # that could have a problem are read (not accepted, or without figures); benefit lines
    # matter only to tell an empty case (no investment either) from a real one.
    wanted = set(with_case)
    for pursuit_id, investment, accepted, lines in rows(
        wanted, lambda r: r.value_cases(health.ACCEPTED)
    ):
        case_rules = rules_of.get(pursuit_id)
        if case_rules is None:
            continue
        case = ValueCaseFacts(investment or 0, lines, accepted)
        if health.value_case_problem(case, case_rules):
            counts[pursuit_id] += 1

    # Only criteria that could be fatal without a plan (no plan, and an override to fatal or
    # important and scored by us below the top), read only for the pursuits that have one, each
    # with a rival's score above ours if there is one; the domain classifies them, once for
    # each of the few combinations of scores.
    wanted = set(fatal_candidates)
    classes: dict[tuple[int, int | None, str | None, int | None], str] = {}
    fatal: set[str] = set()
    for pursuit_id, importance, ours, override, best in rows(
        wanted,
        lambda r: r.criteria_without_plan(
            indicators.FATAL, indicators.IMPORTANT, indicators.MAX_SCORE
        ),
    ):
        scores = (importance, ours, override, best)
        found_class = classes.get(scores)
        if found_class is None:
            criterion = CriterionFacts("", importance, ours, best, override, False)
            found_class = classes[scores] = criterion.indicator_class
        if found_class == indicators.FATAL:
            fatal.add(pursuit_id)
    counts.update(wanted & fatal)
    wanted = facing(health.ACCEPTANCE_UNSIGNED)
    counts.update(wanted - ids_of(wanted, lambda r: r.with_acceptance_signed()))
    wanted = facing(health.OVERDUE_INSTALMENTS)
    counts.update(ids_of(wanted, lambda r: r.with_instalment_overdue(today.isoformat())))
    return dict(counts)


_STORED = "%Y-%m-%d %H:%M:%S.%f"  # how a time is stored (UTC), so its text sorts as it runs
_BIT = {name: 1 << bit for bit, name in enumerate(queries.HealthFacts.COUNTS)}
_FATAL_BIT, _CASE_BIT = _BIT["fatal_candidates"], _BIT["value_cases"]
# The dated facts of a pursuit's row (`queries.HealthFacts.pursuits`), as bits.
_F = queries.HealthFacts
_BLANK_STEP, _STEP_DUE_PASSED, _CLOSE_PASSED, _SETTLING, _QUIET = (
    _F.BLANK_STEP,
    _F.STEP_DUE_PASSED,
    _F.CLOSE_PASSED,
    _F.SETTLING,
    _F.QUIET,
)
_HOUSEKEEPING = frozenset(
    (health.NO_NEXT_STEP, health.NEXT_STEP_OVERDUE, health.STALE, health.CLOSE_DATE_PASSED)
)
_HOUSEKEEPING_BITS = _BLANK_STEP | _STEP_DUE_PASSED | _CLOSE_PASSED | _QUIET
# What a pursuit's rules ask, worked out once per stage (and settling or not): the rules, the
# bits of the counts that flag when none and when some (`_fact_checks`), whether each of
# NO_NEXT_STEP, NEXT_STEP_OVERDUE, STALE, CLOSE_DATE_PASSED and FATAL_WITHOUT_PLAN is asked, and
# whether a value case is looked at.
_Plan = tuple[frozenset[str], int, int, bool, bool, bool, bool, bool, bool]


@lru_cache(maxsize=64)
def _plan(stage: int, settling: bool, today: date, blocking_only: bool) -> _Plan:
    rules = health.active_rules(stage, "open")
    if blocking_only:  # every check asks `rules`: advice rules are simply not asked
        rules = rules & BLOCKING_RULES
        if settling:  # nor the ones still settling into the stage (entered today settles)
            rules = rules - health.settling_rules(stage, today, today)
    when_none, when_some = _fact_checks(rules, blocking_only)
    return (
        rules,
        when_none,
        when_some,
        health.NO_NEXT_STEP in rules,
        health.NEXT_STEP_OVERDUE in rules,
        health.STALE in rules,
        health.CLOSE_DATE_PASSED in rules,
        health.FATAL_WITHOUT_PLAN in rules,
        not rules.isdisjoint((health.NO_VALUE_CASE, health.VALUE_CASE_NOT_ACCEPTED)),
    )


# The rules a kept count decides: flagged when the count is none (True) or when there is some.
_COUNTED_RULES = {
    **{code: (f"{role}s", True) for code, role in health.ROLE_RULES.items()},
    health.NO_ALLY: ("allies", True),
    health.NO_PAIN: ("written_pains", True),
    health.NO_VALUE_CASE: ("value_cases", True),
    health.RIVAL_UNANSWERED: ("unanswered_rivals", False),
    health.OPEN_HIGH_RISKS: ("open_high_risks", False),
}


def _fact_checks(rules: frozenset[str], blocking_only: bool) -> tuple[int, int]:
    """The bits of the counts that flag a pursuit under `rules` when they are none, and those
    that flag it when there are some: one bit for each rule a kept count decides.

    Without a decision-maker is flagged on the board (blocking only), and without one reached —
    none known, or none at 互动 or beyond (weak: advice) — on the list."""
    none = some = 0
    for code, (fact, when_none) in _COUNTED_RULES.items():
        if code in rules:
            if when_none:
                none |= _BIT[fact]
            else:
                some |= _BIT[fact]
    if health.NO_DECISION_MAKER in rules:
        none |= _BIT["deciders" if blocking_only else "reached_deciders"]
    return none, some


# Read the facts of a rule by a search per pursuit when they are fewer than a quarter of the
# pursuits (a search costs a few times what a row of a scan costs).
_SEARCHED_SHARE = 4


def gather(
    session: Session, ws: Workspace, ids: Collection[str] | None, today: date
) -> dict[str, PursuitFacts]:
    """The facts of the open pursuits among `ids` (all when None)."""
    if ids is not None:
        result: dict[str, PursuitFacts] = {}
        id_list = list(dict.fromkeys(ids))
        for start in range(0, len(id_list), _BATCH):
            result.update(_gather(session, ws, id_list[start : start + _BATCH], today))
        return result
    return _gather(session, ws, None, today)


def _gather(
    session: Session, ws: Workspace, ids: list[str] | None, today: date
) -> dict[str, PursuitFacts]:
    # Core statements on the connection: plain tuples, no ORM row processing. Child rows are read
    # by pursuit id (or all of them), never joined back to pursuits: SQLite answers a scan or an
    # IN list faster than a join per row, and `wanted` below drops what no rule looks at.
    connection = session.connection()

    def run(statement: Any) -> list[Any]:
        return connection.execute(statement).all()  # type: ignore[return-value]

    p = Pursuit.__table__.c
    base = run(
        select(
            p.id,
            p.stage,
            p.status,
            # Dates as stored text: parsing them here is ~5x faster than the SQLite type's regex.
            type_coerce(p.stage_entered_at, String),
            p.currency,
            type_coerce(p.expected_close, String),
            p.next_step,
            type_coerce(p.next_step_due, String),
        ).where(p.alive, p.status == "open", *_among(p.id, ids))
    )
    if not base:
        return {}
    active = {row[0]: health.active_rules(row[1], row[2]) for row in base}

    def wanted(code: str) -> set[str]:
        """The pursuits rule `code` looks at (its stages; open ones only)."""
        return {pid for pid, rules in active.items() if code in rules}

    s, r = Stakeholder.__table__.c, StakeholderRole.__table__.c
    holders: dict[tuple[str, str], list[str]] = defaultdict(list)  # (pursuit, role) -> names
    deciders: dict[str, list[KeyPerson]] = defaultdict(list)
    scope = wanted(health.NO_DECISION_MAKER).union(*map(wanted, health.ROLE_RULES))
    for pursuit_id, role, name, relationship in run(
        select(s.pursuit_id, r.role, s.name, s.relationship)
        .select_from(
            StakeholderRole.__table__.join(Stakeholder.__table__, s.id == r.stakeholder_id)
        )
        .where(
            r.alive,
            s.alive,
            r.role.in_((*health.ROLE_RULES.values(), "decision_maker")),
            *_among(s.pursuit_id, ids),
        )
    ):
        if pursuit_id in scope:
            if role == "decision_maker":
                deciders[pursuit_id].append(KeyPerson(name, relationship))
            else:
                holders[pursuit_id, role].append(name)
    allies: dict[str, list[str]] = defaultdict(list)
    scope = wanted(health.NO_ALLY)
    for pursuit_id, name in run(
        select(s.pursuit_id, s.name).where(
            s.alive, s.relationship == health.ALLY, *_among(s.pursuit_id, ids)
        )
    ):
        if pursuit_id in scope:
            allies[pursuit_id].append(name)
    g = PainPoint.__table__.c
    pains: dict[str, list[str]] = defaultdict(list)
    scope = wanted(health.NO_PAIN)
    for pursuit_id, pain in run(
        select(g.pursuit_id, g.pain)
        .where(g.alive, g.pain != "", *_among(g.pursuit_id, ids))
        .order_by(g.pursuit_id, g.position)
    ):
        if pursuit_id in scope:
            pains[pursuit_id].append(pain)

    v, b = ValueCase.__table__.c, ValueBenefit.__table__.c
    scope = wanted(health.NO_VALUE_CASE)
    case_rows = [
        row
        for row in run(
            select(v.pursuit_id, v.id, v.investment, v.accepted).where(
                v.alive, *_among(v.pursuit_id, ids)
            )
        )
        if row[0] in scope
    ]
    lines: dict[str, int] = {}
    case_ids = [row[1] for row in case_rows]
    for chunk in _chunks(case_ids if ids is not None else [None]):
        lines.update(
            run(
                select(b.value_case_id, func.count())
                .where(b.alive, *_among(b.value_case_id, chunk if ids is not None else None))
                .group_by(b.value_case_id)
            )
        )
    cases = {
        pursuit_id: ValueCaseFacts(investment or 0, lines.get(case_id, 0), accepted)
        for pursuit_id, case_id, investment, accepted in case_rows
    }

    # Only criteria that could be fatal without a plan are read (no plan; an override to fatal, or
    # important and scored by us below the top score); `CriterionFacts.indicator_class` decides.
    # Each comes with the best score of a competitor still in the pursuit.
    i, sc, pc = Indicator.__table__.c, IndicatorScore.__table__.c, PursuitCompetitor.__table__.c
    best = (
        select(func.max(sc.score))
        .where(
            sc.indicator_id == i.id,
            sc.alive,
            sc.score.is_not(None),
            select(pc.id)
            .where(pc.pursuit_id == i.pursuit_id, pc.competitor_id == sc.competitor_id, pc.alive)
            .exists(),
        )
        .scalar_subquery()
    )
    criteria: dict[str, list[CriterionFacts]] = defaultdict(list)
    scope = wanted(health.FATAL_WITHOUT_PLAN)
    for pursuit_id, name, importance, ours, override, rival in run(
        select(i.pursuit_id, i.name, i.importance, i.our_score, i.class_override, best)
        .where(
            i.alive,
            func.trim(i.action_plan) == "",
            or_(
                i.class_override == indicators.FATAL,
                and_(
                    i.class_override.is_(None),
                    i.importance >= indicators.IMPORTANT,
                    i.our_score < indicators.MAX_SCORE,
                ),
            ),
            *_among(i.pursuit_id, ids),
        )
        .order_by(i.pursuit_id, i.position)
    ):
        if pursuit_id in scope:
            criteria[pursuit_id].append(
                CriterionFacts(name, importance, ours, rival, override, has_action_plan=False)
            )

    c = Competitor.__table__.c
    rivals: dict[str, list[RivalFacts]] = defaultdict(list)
    scope = wanted(health.RIVAL_UNANSWERED)
    for pursuit_id, name, has_label, has_counter in run(
        select(
            pc.pursuit_id,
            c.name,
            func.trim(pc.label) != "",
            or_(
                func.trim(pc.features) != "",
                func.trim(pc.advantages) != "",
                func.trim(pc.benefits) != "",
            ),
        )
        .select_from(
            PursuitCompetitor.__table__.join(Competitor.__table__, c.id == pc.competitor_id)
        )
        .where(pc.alive, *_among(pc.pursuit_id, ids))
        .order_by(pc.pursuit_id, pc.position)
    ):
        if pursuit_id in scope:
            rivals[pursuit_id].append(RivalFacts(name, bool(has_label), bool(has_counter)))

    k = Risk.__table__.c
    risks: dict[str, list[RiskFacts]] = defaultdict(list)
    scope = wanted(health.OPEN_HIGH_RISKS)
    for pursuit_id, description, severity, status in run(
        select(k.pursuit_id, k.description, k.severity, k.status)
        .where(k.alive, *_among(k.pursuit_id, ids))
        .order_by(k.pursuit_id, k.created_at)
    ):
        if pursuit_id in scope:
            risks[pursuit_id].append(RiskFacts(description, severity, status))

    o = CollectionRecord.__table__.c
    scope = wanted(health.ACCEPTANCE_UNSIGNED)
    acceptance = {
        pursuit_id: (bool(signed), due)
        for pursuit_id, signed, due in run(
            select(o.pursuit_id, o.acceptance_signed, o.acceptance_due).where(
                o.alive, *_among(o.pursuit_id, ids)
            )
        )
        if pursuit_id in scope
    }

    n = Instalment.__table__.c
    instalments: dict[str, list[InstalmentFacts]] = defaultdict(list)
    scope = wanted(health.OVERDUE_INSTALMENTS)
    for pursuit_id, amount, due_on, received_on in run(
        select(n.pursuit_id, n.amount, n.due_on, n.received_on).where(
            n.alive, *_among(n.pursuit_id, ids)
        )
    ):
        if pursuit_id in scope:
            instalments[pursuit_id].append(InstalmentFacts(amount, due_on, received_on))

    limits = {stage.number: ws.stale_limit(stage.number) for stage in ws.catalog.stages}
    # One UTC offset for all (asking the OS per row costs more than every rule together); a
    # daylight-saving shift since the stage began moves a day boundary by an hour at most.
    offset = datetime.now(UTC).astimezone().utcoffset() or timedelta(0)
    touched, scheduled = _touches(queries.HealthFacts(session, ids), today, offset)
    facts = {}
    for pursuit_id, stage, status, entered, currency, close, next_step, next_due in base:
        signed, acceptance_due = acceptance.get(pursuit_id, (False, None))
        facts[pursuit_id] = PursuitFacts(
            stage=stage,
            stage_entered_on=(datetime.fromisoformat(entered) + offset).date(),
            stale_limit_days=limits[stage],
            status=status,
            currency=currency,
            expected_close=_date(close),
            next_step=next_step or "",
            next_step_due=_date(next_due),
            insiders=tuple(holders.get((pursuit_id, "insider"), ())),
            decision_makers=tuple(deciders.get(pursuit_id, ())),
            initiators=tuple(holders.get((pursuit_id, "initiator"), ())),
            designers=tuple(holders.get((pursuit_id, "designer"), ())),
            evaluators=tuple(holders.get((pursuit_id, "evaluator"), ())),
            allies=tuple(allies.get(pursuit_id, ())),
            pains=tuple(pains.get(pursuit_id, ())),
            value_case=cases.get(pursuit_id),
            criteria=tuple(criteria.get(pursuit_id, ())),
            rivals=tuple(rivals.get(pursuit_id, ())),
            risks=tuple(risks.get(pursuit_id, ())),
            acceptance_signed=signed,
            acceptance_due=acceptance_due,
            instalments=tuple(instalments.get(pursuit_id, ())),
            last_touched_on=touched.get(pursuit_id),
            scheduled=pursuit_id in scheduled,
        )
    return facts


def _touches(
    read: queries.HealthFacts, today: date, offset: timedelta
) -> tuple[dict[str, date], set[str]]:
    """{pursuit: the local day it was last touched} and the pursuits with something scheduled."""
    now = datetime.now(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
    moment = datetime.fromisoformat
    touched = {
        pursuit_id: (moment(when) + offset).date()
        for pursuit_id, when in read.last_touches(now)
        if when
    }
    return touched, read.with_scheduled(today.isoformat(), now)


def next_scheduled(
    session: Session, ids: Collection[str] | None, today: date | None = None
) -> dict[str, date]:
    """{pursuit: the local day of the first thing scheduled} — an open activity dated today or
    later, or a visit to come: what stands for a next step when none is written (the board's
    card shows it where it would say "no next step"). Pursuits with nothing scheduled are left
    out. The same facts as `PursuitFacts.scheduled`, so the card and NO_NEXT_STEP agree."""
    today = today or local_today()
    now = datetime.now(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
    offset = datetime.now(UTC).astimezone().utcoffset() or timedelta(0)
    first: dict[str, date] = {}
    id_list = None if ids is None else list(ids)
    batches: list[list[str] | None] = [None] if id_list is None else list(_chunks(id_list))
    for batch in batches:
        read = queries.HealthFacts(session, batch)
        for pursuit_id, is_visit, when in read.next_scheduled(today.isoformat(), now):
            if not when:
                continue
            day = (
                (datetime.fromisoformat(when) + offset).date()
                if is_visit
                else date.fromisoformat(when[:10])
            )
            if pursuit_id not in first or day < first[pursuit_id]:
                first[pursuit_id] = day
    return first


def _among(column: Any, ids: list[str] | None) -> list[Any]:
    """A `column IN ids` condition, or none for "all"."""
    return [] if ids is None else [column.in_(ids)]


def _chunks(items: list[Any]) -> list[list[Any]]:
    return [items[start : start + _BATCH] for start in range(0, len(items), _BATCH)] or [[]]


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text[:10]) if text else None
