"""The content of a visit plan (拜访计划): what the rep carries into the customer's lobby.

Assembled from the database as plain data in the chosen language — methodology texts (stage
names, coaching points, role and personality labels) come from the catalog — so the printed
document, a preview and the tests all read the same thing. No Qt, no formatting beyond the
catalog's labels: amounts stay integers in minor units, times stay naive UTC.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain import forecast, value_case
from desktop.domain import status as status_rules
from desktop.domain.indicators import FATAL, NEUTRAL, SLEEPING, WINNING, classify
from desktop.domain.methodology import Catalog
from desktop.services import collection
from desktop.services.errors import InvalidInput, NotFound
from desktop.services.offer import offer_id
from desktop.services.workspace import Workspace
from desktop.storage.tables import (
    Account,
    CoachingAnswer,
    Competitor,
    Indicator,
    IndicatorScore,
    Offer,
    PainPoint,
    Pursuit,
    PursuitCompetitor,
    Risk,
    Stakeholder,
    StakeholderHelp,
    StakeholderRole,
    ValueBenefit,
    ValueCase,
    Visit,
    VisitAttendee,
    utcnow,
)

# Warnings a caller shows before printing (codes; the UI and the CLI word them).
VISIT_PAST = "visit_past"  # the visit has already begun
NO_ATTENDEES = "no_attendees"  # nobody of the customer is down to attend
PURSUIT_CLOSED = "pursuit_closed"  # collected, lost or abandoned


@dataclass(frozen=True)
class PlanPerson:
    """A stakeholder as the plan describes them: who they are and how to deal with them."""

    id: str
    name: str
    title: str
    department: str
    role_keys: tuple[str, ...]
    roles: tuple[str, ...]  # labels, in the catalog's order
    relationship_key: str
    relationship: str  # label
    relationship_rank: int  # 1 (acquainted) .. relationship_steps (ally)
    relationship_steps: int
    personality_key: str | None
    personality: str  # label, "" when unknown
    personality_traits: str
    how_to_deal: str
    interests: str
    help_keys: tuple[str, ...]
    help: tuple[str, ...]  # labels of the help we want from them
    plan: str  # relationship plan
    next_step: str
    attending: bool


@dataclass(frozen=True)
class PlanQuestion:
    key: str
    text: str
    answer: str  # what is known so far ("" when nothing)
    done: bool


@dataclass(frozen=True)
class PlanPain:
    pain: str
    impact: str
    severity: int  # 1..5
    current_state: str
    goal: str
    obstacle: str
    stakeholder: str  # the most affected person's name, "" when unknown


@dataclass(frozen=True)
class PlanValue:
    """The value case's headline numbers (domain.value_case.evaluate)."""

    investment: int
    net_yearly_benefit: int
    total_benefit: int
    horizon_years: int
    payback_years: float | None
    roi_percent: float | None
    pays_back: bool
    accepted_key: str  # yes / no / unknown
    feedback: str
    benefits: tuple[tuple[str, int], ...]  # (label, yearly amount)


@dataclass(frozen=True)
class PlanOffer:
    """Our own offer (services.offer): the value we share with the customer, our solution's
    features, advantages and benefits, and the plan to dispel the customer's concerns."""

    value_intersection: str
    features: str
    advantages: str
    benefits: str
    concern_plan: str

    @property
    def has_fab(self) -> bool:
        return bool(self.value_intersection or self.features or self.advantages or self.benefits)


@dataclass(frozen=True)
class PlanCompetitor:
    name: str
    label: str  # the label we give their solution (贴标签)
    solution: str
    flaws: str
    harm: str
    case_story: str
    counter: str = ""  # our counter: the benefits (else advantages, features) we set against them
    allies: str = ""  # who inside speaks for us against them


@dataclass(frozen=True)
class PlanIndicator:
    """A buying criterion that wins or kills the deal, with what we do about it."""

    name: str
    meaning: str
    importance: int
    class_key: str
    class_label: str
    our_score: int | None
    best_rival: str  # the competitor with the best score, "" when unscored
    best_rival_score: int | None
    action_plan: str  # the rep's plan; "" when none
    method_action: str  # the methodology's advice for the class


