"""The status bar on a laptop's width: the permanent words (backup, counts, the sync line) keep
their room and stay whole, and a transient message too long for what is left ends in "…"."""

from __future__ import annotations

import pytest

from PySide6.QtWidgets import QApplication

from desktop.ui.common.status_bar import StatusBar
from desktop.ui.sync.folder import FolderSyncer

SECRET = "correct horse battery"
FAST_KDF = {"name": "argon2id", "memory_kib": 64, "iterations": 1, "lanes": 1}


@pytest.mark.parametrize("main_window", ["en", "zh_CN"], indirect=True)
def test_a_long_message_elides_beside_a_whole_sync_line(main_window, qtbot, tmp_path) -> None:
    main_window.resize(1280, 720)
    syncer = main_window.findChild(FolderSyncer)
    syncer.kdf = FAST_KDF
    # A folder that cannot be reached: its problem is a long sentence on the sync line.
    syncer.set_folder(str(tmp_path / "team"), SECRET, False)
    qtbot.waitUntil(lambda: bool(syncer.problem) and not syncer.running, timeout=20_000)
    assert syncer.problem in syncer.label.toolTip()  # whole in the tooltip, shortened in line
    assert syncer.label.text().endswith("…</a>")

    bar = main_window.statusBar()
    assert isinstance(bar, StatusBar)
    saved = "Saved the next step of 南京海诚供应链科技有限公司 · OA 协同办公 — undo with Ctrl+Z. "
    message = saved * 4
    bar.showMessage(message, 60_000)
    QApplication.processEvents()
    permanent = [main_window.backup_label, main_window.counts_label, syncer.label]
    for label in permanent:  # each keeps the room its words need, all inside the window
        assert label.isVisible() and label.width() >= label.sizeHint().width(), label.text()
        assert label.geometry().right() < bar.width()

    shown = bar.shown_message()
    assert shown.endswith("…") and message.startswith(shown[:-1])
    room = bar.message_rect()
    assert room.right() < min(label.x() for label in permanent)
    # Nothing painted between the "…" and the first permanent word (Qt cut the text mid-glyph).
    image = bar.grab().toImage()
    scale = image.width() / bar.width()
    start = room.left() + bar.fontMetrics().horizontalAdvance(shown) + 2
    for y in range(image.height()):
        ground = image.pixel(int(start * scale), y)
        assert all(
            image.pixel(x, y) == ground
            for x in range(int(start * scale), int(room.right() * scale))
        )


def test_a_long_database_path_gives_way_in_its_middle(main_window) -> None:
    """A database deep in a synced folder: its path does not set how narrow the window may be,
    and the shortened path keeps the file's name; the whole path is in the tooltip."""
    deep = (
        "/home/rep/OneDrive - 恒通电子/销售/2026/客户资料/团队共享/备份与同步/" * 3 + "pursuit.db"
    )
    main_window.db_label.setText(f"Database: {deep}")
    main_window.resize(700, 500)
    assert main_window.width() == 700
    shown = main_window.db_label.text()
    assert "…" in shown and shown.endswith("pursuit.db") and shown.startswith("Database: ")
    assert main_window.db_label.toolTip() == f"Database: {deep}"
    assert main_window.db_label.full_text() == f"Database: {deep}"
