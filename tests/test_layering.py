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
