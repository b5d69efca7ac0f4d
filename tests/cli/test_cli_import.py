"""`pursuit import-table`, `import-vcard`, `export-vcard` and `export-table` as a user runs them."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest

from desktop.cli import main
from desktop.services import accounts, pursuits, stakeholders
from desktop.services.queries import pursuit_list
from desktop.services.workspace import Workspace


def settled(path: Path) -> Path:
    os.utime(path, (time.time() - 60, time.time() - 60))
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "p.db"
    Workspace.open(path).close()
    return path


def write_csv(path: Path, lines: list[str], encoding: str = "gbk") -> Path:
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return settled(path)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_table_reports_each_rejected_row_and_a_summary(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = write_csv(
        tmp_path / "crm.csv",
        [
            "客户名称,项目名称,联系人,手机,金额,阶段,预计成交日期",
            "南京新诚港务有限公司,港口调度,张三,13800138000,12.5万,3,2026/3/1",
            "南京新诚港务,港口调度,张三,13800138000,,,",
            "苏州恒通电子,MES,王五,,abc,9,3/4/2026",
        ],
    )
    code, out, _ = run(
        capsys, "import-table", "--db", str(db), str(sheet), "--kind", "pursuits", "--lang", "zh_CN"
    )
    assert code == 0
    assert "编码 GB18030" in out
    assert "第 4 行未导入：金额无法识别：「abc」；阶段无法识别：「9」" in out
    assert "共 3 行：新建 1，更新 0，跳过重复 1，错误 1。" in out
    assert "导入前的备份" in out
    ws = Workspace.open(db)
    try:
        (pid,) = pursuit_ids(ws)
        assert [p.name for p in stakeholders.people_of(ws, pid)] == ["张三"]
    finally:
        ws.close()

    code, out, _ = run(
        capsys,
        "import-table", "--db", str(db), str(sheet), "--kind", "accounts",
        "--on-duplicate", "create", "--dry-run", "--lang", "en",
    )  # fmt: skip
    assert code == 0
    assert "3 rows. Created: 2, updated: 0, duplicates skipped: 1, with errors: 0." in out
    assert "Dry run" in out
    # As accounts, the pursuit's columns do not come in: named, not silently dropped.
    assert "Columns not imported: 项目名称, 联系人, 手机, 金额, 阶段, 预计成交日期" in out


def pursuit_ids(ws: Workspace) -> list[str]:
    from sqlalchemy import select

    from desktop.storage.tables import Pursuit

    with ws.read() as session:
        return list(session.scalars(select(Pursuit.id).where(Pursuit.alive)))


def test_a_quotation_mark_never_closed_refuses_the_file_and_says_where(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Read loosely, the rest of the file ran into one cell: one garbled account, rows lost."""
    lines = ["客户名称,项目名称,金额", "苏州恒通,MES 二期,100", '"浙江,未闭合引号,100']
    lines.append("正常客户,正常项目,50")  # read loosely, it went into the cell above
    sheet = write_csv(tmp_path / "quote.csv", lines, "utf-8")
    said = {"zh_CN": "第 3 行的引号没有闭合", "en": "opened on line 3 is never closed"}
    for lang, words in said.items():
        command = ["import-table", "--db", str(db), str(sheet), "--kind", "pursuits"]
        code, _out, err = run(capsys, *command, "--lang", lang)
        assert code == 1 and words in err and len(err.strip().splitlines()) == 1, err
    ws = Workspace.open(db)
    try:
        assert pursuit_list.list_pursuits(ws) == []  # nothing was changed
    finally:
        ws.close()


