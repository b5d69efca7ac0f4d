"""A Qt warning fails the test that caused it (pyproject.toml's qt_log_level_fail), while the
offscreen plugin's notices about what it cannot do (qt_log_ignore) do not: checked by running
pytest on two small tests with this project's settings."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_a_qt_warning_fails_its_test_and_a_platform_notice_does_not(tmp_path: Path) -> None:
    (tmp_path / "test_warns.py").write_text(
        textwrap.dedent(
            """
            from PySide6.QtCore import qWarning


            def test_our_warning(qtbot):
                qWarning("QAction::event: Ambiguous shortcut overload: Ctrl+Shift+Z")


            def test_platform_notice(qtbot):
                qWarning("This plugin does not support raise()")
            """
        ),
        encoding="utf-8",
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-c",
            str(ROOT / "pyproject.toml"),
            "--rootdir",
            str(tmp_path),
            "-p",
            "no:cacheprovider",
            "--basetemp",
            str(tmp_path / "basetemp"),
            str(tmp_path / "test_warns.py"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert run.returncode == 1, run.stdout + run.stderr
    assert "test_warns.py::test_our_warning" in run.stdout
    assert "Ambiguous shortcut overload" in run.stdout
    assert "1 failed, 1 passed" in run.stdout
