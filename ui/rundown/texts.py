"""The core's refusals of a segment edit or a rundown row, re-said in the user's language.

app.show.segments / editing / rundown write their reasons in English (for logs and the command
line). The shapes known here are re-said by ui.reasons; an unknown one is shown as it came.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui.reasons import Reasons

CTX = "RundownReasons"
PATTERNS = [
    (
        r"^the title is empty$",
        QT_TRANSLATE_NOOP("RundownReasons", "the title is empty"),
    ),
    (
        r"^(duration|warning|danger) is empty$",
        QT_TRANSLATE_NOOP("RundownReasons", "%1 is empty"),
    ),
    (
        r"^(duration|warning|danger) ('.*') is not a duration.*$",
        QT_TRANSLATE_NOOP(
            "RundownReasons", "%1 %2 is not a duration (minutes, m:ss or h:mm:ss, e.g. 25 or 2:30)"
        ),
    ),
    (
        r"^(duration|warning|danger) ('.*') cannot be negative$",
        QT_TRANSLATE_NOOP("RundownReasons", "%1 %2 cannot be negative"),
    ),
    (
        r"^hard start ('.*') is not a (?:time|date).*$",
        QT_TRANSLATE_NOOP(
            "RundownReasons", "hard start %1 is not a time like 14:30 or 2026-12-06 14:30"
        ),
    ),
    (
        r"^the danger threshold comes after the warning.*$",
        QT_TRANSLATE_NOOP(
            "RundownReasons", "the danger threshold must not be longer than the warning"
        ),
    ),
    (
        r"^colour ('.*') is not a colour.*$",
        QT_TRANSLATE_NOOP("RundownReasons", "colour %1 is not a colour like #e53935 or red"),
    ),
    (
        r"^timer ('.*') is not one of.*$",
        QT_TRANSLATE_NOOP(
            "RundownReasons", "timer %1 is not one of: count down, count up, time of day, no timer"
        ),
    ),
    (
        r"^this segment is on air.*$",
        QT_TRANSLATE_NOOP(
            "RundownReasons", "this segment is on air: move to another segment before deleting it"
        ),
    ),
    (
        r"^segment \d+ does not exist.*$",
        QT_TRANSLATE_NOOP("RundownReasons", "this segment was deleted meanwhile"),
    ),
    (
        r"^duration is missing.*$",
        QT_TRANSLATE_NOOP("RundownReasons", "no column holds the duration"),
    ),
    (
        r"^unknown OBS scene ('.*') \(OBS has: (.*)\)$",
        QT_TRANSLATE_NOOP("RundownReasons", "OBS has no scene %1 (it has: %2)"),
    ),
    (
        r"^no segments below the header row$",
        QT_TRANSLATE_NOOP("RundownReasons", "no segments below the header row"),
    ),
    (
        r"^The show is running: end it.*$",
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


REASONS = Reasons(CTX, PATTERNS, WORDS, several=True)


def reason_text(reason: str) -> str:
    """One reason (several may be joined with '; ' in a rundown row)."""
    return REASONS.text(reason)


def error_text(err: BaseException) -> str:
    return reason_text(str(err))
