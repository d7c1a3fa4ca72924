"""The lower third as the `/overlay/lower-third` browser source shows it: the same lines and the
same timing as the OBS text sources (app.obs.automation.cue_for), worked out from the show
state, so a reloaded page, a restarted Showday or a second OBS shows the same thing.

The text sources are shown when the show moves onto a segment and hidden `show_seconds` later
(0: left as they are, so for the whole segment); nothing is shown when the lower-third
automation is off or the segment has no lines.
"""

from __future__ import annotations

from typing import Any

from app.obs.automation import AutomationSettings, cue_for


def lower_third(
    state: dict[str, Any], segment: dict[str, Any] | None, settings: AutomationSettings
) -> dict[str, Any]:
    """{"segment_id", "name", "title", "shown_from", "shown_until", "computed_at"}: Unix
    seconds; `shown_until` None means for as long as the segment is on; `shown_from` None
    means nothing to show. A page compares them with `computed_at`, not its own clock."""
    out: dict[str, Any] = {
        "segment_id": None,
        "name": "",
        "title": "",
        "shown_from": None,
        "shown_until": None,
        "computed_at": state.get("computed_at"),
    }
    entered = state.get("segment_entered_at")
    on_air = state.get("status") in ("running", "paused")
    if not on_air or segment is None or entered is None or not settings.lower_third:
        return out
    cue = cue_for(segment, settings)
    if cue is None or not (cue.name or cue.title):
        return out
    out.update(segment_id=segment.get("id"), name=cue.name, title=cue.title, shown_from=entered)
    if cue.show_seconds > 0:
        out["shown_until"] = round(float(entered) + cue.show_seconds, 3)
    return out
