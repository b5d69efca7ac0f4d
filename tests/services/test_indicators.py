"""The competitive matrix use-cases on a real SQLite file: cells, undo inverses, columns,
playbooks, paste and the plain data for the visit plan and the export."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import event, func, select

from desktop.services import indicators, pursuits
from desktop.services.errors import InvalidInput, NotFound
from desktop.services.indicators import (
    CLASS,
    Cell,
    CellRefused,
    GridEdit,
    NewCriterion,
    score_column,
)
from desktop.services.pursuits import PursuitDraft
from desktop.services.workspace import Workspace
from desktop.storage import sync_codec
from desktop.storage.tables import Indicator, IndicatorScore, PursuitCompetitor, SyncReview


@pytest.fixture
def deal(ws):
    """A pursuit with two competitors and three criteria, one per class."""
    pid, _ = pursuits.create_pursuit(
        ws, PursuitDraft(title="MES 二期", account_name="苏州恒通电子", stage=4)
    )
    sai, _ = indicators.create_competitor(ws, "赛达软件", {"weaknesses": "二次开发成本高"})
    yun, _ = indicators.create_competitor(ws, "云启科技")
    indicators.add_competitor(ws, pid, sai)
    indicators.add_competitor(ws, pid, yun)
    ids = []
    for name, importance, ours, a, b in (
        ("系统稳定性", 5, 5, 3, 4),  # winning
        ("移动端体验", 2, 5, 2, 3),  # sleeping
        ("报价", 4, 2, 4, 3),  # fatal
    ):
        cid, _ = indicators.add_criterion(ws, pid, {"name": name, "importance": importance})
        indicators.set_cells(
            ws,
            pid,
            [
                Cell(cid, "our_score", ours),
                Cell(cid, score_column(sai), a),
                Cell(cid, score_column(yun), b),
            ],
        )
        ids.append(cid)
    return ws, pid, sai, yun, ids


def classes(grid):
    return [grid.class_of(c) for c in grid.criteria]


def test_load_grid_rows_columns_and_classes(deal) -> None:
    ws, pid, sai, yun, ids = deal
    grid = indicators.load_grid(ws, pid)
    assert [v.name for v in grid.vendors] == ["赛达软件", "云启科技"]
    assert [c.id for c in grid.criteria] == ids
    assert classes(grid) == ["winning", "sleeping", "fatal"]
    assert grid.criteria[0].scores == {sai: 3, yun: 4}
    assert grid.columns == [
        "name",
        "meaning",
        "importance",
        "our_score",
        score_column(sai),
        score_column(yun),
        CLASS,
        "class_override",
        "override_reason",
        "action_plan",
    ]
    assert grid.stage == 4


def test_load_grid_of_missing_pursuit(ws) -> None:
    with pytest.raises(NotFound):
        indicators.load_grid(ws, "nope")


def test_load_grid_uses_four_queries(deal) -> None:
    ws, pid, *_ = deal
    statements = []

    def count(*_args):
        statements.append(1)

    event.listen(ws.db.engine, "before_cursor_execute", count)
    try:
        indicators.load_grid(ws, pid)
    finally:
        event.remove(ws.db.engine, "before_cursor_execute", count)
    # BEGIN is issued by the begin hook through exec_driver_sql and counts as one statement.
    assert len(statements) <= 5


def test_override_takes_precedence_and_is_counted(deal) -> None:
    ws, pid, _sai, _yun, ids = deal
    indicators.set_cells(
        ws,
        pid,
        [Cell(ids[2], "class_override", "neutral"), Cell(ids[2], "override_reason", "价格可谈")],
    )
    grid = indicators.load_grid(ws, pid)
    assert classes(grid) == ["winning", "sleeping", "neutral"]
    assert grid.criteria[2].computed_class(grid.competitor_ids) == "fatal"
    summary = indicators.summarize(grid)
    assert summary.overridden == 1
    assert summary.counts == {"winning": 1, "sleeping": 1, "fatal": 0, "neutral": 1}


def test_summary_weighted_scores_and_unplanned_fatal(deal) -> None:
    ws, pid, sai, _yun, ids = deal
    summary = indicators.summarize(indicators.load_grid(ws, pid))
    us, first, second = summary.vendors
    assert (us.key, us.total, us.maximum) == ("us", 5 * 5 + 2 * 5 + 4 * 2, 55)
    assert (first.key, first.name, first.total) == (sai, "赛达软件", 15 + 4 + 16)
    assert (second.total, second.scored) == (20 + 6 + 12, 3)
    assert us.share == pytest.approx(43 / 55)
    assert summary.unplanned_fatal == 1
    assert summary.leader() == us
    indicators.set_cells(ws, pid, [Cell(ids[2], "action_plan", "拆分为首年投入与五年 TCO")])
    assert indicators.summarize(indicators.load_grid(ws, pid)).unplanned_fatal == 0


def test_an_edit_and_its_inverse(deal) -> None:
    ws, pid, sai, _yun, ids = deal
    applied = indicators.set_cells(
        ws,
        pid,
        [Cell(ids[0], "importance", 2), Cell(ids[0], score_column(sai), None)],
    )
    assert applied.changes.ids("indicator") == {ids[0]}
    assert applied.changes.ids("pursuit_part") == {pid}
    grid = indicators.load_grid(ws, pid)
    assert grid.criteria[0].importance == 2 and grid.criteria[0].scores[sai] is None
    back = indicators.apply(ws, pid, applied.inverse)
    grid = indicators.load_grid(ws, pid)
    assert grid.criteria[0].importance == 5 and grid.criteria[0].scores[sai] == 3
    # The inverse of the inverse redoes the edit.
    indicators.apply(ws, pid, back.inverse)
    assert indicators.load_grid(ws, pid).criteria[0].importance == 2


def test_unchanged_values_write_nothing(deal) -> None:
    ws, pid, _sai, _yun, ids = deal
    with ws.read() as session:
        before = session.get(Indicator, ids[0]).vv
    indicators.set_cells(ws, pid, [Cell(ids[0], "importance", 5)])
    with ws.read() as session:
        assert session.get(Indicator, ids[0]).vv == before


def test_a_bad_value_refuses_the_whole_edit(deal) -> None:
    ws, pid, sai, _yun, ids = deal
    with pytest.raises(CellRefused) as refused:
        indicators.set_cells(
            ws, pid, [Cell(ids[0], "our_score", 1), Cell(ids[1], score_column(sai), 7)]
        )
    assert (refused.value.column, refused.value.code, refused.value.value) == (
        score_column(sai),
        "not_a_score",
        7,
    )
    assert refused.value.indicator_id == ids[1]
    assert indicators.load_grid(ws, pid).criteria[0].our_score == 5
    for bad in (
        Cell(ids[0], "name", "  "),
        Cell(ids[0], "importance", None),
        Cell(ids[0], "importance", True),
        Cell(ids[0], "class_override", "great"),
        Cell(ids[0], CLASS, "winning"),
        Cell(ids[0], "meaning", 3),
    ):
        with pytest.raises(CellRefused):
            indicators.set_cells(ws, pid, [bad])


def test_scores_only_for_competitors_in_the_pursuit(deal) -> None:
    ws, pid, _sai, _yun, ids = deal
    other, _ = indicators.create_competitor(ws, "恒通信息")
    with pytest.raises(CellRefused) as refused:
        indicators.set_cells(ws, pid, [Cell(ids[0], score_column(other), 3)])
    assert refused.value.code == "not_in_pursuit"
    with pytest.raises(NotFound):
        indicators.set_cells(ws, pid, [Cell("missing", "importance", 3)])


def test_add_criterion_at_a_row_and_delete_restore(deal) -> None:
    ws, pid, _sai, _yun, ids = deal
    new, applied = indicators.add_criterion(
        ws, pid, {"name": "实施周期", "meaning": "六个月"}, at=1
    )
    grid = indicators.load_grid(ws, pid)
    assert [c.id for c in grid.criteria] == [ids[0], new, ids[1], ids[2]]
    assert grid.criteria[1].importance == 3  # the default
    assert grid.class_of(grid.criteria[1]) == "neutral"
    indicators.apply(ws, pid, applied.inverse)  # undo the add
    assert [c.id for c in indicators.load_grid(ws, pid).criteria] == ids
    deleted = indicators.delete_criteria(ws, pid, [ids[1]])
    assert [c.id for c in indicators.load_grid(ws, pid).criteria] == [ids[0], ids[2]]
    indicators.apply(ws, pid, deleted.inverse)
    grid = indicators.load_grid(ws, pid)
    assert [c.id for c in grid.criteria] == ids
    assert grid.criteria[1].our_score == 5  # scores come back with the row


def test_create_needs_a_name_and_known_fields(deal) -> None:
    ws, pid, *_ = deal
    with pytest.raises(CellRefused):
        indicators.apply(ws, pid, GridEdit(create=(NewCriterion("x", {"meaning": "m"}),)))
    with pytest.raises(CellRefused):
        indicators.apply(ws, pid, GridEdit(create=(NewCriterion("x", {"name": "n", "bad": 1}),)))


def test_reorder_and_its_inverse(deal) -> None:
    ws, pid, _sai, _yun, ids = deal
    order = indicators.move_order(ids, [ids[2]], 0)
    assert order == [ids[2], ids[0], ids[1]]
    applied = indicators.reorder(ws, pid, order)
    assert [c.id for c in indicators.load_grid(ws, pid).criteria] == order
    indicators.apply(ws, pid, applied.inverse)
    assert [c.id for c in indicators.load_grid(ws, pid).criteria] == ids


@pytest.mark.parametrize(
    ("moving", "target", "expected"),
    [
        (["b"], 0, ["b", "a", "c", "d"]),
        (["a"], 4, ["b", "c", "d", "a"]),
        (["a", "c"], 4, ["b", "d", "a", "c"]),
        (["b", "d"], 1, ["a", "b", "d", "c"]),
        (["c"], 3, ["a", "b", "c", "d"]),  # before its own successor: no move
        (["c"], 2, ["a", "b", "c", "d"]),
    ],
)
def test_move_order(moving, target, expected) -> None:
    assert indicators.move_order(["a", "b", "c", "d"], moving, target) == expected


def test_remove_and_add_back_a_competitor_keeps_notes_and_scores(deal) -> None:
    ws, pid, sai, yun, _ids = deal
    indicators.update_profile(ws, pid, sai, {"label": "“昂贵的半成品”"})
    changes = indicators.remove_competitor(ws, pid, sai)
    assert changes.ids("pursuit_part") == {pid}
    grid = indicators.load_grid(ws, pid)
    assert grid.competitor_ids == [yun]
    assert classes(grid) == ["winning", "sleeping", "fatal"]  # 云启 alone still beats us on 报价
    with ws.read() as session:
        dead = session.scalars(
            select(IndicatorScore).where(IndicatorScore.competitor_id == sai)
        ).all()
        assert dead and not any(s.alive for s in dead)
    with pytest.raises(NotFound):
        indicators.remove_competitor(ws, pid, sai)
    indicators.add_competitor(ws, pid, sai)
    grid = indicators.load_grid(ws, pid)
    assert grid.competitor_ids == [yun, sai]  # comes back at the right end
    assert grid.criteria[0].scores[sai] == 3
    assert indicators.profile(ws, pid, sai).notes["label"] == "“昂贵的半成品”"
    assert not indicators.add_competitor(ws, pid, sai)  # already there: nothing changes


def test_fatal_against_the_remaining_competitor(deal) -> None:
    ws, pid, sai, _yun, _ids = deal
    indicators.remove_competitor(ws, pid, sai)
    grid = indicators.load_grid(ws, pid)
    # 报价: ours 2, 云启 3, importance 4 -> still fatal against 云启.
    assert grid.class_of(grid.criteria[2]) == "fatal"


def test_reorder_competitors(deal) -> None:
    ws, pid, sai, yun, _ids = deal
    changes = indicators.reorder_competitors(ws, pid, [yun, sai])
    assert changes.ids("pursuit_part") == {pid}
    assert indicators.competitor_order(ws, pid) == [yun, sai]
    assert not indicators.reorder_competitors(ws, pid, [yun, sai])


def test_global_list_create_and_duplicates(deal) -> None:
    ws, _pid, _sai, yun, _ids = deal
    lonely, _ = indicators.create_competitor(ws, "  博远   咨询 ")
    entries = indicators.list_competitors(ws)
    assert [e.name for e in entries] == ["云启科技", "赛达软件", "博远 咨询"]
    assert [e.pursuits for e in entries] == [1, 1, 0]
    assert entries[1].has_playbook and not entries[0].has_playbook
    with pytest.raises(InvalidInput) as dup:
        indicators.create_competitor(ws, "赛达软件 ")
    assert dup.value.code == "duplicate"
    assert indicators.find_competitor(ws, "博远 咨询") == lonely
    with pytest.raises(InvalidInput):
        indicators.create_competitor(ws, "   ")
    with pytest.raises(InvalidInput):
        indicators.update_playbook(ws, yun, {"name": "赛达软件"})
    with pytest.raises(InvalidInput):
        indicators.update_playbook(ws, yun, {"flaws": "x"})
    indicators.update_playbook(ws, yun, {"name": "云启科技集团", "labels": "“数据不在自己手里”"})
    assert indicators.playbook(ws, yun)["name"] == "云启科技集团"


def test_playbook_offered_in_a_new_pursuit_and_grown_from_one(deal) -> None:
    ws, _pid, sai, _yun, _ids = deal
    indicators.update_playbook(
        ws,
        sai,
        {"solution": "标准化套件", "labels": "“昂贵的半成品”", "case_stories": "某客户返工一年"},
    )
    second, _ = pursuits.create_pursuit(ws, PursuitDraft(title="WMS", account_name="青岛港务"))
    assert not indicators.was_in_pursuit(ws, second, sai)
    suggestion = indicators.suggested_profile(ws, sai)
    assert suggestion == {
        "solution": "标准化套件",
        "flaws": "二次开发成本高",
        "label": "“昂贵的半成品”",
        "case_story": "某客户返工一年",
    }
    indicators.add_competitor(ws, second, sai, suggestion)
    assert indicators.was_in_pursuit(ws, second, sai)
    notes = indicators.profile(ws, second, sai)
    assert notes.notes["flaws"] == "二次开发成本高"
    assert notes.other_pursuits == 1
    # This pursuit learns a new label; the playbook grows by it, once.
    indicators.update_profile(ws, second, sai, {"label": "“昂贵的半成品”\n“永远在二开”"})
    indicators.contribute_to_playbook(ws, second, sai)
    assert indicators.playbook(ws, sai)["labels"] == "“昂贵的半成品”\n“永远在二开”"
    assert not indicators.contribute_to_playbook(ws, second, sai)
    with pytest.raises(InvalidInput):
        indicators.update_profile(ws, second, sai, {"weaknesses": "x"})
    with pytest.raises(InvalidInput):
        indicators.add_competitor(ws, second, sai, {"nope": "x"})


def test_merge_lines() -> None:
    assert indicators.merge_lines("", "a\n\nb") == "a\nb"
    assert indicators.merge_lines("a\nb", " b \nc") == "a\nb\nc"
    assert indicators.merge_lines("a", "") == "a"


# --- paste -------------------------------------------------------------------------------------


def test_paste_a_good_block_fills_criteria_and_scores(deal) -> None:
    ws, pid, sai, yun, ids = deal
    text = "报价\t首年投入\t5\t4\t3\t2\r\n新指标\t\t３\t3.0\t\t5\r\n"
    plan, applied = indicators.paste_block(ws, pid, 2, 0, text)
    assert (plan.rows_added, plan.cells, plan.ignored_columns) == (1, 12, 0)
    grid = indicators.load_grid(ws, pid)
    price, new = grid.criteria[2], grid.criteria[3]
    assert (price.meaning, price.importance, price.our_score, price.scores) == (
        "首年投入",
        5,
        4,
        {sai: 3, yun: 2},
    )
    assert grid.class_of(price) == "winning"
    assert (new.name, new.meaning, new.importance, new.our_score, new.scores) == (
        "新指标",
        "",
        3,
        3,
        {yun: 5},
    )
    # Undo takes it all back in one step.
    indicators.apply(ws, pid, applied.inverse)
    grid = indicators.load_grid(ws, pid)
    assert [c.id for c in grid.criteria] == ids
    assert (grid.criteria[2].meaning, grid.criteria[2].our_score) == ("", 2)


def test_paste_a_ragged_block_leaves_unreached_cells(deal) -> None:
    ws, pid, sai, yun, _ids = deal
    # Anchored at the "us" column of row 2: three cells, then one, then two.
    text = "1\t1\t1\n2\n3\t3"
    plan, _ = indicators.paste_block(ws, pid, 0, 3, text)
    assert plan.cells == 6 and plan.rows_added == 0
    grid = indicators.load_grid(ws, pid)
    assert [(c.our_score, c.scores[sai], c.scores[yun]) for c in grid.criteria] == [
        (1, 1, 1),
        (2, 2, 3),
        (3, 3, 3),
    ]


def test_paste_a_bad_value_changes_nothing_and_names_the_cell(deal) -> None:
    ws, pid, sai, _yun, _ids = deal
    before = indicators.load_grid(ws, pid)
    for text, row, column, code in (
        ("4\t7\n", 0, score_column(sai), "not_a_score"),
        ("4\t4\n5\t很好\n", 1, score_column(sai), "not_a_score"),
        ("2.5\t1", 0, "our_score", "not_a_score"),
    ):
        with pytest.raises(CellRefused) as refused:
            indicators.paste_block(ws, pid, 0, 3, text)
        assert (refused.value.row, refused.value.column, refused.value.code) == (row, column, code)
    with pytest.raises(CellRefused) as refused:
        indicators.paste_block(ws, pid, 2, 2, "3\t3\n\t2")  # a new row without a name
    assert (refused.value.row, refused.value.column, refused.value.code) == (3, "name", "required")
    with pytest.raises(CellRefused) as refused:
        indicators.paste_block(ws, pid, 0, 0, "稳定性\t\t")  # importance left empty
    assert (refused.value.column, refused.value.code) == ("importance", "required")
    after = indicators.load_grid(ws, pid)
    assert after.criteria == before.criteria


def test_paste_skips_the_class_column_and_counts_columns_beyond(deal) -> None:
    ws, pid, *_ = deal
    plan, _ = indicators.paste_block(ws, pid, 0, 6, "致命\t沉睡\t理由\t计划\t多余\t多余")
    assert (plan.skipped_cells, plan.ignored_columns) == (1, 2)
    first = indicators.load_grid(ws, pid).criteria[0]
    assert (first.class_override, first.override_reason, first.action_plan) == (
        "sleeping",
        "理由",
        "计划",
    )
    indicators.paste_block(ws, pid, 0, 7, "Fatal\n致命指标\n")
    grid = indicators.load_grid(ws, pid)
    assert [c.class_override for c in grid.criteria] == ["fatal", "fatal", None]
    with pytest.raises(CellRefused):
        indicators.paste_block(ws, pid, 0, 7, "excellent")


def test_paste_into_an_empty_grid_ignores_trailing_blank_lines(ws) -> None:
    pid, _ = pursuits.create_pursuit(ws, PursuitDraft(title="ERP", account_name="成都华通"))
    text = '"多行\n内涵的指标"\t"说 ""引号"""\t4\n\n\t\t\n'
    plan, _ = indicators.paste_block(ws, pid, 0, 0, text)
    assert plan.rows_added == 1
    only = indicators.load_grid(ws, pid).criteria
    assert [(c.name, c.meaning, c.importance) for c in only] == [
        ("多行\n内涵的指标", '说 "引号"', 4)
    ]


