"""`pursuit agenda`, run as a user runs it: overdue, today and the coming days, one line each."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from desktop.services import activities, pursuits
from desktop.services.activities import ActivityDraft
from desktop.services.workspace import Workspace
from desktop.storage.tables import Pursuit

SHANGHAI = ZoneInfo("Asia/Shanghai")


def pursuit(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, LANG="C.UTF-8")
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_agenda_lists_overdue_today_and_coming_days(tmp_path: Path) -> None:
    db = tmp_path / "day.db"
    today = datetime.now(SHANGHAI).date()
    ws = Workspace.open(db)
    try:
        pid, _ = pursuits.create_pursuit(
            ws, pursuits.PursuitDraft(title="MES 生产执行系统", account_name="苏州恒通电子")
        )

        def plan(subject: str, days: int, at: time | None = None, kind: str = "task") -> str:
            draft = ActivityDraft(
                subject=subject,
                activity_kind=kind,
                pursuit_id=pid,
                due_on=today + timedelta(days=days),
                due_time=at,
            )
            return activities.create_activity(ws, draft, tz=SHANGHAI)[0]

        plan("补发报价单", -2)
        plan("电话回访信息化部长", 0, time(10, 30), kind="call")
        plan("发送案例集", 3, kind="email")
        plan("太远的事", 12)
        done = plan("已经做完", -1)
        activities.complete_activity(ws, done, "好", tz=SHANGHAI)
    finally:
        ws.close()

    result = pursuit("agenda", "--db", str(db), "--lang", "zh_CN", "--tz", "Asia/Shanghai")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    where = "苏州恒通电子 · MES 生产执行系统"
    day = (today - timedelta(days=2)).isoformat()
    assert lines[0] == "已逾期（1）"
    assert lines[1] == f"  {day} 全天  任务  补发报价单  {where}"
    assert lines[2].startswith(f"今天 {today.isoformat()} ")
    assert lines[3] == f"  10:30  电话  电话回访信息化部长  {where}"
    assert lines[4].startswith((today + timedelta(days=3)).isoformat())
    assert lines[5] == f"  全天  邮件  发送案例集  {where}"
    assert len(lines) == 6  # nothing done, nothing beyond seven days

    wider = pursuit(
        "agenda", "--db", str(db), "--days", "14", "--lang", "en", "--tz", "Asia/Shanghai"
    )
    assert wider.returncode == 0
    assert "Task  太远的事" in wider.stdout and wider.stdout.startswith("Overdue (1)")


def test_agenda_of_the_demo_and_bad_input(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    assert pursuit("demo", "--db", str(db), "--scale", "30").returncode == 0
    result = pursuit("agenda", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "Overdue (" in result.stdout and "Today " in result.stdout
    bad = pursuit("agenda", "--db", str(db), "--days", "-1")
    assert bad.returncode == 1 and "--days" in bad.stderr
    zone = pursuit("agenda", "--db", str(db), "--tz", "Mars/Olympus")
    assert zone.returncode == 1 and "Mars/Olympus" in zone.stderr
    missing = pursuit("agenda", "--db", str(tmp_path / "none.db"))
    assert missing.returncode == 1 and not (tmp_path / "none.db").exists()


def test_agenda_reads_without_sqlalchemy_and_refuses_what_it_cannot_read(tmp_path: Path) -> None:
    db = tmp_path / "day.db"
    Workspace.open(db).close()
    probe = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('sqlalchemy' in sys.modules, file=sys.stderr))\n"
        "from desktop.cli import main\n"
        f"sys.argv = ['pursuit', 'agenda', '--db', {str(db)!r}]\n"
        "main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().endswith("False")  # the ORM stack never loaded

    text_file = tmp_path / "notes.db"
    text_file.write_text("not a database", encoding="utf-8")
    refused = pursuit("agenda", "--db", str(text_file), "--lang", "en")
    assert refused.returncode == 1 and "notes.db" in refused.stderr
    assert text_file.read_text(encoding="utf-8") == "not a database"

    import sqlite3

    newer = tmp_path / "newer.db"
    Workspace.open(newer).close()
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    connection.close()
    too_new = pursuit("agenda", "--db", str(newer), "--lang", "en")
    assert too_new.returncode == 1 and "newer" in too_new.stderr.lower()
    folder = pursuit("agenda", "--db", str(tmp_path), "--lang", "en")
    assert folder.returncode == 1


def test_agenda_lists_pursuits_next_steps_in_both_languages(tmp_path: Path) -> None:
    db = tmp_path / "steps.db"
    today = datetime.now(SHANGHAI).date()
    ws = Workspace.open(db)
    ids: dict[str, str] = {}
    try:
        for title, step, days in (
            ("MES 生产执行系统", "下周三前发送方案", -3),
            ("ERP 升级", "", 0),  # a date only: an older database can hold one
            ("OA 协同办公", "约见信息中心主任", 2),
        ):
            due = today + timedelta(days=days)
            pid = pursuits.create_pursuit(
                ws,
                pursuits.PursuitDraft(
                    title=title,
                    account_name="苏州恒通电子",
                    next_step=step,
                    next_step_due=due if step else None,  # the program refuses a date only
                ),
            ).pursuit_id
            ids[title] = "#" + pid[:8]  # the line ends with it, for `print-plan --pursuit`
            if not step:
                with ws.write() as session:
                    session.get(Pursuit, pid).next_step_due = due
        lost = pursuits.create_pursuit(
            ws,
            pursuits.PursuitDraft(
                title="已丢单",
                account_name="苏州恒通电子",
                next_step="不再跟进",
                next_step_due=today,
            ),
        ).pursuit_id
        pursuits.close_pursuits(ws, [lost], "lost", reason="价格")
    finally:
        ws.close()

    zh = pursuit("agenda", "--db", str(db), "--lang", "zh_CN", "--tz", "Asia/Shanghai")
    assert zh.returncode == 0, zh.stderr
    lines = zh.stdout.splitlines()
    late = (today - timedelta(days=3)).isoformat()
    assert lines[0] == "已逾期（1）"
    mes, erp, oa = ids["MES 生产执行系统"], ids["ERP 升级"], ids["OA 协同办公"]
    assert (
        lines[1]
        == f"  {late} 全天  下一步  下周三前发送方案  苏州恒通电子 · MES 生产执行系统  {mes}"
    )
    assert lines[2].startswith(f"今天 {today.isoformat()} ") and lines[2].endswith("（1）")
    assert lines[3] == f"  全天  下一步  （未写明下一步）  苏州恒通电子 · ERP 升级  {erp}"
    assert lines[5] == f"  全天  下一步  约见信息中心主任  苏州恒通电子 · OA 协同办公  {oa}"
    assert len(lines) == 6 and "不再跟进" not in zh.stdout  # a closed pursuit has none

    en = pursuit("agenda", "--db", str(db), "--lang", "en", "--tz", "Asia/Shanghai")
    assert en.returncode == 0, en.stderr
    lines = en.stdout.splitlines()
    assert lines[0] == "Overdue (1)"
    assert (
        lines[1]
        == f"  {late} all day  Next step  下周三前发送方案  苏州恒通电子 · MES 生产执行系统  {mes}"
    )
    assert (
        lines[3] == f"  all day  Next step  (next step not written)  苏州恒通电子 · ERP 升级  {erp}"
    )
