"""search index: FTS5 (trigram) over pursuits, accounts, stakeholders, visits, answers and notes

Revision ID: 0002
Revises: 0001

Hand-written (Alembic cannot autogenerate virtual tables or triggers).

`search_docs` holds one row per live searchable record: its kind, id, pursuit and three texts —
`name` (what the record is called), `context` (what it is known by besides) and `body` (the rest).
`search_index` is an FTS5 table with the trigram tokenizer over those texts (external content:
the text is stored once, in `search_docs`), so any substring of three or more characters matches,
Chinese included. `search_terms` (fts5vocab) lists the index's trigrams, so a one- or two-character
word is found too: it becomes the OR of the trigrams that start with it. For that, every indexed
text ends with two U+E000 characters (private use; never typed), so each character of the text
starts a trigram.

Document ids are allotted per kind in ranges of 2**40 (pursuit 1, account 2, stakeholder 3, visit 4,
coaching answer 5, note 6: ids (code << 40) + n), so a query limited to one kind is a rowid range
that FTS5 seeks to, instead of a filter over every match.

Triggers keep both in step with the source tables: an insert adds a document, an edit of a
searched column replaces it (with a new, higher id: the newest edits sort first), a soft delete
(alive = 0), a purge or a hard delete drops it. The triggers are the only writers, so every write
path (services, bulk demo inserts, sync import) keeps the index right without knowing of it.
Because of the end marker, FTS5's 'rebuild' command must not be used on this index.
"""

from typing import NotRequired, TypedDict

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

KIND_BITS = 40
END_MARK = "char(57344, 57344)"  # U+E000 twice, after every indexed text


class _Source(TypedDict):
    kind: str
    code: int
    pursuit: str
    name: str
    context: str
    body: tuple[str, ...]
    watch: tuple[str, ...]
    when: NotRequired[str]


# Per source table: kind, the pursuit it belongs to, and SQL expressions over NEW.* for the texts.
# `watch` lists the columns whose change re-indexes the record.
SOURCES: dict[str, _Source] = {
    "pursuits": {
        "kind": "pursuit",
        "code": 1,
        "pursuit": "NEW.id",
        "name": "NEW.title",
        "context": "(SELECT name FROM accounts WHERE id = NEW.account_id)",
        "body": ("NEW.next_step", "NEW.notes", "NEW.close_reason", "NEW.owner"),
        "watch": (
            "title",
            "account_id",
            "next_step",
            "notes",
            "close_reason",
            "owner",
            "alive",
            "purged",
        ),
    },
    "accounts": {
        "kind": "account",
        "code": 2,
        "pursuit": "NULL",
        "name": "NEW.name",
        "context": "NEW.industry",
        "body": ("NEW.address", "NEW.notes"),
        "watch": ("name", "industry", "address", "notes", "alive", "purged"),
    },
    "stakeholders": {
        "kind": "stakeholder",
        "code": 3,
        "pursuit": "NEW.pursuit_id",
        "name": "NEW.name",
        "context": (
            "trim(coalesce(NEW.title, '') || CASE WHEN coalesce(NEW.title, '') <> '' AND "
            "coalesce(NEW.department, '') <> '' THEN ' · ' ELSE '' END || "
            "coalesce(NEW.department, ''))"
        ),
        "body": (
            "NEW.phone",
            "NEW.email",
            "NEW.interests",
            "NEW.plan",
            "NEW.next_step",
            "NEW.notes",
        ),
        "watch": (
            "name",
            "title",
            "department",
            "phone",
            "email",
            "interests",
            "plan",
            "next_step",
            "notes",
            "pursuit_id",
            "alive",
            "purged",
        ),
    },
    "visits": {
        "kind": "visit",
        "code": 4,
        "pursuit": "NEW.pursuit_id",
        "name": "NEW.objective",
        "context": "NEW.location",
        "body": (
            "NEW.our_people",
            "NEW.questions",
            "NEW.help_wanted",
            "NEW.materials",
            "NEW.outcome",
            "NEW.learned",
            "NEW.next_steps",
        ),
        "watch": (
            "objective",
            "location",
            "our_people",
            "questions",
            "help_wanted",
            "materials",
            "outcome",
            "learned",
            "next_steps",
            "pursuit_id",
            "alive",
            "purged",
        ),
    },
    "coaching_answers": {
        "kind": "coaching_answer",
        "code": 5,
        "pursuit": "NEW.pursuit_id",
        "name": "''",
        "context": "''",
        "body": ("NEW.answer",),
        "watch": ("answer", "pursuit_id", "alive", "purged"),
        "when": "NEW.answer <> ''",
    },
    "notes": {
        "kind": "note",
        "code": 6,
        "pursuit": "NEW.pursuit_id",
        "name": "''",
        "context": "''",
        "body": ("NEW.body",),
        "watch": ("body", "pursuit_id", "alive", "purged"),
        "when": "NEW.body <> ''",
    },
}


def _body(parts: tuple[str, ...]) -> str:
    """The body columns joined by newlines, empty ones left out."""
    pieces = [f"coalesce({p}, '')" for p in parts]
    if len(pieces) == 1:
        return pieces[0]
    joined = " || char(10) || ".join(pieces)
    return f"trim({joined}, char(10))"


