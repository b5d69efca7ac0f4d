"""Fixtures for the stakeholder-map editor: a context over a real workspace and a sample map."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

import pytest

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QGraphicsView

from desktop.infra import i18n
from desktop.infra.settings import Settings


def load_sample() -> ModuleType:
    """tests/ui/stakeholder_map/sample.py, whatever the import mode."""
    path = Path(__file__).with_name("sample.py")
    spec = importlib.util.spec_from_file_location("stakeholder_map_sample", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_SAMPLE = load_sample()


@pytest.fixture(name="sample")
def sample_module() -> ModuleType:
    """The sample organisation's module (PEOPLE, LINKS, build)."""
    return _SAMPLE


@pytest.fixture(scope="session")
def sample_template(tmp_path_factory: pytest.TempPathFactory):
    """A database with the sample organisation, made once per run and copied per test."""
    from desktop.services.workspace import Workspace

    path = tmp_path_factory.mktemp("map_template") / "map.db"
    workspace = Workspace.open(path)
    pursuit_id, ids = _SAMPLE.build(workspace)
    workspace.close()
    names = {row[0]: pid for row, pid in zip(_SAMPLE.PEOPLE, ids, strict=True)}
    return path, pursuit_id, names


@pytest.fixture
def map_ws(sample_template, tmp_path: Path):
    """A workspace on a fresh copy of the sample database."""
    from desktop.services.workspace import Workspace

    path = tmp_path / "map.db"
    shutil.copy(sample_template[0], path)
    workspace = Workspace.open(path)
    yield workspace
    workspace.close()


@pytest.fixture
def ctx(qapp, map_ws, request):
    from desktop.ui.context import AppContext

    settings = Settings()
    settings.language = getattr(request, "param", "zh_CN")
    i18n.install(settings.language)
    context = AppContext(map_ws, settings)
    yield context
    context.undo_stack.clear()
    i18n.install("zh_CN")


@pytest.fixture
def sample_map(sample_template):
    """(pursuit id, {name: person id}) of the 15-person sample organisation (in `map_ws`)."""
    return sample_template[1], dict(sample_template[2])


@pytest.fixture
def editor(qtbot, ctx, sample_map):
    from desktop.ui.stakeholder_map.editor import StakeholderMapEditor

    widget = StakeholderMapEditor(ctx)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.set_pursuit(sample_map[0])
    widget.show()
    qtbot.waitExposed(widget)
    widget.view.actual_size()
    return widget


# --- synthetic mouse events (sent to the view's viewport, through the real view code) --------


def viewport_point(view: QGraphicsView, scene_pos: QPointF) -> QPoint:
    return view.mapFromScene(scene_pos)


def send_mouse(
    view: QGraphicsView,
    kind: QEvent.Type,
    scene_pos: QPointF,
    *,
    button: Qt.MouseButton = Qt.MouseButton.LeftButton,
    buttons: Qt.MouseButton | None = None,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    local = QPointF(viewport_point(view, scene_pos))
    global_pos = QPointF(view.viewport().mapToGlobal(local.toPoint()))
    if buttons is None:
        buttons = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease else button
    event = QMouseEvent(kind, local, global_pos, button, buttons, modifiers)
    QApplication.sendEvent(view.viewport(), event)


def drag(
    view: QGraphicsView,
    start: QPointF,
    end: QPointF,
    *,
    steps: int = 6,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    send_mouse(view, QEvent.Type.MouseButtonPress, start, modifiers=modifiers)
    for i in range(1, steps + 1):
        point = start + (end - start) * (i / steps)
        send_mouse(
            view,
            QEvent.Type.MouseMove,
            point,
            button=Qt.MouseButton.NoButton,
            buttons=Qt.MouseButton.LeftButton,
            modifiers=modifiers,
        )
    send_mouse(view, QEvent.Type.MouseButtonRelease, end, modifiers=modifiers)


def double_click(view: QGraphicsView, pos: QPointF) -> None:
    send_mouse(view, QEvent.Type.MouseButtonPress, pos)
    send_mouse(view, QEvent.Type.MouseButtonRelease, pos)
    send_mouse(view, QEvent.Type.MouseButtonDblClick, pos)
    send_mouse(view, QEvent.Type.MouseButtonRelease, pos)


def click(
    view: QGraphicsView,
    pos: QPointF,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    send_mouse(view, QEvent.Type.MouseButtonPress, pos, modifiers=modifiers)
    send_mouse(view, QEvent.Type.MouseButtonRelease, pos, modifiers=modifiers)


@pytest.fixture
def mouse():
    """Synthetic mouse gestures on a view: send, click, double_click, drag."""
    from types import SimpleNamespace

    return SimpleNamespace(send=send_mouse, click=click, double_click=double_click, drag=drag)
