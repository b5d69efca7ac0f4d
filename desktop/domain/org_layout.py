"""Org-chart layout for the stakeholder map: a tidy tree by reports-to, loose people to one side.

The rep draws who reports to whom; this places the cards so the chart reads at a glance:

- people without a manager (who manage someone) head their own tree, trees side by side;
- every manager sits centred above their direct reports, one level per row, so parents are always
  above children and no two cards overlap;
- below the top level, a manager whose reports manage nobody hangs them in an indented column
  under their own card (the "compact" org chart), which keeps a wide organisation readable
  without zooming out until the names cannot be read;
- people who are in no reports-to relation at all go to a compact grid to the right of the chart;
- siblings keep the order the caller gives (the map passes the cards' current left-to-right
  order, so re-arranging does not shuffle what the rep already sorted).

Pure and deterministic: the same input gives the same positions, whatever order it arrives in.
Bad data (a manager outside the set, a loop left by merging two offline edits) never raises: the
missing manager is ignored, and a loop is cut at its member with the smallest id.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class LayoutNode:
    """A card to place: its id, its manager's id (or None) and its sort key among siblings."""

    id: str
    parent_id: str | None = None
    order: tuple[Any, ...] = ()


@dataclass(frozen=True)
class Spacing:
    """Card size and the gaps between cards, in scene units (pixels at 100 % zoom)."""

    width: float = 200.0
    height: float = 100.0
    h_gap: float = 28.0  # between siblings
    tree_gap: float = 64.0  # between two separate trees
    v_gap: float = 64.0  # between a manager's row and their reports' row
    side_gap: float = 96.0  # between the org chart and the loose people
    grid_gap: float = 24.0  # between rows of the loose-people grid
    stack_min: int = 2  # hang this many or more leaf reports in a column (0: never)
    stack_indent: float = 28.0  # a hanging column's indent from its manager's left edge
    stack_gap: float = 16.0  # between cards of a hanging column


@dataclass(frozen=True)
class OrgLayout:
    """Top-left corner of every card, and which people were placed to the side."""

    positions: dict[str, tuple[float, float]]
    unlinked: tuple[str, ...] = ()
    loops_cut: tuple[str, ...] = ()  # people whose manager link was ignored to break a loop
    chart_width: float = 0.0  # width of the trees (the loose grid starts right of it)
    chart_height: float = 0.0  # height of the tallest tree
    levels: int = 0  # management levels of the deepest tree


def org_chart(nodes: Iterable[LayoutNode], spacing: Spacing | None = None) -> OrgLayout:
    """Lay `nodes` out as an org chart (see the module docstring)."""
    spacing = spacing or Spacing()
    by_id: dict[str, LayoutNode] = {}
    for node in nodes:
        by_id[node.id] = node  # the last one wins on duplicates; ids are unique in practice
    if not by_id:
        return OrgLayout(positions={})

    parent = {
        nid: (n.parent_id if n.parent_id in by_id and n.parent_id != nid else None)
        for nid, n in by_id.items()
    }
    loops_cut = _cut_loops(parent)

    children: dict[str, list[str]] = {nid: [] for nid in by_id}
    for nid, pid in parent.items():
        if pid is not None:
            children[pid].append(nid)

    def key(nid: str) -> tuple[Any, ...]:
        return (by_id[nid].order, nid)

    for kids in children.values():
        kids.sort(key=key)

    roots = sorted((nid for nid, pid in parent.items() if pid is None), key=key)
    tree_roots = [r for r in roots if children[r]]
    unlinked = [r for r in roots if not children[r]]

    stacked = _stacked(tree_roots, children, spacing)
    widths, centres = _measure(tree_roots, children, stacked, spacing)
    positions: dict[str, tuple[float, float]] = {}
    levels = 0
    left = 0.0
    for index, root in enumerate(tree_roots):
        if index:
            left += spacing.tree_gap
        levels = max(
            levels, _place_tree(root, left, children, widths, centres, stacked, spacing, positions)
        )
        left += widths[root]
    chart_width = left
    chart_height = max((y for _, y in positions.values()), default=-spacing.height)
    chart_height += spacing.height

    if unlinked:
        _place_grid(unlinked, chart_width, chart_height, spacing, positions)

    return OrgLayout(
        positions=positions,
        unlinked=tuple(unlinked),
        loops_cut=tuple(loops_cut),
        chart_width=chart_width,
        chart_height=chart_height if tree_roots else 0.0,
        levels=levels,
    )