@dataclass(frozen=True)
class PlanRisk:
    description: str
    severity: int
    status_key: str
    status: str
    impacts: tuple[tuple[str, str], ...]  # (impact label, text), only those filled in
    prevention: str
    remedy: str


@dataclass(frozen=True)
class PlanVisit:
    id: str
    starts_at: datetime | None  # naive UTC
    duration_minutes: int
    location: str
    our_people: str
    objective: str
    questions: str
    help_wanted: str
    materials: str

    @property
    def ends_at(self) -> datetime | None:
        if self.starts_at is None:
            return None
        return self.starts_at + timedelta(minutes=self.duration_minutes)


@dataclass(frozen=True)
class VisitPlan:
    """Everything the printed plan shows, in one language (`lang`: "zh" / "en")."""

    lang: str
    generated_at: datetime  # naive UTC
    pursuit_id: str
    account: str
    account_industry: str
    account_address: str
    title: str
    stage: int
    stage_process: str
    stage_milestone: str
    status_key: str
    status: str
    amount: int
    currency: str
    win_rate: int
    weighted: int
    expected_close: date | None
    next_step: str
    next_step_due: date | None
    owner: str
    visit: PlanVisit | None
    attendees: tuple[PlanPerson, ...]  # the visit's customer attendees (everyone without a visit)
    others: tuple[PlanPerson, ...]  # people of the pursuit not attending
    questions_open: tuple[PlanQuestion, ...]  # the current stage's coaching points not yet done
    questions_total: int
    pains: tuple[PlanPain, ...]
    value: PlanValue | None
    competitors: tuple[PlanCompetitor, ...]
    indicators: tuple[PlanIndicator, ...]  # winning and fatal ones (sleeping after them)
    risks: tuple[PlanRisk, ...]  # not closed, the most severe first
    warnings: tuple[str, ...]
    offer: PlanOffer | None = None  # None when nothing of our offer is written yet

    @property
    def stage_label(self) -> str:
        return f"{self.stage_process} · {self.stage_milestone}"

    @property
    def questions_done(self) -> int:
        return self.questions_total - len(self.questions_open)

    @property
    def objective(self) -> str:
        return self.visit.objective if self.visit else ""


# Indicator summaries from the grid's service, when that module is present (see _indicators).
IndicatorSource = Callable[[Workspace, str], Any]


