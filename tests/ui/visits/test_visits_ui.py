"""The Visits screen, the pursuit tab, the editor, printing and calendar export, with pytest-qt.

Dialogs are driven without exec(): they are opened with open() and accepted in code.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from desktop.services import visits
from desktop.services.queries import board
from desktop.services.reports import ics
from desktop.services.visits import VisitDraft, utcnow
from desktop.ui.common import format as fmt
from desktop.ui.visits.editor import OUTCOME_PAGE, VisitEditor
from desktop.ui.visits.models import PursuitVisitsModel, UpcomingVisitsModel
from desktop.ui.visits.plan_document import page_layout
from desktop.ui.visits.printing import CalendarExport, PlanPrinter, system_zone_name
from desktop.ui.visits.screen import VisitsScreen
from desktop.ui.visits.tab import PursuitVisitsTab


def local_qdatetime(day: date, hour: int) -> QDateTime:
    return QDateTime(QDate(day.year, day.month, day.day), QTime(hour, 0))


@pytest.fixture
def screen(qtbot, ctx, host):
    widget = VisitsScreen(ctx, host)
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def tab(qtbot, ctx, host, planned):
    widget = PursuitVisitsTab(ctx, host)
    qtbot.addWidget(widget)
    widget.set_pursuit(planned.pursuit_id)
    widget.show()
    return widget


def test_models_pass_the_model_tester(qtmodeltester, ctx) -> None:
    upcoming = UpcomingVisitsModel("zh", stage_names=["建立信任"] * 8)
    rows = visits.upcoming_visits(ctx.workspace, today=utcnow().date() + timedelta(days=7))
    upcoming.set_rows(rows)
    assert upcoming.rowCount() >= 1 and upcoming.visit_count() == len(rows)
    qtmodeltester.check(upcoming)
    of_pursuit = PursuitVisitsModel("zh")
    of_pursuit.set_rows(visits.visits_of(ctx.workspace, rows[0].pursuit_id))
    qtmodeltester.check(of_pursuit)
    empty = UpcomingVisitsModel("en")
    qtmodeltester.check(empty)


def test_screen_groups_the_coming_visits(screen, ctx) -> None:
    model = screen.model
    titles = [model.index(g, 0).data() for g in range(model.rowCount())]
    assert titles and all(t.startswith(("本周", "下周", "待填写")) for t in titles)
    first = model.index(0, 0, model.index(0, 0))
    row = model.visit(first)
    assert row is not None
    assert model.index(0, UpcomingVisitsModel.PURSUIT, model.index(0, 0)).data() == (
        f"{row.account} · {row.pursuit_title}"
    )
    stage = model.index(0, UpcomingVisitsModel.STAGE, model.index(0, 0)).data()
    assert stage == f"{row.stage} · {ctx.catalog.stage(row.stage).process.zh}"
    assert "个拜访" in screen.counts.text()
    assert screen.pages.currentIndex() == 0
    assert screen.open_item("visit", row.id)
    assert screen.current().id == row.id
    assert screen.visit_actions.preview.isEnabled()
    assert row.objective in screen.summary.browser.toPlainText()


@pytest.mark.parametrize("ctx", ["en"], indirect=True)
def test_screen_in_english(screen) -> None:
    titles = [screen.model.index(g, 0).data() for g in range(screen.model.rowCount())]
    assert all(t.startswith(("This week", "Next week", "Waiting")) for t in titles)
    assert screen.visit_actions.new.text() == "New visit"
    assert "coming up" in screen.counts.text()


def test_plan_a_visit_in_the_editor_then_undo_and_redo(qtbot, screen, ctx, planned) -> None:
    editor = screen.visit_actions.new_visit()
    assert isinstance(editor, VisitEditor) and editor.isVisible()
    editor.choose_pursuit(planned.pursuit_id)
    assert editor.attendees.count() == 5  # the demo pursuit's people
    day = fmt.local(utcnow()).date() + timedelta(days=3)
    editor.when.setDateTime(local_qdatetime(day, 10))
    editor.duration.setValue(90)
    editor.location.setText("样板工厂")
    editor.objective.setPlainText("邀请决策者参观样板工厂")
    editor.attendees.item(0).setCheckState(Qt.CheckState.Checked)
    editor.add_open_coaching_points()
    assert editor.questions.toPlainText().strip()
    before = {r.id for r in visits.visits_of(ctx.workspace, planned.pursuit_id)}
    with qtbot.waitSignal(editor.finished):
        editor.accept()
    after = visits.visits_of(ctx.workspace, planned.pursuit_id)
    (new,) = [r for r in after if r.id not in before]
    assert (new.objective, new.location, new.duration_minutes) == (
        "邀请决策者参观样板工厂",
        "样板工厂",
        90,
    )
    assert fmt.local(new.starts_at) == datetime.combine(day, datetime.min.time()).replace(hour=10)
    assert len(new.attendees) == 1
    assert screen.model.index_of(new.id).isValid()  # the list followed the change
    ctx.undo_stack.undo()
    assert new.id not in {r.id for r in visits.visits_of(ctx.workspace, planned.pursuit_id)}
    assert not screen.model.index_of(new.id).isValid()
    ctx.undo_stack.redo()
    assert new.id in {r.id for r in visits.visits_of(ctx.workspace, planned.pursuit_id)}


def test_the_editor_says_what_is_missing_and_saves_nothing(qtbot, screen, ctx, planned) -> None:
    editor = screen.visit_actions.new_visit()
    editor.objective.setPlainText("确认预算")
    editor.accept()
    assert editor.isVisible()
    assert "项目" in editor.error.text()
    editor.choose_pursuit(planned.pursuit_id)
    editor.objective.setPlainText("   ")
    count = len(visits.visits_of(ctx.workspace, planned.pursuit_id))
    editor.accept()
    assert editor.isVisible() and "拜访目标" in editor.error.text()
    editor.objective.setPlainText("确认预算")
    editor.set_next_step.setChecked(True)
    editor.accept()
    assert editor.isVisible() and "下一步" in editor.error.text()
    assert editor.tabs.currentIndex() == OUTCOME_PAGE
    assert len(visits.visits_of(ctx.workspace, planned.pursuit_id)) == count
    assert ctx.undo_stack.count() == 0
    editor.reject()


def test_a_past_time_shows_a_hint(qtbot, ctx, host, planned) -> None:
    editor = VisitEditor(ctx, host, pursuit_id=planned.pursuit_id)
    qtbot.addWidget(editor)
    editor.open()
    assert not editor.past_hint.isVisible()
    editor.when.setDateTime(local_qdatetime(fmt.local(utcnow()).date() - timedelta(days=2), 9))
    assert editor.past_hint.isVisible()
    editor.reject()


def test_record_the_outcome_and_set_the_pursuits_next_step(qtbot, tab, ctx, planned) -> None:
    before = board.board_card(ctx.workspace, planned.pursuit_id)
    assert tab.select(planned.id)
    editor = tab.visit_actions.record_outcome()
    assert editor.tabs.currentIndex() == OUTCOME_PAGE
    editor.outcome.setPlainText("决策者认可价值建议书,同意进入商务谈判")
    editor.learned.setPlainText("预算已列入明年计划")
    editor.next_steps.setPlainText("1. 提交正式报价\n2. 安排样板客户参观")
    editor.set_next_step.setChecked(True)
    editor.next_due.setDate(QDate(2027, 1, 8))
    with qtbot.waitSignal(editor.finished):
        editor.accept()
    detail = visits.get_visit(ctx.workspace, planned.id)
    assert detail.fields["outcome"] == "决策者认可价值建议书,同意进入商务谈判"
    card = board.board_card(ctx.workspace, planned.pursuit_id)
    assert (card.next_step, card.next_step_due) == ("提交正式报价", date(2027, 1, 8))
    row = tab.model.row_of(planned.id)
    outcome = tab.model.index(row, PursuitVisitsModel.OUTCOME).data()
    assert outcome.startswith("决策者认可")
    assert ctx.undo_stack.undoText() == "填写拜访结果"
    ctx.undo_stack.undo()
    assert visits.get_visit(ctx.workspace, planned.id).fields["outcome"] == ""
    card = board.board_card(ctx.workspace, planned.pursuit_id)
    assert (card.next_step, card.next_step_due) == (before.next_step, before.next_step_due)


def test_delete_from_the_tab_and_undo(qtbot, tab, ctx, planned) -> None:
    assert tab.select(planned.id)
    assert tab.visit_actions.delete_visit()
    assert tab.model.row_of(planned.id) == -1
    ctx.undo_stack.undo()
    assert tab.model.row_of(planned.id) >= 0


def test_an_empty_pursuit_shows_what_to_do(qtbot, ctx, host) -> None:
    from desktop.services import pursuits

    pursuit_id, _ = pursuits.create_pursuit(
        ctx.workspace, pursuits.PursuitDraft(title="新项目", account_name="新客户")
    )
    tab = PursuitVisitsTab(ctx, host)
    qtbot.addWidget(tab)
    tab.set_pursuit(pursuit_id)
    assert tab.pages.currentIndex() == 1
    assert "还没有拜访" in tab.empty.text()
    assert tab.visit_actions.new.isEnabled() and not tab.visit_actions.preview.isEnabled()


def test_print_to_pdf_without_any_dialog(qtbot, ctx, host, planned, tmp_path, pdf_text) -> None:
    job = PlanPrinter(ctx, host, visit_id=planned.id)
    pages = job.write_pdf(tmp_path / "plan.pdf")
    count, texts = pdf_text(tmp_path / "plan.pdf")
    assert count == pages <= 2
    text = "".join(texts)
    assert "".join(planned.objective.split()) in text
    assert all(name in text for name in planned.attendees)


def test_save_as_pdf_through_the_file_dialog(qtbot, tab, planned, tmp_path, monkeypatch) -> None:
    # No Documents folder (a new account's home): the dialog starts at home, not in the folder
    # the program was started from.
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(tmp_path / "Documents"))
    tab.select(planned.id)
    messages = []
    tab.visit_actions.message.connect(messages.append)
    job = tab.visit_actions.save_pdf()
    dialog = job.dialog
    assert isinstance(dialog, QFileDialog) and dialog.isVisible()
    assert dialog.selectedFiles()[0].endswith(".pdf")
    assert Path(dialog.selectedFiles()[0]).parent == tmp_path
    target = tmp_path / "计划.pdf"
    dialog.selectFile(str(target))
    with qtbot.waitSignal(job.finished) as finished:
        dialog.accept()
    assert finished.args == [True]
    assert target.read_bytes().startswith(b"%PDF")
    assert messages and str(target) in messages[0]


def test_a_past_visit_asks_before_printing(qtbot, ctx, host, planned, tmp_path) -> None:
    visit_id, _ = visits.create_visit(
        ctx.workspace,
        VisitDraft(
            pursuit_id=planned.pursuit_id,
            starts_at=utcnow() - timedelta(days=3),
            objective="回顾上次会面",
        ),
    )
    job = PlanPrinter(ctx, host, visit_id=visit_id)
    job.start(PlanPrinter.PDF)
    box = job.question
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "已经进行过" in box.text()
    go = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    go.click()
    assert isinstance(job.dialog, QFileDialog)  # the plan goes on to be saved
    job.dialog.reject()
    # Cancelling the question prints nothing.
    again = PlanPrinter(ctx, host, visit_id=visit_id)
    with qtbot.waitSignal(again.finished) as finished:
        again.start(PlanPrinter.PREVIEW)
        again.question.reject()
    assert finished.args == [False] and again.dialog is None


def test_print_preview_paints_the_plan(qtbot, ctx, host, planned) -> None:
    job = PlanPrinter(ctx, host, visit_id=planned.id)
    painted = []
    job.start(PlanPrinter.PREVIEW)
    dialog = job.dialog
    assert isinstance(dialog, QPrintPreviewDialog)
    dialog.paintRequested.connect(lambda printer: painted.append(printer))
    qtbot.waitUntil(lambda: dialog.isVisible())
    qtbot.waitUntil(lambda: job.pages_painted > 0, timeout=5000)
    assert 1 <= job.pages_painted <= 2
    dialog.reject()


def test_a_deleted_visit_is_reported_not_printed(qtbot, ctx, host, planned) -> None:
    from desktop.ui import errors

    visits.delete_visit(ctx.workspace, planned.id)
    job = PlanPrinter(ctx, host, visit_id=planned.id)
    with qtbot.waitSignal(job.finished) as finished:
        job.start(PlanPrinter.PREVIEW)
    assert finished.args == [False] and job.dialog is None
    box = errors._open_boxes[-1]
    assert box.isVisible() and "不存在" in box.text()
    box.accept()  # closed, so it leaves the list of open message boxes
    assert box not in errors._open_boxes


def test_calendar_export_of_the_coming_visits(qtbot, screen, ctx, tmp_path) -> None:
    ids = screen.coming_ids()
    assert ids
    job = CalendarExport(ctx, screen, visit_ids=ids)
    assert job.write(tmp_path / "visits.ics") == len(ids)
    parsed = icalendar.Calendar.from_ical((tmp_path / "visits.ics").read_bytes())
    uids = [str(e["uid"]).split("@")[0] for e in parsed.walk("VEVENT")]
    assert uids == ids
    starts = {
        str(e["uid"]).split("@")[0]: e.decoded("dtstart").astimezone().replace(tzinfo=None)
        for e in parsed.walk("VEVENT")
    }
    for visit_id in ids:
        row = visits.visit_row(ctx.workspace, visit_id)
        assert starts[visit_id] == fmt.local(row.starts_at)


def test_calendar_file_dialog(qtbot, tab, planned, tmp_path) -> None:
    tab.select(planned.id)
    job = tab.visit_actions.export_visit()
    assert job.dialog.selectedFiles()[0].endswith(".ics")
    job.dialog.selectFile(str(tmp_path / "one.ics"))
    with qtbot.waitSignal(job.finished):
        job.dialog.accept()
    assert (tmp_path / "one.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_registered_as_screen_and_pursuit_tab(qtbot, ctx, host) -> None:
    from desktop.ui.screens import PURSUIT_TABS, SCREENS

    (screen_spec,) = [s for s in SCREENS if s.key == "visits"]
    (tab_spec,) = [t for t in PURSUIT_TABS if t.key == "visits"]
    assert screen_spec.title() == "拜访" and tab_spec.title() == "拜访"
    made = screen_spec.create(ctx, host)
    qtbot.addWidget(made)
    assert isinstance(made, VisitsScreen)
    assert made.toolbar_actions()[0] is made.visit_actions.new
    tab = tab_spec.create(ctx, host)
    qtbot.addWidget(tab)
    assert isinstance(tab, PursuitVisitsTab) and hasattr(tab, "set_pursuit")


def test_the_stakeholder_map_comes_from_the_map_package(ctx, planned, monkeypatch) -> None:
    from desktop.services import pursuits
    from desktop.ui import screens  # noqa: F401 - the composition root provides the map
    from desktop.ui.common import pictures
    from desktop.ui.visits import printing

    image = printing.map_image(ctx, planned.pursuit_id)
    assert image is not None and image.width() == printing.MAP_WIDTH_PX
    empty, _ = pursuits.create_pursuit(
        ctx.workspace, pursuits.PursuitDraft(title="空项目", account_name="新客户")
    )
    assert printing.map_image(ctx, empty) is None  # nobody on the map
    monkeypatch.setattr(pictures, "_map_picture", [])  # a window that provides no map
    assert printing.map_image(ctx, planned.pursuit_id) is None


def test_new_visit_suggests_the_selected_visits_pursuit(qtbot, screen, planned) -> None:
    assert screen.select(planned.id)
    editor = screen.visit_actions.new_visit()
    assert editor.pursuit_id == planned.pursuit_id
    assert editor.pursuit_combo.isVisible()  # still changeable
    editor.reject()


def test_an_attendee_deleted_meanwhile_is_caught(qtbot, ctx, host, planned) -> None:
    from desktop.services import records

    editor = VisitEditor(ctx, host, visit_id=planned.id)
    qtbot.addWidget(editor)
    editor.open()
    chosen = editor.checked_attendees()
    records.delete(ctx.workspace, "stakeholder", chosen[0])
    editor.accept()
    assert editor.isVisible() and "不再是" in editor.error.text()
    assert chosen[0] not in editor.checked_attendees()
    assert editor.attendees.count() == 4
    with qtbot.waitSignal(editor.finished):
        editor.accept()  # the second save goes through
    assert visits.get_visit(ctx.workspace, planned.id).attendee_ids == chosen[1:]


def test_printing_renders_on_a_printer(qtbot, ctx, host, planned, tmp_path) -> None:
    """What Print does once its dialog is accepted, on a printer that writes a PDF file (a test
    never opens the platform's print dialog: it might print on paper)."""
    from PySide6.QtPrintSupport import QPrinter

    job = PlanPrinter(ctx, host, visit_id=planned.id)
    job.load()
    printer = job._printer()
    assert printer.pageLayout().pageSize().id() == page_layout().pageSize().id()  # A4
    assert printer.pageLayout().margins().left() == pytest.approx(15.0)
    assert printer.docName().startswith("拜访计划-")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    job._paint(printer)
    assert 1 <= job.pages_painted <= 2
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF")


def test_a_visit_written_up_afterwards_is_one_undo_step(qtbot, ctx, host, planned) -> None:
    editor = VisitEditor(ctx, host, pursuit_id=planned.pursuit_id)
    qtbot.addWidget(editor)
    editor.open()
    editor.when.setDateTime(local_qdatetime(fmt.local(utcnow()).date() - timedelta(days=1), 15))
    editor.objective.setPlainText("技术交流会")
    editor.outcome.setPlainText("客户要求补充接口文档")
    editor.next_steps.setPlainText("发送接口文档")
    editor.set_next_step.setChecked(True)
    with qtbot.waitSignal(editor.finished):
        editor.accept()
    detail = visits.get_visit(ctx.workspace, editor.visit_id)
    assert detail.fields["outcome"] == "客户要求补充接口文档"
    assert detail.pursuit_next_step == "发送接口文档"
    assert ctx.undo_stack.count() == 1 and ctx.undo_stack.undoText() == "计划拜访"
    ctx.undo_stack.undo()
    assert editor.visit_id not in {
        r.id for r in visits.visits_of(ctx.workspace, planned.pursuit_id)
    }
    assert board.board_card(ctx.workspace, planned.pursuit_id).next_step != "发送接口文档"
    ctx.undo_stack.redo()
    assert (
        visits.get_visit(ctx.workspace, editor.visit_id).fields["outcome"] == "客户要求补充接口文档"
    )


def test_a_pdf_that_cannot_be_written_is_reported(qtbot, tab, planned, tmp_path) -> None:
    from desktop.ui.visits import printing

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    tab.select(planned.id)
    job = tab.visit_actions.save_pdf()
    with qtbot.waitSignal(job.finished) as finished:
        job.dialog.selectFile(str(blocker / "plan.pdf"))
        job.dialog.accept()
    assert finished.args == [False]
    box = printing._open_boxes[-1]
    assert box.isVisible() and "无法保存" in box.text() and str(blocker) in box.text()
    # Why, in the window's language: not the system's English "Not a directory".
    assert "路径中有一项不是文件夹" in box.text() and "directory" not in box.text()
    box.accept()
    assert not printing._open_boxes
    assert blocker.read_text() == "a file where a folder should be"


def test_all_to_calendar_saves_exactly_the_listed_coming_visits(
    qtbot, screen, ctx, planned, tmp_path
) -> None:
    """Not "the next 14 days": the coming visits the list shows (this week and next), no more."""
    weeks = visits.Weeks.around(fmt.local(utcnow()).date())
    last_listed, first_unlisted = (
        weeks.until - timedelta(hours=2),  # late on Sunday of next week
        weeks.until + timedelta(hours=2),  # early on the Monday after: within 14 days of now
    )
    made = {}
    for name, when in (("inside", last_listed), ("outside", first_unlisted)):
        made[name], changes = visits.create_visit(
            ctx.workspace,
            VisitDraft(pursuit_id=planned.pursuit_id, starts_at=when, objective=name),
        )
        ctx.broadcast(changes)
    if utcnow() + timedelta(days=14) > first_unlisted:  # (not so in Monday's first hours)
        assert made["outside"] in visits.upcoming_ids(ctx.workspace, days=14)  # the old window
    listed = screen.coming_ids()
    assert made["inside"] in listed and made["outside"] not in listed
    action = screen.export_all
    assert action.isEnabled()
    assert f" {len(listed)} " in action.toolTip() and "本周和下周" in action.toolTip()
    assert str(len(listed)) in screen.counts.text()  # the header counts the same visits

    action.trigger()
    (job,) = [j for j in screen.visit_actions.running if isinstance(j, CalendarExport)]
    target = tmp_path / "拜访日程.ics"
    job.dialog.selectFile(str(target))
    with qtbot.waitSignal(job.finished) as finished:
        job.dialog.accept()
    # The open activities of the same window come beside the visits, each once.
    extra = ics.upcoming_activity_ids(ctx.workspace, tz=system_zone_name(), until=weeks.until)
    assert finished.args == [True] and job.count == len(listed) + len(extra)
    parsed = icalendar.Calendar.from_ical(target.read_bytes())
    uids = [str(e["uid"]).split("@")[0] for e in parsed.walk("VEVENT")]
    assert uids[: len(listed)] == listed and sorted(uids[len(listed) :]) == sorted(extra)


@pytest.mark.parametrize("ctx", ["en"], indirect=True)
def test_all_to_calendar_says_what_it_covers_in_english(screen) -> None:
    count = len(screen.coming_ids())
    assert screen.export_all.toolTip() == (
        f"Save the {count} visits still to come in this list (this week and next) as one .ics file"
    )


def test_all_to_calendar_is_off_without_coming_visits(qtbot, ctx, host) -> None:
    for row in visits.upcoming_visits(ctx.workspace):
        visits.delete_visit(ctx.workspace, row.id)
    widget = VisitsScreen(ctx, host)
    qtbot.addWidget(widget)
    assert not widget.export_all.isEnabled()
    assert widget.export_all.toolTip() == "本周和下周没有尚未开始的拜访"


def test_the_attendee_list_shows_whole_rows_on_a_small_screen(qtbot, screen, planned) -> None:
    """A dialog squeezed to a 720-pixel-high screen takes room from the text boxes: the list
    shows each of its people whole, never the last one cut in half."""
    editor = screen.visit_actions.new_visit()
    editor.choose_pursuit(planned.pursuit_id)
    editor.resize(editor.width(), 470)  # what a window manager leaves on a 1280×720 screen
    qtbot.waitUntil(lambda: editor.attendees.isVisible())
    listed = editor.attendees
    viewport = listed.viewport().rect()
    assert listed.count() == 5
    for row in range(listed.count()):
        assert viewport.contains(listed.visualItemRect(listed.item(row))), row


def test_the_editor_fits_a_short_screen_with_its_buttons_in_sight(qtbot, ctx, host, planned):
    """A 1280×720 screen at 150 % leaves 853×480: the pages scroll, Save and Cancel stay seen."""
    from PySide6.QtCore import QRect

    editor = VisitEditor(ctx, host, visit_id=planned.id)
    qtbot.addWidget(editor)
    editor.open()
    QApplication.processEvents()  # the fit to the test screen, made once shown
    assert editor.attendees.count() == 5
    natural = editor.sizeHint().height()
    room = QRect(0, 0, 853, 480)
    assert natural > room.height()  # the case the fit is for
    editor.fit_to(room)
    qtbot.waitUntil(lambda: room.contains(editor.frameGeometry()))
    frame = editor.frameGeometry()
    # Centred: as much room above as below, left as right.
    assert abs((frame.top() - room.top()) - (room.bottom() - frame.bottom())) <= 1
    assert abs((frame.left() - room.left()) - (room.right() - frame.right())) <= 1
    save = editor.buttons.button(editor.buttons.StandardButton.Save)
    assert save.isVisible()
    assert editor.rect().contains(save.geometry().translated(editor.buttons.pos()))
    page = editor.tabs.currentWidget()
    bar = page.verticalScrollBar()
    page.ensureWidgetVisible(editor.materials)
    assert editor.materials.visibleRegion().boundingRect().height() == editor.materials.height()
    editor.fit_to(QRect(0, 0, 853, 360))  # shorter than the fields' minimum: the plan scrolls
    qtbot.waitUntil(lambda: bar.isVisible() and bar.maximum() > 0)
    assert editor.frameGeometry().bottom() <= 359 and save.isVisible()
    editor.reject()


def test_the_editor_does_not_scroll_on_a_tall_screen(qtbot, ctx, host, planned):
    from PySide6.QtCore import QRect

    editor = VisitEditor(ctx, host, visit_id=planned.id)
    qtbot.addWidget(editor)
    editor.open()
    QApplication.processEvents()
    editor.fit_to(QRect(0, 0, 1920, 1160))
    qtbot.waitUntil(lambda: editor.height() >= editor.sizeHint().height())
    assert editor.tabs.currentWidget().verticalScrollBar().maximum() == 0
    editor.reject()
