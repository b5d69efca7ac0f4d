"""The org-chart layout: no overlaps, managers above their reports, deterministic."""

from __future__ import annotations

import random
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.org_layout import LayoutNode, Spacing, org_chart

SPACING = Spacing()
TIDY = Spacing(stack_min=0)  # every level in rows (no hanging columns)


def rects(layout, spacing=SPACING):
    return {
        nid: (x, y, x + spacing.width, y + spacing.height)
        for nid, (x, y) in layout.positions.items()
    }


def assert_no_overlap(layout, spacing=SPACING):
    boxes = sorted(rects(layout, spacing).items(), key=lambda item: item[1])
    for index, (a, (ax1, ay1, ax2, ay2)) in enumerate(boxes):
        for b, (bx1, by1, bx2, by2) in boxes[index + 1 :]:
            if bx1 >= ax2:
                break  # sorted by left edge: nothing further right can overlap a
            overlap = ax1 < bx2 and bx1 < ax2 and ay1 < by2 and by1 < ay2
            assert not overlap, f"{a} overlaps {b}"


def centre_x(layout, nid):
    return layout.positions[nid][0] + SPACING.width / 2


def company():
    """A CEO with three direct reports, two of whom manage people, and two loose people."""
    return [
        LayoutNode("ceo", None, (0,)),
        LayoutNode("cio", "ceo", (1,)),
        LayoutNode("cfo", "ceo", (2,)),
        LayoutNode("coo", "ceo", (3,)),
        LayoutNode("it1", "cio", (1,)),
        LayoutNode("it2", "cio", (2,)),
        LayoutNode("it3", "cio", (3,)),
        LayoutNode("fin1", "cfo", (1,)),
        LayoutNode("loose1", None, (1,)),
        LayoutNode("loose2", None, (2,)),
    ]


def test_empty_input_gives_an_empty_layout() -> None:
    layout = org_chart([])
    assert layout.positions == {}
    assert layout.unlinked == ()


def test_managers_sit_above_their_reports_and_centred_over_them() -> None:
    layout = org_chart(company(), TIDY)
    pos = layout.positions
    for child, parent in [("cio", "ceo"), ("it1", "cio"), ("fin1", "cfo"), ("coo", "ceo")]:
        assert pos[parent][1] + SPACING.height + SPACING.v_gap == pos[child][1]
    # CIO is centred over its first and last report; CFO over its only one.
    assert centre_x(layout, "cio") == (centre_x(layout, "it1") + centre_x(layout, "it3")) / 2
    assert centre_x(layout, "cfo") == centre_x(layout, "fin1")
    assert centre_x(layout, "ceo") == (centre_x(layout, "cio") + centre_x(layout, "coo")) / 2
    # Siblings keep the order given (left to right).
    assert pos["it1"][0] < pos["it2"][0] < pos["it3"][0]
    assert pos["cio"][0] < pos["cfo"][0] < pos["coo"][0]
    assert layout.levels == 3
    assert_no_overlap(layout)


def test_lower_managers_hang_leaf_reports_in_a_column() -> None:
    layout = org_chart(company())
    pos = layout.positions
    # The CIO's three reports manage nobody: a column indented under the CIO's card.
    assert [pos[k][0] for k in ("it1", "it2", "it3")] == [pos["cio"][0] + 28] * 3
    step = SPACING.height + SPACING.stack_gap
    assert [pos[k][1] for k in ("it1", "it2", "it3")] == [
        pos["cio"][1] + step * i for i in (1, 2, 3)
    ]
    # The top level still spreads out in a row, centred under the CEO.
    assert pos["cio"][1] == pos["cfo"][1] == pos["coo"][1] == SPACING.height + SPACING.v_gap
    assert centre_x(layout, "ceo") == (centre_x(layout, "cio") + centre_x(layout, "coo")) / 2
    assert layout.chart_height == pos["it3"][1] + SPACING.height
    # Narrower than the tidy tree.
    assert layout.chart_width < org_chart(company(), TIDY).chart_width
    assert_no_overlap(layout)


