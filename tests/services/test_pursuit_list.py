"""The Pursuits list's rows, bulk tagging and export, on real SQLite files."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import event

from desktop.services import pursuits, records
from desktop.services.errors import InvalidInput, NotFound
from desktop.services.pursuits import PursuitDraft
from desktop.services.queries import board, pursuit_list
from desktop.services.queries.pursuit_list import (
    DATE,
    DATETIME,
    MONEY,
    NUMBER,
    PERCENT,
    ExportColumn,
)
from tests.collecting import collect


def make(ws, title: str, account: str = "上海华通", **extra) -> str:
    pursuit_id, _ = pursuits.create_pursuit(
        ws, PursuitDraft(title=title, account_name=account, **extra)
    )
    return pursuit_id


def test_rows_hold_open_and_closed_pursuits_with_board_weights(demo_ws) -> None:
    rows = pursuit_list.list_pursuits(demo_ws)
    cards = {c.id: c for c in board.board_cards(demo_ws, include_closed=True)}
    assert {r.id for r in rows} == set(cards)
    assert {r.status for r in rows} >= {"open", "collected"}
    for row in rows:
        card = cards[row.id]
        assert (row.account, row.title, row.stage, row.status) == (
            card.account,
            card.title,
            card.stage,
            card.status,
        )
        assert (row.win_rate, row.weighted, row.tags) == (card.win_rate, card.weighted, card.tags)


def _selects(ws, read) -> tuple[Any, int]:
    statements: list[str] = []

    def trace(dbapi_connection, _record, _proxy) -> None:
        # The rows are read through the driver, below SQLAlchemy's events: trace sqlite3 itself.
        dbapi_connection.set_trace_callback(statements.append)

    event.listen(ws.db.engine, "checkout", trace)
    try:
        found = read()
    finally:
        event.remove(ws.db.engine, "checkout", trace)
    return found, len([s for s in statements if s.lstrip().upper().startswith("SELECT")])


def test_weights_follow_the_domain_rules_on_what_is_still_to_collect(demo_ws) -> None:
    """The rows weigh inline (50,000 of them): the same as forecast.weighted_amount on
    status.weighted_base, with the money received as services.collection reads it."""
    from desktop.domain import forecast
    from desktop.domain import status as status_rules
    from desktop.services import collection

    with demo_ws.read() as session:
        received = collection.received_by_pursuit(session)
    rows = pursuit_list.list_pursuits(demo_ws, details=False)
    assert any(r.status == "open" and received.get(r.id) for r in rows)  # the rule is exercised
    for row in rows:
        base = status_rules.weighted_base(row.status, row.amount, received.get(row.id, 0))
        assert row.weighted == forecast.weighted_amount(base, row.win_rate), row.id


def test_rows_load_in_seven_queries(demo_ws) -> None:
    rows, selects = _selects(demo_ws, lambda: pursuit_list.list_pursuits(demo_ws))
    assert len(rows) == 30
    # account names, pursuits, tags, last touches, instalments received (weights on what is
    # still to collect), the pursuits kept private (the list marks them), the names of the
    # databases pursuits came from (one small read, not a join on every row): a fixed number,
    # whatever the row count
    assert selects == 7
    # The first paint's read leaves tags and last touches out; `list_details` reads them.
    _lean, selects = _selects(demo_ws, lambda: pursuit_list.list_pursuits(demo_ws, details=False))
    assert selects == 5
    _details, selects = _selects(demo_ws, lambda: pursuit_list.list_details(demo_ws))
    assert selects == 2


def test_lean_rows_and_their_details_make_the_full_rows(demo_ws) -> None:
    full = pursuit_list.list_pursuits(demo_ws)
    lean = pursuit_list.list_pursuits(demo_ws, details=False)
    assert not any(r.details for r in lean) and all(r.details for r in full)
    assert any(r.tags for r in full) and any(r.touched_at for r in full)
    assert not any(r.tags or r.touched_at or r.touched_by for r in lean)
    details = pursuit_list.list_details(demo_ws)
    for row in lean:
        row.fill_details(*details.get(row.id, ((), None, "")))
    assert lean == full


def test_rows_of_a_missing_account_are_left_out_as_the_join_leaves_them(ws) -> None:
    a = make(ws, "ERP 升级", "上海华通")
    b = make(ws, "MES 二期", "苏州精工")
    with ws.db.engine.begin() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
        connection.exec_driver_sql(
            "DELETE FROM accounts WHERE id = (SELECT account_id FROM pursuits WHERE id = ?)",
            (b,),
        )
    assert [r.id for r in pursuit_list.list_pursuits(ws)] == [a]
    assert [r.id for r in pursuit_list.list_pursuits(ws, ids=[a, b])] == [a]


def test_rows_of_one_account_or_some_ids(ws) -> None:
    a = make(ws, "ERP 升级", "上海华通", tags=["重点"])
    b = make(ws, "MES", "南京华盛")
    c = make(ws, "WMS", "上海华通")
    account_id = records.get(ws, "pursuit", a)["account_id"]
    assert {r.id for r in pursuit_list.list_pursuits(ws, account_id=account_id)} == {a, c}
    assert [r.tags for r in pursuit_list.list_pursuits(ws, ids=[a])] == [("重点",)]
    assert {r.id for r in pursuit_list.list_pursuits(ws, ids=[b, c, b])} == {b, c}
    assert pursuit_list.list_pursuits(ws, ids=[]) == []
    records.delete(ws, "pursuit", c)
    assert {r.id for r in pursuit_list.list_pursuits(ws)} == {a, b}


def test_company_win_rates_change_the_weighted_amounts(ws) -> None:
    pid = make(ws, "ERP", amount=1_000_000_00, stage=3)
    (row,) = pursuit_list.list_pursuits(ws)
    assert (row.win_rate, row.weighted) == (30, 300_000_00)
    ws.policy.win_rates = {3: 35}
    (row,) = pursuit_list.list_pursuits(ws)
    assert (row.win_rate, row.weighted) == (35, 350_000_00)
    collect(ws, [pid])
    (row,) = pursuit_list.list_pursuits(ws)
    assert (row.win_rate, row.weighted) == (100, 1_000_000_00)


def test_days_in_stage_and_dates_are_plain_values(ws) -> None:
    make(
        ws,
        "ERP",
        expected_close=date(2030, 1, 31),
        next_step="约见 CIO",
        next_step_due=date(2030, 1, 2),
    )
    (row,) = pursuit_list.list_pursuits(ws)
    assert row.expected_close == date(2030, 1, 31)
    assert row.next_step_due == date(2030, 1, 2)
    assert isinstance(row.updated_at, datetime)
    assert row.days_in_stage(row.stage_entered_at.date()) == 0
    assert row.days_in_stage(date(1999, 1, 1)) == 0  # never negative


def test_red_flags_come_from_deal_health(demo_ws) -> None:
    from desktop.services import health

    flags = pursuit_list.red_flags(demo_ws)
    assert flags == health.red_flag_counts(demo_ws)
    assert flags and all(n > 0 for n in flags.values())


def test_bulk_tags_add_remove_and_undo(ws) -> None:
    a = make(ws, "ERP", tags=["续约"])
    b = make(ws, "MES")
    change = pursuits.tag_pursuits(ws, [a, b], add=["重点"])
    assert pursuits.tags_of(ws, a) == ["续约", "重点"]
    assert pursuits.tags_of(ws, b) == ["重点"]
    assert change.changes.ids("pursuit") == {a, b}
    again = pursuits.tag_pursuits(ws, [a, b], add=["重点"])
    assert not again.before and not again.changes  # nothing to do, nothing recorded
    removed = pursuits.tag_pursuits(ws, [a, b], remove=["续约"])
    assert [s.pursuit_id for s in removed.before] == [a]
    removed.undo(ws)
    assert pursuits.tags_of(ws, a) == ["续约", "重点"]
    change.undo(ws)
    assert pursuits.tags_of(ws, a) == ["续约"]
    assert pursuits.tags_of(ws, b) == []
    change.redo(ws)
    assert pursuits.tags_of(ws, b) == ["重点"]
    with pytest.raises(InvalidInput):
        pursuits.tag_pursuits(ws, [a], add=["  "])
    records.delete(ws, "pursuit", b)
    with pytest.raises(NotFound):
        pursuits.tag_pursuits(ws, [a, b], add=["新"])
    assert pursuits.tags_of(ws, a) == ["续约", "重点"]  # the failed bulk change saved nothing


COLUMNS = [
    ExportColumn("客户", width=30),
    ExportColumn("金额", MONEY),
    ExportColumn("赢率", PERCENT),
    ExportColumn("预计成交", DATE),
    ExportColumn("阶段天数", NUMBER),
    ExportColumn("标签"),
    ExportColumn("最后修改", DATETIME),
]
ROWS = [
    ["苏州恒通电子有限公司", 1_280_000_00, 40, date(2027, 3, 31), 12, ("重点", "续约"),
     datetime(2026, 5, 1, 9, 30)],
    ["Acme, \"Ltd\"", 99, 0, None, 0, (), None],
]  # fmt: skip


def test_csv_is_utf8_with_bom_and_plain_numbers(tmp_path: Path) -> None:
    path = tmp_path / "out" / "pursuits.csv"
    assert pursuit_list.export_rows(path, COLUMNS, ROWS) == 2
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    assert table[0] == ["客户", "金额", "赢率", "预计成交", "阶段天数", "标签", "最后修改"]
    assert table[1] == [
        "苏州恒通电子有限公司",
        "1280000.00",
        "40%",
        "2027-03-31",
        "12",
        "重点, 续约",
        "2026-05-01 09:30",
    ]
    assert table[2] == ['Acme, "Ltd"', "0.99", "0%", "", "0", "", ""]
    assert [p.name for p in path.parent.iterdir()] == ["pursuits.csv"]  # no temp file left


def test_xlsx_has_typed_cells(tmp_path: Path) -> None:
    path = tmp_path / "pursuits.xlsx"
    pursuit_list.export_rows(path, COLUMNS, ROWS, sheet_title="项目: 全部/2026")
    sheet = load_workbook(path).active
    assert sheet.title == "项目_ 全部_2026"
    assert [c.value for c in sheet[1]] == [c.header for c in COLUMNS]
    first = [c.value for c in sheet[2]]
    assert first[:3] == ["苏州恒通电子有限公司", 1_280_000, 0.4]
    assert first[3] == datetime(2027, 3, 31)
    assert first[4:] == [12, "重点, 续约", datetime(2026, 5, 1, 9, 30)]
    assert sheet["B2"].number_format == "#,##0.00"
    assert sheet["C2"].number_format == "0%"
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:G3"
    assert [c.value for c in sheet[3]][3] is None


def test_a_failed_export_leaves_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "exports" / "pursuits.csv"
    path.parent.mkdir()
    path.write_text("old", encoding="utf-8")
    bad = ["x", "not money", 0, None, 0, (), None]  # a money column holding text: a caller's bug
    with pytest.raises(TypeError):
        pursuit_list.export_rows(path, COLUMNS, [ROWS[0], bad])
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in path.parent.iterdir()] == ["pursuits.csv"]
