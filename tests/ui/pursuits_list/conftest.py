"""Fixtures for the Pursuits screen: a context on a real workspace, the screen offscreen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.infra import i18n
from desktop.infra.settings import Settings
from desktop.services import pursuits
from desktop.services.pursuits import PursuitDraft


def make_context(workspace, language: str = "zh_CN"):
    from desktop.app import make_application
    from desktop.ui.context import AppContext

    make_application()
    settings = Settings()
    settings.language = language
    i18n.install(language)
    return AppContext(workspace, settings)


def close_error_boxes() -> None:
    from desktop.ui import errors

    for box in list(errors._open_boxes):
        box.close()


@pytest.fixture
def ctx(qtbot, ws) -> Iterator[object]:
    yield make_context(ws)
    close_error_boxes()
    i18n.install("zh_CN")


@pytest.fixture
def demo_ctx(qtbot, demo_ws) -> Iterator[object]:
    yield make_context(demo_ws)
    close_error_boxes()
    i18n.install("zh_CN")


def show(qtbot, ctx):
    from desktop.ui.pursuits_list.screen import PursuitsScreen

    widget = PursuitsScreen(ctx, None)
    qtbot.addWidget(widget)
    widget.resize(1500, 800)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: not widget._flags_pending)
    return widget


@pytest.fixture
def screen(qtbot, ctx):
    return show(qtbot, ctx)


@pytest.fixture
def demo_screen(qtbot, demo_ctx):
    return show(qtbot, demo_ctx)


def make(ws, title: str, *, stage: int = 1, account: str = "苏州恒通电子有限公司", **extra) -> str:
    pursuit_id, _ = pursuits.create_pursuit(
        ws,
        PursuitDraft(
            title=title,
            account_name=account,
            amount=extra.pop("amount", 1_000_000_00),
            stage=stage,
            **extra,
        ),
    )
    return pursuit_id
