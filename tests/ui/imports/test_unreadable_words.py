"""A file an import cannot read (a table, contacts, a sync file) is named with why in the
window's language, never the system's English ("Permission denied")."""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path
from typing import Any

import pytest

from desktop.ui.imports import ImportActions
from desktop.ui.sync.actions import SyncActions

WORDS = {
    "zh_CN": ("无法读取文件：{0}（{1}）。未做任何更改。", "没有访问权限"),
    "en": ("The file cannot be read: {0} ({1}). Nothing was changed.", "permission denied"),
}
SYNC_FILE = {
    "zh_CN": "导入失败：无法读取该文件（没有访问权限）。数据库未做任何更改。",
    "en": "The file cannot be read (permission denied). Nothing was imported.",
}


def refuse_to_open(monkeypatch: pytest.MonkeyPatch, locked: list[Path]) -> None:
    """No permission to be had under root in CI: the system's own error, for those files."""
    opened = Path.open

    def refused(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self in locked:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return opened(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refused)


@pytest.mark.parametrize("main_window", ["zh_CN", "en"], indirect=True)
def test_the_wizard_and_the_sync_import_say_why_a_file_cannot_be_read(
    main_window, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said, denied = WORDS[main_window.ctx.settings.language]
    table, cards, sync_file = (tmp_path / n for n in ("客户.csv", "名片.vcf", "x.pursuit-sync"))
    for path in (table, cards, sync_file):
        path.write_text("客户名称\n南京\n", encoding="utf-8")
        os.utime(path, (time.time() - 60, time.time() - 60))  # settled: read at once
    refuse_to_open(monkeypatch, [table, cards, sync_file])
    actions = main_window.findChild(ImportActions)
    for kind, path in (("table", table), ("vcard", cards)):
        wizard = actions.open_wizard(kind, path)
        page = wizard.currentPage()
        qtbot.waitUntil(page.isComplete, timeout=20000)
        wizard.next()
        expected = said.format(path, denied)
        page = wizard.source_page
        qtbot.waitUntil(lambda p=page, e=expected: p.status.text() == e, timeout=20000)
        wizard.close()
    sync = main_window.findChild(SyncActions)
    sync.import_file(sync_file)
    assert sync.last_message.text() == SYNC_FILE[main_window.ctx.settings.language]
