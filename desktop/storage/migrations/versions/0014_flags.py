"""flags: each pursuit's deal-health facts kept by triggers, so the red flags read one row a pursuit

Revision ID: 0014
Revises: 0013

Hand-written (Alembic cannot autogenerate triggers).

The board and the Pursuits list count every open pursuit's red flags (`services.health.
red_flag_counts`). At 50,000 pursuits most of that time went into joining 250,000 map cards to
their buying roles, then scanning the pain points, competitors, risks, criteria and the dated
records for a handful of facts a pursuit. Those facts change only when one of their rows is
written, so they are kept per pursuit as the rows are written, in two derived tables (not synced:
every database derives them from its own rows):

- `pursuit_facts`, one row per pursuit that has any: how many live map cards hold each buying
  role a rule asks for (`insiders` … `deciders`), how many decision-makers are at a reached
  relationship, how many allies, written pains, unanswered rivals, open high-impact risks and
  criteria that could be fatal without a plan (the few the rule then classifies), how many live
  value cases (the few that could have a problem are read then), and the last
  touch that does not depend on the clock (the latest done activity, note or stage change; a
  visit counts only once it has started, so visits are read when the count is made);
- `stakeholder_facts`, the live roles of each map card, so a card changing its pursuit,
  relationship or life moves its roles' counts with one lookup.

SQLite triggers keep them: every writer — the use-cases, undo, the sync import and merge, the
import into a new database, the demo's bulk load, a purge — goes through them without knowing of
them. Each trigger changes the counts by the row's own contribution (its old one taken away, its
new one added), looking rows up by primary key only, so it costs the same when a bulk load has
set the secondary indexes aside. Only the last touch, a maximum, is counted again from the
indexes when a touch is edited or deleted: bulk loads only insert, which needs no recount.

A card deleted outright (never done by the application, which keeps tombstones) deletes its roles
by the foreign key's cascade after its own row is gone: those role deletions leave the counts to
the card's own trigger, which takes its whole contribution away.

The rules' constants (the buying roles, the reached relationships, the blank characters, the
high-impact severity, the criteria's scale) are written into the triggers here;
tests/services/test_health_facts.py holds them equal to `domain.health` and `domain.indicators`.

The criteria that could be fatal are classified on their best rival score, which the count reads
for each: two covering indexes (`INDEXES`) make that read one of indexes alone, and a partial one
of the criteria without a plan (`UNPLANNED`) finds them without reading the others.
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

# Buying role -> the count column (domain.health.ROLE_RULES' roles, then DECISION_MAKER).
ROLES = {
    "insider": "insiders",
    "initiator": "initiators",
    "designer": "designers",
    "evaluator": "evaluators",
    "decision_maker": "deciders",
}
DECIDER = "decision_maker"
REACHED = ("interacting", "personal_trust", "ally")  # domain.health.REACHED_RELATIONSHIPS
ALLY = "ally"  # domain.health.ALLY
# domain.health.BLANKS: the characters str.strip() removes, as code points for char().
BLANKS = (
    9, 10, 11, 12, 13, 28, 29, 30, 31, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197,
    8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288,
)  # fmt: skip
HIGH_IMPACT = 4  # domain.health.HIGH_IMPACT
FATAL, IMPORTANT, MAX_SCORE = "fatal", 3, 5  # domain.indicators

_BLANKS_SQL = f"char({', '.join(map(str, BLANKS))})"
_REACHED_SQL = ", ".join(f"'{r}'" for r in REACHED)


def _written(text: str) -> str:
    return f"(trim({text}, {_BLANKS_SQL}) != '')"


# One-row contributions: count column -> (table, the columns it reads, its predicate over X.*).
# A live row of the table adds 1 to its pursuit's column when the predicate holds.
COUNTED = {
    "allies": ("stakeholders", ("relationship",), f"X.relationship = '{ALLY}'"),
    "written_pains": ("pain_points", ("pain",), _written("X.pain")),
    "unanswered_rivals": (
        "pursuit_competitors",
        ("label", "features", "advantages", "benefits"),
        f"NOT ({_written('X.label')} AND ({_written('X.features')}"
        f" OR {_written('X.advantages')} OR {_written('X.benefits')}))",
    ),
    "open_high_risks": (
        "risks",
        ("status", "severity"),
        f"X.status = 'open' AND X.severity >= {HIGH_IMPACT}",
    ),
    # Without a plan, and overridden to fatal or important and scored by us below the top: the
    # criteria that could be fatal (whether one is depends on the rivals' scores, read then).
    "fatal_candidates": (
        "indicators",
        ("action_plan", "class_override", "importance", "our_score"),
        f"trim(X.action_plan) = '' AND (X.class_override = '{FATAL}' OR"
        f" (X.class_override IS NULL AND X.importance >= {IMPORTANT}"
        f" AND X.our_score < {MAX_SCORE}))",
    ),
    "value_cases": ("value_cases", (), "1"),  # any live one
}
# The dated records that touch a pursuit, and the column that dates them.
TOUCHES = {
    "activities": ("done_at", "alive AND done"),
    "notes": ("noted_at", "alive"),
    "stage_changes": ("changed_at", "alive"),
}
COLUMNS = (*ROLES.values(), "reached_deciders", *COUNTED)
# The pursuit's own columns the count reads, copied (with their types), so that it reads one
# narrow row a pursuit and no pursuit row.
COPIED = {
    "alive": "BOOLEAN",
    "status": "VARCHAR(16)",
    "stage": "INTEGER",
    "stage_entered_at": "DATETIME",
    "expected_close": "DATE",
    "next_step": "TEXT",
    "next_step_due": "DATE",
}


def _create_tables() -> None:
    counts = ", ".join(f"{c} INTEGER NOT NULL DEFAULT 0" for c in COLUMNS)
    op.execute(
        "CREATE TABLE pursuit_facts (pursuit_id VARCHAR(36) NOT NULL PRIMARY KEY,"
        f" {', '.join(f'{name} {kind}' for name, kind in COPIED.items())},"
        f" {counts}, touched_at DATETIME) WITHOUT ROWID"
    )
    roles = ", ".join(f"{c} INTEGER NOT NULL DEFAULT 0" for c in ROLES.values())
    op.execute(
        "CREATE TABLE stakeholder_facts (stakeholder_id VARCHAR(36) NOT NULL PRIMARY KEY,"
        f" {roles}) WITHOUT ROWID"
    )


def _trigger(name: str, event: str, table: str, when: str, body: list[str]) -> None:
    condition = f" WHEN {when}" if when else ""
    statements = "".join(f" {statement};" for statement in body)
    op.execute(f"CREATE TRIGGER {name} AFTER {event} ON {table}{condition} BEGIN{statements} END")


_ROWS = {"NEW": "+", "OLD": "-"}  # a row's contribution is added, its old one taken away


def _ensure(pursuit: str) -> str:
    """The pursuit's row made when it has none yet (a row's condition may follow, AND …)."""
    return (
        "INSERT OR IGNORE INTO pursuit_facts (pursuit_id)"
        f" SELECT {pursuit} WHERE {pursuit} IS NOT NULL"
    )


def _counted_triggers() -> None:
    for column, (table, watched, predicate) in COUNTED.items():
        holds = {row: f"({row}.alive AND {predicate.replace('X.', f'{row}.')})" for row in _ROWS}
        change = {
            row: f"UPDATE pursuit_facts SET {column} = {column} {sign} 1"
            f" WHERE pursuit_id = {row}.pursuit_id AND {holds[row]}"
            for row, sign in _ROWS.items()
        }
        add = [_ensure("NEW.pursuit_id") + f" AND {holds['NEW']}", change["NEW"]]
        name = f"facts_{column}"
        _trigger(f"{name}_ai", "INSERT", table, holds["NEW"], add)
        _trigger(f"{name}_ad", "DELETE", table, holds["OLD"], [change["OLD"]])
        of = ", ".join(("pursuit_id", "alive", *watched))
        _trigger(f"{name}_au", f"UPDATE OF {of}", table, "", [change["OLD"], *add])


def _role_triggers() -> None:
    """A role row counts in its card's `stakeholder_facts`, and in its pursuit's counts while the
    card is there and alive."""

    def deltas(row: str, sign: str, target: str) -> str:
        sets = [f"{c} = {c} {sign} ({row}.role = '{role}')" for role, c in ROLES.items()]
        if target == "pursuit_facts":
            reached = (
                f"(SELECT relationship FROM stakeholders WHERE id = {row}.stakeholder_id)"
                f" IN ({_REACHED_SQL})"
            )
            sets.append(
                f"reached_deciders = reached_deciders {sign}"
                f" coalesce({row}.role = '{DECIDER}' AND {reached}, 0)"
            )
        return ", ".join(sets)

    def counts(row: str) -> str:
        roles = ", ".join(f"'{role}'" for role in ROLES)
        return f"({row}.alive AND {row}.role IN ({roles}))"

    def card_pursuit(row: str) -> str:
        return f"(SELECT pursuit_id FROM stakeholders WHERE id = {row}.stakeholder_id AND alive)"

    def add(row: str) -> list[str]:
        return [
            f"INSERT OR IGNORE INTO stakeholder_facts (stakeholder_id) SELECT {row}.stakeholder_id"
            f" WHERE {counts(row)}",
            f"UPDATE stakeholder_facts SET {deltas(row, '+', 'stakeholder_facts')}"
            f" WHERE stakeholder_id = {row}.stakeholder_id AND {counts(row)}",
            _ensure(card_pursuit(row)) + f" AND {counts(row)}",
            f"UPDATE pursuit_facts SET {deltas(row, '+', 'pursuit_facts')}"
            f" WHERE pursuit_id = {card_pursuit(row)} AND {counts(row)}",
        ]

    def take(row: str) -> list[str]:
        # Only while the card is there: a card deleted outright takes its roles away itself.
        card = f"EXISTS (SELECT 1 FROM stakeholders WHERE id = {row}.stakeholder_id)"
        return [
            f"UPDATE stakeholder_facts SET {deltas(row, '-', 'stakeholder_facts')}"
            f" WHERE stakeholder_id = {row}.stakeholder_id AND {counts(row)} AND {card}",
            f"UPDATE pursuit_facts SET {deltas(row, '-', 'pursuit_facts')}"
            f" WHERE pursuit_id = {card_pursuit(row)} AND {counts(row)}",
        ]

    _trigger("facts_roles_ai", "INSERT", "stakeholder_roles", counts("NEW"), add("NEW"))
    _trigger("facts_roles_ad", "DELETE", "stakeholder_roles", counts("OLD"), take("OLD"))
    of = "stakeholder_id, alive, role"
    _trigger("facts_roles_au", f"UPDATE OF {of}", "stakeholder_roles", "", take("OLD") + add("NEW"))


def _card_triggers() -> None:
    """A live card adds its roles (`stakeholder_facts`) to its pursuit's counts."""

    def change(row: str, sign: str) -> str:
        held = "(SELECT {c} FROM stakeholder_facts WHERE stakeholder_id = " + row + ".id)"
        sets = [f"{c} = {c} {sign} {held.format(c=c)}" for c in ROLES.values()]
        reached = f"{row}.relationship IN ({_REACHED_SQL})"
        deciders = held.format(c=ROLES[DECIDER])
        sets.append(f"reached_deciders = reached_deciders {sign} ({reached}) * {deciders}")
        return (
            f"UPDATE pursuit_facts SET {', '.join(sets)} WHERE pursuit_id = {row}.pursuit_id"
            f" AND {row}.alive AND EXISTS (SELECT 1 FROM stakeholder_facts"
            f" WHERE stakeholder_id = {row}.id)"
        )

    add = [_ensure("NEW.pursuit_id") + " AND NEW.alive", change("NEW", "+")]
    gone = "DELETE FROM stakeholder_facts WHERE stakeholder_id = OLD.id"
    _trigger("facts_cards_ai", "INSERT", "stakeholders", "NEW.alive", add)
    _trigger("facts_cards_ad", "DELETE", "stakeholders", "", [change("OLD", "-"), gone])
    of = "pursuit_id, alive, relationship"
    _trigger("facts_cards_au", f"UPDATE OF {of}", "stakeholders", "", [change("OLD", "-"), *add])


