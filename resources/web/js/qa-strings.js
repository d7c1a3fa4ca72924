// Chinese and English for the Q&A pages (/ask, /moderate, the question overlay), and the
// translation of the Q&A API's error codes. Imported for its side effect (addStrings).
import { addStrings, t } from "./i18n.js";

addStrings({
  en: {
    "ask.title": "Ask a question",
    "ask.heading": "Ask the speakers",
    "ask.placeholder": "Type your question…",
    "ask.more": "Add your name or contact (optional)",
    "ask.name": "Your name (optional)",
    "ask.name_hint": "Leave empty to ask anonymously.",
    "ask.contact": "Contact (optional)",
    "ask.contact_hint": "Phone, WeChat or email, if you would like the organisers to follow up.",
    "ask.consent": "The organisers may keep my contact to reply to me after the event.",
    "ask.consent_needed": "Tick the box to let us keep your contact, or leave the contact empty.",
    "ask.send": "Send question",
    "ask.sending": "Sending…",
    "ask.sent_new": "Thank you! Your question will appear once the moderator has read it.",
    "ask.sent_approved": "Thank you! Your question is now in the list.",
    "ask.counter": "{n} / {max}",
    "ask.questions": "Questions",
    "ask.sort_votes": "Top",
    "ask.sort_time": "Newest",
    "ask.none": "No questions yet. Be the first to ask!",
    "ask.anonymous": "Anonymous",
    "ask.vote": "Upvote",
    "ask.voted": "Upvoted",
    "ask.votes": "{n} votes",
    "ask.mine": "My questions",
    "ask.mine_none": "You have not asked anything yet.",
    "ask.yours": "yours",
    "ask.on_air": "On screen now",
    "state.new": "Waiting for the moderator",
    "state.approved": "Approved",
    "state.featured": "On screen now",
    "state.answered": "Answered",
    "state.rejected": "Not selected",
    "state.merged": "Merged with a similar question",
    "qa.err.empty": "Please type a question.",
    "qa.err.too_long": "Please keep the question to {limit} characters.",
    "qa.err.name_too_long": "Please keep the name to {limit} characters.",
    "qa.err.contact_too_long": "Please keep the contact to {limit} characters.",
    "qa.err.rate_limited": "That was a lot in a short time. Please wait {retry_after} s and try again.",
    "qa.err.blocked": "The moderator has turned off questions from this device.",
    "qa.err.not_found": "That question no longer exists.",
    "qa.err.not_open": "Votes are only open on approved questions.",
    "qa.err.bad_status": "That does not fit the question's state any more. The list was refreshed.",
    "qa.err.bad_device": "This device could not be recognised. Reload the page.",
    "qa.err.bad_source": "Unknown question source.",
    "qa.err.bad_segment": "That segment does not exist.",
    "qa.err.bad_request": "The request was not understood.",
    "mod.title": "Moderate questions",
    "mod.status.new": "New",
    "mod.status.approved": "Approved",
    "mod.status.featured": "On air",
    "mod.status.answered": "Answered",
    "mod.status.rejected": "Rejected",
    "mod.sort": "Sort",
    "mod.sort_votes": "Votes",
    "mod.sort_time": "Time",
    "mod.on_air": "On air:",
    "mod.nothing_on_air": "Nothing on air",
    "mod.clear": "Clear",
    "mod.approve": "Approve",
    "mod.reject": "Reject",
    "mod.feature": "Feature",
    "mod.answer": "Done",
    "mod.star": "Star",
    "mod.unstar": "Unstar",
    "mod.edit": "Edit",
    "mod.save": "Save",
    "mod.cancel": "Cancel",
    "mod.held": "Held: {words}",
    "mod.votes": "{n} votes",
    "mod.empty": "No questions here.",
    "mod.more": "Showing {shown} of {total} · show more",
    "mod.keys": "Keys: ↑↓ move · A approve · R reject · F feature · D done · S star · E edit · X tick · M merge",
    "mod.pick": "Tick to merge",
    "mod.merge": "Merge ticked ({n})",
    "mod.merged": "{n} merged in",
    "mod.segment": "Segment",
    "mod.no_segment": "No segment",
    "mod.not_paired": "This device is not paired as a moderator station.",
    "mod.not_paired_hint": "Scan a moderator pairing QR code from Showday (Setup → Stations → Add).",
    "mod.premod": "Pre-moderation",
    "mod.source.chat": "chat",
    "mod.source.phone": "phone",
    "mod.source.paper": "paper",
    "mod.source.other": "other",
  },
  zh: {
    "ask.title": "提问",
    "ask.heading": "向嘉宾提问",
    "ask.placeholder": "请输入您的问题…",
    "ask.more": "添加称呼或联系方式（选填）",
    "ask.name": "您的称呼（选填）",
    "ask.name_hint": "留空即匿名提问。",
    "ask.contact": "联系方式（选填）",
    "ask.contact_hint": "手机、微信或邮箱，方便主办方会后回复您。",
    "ask.consent": "我同意主办方保存我的联系方式，用于会后回复。",
    "ask.consent_needed": "请勾选同意保存联系方式，或清空联系方式。",
    "ask.send": "提交问题",
    "ask.sending": "正在提交…",
    "ask.sent_new": "谢谢！主持人审核后，您的问题会出现在列表中。",
    "ask.sent_approved": "谢谢！您的问题已进入列表。",
    "ask.counter": "{n} / {max}",
    "ask.questions": "问题列表",
    "ask.sort_votes": "最热",
    "ask.sort_time": "最新",
    "ask.none": "还没有问题，来提第一个吧！",
    "ask.anonymous": "匿名",
    "ask.vote": "点赞",
    "ask.voted": "已赞",
    "ask.votes": "{n} 票",
    "ask.mine": "我的提问",
    "ask.mine_none": "您还没有提问。",
    "ask.yours": "我的",
    "ask.on_air": "正在屏幕上展示",
    "state.new": "等待主持人审核",
    "state.approved": "已通过",
    "state.featured": "正在屏幕上展示",
    "state.answered": "已回答",
    "state.rejected": "未入选",
    "state.merged": "已与相似问题合并",
    "qa.err.empty": "请输入问题。",
    "qa.err.too_long": "问题请不要超过 {limit} 个字。",
    "qa.err.name_too_long": "称呼请不要超过 {limit} 个字。",
    "qa.err.contact_too_long": "联系方式请不要超过 {limit} 个字。",
    "qa.err.rate_limited": "提交得太频繁了，请等待 {retry_after} 秒后再试。",
    "qa.err.blocked": "主持人已关闭此设备的提问功能。",
    "qa.err.not_found": "该问题已不存在。",
    "qa.err.not_open": "只能为已通过的问题点赞。",
    "qa.err.bad_status": "该问题的状态已经改变，列表已刷新。",
    "qa.err.bad_device": "无法识别此设备，请刷新页面。",
    "qa.err.bad_source": "未知的问题来源。",
    "qa.err.bad_segment": "该环节不存在。",
    "qa.err.bad_request": "无法理解此请求。",
    "mod.title": "问题审核",
    "mod.status.new": "待审",
    "mod.status.approved": "已通过",
    "mod.status.featured": "正在展示",
    "mod.status.answered": "已回答",
    "mod.status.rejected": "已拒绝",
    "mod.sort": "排序",
    "mod.sort_votes": "票数",
    "mod.sort_time": "时间",
    "mod.on_air": "正在展示：",
    "mod.nothing_on_air": "当前没有展示问题",
    "mod.clear": "撤下",
    "mod.approve": "通过",
    "mod.reject": "拒绝",
    "mod.feature": "展示",
    "mod.answer": "已答",
    "mod.star": "标星",
    "mod.unstar": "取消标星",
    "mod.edit": "编辑",
    "mod.save": "保存",
    "mod.cancel": "取消",
    "mod.held": "敏感词待审：{words}",
    "mod.votes": "{n} 票",
    "mod.empty": "这里没有问题。",
    "mod.more": "已显示 {shown} / {total} · 显示更多",
    "mod.keys": "快捷键：↑↓ 移动 · A 通过 · R 拒绝 · F 展示 · D 已答 · S 标星 · E 编辑 · X 勾选 · M 合并",
    "mod.pick": "勾选以合并",
    "mod.merge": "合并所选（{n}）",
    "mod.merged": "已合并 {n} 条",
    "mod.segment": "环节",
    "mod.no_segment": "未分配环节",
    "mod.not_paired": "此设备尚未配对为审核工作站。",
    "mod.not_paired_hint": "请扫描 Showday 中的审核配对二维码（设置 → 工作站 → 添加）。",
    "mod.premod": "先审后发",
    "mod.source.chat": "聊天",
    "mod.source.phone": "电话",
    "mod.source.paper": "纸条",
    "mod.source.other": "其他",
  },
});

/** A Q&A API error in the page language: by its code when known, else the server's sentence. */
export function qaErrorText(err) {
  const body = (err && err.body) || {};
  const code = body.code;
  if (code) {
    const key = `qa.err.${code}`;
    const text = t(key, body);
    if (text !== key) return text;
  }
  if (err && err.status === 429) return t("qa.err.rate_limited", { retry_after: body.retry_after || 10 });
  return err instanceof Error ? err.message : String(err);
}

/** Number of user-perceived characters, as the server counts them (close enough). */
export function charCount(s) {
  if (typeof Intl !== "undefined" && Intl.Segmenter) {
    let n = 0;
    for (const _ of new Intl.Segmenter().segment(s)) n += 1;
    return n;
  }
  return Array.from(s).length;
}

/** hh:mm of an ISO time, in local time. */
export function hhmm(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
}

/** Create an element with a class and (plain) text. */
export function el(tag, cls = "", text = null) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== null) e.textContent = text;
  return e;
}

/** Call fn at most once per `ms` burst, after a small random delay (a hall of phones must not
 *  all refetch in the same millisecond). */
export function debounced(fn, ms = 250, jitter = 400) {
  let timer = null;
  return () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      fn();
    }, ms + Math.random() * jitter);
  };
}
