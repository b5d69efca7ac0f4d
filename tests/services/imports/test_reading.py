"""Reading a rep's spreadsheet: layouts people make, encodings, and files that must be refused."""

from __future__ import annotations

import codecs
import os
import threading
import time
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from desktop.services.imports import reading
from desktop.services.imports import table_import as ti
from desktop.services.imports.reading import ImportFileError

from .fixtures import CONTACT_HEADERS, csv_file, settled, with_cached_value, xlsx

ROW = [
    "南京新诚港务有限公司",
    "港口调度系统",
    "张三",
    "13800138000",
    "总经理",
    12.5,
    3,
    "2026-03-01",
]


def test_title_rows_blank_rows_and_repeated_headers_are_skipped(tmp_path: Path) -> None:
    path = xlsx(
        tmp_path / "list.xlsx",
        [
            ["2026年 重点客户清单"],
            [],
            CONTACT_HEADERS,
            ROW,
            [],
            CONTACT_HEADERS,  # printed page two repeats the header
            ["西门子（中国）有限公司", "", "李四", "13900000000"],
        ],
    )
    table = reading.read_table(path)
    assert table.header_row == 3
    assert table.headers == CONTACT_HEADERS
    assert [r.number for r in table.rows] == [4, 7]
    assert table.rows[0].cells[:4] == (
        "南京新诚港务有限公司",
        "港口调度系统",
        "张三",
        "13800138000",
    )
    assert table.rows[0].cells[5] == "12.5"
    assert table.skipped_repeated_headers == 1
    assert table.skipped_blank >= 1


def test_merged_cells_give_their_value_to_every_cell_they_cover(tmp_path: Path) -> None:
    path = tmp_path / "merged.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["客户名称", "联系人", "手机"])
    sheet.append(["苏州恒通电子", "王五", "13700000001"])
    sheet.append([None, "赵六", "13700000002"])
    sheet.append([None, "钱七", "13700000003"])
    sheet.merge_cells("A2:A4")
    book.save(path)
    table = reading.read_table(settled(path))
    assert [r.cells[0] for r in table.rows] == ["苏州恒通电子"] * 3
    assert [r.cells[1] for r in table.rows] == ["王五", "赵六", "钱七"]


def test_formulas_read_the_value_excel_last_calculated(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "f.xlsx", [["客户名称", "金额"], ["恒通", "=B3*2"], ["x", 21]])
    with_cached_value(path, "B2", "42")
    table = reading.read_table(path)
    assert table.rows[0].cells == ("恒通", "42")


def test_hidden_sheets_are_listed_and_not_chosen_by_default(tmp_path: Path) -> None:
    path = tmp_path / "hidden.xlsx"
    book = openpyxl.Workbook()
    secret = book.active
    assert secret is not None
    secret.title = "底稿"
    secret.append(["客户名称"])
    secret.append(["隐藏的公司"])
    secret.sheet_state = "hidden"
    shown = book.create_sheet("客户")
    shown.append(["客户名称"])
    shown.append(["看得见的公司"])
    book.save(path)
    settled(path)
    assert reading.list_sheets(path) == [
        reading.SheetInfo("底稿", True),
        reading.SheetInfo("客户", False),
    ]
    assert reading.read_table(path).rows[0].cells == ("看得见的公司",)
    assert reading.read_table(path, sheet="底稿").rows[0].cells == ("隐藏的公司",)
    with pytest.raises(ImportFileError) as caught:
        reading.read_table(path, sheet="没有这张表")
    assert caught.value.code == "no_sheet"


