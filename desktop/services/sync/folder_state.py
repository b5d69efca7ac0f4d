"""What a database's team-folder progress file records of how it was set up, read without the
folder round's modules (the file format, its cryptography): the window asks at every start.

`folder.py` keeps, beside each database, `<database>.sync-folder.json`: the folder, this
database's site, the files it wrote and each colleague's progress, and — since rounds record it —
the mode (`roll_up`) and the name its files carry. A database `pursuit sync --roll-up` made is
thus known as a roll-up in the window too, so setting its folder there does not turn it into a
rep writing the whole team's records as its own (`recorded_setup`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

STATE_VERSION = 1


def state_path(database: Path) -> Path:
    """Where a database keeps its sync-folder progress: beside it, in its own data folder."""
    return database.with_name(database.name + ".sync-folder.json")


def read_state(database: Path) -> dict[str, Any]:
    try:
        data = json.loads(state_path(database).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) and data.get("version") == STATE_VERSION else {}


@dataclass(frozen=True)
class Recorded:
    """The folder a database's rounds used, in which mode, under which name ("" not known)."""

    folder: str
    roll_up: bool
    name: str


def recorded_setup(database: Path) -> Recorded | None:
    """How the last rounds with this database were set up; None when it never had a round."""
    state = read_state(database)
    folder = state.get("folder")
    if not isinstance(folder, str) or not folder:
        return None
    roll_up = state.get("roll_up")
    if not isinstance(roll_up, bool):
        # Recorded before rounds kept the mode: a database that has merged colleagues' files
        # but never written one of its own read them as a roll-up (a rep writes its first file
        # in the round that first reads its colleagues).
        peers = state.get("peers")
        merged = isinstance(peers, dict) and any(
            isinstance(p, dict) and _int(p.get("sequence")) > 0 for p in peers.values()
        )
        roll_up = merged and not state.get("written") and _int(state.get("sequence")) == 0
    name = state.get("site_name")
    return Recorded(folder, roll_up, name if isinstance(name, str) else "")


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0
