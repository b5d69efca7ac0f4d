"""A file the command cannot use is told why in the user's language, never in the system's English
(`[Errno 21] Is a directory` inside a Chinese line). The errors are the operating system's own."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.services import os_errors
from desktop.services.workspace import Workspace

SYSTEM_WORDS = ("Errno", "directory", "No such file", "Permission", "Not a", "too long")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().err


def english_free(text: str) -> bool:
    return not any(word in text for word in SYSTEM_WORDS)


def os_error(action: object) -> OSError:
    try:
        action()  # type: ignore[operator]
    except OSError as exc:
        return exc
    raise AssertionError("the system raised nothing")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "p.db"
    Workspace.open(path).close()
    return path


def test_the_systems_errors_are_worded_in_both_languages(tmp_path: Path) -> None:
    a_file = tmp_path / "a.txt"
    a_file.write_text("x", encoding="utf-8")
    missing = os_error(lambda: (tmp_path / "gone.csv").open("rb"))
    folder = os_error(lambda: tmp_path.open("rb"))
    under_a_file = os_error(lambda: (a_file / "b.csv").open("wb"))
    assert (missing.errno, folder.errno, under_a_file.errno) == (
        errno.ENOENT,
        errno.EISDIR,
        errno.ENOTDIR,
    )
    assert os_errors.reason(missing, "zh_CN") == "文件或文件夹不存在"
    assert os_errors.reason(folder, "zh") == "这是一个文件夹，不是文件"
    assert os_errors.reason(under_a_file, "zh_CN") == "路径中有一项不是文件夹"
    assert os_errors.reason(folder, "en") == "it is a folder, not a file"
    # Kept by a service's own error raised from it, even `from None`.
    try:
        try:
            tmp_path.open("rb")
        except OSError:
            raise ValueError("unreadable") from None
    except ValueError as wrapped:
        assert os_errors.reason(wrapped, "zh_CN") == "这是一个文件夹，不是文件"


def test_a_full_disk_is_said_so() -> None:
    # Linux's /dev/full answers every write with "no space left": a real full disk, no mount.
    def write_to_full() -> None:
        with open("/dev/full", "wb") as handle:
            handle.write(b"x")

    full = os_error(write_to_full)
    assert full.errno == errno.ENOSPC
    assert os_errors.reason(full, "zh_CN") == "磁盘已满"


def test_permission_and_read_only_disk_and_an_unknown_errno() -> None:
    # No permission or read-only disk to be had under root in CI: the system's own errors built.
    denied = PermissionError(errno.EACCES, os.strerror(errno.EACCES), "x.csv")
    read_only = OSError(errno.EROFS, os.strerror(errno.EROFS), "x.csv")
    assert os_errors.reason(denied, "zh_CN") == "没有访问权限"
    assert os_errors.reason(read_only, "zh_CN") == "所在磁盘只读"
    # An errno without words keeps the system's, which still says more than nothing.
    odd = OSError(errno.EXDEV, os.strerror(errno.EXDEV))
    assert os_errors.reason(odd, "zh_CN") == os.strerror(errno.EXDEV)


def test_import_table_of_a_folder(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    folder = db.parent / "sheets"
    folder.mkdir()
    for command in (("import-table", "--kind", "accounts"), ("import-vcard", "--account", "x")):
        code, err = run(
            capsys, command[0], "--db", str(db), str(folder), *command[1:], "--lang", "zh_CN"
        )
        assert code == 1
        assert f"无法读取文件：{folder}（这是一个文件夹，不是文件）。未做任何更改。" in err


def test_restore_from_a_folder_names_it(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    code, err = run(capsys, "restore", "--db", str(db), "--from", str(db.parent), "--lang", "zh_CN")
    assert code == 1 and err == f"pursuit: 无法读取 {db.parent}：这是一个文件夹，不是文件。\n"
    code, err = run(capsys, "restore", "--db", str(db), "--from", str(db.parent), "--lang", "en")
    assert err == f"pursuit: Cannot read {db.parent}: it is a folder, not a file.\n"


def test_outputs_under_a_file(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    a_file = db.parent / "notes.txt"
    a_file.write_text("x", encoding="utf-8")
    for command, name in (
        (("backup",), "b.db"),
        (("export-ics", "--upcoming"), "v.ics"),
        (("export-table", "--kind", "accounts"), "a.csv"),
        (("export", "--no-encryption"), "x.pursuit"),
    ):
        out = a_file / name
        code, err = run(capsys, *command, "--db", str(db), "--out", str(out), "--lang", "zh_CN")
        assert code == 1, command
        assert f"无法写入 {out}：" in err and english_free(err), err
    assert not list(db.parent.glob("*.probe"))


def test_a_new_database_where_none_can_be(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x", encoding="utf-8")
    code, err = run(capsys, "demo", "--db", str(a_file / "new.db"), "--lang", "zh_CN")
    assert code == 1 and "同名的文件已存在" in err and english_free(err), err
    # A name the system refuses before anything is opened: no "unexpected OSError".
    too_long = tmp_path / ("项目" * 200 + ".db")
    code, err = run(capsys, "demo", "--db", str(too_long), "--lang", "zh_CN")
    assert code == 1 and "文件名或路径过长；操作未完成。" in err and english_free(err), err


def test_a_sync_folder_that_cannot_be_read(
    capsys: pytest.CaptureFixture[str], db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Listing the team folder refused: it cannot be read (nothing was), not "read-only"."""
    from desktop.services.sync import folder

    team = db.parent / "team"
    team.mkdir()
    listdir = os.listdir

    def denied(path: str | os.PathLike[str]) -> list[str]:
        # No permission to be had under root in CI: the system's own error, for that folder.
        if Path(path) == team:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return listdir(path)

    monkeypatch.setattr(folder.os, "listdir", denied)
    monkeypatch.setenv("TEAM_SECRET", "correct horse battery")
    args = ("sync", "--db", str(db), "--folder", str(team), "--passphrase-env", "TEAM_SECRET")
    code, err = run(capsys, *args, "--lang", "zh_CN")
    assert code == 1
    assert err.startswith(f"pursuit: 无法读取同步文件夹 {team}（没有访问权限），本轮同步未完成")
    assert english_free(err) and "只读" not in err
    code, err = run(capsys, *args, "--lang", "en")
    assert err.startswith(f"pursuit: The sync folder {team} cannot be read (permission denied)")
