"""The team sync folder: each database writes only its own files, reads everyone else's.

A folder the team shares through a file-sync engine (Syncthing, OneDrive, Nextcloud, a network
share) and a team passphrase. The engine distributes files; this module decides which to write and
which to merge. One round (`sync_round`):

1. **Write** (not in roll-up mode): this database's changes since its last file go to
   `<folder>/<site-id>/<sequence>.pursuit-sync` — a delta (export.py, `since` = the version vector
   its previous file reached, joined with what it has imported from peers, so records merely
   received from peers are not sent round again). The first file of a site is a full snapshot,
   named `<sequence>.full.pursuit-sync`; once more than `COMPACT_AFTER` deltas follow the last
   snapshot, a new snapshot is written and the site's older files are deleted (compaction). Only
   this database writes in its own sub-folder, so no two computers ever write the same file and
   the engine never makes "conflicted copies" of ours. Nothing changed: nothing is written.
2. **Read**: every other site's sub-folder, in sequence order, each file once. Progress per peer
   (the last sequence merged) is kept in a JSON file beside the database
   (`<database>.sync-folder.json`; local bookkeeping, like the window's geometry, so no migration
   and no new table). The next file is sequence + 1. When it is missing but a later snapshot is
   there (the peer compacted the deltas this database never saw), the latest snapshot is merged
   and reading goes on after it. When it is missing and only later deltas are there, they are
   **held**: a delta is merged only after its predecessor (its records may need the parents it
   carried), so a delta that arrives early waits, unopened, for the one before it.
3. A file that fails its checks as damaged (partial, wrong length, a bad tag: the engine is still
   delivering it) is skipped quietly and tried again next round. Every file's sealed header names
   its site and sequence; a file whose header disagrees with its place, or that claims to be from
   this database's own site, is refused (and reported), never merged.

Private pursuits (sharing.py) are left out of every file; the state remembers which were private
when the last file was written, so making one private or shared is a change worth a file, and one
shared again goes out whole in the next delta.

Imports in a round take no pre-import backup: a folder merge is small, frequent and undone by the
CRDT's review rather than by restoring a copy, and the rolling backup still runs. Two databases
copied from one file share a site id: when this database finds a file in its own sub-folder that
it did not write, it takes a new site (sync_meta.renew_site) and starts its own sub-folder afresh.

Clocks apart: a file whose change times run far ahead of this computer's clock is refused
(`clock_ahead`, reported, never merged). When the writer's clock is put right, its database
repairs its times and its clock goes back; its next file is then a snapshot, and a reader whose
next file was refused goes on from the latest snapshot after it. A clock behind is no problem:
the clock only orders concurrent values for display (they wait in review), it never drops one.

A mistyped team passphrase: peers' files are refused (`wrong_passphrase`, reported) and opened
again every round, so they come in as soon as it is put right. While the passphrase opens none
of the files in the folder — the newest of each colleague, and the last this database wrote —
this database writes nothing (`held`): a file under a mistyped passphrase would be refused by
the whole team, and one that has written would replace its readable files. Unless the rep says
it is the team's new passphrase (`FolderSync.new_passphrase`: the window asks as it is typed,
`pursuit sync --new-passphrase`): the first of a team changing its passphrase says so once, and
the others' new passphrase then opens that rep's file, so the team does not wait for itself.
Whenever this database's last file does not open with its passphrase, its next file is a
snapshot, at once, since peers reading under the new passphrase cannot read the older files (a
reader whose next file was refused goes on from the latest snapshot after it, as above). The
older files make way for a snapshot only under a passphrase that opens a colleague's file:
until a colleague writes under the new one they stay, readable by those still on the old one.

A folder that is missing (an unplugged drive, a logged-out cloud client), unreadable (the team
folder, or a colleague's sub-folder, that this computer may not list), read-only or full stops
the round with one `FolderProblem`; nothing is lost (progress moves only after a file is merged
or written) and the next round resumes.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.services.sync import bundle, export, folder_state, importer, sharing
from desktop.services.sync.bundle import BundleError
from desktop.services.workspace import Workspace
from desktop.storage import files, sync_meta

COMPACT_AFTER = 50  # deltas after a snapshot before the next snapshot replaces them
STATE_VERSION = folder_state.STATE_VERSION
FILE_NAME = re.compile(r"(\d{8})(\.full)?" + re.escape(bundle.SUFFIX) + r"\Z")
# Codes of a file that is most likely still being delivered: skipped quietly, retried.
ARRIVING = {"damaged", "unreadable", "not_bundle"}
# A refusal that depends on this computer, not on the file: opened again each round, so sync
# resumes as soon as the rep puts the team passphrase right (the team key is derived once per
# passphrase in a session, so trying again costs little).
RETRIED = {"wrong_passphrase"}


class FolderProblem(Exception):
    """The folder cannot be used now: `code` is missing, unreadable, read_only or full (or
    unusable). Raised from the OSError when there was one: the caller words its reason."""

    def __init__(self, code: str, folder: Path, detail: str = "") -> None:
        super().__init__(f"{code}: {folder}" + (f" ({detail})" if detail else ""))
        self.code = code
        self.folder = folder
        self.detail = detail


@dataclass
class Skipped:
    site: str
    file: str
    reason: str  # arriving, waiting (for its predecessor), or a refusal's code


@dataclass
class PeerRound:
    site: str
    name: str = ""
    created: str = ""  # when the peer wrote the last file merged (its header, UTC ISO)
    files: int = 0
    new: int = 0
    updated: int = 0
    conflicts: int = 0


@dataclass
class RoundReport:
    written: str | None = None  # the file this round wrote (relative to the folder)
    written_records: int = 0
    snapshot: bool = False
    removed: int = 0  # own old files deleted by compaction
    peers: dict[str, PeerRound] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    refused: list[Skipped] = field(default_factory=list)  # files reported, not merged
    to_review: int = 0  # fields waiting for review in this database after the round
    new_site: str | None = None  # this database took a new site (it was a copy)
    # This database's next file held back: its passphrase opened none of the files in the
    # folder and the rep did not say it is the team's new one (`FolderSync.new_passphrase`).
    held: bool = False
    # This round's snapshot, under the team's new passphrase, left this database's older files
    # in place: the passphrase opens none of the colleagues' files yet (see `_write_own`).
    unproven: bool = False
    seconds: float = 0.0

    @property
    def imported_files(self) -> int:
        return sum(p.files for p in self.peers.values())


@dataclass
class FolderSync:
    """The settings of one database's sync folder."""

    folder: Path
    passphrase: str
    roll_up: bool = False
    site_name: str | None = None
    kdf: dict[str, Any] | None = None  # the key derivation's cost (tests use a cheap one)
    compact_after: int = COMPACT_AFTER
    # The rep says `passphrase` is the team's new one: written under even though it opens no
    # file in the folder yet (otherwise such a passphrase is taken as mistyped: `held`).
    new_passphrase: bool = False


