"""A person of an account on no map yet (imported onto the account): listed among the account's
people, offered for a map, and put on one as a card of that same person."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.services import accounts, stakeholders
from desktop.services import stakeholder_map as smap
from desktop.services.errors import InvalidInput
from desktop.services.imports import table_import as ti
from desktop.services.imports.reading import SheetInfo, SourceRow, Table
from desktop.services.pursuits import PursuitDraft, create_pursuit
from desktop.services.workspace import Workspace
from desktop.storage.tables import Person, Pursuit, Stakeholder


def _account(ws: Workspace, pursuit_id: str) -> str:
    with ws.read() as session:
        pursuit = session.get(Pursuit, pursuit_id)
        assert pursuit is not None
        return pursuit.account_id


def _import(ws: Workspace, account_id: str, *rows: tuple[str, str]) -> dict[str, str]:
    table = Table(
        Path("people.csv"),
        "utf-8",
        [SheetInfo("people", False)],
        "",
        0,
        ["姓名", "手机"],
        [SourceRow(n, row) for n, row in enumerate(rows, start=2)],
    )
    plan = ti.preview(ws, table, "people", {0: "person_name", 1: "phone"}, account_id=account_id)
    ti.run_import(ws, plan, backup=False)
    with ws.read() as session:
        return dict(session.execute(select(Person.name, Person.id)).all())


def test_a_person_on_no_map_goes_onto_a_map_as_their_own_card(ws: Workspace) -> None:
    erp, _ = create_pursuit(ws, PursuitDraft("ERP 升级", account_name="恒通电子"))
    account_id = _account(ws, erp)
    stakeholders.create_stakeholder(ws, erp, {"name": "王芳"})
    ids = _import(ws, account_id, ("赵名片", "13800001111"))

    page = accounts.account_page(ws, account_id)
    assert [(p.name, len(p.pursuits)) for p in page.people] == [("王芳", 1), ("赵名片", 0)]
    [offered] = [c for c in smap.reusable_people(ws, erp) if c.name == "赵名片"]
    assert (offered.id, offered.pursuit_title, offered.on_map) == (ids["赵名片"], "", False)

    [card_id], _ = smap.copy_people(ws, erp, [ids["赵名片"]], {ids["赵名片"]: (120.0, 40.0)})
    with ws.read() as session:
        card = session.get(Stakeholder, card_id)
        assert card is not None
        assert (card.person_id, card.phone, card.x) == (ids["赵名片"], "13800001111", 120.0)
    assert [c.name for c in smap.reusable_people(ws, erp)] == []  # nobody else to offer
    with pytest.raises(InvalidInput):  # the same person twice on one map
        smap.copy_people(ws, erp, [ids["赵名片"]])
    page = accounts.account_page(ws, account_id)
    assert [p.pursuits[0].pursuit_title for p in page.people] == ["ERP 升级", "ERP 升级"]


def test_another_accounts_person_is_refused(ws: Workspace) -> None:
    erp, _ = create_pursuit(ws, PursuitDraft("ERP 升级", account_name="恒通电子"))
    oa, _ = create_pursuit(ws, PursuitDraft("OA", account_name="华盛"))
    ids = _import(ws, _account(ws, oa), ("钱别家", ""))
    assert all(c.name != "钱别家" for c in smap.reusable_people(ws, erp))
    with pytest.raises(InvalidInput) as caught:
        smap.copy_people(ws, erp, [ids["钱别家"]])
    assert caught.value.code == "other_account"
