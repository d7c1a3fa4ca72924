"""The desktop side of the station server: the "Open to LAN" dialog, the stations list for Setup
and the pairing QR code. Each is a self-contained widget over an `app.lan.server.LanController`.

    dialog = LanDialog(controller, parent=window)          # status bar chip / menu: Open to LAN
    setup.add_section(lambda: stations.tr("Stations"), StationsWidget(controller, parent=setup))
"""

from ui.lan.dialog import LanDialog
from ui.lan.feature import LanFeature, install
from ui.lan.qr import PairingDialog, QrWidget
from ui.lan.stations import StationsWidget

__all__ = ["LanDialog", "LanFeature", "PairingDialog", "QrWidget", "StationsWidget", "install"]
