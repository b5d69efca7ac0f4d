"""ORM tables for the whole data model (DESIGN.md, "Data model").

Every user table carries the same metadata (see `Synced`): a UUID, stamps, an alive flag with a
tombstone, and the sync metadata the merge needs — a version vector for the record and a dot per
field. The write path in `sync_meta` fills that metadata; nothing else writes it.

Memberships (tags, roles, help wanted, attendees) are one row per membership with a deterministic id
(`membership_id`), so the same membership made on two machines is the same row.
Records that exist at most once per parent (coaching answer per question, value case per pursuit …)
also get deterministic ids, for the same reason.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, ClassVar, ParamSpec, TypeVar, cast

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    select,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

if TYPE_CHECKING:
    from sqlalchemy.sql import FromClause

# Fixed namespace for deterministic ids; never change it (ids in existing files depend on it).
ID_NAMESPACE = uuid.UUID("7c1e5a52-0b8f-4d61-9d1e-4f2a6c0b9e31")


def utcnow() -> datetime:
    """Naive UTC: the database stores UTC; screens show local time."""
    return datetime.now(UTC).replace(tzinfo=None)


def new_id() -> str:
    return str(uuid.uuid4())


def membership_id(kind: str, *parts: str) -> str:
    """The same id for the same membership or singleton on every machine."""
    return str(uuid.uuid5(ID_NAMESPACE, ":".join((kind, *parts))))


def name_key(name: str) -> str:
    """A name as two records of it are told apart: letter case and spacing ignored."""
    return " ".join(name.split()).casefold()


def named_id(session: Session, table: type[Any], kind: str, name: str) -> str:
    """The id a new account or competitor called `name` is born with: the same on every
    machine, so that two reps who each add 金桥系统 (or the customer they share) make one
    record in the team's files, merged field by field, instead of two that a manager's
    roll-up shows side by side. Where this database has used that id already (the name was
    deleted, or renamed away, or is taken twice on purpose), a random one."""
    candidate = membership_id(kind, name_key(name))
    return new_id() if session.get(table, candidate) is not None else candidate


def write_attendees(
    session: Session, table: type[Any], owner: str, owner_id: str, wanted: set[str], id_kind: str
) -> bool:
    """Make the live attendees of a visit or an activity exactly `wanted` (stakeholder ids).

    Memberships are rows with their own alive flag (add wins in a merge): a person taken off is
    buried, a person put back revived, a new one added with the id every machine gives it.
    `id_kind` is the prefix of the deterministic ids (each table keeps the one it was born with).
    Returns whether anything changed.
    """
    existing = {
        row.stakeholder_id: row
        for row in session.scalars(select(table).where(getattr(table, owner) == owner_id))
    }
    changed = False
    for sid, row in existing.items():
        alive = sid in wanted
        if row.alive != alive:
            row.alive = alive
            row.deleted_at = None if alive else utcnow()
            changed = True
    for sid in sorted(wanted - existing.keys()):
        session.add(
            table(id=membership_id(id_kind, owner_id, sid), stakeholder_id=sid, **{owner: owner_id})
        )
        changed = True
    return changed


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


# Columns that are bookkeeping, not user data: they are not registers and carry no dot.
META_COLUMNS = frozenset(
    {"id", "created_at", "updated_at", "vv", "dots", "siblings", "origin_site", "purged"}
)


P = ParamSpec("P")
R = TypeVar("R")


def table_cache(function: Callable[P, R]) -> Callable[P, R]:
    """`functools.cache` for functions of a table class (the per-kind rules, columns, checkers).

    The classes hash by identity like any class, but mypy does not take a declarative class for
    `Hashable`, so `@cache`'s typed wrapper refuses them; this keeps the function's own signature.
    """
    return cast(Callable[P, R], functools.cache(function))


_REGISTER_FIELDS: dict[type, tuple[str, ...]] = {}


class Synced:
    """Columns every synced record has."""

    kind: ClassVar[str]  # the record kind's stable name in services, exports and Changes
    if TYPE_CHECKING:
        # Every synced kind is also a `Base` table; code that takes `type[Synced]` reads these.
        __table__: ClassVar[FromClause]
        __tablename__: Any

        def __init__(self, **fields: Any) -> None: ...  # the declarative constructor of `Base`

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    alive: Mapped[bool] = mapped_column(Boolean, default=True)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)
    # A purge blanks the content everywhere and always wins (intelligence that must go).
    purged: Mapped[bool] = mapped_column(Boolean, default=False)
    # The site that created the record (a manager's roll-up shows whose it is).
    origin_site: Mapped[str | None] = mapped_column(String(36))
    # Version vector {site: counter} and per-field dots {field: [site, counter, hlc]}, with the
    # dot shared by most fields under "*" (see sync_meta.field_dot).
    vv: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    dots: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # Concurrent values kept for review: {field: [[value, site, counter, hlc], ...]}; None = none.
    # SQL NULL when there are none (not JSON 'null'), so `siblings IS NULL` finds clean records.
    siblings: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))

    @classmethod
    def register_fields(cls) -> tuple[str, ...]:
        """The user-data columns: each is a multi-value register in sync."""
        # Asked for every record a sync import checks: worked out once per class.
        fields = _REGISTER_FIELDS.get(cls)
        if fields is None:
            table = cls.__table__
            fields = tuple(c.name for c in table.columns if c.name not in META_COLUMNS)
            _REGISTER_FIELDS[cls] = fields
        return fields


class SyncState(Base):
    """This database's identity and clocks (one row). Not synced."""

    __tablename__ = "sync_state"
    site_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    counter: Mapped[int] = mapped_column(Integer, default=0)
    hlc: Mapped[int] = mapped_column(Integer, default=0)  # hybrid logical clock, ms since epoch
    db_path: Mapped[str | None] = mapped_column(
        Text
    )  # where the site was made: a copy gets a new site


