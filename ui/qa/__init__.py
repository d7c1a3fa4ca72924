"""Desktop Q&A: the moderator panel and its dialogs.

panel = ModeratorPanel(session, bridge, worker)
"""

from ui.qa.dialogs import ManualEntryDialog, TextDialog, edit_dialog, word_filter_dialog
from ui.qa.model import QuestionDelegate, QuestionsModel
from ui.qa.panel import ModeratorPanel

__all__ = [
    "ManualEntryDialog",
    "ModeratorPanel",
    "QuestionDelegate",
    "QuestionsModel",
    "TextDialog",
    "edit_dialog",
    "word_filter_dialog",
]