def _cut_loops(parent: dict[str, str | None]) -> list[str]:
    """Break every reports-to loop at its member with the smallest id (deterministic)."""
    cut: list[str] = []
    state: dict[str, int] = {}  # 1 = on the current walk, 2 = known to reach a root
    for start in sorted(parent):
        if state.get(start) == 2:
            continue
        walk: list[str] = []
        node: str | None = start
        while node is not None and state.get(node) is None:
            state[node] = 1
            walk.append(node)
            node = parent[node]
        if node is not None and state.get(node) == 1:
            loop = walk[walk.index(node) :]
            head = min(loop)
            parent[head] = None
            cut.append(head)
        for member in walk:
            state[member] = 2
    return sorted(cut)


def _postorder(roots: Sequence[str], children: dict[str, list[str]]) -> list[str]:
    """Children before parents, without recursion (a long chain must not hit the stack limit)."""
    order: list[str] = []
    stack: list[tuple[str, bool]] = [(r, False) for r in reversed(roots)]
    while stack:
        nid, expanded = stack.pop()
        if expanded:
            order.append(nid)
            continue
        stack.append((nid, True))
        stack.extend((kid, False) for kid in reversed(children[nid]))
    return order


def _stacked(roots: Sequence[str], children: dict[str, list[str]], spacing: Spacing) -> set[str]:
    """Managers below the top level whose reports (at least `stack_min`) manage nobody."""
    if spacing.stack_min <= 0:
        return set()
    found: set[str] = set()
    todo = [kid for root in roots for kid in children[root]]
    while todo:
        nid = todo.pop()
        kids = children[nid]
        if len(kids) >= spacing.stack_min and all(not children[k] for k in kids):
            found.add(nid)
        else:
            todo.extend(kids)
    return found


def _measure(
    roots: Sequence[str],
    children: dict[str, list[str]],
    stacked: set[str],
    spacing: Spacing,
) -> tuple[dict[str, float], dict[str, float]]:
    """Per subtree: the width of its block, and where its root's card centre sits in the block.

    A block holds its children's blocks side by side (centred when the card is wider than
    them); a card is centred over the middle of its first and last child's cards. Every card
    stays inside its own block, so blocks that do not overlap hold cards that do not overlap.
    """
    widths: dict[str, float] = {}
    centres: dict[str, float] = {}
    for nid in _postorder(roots, children):
        kids = children[nid]
        if not kids or nid in stacked:
            # A leaf; or a manager with a hanging column: card at the left, column indented.
            widths[nid] = spacing.width + (spacing.stack_indent if kids else 0.0)
            centres[nid] = spacing.width / 2
            continue
        below = sum(widths[k] for k in kids) + spacing.h_gap * (len(kids) - 1)
        block = max(spacing.width, below)
        pad = (block - below) / 2
        first = pad + centres[kids[0]]
        last = pad + below - widths[kids[-1]] + centres[kids[-1]]
        widths[nid] = block
        centres[nid] = (first + last) / 2
    return widths, centres


def _place_tree(
    root: str,
    left: float,
    children: dict[str, list[str]],
    widths: dict[str, float],
    centres: dict[str, float],
    stacked: set[str],
    spacing: Spacing,
    positions: dict[str, tuple[float, float]],
) -> int:
    """Place one tree with its block starting at `left`; returns its management levels."""
    row_height = spacing.height + spacing.v_gap
    levels = 0
    stack: list[tuple[str, float, int]] = [(root, left, 0)]
    while stack:
        nid, block_left, depth = stack.pop()
        levels = max(levels, depth + 1)
        centre = block_left + centres[nid]
        top = depth * row_height
        positions[nid] = (round(centre - spacing.width / 2, 2), round(top, 2))
        kids = children[nid]
        if not kids:
            continue
        if nid in stacked:
            step = spacing.height + spacing.stack_gap
            for index, kid in enumerate(kids):
                positions[kid] = (
                    round(block_left + spacing.stack_indent, 2),
                    round(top + (index + 1) * step, 2),
                )
            continue
        below = sum(widths[k] for k in kids) + spacing.h_gap * (len(kids) - 1)
        kid_left = block_left + (widths[nid] - below) / 2
        for kid in kids:
            stack.append((kid, kid_left, depth + 1))
            kid_left += widths[kid] + spacing.h_gap
    return levels


def _place_grid(
    people: Sequence[str],
    chart_width: float,
    chart_height: float,
    spacing: Spacing,
    positions: dict[str, tuple[float, float]],
) -> None:
    """Loose people in a grid: beside the chart (as tall as it), or alone as a near-square."""
    count = len(people)
    row_height = spacing.height + spacing.grid_gap
    if chart_width > 0:
        rows = max(1, int((chart_height + spacing.grid_gap) // row_height))
        columns = math.ceil(count / rows)
        left = chart_width + spacing.side_gap
    else:
        columns = max(1, math.ceil(math.sqrt(count * 1.2)))
        left = 0.0
    for index, nid in enumerate(people):
        row, column = divmod(index, columns)
        positions[nid] = (
            round(left + column * (spacing.width + spacing.h_gap), 2),
            round(row * row_height, 2),
        )
