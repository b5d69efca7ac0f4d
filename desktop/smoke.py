"""`pursuit --smoke-test`: prove a build works end to end, in a temporary folder, then exit 0.

Any failure exits non-zero with the reason on stderr. The frozen build runs this in `make dist`.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from pathlib import Path


def run_smoke_test() -> int:
    started = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory(prefix="pursuit-smoke-") as folder:
            os.environ["PURSUIT_DATA_DIR"] = folder
            from desktop.app import create_main_window, make_application
            from desktop.infra import i18n
            from desktop.infra.settings import Settings
            from desktop.services import pursuits
            from desktop.services.board import board_card
            from desktop.services.workspace import Workspace

            app = make_application()
            settings = Settings()
            i18n.install(settings.language)
            workspace = Workspace.open(Path(folder) / "smoke.db")
            pursuit_id, _ = pursuits.create_pursuit(
                workspace,
                pursuits.PursuitDraft(title="冒烟测试", account_name="测试客户", amount=1_000_00),
            )
            pursuits.move_stage(workspace, [pursuit_id], 2)
            card = board_card(workspace, pursuit_id)
            if card is None or card.stage != 2:
                raise RuntimeError("the pursuit did not move to stage 2")
            _ctx, window = create_main_window(workspace, settings)
            window.show()
            app.processEvents()
            window.close()
            workspace.close()
    except Exception:
        traceback.print_exc()
        print("smoke test: FAILED", file=sys.stderr)
        return 1
    print(f"smoke test: ok ({time.perf_counter() - started:.2f} s)")
    return 0
