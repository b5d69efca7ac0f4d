"""Sync commands of the `pursuit` command (registered in cli.EXTRA_COMMANDS).

    pursuit export --db PATH --out FILE [--force] [--pursuit ID ...] [--name NAME]
                   [--passphrase-env VAR | --no-encryption]
    pursuit import --db PATH FILE [--passphrase-env VAR] [--dry-run]

The passphrase comes from the named environment variable, or is asked for on a terminal; a plain
file is written only with --no-encryption. Each command prints one line (a dry run prints its
preview per kind of record first). Exit codes: 0 done, 1 refused (a bad file, a wrong passphrase,
a database that cannot be used: nothing was changed), 2 usage.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli_messages import EXIT_OK, fail, is_zh, os_reason, say

IMPORT_CODES = {
    "not_bundle",
    "too_new",
    "damaged",
    "wrong_passphrase",
    "needs_passphrase",
    "kdf_too_costly",
    "foreign_changes",
    "too_large",
    "unreadable",
    "clock_ahead",
}

if TYPE_CHECKING:
    from desktop.services.sync.bundle import BundleError
    from desktop.services.sync.importer import Preview


def _passphrase(args: argparse.Namespace, *, confirm: bool) -> tuple[str | None, int | None]:
    """The passphrase from --passphrase-env, or typed on a terminal; (None, exit) on failure."""
    if args.passphrase_env:
        value = os.environ.get(args.passphrase_env, "")
        if not value:
            return None, fail(args, "passphrase_env", var=args.passphrase_env)
        return value, None
    if not sys.stdin.isatty():
        return None, None
    first = getpass.getpass("口令：" if is_zh(args) else "Passphrase: ")
    if confirm:
        again = getpass.getpass("再输入一次：" if is_zh(args) else "Again: ")
        if again != first:
            return None, fail(args, "passphrase_mismatch")
    return first, None


def cmd_export(args: argparse.Namespace) -> int:
    from desktop.cli import open_workspace, record_named, refuse_output
    from desktop.services.errors import InvalidInput, StorageError
    from desktop.services.sync import export
    from desktop.services.sync.bundle import BundleError

    passphrase = None
    if not args.no_encryption:
        passphrase, code = _passphrase(args, confirm=True)
        if code is not None:
            return code
        if passphrase is None:
            return fail(args, "passphrase_needed")
        if len(passphrase.strip()) < export.MIN_PASSPHRASE:
            return fail(args, "passphrase_short")
    if (code := refuse_output(args, Path(args.out), "sync")) is not None:
        return code
    ws, code = open_workspace(args, create=False, read_only=True)
    if ws is None:
        return code
    try:
        chosen: list[str] = []
        for text in args.pursuit or ():
            pursuit_id, code = record_named(args, ws, "pursuit", text)
            if pursuit_id is None:
                return code
            chosen.append(pursuit_id)
        report = export.export_bundle(
            ws,
            Path(args.out),
            passphrase=passphrase,
            encrypt=not args.no_encryption,
            pursuits=chosen or None,
            site_name=args.name,
            files=not args.no_files,
        )
    except BundleError as exc:
        return fail(
            args,
            "verify_failed" if exc.code == "verify_failed" else "cannot_write",
            path=args.out,
            detail=_detail(args, exc),
        )
    except InvalidInput as exc:
        return fail(args, "cannot_write", path=args.out, detail=str(exc))
    except OSError as exc:
        return fail(args, "cannot_write", path=args.out, detail=os_reason(args, exc))
    except StorageError as exc:
        return fail(args, "cannot_write", path=args.db, detail=str(exc))
    finally:
        ws.close()
    size = f"{report.bytes / 1e6:.1f} MB"
    if is_zh(args):
        how = "已加密" if report.encrypted else "未加密"
        seconds = f"{report.seconds:.1f}"
        print(f"已导出 {report.records:,} 条记录到 {report.path}（{size}，{how}，{seconds} 秒）")
    else:
        how = "encrypted" if report.encrypted else "NOT encrypted"
        print(
            f"exported {report.records:,} records to {report.path} ({size}, {how}, "
            f"{report.seconds:.1f} s)"
        )
    carried = report.files
    if carried is not None and carried.path is not None:  # the documents' files, beside it
        key = "carried_files_one" if carried.files == 1 else "carried_files"
        print(say(args, key, count=carried.files, path=carried.path))
    return EXIT_OK


def _detail(args: argparse.Namespace, exc: BundleError) -> str:
    """A sync file's problem in detail: the reason a file could not be read or written in the
    user's words when the system gave one (the bundle keeps its OSError as the cause)."""
    from desktop.services import os_errors

    return os_reason(args, exc) if os_errors.os_error_in(exc) is not None else exc.detail


KIND_WIDTH = 20


