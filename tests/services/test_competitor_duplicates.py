"""One competitor recorded two or three times, found and folded into one (services.duplicates,
services.indicators.merge): each pursuit's column, notes and scores, the pursuits lost to it and
its playbook move to the one kept in one transaction, and undo puts back exactly what was."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from desktop.services import analytics, duplicates, indicators, pursuits, records
from desktop.services.errors import InvalidInput
from desktop.services.indicators import Cell, score_column
from desktop.services.pursuits import PursuitDraft
from desktop.services.workspace import Workspace
from desktop.storage.tables import Competitor, IndicatorScore, Pursuit, PursuitCompetitor
from tests.services.test_health_facts import assert_kept_right

TABLES = (Competitor, PursuitCompetitor, IndicatorScore, Pursuit)


def rows(ws: Workspace) -> dict[str, dict[str, Any]]:
    """Every record a competitor merge may write, with all its user columns."""
    with ws.read() as session:
        return {
            row.id: {c: getattr(row, c) for c in ("alive", *row.register_fields())}
            for table in TABLES
            for row in session.scalars(select(table))
        }


def criterion(ws: Workspace, pursuit_id: str, name: str, scores: dict[str, int | None]) -> str:
    cid, _ = indicators.add_criterion(ws, pursuit_id, {"name": name, "importance": 4})
    indicators.set_cells(
        ws, pursuit_id, [Cell(cid, score_column(rival), s) for rival, s in scores.items()]
    )
    return cid


@pytest.fixture
def twice(ws: Workspace) -> dict[str, str]:
    """金桥系统 recorded three ways: by its name's id, typed with a space on a laptop before
    names gave ids (a random id), and with its legal form. Two pursuits use them, one lost to
    one of them."""
    both = pursuits.create_pursuit(
        ws, PursuitDraft(title="MES", account_name="恒通电子")
    ).pursuit_id
    other = pursuits.create_pursuit(ws, PursuitDraft(title="WMS", account_name="新材")).pursuit_id
    lost = pursuits.create_pursuit(ws, PursuitDraft(title="CRM", account_name="瑞科")).pursuit_id
    keep, _ = indicators.create_competitor(ws, "金桥系统", {"solution": "标准套件"})
    spaced, _ = records.create(
        ws, "competitor", {"name": "金桥 系统", "solution": "定制", "weaknesses": "实施慢"}
    )
    formal, _ = indicators.create_competitor(ws, "金桥系统有限公司", {"notes": "上市公司"})
    rival, _ = indicators.create_competitor(ws, "云启科技")
    for pid, rivals in ((both, (keep, spaced)), (other, (rival, spaced, formal))):
        for cid in rivals:
            indicators.add_competitor(ws, pid, cid)
    indicators.update_profile(ws, both, keep, {"solution": "我们见过的套件"})
    indicators.update_profile(ws, both, spaced, {"solution": "另一说法", "flaws": "交付慢"})
    indicators.update_profile(ws, other, spaced, {"harm": "拖延上线"})
    ids = {
        "both": both,
        "other": other,
        "lost": lost,
        "keep": keep,
        "spaced": spaced,
        "formal": formal,
        "rival": rival,
        "stable": criterion(ws, both, "稳定性", {keep: 3, spaced: 5}),
        "price": criterion(ws, both, "报价", {spaced: 2}),
        "mobile": criterion(ws, other, "移动端", {rival: 4, spaced: 1, formal: 5}),
    }
    pursuits.close_pursuits(ws, [lost], "lost", reason="价格", lost_to_name="金桥系统有限公司")
    return ids


def test_the_group_is_found_with_the_pursuits_of_each(ws: Workspace, twice) -> None:
    [group] = duplicates.find_duplicates(ws)
    assert (group.kind, group.reason) == ("competitor", "name")
    assert [(r.name, r.detail) for r in group.records] == [
        ("金桥系统", "1"),
        ("金桥 系统", "2"),
        ("金桥系统有限公司", "2"),  # a column of one pursuit, and lost to in another
    ]


def test_a_merge_moves_columns_scores_losses_and_playbook_and_undo_restores(
    ws: Workspace, twice
) -> None:
    t = twice
    before = rows(ws)
    merge = duplicates.merge_groups(ws, [("competitor", [t["keep"], t["spaced"], t["formal"]])])

    assert [e.name for e in indicators.list_competitors(ws)] == ["金桥系统", "云启科技"]
    grid = indicators.load_grid(ws, t["both"])
    assert [v.name for v in grid.vendors] == ["金桥系统"]  # one column, not two
    scores = {c.name: c.score(t["keep"]) for c in grid.criteria}
    assert scores == {"稳定性": 3, "报价": 2}  # the kept one's score; the other's where none
    notes = indicators.profile(ws, t["both"], t["keep"]).notes
    assert (notes["solution"], notes["flaws"]) == ("我们见过的套件", "交付慢")
    grid = indicators.load_grid(ws, t["other"])
    # The column stays where the pursuit had it (after 云启科技); of two, the first moved wins.
    assert [v.name for v in grid.vendors] == ["云启科技", "金桥系统"]
    assert grid.criteria[0].scores == {t["rival"]: 4, t["keep"]: 1}
    assert indicators.profile(ws, t["other"], t["keep"]).notes["harm"] == "拖延上线"
    with ws.read() as session:
        assert session.get(Pursuit, t["lost"]).lost_to_id == t["keep"]  # type: ignore[union-attr]
    book = indicators.playbook(ws, t["keep"])
    assert (book["solution"], book["weaknesses"], book["notes"]) == (
        "标准套件",
        "实施慢",
        "上市公司",
    )
    # The grid's own edits find the moved column and scores (the ids every machine gives them).
    indicators.set_cells(
        ws, t["both"], [Cell(grid_id(ws, t["both"], "报价"), score_column(t["keep"]), 4)]
    )
    assert {c.name: c.score(t["keep"]) for c in indicators.load_grid(ws, t["both"]).criteria} == {
        "稳定性": 3,
        "报价": 4,
    }
    indicators.set_cells(
        ws, t["both"], [Cell(grid_id(ws, t["both"], "报价"), score_column(t["keep"]), 2)]
    )
    lost = analytics.win_loss(ws, analytics.Filters(), "CNY", date.today())
    assert [row.label for row in lost.by_competitor] == ["金桥系统"]
    assert duplicates.find_duplicates(ws) == []
    assert_kept_right(ws.path)

    duplicates.undo_merge_groups(ws, merge)
    after = rows(ws)
    assert {i: r for i, r in after.items() if i in before} == before
    assert not any(r["alive"] for i, r in after.items() if i not in before)
    assert_kept_right(ws.path)
    # Merged again (redo), the records the first merge made come back to life.
    duplicates.merge_groups(ws, [("competitor", [t["keep"], t["spaced"], t["formal"]])])
    assert [v.name for v in indicators.load_grid(ws, t["other"]).vendors] == [
        "云启科技",
        "金桥系统",
    ]


def grid_id(ws: Workspace, pursuit_id: str, name: str) -> str:
    return next(c.id for c in indicators.load_grid(ws, pursuit_id).criteria if c.name == name)


def test_a_competitor_cannot_be_merged_into_itself(ws: Workspace, twice) -> None:
    before = rows(ws)
    with pytest.raises(InvalidInput):
        duplicates.merge_groups(ws, [("competitor", [twice["keep"], twice["keep"]])])
    assert rows(ws) == before
