"""People leave as a .vcf file from the app, not only from the command line: an account's People
tab writes every person of the account once, File ▸ Export Lists writes the open pursuit's map."""

from __future__ import annotations

from pathlib import Path

from desktop.services import records, stakeholder_map, stakeholders
from desktop.services.imports import vcards
from desktop.services.pursuits import PursuitDraft, create_pursuit


def test_the_account_page_writes_each_person_once(screen, ctx, tmp_path: Path) -> None:
    ws = ctx.workspace
    erp, _ = create_pursuit(ws, PursuitDraft(title="ERP 升级", account_name="苏州恒通电子有限公司"))
    mes, _ = create_pursuit(ws, PursuitDraft(title="MES 系统", account_name="苏州恒通电子有限公司"))
    wang, _ = stakeholders.create_stakeholder(
        ws, erp, {"name": "王芳", "title": "CIO", "phone": "13800138000"}
    )
    stakeholders.create_stakeholder(ws, erp, {"name": "李强", "email": "li@example.cn"})
    # 王芳 is on the MES map too: one person, two cards.
    stakeholder_map.copy_people(ws, mes, [wang])
    account_id = records.get(ws, "pursuit", erp)["account_id"]
    screen.reload()
    assert screen.open_item("account", account_id)

    out = tmp_path / "people.vcf"
    screen.page.export_vcards(out)
    cards = vcards.read_vcards(out)
    assert sorted(card.name for card in cards) == ["李强", "王芳"]
    wang_card = next(card for card in cards if card.name == "王芳")
    assert wang_card.phone == "13800138000" and wang_card.organisation == "苏州恒通电子有限公司"


def test_file_menu_writes_the_open_pursuits_people(main_window, tmp_path: Path) -> None:
    ws = main_window.ctx.workspace
    pursuit_id, _ = create_pursuit(ws, PursuitDraft(title="WMS", account_name="南京华盛"))
    stakeholders.create_stakeholder(ws, pursuit_id, {"name": "赵敏", "title": "IT 经理"})
    from PySide6.QtGui import QAction

    from desktop.ui.imports import ImportActions

    menu_entry = main_window.findChild(QAction, "action_export_pursuit_vcards")
    assert menu_entry is not None
    main_window.open_pursuit(pursuit_id)
    assert main_window.current_pursuit() == pursuit_id
    out = tmp_path / "wms.vcf"
    main_window.findChild(ImportActions).export_pursuit_people(out)
    assert [card.name for card in vcards.read_vcards(out)] == ["赵敏"]
