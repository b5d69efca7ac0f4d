"""The words of the import wizard for what the services answer in codes: fields, why a row is
refused, why a file is refused, what a row is. One place, so the pages and the report agree."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.domain import import_values as iv
from desktop.services.imports.table_import import RowProblem


def _t(text: str) -> str:
    return QCoreApplication.translate("Import", text)


def field_name(field: str) -> str:
    names = {
        iv.ACCOUNT_NAME: _t("Account name"),
        iv.INDUSTRY: _t("Industry"),
        iv.ADDRESS: _t("Address"),
        iv.PERSON_NAME: _t("Person's name"),
        iv.PHONE: _t("Phone"),
        iv.TITLE: _t("Title"),
        iv.DEPARTMENT: _t("Department"),
        iv.EMAIL: _t("Email"),
        iv.PURSUIT_TITLE: _t("Pursuit title"),
        iv.AMOUNT: _t("Amount"),
        iv.CURRENCY: _t("Currency"),
        iv.STAGE: _t("Stage"),
        iv.EXPECTED_CLOSE: _t("Expected close"),
        iv.OWNER: _t("Owner"),
        iv.NEXT_STEP: _t("Next step"),
        iv.NOTES: _t("Notes"),
    }
    return names.get(field, field)


def problem_text(problem: RowProblem, encoding: str = "") -> str:
    field = field_name(problem.field) if problem.field else ""
    texts = {
        "required": _t("{field} is missing"),
        "amount": _t('{field} not understood: "{text}"'),
        "date": _t('{field} is not a date: "{text}"'),
        "date_ambiguous": _t('{field} is ambiguous: "{text}" (day/month or month/day?)'),
        "stage": _t('{field} not understood: "{text}" (1–8 or the name of a stage)'),
        "currency": _t('{field} not understood: "{text}"'),
        "too_long": _t("{field} is too long"),
        "encoding": _t("this row is not in {encoding} (a file of mixed encodings?)"),
    }
    text = texts.get(problem.code, "{field}: {text}")
    return text.format(field=field, text=problem.text, encoding=encoding.upper() or "?")


def file_refusal(code: str, detail: str) -> str:
    """Why a file cannot be imported; each says that nothing changed."""
    texts = {
        "missing": _t("There is no file at {detail}."),
        "unreadable": _t("The file cannot be read: {detail}."),
        "too_big": _t("The file is larger than {detail}."),
        "too_many_rows": _t(
            "The sheet has more than {detail} rows. Split it and import the parts one by one."
        ),
        "zip_bomb": _t("{detail} would decompress to an abnormal size and is not opened."),
        "still_writing": _t(
            "{detail} is still being written (a download, copy or save in progress). Try again "
            "when it is done."
        ),
        "not_xlsx": _t("{detail} is not an Excel .xlsx file."),
        "damaged": _t("{detail} is damaged or incomplete (still being copied?)."),
        "no_sheet": _t("There is no sheet to import: {detail}."),
        "no_header": _t("No header row was found in {detail}."),
        "bad_encoding": _t("Unsupported encoding: {detail}."),
        "xls": _t("Old .xls files cannot be read: save it as .xlsx or .csv in Excel or WPS first."),
        "format": _t("Use an .xlsx, .csv or .vcf file."),
        "no_cards": _t("{detail} holds no contact cards."),
    }
    text = texts.get(code, texts["unreadable"]).format(detail=detail)
    return text + " " + _t("Nothing was changed.")


def match_reason(reason: str, row: int) -> str:
    if row:
        return _t("repeats row {row}").format(row=row)
    return {
        "company": _t("same company"),
        "phone": _t("same phone"),
        "email": _t("same email"),
        "name": _t("same name"),
        "title": _t("same pursuit of this account"),
    }.get(reason, reason)
