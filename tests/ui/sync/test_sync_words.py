"""The export and import dialogs speak to a sales rep: nothing red before anything is typed,
everything exported by default, no login@host for a name, and reports in pursuits, accounts and
people rather than records."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import Qt

from desktop.services.sync import export
from desktop.ui.sync.actions import SITE_NAME_KEY, SyncActions
from desktop.ui.sync.format import business_summary, carried_summary

PASSPHRASE = "correct horse battery"


def test_the_export_dialog_opens_calm(main_window, tmp_path: Path) -> None:
    main_window.ctx.settings.store.remove(SITE_NAME_KEY)
    actions = main_window.findChild(SyncActions)
    dialog = actions.export_data(tmp_path / "x.pursuit-sync")
    ok = dialog.buttons.buttons()[0]
    # Nothing typed yet: no error in red, only a grey word on what is still needed.
    assert not dialog.problem.isVisibleTo(dialog) and not dialog.problem.text()
    assert dialog.missing.isVisibleTo(dialog) and dialog.missing.text()
    assert not ok.isEnabled()
    # Everything by default, nothing ticked behind the rep's back.
    assert dialog.everything.isChecked() and dialog.chosen_pursuits() is None
    ticked = [
        row
        for row in range(dialog.model.rowCount())
        if dialog.model.item(row).checkState() == Qt.CheckState.Checked
    ]
    assert ticked == []
    # The name is the rep's to type: no login@host.
    assert dialog.name.text() == "" and dialog.name.placeholderText()
    assert export.default_site_name() not in dialog.name.text() or not dialog.name.text()
    dialog.name.setText("王芳")
    dialog.passphrase.setText("short")
    assert dialog.problem.isVisibleTo(dialog) and "8" in dialog.problem.text()
    dialog.passphrase.setText(PASSPHRASE)
    assert not dialog.problem.isVisibleTo(dialog)  # the second one is not typed yet: no red
    assert dialog.missing.isVisibleTo(dialog) and not ok.isEnabled()
    dialog.again.setText(PASSPHRASE)
    assert ok.isEnabled() and not dialog.missing.isVisibleTo(dialog)
    dialog.reject()


def test_the_name_typed_last_time_comes_back(main_window, tmp_path: Path) -> None:
    main_window.ctx.settings.store.setValue(SITE_NAME_KEY, "王芳")
    dialog = main_window.findChild(SyncActions).export_data(tmp_path / "x.pursuit-sync")
    assert dialog.name.text() == "王芳"
    dialog.reject()


@pytest.mark.parametrize("main_window", ["en"], indirect=True)
def test_reports_count_pursuits_accounts_and_people(main_window) -> None:
    text = business_summary(
        {"pursuit": 3, "account": 2, "stakeholder": 5, "step_progress": 40},
        {"pursuit": 1, "indicator_score": 7},
    )
    assert text == (
        "3 new pursuits, 1 pursuit updated, 2 new accounts, 5 new people, 47 other details"
    )
    assert business_summary({}, {}) == "no changes"
    assert carried_summary({"pursuit": 12, "account": 3, "stakeholder": 40, "visit": 9}) == (
        "12 pursuits, 3 accounts, 40 people"
    )
    # One of a kind reads in the singular, never "(s)".
    assert business_summary({"account": 1, "stakeholder": 1}, {"stakeholder": 1}) == (
        "1 new account, 1 new person, 1 person updated"
    )
    assert carried_summary({"pursuit": 1, "account": 1, "stakeholder": 1}) == (
        "1 pursuit, 1 account, 1 person"
    )


def test_reports_in_chinese(main_window) -> None:
    text = business_summary({"pursuit": 3, "stakeholder": 5}, {"account": 1})
    assert text == "新增 3 个项目，更新 1 个客户，新增 5 位关键人"
    assert carried_summary({"pursuit": 12, "account": 3, "stakeholder": 40}) == (
        "12 个项目、3 个客户、40 位关键人"  # 关键人: the one word for stakeholders
    )
