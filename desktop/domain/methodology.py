"""The sales methodology as data: funnel stages, steps, coaching points and vocabularies.

The wording lives in `resources/methodology/catalog.json` (Chinese and English for every text) so it
can be reviewed and corrected without touching code. Every screen and rule leans on it, so it is
validated strictly when loaded: a broken file fails at start-up with a message naming the entry,
never later as a missing label. Keys are stable identifiers stored in the database; texts may
change.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from desktop import resource_path

STAGE_COUNT = 8
CATALOG_VERSION = 1


class CatalogError(ValueError):
    """The catalog is unreadable or breaks a rule; `where` names the entry, JSON-path style."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}" if where else problem)
        self.where = where
        self.problem = problem


@dataclass(frozen=True)
class Text:
    """A text in both languages; call it with a language code to get one."""

    zh: str
    en: str

    def __call__(self, lang: str) -> str:
        """The Chinese text for "zh"/"zh_CN" (any zh variant), else the English one."""
        return self.zh if lang.lower().startswith("zh") else self.en


@dataclass(frozen=True)
class Item:
    """One entry of a vocabulary (a buying role, a relationship stage …).

    `extra` holds the vocabulary's own texts (`traits`, `how_to_deal`, `action`, `question`);
    read any text, extra or not, with `item.text(name, lang)`.
    """

    key: str
    label: Text
    hint: Text | None = None
    color: str | None = None
    extra: Mapping[str, Text] = field(default_factory=lambda: MappingProxyType({}), hash=False)

    def text(self, name: str, lang: str) -> str:
        """The text called `name` ("label", "hint" or an extra such as "how_to_deal")."""
        found = self.get_text(name)
        if found is None:
            raise KeyError(f"{self.key!r} has no text {name!r}")
        return found(lang)

    def get_text(self, name: str) -> Text | None:
        """The bilingual text called `name`, or None when this item has none."""
        if name == "label":
            return self.label
        if name == "hint":
            return self.hint
        return self.extra.get(name)


@dataclass(frozen=True)
class Step:
    """A piece of work the method prescribes in a stage (步骤)."""

    key: str
    text: Text


@dataclass(frozen=True)
class Question:
    """A coaching point (辅导要点): a question a manager asks about a pursuit in `stage`."""

    key: str
    text: Text
    stage: int


@dataclass(frozen=True)
class Stage:
    """One funnel stage: the work (process), the event that puts a pursuit here (milestone)."""

    number: int
    key: str
    process: Text
    milestone: Text
    win_rate: int
    stale_days: int
    steps: tuple[Step, ...] = ()
    questions: tuple[Question, ...] = ()

    def label(self, lang: str) -> str:
        """Process and milestone, e.g. "建立信任 · 见到客户" / "Build trust · Met the customer"."""
        return f"{self.process(lang)} · {self.milestone(lang)}"


@dataclass(frozen=True)
class Vocabulary:
    """An ordered list of items; the order is the display order (and the rank where it matters)."""

    name: str
    items: tuple[Item, ...]
    _by_key: Mapping[str, Item] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        by_key = {item.key: item for item in self.items}
        if len(by_key) != len(self.items):
            raise ValueError(f"vocabulary {self.name!r} has duplicate keys")
        object.__setattr__(self, "_by_key", MappingProxyType(by_key))

    def get(self, key: str | None, default: Item | None = None) -> Item | None:
        return self._by_key.get(key, default) if key is not None else default

    def __getitem__(self, key: str) -> Item:
        try:
            return self._by_key[key]
        except KeyError:
            raise KeyError(f"{self.name}: unknown key {key!r}") from None

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def __iter__(self) -> Iterator[Item]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def keys(self) -> tuple[str, ...]:
        return tuple(item.key for item in self.items)

    def index(self, key: str) -> int:
        """Position of `key` (its rank in ordered vocabularies such as relationship stages)."""
        return self.items.index(self[key])

    def label(self, key: str, lang: str) -> str:
        """The label of `key`, or the key itself so a value unknown to this catalog still shows."""
        item = self.get(key)
        return item.label(lang) if item else key


