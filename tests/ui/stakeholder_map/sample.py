"""A realistic 15-person buying centre (a manufacturer buying an MES), for tests, the benchmark
and screenshots."""

from __future__ import annotations

from typing import Any

from desktop.services import pursuits
from desktop.services import stakeholder_map as smap
from desktop.services.pursuits import PursuitDraft

# name, title, department, manager (index), roles, personality, relationship, help
PEOPLE: list[tuple[Any, ...]] = [
    ("陈建国", "总经理", "总经办", None, ["decision_maker"], "tiger", "interacting", []),
    ("王海涛", "副总经理", "生产运营", 0, ["initiator"], "peacock", "personal_trust", ["advise"]),
    ("李娜", "财务总监", "财务部", 0, ["evaluator"], "owl", "acquainted", []),
    (
        "张伟",
        "信息中心主任",
        "信息中心",
        0,
        ["designer", "insider"],
        "owl",
        "ally",
        ["share_info", "advise", "introduce", "speak_for_us"],
    ),
    ("何丽", "采购部经理", "采购部", 0, ["evaluator"], "tiger", "interacting", []),
    ("刘洋", "生产部经理", "生产部", 1, ["evaluator"], "koala", "interacting", []),
    ("周敏", "质量部经理", "质量部", 1, [], "owl", "acquainted", []),
    ("吴静", "成本会计", "财务部", 2, [], "koala", "interacting", []),
    ("郑浩", "IT 主管", "信息中心", 3, ["insider"], "peacock", "ally", ["share_info", "introduce"]),
    ("马超", "系统管理员", "信息中心", 3, [], "koala", "personal_trust", []),
    ("赵磊", "车间主任", "总装车间", 5, [], "tiger", "acquainted", []),
    ("孙婷", "工艺工程师", "工艺科", 5, ["designer"], "owl", "ally", ["share_info"]),
    ("黄志强", "集团审计", "集团总部", None, [], "owl", "acquainted", []),
    ("林晓", "顾问", "设计院", None, ["designer"], "peacock", "interacting", ["advise"]),
    ("郭芳", "行政主管", "总经办", None, [], None, "acquainted", []),
]
# from, to, kind, note
LINKS = [
    (3, 0, "influences", "总经理很信任他的技术判断"),
    (8, 11, "ally_of", ""),
    (4, 3, "opposes", "倾向原供应商"),
    (13, 3, "influences", ""),
    (12, 2, "influences", ""),
    (1, 3, "ally_of", ""),
]


def build(
    ws, *, title="MES 生产执行系统", account="苏州恒通精密电子有限公司"
) -> tuple[str, list[str]]:
    """Create the pursuit and its people (all at the origin); returns (pursuit id, person ids)."""
    pursuit_id, _ = pursuits.create_pursuit(
        ws, PursuitDraft(title=title, account_name=account, amount=2_400_000_00)
    )
    ids: list[str] = []
    for index, (name, job, dept, manager, roles, personality, stage, wishes) in enumerate(PEOPLE):
        values = {
            "name": name,
            "title": job,
            "department": dept,
            "personality": personality,
            "relationship": stage,
            "x": float(index % 5) * 240,
            "y": float(index // 5) * 130,
        }
        if manager is not None:
            values["reports_to_id"] = ids[manager]
        person_id, _ = smap.create_person(ws, pursuit_id, values, roles, wishes)
        ids.append(person_id)
    for source, target, kind, note in LINKS:
        smap.create_link(ws, ids[source], ids[target], kind, note)
    return pursuit_id, ids
