"""The README and docs send readers only to files inside this repository, and those files exist."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)|`(\.\./[^`]+)`")


def links_of(path: Path) -> list[str]:
    return [a or b for a, b in LINK.findall(path.read_text(encoding="utf-8"))]


def test_readme_and_docs_link_only_inside_the_repository() -> None:
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    assert ROOT / "docs" / "ARCHITECTURE.md" in pages
    outside, missing = [], []
    for page in pages:
        for target in links_of(page):
            if "://" in target:
                continue
            resolved = (page.parent / target).resolve()
            if not resolved.is_relative_to(ROOT):
                outside.append(f"{page.name}: {target}")
            elif not resolved.exists():
                missing.append(f"{page.name}: {target}")
        assert "../shared" not in page.read_text(encoding="utf-8"), page.name
    assert outside == []
    assert missing == []


def test_the_check_sees_a_link_outside(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("See [design](../shared/DESIGN.md) and `../shared/X.md`.\n", encoding="utf-8")
    assert links_of(page) == ["../shared/DESIGN.md", "../shared/X.md"]
