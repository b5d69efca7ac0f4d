"""Demo data: realistic B2B pursuits across all stages, deterministic by seed, scalable, in the
language it is made in — Chinese (as it always was) or English, from one table of words per
language (`words`, `zh`, `en`): the same seed gives the same pursuits in either.

It follows the method to its end: pursuits in 验收 (stage 7) and 回款 (stage 8) carry their
collection checklist, instalments (some received, some overdue), after-sale periods and referrals,
and the won ones are collected — so stages 7 and 8 are worth exploring and the benchmarks load
those tables too.

Written in one transaction (one dot for all, as one write transaction is), each row stamped as
`sync_meta.stamped_row` stamps it, a few hundred pursuits generated and then written at a time
through `storage.bulk_load` (change sequence given, search documents and, in an empty database,
secondary indexes made once at the end), so that time and memory grow linearly with the scale:
`--scale 50000` (three million rows) in under a minute.
"""

from __future__ import annotations

import bisect
import functools
import gc
import itertools
import math
import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.domain import status as status_rules
from desktop.services.activities import to_utc
from desktop.services.changes import Changes
from desktop.services.demo.words import Words, words_for
from desktop.services.workspace import Workspace
from desktop.storage import bulk_load
from desktop.storage.bulk_load import membership_id
from desktop.storage.tables import (
    Account,
    Activity,
    AfterSale,
    CoachingAnswer,
    Collection,
    Competitor,
    Indicator,
    IndicatorScore,
    Instalment,
    NewNeed,
    Note,
    Offer,
    PainPoint,
    Person,
    Pursuit,
    PursuitCompetitor,
    PursuitTag,
    Referral,
    Risk,
    StageChange,
    Stakeholder,
    StakeholderHelp,
    StakeholderLink,
    StakeholderRole,
    StepProgress,
    Synced,
    ValueBenefit,
    ValueCase,
    Visit,
    VisitAttendee,
    new_id,
    utcnow,
)

if TYPE_CHECKING:
    from desktop.storage.db import Database


_CHUNK = 500  # pursuits generated, then written, at a time: memory stays flat at any scale
_ROWS_PER_PURSUIT = 60  # about, for telling the bulk write how large it will be


class _Random(random.Random):
    """`random.Random` giving the very same numbers from the same seed, its two most called
    methods (some five million calls at 50,000 pursuits) without their layers of Python calls:
    `choice` and `randint` as Python 3.11's `_randbelow_with_getrandbits` computes them."""

    def choice(self, seq: Any) -> Any:
        n = len(seq)
        if not n:
            raise IndexError("Cannot choose from an empty sequence")
        getrandbits = self.getrandbits
        k = n.bit_length()
        r = getrandbits(k)
        while r >= n:
            r = getrandbits(k)
        return seq[r]

    def randint(self, a: int, b: int) -> int:
        n = b - a + 1
        if n <= 0:
            raise ValueError(f"empty range in randint({a}, {b})")
        getrandbits = self.getrandbits
        k = n.bit_length()
        r = getrandbits(k)
        while r >= n:
            r = getrandbits(k)
        return a + r

    def choices(
        self,
        population: Any,
        weights: Any = None,
        *,
        cum_weights: Any = None,
        k: int = 1,
    ) -> list[Any]:
        """`random.Random.choices`, the same draws; one weighted pick (some 600,000 at 50,000
        pursuits) without accumulating and checking its few weights again each time."""
        if weights is None or cum_weights is not None or k != 1:
            return super().choices(population, weights, cum_weights=cum_weights, k=k)
        cumulative, total = _cumulative(tuple(weights))
        n = len(population)
        if len(cumulative) != n:
            raise ValueError("The number of weights does not match the population")
        return [population[bisect.bisect(cumulative, self.random() * total, 0, n - 1)]]


@functools.lru_cache(maxsize=64)
def _cumulative(weights: tuple[float, ...]) -> tuple[list[float], float]:
    """The running sums of `weights` and their total as `random.Random.choices` makes them."""
    cumulative = list(itertools.accumulate(weights))
    total = cumulative[-1] + 0.0
    if total <= 0.0:
        raise ValueError("Total of weights must be greater than zero")
    if not math.isfinite(total):
        raise ValueError("Total of weights must be finite")
    return cumulative, total


