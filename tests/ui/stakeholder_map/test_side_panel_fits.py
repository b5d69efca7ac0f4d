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
