"""The scale table (issue 22): the main figures at 1,000, 10,000 and 50,000 pursuits side by side,
so that growth is visible — linear, better, or worse, and where.

Each scale is a demo database (`demo.fill_demo`, seed 1: a third as many accounts as pursuits,
five people a pursuit). Building the 50,000 one takes minutes, so:

- `PURSUIT_BENCH_SCALES` picks the scales (default "1000,10000,50000");
- `PURSUIT_BENCH_DB_CACHE` names a folder where they are built once and kept between runs
  (`demo-<scale>.db`; delete a file to rebuild it after the demo data changes). Without it they
  are built in the run's temporary folder.

The figures only read the databases (opening one migrates it and makes sure of its site, as the
app does). Besides the timings, each scale's database size: the file and its WAL after a
checkpoint, and where the bytes are (sqlite's `dbstat`): tables, indexes, the search documents
and their full-text index, free pages, and the raw bytes of sync metadata inside the rows.

Besides each figure the table shows its growth per step between scales: the figure's ratio
divided by the scales' ratio (1,000 → 10,000 ÷ 10, 10,000 → 50,000 ÷ 5). 1.0 is linear, below is
better, above is worse; a last line names every figure that grew worse than linear, and why
(`WHY`, from what the figures measure).
"""

from __future__ import annotations

import gc
import itertools
import os
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

# The board benchmark's floor query and paint watch, and the whole-process start-up probe.
sys.path.insert(0, str(Path(__file__).parent))
import startup
from bench_board import PLAIN_SQL, PaintWatch, wait_until

SCALES = [int(s) for s in os.environ.get("PURSUIT_BENCH_SCALES", "1000,10000,50000").split(",")]

# (key, label, unit): the rows of the table, in order.
FIGURES = [
    ("board_plain", "board rows, plain sqlite3 (floor)", "ms"),
    ("board_load", "board rows, board_cards", "ms"),
    ("board_ratio", "board load ÷ sqlite3 floor", "x"),
    ("board_cpu_ratio", "board load ÷ sqlite3 floor (CPU)", "x"),
    ("board_shown", "board shown after the window opens", "ms"),
    ("board_view_flags", "board red flags of the cards in view (from opening)", "ms"),
    ("board_all_flags", "board red flags of every card (from opening)", "ms"),
    ("list_load", "Pursuits list rows", "ms"),
    ("accounts", "Accounts screen opens, painted", "ms"),
    ("accounts_totals", "Accounts screen, totals in (from opening)", "ms"),
    ("flags_all", "red flags, every open pursuit (the Pursuits list)", "ms"),
    ("flags_board", "red flags, blocking only (the board)", "ms"),
    ("start_ratio", "start-up ÷ bare window (wall, paired)", "x"),
    ("start_cpu_ratio", "start-up ÷ bare window (CPU, paired)", "x"),
    ("start_app", "start-up, whole process (median)", "ms"),
    ("rss", "RSS with the board open (own process)", "MB"),
    ("db_file", "database file + WAL, after a checkpoint", "MB"),
    ("db_tables", "  tables (rows, without search)", "MB"),
    ("db_indexes", "  indexes (without search)", "MB"),
    ("db_search", "  search documents + full-text index", "MB"),
    ("db_free", "  free pages", "MB"),
    ("db_sync", "  of the tables: sync metadata, raw bytes", "MB"),
]
# The targets for the database's size, by scale.
SIZE_TARGETS = {10_000: "≤ 110 MB", 50_000: "≤ 550 MB"}
# A growth above this is called worse than linear (the timings of a shared machine are noisy).
WORSE = 1.15
# Why a figure grows worse than linear, for those measured (printed when one does). Measured
# on 2 shared cores at a load average of 7–9, 2026-12-07; a timing's growth there moves by
# ±0.3 from run to run, the sizes' not at all.
_NOISY = "its CPU time, measured apart, grew 0.95–1.33 per step across runs: not told from noise"
WHY: dict[str, str] = {
    "board_plain": "sqlite3 alone, the same rows: the machine's noise (see the load below)",
    "board_load": _NOISY,
    "list_load": _NOISY,
}


def median_ms(action: Callable[[], object], runs: int = 5) -> float:
    action()  # warm the page cache, as a running app would be
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return 1000 * statistics.median(times)


