"""Messages speak the rep's words: no internal code (`not_pursuit_db`, a field's column name, an
exception's class name) inside a sentence, and counts without "(s)" — one item reads "1 item
awaits review", two "2 items await review"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.infra import paths
from desktop.services import records
from desktop.services.errors import InvalidInput
from desktop.services.imports import table_import as ti
from desktop.services.queries import board
from desktop.services.sync import export, importer
from desktop.services.workspace import Workspace
from desktop.storage.backup import online_backup
from desktop.storage.errors import NotAPursuitDatabase
from desktop.ui.errors import message_for
from desktop.ui.imports import ImportActions
from desktop.ui.sync.folder import FolderSyncer

# What an internal name looks like: lower-case words joined by underscores, or a class name.
CODE = re.compile(r"[a-z]+_[a-z_]+|[A-Z][a-z]+Error")


@pytest.mark.parametrize("main_window", ["zh_CN", "en"], indirect=True)
def test_a_refused_value_names_its_field_in_words(main_window) -> None:
    zh = main_window.ctx.language == "zh_CN"
    text = message_for(InvalidInput("title", "required"))
    assert text == (
        "标题为必填项，未保存任何内容。" if zh else "The title is required. Nothing was saved."
    )
    text = message_for(InvalidInput("next_step_due", "bad_date"))
    assert "next_step_due" not in text and "bad_date" not in text
    assert ("下一步截止日期" if zh else "The next step's due date") in text
    # A field without words of its own is not named at all rather than named by its column.
    text = message_for(InvalidInput("horizon_weeks", "odd_code"))
    assert not CODE.search(text) and text


@pytest.mark.parametrize("main_window", ["zh_CN", "en"], indirect=True)
def test_the_import_wizard_says_why_in_words(main_window, tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("姓名,公司\n张三,测试公司\n", encoding="utf-8")
    wizard = main_window.findChild(ImportActions).open_wizard("table", path)
    page = wizard.run_page
    page._failed(NotAPursuitDatabase("file is not a database"))
    assert not CODE.search(page.status.text())
    assert ("数据库" if main_window.ctx.language == "zh_CN" else "database") in page.status.text()
    page._failed(ti.RowFailed(7, InvalidInput("name", "required")))
    assert page.status.text() == (
        "第 7 行：名称为必填项，未保存任何内容。"
        if main_window.ctx.language == "zh_CN"
        else "Row 7: The name is required. Nothing was saved."
    )
    page._failed(KeyError("cells"))
    said = page.status.text().replace(str(paths.log_file()), "")  # the log named, as a path
    assert not CODE.search(said) and "KeyError" not in said
    wizard.close()


def test_a_failed_folder_sync_does_not_name_the_exception(main_window) -> None:
    syncer = main_window.findChild(FolderSyncer)
    syncer._failed(RuntimeError("cannot start a transaction within a transaction"))
    assert "RuntimeError" not in syncer.problem and "同步未完成" in syncer.problem


@pytest.mark.parametrize("main_window", ["en"], indirect=True)
def test_the_review_heading_counts_one_and_many(
    main_window, demo_ws: Workspace, tmp_path: Path
) -> None:
    ctx = main_window.ctx
    laptop = Workspace.open(online_backup(demo_ws.path, tmp_path / "laptop.db"))
    try:
        first, second = [card.id for card in board.board_cards(laptop)[:2]]
        for n, pursuit_id in enumerate((first, second), start=1):
            records.update(laptop, "pursuit", pursuit_id, {"title": f"laptop {n}"})
            records.update(ctx.workspace, "pursuit", pursuit_id, {"title": f"desk {n}"})
            source = tmp_path / f"laptop{n}.pursuit-sync"
            export.export_bundle(laptop, source, passphrase=None, encrypt=False)
            importer.import_bundle(ctx.workspace, source, backup=False)
            main_window.show_screen("review")
            screen = main_window.screens["review"]
            screen.reload()
            heading = screen.heading.text()
            assert heading == (
                "<h3>1 item awaits review</h3>" if n == 1 else "<h3>2 items await review</h3>"
            )
    finally:
        laptop.close()


@pytest.mark.parametrize("main_window", ["en"], indirect=True)
def test_the_merge_preview_counts_in_words(qtbot, main_window) -> None:
    from desktop.services import accounts, pursuits
    from desktop.ui.accounts.dialogs import MergeDialog

    ws = main_window.ctx.workspace
    draft = pursuits.PursuitDraft(title="合并测试", account_name="合并测试客户")
    pursuits.create_pursuit(ws, draft)
    rows = accounts.account_summaries(ws)
    one = next(r for r in rows if r.name == "合并测试客户")
    other = next(r for r in rows if r.id != one.id)
    dialog = MergeDialog(main_window.ctx, other, [one], parent=main_window)
    qtbot.addWidget(dialog)
    dialog.choose(one.id)
    text = dialog.preview.text()
    assert "(s)" not in text and "1 pursuit," in text
    assert text.startswith(f'What "{one.name}" holds moves to "{other.name}": ')


def test_a_cell_refused_without_a_placeholder_says_what_to_type(qtbot, main_window) -> None:
    from desktop.ui.pursuit.models import Column, RecordTableModel

    model = RecordTableModel(
        [Column("amount", "金额", kind="money"), Column("due_on", "日期", kind="date")]
    )
    model.rows = [{"id": "x", "amount": 0, "due_on": None}]
    model.beginResetModel()
    model.endResetModel()
    with qtbot.waitSignal(model.refused) as amount:
        model.setData(model.index(0, 0), "abc")
    assert amount.args[2] == "请输入金额，如 1,280,000 或 128万。"  # not the key "amount"
    with qtbot.waitSignal(model.refused) as day:
        model.setData(model.index(0, 1), "31/31")
    assert day.args[2] == "请输入日期，如 2026-03-31。"
