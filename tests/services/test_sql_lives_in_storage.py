"""Hand-written SQL belongs to `desktop/storage/` (its read queries to `storage/queries.py`): a
service that reaches for the driver connection or SQL text fails here."""

from __future__ import annotations

import re
from pathlib import Path

SERVICES = Path(__file__).resolve().parents[2] / "desktop" / "services"

# Reaching under SQLAlchemy to the driver, or writing SQL as text.
RAW_SQL = re.compile(
    r"driver_connection|exec_driver_sql|^\s*import sqlite3|\btext\(\s*f?[\"']|"
    r"from sqlalchemy import [^\n]*\btext\b",
    re.MULTILINE,
)
# Not yet moved: the sync engine's bulk writer (its own owner and plan), and the backups, which
# open copies of the file rather than the workspace's database.
NOT_YET = {"sync", "backup.py"}


def offences(folder: Path) -> list[str]:
    found = []
    for path in sorted(folder.rglob("*.py")):
        relative = path.relative_to(folder)
        if relative.parts[0] in NOT_YET:
            continue
        for match in RAW_SQL.finditer(path.read_text(encoding="utf-8")):
            found.append(f"{relative}: {match.group(0).strip()}")
    return found


def test_services_do_not_write_sql() -> None:
    assert offences(SERVICES) == []


def test_the_check_catches_a_service_with_sql(tmp_path: Path) -> None:
    (tmp_path / "rogue.py").write_text(
        "from sqlalchemy import select, text\n"
        "def rows(session):\n"
        "    db = session.connection().connection.driver_connection\n"
        '    return session.execute(text("SELECT 1"))\n'
    )
    assert len(offences(tmp_path)) == 3
