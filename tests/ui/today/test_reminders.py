"""Reminders with a fake clock on a real database: one single-shot timer aimed at the next due
item, each item told exactly once, one summary of what came due while the app was closed,
and nothing at all once reminders are turned off."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from PySide6.QtCore import QCoreApplication

from desktop.infra.settings import Settings
from desktop.services import activities, pursuits
from desktop.services.activities import ActivityDraft
from desktop.services.changes import Changes
from desktop.storage.tables import Pursuit
from desktop.ui.context import AppContext
from desktop.ui.today.model import kind_label
from desktop.ui.today.reminders import STATE, Reminders

SHANGHAI = ZoneInfo("Asia/Shanghai")
DAY = date(2026, 5, 4)


class Clock:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


@pytest.fixture
def window_workspace(ws):
    """The main window's tests here count their own items: an empty database."""
    return ws


@pytest.fixture
def ctx(qapp, ws) -> AppContext:
    return AppContext(ws, Settings())


def plan(ctx: AppContext, subject: str, day: date, at: time | None = None) -> str:
    pid = getattr(ctx, "test_pursuit", None)
    if pid is None:
        pid, _ = pursuits.create_pursuit(
            ctx.workspace, pursuits.PursuitDraft(title="MES 项目", account_name="恒通电子")
        )
        ctx.test_pursuit = pid  # type: ignore[attr-defined]
    activity_id, _changes = ctx.perform(
        activities.create_activity,
        ActivityDraft(subject=subject, pursuit_id=pid, due_on=day, due_time=at),
        tz=SHANGHAI,
    )
    return activity_id


def make(ctx: AppContext, clock: Clock) -> tuple[Reminders, list[tuple[str, str]]]:
    told: list[tuple[str, str]] = []
    reminders = Reminders(
        ctx, lambda title, text: told.append((title, text)), now=clock, tz=SHANGHAI
    )
    return reminders, told


def test_one_single_shot_timer_to_the_next_item_and_each_told_once(ctx) -> None:
    clock = Clock(datetime(2026, 5, 4, 0, 0))  # 08:00 in Shanghai
    plan(ctx, "电话回访", DAY, time(9, 0))  # 01:00 UTC
    plan(ctx, "发送纪要", DAY, time(11, 0))  # 03:00 UTC
    reminders, told = make(ctx, clock)
    reminders.start()
    assert told == []  # nothing was overdue
    assert reminders.timer.isSingleShot() and reminders.timer.isActive()
    assert reminders.next_due == datetime(2026, 5, 4, 1, 0)
    # An hour away: aimed at it, not polling.
    assert 3_590_000 <= reminders.timer.remainingTime() <= 3_600_000

    clock.at = datetime(2026, 5, 4, 1, 0)
    reminders.fire_due()
    assert len(told) == 1 and "09:00" in told[0][1] and "电话回访" in told[0][1]
    assert reminders.next_due == datetime(2026, 5, 4, 3, 0)
    # A re-arm (another change) or a second timeout does not tell it again.
    ctx.broadcast(Changes.of("activity", "x"))
    reminders.fire_due()
    assert len(told) == 1

    # Moved to 10:00: told again at its new time, once; the timer follows the change.
    clock.at = datetime(2026, 5, 4, 1, 30)
    first = told[0]
    later = plan(ctx, "新约的会", DAY, time(10, 0))  # 02:00 UTC, the next now
    assert reminders.next_due == datetime(2026, 5, 4, 2, 0)
    clock.at = datetime(2026, 5, 4, 3, 0)
    reminders.fire_due()  # late (the computer slept): both come in one message
    assert told[0] == first and len(told) == 2
    assert "新约的会" in told[1][1] and "发送纪要" in told[1][1]
    assert reminders.next_due is None and not reminders.timer.isActive()
    assert later


def test_the_start_summary_is_one_message_once(ctx) -> None:
    ctx.settings.set_screen_state(
        STATE, {str(ctx.workspace.path): datetime(2026, 5, 3, 12, 0).isoformat()}
    )
    plan(ctx, "补发报价单", DAY - timedelta(days=1))  # overdue since midnight
    plan(ctx, "电话回访", DAY, time(9, 0))  # 01:00 UTC
    plan(ctx, "很早以前的事", DAY - timedelta(days=5))  # overdue before the last check
    plan(ctx, "下午的事", DAY, time(15, 0))
    clock = Clock(datetime(2026, 5, 4, 2, 0))
    reminders, told = make(ctx, clock)
    reminders.start()
    assert len(told) == 1
    assert "2" in told[0][1] and "补发报价单" in told[0][1] and "电话回访" in told[0][1]
    assert "很早以前的事" not in told[0][1]
    since = QCoreApplication.translate(
        "Reminders", "{0} came due since you last opened Pursuit: {1}"
    )
    assert told[0][1].startswith(since.split("{1}")[0].format(2))
    reminders.fire_due()
    assert len(told) == 1  # what the summary told is not told again
    # The next start (the app reopened) summarises from where this one stopped.
    again, told_again = make(ctx, clock)
    again.start()
    assert told_again == []