def test_people_need_a_pursuit_and_go_onto_its_map(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = write_csv(tmp_path / "p.csv", ["姓名,手机,职务", "张三,13800138000,总经理"], "utf-8")
    code, _, err = run(capsys, "import-table", "--db", str(db), str(sheet), "--kind", "people")
    assert code == 1 and "--pursuit" in err
    ws = Workspace.open(db)
    pid, _ = pursuits.create_pursuit(ws, pursuits.PursuitDraft("码头", account_name="新诚港务"))
    ws.close()
    code, _, _ = run(
        capsys, "import-table", "--db", str(db), str(sheet), "--kind", "people", "--pursuit", pid
    )
    assert code == 0
    ws = Workspace.open(db)
    assert [p.name for p in stakeholders.people_of(ws, pid)] == ["张三"]
    ws.close()


@pytest.mark.parametrize(
    ("name", "data", "key"),
    [
        ("old.xls", b"\xd0\xcf\x11\xe0", "Old .xls files are not supported"),
        ("cut.xlsx", b"PK\x03\x04" + b"\0" * 100, "damaged or incomplete"),
        ("none.csv", None, "No file at"),
        ("blank.csv", b"\r\n , ,\r\n\r\n", "blank.csv is empty: it holds no text"),
    ],
)
def test_a_file_refused_says_why_and_changes_nothing(
    db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    data: bytes | None,
    key: str,
) -> None:
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
        settled(path)
    code, _, err = run(
        capsys, "import-table", "--db", str(db), str(path), "--kind", "accounts", "--lang", "en"
    )
    assert code == 1
    assert key in err and "Nothing was changed" in err


def test_unmapped_names_the_headers(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = write_csv(tmp_path / "x.csv", ["甲,乙", "1,2"], "utf-8")
    code, _, err = run(
        capsys, "import-table", "--db", str(db), str(sheet), "--kind", "accounts", "--lang", "zh_CN"
    )
    assert code == 1
    assert "没有列对应「客户名称」" in err and "甲，乙" in err


def test_vcards_in_and_out(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = Workspace.open(db)
    pid, _ = pursuits.create_pursuit(ws, pursuits.PursuitDraft("码头", account_name="新诚港务"))
    ws.close()
    cards = tmp_path / "in.vcf"
    cards.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:张三\r\nTEL;TYPE=CELL:13800138000\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:=SUM(A1)\r\nEMAIL:x@example.cn\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    settled(cards)
    code, out, _ = run(
        capsys, "import-vcard", "--db", str(db), str(cards), "--pursuit", pid[:6], "--lang", "en"
    )  # named by the start of its id, as `pursuit agenda` shows it
    assert code == 0 and "2 rows. Created: 2," in out
    # Cards, not a sheet: no encoding or header row is told.
    assert "in.vcf: 2 contact cards" in out and "ncoding" not in out and "Header" not in out
    out_file = tmp_path / "out.vcf"
    code, out, _ = run(
        capsys, "export-vcard", "--db", str(db), "--pursuit", "#" + pid[:8], "--out", str(out_file)
    )
    assert code == 0 and out_file.read_text(encoding="utf-8").count("BEGIN:VCARD") == 2

    table = tmp_path / "people.csv"
    code, out, _ = run(
        capsys,
        "export-table",
        "--db",
        str(db),
        "--kind",
        "people",
        "--out",
        str(table),
        "--pursuit",
        pid[:4],
    )
    assert code == 0
    with table.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert [r[2] for r in rows[1:] if "SUM" in r[2]] == ["'=SUM(A1)"]  # never run as a formula


def test_export_table_of_accounts_as_xlsx_keeps_formulas_as_text(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = Workspace.open(db)
    pursuits.create_pursuit(ws, pursuits.PursuitDraft("码头", account_name='=HYPERLINK("x")'))
    pursuits.create_pursuit(ws, pursuits.PursuitDraft("二期", account_name="+恒通", amount=100))
    ws.close()
    out = tmp_path / "accounts.xlsx"
    code, _, _ = run(
        capsys, "export-table", "--db", str(db), "--kind", "accounts", "--out", str(out)
    )
    assert code == 0
    book = openpyxl.load_workbook(out)
    sheet = book.active
    assert sheet is not None
    cells = {sheet.cell(row, 1).value: sheet.cell(row, 1).data_type for row in (2, 3)}
    assert cells == {'=HYPERLINK("x")': "s", "+恒通": "s"}


def test_the_command_runs_as_a_program(db: Path, tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "a.csv", ["公司名称,行业", "恒通电子,制造"], "utf-8-sig")
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "import-table", "--db", str(db), str(sheet),
         "--kind", "accounts", "--lang", "en"],
        capture_output=True, text=True, timeout=120, env=dict(os.environ, LANG="C.UTF-8"),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "encoding UTF-8-SIG" in done.stdout and "Created: 1," in done.stdout


def test_export_vcard_of_an_account_writes_each_person_once(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop.services import stakeholder_map

    ws = Workspace.open(db)
    pid, _ = pursuits.create_pursuit(ws, pursuits.PursuitDraft("码头", account_name="新诚港务"))
    other, _ = pursuits.create_pursuit(ws, pursuits.PursuitDraft("二期", account_name="新诚港务"))
    card, _ = stakeholder_map.create_person(ws, pid, {"name": "张三", "phone": "13800138000"})
    stakeholder_map.copy_people(ws, other, [card])  # the same person on a second map
    stakeholder_map.create_person(ws, other, {"name": "李四"})
    account = stakeholder_map.load_map(ws, pid).account_id
    ws.close()
    out_file = tmp_path / "account.vcf"
    code, _, _ = run(
        capsys, "export-vcard", "--db", str(db), "--account", account, "--out", str(out_file)
    )
    text = out_file.read_text(encoding="utf-8")
    assert code == 0 and text.count("BEGIN:VCARD") == 2 and text.count("FN:张三") == 1
    code, _, err = run(
        capsys, "export-vcard", "--db", str(db), "--account", "nobody", "--out", str(out_file),
        "--lang", "en",
    )  # fmt: skip
    assert code != 0 and "No account nobody" in err


def test_people_onto_an_account_and_onto_the_companies_rows_name(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sqlalchemy import select

    from desktop.storage.tables import Account, Person, Pursuit

    ws = Workspace.open(db)
    pid, _ = pursuits.create_pursuit(ws, pursuits.PursuitDraft("码头", account_name="新诚港务"))
    with ws.read() as session:
        pursuit = session.get(Pursuit, pid)
        assert pursuit is not None
        account_id = pursuit.account_id
    ws.close()
    cards = tmp_path / "phone.vcf"
    cards.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:张三\r\nTEL;TYPE=CELL:13800138000\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    settled(cards)
    with pytest.raises(SystemExit) as usage:  # one of the two is needed
        main(["import-vcard", "--db", str(db), str(cards)])
    assert usage.value.code == 2 and "--account" in capsys.readouterr().err
    code, _, err = run(
        capsys, "import-vcard", "--db", str(db), str(cards), "--account", "nope", "--lang", "en"
    )
    assert code == 1 and "No account nope (" in err and err.endswith("Nothing was changed.\n")
    code, out, _ = run(capsys, "import-vcard", "--db", str(db), str(cards), "--account", account_id)
    assert code == 0

    sheet = write_csv(
        tmp_path / "people.csv",
        ["客户名称,联系人,手机", "新诚港务,张三,138-0013-8000", "恒通电子,李四,13900139000"],
    )
    code, out, _ = run(
        capsys, "import-table", "--db", str(db), str(sheet), "--kind", "people", "--lang", "en"
    )
    assert code == 0 and "2 rows. Created: 1, updated: 0, duplicates skipped: 1" in out
    ws = Workspace.open(db)
    with ws.read() as session:
        people = session.execute(
            select(Account.name, Person.name)
            .join(Account, Account.id == Person.account_id)
            .where(Person.alive)
        ).all()
        on_map = stakeholders.people_of(ws, pid)
    ws.close()
    assert sorted(tuple(p) for p in people) == sorted([("新诚港务", "张三"), ("恒通电子", "李四")])
    assert on_map == []  # nobody was put on the map


def test_a_target_is_for_people_only(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = write_csv(tmp_path / "a.csv", ["客户名称", "新诚港务"], "utf-8")
    code, _, err = run(
        capsys,
        "import-table",
        "--db",
        str(db),
        str(sheet),
        "--kind",
        "accounts",
        "--account",
        "x",
        "--lang",
        "zh_CN",
    )
    assert code == 1 and "只用于导入关键人" in err


def test_the_dry_run_and_the_import_name_new_accounts_and_flag_bad_emails(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop.services import accounts

    ws = Workspace.open(db)
    accounts.create_account(ws, {"name": "苏州恒川电子有限公司"})
    ws.close()
    sheet = write_csv(
        tmp_path / "people.csv",
        [
            "姓名,客户,职务,手机,邮箱",
            "张伟,苏州恒川电子有限公司,总经理,13800138000,zw@example.com",
            "李娜,苏州恒川电子有限公司,IT经理,13900139000,bad-email",
            "王强,不存在的客户,采购,123,",
            "赵六,恒川,采购,,",
        ],
        encoding="utf-8",
    )
    args = ("import-table", "--db", str(db), str(sheet), "--kind", "people")
    code, out, _ = run(capsys, *args, "--dry-run", "--lang", "zh_CN")
    assert code == 0
    assert "第 3 行：邮箱「bad-email」不像邮件地址，照原样导入" in out
    assert "新建客户 2 个：不存在的客户，恒川（已有相近的「苏州恒川电子有限公司」）" in out
    code, out, _ = run(capsys, *args, "--lang", "en")
    assert code == 0
    assert 'row 3: email "bad-email" does not look like an email address' in out
    assert 'New accounts (2): 不存在的客户, 恒川 (close to the existing "苏州恒川电子' in out
    assert "4 rows. Created: 4" in out


def test_cards_are_counted_as_cards_not_as_lines_of_the_file(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cards = tmp_path / "phone.vcf"
    cards.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:张三\r\nTEL;TYPE=CELL:13800138000\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:李四\r\nORG:恒通电子\r\nEMAIL:lisi-at-example\r\n"
        "END:VCARD\r\n",
        encoding="utf-8",
    )
    settled(cards)
    ws = Workspace.open(db)
    pid, _ = pursuits.create_pursuit(ws, pursuits.PursuitDraft("码头", account_name="新诚港务"))
    ws.close()
    code, out, _ = run(
        capsys, "import-vcard", "--db", str(db), str(cards), "--pursuit", pid, "--lang", "zh_CN"
    )
    assert code == 0
    assert "第 2 张名片：邮箱「lisi-at-example」不像邮件地址，照原样导入" in out


def test_import_table_creates_a_new_database_and_a_failed_one_leaves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As every writing command (README): a first spreadsheet starts a new database; a refused
    import leaves no empty database there, and what was beside it before stays."""
    sheet = write_csv(tmp_path / "accounts.csv", ["客户名称,行业", "苏州恒川电子有限公司,制造"])
    people = write_csv(tmp_path / "people.csv", ["姓名,手机", "张三,13800138000"])
    folder = tmp_path / "new"
    folder.mkdir()
    kept = folder / "p.db.notes.txt"  # a user's own file, named like a companion
    kept.write_text("mine")
    refused = folder / "p.db"
    code, _out, err = run(
        capsys, "import-table", "--db", str(refused), str(people), "--kind", "people",
        "--account", "nosuch", "--lang", "en",
    )  # fmt: skip
    assert code == 1 and "No account nosuch" in err
    assert sorted(p.name for p in folder.iterdir()) == ["p.db.notes.txt"]
    code, _out, err = run(
        capsys, "import-table", "--db", str(refused), str(sheet), "--kind", "accounts",
        "--dry-run", "--lang", "en",
    )  # fmt: skip
    assert code == 1 and "No database" in err  # a dry run changes nothing: it makes nothing
    made = tmp_path / "deeper" / "new.db"
    code, out, err = run(
        capsys, "import-table", "--db", str(made), str(sheet), "--kind", "accounts", "--lang", "en"
    )
    assert code == 0, err
    assert "Created: 1" in out
    ws = Workspace.open(made, create=False, read_only=True)
    try:
        assert [r.name for r in accounts.list_accounts(ws)] == ["苏州恒川电子有限公司"]
    finally:
        ws.close()


def test_a_binary_file_and_a_misread_encoding_are_told_in_chinese(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "bin.csv"
    binary.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 20)
    settled(binary)
    code, _, err = run(
        capsys,
        "import-table",
        "--db",
        str(db),
        str(binary),
        "--kind",
        "accounts",
        "--lang",
        "zh_CN",
    )
    assert code == 1
    assert err == "pursuit: bin.csv 不是表格文件（CSV 或 XLSX）。未做任何更改。\n"
    big5 = write_csv(tmp_path / "tw.csv", ["客戶名稱,聯絡人", "台北精密機械,陳大文"], "big5")
    code, out, _ = run(
        capsys,
        "import-table",
        "--db",
        str(db),
        str(big5),
        "--kind",
        "accounts",
        "--dry-run",
        "--encoding",
        "gb18030",
        "--lang",
        "zh_CN",
    )
    assert code == 1
    assert "没有认得出的表头：若表头是乱码" in out and "--encoding" in out
    code, out, _ = run(
        capsys,
        "import-table",
        "--db",
        str(db),
        str(big5),
        "--kind",
        "accounts",
        "--dry-run",
        "--encoding",
        "big5",
        "--lang",
        "zh_CN",
    )
    assert code == 0, out
    assert "编码 BIG5" in out and "客戶名稱→客户名称" in out and "乱码" not in out
