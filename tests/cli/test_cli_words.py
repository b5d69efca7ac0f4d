"""Every line of the `pursuit` command in its language, and accounts named as pursuits are: by the
start of the id that `pursuit list` shows. In-process through `cli.main` to keep the suite quick."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.services import pursuits
from desktop.services.workspace import Workspace

LATIN_WORDS = re.compile(r"[A-Za-z]{3,}")  # MB is a unit in both languages


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def words_of(text: str) -> str:
    """`text` without the paths it names, which are the same in any language."""
    return re.sub(r"[A-Za-z0-9_./-]*/[A-Za-z0-9_./-]*", "", text)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "p.db"
    ws = Workspace.open(path)
    pursuits.create_pursuit(ws, pursuits.PursuitDraft("码头扩建", account_name="新诚港务"))
    pursuits.create_pursuit(ws, pursuits.PursuitDraft("仓储系统", account_name="恒通电子"))
    ws.close()
    return path


def test_check_backup_and_restore_speak_chinese(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "check", "--db", str(db), "--lang", "zh_CN")
    assert code == 0
    assert "数据库结构版本：" in out and "完整性检查：正常" in out and "integrity" not in out
    code, out, _ = run(capsys, "check", "--db", str(db), "--lang", "en")
    assert "integrity: ok" in out and "schema: " in out
    backup = tmp_path / "b.db"
    code, out, _ = run(capsys, "backup", "--db", str(db), "--out", str(backup), "--lang", "zh_CN")
    assert code == 0 and out.startswith(f"备份已写入 {backup}（") and "秒）" in out
    assert not LATIN_WORDS.search(words_of(out)), out
    code, out, _ = run(capsys, "restore", "--db", str(db), "--from", str(backup), "--lang", "zh_CN")
    assert code == 0 and out.startswith(f"已用 {backup} 恢复 {db}；恢复前的状态已保存到 ")
    assert not LATIN_WORDS.search(words_of(out)), out
    code, out, _ = run(capsys, "restore", "--db", str(db), "--from", str(backup), "--lang", "en")
    assert out.startswith(f"restored {db} from {backup}; the previous state was saved to ")
    demo = tmp_path / "demo.db"
    code, out, _ = run(capsys, "demo", "--db", str(demo), "--scale", "2", "--lang", "zh_CN")
    assert code == 0 and out.startswith(f"已将 2 个演示项目写入 {demo}（")
    assert not LATIN_WORDS.search(words_of(out)), out


def test_a_kind_of_file_reads_as_words(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.pdf"
    plan.write_bytes(b"%PDF-1.4 a plan the rep printed\n%%EOF\n")
    code, _, err = run(capsys, "backup", "--db", str(db), "--out", str(plan), "--lang", "zh_CN")
    assert code == 1 and f"{plan} 已存在，且不是备份文件；确实要覆盖它请加 --force。" in err
    code, _, err = run(capsys, "backup", "--db", str(db), "--out", str(plan), "--lang", "en")
    assert f"{plan} exists and is not a backup file; add --force" in err
    code, _, err = run(
        capsys, "export-vcard", "--db", str(db), "--account", "x", "--out", str(plan),
        "--lang", "zh_CN",
    )  # fmt: skip
    assert code == 1 and "不是名片文件（.vcf）" in err and "VCF" not in err
    assert plan.read_bytes().startswith(b"%PDF-1.4 a plan")


def test_list_shows_accounts_and_pursuits_with_the_start_of_their_ids(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "list", "--db", str(db), "--lang", "zh_CN")
    assert code == 0
    shapes = [re.sub(r"#[0-9a-f]{8}", "#id", line) for line in out.splitlines()]
    assert shapes == [
        "#id  恒通电子（1 个项目）",
        "  #id  仓储系统  阶段 1 · 建立信任",
        "#id  新诚港务（1 个项目）",
        "  #id  码头扩建  阶段 1 · 建立信任",
    ]
    code, out, _ = run(capsys, "list", "--db", str(db), "--search", "仓储", "--lang", "en")
    assert code == 0 and "恒通电子 (1 pursuit)" in out and "新诚港务" not in out
    assert "仓储系统  stage 1 · " in out
    code, _, err = run(capsys, "list", "--db", str(db), "--search", "无此", "--lang", "zh_CN")
    assert code == 1 and err == "pursuit: 没有名称含「无此」的客户或项目。\n"


def test_an_account_is_named_by_the_start_of_its_id(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`import-vcard --account` and `export-vcard --account` take what `pursuit list` shows."""
    code, out, _ = run(capsys, "list", "--db", str(db), "--search", "新诚", "--lang", "zh_CN")
    short = re.match(r"#([0-9a-f]{8})  新诚港务", out)
    assert short is not None, out
    cards = tmp_path / "phone.vcf"
    cards.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:张三\r\nTEL;TYPE=CELL:13800138000\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    code, out, err = run(
        capsys, "import-vcard", "--db", str(db), str(cards), "--account", "#" + short[1],
        "--lang", "zh_CN",
    )  # fmt: skip
    assert code == 0, err
    assert "新建 1" in out
    out_file = tmp_path / "back.vcf"
    code, out, err = run(
        capsys, "export-vcard", "--db", str(db), "--account", short[1][:4], "--out", str(out_file)
    )
    assert code == 0, err
    assert out_file.read_text(encoding="utf-8").count("FN:张三") == 1
    code, _, err = run(
        capsys, "import-vcard", "--db", str(db), str(cards), "--account", short[1][:3],
        "--lang", "zh_CN",
    )  # fmt: skip
    assert code == 1 and "找不到客户" in err and "pursuit list" in err


def test_two_accounts_of_one_start_are_told_apart(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop.services import records

    ws = Workspace.open(db)
    for twin in ("beef1111-0000-4000-8000-000000000001", "beef2222-0000-4000-8000-000000000002"):
        records.create(ws, "account", {"name": f"同前缀 {twin[4]}"}, record_id=twin)
    ws.close()
    out_file = tmp_path / "twins.vcf"
    code, _, err = run(
        capsys, "export-vcard", "--db", str(db), "--account", "beef", "--out", str(out_file),
        "--lang", "zh_CN",
    )  # fmt: skip
    assert code == 1 and "不止一个客户的编号以 beef 开头" in err and not out_file.exists()
    code, _, err = run(
        capsys, "export-vcard", "--db", str(db), "--account", "beef2", "--out", str(out_file)
    )
    assert code == 0, err