@pytest.mark.parametrize(
    ("encoding", "detected"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gbk", "gb18030"), ("gb18030", "gb18030")],
)
def test_csv_encodings_are_detected_and_said(tmp_path: Path, encoding: str, detected: str) -> None:
    path = csv_file(
        tmp_path / "c.csv",
        [
            "客户名称,联系人,手机",
            "南京新诚港务有限公司,张三,13800138000",
            "西门子（中国）,李四,139",
        ],
        encoding,
    )
    table = reading.read_table(path)
    assert table.encoding == detected
    assert table.headers == ["客户名称", "联系人", "手机"]
    assert table.rows[0].cells == ("南京新诚港务有限公司", "张三", "13800138000")
    assert table.rows[1].cells[0] == "西门子（中国）"


def test_csv_with_semicolons_or_tabs_and_a_stated_encoding(tmp_path: Path) -> None:
    path = csv_file(tmp_path / "t.csv", ["客户名称,行业", "恒通,制造"], "gbk", sep="\t")
    table = reading.read_table(path, encoding="GBK")
    assert table.encoding == "gb18030"
    assert table.rows[0].cells == ("恒通", "制造")
    with pytest.raises(ImportFileError) as caught:
        reading.read_table(path, encoding="latin-9")
    assert caught.value.code == "bad_encoding"


def test_a_line_in_another_encoding_is_an_error_at_its_row(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes(
        "客户名称,联系人\r\n南京新诚港务,张三\r\n".encode()
        + "苏州恒通,王五\r\n".encode("gbk")
        + "西门子,李四\r\n".encode()
    )
    table = reading.read_table(settled(path))
    assert table.encoding == "utf-8"
    assert [(r.number, r.problem) for r in table.rows] == [(2, ""), (3, "encoding"), (4, "")]


def test_utf16_from_excels_unicode_text(tmp_path: Path) -> None:
    path = tmp_path / "u.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + "客户名称\t联系人\r\n恒通\t王五\r\n".encode("utf-16-le"))
    table = reading.read_table(settled(path))
    assert table.encoding == "utf-16"
    assert table.rows[0].cells == ("恒通", "王五")


def test_a_sheet_over_the_row_limit_is_refused_while_streaming(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write("客户名称,手机\n")
        for number in range(1_000_000):
            out.write(f"公司{number},1380000{number:04d}\n")
    settled(path)
    started = time.perf_counter()
    with pytest.raises(ImportFileError) as caught:
        reading.read_table(path)
    assert caught.value.code == "too_many_rows"
    assert caught.value.detail == f"{reading.MAX_ROWS:,}"
    assert time.perf_counter() - started < 20  # stopped at the limit, not after a million


def test_an_xlsx_over_the_row_limit_is_refused(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "big.xlsx", [["客户名称"], *([f"公司{i}"] for i in range(150))])
    with pytest.raises(ImportFileError) as caught:
        reading.read_table(path, max_rows=100)
    assert caught.value.code == "too_many_rows"
    assert len(reading.read_table(path, max_rows=150).rows) == 150


def test_a_zip_bomb_is_refused_before_anything_is_decompressed(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    good = xlsx(tmp_path / "good.xlsx", [["客户名称"], ["恒通"]])
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            out.writestr(item, source.read(item.filename))
        out.writestr("xl/media/padding.bin", b"\0" * (64 * 1024 * 1024))
    with pytest.raises(ImportFileError) as caught:
        reading.read_table(settled(path))
    assert caught.value.code == "zip_bomb"


def test_a_cut_off_xlsx_is_refused_as_damaged(tmp_path: Path) -> None:
    good = xlsx(tmp_path / "good.xlsx", [["客户名称"], ["恒通"]])
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(ImportFileError) as caught:
        reading.read_table(settled(cut))
    assert caught.value.code == "damaged"
    text = tmp_path / "fake.xlsx"
    text.write_text("客户名称\n恒通\n")
    with pytest.raises(ImportFileError) as caught:
        reading.read_table(settled(text))
    assert caught.value.code == "not_xlsx"
    # A whole zip that holds no workbook: damaged, said without the library's exception name.
    hollow = tmp_path / "hollow.xlsx"
    with zipfile.ZipFile(hollow, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(ImportFileError) as caught:
        reading.read_table(settled(hollow))
    assert (caught.value.code, caught.value.detail) == ("damaged", "hollow.xlsx")


def test_a_file_still_being_written_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "growing.csv"
    path.write_text("客户名称,手机\n", encoding="utf-8")
    stop = threading.Event()

    def grow() -> None:
        number = 0
        while not stop.is_set():
            with path.open("a", encoding="utf-8") as out:
                out.write(f"公司{number},138{number:08d}\n")
            number += 1
            time.sleep(0.01)

    writer = threading.Thread(target=grow)
    writer.start()
    try:
        with pytest.raises(ImportFileError) as caught:
            reading.read_table(path)
    finally:
        stop.set()
        writer.join()
    assert caught.value.code == "still_writing"


def test_missing_old_xls_and_other_formats(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError) as caught:
        reading.read_table(tmp_path / "nowhere.xlsx")
    assert caught.value.code == "missing"
    for name, code in (("old.xls", "xls"), ("a.pdf", "format")):
        (tmp_path / name).write_bytes(b"\xd0\xcf\x11\xe0")
        settled(tmp_path / name)
        with pytest.raises(ImportFileError) as caught:
            reading.read_table(tmp_path / name)
        assert caught.value.code == code


def test_an_empty_file_is_told_as_empty(tmp_path: Path) -> None:
    path = csv_file(tmp_path / "e.csv", ["", ""], "utf-8")
    with pytest.raises(ImportFileError) as caught:
        reading.read_table(path)
    assert caught.value.code == "empty"


def test_progress_can_cancel_reading(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("客户名称\n" + "".join(f"公司{i}\n" for i in range(3000)), encoding="utf-8")
    settled(path)
    with pytest.raises(reading.Cancelled):
        reading.read_table(path, progress=lambda done: done < 1000)
    os.utime(path)  # a just-written file is looked at twice; unchanged, it is read
    assert len(reading.read_table(path).rows) == 3000


def test_an_xlsx_stating_a_million_rows_is_refused_before_its_rows_are_read(
    tmp_path: Path,
) -> None:
    path = xlsx(tmp_path / "million.xlsx", [["客户名称"], ["恒通"]])
    patched = tmp_path / "patched.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(patched, "w") as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(
                    b'<dimension ref="A1:A2" />', b'<dimension ref="A1:A1000000" />'
                )
            out.writestr(item, data)
    with pytest.raises(ImportFileError) as caught:
        reading.read_table(settled(patched))
    assert caught.value.code == "too_many_rows"


def test_a_binary_file_named_csv_is_not_a_table(tmp_path: Path) -> None:
    # A program's start: NUL bytes and lone carriage returns, which the csv module would have
    # called a damaged file in its own English words.
    path = tmp_path / "bin.csv"
    path.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 20)
    with pytest.raises(ImportFileError) as caught:
        reading.read_table(settled(path))
    assert (caught.value.code, caught.value.detail) == ("not_table", "bin.csv")


def test_a_cell_past_the_csv_modules_limit_is_read_and_kept_to_excels(tmp_path: Path) -> None:
    # 2 MB in one cell: the csv module's own limit (128 KB) refused the file as damaged.
    path = csv_file(
        tmp_path / "huge.csv", ["客户名称,备注", "恒通," + "长" * 2_000_000, "西门子,短"], "utf-8"
    )
    table = reading.read_table(path)
    assert [r.cells[0] for r in table.rows] == ["恒通", "西门子"]
    assert len(table.rows[0].cells[1]) == reading.MAX_CELL_CHARS
    # A quotation mark never closed in a file past that limit is still told as such.
    unclosed = csv_file(
        tmp_path / "q.csv", ["客户名称,备注", '恒通,"没关上'] + ["甲,乙"] * 30_000, "utf-8"
    )
    with pytest.raises(ImportFileError) as caught:
        reading.read_table(unclosed)
    assert (caught.value.code, caught.value.detail) == ("unclosed_quote", "2")


def test_lone_carriage_returns_end_lines_and_a_stray_quote_is_told_by_its_line(
    tmp_path: Path,
) -> None:
    mac = tmp_path / "mac.csv"
    mac.write_bytes("客户名称,备注\r恒通,一\r西门子,二\r".encode())
    table = reading.read_table(settled(mac))
    assert [(r.number, r.cells) for r in table.rows] == [(2, ("恒通", "一")), (3, ("西门子", "二"))]
    quoted = csv_file(tmp_path / "q.csv", ["客户名称,备注", "恒通,x", '"华为"公司,y'], "utf-8")
    with pytest.raises(ImportFileError) as caught:
        reading.read_table(quoted)
    assert (caught.value.code, caught.value.detail) == ("bad_quote", "3")


def test_big5_is_recognised_and_can_be_named(tmp_path: Path) -> None:
    lines = ["客戶名稱,聯絡人,電話,職務", "台北精密機械股份有限公司,陳大文,0912345678,總經理"]
    path = csv_file(tmp_path / "tw.csv", lines, "big5")
    table = reading.read_table(path)
    assert table.encoding == "big5"
    assert table.headers == ["客戶名稱", "聯絡人", "電話", "職務"]
    assert reading.read_table(path, encoding="Big5").rows[0].cells[1] == "陳大文"
    # Read as GB18030 it is what the tester saw: a hint to choose the encoding goes with it.
    misread = reading.read_table(path, encoding="gbk")
    assert "め" in misread.headers[0]
    assert ti.may_be_misread(misread) and not ti.may_be_misread(table)
    # Its traditional headers are the known ones.
    assert ti.guess_mapping(table, "people") == {
        0: "account_name",
        1: "person_name",
        2: "phone",
        3: "title",
    }
    # Simplified text stays GB18030.
    simplified = csv_file(
        tmp_path / "cn.csv", ["客户名称,联系人,电话,职务", "苏州恒通电子,王五,139,总经理"], "gbk"
    )
    assert reading.read_table(simplified).encoding == "gb18030"


def test_a_file_that_cannot_be_read_keeps_the_systems_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Named, with its OSError as the cause for the caller to word (os_errors): its text is the
    system's English, never the message's."""
    import errno

    from desktop.services.imports import vcards

    folder = tmp_path / "客户.csv"
    folder.mkdir()
    with pytest.raises(ImportFileError) as caught:
        reading.read_table(folder)
    assert caught.value.code == "unreadable" and caught.value.detail == str(folder)
    assert isinstance(caught.value.__cause__, IsADirectoryError)
    locked = [tmp_path / "locked.csv", tmp_path / "locked.vcf"]
    for path in locked:
        path.write_text("客户名称\n南京\n", encoding="utf-8")
        settled(path)
    opened = Path.open

    def refused(self: Path, *args: Any, **kwargs: Any) -> Any:
        # No permission to be had under root in CI: the system's own error, for those files.
        if self in locked:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return opened(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refused)
    for read, path in ((reading.read_table, locked[0]), (vcards.read_vcards, locked[1])):
        with pytest.raises(ImportFileError) as caught:
            read(path)
        assert caught.value.code == "unreadable" and caught.value.detail == str(path)
        assert isinstance(caught.value.__cause__, PermissionError)
