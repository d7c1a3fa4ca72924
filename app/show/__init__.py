"""Run-of-show: segments, the show clock, schedule offset, speaker messages.

Segments(ef, bus)            list/add/duplicate/update/delete/restore/move/set_skip
                                                                      (segments.py)
edit_cell, speaker_names     what the rundown editor types, as edits  (editing.py)
rundown_rows(ef)             segments with planned/actual starts      (plan.py)
ShowControl(ef, bus)         start/next/previous/goto/pause/resume/add_time/end/message
                             and state(): the ShowState now           (control.py)
compute_state(rows, segs, now) -> ShowState, a pure function          (clock.py)
time_to_display, delay_to_next_change                                 (display.py)
import_rundown, export_rundown, parse_rundown, plan_rundown, apply_rundown (rundown.py)
actual_times(ef)             planned vs actual per segment, for the report
"""

from app.show.clock import ShowState, compute_state, repaint_delay
from app.show.control import ShowControl, ShowError, actual_times, saved_messages
from app.show.display import delay_to_next_change, time_to_display
from app.show.segments import Segment, SegmentError, Segments, list_segments

__all__ = [
    "Segment",
    "SegmentError",
    "Segments",
    "ShowControl",
    "ShowError",
    "ShowState",
    "actual_times",
    "compute_state",
    "delay_to_next_change",
    "list_segments",
    "repaint_delay",
    "saved_messages",
    "time_to_display",
]