def test_paste_too_big_a_block(deal) -> None:
    ws, pid, *_ = deal
    with pytest.raises(CellRefused) as refused:
        indicators.paste_block(ws, pid, 0, 0, "x\t3\n" * (indicators.MAX_PASTE_ROWS + 1))
    assert refused.value.code == "too_many_rows"


cell_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(cell_text, min_size=1, max_size=5), min_size=1, max_size=5))
def test_tsv_round_trip(rows) -> None:
    # A spreadsheet cannot hold a lone empty row at the end, nor tell "\r\n" from "\n".
    rows = [[c.replace("\r", "") for c in r] for r in rows]
    if rows[-1] == [""]:
        rows[-1] = ["x"]
    assert indicators.parse_tsv(indicators.to_tsv(rows)) == rows


# --- persistence and plain data for other screens ----------------------------------------------


def test_everything_survives_reopening(deal, tmp_path) -> None:
    ws, pid, sai, yun, ids = deal
    indicators.set_cells(ws, pid, [Cell(ids[1], "action_plan", "邀请参观样板工厂")])
    indicators.reorder(ws, pid, [ids[1], ids[0], ids[2]])
    indicators.reorder_competitors(ws, pid, [yun, sai])
    before = indicators.load_grid(ws, pid)
    again = Workspace.open(ws.path)  # a fresh engine reads only what was committed to the file
    try:
        after = indicators.load_grid(again, pid)
        assert after.criteria == before.criteria and after.vendors == before.vendors
        assert after.criteria[0].action_plan == "邀请参观样板工厂"
    finally:
        again.close()


