// Platform chat on the LAN pages: the platform badge (a chat question's and a chat message's
// platform, coloured per platform in qa.css by data-platform, a neutral one for any other) and
// the words of /moderate's chat feed, in Chinese and English. Platform names and authors are
// what a chat sent us: they only ever go in as textContent.
import { addStrings, hasText, t } from "./i18n.js";
import { el } from "./page.js";

addStrings({
  en: {
    "platform.bilibili": "Bilibili",
    "platform.youtube": "YouTube",
    "platform.twitch": "Twitch",
    "platform.wechat": "WeChat",
    "platform.wechatchannels": "WeChat Channels",
    "platform.douyin": "Douyin",
    "platform.kuaishou": "Kuaishou",
    "platform.tiktok": "TikTok",
    "platform.facebook": "Facebook",
    "platform.tencentmeeting": "Tencent Meeting",
    "platform.webhook": "Webhook",
    "chat.tab": "Chat",
    "chat.filter": "Show",
    "chat.all": "All chat",
    "chat.sources": "Sources",
    "chat.platforms": "Platforms",
    "chat.promote": "Make it a question",
    "chat.promoted": "In the queue",
    "chat.empty": "No chat messages yet. Chat sources are added and started in Showday (Setup › Chat sources).",
    "chat.shown": "The latest {n} messages, newest first.",
    "chat.keys": "Keys: ↑↓ move · Enter or Q make it a question · B block the author",
    "chat.source_label": "{kind} · {name}",
    "chat.kind.ssn": "SSN relay",
    "chat.kind.bilibili": "Bilibili room",
    "chat.kind.twitch": "Twitch channel",
    "chat.kind.webhook": "Webhook",
  },
  zh: {
    "platform.bilibili": "哔哩哔哩",
    "platform.youtube": "YouTube",
    "platform.twitch": "Twitch",
    "platform.wechat": "微信",
    "platform.wechatchannels": "视频号",
    "platform.douyin": "抖音",
    "platform.kuaishou": "快手",
    "platform.tiktok": "TikTok",
    "platform.facebook": "Facebook",
    "platform.tencentmeeting": "腾讯会议",
    "platform.webhook": "Webhook",
    "chat.tab": "聊天",
    "chat.filter": "显示",
    "chat.all": "全部聊天",
    "chat.sources": "聊天来源",
    "chat.platforms": "平台",
    "chat.promote": "设为提问",
    "chat.promoted": "已进入队列",
    "chat.empty": "还没有聊天消息。聊天来源在 Showday 中添加并启动（设置 › 聊天来源）。",
    "chat.shown": "最近 {n} 条消息，最新的在最上面。",
    "chat.keys": "快捷键：↑↓ 移动 · Enter 或 Q 设为提问 · B 屏蔽作者",
    "chat.source_label": "{kind} · {name}",
    "chat.kind.ssn": "SSN 转发",
    "chat.kind.bilibili": "B 站直播间",
    "chat.kind.twitch": "Twitch 频道",
    "chat.kind.webhook": "Webhook",
  },
});

// What sources call the same platform (SSN's `type`, a webhook's `source`, lower-cased
// [a-z0-9_] by the server) -> the name used for its label and colour.
const ALIASES = {
  bili: "bilibili",
  weixin: "wechat",
  channels: "wechatchannels",
  wechat_channels: "wechatchannels",
  shipinhao: "wechatchannels",
  tencent_meeting: "tencentmeeting",
  wemeet: "tencentmeeting",
  voov: "tencentmeeting",
  yt: "youtube",
};

export function platformKey(platform) {
  return ALIASES[platform] || platform;
}

/** The platform's name in the page language; an unknown one as the source sent it. */
export function platformLabel(platform) {
  const key = `platform.${platformKey(platform)}`;
  if (hasText(key)) return t(key);
  return platform ? platform.charAt(0).toUpperCase() + platform.slice(1) : t("chat.tab");
}

/** A badge naming the platform; coloured when qa.css knows it, neutral otherwise. */
export function platformBadge(platform) {
  const b = el("span", "pbadge", platformLabel(platform));
  b.dataset.platform = platformKey(platform);
  return b;
}
