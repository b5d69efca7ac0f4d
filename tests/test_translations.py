"""Both languages complete: every UI string has its Chinese translation, compiled."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import translations  # noqa: E402


def test_every_string_is_translated() -> None:
    assert translations.ts_files(), "no .ts files"
    assert translations.unfinished() == []


def test_compiled_files_are_current() -> None:
    for ts in translations.ts_files():
        qm = ts.with_suffix(".qm")
        assert qm.exists(), f"{qm.name} missing: run make translations"