class SyncSite(Base):
    """The databases this one has heard of (not synced): their names say "who" in reviews."""

    __tablename__ = "sync_sites"
    site_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(Text, default="")
    first_seen: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_import_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_export_id: Mapped[str | None] = mapped_column(String(36))
    last_export_at: Mapped[datetime | None] = mapped_column(DateTime)  # written at the source


class SyncImport(Base):
    """One committed import (not synced): what came in, and the backup that undoes it."""

    __tablename__ = "sync_imports"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    export_id: Mapped[str] = mapped_column(String(36))
    source_site: Mapped[str] = mapped_column(String(36))
    file_name: Mapped[str] = mapped_column(Text, default="")
    file_digest: Mapped[str] = mapped_column(String(64), index=True)  # SHA-256 of the file
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    counter: Mapped[int] = mapped_column(Integer)  # this database's counter after the import
    backup_path: Mapped[str | None] = mapped_column(Text)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    summary: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # counts per kind


class SyncReview(Base):
    """A field of a live record whose concurrent values disagree (not synced; derived).

    Kept in step with `siblings` by the importer and by the write path (a local edit resolves),
    so the Review list, the status bar and the board's conflict mark are one indexed lookup.
    """

    __tablename__ = "sync_review"
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    field: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    pursuit_id: Mapped[str | None] = mapped_column(String(36), index=True)


class PrivatePursuit(Base):
    """A pursuit this computer keeps to itself (not synced: it is this database's own decision).

    A pursuit without a row here is shared with the team. A private pursuit and every record that
    belongs to it never go into a sync file (services.sync.sharing); `since` is when it was made
    private. Turning it shared deletes the row, and the next file carries the whole pursuit.
    """

    __tablename__ = "private_pursuits"
    pursuit_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("pursuits.id", ondelete="CASCADE"), primary_key=True
    )
    since: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class PursuitFacts(Base):
    """A pursuit's deal-health facts, counted as its rows are written (not synced; derived).

    SQLite triggers keep it (migration 0014, which says how), so the board and the Pursuits
    list count red flags from one row a pursuit; `services.health` reads it. A pursuit without
    a row has none of these facts (every count 0, never touched)."""

    __tablename__ = "pursuit_facts"
    __table_args__ = {"sqlite_with_rowid": False}
    pursuit_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    # The pursuit's own columns the count reads, copied as it is written.
    alive: Mapped[bool | None] = mapped_column(Boolean)
    status: Mapped[str | None] = mapped_column(String(16))
    stage: Mapped[int | None] = mapped_column(Integer)
    stage_entered_at: Mapped[datetime | None] = mapped_column(DateTime)
    expected_close: Mapped[date | None] = mapped_column(Date)
    next_step: Mapped[str | None] = mapped_column(Text)
    next_step_due: Mapped[date | None] = mapped_column(Date)
    insiders: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    initiators: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    designers: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    evaluators: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    deciders: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    reached_deciders: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    allies: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    written_pains: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    unanswered_rivals: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    open_high_risks: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    fatal_candidates: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    value_cases: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    touched_at: Mapped[datetime | None] = mapped_column(DateTime)  # UTC; visits not counted


