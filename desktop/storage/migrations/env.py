"""Alembic environment: runs on the connection handed over by desktop.storage.migrate."""

from alembic import context
from alembic.runtime.environment import NameFilterParentNames, NameFilterType

from desktop.storage.tables import Base

connection = context.config.attributes["connection"]


def include_name(
    name: str | None, type_: NameFilterType, _parent_names: NameFilterParentNames
) -> bool:
    # The search index (0002: search_docs, the FTS5 tables and their shadows) is hand-written.
    return not (type_ == "table" and name is not None and name.startswith("search_"))


context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    include_name=include_name,
)
with context.begin_transaction():
    context.run_migrations()
