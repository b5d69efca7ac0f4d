"""The Pursuits list's read model: every pursuit, open and closed, as plain rows; and its export.

The list holds all 50,000 pursuits of a big book at once (sorting and filtering happen in memory,
so every click is instant), so the rows are read through `storage.queries` in driver-level
queries with the garbage collector paused, like `queries.board.board_cards`; the screen paints
from a lean read (`details=False`: no tags, no last touch) and fills those in from
`list_details` after the paint, as the board does. The win rate follows the same rule as the
board (the company's rate for the stage, a pursuit's override, 100 % won, 0 % lost). Bulk
tagging is `services.pursuits.tag_pursuits`.

Export writes what the screen shows (the rows after filter and sort, the visible columns in their
order) to .xlsx or to CSV in UTF-8 with a byte-order mark, so that Excel opens Chinese right. Files
are written beside the target and moved into place, so a failed export never leaves half a file.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.domain import status as status_rules
from desktop.services.queries.board import bulk_objects, last_touch, last_touches
from desktop.services.reports import spreadsheet
from desktop.services.workspace import Workspace
from desktop.storage import queries
from desktop.storage.tables import PrivatePursuit

_ID_CHUNK = 500


@dataclass(slots=True)
class PursuitRow:
    """One pursuit as the list shows it (plain data; read-only by convention)."""

    id: str
    account_id: str
    account: str
    title: str
    stage: int
    status: str  # open / won / lost / abandoned
    amount: int  # minor units
    currency: str
    win_rate: int  # percent, as the board counts it
    weighted: int  # minor units
    expected_close: date | None
    stage_entered_at: datetime  # UTC
    next_step: str
    next_step_due: date | None
    owner: str
    closed_on: date | None
    close_reason: str
    tags: tuple[str, ...]
    updated_at: datetime  # UTC: the pursuit's own last change
    red_flags: int = 0  # filled by `red_flags` (deal health), a separate, slower read
    origin: str = ""  # whose database it came from (a manager's merged files); "" when made here
    touched_at: datetime | None = None  # UTC; as `BoardCard.touched_at`
    touched_by: str = ""  # "activity", "note", "visit" or "stage"
    shared: bool = True  # False: kept on this computer, never in a sync file (sync.sharing)
    # False on a row read for the list's first paint (`list_pursuits(details=False)`): no tags
    # or last touch yet (`fill_details` puts them in); what shows them waits rather than mislead.
    details: bool = True

    def fill_details(self, tags: tuple[str, ...], touched_at: datetime | None, by: str) -> None:
        """Put in what `list_details` read for this row (the row then has its details)."""
        self.tags, self.touched_at, self.touched_by, self.details = tags, touched_at, by, True

    def days_in_stage(self, today: date) -> int:
        return max(0, (today - self.stage_entered_at.date()).days)

    def last_touch(self) -> tuple[str, datetime]:
        """What touched the pursuit last and when; entering its stage counts as a touch."""
        return last_touch(self.touched_at, self.touched_by, self.stage_entered_at)

    def days_since_touch(self, today: date) -> int:
        """The rotting days: how long nothing has touched the pursuit."""
        return max(0, (today - self.last_touch()[1].date()).days)


def list_pursuits(
    ws: Workspace,
    *,
    ids: Collection[str] | None = None,
    account_id: str | None = None,
    details: bool = True,
) -> list[PursuitRow]:
    """Live pursuits, open and closed (only `ids`, or one account's, when given).

    With `details=False` the rows carry no tags and no last touch (`PursuitRow.details` is
    False): the list paints 50,000 of them first and fills those in from `list_details` after
    the paint, as the board does with its cards."""
    if ids is not None:
        ids = list(dict.fromkeys(ids))
        if len(ids) > _ID_CHUNK:
            return [
                row
                for start in range(0, len(ids), _ID_CHUNK)
                for row in list_pursuits(ws, ids=ids[start : start + _ID_CHUNK], details=details)
            ]
        if not ids:
            return []
    # 50,000 rows make 100,000 tracked objects, none in a cycle: the collector would walk every
    # live object of the process dozens of times while they are built (a third of the read).
    with bulk_objects():
        return _list_pursuits(ws, ids, account_id, details)


def _list_pursuits(
    ws: Workspace, ids: Collection[str] | None, account_id: str | None, details: bool
) -> list[PursuitRow]:
    stage_rates = {s.number: ws.win_rate(s.number) for s in ws.catalog.stages}
    whole = ids is None and account_id is None
    with ws.read() as session:
        names = queries.account_names(session) if whole else None
        rows = queries.pursuit_list_rows(session, ids=ids, account_id=account_id, named=not whole)
        origins = queries.origin_names(session)
        # On the driver, as the board reads it (collection.received_by_pursuit's rule): through
        # the ORM its type processing cost 50 ms at 50,000 pursuits.
        received: dict[str, int] = dict(queries.board_received_rows(session, ids))
        private = set(session.scalars(select(PrivatePursuit.pursuit_id)))
        extra = _details(session, ids, account_id) if details else {}
    day = date.fromisoformat
    moment = datetime.fromisoformat
    get_received = received.get
    get_extra = extra.get
    get_name = names.get if names is not None else None
    origin_of = origins.get
    open_ = status_rules.OPEN
    closed_rate = status_rules.closed_rate
    result: list[PursuitRow] = []
    append = result.append
    for row in rows:
        pursuit_id, account_id_, title, stage, status, amount, currency, override = row[:8]
        if get_name is None:
            account = row[17]
        else:
            account = get_name(account_id_)
            if account is None:
                continue  # no account row: the join of a partial read leaves it out too
        if status == open_:
            rate = stage_rates[stage] if override is None else ws.win_rate(stage, override)
            # status.weighted_base, inline: an open pursuit weighs what is still to collect.
            got = get_received(pursuit_id)
            base = amount if got is None else amount - got
            if base < 0:
                base = 0
        else:
            rate = closed_rate(status)
            base = amount
        tags, touched_at, touched_by = get_extra(pursuit_id, _NO_DETAILS)
        expected_close, entered, next_step, next_step_due, owner, closed_on = row[8:14]
        append(
            PursuitRow(
                pursuit_id,
                account_id_,
                account,
                title,
                stage,
                status,
                amount,
                currency,
                rate,
                # forecast.weighted_amount's half-up rounding, inline as on the board (50,000
                # calls): the rates are whole percentages checked by forecast.win_rate /
                # status.closed_rate already.
                (base * rate + 50) // 100,
                day(expected_close) if expected_close else None,
                moment(entered),
                next_step,
                day(next_step_due) if next_step_due else None,
                owner,
                day(closed_on) if closed_on else None,
                row[14],
                tags,
                moment(row[15]),
                0,
                origin_of(row[16], "") if origins else "",
                touched_at,
                touched_by,
                pursuit_id not in private,
                details,
            )
        )
    return result


def list_details(ws: Workspace) -> dict[str, tuple[tuple[str, ...], datetime | None, str]]:
    """{pursuit: (its tags, sorted; last touched at, UTC; what touched it)} for the pursuits
    that have any — what `list_pursuits(details=False)` left out (`PursuitRow.fill_details`)."""
    with bulk_objects(), ws.read() as session:
        return _details(session, None, None)


def _details(
    session: Any, ids: Collection[str] | None, account_id: str | None
) -> dict[str, tuple[tuple[str, ...], datetime | None, str]]:
    tags = queries.pursuit_tags(session, ids=ids, account_id=account_id)
    touches = last_touches(session, ids, account_id)
    found: dict[str, tuple[tuple[str, ...], datetime | None, str]] = {}
    for pursuit_id, row_tags in tags.items():
        touched_at, touched_by = touches.get(pursuit_id, _UNTOUCHED)
        found[pursuit_id] = (tuple(sorted(row_tags)), touched_at, touched_by)
    for pursuit_id, (touched_at, touched_by) in touches.items():
        if pursuit_id not in found:
            found[pursuit_id] = ((), touched_at, touched_by)
    return found


_NO_DETAILS: tuple[tuple[str, ...], datetime | None, str] = ((), None, "")
_UNTOUCHED: tuple[datetime | None, str] = (None, "")


def win_rate(
    ws: Workspace,
    stage: int,
    status: str,
    override: int | None,
    stage_rates: dict[int, int] | None = None,
) -> int:
    """The board's rule: collected 100 %, lost or abandoned 0 %, open the stage's (or override)
    rate (weighing what is still to collect: `domain.status.weighted_base`)."""
    if status != status_rules.OPEN:
        return status_rules.closed_rate(status)
    if override is None and stage_rates is not None:
        return stage_rates[stage]
    return ws.win_rate(stage, override)


def red_flags(ws: Workspace, ids: Collection[str] | None = None) -> dict[str, int]:
    """{pursuit id: red-flag count} from deal health (pursuits without flags left out)."""
    from desktop.services import health

    return health.red_flag_counts(ws, ids)


# --- export ------------------------------------------------------------------------------------
TEXT, MONEY, NUMBER, PERCENT, DATE, DATETIME = "text", "money", "number", "percent", "date", "dt"


@dataclass(frozen=True)
class ExportColumn:
    """A column of an export: its header and how its values are written.

    MONEY values are minor units (written as yuan / dollars with two decimals), PERCENT values whole
    percentages, DATE `date`, DATETIME local `datetime`; None is an empty cell.
    """

    header: str
    kind: str = TEXT
    width: int = 14  # characters, for the spreadsheet's column


def export_rows(
    path: Path | str,
    columns: Sequence[ExportColumn],
    rows: Iterable[Sequence[Any]],
    *,
    sheet_title: str = "Pursuits",
) -> int:
    """Write `rows` under `columns` to `path` (.xlsx, else CSV UTF-8 with BOM); the row count.

    Text goes in as text, never as a formula (see services.reports.spreadsheet)."""
    return spreadsheet.write_table(path, columns, rows, sheet_title=sheet_title).rows


def _csv_value(kind: str, value: Any) -> Any:
    return spreadsheet.csv_value(kind, value)


def _write_csv(path: Path, columns: Sequence[ExportColumn], rows: Iterable[Sequence[Any]]) -> int:
    return spreadsheet.write_csv(path, columns, rows).rows


_XLSX_FORMATS = spreadsheet.XLSX_FORMATS


def _write_xlsx(
    path: Path, columns: Sequence[ExportColumn], rows: Iterable[Sequence[Any]], title: str
) -> int:
    return spreadsheet.write_xlsx(path, columns, rows, title).rows


def _sheet_title(title: str) -> str:
    return spreadsheet.sheet_title(title)
