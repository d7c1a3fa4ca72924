// /moderate's Chat tab: the live chat feed from every chat source (GET /api/v1/chat/feed), newest
// first, each message with its platform badge and author and a "Make it a question" button
// (POST /api/v1/chat/feed/{id}/promote); a filter by source or platform. It follows the
// moderator's live socket (ChatMessagesArrived says there is more; the text is read here, never
// sent to the audience). At most KEEP messages are kept, so a flood never grows the page.
// Keyboard: arrows move, Enter or Q promotes the selected message, B blocks its author (after a
// confirmation, moderate-blocks.js).
import { getJSON, postShowingError, showError } from "./api.js";
import { platformBadge, platformLabel } from "./chat-strings.js";
import { askBlock, blockControl } from "./moderate-blocks.js";
import { t } from "./i18n.js";
import { button, debounced, el, hhmm, waitsForPointer } from "./page.js";
import { qaErrorText } from "./qa-strings.js";

const KEEP = 300;
const $ = (id) => document.getElementById(id);
const chat = {
  on: false, // the Chat tab is shown
  messages: [], // oldest first, at most KEEP
  last: 0, // the newest message id read
  gen: 0, // bumped when the filter's source changes: older answers are dropped
  sources: [],
  platforms: new Set(), // every platform seen since the page loaded (the filter's choices)
  filter: "", // "" all, "s:<source id>", "p:<platform>"
  selectedId: null,
  unseen: 0, // arrived while the tab was not shown (the tab's count)
  busy: new Set(),
};
let errorEl = null;
let onTabClick = () => {};

/** The Chat tab for the tab row (`selected`: it is the one shown). */
export function chatTab(selected) {
  const b = el("button", "tab chat-tab");
  b.type = "button";
  b.id = "chat-tab";
  b.setAttribute("role", "tab");
  b.setAttribute("aria-selected", String(selected));
  b.append(el("span", "", t("chat.tab")));
  if (chat.unseen > 0 && !selected) b.append(el("span", "count", chat.unseen > 999 ? "999+" : String(chat.unseen)));
  b.addEventListener("click", () => onTabClick());
  return b;
}

/** Wire the feed to the page: `openTab` is called when the Chat tab is clicked. */
export function initChat({ error, openTab }) {
  errorEl = error;
  onTabClick = openTab;
  $("chat-filter").addEventListener("change", () => {
    const before = sourceId();
    chat.filter = $("chat-filter").value;
    chat.selectedId = null;
    if (sourceId() !== before) restart();
    else render();
  });
}

export function showChat(on) {
  chat.on = on;
  $("chat").hidden = !on;
  if (on) {
    chat.unseen = 0;
    render();
  }
}

export function chatShown() {
  return chat.on;
}

/** After every (re)connect: the sources and the feed afresh (a promotion made elsewhere shows). */
export function chatSync() {
  loadSources();
  restart();
}

/** A live event of the chat topic. */
export function chatEvent(ev) {
  if (ev.type === "ChatMessagesArrived") {
    fetchSoon();
  } else if (ev.type === "ChatMessagePromoted") {
    // Promoted on the desk or another tablet: shown as in the queue here too.
    const m = chat.messages.find((x) => x.id === ev.message_id);
    if (m && !m.question_id) {
      m.question_id = ev.question_id;
      render();
    }
  } else if (ev.type === "ChatSourcesChanged") {
    loadSources();
  }
}

function sourceId() {
  return chat.filter.startsWith("s:") ? Number(chat.filter.slice(2)) : null;
}

function visible() {
  const p = chat.filter.startsWith("p:") ? chat.filter.slice(2) : null;
  const rows = p ? chat.messages.filter((m) => m.platform === p) : chat.messages;
  return rows.slice().reverse();
}

function restart() {
  chat.gen += 1;
  chat.messages = [];
  chat.last = 0;
  fetchNew(true);
}

async function fetchNew(fresh = false) {
  const gen = chat.gen;
  const sid = sourceId();
  const url = `/api/v1/chat/feed?after=${chat.last}&limit=${KEEP}` + (sid ? `&source_id=${sid}` : "");
  let res;
  try {
    res = await getJSON(url);
  } catch (err) {
    showError(errorEl, qaErrorText(err));
    return;
  }
  if (gen !== chat.gen) return;
  // Two answers may overlap (a fetch per burst): each message once, in id order.
  const added = res.messages.filter((m) => m.id > chat.last);
  if (!added.length && !fresh) return;
  chat.messages.push(...added);
  if (added.length) chat.last = added[added.length - 1].id;
  if (chat.messages.length > KEEP) chat.messages.splice(0, chat.messages.length - KEEP);
  if (!fresh && !chat.on) {
    chat.unseen += added.length;
    const tab = $("chat-tab");
    if (tab) tab.replaceWith(chatTab(false));
  }
  fillFilter();
  render();
}
const fetchSoon = debounced(() => fetchNew(), 80, 120);

