"""The export, passphrase, import-preview and gate dialogs fit a laptop: at 1366×768 and at
1280×720 (1920×1080 at 150%) each fits the screen and shows every label and button whole."""

from __future__ import annotations

import pytest

from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLabel, QWidget

from desktop.services import pursuits
from desktop.services.pursuits import PursuitDraft
from desktop.services.sync.importer import KindCounts, Preview
from desktop.ui.operations import pursuits as operations
from desktop.ui.sync.actions import SyncActions
from desktop.ui.sync.dialogs import PassphraseDialog, PreviewDialog

SIZES = [(1366, 768), (1280, 720)]


def clipped(root: QWidget) -> list[str]:
    """Visible one-line labels and buttons whose text is wider than the room they have."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) or not isinstance(widget, QLabel | QAbstractButton):
            continue
        if isinstance(widget, QLabel) and (widget.wordWrap() or "<" in widget.text()):
            continue
        text = widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        if not text:
            continue
        room = widget.contentsRect().width() - (8 if isinstance(widget, QAbstractButton) else 0)
        if widget.fontMetrics().horizontalAdvance(text) > room + 1:
            found.append(f"{widget.objectName() or type(widget).__name__}: {text!r}")
    return found


def fits(qtbot, dialog: QDialog, size: tuple[int, int]) -> None:
    width, height = size
    dialog.show()
    qtbot.waitExposed(dialog)
    hint = dialog.sizeHint()
    assert dialog.minimumSizeHint().width() <= width and hint.height() <= height - 80
    dialog.resize(min(dialog.width(), width), min(dialog.height(), height - 80))
    QApplication.processEvents()
    assert clipped(dialog) == []


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("main_window", ["zh_CN", "en"], indirect=True)
def test_the_sync_dialogs_fit(qtbot, main_window, tmp_path, size) -> None:
    actions = main_window.findChild(SyncActions)
    export = actions.export_data(tmp_path / "x.pursuit-sync")
    fits(qtbot, export, size)
    export.passphrase.setText("short")
    fits(qtbot, export, size)
    export.reject()
    asking = PassphraseDialog("laptop.pursuit-sync", "王芳", "", main_window, wrong=True)
    fits(qtbot, asking, size)
    asking.reject()
    preview = Preview(
        "site", "王芳", "2026-12-06T09:00:00Z", True, 30,
        {"pursuit": KindCounts(new=3, updated=2), "stakeholder": KindCounts(new=12)},
        encrypted=False,
    )  # fmt: skip
    shown = PreviewDialog(preview, main_window)
    fits(qtbot, shown, size)
    shown.reject()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("main_window", ["zh_CN", "en"], indirect=True)
def test_the_gate_dialog_fits_with_its_answer_lines(qtbot, main_window, size) -> None:
    ctx = main_window.ctx
    pid, _ = pursuits.create_pursuit(
        ctx.workspace, PursuitDraft(title="BI 报表平台", account_name="上海华通城商行")
    )
    dialog = operations.move_to_stage(
        ctx, main_window, {pid: "上海华通城商行 · BI 报表平台"}, 2, lambda _i: "", lambda _i: None
    )
    assert dialog is not None and dialog.answer_edits  # the points can be answered here
    fits(qtbot, dialog, size)
    dialog.reject()
