"""Which column of a guest list holds which guest field, guessed from common headers.

The guess is a starting point shown to the user in the mapping step; they can change it. A
mapping is `{field: column index}`; columns no field uses are kept in the guest's `extra` JSON.
"""

from __future__ import annotations

import re
import unicodedata

# Guest fields a column can map to. first_name/last_name are joined into `name`.
FIELDS = (
    "name",
    "first_name",
    "last_name",
    "phone",
    "email",
    "company",
    "title",
    "channel",
    "ticket_code",
    "role",
    "ticket_type",
    "status",
    "notes",
    "consent",
)

# Header spellings, compared after `header_key` (NFKC, lower case, no spaces or punctuation).
ALIASES: dict[str, tuple[str, ...]] = {
    "name": (
        "姓名",
        "名字",
        "name",
        "fullname",
        "attendeename",
        "guestname",
        "嘉宾姓名",
        "参会人",
        "参会人姓名",
        "联系人",
        "您的姓名",
        "真实姓名",
    ),
    "first_name": ("firstname", "givenname", "名"),
    "last_name": ("lastname", "surname", "familyname", "姓"),
    "phone": (
        "手机",
        "手机号",
        "手机号码",
        "电话",
        "电话号码",
        "联系电话",
        "联系方式",
        "phone",
        "phonenumber",
        "cellphone",
        "mobile",
        "mobilephone",
        "mobilenumber",
        "tel",
        "telephone",
        "workphone",
        "homephone",
    ),
    "email": ("邮箱", "电子邮箱", "电子邮件", "邮件", "邮箱地址", "email", "emailaddress", "mail"),
    "company": (
        "公司",
        "单位",
        "单位名称",
        "公司名称",
        "工作单位",
        "所在公司",
        "机构",
        "企业",
        "company",
        "companyname",
        "organization",
        "organisation",
        "org",
        "employer",
    ),
    "title": ("职位", "职务", "岗位", "头衔", "title", "jobtitle", "position", "role/title"),
    "channel": (
        "渠道",
        "来源",
        "报名渠道",
        "来源渠道",
        "channel",
        "source",
        "utmsource",
        "referrer",
        "howdidyouhearaboutus",
    ),
    "ticket_code": (
        "票号",
        "票码",
        "门票号",
        "门票编号",
        "签到码",
        "核销码",
        "barcode",
        "barcode#",
        "ticketcode",
        "ticket",
        "ticketnumber",
        "ticket#",
        "ticketid",
        "code",
        "secret",
    ),
    "role": ("角色", "身份", "role", "category", "嘉宾类型"),
    # pretix `Product`, Eventbrite `Ticket Type`: stored as the guest's ticket type (lists use
    # it); with no role column the role is read from it too ('VIP' -> vip).
    "ticket_type": (
        "票种",
        "门票类型",
        "票务类型",
        "票型",
        "类型",
        "tickettype",
        "type",
        "product",
        "产品",
        "商品",
        "itemname",
        "ticketname",
    ),
    # Whether the ticket gets in: pretix `Paid` (Yes/No), Eventbrite `Attendee Status`
    # (Attending, Refunded, Cancelled, Not Attending), a form's cancelled flag.
    "status": (
        "attendeestatus",
        "status",
        "ticketstatus",
        "orderstatus",
        "状态",
        "订单状态",
        "门票状态",
        "报名状态",
        "paid",
        "已支付",
        "是否支付",
        "支付状态",
        "付款状态",
        "cancelled",
        "canceled",
        "已取消",
        "是否取消",
    ),
    "notes": ("备注", "说明", "留言", "notes", "note", "comments", "comment", "remarks"),
    "consent": (
        "同意",
        "同意接收",
        "是否同意",
        "consent",
        "optin",
        "marketingconsent",
        "agreed",
        "gdprconsent",
    ),
}

