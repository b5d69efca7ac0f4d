"""Coaching (辅导要点) and stage steps (步骤) of a pursuit: what the manager will ask, answered.

Answers and step progress are stored by the catalog's stable keys with deterministic ids, so the
same answer edited on two machines is one record. A question's `stage` is stored with its answer
for per-stage counts (the board's completeness bar reads it in one query).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import inspect, select

from desktop.domain.methodology import Catalog
from desktop.services.changes import Changes
from desktop.services.pursuit_edits import Target, changes_of
from desktop.services.workspace import Workspace
from desktop.storage.tables import CoachingAnswer, StepProgress, membership_id, utcnow


@dataclass(frozen=True)
class Answer:
    text: str = ""
    done: bool = False
    updated_at: datetime | None = None


@dataclass(frozen=True)
class StepState:
    done: bool = False
    due_on: date | None = None
    note: str = ""


@dataclass(frozen=True)
class Completeness:
    done: int
    total: int

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.done >= self.total


@dataclass
class CoachingSheet:
    """A pursuit's answers by question key and step progress by step key (missing = untouched)."""

    answers: dict[str, Answer] = field(default_factory=dict)
    steps: dict[str, StepState] = field(default_factory=dict)

    def answer(self, key: str) -> Answer:
        return self.answers.get(key, Answer())

    def step(self, key: str) -> StepState:
        return self.steps.get(key, StepState())

    def completeness(self, catalog: Catalog, stage: int) -> Completeness:
        """Coaching points of `stage` marked done, of all its points."""
        questions = catalog.stage(stage).questions
        done = sum(1 for q in questions if self.answer(q.key).done)
        return Completeness(done, len(questions))

    def steps_done(self, catalog: Catalog, stage: int) -> Completeness:
        steps = catalog.stage(stage).steps
        return Completeness(sum(1 for s in steps if self.step(s.key).done), len(steps))


def sheet_of(ws: Workspace, pursuit_id: str) -> CoachingSheet:
    """The answers and step progress of one pursuit (two queries)."""
    sheet = CoachingSheet()
    with ws.read() as session:
        for key, text, done, updated in session.execute(
            select(
                CoachingAnswer.question_key,
                CoachingAnswer.answer,
                CoachingAnswer.done,
                CoachingAnswer.updated_at,
            ).where(CoachingAnswer.pursuit_id == pursuit_id, CoachingAnswer.alive)
        ):
            sheet.answers[key] = Answer(text or "", bool(done), updated)
        for key, done, due_on, note in session.execute(
            select(
                StepProgress.step_key, StepProgress.done, StepProgress.due_on, StepProgress.note
            ).where(StepProgress.pursuit_id == pursuit_id, StepProgress.alive)
        ):
            sheet.steps[key] = StepState(bool(done), due_on, note or "")
    return sheet


def answer_target(catalog: Catalog, pursuit_id: str, question_key: str) -> Target:
    """The answer record of one question (created on its first edit)."""
    question = catalog.question(question_key)
    return Target(
        "coaching_answer",
        membership_id("answer", pursuit_id, question_key),
        (("pursuit_id", pursuit_id), ("question_key", question_key), ("stage", question.stage)),
    )


def set_answers(
    ws: Workspace, catalog: Catalog, answers: Mapping[tuple[str, str], Answer | None]
) -> Changes:
    """Put answers back as they were, in one transaction: {(pursuit id, question key): the
    answer, or None for one that did not exist (its record is buried)}. What the stage gate's
    answers are undone and redone with; an answer already as given writes nothing."""
    changes = Changes()
    with ws.write() as session:
        for (pursuit_id, key), answer in answers.items():
            target = answer_target(catalog, pursuit_id, key)
            record = session.get(CoachingAnswer, target.id)
            if answer is None:
                if record is None or not record.alive:
                    continue
                record.alive = False
                record.deleted_at = utcnow()
            elif record is None:
                values = dict(target.create)
                record = CoachingAnswer(
                    id=target.id, answer=answer.text, done=answer.done, **values
                )
                session.add(record)
            else:
                if not record.alive:
                    record.alive = True
                    record.deleted_at = None
                if record.answer != answer.text:
                    record.answer = answer.text
                if record.done != answer.done:
                    record.done = answer.done
                if not inspect(record).modified:
                    continue
            session.flush()
            changes = changes | changes_of(session, record)
    return changes


def step_target(catalog: Catalog, pursuit_id: str, step_key: str) -> Target:
    catalog.step(step_key)  # an unknown key fails here, not as a stray row
    return Target(
        "step_progress",
        membership_id("step", pursuit_id, step_key),
        (("pursuit_id", pursuit_id), ("step_key", step_key)),
    )


def stage_order(current: int, count: int = 8) -> list[int]:
    """Stages in the order the coaching page shows them: the current one first, then the stages
    already passed (their answers should stand), then those ahead."""
    return [current, *range(1, current), *range(current + 1, count + 1)]
