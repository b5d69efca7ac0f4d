"""File ▸ Import ▸ Table… and vCard Contacts… through the real wizard, Edit ▸ Undo of the
import, and File ▸ Export Lists."""

from __future__ import annotations

import os
import time
from pathlib import Path

import openpyxl
import pytest

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QComboBox, QWizard

from desktop.services import stakeholders
from desktop.services.imports import table_import as ti
from desktop.storage.tables import Account, Pursuit
from desktop.ui.common.screen_fit import SIDE_BORDERS, TITLE_BAR
from desktop.ui.imports import ImportActions
from desktop.ui.imports.wizard import ImportWizard


def settled(path: Path) -> Path:
    os.utime(path, (time.time() - 60, time.time() - 60))
    return path


def sheet(path: Path) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["2026 新客户"])
    ws.append(["公司名称", "商机名称", "联系人", "手机", "预算", "备注说明"])
    ws.append(["南京导入测试港务有限公司", "码头调度", "张导入", "13800000001", "¥50万", ""])
    ws.append(["南京导入测试港务", "码头调度", "张导入", "13800000001", "", ""])
    ws.append(["苏州导入测试电子", "MES", "王导入", "", "abc", ""])
    book.save(path)
    return settled(path)


def names(ws, table) -> set[str]:
    from sqlalchemy import select

    column = table.name if table is Account else table.title
    with ws.read() as session:
        return set(session.scalars(select(column).where(table.alive)))


def advance(qtbot, wizard: ImportWizard) -> None:
    page = wizard.currentPage()
    qtbot.waitUntil(page.isComplete, timeout=20000)
    wizard.next()


def test_a_table_through_the_wizard_and_undo(main_window, qtbot, tmp_path: Path) -> None:
    ctx = main_window.ctx
    actions = main_window.findChild(ImportActions)
    path = sheet(tmp_path / "new.xlsx")
    wizard = actions.open_wizard("table", path)
    assert isinstance(wizard, ImportWizard)
    advance(qtbot, wizard)  # file
    qtbot.waitUntil(lambda: wizard.table is not None, timeout=20000)
    assert "2" in wizard.source_page.status.text()  # the header row found under the title
    advance(qtbot, wizard)  # source
    assert wizard.kind_page.buttons["pursuits"].isChecked()
    advance(qtbot, wizard)  # kind
    combos = wizard.mapping_page.combos
    assert [c.currentData() for c in combos] == [
        "account_name", "pursuit_title", "person_name", "phone", "amount", "notes",
    ]  # fmt: skip
    combos[5].setCurrentIndex(0)  # the notes column is not wanted
    advance(qtbot, wizard)  # mapping (remembered)
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=20000)
    assert [r.status for r in wizard.plan.rows] == [ti.NEW, ti.DUPLICATE, ti.ERROR]
    assert wizard.preview_page.model.rowCount() == 3
    reason = wizard.preview_page.model.index(2, 3).data()
    assert "abc" in reason
    wizard.preview_page.policy_buttons[ti.Policy.SKIP].setChecked(True)
    advance(qtbot, wizard)  # preview → run
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.report_page, timeout=30000)
    assert wizard.outcome is not None and wizard.outcome.created_rows == 1
    assert "1" in wizard.report_page.summary.text()
    assert "abc" in wizard.report_page.rejected.toPlainText()
    ws = ctx.workspace
    assert "南京导入测试港务有限公司" in names(ws, Account)
    pursuit_id = next(iter(wizard.outcome.changes.ids(ti.ChangeKind.PURSUIT)))
    assert [p.name for p in stakeholders.people_of(ws, pursuit_id)] == ["张导入"]

    assert ctx.undo_stack.canUndo()
    ctx.undo_stack.undo()  # Edit ▸ Undo: the whole import
    assert "南京导入测试港务有限公司" not in names(ws, Account)
    assert "码头调度" not in names(ws, Pursuit)
    ctx.undo_stack.redo()
    assert "码头调度" in names(ws, Pursuit)
    wizard.close()

    # The same layout again: the mapping chosen last time comes back.
    again = actions.open_wizard("table", path)
    advance(qtbot, again)
    advance(qtbot, again)
    advance(qtbot, again)
    assert again.mapping_page.combos[5].currentData() is None
    again.close()


