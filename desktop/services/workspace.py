"""An open database plus what the rules need from outside it: the catalog and the company's policy.

Screens and the CLI hold a Workspace and hand it to service functions; they never see a session.

A workspace is open in full (`open`: SQLAlchemy's engine, migrated, its sync site checked) or,
at the app's start, first through the sqlite3 driver alone (`open_at_start`): the first screen
paints from `reader()`, which needs only the driver, and the full open follows once the window is
up. Until then, `db` — and so every `read()`, `write()` and whatever needs the ORM — opens it in
full first, right there (`ensure_open`): the one place where anything early waits for it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.storage import first_look

if TYPE_CHECKING:  # imported when first used: the first paint needs none of them
    from sqlalchemy.orm import Session

    from desktop.domain.methodology import Catalog
    from desktop.storage.db import Database
    from desktop.storage.queries import Reader


@dataclass
class Policy:
    """The company's tuning of the method (Preferences): per-stage win rates and stale limits;
    and whether a new pursuit is shared with the team (Preferences ▸ Sync)."""

    win_rates: dict[int, int] = field(default_factory=dict)
    stale_days: dict[int, int] = field(default_factory=dict)
    share_new: bool = True


class Workspace:
    def __init__(
        self,
        db: Database | None,
        catalog: Catalog | None = None,
        policy: Policy | None = None,
        *,
        first: first_look.FirstLook | None = None,
    ):
        """Open in full with `db`; or only at the driver with a first look (`open_at_start`)
        until `ensure_open`."""
        if db is None and first is None:
            raise ValueError("a workspace needs its database, or a first look at it")
        self._db = db
        self._path = db.path if db is not None else first.path if first is not None else None
        self._first = first
        self._opening = threading.Lock()
        if catalog is not None:
            self.catalog = catalog
        self.policy = policy or Policy()

    @cached_property
    def catalog(self) -> Catalog:
        """The methodology (read on first use: the first paint of most screens needs none)."""
        from desktop.domain.methodology import default_catalog

        return default_catalog()

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        create: bool = True,
        read_only: bool = False,
        policy: Policy | None = None,
    ) -> Workspace:
        from desktop.storage.db import Database

        return cls(Database.open(path, create=create, read_only=read_only), policy=policy)

    @classmethod
    def open_at_start(cls, path: Path, *, policy: Policy | None = None) -> Workspace | None:
        """The workspace at `path` (resolved) with only the driver open, when opening it in full
        would change nothing in the file (`storage.first_look`); None when anything is unusual,
        for the caller to take `open`, which deals with it as it always did."""
        first = first_look.open_unchanged(path)
        return None if first is None else cls(None, policy=policy, first=first)

    @property
    def is_open(self) -> bool:
        """Whether the workspace is open in full (SQLAlchemy, the ORM, the write path)."""
        return self._db is not None

    @property
    def db(self) -> Database:
        return self._db if self._db is not None else self.ensure_open()

    def ensure_open(self) -> Database:
        """Open the workspace in full, if `open_at_start` left it at the driver: every use that
        needs more than `reader()` waits here. Raises as `Database.open` does (a file deleted,
        changed or replaced since the first look)."""
        with self._opening:
            if self._db is None:
                from desktop.storage.db import Database

                self._db = Database.open(self.path, create=False)
                self._close_first_look()
            return self._db

    @property
    def path(self) -> Path:
        assert self._path is not None
        return self._path

    @property
    def read_only(self) -> bool:
        return self._db.read_only if self._db is not None else False

    @contextmanager
    def write(self) -> Iterator[Session]:
        with self.db.write() as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.db.read() as session:
            yield session

    @contextmanager
    def reader(self) -> Iterator[Reader]:
        """A read snapshot for `storage.queries`: the session of `read()` once open in full;
        before, the first look's driver connection (on the thread that looked; another thread
        waits for the full open)."""
        first = self._first
        if self._db is not None or first is None or not first.usable_here():
            with self.read() as session:
                yield session
            return
        with first.read() as connection:
            yield connection

    def win_rate(self, stage: int, override: int | None = None) -> int:
        from desktop.domain import forecast

        return forecast.win_rate(stage, override, rates=self.policy.win_rates, catalog=self.catalog)

    def stale_limit(self, stage: int) -> int:
        return self.policy.stale_days.get(stage) or self.catalog.stage(stage).stale_days

    def close(self) -> None:
        self._close_first_look()
        if self._db is not None:
            self._db.close()

    def _close_first_look(self) -> None:
        first, self._first = self._first, None
        if first is not None:
            first.close()
