"""Keep the Qt translations in step with the code.

    python tools/translations.py            update every .ts from the code, then compile .qm
    python tools/translations.py update G   the same for one group (a ui/ sub-package, or "app")
    python tools/translations.py fill F.json   fill translations: {"Context": {"source": "译文"}}
    python tools/translations.py check       list unfinished translations (exit 1 if any)

One .ts per UI package (resources/translations/<package>_zh_CN.ts), so screens built in parallel
never edit the same file. Plural forms (%n) are not used: Chinese has none and English reads fine
with "(s)"-free wording.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "desktop"
OUT = ROOT / "resources" / "translations"
BIN = Path(sys.executable).parent
LANGUAGE = "zh_CN"
LUPDATE_OPTIONS = ("-no-obsolete", "-locations", "none")


def groups() -> dict[str, list[Path]]:
    """Source files per translation file: each ui/ sub-package, and 'app' for the rest."""
    result: dict[str, list[Path]] = {}
    for path in sorted(UI.rglob("*.py")):
        rel = path.relative_to(UI)
        if rel.parts[0] in ("domain", "storage", "services"):
            continue
        if rel.parts[0] == "ui" and len(rel.parts) > 2:
            name = rel.parts[1]
        else:
            name = "app"
        result.setdefault(name, []).append(path)
    return result


def ts_files() -> list[Path]:
    return sorted(OUT.glob(f"*_{LANGUAGE}.ts"))


def update(only: str | None = None) -> None:
    """lupdate every group (or just `only`), then compile."""
    OUT.mkdir(parents=True, exist_ok=True)
    for name, files in groups().items():
        if only and name != only:
            continue
        lupdate(files, OUT / f"{name}_{LANGUAGE}.ts")
    release()


def lupdate(files: list[Path], ts: Path) -> None:
    """Extract the strings of `files` into `ts` (kept translations stay; vanished ones go)."""
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), *map(str, files), *LUPDATE_OPTIONS, "-ts", str(ts)],
        check=True,
        capture_output=True,
    )


def release() -> None:
    """Compile every .ts; each .qm is replaced atomically (a running app maps the old one)."""
    for ts in ts_files():
        qm = ts.with_suffix(".qm")
        fresh = qm.with_suffix(".qm.new")
        subprocess.run(
            [str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(fresh)],
            check=True,
            capture_output=True,
        )
        fresh.replace(qm)


def _messages(ts: Path):
    tree = ET.parse(ts)
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield tree, name, message


def fill(source: Path) -> None:
    wanted: dict[str, dict[str, str]] = json.loads(source.read_text(encoding="utf-8"))
    for ts in ts_files():
        tree = ET.parse(ts)
        changed = False
        for context in tree.getroot().iter("context"):
            table = wanted.get(context.findtext("name") or "", {})
            for message in context.iter("message"):
                text = table.get(message.findtext("source") or "")
                if text:
                    translation = message.find("translation")
                    assert translation is not None
                    translation.text = text
                    translation.attrib.pop("type", None)
                    changed = True
        if changed:
            tree.write(ts, encoding="utf-8", xml_declaration=True)
    release()


def finished_messages(ts: Path) -> Iterator[tuple[ET.ElementTree, str | None, ET.Element]]:
    """The messages of `ts` that have a translation."""
    for tree, context, message in _messages(ts):
        translation = message.find("translation")
        if (
            translation is not None
            and translation.get("type") != "unfinished"
            and (translation.text or "").strip()
        ):
            yield tree, context, message


def unfinished() -> list[str]:
    missing = []
    for ts in ts_files():
        for _tree, context, message in _messages(ts):
            translation = message.find("translation")
            if (
                translation is None
                or translation.get("type") == "unfinished"
                or not (translation.text or "").strip()
            ):
                missing.append(f"{ts.name}: {context}: {message.findtext('source')}")
    return missing


def main(argv: list[str]) -> int:
    if not argv:
        update()
        return 0
    if argv[0] == "update":
        update(argv[1] if len(argv) > 1 else None)
        return 0
    if argv[0] == "fill":
        fill(Path(argv[1]))
        return 0
    if argv[0] == "check":
        missing = unfinished()
        print("\n".join(missing) or "all translated")
        return 1 if missing else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
