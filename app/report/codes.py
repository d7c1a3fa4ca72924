"""Fixed codes the app itself stores, and what the report calls them. No Qt.

A guest's channel comes from the guest list and is shown verbatim, except the one the app writes
for walk-ins (`app.guests.walkin.WALK_IN_CHANNEL`); roles, segment and question statuses and OBS
incident kinds are codes too. The exports are bilingual ("现场登记 Walk-in", like their headers);
the desktop view and the PDF translate the English wording through Qt (ui/report/codes.py holds
the same English texts for lupdate, and a test keeps the two in step).

    bilingual(CHANNELS, "walk-in")  -> "现场登记 Walk-in"
    bilingual(CHANNELS, "微信")      -> "微信" (guest data: as it is)
"""

from __future__ import annotations

from app.guests.walkin import WALK_IN_CHANNEL

Labels = dict[str, tuple[str, str]]  # code -> (zh, en)

CHANNELS: Labels = {WALK_IN_CHANNEL: ("现场登记", "Walk-in")}
NO_CHANNEL = ("（无渠道）", "(none)")

ROLES: Labels = {
    "guest": ("嘉宾", "Guest"),
    "speaker": ("讲者", "Speaker"),
    "vip": ("VIP", "VIP"),
    "staff": ("工作人员", "Staff"),
}

SEGMENT_STATUSES: Labels = {
    "done": ("已完成", "Done"),
    "on_air": ("进行中", "On air"),
    "skipped": ("已跳过", "Skipped"),
    "not_run": ("未进行", "Not run"),
}

QUESTION_STATUSES: Labels = {
    "new": ("待审核", "New"),
    "approved": ("已通过", "Approved"),
    "featured": ("上屏中", "On air"),
    "answered": ("已回答", "Answered"),
    "rejected": ("已拒绝", "Rejected"),
}

# app.obs.worker writes disconnect/reconnect/warning and a final status (wrong_password, kicked,
# too_old); the OBS recovery writes restore when OBS is back after a crash.
INCIDENT_KINDS: Labels = {
    "disconnect": ("断开", "disconnect"),
    "reconnect": ("重连", "reconnect"),
    "warning": ("警告", "warning"),
    "restore": ("OBS 已恢复", "OBS restored"),
    "wrong_password": ("密码错误", "wrong password"),
    "kicked": ("被踢出", "kicked"),
    "too_old": ("OBS 版本过旧", "OBS too old"),
}


def bilingual(labels: Labels, code: str) -> str:
    """ "zh en" for a known code; anything else (guest data, a code from a newer version) as is."""
    pair = labels.get(code)
    if pair is None:
        return code
    zh, en = pair
    return zh if zh == en else f"{zh} {en}"


def channel(code: str, walk_in: bool | None = None) -> str:
    """A channel for the exports. `walk_in` (when known) says whether the app wrote it: an imported
    guest whose list happens to say "walk-in" keeps their own value."""
    if not code:
        return " ".join(NO_CHANNEL)
    if walk_in is False:
        return code
    return bilingual(CHANNELS, code)