def _siblings(ws, ids, sai, importance: int, score: int) -> None:
    """Concurrent values as an import leaves them: siblings, and `sync_review` kept in step."""
    with ws.write() as session:
        session.info["merging"] = True  # metadata written here, as the importer does
        criterion = session.get(Indicator, ids[0])
        criterion.siblings = {"importance": [[importance, "site", 3, 1]]}
        cell = session.scalars(
            select(IndicatorScore).where(
                IndicatorScore.indicator_id == ids[1], IndicatorScore.competitor_id == sai
            )
        ).one()
        cell.siblings = {"score": [[score, "site", 3, 1]]}
        session.flush()
        for record in (criterion, cell):
            sync_codec.refresh_review(session, record)


def test_conflicted_cells_are_marked(deal) -> None:
    ws, pid, sai, _yun, ids = deal
    _siblings(ws, ids, sai, importance=4, score=1)  # the grid holds 5 and 2: they disagree
    grid = indicators.load_grid(ws, pid)
    assert grid.criteria[0].conflicts == {"importance"}
    assert grid.criteria[1].conflicts == {score_column(sai)}
    assert grid.criteria[2].conflicts == frozenset()


def test_siblings_that_agree_are_no_conflict(deal) -> None:
    # The same value written on two computers: siblings kept, but nothing for a person to pick.
    ws, pid, sai, _yun, ids = deal
    _siblings(ws, ids, sai, importance=5, score=2)
    with ws.read() as session:
        assert session.get(Indicator, ids[0]).siblings
        assert session.scalar(select(func.count()).select_from(SyncReview)) == 0
    grid = indicators.load_grid(ws, pid)
    assert [c.conflicts for c in grid.criteria] == [frozenset()] * 3