def _pursuit_triggers() -> None:
    """The pursuit's own columns copied as it is written; its facts go when it is deleted
    outright (its rows' own triggers ran first, through the cascades)."""
    copy = [
        _ensure("NEW.id"),
        f"UPDATE pursuit_facts SET {', '.join(f'{c} = NEW.{c}' for c in COPIED)}"
        " WHERE pursuit_id = NEW.id",
    ]
    _trigger("facts_pursuits_ai", "INSERT", "pursuits", "", copy)
    _trigger("facts_pursuits_au", f"UPDATE OF {', '.join(COPIED)}", "pursuits", "", copy)
    gone = "DELETE FROM pursuit_facts WHERE pursuit_id = OLD.id"
    _trigger("facts_pursuits_ad", "DELETE", "pursuits", "", [gone])


def _recount_touch(pursuit: str) -> str:
    """The statement that sets the last touch of `pursuit` (NEW.… or OLD.… in a trigger; the
    outer row's own id when filling every pursuit) from the touches themselves."""
    latest = " UNION ALL ".join(
        f"SELECT max({column}) AS t FROM {table} WHERE pursuit_id = {pursuit} AND {live}"
        for table, (column, live) in TOUCHES.items()
    )
    one = f" WHERE pursuit_id = {pursuit}" if pursuit != "pursuit_facts.pursuit_id" else ""
    return f"UPDATE pursuit_facts SET touched_at = (SELECT max(t) FROM ({latest})){one}"


