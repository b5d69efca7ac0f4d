"""Every use-case of the pursuit lifecycle is one transaction: counted as the BEGIN statements the
real SQLite database receives during one service call (DESIGN.md, "every user action is one
transaction"; issue #16: closing once ran two)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event

from desktop.services import pursuits, records
from desktop.services.changes import ChangeKind
from desktop.services.errors import NotFound
from desktop.services.pursuits import PursuitDraft
from desktop.services.queries import board
from desktop.services.sync import purge
from desktop.services.workspace import Workspace


@contextmanager
def transactions(ws: Workspace) -> Iterator[list[str]]:
    """The BEGIN statements sent to the database inside the block (reads and writes alike)."""
    begun: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("BEGIN"):
            begun.append(statement.strip().upper())

    event.listen(ws.db.engine, "before_cursor_execute", seen)
    try:
        yield begun
    finally:
        event.remove(ws.db.engine, "before_cursor_execute", seen)


def one_transaction(ws: Workspace, call: Callable[[], Any]) -> Any:
    """Run `call`, check that it wrote in exactly one transaction (and read in none beside it)."""
    with transactions(ws) as begun:
        result = call()
    assert begun == ["BEGIN IMMEDIATE"]
    return result


def test_the_counter_sees_every_transaction(ws: Workspace) -> None:
    """The check would catch a use-case written as two transactions."""
    with transactions(ws) as begun:
        pursuits.create_pursuit(ws, PursuitDraft(title="A", account_name="甲"))
        board.board_cards(ws, flags=False)  # one read
    assert begun == ["BEGIN IMMEDIATE", "BEGIN"]


def test_every_lifecycle_call_is_one_transaction(ws: Workspace) -> None:
    created = one_transaction(
        ws, lambda: pursuits.create_pursuit(ws, PursuitDraft(title="MES", account_name="恒通"))
    )
    pid = created.pursuit_id
    other, _ = pursuits.create_pursuit(ws, PursuitDraft(title="WMS", account_name="恒通"))

    form = pursuits.pursuit_form(ws, pid)
    form.title, form.account_id, form.account_name = "MES 二期", None, "新客户"
    edit = one_transaction(ws, lambda: pursuits.update_pursuit(ws, pid, form))
    assert edit.created  # the account typed in was made in the same transaction
    one_transaction(ws, lambda: edit.undo(ws))
    one_transaction(ws, lambda: edit.redo(ws))

    move = one_transaction(ws, lambda: pursuits.move_stage(ws, [pid, other], 3))
    assert [m.to_stage for m in move.moves] == [3, 3]
    one_transaction(ws, lambda: move.undo(ws))
    one_transaction(ws, lambda: move.redo(ws))

    close = one_transaction(
        ws,
        lambda: pursuits.close_pursuits(ws, [pid], "lost", reason="价格", lost_to_name="云启科技"),
    )
    assert close.created == [(ChangeKind.COMPETITOR, close.after[0].values["lost_to_id"])]
    one_transaction(ws, lambda: close.undo(ws))
    one_transaction(ws, lambda: close.redo(ws))

    reopen = one_transaction(ws, lambda: pursuits.reopen_pursuits(ws, [pid]))
    assert [s.pursuit_id for s in reopen.after] == [pid]

    one_transaction(ws, lambda: pursuits.set_tags(ws, pid, ["重点"]))
    one_transaction(ws, lambda: pursuits.tag_pursuits(ws, [pid, other], add=["续约"]))

    deleted = one_transaction(ws, lambda: pursuits.delete_pursuits(ws, [other]))
    one_transaction(ws, lambda: deleted.undo(ws))
    one_transaction(ws, lambda: created.undo(ws))
    one_transaction(ws, lambda: created.redo(ws))

    one_transaction(ws, lambda: purge.purge(ws, ChangeKind.PURSUIT, pid))
    assert [c.id for c in board.board_cards(ws, include_closed=True)] == [other]


def test_a_failed_close_leaves_nothing_behind(ws: Workspace) -> None:
    """The competitor made by a close is gone with it when the close fails (one transaction)."""
    pid, _ = pursuits.create_pursuit(ws, PursuitDraft(title="MES", account_name="恒通"))
    with pytest.raises(NotFound):  # the second pursuit was deleted meanwhile
        pursuits.close_pursuits(ws, [pid, "gone"], "lost", lost_to_name="云启科技")
    assert pursuits.competitor_choices(ws) == []
    assert records.get(ws, ChangeKind.PURSUIT, pid)["status"] == "open"