def state_path(ws: Workspace) -> Path:
    """Where this database keeps its sync-folder progress: beside it, in its own data folder."""
    return folder_state.state_path(ws.path)


def load_state(ws: Workspace) -> dict[str, Any]:
    return folder_state.read_state(ws.path)


def _save_state(ws: Workspace, state: dict[str, Any]) -> None:
    text = json.dumps(state, indent=1, sort_keys=True)
    files.write_atomically(state_path(ws), lambda p: p.write_text(text, encoding="utf-8"))


def _fresh_state(folder: Path, site: str) -> dict[str, Any]:
    return {
        "version": STATE_VERSION,
        "folder": str(folder),
        "site": site,
        "sequence": 0,  # the last file this database wrote
        "counter": -1,  # this database's write counter when it wrote that file
        "frontier": {},
        "marks": {},  # per kind, the change sequence that file saw (export.ExportReport.marks)
        "deltas": 0,  # deltas written since the last snapshot
        "written": [],  # names of the files this database wrote and keeps in its sub-folder
        "pending": None,  # the file being written (a crash may leave it written, not recorded)
        "peers": {},
        "private": [],  # the pursuits kept private when that file was written (sharing.py)
    }


def file_name(sequence: int, snapshot: bool) -> str:
    return f"{sequence:08d}{'.full' if snapshot else ''}{bundle.SUFFIX}"


def _our_site(ws: Workspace) -> tuple[str, int]:
    conn = export.read_connection(ws.path)
    try:
        site, counter = conn.execute("SELECT site_id, counter FROM sync_state").fetchone()
    finally:
        conn.close()
    return str(site), int(counter)


def _our_clock(ws: Workspace) -> int:
    """This database's hybrid logical clock: it only goes back when it was repaired."""
    conn = export.read_connection(ws.path)
    try:
        (clock,) = conn.execute("SELECT hlc FROM sync_state").fetchone()
    finally:
        conn.close()
    return int(clock or 0)


