"""UI language: Qt translators for our strings (English in the code, Chinese in .qm files).

Each UI package has its own `<package>_zh_CN.qm` under resources/translations, so screens are
translated independently; Qt's own strings (standard dialogs, context menus) come from qtbase.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.infra import paths

_installed: list[QTranslator] = []


def install(language: str) -> None:
    """Replace the application's translators with those of `language` ("zh_CN" or "en")."""
    app = QCoreApplication.instance()
    assert app is not None
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
    for qm in sorted(paths.translations_dir().glob(f"*_{language}.qm")):
        _load(app, str(qm.parent), qm.stem)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    _load(app, qt_dir, f"qtbase_{language}")


def _load(app: QCoreApplication, directory: str, name: str) -> None:
    translator = QTranslator(app)
    if translator.load(name, directory):
        app.installTranslator(translator)
        _installed.append(translator)


def catalog_language(language: str) -> str:
    """The catalog's language code for a UI language."""
    return "zh" if language.startswith("zh") else "en"
