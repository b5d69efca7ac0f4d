"""Account (客户) use-cases: the list, an account's page, create / edit / delete, and merging two
duplicate accounts (undoable: `unmerge_accounts` puts everything back exactly)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.services import records
from desktop.services.changes import ChangeKind, Changes
from desktop.services.errors import InvalidInput, NotFound
from desktop.services.queries.board import bulk_objects
from desktop.services.queries.pursuit_list import PursuitRow, list_pursuits
from desktop.services.workspace import Workspace
from desktop.storage import queries
from desktop.storage.tables import (
    Account,
    Person,
    Pursuit,
    Stakeholder,
    Visit,
    named_id,
    utcnow,
)

ACCOUNT_FIELDS = ("name", "industry", "address", "notes")


@dataclass(frozen=True, slots=True)
class AccountRow:
    id: str
    name: str
    industry: str
    pursuits: int


def list_accounts(ws: Workspace) -> list[AccountRow]:
    counts = (
        select(Pursuit.account_id, func.count().label("n"))
        .where(Pursuit.alive)
        .group_by(Pursuit.account_id)
        .subquery()
    )
    query = (
        select(Account.id, Account.name, Account.industry, counts.c.n)
        .outerjoin(counts, counts.c.account_id == Account.id)
        .where(Account.alive)
        .order_by(Account.name)
    )
    with ws.read() as session:
        return [AccountRow(r[0], r[1], r[2], r[3] or 0) for r in session.execute(query)]


# --- the accounts list -------------------------------------------------------------------------
@dataclass(slots=True)
class AccountSummary:
    """One account as the Accounts list shows it (plain data)."""

    id: str
    name: str
    industry: str
    address: str
    open_pursuits: int
    won_pursuits: int
    pursuits: int  # all live pursuits, open and closed
    open_amount: int  # minor units, open pursuits (currencies added as they are)
    weighted: int  # minor units, open pursuits at the board's win rates
    won_amount: int
    people: int
    last_change: datetime | None = None  # UTC: the account's or one of its pursuits' last change
    # False on a row read for the Accounts screen's first paint (`account_summaries(...,
    # totals=False)`): no pursuit counts or amounts yet (all 0) and `last_change` the account's
    # own; the screen reads the whole summaries right after the paint.
    totals: bool = True


def account_summaries(
    ws: Workspace, ids: list[str] | None = None, *, people: bool = True, totals: bool = True
) -> list[AccountSummary]:
    """Every live account (or those of `ids`) with its pipeline totals, by name.

    `people=False` leaves the people counts at 0 and saves a scan of every stakeholder (the
    accounts list does not show them; an account's page does). `totals=False` (every account,
    no people) reads the accounts alone, their totals left at 0 (`AccountSummary.totals` False):
    summing 50,000 pursuits and the money received on them was over half of the read, and the
    Accounts screen paints its names first and fills the totals in after.
    """
    if ids is not None and not ids:
        return []
    if not totals:
        if ids is not None or people:
            raise ValueError("a summary without totals is of every account, without people")
        return _bare_summaries(ws)
    stage_rates = {s.number: ws.win_rate(s.number) for s in ws.catalog.stages}
    # The collector paused while 16,666 summaries (and their row tuples) are made: otherwise a
    # full collection over every live object of the app ran on one opening in two (80–120 ms).
    with ws.read() as session, bulk_objects():
        if ids is None:
            with queries.page_cache(session, _READ_CACHE_KIB):
                summaries = _all_summaries(session, stage_rates)
        else:
            summaries = [
                _summary(row[0], row[1], row[2], row[3], row[4], row[5:])
                for row in queries.account_summary_rows(session, stage_rates, ids)
            ]
        if people:
            by_id = {s.id: s for s in summaries}
            for account_id, number in queries.people_per_account(session, ids):
                if account_id in by_id:
                    by_id[account_id].people = number
    return sorted(summaries, key=lambda s: s.name)


def _summary(
    account_id: str, name: str, industry: str, address: str, changed: str, totals: Sequence[Any]
) -> AccountSummary:
    """One account's summary from its row and its totals (pursuits, open, won, open amount,
    weighted, won amount, last pursuit update)."""
    count, open_count, won_count, open_amount, weighted, won_amount, updated = totals
    # Both times are SQLAlchemy DateTime text (one fixed width, microseconds always), so the
    # later is the greater string: one parse per account, not two.
    if updated is not None and updated > changed:
        changed = updated
    return AccountSummary(
        account_id,
        name,
        industry,
        address,
        open_count,
        won_count,
        count,
        open_amount,
        weighted,
        won_amount,
        0,
        datetime.fromisoformat(changed),
    )


_NO_TOTALS = (None, 0, 0, 0, 0, 0, 0, None)
# SQLite's page cache while every account is summed: the money received is matched to its
# pursuits by id, in random order over the whole pursuits table (11,000 lookups at 50,000
# pursuits), and with the default 2 MB most of those pages were read from the OS again.
_READ_CACHE_KIB = 32 * 1024


def _all_summaries(session: Session, stage_rates: Mapping[int, int]) -> list[AccountSummary]:
    """Every live account's summary: the accounts, their pursuits' totals and the corrections
    for money received, read apart and merged here (cheaper than one joined statement).

    `_summary` inlined, names bound locally: this runs once per account (16,666 at 50,000
    pursuits) before the Accounts screen paints."""
    accounts, totals, corrections = queries.all_account_summary_parts(session, stage_rates)
    parse, totals_of, correction = datetime.fromisoformat, totals.get, corrections.get
    summaries: list[AccountSummary] = []
    append = summaries.append
    for account_id, name, industry, address, changed in accounts:
        _id, count, open_count, won_count, open_amount, weighted, won_amount, updated = totals_of(
            account_id, _NO_TOTALS
        )
        if updated is not None and updated > changed:  # as in `_summary`
            changed = updated
        append(
            AccountSummary(
                account_id,
                name,
                industry,
                address,
                open_count,
                won_count,
                count,
                open_amount,
                weighted + correction(account_id, 0),
                won_amount,
                0,
                parse(changed),
            )
        )
    return summaries


def _bare_summaries(ws: Workspace) -> list[AccountSummary]:
    """Every live account with no totals yet, by name (see `account_summaries`)."""
    parse = datetime.fromisoformat
    with ws.read() as session, bulk_objects():
        summaries = [
            AccountSummary(
                account_id, name, industry, address, 0, 0, 0, 0, 0, 0, 0, parse(changed), False
            )
            for account_id, name, industry, address, changed in queries.live_accounts(session)
        ]
    return sorted(summaries, key=lambda s: s.name)


# --- an account's page -------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Membership:
    """A person's card on one pursuit's map, with their buying roles there."""

    card_id: str
    pursuit_id: str
    pursuit_title: str
    roles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PersonRow:
    """One person of the account, once however many pursuits they are on."""

    id: str  # the person (a card recorded before people were is its own person)
    name: str
    title: str
    department: str
    phone: str
    email: str
    relationship: str
    personality: str | None
    pursuits: tuple[Membership, ...]  # by pursuit title; none for a person on no map yet

    @property
    def pursuit_id(self) -> str | None:
        """The pursuit whose map the row opens (the first; None when on no map)."""
        return self.pursuits[0].pursuit_id if self.pursuits else None

    @property
    def roles(self) -> tuple[str, ...]:
        """Every buying role the person holds on any map, each once."""
        return tuple(dict.fromkeys(role for m in self.pursuits for role in m.roles))


@dataclass(frozen=True, slots=True)
class VisitRow:
    id: str
    pursuit_id: str
    pursuit_title: str
    starts_at: datetime | None  # UTC
    location: str
    objective: str
    outcome: str


@dataclass
class AccountPage:
    """Everything the account page shows: the account, its pursuits, its people, its visits."""

    id: str
    fields: dict[str, Any]
    pursuits: list[PursuitRow] = field(default_factory=list)
    people: list[PersonRow] = field(default_factory=list)
    visits: list[VisitRow] = field(default_factory=list)

    @property
    def name(self) -> str:
        return str(self.fields["name"])


def account_page(ws: Workspace, account_id: str) -> AccountPage:
    """The account with its live pursuits (open and closed), people and visits (newest first).

    People are the stakeholders of the account's pursuits, and any recorded on the account itself.
    """
    with ws.read() as session:
        account = session.get(Account, account_id)
        if account is None or not account.alive:
            raise NotFound(f"account {account_id}")
        page = AccountPage(account.id, records.as_dict(account))
        role_order = {key: n for n, key in enumerate(ws.catalog.vocab("buying_roles").keys())}
        page.people = _people(queries.account_people(session, account_id), role_order)
        moment = datetime.fromisoformat
        page.visits = [
            VisitRow(vid, pid, title, moment(starts) if starts else None, *rest)
            for vid, pid, title, starts, *rest in queries.account_visits(session, account_id)
        ]
        pursuit_ids = queries.account_pursuit_ids(session, account_id)
    # By their ids, not by the account: the list's reads by ids look up only these pursuits'
    # instalments, by the account every received instalment of the database.
    page.pursuits = list_pursuits(ws, ids=pursuit_ids)
    page.pursuits.sort(key=lambda r: (r.status != "open", -r.stage, r.title))
    return page


def _people(rows: Iterable[queries.Row], order: Mapping[str, int]) -> list[PersonRow]:
    """One row per person from one row per card (by name, then person)."""
    people: list[PersonRow] = []
    cards: dict[str, list[Membership]] = {}
    for person_id, card_id, pursuit_id, pursuit_title, *fields, roles in rows:
        if person_id not in cards:
            cards[person_id] = []
            name, title, department, phone, email, relationship, personality = fields
            people.append(
                PersonRow(
                    person_id, name, title, department, phone, email, relationship, personality, ()
                )
            )
        if card_id is None:
            continue  # a person on no map yet: no pursuits
        # A role the catalog no longer lists (from an older file) goes last instead of failing.
        ranked = sorted((roles or "").split(), key=lambda role: order.get(role, len(order)))
        cards[person_id].append(Membership(card_id, pursuit_id, pursuit_title, tuple(ranked)))
    return [replace(person, pursuits=tuple(cards[person.id])) for person in people]


# --- create, edit, delete ----------------------------------------------------------------------
def _clean(values: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(values) - set(ACCOUNT_FIELDS)
    if unknown:
        raise InvalidInput(sorted(unknown)[0], "unknown_field", "not an account field")
    cleaned = {k: (v or "").strip() for k, v in values.items()}
    records.validate("account", cleaned)
    return cleaned


def create_account(ws: Workspace, values: Mapping[str, Any]) -> tuple[str, Changes]:
    """A new account; refused when its name is empty or already used by another account."""
    cleaned = _clean(values)
    if "name" not in cleaned:
        raise InvalidInput("name", "required", "an account needs a name")
    with ws.write() as session:
        _refuse_duplicate(session, cleaned["name"], None)
        account = Account(id=named_id(session, Account, "account", cleaned["name"]), **cleaned)
        session.add(account)
        session.flush()
        return account.id, Changes.of(ChangeKind.ACCOUNT, account.id)


def update_account(ws: Workspace, account_id: str, values: Mapping[str, Any]) -> Changes:
    """Edit an account's fields (a name taken by another account is refused)."""
    cleaned = _clean(values)
    with ws.write() as session:
        account = _live(session, account_id)
        if "name" in cleaned:
            _refuse_duplicate(session, cleaned["name"], account_id)
        changed = False
        for name, value in cleaned.items():
            if getattr(account, name) != value:
                setattr(account, name, value)
                changed = True
        return _account_changes(session, account_id) if changed else Changes()


