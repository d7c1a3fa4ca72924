"""Regenerate every WAV here (made here, not downloaded): python resources/sounds/make_sounds.py

The chime (sine partials with an exponential decay: gentle enough for a room, clear through a PA):
warning.wav: two soft bell tones going up; zero.wav: three tones going down, a little longer.

The door's feedback tones, short so a queue keeps moving: door-ok.wav: a short bright rising pair
(welcome); door-already.wav: two equal mid beeps (look at the screen); door-unknown.wav: a low
buzz (stop)."""

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


def bells(notes: list[tuple[float, float]], volume: float = 0.5) -> list[float]:
    samples: list[float] = []
    for freq, seconds in notes:
        samples += bell(freq, seconds, volume)
    return samples


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
    """16-bit mono PCM at RATE."""
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(b"".join(struct.pack("<h", int(s * 32767)) for s in samples))


def main(here: Path) -> None:
    write(here / "warning.wav", bells([(659.25, 0.35), (880.0, 0.6)]))
    write(here / "zero.wav", bells([(880.0, 0.3), (659.25, 0.3), (523.25, 0.8)]))
    write(here / "door-ok.wav", tone(880.0, 0.09, 0.5) + tone(1318.5, 0.16, 0.5))
    write(
        here / "door-already.wav",
        tone(659.25, 0.12, 0.5) + silence(0.06) + tone(659.25, 0.12, 0.5),
    )
    write(here / "door-unknown.wav", tone(196.0, 0.35, 0.35, square=True))


if __name__ == "__main__":
    main(Path(__file__).resolve().parent)
