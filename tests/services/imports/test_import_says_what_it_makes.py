"""What an import would do that the rep did not ask for in so many words: the accounts it makes
for companies no account is named (and the accounts close to them), and an email that is not
one (imported as written, with a warning)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from desktop.services import accounts
from desktop.services.imports import table_import as ti
from desktop.services.imports.reading import read_table
from desktop.services.workspace import Workspace
from desktop.storage.tables import Account, Person

from .fixtures import csv_file


def _people_sheet(tmp_path: Path) -> Path:
    return csv_file(
        tmp_path / "people.csv",
        [
            "姓名,客户,手机,邮箱",
            "张伟,南京远科证券科技有限公司,13800138000,zw@example.com",
            "李娜,南京远科证券科技有限公司,13900139000,bad-email",
            "王强,不存在的客户,,",
            "赵六,南京远科,,",
            "钱七,不存在的客户,,",
        ],
        "utf-8",
    )


def test_the_preview_names_the_accounts_it_makes_and_the_close_ones(
    ws: Workspace, tmp_path: Path
) -> None:
    accounts.create_account(ws, {"name": "南京远科证券科技有限公司"})
    table = read_table(_people_sheet(tmp_path))
    plan = ti.preview(ws, table, "people", ti.guess_mapping(table, "people"))

    assert [r.status for r in plan.rows] == [ti.NEW] * 5
    assert [r.new_account for r in plan.rows] == ["", "", "不存在的客户", "南京远科", ""]
    assert plan.new_accounts() == [
        ("不存在的客户", ()),
        ("南京远科", ("南京远科证券科技有限公司",)),
    ]
    email = plan.rows[1].warnings
    assert [(w.code, w.field, w.text) for w in email] == [("email", "email", "bad-email")]
    assert plan.rows[0].warnings == [] and plan.warned() == 2

    # What the preview said is what the import does: the row with the bad email comes in as
    # typed, the two new accounts are made, once each.
    result = ti.run_import(ws, plan, backup=False)
    assert result.created_rows == 5
    with ws.read() as session:
        names = set(session.scalars(select(Account.name).where(Account.alive)))
        emails = dict(session.execute(select(Person.name, Person.email)).all())
    assert names == {"南京远科证券科技有限公司", "不存在的客户", "南京远科"}
    assert emails["李娜"] == "bad-email"


def test_pursuit_rows_say_their_new_account_and_account_rows_their_close_one(
    ws: Workspace, tmp_path: Path
) -> None:
    accounts.create_account(ws, {"name": "苏州恒川电子有限公司"})
    pursuits = csv_file(
        tmp_path / "pursuits.csv",
        ["客户名称,项目名称", "苏州恒川电子,MES", "恒川,WMS", "无锡新材,ERP"],
        "utf-8",
    )
    table = read_table(pursuits)
    plan = ti.preview(ws, table, "pursuits", ti.guess_mapping(table, "pursuits"))
    assert plan.new_accounts() == [("恒川", ("苏州恒川电子有限公司",)), ("无锡新材", ())]
    assert plan.rows[0].new_account == ""  # the same company by its key: that account

    table = read_table(csv_file(tmp_path / "accounts.csv", ["客户名称", "恒川"], "utf-8"))
    plan = ti.preview(ws, table, "accounts", ti.guess_mapping(table, "accounts"))
    assert plan.new_accounts() == []  # an accounts import's rows are the accounts it makes
    assert [(w.code, w.text) for w in plan.rows[0].warnings] == [
        ("close_account", "苏州恒川电子有限公司")
    ]
