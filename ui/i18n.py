"""Languages: Chinese (zh_CN) and English, through Qt's .ts/.qm translation files.

English is the source language, so it needs no .qm of ours. Switching installs (or removes) the
translators; Qt then sends every widget a LanguageChange event and each one re-reads its texts
(`retranslate()`), so the switch is live.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from app.paths import resources_dir

log = logging.getLogger(__name__)

LANGUAGES: dict[str, str] = {"zh_CN": "中文", "en": "English"}  # each named in its own language
DEFAULT = "en"


def system_language() -> str:
    """zh_CN when the user's first UI language is any Chinese (zh, zh_TW, ...), else English."""
    system = QLocale.system()
    first = (system.uiLanguages() or [system.name()])[0]
    return "zh_CN" if first.lower().replace("-", "_").startswith("zh") else DEFAULT


def choose_language(cli: str | None, saved: str | None) -> str:
    """The command line wins, then the saved choice, then the system locale."""
    for lang in (cli, saved):
        if lang in LANGUAGES:
            return lang
    return system_language()


MAIN_DOMAIN = "showday"


def qm_path(lang: str, domain: str = MAIN_DOMAIN) -> str:
    return str(resources_dir() / "i18n" / f"{domain}_{lang}.qm")


def translation_domains(root: Path, lang: str = "zh_CN") -> dict[str, list[Path]]:
    """Which ui/ sources each translation file covers, relative to the checkout `root`.

    A package `ui/<pkg>/` with its own `resources/i18n/<pkg>_<lang>.ts` is its own domain (its
    team translates it); every other source under ui/ belongs to `showday_<lang>.ts`."""
    i18n = root / "resources" / "i18n"
    suffix = f"_{lang}.ts"
    own = {
        ts.name[: -len(suffix)]
        for ts in i18n.glob(f"*{suffix}")
        if ts.name != f"{MAIN_DOMAIN}{suffix}" and (root / "ui" / ts.name[: -len(suffix)]).is_dir()
    }
    domains: dict[str, list[Path]] = {MAIN_DOMAIN: [], **{d: [] for d in sorted(own)}}
    for src in sorted((root / "ui").rglob("*.py")):
        rel = src.relative_to(root)
        pkg = rel.parts[1] if len(rel.parts) > 2 else ""
        domains[pkg if pkg in own else MAIN_DOMAIN].append(rel)
    return domains


class Retranslating:
    """Mixin for a Qt widget that sets its texts again when the language changes (Qt sends
    LanguageChange to every widget when `Translators.switch` installs another translator).
    Put it first: `class Panel(Retranslating, QWidget)`, and implement `retranslate()`."""

    def retranslate(self) -> None:
        """Set every visible text again."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]


class Translators:
    """Owns the translators installed on the application; `switch(lang)` changes language."""

    def __init__(self) -> None:
        self.language = DEFAULT
        self._installed: list[QTranslator] = []

    def switch(self, lang: str) -> str:
        """Install `lang` (replacing the previous one). Returns the language now in use."""
        app = QCoreApplication.instance()
        assert app is not None, "create the QApplication first"
        if lang not in LANGUAGES:
            lang = DEFAULT
        for t in self._installed:  # each removal sends LanguageChange to every widget
            app.removeTranslator(t)
        self._installed = []
        QLocale.setDefault(QLocale(lang if lang != "en" else "en_US"))
        if lang != "en":
            # The shell's file first, then each feature's own file (resources/i18n/*_<lang>.qm).
            main = Path(qm_path(lang))
            others = sorted(p for p in main.parent.glob(f"*_{lang}.qm") if p != main)
            if not main.exists():
                log.warning("no translation file %s; staying in English", main)
            for path in [main, *others]:
                translator = QTranslator(app)
                if translator.load(str(path)):
                    self._installed.append(translator)
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            qtbase = QTranslator(app)
            if qtbase.load(f"qtbase_{lang}", qt_dir):  # Qt's own buttons (OK, Cancel, ...)
                self._installed.append(qtbase)
            for t in self._installed:
                app.installTranslator(t)
        # Qt posts LanguageChange to each window; deliver now so the switch is done on return.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.language = lang
        return lang