def test_unlinked_people_go_to_the_right_of_the_chart() -> None:
    layout = org_chart(company())
    assert layout.unlinked == ("loose1", "loose2")
    chart_right = max(
        x + SPACING.width for nid, (x, _) in layout.positions.items() if nid not in layout.unlinked
    )
    for nid in layout.unlinked:
        assert layout.positions[nid][0] >= chart_right + SPACING.side_gap - 0.01
    assert_no_overlap(layout)


def test_only_loose_people_make_a_near_square_grid() -> None:
    layout = org_chart([LayoutNode(f"p{i:02}") for i in range(12)])
    xs = {x for x, _ in layout.positions.values()}
    ys = {y for _, y in layout.positions.values()}
    assert len(xs) == 4 and len(ys) == 3
    assert layout.positions["p00"] == (0.0, 0.0)
    assert_no_overlap(layout)


def test_the_same_input_in_any_order_gives_the_same_positions() -> None:
    nodes = company()
    first = org_chart(nodes).positions
    for seed in range(5):
        shuffled = nodes[:]
        random.Random(seed).shuffle(shuffled)
        assert org_chart(shuffled).positions == first


def test_a_reports_to_loop_is_cut_at_its_smallest_id_and_everyone_is_placed() -> None:
    nodes = [
        LayoutNode("b", "a"),
        LayoutNode("a", "c"),
        LayoutNode("c", "b"),
        LayoutNode("d", "c"),
        LayoutNode("self", "self"),
    ]
    layout = org_chart(nodes)
    assert layout.loops_cut == ("a",)
    assert set(layout.positions) == {"a", "b", "c", "d", "self"}
    assert layout.positions["a"][1] < layout.positions["c"][1] < layout.positions["d"][1]
    assert "self" in layout.unlinked
    assert_no_overlap(layout)


def test_a_manager_outside_the_set_is_ignored() -> None:
    layout = org_chart([LayoutNode("x", "gone"), LayoutNode("y", "x")])
    assert layout.positions["x"][1] < layout.positions["y"][1]
    assert layout.unlinked == ()


def test_a_very_long_chain_does_not_exhaust_the_stack() -> None:
    nodes = [LayoutNode("n0")] + [LayoutNode(f"n{i}", f"n{i - 1}") for i in range(1, 3000)]
    layout = org_chart(nodes)
    assert layout.levels == 3000
    assert layout.positions["n2999"][0] == layout.positions["n0"][0]


def test_custom_spacing_is_respected() -> None:
    spacing = Spacing(width=120, height=40, h_gap=10, v_gap=30, stack_min=0)
    layout = org_chart(company(), spacing)
    assert layout.positions["cio"][1] == 70
    assert_no_overlap(layout, spacing)


def test_two_hundred_people_lay_out_quickly() -> None:
    rng = random.Random(3)
    nodes = [LayoutNode("p0")]
    for i in range(1, 200):
        parent = f"p{rng.randrange(i)}" if rng.random() < 0.8 else None
        nodes.append(LayoutNode(f"p{i}", parent, (rng.random(),)))
    started = time.perf_counter()
    layout = org_chart(nodes)
    assert time.perf_counter() - started < 0.5  # the benchmark records the real figure
    assert len(layout.positions) == 200
    assert_no_overlap(layout)


@st.composite
def forests(draw):
    count = draw(st.integers(min_value=1, max_value=40))
    ids = [f"n{i}" for i in range(count)]
    nodes = []
    for nid in ids:
        parent = draw(st.one_of(st.none(), st.sampled_from([*ids, "missing"])))
        order = (draw(st.integers(0, 5)),)
        nodes.append(LayoutNode(nid, parent, order))
    return nodes


@settings(max_examples=150, deadline=None)
@given(forests(), st.sampled_from([SPACING, TIDY]))
def test_any_forest_has_no_overlaps_and_parents_above_children(nodes, spacing) -> None:
    layout = org_chart(nodes, spacing)
    assert set(layout.positions) == {n.id for n in nodes}
    assert_no_overlap(layout)
    cut = set(layout.loops_cut)
    ids = {n.id for n in nodes}
    for node in nodes:
        if node.parent_id in ids and node.parent_id != node.id and node.id not in cut:
            parent_y = layout.positions[node.parent_id][1]
            assert parent_y + SPACING.height <= layout.positions[node.id][1]
    assert org_chart(list(reversed(nodes)), spacing).positions == layout.positions
