"""What the Q&A core hands to views: plain frozen dataclasses, safe to pass between threads."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from app.qa.text import clean
from app.qa.wordfilter import Match

STATUSES = ("new", "approved", "featured", "answered", "rejected")
OPEN_FOR_VOTES = ("approved", "featured")
MANUAL_SOURCES = ("chat", "phone", "paper", "other")


# How a chat platform is named on stream (brand names are not translated); others: capitalised.
PLATFORM_NAMES = {
    "bilibili": "Bilibili",
    "youtube": "YouTube",
    "twitch": "Twitch",
    "wechat": "WeChat",
    "douyin": "Douyin",
    "kuaishou": "Kuaishou",
    "tiktok": "TikTok",
    "facebook": "Facebook",
}


def platform_label(platform: str) -> str:
    return PLATFORM_NAMES.get(platform, platform.capitalize())


def on_air_name(name: str, platform: str) -> str:
    """The asker as the stream shows them: a chat question names its platform too
    ("数据库小白 · Bilibili"); a question from the room just the name."""
    if not platform:
        return name
    label = platform_label(platform)
    return f"{name} · {label}" if name else label


@dataclass(frozen=True)
class Question:
    """A question as staff see it (the moderator view, exports). Never send it to the audience:
    it holds the asker's contact, device and address. Use `PublicQuestion` for them."""

    id: int
    text: str  # cleaned and possibly edited: what may be shown
    original_text: str  # exactly as submitted
    name: str
    contact: str  # '' unless the asker consented
    consent: bool
    device_id: str
    address: str
    source: str
    status: str
    held: bool  # matched the word filter; stays "new" until a moderator decides
    starred: bool
    segment_id: int | None
    segment_title: str
    merged_into: int | None
    merged_count: int  # questions merged into this one
    votes: int
    created_at: str
    updated_at: str
    featured_at: str | None
    answered_at: str | None
    matches: tuple[Match, ...] = ()  # word-filter hits in text and name, for highlighting
    platform: str = ""  # a chat question's platform ("bilibili", "youtube"...); '' from the room

    @property
    def edited(self) -> bool:
        """A moderator changed the text (beyond the automatic cleaning)."""
        return self.text != clean(self.original_text)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["matches"] = [m.to_dict() for m in self.matches]
        return d


# The name brief and views use for a row of the moderation queue.
QuestionRow = Question


@dataclass(frozen=True)
class PublicQuestion:
    """A question as the audience sees it: nothing about who asked except the chosen name."""

    id: int
    text: str
    name: str
    status: str  # approved or featured
    votes: int
    voted_by_me: bool
    mine: bool
    created_at: str

    def to_dict(self) -> dict[str, Any]:
        # By hand: asdict() deep-copies and is ~10x slower, and every phone reads 200 of these.
        return {
            "id": self.id,
            "text": self.text,
            "name": self.name,
            "status": self.status,
            "votes": self.votes,
            "voted_by_me": self.voted_by_me,
            "mine": self.mine,
            "created_at": self.created_at,
        }


@dataclass(frozen=True)
class MyQuestion:
    """One of the asker's own questions and what became of it. `state` is the status, or
    "merged" when a moderator folded it into `merged_into` (a duplicate)."""

    id: int
    text: str
    state: str
    votes: int
    merged_into: int | None
    created_at: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class VoteResult:
    question_id: int  # the question that holds the vote (a merged one's target)
    votes: int  # its count after this call
    counted: bool  # this call changed the count (False: the device had already voted)
    voted: bool  # the device's vote is now on the question

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class FeatureLogEntry:
    question_id: int | None
    text: str
    name: str
    shown_at: str
    cleared_at: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
