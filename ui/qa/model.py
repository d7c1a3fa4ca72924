"""The moderation queue as a list model, and a delegate that draws each question as plain text.

User text never goes near rich text: the delegate lays it out with QTextLayout (which takes a
plain string; markup stays characters) and marks word-filter hits with format ranges.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.qa import Question, platform_label
from app.timeutil import hhmm

Index = QModelIndex | QPersistentModelIndex
QUESTION_ROLE = Qt.ItemDataRole.UserRole + 1
PAD = 10
MAX_LINES = 2  # in the list; the detail pane under it shows the whole question
HIT_BG = QColor("#6b5412")
HELD_BAR = QColor("#f2b632")
STAR = QColor("#f2b632")
DIM = QColor("#a3abba")
# Platform badges on chat questions: each platform's own colour, so the moderator sees at a
# glance where a question came from (others grey).
BADGE = {
    "bilibili": QColor("#fb7299"),
    "youtube": QColor("#e62117"),
    "twitch": QColor("#9146ff"),
    "wechat": QColor("#07c160"),
    "douyin": QColor("#161823"),
}
BADGE_OTHER = QColor("#5b6476")


def _utf16(text: str, index: int) -> int:
    """Qt counts UTF-16 units, Python code points: an emoji before a match shifts it."""
    return len(text[:index].encode("utf-16-le")) // 2


class QuestionsModel(QAbstractListModel):
    """Rows are `app.qa.Question`s. DisplayRole is the question text exactly as stored.

    A queue can hold thousands of questions: the view gets them PAGE at a time (Qt's
    canFetchMore / fetchMore, asked as the list scrolls down), so a reload lays out only what
    was already visible rather than every row on the GUI thread."""

    PAGE = 200

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Question] = []
        self._shown = 0
        self.more_in_file = False
        self.need_more: Callable[[], None] | None = None

    def set_rows(
        self, rows: list[Question], keep_id: int | None = None, *, more_in_file: bool = False
    ) -> None:
        """`more_in_file`: the queue holds more than `rows` (a window was read); scrolling
        past the end then calls `need_more`."""
        self.more_in_file = more_in_file
        self.beginResetModel()
        self._rows = list(rows)
        want = max(self.PAGE, self._shown)
        if keep_id is not None:
            at = next((i for i, q in enumerate(self._rows) if q.id == keep_id), -1)
            want = max(want, at + 1)
        self._shown = min(len(self._rows), want)
        self.endResetModel()

    @property
    def total(self) -> int:
        return len(self._rows)

    def question(self, row: int) -> Question | None:
        return self._rows[row] if 0 <= row < self._shown else None

    def row_of(self, question_id: int) -> int:
        return next((i for i, q in enumerate(self._rows[: self._shown]) if q.id == question_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else self._shown

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and (self._shown < len(self._rows) or self.more_in_file)

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        if self._shown >= len(self._rows):
            if self.more_in_file and self.need_more is not None:
                self.more_in_file = False  # once per window; the reload sets it again
                self.need_more()
            return
        new = min(len(self._rows), self._shown + self.PAGE)
        if new > self._shown:
            self.beginInsertRows(QModelIndex(), self._shown, new - 1)
            self._shown = new
            self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._shown:
            return None
        q = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return q.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return None  # tooltips would be rich text if they looked like HTML
        if role == QUESTION_ROLE:
            return q
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{q.text} — {q.name}" if q.name else q.text
        return None


def meta_line(q: Question) -> str:
    """Name, votes, time, source, merges and held words: the dim second line of a row."""
    translate = QCoreApplication.translate
    parts = [q.name or translate("QuestionDelegate", "Anonymous")]
    parts.append(f"▲ {q.votes}")  # votes: the same arrow as the audience's vote button
    parts.append(hhmm(q.created_at) if q.created_at else "")
    if q.source != "web" and not q.platform:  # a chat question shows its platform's badge
        parts.append(translate("QuestionDelegate", "via %1").replace("%1", source_name(q.source)))
    if q.merged_count:
        parts.append(translate("QuestionDelegate", "+%1 merged").replace("%1", str(q.merged_count)))
    if q.held:
        words = ", ".join(dict.fromkeys(m.word for m in q.matches))
        parts.append(translate("QuestionDelegate", "held: %1").replace("%1", words))
    return "  ·  ".join(p for p in parts if p)


SOURCES = {
    "chat": QT_TRANSLATE_NOOP("QuestionDelegate", "chat"),
    "phone": QT_TRANSLATE_NOOP("QuestionDelegate", "phone"),
    "paper": QT_TRANSLATE_NOOP("QuestionDelegate", "paper"),
    "other": QT_TRANSLATE_NOOP("QuestionDelegate", "other"),
    "web": QT_TRANSLATE_NOOP("QuestionDelegate", "web"),
}


def source_name(source: str) -> str:
    if source not in SOURCES:
        return source
    return QCoreApplication.translate("QuestionDelegate", SOURCES[source])


def text_layout(q: Question, font: QFont, width: int) -> QTextLayout:
    """The question laid out as plain text in `width` pixels, word-filter hits marked."""
    layout = QTextLayout(q.text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    ranges = []
    for m in q.matches:
        if m.field != "text":
            continue
        r = QTextLayout.FormatRange()
        r.start = _utf16(q.text, m.start)
        r.length = _utf16(q.text, m.end) - r.start
        fmt = QTextCharFormat()
        fmt.setBackground(HIT_BG)
        fmt.setFontUnderline(True)
        r.format = fmt
        ranges.append(r)
    layout.setFormats(ranges)
    layout.beginLayout()
    y = 0.0
    lines = 0
    while lines < MAX_LINES:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, y))
        y += line.height()
        lines += 1
    layout.endLayout()
    return layout


class QuestionDelegate(QStyledItemDelegate):
    """Two lines per question: the text (wrapped, up to MAX_LINES) and a dim line with name,
    votes, time, source and held words. A star and a held bar on the left edge."""

    def _text_font(self, option: QStyleOptionViewItem) -> QFont:
        f = QFont(option.font)
        f.setPointSizeF(f.pointSizeF() * 1.15)
        return f

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        # One height for every row (the view uses uniform sizes): a hall's worth of questions
        # costs no per-row text layout, whatever the count.
        text = QFontMetrics(self._text_font(option)).lineSpacing() * MAX_LINES
        meta = QFontMetrics(option.font).height()
        return QSize(max(200, option.rect.width()), text + meta + 3 * PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        q = index.data(QUESTION_ROLE)
        if q is None:
            return
        painter.save()
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # the style draws the background and focus only; the text is ours
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect: QRect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if q.held:
            painter.fillRect(QRect(rect.left(), rect.top() + 2, 4, rect.height() - 4), HELD_BAR)
        left = rect.left() + PAD + 8
        if q.starred:
            painter.setPen(STAR)
            painter.drawText(
                QRect(rect.left() + 4, rect.top() + PAD, 14, 20), Qt.AlignmentFlag.AlignLeft, "★"
            )
        text_color = option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        painter.setPen(text_color)
        layout = text_layout(q, self._text_font(option), rect.width() - 2 * PAD - 16)
        painter.setClipRect(rect)
        layout.draw(painter, QPointF(left, rect.top() + PAD))
        text_h = QFontMetrics(self._text_font(option)).lineSpacing() * MAX_LINES
        y = rect.top() + PAD + text_h + PAD // 2
        painter.setPen(text_color if selected else DIM)
        painter.setFont(option.font)
        fm = QFontMetrics(option.font)
        if q.platform:
            left += self._badge(painter, q.platform, left, y, fm) + 8
        meta = fm.elidedText(meta_line(q), Qt.TextElideMode.ElideRight, rect.right() - PAD - left)
        # drawText with a plain string and no Qt.TextFormat: QPainter never parses markup.
        painter.drawText(QRect(left, y, rect.right() - PAD - left, fm.height()), 0, meta)
        painter.restore()

    def _badge(self, painter: QPainter, platform: str, x: int, y: int, fm: QFontMetrics) -> int:
        """A rounded platform badge at (x, y); returns its width."""
        label = platform_label(platform)
        w = fm.horizontalAdvance(label) + 12
        box = QRect(x, y, w, fm.height())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BADGE.get(platform, BADGE_OTHER))
        painter.drawRoundedRect(box, 4, 4)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
        painter.restore()
        return w