def _preview_lines(args: argparse.Namespace, preview: Preview) -> list[str]:
    zh = is_zh(args)
    head = (
        ("记录类型", "新增", "更新", "待审", "拒收")
        if zh
        else ("kind", "new", "updated", "to review", "rejected")
    )
    rows = [f"{head[0]:<{KIND_WIDTH}}" + "".join(f"{h:>11}" for h in head[1:])]
    for kind, counts in preview.counts.items():
        numbers = (counts.new, counts.updated, counts.conflicts, counts.rejected)
        if any(numbers):
            rows.append(f"{kind:<{KIND_WIDTH}}" + "".join(f"{n:>11,}" for n in numbers))
    for kind, record_id, reason in preview.rejected:
        rows.append(("  拒收 " if zh else "  rejected ") + f"{kind} {record_id}: {reason}")
    return rows


def cmd_import(args: argparse.Namespace) -> int:
    from desktop.cli import open_workspace
    from desktop.services.errors import StorageError
    from desktop.services.sync import bundle, importer
    from desktop.services.sync.bundle import BundleError

    source = Path(args.file).expanduser()
    if not source.exists():
        return fail(args, "no_file", path=source)
    try:
        header = importer.inspect(source)
    except BundleError as exc:
        return fail(args, exc.code, then="nothing_imported", path=source, detail=_detail(args, exc))
    passphrase = None
    if not header.encrypted:
        print(f"pursuit: {say(args, 'plain_file', path=source)}", file=sys.stderr)
    if header.encrypted:
        passphrase, code = _passphrase(args, confirm=False)
        if code is not None:
            return code
        if passphrase is None:
            return fail(args, "needs_passphrase", then="nothing_imported")
    if header.encrypted and not Path(args.db).expanduser().exists():
        try:  # a wrong passphrase must not leave an empty database behind
            bundle.unlock(header, passphrase)
        except BundleError as exc:
            return fail(
                args, exc.code, then="nothing_imported", path=source, detail=_detail(args, exc)
            )
    # A writing command creates the database at a new path (a new laptop imports its first
    # file this way); a dry run changes nothing, so it does not create one either.
    ws, code = open_workspace(args, create=not args.dry_run)
    if ws is None:
        return code
    try:
        report = importer.import_bundle(ws, source, passphrase, dry_run=args.dry_run)
    except BundleError as exc:
        return fail(
            args,
            exc.code if exc.code in IMPORT_CODES else "damaged",
            then="nothing_imported",
            **({"path": source, "detail": _detail(args, exc)} | exc.values),
        )
    except StorageError as exc:
        return fail(args, exc.code, path=args.db, detail=str(exc))
    finally:
        ws.close()
    preview = report.preview
    zh = is_zh(args)
    who = preview.source_name or preview.source_site[:8]
    totals = [preview.total(n) for n in ("new", "updated", "conflicts", "rejected")]
    if preview.already_imported:
        print(
            f"{source} 已经导入过，没有新内容。"
            if zh
            else f"{source} was imported before; nothing new."
        )
        return EXIT_OK
    if args.dry_run:
        for line in _preview_lines(args, preview):
            print(line)
        print(
            (
                "试运行（{0}）：新增 {1:,}，更新 {2:,}，待审 {3:,}，拒收 {4:,}；"
                "数据库未做任何更改。"
                if zh
                else "dry run ({0}): {1:,} new, {2:,} updated, {3:,} to review, {4:,} rejected; "
                "nothing was changed."
            ).format(who, *totals)
        )
        return EXIT_OK
    backup = (
        f"备份：{report.backup}"
        if zh and report.backup
        else (f"backup: {report.backup}" if report.backup else "")
    )
    print(
        (
            "已导入 {0}（来自 {1}）：新增 {2:,}，更新 {3:,}，待审 {4:,}，拒收 {5:,}"
            "（{6:.1f} 秒）{7}"
            if zh
            else "imported {0} from {1}: {2:,} new, {3:,} updated, {4:,} to review, {5:,} rejected "
            "({6:.1f} s){7}"
        ).format(source.name, who, *totals, report.seconds, ("; " + backup) if backup else "")
    )
    return EXIT_OK


def register(command: Callable[..., argparse.ArgumentParser]) -> None:
    from desktop.cli import add_force

    export = command(
        "export", cmd_export, "write a sync file (encrypted) for another copy of Pursuit"
    )
    export.add_argument("--out", required=True, help="the file to write")
    add_force(export)
    export.add_argument(
        "--pursuit",
        action="append",
        metavar="ID",
        help="only this pursuit: its id or the start of it, as `pursuit agenda` shows it "
        "(repeatable)",
    )
    export.add_argument("--name", help="who this database is, shown to whoever imports the file")
    export.add_argument(
        "--no-files",
        action="store_true",
        help="leave the documents' files out (their records still go)",
    )
    secret = export.add_mutually_exclusive_group()
    secret.add_argument("--passphrase-env", metavar="VAR", help="read the passphrase from $VAR")
    secret.add_argument(
        "--no-encryption", action="store_true", help="write a plain file (not recommended)"
    )
    imp = command("import", cmd_import, "merge a sync file into the database")
    imp.add_argument("file", help="the sync file")
    imp.add_argument("--passphrase-env", metavar="VAR", help="read the passphrase from $VAR")
    imp.add_argument(
        "--dry-run", action="store_true", help="show what would change, change nothing"
    )
