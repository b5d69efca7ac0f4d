"""Tabs of the pursuit workspace that live in other packages (map, grid, visits).

Each is a QWidget made by `Class(ctx, parent)` with `set_pursuit(pursuit_id)`; it listens to
`ctx.changed` itself. The workspace adds them after its own sections, in the order it is given
them. Which tabs there are is decided by the composition root (`desktop.ui.screens.PURSUIT_TABS`),
so this package never names another screen's package.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication


@dataclass(frozen=True)
class PursuitTab:
    key: str
    source_title: str  # English source, translated in context "PursuitTabs"
    module: str
    class_name: str

    def title(self) -> str:
        return QCoreApplication.translate("PursuitTabs", self.source_title)

    def create(self, ctx: Any, parent: Any) -> Any:
        return getattr(importlib.import_module(self.module), self.class_name)(ctx, parent)
