"""Manual exports of only the changes a colleague has not been sent yet (File ▸ Export Changes…).

Without a team folder a rep still carries files by hand (a USB stick, a mail). Sending the whole
database each time is slow and large; this sends a delta: the records changed since the last
file exported to that colleague's database (its site). What each colleague was sent is
remembered per site beside the database (`<database>.sync-exports.json`: the version vector that
file reached, and which pursuits were private then), like the team folder's progress; the first
file to a colleague holds everything. The receiver imports it through the ordinary import (a
delta is the same file format), and a file imported twice changes nothing.

A delta assumes the colleague imported the file before it: if one was lost, export everything
once (File ▸ Export for Another Computer…) and the deltas go on from there. Private pursuits stay
out (sharing.py); one shared again since the last file to that colleague goes out whole.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.services.sync import export
from desktop.services.workspace import Workspace
from desktop.storage import files as stored_files
from desktop.storage.tables import SyncSite, SyncState

STATE_VERSION = 1


@dataclass(frozen=True)
class Recipient:
    """A colleague's database this one has heard of (imported a file from)."""

    site: str
    name: str
    last_export: str  # when changes were last exported to it (UTC ISO), "" never


def state_path(ws: Workspace) -> Path:
    return ws.path.with_name(ws.path.name + ".sync-exports.json")


def _load(ws: Workspace) -> dict[str, Any]:
    try:
        data = json.loads(state_path(ws).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"version": STATE_VERSION, "sites": {}}
    if not isinstance(data, dict) or data.get("version") != STATE_VERSION:
        return {"version": STATE_VERSION, "sites": {}}
    if not isinstance(data.get("sites"), dict):
        data["sites"] = {}
    return data


def recipients(ws: Workspace) -> list[Recipient]:
    """The colleagues' databases to send changes to, by name, with the last export to each."""
    sent = _load(ws)["sites"]
    with ws.read() as session:
        own = set(session.scalars(select(SyncState.site_id)))
        sites = session.execute(select(SyncSite.site_id, SyncSite.name)).all()
    found = [
        Recipient(site, name or "", str((sent.get(site) or {}).get("at") or ""))
        for site, name in sites
        if site not in own
    ]
    return sorted(found, key=lambda r: (r.name == "", r.name.casefold(), r.site))


def export_changes(
    ws: Workspace,
    target: Path,
    site: str,
    *,
    passphrase: str | None,
    encrypt: bool = True,
    site_name: str | None = None,
    progress: export.Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    kdf: dict[str, Any] | None = None,
    files: bool = True,
) -> export.ExportReport:
    """The changes not yet exported to `site` (everything the first time), into `target`; then
    remember how far that colleague has been sent. `files`: as export_bundle's (the documents'
    files beside it, or left out)."""
    state = _load(ws)
    sent = state["sites"].get(site) or {}
    frontier = sent.get("frontier")
    since = dict(frontier) if isinstance(frontier, dict) else None
    before = sent.get("private")
    report = export.export_bundle(
        ws,
        target,
        passphrase=passphrase,
        encrypt=encrypt,
        site_name=site_name,
        progress=progress,
        cancelled=cancelled,
        kdf=kdf,
        files=files,
        since=since,
        extra={"for_site": site},  # the frontier goes in the header, for the record
        resend=before if isinstance(before, list) else (),
    )
    state["sites"][site] = {
        "frontier": report.frontier,
        "private": report.withheld,
        "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "file": target.name,
    }
    text = json.dumps(state, indent=1, sort_keys=True)
    stored_files.write_atomically(state_path(ws), lambda p: p.write_text(text, encoding="utf-8"))
    return report
