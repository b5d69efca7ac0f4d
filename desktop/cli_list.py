"""`pursuit list`: the accounts and their pursuits with the start of their ids (cli.EXTRA_COMMANDS).

    pursuit list --db PATH [--search TEXT] [--lang zh_CN|en]

The other commands name an account (`import-vcard --account`, `export-vcard --account`) or a
pursuit (`--pursuit`) by its id or the start of it, 4 characters or more; this is where a rep finds
them without opening the window. One line per account — its id's first 8 characters, name,
industry — and under it one line per pursuit: id, title, and its stage or how it closed, e.g.

    #51e6af08  南京远科证券科技有限公司  证券（2 个项目）
      #3563f780  数据中台建设  阶段 5 · 商务谈判

`--search` keeps the accounts whose name holds TEXT (with all their pursuits) and the pursuits whose
title does (under their account), case aside. It only reads the database; exit 0, or 1 with one
clear line when the database cannot be opened or nothing matches the search.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from desktop.cli_messages import EXIT_OK, MESSAGES, fail, is_zh, say

# As `pursuit agenda` shows a pursuit's id: unique among thousands but for a rare tie, which a
# longer start (or the whole id) settles.
ID_SHOWN = 8


def cmd_list(args: argparse.Namespace) -> int:
    from desktop.cli import open_workspace
    from desktop.services import accounts
    from desktop.services.queries.pursuit_list import list_pursuits

    ws, code = open_workspace(args, create=False, read_only=True)
    if ws is None:
        return code
    try:
        account_rows = accounts.list_accounts(ws)
        pursuit_rows = list_pursuits(ws, details=False)
        catalog = ws.catalog
    finally:
        ws.close()
    zh = is_zh(args)
    lang = "zh" if zh else "en"
    by_account: dict[str, list[tuple[str, str, str]]] = {}
    for row in sorted(pursuit_rows, key=lambda r: (r.status != "open", -r.stage, r.title)):
        if row.status == "open":
            stage = catalog.stage(row.stage)
            where = say(args, "list_stage", number=row.stage, name=stage.process(lang))
        else:
            key = f"list_{row.status}"
            where = say(args, key) if key in MESSAGES else row.status
        by_account.setdefault(row.account_id, []).append((row.id, row.title, where))
    search = (args.search or "").strip().casefold()
    lines: list[str] = []
    for account in account_rows:
        shown = by_account.get(account.id, [])
        if search and search not in account.name.casefold():
            shown = [p for p in shown if search in p[1].casefold()]
            if not shown:
                continue
        count = account.pursuits
        key = "list_account_one" if count == 1 else "list_account"
        industry = f"  {account.industry}" if account.industry else ""
        lines.append(
            say(
                args,
                key,
                id=account.id[:ID_SHOWN],
                name=account.name,
                industry=industry,
                count=count,
            )
        )
        lines += [f"  #{pid[:ID_SHOWN]}  {title}  {where}" for pid, title, where in shown]
    if not lines and search:  # as grep: nothing found is exit 1
        return fail(args, "list_no_match", text=args.search)
    if not lines:
        print(say(args, "list_empty"))
        return EXIT_OK
    sys.stdout.write("\n".join(lines) + "\n")
    return EXIT_OK


def register(command: Callable[..., argparse.ArgumentParser]) -> None:
    sub = command(
        "list",
        cmd_list,
        "print the accounts and their pursuits with the start of their ids (#51e6af08), which "
        "--account and --pursuit of the other commands take",
    )
    sub.add_argument("--search", help="only accounts or pursuits whose name holds this text")
