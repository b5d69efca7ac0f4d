"""The workspace shell: header, deal-health flags that link to their fix, lazy tabs."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from PySide6.QtWidgets import QLabel, QToolButton, QWidget

from desktop.domain import health as rules
from desktop.services import health
from desktop.services.queries import board
from desktop.ui.pursuit import tabs as tab_registry
from desktop.ui.pursuit import workspace as workspace_module

from .conftest import make_pursuit


def stage4_with_flags(ws) -> str:
    cards = [c for c in board.board_cards(ws) if c.stage == 4]
    return max(cards, key=lambda c: c.red_flags).id


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_header_and_flags_in_both_languages(open_workspace, demo_ws, lang, tmp_path) -> None:
    pid = stage4_with_flags(demo_ws)
    widget = open_workspace(demo_ws, lang)
    widget.show_pursuit(pid)
    flags = health.flags_of(demo_ws, pid)
    assert flags
    # The flags' chips (not the "+N" chip that folds those without room).
    buttons = [b for b in widget.health.findChildren(QToolButton) if b is not widget.health.more]
    assert len(buttons) == len(flags)
    catalog_lang = "zh" if lang == "zh_CN" else "en"
    assert buttons[0].text().startswith(flags[0].reason(catalog_lang))
    if lang == "zh_CN":
        assert widget.health.title.text().startswith("风险提示")
        assert "阶段 4" in widget.figures.text() and "赢率" in widget.figures.text()
        assert widget.tabs.tabText(1) == "辅导要点"
    else:
        assert widget.health.title.text().startswith("Red flags")
        assert "Stage 4" in widget.figures.text()
        assert widget.tabs.tabText(1) == "Coaching"
    assert widget.grab().save(str(tmp_path / "workspace.png"))


def test_each_flag_opens_the_place_to_fix_it(open_workspace, ws) -> None:
    pid = make_pursuit(ws, stage=8, next_step="")
    widget = open_workspace(ws)
    widget.show_pursuit(pid)
    codes = [f.code for f in widget.health.flags]
    assert codes == [
        rules.NO_INSIDER,
        rules.NO_INITIATOR,
        rules.NO_DECISION_MAKER,
        rules.NO_DESIGNER,
        rules.NO_EVALUATOR,
        rules.NO_ALLY,
        rules.NO_PAIN,
        rules.NO_VALUE_CASE,
        rules.ACCEPTANCE_UNSIGNED,
        rules.NO_NEXT_STEP,
    ]
    by_code = {f.code: b for f, b in zip(widget.health.flags, widget.health.buttons, strict=True)}
    by_code[rules.NO_VALUE_CASE].click()
    assert widget.current_key() == "pains"
    widget.show_tab("overview")
    by_code[rules.NO_PAIN].click()
    assert widget.current_key() == "pains"
    by_code[rules.ACCEPTANCE_UNSIGNED].click()
    assert widget.current_key() == "collection"
    by_code[rules.NO_NEXT_STEP].click()
    assert widget.current_key() == "overview"
    # A section registered by another package when present, else the coaching point.
    by_code[rules.NO_INSIDER].click()
    expected = next(
        (k for k in workspace_module.REGISTERED_ALIASES["stakeholders"] if k in widget.tab_keys),
        "coaching",
    )
    assert widget.current_key() == expected


def test_a_flag_falls_back_to_its_coaching_point(open_workspace, ws, monkeypatch, qtbot) -> None:
    pid = make_pursuit(ws, stage=2)
    widget = open_workspace(ws, tabs=[])
    widget.show_pursuit(pid)
    flag = widget.health.flags[0]
    assert flag.code == rules.NO_INSIDER
    widget.go_to_flag(flag)
    assert widget.current_key() == "coaching"
    page = widget.pages["coaching"]
    assert page.blocks[1].inner.isVisible()  # stage 1 opened to show its question
    qtbot.waitUntil(lambda: page.blocks[1].answers["s1.insider"].hasFocus())


class FakeTab(QWidget):
    made: list[FakeTab] = []

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.shown: list[str] = []
        FakeTab.made.append(self)

    def set_pursuit(self, pursuit_id: str) -> None:
        self.shown.append(pursuit_id)


@dataclass(frozen=True)
class FakeRegistration(tab_registry.PursuitTab):
    def create(self, ctx, parent):
        return FakeTab(ctx, parent)


def test_registered_tabs_come_after_ours_and_are_made_on_first_show(
    open_workspace, ws, monkeypatch
) -> None:
    FakeTab.made.clear()
    fake = FakeRegistration("stakeholders", "Stakeholders", "unused", "FakeTab")
    first = make_pursuit(ws, stage=3)
    second = make_pursuit(ws, stage=5, title="WMS")
    widget = open_workspace(ws, tabs=[fake])
    widget.show_pursuit(first)
    assert widget.tab_keys == [s.key for s in workspace_module.SECTIONS] + ["stakeholders"]
    assert FakeTab.made == []
    widget.show_tab("stakeholders")
    (tab,) = FakeTab.made
    assert tab.shown == [first]
    widget.show_pursuit(second)  # the open tab follows the pursuit
    assert tab.shown == [first, second]
    widget.refresh()  # a change elsewhere: the tab hears of it itself, not from us
    assert tab.shown == [first, second]
    # A stakeholder flag now opens the registered tab.
    flag = next(f for f in widget.health.flags if f.section == rules.STAKEHOLDERS)
    widget.show_tab("overview")
    widget.go_to_flag(flag)
    assert widget.current_key() == "stakeholders"


def test_no_flags_says_so_and_toolbar(open_workspace, ws) -> None:
    pid = make_pursuit(ws, stage=1)
    widget = open_workspace(ws, "en")
    widget.show_pursuit(pid)
    assert widget.health.flags == []
    assert "No red flags" in widget.health.title.text()
    names = [a.objectName() for a in widget.toolbar_actions() if a is not None]
    assert names == ["back", "manager_view"]


def test_a_pursuit_that_is_gone(open_workspace, ws) -> None:
    widget = open_workspace(ws, "en")
    widget.show_pursuit("no-such-pursuit")
    assert widget.stack.currentWidget() is widget.missing
    assert "no longer exists" in widget.findChild(QLabel, "missing").text()


def test_changes_elsewhere_refresh_the_header_and_flags(open_workspace, ws, qtbot) -> None:
    from desktop.services import pursuit_edits

    pid = make_pursuit(ws, stage=1, next_step="")
    widget = open_workspace(ws)
    widget.show_pursuit(pid)
    assert [f.code for f in widget.health.flags] == [rules.NO_NEXT_STEP]
    changes = pursuit_edits.save(
        ws, pursuit_edits.Target("pursuit", pid), {"next_step": "电话", "title": "新名字"}
    )
    widget.ctx.broadcast(changes)
    qtbot.waitUntil(lambda: widget.title.text() == "新名字")
    assert widget.health.flags == []


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_header_says_shared_or_private_and_switches_with_undo(
    open_workspace, ws, lang, qtbot
) -> None:
    from desktop.services.sync import sharing

    pid = make_pursuit(ws)
    widget = open_workspace(ws, lang)
    widget.show_pursuit(pid)
    button = widget.sharing
    assert button.isVisible()
    assert button.text() == ("共享" if lang == "zh_CN" else "Shared")
    widget.sharing.click()
    assert not sharing.is_shared(ws, pid)
    assert button.text() == ("私有" if lang == "zh_CN" else "Private")
    # What turning it private means is said where it is done.
    tip = button.toolTip()
    assert ("同事" in tip) if lang == "zh_CN" else ("keep the copy they have" in tip)
    widget.ctx.undo_stack.undo()
    assert sharing.is_shared(ws, pid)
    qtbot.waitUntil(lambda: button.text() in ("共享", "Shared"))
