"""An open database plus what the rules need from outside it: the catalog and the company's policy.

Screens and the CLI hold a Workspace and hand it to service functions; they never see a session.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from desktop.domain import forecast
from desktop.domain.methodology import Catalog, default_catalog
from desktop.storage.db import Database


@dataclass
class Policy:
    """The company's tuning of the method (Preferences): per-stage win rates and stale limits;
    and whether a new pursuit is shared with the team (Preferences ▸ Sync)."""

    win_rates: dict[int, int] = field(default_factory=dict)
    stale_days: dict[int, int] = field(default_factory=dict)
    share_new: bool = True


class Workspace:
    def __init__(self, db: Database, catalog: Catalog | None = None, policy: Policy | None = None):
        self.db = db
        self.catalog = catalog or default_catalog()
        self.policy = policy or Policy()

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        create: bool = True,
        read_only: bool = False,
        policy: Policy | None = None,
    ) -> Workspace:
        return cls(Database.open(path, create=create, read_only=read_only), policy=policy)

    @property
    def path(self) -> Path:
        return self.db.path

    @property
    def read_only(self) -> bool:
        return self.db.read_only

    @contextmanager
    def write(self) -> Iterator[Session]:
        with self.db.write() as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.db.read() as session:
            yield session

    def win_rate(self, stage: int, override: int | None = None) -> int:
        return forecast.win_rate(stage, override, rates=self.policy.win_rates, catalog=self.catalog)

    def stale_limit(self, stage: int) -> int:
        return self.policy.stale_days.get(stage) or self.catalog.stage(stage).stale_days

    def close(self) -> None:
        self.db.close()
