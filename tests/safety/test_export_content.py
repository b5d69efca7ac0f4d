"""Defects 4 and 9 of issue 23: exports that turn against their reader, and values in the log.

Files are written for real and read back with the same libraries a reader uses (openpyxl, csv,
icalendar); the log is a real file handler, grepped after forced failures.
"""

from __future__ import annotations

import csv
import errno
import gc
import io
import logging
import os
import stat
import sys
from pathlib import Path

import icalendar
import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from desktop.domain.text import strip_controls
from desktop.services import pursuits
from desktop.services.queries import pursuit_list
from desktop.services.reports import ics, spreadsheet
from desktop.storage.files import user_file_mode

HOSTILE = [
    '=HYPERLINK("http://evil.example","点我")',
    "=tag",
    "+1+2",
    "-3+4",
    "@SUM(A1)",
    "Word\x0bpaste",
    "x" * 40_000,
    "plain",
]
COLUMNS = [
    pursuit_list.ExportColumn("标题"),
    pursuit_list.ExportColumn("金额", pursuit_list.MONEY),
]


def rows() -> list[list[object]]:
    return [[value, -12345] for value in HOSTILE]


def test_xlsx_keeps_text_as_text_cleaned_and_says_when_cut(tmp_path: Path) -> None:
    out = tmp_path / "list.xlsx"
    assert pursuit_list.export_rows(out, COLUMNS, rows()) == len(HOSTILE)
    sheet = load_workbook(out).active
    values = [sheet.cell(row=r, column=1) for r in range(2, len(HOSTILE) + 2)]
    for cell, typed in zip(values, HOSTILE, strict=True):
        assert cell.data_type == "s", typed  # never a formula
        if len(typed) <= spreadsheet.CELL_LIMIT:
            assert cell.value == strip_controls(typed)
    assert values[5].value == "Word\npaste"
    cut = values[6].value
    assert len(cut) == spreadsheet.CELL_LIMIT and cut.endswith(spreadsheet.CUT_MARK)
    assert sheet.cell(row=2, column=2).value == -123.45  # numbers stay numbers


def test_csv_neutralises_formulas_and_keeps_numbers(tmp_path: Path) -> None:
    out = tmp_path / "list.csv"
    pursuit_list.export_rows(out, COLUMNS, rows())
    with out.open(encoding="utf-8-sig", newline="") as fh:
        read = list(csv.reader(fh))[1:]
    assert [r[0] for r in read[:5]] == ["'" + v for v in HOSTILE[:5]]
    assert read[5][0] == "Word\npaste" and read[7][0] == "plain"
    assert all(r[1] == "-123.45" for r in read)


def test_clipboard_text_is_neutralised() -> None:
    pasted = spreadsheet.to_tsv([["=1+1", "ok", 3], ["@x", None, "-y"]])
    assert pasted == "'=1+1\tok\t3\n'@x\t\t'-y\n"


def test_exports_get_the_users_normal_permissions(tmp_path: Path, ws) -> None:
    old = os.umask(0o022)
    try:
        assert user_file_mode() == 0o644
        written = [tmp_path / "a.xlsx", tmp_path / "a.csv", tmp_path / "a.ics"]
        pursuit_list.export_rows(written[0], COLUMNS, rows())
        pursuit_list.export_rows(written[1], COLUMNS, rows())
        ics.write_file(written[2], ics.calendar_for(ws, []))
        for path in written:
            assert stat.S_IMODE(path.stat().st_mode) == 0o644, path
        assert not list(tmp_path.glob(".*.part"))
    finally:
        os.umask(old)


def test_ics_carries_no_control_characters(ws) -> None:
    from datetime import UTC, datetime, timedelta

    from desktop.services import visits

    pursuit_id, _ = pursuits.create_pursuit(
        ws, pursuits.PursuitDraft(title="A\x0bB\x01", account_name="客户\x0c")
    )
    visit_id, _ = visits.create_visit(
        ws,
        visits.VisitDraft(
            pursuit_id=pursuit_id,
            starts_at=datetime.now(UTC).replace(tzinfo=None) + timedelta(days=1),
            objective="bring\x0bslides\x07",
        ),
    )
    data = ics.calendar_for(ws, [visit_id], tz="UTC")
    assert not any(b < 0x20 and b not in (0x0D, 0x0A) for b in data)
    event = next(iter(icalendar.Calendar.from_ical(data).walk("VEVENT")))
    assert "bring\nslides" in str(event["description"])


def test_the_log_carries_no_values_of_a_failed_write(ws, tmp_path: Path) -> None:
    log_file = tmp_path / "pursuit.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    logging.getLogger().addHandler(handler)
    secret = "客户机密-Secret-Title-4711"
    try:
        with pytest.raises(Exception) as failed, ws.write() as session:
            session.execute(
                text("INSERT INTO accounts (id, name) VALUES (:id, :name)"),
                {"id": None, "name": secret},
            )
        logging.getLogger("desktop.ui.errors").error("operation failed", exc_info=failed.value)
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    logged = log_file.read_text(encoding="utf-8")
    assert "operation failed" in logged and "Error" in logged
    assert secret not in logged


def test_control_characters_are_stripped_at_input(ws) -> None:
    from desktop.services import records

    pursuit_id, _ = pursuits.create_pursuit(
        ws, pursuits.PursuitDraft(title="Word\x0bpaste\x00", account_name="客户")
    )
    assert records.get(ws, "pursuit", pursuit_id)["title"] == "Word\npaste"


def test_a_search_with_nul_neither_raises_nor_returns_everything(demo_ws) -> None:
    from desktop.services import search

    assert search.search(demo_ws, "\x00") == search.search(demo_ws, "")
    search.search(demo_ws, "客户\x00名")  # no error


class FullDisk(io.RawIOBase):
    """A file on a disk with no room left: every write fails as the system's would."""

    def writable(self) -> bool:
        return True

    def write(self, _data: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_workbook_on_a_full_disk_fails_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The caller says the disk is full, and nothing more: openpyxl's zip, left to garbage
    collection, used to try to finish the file again and print "Exception ignored in
    ZipFile.__del__" with the system's English after the command's own line."""
    ignored: list[str] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda u: ignored.append(repr(u.exc_value)))
    rows = [(f"第 {n} 行 " + "x" * 500, n * 100) for n in range(300)]
    with pytest.raises(OSError) as failed:
        spreadsheet.write_xlsx(io.BufferedWriter(FullDisk()), COLUMNS, rows, "满")  # type: ignore[arg-type]
    assert failed.value.errno == errno.ENOSPC
    del failed  # its traceback holds openpyxl's frames, and with them the zip
    gc.collect()
    assert ignored == []
