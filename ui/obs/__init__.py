"""Desktop OBS control (issue 5): the connection dialog and status chip, the OBS panel.

link = ObsLink(obs_worker, bridge)        # Qt signals + status text over app.obs.worker
chip = ObsChip(link)                      # status bar: "OBS: Connected", coloured
panel = ObsPanel(link, bridge)            # scenes, studio mode, stream/record, health, setup
ObsConnectionDialog(load_connection())    # host/port/password, per-user settings
"""

from ui.obs.automation_box import AutomationBox
from ui.obs.connection import (
    ObsConnection,
    ObsConnectionDialog,
    load_connection,
    save_connection,
)
from ui.obs.feature import ObsFeature, install
from ui.obs.link import ObsChip, ObsLink, status_text
from ui.obs.outputs import OutputsBox
from ui.obs.panel import ObsPanel

__all__ = [
    "AutomationBox",
    "ObsFeature",
    "ObsChip",
    "ObsConnection",
    "ObsConnectionDialog",
    "ObsLink",
    "ObsPanel",
    "OutputsBox",
    "install",
    "load_connection",
    "save_connection",
    "status_text",
]