def test_a_review_row_marks_its_cell_whatever_the_siblings_say(deal) -> None:
    ws, pid, _sai, yun, ids = deal
    with ws.write() as session:
        yun_cell = session.scalars(
            select(IndicatorScore.id).where(
                IndicatorScore.indicator_id == ids[2], IndicatorScore.competitor_id == yun
            )
        ).one()
        session.add_all(
            [
                SyncReview(record_id=ids[2], field="name", kind="indicator", pursuit_id=pid),
                SyncReview(
                    record_id=yun_cell, field="score", kind="indicator_score", pursuit_id=pid
                ),
            ]
        )
    grid = indicators.load_grid(ws, pid)
    assert grid.criteria[2].conflicts == {"name", score_column(yun)}
    assert grid.criteria[0].conflicts == grid.criteria[1].conflicts == frozenset()


def test_cells_in_review_cost_one_more_query_only_when_there_are_any(deal) -> None:
    ws, pid, sai, _yun, ids = deal

    def selects() -> int:
        statements: list[str] = []

        def count(_conn, _cursor, statement, *_args) -> None:
            statements.append(statement)

        event.listen(ws.db.engine, "before_cursor_execute", count)
        try:
            indicators.load_grid(ws, pid)
        finally:
            event.remove(ws.db.engine, "before_cursor_execute", count)
        return len([s for s in statements if s.lstrip().upper().startswith("SELECT")])

    clean = selects()
    assert clean == 4
    _siblings(ws, ids, sai, importance=4, score=1)
    assert selects() == clean + 1


