"""The core's reasons (English, for logs and the command line) re-said in the user's language.

app.show and app.guests write why a row or an edit was refused in English. A feature lists the
shapes it knows, each a regular expression and its English source marked with
QT_TRANSLATE_NOOP in the feature's own translation context (so lupdate files it in the
feature's domain); `Reasons.text` matches a reason against them and translates it, putting the
matched values in for %1, %2, ... An unknown shape is shown as it came.

    ROWS = Reasons("RundownReasons", [(r"^the title is empty$", QT_TRANSLATE_NOOP(...)), ...])
    label.setText(ROWS.text(str(err)))
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication, QLocale


class Reasons:
    """The known reason shapes of one translation context.

    `words`: matched values that are themselves words to translate (e.g. "duration"); any other
    value (a cell, a name) goes in as it is. `several`: a reason may be several joined with
    "; " (a rundown row), each matched on its own and joined again in the language's way.
    """

    def __init__(
        self,
        context: str,
        patterns: Sequence[tuple[str, str]],
        words: Mapping[str, str] | None = None,
        several: bool = False,
    ) -> None:
        self.context = context
        self.patterns = [(re.compile(pattern), source) for pattern, source in patterns]
        self.words = dict(words or {})
        self.several = several

    def text(self, reason: str) -> str:
        if not self.several:
            return self._one(reason)
        parts = [self._one(p.strip()) for p in reason.split("; ")]
        return ("；" if QLocale().name().startswith("zh") else "; ").join(parts)

    def _one(self, reason: str) -> str:
        for pattern, source in self.patterns:
            m = pattern.match(reason)
            if m:
                values = [
                    QCoreApplication.translate(self.context, self.words[g])
                    if g in self.words
                    else g or ""
                    for g in m.groups()
                ]
                return _fill(QCoreApplication.translate(self.context, source), values)
        return reason


def _fill(text: str, values: list[str]) -> str:
    """%1, %2, ... in `text` by `values`, in one pass: a value holding "%2" stays as it is."""
    return re.sub(r"%(\d)", lambda g: values[int(g.group(1)) - 1], text)
