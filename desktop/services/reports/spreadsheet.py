"""Cells for spreadsheets, CSV files and the clipboard that stay text in the reader's hands.

A title typed as `=HYPERLINK("http://…","点我")` became a live link in the exported list, and a
tag `=tag` showed Err:509 on every row (issue 23, defect 9): spreadsheet programs evaluate text
that starts with `=`, and Excel also `+`, `-` and `@`. And one control character (U+000B, what a
paste from Word brings) made the .xlsx export fail. Every spreadsheet writer goes through here:

- `.xlsx`: text goes in as a text cell (its value unchanged, never a formula), cleaned of control
  characters, and cut at Excel's 32,767 characters with a visible mark saying so;
- CSV and the clipboard (tab-separated text a spreadsheet pastes as typed input): text that a
  spreadsheet would evaluate gets a leading apostrophe, the convention every spreadsheet reads as
  "this is text" (OWASP's advice for CSV injection);
- every file is written through `write_atomically` (temporary file, verify, rename, normal
  permissions).
"""

from __future__ import annotations

import contextlib
import csv
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from desktop.domain.text import strip_controls
from desktop.storage.files import write_atomically

TEXT, MONEY, NUMBER, PERCENT, DATE, DATETIME = "text", "money", "number", "percent", "date", "dt"

# Excel's limit for one cell; LibreOffice and openpyxl write more, Excel cuts it when opening.
CELL_LIMIT = 32_767
CUT_MARK = " …[截断 cut]"
# What makes a spreadsheet evaluate typed or pasted text (tab and CR: Excel skips them first).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class Column(Protocol):
    """A column of a table to export: its header, the kind of its values, its width."""

    @property
    def header(self) -> str: ...

    @property
    def kind(self) -> str: ...

    @property
    def width(self) -> int: ...


@dataclass(frozen=True)
class Written:
    """What a spreadsheet writer wrote: rows (without the header) and cells cut to fit."""

    rows: int
    cut_cells: int = 0


def clean_cell(text: str) -> str:
    """Text without control characters, cut to what one spreadsheet cell holds (marked)."""
    text = strip_controls(text)
    if len(text) > CELL_LIMIT:
        text = text[: CELL_LIMIT - len(CUT_MARK)] + CUT_MARK
    return text


def cleaned(values: Iterable[Any]) -> list[Any]:
    """A row with its text cleaned (`clean_cell`), ready for openpyxl, which refuses controls."""
    return [clean_cell(v) if isinstance(v, str) else v for v in values]


def neutralise_cell(value: Any) -> Any:
    """A value as CSV or clipboard text: cleaned, and with an apostrophe before a formula start.

    Numbers, dates and None pass unchanged; so does text a spreadsheet would not evaluate.
    """
    if not isinstance(value, str):
        return value
    return mark_text(clean_cell(value))


def mark_text(text: str) -> str:
    """`text` with a leading apostrophe when a spreadsheet would evaluate it.

    Text that already starts with apostrophes before a formula start gets one more, so that
    `unmark_text` (the grid's paste) gives back exactly what was copied.
    """
    return "'" + text if text.lstrip("'").startswith(FORMULA_STARTS) else text


def unmark_text(text: str) -> str:
    """The text `mark_text` was given: the one apostrophe it added removed, nothing else."""
    if text.startswith("'") and text[1:].lstrip("'").startswith(FORMULA_STARTS):
        return text[1:]
    return text


def to_tsv(rows: Iterable[Sequence[Any]]) -> str:
    """Tab-separated text for the clipboard, every cell neutralised (see `neutralise_cell`)."""
    import io

    out = io.StringIO()
    writer = csv.writer(out, dialect="excel-tab", lineterminator="\n")
    for row in rows:
        writer.writerow(["" if v is None else neutralise_cell(v) for v in row])
    return out.getvalue()


