"""The main window shell opens in both languages and keeps its geometry."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.infra.settings import Settings


@pytest.fixture
def window_workspace(ws):
    """The shell as on a first start: an empty database (`ws` is the window's)."""
    return ws


@pytest.mark.parametrize("main_window", ["zh_CN", "en"], indirect=True)
def test_window_opens_with_menus_and_status(main_window, tmp_path: Path) -> None:
    titles = [a.text() for a in main_window.menuBar().actions()]
    if main_window.ctx.language == "zh_CN":
        assert titles[0].startswith("文件")
        assert "项目型销售管理" in main_window.windowTitle()
        assert "个项目" in main_window.counts_label.text()
    else:
        assert titles[0] == "&File"
        assert "Pursuit" in main_window.windowTitle()
        assert "pursuits" in main_window.counts_label.text()
    assert str(main_window.ctx.workspace.path) in main_window.db_label.text()
    assert main_window.grab().save(str(tmp_path / "window.png"))


def test_geometry_survives_a_restart(main_window, ws) -> None:
    from desktop.app import create_main_window

    main_window.resize(640, 480)
    main_window.close()
    _ctx, again = create_main_window(ws, Settings())
    assert (again.size().width(), again.size().height()) == (640, 480)


def test_switching_database(main_window, tmp_path: Path) -> None:
    assert main_window.switch_database(tmp_path / "other.db")
    assert main_window.ctx.workspace.path.name == "other.db"
    assert "other" in main_window.windowTitle()
    bad = tmp_path / "bad.db"
    bad.write_text("nonsense")
    assert not main_window.switch_database(bad, create=False)
    assert main_window.ctx.workspace.path.name == "other.db"


def test_opening_a_pursuit_while_typing_elsewhere_shows_only_the_pursuit(
    main_window, ws, qtbot
) -> None:
    """Focus leaving a hidden screen used to land on the rail, which picked its first row (the
    board) in the middle of the switch: board and pursuit were both shown, one over the other."""
    from PySide6.QtWidgets import QLineEdit

    from desktop.services import pursuits
    from desktop.services.pursuits import PursuitDraft

    pursuit_id, _ = pursuits.create_pursuit(
        ws, PursuitDraft(title="MES 二期", account_name="苏州恒通电子有限公司", amount=100)
    )
    accounts = main_window.show_screen("accounts")
    search = accounts.findChild(QLineEdit, "accounts_search")
    search.setFocus()
    qtbot.waitUntil(search.hasFocus)

    assert main_window.open_pursuit(pursuit_id)
    qtbot.wait(50)
    workspace = main_window.screens["pursuit"]
    assert main_window.stack.currentWidget() is workspace
    assert [w for w in main_window.screens.values() if w.isVisible()] == [workspace]
    assert main_window.rail.currentRow() == -1
    main_window.show_screen("board")  # the rail still switches
    assert main_window.stack.currentWidget() is main_window.screens["board"]
    assert not workspace.isVisible()
