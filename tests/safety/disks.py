"""Real small and read-only disks for the safety tests: a tmpfs mounted for one test.

A full disk is simulated for real (ENOSPC from the kernel, as a rep's full laptop gives it), not
by patching Python. Mounting needs root (or a user namespace); where it is refused the tests that
need it are skipped, never faked.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest


def pursuit(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The `pursuit` command, run as a user runs it (a separate process, English messages)."""
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        env=dict(os.environ, LANG="C.UTF-8", **(env or {})),
        timeout=180,
    )


def _mount(folder: Path, size: str) -> bool:
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        return False
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
    )
    return done.returncode == 0


def _cannot(why: str) -> None:
    """CI runs as root and must run these tests: there a missing mount fails; elsewhere it skips."""
    if os.environ.get("CI"):
        pytest.fail(f"{why}: CI must run the real full and read-only disk tests")
    pytest.skip(why)


@contextlib.contextmanager
def small_disk(folder: Path, size: str = "1M") -> Iterator[Path]:
    """`folder` as a disk of `size` bytes for the duration (skips the test where impossible)."""
    folder.mkdir(parents=True, exist_ok=True)
    if not _mount(folder, size):
        _cannot("cannot mount a small tmpfs here (needs root on Linux)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def read_only(folder: Path) -> None:
    """Turn the mounted `folder` read-only (as a CD, a locked USB stick, a read-only share)."""
    done = subprocess.run(["mount", "-o", "remount,ro", str(folder)], capture_output=True)
    if done.returncode != 0:
        _cannot("cannot remount read-only here")


def fill(folder: Path, leave: int = 0) -> None:
    """Fill the disk at `folder` to the last byte, then free `leave` bytes again."""
    filler = folder / "filler"
    with contextlib.suppress(OSError), filler.open("wb") as fh:
        while True:
            fh.write(b"\0" * 65536)
            fh.flush()
    with contextlib.suppress(OSError), (folder / "filler2").open("wb") as fh:
        while True:
            fh.write(b"\0")
            fh.flush()
    if leave:
        (folder / "filler2").unlink(missing_ok=True)
        os.truncate(filler, max(0, filler.stat().st_size - leave))
