"""Generic create / edit / delete / restore of any synced record, with the domain's validation.

Screens edit many small fields; one generic path keeps undo uniform (an edit command stores the
kind, id, old and new values) while each kind's rules live in `_VALIDATORS`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import inspect, select

from desktop.services.changes import ChangeKind, Changes
from desktop.services.errors import InvalidInput, NotFound
from desktop.services.workspace import Workspace
from desktop.storage.tables import BY_KIND, Pursuit, Synced, table_cache, utcnow

Values = Mapping[str, Any]


def _range(field: str, low: int, high: int, *, optional: bool = False) -> Callable[[Values], None]:
    def check(values: Values) -> None:
        if field not in values:
            return
        value = values[field]
        if value is None and optional:
            return
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise InvalidInput(field, "out_of_range", f"{field} must be {low}–{high}")

    return check


def _required(field: str) -> Callable[[Values], None]:
    def check(values: Values) -> None:
        if field in values and not str(values[field] or "").strip():
            raise InvalidInput(field, "required", f"{field} must not be empty")

    return check


# The largest amount in minor units: ten trillion of a currency (¥10万亿), beyond any deal, so a
# slip of the keyboard is caught; well inside what sync files carry (2**53) and SQLite sums.
MAX_AMOUNT = 10**15


def _amount(field: str) -> Callable[[Values], None]:
    def check(values: Values) -> None:
        if field in values:
            value = values[field]
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise InvalidInput(field, "negative", f"{field} must be a whole number ≥ 0")
            if value > MAX_AMOUNT:
                raise InvalidInput(field, "too_large", f"{field} must be at most {MAX_AMOUNT}")

    return check


def _magnitude(field: str) -> Callable[[Values], None]:
    """An amount that may be negative (a benefit can be a cost), within ±MAX_AMOUNT."""

    def check(values: Values) -> None:
        value = values.get(field)
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_AMOUNT:
            raise InvalidInput(field, "too_large", f"{field} must be within ±{MAX_AMOUNT}")

    return check


def _one_of(
    field: str, allowed: Callable[[], set[str]], *, optional: bool = False
) -> Callable[[Values], None]:
    def check(values: Values) -> None:
        if field in values:
            value = values[field]
            if value is None and optional:
                return
            if value not in allowed():
                raise InvalidInput(field, "unknown", f"{field}: unknown value {value!r}")

    return check


def _vocab(name: str) -> Callable[[], set[str]]:
    # Asked for every record a sync import checks (hundreds of thousands into a new database):
    # the keys are made once per catalog, which is immutable.
    made: list[tuple[object, set[str]]] = []

    def keys() -> set[str]:
        from desktop.domain.methodology import default_catalog

        catalog = default_catalog()
        if not made or made[0][0] is not catalog:
            made[:] = [(catalog, set(catalog.vocab(name).keys()))]
        return made[0][1]

    return keys


def _currency(values: Values) -> None:
    if "currency" in values:
        code = values["currency"]
        if not (isinstance(code, str) and len(code) == 3 and code.isalpha() and code.isupper()):
            raise InvalidInput("currency", "bad_currency", "currency must be a 3-letter code")


def check_next_step(step: str | None, due: object, field: str = "next_step_due") -> None:
    """A pursuit's next step is an action with its date: a date without an action is refused
    (Today, the reminders and the agenda would list a day with nothing to do on it). `field`
    names the input the message goes under: the date being set, or the action being cleared."""
    if due is not None and not (step or "").strip():
        raise InvalidInput(field, "needs_action", "a next step's date needs its action")


def _next_step(values: Values) -> None:
    """Both fields of a whole pursuit (a new one, the edit dialog); `pursuit_edits.save` checks
    one field against the record's other."""
    if "next_step" in values and "next_step_due" in values:
        check_next_step(values["next_step"], values["next_step_due"], "next_step")


_VALIDATORS: dict[str, list[Callable[[Values], None]]] = {
    "account": [_required("name")],
    "competitor": [_required("name")],
    "pursuit": [
        _required("title"),
        _amount("amount"),
        _range("stage", 1, 8),
        _currency,
        _one_of("status", _vocab("pursuit_statuses")),
        _range("win_rate_override", 0, 100, optional=True),
        _next_step,
    ],
    "person": [
        _one_of("relationship", _vocab("relationship_stages")),
        _one_of("personality", _vocab("personality_types"), optional=True),
    ],
    "stakeholder": [
        _required("name"),
        _one_of("relationship", _vocab("relationship_stages")),
        _one_of("personality", _vocab("personality_types"), optional=True),
    ],
    "stakeholder_role": [_one_of("role", _vocab("buying_roles"))],
    "stakeholder_help": [_one_of("help", _vocab("help_wanted"))],
    "stakeholder_link": [_one_of("link_kind", _vocab("link_kinds"))],
    "pain_point": [_range("severity", 1, 5)],
    "value_case": [
        _amount("investment"),
        _range("horizon_years", 1, 30),
        _one_of("accepted", lambda: {"yes", "no", "unknown"}),
    ],
    "value_benefit": [_magnitude("amount")],
    "indicator": [
        _required("name"),
        _range("importance", 1, 5),
        _range("our_score", 1, 5, optional=True),
        _one_of("class_override", _vocab("indicator_classes"), optional=True),
    ],
    "indicator_score": [_range("score", 1, 5, optional=True)],
    "risk": [_range("severity", 1, 5), _one_of("status", _vocab("risk_statuses"))],
    "after_sale": [_one_of("period", _vocab("after_sale_periods"))],
    "instalment": [_amount("amount")],
    "visit": [_range("duration_minutes", 1, 24 * 60)],
}