class StakeholderFacts(Base):
    """The live buying roles of one map card, counted by triggers (not synced; derived): what
    the card adds to its pursuit's `PursuitFacts` while it is alive (migration 0014)."""

    __tablename__ = "stakeholder_facts"
    __table_args__ = {"sqlite_with_rowid": False}
    stakeholder_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    insiders: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    initiators: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    designers: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    evaluators: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    deciders: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


def fk(target: str, *, nullable: bool = False, index: bool = True) -> Any:
    """A link to a parent record, indexed unless `index=False`: where nothing looks records up by
    it, or where a composite index that starts with the column serves the lookups and the cascade
    (such a prefix is as good as an index of its own, and a second copy only costs space)."""
    return mapped_column(
        String(36),
        ForeignKey(target, ondelete="CASCADE" if not nullable else "SET NULL"),
        nullable=nullable,
        index=index,
    )


def optional_link(target: str, *, index: bool = True) -> Any:
    """A link that may be empty but goes with its target (a note or an activity on a pursuit, an
    account or a person: one of them is set, and the record is part of it)."""
    return mapped_column(
        String(36), ForeignKey(target, ondelete="CASCADE"), nullable=True, index=index
    )


class Account(Synced, Base):
    __tablename__ = "accounts"
    kind = "account"
    name: Mapped[str] = mapped_column(Text, default="")
    industry: Mapped[str] = mapped_column(Text, default="")
    address: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class Competitor(Synced, Base):
    """A competitor across all pursuits: the playbook that grows deal by deal."""

    __tablename__ = "competitors"
    kind = "competitor"
    name: Mapped[str] = mapped_column(Text, default="")
    solution: Mapped[str] = mapped_column(Text, default="")
    weaknesses: Mapped[str] = mapped_column(Text, default="")
    labels: Mapped[str] = mapped_column(Text, default="")
    case_stories: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class Pursuit(Synced, Base):
    __tablename__ = "pursuits"
    kind = "pursuit"
    account_id: Mapped[str] = fk("accounts.id", index=False)
    title: Mapped[str] = mapped_column(Text, default="")
    amount: Mapped[int] = mapped_column(Integer, default=0)  # minor units (fen / cents)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    expected_close: Mapped[date | None] = mapped_column(Date)
    stage: Mapped[int] = mapped_column(Integer, default=1, index=True)
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    close_reason: Mapped[str] = mapped_column(Text, default="")
    lost_to_id: Mapped[str | None] = fk("competitors.id", nullable=True, index=False)
    closed_on: Mapped[date | None] = mapped_column(Date)
    win_rate_override: Mapped[int | None] = mapped_column(Integer)
    owner: Mapped[str] = mapped_column(Text, default="")
    stage_entered_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    next_step: Mapped[str] = mapped_column(Text, default="")
    next_step_due: Mapped[date | None] = mapped_column(Date)
    board_rank: Mapped[float] = mapped_column(Float, default=0.0)  # order within a board column
    notes: Mapped[str] = mapped_column(Text, default="")
    referred_by_id: Mapped[str | None] = mapped_column(String(36))


class PursuitTag(Synced, Base):
    __tablename__ = "pursuit_tags"
    kind = "pursuit_tag"
    pursuit_id: Mapped[str] = fk("pursuits.id")
    tag: Mapped[str] = mapped_column(Text)