def _check_folder(folder: Path) -> None:
    if not folder.is_dir():
        raise FolderProblem("missing", folder)


def _problem(exc: OSError, folder: Path, *, reading: bool = False) -> FolderProblem:
    """What `exc` means for the round. `reading`: it came listing the folder, not writing in it —
    a permission refused there is a folder this computer may not read (nothing was read from it),
    not a read-only one."""
    if reading and exc.errno in (errno.EACCES, errno.EPERM):
        return FolderProblem("unreadable", folder, exc.strerror or "")
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return FolderProblem("full", folder, exc.strerror or "")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return FolderProblem("read_only", folder, exc.strerror or "")
    if exc.errno == errno.ENOENT:
        return FolderProblem("missing", folder, exc.strerror or "")
    return FolderProblem("unusable", folder, exc.strerror or str(exc))


def _listing(folder: Path) -> dict[int, tuple[str, bool]]:
    """The sync files in a site's sub-folder: sequence -> (name, snapshot). Others are ignored
    (the engine's temporary files, its conflict copies, our own temporaries)."""
    found: dict[int, tuple[str, bool]] = {}
    try:
        names = os.listdir(folder)
    except FileNotFoundError:
        return found
    except OSError as exc:
        # A colleague's sub-folder this computer may not read (its owner's permissions, a cloud
        # client's half-made folder): the round stops naming that sub-folder and why (the
        # system's reason, worded by the caller), not with an error nobody caught.
        raise _problem(exc, folder, reading=True) from exc
    for name in names:
        match = FILE_NAME.match(name)
        if match:
            sequence = int(match.group(1))
            snapshot = match.group(2) is not None
            if sequence not in found or snapshot:
                found[sequence] = (name, snapshot)
    return found


def sync_round(ws: Workspace, config: FolderSync) -> RoundReport:
    """One round: write this database's new file, merge every peer's files not yet merged.

    Raises FolderProblem when the folder cannot be used; nothing was lost and the next round
    picks up where this one stopped.
    """
    started = time.perf_counter()
    folder = Path(config.folder).expanduser()
    _check_folder(folder)
    export.check_passphrase(config.passphrase)
    report = RoundReport()
    site, counter = _our_site(ws)
    state = load_state(ws)
    if state.get("folder") != str(folder):
        state = _fresh_state(folder, site)
    if not config.roll_up:
        if state["site"] == site and _copied(folder / site, state):
            # Another database writes files as this site: both came from one file.
            with ws.write() as session:
                site = sync_meta.renew_site(session)
            report.new_site = site
            site, counter = _our_site(ws)
        if state["site"] != site:
            # A new identity: start its own sub-folder. Renewed by this round, the database
            # holds what was merged: that stays merged. Renewed elsewhere (a backup restored,
            # a copy opened), it may not hold what was merged since (a restore takes it back):
            # every colleague's files are read again, those it holds known at once by their
            # digests.
            peers = state["peers"] if report.new_site else {}
            state = _fresh_state(folder, site)
            state["peers"] = peers
    # The mode and name go with the progress: the window offers them for this database
    # (folder_state.recorded_setup), so a roll-up is not set up as a rep by mistake there.
    recorded = (state.get("roll_up"), state.get("site_name"))
    state["roll_up"] = config.roll_up
    state["site_name"] = config.site_name or ""
    _read_peers(ws, config, folder, site, state, report)
    if not config.roll_up:
        # Nothing is written while the passphrase opens none of the files in the folder: most
        # likely mistyped, a file under it would be refused by the whole team — unless the
        # rep said it is the team's new one.
        own = folder / site / state["written"][-1] if state["written"] else None
        report.held = not config.new_passphrase and not _fits(folder, site, config.passphrase, own)
        if not report.held:
            site, counter = _our_site(ws)  # merges do not move the counter; a local edit does
            _write_own(ws, config, folder, site, counter, state, report)
    if recorded != (state["roll_up"], state["site_name"]):
        # Saved even when the round merged and wrote nothing; bookkeeping only, so a
        # database folder that cannot be written does not fail the round for it.
        with contextlib.suppress(OSError):
            _save_state(ws, state)
    report.to_review = _review_count(ws)
    report.seconds = time.perf_counter() - started
    return report