def _touch_triggers() -> None:
    for table, (column, live) in TOUCHES.items():
        new_live = " AND ".join(f"NEW.{term}" for term in live.split(" AND "))
        when = f"{new_live} AND NEW.{column} IS NOT NULL AND NEW.pursuit_id IS NOT NULL"
        later = (
            f"UPDATE pursuit_facts SET touched_at = NEW.{column} WHERE pursuit_id = NEW.pursuit_id"
            f" AND (touched_at IS NULL OR touched_at < NEW.{column})"
        )
        _trigger(
            f"facts_touch_{table}_ai", "INSERT", table, when, [_ensure("NEW.pursuit_id"), later]
        )
        _trigger(
            f"facts_touch_{table}_ad", "DELETE", table, "OLD.pursuit_id IS NOT NULL",
            [_recount_touch("OLD.pursuit_id")],
        )  # fmt: skip
        _trigger(
            f"facts_touch_{table}_au",
            f"UPDATE OF pursuit_id, alive, {column}" + (", done" if table == "activities" else ""),
            table,
            "",
            [
                _recount_touch("OLD.pursuit_id"),
                _ensure("NEW.pursuit_id"),
                _recount_touch("NEW.pursuit_id"),
            ],
        )


def _fill() -> None:
    """The counts of the rows already there."""
    roles = ", ".join(ROLES.values())
    held = ", ".join(f"sum(alive AND role = '{role}')" for role in ROLES)
    op.execute(
        f"INSERT INTO stakeholder_facts (stakeholder_id, {roles}) SELECT stakeholder_id, {held}"
        " FROM stakeholder_roles GROUP BY stakeholder_id"
    )
    copied = ", ".join(COPIED)
    op.execute(
        f"INSERT INTO pursuit_facts (pursuit_id, {copied}) SELECT id, {copied} FROM pursuits"
    )
    sums = ", ".join(f"coalesce(sum(v.{c}), 0)" for c in ROLES.values())
    deciders = ROLES[DECIDER]
    op.execute(
        f"UPDATE pursuit_facts SET ({roles}, reached_deciders) = (SELECT {sums},"
        f" coalesce(sum(v.{deciders} * (s.relationship IN ({_REACHED_SQL}))), 0)"
        " FROM stakeholders AS s JOIN stakeholder_facts AS v ON v.stakeholder_id = s.id"
        " WHERE s.pursuit_id = pursuit_facts.pursuit_id AND s.alive)"
    )
    for column, (table, _watched, predicate) in COUNTED.items():
        op.execute(
            f"UPDATE pursuit_facts SET {column} = (SELECT count(*) FROM {table} AS X"
            f" WHERE X.pursuit_id = pursuit_facts.pursuit_id AND X.alive AND {predicate})"
        )
    op.execute(_recount_touch("pursuit_facts.pursuit_id"))


