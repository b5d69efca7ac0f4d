"""Typed settings over QSettings (an INI file in the data folder), with defaults and a version.

Each option declares its key, type and default; reading a missing or malformed value gives the
default, so a damaged settings file never stops the app. Picard's config.py is the model.
"""

from __future__ import annotations

import json
from typing import Any, Generic, TypeVar, overload

from PySide6.QtCore import QByteArray, QSettings

from desktop.infra import paths

T = TypeVar("T")
SETTINGS_VERSION = 1
LANGUAGES = ("zh_CN", "en")


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
    ui_state: Option[dict[str, Any]] = Option("ui/state", {})  # per-screen layout (widths, filters)

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
