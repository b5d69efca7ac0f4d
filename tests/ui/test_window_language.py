"""A window keeps the language it was started in (--lang) while another instance, started in the
other language, saves that one as the preference: the status bar's backup date, the title after a
restore, the review's dates and the Today screen's suggested next step all stay in the window's
language (i18n.ui_language), not in whatever the shared settings file says now."""

from __future__ import annotations

from datetime import date

import pytest

from PySide6.QtCore import Qt

from desktop.infra.settings import Settings
from desktop.services import activities, pursuits
from desktop.services.workspace import Workspace
from desktop.ui.common import format as fmt
from desktop.ui.safety import actions
from desktop.ui.sync import format as sync_format


@pytest.fixture
def window_workspace(demo_ws: Workspace) -> Workspace:
    """The demo, plus a stage-2 pursuit whose first step is an activity due today (Done on it
    offers the stage's next step)."""
    pid, _ = pursuits.create_pursuit(
        demo_ws,
        pursuits.PursuitDraft(title="语言测试项目", account_name="语言测试客户", stage=2),
    )
    activities.activities_from_steps(demo_ws, pid, due_on=date.today())
    steps = [s.key for s in demo_ws.catalog.stage(2).steps]
    for key in steps[1:]:
        activities.delete_activity(demo_ws, activities.step_activity_id(pid, key))
    demo_ws.language_pursuit = pid  # type: ignore[attr-defined]
    return demo_ws


def other_instance_saves(language: str) -> None:
    """What a second instance started with `--lang <language>` does to the shared settings file
    (the QSettings objects of one file share what they hold, as two processes do after a sync)."""
    Settings().language = language


@pytest.mark.parametrize("main_window", ["en"], indirect=True)
def test_an_english_window_stays_english_when_chinese_is_saved(qtbot, main_window) -> None:
    ctx = main_window.ctx
    pid = ctx.workspace.language_pursuit
    other_instance_saves("zh_CN")
    assert ctx.settings.language == "zh_CN"  # the preference did change under the window

    assert (ctx.language, ctx.lang, fmt.default_lang()) == ("en", "en", "en")
    info = actions.back_up_now(main_window)
    assert info is not None
    made = info.created
    assert main_window.backup_label.text() == (
        f"Backed up {made.day} {made:%b} {made.year} {made:%H:%M}"
    )
    # The review's versions: when each was written, and a date field's value.
    assert "年" not in sync_format.local_time(made)
    due = sync_format.value_text("pursuit", "next_step_due", "2026-11-29", ctx.catalog, ctx.lang)
    assert "29 Nov 2026" in due

    assert actions.restore_now(main_window, info.path)
    assert main_window.windowTitle().endswith("— Pursuit")

    screen = main_window.show_screen("today")
    ws = ctx.workspace  # the restored one
    steps = [s.key for s in ws.catalog.stage(2).steps]
    assert screen.select(activities.step_activity_id(pid, steps[0]))
    screen.view.setFocus()
    qtbot.keyClick(screen.view, Qt.Key.Key_Space)
    assert screen.bar.isVisible()
    assert screen.bar.subject.text() == ws.catalog.step(steps[1]).text("en")


@pytest.mark.parametrize("main_window", ["zh_CN"], indirect=True)
def test_a_chinese_window_stays_chinese_when_english_is_saved(main_window) -> None:
    ctx = main_window.ctx
    other_instance_saves("en")
    assert (ctx.language, ctx.lang, fmt.default_lang()) == ("zh_CN", "zh", "zh_CN")
    info = actions.back_up_now(main_window)
    assert info is not None
    assert f"{info.created.year}年" in main_window.backup_label.text()
    assert actions.restore_now(main_window, info.path)
    assert main_window.windowTitle().endswith("— 项目型销售管理")


@pytest.mark.parametrize("main_window", ["en"], indirect=True)
def test_preferences_show_the_windows_language(qtbot, main_window) -> None:
    from desktop.ui.preferences.dialog import PreferencesDialog

    other_instance_saves("zh_CN")
    dialog = PreferencesDialog(main_window.ctx, main_window)
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "en"  # what the window shows, not what was saved
    with qtbot.assertNotEmitted(dialog.language_chosen):
        dialog.accept()  # nothing to rebuild: the window already shows English

    again = PreferencesDialog(main_window.ctx, main_window)
    qtbot.addWidget(again)
    again.language.setCurrentIndex(again.language.findData("zh_CN"))
    with qtbot.waitSignal(again.language_chosen, timeout=2000) as chosen:
        again.accept()
    assert chosen.args == ["zh_CN"]


def test_lang_sets_the_language_of_one_start_only() -> None:
    from desktop.app import start_language

    settings = Settings()
    settings.language = "zh_CN"
    assert start_language(settings, "en") == "en"
    assert settings.language == "zh_CN"  # the next start without --lang opens in Chinese
    assert start_language(settings, None) == "zh_CN"
