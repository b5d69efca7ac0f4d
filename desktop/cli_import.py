"""Import and export of a rep's own tables and contacts on the command line (cli.EXTRA_COMMANDS).

    pursuit import-table --db PATH FILE --kind accounts|people|pursuits [--sheet NAME]
                         [--encoding ENC] [--on-duplicate skip|update|update-all|create]
                         [--pursuit ID | --account ID] [--dry-run] [--lang zh_CN|en]
    pursuit import-vcard --db PATH FILE (--account ID | --pursuit ID) [--on-duplicate …]
                         [--dry-run]
    pursuit export-vcard --db PATH (--pursuit ID | --account ID) --out people.vcf [--force]
    pursuit export-table --db PATH --kind accounts|people --out FILE.xlsx|.csv [--force]

The same services as the Import wizard (services/imports): the file is read and checked, every
row previewed, then the rows are written in one transaction after a backup. It prints which file,
sheet and encoding were read and how the columns were mapped, one line per row that is not
imported (its number as the spreadsheet shows it, or the card's, and why) or is imported with a
warning (an email that is no email address), the accounts the import makes for companies no
account is named (新建客户 1 个：不存在的客户, with an account of a close name where there is one),
and a summary. `--on-duplicate update`
fills the empty fields of a record already there, `update-all` overwrites them with the row's
non-empty cells. `--kind pursuits` reads the mixed sheet too: a row's contact (联系人, 手机, …)
goes onto that pursuit's map. `--kind people` puts people onto the company each row names
(客户名称, found by name or made), onto one account with `--account` (no card on any map yet),
or onto a pursuit's map with `--pursuit`; `import-vcard` takes `--account` or `--pursuit`, each
named by its id or the start of it as `pursuit list` shows it (cli.record_named). Exit 0
when the import ran (rows with errors are reported, not fatal), 1 when the file or the database
refused it — then nothing was changed. `import-table` creates the database at a new path (not for
a dry run); a failed import leaves none there. `import-vcard` refuses a path with no database: the
account or pursuit its cards go onto must be there already.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli_messages import EXIT_OK, fail, file_reason, is_zh, os_reason, say
from desktop.services import os_errors

if TYPE_CHECKING:
    from desktop.services.imports.reading import Table
    from desktop.services.imports.table_import import PlannedRow, Preview, RowProblem

VCARD = "vCard"  # a table made of contact cards: its "encoding", as its lines' problems name it

POLICIES = {
    "skip": "skip",
    "update": "update_empty",
    "update-empty": "update_empty",
    "update-all": "update_all",
    "create": "create",
}


def _problem_text(args: argparse.Namespace, problem: RowProblem, encoding: str) -> str:
    field = say(args, f"field_{problem.field}") if problem.field else ""
    return say(
        args, f"problem_{problem.code}", field=field, text=problem.text, encoding=encoding or "?"
    )


def _row_line(args: argparse.Namespace, row: PlannedRow, encoding: str, cards: bool) -> str:
    """The line of a row refused, or imported with a warning; "" for a row that is just fine. A
    new account's close names are said in the line of new accounts, not again here."""
    sep = "；" if is_zh(args) else "; "
    if row.status == "error":
        why = sep.join(_problem_text(args, p, encoding) for p in row.problems)
        return say(
            args, "import_rejected_card" if cards else "import_rejected", row=row.number, why=why
        )
    warnings = row.own_warnings()
    if not warnings:
        return ""
    why = sep.join(
        say(args, f"warning_{w.code}", field=say(args, f"field_{w.field}"), text=w.text)
        for w in warnings
    )
    return say(args, "import_warned_card" if cards else "import_warned", row=row.number, why=why)


def _new_accounts_line(args: argparse.Namespace, made: list[tuple[str, tuple[str, ...]]]) -> str:
    """新建客户 2 个：不存在的客户，南京远科（已有相近的「南京远科证券科技有限公司」）"""
    zh = is_zh(args)
    names = [
        say(
            args,
            "import_new_account_close",
            name=name,
            close=("」「" if zh else '", "').join(close),
        )
        if close
        else name
        for name, close in made
    ]
    return say(
        args, "import_new_accounts", count=len(made), names=("，" if zh else ", ").join(names)
    )


def _file_error(args: argparse.Namespace, exc: Exception) -> int:
    code = getattr(exc, "code", "unreadable")
    detail = getattr(exc, "detail", "") or str(exc)
    if code == "unreadable":
        # The reader says only that it could not (or the system's English): name the file and
        # why, in the user's words, from the OSError it met or from the system asked again.
        path = Path(args.file).expanduser()
        why = os_reason(args, exc) if os_errors.os_error_in(exc) else file_reason(args, path)
        if why:
            detail = f"{path}（{why}）" if is_zh(args) else f"{path} ({why})"
    return fail(args, f"import_{code}", detail=detail)


