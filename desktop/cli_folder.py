"""The team sync folder from the command line (registered in cli.EXTRA_COMMANDS).

    pursuit sync --db PATH --folder DIR [--passphrase-env VAR] [--roll-up] [--name NAME]

One round of services/sync/folder.py: write this database's new delta (not in roll-up mode),
merge every peer's files not merged yet, and print one line — what was written, what came in
from each peer, how many fields wait for review, what was skipped and why. A file refused (a
different team passphrase, one claiming to come from this database) is named on standard error.
Exit codes: 0 the round completed (also when files were skipped because they are still
arriving, or refused), 1 the folder or the database could not be used (nothing was lost; run
again later), 2 usage.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli_sync import EXIT_OK, EXIT_PROBLEM, _fail, _passphrase, _zh

PROBLEMS = {
    "missing": (
        "同步文件夹 {folder} 不存在或无法访问(移动硬盘已拔出?云盘客户端已退出?),稍后再试。",
        "The sync folder {folder} is missing or cannot be reached (an unplugged drive? a "
        "logged-out cloud client?); try again later.",
    ),
    "read_only": (
        "同步文件夹 {folder} 只读,无法写入本数据库的更改;其他人的更改仍已读取。",
        "The sync folder {folder} is read-only: this database's changes cannot be written.",
    ),
    "full": (
        "同步文件夹 {folder} 所在磁盘已满,无法写入;腾出空间后再试。",
        "The disk of the sync folder {folder} is full; free some space and try again.",
    ),
    "unusable": (
        "无法使用同步文件夹 {folder}:{detail}",
        "Cannot use the sync folder {folder}: {detail}",
    ),
}
REFUSALS = {
    "wrong_passphrase": ("团队口令不同", "a different team passphrase"),
    "own_site": ("自称来自本数据库", "claims to come from this database"),
    "misplaced": ("文件头与所在位置不符", "its header does not match its place"),
    "foreign_changes": ("含有本数据库从未做过的更改", "claims changes this database never made"),
    "clock_ahead": ("修改时间超前本机时钟一天以上", "change times beyond this computer's clock"),
    "too_new": ("由更新版本写出", "written by a newer Pursuit"),
    "kdf_too_costly": ("密钥计算量异常", "an unreasonable key derivation"),
    "too_large": ("文件过大", "far too large"),
}

if TYPE_CHECKING:
    from desktop.services.sync.folder import RoundReport


def cmd_sync(args: argparse.Namespace) -> int:
    from desktop.cli import open_workspace
    from desktop.services.errors import StorageError
    from desktop.services.sync import export, folder

    passphrase, code = _passphrase(args, confirm=False)
    if code is not None:
        return code
    if passphrase is None:
        return _fail(args, "passphrase_needed")
    if len(passphrase.strip()) < export.MIN_PASSPHRASE:
        return _fail(args, "passphrase_short")
    ws, code = open_workspace(args, create=False)
    if ws is None:
        return int(code)
    config = folder.FolderSync(
        Path(args.folder).expanduser(), passphrase, roll_up=args.roll_up, site_name=args.name
    )
    try:
        report = folder.sync_round(ws, config)
    except folder.FolderProblem as exc:
        zh, en = PROBLEMS[exc.code]
        text = (zh if _zh(args) else en).format(folder=exc.folder, detail=exc.detail)
        print(f"pursuit: {text}", file=sys.stderr)
        return EXIT_PROBLEM
    except StorageError as exc:
        return _fail(args, "cannot_write", path=args.db, detail=str(exc))
    finally:
        ws.close()
    for refused in report.refused:
        zh, en = REFUSALS.get(refused.reason, (refused.reason, refused.reason))
        print(
            f"pursuit: {'已拒收' if _zh(args) else 'refused'} {refused.file}: "
            f"{zh if _zh(args) else en}",
            file=sys.stderr,
        )
    print(summary(report, zh=_zh(args)))
    return EXIT_OK


def summary(report: RoundReport, *, zh: bool) -> str:
    """The round in one line."""
    parts: list[str] = []
    if report.written:
        kind = ("快照" if zh else "snapshot") if report.snapshot else ("增量" if zh else "delta")
        parts.append(
            f"写出 {report.written}({kind},{report.written_records:,} 条)"
            if zh
            else f"wrote {report.written} ({kind}, {report.written_records:,} records)"
        )
    else:
        parts.append("未写出" if zh else "wrote nothing")
    peers = [
        (
            f"{p.name or p.site[:8]} {p.files} 个文件(新增 {p.new:,},更新 {p.updated:,})"
            if zh
            else f"{p.name or p.site[:8]} {p.files} files ({p.new:,} new, {p.updated:,} updated)"
        )
        for p in report.peers.values()
    ]
    if peers:
        parts.append(("已导入 " if zh else "imported ") + ", ".join(peers))
    else:
        parts.append("无新文件" if zh else "nothing new")
    parts.append(f"待审 {report.to_review:,}" if zh else f"{report.to_review:,} to review")
    reasons = Counter(s.reason for s in report.skipped)
    if reasons:
        names = {
            "arriving": ("尚在传输", "still arriving"),
            "waiting": ("等待前一个文件", "waiting for the file before"),
        }
        told = ", ".join(
            f"{n} {names.get(r, (r, r))[0 if zh else 1]}" for r, n in sorted(reasons.items())
        )
        parts.append((f"跳过 {len(report.skipped)}:" if zh else "skipped ") + told)
    if report.refused:
        parts.append(f"拒收 {len(report.refused)}" if zh else f"{len(report.refused)} refused")
    if report.new_site:
        parts.append("本数据库是副本,已启用新的站点标识" if zh else "this copy took a new site id")
    return ("同步:" if zh else "sync: ") + ("; ".join(parts))


def register(command: Callable[..., argparse.ArgumentParser]) -> None:
    sync = command(
        "sync", cmd_sync, "one round with the team sync folder: write our changes, merge theirs"
    )
    sync.add_argument("--folder", required=True, help="the team's shared sync folder")
    sync.add_argument("--passphrase-env", metavar="VAR", help="read the team passphrase from $VAR")
    sync.add_argument(
        "--roll-up", action="store_true", help="read every site's files, write none (managers)"
    )
    sync.add_argument("--name", help="who this database is, shown to the team")
