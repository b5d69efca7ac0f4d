"""The team sync folder from the command line (registered in cli.EXTRA_COMMANDS).

    pursuit sync --db PATH --folder DIR [--passphrase-env VAR] [--roll-up] [--name NAME]
                 [--new-passphrase]

One round of services/sync/folder.py: write this database's new delta (not in roll-up mode),
merge every peer's files not merged yet, and print one line — what was written, what came in
from each peer, how many fields wait for review, what was skipped and why. A file refused (a
different team passphrase, one claiming to come from this database) is named on standard error.
Exit codes: 0 the round completed (also when files were skipped because they are still
arriving, or refused), 1 the folder or the database could not be used (nothing was lost; run
again later) or this database's file was held back because the team passphrase opens none of the
files in the folder (a script must know that nothing of this computer went out), 2 usage.
A passphrase that opens none of them is taken as mistyped, as the window does when it is typed
there: `--new-passphrase` says it is the team's new one, and the round writes under it.

As every writing command, it makes the database at a path where there is none: a new computer's
first round fills it from the folder. Not when the folder cannot be reached: there is nothing to
fill it from, and no empty database is left behind.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli_messages import EXIT_OK, EXIT_PROBLEM, MESSAGES, fail, is_zh, os_reason, say
from desktop.cli_sync import _passphrase

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
        return fail(args, "passphrase_needed")
    if len(passphrase.strip()) < export.MIN_PASSPHRASE:
        return fail(args, "passphrase_short")
    team = Path(args.folder).expanduser()
    if not Path(args.db).expanduser().exists() and not team.is_dir():
        return fail(args, "sync_folder_missing", folder=team)
    ws, code = open_workspace(args, create=True)
    if ws is None:
        return int(code)
    config = folder.FolderSync(
        team,
        passphrase,
        roll_up=args.roll_up,
        site_name=args.name,
        new_passphrase=args.new_passphrase,
    )
    try:
        report = folder.sync_round(ws, config)
    except folder.FolderProblem as exc:
        detail = os_reason(args, exc) if exc.__cause__ is not None else exc.detail
        return fail(args, f"sync_folder_{exc.code}", folder=exc.folder, detail=detail)
    except StorageError as exc:
        return fail(args, "cannot_write", path=args.db, detail=str(exc))
    finally:
        ws.close()
    for refused in report.refused:
        reason = f"refused_{refused.reason}"
        why = say(args, reason) if reason in MESSAGES else refused.reason
        print(
            f"pursuit: {say(args, 'sync_folder_refused', file=refused.file, why=why)}",
            file=sys.stderr,
        )
    print(summary(report, zh=is_zh(args)))
    return EXIT_PROBLEM if report.held else EXIT_OK


def _by_rep(report: RoundReport) -> dict[str, tuple[int, int, int]]:
    """Files, new and updated records per colleague. A rep whose database was restored from a
    backup writes under a new site (its old one keeps its files), so one name can stand for two
    sites in a round: the line names the rep once, as the window's rep filter does."""
    sums: dict[str, tuple[int, int, int]] = {}
    for p in report.peers.values():
        files, new, updated = sums.get(p.name or p.site[:8], (0, 0, 0))
        sums[p.name or p.site[:8]] = (files + p.files, new + p.new, updated + p.updated)
    return sums


def summary(report: RoundReport, *, zh: bool) -> str:
    """The round in one line."""
    parts: list[str] = []
    if report.written:
        kind = ("快照" if zh else "snapshot") if report.snapshot else ("增量" if zh else "delta")
        parts.append(
            f"写出 {report.written}（{kind}，{report.written_records:,} 条）"
            if zh
            else f"wrote {report.written} ({kind}, {report.written_records:,} records)"
        )
        if report.unproven:
            parts.append(
                "新的团队口令还打不开任何同事的文件（之前写出的文件仍保留）"
                if zh
                else "the new team passphrase opens none of the colleagues' files yet "
                "(the earlier files stay)"
            )
    elif report.held:
        parts.append(
            "未写出（团队口令打不开同步文件夹中的任何文件，请核对口令；"
            "如果整个团队已换用这个新口令，请加 --new-passphrase 再运行）"
            if zh
            else "wrote nothing (the team passphrase opens none of the files in the folder: "
            "check it; if the whole team changed to it, run again with --new-passphrase)"
        )
    else:
        parts.append("未写出" if zh else "wrote nothing")
    peers = [
        (
            f"{who} {files} 个文件（新增 {new:,}，更新 {updated:,}）"
            if zh
            else f"{who} {files} files ({new:,} new, {updated:,} updated)"
        )
        for who, (files, new, updated) in _by_rep(report).items()
    ]
    if peers:
        parts.append(("已导入 " if zh else "imported ") + ("、" if zh else ", ").join(peers))
    else:
        parts.append("无新文件" if zh else "nothing new")
    parts.append(f"待审 {report.to_review:,}" if zh else f"{report.to_review:,} to review")
    reasons = Counter(s.reason for s in report.skipped)
    if reasons:
        names = {
            "arriving": ("尚在传输", "still arriving"),
            "waiting": ("等待前一个文件", "waiting for the file before"),
        }
        told = ("，" if zh else ", ").join(
            f"{n} {names.get(r, (r, r))[0 if zh else 1]}" for r, n in sorted(reasons.items())
        )
        parts.append((f"跳过 {len(report.skipped)}：" if zh else "skipped ") + told)
    if report.refused:
        parts.append(f"拒收 {len(report.refused)}" if zh else f"{len(report.refused)} refused")
    if report.new_site:
        parts.append("本数据库是副本，已启用新的站点标识" if zh else "this copy took a new site id")
    return ("同步：" if zh else "sync: ") + (("；" if zh else "; ").join(parts))


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
    sync.add_argument(
        "--new-passphrase",
        action="store_true",
        help="the team changed to this passphrase: write under it though it opens no file there",
    )