def write_table(
    path: Path | str,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    *,
    sheet_title: str = "Pursuits",
) -> Written:
    """Write `rows` under `columns` to `path`: .xlsx, else CSV in UTF-8 with a byte-order mark
    (so Excel opens Chinese right). Atomic: a failure leaves no file and the old one as it was."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    written: list[Written] = []
    if path.suffix.lower() == ".xlsx":
        write_atomically(
            path,
            lambda temp: written.append(write_xlsx(temp, columns, rows, sheet_title)),
            verify_xlsx,
        )
    else:
        write_atomically(path, lambda temp: written.append(write_csv(temp, columns, rows)))
    return written[0]


def verify_xlsx(path: Path) -> None:
    """Raise unless `path` is a whole workbook (a zip whose members all read back)."""
    try:
        with zipfile.ZipFile(path) as book:
            bad = book.testzip()
    except (zipfile.BadZipFile, EOFError) as exc:
        raise OSError(f"the workbook was not written whole: {exc}") from exc
    if bad is not None:
        raise OSError(f"the workbook was not written whole: {bad}")


def csv_value(kind: str, value: Any) -> Any:
    """One cell of a CSV file: amounts with two decimals, ISO dates, text neutralised."""
    if value is None or value == "":
        return ""
    if kind == MONEY:
        return f"{value / 100:.2f}"
    if kind == PERCENT:
        return f"{value}%"
    if kind == DATE:
        return value.isoformat()
    if kind == DATETIME:
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, (list, tuple)):
        return neutralise_cell(", ".join(str(v) for v in value))
    return neutralise_cell(value)


def write_csv(path: Path, columns: Sequence[Column], rows: Iterable[Sequence[Any]]) -> Written:
    count = cut = 0
    kinds = [c.kind for c in columns]
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([neutralise_cell(c.header) for c in columns])
        for row in rows:
            cut += sum(isinstance(v, str) and len(v) > CELL_LIMIT for v in row)
            writer.writerow([csv_value(k, v) for k, v in zip(kinds, row, strict=True)])
            count += 1
    return Written(count, cut)


XLSX_FORMATS = {
    MONEY: "#,##0.00",
    NUMBER: "#,##0",
    PERCENT: "0%",
    DATE: "yyyy-mm-dd",
    DATETIME: "yyyy-mm-dd hh:mm",
}


def text_cell(cell: Any, value: str) -> Any:
    """Put `value` in the openpyxl `cell` as text, never as a formula; returns the cell."""
    cell.value = clean_cell(value)
    cell.data_type = "s"  # openpyxl reads a leading "=" as a formula; this cell is text
    return cell


def save_workbook(book: Any, path: Path | str) -> Written:
    """Save a (not write-only) openpyxl workbook atomically, every text cell as text.

    Cells filled with `append` or `.value =` turn text starting with "=" into formulas; this
    pass makes each one a text cell again, cleaned and cut to fit, before anything is written.
    """
    cut = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cut += len(cell.value) > CELL_LIMIT
                    text_cell(cell, cell.value)
    write_atomically(Path(path), lambda temp: save_book(book, temp), verify_xlsx)
    return Written(sum(max(0, sheet.max_row - 1) for sheet in book.worksheets), cut)


def xlsx_value(sheet: Any, value: Any) -> Any:
    """What to append for one value in a write-only sheet: text as a text cell, the rest as is."""
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, str):
        return text_cell(WriteOnlyCell(sheet), value)
    return value


def write_xlsx(
    path: Path, columns: Sequence[Column], rows: Iterable[Sequence[Any]], title: str
) -> Written:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=sheet_title(title))
    for number, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = column.width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="EEF1F5")
    header = []
    for column in columns:
        cell = text_cell(WriteOnlyCell(sheet), column.header)
        cell.font = bold
        cell.fill = fill
        cell.alignment = Alignment(vertical="center")
        header.append(cell)
    sheet.append(header)
    # Cells with a number format are styled one by one; text goes in as text cells.
    count = cut = 0
    kinds = [c.kind for c in columns]
    try:
        for row in rows:
            out: list[Any] = []
            for kind, value in zip(kinds, row, strict=True):
                if value is None or value == "":
                    out.append(None)
                    continue
                if kind in (MONEY, PERCENT):
                    value = value / 100
                elif isinstance(value, (list, tuple)):
                    value = ", ".join(str(v) for v in value)
                if isinstance(value, str):
                    cut += len(value) > CELL_LIMIT
                    out.append(xlsx_value(sheet, value))
                    continue
                number_format = XLSX_FORMATS.get(kind)
                if number_format:
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.number_format = number_format
                    out.append(cell)
                else:
                    out.append(value)
            sheet.append(out)
            count += 1
    except BaseException:
        # Finish openpyxl's streaming writer now (a cancel, a bad value), not at garbage
        # collection after its file is gone.
        with contextlib.suppress(Exception):
            sheet.close()
        raise
    if count:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"
    try:
        save_book(book, path)
    except BaseException:
        with contextlib.suppress(Exception):  # as above: the sheet's writer finished now
            sheet.close()
        raise
    return Written(count, cut)


def save_book(book: Any, path: Path) -> None:
    """openpyxl's `Workbook.save`, but a failed write (a full disk) abandons the file here: left
    to garbage collection, the zip tried to finish it once more and printed "Exception ignored in
    ZipFile.__del__" with the system's English after the caller's own one-line message."""
    from datetime import UTC, datetime

    from openpyxl.writer.excel import ExcelWriter

    archive = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    book.properties.modified = datetime.now(tz=UTC).replace(tzinfo=None)
    try:
        ExcelWriter(book, archive).save()
    except BaseException:
        # No end record written on the way out: the half-made file is removed by the caller
        # (`write_atomically`); its handle is closed now, its buffered bytes dropped with it.
        handle, archive.fp = archive.fp, None
        if handle is not None:
            with contextlib.suppress(OSError, ValueError):
                handle.close()
        raise


def sheet_title(title: str) -> str:
    """Excel refuses some characters and more than 31 of them in a sheet's name."""
    cleaned = strip_controls(title)
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in cleaned).strip() or "Sheet"
    return cleaned[:31]
