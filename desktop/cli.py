"""The `pursuit` command: the GUI by default, and headless commands for scripts and support.

    pursuit [--db PATH] [--lang zh_CN|en]          open the app
    pursuit demo --db PATH [--scale N] [--seed S]  fill a database with demo data
    pursuit check --db PATH                        schema version, row counts, integrity check
    pursuit backup --db PATH [--out FILE]          online backup (default: backups/ beside it)
    pursuit restore --db PATH --from FILE          restore a backup (backs up the current first)
    pursuit --version

Commands that write create and migrate a database at a new path; commands that only read refuse
a path where there is none. Failures print one clear line and exit non-zero, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from desktop import APP_NAME, __version__

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2

# One line per failure, in the user's language (--lang, else $LANG).
MESSAGES = {
    "db_missing": ("找不到数据库:{path}", "No database at {path}."),
    "not_pursuit_db": (
        "{path} 不是 Pursuit 数据库,未做任何更改。",
        "{path} is not a Pursuit database. Nothing was changed.",
    ),
    "db_too_new": (
        "{path} 由更新版本的 Pursuit 创建,请升级程序。未做任何更改。",
        "{path} was written by a newer version of Pursuit; please update. Nothing was changed.",
    ),
    "db_read_only": ("数据库只读,无法写入:{path}", "The database is read-only: {path}"),
    "disk_full": ("磁盘已满,未保存任何更改。", "The disk is full. Nothing was saved."),
    "storage": ("无法打开数据库 {path}:{detail}", "Cannot open the database {path}: {detail}"),
    "db_locked": (
        "数据库正在被另一个 Pursuit 窗口使用(进程 {pid}),请先关闭它。未做任何更改。",
        "The database is open in another Pursuit window (process {pid}); close it "
        "first. Nothing was changed.",
    ),
    "bad_scale": (
        "--scale 必须是 1 到 1000000 之间的整数。",
        "--scale must be a whole number 1–1000000.",
    ),
}


def language(args: argparse.Namespace) -> str:
    if getattr(args, "lang", None):
        return str(args.lang)
    env = os.environ.get("LC_ALL") or os.environ.get("LANG") or ""
    return "zh_CN" if env.startswith("zh") else "en"


def fail(args: argparse.Namespace, code: str, **values: object) -> int:
    zh, en = MESSAGES.get(code, MESSAGES["storage"])
    text = (zh if language(args).startswith("zh") else en).format(**({"detail": ""} | values))
    print(f"pursuit: {text}", file=sys.stderr)
    return EXIT_PROBLEM


def held_elsewhere(args: argparse.Namespace) -> int | None:
    """The pid of another instance holding the database's lock, or None (then we hold it)."""
    from desktop.infra.instance_lock import DatabaseLock

    lock = DatabaseLock(Path(args.db).expanduser().resolve())
    if lock.acquire():
        args.lock = lock  # held until the process exits
        return None
    holder = lock.holder()
    return holder.pid if holder else 0


def open_workspace(args: argparse.Namespace, *, create: bool, read_only: bool = False):
    """The workspace at --db, or (None, exit code) with the reason printed."""
    from desktop.services.errors import StorageError
    from desktop.services.workspace import Workspace

    path = Path(args.db).expanduser()
    if not read_only and path.exists() and (pid := held_elsewhere(args)) is not None:
        return None, fail(args, "db_locked", pid=pid)
    try:
        return Workspace.open(path, create=create, read_only=read_only), EXIT_OK
    except StorageError as exc:
        return None, fail(args, exc.code, path=path, detail=str(exc))
    except OSError as exc:
        return None, fail(args, "storage", path=path, detail=exc.strerror or str(exc))


def cmd_demo(args: argparse.Namespace) -> int:
    from desktop.services import demo

    if not 1 <= args.scale <= 1_000_000:
        return fail(args, "bad_scale")
    ws, code = open_workspace(args, create=True)
    if ws is None:
        return code
    started = time.perf_counter()
    demo.fill_demo(ws, scale=args.scale, seed=args.seed)
    ws.close()
    size = Path(args.db).stat().st_size
    print(
        f"{args.scale} demo pursuits written to {args.db} in {time.perf_counter() - started:.1f} s "
        f"({size / 1e6:.1f} MB)"
    )
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from desktop.services import maintenance

    ws, code = open_workspace(args, create=False, read_only=True)
    if ws is None:
        return code
    report = maintenance.check(ws)
    ws.close()
    print(f"schema: {report.schema_revision} (this program: {report.head_revision})")
    for table, count in report.counts.items():
        print(f"  {table:<22} {count:>9}")
    print(f"integrity: {report.integrity}")
    for problem in report.problems:
        print(f"problem: {problem}")
    return EXIT_OK if report.ok else EXIT_PROBLEM


def cmd_backup(args: argparse.Namespace) -> int:
    from desktop.services import backup

    ws, code = open_workspace(args, create=False)
    if ws is None:
        return code
    started = time.perf_counter()
    try:
        info = backup.make_backup(ws, "manual", Path(args.out) if args.out else None)
    except OSError as exc:
        return fail(args, "storage", path=args.out or args.db, detail=exc.strerror or str(exc))
    finally:
        ws.close()
    print(
        f"backup written to {info.path} ({info.size / 1e6:.1f} MB, "
        f"{time.perf_counter() - started:.2f} s)"
    )
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from desktop.services import backup
    from desktop.services.errors import StorageError

    source = Path(args.source).expanduser()
    if not source.exists():
        return fail(args, "db_missing", path=source)
    db_path = Path(args.db).expanduser().resolve()
    if (pid := held_elsewhere(args)) is not None:
        return fail(args, "db_locked", pid=pid)
    try:
        safety = backup.restore(db_path, source.resolve())
    except StorageError as exc:
        return fail(args, exc.code, path=source, detail=str(exc))
    print(f"restored {db_path} from {source}; the previous state was saved to {safety.path}")
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    from desktop.app import run

    return run(db=args.db, lang=args.lang, smoke_test=args.smoke_test)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pursuit", description=f"{APP_NAME} {__version__}")
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

    demo = command("demo", cmd_demo, "fill a database with demo data")
    demo.add_argument("--scale", type=int, default=24, help="number of pursuits (default 24)")
    demo.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    command("check", cmd_check, "print schema version, row counts and SQLite's integrity check")
    backup = command("backup", cmd_backup, "write an online backup of the database")
    backup.add_argument("--out", help="backup file (default: backups/ beside the database)")
    restore = command(
        "restore",
        cmd_restore,
        "replace the database with a backup (the current state is backed up first)",
    )
    restore.add_argument("--from", dest="source", required=True, help="backup file to restore")
    for register in EXTRA_COMMANDS:
        register(command)
    return parser


# Later features add their sub-commands here: each is called with `command(name, handler, help)`.
EXTRA_COMMANDS: list[Callable[..., None]] = []

from desktop import cli_visits  # noqa: E402  (print-plan, export-ics)

EXTRA_COMMANDS.append(cli_visits.register)

from desktop import cli_sync  # noqa: E402  (export, import)

EXTRA_COMMANDS.append(cli_sync.register)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