def _report_reading(args: argparse.Namespace, table: Table, mapping: dict[int, str]) -> None:
    if table.encoding == VCARD:  # cards, not a sheet: no encoding or header row to tell
        what = say(args, "import_cards", count=len(table.rows))
        print(say(args, "import_file", path=table.path.name, what=what))
        return
    what = (
        say(args, "import_sheet", sheet=table.sheet)
        if table.sheet
        else say(args, "import_encoding", encoding=table.encoding.upper())
    )
    print(say(args, "import_file", path=table.path.name, what=what))
    hidden = [s.name for s in table.sheets if s.hidden]
    if hidden:
        print(say(args, "import_hidden_skipped", sheets="、".join(hidden)))
    sep = "，" if is_zh(args) else ", "
    mapped = sep.join(
        f"{table.headers[i]}→{say(args, f'field_{f}')}" for i, f in sorted(mapping.items())
    )
    print(say(args, "import_header", row=table.header_row, mapped=mapped))
    # Named, so a rep sees at once that 城市 or 网址 will not come in (the wizard shows them
    # unmapped; here nothing else would tell).
    ignored = [h for i, h in enumerate(table.headers) if h and i not in mapping]
    if ignored:
        print(say(args, "import_ignored", columns=sep.join(ignored)))
    from desktop.services.imports.table_import import may_be_misread

    if may_be_misread(table):
        print(say(args, "import_encoding_hint"))


def _run(
    args: argparse.Namespace,
    table: Table,
    kind: str,
    mapping: dict[int, str] | None,
    *,
    create: bool,
) -> int:
    from desktop.cli import open_workspace, record_named
    from desktop.services.errors import InvalidInput, NotFound, StorageError
    from desktop.services.imports import table_import as ti

    mapping = mapping if mapping is not None else ti.guess_mapping(table, kind)
    _report_reading(args, table, mapping)
    ws, code = open_workspace(args, create=create and not args.dry_run)
    if ws is None:
        return code
    try:
        # Named as `pursuit list` shows them (and `pursuit agenda` a pursuit): the start of the
        # id will do.
        if args.pursuit:
            args.pursuit, code = record_named(
                args, ws, "pursuit", args.pursuit, missing="import_no_pursuit"
            )
            if args.pursuit is None:
                return code
        if args.account:
            args.account, code = record_named(
                args, ws, "account", args.account, missing="import_no_account"
            )
            if args.account is None:
                return code
        try:
            plan: Preview = ti.preview(
                ws, table, kind, mapping, pursuit_id=args.pursuit, account_id=args.account
            )
        except NotFound:
            if args.pursuit:
                return fail(args, "import_no_pursuit", detail=args.pursuit)
            return fail(args, "import_no_account", detail=args.account)
        except InvalidInput as exc:
            if exc.code == "unmapped" and kind == "people" and exc.field == "account_name":
                return fail(args, "import_needs_pursuit")  # no company column and no target
            if exc.code == "unmapped":
                sep = "，" if is_zh(args) else ", "
                return fail(
                    args,
                    "import_unmapped",
                    field=say(args, f"field_{exc.field}"),
                    detail=sep.join(table.headers),
                )
            return fail(args, "import_needs_pursuit")
        cards = table.encoding == VCARD  # numbered as cards, not as the lines of a file
        lines = [_row_line(args, row, table.encoding, cards) for row in plan.rows]
        if any(lines):
            sys.stdout.write("\n".join(line for line in lines if line) + "\n")
        if made := plan.new_accounts():
            print(_new_accounts_line(args, made))
        if not any(r.status != ti.ERROR for r in plan.rows):
            print(
                say(
                    args,
                    "import_summary",
                    rows=len(plan.rows),
                    created=0,
                    updated=0,
                    skipped=0,
                    errors=plan.count(ti.ERROR),
                )
            )
            return fail(args, "import_nothing")
        policy = ti.Policy(POLICIES[args.on_duplicate])
        try:
            result = ti.run_import(ws, plan, policy, dry_run=bool(args.dry_run))
        except ti.RowFailed as exc:
            return fail(args, "import_row_failed", row=exc.row, detail=str(exc))
        except StorageError as exc:
            return fail(args, exc.code, path=args.db, detail=str(exc))
        print(
            say(
                args,
                "import_summary",
                rows=len(plan.rows),
                created=result.created_rows,
                updated=result.updated_rows,
                skipped=result.skipped,
                errors=result.errors,
            )
        )
        if result.backup is not None:
            print(say(args, "import_backup", path=result.backup))
        if result.dry_run:
            print(say(args, "import_dry_run"))
        return EXIT_OK
    finally:
        ws.close()


def cmd_import_table(args: argparse.Namespace) -> int:
    from desktop.services.imports import reading

    if args.kind != "people" and (args.pursuit or args.account):
        return fail(args, "import_target_people_only")
    try:
        table = reading.read_table(args.file, sheet=args.sheet, encoding=args.encoding)
    except reading.ImportFileError as exc:
        return _file_error(args, exc)
    # A first spreadsheet of accounts or pursuits may start a new database, as every writing
    # command does (README); a failed import leaves none behind (cli.discard_new_database).
    return _run(args, table, args.kind, None, create=True)


