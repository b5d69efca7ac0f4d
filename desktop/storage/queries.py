"""The hand-written SQL of the application's big reads, in one place, over the tables of
`desktop.storage.tables`.

Why it exists: the board, the Pursuits list, the accounts list and deal health read tens of
thousands of rows when a window opens. Through the sqlite3 driver they cost a fraction of what
SQLAlchemy's per-column type processing costs (see PLATFORM-NOTES.md, "10,000 cards"), so these
reads are SQL text run on the driver connection under the caller's session — the session's own
transaction, so a caller that reads several of them sees one snapshot. Services call the functions
here and never touch a driver connection or write SQL text themselves.

Every function takes the caller's session and returns plain tuples (or dicts and sets of them), in
the column order its docstring names; dates and times are the ISO text SQLite holds, for the caller
to parse in bulk. `ids` lists are bound as parameters, at most a few hundred at a time (the callers
chunk them under SQLite's variable limit).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, TypeAlias

if TYPE_CHECKING:  # SQLAlchemy is imported where it is used: `pursuit agenda` reads without it
    from sqlalchemy import Connection, Select
    from sqlalchemy.orm import Session

Row = tuple[Any, ...]
# What the reads take: the caller's session, or a connection of `storage.snapshot`.
Reader: TypeAlias = "Session | sqlite3.Connection"


def driver_of(session: Reader) -> sqlite3.Connection:
    """The sqlite3 connection under the session's transaction (plain tuples, no row objects);
    a connection itself, as `storage.snapshot` opens one, is its own.

    Public for the sync importer, whose bulk merge runs on the driver inside its one transaction.
    """
    if isinstance(session, sqlite3.Connection):
        return session
    driver = session.connection().connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    return driver


_NO_PARAMS: tuple[str, ...] = ()


def _marks(ids: Collection[str]) -> str:
    return ", ".join("?" * len(ids))


def driver_rows(connection: Connection, statement: Select[*tuple[Any, ...]]) -> list[Row]:
    """A Core query's rows as the driver gives them (texts for dates and times, no type
    processing): for reads that parse many dates themselves (the dashboard's funnel paths)."""
    result = connection.execute(statement)
    try:
        cursor = result.cursor
        return list(cursor.fetchall()) if cursor is not None else []
    finally:
        result.close()


# --- the board and the Pursuits list -----------------------------------------------------------
# The board's cards as it paints them first: the pursuit's own columns and its account's name, in
# board order. A bare `alive` (not `alive = 1`, which walks ix_pursuits_board in order with one
# random read of the table a card) lets SQLite read the open pursuits in table order and sort
# them: measured 10 % cheaper at 10,000 cards. The origin is the name of the database that created
# the pursuit, when it is another one that told its name (services.sync.review.origins): a
# primary-key lookup in the small sync_sites. Nothing else: a column no card shows is a column
# read, decoded and dropped 10,000 times (the time of the last change was, until issue 22).
# What the card shows besides (coaching points answered, tags, what is scheduled, the last touch)
# is read after the first paint (`board_answered_rows` and the reads beside it).
_CARDS_SQL = """
    SELECT p.id, a.name, p.title, p.amount, p.currency, p.expected_close, p.stage, p.status,
           p.stage_entered_at, p.next_step, p.next_step_due, p.board_rank, p.win_rate_override,
           p.account_id, o.name
    FROM pursuits AS p JOIN accounts AS a ON a.id = p.account_id
    LEFT JOIN sync_sites AS o ON o.site_id = p.origin_site AND o.name <> ''
        AND o.site_id NOT IN (SELECT site_id FROM sync_state)
    WHERE {where}
    ORDER BY p.stage, p.board_rank
"""
# The coaching points of its current stage each card has marked done: a correlated count on the
# covering index ix_answers_pursuit_stage, one seek a card.
_ANSWERED_SQL = """
    SELECT p.id,
           (SELECT count(*) FROM coaching_answers AS c
            WHERE c.pursuit_id = p.id AND c.stage = p.stage AND c.done AND c.alive)
    FROM pursuits AS p
    WHERE {where}
"""
_LIST_SQL = """
    SELECT p.id, p.account_id, p.title, p.stage, p.status, p.amount, p.currency,
           p.win_rate_override, p.expected_close, p.stage_entered_at, p.next_step,
           p.next_step_due, p.owner, p.closed_on, p.close_reason, p.updated_at, o.name{name}
    FROM pursuits AS p{join}
    LEFT JOIN sync_sites AS o ON o.site_id = p.origin_site AND o.name <> ''
        AND o.site_id NOT IN (SELECT site_id FROM sync_state)
    WHERE {where}
"""


def board_card_rows(
    session: Reader, *, include_closed: bool, ids: Collection[str] | None = None
) -> list[Row]:
    """Live pursuits (open ones unless `include_closed`; only `ids` when given) in board order
    (stage, rank): id, account name, title, amount, currency, expected close, stage, status,
    stage entered at, next step, next step due, board rank, win-rate override, account id,
    origin database's name."""
    where, params = _board_filter(include_closed, ids)
    return driver_of(session).execute(_CARDS_SQL.format(where=where), params).fetchall()


def board_head_rows(session: Reader, stages: Sequence[int], count: int) -> list[list[Row]]:
    """The first `count` open cards of each of `stages` (a column's top, what a window shows
    of it), in board order, as `board_card_rows` gives them: one seek of ix_pursuits_board per
    stage (`alive = 1` and the stage bound: SQLite walks that index in order and stops)."""
    where = "p.alive = 1 AND p.status = 'open' AND p.stage = ?"
    sql = _CARDS_SQL.format(where=where) + " LIMIT ?"
    driver = driver_of(session)
    return [driver.execute(sql, (stage, count)).fetchall() for stage in stages]


# Each column's sums over all its open cards, without reading them: count, Σ amount and Σ weighted
# amount in `currency`, cards in another currency. The weighted amount is forecast.weighted_amount
# per card — (still to collect × rate + 50) div 100, the rate its override else its stage's (bound
# as parameters: the company's policy) — on what is still to collect (the amount less the
# instalments received, grouped once rather than looked up per card). `alive = 1` lets SQLite
# read the covering index ix_pursuits_board_totals alone, in stage order (migration 0012).
_STAGE_TOTALS_SQL = """
    SELECT p.stage, count(*),
           coalesce(sum(CASE WHEN p.currency = ? THEN p.amount END), 0),
           coalesce(sum(CASE WHEN p.currency = ? THEN
               (max(p.amount - coalesce(r.received, 0), 0)
                * coalesce(p.win_rate_override, {rate}) + 50) / 100 END), 0),
           coalesce(sum(p.currency <> ?), 0)
    FROM pursuits AS p
    LEFT JOIN (SELECT pursuit_id, sum(amount) AS received FROM instalments
               WHERE alive AND received_on IS NOT NULL GROUP BY pursuit_id) AS r
        ON r.pursuit_id = p.id
    WHERE p.alive = 1 AND p.status = 'open'
    GROUP BY p.stage
"""


def board_stage_totals(session: Reader, currency: str, stage_rates: Mapping[int, int]) -> list[Row]:
    """(stage, open cards, Σ amount in `currency`, Σ weighted amount in `currency`, cards in
    another currency) of every stage with open cards: a column's head before its cards are read
    (`_STAGE_TOTALS_SQL`)."""
    rate = "CASE p.stage " + " ".join(f"WHEN {n} THEN ?" for n in stage_rates) + " END"
    sql = _STAGE_TOTALS_SQL.format(rate=rate)
    params = (currency, currency, *stage_rates.values(), currency)
    return driver_of(session).execute(sql, params).fetchall()


def board_answered_rows(
    session: Session, *, include_closed: bool, ids: Collection[str] | None = None
) -> list[Row]:
    """(pursuit id, coaching points of its current stage marked done) of the same pursuits as
    `board_card_rows`."""
    where, params = _board_filter(include_closed, ids)
    return driver_of(session).execute(_ANSWERED_SQL.format(where=where), params).fetchall()


def board_received_rows(session: Reader, ids: Collection[str] | None = None) -> list[Row]:
    """(pursuit id, Σ amount of its live instalments received) of the pursuits with any (all,
    or among `ids`): what a card's weighted amount leaves out (`services.collection`'s rule,
    on the driver: the board reads it before its first paint). Its WHERE is the partial
    index ix_instalments_received's (migration 0012): SQLite reads that index alone."""
    where, params = "alive AND received_on IS NOT NULL", _NO_PARAMS
    if ids is not None:
        where += f" AND pursuit_id IN ({_marks(ids)})"
        params = tuple(ids)
    sql = f"SELECT pursuit_id, sum(amount) FROM instalments WHERE {where} GROUP BY pursuit_id"
    return driver_of(session).execute(sql, params).fetchall()


def _board_filter(include_closed: bool, ids: Collection[str] | None) -> tuple[str, tuple[str, ...]]:
    where = "p.alive" if include_closed else "p.alive AND p.status = 'open'"
    if ids is None:
        return where, _NO_PARAMS
    return f"{where} AND p.id IN ({_marks(ids)})", tuple(ids)


def pursuit_list_rows(
    session: Session,
    *,
    ids: Collection[str] | None = None,
    account_id: str | None = None,
    named: bool = True,
) -> list[Row]:
    """Live pursuits, open and closed (only `ids`, else only one account's, when given): id,
    account id, title, stage, status, amount, currency, win-rate override, expected close, stage
    entered at, next step, next step due, owner, closed on, close reason, updated at, origin
    database's name, and — when `named` — the account's name.

    Unnamed, the rows are not joined to their accounts: for every pursuit, 50,000 index lookups
    into accounts cost more than `account_names` once and a dictionary (a third of the read)."""
    where, params = _pursuit_filter(ids, account_id)
    sql = _LIST_SQL.format(
        where=where,
        name=", a.name" if named else "",
        join=" JOIN accounts AS a ON a.id = p.account_id" if named else "",
    )
    return driver_of(session).execute(sql, params).fetchall()


def account_names(session: Session) -> dict[str, str]:
    """{account id: name} of every account, live or not (as a pursuit's row names it)."""
    return dict(driver_of(session).execute("SELECT id, name FROM accounts").fetchall())


def _pursuit_filter(
    ids: Collection[str] | None, account_id: str | None
) -> tuple[str, tuple[str, ...]]:
    if ids is not None:
        return f"p.alive AND p.id IN ({_marks(ids)})", tuple(ids)
    if account_id is not None:
        return "p.alive AND p.account_id = ?", (account_id,)
    return "p.alive", ()


def pursuit_tags(
    session: Session, *, ids: Collection[str] | None = None, account_id: str | None = None
) -> dict[str, list[str]]:
    """{pursuit id: its live tags} of every pursuit (only `ids`, else one account's, when given)."""
    where, params = "t.alive", _NO_PARAMS
    if ids is not None:
        where, params = f"t.alive AND t.pursuit_id IN ({_marks(ids)})", tuple(ids)
    elif account_id is not None:
        where = "t.alive AND t.pursuit_id IN (SELECT id FROM pursuits WHERE account_id = ?)"
        params = (account_id,)
    tags: dict[str, list[str]] = {}
    sql = f"SELECT t.pursuit_id, t.tag FROM pursuit_tags AS t WHERE {where}"
    for pursuit_id, tag in driver_of(session).execute(sql, params):
        tags.setdefault(pursuit_id, []).append(tag)
    return tags


def last_touch_rows(
    session: Session,
    now_utc: str,
    ids: Collection[str] | None = None,
    account_id: str | None = None,
) -> list[Row]:
    """(pursuit id, last touched at as stored UTC text, what it was: "activity", "note" or
    "visit") of every pursuit touched (only `ids`, else one account's, when given) — its latest
    done activity, note or visit held before `now_utc`. One grouped read for the board and the
    list (SQLite takes the bare `kind` from the row holding the max). Stage changes are left out:
    the latest one is the pursuit's `stage_entered_at`, already in the card's row, and reading
    40,000 of them doubled the cost."""
    among, chosen = "", _NO_PARAMS
    if ids is not None:
        among, chosen = f" AND pursuit_id IN ({_marks(ids)})", tuple(ids)
    elif account_id is not None:
        among = " AND pursuit_id IN (SELECT id FROM pursuits WHERE account_id = ?)"
        chosen = (account_id,)
    parts = (
        "SELECT pursuit_id, done_at AS t, 'activity' AS kind FROM activities"
        " WHERE alive AND done AND done_at IS NOT NULL AND pursuit_id IS NOT NULL",
        "SELECT pursuit_id, noted_at, 'note' FROM notes WHERE alive AND pursuit_id IS NOT NULL",
        "SELECT pursuit_id, starts_at, 'visit' FROM visits WHERE alive AND starts_at <= ?",
    )
    sql = " UNION ALL ".join(part + among for part in parts)
    params = (*chosen, *chosen, now_utc, *chosen)
    return (
        driver_of(session)
        .execute(f"SELECT pursuit_id, max(t), kind FROM ({sql}) GROUP BY pursuit_id", params)
        .fetchall()
    )


def pursuits_in_review(session: Reader, ids: Collection[str] | None = None) -> set[str]:
    """The pursuits (among `ids`) with fields awaiting review after a sync (a small table)."""
    where, params = "r.pursuit_id IS NOT NULL", _NO_PARAMS
    if ids is not None:
        where, params = f"r.pursuit_id IN ({_marks(ids)})", tuple(ids)
    sql = f"SELECT DISTINCT r.pursuit_id FROM sync_review AS r WHERE {where}"
    return {row[0] for row in driver_of(session).execute(sql, params)}


def stakeholder_names(session: Session, ids: Collection[str] | None = None) -> list[Row]:
    """(pursuit id, name) of every live stakeholder (of the pursuits `ids`, when given)."""
    where, params = "s.alive", _NO_PARAMS
    if ids is not None:
        where, params = f"s.alive AND s.pursuit_id IN ({_marks(ids)})", tuple(ids)
    sql = f"SELECT s.pursuit_id, s.name FROM stakeholders AS s WHERE {where}"
    return driver_of(session).execute(sql, params).fetchall()


# --- accounts ----------------------------------------------------------------------------------
# One row per account, its pursuits summed in SQL. The weighted amount is Σ (still to collect ×
# rate + 50) div 100 — forecast.weighted_amount's half-up rounding per pursuit, on
# domain.status.weighted_base (the amount less the instalments received) — with each pursuit's
# rate its override, else its stage's rate (bound as parameters, so the company's policy applies).
_TO_COLLECT = (
    "max(p.amount - coalesce((SELECT sum(i.amount) FROM instalments AS i"
    " WHERE i.pursuit_id = p.id AND i.alive AND i.received_on IS NOT NULL), 0), 0)"
)
_SUMMARY_SQL = """
    SELECT a.id, a.name, a.industry, a.address, a.updated_at,
           count(p.id),
           coalesce(sum(p.status = 'open'), 0),
           coalesce(sum(p.status = 'collected'), 0),
           coalesce(sum(CASE WHEN p.status = 'open' THEN p.amount END), 0),
           coalesce(sum(CASE WHEN p.status = 'open' THEN
               ({to_collect} * coalesce(p.win_rate_override, {rate}) + 50) / 100 END), 0),
           coalesce(sum(CASE WHEN p.status = 'collected' THEN p.amount END), 0),
           max(p.updated_at)
    FROM accounts AS a LEFT JOIN pursuits AS p ON p.account_id = a.id AND p.alive
    WHERE a.alive {where}
    GROUP BY a.id
"""
# Every account at once, in three plain reads merged in Python: the live accounts; their
# pursuits summed per account in one pass over the account index (covering: no pursuit's row is
# read); and the corrections below. One statement joining them made SQLite build and probe an
# automatic index over each summed part (16,666 accounts: ~230 ms against ~120 ms for the three
# reads and a dict merge). The pass weighs each open pursuit on its whole amount; the few with
# money received are weighed again on what is left to collect, and the difference is added per
# account (the same sum, pursuit by pursuit: each is rounded as before). The rates are numbered
# parameters, bound once and used in both places.
_LIVE_ACCOUNTS_SQL = "SELECT id, name, industry, address, updated_at FROM accounts WHERE alive"
_TOTALS_SQL = """
    SELECT p.account_id,
           count(*),
           sum(p.status = 'open'),
           sum(p.status = 'collected'),
           coalesce(sum(CASE WHEN p.status = 'open' THEN p.amount END), 0) AS open_amount,
           coalesce(sum(CASE WHEN p.status = 'open' THEN
               (max(p.amount, 0) * coalesce(p.win_rate_override, {rate}) + 50) / 100 END), 0),
           coalesce(sum(CASE WHEN p.status = 'collected' THEN p.amount END), 0),
           max(p.updated_at)
    FROM pursuits AS p WHERE p.alive GROUP BY p.account_id
"""
_CORRECTIONS_SQL = """
    WITH received AS (
        SELECT i.pursuit_id AS pursuit_id, sum(i.amount) AS amount FROM instalments AS i
        WHERE i.alive AND i.received_on IS NOT NULL GROUP BY i.pursuit_id
    )
    SELECT p.account_id,
           sum((max(p.amount - r.amount, 0) * coalesce(p.win_rate_override, {rate}) + 50) / 100
               - (max(p.amount, 0) * coalesce(p.win_rate_override, {rate}) + 50) / 100)
    FROM received AS r CROSS JOIN pursuits AS p ON p.id = r.pursuit_id
    WHERE p.alive AND p.status = 'open' GROUP BY p.account_id
"""
_PEOPLE_SQL = """
    SELECT coalesce(s.account_id, p.account_id), count(DISTINCT coalesce(s.person_id, s.id))
    FROM stakeholders AS s JOIN pursuits AS p ON p.id = s.pursuit_id
    WHERE s.alive AND p.alive {where}
    GROUP BY 1
"""


def _stage_rate(stage_rates: Mapping[int, int]) -> str:
    # Numbered: the same parameter wherever the rate is used; any ids come after them.
    return (
        "CASE p.stage "
        + " ".join(f"WHEN {n} THEN ?{k}" for k, n in enumerate(stage_rates, start=1))
        + " END"
    )


def account_summary_rows(
    session: Session, stage_rates: Mapping[int, int], ids: Collection[str]
) -> list[Row]:
    """The live accounts of `ids` with their pursuits summed: id, name, industry, address,
    updated at, pursuits, open pursuits, won pursuits, open amount, weighted open amount (each
    pursuit at its override, else `stage_rates` of its stage), won amount, the last update of one
    of its pursuits."""
    sql = _SUMMARY_SQL.format(
        where=f"AND a.id IN ({_marks(ids)})", rate=_stage_rate(stage_rates), to_collect=_TO_COLLECT
    )
    return driver_of(session).execute(sql, tuple(stage_rates.values()) + tuple(ids)).fetchall()


def all_account_summary_parts(
    session: Session, stage_rates: Mapping[int, int]
) -> tuple[list[Row], dict[str, Row], dict[str, int]]:
    """Every live account's summary in three parts for the caller to merge: the accounts (id,
    name, industry, address, updated at); {account id: (account id, pursuits, open pursuits, won
    pursuits, open amount, weighted open amount on whole amounts, won amount, the last update of
    one of its pursuits)} for accounts with live pursuits; {account id: what to add to that
    weighted amount for money already received} for the accounts concerned."""
    rate, rates = _stage_rate(stage_rates), tuple(stage_rates.values())
    driver = driver_of(session)
    totals = {row[0]: row for row in driver.execute(_TOTALS_SQL.format(rate=rate), rates)}
    corrections = dict(driver.execute(_CORRECTIONS_SQL.format(rate=rate), rates).fetchall())
    return live_accounts(session), totals, corrections


def live_accounts(session: Session) -> list[Row]:
    """Every live account: id, name, industry, address, updated at."""
    return driver_of(session).execute(_LIVE_ACCOUNTS_SQL).fetchall()


def people_per_account(session: Session, ids: Collection[str] | None = None) -> list[Row]:
    """(account id, live people) per account (among `ids`): the people on its pursuits' maps,
    each once however many maps they are on, counted on their own account when one is recorded."""
    where, params = "", _NO_PARAMS
    if ids is not None:
        where = f"AND coalesce(s.account_id, p.account_id) IN ({_marks(ids)})"
        params = tuple(ids)
    return driver_of(session).execute(_PEOPLE_SQL.format(where=where), params).fetchall()


# An account's people are found through two indexes (their pursuit's account, or their own
# account); "+p.alive" keeps SQLite from driving the join from every live pursuit instead.
_PEOPLE_OF = """
    (s.pursuit_id IN (SELECT id FROM pursuits WHERE account_id = ?) OR s.account_id = ?)
    AND s.alive AND +p.alive
"""
# One row per card (its person's id first; a card of no person is its own person) with the
# card's buying roles; the service groups them by person. A live person of the account on no
# live map (imported onto the account, or taken off their last map) is one row with no card.
_ACCOUNT_PEOPLE_SQL = f"""
    SELECT coalesce(s.person_id, s.id), s.id, s.pursuit_id, p.title, s.name, s.title,
           s.department, s.phone, s.email, s.relationship, s.personality,
           (SELECT group_concat(r.role, ' ') FROM stakeholder_roles AS r
            WHERE r.stakeholder_id = s.id AND r.alive)
    FROM stakeholders AS s JOIN pursuits AS p ON p.id = s.pursuit_id
    WHERE {_PEOPLE_OF}
    UNION ALL
    SELECT pe.id, NULL, NULL, NULL, pe.name, pe.title, pe.department, pe.phone, pe.email,
           pe.relationship, pe.personality, NULL
    FROM people AS pe
    WHERE pe.account_id = ? AND pe.alive AND NOT EXISTS (
        SELECT 1 FROM stakeholders AS s JOIN pursuits AS p ON p.id = s.pursuit_id
        WHERE s.person_id = pe.id AND s.alive AND p.alive)
    ORDER BY 5, 1, 4
"""
_ACCOUNT_PEOPLE_COUNT_SQL = f"""
    SELECT count(DISTINCT coalesce(s.person_id, s.id))
    FROM stakeholders AS s JOIN pursuits AS p ON p.id = s.pursuit_id
    WHERE {_PEOPLE_OF}
"""
_ACCOUNT_VISITS_SQL = """
    SELECT v.id, v.pursuit_id, p.title, v.starts_at, v.location, v.objective, v.outcome
    FROM pursuits AS p JOIN visits AS v ON v.pursuit_id = p.id
    WHERE p.account_id = ? AND +p.alive AND v.alive
    ORDER BY v.starts_at DESC
"""


def account_people(session: Session, account_id: str) -> list[Row]:
    """The cards of the account's people, by name then person: person id, card id, pursuit id,
    pursuit title, name, title, department, phone, email, relationship, personality, the card's
    buying roles separated by spaces (None for none). A person on no live map is one row whose
    card id, pursuit id, pursuit title and roles are None."""
    params = (account_id, account_id, account_id)
    return driver_of(session).execute(_ACCOUNT_PEOPLE_SQL, params).fetchall()


def account_people_count(session: Session, account_id: str) -> int:
    """How many live people the account has on its maps (each once)."""
    row = driver_of(session).execute(_ACCOUNT_PEOPLE_COUNT_SQL, (account_id, account_id)).fetchone()
    return int(row[0])


def account_pursuit_ids(session: Session, account_id: str) -> list[str]:
    """The ids of the account's live pursuits."""
    rows = driver_of(session).execute(
        "SELECT p.id FROM pursuits AS p WHERE p.account_id = ? AND p.alive", (account_id,)
    )
    return [row[0] for row in rows]


def account_visits(session: Session, account_id: str) -> list[Row]:
    """The visits of the account's live pursuits, newest first: visit id, pursuit
    id, pursuit title, starts at, location, objective, outcome."""
    return driver_of(session).execute(_ACCOUNT_VISITS_SQL, (account_id,)).fetchall()


# --- deal health: the facts each rule needs, for many pursuits at once --------------------------
class HealthFacts:
    """The deal-health reads of one transaction, over all pursuits or one batch of `ids`.

    Each method returns only what a rule looks at (booleans, relationship keys, the few criteria
    that could be fatal); `services.health` applies the domain's predicates to them.
    """

    def __init__(self, session: Reader, ids: Collection[str] | None = None) -> None:
        self._db = driver_of(session)
        self._ids = None if ids is None else tuple(ids)

    def _among(self, column: str) -> str:
        return f" AND {column} IN ({_marks(self._ids)})" if self._ids is not None else ""

    def _query(self, sql: str, *extra: Any) -> list[Row]:
        return self._db.execute(sql, (*extra, *(self._ids or ()))).fetchall()

    # What the triggers of migration 0014 keep per pursuit (`tables.PursuitFacts`): the counts,
    # each read as whether there is any (a bit of `pursuits`' mask, in this order).
    COUNTS = (
        "insiders",
        "initiators",
        "designers",
        "evaluators",
        "deciders",
        "reached_deciders",
        "allies",
        "written_pains",
        "unanswered_rivals",
        "open_high_risks",
        "fatal_candidates",
        "value_cases",
    )

    # The bits of `pursuits`' dated facts, in this order.
    BLANK_STEP, STEP_DUE_PASSED, CLOSE_PASSED, SETTLING, QUIET = (1 << bit for bit in range(5))

    def pursuits(
        self,
        blanks: str,
        today_iso: str,
        settling_from: str | None,
        quiet_before: Mapping[int, str] | None,
    ) -> list[Row]:
        """Open pursuits: id, stage, which of the `COUNTS` are any (bit i for COUNTS[i]), and
        the dated facts as bits — the next step blank (only characters of `blanks`, or none),
        its due day before `today_iso`, the expected close before it, the stage entered at or
        after `settling_from` (UTC text; never when None), and quiet: the stage entered and the
        last touch but visits (if any) before the stage's `quiet_before` (UTC text) — all from
        the facts kept per pursuit (its own columns copied there), one narrow row each. Without
        `quiet_before` only the settling bit is worked out (no rule asks the others)."""
        # Numbers, not a dozen columns and the dates as text: the driver's conversion of each
        # value is most of a row's cost. (In SQLite << and | bind alike, left to right: hence
        # the parentheses; a comparison with NULL is NULL, hence the coalesce.)
        mask = " | ".join(f"(({name} > 0) << {bit})" for bit, name in enumerate(self.COUNTS))
        if quiet_before is None:
            return self._query(
                f"SELECT pursuit_id, stage, {mask}, coalesce(stage_entered_at >= ?, 0)"
                f" << {self.SETTLING.bit_length() - 1} FROM pursuit_facts"
                " WHERE alive AND status = 'open'" + self._among("pursuit_id"),
                settling_from,
            )
        bound = " ".join("WHEN ? THEN ?" for _ in quiet_before)
        bound = f"(CASE stage {bound} END)" if quiet_before else "NULL"
        dated = (
            "(coalesce(trim(next_step, ?), '') = '')",
            "coalesce(next_step_due != '' AND substr(next_step_due, 1, 10) < ?, 0)",
            "coalesce(expected_close != '' AND substr(expected_close, 1, 10) < ?, 0)",
            "coalesce(stage_entered_at >= ?, 0)",
            f"coalesce(max(stage_entered_at, coalesce(touched_at, '')) < {bound}, 0)",
        )
        bits = " | ".join(f"({term} << {bit})" for bit, term in enumerate(dated))
        return self._query(
            f"SELECT pursuit_id, stage, {mask}, {bits} FROM pursuit_facts"
            " WHERE alive AND status = 'open'" + self._among("pursuit_id"),
            blanks,
            today_iso,
            today_iso,
            settling_from,
            *(value for pair in quiet_before.items() for value in pair),
        )

    def value_cases(self, accepted: str) -> list[Row]:
        """(pursuit id, investment, accepted, benefit lines) of the value cases that could have
        a problem: not `accepted`, or without an investment (an accepted case with figures has
        none); the lines are counted only when there is no investment (to tell an empty case
        from a real one)."""
        return self._query(
            "SELECT v.pursuit_id, v.investment, v.accepted,"
            " CASE WHEN v.investment = 0 THEN (SELECT count(*) FROM value_benefits AS b"
            "  WHERE b.value_case_id = v.id AND b.alive) ELSE 0 END"
            " FROM value_cases AS v WHERE v.alive AND (v.accepted IS NOT ? OR v.investment = 0)"
            + self._among("v.pursuit_id"),
            accepted,
        )

    def criteria_without_plan(self, fatal: str, important: int, max_score: int) -> list[Row]:
        """Criteria with no action plan that could be fatal — overridden to `fatal`, or at least
        `important` and scored by us below `max_score`: pursuit id, importance, our score, class
        override, and (without an override) a score of a competitor in the pursuit above ours,
        if any: whether one is above ours is all the best score tells such a criterion."""
        # `i.alive AND trim(i.action_plan) = ''`: the terms of the partial index
        # ix_indicators_unplanned (migration 0014), so only criteria without a plan are read.
        # `sc.alive = 1 AND sc.score > …`: a range of ix_indicator_scores_best, and the first
        # competitor still in the pursuit ends the search (the best is a fifth slower to find).
        return self._query(
            "SELECT i.pursuit_id, i.importance, i.our_score, i.class_override,"
            " CASE WHEN i.class_override IS NULL THEN (SELECT sc.score FROM indicator_scores"
            "  AS sc WHERE sc.indicator_id = i.id AND sc.alive = 1 AND sc.score > i.our_score"
            "  AND EXISTS (SELECT 1 FROM pursuit_competitors AS pc WHERE pc.pursuit_id ="
            "  i.pursuit_id AND pc.competitor_id = sc.competitor_id AND pc.alive) LIMIT 1) END"
            " FROM indicators AS i WHERE i.alive AND trim(i.action_plan) = ''"
            " AND (i.class_override = ? OR (i.class_override IS NULL AND i.importance >= ?"
            " AND i.our_score < ?))" + self._among("i.pursuit_id"),
            fatal,
            important,
            max_score,
        )

    def with_acceptance_signed(self) -> set[str]:
        """Pursuits whose collection checklist has the acceptance signed."""
        return self._ids_of(
            "SELECT o.pursuit_id FROM collections AS o WHERE o.alive AND o.acceptance_signed"
            + self._among("o.pursuit_id")
        )

    def with_instalment_overdue(self, today_iso: str) -> set[str]:
        """Pursuits with an instalment due before `today_iso` and not received."""
        return self._ids_of(
            "SELECT DISTINCT n.pursuit_id FROM instalments AS n WHERE n.alive"
            " AND n.received_on IS NULL AND n.due_on < ?" + self._among("n.pursuit_id"),
            today_iso,
        )

    def last_touches(self, now_utc: str, since: str = "") -> list[Row]:
        """(pursuit id, last touched at) — the latest done activity, note, visit held (before
        `now_utc`) or stage change, as stored UTC text; pursuits never touched are left out, and
        with `since` (ISO text) those not touched since then."""
        # A touch before `since` is left out before grouping: when only recent touches can
        # matter (deal health's count), the sort behind GROUP BY gets a fraction of the rows.
        parts = (
            "SELECT pursuit_id, done_at AS t FROM activities"
            " WHERE alive AND done AND done_at >= ? AND pursuit_id IS NOT NULL",
            "SELECT pursuit_id, noted_at FROM notes WHERE alive AND pursuit_id IS NOT NULL"
            " AND noted_at >= ?",
            "SELECT pursuit_id, starts_at FROM visits WHERE alive AND starts_at <= ?"
            " AND starts_at >= ?",
            # Four stage changes a pursuit: their latest per pursuit first (streamed from
            # ix_stage_changes_pursuit_changed), so the outer GROUP BY sorts a quarter as many.
            "SELECT pursuit_id, max(changed_at) FROM stage_changes WHERE alive AND changed_at >= ?",
        )
        sql = " UNION ALL ".join(part + self._among("pursuit_id") for part in parts)
        sql += " GROUP BY pursuit_id"  # closes the last part, the stage changes
        ids = self._ids or ()
        params = (since, *ids, since, *ids, now_utc, since, *ids, since, *ids)
        return self._db.execute(
            f"SELECT pursuit_id, max(t) FROM ({sql}) GROUP BY pursuit_id",
            params,
        ).fetchall()

    def visits_held(self, now_utc: str, since: str) -> list[Row]:
        """(pursuit id, start of its latest visit held) for visits started from `since` to
        `now_utc` (UTC text): the touches that depend on the clock, which `FACTS` leave out."""
        return self._query(
            "SELECT pursuit_id, max(starts_at) FROM visits WHERE starts_at <= ?"
            " AND starts_at >= ? AND alive" + self._among("pursuit_id") + " GROUP BY pursuit_id",
            now_utc,
            since,
        )

    def with_scheduled(self, today_iso: str, now_utc: str) -> set[str]:
        """Pursuits with an open activity dated today or later, or a visit still to come."""
        ids = self._ids or ()
        sql = (
            "SELECT pursuit_id FROM activities WHERE alive AND NOT done AND due_on >= ?"
            " AND pursuit_id IS NOT NULL" + self._among("pursuit_id") + " UNION "
            "SELECT pursuit_id FROM visits WHERE alive AND starts_at > ?"
            + self._among("pursuit_id")
        )
        rows = self._db.execute(sql, (today_iso, *ids, now_utc, *ids)).fetchall()
        return {row[0] for row in rows}

    def next_scheduled(self, today_iso: str, now_utc: str) -> list[Row]:
        """(pursuit id, is a visit, first) for what `with_scheduled` finds: the earliest open
        activity's due day (date text) and the earliest visit to come's start (UTC text)."""
        ids = self._ids or ()
        sql = (
            "SELECT pursuit_id, 0, min(due_on) FROM activities WHERE alive AND NOT done"
            " AND due_on >= ? AND pursuit_id IS NOT NULL"
            + self._among("pursuit_id")
            + " GROUP BY pursuit_id UNION ALL "
            "SELECT pursuit_id, 1, min(starts_at) FROM visits WHERE alive AND starts_at > ?"
            + self._among("pursuit_id")
            + " GROUP BY pursuit_id"
        )
        return self._db.execute(sql, (today_iso, *ids, now_utc, *ids)).fetchall()

    def _ids_of(self, sql: str, *extra: Any) -> set[str]:
        return {row[0] for row in self._query(sql, *extra)}


# --- the calendar file (.ics) of many visits ---------------------------------------------------
# A year of visits is thousands of ids: they are bound as one JSON array and read with json_each,
# one statement however many there are (no chunking under SQLite's variable limit).
def calendar_visit_rows(session: Session, ids: Sequence[str]) -> list[Row]:
    """The live visits among `ids` whose pursuit lives: id, starts at, duration in minutes,
    location, objective, our people, questions, help wanted, materials, version vector (as
    stored), updated at, pursuit title, pursuit stage, account name."""
    sql = (
        "SELECT v.id, v.starts_at, v.duration_minutes, v.location, v.objective, v.our_people,"
        " v.questions, v.help_wanted, v.materials, v.vv, v.updated_at, p.title, p.stage, a.name"
        " FROM visits AS v JOIN pursuits AS p ON p.id = v.pursuit_id"
        " JOIN accounts AS a ON a.id = p.account_id"
        " WHERE v.id IN (SELECT value FROM json_each(?)) AND v.alive AND p.alive"
    )
    return driver_of(session).execute(sql, (json.dumps(list(ids)),)).fetchall()


def calendar_attendee_rows(session: Session, visit_ids: Sequence[str]) -> list[Row]:
    """(visit id, stakeholder id, name, job title) of the live people attending `visit_ids`, in
    the order the people were added to the pursuit."""
    sql = (
        "SELECT t.visit_id, s.id, s.name, s.title"
        " FROM visit_attendees AS t JOIN stakeholders AS s ON s.id = t.stakeholder_id"
        " WHERE t.visit_id IN (SELECT value FROM json_each(?)) AND t.alive AND s.alive"
        " ORDER BY s.created_at"
    )
    return driver_of(session).execute(sql, (json.dumps(list(visit_ids)),)).fetchall()


def stakeholder_role_rows(session: Session, stakeholder_ids: Sequence[str]) -> list[Row]:
    """(stakeholder id, buying role) of the live roles of `stakeholder_ids`."""
    sql = (
        "SELECT r.stakeholder_id, r.role FROM stakeholder_roles AS r"
        " WHERE r.stakeholder_id IN (SELECT value FROM json_each(?)) AND r.alive"
    )
    return driver_of(session).execute(sql, (json.dumps(list(stakeholder_ids)),)).fetchall()


# --- bulk writes -------------------------------------------------------------------------------
@contextmanager
def bulk_write_cache(session: Session, megabytes: int) -> Iterator[None]:
    """A page cache of `megabytes` on the session's connection while a bulk write runs, and the
    connection's own size again after it.

    SQLite's default cache is 2 MB; inserting hundreds of thousands of rows keyed by random
    UUIDs touches index pages all over the file, and with the small cache most of them are
    written to the WAL and read back again and again.
    """
    driver = driver_of(session)
    (previous,) = driver.execute("PRAGMA cache_size").fetchone()
    driver.execute(f"PRAGMA cache_size = {-int(megabytes) * 1024}")
    try:
        yield
    finally:
        driver.execute(f"PRAGMA cache_size = {int(previous)}")


# --- the database file itself -----------------------------------------------------------------
def integrity_check(session: Session) -> str:
    """SQLite's `PRAGMA integrity_check`: "ok", or its findings one a line."""
    return "\n".join(row[0] for row in driver_of(session).execute("PRAGMA integrity_check"))


def foreign_key_problems(session: Session) -> list[Row]:
    """SQLite's `PRAGMA foreign_key_check`: one row per broken reference."""
    return driver_of(session).execute("PRAGMA foreign_key_check").fetchall()


# --- full-text search (the FTS5 index of migration 0002) -----------------------------------------
# The search index is SQLite FTS5 with the trigram tokenizer; `services.search` ranks and labels
# what these queries find. See that module for the approach.
MIN_TRIGRAM = 3  # the trigram tokenizer matches terms of at least three characters

TIER_EXACT, TIER_PREFIX, TIER_NAME, TIER_CONTEXT, TIER_BODY = range(5)


# Document ids are allotted per kind in ranges (migration 0002), so one kind is a rowid range.
KIND_CODES = {
    "pursuit": 1,
    "account": 2,
    "stakeholder": 3,
    "visit": 4,
    "coaching_answer": 5,
    "note": 6,
}
KIND_BITS = 40
# Kinds whose documents have a name or context (answers and notes only have a body).
NAMED_KINDS = ("pursuit", "account", "stakeholder", "visit")
# A short word stands for the trigrams that start with it; past this many, names are scanned.
MAX_EXPANSION = 400
MAX_EXPANSION_DOCS = 20_000  # … or past this many documents holding those trigrams

_ALIVE_PURSUIT = """
    (d.pursuit_id IS NULL
     OR EXISTS (SELECT 1 FROM pursuits p WHERE p.id = d.pursuit_id AND p.alive))
"""
_COLUMNS = "d.kind, d.record_id, d.pursuit_id, d.name, d.context, d.body"
_JOIN = "search_index JOIN search_docs AS d ON d.id = search_index.rowid"


def kind_range(kind: str) -> tuple[int, int]:
    low = KIND_CODES[kind] << KIND_BITS
    return low, low + (1 << KIND_BITS) - 1


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


class SearchQuery:
    """The words of a query: an FTS5 expression of those the index can find cheaply, LIKE
    filters for the others (words too common to OR their trigrams), and the tier SQL."""

    def __init__(self, session: Session, text_: str) -> None:
        self.text = text_
        self.terms = text_.split()
        self.params: dict[str, Any] = {"text": text_, "prefix": _escape_like(self.terms[0]) + "%"}
        for number, term in enumerate(self.terms):
            self.params[f"t{number}"] = "%" + _escape_like(term) + "%"
        self.phrases: list[str] = []  # FTS5 pieces, ANDed
        self.common: list[int] = []  # numbers of the words matched by LIKE
        self.empty = False  # a word no document holds: nothing matches
        if len(text_.replace(" ", "")) == 1:
            self.common = [0]
            return
        words = [_word(session, term) for term in self.terms]
        if any(word is None for word in words):
            self.empty = True
            return
        for number, (phrase, common) in enumerate(words):  # type: ignore[misc]
            if common and len(words) > 1:
                self.common.append(number)  # another word narrows the search; LIKE this one
            elif phrase:
                self.phrases.append(phrase)
            else:
                self.common.append(number)

    @property
    def expression(self) -> str:
        return " AND ".join(self.phrases)

    @property
    def scan(self) -> bool:
        """Nothing for the index: names and contexts are scanned (no body search)."""
        return not self.phrases

    def like(self, *columns: str, numbers: list[int] | None = None) -> str:
        """SQL: each word (of `numbers`, default all) is in one of `columns`; TRUE for none."""
        numbers = list(range(len(self.terms))) if numbers is None else numbers
        if not numbers:
            return "1"
        return " AND ".join(
            "(" + " OR ".join(f"{c} LIKE :t{n} ESCAPE '\\'" for c in columns) + ")" for n in numbers
        )

    def tier(self) -> str:
        return f"""
            CASE
                WHEN lower(d.name) = lower(:text) THEN {TIER_EXACT}
                WHEN d.name LIKE :prefix ESCAPE '\\' AND {self.like("d.name")} THEN {TIER_PREFIX}
                WHEN {self.like("d.name")} THEN {TIER_NAME}
                ELSE {TIER_CONTEXT}
            END
        """


def _word(session: Session, term: str) -> tuple[str, bool] | None:
    """One word as FTS5: a phrase of its trigrams, or for a shorter word the OR of the indexed
    trigrams that start with it (every character starts one: texts end with a marker).

    Returns (expression, common) — common when the trigrams are in so many documents that a
    LIKE filter beside another word is cheaper; the expression is "" when there are too many
    trigrams to OR. None when no document holds the word.
    """
    from sqlalchemy import text

    if len(term) >= MIN_TRIGRAM:
        return _fts_phrase(term), False
    if len(term) == 1:
        return "", True  # starts hundreds of trigrams: a LIKE filter, or a scan of names
    low = term.lower()
    rows = session.execute(
        text("SELECT term, doc FROM search_terms WHERE term >= :low AND term < :high LIMIT :cap"),
        {"low": low, "high": low + "\U0010ffff", "cap": MAX_EXPANSION + 1},
    ).all()
    if not rows:
        return None
    if len(rows) > MAX_EXPANSION:
        return "", True
    common = sum(doc for _term, doc in rows) > MAX_EXPANSION_DOCS
    return "(" + " OR ".join(_fts_phrase(term) for term, _doc in rows) + ")", common


def search_rows(session: Session, query: SearchQuery, kind: str, limit: int) -> list[Any]:
    """The best `limit` documents of `kind`: name matches ranked (exact, prefix, contains; then
    bm25), then context matches and body matches, newest first."""
    from sqlalchemy import text

    low, high = kind_range(kind)
    base = dict(query.params, low=low, high=high)
    matched = "search_index MATCH :match AND search_index.rowid BETWEEN :low AND :high"
    where = f"{matched} AND {_ALIVE_PURSUIT}"
    expression = query.expression
    rows: list[Any] = []
    if kind in NAMED_KINDS:
        rows += _ranked_alive(
            session,
            f"SELECT {_COLUMNS}, {query.tier()} AS tier FROM {_JOIN} WHERE {matched}{{alive}} "
            f"AND {query.like('d.name', numbers=query.common)} "
            "ORDER BY tier, bm25(search_index, 10.0, 4.0, 1.0), d.name LIMIT :limit",
            dict(base, match=f"{{name}} : ({expression})"),
            limit,
        )
        if len(rows) < limit:
            found = [r.record_id for r in rows]
            rows += session.execute(
                text(
                    f"SELECT {_COLUMNS}, {TIER_CONTEXT} AS tier FROM {_JOIN} WHERE {where} "
                    f"AND {query.like('d.name', 'd.context', 'd.body', numbers=query.common)} "
                    f"AND NOT ({query.like('d.name')}) "
                    "ORDER BY search_index.rowid DESC LIMIT :limit"
                ),
                dict(base, match=f"{{name context}} : ({expression})", limit=limit - len(rows)),
            ).all()
            rows = [r for r in rows if r.tier != TIER_CONTEXT or r.record_id not in found]
    if len(rows) < limit:
        # Those with every indexed word in the name or context were found above.
        match = expression
        if kind in NAMED_KINDS:
            match = f"({expression}) NOT {{name context}} : ({expression})"
        rows += session.execute(
            text(
                f"SELECT {_COLUMNS}, {TIER_BODY} AS tier FROM {_JOIN} WHERE {where} "
                f"AND {query.like('d.name', 'd.context', 'd.body', numbers=query.common)} "
                "ORDER BY search_index.rowid DESC LIMIT :limit"
            ),
            dict(base, match=match, limit=limit - len(rows)),
        ).all()
    return rows


def scanned_rows(session: Session, query: SearchQuery, kind: str, limit: int) -> list[Any]:
    """For a query of common words only: a scan of the names and contexts of `kind`."""
    if kind not in NAMED_KINDS:
        return []
    low, high = kind_range(kind)
    return _ranked_alive(
        session,
        f"SELECT {_COLUMNS}, {query.tier()} AS tier FROM search_docs AS d "
        f"WHERE d.id BETWEEN :low AND :high AND {query.like('d.name', 'd.context')}{{alive}} "
        "ORDER BY tier, length(d.name), d.name LIMIT :limit",
        dict(query.params, low=low, high=high),
        limit,
    )


def search_count(session: Session, query: SearchQuery, kind: str, cap: int) -> int:
    """How many documents of `kind` `search_rows` (or `scanned_rows`, for a scan) finds when
    not limited, counted up to `cap`: their tiers together are every document matching the
    indexed words anywhere, with the common words (LIKE) in its texts."""
    from sqlalchemy import text

    low, high = kind_range(kind)
    params = dict(query.params, low=low, high=high, cap=cap)
    if query.scan:
        if kind not in NAMED_KINDS:
            return 0
        found = (
            "SELECT 1 FROM search_docs AS d WHERE d.id BETWEEN :low AND :high "
            f"AND {query.like('d.name', 'd.context')} AND {_ALIVE_PURSUIT}"
        )
    else:
        params["match"] = query.expression
        found = (
            f"SELECT 1 FROM {_JOIN} WHERE search_index MATCH :match "
            "AND search_index.rowid BETWEEN :low AND :high "
            f"AND {query.like('d.name', 'd.context', 'd.body', numbers=query.common)} "
            f"AND {_ALIVE_PURSUIT}"
        )
    return int(
        session.execute(text(f"SELECT count(*) FROM ({found} LIMIT :cap)"), params).scalar_one()
    )


# A ranked read (ORDER BY a score … LIMIT) sorts every match, and checking each one's pursuit is
# alive (a lookup in pursuits per match) cost more than the ranking itself: 20,000 visits named
# alike at 50,000 pursuits, ~70 of ~100 ms. So the best few more than asked for are ranked
# unchecked and only those are checked; the first `limit` alive among them are the first
# `limit` of the checked ranking. When too many of them belong to deleted pursuits to fill the
# limit, the checked statement runs as before.
_SPARE = 16


def _ranked_alive(session: Session, sql: str, params: dict[str, Any], limit: int) -> list[Any]:
    """The first `limit` rows of `sql` (whose `{alive}` marks where the pursuit check goes)
    that are not children of a deleted pursuit."""
    from sqlalchemy import text

    window = limit + _SPARE
    rows = session.execute(text(sql.format(alive="")), dict(params, limit=window)).all()
    pursuit_ids = {r.pursuit_id for r in rows if r.pursuit_id is not None}
    alive = _alive_pursuits(session, pursuit_ids) if pursuit_ids else set()
    kept = [r for r in rows if r.pursuit_id is None or r.pursuit_id in alive]
    if len(kept) >= limit or len(rows) < window:
        return kept[:limit]
    checked = sql.format(alive=f" AND {_ALIVE_PURSUIT}")
    return list(session.execute(text(checked), dict(params, limit=limit)).all())


def _alive_pursuits(session: Session, ids: Collection[str]) -> set[str]:
    """Which of `ids` (a few dozen at most) are live pursuits."""
    sql = f"SELECT id FROM pursuits WHERE id IN ({_marks(ids)}) AND alive"
    return {row[0] for row in driver_of(session).execute(sql, tuple(ids))}


# --- the rep's day: agenda and timeline (services.queries.agenda / .timeline) -----------------
# A record on a deleted pursuit or account goes with it; on a purged one it is shown (orphaned,
# the name blank) rather than lost.
_SHOWN_LINKS = (
    " AND (p.id IS NULL OR p.alive OR p.purged) AND (a.id IS NULL OR a.alive OR a.purged)"
)

_AGENDA_OPEN_ACTIVITIES_SQL = """
    SELECT id, activity_kind, subject, due_on, due_at, duration_minutes, pursuit_id, account_id,
           step_key
    FROM activities WHERE alive AND done = 0 AND due_on IS NOT NULL AND due_on <= ?"""


def agenda_open_activities(session: Reader, until_iso: str) -> list[Row]:
    """Open dated activities due on or before `until_iso` (a date), without their links: id,
    kind, subject, due on, due at (UTC), duration, pursuit id, account id, step key. Joined to
    `agenda_links` in Python: at 20,000 rows two B-tree searches a row cost more than reading
    the pursuits and accounts whole (90 ms against 67 ms at 50,000 activities)."""
    return driver_of(session).execute(_AGENDA_OPEN_ACTIVITIES_SQL, (until_iso,)).fetchall()


def agenda_links(session: Reader) -> tuple[dict[str, Row], dict[str, Row]]:
    """{pursuit id: (title, account id, stage, shown)} and {account id: (name, shown)} of every
    pursuit and account; shown: alive, or purged (an item of a purged record is kept, told)."""
    db = driver_of(session)
    pursuits = {
        row[0]: row[1:]
        for row in db.execute("SELECT id, title, account_id, stage, alive OR purged FROM pursuits")
    }
    accounts = {
        row[0]: row[1:] for row in db.execute("SELECT id, name, alive OR purged FROM accounts")
    }
    return pursuits, accounts


_AGENDA_VISITS_SQL = (
    """
    SELECT v.id, v.objective, v.starts_at, v.duration_minutes, v.location, v.pursuit_id,
           coalesce(p.title, ''), p.account_id, coalesce(a.name, ''), p.stage
    FROM visits AS v
    JOIN pursuits AS p ON p.id = v.pursuit_id
    LEFT JOIN accounts AS a ON a.id = p.account_id
    WHERE v.alive AND v.starts_at >= ? AND v.starts_at < ? AND v.outcome = ''"""
    + _SHOWN_LINKS
)


def agenda_visit_rows(session: Reader, from_utc: str, until_utc: str) -> list[Row]:
    """Visits from `from_utc` to before `until_utc` still without an outcome: id, objective,
    starts at (UTC), duration, location, pursuit id, title, account id, account name, stage."""
    return driver_of(session).execute(_AGENDA_VISITS_SQL, (from_utc, until_utc)).fetchall()


# The agenda read a slice at a time (the Today screen): the links joined in SQL, since a slice is
# a few hundred rows; the same columns `agenda_open_activities` + `agenda_links` give in Python.
_AGENDA_JOINED_SQL = (
    """
    SELECT t.id, t.activity_kind, t.subject, t.due_on, t.due_at, t.duration_minutes, t.pursuit_id,
           coalesce(p.title, ''), CASE WHEN a.id IS NULL THEN p.account_id ELSE a.id END,
           coalesce(a.name, ''), p.stage, t.step_key
    FROM activities AS t
    LEFT JOIN pursuits AS p ON p.id = t.pursuit_id
    LEFT JOIN accounts AS a ON a.id = coalesce(t.account_id, p.account_id)
    WHERE {where} AND t.done = 0 AND t.due_on IS NOT NULL"""
    + _SHOWN_LINKS
)
# On the agenda's index (`alive = 1`, not a bare `alive`, so SQLite searches it by due day).
_OPEN_BY_DAY = "t.alive = 1"


def agenda_activity_slice(
    session: Reader, after_iso: str | None, through_iso: str, spread_iso: tuple[str, str]
) -> list[Row]:
    """Open activities due after `after_iso` (None: from the first) up to `through_iso`, and
    those with a time due in `spread_iso` (after, up to: the days either side where a time
    written in another zone may fall), their links joined: id, kind, subject, due on, due at
    (UTC), duration, pursuit id, pursuit title, account id, account name, stage, step key. Only
    those of shown pursuits and accounts."""
    low = "t.due_on > ? AND " if after_iso is not None else ""
    where = (
        f"{_OPEN_BY_DAY} AND t.due_on > ? AND t.due_on <= ?"
        f" AND (({low}t.due_on <= ?) OR t.due_at IS NOT NULL)"
    )
    args = (*spread_iso, *((after_iso,) if after_iso is not None else ()), through_iso)
    return driver_of(session).execute(_AGENDA_JOINED_SQL.format(where=where), args).fetchall()


def agenda_due_on_at(
    session: Reader, after_iso: str | None, until_iso: str, offset: int
) -> str | None:
    """The due day (text) of the open activity `offset` rows into those due after `after_iso` up
    to `until_iso`, in due-day order; None when there are not that many. Where a slice ends,
    read on the agenda's index without reading a row."""
    low = "AND due_on > ?" if after_iso is not None else ""
    args = (*((after_iso,) if after_iso is not None else ()), until_iso, offset)
    row = (
        driver_of(session)
        .execute(
            "SELECT due_on FROM activities WHERE alive = 1 AND done = 0 AND due_on IS NOT NULL "
            f"{low} AND due_on <= ? ORDER BY due_on LIMIT 1 OFFSET ?",
            args,
        )
        .fetchone()
    )
    return str(row[0]) if row is not None else None


def agenda_activities_among(
    session: Reader, activity_ids: Collection[str], pursuit_ids: Collection[str], until_iso: str
) -> list[Row]:
    """The open activities among `activity_ids` or of `pursuit_ids` due up to `until_iso`, as
    `agenda_activity_slice` gives them: what a change touched, read again."""
    found: list[Row] = []
    db = driver_of(session)
    for column, ids in (("t.id", list(activity_ids)), ("t.pursuit_id", list(pursuit_ids))):
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            # A bare `alive`: found by id (or pursuit), not by walking the due days.
            sql = _AGENDA_JOINED_SQL.format(
                where=f"{column} IN ({_marks(chunk)}) AND t.alive AND t.due_on <= ?"
            )
            found += db.execute(sql, (*chunk, until_iso)).fetchall()
    return found


def agenda_visits_among(
    session: Reader,
    visit_ids: Collection[str],
    pursuit_ids: Collection[str],
    from_utc: str,
    until_utc: str,
) -> list[Row]:
    """The visits among `visit_ids` or of `pursuit_ids` in the agenda's range, as
    `agenda_visit_rows` gives them."""
    found: list[Row] = []
    db = driver_of(session)
    for column, ids in (("v.id", list(visit_ids)), ("v.pursuit_id", list(pursuit_ids))):
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            sql = f"{_AGENDA_VISITS_SQL} AND {column} IN ({_marks(chunk)})"
            found += db.execute(sql, (from_utc, until_utc, *chunk)).fetchall()
    return found


# A pursuit's own next step (its "下一步" and "截止") is an agenda item too, on its calendar day:
# the open pursuits' next steps, on the partial index of migration 0016 (`ix_pursuits_next_step`),
# whose condition every read here repeats word for word so that SQLite uses it. A purged pursuit
# has none; a deleted account hides its pursuits' next steps, a purged one leaves them (blank).
_NEXT_STEP_OPEN = "p.alive AND NOT p.purged AND p.status = 'open' AND p.next_step_due IS NOT NULL"
_NEXT_STEP_SHOWN = " AND (a.id IS NULL OR a.alive OR a.purged)"
# The whole agenda's: one scan of the table (NOT INDEXED) reads most open pursuits for less than
# the index's row lookups would (15 ms against 37 ms for 23,000 of 50,000 pursuits).
_AGENDA_NEXT_STEPS_SQL = f"""
    SELECT p.id, p.next_step, p.next_step_due, p.title, p.account_id, p.stage
    FROM pursuits AS p NOT INDEXED
    WHERE {_NEXT_STEP_OPEN} AND p.next_step_due <= ?"""
_NEXT_STEPS_JOINED_SQL = (
    f"""
    SELECT p.id, p.next_step, p.next_step_due, p.title, p.account_id, coalesce(a.name, ''),
           p.stage
    FROM pursuits AS p
    LEFT JOIN accounts AS a ON a.id = p.account_id
    WHERE {_NEXT_STEP_OPEN} AND {{where}}"""
    + _NEXT_STEP_SHOWN
)

_NEXT_STEPS_AMONG_SQL = _NEXT_STEPS_JOINED_SQL.replace(
    "p.status = 'open' AND p.next_step_due IS NOT NULL",
    "+p.status = 'open' AND +p.next_step_due IS NOT NULL",
)


def agenda_next_steps(session: Reader, until_iso: str) -> list[Row]:
    """The next steps of open pursuits due on or before `until_iso` (a date), without their
    account's name: pursuit id, next step, due day, title, account id, stage. Joined to
    `agenda_links`' accounts in Python, as the open activities are."""
    return driver_of(session).execute(_AGENDA_NEXT_STEPS_SQL, (until_iso,)).fetchall()


def agenda_next_step_slice(session: Reader, after_iso: str | None, through_iso: str) -> list[Row]:
    """The next steps due after `after_iso` (None: from the first) up to `through_iso`, of shown
    accounts: pursuit id, next step, due day, title, account id, account name, stage."""
    low = "p.next_step_due > ? AND " if after_iso is not None else ""
    where = f"{low}p.next_step_due <= ?"
    args = (*((after_iso,) if after_iso is not None else ()), through_iso)
    return driver_of(session).execute(_NEXT_STEPS_JOINED_SQL.format(where=where), args).fetchall()


def agenda_next_step_due_at(
    session: Reader, after_iso: str | None, until_iso: str, offset: int
) -> str | None:
    """The due day of the next step `offset` rows into those due after `after_iso` up to
    `until_iso`, in day order (None: not that many): where a slice ends, on the index alone."""
    low = "AND p.next_step_due > ?" if after_iso is not None else ""
    args = (*((after_iso,) if after_iso is not None else ()), until_iso, offset)
    row = (
        driver_of(session)
        .execute(
            f"SELECT p.next_step_due FROM pursuits AS p WHERE {_NEXT_STEP_OPEN} {low}"
            " AND p.next_step_due <= ? ORDER BY p.next_step_due LIMIT 1 OFFSET ?",
            args,
        )
        .fetchone()
    )
    return str(row[0]) if row is not None else None


def agenda_next_steps_among(
    session: Reader, pursuit_ids: Collection[str], until_iso: str
) -> list[Row]:
    """The next steps of `pursuit_ids` due up to `until_iso`, as `agenda_next_step_slice` gives
    them: what a change touched, read again."""
    found: list[Row] = []
    db = driver_of(session)
    ids = list(pursuit_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        # Found by id: the day (`+`) must not make SQLite walk the next steps' index instead.
        where = f"p.id IN ({_marks(chunk)}) AND +p.next_step_due <= ?"
        found += db.execute(_NEXT_STEPS_AMONG_SQL.format(where=where), (*chunk, until_iso))
    return found


_NEXT_STEP_DAYS_SQL = f"""
    SELECT p.next_step_due, count(*) FROM pursuits AS p
    WHERE {_NEXT_STEP_OPEN} AND p.next_step_due <= ?
      AND p.account_id NOT IN (SELECT id FROM accounts WHERE alive = 0 AND purged = 0)
    GROUP BY p.next_step_due"""


def agenda_next_step_day_counts(session: Reader, until_iso: str) -> dict[str, int]:
    """{due day: how many next steps of open pursuits of shown accounts are due that day}, up to
    `until_iso`: counted on the index alone (its day and account), without reading a pursuit."""
    rows = driver_of(session).execute(_NEXT_STEP_DAYS_SQL, (until_iso,))
    return {str(day)[:10]: int(count) for day, count in rows}


# How many items each group of the agenda holds, before any item is read (the Today screen's
# headings): open activities by their due day, on the agenda's index alone (1 ms where reading
# each row's time costs 60 ms at 50,000), less those of deleted pursuits and accounts (found from
# those few records); visits, a few thousand at most, by the local day they start on.
_OPEN_DAYS_SQL = """
    SELECT due_on, count(*) FROM activities
    WHERE alive = 1 AND done = 0 AND due_on IS NOT NULL AND due_on <= ?
    GROUP BY due_on"""
# Found by id from the hidden records (unary `+`: not by walking the agenda's index).
_HIDDEN_DAYS_SQL = """
    SELECT due_on, count(*) FROM activities
    WHERE id IN (
        SELECT id FROM activities WHERE pursuit_id IN (
            SELECT id FROM pursuits WHERE alive = 0 AND purged = 0)
        UNION
        SELECT id FROM activities WHERE account_id IN (
            SELECT id FROM accounts WHERE alive = 0 AND purged = 0)
        UNION
        SELECT id FROM activities WHERE +account_id IS NULL AND pursuit_id IN (
            SELECT id FROM pursuits WHERE account_id IN (
                SELECT id FROM accounts WHERE alive = 0 AND purged = 0)))
      AND +alive = 1 AND +done = 0 AND +due_on IS NOT NULL AND +due_on <= ?
    GROUP BY due_on"""


def agenda_day_counts(
    session: Reader,
    until_iso: str,
    starts_utc: Sequence[str],
    first_day_iso: str,
    visit_from_utc: str,
) -> tuple[dict[str, int], dict[str, int]]:
    """({due day: how many open activities of shown pursuits and accounts are due that day, up
    to `until_iso`}, {group: how many visits without an outcome}). For the visits,
    `starts_utc[k]` is the UTC instant (text) where the k-th local day from `first_day_iso`
    begins (the last ends the agenda); their group is '' before the first, else that day."""
    db = driver_of(session)
    days: dict[str, int] = {}
    for sql, sign in (
        (_OPEN_DAYS_SQL, 1),
        (_HIDDEN_DAYS_SQL, -1),
    ):
        for day, count in db.execute(sql, (until_iso,)):
            days[day[:10]] = days.get(day[:10], 0) + sign * count
    names = [_day_after(first_day_iso, k) for k in range(len(starts_utc) - 1)]
    group = (
        "CASE WHEN v.starts_at < ? THEN '' "
        + " ".join(f"WHEN v.starts_at < ? THEN '{day}'" for day in names)
        + " END"
    )
    # Its pursuit there and shown, as `agenda_visit_rows` joins it: by the hidden ids again.
    visits_sql = f"""
        SELECT {group} AS g, count(*)
        FROM visits AS v
        WHERE v.alive AND v.starts_at >= ? AND v.starts_at < ? AND v.outcome = ''
          AND EXISTS (SELECT 1 FROM pursuits AS e WHERE e.id = v.pursuit_id)
          AND v.pursuit_id NOT IN (SELECT id FROM pursuits WHERE alive = 0 AND purged = 0)
          AND v.pursuit_id NOT IN (SELECT id FROM pursuits WHERE account_id IN (
              SELECT id FROM accounts WHERE alive = 0 AND purged = 0))
        GROUP BY g"""
    args = (*starts_utc, visit_from_utc, starts_utc[-1])
    visits = {g: n for g, n in db.execute(visits_sql, args) if g is not None}
    return days, visits


def _day_after(day_iso: str, days: int) -> str:
    return (date.fromisoformat(day_iso) + timedelta(days=days)).isoformat()


_DUE_COUNT_SQL = (
    """
    SELECT (SELECT count(*) FROM activities AS t
            LEFT JOIN pursuits AS p ON p.id = t.pursuit_id
            LEFT JOIN accounts AS a ON a.id = coalesce(t.account_id, p.account_id)
            WHERE t.alive AND t.done = 0 AND t.due_on IS NOT NULL AND t.due_on <= ?"""
    + _SHOWN_LINKS
    + """)
         + (SELECT count(*) FROM visits AS v
            JOIN pursuits AS p ON p.id = v.pursuit_id
            LEFT JOIN accounts AS a ON a.id = p.account_id
            WHERE v.alive AND v.starts_at >= ? AND v.starts_at < ? AND v.outcome = ''"""
    + _SHOWN_LINKS
    + """)
         + (SELECT count(*) FROM pursuits AS p
            LEFT JOIN accounts AS a ON a.id = p.account_id
            WHERE """
    + _NEXT_STEP_OPEN
    + " AND p.next_step_due <= ?"
    + _NEXT_STEP_SHOWN
    + ")"
)


def due_count(session: Reader, today_iso: str, visit_from_utc: str, visit_until_utc: str) -> int:
    """How many open activities and open pursuits' next steps are due on or before `today_iso`
    (a local date) plus visits from `visit_from_utc` to before `visit_until_utc` still without an
    outcome: what start-up asks to choose the Today screen, counted on the agenda's indexes."""
    row = (
        driver_of(session)
        .execute(_DUE_COUNT_SQL, (today_iso, visit_from_utc, visit_until_utc, today_iso))
        .fetchone()
    )
    return int(row[0]) if row is not None else 0


_ANYTHING_DUE_SQL = (
    """
    SELECT EXISTS (SELECT 1 FROM activities AS t
            LEFT JOIN pursuits AS p ON p.id = t.pursuit_id
            LEFT JOIN accounts AS a ON a.id = coalesce(t.account_id, p.account_id)
            WHERE t.alive AND t.done = 0 AND t.due_on IS NOT NULL AND t.due_on <= ?"""
    + _SHOWN_LINKS
    + """)
        OR EXISTS (SELECT 1 FROM visits AS v
            JOIN pursuits AS p ON p.id = v.pursuit_id
            LEFT JOIN accounts AS a ON a.id = p.account_id
            WHERE v.alive AND v.starts_at >= ? AND v.starts_at < ? AND v.outcome = ''"""
    + _SHOWN_LINKS
    + """)
        OR EXISTS (SELECT 1 FROM pursuits AS p
            LEFT JOIN accounts AS a ON a.id = p.account_id
            WHERE """
    + _NEXT_STEP_OPEN
    + " AND p.next_step_due <= ?"
    + _NEXT_STEP_SHOWN
    + ")"
)


def anything_due(
    session: Reader, today_iso: str, visit_from_utc: str, visit_until_utc: str
) -> bool:
    """Whether `due_count` would be above zero, stopping at the first such row: start-up's
    choice of the Today screen costs the same with five or fifty thousand things due."""
    row = (
        driver_of(session)
        .execute(_ANYTHING_DUE_SQL, (today_iso, visit_from_utc, visit_until_utc, today_iso))
        .fetchone()
    )
    return bool(row and row[0])


_TIMED_ACTIVITIES_SQL = (
    """
    SELECT t.id, t.activity_kind, t.subject, t.due_at, coalesce(p.title, ''), coalesce(a.name, '')
    FROM activities AS t
    LEFT JOIN pursuits AS p ON p.id = t.pursuit_id
    LEFT JOIN accounts AS a ON a.id = coalesce(t.account_id, p.account_id)
    WHERE t.alive AND t.done = 0 AND t.due_on IS NOT NULL AND t.due_on >= ? AND t.due_on <= ?
      AND t.due_at IS NOT NULL AND t.due_at > ? AND t.due_at <= ?"""
    + _SHOWN_LINKS
)

_ALL_DAY_ACTIVITIES_SQL = (
    """
    SELECT t.id, t.activity_kind, t.subject, t.due_on, coalesce(p.title, ''), coalesce(a.name, '')
    FROM activities AS t
    LEFT JOIN pursuits AS p ON p.id = t.pursuit_id
    LEFT JOIN accounts AS a ON a.id = coalesce(t.account_id, p.account_id)
    WHERE t.alive AND t.done = 0 AND t.due_on IS NOT NULL AND t.due_on >= ? AND t.due_on < ?
      AND t.due_at IS NULL"""
    + _SHOWN_LINKS
)

_TIMED_VISITS_SQL = (
    """
    SELECT v.id, 'visit', v.objective, v.starts_at, coalesce(p.title, ''), coalesce(a.name, '')
    FROM visits AS v
    JOIN pursuits AS p ON p.id = v.pursuit_id
    LEFT JOIN accounts AS a ON a.id = p.account_id
    WHERE v.alive AND v.starts_at > ? AND v.starts_at <= ? AND v.outcome = ''"""
    + _SHOWN_LINKS
)

_NEXT_ACTIVITY_SQL = """
    SELECT min(t.due_at) FROM activities AS t
    WHERE t.alive AND t.done = 0 AND t.due_on IS NOT NULL AND t.due_on >= ? AND t.due_at > ?"""

_NEXT_VISIT_SQL = """
    SELECT min(v.starts_at) FROM visits AS v
    WHERE v.alive AND v.starts_at > ? AND v.outcome = ''
      AND v.pursuit_id IN (SELECT id FROM pursuits WHERE alive OR purged)"""


def timed_due_rows(
    session: Reader, after_utc: str, until_utc: str, first_day: str, last_day: str
) -> list[Row]:
    """Open activities with a time and visits without an outcome due after `after_utc` up to
    `until_utc` (UTC text): id, kind ('visit' for a visit), subject, due at (UTC), pursuit title,
    account name. `first_day`..`last_day` bound the activities' local days for the index (a day
    either side of the range is enough in any zone)."""
    db = driver_of(session)
    rows = db.execute(_TIMED_ACTIVITIES_SQL, (first_day, last_day, after_utc, until_utc)).fetchall()
    rows += db.execute(_TIMED_VISITS_SQL, (after_utc, until_utc)).fetchall()
    return rows


def all_day_due_rows(session: Reader, from_day: str, until_day: str) -> list[Row]:
    """Open activities without a time due from `from_day` to before `until_day` (dates): id, kind,
    subject, due on, pursuit title, account name."""
    return driver_of(session).execute(_ALL_DAY_ACTIVITIES_SQL, (from_day, until_day)).fetchall()


_NEXT_STEPS_DUE_SQL = (
    f"""
    SELECT p.id, p.next_step, p.next_step_due, p.title, coalesce(a.name, '')
    FROM pursuits AS p
    LEFT JOIN accounts AS a ON a.id = p.account_id
    WHERE {_NEXT_STEP_OPEN} AND p.next_step_due >= ? AND p.next_step_due < ?"""
    + _NEXT_STEP_SHOWN
)


def next_step_due_rows(session: Reader, from_day: str, until_day: str) -> list[Row]:
    """Open pursuits' next steps due from `from_day` to before `until_day` (dates; a next step
    has no time of day): pursuit id, next step, due day, pursuit title, account name."""
    return driver_of(session).execute(_NEXT_STEPS_DUE_SQL, (from_day, until_day)).fetchall()


def next_timed_due(session: Reader, after_utc: str, first_day: str) -> str | None:
    """The earliest due time (UTC text) after `after_utc` of an open timed activity (on or after
    the local day `first_day`, for the index) or of a visit without an outcome; None when none."""
    db = driver_of(session)
    found = [
        row[0]
        for row in (
            db.execute(_NEXT_ACTIVITY_SQL, (first_day, after_utc)).fetchone(),
            db.execute(_NEXT_VISIT_SQL, (after_utc,)).fetchone(),
        )
        if row is not None and row[0] is not None
    ]
    return min(found) if found else None


def _scope(
    alias: str, *, pursuit_id: str | None, account_id: str | None, own_account: bool
) -> tuple[str, tuple[str, ...]]:
    """The condition that a record (`alias`) is on the pursuit, or on the account (itself, when
    the kind has an account link, or through one of the account's pursuits)."""
    if pursuit_id is not None:
        return f"{alias}.pursuit_id = ?", (pursuit_id,)
    assert account_id is not None
    through = f"{alias}.pursuit_id IN (SELECT id FROM pursuits WHERE account_id = ? AND alive)"
    if own_account:
        return f"({alias}.account_id = ? OR {through})", (account_id, account_id)
    return through, (account_id,)


def timeline_rows(
    session: Session, *, pursuit_id: str | None = None, account_id: str | None = None
) -> list[Row]:
    """Everything that happened on a pursuit or an account, one row each, newest first:
    (kind, id, when — UTC text or a date, pursuit id, pursuit title, title, detail, done, extra).

    kind is 'note' (title the body; extra the person's name), 'activity' (title the subject,
    detail the outcome, extra its activity kind; when: done at, else due at or due on),
    'visit' (title the objective, detail the outcome, extra the location), 'stage_change'
    (title 'from>to', detail the note, extra the override reason) or 'import' (a sync import
    that changed the pursuit: title the name of the database it came from, detail how many
    fields it changed, extra that database's site id).
    """
    db = driver_of(session)
    note_scope, note_args = _scope(
        "n", pursuit_id=pursuit_id, account_id=account_id, own_account=True
    )
    act_scope, act_args = _scope(
        "t", pursuit_id=pursuit_id, account_id=account_id, own_account=True
    )
    visit_scope, visit_args = _scope(
        "v", pursuit_id=pursuit_id, account_id=account_id, own_account=False
    )
    # An import names the pursuits it changed in its log entry's summary (services.sync.importer).
    import_scope = "ip.id = ?" if pursuit_id is not None else "ip.account_id = ? AND ip.alive"
    import_args = (pursuit_id if pursuit_id is not None else account_id,)
    stage_scope, stage_args = _scope(
        "c", pursuit_id=pursuit_id, account_id=account_id, own_account=False
    )
    sql = f"""
        SELECT 'note', n.id, coalesce(n.noted_at, n.created_at), n.pursuit_id,
               coalesce(p.title, ''), n.body, '', 1, coalesce(s.name, '')
        FROM notes AS n LEFT JOIN pursuits AS p ON p.id = n.pursuit_id
        LEFT JOIN stakeholders AS s ON s.id = n.stakeholder_id
        WHERE n.alive AND {note_scope}
        UNION ALL
        SELECT 'activity', t.id, coalesce(t.done_at, t.due_at, t.due_on, t.created_at),
               t.pursuit_id, coalesce(p.title, ''), t.subject, t.outcome, t.done, t.activity_kind
        FROM activities AS t LEFT JOIN pursuits AS p ON p.id = t.pursuit_id
        WHERE t.alive AND {act_scope}
        UNION ALL
        SELECT 'visit', v.id, v.starts_at, v.pursuit_id, coalesce(p.title, ''), v.objective,
               v.outcome, v.outcome <> '', v.location
        FROM visits AS v LEFT JOIN pursuits AS p ON p.id = v.pursuit_id
        WHERE v.alive AND v.starts_at IS NOT NULL AND {visit_scope}
        UNION ALL
        SELECT 'stage_change', c.id, c.changed_at, c.pursuit_id, coalesce(p.title, ''),
               coalesce(c.from_stage, '') || '>' || c.to_stage, c.note, 1, c.override_reason
        FROM stage_changes AS c LEFT JOIN pursuits AS p ON p.id = c.pursuit_id
        WHERE c.alive AND {stage_scope}
        UNION ALL
        SELECT 'import', i.id, i.imported_at, ip.id, ip.title, coalesce(o.name, ''),
               json_extract(i.summary, '$.pursuits."' || ip.id || '"[1]'), 1, i.source_site
        FROM pursuits AS ip JOIN sync_imports AS i ON instr(i.summary, ip.id) > 0
        LEFT JOIN sync_sites AS o ON o.site_id = i.source_site
        WHERE {import_scope}
          AND json_extract(i.summary, '$.pursuits."' || ip.id || '"') IS NOT NULL
        ORDER BY 3 DESC, 2
    """
    args = (*note_args, *act_args, *visit_args, *stage_args, *import_args)
    return db.execute(sql, args).fetchall()


@contextmanager
def page_cache(session: Session, kib: int) -> Iterator[None]:
    """SQLite's page cache of the session's connection raised to `kib` KiB for the block, then
    put back. A bulk write (a table import of tens of thousands of rows, with their indexes and
    the search index) otherwise rereads its B-tree pages from the OS for every row: ~25 % of
    its time at 50,000 rows."""
    conn = session.connection()
    before = int(conn.exec_driver_sql("PRAGMA cache_size").scalar() or -2000)
    conn.exec_driver_sql(f"PRAGMA cache_size = {-abs(int(kib))}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {before}")