def board_against_floor(
    plain: Callable[[], object], cards: Callable[[], object], runs: int = 7
) -> dict[str, float]:
    """The board's load and its floor, run in turn (floor, board, floor, board, …) so that a
    busy moment of a shared machine weighs on both; their medians in ms and ratio, and the
    ratio of this thread's CPU time (all either does runs on it), which contention adds
    nothing to. Run one after the other, five each, the wall-clock ratio at a load of 4–8
    moved between 1.1 and 2.1 from run to run."""
    plain(), cards()  # the page cache warm, as a running app's
    wall: dict[str, list[float]] = {"plain": [], "cards": []}
    cpu: dict[str, list[float]] = {"plain": [], "cards": []}
    for _ in range(runs):
        for key, action in (("plain", plain), ("cards", cards)):
            started, started_cpu = time.perf_counter(), time.thread_time()
            action()
            wall[key].append(time.perf_counter() - started)
            cpu[key].append(time.thread_time() - started_cpu)
    median = statistics.median
    return {
        "board_plain": 1000 * median(wall["plain"]),
        "board_load": 1000 * median(wall["cards"]),
        "board_ratio": median(wall["cards"]) / median(wall["plain"]),
        "board_cpu_ratio": median(cpu["cards"]) / median(cpu["plain"]),
    }


def database(scale: int, folder: Path, record) -> Path:
    path = folder / f"demo-{scale}.db"
    if path.exists():
        return path
    from desktop.services import demo
    from desktop.services.workspace import Workspace

    building = path.with_suffix(".building")
    for stale in folder.glob(f"{building.name}*"):
        stale.unlink()
    ws = Workspace.open(building)
    started = time.perf_counter()
    demo.fill_demo(ws, scale=scale, seed=1)
    record(f"scale: demo data {scale:,}", time.perf_counter() - started, "s", "< 60 s at 50,000")
    ws.close()
    building.rename(path)
    return path


@pytest.fixture(scope="module")
def databases(tmp_path_factory: pytest.TempPathFactory, record) -> dict[int, Path]:
    cache = os.environ.get("PURSUIT_BENCH_DB_CACHE")
    folder = Path(cache) if cache else tmp_path_factory.mktemp("scales")
    folder.mkdir(parents=True, exist_ok=True)
    return {scale: database(scale, folder, record) for scale in SCALES}


def sizes(path: Path) -> dict[str, float]:
    """The database's size in MB after a checkpoint (file + WAL), and where its bytes are."""
    from desktop.services.workspace import Workspace

    Workspace.open(path).close()  # migrated and sited, as the app leaves it
    wal = path.with_name(path.name + "-wal")
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)
        kinds = dict(db.execute("SELECT name, type FROM sqlite_master"))
        parts = {"db_tables": 0, "db_indexes": 0, "db_search": 0}
        for name, used in db.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"):
            # the search tables, their shadows and their indexes (autoindexes included)
            if name.startswith("search_") or name.startswith("sqlite_autoindex_search_"):
                parts["db_search"] += used
            elif kinds.get(name) == "index":
                parts["db_indexes"] += used
            else:
                parts["db_tables"] += used
        (free,) = db.execute(
            "SELECT f.freelist_count * s.page_size FROM pragma_freelist_count AS f, "
            "pragma_page_size AS s"
        ).fetchone()
        synced = [
            name
            for (name,) in db.execute(
                "SELECT m.name FROM sqlite_master AS m, pragma_table_info(m.name) AS c "
                "WHERE m.type = 'table' AND c.name = 'vv'"
            )
        ]
        sync = sum(
            db.execute(
                "SELECT coalesce(sum(length(CAST(origin_site AS BLOB)) + length(CAST(vv AS BLOB))"
                " + length(CAST(dots AS BLOB)) + coalesce(length(CAST(siblings AS BLOB)), 0)), 0)"
                f" FROM {table}"
            ).fetchone()[0]
            for table in synced
        )
    found = {key: value / 1e6 for key, value in parts.items()}
    found.update(db_file=size / 1e6, db_free=free / 1e6, db_sync=sync / 1e6)
    return found