# The criteria that could be fatal are then classified on their best rival score, read for each
# on these indexes alone (no score or rival row): they start with the column of the indexes they
# replace, which served the same lookups and cascades.
INDEXES = {
    "ix_indicator_scores_best": (
        "indicator_scores",
        ["indicator_id", "alive", "score", "competitor_id"],
        "ix_indicator_scores_indicator_id",
        "indicator_id",
    ),
    "ix_pursuit_competitors_rivals": (
        "pursuit_competitors",
        ["pursuit_id", "competitor_id", "alive"],
        "ix_pursuit_competitors_pursuit_id",
        "pursuit_id",
    ),
}

# The criteria without a plan, the only ones that can be fatal without one: a third of them, whose
# scores and override the count's filter reads here before it reads a criterion's row. The query's
# WHERE must name these terms for SQLite to use the partial index: keep them equal to
# `storage.queries.HealthFacts.criteria_without_plan`'s.
UNPLANNED = "ix_indicators_unplanned"
UNPLANNED_COLUMNS = ["pursuit_id", "importance", "our_score", "class_override", "id"]
UNPLANNED_WHERE = "alive AND trim(action_plan) = ''"


def upgrade() -> None:
    for name, (table, columns, replaced, _column) in INDEXES.items():
        op.create_index(name, table, columns)
        op.drop_index(replaced, table_name=table)
    op.create_index(
        UNPLANNED, "indicators", UNPLANNED_COLUMNS, sqlite_where=sa.text(UNPLANNED_WHERE)
    )
    _create_tables()
    _fill()
    _role_triggers()
    _card_triggers()
    _counted_triggers()
    _touch_triggers()
    _pursuit_triggers()


def downgrade() -> None:
    for (name,) in (
        op.get_bind()
        .exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'"
            " AND name LIKE 'facts\\_%' ESCAPE '\\'"
        )
        .fetchall()
    ):
        op.execute(f"DROP TRIGGER {name}")
    op.execute("DROP TABLE stakeholder_facts")
    op.execute("DROP TABLE pursuit_facts")
    op.drop_index(UNPLANNED, table_name="indicators")
    for name, (table, _columns, replaced, column) in INDEXES.items():
        op.create_index(replaced, table, [column])
        op.drop_index(name, table_name=table)
