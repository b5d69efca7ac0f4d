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
# minimalegl would keep libQt6OpenGL for a platform no one runs the app on.
UNUSED_PLATFORMS = (
    "libqwayland",
    "libqeglfs",
    "libqlinuxfb",
    "libqvnc",
    "libqvkkhrdisplay",
    "libqminimalegl",
)
# Pillow only saves matplotlib's PNGs: its font, colour-management, WebP, AVIF and Tk modules
# (and with them HarfBuzz, FreeType, LCMS, libwebp, Brotli) are never loaded.
UNUSED_EXTENSIONS = ("_imagingft.", "_imagingcms.", "_imagingtk.", "_webp.", "_avif.")
# Left to the system rather than bundled: libcups must match the system's CUPS service, every
# desktop Linux has it, and it drags in ~12 MB (GnuTLS, Kerberos, Avahi). Without it Qt's print
# dialog offers printing to PDF only.
SYSTEM_LIBS = ("libcups.so.2",)
QT_TRANSLATIONS_KEPT = ("qtbase_zh_CN.qm",)
MATPLOTLIB_FONTS_KEPT = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "LastResortHE-Regular.ttf")


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
    for module in INTERNAL.rglob("*.so"):
        if module.name.startswith(UNUSED_EXTENSIONS):
            module.unlink()
    for name in SYSTEM_LIBS:
        for lib in INTERNAL.rglob(name):
            lib.unlink()
    # The charts draw upright sans-serif text: a CJK system font, then DejaVu Sans (regular and
    # bold) and LastResort for what neither has. matplotlib's serif, mono, oblique and TeX-math
    # (STIX, Computer Modern) fonts, its sample data and its toolbar images are never used.
    data = INTERNAL / "matplotlib" / "mpl-data"
    for font in (data / "fonts" / "ttf").glob("*.ttf"):
        if font.name not in MATPLOTLIB_FONTS_KEPT:
            font.unlink()
    for folder in ("sample_data", "images", "plot_directive"):
        shutil.rmtree(data / folder, ignore_errors=True)
    remove_unreachable_libraries()


def needed(path: Path) -> list[str]:
    """The sonames a shared object asks the dynamic loader for (its DT_NEEDED entries)."""
    result = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True)
    return [
        line.rsplit("[", 1)[1].rstrip("]")
        for line in result.stdout.splitlines()
        if "(NEEDED)" in line
    ]


def remove_unreachable_libraries() -> list[str]:
    """Delete every bundled library that nothing loaded at run time needs.

    The roots are what gets loaded by name, not by the dynamic linker: Python's extension
    modules, Qt's plugins and libpython. PyInstaller collects the dependencies of everything it
    saw, including plugins and modules removed above; what no root reaches is dead weight.
    Returns the names removed.
    """
    if platform.system() != "Linux" or shutil.which("readelf") is None:
        return []
    objects = [f for f in INTERNAL.rglob("*.so*") if f.is_file() and not f.is_symlink()]
    by_name: dict[str, set[Path]] = {}
    for path in INTERNAL.rglob("*.so*"):
        if path.exists():
            by_name.setdefault(path.name, set()).add(path.resolve())

    def is_root(path: Path) -> bool:
        return (
            not path.name.startswith("lib")
            or path.name.startswith("libpython")
            or "plugins" in path.relative_to(INTERNAL).parts
        )

    reached = {f.resolve() for f in objects if is_root(f)}
    todo = list(reached)
    while todo:
        for name in needed(todo.pop()):
            for lib in by_name.get(name, ()):
                if lib not in reached:
                    reached.add(lib)
                    todo.append(lib)
    removed = []
    for path in objects:
        if path.resolve() not in reached:
            removed.append(path.name)
            path.unlink()
    for link in INTERNAL.rglob("*"):  # links to libraries just removed
        if link.is_symlink() and not link.exists():
            link.unlink()
    return removed


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
            if "not found" in line and line.split()[0] not in SYSTEM_LIBS
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