def test_plan_summary_for_the_visit_plan(deal) -> None:
    ws, pid, sai, _yun, ids = deal
    indicators.set_cells(ws, pid, [Cell(ids[2], "action_plan", "拆分报价")])
    indicators.update_profile(ws, pid, sai, {"label": "“昂贵的半成品”", "allies": "信息中心王主任"})
    plan = indicators.plan_summary(ws, pid)
    assert [(c.rank, c.name, c.klass) for c in plan.winning] == [(1, "系统稳定性", "winning")]
    fatal = plan.fatal[0]
    assert (fatal.rank, fatal.name, fatal.action_plan, fatal.our_score) == (
        3,
        "报价",
        "拆分报价",
        2,
    )
    assert (fatal.best_competitor, fatal.best_score) == ("赛达软件", 4)
    assert [c.name for c in plan.sleeping] == ["移动端体验"]
    assert [(c.name, c.label, c.allies) for c in plan.competitors] == [
        ("赛达软件", "“昂贵的半成品”", "信息中心王主任"),
        ("云启科技", "", ""),
    ]
    assert plan.summary.criteria == 3


def test_export_table_values(deal) -> None:
    ws, pid, sai, yun, _ids = deal
    table = indicators.export_table(ws, pid, "zh")
    assert table.vendor_names == {score_column(sai): "赛达软件", score_column(yun): "云启科技"}
    assert table.rows[0] == ("系统稳定性", "", 5, 5, 3, 4, "优胜", "", "", "")
    assert table.classes == ("winning", "sleeping", "fatal")
    assert indicators.export_table(ws, pid, "en").rows[2][6] == "Fatal"


def test_demo_data_loads(demo_ws) -> None:
    with demo_ws.read() as session:
        pid = session.scalars(
            select(PursuitCompetitor.pursuit_id).where(PursuitCompetitor.alive)
        ).first()
    grid = indicators.load_grid(demo_ws, pid)
    assert len(grid.vendors) == 2 and len(grid.criteria) == 4
    assert all(c.scores for c in grid.criteria)
