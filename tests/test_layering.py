"""The layering of DESIGN.md, checked: imports only point down."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "desktop"


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def files_in(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


FORBIDDEN = {
    "domain": (
        "PySide6",
        "shiboken6",
        "sqlalchemy",
        "alembic",
        "desktop.storage",
        "desktop.services",
        "desktop.infra",
        "desktop.ui",
        "matplotlib",
    ),
    "storage": ("PySide6", "shiboken6", "desktop.services", "desktop.infra", "desktop.ui"),
    "services": ("PySide6", "shiboken6", "desktop.infra", "desktop.ui"),
    "infra": ("PySide6.QtWidgets", "PySide6.QtGui", "desktop.ui", "desktop.storage"),
    "ui": ("desktop.storage", "sqlalchemy"),
}


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_only_point_down(layer: str) -> None:
    offences = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in files_in(layer)
        for name in imports_of(path)
        if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN[layer])
    ]
    assert files_in(layer), f"no files in {layer}/"
    assert offences == []


def test_the_check_catches_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtWidgets import QWidget\nimport desktop.storage.db\n")
    assert {"PySide6.QtWidgets", "desktop.storage.db"} <= imports_of(bad)


# --- inside ui/: a screen never imports another screen ----------------------------------------
UI = PACKAGE / "ui"
# What every screen may import besides its own package: the kit, the pursuit gestures, the
# context, error messages and undo. The composition root (`screens.py`, `main_window.py`) is
# the one place that knows the screens, so no screen imports it either.
SHARED = frozenset({"common", "operations", "context", "errors", "undo"})


def ui_packages_imported(path: Path) -> set[str]:
    """The `desktop.ui` packages and modules a file imports, anywhere in it (inside functions
    too): `desktop.ui.board.model` → "board"; `from desktop.ui import board` → "board"."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules = [node.module]
            if node.module == "desktop.ui":
                modules = [f"desktop.ui.{alias.name}" for alias in node.names]
        else:
            continue
        for module in modules:
            parts = module.split(".")
            if parts[:2] == ["desktop", "ui"] and len(parts) > 2:
                names.add(parts[2])
    return names


def screen_offences(path: Path) -> list[str]:
    """What `path` (a module under desktop/ui/<package>/) imports that it must not."""
    own = path.relative_to(UI).parts[0]
    return sorted(
        f"{path.relative_to(PACKAGE)} imports desktop.ui.{name}"
        for name in ui_packages_imported(path)
        if name != own and name not in SHARED
    )


def modules_in_ui_packages() -> list[Path]:
    return sorted(p for p in UI.rglob("*.py") if len(p.relative_to(UI).parts) > 1)


def test_no_screen_imports_another_screen() -> None:
    files = modules_in_ui_packages()
    assert any(p.parent.name == "board" for p in files)
    offences = [offence for path in files for offence in screen_offences(path)]
    assert offences == []


def test_the_kit_and_the_operations_import_no_screen() -> None:
    """`common` and `operations` serve every screen, so they import only each other and the
    shared modules (else a screen would reach another through them)."""
    for package in ("common", "operations"):
        for path in sorted((UI / package).rglob("*.py")):
            assert screen_offences(path) == [], path


def test_the_screen_check_catches_a_violation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ui = tmp_path / "ui"
    (ui / "search").mkdir(parents=True)
    bad = ui / "search" / "bad.py"
    bad.write_text(
        "from desktop.ui.common import format\n"
        "from desktop.ui import board\n"
        "def later():\n"
        "    from desktop.ui.pursuits_list.screen import PursuitsScreen\n"
        "    import desktop.ui.main_window\n"
    )
    monkeypatch.setitem(globals(), "UI", ui)
    monkeypatch.setitem(globals(), "PACKAGE", tmp_path)
    assert ui_packages_imported(bad) == {"common", "board", "pursuits_list", "main_window"}
    assert screen_offences(bad) == [
        "ui/search/bad.py imports desktop.ui.board",
        "ui/search/bad.py imports desktop.ui.main_window",
        "ui/search/bad.py imports desktop.ui.pursuits_list",
    ]
