""" "Set up OBS for me", first as a list: what it will create in OBS for this rundown, before it
touches anything (app.obs.setup.plan). Accepting runs the setup; Cancel changes nothing."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from app.obs.setup import SetupPlan
from ui.i18n import Retranslating
from ui.views.widgets import plain_label


class SetupPlanDialog(Retranslating, QDialog):
    """Shows a SetupPlan; `accepted` means: go ahead."""

    def __init__(self, plan: SetupPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("obsSetupPlan")
        self.plan = plan
        self.intro = plain_label("", "hint")
        self.intro.setWordWrap(True)
        self.body = plain_label("")
        self.body.setObjectName("setupPlanText")
        self.body.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.body)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.retranslate()

    def lines(self) -> list[str]:
        p = self.plan
        out: list[str] = []
        sources = self.tr("the lower-third and question text sources and the overlay pages")
        if p.create_overlay_scene:
            out.append(
                self.tr("• Create the scene “{scene}” with {sources}.").format(
                    scene=p.overlay_scene, sources=sources
                )
            )
        else:
            out.append(
                self.tr("• Check “{scene}” and repair {sources} where needed.").format(
                    scene=p.overlay_scene, sources=sources
                )
            )
        if p.create_scenes:
            out.append(
                self.tr("• Create the scenes your rundown names that OBS lacks: {names}.").format(
                    names=self._names(p.create_scenes)
                )
            )
        if p.nest_in:
            out.append(
                self.tr("• Put “{scene}” on top of every scene the rundown uses: {names}.").format(
                    scene=p.overlay_scene, names=self._names(p.nest_in)
                )
            )
        else:
            out.append(self.tr("• The rundown names no OBS scene yet: no scene gets the overlays."))
        out.append(self.tr("Nothing that is already in OBS is removed or renamed."))
        return out

    def _names(self, names: tuple[str, ...]) -> str:
        return self.tr(", ").join(f"“{n}”" for n in names)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Set up OBS for me"))
        self.intro.setText(self.tr("Showday will make these changes in OBS:"))
        self.body.setText("\n".join(self.lines()))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Set Up OBS"))
