"""The team folder carried by a real file-sync engine: two Syncthing instances on loopback.

Each instance has its own home, keys and copy of the folder; they know only each other, over
127.0.0.1 (no discovery, relays or NAT traversal). Rep a syncs through the first copy, rep b and
the manager's roll-up through the second. The scenario of folder_scenario.py runs on them: b goes
offline by pausing the peer device; a delta arrives before its predecessor because the second
instance ignores the predecessor for a while; a file cut off mid-delivery sits where the engine
would put it until the whole file arrives.

Syncthing is the Debian package `syncthing` (.ci/run installs it). In CI (the `CI` variable set)
a missing syncthing fails this test; elsewhere it is skipped.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from desktop.services.sync import folder

from .folder_scenario import Member, member, run_scenario

pytestmark = pytest.mark.slow

FOLDER_ID = "pursuit-team"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Syncthing:
    """One instance: its home, its REST API, its copy of the team folder."""

    def __init__(self, home: Path, share: Path) -> None:
        self.home = home
        self.share = share
        share.mkdir(parents=True)
        self.gui = _free_port()
        self.listen = _free_port()
        env = dict(os.environ, STNOUPGRADE="1")
        subprocess.run(
            [
                "syncthing",
                "generate",
                f"--home={home}",
                "--no-default-folder",
                "--skip-port-probing",
            ],
            check=True,
            capture_output=True,
            env=env,
            timeout=60,
        )
        config = (home / "config.xml").read_text(encoding="utf-8")
        self.device = re.search(r'<device id="([A-Z0-9-]+)"', config).group(1)  # type: ignore[union-attr]
        self.key = re.search(r"<apikey>([^<]+)</apikey>", config).group(1)  # type: ignore[union-attr]
        # Nothing listens beyond loopback, even for a moment: set before the first start.
        for old, new in (
            ("<address>127.0.0.1:8384</address>", f"<address>127.0.0.1:{self.gui}</address>"),
            (
                "<listenAddress>default</listenAddress>",
                f"<listenAddress>tcp://127.0.0.1:{self.listen}</listenAddress>",
            ),
            ("<globalAnnounceEnabled>true", "<globalAnnounceEnabled>false"),
            ("<localAnnounceEnabled>true", "<localAnnounceEnabled>false"),
            ("<relaysEnabled>true", "<relaysEnabled>false"),
            ("<natEnabled>true", "<natEnabled>false"),
            ("<startBrowser>true", "<startBrowser>false"),
            ("<crashReportingEnabled>true", "<crashReportingEnabled>false"),
            ("<urAccepted>0", "<urAccepted>-1"),
            ("<autoUpgradeIntervalH>12", "<autoUpgradeIntervalH>0"),
        ):
            config = config.replace(old, new)
        (home / "config.xml").write_text(config, encoding="utf-8")
        self.process = subprocess.Popen(
            [
                "syncthing",
                "serve",
                f"--home={home}",
                "--no-browser",
                "--no-restart",
                f"--gui-address=127.0.0.1:{self.gui}",
                f"--logfile={home / 'log'}",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                self.api("GET", "/rest/system/ping")
                break
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise
                time.sleep(0.2)

    def api(self, method: str, path: str, body: Any = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.gui}{path}",
            data=data,
            method=method,
            headers={"X-API-Key": self.key, "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            text = response.read()
        return json.loads(text) if text.strip() else None

    def pair(self, other: Syncthing) -> None:
        self.api(
            "PUT",
            f"/rest/config/devices/{other.device}",
            {"deviceID": other.device, "addresses": [f"tcp://127.0.0.1:{other.listen}"]},
        )
        self.api(
            "PUT",
            f"/rest/config/folders/{FOLDER_ID}",
            {
                "id": FOLDER_ID,
                "path": str(self.share),
                "type": "sendreceive",
                "devices": [{"deviceID": self.device}, {"deviceID": other.device}],
                # Scans only when told: a file is offered when the test says it was written.
                "rescanIntervalS": 3600,
                "fsWatcherEnabled": False,
            },
        )

    def scan(self) -> None:
        with contextlib.suppress(OSError):
            self.api("POST", f"/rest/db/scan?folder={FOLDER_ID}")

    def ignore(self, patterns: list[str]) -> None:
        self.api("POST", f"/rest/db/ignores?folder={FOLDER_ID}", {"ignore": patterns})

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.api("POST", "/rest/system/shutdown")
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=20)


def _files(share: Path) -> dict[str, str]:
    found = {}
    for site in share.iterdir():
        if not site.is_dir() or not folder.bundle.UUID.match(site.name):
            continue
        for path in site.iterdir():
            if folder.FILE_NAME.match(path.name):
                with contextlib.suppress(OSError):
                    found[f"{site.name}/{path.name}"] = hashlib.sha256(
                        path.read_bytes()
                    ).hexdigest()
    return found


class SyncthingCarrier:
    """The scenario's carrier: scans, waits until both copies hold the same files."""

    def __init__(self, first: Syncthing, second: Syncthing) -> None:
        self.first, self.second = first, second
        self.away = False
        self.held: list[str] = []

    def settle(self) -> None:
        deadline = time.monotonic() + 90
        while True:
            self.first.scan()
            self.second.scan()
            if self.away:
                time.sleep(0.5)
                return
            one, two = _files(self.first.share), _files(self.second.share)
            for path in self.held:
                one.pop(path, None)
                two.pop(path, None)
            if one == two:
                return
            if time.monotonic() > deadline:
                raise AssertionError(f"Syncthing did not deliver: {sorted(set(one) ^ set(two))}")
            time.sleep(0.3)

    def offline(self, name: str, away: bool) -> None:
        assert name == "b"
        self.away = away
        verb = "pause" if away else "resume"
        self.second.api("POST", f"/rest/system/{verb}?device={self.first.device}")

    def hold(self, writer: Member, sequence: int) -> None:
        path = f"{writer.ws.db.site_id()}/{folder.file_name(sequence, False)}"
        self.held.append(path)
        self.second.ignore(["/" + path])

    def cut(self, writer: Member, sequence: int) -> None:
        path = f"{writer.ws.db.site_id()}/{folder.file_name(sequence, False)}"
        whole = (self.first.share / path).read_bytes()
        (self.second.share / path).write_bytes(whole[: len(whole) // 2])

    def release(self) -> None:
        for path in self.held:
            (self.second.share / path).unlink(missing_ok=True)
        self.held.clear()
        self.second.ignore([])
        self.settle()


def test_two_reps_and_a_roll_up_converge_through_syncthing(replica, tmp_path: Path) -> None:
    if shutil.which("syncthing") is None:
        if os.environ.get("CI"):
            pytest.fail("syncthing is missing: .ci/run installs the Debian package `syncthing`")
        pytest.skip("syncthing is not installed here (apt-get install syncthing)")
    first = Syncthing(tmp_path / "st-a", tmp_path / "share-a")
    try:
        second = Syncthing(tmp_path / "st-b", tmp_path / "share-b")
        try:
            first.pair(second)
            second.pair(first)
            a = member(replica("a"), first.share)
            b = member(replica("b"), second.share)
            boss = member(replica("boss"), second.share, roll_up=True)
            carrier = SyncthingCarrier(first, second)
            run_scenario(
                a, b, boss, carrier, hold=carrier.hold, cut=carrier.cut, release=carrier.release
            )
        finally:
            second.stop()
    finally:
        first.stop()
