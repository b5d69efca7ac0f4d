"""The visit plan's "Save as PDF" and the calendar export never write over the database, and
replace a file of another kind only when the user says so (issue 23, defect 1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.common.save_answers import (
    OTHER_KINDS,
    answer_question,
    database_files,
    no_box,
    refusal_text,
)


@pytest.fixture
def tab(qtbot, ctx, host, planned):
    from desktop.ui.visits.tab import PursuitVisitsTab

    widget = PursuitVisitsTab(ctx, host)
    qtbot.addWidget(widget)
    widget.set_pursuit(planned.pursuit_id)
    widget.show()
    return widget


def choose(dialog, path: Path) -> None:
    dialog.selectFile(str(path))
    dialog.accept()


def test_the_plan_pdf_refuses_the_database_and_asks_before_another_kind(
    qtbot, tab, planned, ctx, tmp_path: Path
) -> None:
    database = ctx.workspace.path
    before = database.read_bytes()
    tab.select(planned.id)
    job = tab.visit_actions.save_pdf()
    outcomes: list[bool] = []
    job.finished.connect(outcomes.append)
    for path in database_files(database):
        choose(job.dialog, path)
        assert "正在使用的数据库" in refusal_text(qtbot)
        assert job.dialog.isVisible()  # the dialog is back for another name
    assert database.read_bytes() == before and outcomes == []

    calendar = tmp_path / "计划.pdf"
    calendar.write_bytes(OTHER_KINDS["ics"])
    choose(job.dialog, calendar)
    assert "是日历文件，不是PDF 文档" in answer_question(qtbot, replace=False)
    assert calendar.read_bytes() == OTHER_KINDS["ics"] and job.dialog.isVisible()
    with qtbot.waitSignal(job.finished) as finished:
        choose(job.dialog, calendar)
        answer_question(qtbot, replace=True)
    assert finished.args == [True]
    assert calendar.read_bytes().startswith(b"%PDF")
    assert database.read_bytes() == before and no_box()


def test_the_calendar_refuses_the_database_and_asks_before_another_kind(
    qtbot, tab, planned, ctx, tmp_path: Path
) -> None:
    database = ctx.workspace.path
    before = database.read_bytes()
    tab.select(planned.id)
    job = tab.visit_actions.export_visit()
    for path in database_files(database):
        choose(job.dialog, path)
        refusal_text(qtbot)
        assert job.dialog.isVisible()
    assert database.read_bytes() == before

    plan = tmp_path / "visit.ics"
    plan.write_bytes(OTHER_KINDS["pdf"])
    choose(job.dialog, plan)
    assert "是PDF 文档，不是日历文件" in answer_question(qtbot, replace=False)
    assert plan.read_bytes() == OTHER_KINDS["pdf"]
    with qtbot.waitSignal(job.finished) as finished:
        choose(job.dialog, plan)
        answer_question(qtbot, replace=True)
    assert finished.args == [True]
    assert plan.read_bytes().startswith(b"BEGIN:VCALENDAR")


@pytest.mark.parametrize("ctx", ["en"], indirect=True)
def test_an_older_calendar_is_replaced_after_one_question(
    qtbot, tab, planned, tmp_path: Path
) -> None:
    old = tmp_path / "old.ics"
    old.write_bytes(OTHER_KINDS["ics"])
    tab.select(planned.id)
    job = tab.visit_actions.export_visit()
    with qtbot.waitSignal(job.finished):
        choose(job.dialog, old)
        assert "already exists. Replace it?" in answer_question(qtbot, replace=True)
    assert old.read_bytes() != OTHER_KINDS["ics"] and no_box()
