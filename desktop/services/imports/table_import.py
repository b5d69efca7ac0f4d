"""Bringing a rep's rows in: the preview (what each row would be) and the import (one transaction).

Three kinds of rows (`domain.import_values.KINDS`):

- **accounts** (客户): one row per company;
- **pursuits** (项目): one row per pursuit, its account found by name or made; the row may carry the
  person the rep deals with there (the mixed sheet), who becomes a stakeholder on that pursuit's
  map through the map's own service (`stakeholder_map.add_person`);
- **people** (关键人): onto the map of one pursuit (`pursuit_id`). `_PeopleIndex` finds a
  duplicate card on that map by phone, email or name (filled or skipped under the policy); a new
  card is written by `_write_person` as a membership of a person of the account
  (`tables.Person`): the person the account has already when the phone or email is theirs
  (`_AccountPeople`, a card of them on another map), else a new person, made by this import.
  Without a pursuit, people go onto an account with no card yet (a phone's contacts, a sheet of
  contacts): the one `account_id` given, else the company each row names (found by company key
  or made, as a pursuit row's is); duplicates are that account's people, by phone, email, name.

`preview` reads nothing but the database's current names and keys and marks each row **new**,
**duplicate** (of what, and why: same company name, same phone, same email, repeats row 5) or
**error** (the cell and why: required, amount, date…). It also says what would pass unnoticed
otherwise: the accounts a row makes because no account has its company's name (`new_account`,
listed by `Preview.new_accounts`), with a warning when an account has a close name (南京远科 beside
南京远科证券科技有限公司: `duplicates.CloseAccounts`), and an email that is no email address — a
warning, the row is imported all the same, as the rep typed it (nothing of theirs is dropped; the
card shows it to correct). `run_import` writes the rows under a
duplicate `Policy` in ONE transaction after a backup; a row that fails there, or a Cancel, rolls
the whole import back — nothing is half-imported. Its result carries what it made and what it
overwrote, so `undo_import` / `redo_import` (each one transaction) take it back and bring it again.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain import import_values as iv
from desktop.domain.duplicates import CloseAccounts
from desktop.domain.text import strip_controls
from desktop.services import backup as backups
from desktop.services import pursuits as pursuit_service
from desktop.services import records, stakeholder_map
from desktop.services.changes import ChangeKind, Changes
from desktop.services.errors import InvalidInput, NotFound
from desktop.services.imports.reading import BIG5, ENCODINGS, GB18030, Cancelled, Table
from desktop.services.workspace import Workspace
from desktop.storage import queries, sync_meta
from desktop.storage.tables import (
    PERSON_FIELDS,
    Account,
    Person,
    PrivatePursuit,
    Pursuit,
    StageChange,
    Stakeholder,
    named_id,
    new_id,
    table_cache,
    utcnow,
)

NEW, DUPLICATE, ERROR = "new", "duplicate", "error"

IMPORT_CACHE_KIB = 128 * 1024  # SQLite's page cache while the import writes
FLUSH_EVERY = 1000  # rows between two batches of INSERTs: a Cancel waits for one, well under 1 s
TEXT_LIMIT = 2000  # a cell longer than this is not a name or a phone: refused at the row
NAME_LIMIT = 200


class Policy(StrEnum):
    """What to do with a row that matches a record already there (or an earlier row)."""

    SKIP = "skip"
    UPDATE_EMPTY = "update_empty"  # fill only the fields that are empty now
    UPDATE_ALL = "update_all"  # overwrite with every non-empty cell
    CREATE = "create"  # make a new record anyway


@dataclass(frozen=True, slots=True)
class RowProblem:
    """Why a row cannot be imported: `code` (required, amount, date, date_ambiguous, stage,
    currency, encoding, too_long, same_name, needs_action: a next step's date without its
    action), the field and the cell's text. As a warning (the row is imported): `email` (not
    an email address), `close_account` (`text`: the name of an account close to the new one
    the row makes)."""

    code: str
    field: str = ""
    text: str = ""


@dataclass(frozen=True, slots=True)
class Match:
    """The record a row duplicates: its kind and id, its name, and why (company, phone, email,
    name, title) — `row` > 0 when it is an earlier row of the same file."""

    kind: str
    record_id: str
    label: str
    reason: str
    row: int = 0


@dataclass
class PlannedRow:
    number: int
    status: str
    values: dict[str, Any]
    problems: list[RowProblem] = field(default_factory=list)
    match: Match | None = None
    contact_match: Match | None = None  # a pursuit row's contact already on its map
    new_account: str = ""  # the company this row makes an account of (none has its name)
    warnings: list[RowProblem] = field(default_factory=list)  # imported, but worth a look

    def own_warnings(self) -> list[RowProblem]:
        """The warnings to say of this row alone: the close names of the account it makes are
        said with the list of new accounts (`Preview.new_accounts`)."""
        return [w for w in self.warnings if not (w.code == "close_account" and self.new_account)]


@dataclass
class Preview:
    kind: str
    pursuit_id: str | None
    mapping: dict[int, str]
    rows: list[PlannedRow]
    account_id: str | None = None  # people onto this account (no pursuit): no card made

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)

    def new_accounts(self) -> list[tuple[str, tuple[str, ...]]]:
        """The accounts the import makes for the companies rows name, each once in the order of
        the rows, with the names of existing accounts close to it (an accounts import's rows are
        the accounts themselves and are not listed)."""
        made: dict[str, tuple[str, ...]] = {}
        for row in self.rows:
            if row.new_account and row.status != ERROR:
                close = tuple(w.text for w in row.warnings if w.code == "close_account")
                made.setdefault(row.new_account, close)
        return list(made.items())

    def warned(self) -> int:
        """Rows imported with a warning."""
        return sum(1 for row in self.rows if row.warnings and row.status != ERROR)


@dataclass
class ImportResult:
    """What an import did: records made (kind, id), fields overwritten (kind, id, old, new), rows
    skipped as duplicates and refused as errors, the backup taken, the Changes."""

    created: list[tuple[str, str]]
    updated: list[tuple[str, str, dict[str, Any], dict[str, Any]]]
    created_rows: int
    updated_rows: int
    skipped: int
    errors: int
    backup: Path | None
    seconds: float
    changes: Changes
    dry_run: bool = False


Progress = Callable[[int, int], bool]  # (done, total) → False to cancel


# --- reading the rows ----------------------------------------------------------------------------
def guess_mapping(table: Table, kind: str) -> dict[int, str]:
    return iv.guess_mapping(table.headers, kind)


def may_be_misread(table: Table) -> bool:
    """A CSV read as GB18030 or Big5 (or with a header that did not decode) none of whose
    Chinese (non-ASCII) headers is one known for any kind of row: most likely read in the wrong
    encoding (「め嘿，︽穨」 is 客戶名稱 in Big5 read as GB18030), so
    the person is told to choose another. ASCII headers read the same in every encoding."""
    headers = table.headers
    if table.encoding not in ENCODINGS or all(h.isascii() for h in headers):
        return False
    # Valid UTF-8 (or UTF-16 with its mark) is what it says; a guessed GB18030 or Big5, or a
    # header that did not decode in the encoding chosen, may be the wrong reading.
    if table.encoding not in (GB18030, BIG5) and not any("\ufffd" in h for h in headers):
        return False
    return not any(
        iv.guess_mapping(headers, kind) for kind in (iv.ACCOUNTS, iv.PEOPLE, iv.PURSUITS)
    )


def _stage_names(ws: Workspace) -> dict[str, int]:
    return iv.stage_names(
        (
            s.number,
            (s.key, s.process("zh"), s.process("en"), s.milestone("zh"), s.milestone("en")),
        )
        for s in ws.catalog.stages
    )


def _parse_row(
    cells: Sequence[str],
    mapping: Mapping[int, str],
    units: Mapping[int, int],
    stages: Mapping[str, int],
    count: int,
) -> tuple[dict[str, Any], list[RowProblem]]:
    values: dict[str, Any] = {}
    problems: list[RowProblem] = []
    for index, name in mapping.items():
        text = cells[index].strip() if index < len(cells) else ""
        if not text:
            continue
        parsed: Any
        if name == iv.AMOUNT:
            parsed = iv.parse_amount_cell(text, unit=units.get(index, 1))
        elif name in (iv.EXPECTED_CLOSE, iv.NEXT_STEP_DUE):
            parsed = iv.parse_date_cell(text)
        elif name == iv.STAGE:
            parsed = iv.parse_stage_cell(text, stages, count)
        elif name == iv.CURRENCY:
            parsed = iv.parse_currency_cell(text)
        else:
            limit = NAME_LIMIT if name in (iv.ACCOUNT_NAME, iv.PERSON_NAME) else TEXT_LIMIT
            if len(text) > limit:
                problems.append(RowProblem("too_long", name, text[:40]))
                continue
            parsed = text
        if isinstance(parsed, iv.CellProblem):
            problems.append(RowProblem(parsed.code, name, parsed.text))
        elif parsed is not None:
            values[name] = parsed
    return values, problems


# --- what is there already -----------------------------------------------------------------------
class _AccountIndex:
    """Live accounts by company key (and exact name), extended as the import makes them."""

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        self.by_key: dict[str, tuple[str, str, int]] = {}
        self.names: set[str] = set()
        for account_id, name in pairs:
            self.add(account_id, name, 0)

    def add(self, account_id: str, name: str, row: int, key: str | None = None) -> None:
        key = iv.company_key(name) if key is None else key
        if key and key not in self.by_key:
            self.by_key[key] = (account_id, name, row)
        self.names.add(name.strip())

    def find(self, name: str, key: str | None = None) -> Match | None:
        hit = self.by_key.get(iv.company_key(name) if key is None else key)
        if hit is None:
            return None
        return Match("account", hit[0], hit[1], "company", hit[2])


class _PeopleIndex:
    """The people of one map by phone digits, email and name (the order a match is believed)."""

    def __init__(self, kind: str = "stakeholder") -> None:
        self.kind = kind  # what a match is: a card on a map, or a person of an account
        self.keys: dict[tuple[str, str], tuple[str, str, int]] = {}

    def add(self, person_id: str, name: str, phone: str, email: str, row: int) -> None:
        for reason, key in (
            ("phone", iv.phone_key(phone)),
            ("email", iv.email_key(email)),
            ("name", iv.person_key(name)),
        ):
            if key:
                self.keys.setdefault((reason, key), (person_id, name, row))

    def find(self, name: str, phone: str, email: str) -> Match | None:
        for reason, key in (
            ("phone", iv.phone_key(phone)),
            ("email", iv.email_key(email)),
            ("name", iv.person_key(name)),
        ):
            if key and (hit := self.keys.get((reason, key))) is not None:
                return Match(self.kind, hit[0], hit[1], reason, hit[2])
        return None


class _AccountPeople:
    """The people of one account by phone digits and email: a row of a person the account has
    already, on another pursuit's map, becomes another card of that person (one person, many
    pursuits)."""

    def __init__(self) -> None:
        self.keys: dict[tuple[str, str], str] = {}

    @classmethod
    def load(cls, session: Session, account_id: str) -> _AccountPeople:
        index = cls()
        # No autoflush: the import flushes its rows in batches, and this import's own people
        # are in the index already.
        with session.no_autoflush:
            rows = session.execute(
                select(Person.id, Person.phone, Person.email).where(
                    Person.account_id == account_id, Person.alive
                )
            ).all()
        for person_id, phone, email in rows:
            index.add(person_id, {"phone": phone, "email": email})
        return index

    def add(self, person_id: str, values: Mapping[str, Any]) -> None:
        for reason, key in self._keys(values):
            self.keys.setdefault((reason, key), person_id)

    def find(self, values: Mapping[str, Any]) -> str | None:
        for reason, key in self._keys(values):
            if (hit := self.keys.get((reason, key))) is not None:
                return hit
        return None

    @staticmethod
    def _keys(values: Mapping[str, Any]) -> list[tuple[str, str]]:
        keys = [
            ("phone", iv.phone_key(str(values.get("phone") or ""))),
            ("email", iv.email_key(str(values.get("email") or ""))),
        ]
        return [(reason, key) for reason, key in keys if key]


def _default(name: str) -> Any:
    """A person's field left out of a row: the column's default (None for personality)."""
    default = Person.__table__.columns[name].default
    return getattr(default, "arg", None) if default is not None else None


class _PursuitIndex:
    """Live pursuits by (account, title key)."""

    def __init__(self, rows: Iterable[tuple[str, str, str]]) -> None:
        self.keys: dict[tuple[str, str], tuple[str, str, int]] = {}
        for pursuit_id, account_id, title in rows:
            self.add(pursuit_id, account_id, title, 0)

    def add(self, pursuit_id: str, account_id: str, title: str, row: int) -> None:
        self.keys.setdefault((account_id, iv.person_key(title)), (pursuit_id, title, row))

    def find(self, account_id: str, title: str) -> Match | None:
        hit = self.keys.get((account_id, iv.person_key(title)))
        if hit is None:
            return None
        return Match("pursuit", hit[0], hit[1], "title", hit[2])


def _persons_of(session: Session, account_ids: Iterable[str] | None) -> dict[str, _PeopleIndex]:
    """The live people of the accounts (all when None), by phone, email and name."""
    query = select(Person.account_id, Person.id, Person.name, Person.phone, Person.email).where(
        Person.alive, Person.account_id.is_not(None)
    )
    if account_ids is not None:
        query = query.where(Person.account_id.in_(list(account_ids)))
    persons: dict[str, _PeopleIndex] = {}
    for account_id, person_id, name, phone, email in session.execute(query):
        if account_id is None:
            continue  # not selected; typed as it may be
        persons.setdefault(account_id, _PeopleIndex("person")).add(person_id, name, phone, email, 0)
    return persons


def _people_of(session: Session, pursuit_ids: Iterable[str] | None) -> dict[str, _PeopleIndex]:
    query = select(
        Stakeholder.pursuit_id, Stakeholder.id, Stakeholder.name, Stakeholder.phone,
        Stakeholder.email,
    ).where(Stakeholder.alive)  # fmt: skip
    if pursuit_ids is not None:
        query = query.where(Stakeholder.pursuit_id.in_(list(pursuit_ids)))
    maps: dict[str, _PeopleIndex] = {}
    for pursuit_id, person_id, name, phone, email in session.execute(query):
        maps.setdefault(pursuit_id, _PeopleIndex()).add(person_id, name, phone, email, 0)
    return maps


# --- the preview ---------------------------------------------------------------------------------
def preview(
    ws: Workspace,
    table: Table,
    kind: str,
    mapping: Mapping[int, str],
    *,
    pursuit_id: str | None = None,
    account_id: str | None = None,
    progress: Progress | None = None,
) -> Preview:
    """Each row of `table` read under `mapping` (column → field) and marked new, duplicate or
    error. Reads the database, writes nothing. People go onto `pursuit_id`'s map, else onto
    `account_id`, else onto the company each row names."""
    if kind not in iv.KINDS:
        raise InvalidInput("kind", "unknown_kind", kind)
    if kind != iv.PEOPLE or pursuit_id is not None:
        account_id = None
    allowed = set(iv.FIELDS_OF_KIND[kind])
    required = list(iv.REQUIRED_OF_KIND[kind])
    if kind == iv.PEOPLE:
        if pursuit_id is None and account_id is None:
            required.append(iv.ACCOUNT_NAME)  # each row names the company of its person
        else:
            allowed.discard(iv.ACCOUNT_NAME)
    mapping = {i: f for i, f in mapping.items() if f in allowed and i < table.width}
    missing = [f for f in required if f not in mapping.values()]
    if missing:
        raise InvalidInput(missing[0], "unmapped", f"no column is mapped to {missing[0]}")
    units = {i: iv.amount_unit(table.headers[i]) for i, f in mapping.items() if f == iv.AMOUNT}
    stages = _stage_names(ws)
    count = len(ws.catalog.stages)
    with ws.read() as session:
        state = _State.load(session, kind, pursuit_id, account_id)
    state.close = CloseAccounts.keyed(
        (a, name, key) for key, (a, name, _row) in state.accounts.by_key.items()
    )
    planned: list[PlannedRow] = []
    total = len(table.rows)
    for done, source in enumerate(table.rows, start=1):
        values, problems = _parse_row(source.cells, mapping, units, stages, count)
        if source.problem:
            problems.insert(0, RowProblem(source.problem))
        row = PlannedRow(source.number, NEW, values, problems)
        for name in required:
            if name not in values and not any(p.field == name for p in problems):
                problems.append(RowProblem("required", name))
        due = values.get(iv.NEXT_STEP_DUE)
        if due is not None:
            try:  # the rule of every other way in: a next step's date needs its action
                records.check_next_step(values.get(iv.NEXT_STEP), due, iv.NEXT_STEP_DUE)
            except InvalidInput as exc:
                problems.append(RowProblem(exc.code, iv.NEXT_STEP_DUE, due.isoformat()))
        if not problems:
            state.mark(row, kind)
            email = values.get(iv.EMAIL)
            if email and not iv.looks_like_email(email):
                row.warnings.append(RowProblem("email", iv.EMAIL, email))
        else:
            row.status = ERROR
        planned.append(row)
        if progress is not None and done % 500 == 0 and not progress(done, total):
            raise Cancelled
    return Preview(kind, pursuit_id, dict(mapping), planned, account_id)


@dataclass
class _State:
    """The keys of what is there, grown row by row so a repeated row is seen as a duplicate."""

    accounts: _AccountIndex
    pursuits: _PursuitIndex
    people: dict[str, _PeopleIndex]
    pursuit_id: str | None
    account_id: str | None = None
    # People onto accounts (no pursuit): each account's people by phone, email and name.
    persons: dict[str, _PeopleIndex] = field(default_factory=dict)
    # The accounts there before the import, to say which are close to a new one (the preview's).
    close: CloseAccounts | None = None

    @classmethod
    def load(
        cls, session: Session, kind: str, pursuit_id: str | None, account_id: str | None = None
    ) -> _State:
        accounts = _AccountIndex(
            session.execute(select(Account.id, Account.name).where(Account.alive)).all()
        )
        pursuits = _PursuitIndex(())
        people: dict[str, _PeopleIndex] = {}
        if kind == iv.PURSUITS:
            pursuits = _PursuitIndex(
                session.execute(
                    select(Pursuit.id, Pursuit.account_id, Pursuit.title).where(Pursuit.alive)
                ).all()
            )
            people = _people_of(session, None)
        elif kind == iv.PEOPLE and pursuit_id is not None:
            pursuit = session.get(Pursuit, pursuit_id)
            if pursuit is None or not pursuit.alive:
                raise NotFound(f"pursuit {pursuit_id}")
            people = _people_of(session, [pursuit_id])
        elif kind == iv.PEOPLE:
            if account_id is not None:
                account = session.get(Account, account_id)
                if account is None or not account.alive:
                    raise NotFound(f"account {account_id}")
            persons = _persons_of(session, None if account_id is None else [account_id])
            return cls(accounts, pursuits, people, None, account_id, persons)
        return cls(accounts, pursuits, people, pursuit_id)

    def account_of(self, row: PlannedRow) -> str:
        """The account a person or pursuit row goes onto: the one chosen, else the company it
        names (a placeholder for one the import will make, which the row then says)."""
        if self.account_id is not None:
            return self.account_id
        name = row.values[iv.ACCOUNT_NAME]
        key = iv.company_key(name)  # worked out once: the costly part of a name
        account = self.accounts.find(name, key)
        if account is not None:
            return account.record_id
        self._new_account(row, name, key)
        return f"row:{row.number}"

    def _new_account(self, row: PlannedRow, name: str, key: str) -> None:
        """The row makes an account of `name`: counted as there for later rows, and said, with
        the accounts of close names."""
        self.accounts.add(f"row:{row.number}", name, row.number, key)
        if self.close is not None:
            row.warnings.extend(
                RowProblem("close_account", iv.ACCOUNT_NAME, close)
                for _id, close in self.close.of(name, key)
            )

    def persons_of(self, account_id: str) -> _PeopleIndex:
        return self.persons.setdefault(account_id, _PeopleIndex("person"))

    def mark(self, row: PlannedRow, kind: str) -> None:
        """Set the row's status and match, then count it as there (a later repeat is a dup)."""
        values = row.values
        placeholder = f"row:{row.number}"
        if kind == iv.ACCOUNTS:
            name = values[iv.ACCOUNT_NAME]
            key = iv.company_key(name)
            row.match = self.accounts.find(name, key)
            if row.match is None:
                self._new_account(row, name, key)  # the row is the account: not listed as made
        elif kind == iv.PEOPLE and self.pursuit_id is not None:
            index = self.people.setdefault(self.pursuit_id, _PeopleIndex())
            row.match = self._person(index, values, row.number, placeholder)
        elif kind == iv.PEOPLE:
            account_id = self.account_of(row)
            if account_id == placeholder:
                row.new_account = values[iv.ACCOUNT_NAME]
            index = self.persons_of(account_id)
            row.match = self._person(index, values, row.number, placeholder)
        else:
            account_id = self.account_of(row)
            if account_id == placeholder:
                row.new_account = values[iv.ACCOUNT_NAME]
            title = values.get(iv.PURSUIT_TITLE) or values[iv.ACCOUNT_NAME]
            row.match = self.pursuits.find(account_id, title)
            pursuit_ref = row.match.record_id if row.match else placeholder
            if row.match is None:
                self.pursuits.add(placeholder, account_id, title, row.number)
            if values.get(iv.PERSON_NAME):
                index = self.people.setdefault(pursuit_ref, _PeopleIndex())
                row.contact_match = self._person(index, values, row.number, f"{placeholder}:p")
        row.status = DUPLICATE if row.match is not None else NEW

    @staticmethod
    def _person(
        index: _PeopleIndex, values: Mapping[str, Any], number: int, placeholder: str
    ) -> Match | None:
        name = values.get(iv.PERSON_NAME, "")
        phone, email = values.get(iv.PHONE, ""), values.get(iv.EMAIL, "")
        match = index.find(name, phone, email)
        if match is None:
            index.add(placeholder, name, phone, email, number)
        return match