def test_turned_off_nothing_is_told_and_the_timer_stops(ctx) -> None:
    clock = Clock(datetime(2026, 5, 4, 0, 0))
    plan(ctx, "电话回访", DAY, time(9, 0))
    reminders, told = make(ctx, clock)
    reminders.start()
    assert reminders.timer.isActive()
    ctx.settings.reminders = False
    ctx.broadcast(Changes.all())  # what the preferences dialog sends when accepted
    assert not reminders.enabled and not reminders.timer.isActive()
    clock.at = datetime(2026, 5, 4, 2, 0)
    reminders.fire_due()
    plan(ctx, "又一个电话", DAY, time(11, 0))
    assert told == [] and not reminders.timer.isActive()
    # Off at start: no summary either.
    quiet, told_quiet = make(ctx, clock)
    quiet.start()
    assert told_quiet == [] and not quiet.timer.isActive()
    # On again: from now on.
    ctx.settings.reminders = True
    ctx.broadcast(Changes.all())
    assert reminders.timer.isActive() and reminders.next_due == datetime(2026, 5, 4, 3, 0)
    clock.at = datetime(2026, 5, 4, 3, 0)
    reminders.fire_due()
    assert [text for _, text in told] == [
        f"11:00 {kind_label('task')} 又一个电话\n恒通电子 · MES 项目"
    ]


def test_the_window_installs_reminders_and_the_preference_turns_them_off(
    main_window, qtbot
) -> None:
    from desktop.ui.preferences import open_preferences

    reminders = main_window.reminders
    assert reminders.enabled
    dialog = open_preferences(main_window)
    box = dialog.reminders
    assert box.isChecked()
    box.setChecked(False)
    dialog.accept()
    assert main_window.ctx.settings.reminders is False
    assert not reminders.enabled and not reminders.timer.isActive()
    # Told in the status bar where there is no system tray (offscreen).
    reminders.notify("提醒", "09:00 电话 回访")
    assert "09:00 电话 回访" in main_window.statusBar().currentMessage()


def test_a_first_open_says_due_not_since_you_last_opened(ctx) -> None:
    # A database opened here for the first time (demo data, a new laptop's first sync) has no
    # last opening to count from: the summary names what is due without claiming one.
    plan(ctx, "补发报价单", DAY - timedelta(days=1))
    reminders, told = make(ctx, Clock(datetime(2026, 5, 4, 2, 0)))
    reminders.start()
    assert len(told) == 1
    title, text = told[0]

    def tr(text: str) -> str:  # in whichever language an earlier test left installed
        return QCoreApplication.translate("Reminders", text)

    assert title == tr("Reminders")
    assert text == tr("{0} due by now: {1}").format(1, "补发报价单")
    assert "since you last" not in text and "上次" not in text


def test_a_pursuits_next_step_joins_the_start_summary_once(ctx) -> None:
    # A next step has a day and no time: like an activity without one, it is told in the start
    # summary once its day is over, and never again (nor by the running timer).
    ctx.settings.set_screen_state(
        STATE, {str(ctx.workspace.path): datetime(2026, 5, 3, 12, 0).isoformat()}
    )
    pid, _ = pursuits.create_pursuit(
        ctx.workspace,
        pursuits.PursuitDraft(
            title="MES 项目",
            account_name="恒通电子",
            next_step="下周三前发送方案",
            next_step_due=DAY - timedelta(days=1),
        ),
    )
    bare, _ = pursuits.create_pursuit(
        ctx.workspace, pursuits.PursuitDraft(title="ERP 项目", account_name="恒通电子")
    )
    with ctx.workspace.write() as session:  # a date only, as an older database can hold one
        session.get(Pursuit, bare).next_step_due = DAY - timedelta(days=1)
    pursuits.create_pursuit(  # due today: its day is not over yet
        ctx.workspace,
        pursuits.PursuitDraft(
            title="OA 项目", account_name="恒通电子", next_step="今天的下一步", next_step_due=DAY
        ),
    )
    plan(ctx, "补发报价单", DAY - timedelta(days=1))
    clock = Clock(datetime(2026, 5, 4, 2, 0))
    reminders, told = make(ctx, clock)
    reminders.start()
    assert len(told) == 1
    text = told[0][1]
    since = QCoreApplication.translate(
        "Reminders", "{0} came due since you last opened Pursuit: {1}"
    )
    assert text.startswith(since.split("{1}")[0].format(3))
    assert "下周三前发送方案" in text and "补发报价单" in text and "今天的下一步" not in text
    assert "ERP 项目（未写明下一步）" in text  # the one written with a date only, by its pursuit
    assert (pid, datetime(2026, 5, 3, 16, 0)) in reminders.shown
    clock.at = datetime(2026, 5, 4, 20, 0)  # today's day over too: not the timer's to tell
    reminders.fire_due()
    assert len(told) == 1
    again, told_again = make(ctx, clock)
    again.start()
    assert told_again == []  # what the summary told is not told again