class StageChange(Synced, Base):
    """One move of a pursuit between stages (add-only history)."""

    __tablename__ = "stage_changes"
    kind = "stage_change"
    pursuit_id: Mapped[str] = fk("pursuits.id", index=False)
    from_stage: Mapped[int | None] = mapped_column(Integer)
    to_stage: Mapped[int] = mapped_column(Integer)
    changed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    note: Mapped[str] = mapped_column(Text, default="")
    # Gate items passed over on this move, and why: [{"key": ..., "kind": ...}], reason text.
    overrides: Mapped[list[Any]] = mapped_column(JSON, default=list)
    override_reason: Mapped[str] = mapped_column(Text, default="")


class CoachingAnswer(Synced, Base):
    __tablename__ = "coaching_answers"
    kind = "coaching_answer"
    pursuit_id: Mapped[str] = fk("pursuits.id", index=False)
    question_key: Mapped[str] = mapped_column(String(64))
    stage: Mapped[int] = mapped_column(Integer)  # the question's stage, for per-stage counts
    answer: Mapped[str] = mapped_column(Text, default="")
    done: Mapped[bool] = mapped_column(Boolean, default=False)


class StepProgress(Synced, Base):
    __tablename__ = "step_progress"
    kind = "step_progress"
    pursuit_id: Mapped[str] = fk("pursuits.id")
    step_key: Mapped[str] = mapped_column(String(64))
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    due_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


class Person(Synced, Base):
    """A person of an account (关键人), once, however many pursuits they take part in.

    What is about the person lives here; what is about one deal (buying roles, help wanted, the
    place on the map, links, the relationship plan) lives on their `Stakeholder` membership. The
    memberships keep a copy of the person's fields that every local write keeps equal
    (`storage.people`), so the map and every list read one row per card. A person merged into
    another is a tombstone naming the survivor in `merged_into`.
    """

    __tablename__ = "people"
    kind = "person"
    account_id: Mapped[str | None] = fk("accounts.id", nullable=True)
    name: Mapped[str] = mapped_column(Text, default="")
    title: Mapped[str] = mapped_column(Text, default="")
    department: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(Text, default="")
    email: Mapped[str] = mapped_column(Text, default="")
    wechat: Mapped[str] = mapped_column(Text, default="")
    relationship: Mapped[str] = mapped_column(String(32), default="acquainted")
    personality: Mapped[str | None] = mapped_column(String(32))
    interests: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    merged_into: Mapped[str | None] = mapped_column(String(36), index=True)


# The fields that are about the person, copied onto each membership (the rest is the deal's).
PERSON_FIELDS = (
    "name",
    "title",
    "department",
    "phone",
    "email",
    "relationship",
    "personality",
    "interests",
    "notes",
)


class Stakeholder(Synced, Base):
    """A person's membership in one pursuit's map (the card), with a copy of the person's fields."""

    __tablename__ = "stakeholders"
    kind = "stakeholder"
    pursuit_id: Mapped[str] = fk("pursuits.id", index=False)
    account_id: Mapped[str | None] = fk("accounts.id", nullable=True)
    person_id: Mapped[str | None] = fk("people.id", nullable=True)
    name: Mapped[str] = mapped_column(Text, default="")
    title: Mapped[str] = mapped_column(Text, default="")
    department: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(Text, default="")
    email: Mapped[str] = mapped_column(Text, default="")
    relationship: Mapped[str] = mapped_column(String(32), default="acquainted")
    personality: Mapped[str | None] = mapped_column(String(32))
    interests: Mapped[str] = mapped_column(Text, default="")
    plan: Mapped[str] = mapped_column(Text, default="")  # relationship plan
    next_step: Mapped[str] = mapped_column(Text, default="")
    reports_to_id: Mapped[str | None] = fk("stakeholders.id", nullable=True)
    x: Mapped[float] = mapped_column(Float, default=0.0)
    y: Mapped[float] = mapped_column(Float, default=0.0)
    notes: Mapped[str] = mapped_column(Text, default="")


class StakeholderRole(Synced, Base):
    __tablename__ = "stakeholder_roles"
    kind = "stakeholder_role"
    stakeholder_id: Mapped[str] = fk("stakeholders.id", index=False)
    role: Mapped[str] = mapped_column(String(32))


class StakeholderHelp(Synced, Base):
    __tablename__ = "stakeholder_help"
    kind = "stakeholder_help"
    stakeholder_id: Mapped[str] = fk("stakeholders.id")
    help: Mapped[str] = mapped_column(String(32))


