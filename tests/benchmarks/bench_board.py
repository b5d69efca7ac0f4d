"""The board at scale (10,000 pursuits, 50,000 stakeholders): issues 3's and 22's targets.

- load: what the board reads before its first paint (`board_cards(..., details=False)`) against
  a plain sqlite3 query of the same rows and columns, same run (target ≤ 1.5×); the details the
  cards show besides (`board_details`) and the red flags, read after the paint, beside it;
- board shown after the window opens (target < 500 ms);
- one drop, from the drop event to the repainted board, including the commit (p95 < 50 ms);
- a search keystroke to the repainted board (target < 100 ms);
- process memory with the board open (target < 400 MB).

Run with `make bench` (these are figures for the notes, not pass/fail assertions).
"""

from __future__ import annotations

import gc
import os
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

# The same rows and columns the board reads before its first paint (`board_cards(...,
# details=False)`), as plain as SQLite gives them: the baseline of the load ratio. It reads what
# `storage.queries.board_card_rows` reads — the card's own columns, its account's name and the
# name of the database it came from (the rep filter's origin); not `siblings`, which the board no
# longer reads (its conflict mark comes from sync_review), nor `updated_at`, which no card shows
# (`test_the_floor_reads_what_the_board_reads` holds the two queries equal). The instalments
# received, which the weighted amount leaves out (a grouped read of 2,000 rows at 10,000
# pursuits), count against board_cards, not the floor.
PLAIN_SQL = """
    SELECT p.id, a.name, p.title, p.amount, p.currency, p.expected_close, p.stage, p.status,
           p.stage_entered_at, p.next_step, p.next_step_due, p.board_rank, p.win_rate_override,
           p.account_id, o.name
    FROM pursuits AS p JOIN accounts AS a ON a.id = p.account_id
    LEFT JOIN sync_sites AS o ON o.site_id = p.origin_site AND o.name <> ''
        AND o.site_id NOT IN (SELECT site_id FROM sync_state)
    WHERE p.alive AND p.status = 'open'
    ORDER BY p.stage, p.board_rank
"""


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class PaintWatch(QObject):
    """Notes when watched widgets receive a Paint event."""

    def __init__(self, widgets: list[QWidget]) -> None:
        super().__init__()
        self.widgets = widgets
        self.painted: set[int] = set()
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted.add(id(obj))
        return False

    def reset(self) -> None:
        self.painted.clear()

    def all_painted(self) -> bool:
        return all(id(w) in self.painted for w in self.widgets)

    def close(self) -> None:
        for widget in self.widgets:
            widget.removeEventFilter(self)


def wait_until(done: Callable[[], bool], app: QApplication, limit_s: float = 5.0) -> None:
    end = time.perf_counter() + limit_s
    while not done():
        app.processEvents()
        if time.perf_counter() > end:
            raise TimeoutError("the board did not repaint")


@pytest.fixture
def scale_ws(scale_db: Path) -> Iterator[object]:
    from desktop.services.workspace import Workspace

    ws = Workspace.open(scale_db)
    yield ws
    ws.close()


@pytest.fixture
def window(qtbot, scale_ws):
    from desktop.app import create_main_window, make_application
    from desktop.infra.settings import Settings

    make_application()
    _ctx, win = create_main_window(scale_ws, Settings())
    qtbot.addWidget(win)
    win.resize(1600, 960)
    win.show()
    qtbot.waitExposed(win)
    screen = win.screens["board"]
    qtbot.waitUntil(
        lambda: screen.details_ready() and screen.names_ready() and screen.flags_ready(),
        timeout=60_000,
    )
    return win


def test_the_floor_reads_what_the_board_reads() -> None:
    """The load ratio's floor is the board's own query, word for word (an older floor read a
    column the board had stopped reading, another a column it had never needed)."""
    from desktop.storage import queries

    board_sql = queries._CARDS_SQL.format(where="p.alive AND p.status = 'open'")
    assert " ".join(PLAIN_SQL.split()) == " ".join(board_sql.split())


