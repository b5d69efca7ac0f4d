"""Export the grid to an .xlsx workbook (openpyxl): the matrix, the summary and the competitors.

The content comes from `services.indicators.export_table` (plain values); this module adds the
translated titles and the formatting. The file is written beside the target and moved into place,
so a failed export never leaves half a file under the chosen name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from desktop.domain.methodology import Catalog
from desktop.services.indicators import CLASS, US, ExportTable, competitor_of
from desktop.services.reports import spreadsheet


def sheet_titles() -> dict[str, str]:
    return {
        "matrix": QCoreApplication.translate("IndicatorExport", "Competitive matrix"),
        "summary": QCoreApplication.translate("IndicatorExport", "Summary"),
        "competitors": QCoreApplication.translate("IndicatorExport", "Competitors"),
    }


def write_xlsx(
    path: Path,
    table: ExportTable,
    titles: Mapping[str, str],
    catalog: Catalog,
    lang: str,
) -> Path:
    """Write the workbook to `path` (atomically). `titles` maps grid column keys to headers."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    vocab = catalog.vocab("indicator_classes")
    names = sheet_titles()
    book = Workbook()
    bold = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="E8EAF0")
    thin = Side(style="thin", color="C8CCD4")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    centre = Alignment(horizontal="center", vertical="center")
    wrap = Alignment(vertical="top", wrap_text=True)

    # --- the matrix ---------------------------------------------------------------------
    sheet = book.active
    assert isinstance(sheet, Worksheet)  # a new workbook starts with one worksheet
    sheet.title = names["matrix"]
    headers = [
        QCoreApplication.translate("IndicatorExport", "Rank"),
        *(titles[key] for key in table.columns),
    ]
    sheet.append(headers)
    for rank, values in enumerate(table.rows, start=1):
        sheet.append(spreadsheet.cleaned([rank, *("" if v is None else v for v in values)]))
    for cell in sheet[1]:
        cell.font = bold
        cell.fill = header_fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = box
    class_column = table.columns.index(CLASS) + 2
    for row_number, klass in enumerate(table.classes, start=2):
        item = vocab[klass]
        cell = sheet.cell(row=row_number, column=class_column)
        colour = (item.color or "#757575").lstrip("#")
        if klass == "neutral":
            cell.font = Font(color=colour)
        else:
            cell.fill = PatternFill("solid", fgColor=colour)
            cell.font = Font(bold=True, color="FFFFFF")
        cell.alignment = centre
    widths = {
        "name": 22,
        "meaning": 30,
        "importance": 10,
        "our_score": 9,
        CLASS: 10,
        "class_override": 12,
        "override_reason": 24,
        "action_plan": 40,
    }
    sheet.column_dimensions["A"].width = 6
    for index, key in enumerate(table.columns, start=2):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = widths.get(key, 11)
        numeric = key in ("importance", "our_score") or competitor_of(key) is not None
        for row_number in range(2, len(table.rows) + 2):
            cell = sheet.cell(row=row_number, column=index)
            cell.border = box
            if numeric:
                cell.alignment = centre
            elif key != CLASS:
                cell.alignment = wrap
        if len(table.rows):
            sheet.cell(row=1, column=index).border = box
    for row_number in range(2, len(table.rows) + 2):
        rank_cell = sheet.cell(row=row_number, column=1)
        rank_cell.alignment = centre
        rank_cell.border = box
    sheet.freeze_panes = "C2"
    if table.rows:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(table.rows) + 1}"

    # --- the summary --------------------------------------------------------------------
    summary = book.create_sheet(names["summary"])
    summary.append(
        [
            QCoreApplication.translate("IndicatorExport", "Vendor"),
            QCoreApplication.translate("IndicatorExport", "Weighted score"),
            QCoreApplication.translate("IndicatorExport", "Maximum"),
            QCoreApplication.translate("IndicatorExport", "Share"),
        ]
    )
    for vendor in table.summary.vendors:
        summary.append(
            [
                spreadsheet.clean_cell(titles["our_score"] if vendor.key == US else vendor.name),
                vendor.total,
                vendor.maximum,
                round(vendor.share, 4),
            ]
        )
        summary.cell(row=summary.max_row, column=4).number_format = "0%"
    summary.append([])
    summary.append(
        [
            QCoreApplication.translate("IndicatorExport", "Class"),
            QCoreApplication.translate("IndicatorExport", "Criteria"),
            QCoreApplication.translate("IndicatorExport", "Suggested action"),
        ]
    )
    class_header = summary.max_row
    for item in vocab:
        summary.append(
            [item.label(lang), table.summary.counts.get(item.key, 0), item.text("action", lang)]
        )
        if item.key != "neutral":
            cell = summary.cell(row=summary.max_row, column=1)
            cell.fill = PatternFill("solid", fgColor=(item.color or "#757575").lstrip("#"))
            cell.font = Font(bold=True, color="FFFFFF")
    for row_number in (1, class_header):
        for cell in summary[row_number]:
            cell.font = bold
            cell.fill = header_fill
    for letter, width in zip("ABCD", (18, 16, 12, 40), strict=True):
        summary.column_dimensions[letter].width = width

    # --- the competitors ----------------------------------------------------------------
    people = book.create_sheet(names["competitors"])
    fields = _competitor_fields()
    people.append([title for _, title in fields])
    for competitor in table.competitors:
        people.append(spreadsheet.cleaned([getattr(competitor, key) for key, _ in fields]))
    for cell in people[1]:
        cell.font = bold
        cell.fill = header_fill
    for index, _field in enumerate(fields, start=1):
        people.column_dimensions[get_column_letter(index)].width = 16 if index == 1 else 28
        for row_number in range(2, people.max_row + 1):
            people.cell(row=row_number, column=index).alignment = wrap
    people.freeze_panes = "B2"

    path = Path(path)
    spreadsheet.save_workbook(book, path)  # text stays text; atomic; the user's permissions
    return path


def _competitor_fields() -> Sequence[tuple[str, str]]:
    return (
        ("name", QCoreApplication.translate("IndicatorExport", "Competitor")),
        ("label", QCoreApplication.translate("IndicatorExport", "Our label for it")),
        ("solution", QCoreApplication.translate("IndicatorExport", "Their solution")),
        ("flaws", QCoreApplication.translate("IndicatorExport", "Flaws")),
        ("harm", QCoreApplication.translate("IndicatorExport", "Harm to the customer")),
        ("case_story", QCoreApplication.translate("IndicatorExport", "Case story")),
        ("features", QCoreApplication.translate("IndicatorExport", "Features")),
        ("advantages", QCoreApplication.translate("IndicatorExport", "Advantages")),
        ("benefits", QCoreApplication.translate("IndicatorExport", "Benefits")),
        ("allies", QCoreApplication.translate("IndicatorExport", "Allies")),
    )