class StakeholderLink(Synced, Base):
    __tablename__ = "stakeholder_links"
    kind = "stakeholder_link"
    pursuit_id: Mapped[str] = fk("pursuits.id")
    from_id: Mapped[str] = fk("stakeholders.id")
    to_id: Mapped[str] = fk("stakeholders.id")
    link_kind: Mapped[str] = mapped_column(
        String(32)
    )  # influences / ally_of / opposes / reports_to
    note: Mapped[str] = mapped_column(Text, default="")


class PainPoint(Synced, Base):
    __tablename__ = "pain_points"
    kind = "pain_point"
    pursuit_id: Mapped[str] = fk("pursuits.id")
    current_state: Mapped[str] = mapped_column(Text, default="")
    goal: Mapped[str] = mapped_column(Text, default="")
    obstacle: Mapped[str] = mapped_column(Text, default="")
    pain: Mapped[str] = mapped_column(Text, default="")
    impact: Mapped[str] = mapped_column(Text, default="")
    severity: Mapped[int] = mapped_column(Integer, default=3)
    stakeholder_id: Mapped[str | None] = fk("stakeholders.id", nullable=True)
    position: Mapped[float] = mapped_column(Float, default=0.0)


class ValueCase(Synced, Base):
    __tablename__ = "value_cases"
    kind = "value_case"
    pursuit_id: Mapped[str] = fk("pursuits.id")
    investment: Mapped[int] = mapped_column(Integer, default=0)
    horizon_years: Mapped[int] = mapped_column(Integer, default=3)
    feedback: Mapped[str] = mapped_column(Text, default="")
    accepted: Mapped[str] = mapped_column(String(8), default="unknown")  # yes / no / unknown


class ValueBenefit(Synced, Base):
    __tablename__ = "value_benefits"
    kind = "value_benefit"
    value_case_id: Mapped[str] = fk("value_cases.id")
    label: Mapped[str] = mapped_column(Text, default="")
    amount: Mapped[int] = mapped_column(Integer, default=0)  # yearly, minor units
    position: Mapped[float] = mapped_column(Float, default=0.0)


class PursuitCompetitor(Synced, Base):
    __tablename__ = "pursuit_competitors"
    kind = "pursuit_competitor"
    pursuit_id: Mapped[str] = fk("pursuits.id", index=False)  # ix_pursuit_competitors_rivals
    competitor_id: Mapped[str] = fk("competitors.id")
    solution: Mapped[str] = mapped_column(Text, default="")
    flaws: Mapped[str] = mapped_column(Text, default="")
    harm: Mapped[str] = mapped_column(Text, default="")
    label: Mapped[str] = mapped_column(Text, default="")
    case_story: Mapped[str] = mapped_column(Text, default="")
    features: Mapped[str] = mapped_column(Text, default="")
    advantages: Mapped[str] = mapped_column(Text, default="")
    benefits: Mapped[str] = mapped_column(Text, default="")
    allies: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[float] = mapped_column(Float, default=0.0)


class Indicator(Synced, Base):
    __tablename__ = "indicators"
    kind = "indicator"
    pursuit_id: Mapped[str] = fk("pursuits.id")
    name: Mapped[str] = mapped_column(Text, default="")
    meaning: Mapped[str] = mapped_column(Text, default="")
    importance: Mapped[int] = mapped_column(Integer, default=3)
    position: Mapped[float] = mapped_column(Float, default=0.0)
    our_score: Mapped[int | None] = mapped_column(Integer)
    class_override: Mapped[str | None] = mapped_column(String(16))
    override_reason: Mapped[str] = mapped_column(Text, default="")
    action_plan: Mapped[str] = mapped_column(Text, default="")


class IndicatorScore(Synced, Base):
    __tablename__ = "indicator_scores"
    kind = "indicator_score"
    indicator_id: Mapped[str] = fk("indicators.id", index=False)  # ix_indicator_scores_best
    competitor_id: Mapped[str] = fk("competitors.id")
    score: Mapped[int | None] = mapped_column(Integer)