def delete_account(ws: Workspace, account_id: str) -> Changes:
    """Delete an account that has no live pursuits (`records.restore` brings it back)."""
    with ws.read() as session:
        _live(session, account_id)
        if session.scalar(
            select(func.count()).where(Pursuit.account_id == account_id, Pursuit.alive)
        ):
            raise InvalidInput(
                "account", "has_pursuits", "move or delete its pursuits first, or merge it"
            )
    return records.delete(ws, "account", account_id)


def _refuse_duplicate(session: Session, name: str, own_id: str | None) -> None:
    other = session.scalars(
        select(Account.id).where(Account.alive, Account.name == name, Account.id != (own_id or ""))
    ).first()
    if other is not None:
        raise InvalidInput("name", "duplicate", "another account has this name")


def _live(session: Session, account_id: str) -> Account:
    account = session.get(Account, account_id)
    if account is None or not account.alive:
        raise NotFound(f"account {account_id}")
    return account


def _account_changes(session: Session, account_id: str) -> Changes:
    """The account and its pursuits (their rows show the account's name)."""
    pursuit_ids = session.scalars(
        select(Pursuit.id).where(Pursuit.account_id == account_id, Pursuit.alive)
    ).all()
    return Changes.of(ChangeKind.ACCOUNT, account_id) | Changes.of(ChangeKind.PURSUIT, *pursuit_ids)