def _doc_values(spec: _Source, prefix: str) -> str:
    """kind, record id, pursuit id, name, context, body of the source row `prefix` (NEW or t)."""

    def sub(expr: str) -> str:
        return expr.replace("NEW.", f"{prefix}.")

    return (
        f"'{spec['kind']}', {prefix}.id, {sub(spec['pursuit'])}, "
        f"coalesce({sub(spec['name'])}, ''), coalesce({sub(spec['context'])}, ''), "
        f"{sub(_body(spec['body']))}"
    )


def _condition(spec: _Source, prefix: str) -> str:
    condition = f"{prefix}.alive AND NOT {prefix}.purged"
    if "when" in spec:
        condition += " AND " + spec["when"].replace("NEW.", f"{prefix}.")
    return condition


def _indexed(row: str) -> str:
    """The values handed to the FTS index for a search_docs row (each text with the end mark)."""
    return ", ".join(f"{row}.{c} || {END_MARK}" for c in ("name", "context", "body"))


def upgrade() -> None:
    op.execute(
        """
        CREATE TABLE search_docs (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            record_id TEXT NOT NULL UNIQUE,
            pursuit_id TEXT,
            name TEXT NOT NULL DEFAULT '',
            context TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT ''
        )
        """
    )
    op.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "name, context, body, content='search_docs', content_rowid='id', tokenize='trigram')"
    )
    op.execute("CREATE VIRTUAL TABLE search_terms USING fts5vocab(search_index, 'row')")
    # The index follows search_docs (the external-content triggers, with the end mark).
    op.execute(
        f"""
        CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
            INSERT INTO search_index(rowid, name, context, body)
            VALUES (NEW.id, {_indexed("NEW")});
        END
        """
    )
    op.execute(
        f"""
        CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
            INSERT INTO search_index(search_index, rowid, name, context, body)
            VALUES ('delete', OLD.id, {_indexed("OLD")});
        END
        """
    )
    op.execute(
        f"""
        CREATE TRIGGER search_docs_au AFTER UPDATE ON search_docs BEGIN
            INSERT INTO search_index(search_index, rowid, name, context, body)
            VALUES ('delete', OLD.id, {_indexed("OLD")});
            INSERT INTO search_index(rowid, name, context, body)
            VALUES (NEW.id, {_indexed("NEW")});
        END
        """
    )
    columns = "INSERT INTO search_docs (id, kind, record_id, pursuit_id, name, context, body)"
    for table, spec in SOURCES.items():
        low = spec["code"] << KIND_BITS
        high = low + (1 << KIND_BITS) - 1
        next_id = (
            f"(SELECT coalesce(max(id), {low}) + 1 FROM search_docs "
            f"WHERE id BETWEEN {low} AND {high})"
        )
        doc = f"SELECT {next_id}, {_doc_values(spec, 'NEW')} WHERE {_condition(spec, 'NEW')}"
        watched = ", ".join(spec["watch"])
        # An insert first drops any document of the same id: an INSERT OR REPLACE of the source
        # row (a sync import may write so) does not fire the delete trigger.
        op.execute(
            f"CREATE TRIGGER search_{table}_ai AFTER INSERT ON {table} BEGIN "
            f"DELETE FROM search_docs WHERE record_id = NEW.id; {columns} {doc}; END"
        )
        op.execute(
            f"CREATE TRIGGER search_{table}_au AFTER UPDATE OF {watched} ON {table} BEGIN "
            f"DELETE FROM search_docs WHERE record_id = OLD.id; {columns} {doc}; END"
        )
        op.execute(
            f"CREATE TRIGGER search_{table}_ad AFTER DELETE ON {table} BEGIN "
            "DELETE FROM search_docs WHERE record_id = OLD.id; END"
        )
        # Existing rows (a database made before this revision), numbered within the kind's range.
        op.execute(
            f"{columns} SELECT {low} + row_number() OVER (ORDER BY t.created_at, t.id), "
            f"{_doc_values(spec, 't')} FROM {table} AS t WHERE {_condition(spec, 't')}"
        )
    # A renamed account renames the context of its pursuits' documents.
    op.execute(
        """
        CREATE TRIGGER search_accounts_rename AFTER UPDATE OF name ON accounts
        WHEN NEW.name IS NOT OLD.name BEGIN
            UPDATE search_docs SET context = coalesce(NEW.name, '')
            WHERE kind = 'pursuit'
              AND record_id IN (SELECT id FROM pursuits WHERE account_id = NEW.id);
        END
        """
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS search_accounts_rename")
    for table in SOURCES:
        for suffix in ("ai", "au", "ad"):
            op.execute(f"DROP TRIGGER IF EXISTS search_{table}_{suffix}")
    for suffix in ("ai", "au", "ad"):
        op.execute(f"DROP TRIGGER IF EXISTS search_docs_{suffix}")
    op.execute("DROP TABLE IF EXISTS search_terms")
    op.execute("DROP TABLE IF EXISTS search_index")
    op.execute("DROP TABLE IF EXISTS search_docs")
