"""Reminders while the app runs: a desktop notification when an activity with a time or a visit
comes due, and on start one summary of what came due while the app was closed.

One single-shot QTimer waits for the next due item (asked of the agenda with one query) and is
re-armed whenever activities or visits change, so nothing polls. Each item is told once: its
(id, due time) pair is remembered, so a rescheduled item is told again at its new time and a
re-arm never repeats one. Where the last check stopped is kept per database in the settings'
screen state, which is what the start summary counts from. An activity without a time has no
moment to be told at: it joins the summary once its day is over, and the Today screen lists it;
so does a pursuit's own next step (a due day, never a time).
The notification is the system tray's message when there is a tray, else a status-bar message
(never a modal box). Preferences can turn reminders off (`Settings.reminders`); the dialog's
broadcast of `Changes.all()` is what makes this module read the setting again.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any, NamedTuple

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import QMainWindow, QSystemTrayIcon

from desktop.services.changes import ChangeKind, Changes
from desktop.services.local_days import to_local
from desktop.services.queries import agenda
from desktop.services.queries.agenda import NEXT_STEP, Reminder
from desktop.ui.context import AppContext
from desktop.ui.today.model import kind_label, unwritten_step

STATE = "reminders"  # the settings' screen state: {database path: checked until (UTC ISO)}
START_DELAY_MS = 3000  # the start summary waits for the window to be up and painted
# A long wait is cut into pieces: after a sleep or a clock change the timer is re-aimed from
# the wall clock instead of trusting a countdown of days.
MAX_WAIT = timedelta(hours=1)
LISTED = 5  # items named in one message; the rest are counted
MESSAGE_MS = 15_000


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Told(NamedTuple):
    """The message up now: what it counted (the window it was asked for, the items' ids), so a
    change can recount it while it is shown."""

    after: datetime | None
    until: datetime
    all_day: bool
    ids: frozenset[str]
    summary: bool  # the start summary (else a message of items that came due while running)
    first_open: bool  # the summary of this database's first open here ("due by now")
    ends: float  # time.monotonic() when the message goes by itself


class Reminders(QObject):
    """Tells due items through `notify(title, message)`; `now` and `tz` are injectable (tests).

    While a message is up, `revise(title, message)` rewords it when the items it counts change
    (done, moved away, deleted), and `revise(title, None)` takes it down when none is left: a
    "3 due by now" must not stay up after the rep has done them."""

    def __init__(
        self,
        ctx: AppContext,
        notify: Callable[[str, str], None],
        parent: QObject | None = None,
        *,
        revise: Callable[[str, str | None], None] | None = None,
        now: Callable[[], datetime] = utc_now,
        tz: tzinfo | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.notify = notify
        self.revise = revise
        self.told: Told | None = None
        self.now = now
        self.tz = tz
        self.enabled = ctx.settings.reminders
        self.started = False
        self.timer = QTimer(self)
        self.timer.setObjectName("reminder_timer")
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self.fire_due)
        self.shown: set[tuple[str, datetime]] = set()
        self.checked = now()  # due items up to here have been told (or summarised)
        self.next_due: datetime | None = None
        ctx.changed.connect(self._on_changed)
        ctx.workspace_replaced.connect(self._on_replaced)

    # --- the checked-until mark, per database -------------------------------------------------
    def _last_checked(self) -> datetime | None:
        raw = self.ctx.settings.screen_state(STATE).get(str(self.ctx.workspace.path))
        try:
            return datetime.fromisoformat(raw) if isinstance(raw, str) else None
        except ValueError:
            return None

    def _save_checked(self) -> None:
        state = self.ctx.settings.screen_state(STATE)
        state[str(self.ctx.workspace.path)] = self.checked.isoformat()
        self.ctx.settings.set_screen_state(STATE, state)

    # --- start, arm, fire ---------------------------------------------------------------------
    def start(self) -> None:
        """The summary of what came due since the last check, then the timer."""
        self.started = True
        if not self.enabled:
            return
        now = self.now()
        since = self._last_checked()
        items = [
            item
            for item in agenda.reminders_due(
                self.ctx.workspace, since, now, all_day=True, tz=self.tz
            )
            if (item.id, item.due) not in self.shown
        ]
        self.shown.update((item.id, item.due) for item in items)
        self.checked = now
        self._save_checked()
        if items:
            self._tell(Told(since, now, True, frozenset(), True, since is None, 0.0), items)
        self.arm()

    def arm(self) -> None:
        """Aim the one timer at the next due item (or stop it when there is none)."""
        self.timer.stop()
        self.next_due = None
        if not self.enabled or not self.started:
            return
        self.next_due = agenda.next_reminder_at(self.ctx.workspace, self.checked, tz=self.tz)
        if self.next_due is None:
            return
        wait = min(max(self.next_due - self.now(), timedelta(0)), MAX_WAIT)
        self.timer.start(int(wait.total_seconds() * 1000))

    def fire_due(self) -> None:
        """Tell what came due since the last check (each item once), then re-arm."""
        if not self.enabled:
            return
        now = self.now()
        if now < self.checked:  # the clock went back: nothing is told twice, nothing skipped
            self.checked = now
        items = [
            item
            for item in agenda.reminders_due(self.ctx.workspace, self.checked, now, tz=self.tz)
            if (item.id, item.due) not in self.shown
        ]
        since = self.checked
        self.shown.update((item.id, item.due) for item in items)
        self.checked = now
        self._save_checked()
        if items:
            self._tell(Told(since, now, False, frozenset(), False, False, 0.0), items)
        self.arm()

    def _tell(self, told: Told, items: list[Reminder]) -> None:
        self.notify(*self._wording(told, items))
        ids = frozenset(item.id for item in items)
        self.told = told._replace(ids=ids, ends=time.monotonic() + MESSAGE_MS / 1000)

    def _wording(self, told: Told, items: list[Reminder]) -> tuple[str, str]:
        """The title and the message that tell `items`."""
        if told.summary:
            # "Due", not "overdue": today's items whose time has passed are among them, where
            # the Today screen counts as overdue only the days before today.
            if told.first_open:  # this database's first open here: no "last" opening to speak of
                text = QCoreApplication.translate("Reminders", "{0} due by now: {1}")
            else:
                text = QCoreApplication.translate(
                    "Reminders", "{0} came due since you last opened Pursuit: {1}"
                )
            title = QCoreApplication.translate("Reminders", "Reminders")
            return title, text.format(len(items), self._names(items))
        if len(items) == 1:
            return (
                QCoreApplication.translate("Reminders", "Reminder"),
                self._line(items[0], _subject(items[0]), with_where=True),
            )
        listed = items[:LISTED]
        subjects = _subjects(listed)
        lines = (self._line(item, text) for item, text in zip(listed, subjects, strict=True))
        return (
            QCoreApplication.translate("Reminders", "{0} reminders").format(len(items)),
            "\n".join(lines) + self._more(items),
        )

    def recount(self) -> None:
        """The message up now, told again of what it counts that is still due, or taken down
        when nothing is (its items done, moved to a later day or deleted)."""
        told = self.told
        if told is None or self.revise is None:
            return
        if time.monotonic() >= told.ends:  # gone by itself
            self.told = None
            return
        items = [
            item
            for item in agenda.reminders_due(
                self.ctx.workspace, told.after, told.until, all_day=told.all_day, tz=self.tz
            )
            if item.id in told.ids
        ]
        if len(items) == len(told.ids):
            return
        if not items:
            self.told = None
            self.revise(self._wording(told, [])[0], None)
            return
        self.told = told._replace(ids=frozenset(item.id for item in items))
        self.revise(*self._wording(told, items))

    def set_enabled(self, enabled: bool) -> None:
        """On again: from now on (what came due while off is on the Today screen)."""
        if enabled == self.enabled:
            return
        self.enabled = enabled
        if enabled:
            self.checked = max(self.checked, self.now())
            self._save_checked()
        self.arm()

    # --- following the data -------------------------------------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        if changes.everything:  # also what the preferences dialog sends when it is accepted
            self.set_enabled(self.ctx.settings.reminders)
            if self.enabled:
                self.arm()
        elif changes.touches(ChangeKind.ACTIVITY, ChangeKind.VISIT):
            self.arm()
        # A pursuit's next step is done or moved through the pursuit; a pursuit moved on the
        # board whose next step the message does not count changes nothing in it (and the
        # recount is a read of the agenda on this thread: 100 ms per drop at 10,000 pursuits).
        told = self.told
        if told is not None and (
            changes.touches(ChangeKind.ACTIVITY, ChangeKind.VISIT)
            or not told.ids.isdisjoint(changes.ids(ChangeKind.PURSUIT))
        ):
            self.recount()

    def _on_replaced(self, *_args: Any) -> None:
        # Another database: its own mark, its own summary.
        self.shown.clear()
        self.checked = self.now()
        if self.told is not None and self.revise is not None:  # the old database's message
            self.revise("", None)
        self.told = None
        self.timer.stop()
        if self.started:
            self.start()

    # --- wording --------------------------------------------------------------------------------
    def _line(self, item: Reminder, subject: str, *, with_where: bool = False) -> str:
        clock = "" if item.all_day else to_local(item.due, self.tz).strftime("%H:%M")
        text = " ".join(p for p in (clock, kind_label(item.activity_kind), subject) if p)
        return f"{text}\n{item.where}" if with_where and item.where else text

    def _names(self, items: list[Reminder]) -> str:
        return QCoreApplication.translate("Reminders", ", ").join(
            _subjects(items[:LISTED])
        ) + self._more(items)

    def _more(self, items: list[Reminder]) -> str:
        extra = len(items) - LISTED
        return (
            QCoreApplication.translate("Reminders", " … and {0} more").format(extra)
            if extra > 0
            else ""
        )


def _subjects(items: list[Reminder]) -> list[str]:
    """What each item is called, a subject that more than one of them has (the same "Call the
    IT director" in two pursuits) with its pursuit: 「…，…」 the same twice told nothing."""
    subjects = [_subject(item) for item in items]
    repeated = {s for s in subjects if subjects.count(s) > 1}
    return [
        QCoreApplication.translate("Reminders", "{0} ({1})").format(subject, item.pursuit_title)
        if subject in repeated and item.subject and item.pursuit_title
        else subject
        for subject, item in zip(subjects, items, strict=True)
    ]


def _subject(item: Reminder) -> str:
    """A next step written with a date only says so, as on Today, and names its pursuit: a
    reminder listing three of them said 「（未写明下一步）、（未写明下一步）…」, telling nothing."""
    if not item.subject and item.activity_kind == NEXT_STEP:
        if item.pursuit_title:
            return QCoreApplication.translate("Reminders", "{0} (next step not written)").format(
                item.pursuit_title
            )
        return unwritten_step()
    return item.subject


class Notifier(QObject):
    """Shows a reminder: the system tray's message when the desktop has a tray, else the window's
    status bar (a message that goes by itself, never a modal box)."""

    def __init__(self, window: QMainWindow, on_clicked: Callable[[], None]) -> None:
        super().__init__(window)
        self.window = window
        self.on_clicked = on_clicked
        self.tray: QSystemTrayIcon | None = None
        self.text = ""  # its message in the status bar (what is there may be another's since)
        self.ends = 0.0  # time.monotonic() when that message goes by itself

    def __call__(self, title: str, message: str) -> None:
        if QSystemTrayIcon.isSystemTrayAvailable() and QSystemTrayIcon.supportsMessages():
            if self.tray is None:
                self.tray = QSystemTrayIcon(self.window.windowIcon(), self)
                self.tray.setToolTip(self.window.windowTitle())
                self.tray.messageClicked.connect(self.on_clicked)
                self.tray.show()
            self.tray.showMessage(title, message, QSystemTrayIcon.MessageIcon.Information)
            return
        self.text = QCoreApplication.translate("Reminders", "{0}: {1}").format(
            title, message.replace("\n", " ")
        )
        self.ends = time.monotonic() + MESSAGE_MS / 1000
        self.window.statusBar().showMessage(self.text, MESSAGE_MS)

    def revise(self, title: str, message: str | None) -> None:
        """Reword the status bar's reminder for the rest of its time, or take it down (None).
        Only while it is still there: a later message of another's stays; a tray's bubble
        cannot be changed."""
        bar = self.window.statusBar()
        if not self.text or bar.currentMessage() != self.text:
            return
        if message is None:
            self.text = ""
            bar.clearMessage()
            return
        left = int((self.ends - time.monotonic()) * 1000)
        if left <= 0:
            return
        self.text = QCoreApplication.translate("Reminders", "{0}: {1}").format(
            title, message.replace("\n", " ")
        )
        bar.showMessage(self.text, left)


def install(window: Any) -> Reminders:
    """Made by the main window: told through its tray or status bar; a click on a tray message
    brings the window up on the Today screen. The start summary comes once the window is up."""

    def show_today() -> None:
        window.showNormal()
        window.raise_()
        window.activateWindow()
        window.show_screen("today")

    notifier = Notifier(window, show_today)
    reminders = Reminders(window.ctx, notifier, window, revise=notifier.revise)
    QTimer.singleShot(START_DELAY_MS, reminders, reminders.start)
    return reminders
