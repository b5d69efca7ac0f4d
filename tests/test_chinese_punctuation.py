"""Chinese text is written with full-width punctuation: ，？：；！（） next to Chinese characters.

Chinese software writes 「阶段 2：激发需求」 and 「（赢率 20%）」, not 「阶段 2:激发需求」;
a half-width mark beside a Chinese character reads as a typo. Every zh_CN translation is
checked here with the rule the methodology catalog's own test uses
(tests/domain/test_catalog_wording.py). Two exceptions are syntax, not prose: a menu mnemonic
keeps the Windows form 「文件(&F)」, and a file dialog's filter keeps 「PDF 文件 (*.pdf)」 with the
";;" between filters (Qt reads only those).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
CJK = "\u4e00-\u9fff\u3400-\u4dbf"
# Chinese punctuation and full-width forms: a text of placeholders and 「。」 alone is Chinese too.
CHINESE_MARKS = "\u3000-\u303f\uff00-\uffef"
HALF_WIDTH_NEXT_TO_CHINESE = re.compile(rf"[{CJK}][?,:;()!]|[?,:;()!][{CJK}]")
SYNTAX = re.compile(r"\(&[A-Za-z0-9]\)|\(\*[^)]*\)|;;")


def translations(ts: Path) -> list[tuple[str, str, str]]:
    """(context, source, translation) of every finished message of a .ts file."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            text = message.findtext("translation") or ""
            found.append((name, message.findtext("source") or "", text))
    return found


# In a Chinese sentence a placeholder stands for words: 「阶段 {0}：{1}」, 「删除 {0}？」.
NEXT_TO_PLACEHOLDER = re.compile(r"\}[?:;!]|[?:;!]\{")


def offending(text: str) -> bool:
    text = SYNTAX.sub("", text)
    if HALF_WIDTH_NEXT_TO_CHINESE.search(text):
        return True
    chinese = re.search(f"[{CJK}{CHINESE_MARKS}]", text)
    return bool(chinese and NEXT_TO_PLACEHOLDER.search(text))


def test_the_rule_catches_what_it_should() -> None:
    assert offending("阶段 2:激发需求") and offending("赢率(20%)") and offending("确定吗?")
    assert offending("已取消,数据库未做任何更改。") and offending("注意;")
    assert not offending("阶段 2：激发需求（赢率 20%）？") and not offending("09:42 开始")
    assert not offending("文件(&F)") and not offending("¥1,280,000")
    assert not offending("数据库 (*.db);;所有文件 (*)")
    assert offending("阶段 {0}:{1}") and offending("删除 {0}?") and not offending("Stage {0}: {1}")
    assert offending("{0}:{1}。{2}") and not offending("{0}：{1}。{2}")


@pytest.mark.parametrize("ts", sorted(TRANSLATIONS.glob("*_zh_CN.ts")), ids=lambda p: p.stem)
def test_zh_cn_translations_use_full_width_punctuation(ts: Path) -> None:
    messages = translations(ts)
    assert messages
    offenders = [(c, s, t) for c, s, t in messages if offending(t)]
    assert offenders == []


@pytest.mark.parametrize("ts", sorted(TRANSLATIONS.glob("*_zh_CN.ts")), ids=lambda p: p.stem)
def test_file_filters_keep_the_syntax_qt_reads(ts: Path) -> None:
    for context, source, text in translations(ts):
        if "(*" in source and text:
            assert re.findall(r"\(\*[^)]*\)", source) == re.findall(r"\(\*[^)]*\)", text), (
                context,
                text,
            )
            assert source.count(";;") == text.count(";;"), (context, text)


def test_command_line_messages_use_full_width_punctuation() -> None:
    """The `pursuit` command's Chinese lines follow the same rule (one table: cli_messages)."""
    from desktop.cli_messages import MESSAGES

    assert [(key, zh) for key, (zh, _en) in MESSAGES.items() if offending(zh)] == []


def test_demo_data_uses_full_width_punctuation() -> None:
    """The demo database is the first Chinese a new user reads: its texts follow the same rule."""
    import ast

    import desktop.services.demo as demo

    texts = [
        node.value
        for module in sorted(Path(demo.__file__).parent.glob("*.py"))  # its words: demo/zh.py
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]
    assert any("「上一代系统」" in text for text in texts)  # the words are among those read
    assert [text for text in texts if re.search(f"[{CJK}]", text) and offending(text)] == []
