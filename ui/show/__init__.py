"""The operator's show panel, the stage display window and the chime (issue 4, run-of-show).

ShowPanel(session, bridge, worker)   the operator's controls, big timer, rundown and messages
StageWindow(bridge, clock)           the frameless full-screen stage display
SHORTCUTS                            (key, description) pairs for the Help dialog
"""

from ui.show.keys import SHORTCUTS
from ui.show.panel import ShowPanel
from ui.show.stage_window import StageWindow

__all__ = ["SHORTCUTS", "ShowPanel", "StageWindow"]
