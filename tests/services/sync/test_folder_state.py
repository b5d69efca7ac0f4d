"""What a database's folder progress records of its setup: the folder, the mode and the name its
rounds used, so the window offers a roll-up made by `pursuit sync --roll-up` as a roll-up; and,
for a progress file written before the mode was recorded, the mode its rounds show."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.services import pursuits
from desktop.services.sync import folder, folder_state
from desktop.services.workspace import Workspace

from .conftest import FAST_KDF, PASSPHRASE


def _round(ws: Workspace, team: Path, **options: object) -> folder.RoundReport:
    return folder.sync_round(ws, folder.FolderSync(team, PASSPHRASE, kdf=FAST_KDF, **options))


def test_rounds_record_their_mode_and_name(tmp_path: Path) -> None:
    team = tmp_path / "team"
    team.mkdir()
    rep = Workspace.open(tmp_path / "rep.db")
    manager = Workspace.open(tmp_path / "manager.db")
    lonely = Workspace.open(tmp_path / "lonely.db")
    try:
        assert folder_state.recorded_setup(rep.path) is None  # never had a round
        pursuits.create_pursuit(rep, pursuits.PursuitDraft(title="项目", account_name="客户"))
        _round(rep, team, site_name="王芳")
        assert folder_state.recorded_setup(rep.path) == folder_state.Recorded(
            str(team), False, "王芳"
        )
        _round(manager, team, roll_up=True, site_name="经理")
        assert folder_state.recorded_setup(manager.path) == folder_state.Recorded(
            str(team), True, "经理"
        )
        # A roll-up round that merged nothing records its setup all the same.
        (tmp_path / "empty").mkdir()
        _round(lonely, tmp_path / "empty", roll_up=True)
        assert folder_state.recorded_setup(lonely.path) == folder_state.Recorded(
            str(tmp_path / "empty"), True, ""
        )

        # Written before the mode was recorded: merged colleagues' files, wrote none: a roll-up.
        for ws, roll_up in ((manager, True), (rep, False)):
            path = folder.state_path(ws)
            state = json.loads(path.read_text(encoding="utf-8"))
            del state["roll_up"], state["site_name"]
            path.write_text(json.dumps(state), encoding="utf-8")
            assert folder_state.recorded_setup(ws.path) == folder_state.Recorded(
                str(team), roll_up, ""
            )
    finally:
        for ws in (rep, manager, lonely):
            ws.close()
