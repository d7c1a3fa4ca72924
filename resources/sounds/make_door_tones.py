"""Regenerate the door's feedback tones (made here, not downloaded):
python resources/sounds/make_door_tones.py

door-ok.wav: a short bright rising pair (welcome); door-already.wav: two equal mid beeps
(look at the screen); door-unknown.wav: a low buzz (stop). Short, so a queue keeps moving."""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22050


def tone(freq: float, seconds: float, volume: float, square: bool = False) -> list[float]:
    n = int(RATE * seconds)
    out = []
    for i in range(n):
        t = i / RATE
        env = min(1.0, t / 0.005, (seconds - t) / 0.02)  # 5 ms attack, 20 ms release: no click
        s = math.sin(2 * math.pi * freq * t)
        if square:  # a softened square: the harmonics make it read as "wrong" without a siren
            s = math.tanh(4 * s)
        out.append(volume * max(0.0, env) * s)
    return out


def silence(seconds: float) -> list[float]:
    return [0.0] * int(RATE * seconds)


def write(path: Path, samples: list[float]) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(b"".join(struct.pack("<h", int(s * 32767)) for s in samples))


if __name__ == "__main__":
    here = Path(__file__).resolve().parent
    write(here / "door-ok.wav", tone(880.0, 0.09, 0.5) + tone(1318.5, 0.16, 0.5))
    write(
        here / "door-already.wav",
        tone(659.25, 0.12, 0.5) + silence(0.06) + tone(659.25, 0.12, 0.5),
    )
    write(here / "door-unknown.wav", tone(196.0, 0.35, 0.35, square=True))
