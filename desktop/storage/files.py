"""Writing a file so that it is whole or absent, readable by colleagues, and never the database.

Every writer of a user-visible file (exports, plans, calendars, backups) goes through
`write_atomically`: the content goes to a temporary file beside the target, is flushed to disk,
checked by the caller's `verify` (a full disk or a writer that ignores write errors shows up here,
not later in the reader's hands), given the permissions of any file the user would create, and
only then renamed over the target. Whatever fails, the temporary file is removed and the target
is left as it was.

`same_file` and `sniff` are what the output-path check needs: whether two paths are one file
(symlinks, hard links, a case-insensitive disk) and what kind of file is already at a path.

`hold` and `read_head` keep SQLite's locks: see `hold`.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import sys
import threading
from collections import Counter
from collections.abc import Callable
from pathlib import Path

TEMP_SUFFIX = ".part"


def user_file_mode() -> int:
    """The permission bits a new file gets from the user's umask (0o644 for the usual 022).

    mkstemp makes files 0o600; an export left like that cannot be opened by a colleague on a
    shared folder, while the same user's other documents can.
    """
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, ValueError):
            for line in Path("/proc/self/status").read_text().splitlines():
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    current = os.umask(0o022)  # no reader elsewhere: set and restore at once
    os.umask(current)
    return 0o666 & ~current


def temporary_beside(target: Path) -> Path:
    """A fresh name beside `target` that no one else uses (same folder, so rename is atomic)."""
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}")


def write_atomically(
    target: Path | str,
    write: Callable[[Path], object],
    verify: Callable[[Path], None] | None = None,
    *,
    mode: int | None = None,
) -> Path:
    """Write `target` through a temporary file: `write(temp)`, fsync, `verify(temp)`, rename.

    `write` gets the temporary path (which does not exist yet) and fills it; `verify` raises
    (OSError, or anything else) when what was written is not whole. The file gets `mode`, by
    default the user's normal permissions. Raises whatever failed, with the target unchanged and
    no temporary file left behind.
    """
    target = Path(target)
    temp = temporary_beside(target)
    try:
        write(temp)
        if not temp.is_file():
            raise OSError(f"nothing was written to {temp.name}")
        with temp.open("rb+") as written:
            os.fsync(written.fileno())
        if verify is not None:
            verify(temp)
        os.chmod(temp, user_file_mode() if mode is None else mode)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        raise
    fsync_dir(target.parent)
    return target


def remove_leftovers(folder: Path, pattern: str = f"*{TEMP_SUFFIX}") -> list[Path]:
    """Delete temporary files a killed writer left in `folder`; returns what was removed."""
    removed = []
    with contextlib.suppress(OSError):
        for path in folder.glob(pattern):
            with contextlib.suppress(OSError):
                if path.is_file():
                    path.unlink()
                    removed.append(path)
    return removed


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (best effort: some file systems refuse)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    with contextlib.suppress(OSError):
        os.fsync(fd)
    os.close(fd)


def identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file at `path` after symlinks, or None when there is none."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (symlinks, hard links, case on case-insensitive disks)."""
    first, second = identity(a), identity(b)
    if first is not None and second is not None:
        return first == second
    # Either is missing: compare where they would be (a folder may be a symlink).
    return os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))


# The database files this process has open through SQLite, by identity, counted (`hold`).
_held: Counter[tuple[int, int]] = Counter()
_held_lock = threading.Lock()


def hold(path: Path) -> Callable[[], None]:
    """Mark the file at `path` as open through SQLite in this process until the returned
    function is called (once its connections are closed).

    SQLite locks a database with POSIX advisory locks, and those belong to the process, not to
    a descriptor: closing ANY descriptor of the file drops every lock the process holds on it
    (sqlite.org/howtocorrupt.html, 2.2). Another program (the sqlite3 shell, a backup tool)
    then finds no reader, checkpoints the WAL and deletes it under our open connections, and
    what we commit next goes into an unlinked file: gone at the next crash. So a held file is
    never opened and closed by Python: `read_head` answers for it without opening it.
    """
    key = identity(path)
    if key is None:
        return lambda: None
    with _held_lock:
        _held[key] += 1
    released = False

    def release() -> None:
        nonlocal released
        with _held_lock:
            if not released:
                released = True
                _held[key] -= 1
                if _held[key] <= 0:
                    del _held[key]

    return release


def held(path: Path) -> bool:
    """Whether this process has the file at `path` open through SQLite (`hold`)."""
    key = identity(path)
    with _held_lock:
        return key is not None and key in _held


def read_head(path: Path, size: int) -> bytes | None:
    """The first `size` bytes of the file at `path`; None for a database this process holds
    open through SQLite (`hold`): it is one, and opening it here would drop SQLite's locks."""
    if held(path):
        return None
    with open(path, "rb") as fh:
        return fh.read(size)


# What a file holds, told from its first bytes: enough to say "that is a database", "that is a
# PDF", not a validation of the content.
SQLITE, PDF, ZIP, ICS, SYNC, PNG, FOLDER, TEXT, OTHER = (
    "sqlite",
    "pdf",
    "zip",
    "ics",
    "sync",
    "png",
    "folder",
    "text",
    "other",
)
SYNC_MAGIC = b"\x89PURSUIT"  # how services.sync.bundle.MAGIC starts


def sniff(path: Path) -> str | None:
    """The kind of what is at `path` (one of the constants above), or None when nothing is."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    if stat.S_ISDIR(info.st_mode):
        return FOLDER
    if not stat.S_ISREG(info.st_mode):
        return OTHER  # a device, a pipe, a socket: never something we replace
    try:
        head = read_head(path, 512)
    except OSError:
        return OTHER
    if head is None:
        return SQLITE  # a database this program has open
    if not head:
        return TEXT  # an empty file holds nothing to lose
    if head.startswith(b"SQLite format 3\x00"):
        return SQLITE
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return ZIP
    if head.startswith(b"\x89PNG"):
        return PNG
    if head.startswith(SYNC_MAGIC):
        return SYNC
    body = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if body.upper().startswith(b"BEGIN:VCALENDAR"):
        return ICS
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not just a character cut at the 512th byte
            return OTHER
    return TEXT if b"\x00" not in head else OTHER


def writable(path: Path) -> bool:
    """Whether `path` can be written: permissions, and not on a read-only file system (root
    passes every permission check, but not that one)."""
    if not os.access(path, os.W_OK):
        return False
    try:
        return not os.statvfs(path).f_flag & os.ST_RDONLY
    except (OSError, AttributeError):  # no statvfs on Windows: permissions tell it there
        return True