class Risk(Synced, Base):
    __tablename__ = "risks"
    kind = "risk"
    pursuit_id: Mapped[str] = fk("pursuits.id")
    description: Mapped[str] = mapped_column(Text, default="")
    impact_person: Mapped[str] = mapped_column(Text, default="")
    impact_political: Mapped[str] = mapped_column(Text, default="")
    impact_organisation: Mapped[str] = mapped_column(Text, default="")
    severity: Mapped[int] = mapped_column(Integer, default=3)  # 1–5; ≥ 4 is "high impact"
    prevention: Mapped[str] = mapped_column(Text, default="")
    remedy: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="open")


class AfterSale(Synced, Base):
    __tablename__ = "after_sale"
    kind = "after_sale"
    pursuit_id: Mapped[str] = fk("pursuits.id")
    period: Mapped[str] = mapped_column(String(16))  # honeymoon / break_in / success / plateau
    expectations: Mapped[str] = mapped_column(Text, default="")
    issues: Mapped[str] = mapped_column(Text, default="")
    actions: Mapped[str] = mapped_column(Text, default="")


class Referral(Synced, Base):
    __tablename__ = "referrals"
    kind = "referral"
    pursuit_id: Mapped[str] = fk("pursuits.id")
    company: Mapped[str] = mapped_column(Text, default="")
    contact: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    converted_pursuit_id: Mapped[str | None] = mapped_column(String(36))


class Collection(Synced, Base):
    """The stage-8 checklist of a pursuit (one per pursuit)."""

    __tablename__ = "collections"
    kind = "collection"
    pursuit_id: Mapped[str] = fk("pursuits.id")
    licence_checked: Mapped[bool] = mapped_column(Boolean, default=False)
    credit_checked: Mapped[bool] = mapped_column(Boolean, default=False)
    contract_theirs: Mapped[bool] = mapped_column(Boolean, default=False)
    contract_reviewed: Mapped[bool] = mapped_column(Boolean, default=False)
    delivery_ok: Mapped[bool] = mapped_column(Boolean, default=False)
    delivery_owner: Mapped[str] = mapped_column(Text, default="")
    acceptance_signed: Mapped[bool] = mapped_column(Boolean, default=False)
    acceptance_due: Mapped[date | None] = mapped_column(Date)
    payment_received: Mapped[bool] = mapped_column(Boolean, default=False)
    dunning_sent: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")


class Instalment(Synced, Base):
    __tablename__ = "instalments"
    kind = "instalment"
    pursuit_id: Mapped[str] = fk("pursuits.id")
    amount: Mapped[int] = mapped_column(Integer, default=0)
    due_on: Mapped[date | None] = mapped_column(Date)
    received_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


class Offer(Synced, Base):
    """Our own offer in a pursuit (one per pursuit): what the method asks once for our solution —
    its features, advantages and benefits (特点、优势、益处), the value we share with the customer
    (价值交集) and the plan to dispel their concerns (打消顾虑的计划). The per-competitor profile
    keeps what we set against each rival; this is the offer itself."""

    __tablename__ = "offers"
    kind = "offer"
    pursuit_id: Mapped[str] = fk("pursuits.id")
    features: Mapped[str] = mapped_column(Text, default="")
    advantages: Mapped[str] = mapped_column(Text, default="")
    benefits: Mapped[str] = mapped_column(Text, default="")
    value_intersection: Mapped[str] = mapped_column(Text, default="")
    concern_plan: Mapped[str] = mapped_column(Text, default="")


class NewNeed(Synced, Base):
    """A new need found in the plateau (平淡期) after acceptance; it can become a new pursuit on
    the same account, which this record then names (`converted_pursuit_id`)."""

    __tablename__ = "new_needs"
    kind = "new_need"
    pursuit_id: Mapped[str] = fk("pursuits.id")
    need: Mapped[str] = mapped_column(Text, default="")
    raised_by: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    converted_pursuit_id: Mapped[str | None] = mapped_column(String(36), index=True)


class Visit(Synced, Base):
    __tablename__ = "visits"
    kind = "visit"
    pursuit_id: Mapped[str] = fk("pursuits.id", index=False)
    # UTC; looked up by ix_visits_agenda, which starts with it (migration 0013)
    starts_at: Mapped[datetime | None] = mapped_column(DateTime)
    duration_minutes: Mapped[int] = mapped_column(Integer, default=60)
    location: Mapped[str] = mapped_column(Text, default="")
    our_people: Mapped[str] = mapped_column(Text, default="")
    objective: Mapped[str] = mapped_column(Text, default="")
    questions: Mapped[str] = mapped_column(Text, default="")
    help_wanted: Mapped[str] = mapped_column(Text, default="")
    materials: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    learned: Mapped[str] = mapped_column(Text, default="")
    next_steps: Mapped[str] = mapped_column(Text, default="")


