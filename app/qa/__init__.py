"""Audience questions: submit, vote, moderate, feature.

The engine under the moderator view, the /ask and /moderate pages and the question overlay.
Every action takes (EventFile, Bus), runs one transaction and publishes QuestionChanged /
QuestionFeatured after the commit. Refusals are `QaError(code, message, **details)`; pages
translate `code` (empty, too_long, name_too_long, contact_too_long, rate_limited, blocked,
not_found, not_open, bad_status, bad_device, bad_source, bad_segment, bad_request).

- Audience: submit, vote, unvote, public_list (approved + on air, nothing private), mine.
- Moderator: queue, counts, get, featured, approve, reject, edit, star/unstar, merge,
  assign_segment, feature, clear_featured, answer, add_manual, block_device/unblock_device/
  blocked_askers (app.qa.blocks),
  feature_history, export_questions; options via load_settings / update_settings and the word
  list via words_text / set_words_text.
- Show engine: on_segment_changed(ef, bus) after every segment change.

Text is cleaned (bidi controls and invisible characters removed, see app.qa.text) into `text`;
`original_text` keeps the submission. Neither is escaped: every page and view shows them as
plain text. `Question` (staff) carries contact, device and address; `PublicQuestion` does not.
"""

from app.qa.blocks import (
    BlockedAsker,
    address_blocked,
    block_device,
    blocked_askers,
    blocked_devices,
    unblock_device,
)
from app.qa.errors import QaError
from app.qa.export import export_questions
from app.qa.models import (
    MANUAL_SOURCES,
    STATUSES,
    FeatureLogEntry,
    MyQuestion,
    PublicQuestion,
    Question,
    QuestionRow,
    VoteResult,
    on_air_name,
    platform_label,
)
from app.qa.moderation import (
    add_manual,
    answer,
    approve,
    assign_segment,
    clear_featured,
    crowded_addresses,
    edit,
    feature,
    feature_history,
    merge,
    on_segment_changed,
    reject,
    star,
    unstar,
)
from app.qa.questions import (
    counts,
    device_votes,
    featured,
    get,
    mine,
    personal,
    public_list,
    public_rows,
    queue,
    submit,
    unvote,
    vote,
)
from app.qa.ratelimit import DEFAULT_LIMITS, Decision, RateLimiter, SubmitLimits
from app.qa.settings import QaSettings, set_words_text, words_text
from app.qa.settings import load as load_settings
from app.qa.settings import update as update_settings
from app.qa.wordfilter import Match, WordFilter

__all__ = [
    "DEFAULT_LIMITS",
    "MANUAL_SOURCES",
    "STATUSES",
    "Decision",
    "FeatureLogEntry",
    "Match",
    "MyQuestion",
    "PublicQuestion",
    "QaError",
    "QaSettings",
    "Question",
    "QuestionRow",
    "RateLimiter",
    "SubmitLimits",
    "VoteResult",
    "WordFilter",
    "add_manual",
    "answer",
    "approve",
    "assign_segment",
    "address_blocked",
    "block_device",
    "device_votes",
    "personal",
    "public_rows",
    "crowded_addresses",
    "blocked_devices",
    "blocked_askers",
    "BlockedAsker",
    "clear_featured",
    "counts",
    "edit",
    "export_questions",
    "feature",
    "feature_history",
    "featured",
    "get",
    "load_settings",
    "merge",
    "mine",
    "on_air_name",
    "on_segment_changed",
    "platform_label",
    "public_list",
    "queue",
    "reject",
    "set_words_text",
    "star",
    "submit",
    "unblock_device",
    "unstar",
    "unvote",
    "update_settings",
    "vote",
    "words_text",
]
