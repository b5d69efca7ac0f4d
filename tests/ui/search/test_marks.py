"""The search popup marks every occurrence of the query in a result, the selected row's too."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem

from desktop.domain.methodology import default_catalog
from desktop.services.search import Hit
from desktop.ui.search.delegate import HIT_HEIGHT, ResultDelegate
from desktop.ui.search.model import HitRole, ResultsModel

WIDTH = 560
# A person whose title and pursuit both hold the word: "系统架构师 · … · MES 生产执行系统".
PERSON = Hit(
    kind="stakeholder",
    id="p1",
    label="傅丽博",
    detail="系统架构师 · 信息中心",
    pursuit_id="x",
    pursuit_title="MES 生产执行系统",
)
PURSUIT = Hit(
    kind="pursuit", id="x", label="质量追溯系统 二期", detail="青岛瑞信电商有限公司", pursuit_id="x"
)


def test_every_occurrence_is_found_case_aside() -> None:
    from desktop.ui.search.delegate import match_spans

    assert match_spans("系统架构师 · MES 生产执行系统", "系统") == [(0, 2), (16, 18)]
    assert match_spans("Mes and MES", "mes") == [(0, 3), (8, 11)]
    assert match_spans("abcabc", "bc ab") == [(0, 6)]  # overlapping marks are one
    assert match_spans("Straße", "STRASSE") == [(0, 6)]  # positions stay the text's
    assert match_spans("系统", "") == []


def paint(hit: Hit, query: str, selected: bool) -> QImage:
    model = ResultsModel()
    model.set_hits([hit], query)
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(HitRole) is hit)
    delegate = ResultDelegate(default_catalog(), "zh")
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, WIDTH, HIT_HEIGHT)
    option.font = QApplication.font()
    option.palette = QApplication.palette()
    option.state = QStyle.StateFlag.State_Enabled
    if selected:
        option.state |= QStyle.StateFlag.State_Selected
    image = QImage(WIDTH, HIT_HEIGHT, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    delegate.paint(painter, option, model.index(row, 0))
    painter.end()
    return image


def marked_columns(hit: Hit, query: str, selected: bool, top: int, bottom: int) -> set[int]:
    """The x positions between rows `top` and `bottom` that the query's marks changed."""
    plain, marked = paint(hit, "", selected), paint(hit, query, selected)
    return {
        x
        for x in range(WIDTH)
        for y in range(top, bottom)
        if plain.pixel(x, y) != marked.pixel(x, y)
    }


def test_the_second_occurrence_on_a_line_is_marked(qapp) -> None:
    small = QFont(QApplication.font())
    small.setPointSizeF(max(7.0, small.pointSizeF() - 0.5))
    metrics = QFontMetrics(small)
    line = "系统架构师 · 信息中心  ·  MES 生产执行系统"
    start = 22 + metrics.horizontalAdvance(line[: line.rindex("系统")])
    width = metrics.horizontalAdvance("系统")
    columns = marked_columns(PERSON, "系统", False, 24, 42)  # the second line
    assert any(x in columns for x in range(start + 2, start + width - 2))


def test_the_selected_row_keeps_its_mark(qapp) -> None:
    bold = QFont(QApplication.font())
    bold.setBold(True)
    start = 22 + QFontMetrics(bold).horizontalAdvance("质量追溯")
    width = QFontMetrics(bold).horizontalAdvance("系统")
    columns = marked_columns(PURSUIT, "系统", True, 5, 25)  # the name's line
    assert columns and min(columns) >= start - 1 and max(columns) <= start + width + 1