class VisitAttendee(Synced, Base):
    __tablename__ = "visit_attendees"
    kind = "visit_attendee"
    visit_id: Mapped[str] = fk("visits.id")
    stakeholder_id: Mapped[str] = fk("stakeholders.id")


class Note(Synced, Base):
    """A dated note on a pursuit, an account or a person (add-only in sync).

    At least one of the three is set (services.activities checks it); a note on a person also
    carries the person's pursuit, so a pursuit's timeline and a scoped export find it.
    """

    __tablename__ = "notes"
    kind = "note"
    pursuit_id: Mapped[str | None] = optional_link("pursuits.id", index=False)
    body: Mapped[str] = mapped_column(Text, default="")
    account_id: Mapped[str | None] = optional_link("accounts.id")
    stakeholder_id: Mapped[str | None] = optional_link("stakeholders.id")
    noted_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)  # UTC; the note's date


class Activity(Synced, Base):
    """A call, meeting, email, task or note-to-self the rep plans or logs (services.activities).

    `due_on` is the calendar day the rep chose; `due_at` (UTC) is set only when a time was chosen,
    and then `due_on` is its local day when written. The agenda reads by `due_on` (an index, no
    time-zone arithmetic in SQL) and orders by `due_at` within a day. A visit is not an activity
    row: it is the planned meeting, listed beside activities by the agenda and the timeline.
    """

    __tablename__ = "activities"
    kind = "activity"
    activity_kind: Mapped[str] = mapped_column(String(16), default="task")
    subject: Mapped[str] = mapped_column(Text, default="")
    pursuit_id: Mapped[str | None] = optional_link("pursuits.id", index=False)
    account_id: Mapped[str | None] = optional_link("accounts.id")
    due_on: Mapped[date | None] = mapped_column(Date)
    due_at: Mapped[datetime | None] = mapped_column(DateTime)  # UTC, when a time was chosen
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    done_at: Mapped[datetime | None] = mapped_column(DateTime)  # UTC
    outcome: Mapped[str] = mapped_column(Text, default="")
    # The methodology step it was made from (its id is then deterministic: one per step).
    step_key: Mapped[str | None] = mapped_column(String(64))


class ActivityAttendee(Synced, Base):
    __tablename__ = "activity_attendees"
    kind = "activity_attendee"
    activity_id: Mapped[str] = fk("activities.id")
    stakeholder_id: Mapped[str] = fk("stakeholders.id")


class Document(Synced, Base):
    """A file attached to a pursuit, an account or an item of a pursuit's collection checklist
    (the business licence, the acceptance certificate, the invoice; proposals; 收集资料).

    The row describes the file; the bytes live in the content-addressed store beside the database
    (`storage.file_store`), named by `sha256`. On a checklist item, `pursuit_id` is the pursuit
    and `check_key` the item (`services.collection.CHECKS`). Links as on a note: one is set, and
    the document goes with its pursuit or account (scoped exports, purges).
    """

    __tablename__ = "documents"
    kind = "document"
    pursuit_id: Mapped[str | None] = optional_link("pursuits.id")
    account_id: Mapped[str | None] = optional_link("accounts.id")
    check_key: Mapped[str | None] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(Text, default="")
    size: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    added_at: Mapped[datetime | None] = mapped_column(DateTime)  # UTC


# The agenda: open activities by day (overdue, today, the coming days) without a table scan.
Index("ix_activities_agenda", Activity.alive, Activity.done, Activity.due_on)
# Last touch of a pursuit: its latest done activity.
Index("ix_activities_done", Activity.pursuit_id, Activity.done, Activity.done_at)

