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
