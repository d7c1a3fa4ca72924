"""The door (issue 6): the desktop check-in panel, the walk-in form, the guest import dialog
and the Setup guest table.

DoorPanel(session, bridge, worker, station=None)   search, scan, check in, undo, walk-ins
GuestImportDialog(session, worker, path=None)      file -> mapping -> preview -> import
GuestTable(session, bridge, worker)                Setup: edit, filter, export, QR, invitation
ListsEditor(session, bridge, worker)               Setup: check-in lists (who may enter each)
"""

from ui.door.feedback import DoorSounds, FeedbackBanner
from ui.door.guest_table import GuestTable
from ui.door.import_dialog import GuestImportDialog
from ui.door.lists_setup import ListsEditor
from ui.door.panel import DoorPanel
from ui.door.walkin_dialog import WalkInDialog

__all__ = [
    "DoorPanel",
    "DoorSounds",
    "FeedbackBanner",
    "GuestImportDialog",
    "GuestTable",
    "ListsEditor",
    "WalkInDialog",
]