def build_plan(
    ws: Workspace,
    *,
    visit_id: str | None = None,
    pursuit_id: str | None = None,
    lang: str = "zh",
    now: datetime | None = None,
) -> VisitPlan:
    """The plan of a visit, or of a pursuit without a scheduled visit (give exactly one id).

    Raises NotFound for a deleted or unknown visit or pursuit.
    """
    if (visit_id is None) == (pursuit_id is None):
        raise InvalidInput("visit", "one_of", "give either a visit or a pursuit")
    now = now or utcnow()
    catalog = ws.catalog
    with ws.read() as session:
        visit = None
        attendee_ids: list[str] | None = None
        if visit_id is not None:
            visit = session.get(Visit, visit_id)
            if visit is None or not visit.alive:
                raise NotFound(f"visit {visit_id}")
            pursuit_id = visit.pursuit_id
            attendee_ids = list(
                session.scalars(
                    select(VisitAttendee.stakeholder_id).where(
                        VisitAttendee.visit_id == visit_id, VisitAttendee.alive
                    )
                )
            )
        assert pursuit_id is not None
        pursuit = session.get(Pursuit, pursuit_id)
        if pursuit is None or not pursuit.alive:
            raise NotFound(f"pursuit {pursuit_id}")
        account = session.get(Account, pursuit.account_id)
        people = _people(session, catalog, pursuit_id, lang, attendee_ids)
        attendees = tuple(p for p in people if p.attending)
        others = tuple(p for p in people if not p.attending)
        questions, total = _questions(session, catalog, pursuit, lang)
        pains = _pains(session, pursuit_id, {p.id: p.name for p in people})
        value = _value(session, pursuit_id)
        risks = _risks(session, catalog, pursuit_id, lang)
        grid = _grid_summary(ws, pursuit_id, lang)
        if grid is None:  # without the grid's service: read the matrix here
            competitors = _competitors(session, pursuit_id)
            indicators = _indicators(session, catalog, pursuit_id, lang)
        else:
            competitors, indicators = grid

        if pursuit.status != status_rules.OPEN:
            rate = status_rules.closed_rate(pursuit.status)
        else:
            rate = ws.win_rate(pursuit.stage, pursuit.win_rate_override)
        received = collection.received_by_pursuit(session, [pursuit_id]).get(pursuit_id, 0)
        base = status_rules.weighted_base(pursuit.status, pursuit.amount, received)
        stage = catalog.stage(pursuit.stage)
        warnings = []
        if visit is not None and visit.starts_at is not None and visit.starts_at < now:
            warnings.append(VISIT_PAST)
        if visit is not None and not attendees:
            warnings.append(NO_ATTENDEES)
        if pursuit.status != "open":
            warnings.append(PURSUIT_CLOSED)
        return VisitPlan(
            lang=lang,
            generated_at=now,
            pursuit_id=pursuit.id,
            account=account.name if account else "",
            account_industry=account.industry if account else "",
            account_address=account.address if account else "",
            title=pursuit.title,
            stage=pursuit.stage,
            stage_process=stage.process(lang),
            stage_milestone=stage.milestone(lang),
            status_key=pursuit.status,
            status=catalog.pursuit_statuses.label(pursuit.status, lang),
            amount=pursuit.amount,
            currency=pursuit.currency,
            win_rate=rate,
            weighted=forecast.weighted_amount(base, rate),
            expected_close=pursuit.expected_close,
            next_step=pursuit.next_step,
            next_step_due=pursuit.next_step_due,
            owner=pursuit.owner,
            visit=_visit(visit) if visit is not None else None,
            attendees=attendees,
            others=others,
            questions_open=questions,
            questions_total=total,
            pains=pains,
            value=value,
            competitors=competitors,
            indicators=indicators,
            risks=risks,
            warnings=tuple(warnings),
            offer=_offer(session, pursuit_id),
        )


def coming_visits(
    ws: Workspace, pursuit_id: str, *, now: datetime | None = None
) -> tuple[PlanVisit, ...]:
    """The pursuit's planned visits still ahead (from `now`, naive UTC), soonest first.

    What "Print visit plan" of a pursuit is about: its next visit, planned as a visit (the
    same plan as `build_plan(visit_id=…)`, `pursuit print-plan --visit`); only when none is
    ahead is the plan the pursuit's own. A visit whose outcome is written is not ahead.
    """
    now = now or utcnow()
    with ws.read() as session:
        pursuit = session.get(Pursuit, pursuit_id)
        if pursuit is None or not pursuit.alive:
            raise NotFound(f"pursuit {pursuit_id}")
        visits = session.scalars(
            select(Visit)
            .where(
                Visit.pursuit_id == pursuit_id,
                Visit.alive,
                Visit.starts_at >= now,
                Visit.outcome == "",
            )
            .order_by(Visit.starts_at, Visit.id)
        )
        return tuple(_visit(visit) for visit in visits)


def open_questions(ws: Workspace, pursuit_id: str, lang: str = "zh") -> list[str]:
    """The coaching points of the pursuit's current stage not yet marked done (for a visit's
    questions to ask)."""
    with ws.read() as session:
        pursuit = session.get(Pursuit, pursuit_id)
        if pursuit is None or not pursuit.alive:
            raise NotFound(f"pursuit {pursuit_id}")
        questions, _total = _questions(session, ws.catalog, pursuit, lang)
    return [q.text for q in questions]


def _visit(visit: Visit) -> PlanVisit:
    return PlanVisit(
        id=visit.id,
        starts_at=visit.starts_at,
        duration_minutes=visit.duration_minutes,
        location=visit.location,
        our_people=visit.our_people,
        objective=visit.objective,
        questions=visit.questions,
        help_wanted=visit.help_wanted,
        materials=visit.materials,
    )


