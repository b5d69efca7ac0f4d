"""Regenerate the initial migration (0001) from desktop/storage/tables.py.

Only while 0001 is unreleased: once a build has shipped, schema changes get a new revision instead
(`alembic revision --autogenerate` against a database at head).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.storage import migrate  # noqa: E402

INITIAL = migrate.MIGRATIONS / "versions" / "0001_initial_schema.py"


def main() -> None:
    INITIAL.unlink(missing_ok=True)
    # Later (hand-written) revisions stand aside meanwhile: they name 0001 as their parent.
    later = [p for p in INITIAL.parent.glob("*.py") if p.name != INITIAL.name]
    with tempfile.TemporaryDirectory() as folder:
        aside = Path(folder)
        for path in later:
            path.rename(aside / path.name)
        try:
            engine = create_engine(f"sqlite:///{folder}/empty.db")
            cfg = migrate._config()
            with engine.connect() as conn:
                cfg.attributes["connection"] = conn
                command.revision(cfg, message="initial schema", autogenerate=True, rev_id="0001")
        finally:
            for path in later:
                (aside / path.name).rename(path)
    text = INITIAL.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("Create Date:")]
    INITIAL.write_text("\n".join(lines) + "\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "ruff", "format", "-q", str(INITIAL)], check=False)
    print(f"regenerated {INITIAL.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