def _copied(own: Path, state: dict[str, Any]) -> bool:
    pending = state.get("pending")
    if pending and pending not in state["written"] and (own / pending).exists():
        # Written, then the program stopped before recording it: ours. What it reached is not
        # known, so the next file is a snapshot (peers that merged it go on from there).
        state["written"].append(pending)
        match = FILE_NAME.match(pending)
        state["sequence"] = max(state["sequence"], int(match.group(1)) if match else 0)
        state["deltas"] = 1 << 30
    state["pending"] = None
    written = set(state["written"])
    return any(name not in written for name, _ in _listing(own).values())


def _write_own(
    ws: Workspace,
    config: FolderSync,
    folder: Path,
    site: str,
    counter: int,
    state: dict[str, Any],
    report: RoundReport,
) -> None:
    own = folder / site
    first = state["sequence"] == 0
    before = set(state.get("private") or [])
    clock = _our_clock(ws)
    # The clock went back: it was repaired (sync_meta.repair_clock) after running far ahead, so
    # peers refused the files written meanwhile; a snapshot lets them go on past those.
    repaired = clock < int(state.get("clock") or 0)
    # The files so far were written under another passphrase (the rep changed it, or put a
    # mistyped one right): peers reading under this one cannot read them, nor a delta on top of
    # them. A snapshot follows at once, local changes or not.
    changed = bool(state["written"]) and not _opens(own / state["written"][-1], config.passphrase)
    unchanged = counter == state["counter"] and before == _private(ws)
    if not first and unchanged and not repaired and not changed:
        return  # nothing written here since the last file, nothing shared or made private
    snapshot = first or repaired or changed or state["deltas"] >= config.compact_after
    sequence = state["sequence"] + 1
    name = file_name(sequence, snapshot)
    since = None if snapshot else dict(state["frontier"])
    state["pending"] = name
    _save_state(ws, state)
    try:
        own.mkdir(exist_ok=True)
        result = export.export_bundle(
            ws,
            own / name,
            passphrase=config.passphrase,
            site_name=config.site_name,
            kdf=config.kdf,
            since=since,
            extra={"folder": {"sequence": sequence, "snapshot": snapshot}},
            if_changed=True,
            since_marks=None if snapshot else state.get("marks"),
            resend=before,  # shared again since the last file: sent whole
        )
    except OSError as exc:
        raise _problem(exc, folder) from exc
    if not snapshot and result.records == 0:
        # Only merges happened since (their records are in the peers' files): no empty delta.
        state.update(counter=counter, marks=result.marks, private=result.withheld, clock=clock)
        _save_state(ws, state)
        return
    state.update(
        sequence=sequence,
        counter=counter,
        frontier=result.frontier,
        marks=result.marks,
        private=result.withheld,
        clock=clock,
    )
    state["written"].append(name)
    state["deltas"] = 0 if snapshot else state["deltas"] + 1
    report.written = f"{site}/{name}"
    report.written_records = result.records
    report.snapshot = snapshot
    _save_state(ws, state)
    if snapshot and not first:
        if not _opens_colleagues(folder, site, config.passphrase):
            # No colleague writes under this passphrase yet (the team's new one, the rep said):
            # the older files, which those still on the old one can read, stay until a snapshot
            # under a passphrase that opens a colleague's file replaces them.
            report.unproven = True
            return
        # Compaction: the snapshot holds everything the older files held.
        for old in list(state["written"]):
            if old != name:
                with contextlib.suppress(FileNotFoundError):
                    (own / old).unlink()
                    report.removed += 1
                state["written"].remove(old)
        _save_state(ws, state)


def passphrase_fits(ws: Workspace, folder: Path, passphrase: str) -> bool:
    """Whether a round under `passphrase` would write: it opens a file in the team folder (the
    last this database wrote there, or a colleague's newest), or the folder holds none to tell
    a mistyped passphrase by. The window asks before it takes a passphrase; False is most
    likely a typo, or the team's new passphrase that nobody has written under yet. A folder
    out of reach is no answer here (True): the round says what is wrong with it."""
    folder = Path(folder).expanduser()
    site, _ = _our_site(ws)
    state = load_state(ws)
    own = None
    if state.get("folder") == str(folder) and state.get("site") == site and state["written"]:
        own = folder / site / state["written"][-1]
    try:
        return _fits(folder, site, passphrase, own)
    except FolderProblem:
        return True


