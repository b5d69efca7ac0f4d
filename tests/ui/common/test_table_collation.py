"""The table kit's text sort (pinyin collation) when the numbering of texts is reused: two models
with the same names, and a model whose names change, each sort as a fresh collation would."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt

from desktop.ui.common.table import Column, RowTableModel


@dataclass(frozen=True)
class Named:
    id: str
    name: str


def model(names: list[str]) -> RowTableModel:
    column = Column("name", lambda: "Name", lambda r: r.name, lambda r: r.name, text=True)
    table = RowTableModel([column])
    table.sort(0, Qt.SortOrder.AscendingOrder)
    table.set_rows(Named(str(n), name) for n, name in enumerate(names))
    return table


def shown(table: RowTableModel) -> list[str]:
    return [row.name for row in table.shown_rows()]


def test_the_same_names_sort_alike_and_changed_names_are_collated_again(qapp) -> None:
    names = ["张三", "阿里", "北京10号", "北京9号", "", "Zeta", "王五"]
    first = shown(model(names))
    assert first[:3] == ["阿里", "北京9号", "北京10号"]  # pinyin, numbers as numbers
    assert first[-1] == ""  # no text goes last
    assert shown(model(list(reversed(names)))) == first
    renamed = model(names)
    renamed.update_rows([Named("0", "蔡六")])  # 张三 becomes 蔡六
    assert shown(renamed)[:4] == ["阿里", "北京9号", "北京10号", "蔡六"]