def _people(
    session: Session, catalog: Catalog, pursuit_id: str, lang: str, attendee_ids: list[str] | None
) -> list[PlanPerson]:
    """Everyone of the pursuit; attendees first in the order of influence (roles, relationship)."""
    rows = list(
        session.scalars(
            select(Stakeholder)
            .where(Stakeholder.pursuit_id == pursuit_id, Stakeholder.alive)
            .order_by(Stakeholder.created_at)
        )
    )
    ids = [row.id for row in rows]
    roles: dict[str, set[str]] = defaultdict(set)
    helps: dict[str, set[str]] = defaultdict(set)
    if ids:
        for sid, role in session.execute(
            select(StakeholderRole.stakeholder_id, StakeholderRole.role).where(
                StakeholderRole.stakeholder_id.in_(ids), StakeholderRole.alive
            )
        ):
            roles[sid].add(role)
        for sid, wish in session.execute(
            select(StakeholderHelp.stakeholder_id, StakeholderHelp.help).where(
                StakeholderHelp.stakeholder_id.in_(ids), StakeholderHelp.alive
            )
        ):
            helps[sid].add(wish)
    attending = set(ids) if attendee_ids is None else set(attendee_ids)
    role_vocab = catalog.buying_roles
    stages = catalog.relationship_stages
    personalities = catalog.personality_types
    help_vocab = catalog.help_wanted
    all_roles, all_help = role_vocab.keys(), help_vocab.keys()
    people = []
    for row in rows:
        role_keys = tuple(k for k in all_roles if k in roles[row.id])
        help_keys = tuple(k for k in all_help if k in helps[row.id])
        rank = stages.index(row.relationship) + 1 if row.relationship in stages else 1
        character = personalities.get(row.personality)
        people.append(
            PlanPerson(
                id=row.id,
                name=row.name,
                title=row.title,
                department=row.department,
                role_keys=role_keys,
                roles=tuple(role_vocab.label(k, lang) for k in role_keys),
                relationship_key=row.relationship,
                relationship=stages.label(row.relationship, lang),
                relationship_rank=rank,
                relationship_steps=len(stages),
                personality_key=row.personality if character else None,
                personality=character.label(lang) if character else "",
                personality_traits=_extra(character, "traits", lang),
                how_to_deal=_extra(character, "how_to_deal", lang),
                interests=row.interests,
                help_keys=help_keys,
                help=tuple(help_vocab.label(k, lang) for k in help_keys),
                plan=row.plan,
                next_step=row.next_step,
                attending=row.id in attending,
            )
        )
    # The decision-maker first, then by the most senior role held, then the closest relationship.
    role_order = {key: i for i, key in enumerate(reversed(all_roles))}

    def weight(person: PlanPerson) -> tuple[int, int]:
        best = min((role_order[k] for k in person.role_keys), default=len(role_order))
        return best, -person.relationship_rank

    return sorted(people, key=weight)


def _extra(item: Any, name: str, lang: str) -> str:
    if item is None:
        return ""
    text = item.get_text(name)
    return text(lang) if text is not None else ""


def _questions(
    session: Session, catalog: Catalog, pursuit: Pursuit, lang: str
) -> tuple[tuple[PlanQuestion, ...], int]:
    stage = catalog.stage(pursuit.stage)
    answers = {
        a.question_key: a
        for a in session.scalars(
            select(CoachingAnswer).where(
                CoachingAnswer.pursuit_id == pursuit.id,
                CoachingAnswer.stage == pursuit.stage,
                CoachingAnswer.alive,
            )
        )
    }
    open_questions = []
    for question in stage.questions:
        answer = answers.get(question.key)
        if answer is not None and answer.done:
            continue
        open_questions.append(
            PlanQuestion(
                key=question.key,
                text=question.text(lang),
                answer=(answer.answer.strip() if answer else ""),
                done=False,
            )
        )
    return tuple(open_questions), len(stage.questions)


