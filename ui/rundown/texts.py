"""The core's refusals of a segment edit or a rundown row, re-said in the user's language.

app.show.segments / editing / rundown write their reasons in English (for logs and the command
line). Each known shape is matched here and translated; an unknown one is shown as it came.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

CTX = "RundownReasons"
PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"^the title is empty$"),
        QT_TRANSLATE_NOOP("RundownReasons", "the title is empty"),
    ),
    (
        re.compile(r"^(duration|warning|danger) is empty$"),
        QT_TRANSLATE_NOOP("RundownReasons", "%1 is empty"),
    ),
    (
        re.compile(r"^(duration|warning|danger) ('.*') is not a duration.*$"),
        QT_TRANSLATE_NOOP(
            "RundownReasons", "%1 %2 is not a duration (minutes, m:ss or h:mm:ss, e.g. 25 or 2:30)"
        ),
    ),
    (
        re.compile(r"^(duration|warning|danger) ('.*') cannot be negative$"),
        QT_TRANSLATE_NOOP("RundownReasons", "%1 %2 cannot be negative"),
    ),
    (
        re.compile(r"^hard start ('.*') is not a (?:time|date).*$"),
        QT_TRANSLATE_NOOP(
            "RundownReasons", "hard start %1 is not a time like 14:30 or 2026-12-06 14:30"
        ),
    ),
    (
        re.compile(r"^the danger threshold comes after the warning.*$"),
        QT_TRANSLATE_NOOP(
            "RundownReasons", "the danger threshold must not be longer than the warning"
        ),
    ),
    (
        re.compile(r"^colour ('.*') is not a colour.*$"),
        QT_TRANSLATE_NOOP("RundownReasons", "colour %1 is not a colour like #e53935 or red"),
    ),
    (
        re.compile(r"^timer ('.*') is not one of.*$"),
        QT_TRANSLATE_NOOP(
            "RundownReasons", "timer %1 is not one of: count down, count up, time of day, no timer"
        ),
    ),
    (
        re.compile(r"^this segment is on air.*$"),
        QT_TRANSLATE_NOOP(
            "RundownReasons", "this segment is on air: move to another segment before deleting it"
        ),
    ),
    (
        re.compile(r"^segment \d+ does not exist.*$"),
        QT_TRANSLATE_NOOP("RundownReasons", "this segment was deleted meanwhile"),
    ),
    (
        re.compile(r"^duration is missing.*$"),
        QT_TRANSLATE_NOOP("RundownReasons", "no column holds the duration"),
    ),
    (
        re.compile(r"^unknown OBS scene ('.*') \(OBS has: (.*)\)$"),
        QT_TRANSLATE_NOOP("RundownReasons", "OBS has no scene %1 (it has: %2)"),
    ),
    (
        re.compile(r"^no segments below the header row$"),
        QT_TRANSLATE_NOOP("RundownReasons", "no segments below the header row"),
    ),
    (
        re.compile(r"^The show is running: end it.*$"),
        QT_TRANSLATE_NOOP(
            "RundownReasons",
            "The show is running: end it, or append, before replacing the rundown.",
        ),
    ),
]
WORDS = {
    "duration": QT_TRANSLATE_NOOP("RundownReasons", "duration"),
    "warning": QT_TRANSLATE_NOOP("RundownReasons", "warning"),
    "danger": QT_TRANSLATE_NOOP("RundownReasons", "danger"),
}


def reason_text(reason: str) -> str:
    """One reason (several may be joined with '; ' in a rundown row)."""
    parts = [p.strip() for p in reason.split("; ")]
    return "；".join(_one(p) for p in parts) if _zh() else "; ".join(_one(p) for p in parts)


def _zh() -> bool:
    return QLocale().name().startswith("zh")


def _one(reason: str) -> str:
    for pattern, source in PATTERNS:
        m = pattern.match(reason)
        if m:
            groups = [QCoreApplication.translate(CTX, WORDS.get(g, g)) for g in m.groups()]
            text = QCoreApplication.translate(CTX, source)
            return re.sub(r"%(\d)", lambda g, gs=groups: gs[int(g.group(1)) - 1], text)
    return reason


def error_text(err: BaseException) -> str:
    return reason_text(str(err))
