"""The Pursuits table model: Qt's model rules, sorting by every column, filtering."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from PySide6.QtCore import Qt

from desktop.services.queries import pursuit_list
from desktop.ui.common.pursuit_table import ListFilter, PursuitTableModel


def model_of(ws, **kwargs) -> PursuitTableModel:
    from desktop.app import make_application

    make_application()
    model = PursuitTableModel(ws.catalog, "zh", ws.stale_limit, **kwargs)
    model.set_rows(pursuit_list.list_pursuits(ws))
    model.set_list_filter(ListFilter(statuses=frozenset()))
    return model


def test_model_passes_qt_model_tester(qtmodeltester, demo_ws) -> None:
    model = model_of(demo_ws)
    qtmodeltester.check(model)
    model.sort(model.column_index("amount"), Qt.SortOrder.DescendingOrder)
    model.set_list_filter(ListFilter(statuses=frozenset({"open"}), text="系统"))
    qtmodeltester.check(model)


@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_every_column_sorts(demo_ws, order) -> None:
    model = model_of(demo_ws)
    model.set_flags(pursuit_list.red_flags(demo_ws))
    for number, column in enumerate(model.columns):
        model.sort(number, order)
        values = [column.sort(r) for r in model.shown_rows()]
        present = [v for v in values if v is not None and v != ""]
        missing = values[len(present) :]
        assert all(v is None or v == "" for v in missing), column.key  # empty values go last
        if column.text:
            continue  # collated (pinyin); checked below
        expected = sorted(present, reverse=order == Qt.SortOrder.DescendingOrder)
        assert present == expected, column.key


def test_text_sorts_by_pinyin(ws) -> None:
    from desktop.services.pursuits import PursuitDraft, create_pursuit

    for account in ("中信银行", "安徽海螺", "北京华通", "Acme"):
        create_pursuit(ws, PursuitDraft(title="ERP", account_name=account))
    model = model_of(ws)
    model.sort(model.column_index("account"), Qt.SortOrder.AscendingOrder)
    assert [r.account for r in model.shown_rows()] == ["安徽海螺", "北京华通", "中信银行", "Acme"]


def test_filters_give_the_right_rows(demo_ws) -> None:
    model = model_of(demo_ws)
    rows = model.all_rows()
    model.set_flags(pursuit_list.red_flags(demo_ws))

    def shown(**changes) -> set[str]:
        model.set_list_filter(ListFilter(**changes))
        return {r.id for r in model.shown_rows()}

    assert shown() == {r.id for r in rows if r.status == "open"}
    assert shown(statuses=frozenset()) == {r.id for r in rows}
    closed = frozenset({"collected", "lost", "abandoned"})
    assert shown(statuses=closed) == {r.id for r in rows if r.status != "open"}
    assert shown(statuses=frozenset(), stages=frozenset({3})) == {
        r.id for r in rows if r.stage == 3
    }
    tag = next(t for r in rows for t in r.tags)
    assert shown(statuses=frozenset(), tag=tag) == {r.id for r in rows if tag in r.tags}
    title = rows[0].title.split()[0]
    assert shown(statuses=frozenset(), text=title.lower()) == {
        r.id
        for r in rows
        if title.lower() in (r.title + r.account + r.next_step).lower() or title in r.tags
    }
    flagged = shown(statuses=frozenset(), flagged=True)
    assert flagged and flagged == {r.id for r in rows if model.flag_counts.get(r.id)}
    stale = shown(stale=True)
    assert stale == {
        r.id
        for r in rows
        if r.status == "open" and r.days_since_touch(model.today) > demo_ws.stale_limit(r.stage)
    }
    overdue = shown(overdue=True)
    today = model.today
    assert overdue == {
        r.id
        for r in rows
        if r.status == "open"
        and ((r.next_step_due and r.next_step_due < today) or (r.expected_close
             and r.expected_close < today))
    }  # fmt: skip


def test_totals_and_stale_marks(ws) -> None:
    from desktop.services.pursuits import PursuitDraft, create_pursuit

    create_pursuit(ws, PursuitDraft(title="A", account_name="甲", amount=1_000_00, stage=2))
    create_pursuit(ws, PursuitDraft(title="B", account_name="乙", amount=3_000_00, stage=4))
    model = model_of(ws, today=date.today() + timedelta(days=31))
    assert model.totals() == (2, 4_000_00, 200_00 + 1_200_00, "CNY")
    stale = [r.title for r in model.shown_rows() if model.is_stale(r)]
    assert stale == ["A"]  # stage 2's limit is 30 days, stage 4's 45
    days = model.index(0, model.column_index("days_since_touch"))
    assert days.data(Qt.ItemDataRole.ToolTipRole)


def test_totals_sum_the_most_common_currency_and_count_every_row(ws) -> None:
    from desktop.services.pursuits import PursuitDraft, create_pursuit

    for title, amount, currency in (
        ("A", 1_000_00, "USD"),
        ("B", 3_000_00, "CNY"),
        ("C", 2_000_00, "USD"),
        ("D", 5_000_00, "CNY"),
        ("E", 7_000_00, "EUR"),
    ):
        create_pursuit(
            ws, PursuitDraft(title=title, account_name="甲", amount=amount, currency=currency)
        )
    model = model_of(ws)
    # USD and CNY are as common: the first seen of them is summed, the others left out.
    first = next(r.currency for r in model.shown_rows() if r.currency in ("USD", "CNY"))
    rows = [r for r in model.shown_rows() if r.currency == first]
    weighted = sum(r.weighted for r in rows)
    assert model.totals() == (5, sum(r.amount for r in rows), weighted, first)
    assert model.totals(rows[:1]) == (1, rows[0].amount, rows[0].weighted, first)


def test_flags_of_the_rows_in_view_change_those_rows_only(ws) -> None:
    from desktop.services.pursuits import PursuitDraft, create_pursuit

    ids = [create_pursuit(ws, PursuitDraft(title=t, account_name="甲"))[0] for t in "ABC"]
    model = model_of(ws)
    model.set_flags({ids[0]: 2, ids[1]: 1})
    model.set_flags({ids[1]: 3}, only={ids[0], ids[1]})
    assert model.flag_counts == {ids[1]: 3}
    assert {r.id: r.red_flags for r in model.all_rows()} == {ids[0]: 0, ids[1]: 3, ids[2]: 0}
