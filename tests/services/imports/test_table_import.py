"""Preview and import of accounts, pursuits (with their contact) and people, on a real database."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.services import pursuits, stakeholders
from desktop.services.changes import ChangeKind
from desktop.services.errors import InvalidInput
from desktop.services.imports import reading
from desktop.services.imports import table_import as ti
from desktop.services.imports.reading import Cancelled
from desktop.services.workspace import Workspace
from desktop.storage.tables import Account, Pursuit, Stakeholder

from .fixtures import csv_file, xlsx


def counts(ws: Workspace) -> tuple[int, int, int]:
    with ws.read() as session:
        return tuple(  # type: ignore[return-value]
            session.scalar(select(func.count()).select_from(t).where(t.alive))
            for t in (Account, Pursuit, Stakeholder)
        )


def plan(ws: Workspace, path: Path, kind: str, pursuit_id: str | None = None) -> ti.Preview:
    table = reading.read_table(path)
    return ti.preview(ws, table, kind, ti.guess_mapping(table, kind), pursuit_id=pursuit_id)


def account_names(ws: Workspace) -> list[str]:
    with ws.read() as session:
        return sorted(session.scalars(select(Account.name).where(Account.alive)))


def test_accounts_new_duplicate_and_error_rows(ws: Workspace, tmp_path: Path) -> None:
    pursuits.create_pursuit(
        ws, pursuits.PursuitDraft("码头系统", account_name="南京新诚港务有限公司")
    )
    path = csv_file(
        tmp_path / "a.csv",
        [
            "客户名称,行业,地址",
            "南京新诚港务 股份有限公司,港口,南京",  # the same company, written otherwise
            "西门子（中国）有限公司,制造,北京",
            "西门子,制造,",  # repeats the row above
            ",制造,上海",  # no name
        ],
        "gbk",
    )
    preview = plan(ws, path, "accounts")
    assert [(r.number, r.status) for r in preview.rows] == [
        (2, ti.DUPLICATE),
        (3, ti.NEW),
        (4, ti.DUPLICATE),
        (5, ti.ERROR),
    ]
    first, _, repeat, bad = preview.rows
    assert first.match is not None and first.match.reason == "company"
    assert first.match.label == "南京新诚港务有限公司" and first.match.row == 0
    assert repeat.match is not None and repeat.match.row == 3
    assert bad.problems == [ti.RowProblem("required", "account_name")]

    result = ti.run_import(ws, preview, ti.Policy.SKIP)
    assert (result.created_rows, result.updated_rows, result.skipped, result.errors) == (1, 0, 2, 1)
    assert account_names(ws) == ["南京新诚港务有限公司", "西门子（中国）有限公司"]
    assert result.backup is not None and result.backup.exists()
    assert result.changes.touches(ChangeKind.ACCOUNT)


def test_update_empty_fills_only_what_is_empty_and_update_all_overwrites(
    ws: Workspace, tmp_path: Path
) -> None:
    path = csv_file(tmp_path / "a.csv", ["客户名称,行业,地址", "恒通电子,电子,苏州"], "utf-8")
    ti.run_import(ws, plan(ws, path, "accounts"))
    again = csv_file(tmp_path / "b.csv", ["客户名称,行业,地址", "恒通电子有限公司,制造,"], "utf-8")

    ti.run_import(ws, plan(ws, again, "accounts"), ti.Policy.UPDATE_EMPTY)
    with ws.read() as session:
        account = session.scalars(select(Account)).one()
        assert (account.industry, account.address) == ("电子", "苏州")

    result = ti.run_import(ws, plan(ws, again, "accounts"), ti.Policy.UPDATE_ALL)
    with ws.read() as session:
        account = session.scalars(select(Account)).one()
        assert (account.name, account.industry, account.address) == ("恒通电子", "制造", "苏州")
        account_id = account.id
    assert result.updated == [("account", account_id, {"industry": "电子"}, {"industry": "制造"})]

    ti.undo_import(ws, result)
    with ws.read() as session:
        assert session.scalars(select(Account.industry)).one() == "电子"
    ti.redo_import(ws, result)
    with ws.read() as session:
        assert session.scalars(select(Account.industry)).one() == "制造"


def test_create_makes_a_second_record_but_never_two_of_the_same_exact_name(
    ws: Workspace, tmp_path: Path
) -> None:
    path = csv_file(tmp_path / "a.csv", ["客户名称", "恒通电子", "恒通电子有限公司"], "utf-8")
    ti.run_import(ws, plan(ws, path, "accounts"))
    assert account_names(ws) == ["恒通电子"]
    result = ti.run_import(ws, plan(ws, path, "accounts"), ti.Policy.CREATE)
    assert account_names(ws) == ["恒通电子", "恒通电子有限公司"]
    assert (result.created_rows, result.skipped) == (1, 1)


def test_the_mixed_sheet_puts_each_rows_contact_on_its_pursuits_map(
    ws: Workspace, tmp_path: Path
) -> None:
    existing, _ = pursuits.create_pursuit(
        ws, pursuits.PursuitDraft("港口调度系统", account_name="南京新诚港务有限公司")
    )
    path = xlsx(
        tmp_path / "mixed.xlsx",
        [
            [
                "客户名称",
                "项目名称",
                "联系人",
                "手机",
                "职务",
                "部门",
                "金额(万元)",
                "阶段",
                "预计成交日期",
            ],
            [
                "南京新诚港务",
                "港口调度系统",
                "张三",
                "138-0013-8000",
                "总经理",
                "总经办",
                12.5,
                "3",
                46082,
            ],
            [
                "苏州恒通电子",
                "MES 二期",
                "王五",
                "+86 13700000001",
                "IT 经理",
                "",
                "¥80万",
                "阶段2",
                "2026年6月30日",
            ],
            ["苏州恒通电子有限公司", "MES 二期", "赵六", "13700000002", "", "", "", "", ""],
            ["苏州恒通电子", "", "钱七", "", "", "", "120", "促成立项", "2026/9/1"],
        ],
    )
    preview = plan(ws, path, "pursuits")
    assert [r.status for r in preview.rows] == [ti.DUPLICATE, ti.NEW, ti.DUPLICATE, ti.NEW]
    assert preview.rows[2].match is not None and preview.rows[2].match.row == 3

    result = ti.run_import(ws, preview, ti.Policy.UPDATE_EMPTY)
    assert (result.created_rows, result.updated_rows, result.errors) == (2, 2, 0)
    with ws.read() as session:
        accounts = {a.name: a.id for a in session.scalars(select(Account).where(Account.alive))}
        assert set(accounts) == {"南京新诚港务有限公司", "苏州恒通电子"}
        made = {
            p.title: p
            for p in session.scalars(
                select(Pursuit).where(Pursuit.account_id == accounts["苏州恒通电子"])
            )
        }
        assert set(made) == {"MES 二期", "苏州恒通电子"}  # no title: the account's name
        mes = made["MES 二期"]
        mes_id = mes.id
        assert (mes.amount, mes.stage, mes.expected_close.isoformat()) == (
            80_000_000,
            2,
            "2026-06-30",
        )
        assert made["苏州恒通电子"].amount == 120_000_000
        old = session.get(Pursuit, existing)
        assert old is not None
        # update_empty filled the old pursuit's empty amount and date; its stage stays a gesture
        assert (old.amount, old.stage, str(old.expected_close)) == (12_500_000, 1, "2026-03-01")
    people = {p.name: p for p in stakeholders.people_of(ws, existing)}
    assert people["张三"].fields["phone"] == "138-0013-8000"
    assert people["张三"].fields["department"] == "总经办"
    assert sorted(p.name for p in stakeholders.people_of(ws, mes_id)) == ["王五", "赵六"]


def test_people_onto_a_pursuits_map_found_by_phone_email_or_name(
    ws: Workspace, tmp_path: Path
) -> None:
    pid, _ = pursuits.create_pursuit(ws, pursuits.PursuitDraft("MES", account_name="恒通"))
    stakeholders.create_stakeholder(ws, pid, {"name": "王五", "phone": "13700000001"})
    path = csv_file(
        tmp_path / "p.csv",
        [
            "姓名,手机,邮箱,职务",
            "王总,+86 137 0000 0001,,总经理",  # the same phone: the same person
            "赵六,,zhao@example.cn,工程师",
            "Zhao Liu,,ZHAO@example.cn,",  # the same email
            "王五,,,",  # the same name
            "钱七,13700000003,,",
        ],
        "utf-8",
    )
    with pytest.raises(InvalidInput):
        plan(ws, path, "people")
    preview = plan(ws, path, "people", pid)
    assert [(r.status, r.match.reason if r.match else "") for r in preview.rows] == [
        (ti.DUPLICATE, "phone"),
        (ti.NEW, ""),
        (ti.DUPLICATE, "email"),
        (ti.DUPLICATE, "name"),
        (ti.NEW, ""),
    ]
    result = ti.run_import(ws, preview, ti.Policy.UPDATE_EMPTY)
    people = {p.name: p.fields for p in stakeholders.people_of(ws, pid)}
    assert set(people) == {"王五", "赵六", "钱七"}
    assert people["王五"]["title"] == "总经理"
    assert result.changes.touches(ChangeKind.STAKEHOLDER)
    # placed on the map below who was there, not all on one spot
    with ws.read() as session:
        spots = set(session.execute(select(Stakeholder.x, Stakeholder.y)).all())
    assert len(spots) == 3


def test_a_row_refused_while_writing_rolls_everything_back(ws: Workspace, tmp_path: Path) -> None:
    path = csv_file(
        tmp_path / "p.csv",
        ["客户名称,项目名称,金额", "甲公司,一期,100", "乙公司,二期,99999999999999999"],
        "utf-8",
    )
    preview = plan(ws, path, "pursuits")
    assert [r.status for r in preview.rows] == [ti.NEW, ti.NEW]
    before = counts(ws)
    with pytest.raises(ti.RowFailed) as caught:
        ti.run_import(ws, preview)
    assert caught.value.row == 3 and caught.value.code == "too_large"
    assert counts(ws) == before
    assert not list((ws.path.parent / "backups").glob("*before-table-import*"))


def test_cancel_rolls_everything_back(ws: Workspace, tmp_path: Path) -> None:
    lines = ["客户名称"] + [f"公司{i}" for i in range(300)]
    preview = plan(ws, csv_file(tmp_path / "a.csv", lines, "utf-8"), "accounts")
    seen: list[int] = []

    def progress(done: int, total: int) -> bool:
        seen.append(done)
        return False

    with pytest.raises(Cancelled):
        ti.run_import(ws, preview, progress=progress)
    assert seen and counts(ws) == (0, 0, 0)


def test_dry_run_counts_and_writes_nothing(ws: Workspace, tmp_path: Path) -> None:
    preview = plan(ws, csv_file(tmp_path / "a.csv", ["客户名称", "甲", "乙"], "utf-8"), "accounts")
    result = ti.run_import(ws, preview, dry_run=True)
    assert (result.created_rows, result.backup) == (2, None)
    assert counts(ws) == (0, 0, 0)


def test_undo_takes_the_import_back_and_redo_brings_it(ws: Workspace, tmp_path: Path) -> None:
    path = csv_file(
        tmp_path / "m.csv",
        ["客户名称,项目名称,联系人", "甲公司,一期,张三", "乙公司,二期,李四"],
        "utf-8",
    )
    result = ti.run_import(ws, plan(ws, path, "pursuits"))
    assert counts(ws) == (2, 2, 2)
    changes = ti.undo_import(ws, result)
    assert counts(ws) == (0, 0, 0)
    assert changes.touches(ChangeKind.PURSUIT, ChangeKind.ACCOUNT, ChangeKind.STAKEHOLDER)
    ti.redo_import(ws, result)
    assert counts(ws) == (2, 2, 2)


def test_unmapped_required_field_and_unknown_pursuit(ws: Workspace, tmp_path: Path) -> None:
    table = reading.read_table(csv_file(tmp_path / "a.csv", ["行业", "制造"], "utf-8"))
    with pytest.raises(InvalidInput) as caught:
        ti.preview(ws, table, "accounts", ti.guess_mapping(table, "accounts"))
    assert (caught.value.field, caught.value.code) == ("account_name", "unmapped")
    people = reading.read_table(csv_file(tmp_path / "p.csv", ["姓名", "张三"], "utf-8"))
    from desktop.services.errors import NotFound

    with pytest.raises(NotFound):
        ti.preview(ws, people, "people", {0: "person_name"}, pursuit_id="no-such-pursuit")


def test_the_import_and_its_undo_are_one_transaction_each(ws: Workspace, tmp_path: Path) -> None:
    from sqlalchemy import event

    path = csv_file(
        tmp_path / "m.csv",
        ["客户名称,项目名称,联系人", "甲公司,一期,张三", "乙公司,二期,李四", "甲公司,三期,王五"],
        "utf-8",
    )
    preview = plan(ws, path, "pursuits")
    begun: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.lstrip().upper().startswith("BEGIN"):
            begun.append(statement.strip().upper())

    event.listen(ws.db.engine, "before_cursor_execute", seen)
    try:
        result = ti.run_import(ws, preview)
        assert begun == ["BEGIN IMMEDIATE"]
        begun.clear()
        ti.undo_import(ws, result)
        assert begun == ["BEGIN IMMEDIATE"]
    finally:
        event.remove(ws.db.engine, "before_cursor_execute", seen)


def test_a_person_the_account_has_on_another_map_becomes_another_card_of_them(
    ws: Workspace, tmp_path: Path
) -> None:
    from desktop.services import stakeholder_map
    from desktop.storage.tables import Person

    mes, _ = pursuits.create_pursuit(ws, pursuits.PursuitDraft("MES", account_name="恒通"))
    wms, _ = pursuits.create_pursuit(ws, pursuits.PursuitDraft("WMS", account_name="恒通"))
    card, _ = stakeholder_map.create_person(
        ws, mes, {"name": "王五", "phone": "13700000001", "title": "CIO"}
    )
    path = csv_file(
        tmp_path / "p.csv",
        [
            "姓名,手机,职务",
            "王总,+86 137 0000 0001,总经理",
            "钱七,13700000003,",
            "钱 七,13700000003,",
        ],
        "utf-8",
    )
    preview = plan(ws, path, "people", wms)
    result = ti.run_import(ws, preview, ti.Policy.CREATE)

    def persons() -> list[tuple[str, str]]:
        with ws.read() as session:
            return sorted(
                session.execute(select(Person.name, Person.title).where(Person.alive)).all()
            )

    # 王五 is one person on two maps (shown as the account has them); 钱七 is made once.
    assert persons() == [("王五", "CIO"), ("钱七", "")]
    on_wms = stakeholder_map.load_map(ws, wms).people
    assert sorted(p.name for p in on_wms) == ["王五", "钱七", "钱七"]
    stakeholder_map.update_person(ws, card, {"email": "wang@example.cn"})
    assert {p.email for p in stakeholder_map.load_map(ws, wms).people if p.name == "王五"} == {
        "wang@example.cn"
    }
    ti.undo_import(ws, result)
    assert persons() == [("王五", "CIO")]
    ti.redo_import(ws, result)
    assert persons() == [("王五", "CIO"), ("钱七", "")]


def test_the_records_made_are_stamped_as_one_write_and_their_text_cleaned(
    ws: Workspace, tmp_path: Path
) -> None:
    from desktop.storage.tables import Person, StageChange, SyncState

    with ws.read() as session:
        before = session.scalars(select(SyncState.counter)).one()
    path = csv_file(
        tmp_path / "m.csv",
        ["客户名称,项目名称,联系人,备注", "甲公司,一期,张三,第一行\x0b第二行", "乙公司,二期,李四,"],
        "utf-8",
    )
    result = ti.run_import(ws, plan(ws, path, "pursuits"), backup=False)
    with ws.read() as session:
        site, counter = session.execute(select(SyncState.site_id, SyncState.counter)).one()
        assert counter == before + 1  # one write transaction, one dot
        made = [
            session.get(t, record_id)
            for kind, record_id in result.created
            for t in (Account, Pursuit, Person, Stakeholder)
            if t.kind == kind
        ]
        made += list(session.scalars(select(StageChange)))
        assert len(made) == 2 * 5
        dots = {tuple(record.dots["*"][:2]) for record in made}
        assert dots == {(site, counter)}
        for record in made:
            assert set(record.dots) == {"*"} and record.vv == {site: counter}
            assert record.origin_site == site and record.siblings is None
            assert record.alive and not record.purged
            assert record.created_at == record.updated_at is not None
        notes = session.scalars(select(Pursuit.notes).where(Pursuit.title == "一期")).one()
        assert notes == "第一行\n第二行"
        card = session.scalars(select(Stakeholder).where(Stakeholder.name == "张三")).one()
        person = session.get(Person, card.person_id)
        assert person is not None and person.account_id == card.account_id


def test_a_repeated_row_fills_the_records_an_earlier_row_made(
    ws: Workspace, tmp_path: Path
) -> None:
    from desktop.storage.tables import Person

    path = csv_file(
        tmp_path / "m.csv",
        [
            "客户名称,项目名称,联系人,手机,职务,金额",
            "甲公司,一期,张三,13800000001,,1",
            "甲公司,一期,张三,13800000001,经理,2",
        ],
        "utf-8",
    )
    preview = plan(ws, path, "pursuits")
    assert preview.rows[1].match is not None and preview.rows[1].match.row == 2
    result = ti.run_import(ws, preview, ti.Policy.UPDATE_ALL, backup=False)
    assert (result.created_rows, result.updated_rows) == (1, 1)
    with ws.read() as session:
        assert session.scalars(select(Pursuit.amount)).one() == 200  # 2 yuan, in fen
        assert session.scalars(select(Stakeholder.title)).one() == "经理"
        assert session.scalars(select(Person.title)).one() == "经理"
    ti.undo_import(ws, result)
    assert counts(ws) == (0, 0, 0)


def test_a_next_steps_date_is_imported_with_its_action_and_refused_without(
    ws: Workspace, tmp_path: Path
) -> None:
    path = csv_file(
        tmp_path / "steps.csv",
        [
            "客户名称,项目名称,下一步,下一步截止",
            "南京新诚港务,港口调度系统,约见信息中心主任,2028/12/9",
            "西门子,产线改造,,2028-12-10",  # a date with nothing to do on it
            "华为,园区网络,寄送报价单,下周",
        ],
        "utf-8",
    )
    table = reading.read_table(path)
    mapping = ti.guess_mapping(table, "pursuits")
    assert mapping[3] == "next_step_due" and mapping[2] == "next_step"
    exported = csv_file(
        tmp_path / "en.csv", ["Account,Next step,Next step due", "ACME,Call,2028-12-09"], "utf-8"
    )  # the header the pursuit list's own export writes
    assert ti.guess_mapping(reading.read_table(exported), "pursuits")[2] == "next_step_due"

    preview = plan(ws, path, "pursuits")
    assert [r.status for r in preview.rows] == [ti.NEW, ti.ERROR, ti.ERROR]
    assert preview.rows[1].problems == [
        ti.RowProblem("needs_action", "next_step_due", "2028-12-10")
    ]
    assert preview.rows[2].problems == [ti.RowProblem("date", "next_step_due", "下周")]

    result = ti.run_import(ws, preview, ti.Policy.SKIP)
    assert (result.created_rows, result.errors) == (1, 2)
    with ws.read() as session:
        (made,) = session.scalars(select(Pursuit).where(Pursuit.alive))
        assert (made.title, made.next_step, str(made.next_step_due)) == (
            "港口调度系统",
            "约见信息中心主任",
            "2028-12-09",
        )