def cmd_import_vcard(args: argparse.Namespace) -> int:
    from desktop.services.imports import reading, vcards

    try:
        cards = vcards.read_vcards(args.file)
    except reading.ImportFileError as exc:
        return _file_error(args, exc)
    table = vcards.cards_table(Path(args.file), cards)
    table.encoding = VCARD
    # Cards go onto an account or a pursuit that must be there already: no new database.
    return _run(args, table, "people", dict(vcards.MAPPING), create=False)


def cmd_export_vcard(args: argparse.Namespace) -> int:
    from desktop.cli import open_workspace, record_named, refuse_output
    from desktop.services.errors import NotFound
    from desktop.services.imports import vcards

    out = Path(args.out).expanduser()
    if (code := refuse_output(args, out, "vcf")) is not None:
        return code
    ws, code = open_workspace(args, create=False, read_only=True)
    if ws is None:
        return code
    try:
        if args.account:
            account_id, code = record_named(
                args, ws, "account", args.account, missing="export_no_account"
            )
            if account_id is None:
                return code
            cards = vcards.account_cards(ws, account_id)
        else:
            pursuit_id, code = record_named(
                args, ws, "pursuit", args.pursuit, missing="import_no_pursuit"
            )
            if pursuit_id is None:
                return code
            cards = vcards.pursuit_cards(ws, pursuit_id)
    except NotFound:
        if args.account:
            return fail(args, "export_no_account", detail=args.account)
        return fail(args, "import_no_pursuit", detail=args.pursuit)
    finally:
        ws.close()
    try:
        count = vcards.write_vcards(out, cards)
    except OSError as exc:
        return fail(args, "cannot_write", path=out, detail=os_reason(args, exc))
    print(say(args, "export_people_written", count=count, path=out))
    return EXIT_OK


def cmd_export_table(args: argparse.Namespace) -> int:
    from desktop.cli import open_workspace, record_named, refuse_output
    from desktop.services.reports import spreadsheet_lists

    out = Path(args.out).expanduser()
    kind = "xlsx" if out.suffix.lower() == ".xlsx" else "csv"
    if (code := refuse_output(args, out, kind)) is not None:
        return code
    ws, code = open_workspace(args, create=False, read_only=True)
    if ws is None:
        return code
    try:
        if args.kind == "accounts":
            written = spreadsheet_lists.export_accounts(ws, out, is_zh(args))
        else:
            pursuit_id = None
            if args.pursuit:
                pursuit_id, code = record_named(
                    args, ws, "pursuit", args.pursuit, missing="no_pursuit"
                )
                if pursuit_id is None:
                    return code
            written = spreadsheet_lists.export_people(ws, out, is_zh(args), pursuit_id)
    except OSError as exc:
        return fail(args, "cannot_write", path=out, detail=os_reason(args, exc))
    finally:
        ws.close()
    print(say(args, "export_table_written", count=written.rows, path=out))
    return EXIT_OK


def register(command: Callable[..., argparse.ArgumentParser]) -> None:
    table = command(
        "import-table", cmd_import_table, "import accounts, people or pursuits from .xlsx/.csv"
    )
    table.add_argument("file", help="the .xlsx or .csv file")
    table.add_argument("--kind", required=True, choices=["accounts", "people", "pursuits"])
    table.add_argument("--sheet", help="the sheet of an .xlsx (default: the first visible one)")
    table.add_argument(
        "--encoding", help="of a .csv: utf-8, utf-8-sig, gb18030, big5, utf-16 (default: detect)"
    )
    for sub in (table, command("import-vcard", cmd_import_vcard, "import people from a .vcf")):
        if sub is not table:
            sub.add_argument("file", help="the .vcf file")
        sub.add_argument(
            "--on-duplicate",
            choices=list(POLICIES),
            default="skip",
            help="a row matching a record already there: skip (default), update (its empty "
            "fields), update-all, or create a new record anyway",
        )
        onto = sub.add_mutually_exclusive_group(required=sub is not table)
        onto.add_argument("--pursuit", help="people: the pursuit whose map they go onto")
        onto.add_argument(
            "--account",
            help="people: the account they go onto, with no card on a map yet: its id or the "
            "start of it, as `pursuit list` shows it"
            + (" (default: the company each row names)" if sub is table else ""),
        )
        sub.add_argument("--dry-run", action="store_true", help="show what would happen only")
    vcf = command(
        "export-vcard", cmd_export_vcard, "write a pursuit's or an account's people as a .vcf file"
    )
    whose = vcf.add_mutually_exclusive_group(required=True)
    whose.add_argument("--pursuit", help="the people on this pursuit's map")
    whose.add_argument(
        "--account",
        help="every person of this account, once each: its id or the start of it, as `pursuit "
        "list` shows it",
    )
    vcf.add_argument("--out", required=True)
    vcf.add_argument("--force", action="store_true", help="write over another kind of file")
    lists = command("export-table", cmd_export_table, "write the accounts or people as a table")
    lists.add_argument("--kind", required=True, choices=["accounts", "people"])
    lists.add_argument("--pursuit", help="only this pursuit's people")
    lists.add_argument("--out", required=True, help="an .xlsx or .csv file")
    lists.add_argument("--force", action="store_true", help="write over another kind of file")
