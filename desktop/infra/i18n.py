"""UI language: Qt translators for our strings (English in the code, Chinese in .qm files).

Each UI package has its own `<package>_zh_CN.qm` under resources/translations, so screens are
translated independently; Qt's own strings (the file, print and colour dialogs, context menus)
come from Qt's qtbase catalog, which must be found both when running from source (PySide6's
Qt/translations) and in the frozen build (the installer keeps `qtbase_zh_CN.qm` in the bundle's
PySide6/Qt/translations; QLibraryInfo points there through PyInstaller's qt.conf, and the bundle
path is tried too in case it does not).

The language a window shows is the one installed here, at start (from --lang or the saved
preference) or when the rep switches: `ui_language()` is what every formatter, the catalog's texts
and the window title follow. The saved preference (`Settings.language`) is only where the next
start looks, and another instance running in the other language may rewrite it at any time.
"""

from __future__ import annotations

import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.infra import paths

_installed: list[QTranslator] = []
# The language of the translators installed now; Chinese, the primary language, until the
# first install (the default of the saved preference too).
_language = "zh_CN"


def ui_language() -> str:
    """The UI language this process shows ("zh_CN" or "en"): the one last installed."""
    return _language


def install(language: str) -> None:
    """Replace the application's translators with those of `language` ("zh_CN" or "en")."""
    global _language
    app = QCoreApplication.instance()
    assert app is not None
    _language = "zh_CN" if language.startswith("zh") else "en"
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(
        QLocale(QLocale.Language.Chinese, QLocale.Country.China)
        if language.startswith("zh")
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )
    if language.startswith("en"):
        return
    ours = sorted(paths.translations_dir().glob(f"*_{language}.qm"))
    # Our corrections of Qt's own strings (qt_dialogs_*) go in after Qt's catalog: the last
    # translator installed is asked first, so they win where qtbase words a string too.
    corrections = [qm for qm in ours if qm.stem.startswith("qt_")]
    for qm in ours:
        if qm not in corrections:
            _load(app, str(qm.parent), qm.stem)
    # qtbase holds the dialogs' strings; qt_<lang> is the older catalog (a meta file pulling in
    # the module catalogs), used only when a Qt build ships no qtbase file for the language.
    for name in (f"qtbase_{language}", f"qt_{language}"):
        if any(_load(app, directory, name) for directory in qt_translation_dirs()):
            break
    for qm in corrections:
        _load(app, str(qm.parent), qm.stem)


def qt_translation_dirs() -> list[str]:
    """Where Qt's own .qm files may be: Qt's translations path, PySide6's package folder, and
    the frozen bundle's copy (first that exists wins)."""
    candidates = [
        Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        Path(PySide6.__file__).parent / "Qt" / "translations",
    ]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "PySide6" / "Qt" / "translations")
    seen: list[str] = []
    for path in candidates:
        if path.is_dir() and str(path) not in seen:
            seen.append(str(path))
    return seen


def _load(app: QCoreApplication, directory: str, name: str) -> bool:
    translator = QTranslator(app)
    if translator.load(name, directory) and not translator.isEmpty():
        app.installTranslator(translator)
        _installed.append(translator)
        return True
    return False


def catalog_language(language: str) -> str:
    """The catalog's language code for a UI language."""
    return "zh" if language.startswith("zh") else "en"
