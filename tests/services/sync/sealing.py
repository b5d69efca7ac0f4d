"""Files sealed by hand for the importer's tests: a real sync file opened to its lines, lines
sealed again with the team's passphrase (authentic, whatever they say), a database copied under
a site of its own."""

from __future__ import annotations

from pathlib import Path

from desktop.services.sync import bundle
from desktop.services.workspace import Workspace
from desktop.storage.backup import online_backup

PASSPHRASE = "correct horse battery"
FAST_KDF = {"name": "argon2id", "memory_kib": 64, "iterations": 1, "lanes": 1}


def opened(path: Path) -> tuple[dict, list[bytes]]:
    """A sync file's header fields and its decrypted lines."""
    header = bundle.read_header(path)
    keys = bundle.unlock(header, PASSPHRASE)
    return header.fields, list(bundle.lines(bundle.chunks(path, header, keys)))


def seal(path: Path, fields: dict, lines: list[bytes]) -> None:
    """A file sealed with the team's passphrase around `lines` (authentic, whatever they say)."""
    fields = dict(fields, kdf=bundle.new_kdf(FAST_KDF))
    keys = bundle.derive_keys(PASSPHRASE, fields["kdf"])
    with path.open("wb") as fh:
        writer = bundle.BundleWriter(fh, fields, keys)
        writer.write(b"\n".join(lines) + b"\n")
        writer.close()


def copy_database(ws: Workspace, path: Path) -> Workspace:
    """The database as it is now at another path (so under a site of its own)."""
    return Workspace.open(online_backup(ws.path, path))
