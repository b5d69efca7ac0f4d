"""Bringing a rep's data in at scale (issue 18): a 5,000-row contact sheet mapped, previewed and
imported; a 50,000-row CSV read and imported with progress (and how soon a Cancel lands); the
duplicate finder over 10,000 accounts. Each on a fresh database; figures printed, not asserted.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import openpyxl

from desktop.services.imports import reading
from desktop.services.imports import table_import as ti
from desktop.services.imports.reading import Cancelled
from desktop.services.workspace import Workspace

HEADERS = ["客户名称", "项目名称", "联系人", "手机", "职务", "部门", "邮箱", "金额(万元)", "阶段"]
HEADERS.append("预计成交日期")
COMPANIES = ("新诚港务", "恒通电子", "鼎通医院", "华东建工", "蓝海物流", "金桥制药", "远景能源")


def contact_row(number: int) -> list[object]:
    company = f"{COMPANIES[number % len(COMPANIES)]}{number // 3}有限公司"
    return [
        company,
        f"项目{number}",
        f"联系人{number}",
        f"138{number:08d}",
        "总经理" if number % 2 else "信息中心主任",
        "信息中心",
        f"user{number}@example.cn",
        f"{(number % 90) + 10}.5",
        str(number % 8 + 1),
        f"2026/{number % 12 + 1}/{number % 28 + 1}",
    ]


def settled(path: Path) -> Path:
    os.utime(path, (time.time() - 60, time.time() - 60))
    return path


def test_contact_sheet_of_5000_rows(tmp_path: Path, record: Callable[..., None]) -> None:
    path = tmp_path / "contacts.xlsx"
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("客户")
    sheet.append(HEADERS)
    for number in range(5000):
        sheet.append(contact_row(number))
    book.save(path)
    settled(path)
    ws = Workspace.open(tmp_path / "p.db")
    try:
        started = time.perf_counter()
        table = reading.read_table(path)
        read = time.perf_counter()
        mapping = ti.guess_mapping(table, "pursuits")
        assert len(mapping) == len(HEADERS)
        plan = ti.preview(ws, table, "pursuits", mapping)
        previewed = time.perf_counter()
        result = ti.run_import(ws, plan)
        done = time.perf_counter()
    finally:
        ws.close()
    assert result.created_rows == 5000
    record("import: 5,000-row contact sheet read (.xlsx)", read - started, "s")
    record("import: 5,000-row contact sheet mapped and previewed", previewed - read, "s")
    record("import: 5,000 pursuits + contacts written (backup incl.)", done - previewed, "s")
    record("import: 5,000-row contact sheet, end to end", done - started, "s", "< 10 s")
    record("import: load average during the run (2 cores)", os.getloadavg()[0], "")


def test_csv_of_50000_rows_with_progress_and_cancel(
    tmp_path: Path, record: Callable[..., None]
) -> None:
    path = tmp_path / "crm.csv"
    with path.open("w", encoding="gb18030", newline="") as out:
        out.write(",".join(HEADERS) + "\r\n")
        for number in range(50_000):
            out.write(",".join(str(c) for c in contact_row(number)) + "\r\n")
    settled(path)
    ws = Workspace.open(tmp_path / "p.db")
    try:
        # Cancel: asked for at 40% of the writing; how long until the import has stopped?
        table = reading.read_table(path)
        plan = ti.preview(ws, table, "pursuits", ti.guess_mapping(table, "pursuits"))
        asked: list[float] = []

        def cancel_midway(done: int, total: int) -> bool:
            if done >= total * 0.4:
                asked.append(time.perf_counter())
                return False
            return True

        try:
            ti.run_import(ws, plan, progress=cancel_midway)
        except Cancelled:
            stopped = time.perf_counter()
        record(
            "import: Cancel to rolled back (50,000-row import)", stopped - asked[0], "s", "< 1 s"
        )

        ticks: list[int] = []
        started = time.perf_counter()
        table = reading.read_table(path, progress=lambda n: ticks.append(n) or True)
        read = time.perf_counter()
        plan = ti.preview(ws, table, "pursuits", ti.guess_mapping(table, "pursuits"))
        previewed = time.perf_counter()
        result = ti.run_import(ws, plan, progress=lambda d, t: ticks.append(d) or True)
        done = time.perf_counter()
    finally:
        ws.close()
    assert result.created_rows == 50_000 and ticks
    record("import: 50,000-row CSV read (GB18030)", read - started, "s")
    record("import: 50,000-row CSV previewed", previewed - read, "s")
    record("import: 50,000 pursuits + contacts written", done - previewed, "s")
    record("import: 50,000-row CSV, end to end", done - started, "s", "< 60 s")
    record("import: load average during the 50,000-row run (2 cores)", os.getloadavg()[0], "")


def test_duplicate_finder_over_10000_accounts(tmp_path: Path, record: Callable[..., None]) -> None:
    names = [f"{COMPANIES[n % len(COMPANIES)]}{n}有限公司" for n in range(10_000)]
    first = tmp_path / "accounts.csv"
    first.write_text("客户名称\n" + "\n".join(names) + "\n", encoding="utf-8")
    ws = Workspace.open(tmp_path / "p.db")
    try:
        table = reading.read_table(settled(first))
        ti.run_import(ws, ti.preview(ws, table, "accounts", {0: "account_name"}), backup=False)
        # The same companies written another way, and as many new ones.
        again = tmp_path / "again.csv"
        rows = [n.replace("有限公司", " 股份有限公司") for n in names[:5000]]
        rows += [f"新客户{n}（中国）有限公司" for n in range(5000)]
        again.write_text("公司名称\n" + "\n".join(rows) + "\n", encoding="utf-8")
        table = reading.read_table(settled(again))
        started = time.perf_counter()
        plan = ti.preview(ws, table, "accounts", {0: "account_name"})
        took = time.perf_counter() - started
    finally:
        ws.close()
    assert plan.count(ti.DUPLICATE) == 5000 and plan.count(ti.NEW) == 5000
    record("import: duplicates of 10,000 rows among 10,000 accounts", took, "s", "< 2 s")