def _pains(session: Session, pursuit_id: str, names: dict[str, str]) -> tuple[PlanPain, ...]:
    rows = session.scalars(
        select(PainPoint)
        .where(PainPoint.pursuit_id == pursuit_id, PainPoint.alive)
        .order_by(PainPoint.severity.desc(), PainPoint.position)
    )
    return tuple(
        PlanPain(
            pain=row.pain,
            impact=row.impact,
            severity=row.severity,
            current_state=row.current_state,
            goal=row.goal,
            obstacle=row.obstacle,
            stakeholder=names.get(row.stakeholder_id or "", ""),
        )
        for row in rows
        if row.pain.strip() or row.impact.strip() or row.current_state.strip()
    )


def _value(session: Session, pursuit_id: str) -> PlanValue | None:
    case = session.scalars(
        select(ValueCase).where(ValueCase.pursuit_id == pursuit_id, ValueCase.alive)
    ).first()
    if case is None:
        return None
    benefits = tuple(
        (row.label, row.amount)
        for row in session.scalars(
            select(ValueBenefit)
            .where(ValueBenefit.value_case_id == case.id, ValueBenefit.alive)
            .order_by(ValueBenefit.position)
        )
    )
    if not benefits and not case.investment:
        return None
    result = value_case.evaluate(
        case.investment, [amount for _, amount in benefits], case.horizon_years
    )
    return PlanValue(
        investment=case.investment,
        net_yearly_benefit=result.net_yearly_benefit,
        total_benefit=result.total_benefit,
        horizon_years=case.horizon_years,
        payback_years=result.payback_years,
        roi_percent=result.roi_percent,
        pays_back=result.pays_back,
        accepted_key=case.accepted,
        feedback=case.feedback,
        benefits=benefits,
    )


def _offer(session: Session, pursuit_id: str) -> PlanOffer | None:
    record = session.get(Offer, offer_id(pursuit_id))
    if record is None or not record.alive:
        return None
    offer = PlanOffer(
        value_intersection=record.value_intersection.strip(),
        features=record.features.strip(),
        advantages=record.advantages.strip(),
        benefits=record.benefits.strip(),
        concern_plan=record.concern_plan.strip(),
    )
    return offer if offer.has_fab or offer.concern_plan else None


CLASS_ORDER = {WINNING: 0, FATAL: 1, SLEEPING: 2}


def _grid_summary(
    ws: Workspace, pursuit_id: str, lang: str
) -> tuple[tuple[PlanCompetitor, ...], tuple[PlanIndicator, ...]] | None:
    """Competitors and the winning / fatal / sleeping criteria from the competitor grid's own
    service (`services.indicators.plan_summary`), so the plan classifies exactly as the grid
    shows; None when that service is not there."""
    try:
        from desktop.services.indicators import plan_summary
    except ImportError:
        return None
    summary = plan_summary(ws, pursuit_id)
    vocab = ws.catalog.indicator_classes
    competitors = tuple(
        PlanCompetitor(
            name=c.name,
            label=c.label.strip(),
            solution=c.solution.strip(),
            flaws=c.flaws.strip(),
            harm=c.harm.strip(),
            case_story=c.case_story.strip(),
            counter=_first_filled(c.benefits, c.advantages, c.features),
            allies=c.allies.strip(),
        )
        for c in summary.competitors
    )
    indicators = [
        PlanIndicator(
            name=c.name,
            meaning=c.meaning,
            importance=c.importance,
            class_key=c.klass,
            class_label=vocab.label(c.klass, lang),
            our_score=c.our_score,
            best_rival=c.best_competitor,
            best_rival_score=c.best_score,
            action_plan=c.action_plan.strip(),
            method_action=_extra(vocab.get(c.klass), "action", lang),
        )
        for c in (*summary.winning, *summary.fatal, *summary.sleeping)
    ]
    indicators.sort(key=lambda i: (CLASS_ORDER[i.class_key], -i.importance))
    return competitors, tuple(indicators)


def _first_filled(*texts: str) -> str:
    return next((t.strip() for t in texts if t and t.strip()), "")


