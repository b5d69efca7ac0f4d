"""The `pursuit` command: the GUI by default, and headless commands for scripts and support.

    pursuit [--db PATH] [--lang zh_CN|en]          open the app
    pursuit demo --db PATH [--scale N] [--seed S]  fill a database with demo data (in --lang)
    pursuit check --db PATH                        schema version, row counts, integrity check
    pursuit backup --db PATH [--out FILE [--force]]  online backup (default: backups/ beside it)
    pursuit restore --db PATH --from FILE          restore a backup (backs up the current first)
    pursuit agenda --db PATH [--days N]            overdue, today and the coming days (cli_agenda)
    pursuit list --db PATH [--search TEXT]         accounts and pursuits with their ids (cli_list)
    pursuit --version

Commands that write create and migrate a database at a new path, and one that fails leaves nothing
there (`discard_new_database`); commands that only read refuse a path where there is none. `backup`
only reads, so it runs while the app has the database open. Failures print one clear line and exit
non-zero, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from desktop import APP_NAME, __version__
from desktop.cli_messages import (
    EXIT_OK,
    EXIT_PROBLEM,
    EXIT_USAGE,
    fail,
    language,
    os_reason,
    say,
)

if TYPE_CHECKING:
    from desktop.services.maintenance import CheckReport
    from desktop.services.workspace import Workspace


def lock_database(args: argparse.Namespace, path: Path) -> int | None:
    """Take the database's lock for this process; None when held, else the exit code (said).

    Taken before a new database file is created, so two commands on one new path cannot both
    go ahead; `adopt_lock` then adds the lock on the new file's identity.
    """
    from desktop.infra.instance_lock import READ_ONLY, DatabaseLock

    lock = DatabaseLock(path.expanduser().resolve())
    if lock.acquire():
        args.lock = lock  # held until the process exits
        return None
    if lock.problem == READ_ONLY:
        return fail(args, "db_read_only", path=path)
    if lock.problem is not None:
        return fail(
            args,
            lock.problem,
            path=lock.path if lock.problem != "folder_missing" else lock.path.parent,
        )
    holder = lock.holder()
    return fail(args, "db_locked", pid=holder.pid if holder else "?")


def adopt_lock(args: argparse.Namespace) -> int | None:
    """After creating a database file: lock its identity too (see lock_database)."""
    lock = getattr(args, "lock", None)
    if lock is None or lock.adopt():
        return None
    holder = lock.holder()
    return fail(args, "db_locked", pid=holder.pid if holder else "?")


def open_workspace(
    args: argparse.Namespace, *, create: bool, read_only: bool = False
) -> tuple[Workspace, int] | tuple[None, int]:
    """The workspace at --db, or (None, exit code) with the reason printed."""
    from desktop.services.errors import StorageError
    from desktop.services.workspace import Workspace

    path = Path(args.db).expanduser()
    if not read_only and (path.exists() or create):
        if create and not path.exists():
            note_new_database(args, path)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                return None, fail(args, "storage", path=path, detail=os_reason(args, exc))
        if (code := lock_database(args, path)) is not None:
            return None, code
    try:
        ws = Workspace.open(path, create=create, read_only=read_only)
    except StorageError as exc:
        return None, fail(args, exc.code, path=path, detail=str(exc))
    except (OSError, sqlite3.Error) as exc:
        return None, fail(args, "storage", path=path, detail=os_reason(args, exc))
    if not read_only and (code := adopt_lock(args)) is not None:
        ws.close()
        return None, code
    return ws, EXIT_OK


def note_new_database(args: argparse.Namespace, path: Path) -> None:
    """Before creating the database at `path`: what to take away if the command fails
    (`run_command`), so a failed command leaves no empty database or sidecar behind."""
    from desktop.storage.new_database import NewDatabase

    args.new_database = NewDatabase(path)


def discard_new_database(args: argparse.Namespace) -> None:
    """After a failed command: remove the database it created (closed by the command by now)."""
    new = getattr(args, "new_database", None)
    if new is None:
        return
    lock = getattr(args, "lock", None)
    if lock is None:
        # Refused the lock: what appeared at the path is another command's, being made now.
        new.discard_folders()
        return
    lock.release()  # its lock files go with it; nobody can have opened the new file meanwhile
    new.discard()


def refuse_output(args: argparse.Namespace, out: Path, kind: str) -> int | None:
    """None when `kind` may be written at `out`; else the exit code, the reason said.

    Never over the database (--db) or its files; over another database, a backup or another
    kind of file only with --force (services.reports.safe_output).
    """
    from desktop.services.reports.safe_output import OutputKind, check_output

    problem = check_output(
        out,
        OutputKind(kind),
        database=getattr(args, "db", None),
        overwrite=bool(getattr(args, "force", False)),
    )
    if problem is not None:
        return fail(args, f"out_{problem.reason}", path=out, kind=say(args, f"kind_{kind}"))
    return refuse_unwritable(args, out)


def refuse_unwritable(args: argparse.Namespace, out: Path) -> int | None:
    """None when a file can be made in `out`'s folder (or the folder is still to be made);
    else the exit code, the system's reason said in the user's words.

    Asked before the database is opened, of the system itself: SQLite, which writes a backup,
    says only "unable to open database file" of a read-only disk or a folder without permission.
    """
    folder = out.expanduser().parent
    if not folder.is_dir():
        return None  # made by the command (backup), or refused by it in its own words
    try:
        # Made and gone again at once (deleted on close): only whether it can be made counts.
        tempfile.NamedTemporaryFile(dir=folder, prefix=f".{out.name}.", suffix=".probe").close()
    except OSError as exc:
        return fail(args, "cannot_write", path=out, detail=os_reason(args, exc))
    return None


def record_named(
    args: argparse.Namespace,
    ws: Workspace,
    kind: str,
    text: str,
    *,
    missing: str = "",
) -> tuple[str | None, int]:
    """The one pursuit, account or visit (`kind`) that `text` names — its id or the start of
    it, 4 characters or more, as `pursuit list` and `pursuit agenda` show it (#3f2a9c1b) — or
    (None, exit code) with the reason said; `missing` is the command's own message for none."""
    from desktop.services import records

    found = records.ids_named(ws, kind, text)
    if len(found) == 1:
        return found[0], EXIT_OK
    if found:
        return None, fail(args, f"{kind}_ambiguous", id=text)
    return None, fail(args, missing or f"no_{kind}", id=text, detail=text)


def cmd_demo(args: argparse.Namespace) -> int:
    from desktop.services import demo
    from desktop.services.errors import StorageError, translate_error

    if not 1 <= args.scale <= 1_000_000:
        return fail(args, "bad_scale")
    path = Path(args.db).expanduser()
    if not path.exists():
        return _demo_new(args, path)
    ws, code = open_workspace(args, create=True)
    if ws is None:
        return code
    started = time.perf_counter()
    try:
        demo.fill_demo(ws, scale=args.scale, seed=args.seed, lang=language(args))
    except StorageError as exc:  # a full disk above all: nothing of the failed batch is kept
        return fail(args, exc.code, path=args.db, detail=str(exc))
    except (OSError, sqlite3.Error) as exc:
        mapped = translate_error(exc)
        return fail(
            args, mapped.code if mapped else "storage", path=args.db, detail=os_reason(args, exc)
        )
    finally:
        ws.close()
    return _demo_written(args, started)


def _demo_new(args: argparse.Namespace, path: Path) -> int:
    """Demo data in a new database: built whole beside `path` and put there when done
    (`demo.build_demo`); a failure leaves nothing at `path`."""
    from desktop.services import demo
    from desktop.services.errors import StorageError, translate_error

    note_new_database(args, path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return fail(args, "storage", path=path, detail=os_reason(args, exc))
    if (code := lock_database(args, path)) is not None:
        return code
    started = time.perf_counter()
    try:
        demo.build_demo(path, scale=args.scale, seed=args.seed, lang=language(args))
    except StorageError as exc:  # a full disk above all
        return fail(args, exc.code, path=args.db, detail=str(exc))
    except (OSError, sqlite3.Error) as exc:
        mapped = translate_error(exc)
        return fail(
            args, mapped.code if mapped else "storage", path=args.db, detail=os_reason(args, exc)
        )
    if (code := adopt_lock(args)) is not None:
        return code
    return _demo_written(args, started)


def _demo_written(args: argparse.Namespace, started: float) -> int:
    size = Path(args.db).stat().st_size
    seconds = f"{time.perf_counter() - started:.1f}"
    print(
        say(
            args,
            "demo_written",
            count=args.scale,
            path=args.db,
            seconds=seconds,
            size=f"{size / 1e6:.1f}",
        )
    )
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from desktop.services import maintenance
    from desktop.services.errors import StorageError

    ws, code = open_workspace(args, create=False, read_only=True)
    if ws is None:
        return code
    try:
        report = maintenance.check(ws)
    except StorageError as exc:
        return fail(args, exc.code, path=args.db, detail=str(exc))
    except sqlite3.Error as exc:  # damaged beyond what the integrity check can report
        return fail(args, "not_pursuit_db", path=args.db, detail=os_reason(args, exc))
    finally:
        ws.close()
    for line in check_lines(args, report):
        print(line)
    return EXIT_OK if report.ok else EXIT_PROBLEM


def check_lines(args: argparse.Namespace, report: CheckReport) -> list[str]:
    """What `check` found, in the user's language; the tables keep the database's own names
    (a support engineer's words, the same in both languages)."""
    lines = [
        say(args, "check_schema", revision=report.schema_revision, head=report.head_revision),
        say(args, "check_counts"),
    ]
    lines += [f"  {table:<22} {count:>9}" for table, count in report.counts.items()]
    ok = report.integrity == "ok"
    result = say(args, "check_integrity_ok") if ok else report.integrity  # SQLite's own report
    lines.append(say(args, "check_integrity", result=result))
    problems = []
    if not ok:
        problems.append(say(args, "problem_integrity", detail=report.integrity))
    if report.broken_references:
        problems.append(say(args, "problem_references", count=report.broken_references))
    if report.schema_revision != report.head_revision:
        problems.append(
            say(args, "problem_schema", revision=report.schema_revision, head=report.head_revision)
        )
    lines += [say(args, "check_problem", problem=problem) for problem in problems]
    return lines


def cmd_backup(args: argparse.Namespace) -> int:
    from desktop.services import backup
    from desktop.services.errors import StorageError

    if args.out and (code := refuse_output(args, Path(args.out), "backup")) is not None:
        return code
    # Read-only, so without the writers' lock: a backup only reads (SQLite's online backup API
    # copies a consistent state while the window keeps writing), and it is most wanted then.
    ws, code = open_workspace(args, create=False, read_only=True)
    if ws is None:
        return code
    started = time.perf_counter()
    try:
        info = backup.make_backup(ws, "manual", Path(args.out) if args.out else None)
    except StorageError as exc:  # DiskFull: the half-made copy is removed
        return fail(args, exc.code, path=args.out or args.db, detail=str(exc))
    except OSError as exc:
        if args.out:  # the database was read: the file to write is what failed
            return fail(args, "cannot_write", path=args.out, detail=os_reason(args, exc))
        return fail(args, "storage", path=args.db, detail=os_reason(args, exc))
    finally:
        ws.close()
    seconds = f"{time.perf_counter() - started:.2f}"
    print(
        say(args, "backup_written", path=info.path, size=f"{info.size / 1e6:.1f}", seconds=seconds)
    )
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from desktop.services import backup
    from desktop.services.errors import StorageError

    source = Path(args.source).expanduser()
    try:  # asked of the system first, so an unreadable backup is not taken for the database
        source.open("rb").close()
    except FileNotFoundError:
        return fail(args, "db_missing", path=source)
    except OSError as exc:
        return fail(args, "unreadable", path=source, detail=os_reason(args, exc))
    db_path = Path(args.db).expanduser().resolve()
    if (code := lock_database(args, db_path)) is not None:
        return code
    try:
        safety = backup.restore(db_path, source.resolve())
    except StorageError as exc:
        return fail(args, exc.code, path=source, detail=str(exc))
    except (OSError, sqlite3.Error) as exc:
        return fail(args, "storage", path=db_path, detail=os_reason(args, exc))
    print(say(args, "restored", path=db_path, source=source, safety=safety.path))
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    from desktop.app import run

    return run(db=args.db, lang=args.lang, smoke_test=args.smoke_test)


class Parser(argparse.ArgumentParser):
    """argparse with one line per mistake, like every other failure of the command."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="pursuit", description=f"{APP_NAME} {__version__}")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--db", help="database file (default: the one in the user data folder)")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="user interface language")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="open a new database in a temporary folder, exercise it, exit 0",
    )
    parser.set_defaults(handler=cmd_gui)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(
        name: str,
        handler: Callable[[argparse.Namespace], int],
        help_text: str,
        *,
        db_required: bool = True,
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument(
            "--db", required=db_required, default=argparse.SUPPRESS, help="database file"
        )
        sub.add_argument("--lang", choices=["zh_CN", "en"], default=argparse.SUPPRESS)
        sub.set_defaults(handler=handler)
        return sub

    demo = command(
        "demo", cmd_demo, "fill a database with demo data in --lang (else the locale's language)"
    )
    demo.add_argument("--scale", type=int, default=24, help="number of pursuits (default 24)")
    demo.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    command("check", cmd_check, "print schema version, row counts and SQLite's integrity check")
    backup = command("backup", cmd_backup, "write an online backup of the database")
    backup.add_argument("--out", help="backup file (default: backups/ beside the database)")
    add_force(backup)
    restore = command(
        "restore",
        cmd_restore,
        "replace the database with a backup (the current state is backed up first)",
    )
    restore.add_argument("--from", dest="source", required=True, help="backup file to restore")
    for register in EXTRA_COMMANDS:
        register(command)
    return parser


def add_force(sub: argparse.ArgumentParser) -> None:
    """--force: write over an existing file of another kind (never over the database itself)."""
    sub.add_argument(
        "--force",
        action="store_true",
        help="write over an existing database, backup or other kind of file at --out",
    )


# Later features add their sub-commands here: each is called with `command(name, handler, help)`.
EXTRA_COMMANDS: list[Callable[..., None]] = []

from desktop import cli_visits  # noqa: E402  (print-plan, export-ics)

EXTRA_COMMANDS.append(cli_visits.register)

from desktop import cli_sync  # noqa: E402  (export, import)

EXTRA_COMMANDS.append(cli_sync.register)

from desktop import cli_agenda  # noqa: E402  (agenda)

EXTRA_COMMANDS.append(cli_agenda.register)

from desktop import cli_folder  # noqa: E402  (sync: one round with the team folder)

EXTRA_COMMANDS.append(cli_folder.register)

from desktop import cli_import  # noqa: E402  (import-table, import-vcard, export-vcard, -table)

EXTRA_COMMANDS.append(cli_import.register)

from desktop import cli_list  # noqa: E402  (list: accounts and pursuits with their ids)

EXTRA_COMMANDS.append(cli_list.register)


# A Unix tool whose reader has gone (`pursuit check | head -1`) dies of SIGPIPE, which a shell
# reports as 128 + 13; Python ignores the signal and raises BrokenPipeError instead.
EXIT_READER_GONE = 141


def main(argv: Sequence[str] | None = None) -> int:
    try:
        try:
            return run_command(argv)
        finally:
            if sys.stdout is not None:  # None under pythonw
                sys.stdout.flush()  # a reader that has gone shows here, not at Python's exit
    except BrokenPipeError:
        return reader_gone()


def run_command(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    code = EXIT_PROBLEM  # what a failure that escapes the command below ends with
    try:
        code = int(args.handler(args))
        return code
    except BrokenPipeError:
        code = EXIT_OK  # the command ran: only the reader of its output has gone (main)
        raise
    except KeyboardInterrupt:
        code = 130
        return code
    except Exception as exc:  # never a traceback for the user; PURSUIT_DEBUG=1 shows it
        if os.environ.get("PURSUIT_DEBUG"):
            raise
        if isinstance(exc, OSError) and exc.filename:
            # A file no command foresaw failing (a folder without permission on the way to it):
            # which one and why, in the user's words, rather than "unexpected PermissionError".
            return fail(args, "file_failed", path=exc.filename, detail=os_reason(args, exc))
        return fail(args, "unexpected", detail=type(exc).__name__)
    finally:
        if code != EXIT_OK:  # a failed command leaves no database it created behind
            discard_new_database(args)


def reader_gone() -> int:
    """Stop quietly, as Unix tools do when the reader of their output has gone; what is still
    buffered goes to the null device, so Python's flush at exit has nothing to complain of."""
    # No stdout, or one without a descriptor: nothing is buffered for it either.
    with contextlib.suppress(OSError, AttributeError, ValueError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    return EXIT_READER_GONE


if __name__ == "__main__":
    sys.exit(main())