# --- merge -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Merge:
    """What a merge did, so that `unmerge_accounts` can put it back exactly."""

    keep_id: str
    merged_id: str
    pursuit_ids: tuple[str, ...]  # moved from the merged account to the kept one
    stakeholder_ids: tuple[str, ...]  # people recorded on the merged account
    kept_before: Mapping[str, str]  # the kept account's fields the merge filled in
    kept_after: Mapping[str, str]
    person_ids: tuple[str, ...] = ()  # the merged account's people (records of the account)


def merge_preview(ws: Workspace, keep_id: str, merged_id: str) -> dict[str, int]:
    """How much a merge would move: {"pursuits": n, "people": n, "visits": n}."""
    with ws.read() as session:
        _live(session, keep_id)
        _live(session, merged_id)
        pursuits = select(Pursuit.id).where(Pursuit.account_id == merged_id, Pursuit.alive)
        return {
            "pursuits": session.scalar(select(func.count()).select_from(pursuits.subquery())) or 0,
            "people": queries.account_people_count(session, merged_id),
            "visits": session.scalar(
                select(func.count())
                .select_from(Visit)
                .where(Visit.alive, Visit.pursuit_id.in_(pursuits))
            )
            or 0,
        }


def merge_accounts(ws: Workspace, keep_id: str, merged_id: str) -> tuple[Merge, Changes]:
    """Merge the duplicate `merged_id` into `keep_id` in one transaction.

    Its pursuits (with their people, visits and everything else) and the people recorded on it
    move to the kept account; the kept account's empty fields are filled from it and its notes
    appended; the duplicate is deleted (a tombstone, so the merge syncs).
    """
    with ws.write() as session:
        return fold_account(session, keep_id, merged_id)


