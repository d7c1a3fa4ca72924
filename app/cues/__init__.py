"""Cue automation per segment: triggers (on start, T-x seconds before the planned end, at
overtime, at end) that fire actions (OBS scene/source/text/lower third, stage message, chime,
HTTP request, OSC message, advance to the next segment), exactly once per segment run, each
logged with its result in the cue log; and OSC in (/showday/next, ...) for Ontime/Companion.

    store.add_trigger(ef, segment_id, "before_end", "http", {...}, offset_s=10)
    engine = CueEngine(session.core_ef, session.show, session.bus, actions)   # Session owns it
    engine.poll()          # fire what is due now (a ticker thread calls it; tests call it)

Exactly once: `engine` claims (run, trigger) in the event file *before* it fires (a row in
`cue_fired`, committed), so a kill -9 after the action went out and before its log entry does
not fire it again after the restart. The cost is the opposite risk: a kill between the claim
and the send loses that one action (the log shows it claimed with no result).

The OBS automation of app.obs.automation (scene + lower third when the segment changes) stays
as it is; these triggers add to it.
"""

from app.cues.store import ACTIONS, TRIGGERS, CueError

__all__ = ["ACTIONS", "TRIGGERS", "CueError"]