def test_the_kind_page_starts_on_what_the_headers_list(main_window, qtbot, tmp_path: Path) -> None:
    actions = main_window.findChild(ImportActions)
    for name, header, kind in (
        ("accounts.csv", "客户名称,行业,地址", "accounts"),
        ("contacts.csv", "姓名,职务,手机,公司", "people"),
        ("deals.csv", "客户名称,项目名称,金额", "pursuits"),
    ):
        path = tmp_path / name
        path.write_text(f"{header}\n南京新诚港务,港口,南京\n", encoding="utf-8")
        wizard = actions.open_wizard("table", settled(path))
        advance(qtbot, wizard)  # file
        qtbot.waitUntil(lambda w=wizard: w.table is not None, timeout=20000)
        advance(qtbot, wizard)  # source
        assert wizard.kind_page.buttons[kind].isChecked(), name
        wizard.close()


def test_a_refused_file_says_why(main_window, qtbot, tmp_path: Path) -> None:
    actions = main_window.findChild(ImportActions)
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    quoted = tmp_path / "quote.csv"  # a quotation mark never closed
    quoted.write_text('客户名称,行业\n"苏州恒通,制造\n南京新诚,港口\n', encoding="utf-8")
    blank = tmp_path / "blank.csv"  # nothing in it but separators
    blank.write_text(" , ,\n\n", encoding="utf-8")
    for path, said in (
        (old, ".xls"),
        (quoted, "第 2 行的引号没有闭合"),
        (blank, "blank.csv 是空的，没有任何文字。"),
    ):
        wizard = actions.open_wizard("table", settled(path))
        advance(qtbot, wizard)
        # Read on a worker: wait for the words themselves (the task ends before they arrive).
        page = wizard.source_page
        qtbot.waitUntil(lambda p=page, s=said: s in p.status.text(), timeout=20000)
        assert not page.isComplete()
        wizard.close()


def test_vcards_onto_a_pursuits_map(main_window, qtbot, tmp_path: Path) -> None:
    actions = main_window.findChild(ImportActions)
    path = tmp_path / "phone.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:赵卡片\r\nTEL;TYPE=CELL:13911112222\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:钱卡片\r\nEMAIL:qian@example.cn\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    wizard = actions.open_wizard("vcard", settled(path))
    advance(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.table is not None, timeout=20000)
    advance(qtbot, wizard)
    kinds = wizard.kind_page.buttons
    # Cards are people: the page asks only where they go.
    assert kinds["people"].isChecked()
    assert not any(button.isVisibleTo(wizard) for button in kinds.values())
    assert wizard.kind_page.title() == "名片导入到哪里？"
    wizard.kind_page.onto_pursuit.setChecked(True)
    combo: QComboBox = wizard.kind_page.pursuit
    assert combo.count() > 0 and combo.isEnabled()
    pursuit_id = combo.currentData()
    advance(qtbot, wizard)
    advance(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=20000)
    # Numbered as the cards they are (1, 2), not as the lines of the file (1, 6).
    model = wizard.preview_page.model
    assert model.headerData(0, Qt.Orientation.Horizontal) == "名片"
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [1, 2]
    advance(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.report_page, timeout=30000)
    people = {p.name for p in stakeholders.people_of(main_window.ctx.workspace, pursuit_id)}
    assert {"赵卡片", "钱卡片"} <= people
    report = wizard.report_page
    assert not report.rejected.isVisible()  # nothing refused: the summary reads from the top
    assert report.summary.alignment() & Qt.AlignmentFlag.AlignTop
    wizard.close()