@dataclass(frozen=True)
class Catalog:
    """The whole methodology: the 8 stages and the named vocabularies."""

    stages: tuple[Stage, ...]
    vocabularies: Mapping[str, Vocabulary] = field(hash=False)
    _stages: Mapping[int, Stage] = field(init=False, repr=False, compare=False, hash=False)
    _questions: Mapping[str, Question] = field(init=False, repr=False, compare=False, hash=False)
    _steps: Mapping[str, tuple[int, Step]] = field(
        init=False, repr=False, compare=False, hash=False
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "_stages", MappingProxyType({s.number: s for s in self.stages}))
        questions = {q.key: q for s in self.stages for q in s.questions}
        steps = {step.key: (s.number, step) for s in self.stages for step in s.steps}
        object.__setattr__(self, "_questions", MappingProxyType(questions))
        object.__setattr__(self, "_steps", MappingProxyType(steps))

    def stage(self, number: int) -> Stage:
        try:
            return self._stages[number]
        except KeyError:
            raise KeyError(f"no stage {number!r}") from None

    def question(self, key: str) -> Question:
        try:
            return self._questions[key]
        except KeyError:
            raise KeyError(f"no coaching point {key!r}") from None

    def step(self, key: str) -> Step:
        try:
            return self._steps[key][1]
        except KeyError:
            raise KeyError(f"no step {key!r}") from None

    def stage_of(self, key: str) -> int:
        """The stage number of a question or step key."""
        if key in self._questions:
            return self._questions[key].stage
        if key in self._steps:
            return self._steps[key][0]
        raise KeyError(f"no question or step {key!r}")

    def all_questions(self) -> tuple[Question, ...]:
        """Every coaching point, stage by stage, in catalog order."""
        return tuple(self._questions.values())

    def all_steps(self) -> tuple[Step, ...]:
        return tuple(step for _, step in self._steps.values())

    def vocab(self, name: str) -> Vocabulary:
        try:
            return self.vocabularies[name]
        except KeyError:
            raise KeyError(f"no vocabulary {name!r}") from None

    @property
    def buying_roles(self) -> Vocabulary:
        return self.vocab("buying_roles")

    @property
    def relationship_stages(self) -> Vocabulary:
        return self.vocab("relationship_stages")

    @property
    def help_wanted(self) -> Vocabulary:
        return self.vocab("help_wanted")

    @property
    def personality_types(self) -> Vocabulary:
        return self.vocab("personality_types")

    @property
    def indicator_classes(self) -> Vocabulary:
        return self.vocab("indicator_classes")

    @property
    def risk_impacts(self) -> Vocabulary:
        return self.vocab("risk_impacts")

    @property
    def risk_statuses(self) -> Vocabulary:
        return self.vocab("risk_statuses")

    @property
    def after_sale_periods(self) -> Vocabulary:
        return self.vocab("after_sale_periods")

    @property
    def collection_checks(self) -> Vocabulary:
        return self.vocab("collection_checks")

    @property
    def pursuit_statuses(self) -> Vocabulary:
        return self.vocab("pursuit_statuses")

    @property
    def link_kinds(self) -> Vocabulary:
        return self.vocab("link_kinds")


class Requirement(NamedTuple):
    """What code relies on in a vocabulary: keys it stores or compares, texts it shows."""

    keys: tuple[str, ...]
    fields: tuple[str, ...] = ()
    ordered: bool = False  # the required keys must appear in this order (a rank)


REQUIRED_VOCABULARIES: Mapping[str, Requirement] = MappingProxyType(
    {
        "buying_roles": Requirement(
            ("insider", "initiator", "designer", "evaluator", "decision_maker"), ("hint",)
        ),
        "relationship_stages": Requirement(
            ("acquainted", "interacting", "personal_trust", "ally"), ("color",), ordered=True
        ),
        "help_wanted": Requirement(("share_info", "advise", "introduce", "speak_for_us")),
        "personality_types": Requirement(
            ("tiger", "peacock", "koala", "owl"), ("traits", "how_to_deal")
        ),
        "indicator_classes": Requirement(
            ("winning", "sleeping", "fatal", "neutral"), ("color", "action")
        ),
        "risk_impacts": Requirement(("person", "political", "organisation")),
        "risk_statuses": Requirement(("open", "mitigated", "closed")),
        "after_sale_periods": Requirement(
            ("honeymoon", "break_in", "success", "plateau"), ("hint",), ordered=True
        ),
        "collection_checks": Requirement(
            (
                "licence_credit",
                "contract_review",
                "delivery_ok",
                "acceptance_signed",
                "payment_received",
            ),
            ("question",),
        ),
        "pursuit_statuses": Requirement(("open", "collected", "lost", "abandoned")),
        "link_kinds": Requirement(("reports_to", "influences", "ally_of", "opposes")),
    }
)

