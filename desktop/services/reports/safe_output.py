"""Where an export may go: never over the database, and over another kind of file only when asked.

`pursuit export --out p.db` once replaced the open database with a sync file and exited 0 (issue
23, defect 1). Every writer of a user-chosen path — sync files, plan PDFs, calendars, spreadsheets,
backups, pictures — asks `check_output` first, from the CLI and from the window's save dialogs:

- the open database itself, its `-wal`/`-shm`/`-journal` companions and its lock file are never
  written over, however the path is spelled (symlinks, hard links, case on case-insensitive disks);
- a folder is never written over;
- another SQLite database (even for a backup: it may be someone's live one), a backup in the
  database's `backups/` folder, or an existing file of another kind (a PDF where an .ics goes, a
  spreadsheet where a sync file goes) is written over only when the user confirms that kind of
  overwrite (`--force` on the command line, a question in the window).

Writing itself goes through `write_atomically` (temporary file, verify, rename; see
storage.files), re-exported here so screens and commands need not reach into storage.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from desktop.storage import files
from desktop.storage.backup import BACKUP_FOLDER
from desktop.storage.files import remove_leftovers, user_file_mode, write_atomically

__all__ = [
    "OutputKind",
    "OutputProblem",
    "check_output",
    "remove_leftovers",
    "user_file_mode",
    "verify_pdf",
    "write_atomically",
]


class OutputKind(StrEnum):
    """What a writer produces (decides which existing files it may replace without asking)."""

    SYNC = "sync"
    PDF = "pdf"
    ICS = "ics"
    XLSX = "xlsx"
    CSV = "csv"
    PNG = "png"
    SVG = "svg"
    BACKUP = "backup"
    VCF = "vcf"


# What `files.sniff` may find at a path that this kind of output replaces as a matter of course.
_SAME_KIND = {
    OutputKind.SYNC: {files.SYNC},
    OutputKind.PDF: {files.PDF},
    OutputKind.ICS: {files.ICS},
    OutputKind.XLSX: {files.ZIP},
    OutputKind.CSV: {files.TEXT},
    OutputKind.PNG: {files.PNG},
    OutputKind.SVG: {files.TEXT},
    OutputKind.VCF: {files.TEXT},
    OutputKind.BACKUP: set(),  # every existing SQLite file is asked about (see _problem)
}
# Plain text tells nothing by its bytes: an existing text file is the same kind only by its name.
_TEXT_SUFFIXES = {
    OutputKind.CSV: {".csv", ".txt"},
    OutputKind.SVG: {".svg"},
    OutputKind.VCF: {".vcf"},
}
_COMPANIONS = ("-wal", "-shm", "-journal", ".lock")

# Reasons, in the order they are checked.
THE_DATABASE = "the_database"  # never
FOLDER = "folder"  # never
A_DATABASE = "a_database"  # another SQLite file: only when confirmed
A_BACKUP = "a_backup"  # a file in backups/: only when confirmed
OTHER_KIND = "other_kind"  # only when confirmed


@dataclass(frozen=True)
class OutputProblem:
    """Why `path` should not be written as asked; `confirmable` says whether the user may insist."""

    path: Path
    reason: str
    existing: str  # what is there (files.sniff), for the message

    @property
    def confirmable(self) -> bool:
        return self.reason not in (THE_DATABASE, FOLDER)


def check_output(
    path: Path | str,
    kind: OutputKind,
    *,
    database: Path | str | None = None,
    overwrite: bool = False,
) -> OutputProblem | None:
    """None when `kind` may be written at `path`; else the problem to tell the user.

    `database` is the open database (its companions are protected with it). With `overwrite`
    (the user confirmed), confirmable problems are waved through; the database never is.
    """
    target = Path(path).expanduser()
    if database is not None:
        db = Path(database).expanduser()
        for candidate in (db, *(Path(str(db) + suffix) for suffix in _COMPANIONS)):
            if files.same_file(target, candidate):
                return OutputProblem(target, THE_DATABASE, files.SQLITE)
    existing = files.sniff(target)
    if existing is None:
        return None
    if existing == files.FOLDER:
        return OutputProblem(target, FOLDER, existing)
    problem = _problem(target, kind, existing, database)
    if problem is not None and overwrite and problem.confirmable:
        return None
    return problem


def _problem(
    target: Path, kind: OutputKind, existing: str, database: Path | str | None
) -> OutputProblem | None:
    if database is not None and _in_backups(target, Path(database).expanduser()):
        return OutputProblem(target, A_BACKUP, existing)
    # Even a backup does not replace a database without asking: it may be someone's live one.
    # Nor the -wal/-shm of some other database.
    if existing == files.SQLITE or _is_wal_companion(target):
        return OutputProblem(target, A_DATABASE, existing)
    if existing not in _SAME_KIND[kind]:
        return OutputProblem(target, OTHER_KIND, existing)
    suffixes = _TEXT_SUFFIXES.get(kind)
    if (
        existing == files.TEXT
        and suffixes is not None
        and target.suffix.lower() not in suffixes
        and target.stat().st_size  # an empty file holds nothing to lose
    ):
        return OutputProblem(target, OTHER_KIND, existing)
    return None


def _in_backups(target: Path, database: Path) -> bool:
    folder = database.parent / BACKUP_FOLDER
    return files.same_file(target.parent, folder) and target.name.startswith(database.stem)


def _is_wal_companion(target: Path) -> bool:
    for suffix in ("-wal", "-shm", "-journal"):
        if target.name.endswith(suffix):
            main = target.with_name(target.name[: -len(suffix)])
            if files.sniff(main) == files.SQLITE:
                return True
    return False


def verify_pdf(path: Path) -> None:
    """Raise OSError unless `path` is a whole PDF (a writer that hit a full disk stops short).

    Qt's PDF writer does not report write errors; a cut file lacks its cross-reference table
    and end marker, which is what a reader needs first.
    """
    size = path.stat().st_size
    with path.open("rb") as fh:
        head = fh.read(8)
        fh.seek(max(0, size - 1024))
        tail = fh.read()
    if not head.startswith(b"%PDF-") or b"%%EOF" not in tail or b"startxref" not in tail:
        raise OSError(28, "the PDF was cut short (is the disk full?)")
    offset = tail.rsplit(b"startxref", 1)[1].split()[0]
    if not offset.isdigit() or int(offset) >= size:
        raise OSError(28, "the PDF was cut short (is the disk full?)")