def vcard_file(path: Path) -> Path:
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:孙名片\r\nTEL;TYPE=CELL:13966667777\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:周名片\r\nEMAIL:zhou@example.cn\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    return settled(path)


def test_vcards_onto_an_account_make_people_with_no_card(
    main_window, qtbot, tmp_path: Path
) -> None:
    from sqlalchemy import select

    from desktop.storage.tables import Person, Stakeholder

    ws = main_window.ctx.workspace
    actions = main_window.findChild(ImportActions)
    wizard = actions.open_wizard("vcard", vcard_file(tmp_path / "phone.vcf"))
    advance(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.table is not None, timeout=20000)
    advance(qtbot, wizard)
    page = wizard.kind_page
    assert page.onto_account.isChecked()  # nothing open: onto an account
    assert page.account.isEnabled() and not page.pursuit.isEnabled()
    page.account.setCurrentIndex(1)
    account_id = page.account.currentData()
    advance(qtbot, wizard)
    assert wizard.account_id == account_id and wizard.pursuit_id is None
    advance(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=20000)
    advance(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.report_page, timeout=30000)
    with ws.read() as session:
        people = dict(
            session.execute(
                select(Person.name, Person.id).where(
                    Person.account_id == account_id,
                    Person.alive,
                    Person.name.in_(["孙名片", "周名片"]),
                )
            ).all()
        )
        cards = session.scalars(
            select(Stakeholder.id).where(Stakeholder.person_id.in_(list(people.values())))
        ).all()
    assert set(people) == {"孙名片", "周名片"}
    assert cards == []  # on the account, on no map yet
    main_window.ctx.undo_stack.undo()  # one step
    with ws.read() as session:
        alive = session.scalars(
            select(Person.name).where(Person.account_id == account_id, Person.alive)
        ).all()
    assert "孙名片" not in alive
    wizard.close()


def test_the_pursuit_picker_starts_on_the_pursuit_open(main_window, qtbot, tmp_path: Path) -> None:
    from desktop.services.queries.pursuit_list import list_pursuits

    rows = [r for r in list_pursuits(main_window.ctx.workspace) if r.status == "open"]
    last = max(rows, key=lambda r: (r.account, r.title))  # not the first alphabetically
    assert main_window.open_pursuit(last.id)
    assert main_window.current_pursuit() == last.id
    actions = main_window.findChild(ImportActions)
    wizard = actions.open_wizard("vcard", vcard_file(tmp_path / "phone.vcf"))
    advance(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.table is not None, timeout=20000)
    advance(qtbot, wizard)
    page = wizard.kind_page
    assert page.onto_pursuit.isChecked()
    assert page.pursuit.currentData() == last.id
    wizard.close()


@pytest.mark.parametrize("kind", ["accounts", "people"])
def test_export_lists(main_window, qtbot, tmp_path: Path, kind: str) -> None:
    actions = main_window.findChild(ImportActions)
    out = tmp_path / f"{kind}.xlsx"
    actions.export_list(kind, out)
    book = openpyxl.load_workbook(out)
    assert book.active is not None and book.active.max_row > 1


def many_rows(folder: Path, mode: str) -> Path:
    if mode == "vcard":
        path = folder / "many.vcf"
        cards = (
            f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:卡片{i}\r\nORG:南京远科{i}\r\nEND:VCARD\r\n"
            for i in range(30)
        )
        path.write_text("".join(cards), encoding="utf-8")
    else:
        path = folder / "many.csv"
        rows = (f"南京导入{i}港务有限公司,码头调度{i},张导入{i}" for i in range(30))
        path.write_text("公司名称,商机名称,联系人\n" + "\n".join(rows), encoding="utf-8")
    return settled(path)


# 150 % on a 1280×720 screen: 853×480 logical pixels, less the window's frame.
LAPTOP_AT_150 = QSize(853 - SIDE_BORDERS, 480 - TITLE_BAR)


