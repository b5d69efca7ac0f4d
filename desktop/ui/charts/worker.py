"""The dashboard's work off the GUI thread: importing matplotlib and preparing the figures once,
and computing the series in one read snapshot each time the data or the filters change.

A worker never touches a widget; it hands its outcome (or the exception it met) to a `Relay`,
whose queued signal delivers it on the GUI thread — and only while the screen still exists (a
language switch rebuilds the window while a worker may still be running).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from shiboken6 import isValid

from desktop.services import analytics
from desktop.services.workspace import Workspace


class Relay(QObject):
    """Carries a worker thread's result to the GUI thread (a queued signal)."""

    done = Signal(object)


class Relays:
    """The relays of `owner`'s running workers, kept alive until each has reported."""

    def __init__(self, owner: QObject) -> None:
        self.owner = owner
        self._alive: list[Relay] = []

    def make(self, slot: Callable[[Any], None]) -> Relay:
        relay = Relay()
        self._alive.append(relay)

        def deliver(value: object) -> None:
            self._alive.remove(relay)
            if isValid(self.owner):  # the screen may be gone (a language switch rebuilds it)
                slot(value)

        relay.done.connect(deliver, Qt.ConnectionType.QueuedConnection)
        return relay


@dataclass
class Job:
    """One computation of series: for which filters, which figures, and under which generation
    of the filters and data (a result from an older generation is dropped)."""

    generation: int
    figures: frozenset[str]
    filters: analytics.Filters
    started: float


def load_figures(relay: Relay) -> None:
    """Import the figures module (the slow part: matplotlib, numpy, fonts) on a worker thread
    and take a figure for each chart: those the app's idle warm-up prepared (`charts.warm`:
    then the import is done too), else new ones; `relay` gets {name: figure} or the
    exception."""

    def work() -> None:
        try:
            from desktop.ui.charts import figures

            prepared = {name: figures.prepared(name) for name in analytics.FIGURES}
            relay.done.emit(prepared)
        except BaseException as exc:  # reported in the GUI thread
            relay.done.emit(exc)

    threading.Thread(target=work, name="load-charts", daemon=True).start()


def compute_series(
    ws: Workspace, job: Job, fallback_currency: str, relay: Relay, first: Relay | None = None
) -> None:
    """Compute the series of `job`'s figures for its filters on a worker thread; `relay` gets
    the `analytics.Dashboard` or the exception. `first`, when given, gets the quick aggregates
    beforehand (see `analytics.dashboard`), or nothing."""

    def work() -> None:
        try:
            outcome: object = analytics.dashboard(
                ws,
                job.filters,
                figures=sorted(job.figures),
                fallback_currency=fallback_currency,
                first=first.done.emit if first is not None else None,
            )
        except Exception as exc:  # shown in the GUI thread
            outcome = exc
        relay.done.emit(outcome)

    threading.Thread(target=work, name="dashboard-series", daemon=True).start()
