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


def test_every_string_in_the_code_has_its_translation(tmp_path: Path) -> None:
    """The .ts files are in step with the code: a string added or moved to another class (another
    translation context) without its Chinese would show in English in the Chinese UI."""
    missing = []
    for name, files in translations.groups().items():
        fresh = tmp_path / f"{name}.ts"
        translations.lupdate(files, fresh)
        committed = {
            (context, message.findtext("source"))
            for _tree, context, message in translations.finished_messages(
                translations.OUT / f"{name}_{translations.LANGUAGE}.ts"
            )
        }
        missing += [
            f"{name}: {context}: {message.findtext('source')}"
            for _tree, context, message in translations._messages(fresh)
            if (context, message.findtext("source")) not in committed
        ]
    assert missing == []