_KEY = re.compile(r"[a-z][a-z0-9_]*")
_COLOR = re.compile(r"#[0-9A-Fa-f]{6}")
_STAGE_FIELDS = (
    "number",
    "key",
    "process",
    "milestone",
    "win_rate",
    "stale_days",
    "steps",
    "questions",
)


def load_catalog(path: Path | None = None) -> Catalog:
    """Read and validate a catalog file (the bundled one when `path` is None)."""
    if path is None:
        path = default_catalog_path()
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CatalogError(str(path), f"cannot read the catalog: {error}") from error
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise CatalogError(
            str(path), f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        ) from error
    return parse_catalog(data)


def default_catalog_path() -> Path:
    """The catalog bundled with the app (inside the frozen bundle too)."""
    return resource_path("methodology", "catalog.json")


@lru_cache(maxsize=1)
def default_catalog() -> Catalog:
    """The bundled catalog, loaded once per process (it is immutable)."""
    return load_catalog()


def parse_catalog(data: Any) -> Catalog:
    """Build a Catalog from decoded JSON, raising CatalogError at the first broken entry."""
    root = _object(data, "", ("version", "stages", "vocabularies"))
    if root.get("version") != CATALOG_VERSION:
        raise CatalogError("version", f"expected {CATALOG_VERSION}, got {root.get('version')!r}")
    stages = _stages(root.get("stages"))
    vocabularies = _vocabularies(root.get("vocabularies"))
    return Catalog(stages, MappingProxyType(vocabularies))


def _stages(data: Any) -> tuple[Stage, ...]:
    if not isinstance(data, list):
        raise CatalogError("stages", "must be a list")
    if len(data) != STAGE_COUNT:
        raise CatalogError("stages", f"expected {STAGE_COUNT} stages, got {len(data)}")
    stages: list[Stage] = []
    seen_stage_keys: set[str] = set()
    seen_keys: dict[str, str] = {}  # question/step key -> where it was first used
    for index, entry in enumerate(data):
        where = f"stages[{index}]"
        fields = _object(entry, where, _STAGE_FIELDS, required=_STAGE_FIELDS)
        number = _int(fields["number"], f"{where}.number")
        if number != index + 1:
            raise CatalogError(f"{where}.number", f"expected {index + 1}, got {number}")
        key = _key(fields["key"], f"{where}.key")
        if key in seen_stage_keys:
            raise CatalogError(f"{where}.key", f"duplicate stage key {key!r}")
        seen_stage_keys.add(key)
        win_rate = _int(fields["win_rate"], f"{where}.win_rate")
        if not 0 <= win_rate <= 100:
            raise CatalogError(f"{where}.win_rate", f"{win_rate} is outside 0..100")
        if stages and win_rate <= stages[-1].win_rate:
            raise CatalogError(
                f"{where}.win_rate",
                f"{win_rate} does not rise above stage {index}'s {stages[-1].win_rate}",
            )
        stale_days = _int(fields["stale_days"], f"{where}.stale_days")
        if stale_days < 1:
            raise CatalogError(f"{where}.stale_days", f"must be at least 1, got {stale_days}")
        steps = tuple(
            Step(step_key, text)
            for step_key, text in _keyed_texts(fields["steps"], f"{where}.steps", number, seen_keys)
        )
        questions = tuple(
            Question(q_key, text, number)
            for q_key, text in _keyed_texts(
                fields["questions"], f"{where}.questions", number, seen_keys
            )
        )
        if not questions:
            raise CatalogError(f"{where}.questions", "a stage needs at least one coaching point")
        stages.append(
            Stage(
                number=number,
                key=key,
                process=_text(fields["process"], f"{where}.process"),
                milestone=_text(fields["milestone"], f"{where}.milestone"),
                win_rate=win_rate,
                stale_days=stale_days,
                steps=steps,
                questions=questions,
            )
        )
    return tuple(stages)