def measure(path: Path) -> dict[str, float]:

    from desktop.app import create_main_window, make_application
    from desktop.infra.settings import Settings
    from desktop.services import accounts, health
    from desktop.services.queries import board, pursuit_list
    from desktop.services.workspace import Workspace
    from desktop.ui.accounts.screen import AccountsScreen
    from desktop.ui.context import AppContext

    found = sizes(path)
    ws = Workspace.open(path)
    try:
        with sqlite3.connect(path) as connection:
            found.update(
                board_against_floor(
                    lambda: connection.execute(PLAIN_SQL).fetchall(),
                    lambda: board.board_cards(ws, flags=False, details=False),  # paints first
                )
            )
        found["list_load"] = median_ms(lambda: pursuit_list.list_pursuits(ws), runs=3)
        found["flags_all"] = median_ms(lambda: health.red_flag_counts(ws), runs=3)
        found["flags_board"] = median_ms(
            lambda: health.red_flag_counts(ws, blocking_only=True), runs=3
        )

        app = make_application()
        settings = Settings()
        accounts.account_summaries(ws, people=False)  # the page cache warm, as in a running app
        opens, totals = [], []
        for _ in range(3):
            started = time.perf_counter()
            screen = AccountsScreen(AppContext(ws, settings), None)
            screen.resize(1500, 900)
            screen.show()
            screen.grab()  # painted with the accounts; their totals follow after the paint
            opens.append(time.perf_counter() - started)
            wait_until(lambda s=screen: not s.totals_pending(), app, 60)
            totals.append(time.perf_counter() - started)
            screen.close()
            screen.deleteLater()
            app.processEvents()
        found["accounts"] = 1000 * statistics.median(opens)
        found["accounts_totals"] = 1000 * statistics.median(totals)

        gc.collect()
        started = time.perf_counter()
        _ctx, window = create_main_window(ws, settings)
        window.resize(1600, 960)
        view = window.screens["board"]
        arrived: dict[str, float] = {}
        for signal, key in ((view.view_flags_counted, "view"), (view.flags_applied, "all")):
            signal.connect(
                lambda *_, k=key: arrived.setdefault(k, 1000 * (time.perf_counter() - started))
            )
        watch = PaintWatch([v.viewport() for v in view.board.views] + view.board.headers)
        window.show()
        wait_until(watch.all_painted, app, 60)
        found["board_shown"] = 1000 * (time.perf_counter() - started)
        watch.close()
        wait_until(lambda: view.names_ready() and view.flags_ready(), app, 120)
        found["board_view_flags"], found["board_all_flags"] = arrived["view"], arrived["all"]
        window.close()
        window.deleteLater()
        app.processEvents()
    finally:
        ws.close()

    runs = startup.paired(path, pairs=5)
    start = startup.summary(runs)
    found["start_ratio"] = start["ratio"]
    found["start_cpu_ratio"] = start["cpu_ratio"]
    found["start_app"] = start["app_ms"]
    found["rss"] = startup.rss_with_board_open(path)
    return found


def growth(table: dict[int, dict[str, float]], key: str) -> list[tuple[int, int, float]]:
    """(smaller scale, larger scale, the figure's ratio ÷ the scales' ratio) per step."""
    scales = sorted(table)
    return [
        (low, high, table[high][key] / table[low][key] / (high / low))
        for low, high in itertools.pairwise(scales)
        if table[low][key] > 0
    ]


def test_scale_table(databases: dict[int, Path], record, qapp) -> None:
    table = {scale: measure(path) for scale, path in databases.items()}
    for scale, figures in table.items():
        for key, label, unit in FIGURES:
            target = SIZE_TARGETS.get(scale, "") if key == "db_file" else ""
            if key in ("board_ratio", "board_cpu_ratio") and scale >= 10_000:
                target = "≤ 1.5"
            record(f"scale: {label.strip()} at {scale:,}", figures[key], unit, target)
    worse = []
    for key, label, unit in FIGURES:
        if unit == "x":
            continue  # a ratio to a floor: its growth is the two figures' growth
        for low, high, factor in growth(table, key):
            record(f"scale: growth of {label.strip()}, {low:,} → {high:,} (1.0 = linear)",
                   factor, "x")  # fmt: skip
            if factor > WORSE and key != "db_free":
                worse.append((key, label.strip(), low, high, factor))
    width = max(len(label) for _, label, _ in FIGURES)
    scales = sorted(table)
    heads = "".join(f"{scale:>12,}" for scale in scales)
    steps = "".join(
        f"{f'{low // 1000}k→{high // 1000}k ÷{high // low}':>15}"
        for low, high in itertools.pairwise(scales)
    )
    print(f"\n\n  {'pursuits':<{width}}  {heads}  {steps}")
    for key, label, unit in FIGURES:
        cells = "".join(f"{table[scale][key]:>10.1f}{unit:>2}" for scale in scales)
        tail = ""
        if unit != "x":
            tail = "".join(f"{factor:>15.2f}" for _low, _high, factor in growth(table, key))
        print(f"  {label:<{width}}  {cells}  {tail}")
    load, cores = os.getloadavg()[0], os.cpu_count()
    print(f"\n  Load average {load:.1f} on {cores} cores while measuring.")
    record("scale: load average (1 min) at the end of the scale table", load, "")
    if not worse:
        print(f"\n  Every figure grows linearly or better (growth ≤ {WORSE} per step).")
    for key, label, low, high, factor in worse:
        why = WHY.get(key, "not explained yet")
        print(f"\n  Worse than linear: {label}, {low:,} → {high:,}: {factor:.2f}. Why: {why}")
