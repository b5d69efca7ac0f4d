"""The bundled methodology catalog is complete and bilingual, and a broken one fails loudly."""

from __future__ import annotations

import copy
import dataclasses
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop import resource_path
from desktop.domain.methodology import (
    REQUIRED_VOCABULARIES,
    Catalog,
    CatalogError,
    Item,
    Text,
    Vocabulary,
    default_catalog,
    load_catalog,
    parse_catalog,
)

CATALOG_FILE = resource_path("methodology", "catalog.json")
RAW: dict[str, Any] = json.loads(CATALOG_FILE.read_text(encoding="utf-8"))
CJK = re.compile(r"[\u4e00-\u9fff]")

STAGE_KEYS = (
    "build_trust",
    "stimulate_need",
    "get_approval",
    "shape_criteria",
    "block_competitors",
    "resolve_concerns",
    "manage_expectations",
    "collect_payment",
)
# Coaching points and steps per stage, as listed in METHODOLOGY.md.
QUESTION_COUNTS = (4, 6, 6, 7, 8, 4, 4, 5)
STEP_COUNTS = (5, 3, 3, 3, 3, 3, 4, 0)

# Every vocabulary: key -> Chinese label, in catalog order.
VOCABULARY_LABELS: dict[str, dict[str, str]] = {
    "buying_roles": {
        "insider": "内线",
        "initiator": "发起者",
        "designer": "设计者",
        "evaluator": "评估者",
        "decision_maker": "决策者",
    },
    "relationship_stages": {
        "acquainted": "认识",
        "interacting": "互动",
        "personal_trust": "私交",
        "ally": "同盟",
    },
    "help_wanted": {
        "share_info": "透露信息",
        "advise": "出谋划策",
        "introduce": "穿针引线",
        "speak_for_us": "为我说话",
    },
    "personality_types": {"tiger": "老虎", "peacock": "孔雀", "koala": "考拉", "owl": "猫头鹰"},
    "indicator_classes": {
        "winning": "优胜",
        "sleeping": "沉睡",
        "fatal": "致命",
        "neutral": "中性",
    },
    "risk_impacts": {"person": "个人", "political": "政治", "organisation": "机构"},
    "risk_statuses": {"open": "未解决", "mitigated": "已缓解", "closed": "已关闭"},
    "after_sale_periods": {
        "honeymoon": "蜜月期",
        "break_in": "磨合期",
        "success": "成功期",
        "plateau": "平淡期",
    },
    "collection_checks": {
        "licence_credit": "执照与信用审查",
        "contract_review": "合同审核",
        "delivery_ok": "发货安装调试",
        "acceptance_signed": "验收文件签署",
        "payment_received": "货款到账",
    },
    "pursuit_statuses": {
        "open": "进行中",
        "collected": "已回款",
        "lost": "丢单",
        "abandoned": "放弃",
    },
    "link_kinds": {
        "reports_to": "汇报给",
        "influences": "影响",
        "ally_of": "盟友",
        "opposes": "反对",
    },
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


# --- stages -------------------------------------------------------------------------------------


def test_eight_stages_numbered_in_order(catalog: Catalog) -> None:
    assert [s.number for s in catalog.stages] == list(range(1, 9))
    assert tuple(s.key for s in catalog.stages) == STAGE_KEYS
    assert [catalog.stage(n).number for n in range(1, 9)] == list(range(1, 9))


def test_win_rates_follow_the_method(catalog: Catalog) -> None:
    assert [s.win_rate for s in catalog.stages] == [10, 20, 30, 40, 50, 60, 80, 100]


def test_stale_limits_are_positive_days(catalog: Catalog) -> None:
    assert all(isinstance(s.stale_days, int) and s.stale_days > 0 for s in catalog.stages)


def test_stage_label_joins_process_and_milestone(catalog: Catalog) -> None:
    assert catalog.stage(1).label("zh_CN") == "建立信任 · 见到客户"
    assert catalog.stage(1).label("zh") == "建立信任 · 见到客户"
    assert catalog.stage(1).label("en") == "Build trust · Met the customer"
    assert catalog.stage(8).label("zh") == "回收账款 · 收款"


def test_every_coaching_point_and_step_is_there(catalog: Catalog) -> None:
    assert tuple(len(s.questions) for s in catalog.stages) == QUESTION_COUNTS
    assert tuple(len(s.steps) for s in catalog.stages) == STEP_COUNTS
    assert len(catalog.all_questions()) == sum(QUESTION_COUNTS)
    assert len(catalog.all_steps()) == sum(STEP_COUNTS)
    insider = "谁是内线？谁是发起者、设计者、评估者、决策者？"
    assert catalog.question("s1.insider").text.zh == insider
    assert catalog.question("s8.payment_received").text.zh == "货款是否收到？没收到是否要催款函？"


def test_question_and_step_keys_are_unique_and_name_their_stage(catalog: Catalog) -> None:
    keys = [q.key for q in catalog.all_questions()] + [s.key for s in catalog.all_steps()]
    assert len(keys) == len(set(keys))
    for stage in catalog.stages:
        for entry in (*stage.questions, *stage.steps):
            assert re.fullmatch(rf"s{stage.number}\.[a-z][a-z0-9_]*", entry.key)
            assert catalog.stage_of(entry.key) == stage.number
        assert all(q.stage == stage.number for q in stage.questions)


def test_lookups_by_key(catalog: Catalog) -> None:
    assert catalog.question("s4.fatal").stage == 4
    assert catalog.step("s3.prove_roi").text("zh") == "通过价值建议书证明投资回报率"
    for lookup in (catalog.question, catalog.step, catalog.stage_of, catalog.vocab):
        with pytest.raises(KeyError):
            lookup("nope")
    for number in (0, 9):
        with pytest.raises(KeyError):
            catalog.stage(number)


# --- both languages everywhere ------------------------------------------------------------------


def _texts(node: Any, where: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every {zh, en} object in the raw file, with its path."""
    if isinstance(node, dict):
        if "zh" in node or "en" in node:
            yield where, node
            return
        for name, value in node.items():
            yield from _texts(value, f"{where}.{name}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _texts(value, f"{where}[{index}]")


def test_every_text_has_chinese_and_english() -> None:
    texts = list(_texts(RAW))
    assert len(texts) > 150
    for where, text in texts:
        assert set(text) == {"zh", "en"}, where
        assert text["zh"].strip() and CJK.search(text["zh"]), where
        assert text["en"].strip() and not CJK.search(text["en"]), where


def test_every_parsed_text_is_bilingual(catalog: Catalog) -> None:
    texts: list[Text] = []
    for stage in catalog.stages:
        texts += [stage.process, stage.milestone]
        texts += [entry.text for entry in (*stage.steps, *stage.questions)]
    for vocabulary in catalog.vocabularies.values():
        for item in vocabulary:
            texts += [item.label, *([item.hint] if item.hint else []), *item.extra.values()]
    assert all(t.zh and t.en and t("zh") == t.zh and t("en") == t.en for t in texts)


@pytest.mark.parametrize(
    ("lang", "expected"), [("zh_CN", "中"), ("zh", "中"), ("en", "en"), ("en_GB", "en"), ("", "en")]
)
def test_text_picks_the_language(lang: str, expected: str) -> None:
    assert Text(zh="中", en="en")(lang) == expected


# --- vocabularies -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(VOCABULARY_LABELS))
def test_vocabulary_is_complete(catalog: Catalog, name: str) -> None:
    vocabulary = catalog.vocab(name)
    assert vocabulary is getattr(catalog, name)
    assert {item.key: item.label.zh for item in vocabulary} == VOCABULARY_LABELS[name]
    assert vocabulary.keys() == tuple(VOCABULARY_LABELS[name])
    for required in REQUIRED_VOCABULARIES[name].fields:
        for item in vocabulary:
            assert item.color if required == "color" else item.get_text(required), (name, item)


def test_required_vocabularies_are_the_documented_ones() -> None:
    assert set(REQUIRED_VOCABULARIES) == set(VOCABULARY_LABELS)


def test_colours_follow_the_ui_guide(catalog: Catalog) -> None:
    assert [i.color for i in catalog.relationship_stages] == [
        "#9E9E9E",
        "#1E88E5",
        "#FB8C00",
        "#43A047",
    ]
    assert {i.key: i.color for i in catalog.indicator_classes} == {
        "winning": "#2E7D32",
        "sleeping": "#5E35B1",
        "fatal": "#C62828",
        "neutral": "#757575",
    }


def test_personality_types_say_traits_and_how_to_deal(catalog: Catalog) -> None:
    traits = {i.key: i.text("traits", "zh") for i in catalog.personality_types}
    assert traits == {
        "tiger": "外向、强势",
        "peacock": "外向、随和",
        "koala": "内向、随和",
        "owl": "内向、强势",
    }
    owl = catalog.personality_types["owl"]
    assert "数据" in owl.text("how_to_deal", "zh_CN")
    assert "data" in owl.text("how_to_deal", "en")
    with pytest.raises(KeyError):
        owl.text("colour_of_feathers", "en")


def test_indicator_classes_suggest_an_action(catalog: Catalog) -> None:
    assert catalog.indicator_classes["neutral"].text("action", "en") == "Monitor"
    assert "唤醒" in catalog.indicator_classes["sleeping"].text("action", "zh")


def test_collection_checks_ask_the_stage_8_questions(catalog: Catalog) -> None:
    for check in catalog.collection_checks:
        assert check.get_text("question") == catalog.question(f"s8.{check.key}").text


def test_after_sale_hints_come_from_the_stage_7_steps(catalog: Catalog) -> None:
    steps = [step.text.zh for step in catalog.stage(7).steps]
    for period, step in zip(catalog.after_sale_periods, steps, strict=True):
        assert step.startswith(f"在{period.label.zh}")
        assert period.text("hint", "zh") in step


def test_vocabulary_access(catalog: Catalog) -> None:
    stages = catalog.relationship_stages
    assert [stages.index(k) for k in ("acquainted", "ally")] == [0, 3]
    assert "ally" in stages and "enemy" not in stages
    assert len(stages) == 4 and [i.key for i in stages] == list(stages.keys())
    assert stages.get("enemy") is None and stages.get(None) is None
    assert stages.label("ally", "zh") == "同盟"
    assert stages.label("from_a_newer_catalog", "en") == "from_a_newer_catalog"
    with pytest.raises(KeyError, match="relationship_stages"):
        stages["enemy"]
    with pytest.raises(KeyError):
        stages.index("enemy")


def test_catalog_is_immutable(catalog: Catalog) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        catalog.stage(1).win_rate = 99  # type: ignore[misc]
    with pytest.raises(TypeError):
        catalog.vocabularies["x"] = Vocabulary("x", ())  # type: ignore[index]
    with pytest.raises(TypeError):
        catalog.personality_types["owl"].extra["traits"] = Text("a", "b")  # type: ignore[index]


def test_vocabulary_refuses_duplicate_keys() -> None:
    item = Item("a", Text("甲", "A"))
    with pytest.raises(ValueError, match="duplicate"):
        Vocabulary("v", (item, item))


def test_default_catalog_is_loaded_once() -> None:
    assert default_catalog() is default_catalog()
    assert default_catalog() == load_catalog(CATALOG_FILE)


# --- a broken file names the bad entry ----------------------------------------------------------

Mutation = Callable[[dict[str, Any]], None]


def _set(path: str, value: Any) -> Mutation:
    """A mutation setting a dotted path ("stages.3.win_rate"); value DELETE removes it."""

    def mutate(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = data
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        key: Any = int(last) if isinstance(node, list) else last
        if value is DELETE:
            del node[key]
        else:
            node[key] = value

    return mutate


DELETE = object()

BROKEN: dict[str, tuple[Mutation, str]] = {
    "question without English": (
        _set("stages.3.questions.2.text.en", DELETE),
        "stages[3].questions[2].text: missing 'en'",
    ),
    "blank Chinese": (
        _set("stages.0.process.zh", "  "),
        "stages[0].process: 'zh' must be a non-empty string",
    ),
    "English not a string": (
        _set("stages.6.milestone.en", 5),
        "stages[6].milestone: 'en' must be a non-empty string",
    ),
    "seven stages": (_set("stages.7", DELETE), "stages: expected 8 stages, got 7"),
    "stages misnumbered": (_set("stages.5.number", 7), "stages[5].number: expected 6, got 7"),
    "win rate falls": (_set("stages.4.win_rate", 40), "stages[4].win_rate: 40 does not rise"),
    "win rate above 100": (_set("stages.7.win_rate", 120), "stages[7].win_rate: 120 is outside"),
    "win rate not a number": (_set("stages.1.win_rate", "20%"), "stages[1].win_rate"),
    "win rate a boolean": (_set("stages.0.win_rate", True), "stages[0].win_rate"),
    "stale limit zero": (_set("stages.2.stale_days", 0), "stages[2].stale_days"),
    "misspelt field": (_set("stages.0.win_rte", 10), "stages[0]: unknown field 'win_rte'"),
    "missing field": (_set("stages.3.milestone", DELETE), "stages[3]: missing 'milestone'"),
    "duplicate question key": (
        _set("stages.1.questions.1.key", "s2.current_state"),
        "stages[1].questions[1].key: duplicate key 's2.current_state'",
    ),
    "step key reused as question key": (
        _set("stages.0.steps.0.key", "s1.insider"),
        "stages[0].questions[0].key: duplicate key 's1.insider' (first used at stages[0].steps[0])",
    ),
    "key of another stage": (
        _set("stages.2.questions.0.key", "s2.decision_maker"),
        "stages[2].questions[0].key: expected 's3.<snake_case>'",
    ),
    "stage without coaching points": (_set("stages.5.questions", []), "stages[5].questions"),
    "duplicate stage key": (_set("stages.1.key", "build_trust"), "stages[1].key: duplicate"),
    "vocabulary missing": (
        _set("vocabularies.link_kinds", DELETE),
        "vocabularies: missing vocabulary 'link_kinds'",
    ),
    "vocabulary entry missing": (
        _set("vocabularies.relationship_stages.3", DELETE),
        "vocabularies.relationship_stages: missing 'ally'",
    ),
    "vocabulary key renamed": (
        _set("vocabularies.relationship_stages.0.key", "ally_tmp"),
        "vocabularies.relationship_stages: missing 'acquainted'",
    ),
    "vocabulary label without English": (
        _set("vocabularies.buying_roles.1.label.en", DELETE),
        "vocabularies.buying_roles[1].label: missing 'en'",
    ),
    "vocabulary extra text without Chinese": (
        _set("vocabularies.personality_types.0.traits.zh", ""),
        "vocabularies.personality_types[0].traits: 'zh' must be a non-empty string",
    ),
    "required text missing": (
        _set("vocabularies.personality_types.2.how_to_deal", DELETE),
        "vocabularies.personality_types[2]: missing 'how_to_deal'",
    ),
    "bad colour": (
        _set("vocabularies.indicator_classes.0.color", "green"),
        "vocabularies.indicator_classes[0].color: expected '#RRGGBB'",
    ),
    "duplicate vocabulary key": (
        _set("vocabularies.risk_statuses.1.key", "open"),
        "vocabularies.risk_statuses[1].key: duplicate key 'open'",
    ),
    "unknown language": (
        _set("stages.0.milestone.fr", "Client rencontré"),
        "stages[0].milestone: unknown field 'fr'",
    ),
    "unknown version": (_set("version", 2), "version: expected 1, got 2"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_catalog_names_the_entry(tmp_path: Path, case: str) -> None:
    mutate, message = BROKEN[case]
    data = copy.deepcopy(RAW)
    mutate(data)
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        load_catalog(path)
    assert message in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_relationship_stages_out_of_order() -> None:
    data = copy.deepcopy(RAW)
    stages = data["vocabularies"]["relationship_stages"]
    stages[0], stages[3] = stages[3], stages[0]
    with pytest.raises(CatalogError, match=r"relationship_stages: must list acquainted"):
        parse_catalog(data)


def test_not_json(tmp_path: Path) -> None:
    path = tmp_path / "catalog.json"
    path.write_text('{"stages": [', encoding="utf-8")
    with pytest.raises(CatalogError, match="not valid JSON"):
        load_catalog(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="cannot read"):
        load_catalog(tmp_path / "nowhere.json")


def test_not_an_object() -> None:
    with pytest.raises(CatalogError, match="must be an object"):
        parse_catalog([])


def test_an_unmodified_copy_loads(tmp_path: Path) -> None:
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(RAW, ensure_ascii=False), encoding="utf-8")
    assert load_catalog(path) == load_catalog()
