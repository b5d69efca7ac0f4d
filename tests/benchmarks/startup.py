"""Whole-process start-up, the app against a bare PySide6 window: the probe both runs under.

A process is started, shows its main window, and quits as soon as that window has painted; the
parent times it from before the process is created until it has exited. The same probe runs the
app (`desktop.cli.main`, what the `pursuit` command runs) and a bare `QMainWindow`, so the ratio
compares like with like: the interpreter, PySide6's import, the platform plugin and the exit are
in both. Runs are paired (app, bare, app, bare, …) so a busy moment of a shared machine weighs on
both sides of a pair.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Patches QApplication.exec so that whichever top-level window is shown quits the event loop
# right after its first Paint event (offscreen, the whole widget tree paints in that one pass).
PROBE = r"""
import sys
if sys.argv[1] != "bare":
    # What `pursuit` runs, in its order (the app decides what it imports before PySide6).
    from desktop.cli import main
    import desktop.app
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

def board_settled(window):
    # The window complete too: what it reads and imports after its first paint counts here.
    if not getattr(window, "is_complete", True):
        return False
    board = getattr(window, "screens", {}).get("board")
    return board is None or (board.names_ready() and board.flags_ready())

def rss_then_quit(window):
    # "app-rss": once the board has read what it reads after painting, say the memory held.
    if not board_settled(window):
        QTimer.singleShot(20, lambda: rss_then_quit(window))
        return
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            print("RSS_KB", line.split()[1], flush=True)
    QApplication.quit()

class QuitAfterPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow):
            QApplication.instance().removeEventFilter(self)
            if sys.argv[1] == "app-rss":
                QTimer.singleShot(0, lambda: rss_then_quit(obj))
            else:
                QTimer.singleShot(0, QApplication.quit)
        return False

_exec = QApplication.exec
def exec_until_painted(self=None):
    probe = QuitAfterPaint(QApplication.instance())
    QApplication.instance().installEventFilter(probe)
    return _exec()
QApplication.exec = exec_until_painted

if sys.argv[1] == "bare":
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    sys.exit(app.exec())
else:
    sys.exit(main(["--db", sys.argv[2]]))
"""


def probe_env(data_dir: Path) -> dict[str, str]:
    """Offscreen, the worktree's `desktop` first on the path, settings and logs in `data_dir`.

    Bytecode is cached (the warm-up run writes it) as an installed or frozen app has it: without
    that, compiling the app's own modules would be a third of every start."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return dict(
        env,
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT),
        PURSUIT_DATA_DIR=str(data_dir),
        XDG_CONFIG_HOME=str(data_dir / "config"),
    )


def run_once(kind: str, db: Path | None, env: dict[str, str]) -> tuple[float, float]:
    """Seconds from creating the process to its exit, and the CPU seconds it used (user and
    system: steadier than wall time on a machine shared with other work)."""
    args = [sys.executable, "-c", PROBE, kind] + ([str(db)] if db else [])
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(args, env=env, cwd=ROOT, check=True, capture_output=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def rss_with_board_open(db: Path) -> float:
    """MB held by a fresh app process once its board has painted and read its red flags and
    names (the process's own figure, not the benchmark's)."""
    with tempfile.TemporaryDirectory(prefix="pursuit-rss-") as folder:
        env = probe_env(Path(folder))
        out = subprocess.run(
            [sys.executable, "-c", PROBE, "app-rss", str(db)],
            env=env,
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    kilobytes = next(line.split()[1] for line in out.splitlines() if line.startswith("RSS_KB"))
    return int(kilobytes) / 1024


def paired(db: Path, pairs: int = 7) -> dict[str, list[float]]:
    """Wall and CPU seconds of the app and of the bare window, one of each per pair, after one
    unmeasured warm-up pair."""
    runs: dict[str, list[float]] = {"app": [], "bare": [], "app_cpu": [], "bare_cpu": []}
    with tempfile.TemporaryDirectory(prefix="pursuit-start-") as folder:
        env = probe_env(Path(folder))
        run_once("app", db, env)  # the first run writes settings and bytecode, warms the cache
        run_once("bare", None, env)
        for _ in range(pairs):
            for kind, target in (("app", db), ("bare", None)):
                wall, cpu = run_once(kind, target, env)
                runs[kind].append(wall)
                runs[f"{kind}_cpu"].append(cpu)
    return runs


def summary(runs: dict[str, list[float]]) -> dict[str, float]:
    """Medians, and the median of the per-pair ratios (wall and CPU)."""
    pairs = zip(runs["app"], runs["bare"], strict=True)
    cpu_pairs = zip(runs["app_cpu"], runs["bare_cpu"], strict=True)
    return {
        "app_ms": 1000 * statistics.median(runs["app"]),
        "bare_ms": 1000 * statistics.median(runs["bare"]),
        "ratio": statistics.median(a / b for a, b in pairs),
        "app_cpu_ms": 1000 * statistics.median(runs["app_cpu"]),
        "bare_cpu_ms": 1000 * statistics.median(runs["bare_cpu"]),
        "cpu_ratio": statistics.median(a / b for a, b in cpu_pairs),
    }


if __name__ == "__main__":  # python tests/benchmarks/startup.py DB [PAIRS]
    found = paired(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 7)
    print({k: round(v, 2) for k, v in summary(found).items()})
    for kind, values in found.items():
        print(kind, [round(1000 * x) for x in values])
