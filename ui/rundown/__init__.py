"""The rundown editor (Setup › Rundown): segments typed, reordered, skipped, imported and
exported, with undo. See ui.rundown.editor."""

from ui.rundown.editor import RundownEditor, section_title

__all__ = ["RundownEditor", "section_title"]
