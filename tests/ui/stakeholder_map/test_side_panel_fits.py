"""The details panel beside the map fits the width a 1280×720 window gives it: its labels and
fields wrap instead of scrolling sideways (a tester read 「ent」「o」「hip」 for Department,
Reports to and Relationship)."""

from __future__ import annotations

import pytest

from PySide6.QtWidgets import QScrollArea


@pytest.mark.parametrize("ctx", ["en", "zh_CN"], indirect=True)
def test_the_details_never_scroll_sideways(editor, ctx, sample_map, qtbot) -> None:
    _, names = sample_map
    editor.resize(1180, 560)  # the workspace's share of a 1280×720 window
    editor.splitter.setSizes([840, 340])
    editor.select_person(names["郭芳"])
    qtbot.wait(50)
    scroll = editor.details.person.findChild(QScrollArea)
    assert scroll is not None and scroll.isVisible()
    assert not scroll.horizontalScrollBar().isVisible()


@pytest.mark.parametrize("ctx", ["en", "zh_CN"], indirect=True)
def test_the_details_fit_the_narrowest_side_panel(editor, ctx, sample_map, qtbot) -> None:
    """Dragged to its narrowest (or restored so), the panel still shows every field whole: the
    English buying roles, help wanted and the new link's row needed 290 px of 266."""
    _, names = sample_map
    editor.resize(1180, 560)
    narrowest = editor.side.minimumWidth()
    editor.splitter.setSizes([1180 - narrowest, narrowest])
    editor.select_person(names["郭芳"])
    qtbot.wait(50)
    assert editor.side.width() == narrowest
    scroll = editor.details.person.findChild(QScrollArea)
    assert scroll is not None
    qtbot.waitUntil(lambda: not scroll.horizontalScrollBar().isVisible(), timeout=1000)
    viewport = scroll.viewport()
    boxes = [*editor.details.person.role_boxes.values(), *editor.details.person.help_boxes.values()]
    for widget in [*boxes, editor.details.person.add_link, editor.details.person.new_target]:
        right = widget.mapTo(viewport, widget.rect().topRight()).x()
        assert widget.isVisible() and right < viewport.width(), widget.objectName()
