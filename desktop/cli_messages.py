"""Every line the `pursuit` command says to a person, in Chinese and in English, in one table.

The headless commands (cli.py and its cli_*.py parts) print through `say` and `fail` here, so a
message is written once, in both languages, with the full-width punctuation Chinese uses, and the
language is chosen one way (`--lang`, else the environment's locale).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from desktop.services import os_errors

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2

MESSAGES: dict[str, tuple[str, str]] = {
    # Opening, locking and writing a database; where a command may write
    "db_missing": ("找不到数据库：{path}", "No database at {path}."),
    "not_pursuit_db": (
        "{path} 不是 Pursuit 数据库，未做任何更改。",
        "{path} is not a Pursuit database. Nothing was changed.",
    ),
    "db_too_new": (
        "{path} 由更新版本的 Pursuit 创建，请升级程序。未做任何更改。",
        "{path} was written by a newer version of Pursuit; please update. Nothing was changed.",
    ),
    "db_read_only": ("数据库只读，无法写入：{path}", "The database is read-only: {path}"),
    "disk_full": ("磁盘已满，未保存任何更改。", "The disk is full. Nothing was saved."),
    "storage": ("无法打开数据库 {path}：{detail}", "Cannot open the database {path}: {detail}"),
    "db_locked": (
        "数据库正在被另一个 Pursuit 窗口使用（进程 {pid}），请先关闭它。未做任何更改。",
        "The database is open in another Pursuit window (process {pid}); close it first. "
        "Nothing was changed.",
    ),
    "lock_is_folder": (
        "无法锁定数据库：{path} 是一个文件夹，请删除或改名后再试。未做任何更改。",
        "Cannot lock the database: {path} is a folder; remove or rename it. Nothing was changed.",
    ),
    "folder_missing": (
        "文件夹不存在：{path}。未做任何更改。",
        "The folder {path} does not exist. Nothing was changed.",
    ),
    "cannot_lock": (
        "无法在 {path} 旁创建锁文件，未做任何更改。",
        "Cannot create the lock file beside {path}. Nothing was changed.",
    ),
    "unexpected": (
        "意外错误（{detail}），操作未完成。",
        "Unexpected error ({detail}); the command did not finish.",
    ),
    "file_failed": (
        "无法使用 {path}：{detail}；操作未完成。",
        "Cannot use {path}: {detail}; the command did not finish.",
    ),
    "out_the_database": (
        "{path} 是正在使用的数据库（或其附属文件），不能被覆盖。未做任何更改。",
        "{path} is the database itself (or one of its files) and is never written over. "
        "Nothing was changed.",
    ),
    "out_folder": (
        "{path} 是一个文件夹，请给出文件名。未做任何更改。",
        "{path} is a folder; give a file name. Nothing was changed.",
    ),
    "out_a_database": (
        "{path} 是一个数据库文件；确实要覆盖它请加 --force。未做任何更改。",
        "{path} is a database file; add --force to write over it. Nothing was changed.",
    ),
    "out_a_backup": (
        "{path} 是该数据库的备份；确实要覆盖它请加 --force。未做任何更改。",
        "{path} is a backup of this database; add --force to write over it. Nothing was changed.",
    ),
    "out_other_kind": (
        "{path} 已存在，且不是{kind}；确实要覆盖它请加 --force。未做任何更改。",
        "{path} exists and is not {kind}; add --force to write over it. Nothing was changed.",
    ),
    # The kinds of file a command writes, as `out_other_kind` names them (safe_output.OutputKind)
    "kind_backup": ("备份文件", "a backup file"),
    "kind_pdf": ("PDF 文件", "a PDF file"),
    "kind_ics": ("日历文件（.ics）", "a calendar file (.ics)"),
    "kind_xlsx": ("Excel 表格（.xlsx）", "an Excel sheet (.xlsx)"),
    "kind_csv": ("CSV 表格", "a CSV table"),
    "kind_sync": ("同步文件", "a sync file"),
    "kind_vcf": ("名片文件（.vcf）", "a contacts file (.vcf)"),
    "kind_png": ("PNG 图片", "a PNG picture"),
    "kind_svg": ("SVG 图片", "an SVG picture"),
    # What demo, check, backup and restore report when they are done
    "demo_written": (
        "已将 {count} 个演示项目写入 {path}（{seconds} 秒，{size} MB）",
        "{count} demo pursuits written to {path} in {seconds} s ({size} MB)",
    ),
    "check_schema": (
        "数据库结构版本：{revision}（本程序：{head}）",
        "schema: {revision} (this program: {head})",
    ),
    "check_counts": ("各数据表的记录数：", "records per table:"),
    "check_integrity": ("完整性检查：{result}", "integrity: {result}"),
    "check_integrity_ok": ("正常", "ok"),
    "check_problem": ("问题：{problem}", "problem: {problem}"),
    "problem_integrity": ("完整性检查未通过（{detail}）", "integrity check: {detail}"),
    "problem_references": (
        "{count} 处引用指向不存在的记录（foreign_key_check）",
        "{count} broken references (foreign_key_check)",
    ),
    "problem_schema": (
        "数据库结构 {revision} 需要升级到 {head}",
        "schema {revision} needs upgrading to {head}",
    ),
    "backup_written": (
        "备份已写入 {path}（{size} MB，{seconds} 秒）",
        "backup written to {path} ({size} MB, {seconds} s)",
    ),
    "restored": (
        "已用 {source} 恢复 {path}；恢复前的状态已保存到 {safety}",
        "restored {path} from {source}; the previous state was saved to {safety}",
    ),
    "bad_scale": (
        "--scale 必须是 1 到 1000000 之间的整数。",
        "--scale must be a whole number 1–1000000.",
    ),
    # Visit plans and calendars (print-plan, export-ics)
    "no_visit": (
        "找不到拜访 {id}（可能已删除）。「pursuit agenda」在每次拜访后列出它的编号（#…），"
        "取其中至少 4 个字符即可。",
        "No visit {id} (it may have been deleted). `pursuit agenda` shows each visit's id "
        "(#…); give at least its first 4 characters.",
    ),
    "visit_ambiguous": (
        "不止一次拜访的编号以 {id} 开头，请多写几个字符。",
        "More than one visit's id begins with {id}: give more of it.",
    ),
    "no_pursuit": (
        "找不到项目 {id}（可能已删除）。「pursuit list」列出每个项目的编号（#…），"
        "「pursuit agenda」在项目的下一步后也列出，取其中至少 4 个字符即可。",
        "No pursuit {id} (it may have been deleted). `pursuit list` shows each pursuit's id "
        "(#…), as `pursuit agenda` does after its next step; give at least its first 4 "
        "characters.",
    ),
    "pursuit_ambiguous": (
        "不止一个项目的编号以 {id} 开头，请多写几个字符。",
        "More than one pursuit's id begins with {id}: give more of it.",
    ),
    "no_account": (
        "找不到客户 {id}（可能已删除）。「pursuit list」列出每个客户的编号（#…），"
        "取其中至少 4 个字符即可。",
        "No account {id} (it may have been deleted). `pursuit list` shows each account's id "
        "(#…); give at least its first 4 characters.",
    ),
    "account_ambiguous": (
        "不止一个客户的编号以 {id} 开头，请多写几个字符。",
        "More than one account's id begins with {id}: give more of it.",
    ),
    # The accounts and their pursuits (pursuit list)
    "list_account": (
        "#{id}  {name}{industry}（{count} 个项目）",
        "#{id}  {name}{industry} ({count} pursuits)",
    ),
    "list_account_one": (
        "#{id}  {name}{industry}（1 个项目）",
        "#{id}  {name}{industry} (1 pursuit)",
    ),
    "list_stage": ("阶段 {number} · {name}", "stage {number} · {name}"),
    "list_collected": ("已收款", "collected"),
    "list_won": ("已赢单", "won"),  # a database from before stage 8 closed a deal (LEGACY_WON)
    "list_lost": ("已丢单", "lost"),
    "list_abandoned": ("已放弃", "abandoned"),
    "list_empty": ("数据库中还没有客户。", "There are no accounts in the database yet."),
    "list_no_match": (
        "没有名称含「{text}」的客户或项目。",
        'No account or pursuit has "{text}" in its name.',
    ),
    "cannot_write": ("无法写入 {path}：{detail}", "Cannot write {path}: {detail}"),
    "bad_zone": (
        "未知的时区：{zone}（例如 Asia/Shanghai）。",
        "Unknown time zone: {zone} (e.g. Asia/Shanghai).",
    ),
    "bad_days": ("--days 必须是 1 到 366 之间的整数。", "--days must be a whole number 1–366."),
    "past": (
        "注意：该拜访已于 {when} 进行，计划中是目前的数据。",
        "Note: this visit took place on {when}; the plan shows today's data.",
    ),
    "no_attendees": (
        "注意：该拜访还没有指定客户参会人。",
        "Note: nobody of the customer is down to attend this visit yet.",
    ),
    # One and many apart: English reads "1 page", "3 pages", never "page(s)".
    "written_plan": ("{path}：{pages} 页 · {what}", "{path}: {pages} pages · {what}"),
    "written_plan_one": ("{path}：1 页 · {what}", "{path}: 1 page · {what}"),
    "written_ics": (
        "{path}：{count} 个日程 · 时区 {zone}",
        "{path}: {count} events · time zone {zone}",
    ),
    "written_ics_one": ("{path}：1 个日程 · 时区 {zone}", "{path}: 1 event · time zone {zone}"),
    "carried_files": (
        "资料文件 {count} 个在 {path}（请与同步文件一起发送）",
        "{count} document files in {path} (send it with the file)",
    ),
    "carried_files_one": (
        "资料文件 1 个在 {path}（请与同步文件一起发送）",
        "1 document file in {path} (send it with the file)",
    ),
    "no_plan_visit": ("未安排拜访", "no visit scheduled"),
    "no_folder": ("文件夹不存在", "the folder does not exist"),
    # Sync files (export, import)
    "not_bundle": ("导入失败：这不是 Pursuit 同步文件。", "This is not a Pursuit sync file."),
    "too_new": (
        "导入失败：该文件由更新版本的 Pursuit 导出，请先升级程序。",
        "The file was exported by a newer version of Pursuit; please update the program.",
    ),
    "damaged": (
        "导入失败：文件已损坏或不完整，请让对方重新导出。",
        "The file is damaged or incomplete; ask the sender to export again.",
    ),
    "wrong_passphrase": ("导入失败：口令不正确。", "Wrong passphrase."),
    "needs_passphrase": (
        "该文件已加密：请用 --passphrase-env 变量名 提供口令。",
        "The file is encrypted: give its passphrase with --passphrase-env VAR.",
    ),
    "kdf_too_costly": (
        "导入失败：该文件要求异常巨大的密钥计算量，可能是伪造的文件，已拒绝。",
        "The file demands an unreasonably costly key derivation (it may be forged); refused.",
    ),
    "foreign_changes": (
        "导入失败：该文件含有据称出自本数据库、但本数据库从未做过的更改（本数据库可能是旧副本，"
        "或从备份恢复过）。",
        "The file claims changes made by this database that it never made (is this database an "
        "old copy, or restored from a backup?); refused.",
    ),
    "too_large": (
        "导入失败：文件过大，不是有效的同步文件。",
        "The file is far too large to be a sync file.",
    ),
    "unreadable": ("无法读取 {path}：{detail}。", "Cannot read {path}: {detail}."),
    "clock_ahead": (
        "导入失败：来自 {sender} 的文件含有比本机时钟超前一天以上的修改时间；"
        "请检查两台电脑的日期和时间，再请对方重新导出。",
        "The file from {sender} carries change times more than a day ahead of this computer's "
        "clock; check the date and time on both computers, then ask for a new export.",
    ),
    "plain_file": (
        "警告：{path} 未加密，传递途中任何人都可能读取或改动过它。",
        "warning: {path} is not encrypted: anyone who handled it on the way could have read or "
        "changed it.",
    ),
    "verify_failed": (
        "导出失败：写出的文件回读校验未通过，已删除；请换个位置再试。",
        "The written file failed its read-back check and was removed; try another place.",
    ),
    "passphrase_env": (
        "环境变量 {var} 未设置或为空。",
        "The environment variable {var} is not set or empty.",
    ),
    "passphrase_needed": (
        "导出默认加密：请用 --passphrase-env 变量名 提供口令，或明确指定 --no-encryption。",
        "Exports are encrypted: give a passphrase with --passphrase-env VAR, or say "
        "--no-encryption.",
    ),
    "passphrase_short": ("口令至少需要 8 个字符。", "The passphrase needs at least 8 characters."),
    "passphrase_mismatch": ("两次输入的口令不一致。", "The passphrases do not match."),
    "no_file": ("找不到文件 {path}。", "No file at {path}."),
    "cancelled": ("已取消，数据库未做任何更改。", "Cancelled. Nothing was changed."),
    "nothing_imported": ("数据库未做任何更改。", "Nothing was imported."),
    # The agenda
    "agenda_bad_days": (
        "--days 必须是 0 到 366 之间的整数。",
        "--days must be a whole number 0–366.",
    ),
    "agenda_overdue": ("已逾期（{count}）", "Overdue ({count})"),
    "agenda_today": ("今天 {day}（{count}）", "Today {day} ({count})"),
    "agenda_day": ("{day}（{count}）", "{day} ({count})"),
    "agenda_nothing": (
        "今天和未来 {days} 天没有待办事项。",
        "Nothing due today or in the next {days} days.",
    ),
    # The team sync folder (sync)
    "sync_folder_missing": (
        "同步文件夹 {folder} 不存在或无法访问（移动硬盘已拔出？云盘客户端已退出？），稍后再试。",
        "The sync folder {folder} is missing or cannot be reached (an unplugged drive? a "
        "logged-out cloud client?); try again later.",
    ),
    # Listing it was refused (the team folder, or a colleague's sub-folder): nothing was read.
    "sync_folder_unreadable": (
        "无法读取同步文件夹 {folder}（{detail}），本轮同步未完成；可以读取后会继续。",
        "The sync folder {folder} cannot be read ({detail}): this round did not complete; it "
        "resumes once the folder can be read.",
    ),
    "sync_folder_read_only": (
        "同步文件夹 {folder} 只读，无法写入本数据库的更改；其他人的更改仍已读取。",
        "The sync folder {folder} is read-only: this database's changes cannot be written.",
    ),
    "sync_folder_full": (
        "同步文件夹 {folder} 所在磁盘已满，无法写入；腾出空间后再试。",
        "The disk of the sync folder {folder} is full; free some space and try again.",
    ),
    "sync_folder_unusable": (
        "无法使用同步文件夹 {folder}：{detail}",
        "Cannot use the sync folder {folder}: {detail}",
    ),
    "sync_folder_refused": ("已拒收 {file}：{why}", "refused {file}: {why}"),
    # Why a file in the team folder was refused (fragments of the summary line)
    "refused_wrong_passphrase": ("团队口令不同", "a different team passphrase"),
    "refused_own_site": ("自称来自本数据库", "claims to come from this database"),
    "refused_misplaced": ("文件头与所在位置不符", "its header does not match its place"),
    "refused_foreign_changes": (
        "含有本数据库从未做过的更改",
        "claims changes this database never made",
    ),
    "refused_clock_ahead": (
        "修改时间超前本机时钟一天以上",
        "change times beyond this computer's clock",
    ),
    "refused_too_new": ("由更新版本写出", "written by a newer Pursuit"),
    "refused_kdf_too_costly": ("密钥计算量异常", "an unreasonable key derivation"),
    "refused_too_large": ("文件过大", "far too large"),
    # Importing tables and vCards (cli_import.py)
    "import_missing": (
        "找不到文件：{detail}。未做任何更改。",
        "No file at {detail}. Nothing was changed.",
    ),
    "import_unreadable": (
        "无法读取文件：{detail}。未做任何更改。",
        "Cannot read the file: {detail}. Nothing was changed.",
    ),
    "import_too_big": (
        "文件超过 {detail}，不予导入。未做任何更改。",
        "The file is larger than {detail}; it is not imported. Nothing was changed.",
    ),
    "import_too_many_rows": (
        "表格超过 {detail} 行，不予导入；请拆分后再导入。未做任何更改。",
        "The sheet has more than {detail} rows; split it and import the parts. Nothing "
        "was changed.",
    ),
    "import_zip_bomb": (
        "{detail} 解压后异常巨大（可能是恶意文件），不予导入。未做任何更改。",
        "{detail} would decompress to an abnormal size (a zip bomb?); it is not "
        "imported. Nothing was changed.",
    ),
    "import_still_writing": (
        "{detail} 仍在写入中（下载、复制或保存尚未完成），请完成后再试。未做任何更改。",
        "{detail} is still being written (a download, copy or save in progress); try "
        "again when it is done. Nothing was changed.",
    ),
    "import_not_xlsx": (
        "{detail} 不是 Excel .xlsx 文件。未做任何更改。",
        "{detail} is not an Excel .xlsx file. Nothing was changed.",
    ),
    "import_unclosed_quote": (
        "第 {detail} 行的引号没有闭合，其后的各行会连成一个单元格。"
        "请修正文件后再导入。未做任何更改。",
        "A quotation mark opened on line {detail} is never closed, so the lines after it would "
        "run together into one cell. Correct the file and import it again. Nothing was changed.",
    ),
    "import_damaged": (
        "{detail} 已损坏或不完整（仍在复制？），无法读取。未做任何更改。",
        "{detail} is damaged or incomplete (still being copied?) and cannot be read. "
        "Nothing was changed.",
    ),
    "import_not_table": (
        "{detail} 不是表格文件（CSV 或 XLSX）。未做任何更改。",
        "{detail} is not a table (CSV or XLSX). Nothing was changed.",
    ),
    "import_bad_quote": (
        "第 {detail} 行：单元格的引号闭合后还跟着文字（引号须包住整个单元格）。"
        "请修正文件后再导入。未做任何更改。",
        "Line {detail}: text follows the closing quotation mark of a cell (quotation marks "
        "must enclose the whole cell). Correct the file and import it again. Nothing was "
        "changed.",
    ),
    "import_bad_line": (
        "第 {detail} 行无法作为表格的一行读取。请修正文件后再导入。未做任何更改。",
        "Line {detail} cannot be read as a row of a table. Correct the file and import it "
        "again. Nothing was changed.",
    ),
    "import_no_sheet": (
        "没有可导入的工作表：{detail}。未做任何更改。",
        "No sheet to import: {detail}. Nothing was changed.",
    ),
    "import_empty": (
        "{detail} 是空的，没有任何文字。未做任何更改。",
        "{detail} is empty: it holds no text. Nothing was changed.",
    ),
    "import_no_header": (
        "{detail} 中找不到表头行。未做任何更改。",
        "No header row found in {detail}. Nothing was changed.",
    ),
    "import_bad_encoding": (
        "不支持的编码：{detail}（可用 utf-8、utf-8-sig、gb18030、big5、utf-16）。",
        "Unsupported encoding: {detail} (use utf-8, utf-8-sig, gb18030, big5 or utf-16).",
    ),
    "import_xls": (
        "暂不支持旧版 .xls 文件：请在 Excel 或 WPS 中另存为 .xlsx 或 .csv 后再导入。未做任何更改。",
        "Old .xls files are not supported: save it as .xlsx or .csv in Excel or WPS, "
        "then import. Nothing was changed.",
    ),
    "import_format": (
        "不支持此文件类型（{detail}）：请用 .xlsx、.csv 或 .vcf。未做任何更改。",
        "This kind of file ({detail}) is not supported: use .xlsx, .csv or .vcf. Nothing "
        "was changed.",
    ),
    "import_no_cards": (
        "{detail} 中没有联系人名片（vCard）。未做任何更改。",
        "{detail} holds no contact cards (vCard). Nothing was changed.",
    ),
    "import_unmapped": (
        "没有列对应「{field}」，无法导入。表头为：{detail}。未做任何更改。",
        "No column gives the {field}, so nothing can be imported. The headers are: "
        "{detail}. Nothing was changed.",
    ),
    "import_needs_pursuit": (
        "导入关键人需要指定项目或客户：--pursuit 项目ID 或 --account 客户ID，"
        "或表中有客户名称一列。未做任何更改。",
        "Importing people needs a pursuit or an account: --pursuit ID or --account ID, "
        "or a company column in the sheet. Nothing was changed.",
    ),
    "import_target_people_only": (
        "--pursuit 和 --account 只用于导入关键人（--kind people）。未做任何更改。",
        "--pursuit and --account are for importing people only (--kind people). "
        "Nothing was changed.",
    ),
    "import_no_account": (
        "找不到客户 {detail}（「pursuit list」列出每个客户的编号，取其中至少 4 个字符即可）。"
        "未做任何更改。",
        "No account {detail} (`pursuit list` shows each account's id: give at least its first 4 "
        "characters). Nothing was changed.",
    ),
    "import_no_pursuit": (
        "找不到项目 {detail}（「pursuit list」列出每个项目的编号，取其中至少 4 个字符即可）。"
        "未做任何更改。",
        "No pursuit {detail} (`pursuit list` shows each pursuit's id: give at least its first 4 "
        "characters). Nothing was changed.",
    ),
    "export_no_account": (
        "找不到客户 {detail}（「pursuit list」列出每个客户的编号，取其中至少 4 个字符即可）。"
        "未写出任何文件。",
        "No account {detail} (`pursuit list` shows each account's id: give at least its first 4 "
        "characters). No file was written.",
    ),
    "import_row_failed": (
        "第 {row} 行无法保存（{detail}），整个导入已撤回。未做任何更改。",
        "Row {row} could not be saved ({detail}); the whole import was rolled back. "
        "Nothing was changed.",
    ),
    "import_file": ("读取 {path}：{what}", "Reading {path}: {what}"),
    "import_encoding": ("编码 {encoding}", "encoding {encoding}"),
    "import_cards": ("{count} 张名片", "{count} contact cards"),
    "import_sheet": ("工作表「{sheet}」", 'sheet "{sheet}"'),
    "import_hidden_skipped": (
        "（隐藏的工作表未读取：{sheets}）",
        "(hidden sheets not read: {sheets})",
    ),
    "import_header": ("表头在第 {row} 行：{mapped}", "Header on row {row}: {mapped}"),
    "import_ignored": ("不导入的列：{columns}", "Columns not imported: {columns}"),
    "import_encoding_hint": (
        "没有认得出的表头：若表头是乱码，文件用的是另一种编码，请用 --encoding 指定"
        "（utf-8、gb18030、big5、utf-16）。",
        "None of the headers is known: if they look garbled, the file is in another encoding; "
        "name it with --encoding (utf-8, gb18030, big5, utf-16).",
    ),
    "import_rejected": ("第 {row} 行未导入：{why}", "row {row} not imported: {why}"),
    "import_rejected_card": ("第 {row} 张名片未导入：{why}", "card {row} not imported: {why}"),
    # Imported all the same, worth a look (fragments: "warning_…")
    "import_warned": ("第 {row} 行：{why}", "row {row}: {why}"),
    "import_warned_card": ("第 {row} 张名片：{why}", "card {row}: {why}"),
    "warning_email": (
        "{field}「{text}」不像邮件地址，照原样导入",
        '{field} "{text}" does not look like an email address; imported as written',
    ),
    "warning_close_account": (
        "已有名称相近的客户「{text}」",
        'an account has a close name: "{text}"',
    ),
    # The accounts an import makes for the companies its rows name (none has their name)
    "import_new_accounts": ("新建客户 {count} 个：{names}", "New accounts ({count}): {names}"),
    "import_new_account_close": (
        "{name}（已有相近的「{close}」）",
        '{name} (close to the existing "{close}")',
    ),
    "import_summary": (
        "共 {rows} 行：新建 {created}，更新 {updated}，跳过重复 {skipped}，错误 {errors}。",
        "{rows} rows. Created: {created}, updated: {updated}, duplicates skipped: "
        "{skipped}, with errors: {errors}.",
    ),
    "import_dry_run": (
        "试运行：以上为将会发生的结果，数据库未做任何更改。",
        "Dry run: the above is what would happen; nothing in the database was changed.",
    ),
    "import_backup": ("导入前的备份：{path}", "Backup before the import: {path}"),
    "import_nothing": ("没有可导入的行。未做任何更改。", "No row to import. Nothing was changed."),
    "export_people_written": (
        "已写出 {count} 位关键人：{path}",
        "{count} people written to {path}",
    ),
    "export_table_written": ("已写出 {count} 行：{path}", "{count} rows written to {path}"),
    # Why a row is not imported (fragments of "import_rejected")
    "problem_required": ("缺少{field}", "{field} is missing"),
    "problem_amount": ("{field}无法识别：「{text}」", '{field} not understood: "{text}"'),
    "problem_date": ("{field}不是日期：「{text}」", '{field} is not a date: "{text}"'),
    "problem_date_ambiguous": (
        "{field}有歧义：「{text}」（日/月还是月/日？请写成 2026-03-04）",
        '{field} is ambiguous: "{text}" (day/month or month/day? write 2026-03-04)',
    ),
    "problem_stage": (
        "{field}无法识别：「{text}」（应为 1–8 或阶段名称）",
        '{field} not understood: "{text}" (1–8 or a stage\'s name)',
    ),
    "problem_currency": (
        "{field}无法识别：「{text}」（如 CNY、USD）",
        '{field} not understood: "{text}" (e.g. CNY, USD)',
    ),
    "problem_needs_action": (
        "{field}「{text}」缺少下一步：请在同一行写明",
        '{field} "{text}" without a next step in the row',
    ),
    "problem_too_long": ("{field}过长：「{text}…」", '{field} is too long: "{text}…"'),
    "problem_encoding": (
        "此行的文字不是 {encoding} 编码（文件混用了多种编码？）",
        "this row is not in {encoding} (a file of mixed encodings?)",
    ),
    # The fields of an imported row
    "field_account_name": ("客户名称", "account name"),
    "field_industry": ("行业", "industry"),
    "field_address": ("地址", "address"),
    "field_person_name": ("姓名", "name"),
    "field_phone": ("电话", "phone"),
    "field_title": ("职务", "title"),
    "field_department": ("部门", "department"),
    "field_email": ("邮箱", "email"),
    "field_pursuit_title": ("项目名称", "pursuit title"),
    "field_amount": ("金额", "amount"),
    "field_currency": ("币种", "currency"),
    "field_stage": ("阶段", "stage"),
    "field_expected_close": ("预计成交日期", "expected close"),
    "field_owner": ("负责人", "owner"),
    "field_next_step": ("下一步", "next step"),
    "field_next_step_due": ("下一步日期", "next step due"),
    "field_notes": ("备注", "notes"),
}


def language(args: argparse.Namespace) -> str:
    """The language of the user's messages: --lang, else the environment's locale."""
    if getattr(args, "lang", None):
        return str(args.lang)
    env = os.environ.get("LC_ALL") or os.environ.get("LANG") or ""
    return "zh_CN" if env.startswith("zh") else "en"


def is_zh(args: argparse.Namespace) -> bool:
    return language(args).startswith("zh")


def say(args: argparse.Namespace, key: str, **values: Any) -> str:
    """The message `key` in the user's language, with `values` filled in."""
    zh, en = MESSAGES.get(key, MESSAGES["storage"])  # a storage error's own code, else generic
    return (zh if is_zh(args) else en).format(**({"detail": ""} | values))


def os_reason(args: argparse.Namespace, exc: BaseException) -> str:
    """Why a file could not be used (an OSError, or an error raised from one), in the user's
    language: `[Errno 13] Permission denied` inside a Chinese line would be the system's English."""
    return os_errors.reason(exc, language(args))


def file_reason(args: argparse.Namespace, path: Path) -> str:
    """Why the file at `path` cannot be read, asked of the system itself (a service that refused
    it said only that it could not): its own errno, worded by `os_reason`."""
    try:
        with path.open("rb") as handle:
            handle.read(1)
    except OSError as exc:
        return os_reason(args, exc)
    return ""


def fail(args: argparse.Namespace, key: str, *, then: str = "", **values: Any) -> int:
    """Print the message `key` (and the message `then`, if given) as one line; EXIT_PROBLEM."""
    text = say(args, key, **values)
    if then:
        text += ("" if is_zh(args) else " ") + say(args, then)
    print(f"pursuit: {text}", file=sys.stderr)
    return EXIT_PROBLEM