def _dated(step: str, due: date) -> date | None:
    """A next step's date, or none for a pursuit without a next step."""
    return due if step else None


def _name(rng: random.Random, words: Words) -> str:
    """A person's name: a surname, then one or two given names (drawn in that order)."""
    surname = rng.choice(words.surnames)
    given = [rng.choice(words.given_names) for _ in range(rng.choice((1, 2)))]
    return words.person_names[len(given) - 1].format(
        surname=surname, first=given[0], second=given[-1]
    )


def _phone(number: int, words: Words) -> str:
    """A phone number made of nine drawn digits, written as the language's numbers are."""
    return words.phone.format(number=number, area=200 + number // 10**6 % 800, line=number % 10**4)


def fill_demo(
    ws: Workspace,
    *,
    scale: int = 24,
    seed: int = 7,
    lang: str = "zh",
    progress: Callable[[int, int], None] | None = None,
) -> Changes:
    """Add `scale` demo pursuits (with accounts, people, history, indicators …) to the database,
    written in `lang` ("zh" or "en", the catalog's codes; "zh_CN" too): the window's language
    or the command's. The same seed gives the same pursuits in either, only the words differ."""
    words = words_for(lang)
    rng = _Random(seed)
    today = date.today()
    now = utcnow()
    catalog = ws.catalog
    # The rows not yet written, per table in the order each first appeared (parents first).
    rows: dict[type[Synced], list[dict[str, Any]]] = {}

    with (
        ws.write() as session,
        _no_cycle_collection(),
        bulk_load.BulkLoad(session, expected_rows=scale * _ROWS_PER_PURSUIT) as load,
    ):

        def add(table: type[Synced], **values: Any) -> str:
            row = load.row(table, values)
            rows.setdefault(table, []).append(row)
            return str(row["id"])

        def write() -> None:
            for table, batch in rows.items():
                load.insert(table, batch)
                batch.clear()

        competitor_ids = [
            add(
                Competitor,
                # Named as a rep's own are (tables.named_id): demo databases rolled up together
                # share their competitors, as a team's do.
                id=load.named_id(Competitor, "competitor", name),
                name=name,
                solution=solution,
                weaknesses=flaw,
                labels=label,
                case_stories=story,
            )
            for (name, solution, flaw, label), story in zip(
                words.competitors, words.competitor_stories, strict=True
            )
        ]
        account_count = max(1, scale // 3)
        accounts = []
        named: set[str] = set()  # the names' ids this load gave (its rows are not in the table)
        for _ in range(account_count):
            sector = rng.choice(list(words.industries))
            city = rng.choice(words.cities)
            # The parts drawn in this order whichever of them the language's name shows.
            name = words.account_name.format(
                city=city,
                head=rng.choice(words.brand_heads),
                tail=rng.choice(words.brand_tails),
                line=rng.choice(words.industries[sector]),
                suffix=rng.choice(words.suffixes),
            )
            # The address is in the city of the name (成都鼎信 was in 青岛). The city the address
            # once drew for itself is drawn still and let go: the rest of a seed's demo stays.
            rng.choice(words.cities)
            # Named as a rep's own are; a name drawn twice gets a random id the second time.
            account_id = load.named_id(Account, "account", name)
            account_id = new_id() if account_id in named else account_id
            named.add(account_id)
            accounts.append(
                add(
                    Account,
                    id=account_id,
                    name=name,
                    industry=sector,
                    address=words.address.format(city=city, number=rng.randint(1, 999)),
                )
            )

        stage_weights = [18, 16, 14, 13, 12, 10, 9, 8]
        # A local time as UTC, asked for the same few thousand times of day again and again
        # (60,000 activities and visits at 50,000 pursuits); kept for this fill only, so that
        # a zone changed since is followed by the next.
        utc = functools.lru_cache(maxsize=None)(to_utc)
        # The rep's day has its own random stream, so the rest of the demo stays as it was.
        day_rng = _Random(seed * 7919 + 17)
        offer_rng = _Random(seed * 104_729 + 5)  # our offer and new needs: their own too
        after_rng = _Random(seed * 104729 + 3)  # and so has the time after signing
        for index in range(scale):
            stage = rng.choices(range(1, 9), weights=stage_weights)[0]
            status = "open"
            if rng.random() < 0.18:
                status = rng.choices(list(status_rules.CLOSED), weights=[5, 4, 1])[0]
                if status == status_rules.COLLECTED:
                    stage = status_rules.COLLECTION_STAGE  # the win: the money is in
            entered = now - timedelta(days=rng.randint(0, 80), hours=rng.randint(0, 23))
            amount = rng.choice([8, 12, 18, 25, 36, 48, 60, 85, 120, 160, 240, 380]) * 10_000_00
            close = today + timedelta(days=rng.randint(-30, 330))
            pursuit_account = rng.choice(accounts)
            pursuit_id = add(
                Pursuit,
                account_id=pursuit_account,
                title=rng.choice(words.projects)
                + ("" if rng.random() < 0.7 else words.second_phase),
                amount=amount,
                currency="CNY",
                expected_close=close,
                stage=stage,
                status=status,
                close_reason=words.close_reasons.get(status, ""),
                lost_to_id=rng.choice(competitor_ids) if status == "lost" else None,
                closed_on=today - timedelta(days=rng.randint(1, 300)) if status != "open" else None,
                win_rate_override=None,
                owner="",
                stage_entered_at=entered,
                # Some are "": a pursuit without a next step (its red flag).
                next_step=(step := rng.choice(words.next_steps)),
                # The date is drawn either way, so the rest of the demo stays as it was; a
                # pursuit without a next step has no date either (a date belongs to an action).
                next_step_due=_dated(step, today + timedelta(days=rng.randint(-10, 20))),
                board_rank=float(index),
                notes="",
                referred_by_id=None,
            )
            for tag in rng.sample(words.tags, rng.randint(0, 2)):
                add(
                    PursuitTag,
                    id=membership_id("tag", pursuit_id, tag),
                    pursuit_id=pursuit_id,
                    tag=tag,
                )
            # Stage history: one change per stage reached.
            when = entered - timedelta(days=25 * (stage - 1))
            previous = None
            for s in range(1, stage + 1):
                add(
                    StageChange,
                    pursuit_id=pursuit_id,
                    from_stage=previous,
                    to_stage=s,
                    changed_at=when if s < stage else entered,
                    note="",
                    overrides=[],
                    override_reason="",
                )
                previous = s
                when += timedelta(days=rng.randint(10, 30))
            # Coaching answers of the stages reached; the current stage partly answered.
            for s in range(1, stage + 1):
                for question in catalog.stage(s).questions:
                    if rng.random() < 0.5:  # about half answered: ~100,000 answers at scale 10,000
                        continue
                    add(
                        CoachingAnswer,
                        id=membership_id("answer", pursuit_id, question.key),
                        pursuit_id=pursuit_id,
                        question_key=question.key,
                        stage=s,
                        answer=rng.choice(words.answers),
                        done=True,
                    )
            for s in range(max(1, stage - 2), stage):
                for step in catalog.stage(s).steps:
                    add(
                        StepProgress,
                        id=membership_id("step", pursuit_id, step.key),
                        pursuit_id=pursuit_id,
                        step_key=step.key,
                        done=True,
                        due_on=None,
                        note="",
                    )
            people = _people(add, rng, words, pursuit_id, pursuit_account, stage)
            if stage >= 2:
                current, goal, obstacle, pain, impact = rng.choice(words.pains)
                add(
                    PainPoint,
                    pursuit_id=pursuit_id,
                    current_state=current,
                    goal=goal,
                    obstacle=obstacle,
                    pain=pain,
                    impact=impact,
                    severity=rng.randint(3, 5),
                    stakeholder_id=None,
                    position=0.0,
                )
            if stage >= 3:
                case_id = add(
                    ValueCase,
                    id=membership_id("value_case", pursuit_id),
                    pursuit_id=pursuit_id,
                    investment=amount,
                    horizon_years=3,
                    feedback=words.value_feedback if stage > 3 else "",
                    accepted="yes" if stage >= 5 else "unknown",
                )
                for position, label in enumerate(words.benefits):
                    add(
                        ValueBenefit,
                        value_case_id=case_id,
                        label=label,
                        amount=amount * rng.randint(15, 45) // 100,
                        position=float(position),
                    )
            if stage >= 4:
                _indicators(add, rng, words, pursuit_id, competitor_ids)
            if stage >= 6:
                description, person, politics, organisation, severity = rng.choice(words.risks)
                add(
                    Risk,
                    pursuit_id=pursuit_id,
                    description=description,
                    impact_person=person,
                    impact_political=politics,
                    impact_organisation=organisation,
                    severity=severity,
                    prevention=words.risk_prevention,
                    remedy=words.risk_remedy,
                    status=rng.choice(["open", "mitigated"]),
                )
            if status == "open" and rng.random() < 0.5:
                # Office hours where the computer is (stored in UTC, as every visit is): a rep
                # anywhere sees meetings at 9, 10, 14 or 15 o'clock, not in the night.
                starts = utc(
                    today + timedelta(days=rng.randint(1, 14)), time(rng.choice([9, 10, 14, 15]))
                )
                visit = add(
                    Visit,
                    pursuit_id=pursuit_id,
                    starts_at=starts,
                    duration_minutes=60,
                    **words.visit,
                    outcome="",
                    learned="",
                    next_steps="",
                )
                for attendee in people[:2]:  # the first two people of the map attend
                    add(
                        VisitAttendee,
                        id=membership_id("attendee", visit, attendee),
                        visit_id=visit,
                        stakeholder_id=attendee,
                    )
            _offer_and_needs(add, offer_rng, words, pursuit_id, stage)
            account_id = rows[Pursuit][-1]["account_id"]
            if stage >= status_rules.SIGNED_STAGE and status in ("open", status_rules.COLLECTED):
                closed = rows[Pursuit][-1]["closed_on"]
                _after_signing(
                    add, after_rng, words, pursuit_id, stage, status, amount, today, closed
                )
            _activities_and_notes(
                add, day_rng, words, pursuit_id, account_id, status, today, now, utc
            )
            if index % _CHUNK == _CHUNK - 1:
                write()
            if progress and index % 500 == 0:
                progress(index, scale)
        write()
    return Changes.all()


def build_demo(
    path: Path,
    *,
    scale: int = 24,
    seed: int = 7,
    lang: str = "zh",
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """A new database at `path`, where nothing is yet, holding `scale` demo pursuits: the same
    database `fill_demo` makes in a new file, written once straight into a file no one else
    can open yet, and put at `path` only when whole (`storage.bulk_load.new_database`)."""

    def fill(db: Database) -> None:
        fill_demo(Workspace(db), scale=scale, seed=seed, lang=lang, progress=progress)

    bulk_load.new_database(path, fill)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused while the rows are made: each chunk's tens of thousands
    of row dicts live long enough to be traced again and again (7 % of the time), and they
    hold no cycles, so there is nothing for it to find."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# --- after the signature: acceptance, collection, after-sale, referrals ------------------------


def _after_signing(
    add: Callable[..., str],
    rng: random.Random,
    words: Words,
    pursuit_id: str,
    stage: int,
    status: str,
    amount: int,
    today: date,
    closed_on: date | None,
) -> None:
    """What a signed pursuit has: the stage-8 checklist, three instalments (30 % on signing,
    60 % on acceptance, 10 % after the warranty), the after-sale periods it has reached and,
    once successful, referrals. A collected pursuit has everything settled and received; one in
    回款 mostly settled with money still out (sometimes overdue); one in 验收 only the down payment.
    """
    collected = status == status_rules.COLLECTED
    in_collection = stage == status_rules.COLLECTION_STAGE
    end = closed_on or today
    signed_on = end - timedelta(days=rng.randint(60, 200) if collected else rng.randint(20, 120))
    # A few pursuits in 回款 have everything in and only wait for the rep to mark them collected.
    ready = in_collection and not collected and rng.random() < 0.15
    settled = collected or ready
    accepted = settled or (in_collection and rng.random() < 0.8)
    add(
        Collection,
        id=membership_id("collection", pursuit_id),
        pursuit_id=pursuit_id,
        licence_checked=True,
        credit_checked=settled or rng.random() < 0.8,
        contract_theirs=rng.random() < 0.3,
        contract_reviewed=settled or rng.random() < 0.85,
        delivery_ok=settled or in_collection or rng.random() < 0.5,
        delivery_owner=rng.choice(words.delivery_owners),
        acceptance_signed=accepted,
        acceptance_due=None if accepted else today + timedelta(days=rng.randint(-10, 40)),
        payment_received=settled,
        dunning_sent=not settled and in_collection and rng.random() < 0.4,
        notes=words.collection_note if rng.random() < 0.5 else "",
    )
    down = amount * 3 // 10
    on_acceptance = amount * 6 // 10
    down_note, acceptance_note, retention_note = words.instalment_notes
    plan = (
        (down, signed_on + timedelta(days=15), True, down_note),
        (
            on_acceptance,
            signed_on + timedelta(days=rng.randint(60, 120)),
            settled or (accepted and rng.random() < 0.6),
            acceptance_note,
        ),
        (amount - down - on_acceptance, signed_on + timedelta(days=365), settled, retention_note),
    )
    for share, due, received, note in plan:
        add(
            Instalment,
            pursuit_id=pursuit_id,
            amount=share,
            due_on=due,
            received_on=min(due + timedelta(days=rng.randint(0, 20)), end) if received else None,
            note=note,
        )
    periods = list(words.after_sale)
    reached = 4 if collected else (3 if in_collection else rng.randint(1, 2))
    for period in periods[:reached]:
        expectations, issues, actions = words.after_sale[period]
        add(
            AfterSale,
            id=membership_id("after_sale", pursuit_id, period),
            pursuit_id=pursuit_id,
            period=period,
            expectations=expectations,
            issues=issues,
            actions=actions,
        )
    if reached >= 3 and rng.random() < 0.6:
        company, contact, note = rng.choice(words.referrals)
        add(
            Referral,
            pursuit_id=pursuit_id,
            company=company,
            contact=contact,
            note=note,
            converted_pursuit_id=None,
        )
    add(
        Note,
        pursuit_id=pursuit_id,
        account_id=None,
        stakeholder_id=None,
        body=rng.choice(words.after_notes),
        noted_at=datetime.combine(end - timedelta(days=rng.randint(0, 20)), time(9)),
    )


def _people(
    add: Callable[..., str],
    rng: random.Random,
    words: Words,
    pursuit_id: str,
    account_id: str,
    stage: int,
) -> list[str]:
    """Five people of the account and their cards on the pursuit's map; the cards' ids."""
    count = 5
    roles = ["insider", "initiator", "designer", "evaluator", "decision_maker"]
    people = []
    boss = None
    for i in range(count):
        title, department = words.titles[0] if i == 0 else rng.choice(words.titles[1:])
        relationship = rng.choices(
            ["acquainted", "interacting", "personal_trust", "ally"],
            weights=[4, 3, 2, 1 + stage // 3],
        )[0]
        # The person (of the account) first, then their card on this pursuit's map with a copy
        # of the person's fields (bulk rows bypass `storage.people`, which keeps them equal).
        about = {
            "name": _name(rng, words),
            "title": title,
            "department": department,
            "phone": _phone(rng.randint(100000000, 999999999), words),
            "email": words.email.format(number=rng.randint(100, 999)),
            "relationship": relationship,
            "personality": rng.choice(["tiger", "peacock", "koala", "owl"]),
            "interests": rng.choice(words.interests),
            "notes": "",
        }
        person = add(
            Stakeholder,
            pursuit_id=pursuit_id,
            account_id=None,
            person_id=add(Person, account_id=account_id, wechat="", merged_into=None, **about),
            **about,
            plan=words.stakeholder_plan,
            next_step=words.stakeholder_next_step,
            reports_to_id=boss,
            # The boss centred above the four reports (the map's org-chart spacing).
            x=float(366 if i == 0 else 244 * (i - 1)),
            y=0.0 if i == 0 else 168.0,
        )
        boss = boss or person
        people.append(person)
        if i < len(roles) and (i < 2 or rng.random() < 0.4 + stage * 0.07):
            role = roles[(i + 4) % 5]  # the top person is the decision-maker
            add(
                StakeholderRole,
                id=membership_id("role", person, role),
                stakeholder_id=person,
                role=role,
            )
        if relationship == "ally":
            wish = rng.choice(["share_info", "advise", "introduce", "speak_for_us"])
            add(
                StakeholderHelp,
                id=membership_id("help", person, wish),
                stakeholder_id=person,
                help=wish,
            )
    add(
        StakeholderLink,
        pursuit_id=pursuit_id,
        from_id=people[1],
        to_id=people[0],
        link_kind="influences",
        note="",
    )
    return people


def _indicators(
    add: Callable[..., str],
    rng: random.Random,
    words: Words,
    pursuit_id: str,
    competitor_ids: list[str],
) -> None:
    rivals = rng.sample(competitor_ids, 2)
    for position, rival in enumerate(rivals):
        add(
            PursuitCompetitor,
            id=membership_id("pc", pursuit_id, rival),
            pursuit_id=pursuit_id,
            competitor_id=rival,
            solution=words.rival_solution,
            flaws=words.rival_flaws,
            harm=words.rival_harm,
            label=rng.choice(words.rival_labels),
            case_story="",
            features="",
            advantages="",
            benefits="",
            allies="",
            position=float(position),
        )
    for position, (name, meaning) in enumerate(rng.sample(words.criteria, 4)):
        indicator = add(
            Indicator,
            pursuit_id=pursuit_id,
            name=name,
            meaning=meaning,
            importance=rng.randint(1, 5),
            position=float(position),
            our_score=rng.randint(2, 5),
            class_override=None,
            override_reason="",
            action_plan=rng.choice(words.action_plans),
        )
        for rival in rivals:
            add(
                IndicatorScore,
                id=membership_id("score", indicator, rival),
                indicator_id=indicator,
                competitor_id=rival,
                score=rng.randint(1, 5),
            )


# --- the rep's day: activities and notes --------------------------------------------------------


def _activities_and_notes(
    add: Callable[..., str],
    rng: random.Random,
    words: Words,
    pursuit_id: str,
    account_id: str,
    status: str,
    today: date,
    now: datetime,
    utc: Callable[[date, time], datetime] = to_utc,
) -> None:
    """About five activities an open pursuit (some done with outcomes, some overdue, some today,
    the rest ahead: 50,000 at scale 10,000) and a note on every other one."""

    def activity(day: date, *, done: bool, hour: int | None = None) -> None:
        kind = rng.choices(list(words.activity_subjects), weights=[5, 4, 2, 4, 1])[0]
        due_at = utc(day, time(hour, rng.choice((0, 30)))) if hour is not None else None
        add(
            Activity,
            activity_kind=kind,
            subject=rng.choice(words.activity_subjects[kind]),
            pursuit_id=pursuit_id,
            account_id=account_id,
            due_on=day,
            due_at=due_at,
            duration_minutes=rng.choice((15, 30, 60)) if kind in ("call", "meeting") else None,
            done=done,
            done_at=(due_at or datetime.combine(day, time(10))) if done else None,
            outcome=rng.choice(words.outcomes) if done else "",
            step_key=None,
        )

    for _ in range(rng.randint(1, 2)):  # logged: done, with what came of it
        activity(today - timedelta(days=rng.randint(1, 40)), done=True, hour=rng.randint(9, 17))
    if status == "open":
        if rng.random() < 0.35:
            activity(today - timedelta(days=rng.randint(1, 10)), done=False)
        if rng.random() < 0.3:
            activity(today, done=False, hour=rng.choice((None, 9, 11, 14, 16)))
        for _ in range(rng.randint(1, 2)):
            later = today + timedelta(days=rng.randint(1, 14))
            activity(later, done=False, hour=rng.choice((None, 10, 15)))
    if rng.random() < 0.5:
        add(
            Note,
            pursuit_id=pursuit_id,
            account_id=account_id,
            stakeholder_id=None,
            body=rng.choice(words.note_bodies),
            noted_at=now - timedelta(days=rng.randint(0, 30), hours=rng.randint(0, 23)),
        )


# Our offer (特点、优势、益处, 价值交集) from stage 5 on, the plan to dispel concerns from stage 6,
# and the new needs of the plateau (平淡期) once a pursuit is in acceptance or collection.
def _offer_and_needs(
    add: Callable[..., str], rng: random.Random, words: Words, pursuit_id: str, stage: int
) -> None:
    if stage >= 5 and rng.random() < 0.7:
        features, advantages, benefits, intersection = rng.choice(words.offers)
        add(
            Offer,
            id=membership_id("offer", pursuit_id),
            pursuit_id=pursuit_id,
            features=features,
            advantages=advantages,
            benefits=benefits,
            value_intersection=intersection,
            concern_plan=rng.choice(words.concern_plans) if stage >= 6 else "",
        )
    if stage >= 7 and rng.random() < 0.5:
        need, raised_by, note = rng.choice(words.new_needs)
        add(
            NewNeed,
            pursuit_id=pursuit_id,
            need=need,
            raised_by=raised_by,
            note=note,
            converted_pursuit_id=None,
        )