def has_rules(kind: str) -> bool:
    """Whether `validate` checks more of a kind's values than their names (a bulk writer of
    values named by the schema itself can then skip it)."""
    return bool(_VALIDATORS.get(kind))


def validate(kind: str, values: Values) -> None:
    known = _field_names(table_of(kind))
    for name in values:
        if name not in known:
            raise InvalidInput(name, "unknown_field", f"{kind} has no field {name!r}")
    for check in _VALIDATORS.get(kind, []):
        check(values)


@table_cache
def _field_names(table: type[Synced]) -> frozenset[str]:
    return frozenset(table.register_fields())


def table_of(kind: str) -> type[Synced]:
    try:
        return BY_KIND[kind]
    except KeyError:
        raise InvalidInput("kind", "unknown_kind", f"unknown record kind {kind!r}") from None


# A record named on the command line by the start of its id, as `pursuit list` and `pursuit
# agenda` show it ("#3f2a9c1b"): at least this many characters, so "1" is never taken for one.
MIN_ID_PREFIX = 4


def ids_named(ws: Workspace, kind: str, text: str) -> list[str]:
    """Ids of the live records of `kind` whose id is `text` or begins with it ("#" and case
    aside); at most two, enough to tell a unique start from one that names several. A record of a
    pursuit (a visit, say) counts only while its pursuit lives."""
    prefix = text.strip().removeprefix("#").lower()
    if len(prefix) < MIN_ID_PREFIX:
        return []
    table = table_of(kind)
    query = select(table.id).where(table.alive, table.id.startswith(prefix, autoescape=True))
    pursuit_id = getattr(table, "pursuit_id", None)
    if pursuit_id is not None:
        query = query.join(Pursuit, Pursuit.id == pursuit_id).where(Pursuit.alive)
    with ws.read() as session:
        return list(session.scalars(query.order_by(table.id).limit(2)))


def changes_for(record: Synced) -> Changes:
    """The record itself and, where it belongs to one, its pursuit."""
    changes = Changes.of(ChangeKind(record.kind), record.id)
    pursuit_id = getattr(record, "pursuit_id", None)
    if record.kind == ChangeKind.PURSUIT:
        return changes
    if pursuit_id:
        changes = changes | Changes.of(ChangeKind.PURSUIT_PART, pursuit_id)
    return changes


def as_dict(record: Synced) -> dict[str, Any]:
    return {name: getattr(record, name) for name in ("id", *type(record).register_fields())}


def get(ws: Workspace, kind: str, record_id: str) -> dict[str, Any]:
    with ws.read() as session:
        record = session.get(table_of(kind), record_id)
        if record is None or not record.alive:
            raise NotFound(f"{kind} {record_id}")
        return as_dict(record)


def create(
    ws: Workspace, kind: str, values: Values, *, record_id: str | None = None
) -> tuple[str, Changes]:
    """Create a record; returns (id, Changes). A given id of a dead record brings it back."""
    validate(kind, values)
    table = table_of(kind)
    with ws.write() as session:
        record = session.get(table, record_id) if record_id else None
        if record is not None and record.purged:
            raise NotFound(f"{kind} {record_id} (purged)")  # a purge is for good
        if record is None:
            record = table(**values)
            if record_id:
                record.id = record_id
            session.add(record)
        else:
            for name, value in values.items():
                setattr(record, name, value)
            record.alive = True
            record.deleted_at = None
        session.flush()
        return record.id, changes_for(record)


def update(ws: Workspace, kind: str, record_id: str, values: Values) -> Changes:
    """Set fields of one record in one transaction; unchanged values write nothing."""
    validate(kind, values)
    with ws.write() as session:
        record = session.get(table_of(kind), record_id)
        if record is None or not record.alive:
            raise NotFound(f"{kind} {record_id}")
        for name, value in values.items():
            if getattr(record, name) != value:
                setattr(record, name, value)
        if not inspect(record).modified:
            return Changes()
        return changes_for(record)


def delete(ws: Workspace, kind: str, record_id: str) -> Changes:
    """Soft delete (a tombstone that syncs). `restore` brings it back."""
    return _set_alive(ws, kind, record_id, False)


def restore(ws: Workspace, kind: str, record_id: str) -> Changes:
    return _set_alive(ws, kind, record_id, True)


def _set_alive(ws: Workspace, kind: str, record_id: str, alive: bool) -> Changes:
    with ws.write() as session:
        record = session.get(table_of(kind), record_id)
        if record is None or (alive and record.purged):  # a purge is for good
            raise NotFound(f"{kind} {record_id}")
        if record.alive == alive:
            return Changes()
        record.alive = alive
        record.deleted_at = None if alive else utcnow()
        return changes_for(record)


def coerce_date(value: Any) -> date | None:
    """Dates arrive as date objects or ISO strings (from the CLI and files)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise InvalidInput("date", "bad_date", f"not a date: {value!r}") from None