def fold_account(session: Session, keep_id: str, merged_id: str) -> tuple[Merge, Changes]:
    """`merge_accounts` inside the caller's transaction (the Duplicates dialog folds groups)."""
    if keep_id == merged_id:
        raise InvalidInput("account", "same", "choose two different accounts")
    keep = _live(session, keep_id)
    merged = _live(session, merged_id)
    pursuits = session.scalars(
        select(Pursuit).where(Pursuit.account_id == merged_id, Pursuit.alive)
    ).all()
    people = session.scalars(select(Stakeholder).where(Stakeholder.account_id == merged_id)).all()
    persons = session.scalars(select(Person).where(Person.account_id == merged_id)).all()
    for pursuit in pursuits:
        pursuit.account_id = keep_id
    for card in people:
        card.account_id = keep_id
    for person in persons:
        person.account_id = keep_id
    before: dict[str, str] = {}
    after: dict[str, str] = {}
    for name in ("industry", "address", "notes"):
        mine, theirs = getattr(keep, name), getattr(merged, name)
        if not theirs.strip() or theirs.strip() == mine.strip():
            continue
        if not mine.strip():
            value = theirs
        elif name == "notes":
            value = f"{mine.rstrip()}\n\n{theirs.strip()}"
        else:
            continue
        before[name], after[name] = mine, value
        setattr(keep, name, value)
    merged.alive = False
    merged.deleted_at = utcnow()
    merge = Merge(
        keep_id,
        merged_id,
        tuple(p.id for p in pursuits),
        tuple(p.id for p in people),
        before,
        after,
        tuple(p.id for p in persons),
    )
    return merge, _merge_changes(merge)


