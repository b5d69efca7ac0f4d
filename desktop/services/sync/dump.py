"""A database's logical content, for comparing replicas: equal dumps, equal data.

Every synced record in the merge's normal form (so two databases that merged the same writes in
any order dump the same text, whatever the compaction of their metadata), plus what waits for
review. Local bookkeeping (the import log, the site's own clocks) is not part of it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

from desktop.domain import merge
from desktop.services.sync import schema
from desktop.services.sync.export import read_connection
from desktop.storage import sync_codec


def logical_dump(path: Path) -> Iterator[str]:
    conn = read_connection(path)
    try:
        conn.execute("BEGIN")
        for table in schema.kinds_in_order():
            names = schema.columns_of(table)
            rules = sync_codec.rules_for(table)
            rows = conn.execute(
                f"SELECT {', '.join(names)} FROM {table.__tablename__} ORDER BY id"
            ).fetchall()
            for row in rows:
                record = dict(zip(names, row, strict=True))
                values = {
                    name: json.loads(record[name])
                    if schema.is_json(table, name) and record[name] is not None
                    else record[name]
                    for name in rules.fields
                }
                state = sync_codec.expand(
                    table,
                    values,
                    vv=json.loads(record["vv"] or "{}"),
                    dots=json.loads(record["dots"] or "{}"),
                    siblings=json.loads(record["siblings"]) if record["siblings"] else None,
                    purged=bool(record["purged"]),
                    created_at=record["created_at"],
                    origin_site=record["origin_site"],
                    updated_at=record["updated_at"],
                )
                normal = merge.canonical(merge.normalize(state, rules))
                yield f"{table.kind} {record['id']} {normal}"
        for row in conn.execute(
            "SELECT kind, record_id, field, pursuit_id FROM sync_review ORDER BY record_id, field"
        ):
            yield "review " + json.dumps(row)
    finally:
        conn.close()


def digest(path: Path) -> str:
    h = hashlib.sha256()
    for line in logical_dump(path):
        h.update(line.encode("utf-8") + b"\n")
    return h.hexdigest()
