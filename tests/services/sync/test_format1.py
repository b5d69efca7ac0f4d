"""Files written by format 1 (the format before the private header) still import.

The two fixtures were exported by the code of that format (`demo --scale 2 --seed 3`, one pursuit
renamed 格式一的项目, site name 格式一), encrypted with the passphrase below and plain.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.services import records
from desktop.services.sync import importer
from desktop.services.sync.bundle import BundleError
from desktop.services.workspace import Workspace

FIXTURES = Path(__file__).parent / "fixtures"
PASSPHRASE = "format one passphrase"
PURSUIT = "6ca0bfe5-38fb-46f9-b9ed-b8977c0837cc"


@pytest.fixture
def empty(tmp_path: Path):
    ws = Workspace.open(tmp_path / "new.db")
    yield ws
    ws.close()


@pytest.mark.parametrize(
    ("name", "passphrase"),
    [("format1-encrypted.pursuit-sync", PASSPHRASE), ("format1-plain.pursuit-sync", None)],
)
def test_a_format_1_file_imports(empty, tmp_path: Path, name: str, passphrase) -> None:
    source = tmp_path / name
    shutil.copy(FIXTURES / name, source)
    report = importer.import_bundle(empty, source, passphrase)
    assert report.committed
    assert report.preview.source_name == "格式一"
    assert report.preview.total("new") == 75 and report.preview.total("rejected") == 0
    assert records.get(empty, "pursuit", PURSUIT)["title"] == "格式一的项目"


def test_a_format_1_file_with_a_wrong_passphrase_is_refused(empty, tmp_path: Path) -> None:
    source = tmp_path / "f.pursuit-sync"
    shutil.copy(FIXTURES / "format1-encrypted.pursuit-sync", source)
    with pytest.raises(BundleError) as refused:
        importer.import_bundle(empty, source, "not the passphrase")
    assert refused.value.code == "wrong_passphrase"