def _keyed_texts(data: Any, where: str, stage: int, seen: dict[str, str]) -> list[tuple[str, Text]]:
    """Steps or questions: [{key, text}], keys "s<stage>.<name>" and unique across the catalog."""
    if not isinstance(data, list):
        raise CatalogError(where, "must be a list")
    result = []
    prefix = f"s{stage}."
    for index, entry in enumerate(data):
        here = f"{where}[{index}]"
        fields = _object(entry, here, ("key", "text"), required=("key", "text"))
        key = fields["key"]
        if not (
            isinstance(key, str) and key.startswith(prefix) and _KEY.fullmatch(key[len(prefix) :])
        ):
            raise CatalogError(f"{here}.key", f"expected '{prefix}<snake_case>', got {key!r}")
        if key in seen:
            raise CatalogError(f"{here}.key", f"duplicate key {key!r} (first used at {seen[key]})")
        seen[key] = here
        result.append((key, _text(fields["text"], f"{here}.text")))
    return result


def _vocabularies(data: Any) -> dict[str, Vocabulary]:
    if not isinstance(data, dict):
        raise CatalogError("vocabularies", "must be an object")
    for name in REQUIRED_VOCABULARIES:
        if name not in data:
            raise CatalogError("vocabularies", f"missing vocabulary {name!r}")
    vocabularies = {}
    for name, entries in data.items():
        where = f"vocabularies.{name}"
        if not _KEY.fullmatch(name):
            raise CatalogError(where, "a vocabulary name must be snake_case")
        vocabularies[name] = _vocabulary(name, entries, where)
    return vocabularies


def _vocabulary(name: str, data: Any, where: str) -> Vocabulary:
    if not isinstance(data, list) or not data:
        raise CatalogError(where, "must be a non-empty list")
    requirement = REQUIRED_VOCABULARIES.get(name, Requirement(()))
    items: list[Item] = []
    for index, entry in enumerate(data):
        here = f"{where}[{index}]"
        if not isinstance(entry, dict):
            raise CatalogError(here, "must be an object")
        for required in ("key", "label", *requirement.fields):
            if required not in entry:
                raise CatalogError(here, f"missing {required!r}")
        key = _key(entry["key"], f"{here}.key")
        if any(item.key == key for item in items):
            raise CatalogError(f"{here}.key", f"duplicate key {key!r}")
        color = entry.get("color")
        if color is not None and not (isinstance(color, str) and _COLOR.fullmatch(color)):
            raise CatalogError(f"{here}.color", f"expected '#RRGGBB', got {color!r}")
        hint = _text(entry["hint"], f"{here}.hint") if "hint" in entry else None
        extra = {
            field_name: _text(value, f"{here}.{field_name}")
            for field_name, value in entry.items()
            if field_name not in ("key", "label", "hint", "color")
        }
        for field_name in extra:
            if not _KEY.fullmatch(field_name):
                raise CatalogError(f"{here}.{field_name}", "a field name must be snake_case")
        items.append(
            Item(key, _text(entry["label"], f"{here}.label"), hint, color, MappingProxyType(extra))
        )
    keys = [item.key for item in items]
    missing = [key for key in requirement.keys if key not in keys]
    if missing:
        raise CatalogError(where, f"missing {', '.join(repr(k) for k in missing)}")
    if requirement.ordered:
        positions = [keys.index(key) for key in requirement.keys]
        if positions != sorted(positions):
            raise CatalogError(where, f"must list {', '.join(requirement.keys)} in this order")
    return Vocabulary(name, tuple(items))


def _object(
    data: Any, where: str, allowed: tuple[str, ...], required: tuple[str, ...] = ()
) -> dict[str, Any]:
    """A JSON object with only `allowed` fields (a typo fails loudly) and all `required` ones."""
    if not isinstance(data, dict):
        raise CatalogError(where, "must be an object")
    for name in data:
        if name not in allowed:
            raise CatalogError(where, f"unknown field {name!r}")
    for name in required:
        if name not in data:
            raise CatalogError(where, f"missing {name!r}")
    return data


def _text(data: Any, where: str) -> Text:
    fields = _object(data, where, ("zh", "en"), required=("zh", "en"))
    for lang in ("zh", "en"):
        value = fields[lang]
        if not isinstance(value, str) or not value.strip():
            raise CatalogError(where, f"{lang!r} must be a non-empty string")
    return Text(zh=fields["zh"], en=fields["en"])


def _int(data: Any, where: str) -> int:
    if isinstance(data, bool) or not isinstance(data, int):
        raise CatalogError(where, f"expected a whole number, got {data!r}")
    return data


def _key(data: Any, where: str) -> str:
    if not isinstance(data, str) or not _KEY.fullmatch(data):
        raise CatalogError(where, f"expected a snake_case key, got {data!r}")
    return data
