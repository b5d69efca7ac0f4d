"""The words of the import wizard for what the services answer in codes: fields, why a row is
refused, why a file is refused, what a row is. One place, so the pages and the report agree."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.domain import import_values as iv
from desktop.infra.i18n import ui_language
from desktop.services import os_errors
from desktop.services.imports.reading import ImportFileError
from desktop.services.imports.table_import import RowProblem


def field_name(field: str) -> str:
    names = {
        iv.ACCOUNT_NAME: QCoreApplication.translate("Import", "Account name"),
        iv.INDUSTRY: QCoreApplication.translate("Import", "Industry"),
        iv.ADDRESS: QCoreApplication.translate("Import", "Address"),
        iv.PERSON_NAME: QCoreApplication.translate("Import", "Person's name"),
        iv.PHONE: QCoreApplication.translate("Import", "Phone"),
        iv.TITLE: QCoreApplication.translate("Import", "Title"),
        iv.DEPARTMENT: QCoreApplication.translate("Import", "Department"),
        iv.EMAIL: QCoreApplication.translate("Import", "Email"),
        iv.PURSUIT_TITLE: QCoreApplication.translate("Import", "Pursuit title"),
        iv.AMOUNT: QCoreApplication.translate("Import", "Amount"),
        iv.CURRENCY: QCoreApplication.translate("Import", "Currency"),
        iv.STAGE: QCoreApplication.translate("Import", "Stage"),
        iv.EXPECTED_CLOSE: QCoreApplication.translate("Import", "Expected close"),
        iv.OWNER: QCoreApplication.translate("Import", "Owner"),
        iv.NEXT_STEP: QCoreApplication.translate("Import", "Next step"),
        iv.NEXT_STEP_DUE: QCoreApplication.translate("Import", "Next step due"),
        iv.NOTES: QCoreApplication.translate("Import", "Notes"),
    }
    return names.get(field, field)


def problem_text(problem: RowProblem, encoding: str = "") -> str:
    field = field_name(problem.field) if problem.field else ""
    texts = {
        "required": QCoreApplication.translate("Import", "{field} is missing"),
        "amount": QCoreApplication.translate("Import", '{field} not understood: "{text}"'),
        "date": QCoreApplication.translate("Import", '{field} is not a date: "{text}"'),
        "date_ambiguous": QCoreApplication.translate(
            "Import", '{field} is ambiguous: "{text}" (day/month or month/day?)'
        ),
        "stage": QCoreApplication.translate(
            "Import", '{field} not understood: "{text}" (1–8 or the name of a stage)'
        ),
        "currency": QCoreApplication.translate("Import", '{field} not understood: "{text}"'),
        "too_long": QCoreApplication.translate("Import", "{field} is too long"),
        "needs_action": QCoreApplication.translate(
            "Import", '{field} "{text}" without a next step in the row'
        ),
        "encoding": QCoreApplication.translate(
            "Import", "this row is not in {encoding} (a file of mixed encodings?)"
        ),
    }
    text = texts.get(problem.code, "{field}: {text}")
    return text.format(field=field, text=problem.text, encoding=encoding.upper() or "?")


def file_refusal(error: ImportFileError) -> str:
    """Why a file cannot be imported; each says that nothing changed. A file that cannot be read
    is named with why, in the user's language (os_errors: the system's text is English)."""
    code, detail = error.code, error.detail
    if code == "unreadable" and os_errors.os_error_in(error) is not None:
        why = os_errors.reason(error, ui_language())
        text = QCoreApplication.translate("Import", "The file cannot be read: {0} ({1}).")
        return _nothing_changed(text.format(detail, why))
    texts = {
        "missing": QCoreApplication.translate("Import", "There is no file at {detail}."),
        "unreadable": QCoreApplication.translate("Import", "The file cannot be read: {detail}."),
        "too_big": QCoreApplication.translate("Import", "The file is larger than {detail}."),
        "too_many_rows": QCoreApplication.translate(
            "Import",
            "The sheet has more than {detail} rows. Split it and import the parts one by one.",
        ),
        "zip_bomb": QCoreApplication.translate(
            "Import", "{detail} would decompress to an abnormal size and is not opened."
        ),
        "still_writing": QCoreApplication.translate(
            "Import",
            "{detail} is still being written (a download, copy or save in progress). Try again "
            "when it is done.",
        ),
        "not_xlsx": QCoreApplication.translate("Import", "{detail} is not an Excel .xlsx file."),
        "damaged": QCoreApplication.translate(
            "Import", "{detail} is damaged or incomplete (still being copied?)."
        ),
        "unclosed_quote": QCoreApplication.translate(
            "Import",
            "A quotation mark opened on line {detail} is never closed, so the lines after it "
            "would run together into one cell. Correct the file and import it again.",
        ),
        "not_table": QCoreApplication.translate("Import", "{detail} is not a table (CSV or XLSX)."),
        "bad_quote": QCoreApplication.translate(
            "Import",
            "Line {detail}: text follows the closing quotation mark of a cell (quotation marks "
            "must enclose the whole cell). Correct the file and import it again.",
        ),
        "bad_line": QCoreApplication.translate(
            "Import",
            "Line {detail} cannot be read as a row of a table. Correct the file and import it "
            "again.",
        ),
        "no_sheet": QCoreApplication.translate("Import", "There is no sheet to import: {detail}."),
        "empty": QCoreApplication.translate("Import", "{detail} is empty: it holds no text."),
        "no_header": QCoreApplication.translate("Import", "No header row was found in {detail}."),
        "bad_encoding": QCoreApplication.translate("Import", "Unsupported encoding: {detail}."),
        "xls": QCoreApplication.translate(
            "Import",
            "Old .xls files cannot be read: save it as .xlsx or .csv in Excel or WPS first.",
        ),
        "format": QCoreApplication.translate("Import", "Use an .xlsx, .csv or .vcf file."),
        "no_cards": QCoreApplication.translate("Import", "{detail} holds no contact cards."),
    }
    return _nothing_changed(texts.get(code, texts["unreadable"]).format(detail=detail))


def _nothing_changed(text: str) -> str:
    unchanged = QCoreApplication.translate("Import", "Nothing was changed.")
    return text + ("" if text.endswith("。") else " ") + unchanged


def warning_text(problem: RowProblem) -> str:
    """What is worth a look in a row that is imported all the same."""
    texts = {
        "email": QCoreApplication.translate(
            "Import", '{field} "{text}" does not look like an email address; imported as written'
        ),
        "close_account": QCoreApplication.translate(
            "Import", 'an account has a close name: "{text}"'
        ),
    }
    text = texts.get(problem.code, "{field}: {text}")
    return text.format(field=field_name(problem.field), text=problem.text)


def new_accounts_text(made: list[tuple[str, tuple[str, ...]]], zh: bool, limit: int = 8) -> str:
    """The accounts an import makes for companies no account is named, with the existing
    accounts of close names: 新建客户 2 个：不存在的客户，南京远科（已有相近的「…」）. The
    first `limit` are named (a sheet of new customers would fill the page); the rest counted."""
    names = [
        QCoreApplication.translate("Import", '{0} (close to the existing "{1}")').format(
            name, ("」「" if zh else '", "').join(close)
        )
        if close
        else name
        for name, close in made[:limit]
    ]
    if len(made) > limit:
        names.append(QCoreApplication.translate("Import", "and {0} more").format(len(made) - limit))
    return QCoreApplication.translate("Import", "New accounts ({0}): {1}").format(
        len(made), ("，" if zh else ", ").join(names)
    )


def match_reason(reason: str, row: int, *, cards: bool = False) -> str:
    if row and cards:
        return QCoreApplication.translate("Import", "repeats card {row}").format(row=row)
    if row:
        return QCoreApplication.translate("Import", "repeats row {row}").format(row=row)
    return {
        "company": QCoreApplication.translate("Import", "same company"),
        "phone": QCoreApplication.translate("Import", "same phone"),
        "email": QCoreApplication.translate("Import", "same email"),
        "name": QCoreApplication.translate("Import", "same name"),
        "title": QCoreApplication.translate("Import", "same pursuit of this account"),
    }.get(reason, reason)
