"""`pursuit agenda`: the rep's day on the command line (registered in cli.EXTRA_COMMANDS).

    pursuit agenda --db PATH [--days N] [--lang zh_CN|en] [--tz ZONE]

Prints what is overdue, due today and due in the next N days (default 7) across every pursuit — the
same read model as the Today screen (services.queries.agenda) — one line per item: when, kind,
subject, account · pursuit, and for a visit the start of its id ("#3f2a9c1b", which `print-plan
--visit` and `export-ics --visit` take). A pursuit's own next step is listed with the kind 下一步 /
Next step (and says only that when the rep gave it a date and no words), ending with the start of
the pursuit's id, which `print-plan --pursuit` and the other commands' `--pursuit` take (`pursuit
list` shows every pursuit's, and every account's, cli_list). It only reads the database
and exits 0; a bad option or a database that cannot be opened prints one clear line and exits 1. No
Qt is loaded, nor SQLAlchemy: the database is read through the sqlite3 driver (storage.snapshot) in
one read transaction.
"""

from __future__ import annotations

import argparse
import gc
import sqlite3
import sys
from collections.abc import Callable
from datetime import date, time, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli_messages import EXIT_OK, EXIT_PROBLEM, fail, is_zh, os_reason, say

if TYPE_CHECKING:
    from desktop.services.queries.agenda import Agenda

MAX_DAYS = 366
# Characters of a visit's (or a next step's pursuit's) id shown after its line: unique among
# thousands but for a rare tie, which print-plan names and a longer prefix (or the whole id)
# settles.
ID_SHOWN = 8


KIND_LABELS = {
    "call": ("电话", "Call"),
    "meeting": ("会议", "Meeting"),
    "email": ("邮件", "Email"),
    "task": ("任务", "Task"),
    "note_to_self": ("备忘", "Note"),
    "visit": ("拜访", "Visit"),
    "next_step": ("下一步", "Next step"),
}
# A next step with a date but no action (an older database can hold one), as Today says it.
UNWRITTEN_STEP = ("（未写明下一步）", "(next step not written)")
WEEKDAYS = (
    ("周一", "周二", "周三", "周四", "周五", "周六", "周日"),
    ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
)


def _day(value: date, zh: bool) -> str:
    return f"{value.isoformat()} {WEEKDAYS[0 if zh else 1][value.weekday()]}"


def _when(day: date, at: time | None, *, with_day: bool, zh: bool) -> str:
    clock = at.strftime("%H:%M") if at is not None else ("全天" if zh else "all day")
    return f"{day.isoformat()} {clock}" if with_day else clock


def _zone(name: str | None) -> tzinfo | None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(name) from None


def cmd_agenda(args: argparse.Namespace) -> int:
    # The read runs on the sqlite3 driver alone (storage.snapshot): SQLAlchemy and the ORM
    # would cost the command more than the read itself.
    from desktop.services.queries import agenda
    from desktop.storage.snapshot import Unreadable, read_snapshot

    if not 0 <= args.days <= MAX_DAYS:
        print(f"pursuit: {say(args, 'agenda_bad_days')}", file=sys.stderr)
        return EXIT_PROBLEM
    try:
        zone = _zone(args.tz)
    except ValueError:
        print(f"pursuit: {say(args, 'bad_zone', zone=args.tz)}", file=sys.stderr)
        return EXIT_PROBLEM
    path = Path(args.db).expanduser()
    # Some 100,000 rows read into tuples that make no cycles, then as many lines made of them:
    # the collector's passes over them would cost a third of the command's time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        try:
            with read_snapshot(path) as connection:
                result = agenda.read_agenda(connection, days=args.days, tz=zone)
        except Unreadable as exc:
            return fail(args, exc.code, path=path, detail=str(exc))
        except (OSError, sqlite3.Error) as exc:
            return fail(args, "storage", path=path, detail=os_reason(args, exc))
        _print(args, result)
    finally:
        if collecting:
            gc.enable()
    return EXIT_OK


def _print(args: argparse.Namespace, result: Agenda) -> None:
    from desktop.services.queries import agenda

    zh = is_zh(args)
    if not len(result):
        print(say(args, "agenda_nothing", days=args.days))
        return
    lines: list[str] = []
    # 90,000 lines at 50,000 pursuits: each distinct start of a line (when and kind) and place
    # is made once, not per line, and the items are indexed rather than asked (no property).
    labels = {kind: names[0 if zh else 1] for kind, names in KIND_LABELS.items()}
    unwritten = UNWRITTEN_STEP[0 if zh else 1]
    places: dict[tuple[str, str], str] = {}
    append = lines.append
    next_step, visit = agenda.NEXT_STEP, agenda.VISIT
    for bucket, day, items in result.groups():
        if bucket == agenda.OVERDUE:
            append(say(args, "agenda_overdue", count=len(items)))
        elif bucket == agenda.TODAY:
            append(say(args, "agenda_today", day=_day(result.today, zh), count=len(items)))
        else:
            assert day is not None
            append(say(args, "agenda_day", day=_day(day, zh), count=len(items)))
        with_day = bucket == agenda.OVERDUE
        heads: dict[tuple[date, time | None, str], str] = {}
        for item in items:
            kind = item[1]
            head = heads.get((item[3], item[4], kind))
            if head is None:
                when = _when(item[3], item[4], with_day=with_day, zh=zh)
                head = heads[(item[3], item[4], kind)] = f"  {when}  {labels.get(kind, kind)}  "
            place = places.get((item[9], item[7]))
            if place is None:
                place = places[(item[9], item[7])] = _where(item[9], item[7])
            subject = item[2] or (unwritten if kind == next_step else "")
            line = f"{head}{subject}  {place}".rstrip()
            # A visit's id, short, for `print-plan --visit` and `export-ics --visit`; a next
            # step's is its pursuit's, for `--pursuit`.
            append(f"{line}  #{item[0][:ID_SHOWN]}" if kind in (next_step, visit) else line)
    sys.stdout.write("\n".join(lines) + "\n")


def _where(account: str, title: str) -> str:
    """ "account · pursuit", as `AgendaItem.where` says it."""
    return f"{account} · {title}" if account and title else account or title


def register(command: Callable[..., argparse.ArgumentParser]) -> None:
    sub = command(
        "agenda",
        cmd_agenda,
        "print what is overdue, due today and in the coming days; a visit's line ends with the "
        "start of its id (#3f2a9c1b), for print-plan --visit and export-ics --visit, a next "
        "step's line with its pursuit's, for --pursuit",
    )
    sub.add_argument("--days", type=int, default=7, help="how many days ahead (default 7)")
    sub.add_argument("--tz", help="time zone of the days and times (default: this computer's)")
