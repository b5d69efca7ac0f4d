"""Start-up wiring: paths -> settings -> language -> workspace -> MainWindow.

The first paint waits for neither SQLAlchemy nor Alembic: a database that opening would not change
is looked at through the sqlite3 driver (`Workspace.open_at_start`), the window paints its first
screen from driver reads, and the workspace is opened in full right after (`FullOpen`). Anything
unusual (a schema to migrate, a copied file, a newer or bad file, a second instance) takes the full
open before the window, with the messages it always had.
"""

from __future__ import annotations

import gc
import importlib
import logging
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import APP_NAME, ORGANISATION, ORGANISATION_DOMAIN, __version__
from desktop.infra import i18n, lazy, paths
from desktop.infra.instance_lock import READ_ONLY, DatabaseLock
from desktop.infra.settings import Settings
from desktop.services.errors import DatabaseReadOnly, StorageError
from desktop.services.workspace import Workspace

if TYPE_CHECKING:
    from desktop.ui.context import AppContext
    from desktop.ui.main_window import MainWindow

log = logging.getLogger("desktop")

# CJK fallbacks so mixed text never shows boxes (UI-GUIDE.md, "Colour and type").
CJK_FONTS = ["Microsoft YaHei UI", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei"]
# When the window has been up this long, the slow imports of later screens begin (`warm_up`).
WARM_UP_MS = 3000
# The workspace is opened in full after the first paint, or this long after the window is shown.
FULL_OPEN_LATEST_MS = 1000


def make_application(argv: list[str] | None = None) -> QApplication:
    running = QApplication.instance()
    app = running if isinstance(running, QApplication) else QApplication(argv or sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setOrganizationDomain(ORGANISATION_DOMAIN)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    font = app.font()
    font.setFamilies([font.family(), *CJK_FONTS])
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    app.setFont(font)
    return app


def setup_logging() -> None:
    handler = logging.FileHandler(paths.log_file(), encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)

    def excepthook(
        kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        log.critical("unhandled error", exc_info=(kind, value, tb))
        if issubclass(kind, Exception):
            tell_unexpected_error()

    sys.excepthook = excepthook


_telling: list[bool] = []  # a message is on screen: errors behind it go to the log only


def tell_unexpected_error() -> None:
    """An error no screen caught: the rep sees one message pointing at the log, instead of a
    window that silently did not do what was asked. Shown after the failing slot returns (a
    modal box inside Qt's handler would run an event loop in the middle of it); one at a time."""
    if QApplication.instance() is None or _telling:
        return
    _telling.append(True)

    def show() -> None:
        try:
            QMessageBox.warning(
                QApplication.activeWindow(),
                QCoreApplication.translate("App", "Unexpected error"),
                QCoreApplication.translate(
                    "App",
                    "Something went wrong, and what you just did may not have finished. Your "
                    "data is safe: each change is saved whole or not at all. The details are in "
                    "the log: {0}",
                ).format(paths.log_file()),
            )
        finally:
            _telling.clear()

    QTimer.singleShot(0, show)


def create_main_window(
    workspace: Workspace, settings: Settings, *, today_when_due: bool = False
) -> tuple[AppContext, MainWindow]:
    from desktop.ui.context import AppContext
    from desktop.ui.main_window import MainWindow

    ctx = AppContext(workspace, settings)
    window = MainWindow(ctx, today_when_due=today_when_due)
    return ctx, window


def offer_demo(window: MainWindow, ctx: AppContext) -> None:
    """First start on an empty database: offer demo data (once per database)."""
    path = str(ctx.workspace.path)
    if path in ctx.settings.demo_offered or ctx.workspace.read_only:
        return
    ctx.settings.demo_offered = [*ctx.settings.demo_offered, path]
    from desktop.services import maintenance

    if maintenance.record_counts(ctx.workspace, ("pursuits",))["pursuits"]:
        return
    box = QMessageBox(
        QMessageBox.Icon.Question,
        app_title(),
        QCoreApplication.translate(
            "App",
            "This database is empty. Load demo data to try Pursuit out? You can delete it "
            "later, or start with a new database.",
        ),
        parent=window,
    )
    load = box.addButton(
        QCoreApplication.translate("App", "Load demo data"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(
        QCoreApplication.translate("App", "Start empty"), QMessageBox.ButtonRole.RejectRole
    )
    box.setObjectName("demo_offer")

    def done(_result: int) -> None:
        if box.clickedButton() is load:
            # Imported here, not at start-up: only an empty database's first start needs it.
            from desktop.services import demo

            ctx.perform_in(window, demo.fill_demo, lang=ctx.lang)

    box.finished.connect(done)
    box.open()


def run(db: str | None = None, lang: str | None = None, smoke_test: bool = False) -> int:
    if smoke_test:
        from desktop.smoke import run_smoke_test

        return run_smoke_test()
    app = make_application()
    setup_logging()
    settings = Settings()
    # Settings kept for all databases before they were kept per database go, once, to the
    # database last opened: the one they were set with (not the one this start opens).
    settings.adopt_global_state(
        Path(settings.last_database or paths.default_database()).expanduser().resolve()
    )
    i18n.install(start_language(settings, lang))
    path = Path(db) if db else Path(settings.last_database or paths.default_database())
    path = path.expanduser().resolve()
    opened = open_for_start(path)
    if isinstance(opened, int):
        return opened
    workspace, lock = opened
    read_only = lock is None
    if not read_only:
        settings.last_database = str(workspace.path)
        settings.add_recent(str(workspace.path))
    ctx, window = create_main_window(workspace, settings, today_when_due=True)
    ctx.lock = lock
    holder = {"window": window}
    opening = FullOpen(ctx, holder)

    def switch_language(code: str) -> None:
        # Rebuilding the window is simpler and surer than re-labelling every widget in place.
        settings.language = code
        i18n.install(code)
        # The old window's objects may have been frozen by the warm-up (`gc.freeze`): those in
        # reference cycles are collected only once unfrozen.
        gc.unfreeze()
        old = holder["window"]
        old.close()
        new = type(old)(ctx)
        new.language_requested.connect(switch_language)
        holder["window"] = new
        new.show()
        old.deleteLater()

    window.language_requested.connect(switch_language)
    window.show()
    opening.after_first_paint(window)
    QTimer.singleShot(1500, lambda: start_checks(holder["window"]))
    QTimer.singleShot(WARM_UP_MS, lambda: warm_up(ctx))
    code = app.exec()
    ctx.workspace.close()
    if ctx.lock is not None:
        ctx.lock.release()
    return code


def start_language(settings: Settings, lang: str | None) -> str:
    """The language this start shows: --lang for this start only, else the saved preference.

    --lang is not saved: a second instance started in the other language (or a one-off English
    demonstration) must not change what the rep's next ordinary start opens in; View ▸ Language
    and Preferences save it."""
    return lang or settings.language


def open_for_start(path: Path) -> tuple[Workspace, DatabaseLock | None] | int:
    """The workspace this start shows and the lock it holds (None: opened read-only), or the
    exit code when the user quits or the file cannot be opened at all.

    A database another instance has open, and one this computer cannot write (a read-only file
    or folder, a file made immutable), is offered read-only, or quit: nothing was changed, so
    no "changes not saved"."""
    lock = DatabaseLock(path)
    read_only = False
    if not lock.acquire():
        # No lock file can be made beside a file in a read-only folder: not another instance.
        cannot_write = lock.problem == READ_ONLY and path.is_file()
        choice = ask_when_read_only(path) if cannot_write else ask_when_locked(path, lock)
        if choice is None:
            return 0
        read_only = True
    # A database that opening would not change paints first from the driver (see the module's
    # docstring); anything else, and a read-only second instance, takes the full open now.
    workspace = None if read_only else Workspace.open_at_start(path)
    try:
        try:
            workspace = workspace or Workspace.open(path, read_only=read_only)
        except DatabaseReadOnly:
            if read_only:
                raise
            lock.release()  # only looked at: another instance may take it
            if ask_when_read_only(path) is None:
                return 0
            read_only = True
            workspace = Workspace.open(path, read_only=True)
    except (StorageError, OSError) as exc:
        from desktop.ui.errors import message_for

        log.error("cannot open %s", path, exc_info=exc)
        QMessageBox.critical(None, app_title(), f"{path}\n\n{message_for(exc)}")
        return 1
    return workspace, None if read_only else lock


class FullOpen(QObject):
    """Opens the workspace in full once the main window has painted (at once when it already
    is), then completes the window (`MainWindow.complete`) and offers demo data.

    On the main thread, as soon as the first paint is done: the rep sees the window while
    SQLAlchemy loads, and whatever needs the workspace in full before then opens it itself
    (`Workspace.ensure_open`). A failure here (the file deleted, moved or replaced in between)
    is said as at start and the app quits."""

    def __init__(self, ctx: AppContext, holder: dict[str, MainWindow]) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.holder = holder
        self.done = False

    def after_first_paint(self, window: MainWindow) -> None:
        if self.ctx.workspace.is_open:
            QTimer.singleShot(0, self.run)
            return
        window.installEventFilter(self)
        # Should no paint come (a window shown minimised), the open still happens.
        QTimer.singleShot(FULL_OPEN_LATEST_MS, self.run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # A turn of the event loop later: what came with the paint (the window manager's
            # maximise, a second expose) is handled before the main thread is busy opening.
            QTimer.singleShot(0, lambda: QTimer.singleShot(0, self.run))
        return False

    def run(self) -> None:
        if self.done:
            return
        self.done = True
        window = self.holder["window"]
        try:
            self.ctx.workspace.ensure_open()
        except (StorageError, OSError) as exc:
            from desktop.ui.errors import message_for

            path = self.ctx.workspace.path
            log.error("cannot open %s", path, exc_info=exc)
            QMessageBox.critical(window, app_title(), f"{path}\n\n{message_for(exc)}")
            QApplication.exit(1)
            return
        lazy.load_pending()  # here, on the main thread, before any worker names one
        window.complete()
        offer_demo(window, self.ctx)


def start_checks(window: MainWindow) -> None:
    """The checks a second and a half after start (backups, disk space …); imported then, since
    the first paint does not need them."""
    from desktop.ui.safety.actions import StartupChecks

    StartupChecks(window).start()


def warm_up(ctx: AppContext | None = None) -> threading.Thread:
    """Import, on a worker thread, the modules screens name as slow to import (`Screen.warm`:
    matplotlib for the Dashboard), so that opening such a screen later does not wait for them;
    then, with `ctx`, compute what their first show will need (`Screen.ahead`: the Dashboard's
    series, kept while the database is not written).

    Start-up never pays for them: this runs once the window has been up a while. A screen opened
    before it is done imports the module itself (Python's import lock makes one wait for the
    other) and computes its own data. Then what is alive is frozen for the garbage collector
    (see below). Returns the thread (benchmarks wait for it)."""
    from desktop.ui.screens import SCREENS

    modules = [screen.warm for screen in SCREENS if screen.warm]
    # Planned here, on the GUI thread: a plan reads the settings, which the worker must not.
    plans: list[Callable[[], object]] = []
    if ctx is not None:
        for screen in SCREENS:
            if screen.ahead:
                try:
                    plans.append(importlib.import_module(screen.ahead).plan(ctx))
                except Exception:  # the screen computes its own data when shown
                    log.warning("planning %s failed", screen.ahead, exc_info=True)

    def work() -> None:
        for name in modules:
            try:
                importlib.import_module(name)
            except Exception:  # the screen reports it when shown; nothing to tell here
                log.warning("warming up %s failed", name, exc_info=True)
        for plan in plans:
            try:
                plan()
            except Exception:  # the screen computes (and reports) its own when shown
                log.warning("computing ahead failed", exc_info=True)
        # What is alive now (the data layer, Qt's wrappers, matplotlib, the prepared figures:
        # some 170,000 objects at 10,000 pursuits) lives as long as the app. Frozen, they are
        # no longer walked by the garbage collector's full collections, each of which took
        # ~110 ms of the Dashboard's first open (one or two fall in it), ~6 ms after. Not
        # collected first: a collection on this thread could finalize Qt wrappers off the GUI
        # thread; the few cycles already garbage now stay allocated.
        gc.freeze()

    thread = threading.Thread(target=work, name="warm-up", daemon=True)
    thread.start()
    return thread


def ask_when_locked(path: Path, lock: DatabaseLock) -> str | None:
    """A second instance: view read-only, or quit. Never write behind the first one's back."""
    holder = lock.holder()
    who = (
        QCoreApplication.translate("App", "process {0} on {1}").format(holder.pid, holder.hostname)
        if holder
        else "?"
    )
    box = QMessageBox(
        QMessageBox.Icon.Information,
        app_title(),
        QCoreApplication.translate(
            "App",
            "{0} is already open in another Pursuit window ({1}). You can look at it "
            "read-only here, or quit and switch to that window.",
        ).format(str(path), who),
    )
    view = box.addButton(
        QCoreApplication.translate("App", "Open read-only"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QCoreApplication.translate("App", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return "read_only" if box.clickedButton() is view else None


def ask_when_read_only(path: Path) -> str | None:
    """A database this computer cannot write: view it read-only, or quit."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        app_title(),
        QCoreApplication.translate(
            "App",
            "{0} cannot be written: the file or its folder is read-only. Nothing was changed. "
            "You can look at it read-only here, or quit.",
        ).format(str(path)),
    )
    view = box.addButton(
        QCoreApplication.translate("App", "Open read-only"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QCoreApplication.translate("App", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return "read_only" if box.clickedButton() is view else None


def app_title() -> str:
    """The program's name as the title of its message boxes, in the UI language (项目型销售管理)."""
    return QCoreApplication.translate("App", "Pursuit")


def temporary_data_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="pursuit-"))
