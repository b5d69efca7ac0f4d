"""A database this computer cannot write — the file made immutable, or its folder read-only — is
not a failure at start: one message says it cannot be written and offers to look at it
read-only (as a second instance is offered) or to quit. Nothing was changed, so the message
never speaks of changes not saved."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.app import make_application, open_for_start
from desktop.infra import i18n
from desktop.infra.instance_lock import DatabaseLock
from desktop.services import pursuits
from desktop.services.queries import pursuit_list
from desktop.services.workspace import Workspace
from desktop.storage.files import writable


@contextmanager
def cannot_write(path: Path) -> Iterator[None]:
    """`path` made unwritable for this process: immutable for root (whom permissions do not
    stop), without write permission for anyone else."""
    root = os.geteuid() == 0
    if root:
        if shutil.which("chattr") is None:
            pytest.skip("no chattr to make the file immutable")
        if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
            pytest.skip("this file system cannot make a file immutable")
    else:
        mode = path.stat().st_mode
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        assert not writable(path)
        yield
    finally:
        if root:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        else:
            path.chmod(mode)


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Path]:
    make_application()
    i18n.install("en")
    path = tmp_path / "shared" / "team.db"
    path.parent.mkdir()
    ws = Workspace.open(path)
    pursuits.create_pursuit(
        ws, pursuits.PursuitDraft(title="只读的项目", account_name="客户", amount=9)
    )
    ws.close()
    yield path
    i18n.install("zh_CN")


def answer(button: QMessageBox.ButtonRole, said: list[str]) -> None:
    """Press the button of `role` in the message the start shows, and keep its words."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        said.append(box.text())
        next(b for b in box.buttons() if box.buttonRole(b) == button).click()

    QTimer.singleShot(100, press)


def opened_read_only(database: Path) -> str:
    """Start on `database`, answer "Open read-only": the words said, once it showed the file
    read-only, without a lock, with its pursuit."""
    said: list[str] = []
    answer(QMessageBox.ButtonRole.AcceptRole, said)
    opened = open_for_start(database)
    assert isinstance(opened, tuple)
    workspace, lock = opened
    try:
        assert lock is None and workspace.read_only
        assert [row.title for row in pursuit_list.list_pursuits(workspace)] == ["只读的项目"]
    finally:
        workspace.close()
    [text] = said
    return text


def test_an_immutable_file_is_offered_read_only(database: Path, qtbot) -> None:
    said: list[str] = []
    with cannot_write(database):
        text = opened_read_only(database)
        assert "team.db cannot be written" in text and "Nothing was changed" in text
        assert "not saved" not in text
        # Only looked at: the lock is free for whoever can write it.
        other = DatabaseLock(database)
        assert other.acquire()
        other.release()

        answer(QMessageBox.ButtonRole.RejectRole, said)
        assert open_for_start(database) == 0


def test_a_file_in_a_read_only_folder_is_offered_read_only(database: Path, qtbot) -> None:
    with cannot_write(database.parent):
        text = opened_read_only(database)
        assert "cannot be written" in text and "another Pursuit window" not in text


def test_the_start_messages_are_titled_in_the_ui_language(database: Path, qtbot) -> None:
    """项目型销售管理 in Chinese, not the English "Pursuit" over a Chinese message."""
    i18n.install("zh_CN")
    titles: list[str] = []

    def press() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        titles.append(box.windowTitle())
        next(
            b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole
        ).click()

    with cannot_write(database):
        QTimer.singleShot(100, press)
        assert open_for_start(database) == 0
    assert titles == ["项目型销售管理"]


def test_file_open_offers_a_read_only_database_read_only(database: Path, main_window) -> None:
    """File ▸ Open of a database this computer cannot write, while the app runs: the same offer
    as at start, not "changes not saved" (nothing was changed)."""
    said: list[str] = []
    before = main_window.ctx.workspace.path
    with cannot_write(database):
        answer(QMessageBox.ButtonRole.RejectRole, said)  # Cancel: the database shown stays
        assert not main_window.switch_database(database, create=False)
        assert main_window.ctx.workspace.path == before
        answer(QMessageBox.ButtonRole.AcceptRole, said)
        assert main_window.switch_database(database, create=False)
        shown = main_window.ctx.workspace
        assert shown.path == database and shown.read_only and main_window.ctx.lock is None
        assert {row.title for row in pursuit_list.list_pursuits(shown)} == {"只读的项目"}
    assert len(said) == 2 and all(str(database) in text for text in said)
    assert not any("未保存" in text or "not saved" in text for text in said)
