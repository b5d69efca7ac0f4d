"""A manager's roll-up reads every rep's files and writes none; its dashboard and list can be
narrowed to one rep (the name each rep's database gives its files), on real folder rounds."""

from __future__ import annotations

from pathlib import Path

from desktop.services import analytics, pursuits
from desktop.services.queries import pursuit_list
from desktop.services.workspace import Workspace

from .folder_scenario import member, until_quiet
from .test_folder import PlainCarrier


def _new(ws: Workspace, title: str, amount: int) -> str:
    created, _ = pursuits.create_pursuit(
        ws, pursuits.PursuitDraft(title=title, account_name="客户", amount=amount, stage=2)
    )
    return created


def test_the_roll_up_dashboard_and_list_by_rep(tmp_path: Path) -> None:
    wang = member(Workspace.open(tmp_path / "王芳.db"), tmp_path / "pc-wang")
    li = member(Workspace.open(tmp_path / "李强.db"), tmp_path / "pc-li")
    boss = member(Workspace.open(tmp_path / "经理.db"), tmp_path / "pc-boss", roll_up=True)
    try:
        ids = {
            "wang": {_new(wang.ws, "王芳一", 100_00), _new(wang.ws, "王芳二", 200_00)},
            "li": {_new(li.ws, "李强一", 5_000_00)},
        }
        carrier = PlainCarrier({"wang": wang, "li": li, "boss": boss})
        until_quiet([wang, li, boss], carrier)
        assert not (boss.config.folder / boss.ws.db.site_id()).exists()  # wrote nothing

        def funnel_of(rep: str | None) -> tuple[int, int]:
            stage = analytics.funnel(boss.ws, analytics.Filters(rep=rep), "CNY").stages[1]
            return stage.count, stage.amount

        assert funnel_of(None) == (3, 5_300_00)
        assert funnel_of("王芳") == (2, 300_00)
        assert funnel_of("李强") == (1, 5_000_00)
        assert funnel_of("") == (0, 0)  # the manager made none
        assert funnel_of("无此人") == (0, 0)

        rows = pursuit_list.list_pursuits(boss.ws)
        by_rep: dict[str, set[str]] = {}
        for row in rows:
            by_rep.setdefault(row.origin, set()).add(row.id)
            assert row.shared
        assert by_rep == {"王芳": ids["wang"], "李强": ids["li"]}

        # In a rep's own database its own pursuits are "this computer's"; a colleague's by name.
        assert funnel_of_ws(wang.ws, "") == 2 and funnel_of_ws(wang.ws, "李强") == 1
    finally:
        for m in (wang, li, boss):
            m.ws.close()


def funnel_of_ws(ws: Workspace, rep: str) -> int:
    return analytics.funnel(ws, analytics.Filters(rep=rep), "CNY").stages[1].count
