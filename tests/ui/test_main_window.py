"""The main window shell opens in both languages and keeps its geometry."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.infra import i18n
from desktop.infra.settings import Settings


@pytest.fixture
def window(qtbot, ws, request):
    from desktop.app import create_main_window, make_application

    make_application()
    settings = Settings()
    settings.language = getattr(request, "param", "zh_CN")
    i18n.install(settings.language)
    _ctx, window = create_main_window(ws, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    i18n.install("zh_CN")


@pytest.mark.parametrize("window", ["zh_CN", "en"], indirect=True)
def test_window_opens_with_menus_and_status(window, tmp_path: Path) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    if window.ctx.language == "zh_CN":
        assert titles[0].startswith("文件")
        assert "项目型销售管理" in window.windowTitle()
        assert "个项目" in window.counts_label.text()
    else:
        assert titles[0] == "&File"
        assert "Pursuit" in window.windowTitle()
        assert "pursuits" in window.counts_label.text()
    assert str(window.ctx.workspace.path) in window.db_label.text()
    assert window.grab().save(str(tmp_path / "window.png"))


def test_geometry_survives_a_restart(window, ws) -> None:
    from desktop.app import create_main_window

    window.resize(640, 480)
    window.close()
    _ctx, again = create_main_window(ws, Settings())
    assert (again.size().width(), again.size().height()) == (640, 480)


def test_switching_database(window, tmp_path: Path) -> None:
    assert window.switch_database(tmp_path / "other.db")
    assert window.ctx.workspace.path.name == "other.db"
    assert "other" in window.windowTitle()
    bad = tmp_path / "bad.db"
    bad.write_text("nonsense")
    assert not window.switch_database(bad, create=False)
    assert window.ctx.workspace.path.name == "other.db"


def test_opening_a_pursuit_while_typing_elsewhere_shows_only_the_pursuit(window, ws, qtbot) -> None:
    """Focus leaving a hidden screen used to land on the rail, which picked its first row (the
    board) in the middle of the switch: board and pursuit were both shown, one over the other."""
    from PySide6.QtWidgets import QLineEdit

    from desktop.services import pursuits
    from desktop.services.pursuits import PursuitDraft

    pursuit_id, _ = pursuits.create_pursuit(
        ws, PursuitDraft(title="MES 二期", account_name="苏州恒通电子有限公司", amount=100)
    )
    accounts = window.show_screen("accounts")
    search = accounts.findChild(QLineEdit, "accounts_search")
    search.setFocus()
    qtbot.waitUntil(search.hasFocus)

    assert window.open_pursuit(pursuit_id)
    qtbot.wait(50)
    workspace = window.screens["pursuit"]
    assert window.stack.currentWidget() is workspace
    assert [w for w in window.screens.values() if w.isVisible()] == [workspace]
    assert window.rail.currentRow() == -1
    window.show_screen("board")  # the rail still switches
    assert window.stack.currentWidget() is window.screens["board"]
    assert not workspace.isVisible()
