"""Spreadsheet and vCard files for the import tests, made by the tests themselves."""

from __future__ import annotations

import os
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl

CONTACT_HEADERS = [
    "客户名称",
    "项目名称",
    "联系人",
    "手机",
    "职务",
    "金额(万元)",
    "阶段",
    "预计成交日期",
]


def settled(path: Path) -> Path:
    """Back-date the file so the reader does not wait for it to settle (it was just written)."""
    past = time.time() - 60
    os.utime(path, (past, past))
    return path


def xlsx(path: Path, rows: Sequence[Sequence[Any]], *, title: str = "客户") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return settled(path)


def csv_file(path: Path, lines: Sequence[str], encoding: str, *, sep: str = ",") -> Path:
    text = "\r\n".join(lines) + "\r\n"
    path.write_bytes(text.replace(",", sep).encode(encoding))
    return settled(path)


def with_cached_value(path: Path, cell: str, value: str) -> Path:
    """Give the formula in `cell` a cached value, as Excel saves it (openpyxl writes none)."""
    temp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                head, tail = text.split(f'<c r="{cell}">', 1)
                formula, rest = tail.split("<v />", 1)
                data = (head + f'<c r="{cell}">' + formula + f"<v>{value}</v>" + rest).encode()
            out.writestr(item, data)
    temp.replace(path)
    return settled(path)
