"""`make dist`: build the one-folder program, trim it, smoke-test it, pack it, report figures.

    python installer/build.py [--skip-build]

Steps: PyInstaller with installer/pursuit.spec; remove what a plain build drags in but the app
never loads (PLATFORM-NOTES.md); strip shared libraries outside `*.libs/` (numpy's OpenBLAS breaks
when stripped); run the frozen program's smoke test and CLI commands; on Linux pack a .tar.gz with
the .desktop entry and icon. Any failure exits non-zero with the reason.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
import desktop  # noqa: E402

DIST = ROOT / "dist"
BUNDLE = DIST / desktop.APP_ID
INTERNAL = BUNDLE / "_internal"

# Qt plugin folders the app never loads (kept: platforms xcb/offscreen/minimal, imageformats,
# iconengines, platforminputcontexts for Chinese input methods, printsupport for CUPS printing,
# xcbglintegrations).
UNUSED_PLUGINS = (
    "designer",
    "egldeviceintegrations",
    "generic",
    "networkinformation",
    "qmllint",
    "qmltooling",
    "sqldrivers",
    "tls",
    "vectorimageformats",
    "wayland-decoration-client",
    "wayland-graphics-integration-client",
    "wayland-graphics-integration-server",
    "wayland-shell-integration",
    "platformthemes",
)
UNUSED_PLATFORMS = ("libqwayland", "libqeglfs", "libqlinuxfb", "libqvnc", "libqvkkhrdisplay")
# Libraries only the removed plugins (the GTK3 theme, Wayland, EGLFS) and Pillow's AVIF codec
# use; `check_links` proves nothing left needs them.
ORPHANS = (
    "libgtk-3",
    "libgdk-3",
    "libatk",
    "libatspi",
    "libcairo",
    "libpango",
    "libgdk_pixbuf",
    "libepoxy",
    "libfribidi",
    "libthai",
    "libdatrie",
    "libgraphite2",
    "libpixman",
    "libXcomposite",
    "libXcursor",
    "libXdamage",
    "libXfixes",
    "libXi.",
    "libXinerama",
    "libXrandr",
    "libwayland-",
    "libQt6Wayland",
    "libQt6WlShell",
    "libQt6EglFS",
    "libQt6EglFs",
    "libQt6Network",
    "libavif",
    "_avif.",
)
QT_TRANSLATIONS_KEPT = ("qtbase_zh_CN.qm",)


def qt_dir() -> Path | None:
    for candidate in (INTERNAL / "PySide6" / "Qt", INTERNAL / "PySide6"):
        if (candidate / "plugins").exists():
            return candidate
    return None


def trim() -> None:
    qt = qt_dir()
    if qt is None:
        return
    for name in UNUSED_PLUGINS:
        shutil.rmtree(qt / "plugins" / name, ignore_errors=True)
    for plugin in (qt / "plugins" / "platforms").glob("*"):
        if plugin.name.startswith(UNUSED_PLATFORMS):
            plugin.unlink()
    translations = qt / "translations"
    if translations.exists():
        for qm in translations.glob("*.qm"):
            if qm.name not in QT_TRANSLATIONS_KEPT:
                qm.unlink()
    for lib in INTERNAL.rglob("*"):
        if lib.name.startswith(ORPHANS) or any(part in lib.name for part in ORPHANS[-2:]):
            lib.unlink()
    # matplotlib's STIX and Computer Modern fonts serve TeX-style math, which no chart uses; the
    # charts use a CJK system font with DejaVu Sans as fallback.
    fonts = INTERNAL / "matplotlib" / "mpl-data" / "fonts" / "ttf"
    for font in fonts.glob("*.ttf") if fonts.exists() else []:
        if font.name.startswith(("STIX", "cm", "DejaVuSerif")):
            font.unlink()
    for link in INTERNAL.iterdir():  # top-level links to libraries just removed
        if link.is_symlink() and not link.exists():
            link.unlink()


def check_links() -> None:
    """Every shared library left must find its dependencies inside the bundle or the system."""
    if platform.system() != "Linux" or shutil.which("ldd") is None:
        return
    env = dict(os.environ, LD_LIBRARY_PATH=str(INTERNAL))
    missing = set()
    for lib in INTERNAL.rglob("*.so*"):
        if lib.is_symlink() or not lib.is_file():
            continue
        result = subprocess.run(["ldd", str(lib)], capture_output=True, text=True, env=env)
        missing |= {
            f"{lib.name}: {line.split()[0]}"
            for line in result.stdout.splitlines()
            if "not found" in line
        }
    if missing:
        raise SystemExit(
            "FAILED: libraries with missing dependencies:\n" + "\n".join(sorted(missing))
        )


def strip_binaries() -> None:
    if platform.system() != "Linux" or shutil.which("strip") is None:
        return
    for lib in INTERNAL.rglob("*.so*"):
        if ".libs" in lib.parent.name or lib.is_symlink():
            continue
        subprocess.run(["strip", "--strip-unneeded", str(lib)], check=False, capture_output=True)


def folder_size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())


def run(command: list[str], env: dict[str, str] | None = None) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(
            f"FAILED: {' '.join(command)} (exit {result.returncode})\n"
            f"{result.stdout}\n{result.stderr}"
        )
    return elapsed, result.stdout.strip()


def smoke_test() -> dict[str, float]:
    program = BUNDLE / (desktop.APP_ID + (".exe" if os.name == "nt" else ""))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8")
    figures = {}
    with tempfile.TemporaryDirectory() as folder:
        env["PURSUIT_DATA_DIR"] = folder
        db = str(Path(folder) / "cli.db")
        _, version = run([str(program), "--version"], env)
        assert desktop.__version__ in version, version
        figures["demo_s"], _ = run([str(program), "demo", "--db", db, "--scale", "20"], env)
        _, checked = run([str(program), "check", "--db", db], env)
        assert "integrity: ok" in checked, checked
        frozen = [run([str(program), "--smoke-test"], env)[0] for _ in range(3)]
        if platform.system() == "Linux" and shutil.which("xvfb-run"):
            # The real X11 platform plugin too, so a trimmed dependency of xcb fails here.
            xcb = dict(env, QT_QPA_PLATFORM="xcb")
            run(["xvfb-run", "-a", str(program), "--smoke-test"], xcb)
        source = [run([sys.executable, "-m", "desktop", "--smoke-test"], env)[0] for _ in range(3)]
    figures["frozen_smoke_s"] = min(frozen)
    figures["python_smoke_s"] = min(source)
    return figures


def pack_linux() -> Path:
    archive = DIST / f"{desktop.APP_ID}-{desktop.__version__}-linux-{platform.machine()}.tar.gz"
    shutil.copy(ROOT / "installer" / "linux" / "pursuit.desktop", BUNDLE / "pursuit.desktop")
    shutil.copy(ROOT / "resources" / "icons" / "app" / "pursuit-256.png", BUNDLE / "pursuit.png")
    shutil.copy(ROOT / "installer" / "linux" / "install.sh", BUNDLE / "install.sh")
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(BUNDLE, arcname=desktop.APP_ID)
    return archive


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--skip-build", action="store_true", help="reuse dist/ as it is")
    args = parser.parse_args()
    figures: dict[str, float] = {}
    if not args.skip_build:
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "PyInstaller",
                "--noconfirm",
                "--clean",
                "--log-level",
                "WARN",
                "--distpath",
                str(DIST),
                "--workpath",
                str(ROOT / "build"),
                str(ROOT / "installer" / "pursuit.spec"),
            ],
            check=True,
        )
        figures["build_s"] = time.perf_counter() - started
        figures["plain_mb"] = folder_size(BUNDLE) / 1e6
        trim()
        check_links()
        strip_binaries()
    figures["bundle_mb"] = folder_size(BUNDLE) / 1e6
    figures.update(smoke_test())
    if platform.system() == "Linux":
        archive = pack_linux()
        figures["tar_gz_mb"] = archive.stat().st_size / 1e6
        print(f"packed {archive.relative_to(ROOT)}")
    for name, value in figures.items():
        print(f"  {name:<16} {value:8.2f}")
    ratio = figures["frozen_smoke_s"] / figures["python_smoke_s"]
    print(f"  frozen / python  {ratio:8.2f}  (target ≤ 1.5)")
    print("dist: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