_LOOKUP = {alias: f for f, aliases in ALIASES.items() for alias in aliases}
# The bilingual headers of Showday's own attendance export ("姓名 Name", ...), so an exported
# list comes back field for field.
_LOOKUP.update(
    {
        "姓名name": "name",
        "公司company": "company",
        "职位title": "title",
        "手机phone": "phone",
        "邮箱email": "email",
        "渠道channel": "channel",
        "角色role": "role",
        "票种tickettype": "ticket_type",
        "票状态ticketstatus": "status",
        "票号ticketcode": "ticket_code",
        "同意联系consent": "consent",
        "备注notes": "notes",
    }
)
# Second pass, for long form-tool questions ("您的手机号码（用于接收通知）", "是否同意接收活动信息"):
# a header containing one of these words, when no column matched the field exactly.
_CONTAINS: tuple[tuple[str, str], ...] = (
    ("姓名", "name"),
    ("手机", "phone"),
    ("电话", "phone"),
    ("phone", "phone"),
    ("mobile", "phone"),
    ("邮箱", "email"),
    ("email", "email"),
    ("公司", "company"),
    ("单位", "company"),
    ("company", "company"),
    ("职位", "title"),
    ("职务", "title"),
    ("渠道", "channel"),
    ("来源", "channel"),
    ("票号", "ticket_code"),
    ("barcode", "ticket_code"),
    ("备注", "notes"),
    ("角色", "role"),
    ("身份", "role"),
    ("同意", "consent"),
    ("consent", "consent"),
    ("optin", "consent"),
)
_STRIP = re.compile(r"[\s_\-:：*（）()\.。]+")


def header_key(header: str) -> str:
    """'  Barcode # ' -> 'barcode#'; '手机号码：' -> '手机号码'; 'E-mail' -> 'email'."""
    s = unicodedata.normalize("NFKC", header).strip().lower()
    return _STRIP.sub("", s)


# A co-host's consent column maps to the field "co_host:<name>" (one per co-host of the event).
CO_HOST = "co_host:"
_SHARE_WORDS = ("同意", "分享", "共享", "授权", "share", "consent", "agree", "optin")


def co_host_field(name: str) -> str:
    return CO_HOST + name


def guess_co_hosts(headers: list[str], co_hosts: list[str]) -> dict[str, int]:
    """{"co_host:X": column} for a column naming co-host X and a consent word, e.g.
    "同意向 阿里云 分享信息" or "Share with PingCAP"; the longest co-host name matching wins."""
    out: dict[str, int] = {}
    names = sorted(co_hosts, key=lambda n: -len(header_key(n)))
    for i, h in enumerate(headers):
        key = header_key(h)
        if not any(w in key for w in _SHARE_WORDS):
            continue
        name = next((n for n in names if header_key(n) and header_key(n) in key), None)
        if name is not None and co_host_field(name) not in out:
            out[co_host_field(name)] = i
    return out


def guess_mapping(headers: list[str], co_hosts: list[str] | None = None) -> dict[str, int]:
    """{field: column index} for the headers we recognise; the first matching column wins.
    With the event's `co_hosts`, their consent columns are recognised first (guess_co_hosts)."""
    mapping: dict[str, int] = guess_co_hosts(headers, co_hosts or [])
    keys = [header_key(h) for h in headers]
    for i, key in enumerate(keys):
        field = _LOOKUP.get(key)
        if field is not None and field not in mapping and i not in mapping.values():
            mapping[field] = i
    for i, key in enumerate(keys):
        if i in mapping.values() or key in _LOOKUP:
            continue
        field = next((f for word, f in _CONTAINS if word in key), None)
        if field is not None and field not in mapping:
            mapping[field] = i
    if "name" in mapping:  # a full-name column beats first + last
        mapping.pop("first_name", None)
        mapping.pop("last_name", None)
    return mapping


# Columns dropped on import: a name prefix (Mr/Ms), and the state columns of Showday's own
# attendance export, so an exported list edited in Excel comes back without them in `extra`.
IGNORED = {
    "prefix",
    "现场登记walkin",
    "签到时间checkedinat",
    "签到入口station",
}


def unmapped(headers: list[str], mapping: dict[str, int]) -> list[int]:
    """Column indexes no field uses (their values go into `extra`)."""
    used = set(mapping.values())
    return [i for i, h in enumerate(headers) if i not in used and header_key(h) not in IGNORED]


def mapping_problem(headers: list[str], mapping: dict[str, int]) -> str | None:
    """Why a mapping cannot be used, or None."""
    unknown = [f for f in mapping if f not in FIELDS and not f.startswith(CO_HOST)]
    if unknown:
        return f"unknown field(s): {', '.join(unknown)}"
    bad = [f for f, i in mapping.items() if not 0 <= i < len(headers)]
    if bad:
        return f"column out of range for: {', '.join(bad)}"
    if "name" not in mapping and not {"first_name", "last_name"} & set(mapping):
        return "no column holds the guest's name (姓名 / Name, or First Name + Last Name)"
    return None
