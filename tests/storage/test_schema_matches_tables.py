"""The schema the migrations build is the one `storage/tables.py` declares: every table, column
and index of the models exists in a new database, and no other index or column is there besides
what is made outside the models on purpose (the search index of revisions 0002 and 0015, the
change sequence of revision 0008). A model edited without its migration, or the reverse, fails
here."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from desktop.services.workspace import Workspace
from desktop.storage.tables import Base

CHECKED = {"add_table", "remove_table", "add_column", "remove_column", "add_index", "remove_index"}


def _made_outside_the_models(diff: tuple[object, ...]) -> bool:
    kind, subject = diff[0], diff[-1]
    name = str(getattr(subject, "name", ""))
    if kind == "remove_table":
        return name.startswith("search_")  # FTS5 tables (revision 0002)
    if kind == "remove_index" and name.startswith("search_"):
        return True  # the search documents' lookup index (revision 0015)
    if kind in {"remove_column", "remove_index"}:
        return name == "seq" or name.endswith("_seq")  # change sequence (revision 0008)
    return False


def test_migrated_schema_is_the_declared_one(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    Workspace.open(path).close()
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as connection:
            diffs = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    finally:
        engine.dispose()
    found = [
        (d[0], str(getattr(d[-1], "name", d[-1])))
        for d in diffs
        if isinstance(d, tuple) and d[0] in CHECKED and not _made_outside_the_models(d)
    ]
    assert found == []