def test_board_load_against_plain_sqlite(scale_ws, scale_db, record) -> None:
    from desktop.services import health
    from desktop.services.queries import board

    connection = sqlite3.connect(scale_db)
    board.board_cards(scale_ws, flags=False, details=False)  # warm the page cache for both
    connection.execute(PLAIN_SQL).fetchall()
    plain, cards, details, flags = [], [], [], []
    # Beside the wall clock, this thread's CPU time: on 2 cores shared at a load of 8, the wall
    # clock's ratio moved from 1.1 to 1.6 between runs; what runs here (SQLite, then the cards)
    # all runs on this thread, so its CPU time is the part that contention does not add.
    plain_cpu, cards_cpu = [], []
    for _ in range(9):
        started, started_cpu = time.perf_counter(), time.thread_time()
        rows = connection.execute(PLAIN_SQL).fetchall()
        plain.append(time.perf_counter() - started)
        plain_cpu.append(time.thread_time() - started_cpu)
        started, started_cpu = time.perf_counter(), time.thread_time()
        loaded = board.board_cards(scale_ws, flags=False, details=False)
        cards.append(time.perf_counter() - started)
        cards_cpu.append(time.thread_time() - started_cpu)
        started = time.perf_counter()
        board.board_details(scale_ws)
        details.append(time.perf_counter() - started)
        started = time.perf_counter()
        health.red_flag_counts(scale_ws)
        flags.append(time.perf_counter() - started)
    connection.close()
    assert len(loaded) == len(rows) > 5000
    record("board: cards on the board", len(loaded), "", "")
    record(
        "board: plain sqlite3 query of the same rows (median)",
        1000 * statistics.median(plain),
        "ms",
    )
    record("board: board_cards load, first paint (median)", 1000 * statistics.median(cards), "ms")
    record(
        "board: load ratio board_cards / plain sqlite3",
        statistics.median(cards) / statistics.median(plain),
        "x",
        "<= 1.5",
    )
    record(
        "board: load ratio board_cards / plain sqlite3, CPU time of the thread",
        statistics.median(cards_cpu) / statistics.median(plain_cpu),
        "x",
        "<= 1.5",
    )
    record("board: load average (1 min) after the load ratio", os.getloadavg()[0], "")
    record(
        "board: card details (worker thread, after paint)",
        1000 * statistics.median(details),
        "ms",
    )
    record(
        "board: red-flag counts (worker thread, after paint)", 1000 * statistics.median(flags), "ms"
    )


def test_board_shown_after_the_window_opens(qtbot, scale_ws, record) -> None:
    from desktop.app import create_main_window, make_application
    from desktop.infra.settings import Settings

    app = make_application()
    times, view_flags, all_flags = [], [], []
    for _ in range(3):
        gc.collect()
        started = time.perf_counter()
        _ctx, win = create_main_window(scale_ws, Settings())
        win.resize(1600, 960)
        screen = win.screens["board"]
        arrived: dict[str, float] = {}
        for signal, name in ((screen.view_flags_counted, "view"), (screen.flags_applied, "all")):
            signal.connect(
                lambda *_, n=name, a=arrived, t=started: a.setdefault(n, time.perf_counter() - t)
            )
        watch = PaintWatch([v.viewport() for v in screen.board.views] + screen.board.headers)
        win.show()
        wait_until(watch.all_painted, app)
        times.append(time.perf_counter() - started)
        watch.close()
        # Let this window's after-paint worker finish, so it does not run into the next one.
        wait_until(lambda s=screen: s.names_ready() and s.flags_ready(), app, 60)
        view_flags.append(arrived["view"])
        all_flags.append(arrived["all"])
        win.close()
        win.deleteLater()
        app.processEvents()
    print("\n  board: shown after the window opens, each:", [round(1000 * t) for t in times])
    record("board: shown after the window opens (first)", 1000 * times[0], "ms", "< 500")
    record(
        "board: red flags of the cards in view, after the window opens (median of 3)",
        1000 * statistics.median(view_flags),
        "ms",
        "< 500",
    )
    record(
        "board: every card's red flags, after the window opens (median of 3)",
        1000 * statistics.median(all_flags),
        "ms",
    )
    record(
        "board: shown after the window opens (median of 3)",
        1000 * statistics.median(times),
        "ms",
        "< 500",
    )


