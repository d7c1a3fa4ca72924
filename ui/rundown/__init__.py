"""The rundown editor (Setup › Rundown): segments typed, reordered, skipped, imported and
exported, with undo. See ui.rundown.editor.

Driving it from a test (real widgets, real event file):

    setup = window.views["setup"]
    setup.show_section("Rundown")                # or click its entry in setup.section_list
    editor = window.findChild(RundownEditor)     # objectName "rundownEditor"
    editor.table                                 # QTableView "rundownTable"; give it focus
    # keys (QActions on the editor, WidgetWithChildrenShortcut; objectNames "rundown-<name>"):
    #   Ctrl+Return add (opens the new title cell), Tab / Return leave a cell and commit it,
    #   Alt+Up / Alt+Down move, Ctrl+D duplicate, Delete, Ctrl+K skip, Ctrl+Z / Ctrl+Shift+Z
    editor.select(row, "title")                  # current cell (row 0-based, a field name)
    editor.add_segment(title="Keynote", duration_s=1800)   # the same as Ctrl+Return, typed
    editor.move_selected(-1); editor.toggle_skip(); editor.undo_stack.undo()
    dialog = editor.open_import(path)            # the mapping dialog, reading `path` at once:
    #   dialog.plans (count), dialog.set_mapping(field, header), dialog.set_mode("append" |
    #   "replace"), dialog.import_button (objectName "importButton"), signal dialog.imported
    editor.titles()                              # what the table shows, in order
    # Every edit runs on window.worker: wait with qtbot.waitUntil(lambda: not worker.busy)
    # after QApplication.processEvents() (a cell left with Return commits by a queued call).
    # editor.committed fires after each committed edit; editor.failed(text) on a refusal.
    # tests/ui/rundown/drive.py has the helpers: idle, add_by_keyboard (Ctrl+Return, type the
    # title, Tab, the speaker, Tab, the minutes, Return), type_into_cell, drag_handle.
"""

from ui.rundown.editor import RundownEditor

__all__ = ["RundownEditor"]
