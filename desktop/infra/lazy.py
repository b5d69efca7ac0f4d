"""A module imported when first used, not where it is named.

Why it exists: the first paint of the app must not wait for SQLAlchemy and the ORM (several times
what a bare window takes), yet a screen on that path names a service module that needs them only
when the rep acts (the Today screen's undoable commands call `services.activities`). Naming it
through `lazy_module` keeps the code as it reads — `activities.complete_activity(...)` — and runs
the module on the first attribute read. Python 3.11's LazyLoader is not safe when two threads make
that first read at once, so the app loads every such module on the main thread right after the
first paint (`load_pending`), before any worker can.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

_pending: list[ModuleType] = []  # named lazily, perhaps not yet loaded


def lazy_module(name: str) -> ModuleType:
    """The module `name`: the one already imported, else one that imports itself when an
    attribute is first read (importlib's LazyLoader). Its parent package is imported now."""
    found = sys.modules.get(name)
    if found is not None:
        return found
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(f"no module named {name!r}", name=name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    _pending.append(module)
    parent, _, child = name.rpartition(".")
    if parent:
        setattr(sys.modules[parent], child, module)
    return module


def load_pending() -> None:
    """Load every module `lazy_module` named that is not loaded yet (on the calling thread)."""
    while _pending:
        _pending.pop().__dict__  # noqa: B018 - any attribute read runs a lazy module