# --- the import ----------------------------------------------------------------------------------
_ACCOUNT_COLUMNS = {iv.ACCOUNT_NAME: "name", iv.INDUSTRY: "industry", iv.ADDRESS: "address"}
_PERSON_COLUMNS = {
    iv.PERSON_NAME: "name",
    iv.TITLE: "title",
    iv.DEPARTMENT: "department",
    iv.PHONE: "phone",
    iv.EMAIL: "email",
}
_PURSUIT_COLUMNS = {
    iv.AMOUNT: "amount",
    iv.CURRENCY: "currency",
    iv.EXPECTED_CLOSE: "expected_close",
    iv.OWNER: "owner",
    iv.NEXT_STEP: "next_step",
    iv.NEXT_STEP_DUE: "next_step_due",
    iv.NOTES: "notes",
}
# Parents before children: the order the batched new records are written in.
_WRITE_ORDER: tuple[type[Any], ...] = (
    Account,
    Pursuit,
    StageChange,
    PrivatePursuit,
    Person,
    Stakeholder,
)


@table_cache
def _column_keys(table: type[Any]) -> frozenset[str]:
    return frozenset(column.key for column in table.__table__.columns)


# Where a map places people who come without a position: a grid under the people already there.
_GRID_COLUMNS, _GRID_X, _GRID_Y = 6, 228.0, 164.0