Index("ix_pursuits_board", Pursuit.alive, Pursuit.status, Pursuit.stage, Pursuit.board_rank)
# Covers the board's per-stage count of answered coaching points (no table lookups).
Index(
    "ix_answers_pursuit_stage",
    CoachingAnswer.pursuit_id,
    CoachingAnswer.stage,
    CoachingAnswer.done,
    CoachingAnswer.alive,
)
# Each card's next scheduled step and last touch, read for every pursuit at once: a GROUP BY
# pursuit over one covering index each (migration 0009).
Index(
    "ix_activities_pursuit_dates",
    Activity.pursuit_id,
    Activity.alive,
    Activity.done,
    Activity.due_on,
    Activity.done_at,
)
Index("ix_visits_pursuit_start", Visit.pursuit_id, Visit.alive, Visit.starts_at)
Index("ix_notes_pursuit_noted", Note.pursuit_id, Note.alive, Note.noted_at)
Index(
    "ix_stage_changes_pursuit_changed",
    StageChange.pursuit_id,
    StageChange.alive,
    StageChange.changed_at,
)
# Deal health's key people and allies, and the accounts list's totals per account, without
# reading the stakeholders' or pursuits' rows (migration 0009).
Index(
    "ix_stakeholders_map",
    Stakeholder.pursuit_id,
    Stakeholder.alive,
    Stakeholder.relationship,
    Stakeholder.id,
)
Index(
    "ix_stakeholder_roles_held",
    StakeholderRole.stakeholder_id,
    StakeholderRole.alive,
    StakeholderRole.role,
)
Index(
    "ix_pursuits_account_totals",
    Pursuit.account_id,
    Pursuit.alive,
    Pursuit.status,
    Pursuit.stage,
    Pursuit.amount,
    Pursuit.win_rate_override,
    Pursuit.updated_at,
)
# The instalments received per pursuit, read for every card before the board's first paint: the
# live received ones only, their pursuit and amount (migration 0012).
Index(
    "ix_instalments_received",
    Instalment.pursuit_id,
    Instalment.amount,
    sqlite_where=text("alive AND received_on IS NOT NULL"),
)
# Each board column's sums over all its open cards, counted before they are read (migration
# 0012): no pursuit row is read.
Index(
    "ix_pursuits_board_totals",
    Pursuit.alive,
    Pursuit.status,
    Pursuit.stage,
    Pursuit.currency,
    Pursuit.amount,
    Pursuit.win_rate_override,
    Pursuit.id,
)
# The Today screen's visits without an outcome counted per day, before any is read: the start
# first, then every column the count reads (migration 0013), so no visit row is read.
Index("ix_visits_agenda", Visit.starts_at, Visit.alive, Visit.outcome, Visit.pursuit_id)
# The open pursuits' next steps by their due day (the agenda's "下一步" items), counted per day
# and read a slice of days at a time on this index alone: day and account (migration 0016).
# `status` leads, though it is always 'open' here: without planner statistics SQLite prefers an
# equality on `ix_pursuits_status` to a range on the day alone.
Index(
    "ix_pursuits_next_step",
    Pursuit.status,
    Pursuit.next_step_due,
    Pursuit.account_id,
    sqlite_where=text("alive AND NOT purged AND status = 'open' AND next_step_due IS NOT NULL"),
)
# Deal health's criteria that could be fatal, each with its best rival score: a criterion's
# scores, and whether each rival is in the pursuit, read on their indexes alone (migration 0014).
Index(
    "ix_indicator_scores_best",
    IndicatorScore.indicator_id,
    IndicatorScore.alive,
    IndicatorScore.score,
    IndicatorScore.competitor_id,
)
# … among the criteria without a plan only, their filter's columns read before their rows.
Index(
    "ix_indicators_unplanned",
    Indicator.pursuit_id,
    Indicator.importance,
    Indicator.our_score,
    Indicator.class_override,
    Indicator.id,
    sqlite_where=text("alive AND trim(action_plan) = ''"),
)
Index(
    "ix_pursuit_competitors_rivals",
    PursuitCompetitor.pursuit_id,
    PursuitCompetitor.competitor_id,
    PursuitCompetitor.alive,
)

SYNCED_TABLES: tuple[type[Synced], ...] = tuple(
    m.class_ for m in Base.registry.mappers if issubclass(m.class_, Synced)
)
BY_KIND: dict[str, type[Synced]] = {t.kind: t for t in SYNCED_TABLES}
