"""People onto an account with no card yet: a phone's vCards onto one account, a contact sheet
whose rows name their company; duplicates among the account's people; one undo step."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from desktop.services import pursuits, stakeholders
from desktop.services.imports import table_import as ti
from desktop.services.imports import vcards
from desktop.services.imports.reading import read_table
from desktop.services.workspace import Workspace
from desktop.storage.tables import Account, Person, Pursuit, Stakeholder

from .fixtures import settled, xlsx
from .test_vcards import RFC2426, RFC6350, old_phone_card


def _account_of(ws: Workspace, pursuit_id: str) -> str:
    with ws.read() as session:
        pursuit = session.get(Pursuit, pursuit_id)
        assert pursuit is not None
        return pursuit.account_id


def _people(ws: Workspace) -> list[tuple[str, str, str]]:
    """(company, name, phone) of every live person, in order."""
    with ws.read() as session:
        rows = session.execute(
            select(Account.name, Person.name, Person.phone)
            .join(Account, Account.id == Person.account_id)
            .where(Person.alive)
            .order_by(Account.name, Person.name)
        ).all()
    return sorted(tuple(row) for row in rows)


def _cards(ws: Workspace) -> int:
    with ws.read() as session:
        return len(session.scalars(select(Stakeholder.id).where(Stakeholder.alive)).all())


def test_vcards_onto_an_account_make_people_without_cards(ws: Workspace, tmp_path: Path) -> None:
    pid, _ = pursuits.create_pursuit(ws, pursuits.PursuitDraft("码头", account_name="新诚港务"))
    account_id = _account_of(ws, pid)
    stakeholders.create_stakeholder(ws, pid, {"name": "Tim", "email": "HOWES@netscape.com"})
    path = tmp_path / "phone.vcf"
    path.write_bytes(RFC2426.encode() + RFC6350.encode() + old_phone_card())
    table = vcards.cards_table(path, vcards.read_vcards(settled(path)))

    plan = ti.preview(ws, table, "people", vcards.MAPPING, account_id=account_id)
    assert [r.status for r in plan.rows] == [ti.NEW, ti.DUPLICATE, ti.NEW, ti.NEW]
    tim = plan.rows[1].match
    assert tim is not None and (tim.kind, tim.reason) == ("person", "email")
    cards_before = _cards(ws)
    result = ti.run_import(ws, plan, ti.Policy.UPDATE_EMPTY)

    assert result.backup is not None and result.backup.exists()
    assert (result.created_rows, result.updated_rows) == (3, 1)
    assert [name for _, name, _ in _people(ws)] == [
        "Frank Dawson",
        "Simon Perreault",
        "Tim",
        "张三",
    ]
    assert {company for company, _, _ in _people(ws)} == {"新诚港务"}  # ORG is not the account
    assert _cards(ws) == cards_before  # nobody is put on a map
    tim_card = stakeholders.people_of(ws, pid)[0]
    assert tim_card.fields.get("phone") == "+1-415-937-3419"  # the empty phone filled, map too

    ti.undo_import(ws, result)  # one step takes it all back
    assert [name for _, name, _ in _people(ws)] == ["Tim"]
    assert stakeholders.people_of(ws, pid)[0].fields.get("phone") in ("", None)


def test_a_contact_sheet_with_chinese_headers_finds_or_makes_each_company(
    ws: Workspace, tmp_path: Path
) -> None:
    pursuits.create_pursuit(ws, pursuits.PursuitDraft("码头", account_name="新诚港务有限公司"))
    sheet = xlsx(
        tmp_path / "contacts.xlsx",
        [
            ["客户名称", "联系人", "手机", "职务", "邮箱"],
            ["新诚港务", "张三", "138 0013 8000", "总经理", ""],
            ["恒通电子（中国）有限公司", "李四", "13900139000", "IT 经理", "li@ht.cn"],
            ["恒通电子", "李四", "+86 139-0013-9000", "", ""],  # the same person, by phone
            ["恒通电子", "王五", "", "", ""],
            ["", "赵六", "13700137000", "", ""],  # which company?
        ],
    )
    table = read_table(sheet)
    mapping = ti.guess_mapping(table, "people")
    plan = ti.preview(ws, table, "people", mapping)
    assert [r.status for r in plan.rows] == [ti.NEW, ti.NEW, ti.DUPLICATE, ti.NEW, ti.ERROR]
    assert plan.rows[2].match is not None and plan.rows[2].match.reason == "phone"
    assert plan.rows[4].problems[0].field == "account_name"
    result = ti.run_import(ws, plan, ti.Policy.SKIP)
    assert (result.created_rows, result.skipped, result.errors) == (3, 1, 1)
    assert _people(ws) == sorted(
        [
            ("新诚港务有限公司", "张三", "138 0013 8000"),
            ("恒通电子（中国）有限公司", "李四", "13900139000"),
            ("恒通电子（中国）有限公司", "王五", ""),
        ]
    )
    ti.undo_import(ws, result)
    assert _people(ws) == []
    with ws.read() as session:  # the company the import made is taken back too
        names = session.scalars(select(Account.name).where(Account.alive)).all()
    assert names == ["新诚港务有限公司"]


def test_the_same_sheet_onto_a_pursuit_ignores_the_company_column(
    ws: Workspace, tmp_path: Path
) -> None:
    pid, _ = pursuits.create_pursuit(ws, pursuits.PursuitDraft("码头", account_name="新诚港务"))
    sheet = xlsx(tmp_path / "c.xlsx", [["公司", "姓名", "手机"], ["别家", "张三", "13800138000"]])
    table = read_table(sheet)
    plan = ti.preview(ws, table, "people", ti.guess_mapping(table, "people"), pursuit_id=pid)
    assert "account_name" not in plan.mapping.values()
    ti.run_import(ws, plan)
    assert _people(ws) == [("新诚港务", "张三", "13800138000")]
    assert [p.name for p in stakeholders.people_of(ws, pid)] == ["张三"]