def _competitors(session: Session, pursuit_id: str) -> tuple[PlanCompetitor, ...]:
    rows = session.execute(
        select(PursuitCompetitor, Competitor)
        .join(Competitor, Competitor.id == PursuitCompetitor.competitor_id)
        .where(PursuitCompetitor.pursuit_id == pursuit_id, PursuitCompetitor.alive)
        .order_by(PursuitCompetitor.position)
    )
    return tuple(
        PlanCompetitor(
            name=competitor.name,
            label=(pc.label or competitor.labels).strip(),
            solution=(pc.solution or competitor.solution).strip(),
            flaws=(pc.flaws or competitor.weaknesses).strip(),
            harm=pc.harm.strip(),
            case_story=(pc.case_story or competitor.case_stories).strip(),
            counter=_first_filled(pc.benefits, pc.advantages, pc.features),
            allies=pc.allies.strip(),
        )
        for pc, competitor in rows
    )


def _indicators(
    session: Session, catalog: Catalog, pursuit_id: str, lang: str
) -> tuple[PlanIndicator, ...]:
    """Winning and fatal criteria (then sleeping ones), most important first.

    Scores count only for competitors in this pursuit (a rival dropped from the pursuit no longer
    decides a class); without any pursuit competitor, every score counts.
    """
    indicators = list(
        session.scalars(
            select(Indicator)
            .where(Indicator.pursuit_id == pursuit_id, Indicator.alive)
            .order_by(Indicator.position)
        )
    )
    if not indicators:
        return ()
    in_pursuit = set(
        session.scalars(
            select(PursuitCompetitor.competitor_id).where(
                PursuitCompetitor.pursuit_id == pursuit_id, PursuitCompetitor.alive
            )
        )
    )
    scores: dict[str, list[tuple[str, int | None]]] = defaultdict(list)
    rows = session.execute(
        select(
            IndicatorScore.indicator_id,
            IndicatorScore.competitor_id,
            Competitor.name,
            IndicatorScore.score,
        )
        .join(Competitor, Competitor.id == IndicatorScore.competitor_id)
        .where(
            IndicatorScore.indicator_id.in_([i.id for i in indicators]),
            IndicatorScore.alive,
        )
    )
    for indicator_id, competitor_id, name, score in rows:
        if in_pursuit and competitor_id not in in_pursuit:
            continue
        scores[indicator_id].append((name, score))
    vocab = catalog.indicator_classes
    order = CLASS_ORDER
    result = []
    for indicator in indicators:
        rivals = scores[indicator.id]
        try:
            key = classify(
                indicator.importance,
                indicator.our_score,
                [score for _, score in rivals],
                indicator.class_override,
            )
        except ValueError:
            key = NEUTRAL  # a value out of range from an old or merged record: show, do not fail
        if key not in order:
            continue
        scored = [(score, name) for name, score in rivals if score is not None]
        best_score, best_name = max(scored) if scored else (None, "")
        item = vocab.get(key)
        result.append(
            PlanIndicator(
                name=indicator.name,
                meaning=indicator.meaning,
                importance=indicator.importance,
                class_key=key,
                class_label=vocab.label(key, lang),
                our_score=indicator.our_score,
                best_rival=best_name,
                best_rival_score=best_score,
                action_plan=indicator.action_plan.strip(),
                method_action=_extra(item, "action", lang),
            )
        )
    result.sort(key=lambda i: (order[i.class_key], -i.importance))
    return tuple(result)


def _risks(session: Session, catalog: Catalog, pursuit_id: str, lang: str) -> tuple[PlanRisk, ...]:
    impacts = catalog.risk_impacts
    statuses = catalog.risk_statuses
    rows = session.scalars(
        select(Risk)
        .where(Risk.pursuit_id == pursuit_id, Risk.alive, Risk.status != "closed")
        .order_by(Risk.severity.desc(), Risk.created_at)
    )
    result = []
    for row in rows:
        filled = tuple(
            (impacts.label(key, lang), text.strip())
            for key, text in (
                ("person", row.impact_person),
                ("political", row.impact_political),
                ("organisation", row.impact_organisation),
            )
            if text.strip()
        )
        result.append(
            PlanRisk(
                description=row.description,
                severity=row.severity,
                status_key=row.status,
                status=statuses.label(row.status, lang),
                impacts=filled,
                prevention=row.prevention,
                remedy=row.remedy,
            )
        )
    # Open ones before mitigated ones, each the most severe first.
    result.sort(key=lambda r: (r.status_key != "open", -r.severity))
    return tuple(result)
