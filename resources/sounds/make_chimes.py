"""Regenerate the chime WAVs (made here, not downloaded): python resources/sounds/make_chimes.py

warning.wav: two soft bell tones going up; zero.wav: three tones going down, a little longer.
Sine partials with an exponential decay: gentle enough for a room, clear through a PA."""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22050


def bell(freq: float, seconds: float, volume: float) -> list[float]:
    n = int(RATE * seconds)
    out = []
    for i in range(n):
        t = i / RATE
        env = math.exp(-4.0 * t / seconds) * min(1.0, t / 0.005)  # 5 ms attack, no click
        tone = math.sin(2 * math.pi * freq * t) + 0.35 * math.sin(2 * math.pi * 2.01 * freq * t)
        out.append(volume * env * tone / 1.35)
    return out


def write(path: Path, notes: list[tuple[float, float]], volume: float = 0.5) -> None:
    samples: list[float] = []
    for freq, seconds in notes:
        samples += bell(freq, seconds, volume)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(b"".join(struct.pack("<h", int(s * 32767)) for s in samples))


if __name__ == "__main__":
    here = Path(__file__).resolve().parent
    write(here / "warning.wav", [(659.25, 0.35), (880.0, 0.6)])
    write(here / "zero.wav", [(880.0, 0.3), (659.25, 0.3), (523.25, 0.8)])
