"""Headless visit commands of the `pursuit` command (registered in cli.EXTRA_COMMANDS).

    pursuit print-plan --db PATH (--visit ID | --pursuit ID) --out plan.pdf [--force] [--lang …]
                       [--tz ZONE]
    pursuit export-ics --db PATH (--visit ID ... | --upcoming [--days N]) --out visits.ics
                       [--lang zh_CN|en] [--tz ZONE]

A visit is named by its id or the start of it, at least 4 characters: `pursuit agenda` shows the
first 8 after each visit ("#3f2a9c1b"). print-plan draws with Qt, so it starts a Qt application;
without a display it uses the offscreen platform. Both only read the database. Failures print one
clear line and exit 1; a plan of a visit that has already taken place is still written, with a note
on stderr.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only for annotations: the command imports them when it runs
    from zoneinfo import ZoneInfo

    from PySide6.QtGui import QImage

    from desktop.services.workspace import Workspace

from desktop.cli_messages import EXIT_OK, fail, language, os_reason, say


def _zone(args: argparse.Namespace) -> ZoneInfo | None:
    """The --tz zone, or None for the system's; raises ValueError for an unknown name."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    if not args.tz:
        return None
    try:
        return ZoneInfo(args.tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(args.tz) from None


def _ensure_gui() -> None:
    """A Qt application to draw with; offscreen when there is no display (servers, CI)."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.app import make_application

    make_application([sys.argv[0] if sys.argv else "pursuit"])


def cmd_print_plan(args: argparse.Namespace) -> int:
    from desktop.cli import open_workspace, record_named, refuse_output
    from desktop.services.errors import NotFound

    try:
        zone = _zone(args)
    except ValueError:
        return fail(args, "bad_zone", zone=args.tz)
    out = Path(args.out).expanduser()
    if not out.parent.is_dir():
        return fail(args, "cannot_write", path=out, detail=say(args, "no_folder"))
    if (code := refuse_output(args, out, "pdf")) is not None:
        return code
    ws, code = open_workspace(args, create=False, read_only=True)
    if ws is None:
        return code
    try:
        visit_id: str | None = None
        pursuit_id: str | None = None
        if args.visit:
            visit_id, code = record_named(args, ws, "visit", args.visit)
            if visit_id is None:
                return code
        else:
            pursuit_id, code = record_named(args, ws, "pursuit", args.pursuit)
            if pursuit_id is None:
                return code
        _ensure_gui()
        from desktop.infra import i18n
        from desktop.services.reports import visit_plan
        from desktop.ui.common import format as fmt
        from desktop.ui.visits.plan_document import PlanDocument

        lang = language(args)
        i18n.install(lang)
        try:
            plan = visit_plan.build_plan(
                ws,
                visit_id=visit_id,
                pursuit_id=pursuit_id,
                lang=i18n.catalog_language(lang),
            )
        except NotFound:
            key = "no_visit" if args.visit else "no_pursuit"
            return fail(args, key, id=args.visit or args.pursuit)
        image = _map_image(ws, plan.pursuit_id)
        document = PlanDocument(plan, map_image=image, tz=zone)
        try:
            pages = document.write_pdf(out)  # through a temporary file beside it
        except OSError as exc:
            return fail(args, "cannot_write", path=out, detail=os_reason(args, exc))
        visit = plan.visit
        if visit is not None and visit.starts_at is not None:
            when = fmt.when_text(visit.starts_at, visit.duration_minutes, plan.lang, zone)
            if visit_plan.VISIT_PAST in plan.warnings:
                print(f"pursuit: {say(args, 'past', when=when)}", file=sys.stderr)
        else:
            when = say(args, "no_plan_visit")
        if visit_plan.NO_ATTENDEES in plan.warnings:
            print(f"pursuit: {say(args, 'no_attendees')}", file=sys.stderr)
        what = f"{when} · {plan.account} · {plan.title}"
        key = "written_plan_one" if pages == 1 else "written_plan"
        print(say(args, key, path=out, pages=pages, what=what))
        return EXIT_OK
    finally:
        ws.close()


def _map_image(ws: Workspace, pursuit_id: str) -> QImage | None:
    """The stakeholder map picture, drawn as the window's 保存为 PDF draws it: the composition
    root (`desktop.ui.screens`) hands the map package's drawing to the plan, as it does in the
    window and in `--smoke-test`; without it the plan would print no map page."""
    import desktop.ui.screens  # noqa: F401
    from desktop.infra.settings import Settings
    from desktop.ui.context import AppContext
    from desktop.ui.visits.printing import map_image

    ctx = AppContext(ws, Settings())
    try:
        return map_image(ctx, pursuit_id)
    finally:
        ctx.deleteLater()


def cmd_export_ics(args: argparse.Namespace) -> int:
    from desktop.cli import open_workspace, record_named, refuse_output
    from desktop.infra.i18n import catalog_language
    from desktop.services.errors import NotFound
    from desktop.services.reports import ics

    if not 1 <= args.days <= 366:
        return fail(args, "bad_days")
    try:
        zone = _zone(args)
    except ValueError:
        return fail(args, "bad_zone", zone=args.tz)
    zone_name = args.tz or _system_zone()
    out = Path(args.out).expanduser()
    if (code := refuse_output(args, out, "ics")) is not None:
        return code
    ws, code = open_workspace(args, create=False, read_only=True)
    if ws is None:
        return code
    lang = catalog_language(language(args))
    try:
        if args.visit:
            ids = []
            for text in args.visit:
                visit_id, code = record_named(args, ws, "visit", text)
                if visit_id is None:
                    return code
                ids.append(visit_id)
            try:
                data = ics.calendar_for(ws, ids, tz=zone or zone_name, lang=lang)
            except NotFound as exc:
                missing = str(exc).split()[-1]
                return fail(args, "no_visit", id=missing)
            count = len(dict.fromkeys(ids))
        else:
            data, count = ics.upcoming_calendar(ws, tz=zone or zone_name, lang=lang, days=args.days)
        try:
            ics.write_file(out, data)
        except OSError as exc:
            return fail(args, "cannot_write", path=out, detail=os_reason(args, exc))
        key = "written_ics_one" if count == 1 else "written_ics"
        print(say(args, key, path=out, count=count, zone=zone_name or "UTC"))
        return EXIT_OK
    finally:
        ws.close()


def _system_zone() -> str:
    from PySide6.QtCore import QTimeZone

    return bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")


def register(command: Callable[..., argparse.ArgumentParser]) -> None:
    from desktop.cli import add_force

    plan = command("print-plan", cmd_print_plan, "print a visit plan (or a pursuit's) to PDF")
    which = plan.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--visit",
        help="the visit: its id, or the start of it (4 characters or more) as "
        "`pursuit agenda` shows it after each visit (#3f2a9c1b)",
    )
    which.add_argument(
        "--pursuit",
        help="a pursuit, for a plan without a scheduled visit: its id or the start of it (4 "
        "characters or more) as `pursuit agenda` shows it after the pursuit's next step",
    )
    plan.add_argument("--out", required=True, help="the PDF file to write")
    add_force(plan)
    plan.add_argument("--tz", help="time zone of the times shown (default: this computer's)")

    calendar = command(
        "export-ics", cmd_export_ics, "write visits and activities to an iCalendar (.ics) file"
    )
    chosen = calendar.add_mutually_exclusive_group(required=True)
    chosen.add_argument(
        "--visit",
        action="append",
        help="a visit: its id or the start of it, as `pursuit agenda` shows it (repeat for more)",
    )
    chosen.add_argument(
        "--upcoming",
        action="store_true",
        help="every visit and open activity from now on within --days",
    )
    calendar.add_argument("--days", type=int, default=14, help="with --upcoming (default 14)")
    calendar.add_argument("--out", required=True, help="the .ics file to write")
    add_force(calendar)
    calendar.add_argument("--tz", help="time zone written in the file (default: this computer's)")