@pytest.mark.parametrize(
    ("main_window", "mode"), [("en", "table"), ("zh_CN", "vcard")], indirect=["main_window"]
)
def test_the_wizard_fits_the_screen_with_its_buttons_in_sight(
    main_window, qtbot, tmp_path: Path, mode: str
) -> None:
    actions = main_window.findChild(ImportActions)
    wizard = actions.open_wizard(mode, many_rows(tmp_path, mode))
    assert isinstance(wizard, QWizard)
    room = wizard.screen().availableGeometry()  # 800×800 offscreen: the 880×600 wizard was wider
    assert wizard.width() <= room.width() - SIDE_BORDERS
    assert wizard.height() <= room.height() - TITLE_BAR
    wizard.resize(LAPTOP_AT_150)
    buttons = [QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton]
    buttons.append(QWizard.WizardButton.CancelButton)
    while True:
        qtbot.waitUntil(wizard.currentPage().isComplete, timeout=20000)
        name = type(wizard.currentPage()).__name__
        # No page asks for more room than the laptop's: Back, Next and Cancel stay on it.
        assert wizard.size() == LAPTOP_AT_150, name
        for which in buttons:
            button = wizard.button(which)
            assert button.isVisible(), (name, which)
            place = QRect(button.mapTo(wizard, QPoint(0, 0)), button.size())
            assert wizard.rect().contains(place), (name, which)
        if wizard.currentPage() is wizard.preview_page:
            break
        wizard.next()
    view = wizard.preview_page.view
    assert view.model().rowCount() == 30
    assert view.verticalScrollBar().maximum() > 0  # the rows scroll inside the page
    wizard.close()


def test_the_preview_and_report_say_the_accounts_made_and_the_bad_emails(
    main_window, qtbot, tmp_path: Path
) -> None:
    from desktop.services import accounts

    ws = main_window.ctx.workspace
    accounts.create_account(ws, {"name": "南京远科证券科技有限公司"})
    path = tmp_path / "people.csv"
    path.write_text(
        "姓名,客户,手机,邮箱\n"
        "张伟,南京远科证券科技有限公司,13800138000,bad-email\n"
        "王强,不存在的客户,,\n"
        "赵六,南京远科,,\n",
        encoding="utf-8",
    )
    wizard = actions_wizard(main_window, settled(path))
    advance(qtbot, wizard)  # file
    qtbot.waitUntil(lambda: wizard.table is not None, timeout=20000)
    advance(qtbot, wizard)  # source
    wizard.kind_page.buttons["people"].setChecked(True)
    wizard.kind_page.onto_account.setChecked(True)
    wizard.kind_page.account.setCurrentIndex(0)  # the company each row names
    advance(qtbot, wizard)  # kind
    advance(qtbot, wizard)  # mapping
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=20000)
    page = wizard.preview_page
    assert page.made.isVisibleTo(wizard)
    assert page.made.text() == (
        "新建客户 2 个：不存在的客户，南京远科（已有相近的「南京远科证券科技有限公司」）"
    )
    assert "有提醒 2" in page.summary.text()  # the bad email, the close name
    reasons = [page.model.index(r, 3).data() for r in range(3)]
    assert reasons[0] == "邮箱「bad-email」不像邮件地址，照原样导入"
    assert reasons[1] == "新建客户「不存在的客户」"
    page.filter.setCurrentIndex(page.filter.findData("makes_account"))
    assert page.model.rowCount() == 2
    advance(qtbot, wizard)  # preview → run
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.report_page, timeout=30000)
    report = wizard.report_page
    assert "新建客户 2 个" in report.summary.text()
    assert report.rejected.isVisibleTo(wizard)
    assert report.rejected.toPlainText() == "第 2 行：邮箱「bad-email」不像邮件地址，照原样导入"
    assert {"不存在的客户", "南京远科"} <= names(ws, Account)
    wizard.close()


def actions_wizard(main_window, path: Path) -> ImportWizard:
    wizard = main_window.findChild(ImportActions).open_wizard("table", path)
    assert isinstance(wizard, ImportWizard)
    return wizard