async function loadSources() {
  try {
    chat.sources = (await getJSON("/api/v1/chat/sources")).sources;
  } catch {
    chat.sources = [];
  }
  fillFilter();
}

function sourceLabel(s) {
  const kind = t(`chat.kind.${s.kind}`);
  const name = s.name || s.target || `#${s.id}`;
  return t("chat.source_label", { kind, name });
}

// Rebuilt only when its choices change, so an open drop-down is not swept away by a flood.
let filterChoices = "";
function fillFilter() {
  const sel = $("chat-filter");
  for (const m of chat.messages) chat.platforms.add(m.platform);
  const platforms = [...chat.platforms].sort();
  const key = JSON.stringify([chat.sources.map((s) => [s.id, s.kind, s.name, s.target]), platforms]);
  if (key === filterChoices) return;
  filterChoices = key;
  const all = el("option", "", t("chat.all"));
  all.value = "";
  const opts = [all];
  if (chat.sources.length) {
    const g = el("optgroup");
    g.label = t("chat.sources");
    for (const s of chat.sources) {
      const o = el("option", "", sourceLabel(s));
      o.value = `s:${s.id}`;
      g.append(o);
    }
    opts.push(g);
  }
  if (platforms.length) {
    const g = el("optgroup");
    g.label = t("chat.platforms");
    for (const p of platforms) {
      const o = el("option", "", platformLabel(p));
      o.value = `p:${p}`;
      g.append(o);
    }
    opts.push(g);
  }
  sel.replaceChildren(...opts);
  sel.value = chat.filter;
  if (sel.value !== chat.filter) sel.value = "";
}

function item(m) {
  const c = el("article", "cm");
  c.dataset.id = String(m.id);
  c.dataset.promoted = m.question_id ? "1" : "0";
  c.setAttribute("role", "option");
  c.setAttribute("aria-selected", String(m.id === chat.selectedId));
  c.tabIndex = -1;
  c.addEventListener("click", () => select(m.id));
  const body = el("div", "cm-body");
  const meta = el("p", "q-meta");
  meta.append(platformBadge(m.platform), el("span", "who-name", m.author || t("ask.anonymous")));
  meta.append(document.createTextNode(` · ${hhmm(m.at)}`));
  body.append(meta, el("p", "q-text", m.text));
  c.append(body);
  if (m.question_id) {
    c.append(el("span", "promoted", `✓ ${t("chat.promoted")}`));
  } else {
    const b = button(t("chat.promote"), "primary promote", () => promote(m));
    b.disabled = chat.busy.has(m.id);
    c.append(b);
  }
  const blockedOrBlock = blockControl(author(m));
  if (blockedOrBlock) c.append(blockedOrBlock);
  return c;
}

function author(m) {
  return { device: m.device, name: m.author, platform: m.platform };
}

// Waits while a pointer is down (page.js): a click on "Make it a question" is never lost. The
// page calls it as chatRedraw when a block changed what the messages offer.
const render = waitsForPointer(() => {
  if (!chat.on) return;
  const rows = visible();
  $("chat-list").replaceChildren(...rows.map(item));
  $("chat-empty").hidden = rows.length > 0;
  $("chat-shown").textContent = rows.length ? t("chat.shown", { n: rows.length }) : "";
});
export { render as chatRedraw };

function select(id) {
  chat.selectedId = id;
  for (const c of $("chat-list").children) {
    const on = c.dataset.id === String(id);
    c.setAttribute("aria-selected", String(on));
    if (on) c.scrollIntoView({ block: "nearest" });
  }
}

async function promote(m) {
  if (m.question_id || chat.busy.has(m.id)) return;
  chat.busy.add(m.id);
  render();
  const res = await postShowingError(errorEl, `/api/v1/chat/feed/${m.id}/promote`, {}, qaErrorText);
  if (res) m.question_id = res.question_id;
  chat.busy.delete(m.id);
  render();
}

/** A key on the Chat tab: true when it was one of ours. */
export function chatKey(ev) {
  const rows = visible();
  if (!rows.length) return false;
  let at = rows.findIndex((m) => m.id === chat.selectedId);
  const key = ev.key.toLowerCase();
  if (ev.key === "ArrowDown" || key === "j") at = Math.min(rows.length - 1, at + 1);
  else if (ev.key === "ArrowUp" || key === "k") at = Math.max(0, at - 1);
  else if (ev.key === "Enter" || key === "q") {
    // Enter on a focused button is that button's click, not the selected message's.
    if (ev.target instanceof HTMLButtonElement) return false;
    if (at >= 0) promote(rows[at]);
    return at >= 0;
  } else if (key === "b") {
    if (at >= 0) askBlock(author(rows[at]));
    return at >= 0;
  } else return false;
  select(rows[at].id);
  return true;
}