def _fits(folder: Path, site: str, passphrase: str, own: Path | None) -> bool:
    """Whether `passphrase` opens this database's last file `own` or a colleague's newest file;
    True when there is none (nothing to tell a mistyped passphrase by). Its own first: under
    the passphrase it wrote with, one key derivation (cached for the session) answers."""
    newest = [own] if own is not None and own.is_file() else []
    newest += _colleagues_newest(folder, site)
    return not newest or any(_opens(path, passphrase) for path in newest)


def _opens_colleagues(folder: Path, site: str, passphrase: str) -> bool:
    """Whether `passphrase` opens the newest file of at least one colleague in the folder;
    True when no colleague has a file there (nothing to tell a mistyped passphrase by)."""
    return _fits(folder, site, passphrase, None)


def _colleagues_newest(folder: Path, site: str) -> list[Path]:
    """The newest file of each colleague with files in the folder."""
    try:
        entries = sorted(os.listdir(folder))
    except OSError as exc:
        raise _problem(exc, folder, reading=True) from exc
    newest = []
    for peer in entries:
        if peer == site or not bundle.UUID.match(peer) or not (folder / peer).is_dir():
            continue
        listing = _listing(folder / peer)
        if listing:
            newest.append(folder / peer / listing[max(listing)][0])
    return newest


def _opens(path: Path, passphrase: str) -> bool:
    """False when the file at `path` was written under another passphrase."""
    try:
        bundle.unlock(bundle.read_header(path), passphrase)
    except BundleError as exc:
        return exc.code != "wrong_passphrase"
    except OSError:  # gone (removed by hand) or unreadable here: nothing to replace
        return True
    return True


