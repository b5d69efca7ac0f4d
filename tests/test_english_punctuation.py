"""English text uses ASCII punctuation: "quotes", not curly ones (UI-GUIDE, punctuation).

A curly quote is drawn from the CJK font in the Chinese-first UI and reads full-width in an English
sentence. The English sources given to tr()/translate() are checked in the code (and in the .ts
files made from it), together with every other English string literal of the app: the services'
and the domain's messages, the command line's. Chinese text quotes with 「」 (its own test).
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DESKTOP = ROOT / "desktop"
TRANSLATIONS = ROOT / "resources" / "translations"
CURLY = re.compile("[\u201c\u201d\u2018\u2019]")
CJK = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]")


def translation_sources(tree: ast.AST) -> list[str]:
    """The English sources of tr(source) and translate(context, source) calls."""
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        position = {"tr": 0, "translate": 1}.get(node.func.attr)
        if position is None or len(node.args) <= position:
            continue
        source = node.args[position]
        if isinstance(source, ast.Constant) and isinstance(source.value, str):
            found.append(source.value)
    return found


def english_literals(tree: ast.AST) -> list[str]:
    """String literals without a Chinese character (f-strings give their literal parts)."""
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and not CJK.search(node.value)
    ]


def trees() -> list[tuple[Path, ast.AST]]:
    return [
        (path, ast.parse(path.read_text(encoding="utf-8")))
        for path in sorted(DESKTOP.rglob("*.py"))
    ]


def test_the_checks_find_what_they_should() -> None:
    tree = ast.parse(
        "self.tr('Edit \u201c{0}\u201d')\n"
        "QCoreApplication.translate('Ctx', 'Delete \u2018{0}\u2019')\n"
        "f'\u201c{label}\u201d is not settled'\n"
        "Text('\u4e0e\u300c\u8ba4\u8bc6\u300d', 'still only \"acquainted\"')\n"
    )
    assert translation_sources(tree) == ["Edit \u201c{0}\u201d", "Delete \u2018{0}\u2019"]
    curly = [text for text in english_literals(tree) if CURLY.search(text)]
    assert curly == [
        "Edit \u201c{0}\u201d",
        "Delete \u2018{0}\u2019",
        "\u201c",
        "\u201d is not settled",
    ]


def test_translation_sources_use_ascii_quotes() -> None:
    sources = [(path, text) for path, tree in trees() for text in translation_sources(tree)]
    assert len(sources) > 1000  # the scan reaches the screens' strings
    offenders = [
        (str(path.relative_to(ROOT)), text) for path, text in sources if CURLY.search(text)
    ]
    assert offenders == []


def test_english_string_literals_use_ascii_quotes() -> None:
    """Services' and domain's messages, the command line's, the demo's English names."""
    offenders = [
        (str(path.relative_to(ROOT)), text)
        for path, tree in trees()
        for text in english_literals(tree)
        if CURLY.search(text)
    ]
    assert offenders == []


def test_command_line_english_messages_use_ascii_quotes() -> None:
    from desktop.cli_messages import MESSAGES

    assert [(key, en) for key, (_zh, en) in MESSAGES.items() if CURLY.search(en)] == []


@pytest.mark.parametrize("ts", sorted(TRANSLATIONS.glob("*_zh_CN.ts")), ids=lambda p: p.stem)
def test_translation_files_key_ascii_sources(ts: Path) -> None:
    sources = [m.findtext("source") or "" for m in ET.parse(ts).getroot().iter("message")]
    assert sources
    assert [text for text in sources if CURLY.search(text)] == []


@pytest.mark.parametrize("ts", sorted(TRANSLATIONS.glob("*_zh_CN.ts")), ids=lambda p: p.stem)
def test_the_chinese_ui_finds_its_text_by_the_ascii_source(qapp: object, ts: Path) -> None:
    """The compiled .qm answers the new sources with the Chinese they had, quoted with 「」."""
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(ts.with_suffix(".qm")))
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source, chinese = message.findtext("source") or "", message.findtext("translation")
            if '"{' in source:
                assert translator.translate(name, source) == chinese, (name, source)
                assert "「{" in (chinese or ""), (name, source, chinese)


@pytest.mark.parametrize(("lang", "quoted"), [("en", '"the budget"'), ("zh_CN", "「the budget」")])
def test_a_search_hit_quotes_its_words_as_the_language_does(
    qapp: object, lang: str, quoted: str
) -> None:
    from desktop.domain.methodology import default_catalog
    from desktop.services.search import Hit
    from desktop.ui.search.delegate import ResultDelegate

    hit = Hit("note", "n1", "Note", "", None, snippet="the budget")
    assert ResultDelegate(default_catalog(), lang)._second_line(hit) == quoted