def test_the_message_follows_its_items_being_done(ctx) -> None:
    """A "2 due by now: …" stayed up after the rep had done them: it recounts on each change
    while it is up, and goes once nothing it counted is still due."""
    first = plan(ctx, "补发报价单", DAY - timedelta(days=1))
    second = plan(ctx, "电话回访", DAY - timedelta(days=1))
    revised: list[tuple[str, str | None]] = []
    told: list[tuple[str, str]] = []
    reminders = Reminders(
        ctx,
        lambda title, text: told.append((title, text)),
        revise=lambda title, text: revised.append((title, text)),
        now=Clock(datetime(2026, 5, 4, 2, 0)),
        tz=SHANGHAI,
    )
    reminders.start()
    assert len(told) == 1 and told[0][1].startswith(
        QCoreApplication.translate("Reminders", "{0} due by now: {1}").split("{1}")[0].format(2)
    )
    plan(ctx, "无关的新任务", DAY + timedelta(days=3))  # a change that leaves the count alone
    assert revised == []
    ctx.perform(activities.complete_activity, first, tz=SHANGHAI)
    assert len(revised) == 1
    title, text = revised[0]
    assert title == told[0][0] and text is not None
    assert text.startswith(
        QCoreApplication.translate("Reminders", "{0} due by now: {1}").format(1, "电话回访")
    )
    assert "补发报价单" not in text
    ctx.perform(activities.complete_activity, second, tz=SHANGHAI)
    assert revised[-1][1] is None and reminders.told is None


def test_a_pursuit_moved_on_the_board_does_not_read_the_agenda_again(
    ctx, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the message is up, a drop on the board (a pursuit whose next step it does not
    count) leaves it alone without a read: the recount read the whole agenda on the window's
    thread, 100 ms per drop at 10,000 pursuits. A change of a counted next step recounts."""
    from desktop.services.changes import ChangeKind
    from desktop.services.queries import agenda

    plan(ctx, "补发报价单", DAY - timedelta(days=1))
    other, _ = pursuits.create_pursuit(
        ctx.workspace, pursuits.PursuitDraft(title="OA 项目", account_name="新诚港务")
    )
    reminders = Reminders(
        ctx, lambda *_told: None, revise=lambda *_revised: None,
        now=Clock(datetime(2026, 5, 4, 2, 0)), tz=SHANGHAI,
    )  # fmt: skip
    reminders.start()
    assert reminders.told is not None
    reads: list[object] = []
    real = agenda.reminders_due
    monkeypatch.setattr(agenda, "reminders_due", lambda *a, **k: reads.append(a) or real(*a, **k))
    ctx.changed.emit(Changes.of(ChangeKind.PURSUIT, other))
    assert reads == []
    counted = next(iter(reminders.told.ids))
    ctx.changed.emit(Changes.of(ChangeKind.ACTIVITY, counted))
    assert len(reads) == 1


def test_the_status_bar_reminder_goes_when_its_item_is_done(main_window) -> None:
    from desktop.ui.today.reminders import Notifier

    ctx = main_window.ctx
    pid, _ = pursuits.create_pursuit(
        ctx.workspace, pursuits.PursuitDraft(title="提醒项目", account_name="提醒客户")
    )
    activity_id, _ = ctx.perform(
        activities.create_activity,
        ActivityDraft(subject="昨天该打的电话", pursuit_id=pid, due_on=date.today() - timedelta(1)),
    )
    reminders = main_window.reminders
    reminders.shown.clear()
    ctx.settings.set_screen_state(STATE, {})
    reminders.start()
    bar = main_window.statusBar()
    assert isinstance(reminders.notify, Notifier)  # offscreen: no tray, the status bar
    assert "昨天该打的电话" in bar.currentMessage()
    ctx.perform(activities.complete_activity, activity_id)
    assert bar.currentMessage() == ""


def test_the_same_subject_in_two_pursuits_is_told_with_each_pursuit(ctx) -> None:
    """「打电话确认预算、打电话确认预算」 told nothing about which is which."""
    ctx.settings.set_screen_state(
        STATE, {str(ctx.workspace.path): datetime(2026, 5, 3, 12, 0).isoformat()}
    )
    for title in ("MES 项目", "ERP 项目"):
        pursuits.create_pursuit(
            ctx.workspace,
            pursuits.PursuitDraft(
                title=title,
                account_name="恒通电子",
                next_step="打电话确认预算",
                next_step_due=DAY - timedelta(days=1),
            ),
        )
    plan(ctx, "补发报价单", DAY - timedelta(days=1))
    reminders, told = make(ctx, Clock(datetime(2026, 5, 4, 2, 0)))
    reminders.start()
    text = told[0][1]
    with_pursuit = QCoreApplication.translate("Reminders", "{0} ({1})")
    for title in ("MES 项目", "ERP 项目"):
        assert with_pursuit.format("打电话确认预算", title) in text
    assert with_pursuit.format("补发报价单", "MES 项目") not in text  # told once: as it is
    assert "补发报价单" in text
