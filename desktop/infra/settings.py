"""Typed settings over QSettings (an INI file in the data folder), with defaults and a version.

Each option declares its key, type and default; reading a missing or malformed value gives the
default, so a damaged settings file never stops the app. Picard's config.py is the model.

What names the records of one database — a filter by rep, account or tag, the team sync folder
and its mode — is kept per database (`database_state`, keyed by the database's path, as the
reminders' screen state is): applied to another database it would filter by a rep that is not
there, or join a database to a team folder it was never set up for. Settings written before that
were global; `adopt_global_state` moves them, once, to the database they were set with.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Generic, TypeVar, overload

from PySide6.QtCore import QByteArray, QSettings

from desktop.infra import paths

T = TypeVar("T")
SETTINGS_VERSION = 1
LANGUAGES = ("zh_CN", "en")
ADOPTED_KEY = "meta/per_database"  # set once the old global keys went to their database
# The old global keys of the team sync folder, and the part of `database_state` they go to.
SYNC_PART = "sync"
GLOBAL_SYNC_KEYS = {"sync/folder": "folder", "sync/roll_up": "roll_up", "sync/name": "name"}
# Screen states whose filters name reps, accounts or tags of one database: their keys there.
DATABASE_FILTERS = {
    "board": ("filter",),
    "pursuits_list": ("filter",),
    "dashboard": ("rep", "account", "tags"),
}


class Option(Generic[T]):
    """A typed setting: `settings.language` reads, `settings.language = "en"` writes."""

    def __init__(self, key: str, default: T, kind: str = "json") -> None:
        self.key = key
        self.default = default
        self.kind = kind  # "json" for plain data, "bytes" for Qt geometry/state blobs

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type) -> Option[T]: ...

    @overload
    def __get__(self, obj: Settings, owner: type) -> T: ...

    # Any: what the store holds is checked against the default's type here, at run time.
    def __get__(self, obj: Settings | None, owner: type) -> Any:
        if obj is None:
            return self
        raw = obj.store.value(self.key)
        if raw is None:
            return self.default
        if self.kind == "bytes":
            return raw if isinstance(raw, QByteArray) else self.default
        try:
            value = json.loads(raw)
        except (TypeError, ValueError):
            return self.default
        if type(value) is not type(self.default) and not (
            self.default is None or isinstance(value, type(self.default))
        ):
            return self.default
        return value

    def __set__(self, obj: Settings, value: T) -> None:
        if self.kind == "bytes":
            obj.store.setValue(self.key, value)
        else:
            obj.store.setValue(self.key, json.dumps(value, ensure_ascii=False))


class Settings:
    language: Option[str] = Option("ui/language", "zh_CN")
    geometry: Option[Any] = Option("ui/geometry", None, "bytes")
    window_state: Option[Any] = Option("ui/window_state", None, "bytes")
    recent_databases: Option[list[str]] = Option("files/recent", [])
    last_database: Option[str] = Option("files/last", "")
    demo_offered: Option[list[str]] = Option("files/demo_offered", [])
    default_currency: Option[str] = Option("method/currency", "CNY")
    win_rates: Option[dict[str, int]] = Option("method/win_rates", {})
    stale_days: Option[dict[str, int]] = Option("method/stale_days", {})
    backup_keep: Option[int] = Option("backup/keep", 10)
    reminders: Option[bool] = Option("reminders/enabled", True)  # notify at due times
    share_new: Option[bool] = Option("sync/share_new", True)  # new pursuits shared with the team
    ui_state: Option[dict[str, Any]] = Option("ui/state", {})  # per-screen layout (widths)
    # {database path: {part: state}}: what names one database's records (see the docstring).
    by_database: Option[dict[str, Any]] = Option("ui/by_database", {})

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or QSettings(str(paths.settings_file()), QSettings.Format.IniFormat)
        if self.store.value("meta/version") is None:
            self.store.setValue("meta/version", SETTINGS_VERSION)

    def add_recent(self, path: str, limit: int = 8) -> None:
        recent = [p for p in self.recent_databases if p != path]
        self.recent_databases = [path, *recent][:limit]

    def screen_state(self, screen: str) -> dict[str, Any]:
        return dict(self.ui_state.get(screen, {}))

    def set_screen_state(self, screen: str, state: dict[str, Any]) -> None:
        all_state = dict(self.ui_state)
        all_state[screen] = state
        self.ui_state = all_state

    def database_state(self, database: str | Path, part: str) -> dict[str, Any]:
        """The state of `part` (a screen's filter, the sync folder) kept for one database."""
        entry = self.by_database.get(str(database))
        state = entry.get(part) if isinstance(entry, dict) else None
        return dict(state) if isinstance(state, dict) else {}

    def set_database_state(self, database: str | Path, part: str, state: dict[str, Any]) -> None:
        everything = dict(self.by_database)
        entry = everything.get(str(database))
        entry = dict(entry) if isinstance(entry, dict) else {}
        entry[part] = state
        everything[str(database)] = entry
        self.by_database = everything

    def adopt_global_state(self, database: str | Path) -> None:
        """Once: the team sync folder and the screens' filters, global before they were kept per
        database, go to `database` — the one they were set with, which the caller knows (the
        database last opened) — and leave the global keys. Later calls do nothing."""
        if self.store.value(ADOPTED_KEY) is not None:
            return
        self.store.setValue(ADOPTED_KEY, 1)
        sync: dict[str, Any] = {}
        for key, name in GLOBAL_SYNC_KEYS.items():
            raw = self.store.value(key)
            self.store.remove(key)
            if raw is None or raw == "":
                continue
            if name == "roll_up":
                # Only a roll-up is carried: "not roll-up" was never the user's choice for a
                # database whose own rounds say it reads as a roll-up (ui.sync.folder).
                if str(raw).lower() == "true":
                    sync[name] = True
            else:
                sync[name] = str(raw)
        if sync.get("folder"):
            self.set_database_state(database, SYNC_PART, sync)
        screens = dict(self.ui_state)
        for screen, keys in DATABASE_FILTERS.items():
            state = screens.get(screen)
            if isinstance(state, dict) and any(key in state for key in keys):
                state = dict(state)
                moved = {key: state.pop(key) for key in keys if key in state}
                self.set_database_state(database, screen, moved)
                screens[screen] = state
        self.ui_state = screens

    def screen_state_of(self, screen: str, database: str | Path) -> dict[str, Any]:
        """A screen's state with its filters (`DATABASE_FILTERS`) as kept for `database`."""
        keys = DATABASE_FILTERS.get(screen, ())
        state = {k: v for k, v in self.screen_state(screen).items() if k not in keys}
        state.update(self.database_state(database, screen))
        return state

    def set_screen_state_of(self, screen: str, database: str | Path, state: dict[str, Any]) -> None:
        """Keep a screen's state: its filters for `database` alone, the rest for every one."""
        keys = DATABASE_FILTERS.get(screen, ())
        self.set_screen_state(screen, {k: v for k, v in state.items() if k not in keys})
        self.set_database_state(database, screen, {k: v for k, v in state.items() if k in keys})

    def int_map(self, option: str) -> dict[int, int]:
        """win_rates / stale_days as {stage: value} (JSON keys are strings)."""
        raw = getattr(self, option)
        result = {}
        for key, value in raw.items():
            try:
                result[int(key)] = int(value)
            except (TypeError, ValueError):
                continue
        return result

    def sync(self) -> None:
        self.store.sync()
