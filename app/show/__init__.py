"""Run-of-show: segments, the show clock, schedule offset, speaker messages."""