def _merge_changes(merge: Merge) -> Changes:
    return (
        Changes.of(ChangeKind.ACCOUNT, merge.keep_id, merge.merged_id)
        | Changes.of(ChangeKind.PURSUIT, *merge.pursuit_ids)
        | Changes.of(ChangeKind.STAKEHOLDER, *merge.stakeholder_ids)
        | Changes.of(ChangeKind.PERSON, *merge.person_ids)
    )


def unmerge_accounts(ws: Workspace, merge: Merge) -> Changes:
    """Undo a merge: the duplicate comes back with its pursuits and people, and the kept
    account's fields are as they were."""
    with ws.write() as session:
        return unfold_account(session, merge)


def unfold_account(session: Session, merge: Merge) -> Changes:
    """`unmerge_accounts` inside the caller's transaction."""
    keep = _live(session, merge.keep_id)
    merged = session.get(Account, merge.merged_id)
    if merged is None:
        raise NotFound(f"account {merge.merged_id}")
    merged.alive = True
    merged.deleted_at = None
    session.flush()
    for pursuit_id in merge.pursuit_ids:
        pursuit = session.get(Pursuit, pursuit_id)
        if pursuit is not None and pursuit.account_id == merge.keep_id:
            pursuit.account_id = merge.merged_id
    for card_id in merge.stakeholder_ids:
        card = session.get(Stakeholder, card_id)
        if card is not None and card.account_id == merge.keep_id:
            card.account_id = merge.merged_id
    for person_id in merge.person_ids:
        person = session.get(Person, person_id)
        if person is not None and person.account_id == merge.keep_id:
            person.account_id = merge.merged_id
    for name, value in merge.kept_before.items():
        if getattr(keep, name) == merge.kept_after.get(name):
            setattr(keep, name, value)
    return _merge_changes(merge)


def redo_merge(ws: Workspace, merge: Merge) -> tuple[Merge, Changes]:
    """Merge again after an undo (the same two accounts; what moves is read afresh)."""
    return merge_accounts(ws, merge.keep_id, merge.merged_id)


def similar_accounts(ws: Workspace, account_id: str, limit: int = 5) -> list[tuple[str, str]]:
    """Other accounts that may be the same customer: (id, name), by the name's core.

    The core drops the city at the front and the legal form at the end (有限公司 …), so
    "苏州恒通电子有限公司" and "恒通电子" are suggested as one another's duplicates: another
    account whose name holds this one's core, or whose whole name is part of this one's.
    """
    with ws.read() as session:
        own = _live(session, account_id)
        core = name_core(own.name)
        if len(core) < 2:
            return []
        rows = session.execute(
            select(Account.id, Account.name)
            .where(
                Account.alive,
                Account.id != account_id,
                Account.name.contains(core, autoescape=True)
                | ((func.length(Account.name) >= 2) & (func.instr(own.name, Account.name) > 0)),
            )
            .order_by(Account.name)
            .limit(limit)
        ).all()
    return [(i, n) for i, n in rows]


_LEGAL_FORMS = (
    "股份有限公司",
    "集团有限公司",
    "科技有限公司",
    "有限责任公司",
    "有限公司",
    "集团",
    "公司",
    "Co., Ltd.",
    "Co. Ltd.",
    "Ltd.",
    "Ltd",
    "Inc.",
    "Inc",
    "GmbH",
    "LLC",
)
_CITIES = (
    "北京",
    "上海",
    "天津",
    "重庆",
    "深圳",
    "广州",
    "杭州",
    "南京",
    "苏州",
    "成都",
    "武汉",
    "西安",
    "青岛",
)


def name_core(name: str) -> str:
    """An account name without its city prefix and legal form: what duplicates share."""
    core = name.strip()
    for form in _LEGAL_FORMS:
        if core.endswith(form):
            core = core[: -len(form)].strip(" ,")
            break
    for city in _CITIES:
        if core.startswith(city) and len(core) > len(city) + 1:
            core = core[len(city) :]
            if core.startswith("市"):
                core = core[1:]
            break
    return core