def test_drop_to_repaint(window, scale_ws, record) -> None:
    from desktop.services import records
    from desktop.services.queries import board
    from desktop.ui.board.model import encode_ids

    app = QApplication.instance()
    screen = window.screens["board"]
    # Cards that pass the gate silently: every coaching point of their stage answered.
    candidates = []
    for stage in range(1, 8):
        candidates.extend(screen.model.cards_in(stage)[:6])
    for card in candidates:
        answered = _answered_keys(scale_ws, card.id)
        for question in scale_ws.catalog.stage(card.stage).questions:
            if question.key not in answered:
                records.create(
                    scale_ws,
                    "coaching_answer",
                    {
                        "pursuit_id": card.id,
                        "question_key": question.key,
                        "stage": card.stage,
                        "answer": "ok",
                        "done": True,
                    },
                )
    screen.reload()
    # Measure the steady state: the names / red-flag worker that follows a load has finished
    # (a rep cannot drop within its ~0.3 s anyway), and the setup's writes are checkpointed out
    # of the WAL (SQLite's own checkpoint every ~1,000 pages would otherwise land in the loop).
    wait_until(lambda: screen.names_ready() and screen.flags_ready(), app, 60)
    with sqlite3.connect(scale_ws.path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    gc.collect()
    timings = []
    for card in candidates:
        source = screen.board.view_of(card.stage)
        target = screen.board.view_of(card.stage + 1)
        header = screen.board.headers[card.stage]
        watch = PaintWatch([source.viewport(), target.viewport(), header])
        first = target.column_model.index(0, 0)
        point = (
            target.visualRect(first).topLeft() + QPoint(30, 6)
            if first.isValid()
            else (QPoint(30, 30))
        )
        mime = encode_ids([card.id])
        args = (
            Qt.DropAction.MoveAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(target.viewport(), QDragEnterEvent(point, *args))
        QApplication.sendEvent(target.viewport(), QDragMoveEvent(point, *args))
        app.processEvents()
        watch.reset()
        started = time.perf_counter()
        QApplication.sendEvent(target.viewport(), QDropEvent(QPointF(point), *args))
        wait_until(watch.all_painted, app)
        timings.append(time.perf_counter() - started)
        watch.close()
        assert screen.gate_dialog is None
    moved = board.board_cards(scale_ws, ids=[c.id for c in candidates], flags=False)
    assert all(
        m.stage == c.stage + 1
        for m, c in zip(
            sorted(moved, key=lambda x: x.id), sorted(candidates, key=lambda x: x.id), strict=True
        )
    )
    print("\n  board: drops, slowest five (ms):", sorted(round(1000 * t, 1) for t in timings)[-5:])
    record(
        "board: drop to repainted board, incl. commit (median)",
        1000 * statistics.median(timings),
        "ms",
    )
    record("board: drop to repainted board, incl. commit (p95)", 1000 * p95(timings), "ms", "< 50")


def _answered_keys(ws, pursuit_id: str) -> set[str]:
    from desktop.services import gates

    return set(gates.gate_facts(ws, [pursuit_id])[pursuit_id].answered)


def test_search_keystroke_to_repaint(window, qtbot, record) -> None:
    app = QApplication.instance()
    screen = window.screens["board"]
    search = screen.filter_bar.search
    views = [v.viewport() for v in screen.board.views]
    timings = []

    def keystroke(type_it: Callable[[], None]) -> None:
        """From the key to the repainted board. A key that changes no column (typing on where
        the shown cards stay the same) repaints nothing: then its processing is the figure."""
        before = [len(c.rows) for c in screen.model.columns]
        watch = PaintWatch(views)
        started = time.perf_counter()
        type_it()
        after = [len(c.rows) for c in screen.model.columns]
        if after != before:
            wait_until(lambda: bool(watch.painted), app)
        else:
            app.processEvents()
        timings.append(time.perf_counter() - started)
        watch.close()

    for word in ("mes", "crm", "wms", "erp"):
        search.clear()
        app.processEvents()
        for letter in word:
            keystroke(lambda letter=letter: qtbot.keyClick(search, letter))
    search.clear()
    app.processEvents()
    for text in ("苏", "州", "王"):  # Chinese arrives as committed text (an input method)
        keystroke(lambda text=text: search.insert(text))
    keystroke(lambda: qtbot.keyClick(search, Qt.Key.Key_Backspace))  # widening again
    assert screen.model.totals().total > 5000
    record(
        "board: search keystroke to repainted board (median)",
        1000 * statistics.median(timings),
        "ms",
    )
    record("board: search keystroke to repainted board (p95)", 1000 * p95(timings), "ms", "< 100")


def test_memory_with_the_board_open(window, qtbot, scale_db, record) -> None:
    screen = window.screens["board"]
    QApplication.instance().processEvents()
    gc.collect()
    assert screen.names_ready() and screen.flags_ready()
    # This pytest process also built the demo database and ran the other benchmarks, so its own
    # RSS says little about the app's: the figure is the app's, in a process of its own.
    sys.path.insert(0, str(Path(__file__).parent))
    from startup import rss_with_board_open

    record(
        "board: app process memory with the board open (RSS)",
        rss_with_board_open(scale_db),
        "MB",
        "< 250",
    )
    record("board: this benchmark process's memory (RSS)", rss_mb(), "MB")