def _read_peers(
    ws: Workspace,
    config: FolderSync,
    folder: Path,
    site: str,
    state: dict[str, Any],
    report: RoundReport,
) -> None:
    try:
        entries = sorted(os.listdir(folder))
    except OSError as exc:
        raise _problem(exc, folder, reading=True) from exc
    for peer in entries:
        if not bundle.UUID.match(peer) or not (folder / peer).is_dir():
            continue
        if peer == site:
            continue
        progress = state["peers"].setdefault(peer, {"sequence": 0, "name": ""})
        listing = _listing(folder / peer)
        while True:
            wanted = progress["sequence"] + 1
            later = [s for s in listing if s >= wanted]
            if not later:
                break
            refused = progress.get("failed") or {}
            stuck = (
                wanted in listing
                and refused.get("file") == listing[wanted][0]
                and refused.get("reason") != "arriving"
            )
            if wanted in listing and not (stuck and any(listing[s][1] for s in later)):
                sequence = wanted
            else:
                # Missed deltas (compacted away), or a refused file (a clock far ahead, another
                # passphrase) that a later snapshot replaces: go on from the latest snapshot.
                snapshots = [s for s in later if listing[s][1]]
                if not snapshots:
                    for s in sorted(later):  # held until their predecessor arrives
                        report.skipped.append(Skipped(peer, listing[s][0], "waiting"))
                    break
                sequence = max(snapshots)
            name, snapshot = listing[sequence]
            stamp = _stamp(folder / peer / name)
            failed = progress.get("failed")
            if (
                failed
                and failed.get("file") == name
                and failed.get("stamp") == stamp
                and failed.get("reason") not in RETRIED
            ):
                # Unchanged since it failed: told again, not opened again (a key derivation
                # per file per round would make every round slow) — unless this computer's
                # passphrase was the reason (RETRIED).
                told = Skipped(peer, f"{peer}/{name}", str(failed.get("reason")))
                (report.skipped if told.reason == "arriving" else report.refused).append(told)
                break
            reached = _merge_file(ws, config, folder, site, peer, sequence, name, snapshot, report)
            if isinstance(reached, Skipped):
                progress["failed"] = {"file": name, "stamp": stamp, "reason": reached.reason}
                state["peers"][peer] = progress
                _save_state(ws, state)
                break
            progress.pop("failed", None)
            # What the peer's file brought is not sent round again in this database's deltas
            # (every peer reads the peer's own files); this database's own entry stays its own.
            frontier = state["frontier"]
            for other, count in reached.items():
                if other != site and bundle.UUID.match(other) and type(count) is int:
                    frontier[other] = max(frontier.get(other, 0), count)
            progress["sequence"] = sequence
            progress["name"] = report.peers[peer].name or progress.get("name", "")
            progress["file"] = name
            progress["created"] = report.peers[peer].created
            progress["merged_at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
            for s in [s for s in listing if s <= sequence]:
                del listing[s]
            state["peers"][peer] = progress
            _save_state(ws, state)


def _stamp(path: Path) -> list[int]:
    """Size and modification time: a file still being delivered changes both."""
    try:
        info = path.stat()
    except OSError:
        return []
    return [info.st_size, info.st_mtime_ns]


def _merge_file(
    ws: Workspace,
    config: FolderSync,
    folder: Path,
    site: str,
    peer: str,
    sequence: int,
    name: str,
    snapshot: bool,
    report: RoundReport,
) -> dict[str, Any] | Skipped:
    """Merge one peer file: the frontier its header claims, or why it was skipped or refused."""
    seen: dict[str, Any] = {}

    def expect(header: bundle.Header) -> None:
        fields = header.fields
        if fields["site"] == site:
            raise BundleError("own_site", "a file claiming to be from this database")
        where = fields.get("folder")
        if (
            fields["site"] != peer
            or not isinstance(where, dict)
            or where.get("sequence") != sequence
            or where.get("snapshot") is not snapshot
            or (not snapshot and "delta" not in fields)
        ):
            raise BundleError("misplaced", "its header does not match its place in the folder")
        seen.update(fields)

    try:
        result = importer.import_bundle(
            ws, folder / peer / name, config.passphrase, backup=False, expect=expect
        )
    except BundleError as exc:
        skip = Skipped(peer, f"{peer}/{name}", exc.code)
        if exc.code in ARRIVING:
            skip.reason = "arriving"
            report.skipped.append(skip)
        else:
            report.refused.append(skip)
        return skip
    peer_round = report.peers.setdefault(peer, PeerRound(peer))
    peer_round.name = str(seen.get("site_name") or "")
    peer_round.created = str(seen.get("created") or "")
    peer_round.files += 1
    preview = result.preview
    peer_round.new += preview.total("new")
    peer_round.updated += preview.total("updated")
    peer_round.conflicts += preview.total("conflicts")
    reached = seen.get("frontier")
    return reached if isinstance(reached, dict) else {}


@dataclass
class PeerStatus:
    """One colleague's database as the Sync screen lists it."""

    site: str
    name: str  # the name its files give ("" when none merged yet)
    last_file: str  # the last file merged ("" none yet)
    created: str  # when the peer wrote it (UTC ISO, "" unknown)
    merged_at: str  # when this database merged it (UTC ISO, "" unknown)
    waiting: int  # its files in the folder not merged yet
    problem: str  # the code of why its next file was not merged ("" none)


def peer_status(ws: Workspace, folder: Path) -> list[PeerStatus]:
    """Every other site with files in the folder or merged before, from the progress this
    database keeps and a listing of the folder (no file is opened). Nothing when the folder is
    out of reach: the round says why."""
    folder = Path(folder).expanduser()
    state = load_state(ws)
    progress = state.get("peers", {}) if state.get("folder") == str(folder) else {}
    own = state.get("site")
    try:
        present = [p for p in os.listdir(folder) if bundle.UUID.match(p) and (folder / p).is_dir()]
    except OSError:
        present = []
    result = []
    for site in sorted(set(present) | set(progress)):
        if site == own:
            continue
        seen = progress.get(site, {})
        sequence = int(seen.get("sequence", 0))
        try:
            listing = _listing(folder / site) if site in present else {}
        except FolderProblem:  # a sub-folder this computer may not list: the round says so
            listing = {}
        failed = seen.get("failed") or {}
        result.append(
            PeerStatus(
                site=site,
                name=str(seen.get("name") or ""),
                last_file=str(seen.get("file") or ""),
                created=str(seen.get("created") or ""),
                merged_at=str(seen.get("merged_at") or ""),
                waiting=sum(1 for s in listing if s > sequence),
                problem=str(failed.get("reason") or ""),
            )
        )
    return sorted(result, key=lambda p: (p.name == "", p.name.casefold(), p.site))


def _private(ws: Workspace) -> set[str]:
    conn = export.read_connection(ws.path)
    try:
        return sharing.private_ids(conn)
    finally:
        conn.close()


def _review_count(ws: Workspace) -> int:
    conn = export.read_connection(ws.path)
    try:
        (count,) = conn.execute("SELECT count(*) FROM sync_review").fetchone()
    finally:
        conn.close()
    return int(count)