def run_import(
    ws: Workspace,
    plan: Preview,
    policy: Policy = Policy.SKIP,
    *,
    backup: bool = True,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Write the rows of `plan` that are new (and the duplicates, as `policy` says) in ONE
    transaction, after a backup. Error rows are left out and counted. A failure or a Cancel
    (`progress` answering False) rolls everything back and raises; nothing is half-imported.
    `dry_run` does all of it and rolls back: the counts of what would happen."""
    started = time.perf_counter()
    backup_path: Path | None = None
    if backup and not dry_run and any(r.status != ERROR for r in plan.rows):
        backup_path = backups.make_backup(ws, "before-table-import").path
    writer: _Writer | None = None
    try:
        # A dry run raises _DryRun inside the transaction, which rolls it back; then it is over.
        with (
            contextlib.suppress(_DryRun),
            ws.write() as session,
            queries.page_cache(session, IMPORT_CACHE_KIB),
        ):
            writer = _Writer(session, ws, plan, policy)
            writer.run(progress)
            if dry_run:
                raise _DryRun
    except BaseException:
        if backup_path is not None:
            backup_path.unlink(missing_ok=True)  # nothing changed: the backup stands for nothing
        raise
    assert writer is not None
    changes = Changes() if dry_run else writer.changes
    return ImportResult(
        writer.created,
        writer.updated,
        writer.created_rows,
        writer.updated_rows,
        writer.skipped,
        plan.count(ERROR),
        backup_path,
        time.perf_counter() - started,
        changes,
        dry_run,
    )


_CREATED, _UPDATED, _SKIPPED = "created", "updated", "skipped"


class _DryRun(Exception):
    """Roll the transaction back on purpose: a dry run."""


class _Writer:
    """The rows written in the caller's transaction. Records are built by the services' own
    constructors and checks (`pursuits.pursuit_records`, `stakeholder_map.new_person` /
    `check_person`) and get their ids when made; the new ones are written `FLUSH_EVERY` rows at
    a time with one Core executemany per table, stamped by `sync_meta.stamped_row` with the
    transaction's dot (what the flush listeners would have written, without the unit of work's
    cost per object): 50,000 rows in seconds. What the flush listeners do to a new record is done
    here: text cleaned of control characters, and a card showing its person's fields
    (`storage.people`). Duplicates filled under the policy go through the ORM and its listeners.
    """

    def __init__(self, session: Session, ws: Workspace, plan: Preview, policy: Policy) -> None:
        self.session = session
        self.ws = ws
        self.plan = plan
        self.policy = policy
        self.state = _State.load(session, plan.kind, plan.pursuit_id, plan.account_id)
        self.created: list[tuple[str, str]] = []
        self.updated: list[tuple[str, str, dict[str, Any], dict[str, Any]]] = []
        self.created_rows = self.updated_rows = self.skipped = 0
        self.touched: set[tuple[ChangeKind, str]] = set()
        self.made_pursuits: dict[str, str] = {}  # pursuit made here → its account
        self.new_accounts: set[str] = set()
        self.placed: dict[str, int] = {}  # pursuit → people placed by this import
        self.bottom: dict[str, float] = {}
        self.ranks: dict[int, float] = {}  # stage → the next board rank there
        self.persons: dict[str, _AccountPeople] = {}  # account → its people by phone / email
        self.with_people: set[str | None] | None = None
        self.pending: dict[type[Any], list[dict[str, Any]]] = {t: [] for t in _WRITE_ORDER}
        self.dot: tuple[str, int, int] | None = None
        # The person fields of people this import made or read, for their new cards; forgotten
        # when a card is filled (the listener then writes the person at the next flush).
        self.person_fields: dict[str, dict[str, Any]] = {}
        self.edited_people = False

    @property
    def changes(self) -> Changes:
        return Changes(frozenset(self.touched))

    def run(self, progress: Progress | None) -> None:
        rows = [r for r in self.plan.rows if r.status != ERROR]
        total = len(rows)
        last = time.monotonic()
        with self.session.no_autoflush:
            for done, row in enumerate(rows, start=1):
                try:
                    outcome = self._row(row)
                except InvalidInput as exc:
                    raise RowFailed(row.number, exc) from exc
                if outcome == _CREATED:
                    self.created_rows += 1
                elif outcome == _UPDATED:
                    self.updated_rows += 1
                else:
                    self.skipped += 1
                if done % FLUSH_EVERY == 0:
                    self._write_pending()
                now = time.monotonic()
                # Asked at least every 0.2 s: a Cancel takes effect well within a second.
                if progress is not None and (now - last > 0.2 or done == total):
                    last = now
                    if not progress(done, total):
                        raise Cancelled
        self._write_pending()
        self.session.flush()

    def _pend(self, record: Any) -> None:
        """A new record to write with the next batch: its column values as the constructor set
        them, cleaned and stamped as a flush would."""
        table = type(record)
        columns = _column_keys(table)
        values: dict[str, Any] = {}
        for key, value in record.__dict__.items():  # what the constructor set
            if key not in columns or value is None:
                continue  # None is left out, as the ORM does: the column's default
            values[key] = strip_controls(value) if isinstance(value, str) else value
        if table is PrivatePursuit:
            self.pending[table].append({"pursuit_id": values["pursuit_id"], "since": utcnow()})
            return
        if self.dot is None:
            self.dot = sync_meta.next_dot(self.session)
        self.pending[table].append(sync_meta.stamped_row(table, values, self.dot))

    def _write_pending(self) -> None:
        """The batched new records into the transaction, parents first."""
        for table, batch in self.pending.items():
            if batch:
                sync_meta.insert_rows(self.session, table, batch)
                batch.clear()

    # each kind
    def _row(self, row: PlannedRow) -> str:
        kind = self.plan.kind
        values = row.values
        if kind == iv.ACCOUNTS:
            match = self.state.accounts.find(values[iv.ACCOUNT_NAME])
            fields = {c: values[f] for f, c in _ACCOUNT_COLUMNS.items() if f in values}
            if iv.NOTES in values:
                fields["notes"] = values[iv.NOTES]
            if match is None or self.policy == Policy.CREATE:
                if match is not None and fields["name"] in self.state.accounts.names:
                    return _SKIPPED  # the same exact name twice would be two 南京新诚港务
                self._new_account(fields, row.number)
                return _CREATED
            return self._apply(Account, match.record_id, fields)
        if kind == iv.PEOPLE and self.plan.pursuit_id is not None:
            return self._person_row(self.plan.pursuit_id, values, row.number, notes=True)
        if kind == iv.PEOPLE:
            return self._account_person_row(values, row.number)
        return self._pursuit_row(row)

    def _account_person_row(self, values: Mapping[str, Any], number: int) -> str:
        """A person onto an account, with no card: a duplicate of the account's people (phone,
        email, name) under the policy, else a new person."""
        account_id = self.plan.account_id
        if account_id is None:
            account = self.state.accounts.find(values[iv.ACCOUNT_NAME])
            if account is None:
                account_id = self._new_account({"name": values[iv.ACCOUNT_NAME]}, number)
            else:
                account_id = account.record_id
        index = self.state.persons_of(account_id)
        fields = {c: values[f] for f, c in _PERSON_COLUMNS.items() if f in values}
        if iv.NOTES in values:
            fields["notes"] = values[iv.NOTES]
        match = index.find(fields.get("name", ""), fields.get("phone", ""), fields.get("email", ""))
        if match is None or self.policy == Policy.CREATE:
            records.validate("person", fields)
            person_id = self._new_person(account_id, fields)
            index.add(
                person_id, fields["name"], fields.get("phone", ""), fields.get("email", ""), number
            )
            return _CREATED
        return self._apply(Person, match.record_id, fields, validate_kind="person")

    def _new_person(self, account_id: str, values: Mapping[str, Any]) -> str:
        """A person of the account (listed as made, so Undo buries them too)."""
        person_id = new_id()
        person = Person(
            id=person_id,
            account_id=account_id,
            **{name: values.get(name, _default(name)) for name in PERSON_FIELDS},
        )
        self._pend(person)
        self.person_fields[person_id] = {n: getattr(person, n) for n in PERSON_FIELDS}
        self.created.append(("person", person_id))
        self.touched.add((ChangeKind.PERSON, person_id))
        return person_id

    def _pursuit_row(self, row: PlannedRow) -> str:
        values = row.values
        name = values[iv.ACCOUNT_NAME]
        account = self.state.accounts.find(name)
        if account is None:
            account_id = self._new_account({"name": name}, row.number)
        else:
            account_id = account.record_id
        title = values.get(iv.PURSUIT_TITLE) or name
        fields = {c: values[f] for f, c in _PURSUIT_COLUMNS.items() if f in values}
        fields["title"] = title
        match = self.state.pursuits.find(account_id, title)
        if match is None or self.policy == Policy.CREATE:
            draft = pursuit_service.PursuitDraft(
                title=title,
                account_id=account_id,
                amount=fields.get("amount", 0),
                currency=fields.get("currency", "CNY"),
                expected_close=fields.get("expected_close"),
                stage=values.get(iv.STAGE, 1),
                next_step=fields.get("next_step", ""),
                next_step_due=fields.get("next_step_due"),
                owner=fields.get("owner", ""),
                notes=fields.get("notes", ""),
            )
            pursuit, first_stage = pursuit_service.pursuit_records(
                pursuit_service.draft_values(draft), account_id, self._rank(draft.stage)
            )
            self._pend(pursuit)
            self._pend(first_stage)
            pursuit_id = pursuit.id
            if not self.ws.policy.share_new:  # the rep keeps new pursuits private
                self._pend(PrivatePursuit(pursuit_id=pursuit_id))
            self.made_pursuits[pursuit_id] = account_id
            self.created.append(("pursuit", pursuit_id))
            self.touched.add((ChangeKind.PURSUIT, pursuit_id))
            self.state.pursuits.add(pursuit_id, account_id, title, row.number)
            outcome = _CREATED
        else:
            pursuit_id = match.record_id
            # The stage is not overwritten: a move through the funnel is a gesture with its gate
            # and its history, not a cell of a sheet.
            outcome = self._apply(Pursuit, pursuit_id, fields, validate_kind="pursuit", key="title")
        if values.get(iv.PERSON_NAME):
            contact = self._person_row(pursuit_id, values, row.number, notes=False)
            if outcome == _SKIPPED and contact != _SKIPPED:
                outcome = _UPDATED  # the pursuit was there; its map gained or changed a person
        return outcome

    def _rank(self, stage: int) -> float:
        if stage not in self.ranks:
            self.ranks[stage] = pursuit_service.next_rank(self.session, stage)
        rank = self.ranks[stage]
        self.ranks[stage] = rank + 1.0
        return rank

    def _person_row(
        self, pursuit_id: str, values: Mapping[str, Any], number: int, *, notes: bool
    ) -> str:
        index = self.state.people.get(pursuit_id)
        if index is None:
            if pursuit_id in self.made_pursuits:
                index = _PeopleIndex()  # a pursuit made by this import has nobody yet
            else:
                index = _people_of(self.session, [pursuit_id]).get(pursuit_id, _PeopleIndex())
            self.state.people[pursuit_id] = index
        fields = {c: values[f] for f, c in _PERSON_COLUMNS.items() if f in values}
        if notes and iv.NOTES in values:
            fields["notes"] = values[iv.NOTES]
        match = index.find(fields.get("name", ""), fields.get("phone", ""), fields.get("email", ""))
        if match is None or self.policy == Policy.CREATE:
            person_id = self._write_person(pursuit_id, fields)
            index.add(
                person_id, fields["name"], fields.get("phone", ""), fields.get("email", ""), number
            )
            return _CREATED
        return self._apply(Stakeholder, match.record_id, fields, validate_kind="stakeholder")

    # writing
    def _new_account(self, fields: dict[str, Any], number: int) -> str:
        records.validate("account", fields)
        # Named as every machine names it, unless this import made that name already (a
        # duplicate row written as a new account on purpose): the batch is not in the table yet.
        account_id = named_id(self.session, Account, "account", fields["name"])
        if account_id in self.new_accounts:
            account_id = new_id()
        self.new_accounts.add(account_id)
        account = Account(id=account_id, **fields)
        self._pend(account)
        self.created.append(("account", account.id))
        self.touched.add((ChangeKind.ACCOUNT, account.id))
        self.state.accounts.add(account.id, fields["name"], number)
        return account.id

    def _write_person(self, pursuit_id: str, fields: dict[str, Any]) -> str:
        """A person onto the pursuit's map, placed on a grid under the people already there."""
        account_id = self.made_pursuits.get(pursuit_id)
        if account_id is None:  # a pursuit that was there: its account and lowest person
            pursuit = self.session.get(Pursuit, pursuit_id)
            if pursuit is None or not pursuit.alive:
                raise NotFound(f"pursuit {pursuit_id}")
            account_id = pursuit.account_id
            self.made_pursuits[pursuit_id] = account_id
            lowest = self.session.scalars(
                select(Stakeholder.y)
                .where(Stakeholder.pursuit_id == pursuit_id, Stakeholder.alive)
                .order_by(Stakeholder.y.desc())
                .limit(1)
            ).first()
            self.bottom[pursuit_id] = -_GRID_Y if lowest is None else float(lowest)
        placed = self.placed.get(pursuit_id, 0)
        self.placed[pursuit_id] = placed + 1
        bottom = self.bottom.get(pursuit_id, -_GRID_Y)
        values = stakeholder_map.check_person(
            fields
            | {
                "x": (placed % _GRID_COLUMNS) * _GRID_X,
                "y": bottom + _GRID_Y * (1 + placed // _GRID_COLUMNS),
            }
        )
        people = self.persons.get(account_id)
        if people is None:
            if self.with_people is None:  # accounts that have people (one query per import)
                with self.session.no_autoflush:
                    self.with_people = set(
                        self.session.scalars(select(Person.account_id).distinct())
                    )
            people = self.persons[account_id] = (
                _AccountPeople.load(self.session, account_id)
                if account_id in self.with_people
                else _AccountPeople()
            )
        person_id = people.find(values)
        if person_id is None:
            # A person of the account first, then their card on this map.
            person_id = self._new_person(account_id, values)
            people.add(person_id, values)
        else:
            # Someone the account has already (same phone or email, on another map): the card
            # shows the person as they are; the row's other values are not written over them.
            values = {k: v for k, v in values.items() if k not in PERSON_FIELDS}
        card = stakeholder_map.new_person(pursuit_id, account_id, values)
        card.person_id = person_id
        # The card shows the person as they are (`storage.people`, for a new card of a person).
        for name, value in self._fields_of(person_id).items():
            setattr(card, name, value)
        self._pend(card)
        self.created.append(("stakeholder", card.id))
        self.touched.update(
            ((ChangeKind.STAKEHOLDER, card.id), (ChangeKind.PURSUIT_PART, pursuit_id))
        )
        return card.id

    def _fields_of(self, person_id: str) -> dict[str, Any]:
        """A person's fields as their new card copies them: as made here, else as stored (after
        the edits of this import are flushed, which write to the person)."""
        fields = self.person_fields.get(person_id)
        if fields is None:
            self._write_pending()
            if self.edited_people:
                self.session.flush()
                self.edited_people = False
            row = self.session.execute(
                select(*(getattr(Person, n) for n in PERSON_FIELDS)).where(Person.id == person_id)
            ).one()
            fields = self.person_fields[person_id] = dict(zip(PERSON_FIELDS, row, strict=True))
        return fields

    def _apply(
        self,
        table: Any,
        record_id: str,
        fields: Mapping[str, Any],
        validate_kind: str = "",
        key: str = "name",
    ) -> str:
        """A duplicate under the policy: skipped, or its empty fields (or all) filled. `key`,
        the field it was matched on (written otherwise, 恒通 for 恒通电子), stays as it is."""
        if self.policy == Policy.SKIP:
            return _SKIPPED
        self._write_pending()  # the record may be one this import made
        record = self.session.get(table, record_id)
        if record is None:
            return _SKIPPED
        old: dict[str, Any] = {}
        new: dict[str, Any] = {}
        for name, value in fields.items():
            if name == key or value in (None, ""):
                continue  # an empty cell never blanks a field
            current = getattr(record, name)
            if self.policy == Policy.UPDATE_EMPTY and current not in (None, "", 0):
                continue
            if current != value:
                old[name], new[name] = current, value
        if not new:
            return _SKIPPED
        if validate_kind:
            records.validate(validate_kind, new)
        for name, value in new.items():
            setattr(record, name, value)
        if table is Stakeholder:
            # The flush writes the person and their other cards (`storage.people`): new cards
            # made after this read the person again.
            self.person_fields.clear()
            self.edited_people = True
        self.updated.append((table.kind, record_id, old, new))
        self.touched.update(records.changes_for(record).touched)
        return _UPDATED


class RowFailed(InvalidInput):
    """A row the rules refused while importing (the whole import was rolled back)."""

    def __init__(self, number: int, cause: InvalidInput) -> None:
        super().__init__(cause.field, cause.code, f"row {number}: {cause}")
        self.row = number


# --- undo ----------------------------------------------------------------------------------------
def undo_import(ws: Workspace, result: ImportResult) -> Changes:
    """Take an import back in one transaction: what it made buried, what it overwrote restored."""
    return _set(ws, result, undo=True)


def redo_import(ws: Workspace, result: ImportResult) -> Changes:
    """Bring an undone import back (the same records, the same new values)."""
    return _set(ws, result, undo=False)


def _set(ws: Workspace, result: ImportResult, *, undo: bool) -> Changes:
    changes = Changes()
    with ws.write() as session:
        # Children before parents when burying (people, pursuits, then accounts), the reverse
        # when bringing back.
        order = result.created[::-1] if undo else result.created
        for kind, record_id in order:
            record = session.get(records.table_of(kind), record_id)
            if record is None or record.purged:
                continue
            record.alive = not undo
            record.deleted_at = utcnow() if undo else None
            changes = changes | records.changes_for(record)
        for kind, record_id, old, new in result.updated:
            record = session.get(records.table_of(kind), record_id)
            if record is None or not record.alive:
                continue
            for name, value in (old if undo else new).items():
                setattr(record, name, value)
            changes = changes | records.changes_for(record)
    return changes
