"""The visit plan carries our offer: the value intersection, features, advantages, benefits and
the plan to dispel concerns, as written for the pursuit; nothing when none is written."""

from __future__ import annotations

from desktop.services import offer, pursuit_edits, pursuits
from desktop.services.pursuits import PursuitDraft
from desktop.services.reports import visit_plan


def test_the_plan_carries_the_offer(ws) -> None:
    pid, _ = pursuits.create_pursuit(
        ws, PursuitDraft(title="MES", account_name="苏州恒通电子有限公司", stage=5)
    )
    assert visit_plan.build_plan(ws, pursuit_id=pid).offer is None
    pursuit_edits.save(ws, offer.offer_target(pid), {"concern_plan": "  试点一条产线  "})
    plan = visit_plan.build_plan(ws, pursuit_id=pid)
    assert plan.offer is not None and not plan.offer.has_fab
    assert plan.offer.concern_plan == "试点一条产线"
    pursuit_edits.save(
        ws,
        offer.offer_target(pid),
        {"value_intersection": "按期投产", "features": "模块化", "benefits": "少停线"},
    )
    got = visit_plan.build_plan(ws, pursuit_id=pid).offer
    assert got is not None and got.has_fab
    assert (got.value_intersection, got.features, got.advantages, got.benefits) == (
        "按期投产",
        "模块化",
        "",
        "少停线",
    )


def test_an_offer_emptied_again_leaves_the_plan(ws) -> None:
    pid, _ = pursuits.create_pursuit(ws, PursuitDraft(title="MES", account_name="恒通", stage=5))
    pursuit_edits.save(ws, offer.offer_target(pid), {"features": "模块化"})
    pursuit_edits.save(ws, offer.offer_target(pid), {"features": " "})
    assert visit_plan.build_plan(ws, pursuit_id=pid).offer is None


def test_demo_pursuits_have_offers_in_their_plans(demo_ws) -> None:
    from desktop.storage.tables import NewNeed, Offer, Pursuit

    with demo_ws.read() as session:
        offered = [o.pursuit_id for o in session.query(Offer).filter(Offer.alive)]
        late = session.query(Pursuit).filter(Pursuit.stage >= 7).count()
        needs = session.query(NewNeed).count()
    assert offered, "the demo writes our offer for pursuits from stage 5 on"
    assert late == 0 or needs > 0
    plan = visit_plan.build_plan(demo_ws, pursuit_id=offered[0])
    assert plan.offer is not None and plan.offer.has_fab
