// Chinese and English for every LAN page. The language follows the browser (navigator.language);
// `?lang=en` or `?lang=zh` overrides it. Pages mark text with data-i18n="key" and call
// applyI18n(); scripts call t("key", {name: "..."}). Values are always set with textContent.

const DICT = {
  en: {
    "app.name": "Showday",
    "live.connecting": "Connecting…",
    "live.live": "Live",
    "live.reconnecting": "Reconnecting…",
    "live.revoked": "This station was revoked",
    "error.network": "Cannot reach Showday. Is this device on the venue Wi-Fi?",
    "error.generic": "Something went wrong.",
    "index.title": "Showday station server",
    "index.audience": "This is the Showday station server for this event.",
    "index.audience_hint": "To ask a question, scan the QR code on the screen. Staff devices are paired from Showday's Setup.",
    "status.show": "Show",
    "status.state": "Status",
    "status.obs": "OBS",
    "status.door": "Door",
    "status.questions": "Questions",
    "status.expected": "Expected",
    "status.arrived": "Arrived",
    "status.walk_ins": "Walk-ins",
    "status.new": "New",
    "status.approved": "Approved",
    "status.featured": "On air",
    "status.answered": "Answered",
    "status.rejected": "Rejected",
    "status.unknown": "unknown",
    "status.not_started": "not started",
    "status.running": "running",
    "status.paused": "paused",
    "status.ended": "ended",
    "status.connected": "connected",
    "status.disconnected": "disconnected",
    "status.streaming": "streaming",
    "status.recording": "recording",
    "pair.title": "Pair this device",
    "pair.working": "Pairing…",
    "pair.done": "Paired as {name}",
    "pair.forward": "Opening the {role} page…",
    "pair.no_code": "This address has no pairing code. Scan the QR code shown in Showday's Setup.",
    "pair.again": "Ask the operator to show a new QR code (Setup → Stations).",
    "pair.err_unknown": "This pairing code is not known.",
    "pair.err_used": "This pairing code was already used.",
    "pair.err_expired": "This pairing code has expired.",
    "pair.err_revoked": "This station was revoked.",
    "error.rate": "Too many requests. Wait a moment and try again.",
    "role.door": "door",
    "role.moderator": "moderator",
    "role.stage": "stage",
    "role.control": "control",
    "station.title": "Station",
    "station.paired_as": "Paired as {name}",
    "station.placeholder": "This station is paired. Its page is not part of this version yet; the live status below shows the link works.",
    "station.not_paired": "This device is not paired.",
    "station.not_paired_hint": "Scan a pairing QR code from Showday (Setup → Stations → Add).",
  },
  zh: {
    "app.name": "Showday",
    "live.connecting": "正在连接…",
    "live.live": "实时",
    "live.reconnecting": "正在重新连接…",
    "live.revoked": "此设备已被撤销",
    "error.network": "无法连接 Showday。此设备是否连接了会场 Wi-Fi？",
    "error.generic": "出错了。",
    "index.title": "Showday 局域网服务",
    "index.audience": "这是本次活动的 Showday 局域网服务。",
    "index.audience_hint": "提问请扫描屏幕上的二维码。工作人员设备请在 Showday 的“设置”中配对。",
    "status.show": "节目",
    "status.state": "状态",
    "status.obs": "OBS",
    "status.door": "签到",
    "status.questions": "提问",
    "status.expected": "应到",
    "status.arrived": "已到",
    "status.walk_ins": "现场登记",
    "status.new": "待审",
    "status.approved": "已通过",
    "status.featured": "正在展示",
    "status.answered": "已回答",
    "status.rejected": "已拒绝",
    "status.unknown": "未知",
    "status.not_started": "未开始",
    "status.running": "进行中",
    "status.paused": "已暂停",
    "status.ended": "已结束",
    "status.connected": "已连接",
    "status.disconnected": "未连接",
    "status.streaming": "直播中",
    "status.recording": "录制中",
    "pair.title": "配对此设备",
    "pair.working": "正在配对…",
    "pair.done": "已配对为 {name}",
    "pair.forward": "正在打开{role}页面…",
    "pair.no_code": "此地址没有配对码。请扫描 Showday“设置”中显示的二维码。",
    "pair.again": "请让操作员重新显示二维码（设置 → 工作站）。",
    "pair.err_unknown": "无法识别此配对码。",
    "pair.err_used": "此配对码已经使用过。",
    "pair.err_expired": "此配对码已过期。",
    "pair.err_revoked": "此工作站已被撤销。",
    "error.rate": "请求过于频繁，请稍后再试。",
    "role.door": "签到",
    "role.moderator": "主持审核",
    "role.stage": "舞台",
    "role.control": "控制",
    "station.title": "工作站",
    "station.paired_as": "已配对为 {name}",
    "station.placeholder": "此工作站已配对。此版本尚未包含它的页面；下方的实时状态表明连接正常。",
    "station.not_paired": "此设备尚未配对。",
    "station.not_paired_hint": "请扫描 Showday 中的配对二维码（设置 → 工作站 → 添加）。",
  },
};

function pickLang() {
  const forced = new URLSearchParams(location.search).get("lang");
  const wanted = (forced || navigator.language || "en").toLowerCase();
  return wanted.startsWith("zh") ? "zh" : "en";
}

export const lang = pickLang();

/** Add a page's own strings: addStrings({en: {...}, zh: {...}}). */
export function addStrings(more) {
  for (const l of Object.keys(DICT)) Object.assign(DICT[l], more[l] || {});
}

/** Whether `key` has a text (in the page language or in English): a code from the server or a
 *  platform name may have none, and the caller then shows its own fallback. */
export function hasText(key) {
  return key in DICT[lang] || key in DICT.en;
}

/** The text for `key` in the page language, with {placeholders} filled in (as plain text). */
export function t(key, vars = {}) {
  const s = DICT[lang][key] ?? DICT.en[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => (k in vars ? String(vars[k]) : `{${k}}`));
}

/** Fill every [data-i18n] element under root (textContent only) and set <html lang>. */
export function applyI18n(root = document) {
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  const title = document.querySelector("title[data-i18n]");
  if (title) document.title = t(title.dataset.i18n);
}
