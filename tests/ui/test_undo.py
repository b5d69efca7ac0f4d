"""The undo convention of `ui.undo` and the one perform path of `ui.context`, on real services.

Run first, then push: a refused first action never reaches the stack; a refused undo or redo makes
the step obsolete (the stack drops it rather than lie); redo after undo applies exactly once; a
command pushed past `push` / `record` is refused loudly.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from desktop.infra import i18n
from desktop.infra.settings import Settings
from desktop.services import accounts, records
from desktop.services.changes import ChangeKind, Changes
from desktop.services.errors import InvalidInput
from desktop.ui.context import AppContext
from desktop.ui.undo import UndoCommand


@pytest.fixture
def ctx(qtbot, ws) -> Iterator[Any]:
    from desktop.app import make_application
    from desktop.ui import errors

    make_application()
    settings = Settings()
    i18n.install(settings.language)
    yield AppContext(ws, settings)
    for box in errors.open_error_boxes():
        box.close()


class Rename(UndoCommand):
    """An account's name from `old` to `new`; counts its runs, the work is the real service's."""

    merge_id = 0x7E57

    def __init__(self, ctx: AppContext, account_id: str, old: str, new: str) -> None:
        super().__init__(ctx, f"Rename {old} to {new}")
        self.account_id, self.old, self.new = account_id, old, new
        self.applied = self.reverted = 0

    def apply(self) -> None:
        self.applied += 1
        self.perform(accounts.update_account, self.account_id, {"name": self.new})

    def revert(self) -> None:
        self.reverted += 1
        self.perform(accounts.update_account, self.account_id, {"name": self.old})

    def merge(self, other: UndoCommand) -> bool:
        """Renames that follow on from each other (typing on) are one step."""
        if not isinstance(other, Rename) or other.old != self.new:
            return False
        self.new = other.new
        return True


def _name(ws: Any, account_id: str) -> str:
    return records.get(ws, "account", account_id)["name"]


@pytest.fixture
def account(ws) -> str:
    account_id, _ = accounts.create_account(ws, {"name": "恒通电子"})
    return account_id


def test_push_runs_once_and_redo_after_undo_applies_once(ctx, ws, account) -> None:
    from desktop.ui.undo import push

    seen: list[Changes] = []
    ctx.changed.connect(seen.append)
    command = Rename(ctx, account, "恒通电子", "恒通精密")
    assert push(command)
    assert (ctx.undo_stack.count(), command.applied) == (1, 1)  # the push did not run it again
    assert _name(ws, account) == "恒通精密"
    ctx.undo_stack.undo()
    assert (command.applied, command.reverted) == (1, 1)
    assert _name(ws, account) == "恒通电子"
    ctx.undo_stack.redo()
    assert (command.applied, command.reverted) == (2, 1)
    assert _name(ws, account) == "恒通精密"
    assert len(seen) == 3 and all(c.touches(ChangeKind.ACCOUNT) for c in seen)


def test_a_refused_first_action_is_never_pushed(ctx, ws, account) -> None:
    from desktop.ui import errors
    from desktop.ui.undo import push

    accounts.create_account(ws, {"name": "云启科技"})
    command = Rename(ctx, account, "恒通电子", "云启科技")  # the name is taken
    assert not push(command)
    assert command.failed and ctx.undo_stack.count() == 0
    assert _name(ws, account) == "恒通电子"
    [box] = errors.open_error_boxes()  # the user was told
    assert box.objectName() == "error_box"


def test_a_refused_undo_makes_the_step_obsolete(ctx, ws, account) -> None:
    from desktop.ui.undo import push

    assert push(Rename(ctx, account, "恒通电子", "恒通精密"))
    assert push(Rename(ctx, account, "", "x"))  # claims the name was empty before
    ctx.undo_stack.undo()  # reverting to an empty name is refused
    assert ctx.undo_stack.count() == 1  # dropped: undo cannot claim a state it did not reach
    assert _name(ws, account) == "x"
    ctx.undo_stack.undo()
    assert _name(ws, account) == "恒通电子"


def test_a_refused_redo_makes_the_step_obsolete(ctx, ws, account) -> None:
    from desktop.ui.undo import push

    command = Rename(ctx, account, "恒通电子", "恒通精密")
    assert push(command)
    ctx.undo_stack.undo()
    accounts.create_account(ws, {"name": "恒通精密"})  # elsewhere, the name got taken
    ctx.undo_stack.redo()
    assert command.failed and ctx.undo_stack.count() == 0
    assert _name(ws, account) == "恒通电子"


def test_record_pushes_a_performed_use_case_without_running_it(ctx, ws, account) -> None:
    from desktop.ui.accounts.commands import EditAccountCommand
    from desktop.ui.undo import record

    ctx.perform(accounts.update_account, account, {"industry": "电子"})
    record(EditAccountCommand(ctx, account, {"industry": ""}, {"industry": "电子"}, "Edit"))
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert records.get(ws, "account", account)["industry"] == ""
    ctx.undo_stack.redo()
    assert records.get(ws, "account", account)["industry"] == "电子"


def test_a_command_pushed_before_it_ran_is_refused(ctx, account) -> None:
    command = Rename(ctx, account, "恒通电子", "恒通精密")
    with pytest.raises(RuntimeError, match="pushed before it ran"):
        ctx.undo_stack.push(command)  # neither "applies never" nor "applies twice" goes unseen
    assert command.applied == 0


def test_steps_with_a_merge_id_merge(ctx, ws, account) -> None:
    from desktop.ui.undo import push

    assert push(Rename(ctx, account, "恒通电子", "恒通"))
    assert push(Rename(ctx, account, "恒通", "恒通精密"))
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert _name(ws, account) == "恒通电子"


def test_commands_hold_the_context_weakly(ctx, account) -> None:
    import weakref

    command = Rename(ctx, account, "恒通电子", "恒通精密")
    assert command.ctx is ctx
    assert isinstance(command.__dict__["_ctx_ref"], weakref.ref)


# --- the perform path ---------------------------------------------------------------------------
def test_perform_broadcasts_the_changes_a_result_carries(ctx, ws) -> None:
    seen: list[Changes] = []
    ctx.changed.connect(seen.append)
    account_id, changes = ctx.perform(accounts.create_account, {"name": "恒通电子"})
    assert seen == [changes] and account_id in changes.ids(ChangeKind.ACCOUNT)


def test_perform_tells_the_user_and_raises_operation_failed(ctx) -> None:
    from desktop.ui import errors
    from desktop.ui.context import OperationFailed

    with pytest.raises(OperationFailed):
        ctx.perform(accounts.create_account, {"name": ""})
    [box] = errors.open_error_boxes()
    assert box.text() == errors.message_for(InvalidInput("name", "required"))


def test_a_caller_that_explains_a_refusal_gets_it_unchanged(ctx) -> None:
    from desktop.ui import errors

    seen: list[Changes] = []
    ctx.changed.connect(seen.append)
    with pytest.raises(InvalidInput):
        ctx.on(None, explains=(InvalidInput,)).perform(accounts.create_account, {"name": ""})
    assert not errors.open_error_boxes() and not seen


def test_a_services_own_refusal_message_is_scoped_to_that_service(qtbot) -> None:
    from desktop.ui import errors

    refused = InvalidInput("name", "required")
    mapped = errors.message_for(refused, "desktop.services.stakeholder_map")
    standard = errors.message_for(refused, "desktop.services.accounts")
    assert mapped != standard
    assert standard == errors.message_for(refused)
