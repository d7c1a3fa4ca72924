// /moderate: the moderator station. Queues New / Approved / On air / Answered / Rejected with
// counts; approve, reject, feature, done, star, edit; tick two or more and merge them (votes add
// up; the most-voted one stays), assign a question to a segment; held questions show the matched
// words marked (built from text nodes, never markup); keyboard: arrows, A R F D S E, X tick, M merge.
// A chat question shows its platform badge and author; the Chat tab is moderate-chat.js.
// B blocks the asker (a room device or a chat author) after a confirmation: moderate-blocks.js.
import { getJSON, postShowingError, showError } from "./api.js";
import { platformBadge } from "./chat-strings.js";
import { askBlock, blockControl, blockDialogOpen, blocksEvent, initBlocks, loadBlocks } from "./moderate-blocks.js";
import { chatEvent, chatKey, chatRedraw, chatShown, chatSync, chatTab, initChat, showChat } from "./moderate-chat.js";
import { applyI18n, t } from "./i18n.js";
import { connectLive } from "./live.js";
import { button, debounced, el, hhmm, setLiveBadge, setText, waitsForPointer } from "./page.js";
import { qaErrorText } from "./qa-strings.js";

const STATUSES = ["new", "approved", "featured", "answered", "rejected"];
applyI18n();
const $ = (id) => document.getElementById(id);
const errorEl = $("error");
const PAGE = 200;
const state = { limit: PAGE, status: "new", sort: "votes", rows: [], counts: {}, selected: 0, editing: null, staff: false, picked: new Set(), segments: [] };

/** `text` as nodes, with the [start, end) spans (code point offsets from Python) in <mark>. */
export function highlighted(text, spans) {
  const cps = Array.from(text);
  const frag = document.createDocumentFragment();
  let at = 0;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  for (const m of sorted) {
    if (m.start < at || m.end > cps.length) continue;
    if (m.start > at) frag.append(document.createTextNode(cps.slice(at, m.start).join("")));
    frag.append(el("mark", "hit", cps.slice(m.start, m.end).join("")));
    at = m.end;
  }
  if (at < cps.length) frag.append(document.createTextNode(cps.slice(at).join("")));
  return frag;
}

function buildTabs() {
  const tabs = STATUSES.map((s) => {
    const b = el("button", "tab");
    b.type = "button";
    b.setAttribute("role", "tab");
    b.dataset.status = s;
    b.append(el("span", "", t(`mod.status.${s}`)), el("span", "count", String(state.counts[s] ?? 0)));
    b.setAttribute("aria-selected", String(s === state.status && !chatShown()));
    b.addEventListener("click", () => {
      openQueue();
      state.status = s;
      state.selected = 0;
      state.picked.clear();
      state.limit = PAGE;
      load();
    });
    return b;
  });
  $("tabs").replaceChildren(...tabs, chatTab(chatShown()));
}

// The Chat tab (moderate-chat.js) in place of the queue, and back.
function openQueue() {
  showChat(false);
  $("queue").hidden = false;
}
function openChat() {
  showChat(true);
  $("queue").hidden = true;
  buildTabs();
}
initChat({ error: errorEl, openTab: openChat });
// A block or unblock (here, on the desk or another tablet): cards and messages show it.
initBlocks({
  error: errorEl,
  changed: () => {
    loadSoon();
    chatRedraw();
  },
});

function card(q, i) {
  const c = el("article", "mq");
  c.dataset.id = String(q.id);
  c.dataset.held = q.held ? "1" : "0";
  c.setAttribute("role", "option");
  c.setAttribute("aria-selected", String(i === state.selected));
  c.tabIndex = -1;
  c.addEventListener("click", () => select(i));
  const text = el("p", "q-text");
  text.append(pickBox(q));
  if (q.starred) text.append(el("span", "star", "★"));
  text.append(highlighted(q.text, q.matches.filter((m) => m.field === "text")));
  c.append(text);
  if (q.held) {
    const words = [...new Set(q.matches.map((m) => m.word))].join(", ");
    c.append(el("p", "held", t("mod.held", { words })));
  }
  const meta = el("p", "q-meta");
  // A chat question: its platform's badge, then the platform author (the asker's name).
  if (q.platform) meta.append(platformBadge(q.platform));
  const who = el("span", "who-name");
  who.append(highlighted(q.name || "—", q.matches.filter((m) => m.field === "name")));
  meta.append(who);
  meta.append(document.createTextNode(` · ${t("mod.votes", { n: q.votes })} · ${hhmm(q.created_at)}`));
  if (q.source !== "web" && !q.platform) meta.append(document.createTextNode(` · ${t(`mod.source.${q.source}`)}`));
  if (q.merged_count > 0) meta.append(document.createTextNode(` · ${t("mod.merged", { n: q.merged_count })}`));
  c.append(meta);
  if (state.editing === q.id) {
    const area = el("textarea");
    area.value = q.text;
    area.id = "edit-text";
    c.append(area);
    c.append(
      wrap([
        button(t("mod.save"), "primary", () => act(q, "edit", { text: area.value }).then(() => (state.editing = null))),
        button(t("mod.cancel"), "", () => {
          state.editing = null;
          render();
        }),
      ]),
    );
    setTimeout(() => area.focus(), 0);
    return c;
  }
  const acts = [];
  if (q.status !== "approved" && q.status !== "featured") acts.push(button(t("mod.approve"), "", () => act(q, "approve")));
  if (q.status !== "featured") acts.push(button(t("mod.feature"), "primary", () => act(q, "feature")));
  if (q.status !== "answered" && q.status !== "rejected") acts.push(button(t("mod.answer"), "", () => act(q, "answer")));
  if (q.status !== "rejected") acts.push(button(t("mod.reject"), "danger", () => act(q, "reject")));
  acts.push(button(t(q.starred ? "mod.unstar" : "mod.star"), "", () => act(q, "star", { starred: !q.starred })));
  acts.push(button(t("mod.edit"), "", () => edit(q)));
  acts.push(segmentSelect(q));
  const blockedOrBlock = blockControl(asker(q));
  if (blockedOrBlock) acts.push(blockedOrBlock);
  c.append(wrap(acts));
  return c;
}

/** Who asked `q`, as a block names them. */
function asker(q) {
  return { device: q.device_id, name: q.name, platform: q.platform };
}

function pickBox(q) {
  const box = el("input", "pick");
  box.type = "checkbox";
  box.checked = state.picked.has(q.id);
  box.setAttribute("aria-label", t("mod.pick"));
  box.addEventListener("click", (ev) => ev.stopPropagation());
  box.addEventListener("change", () => togglePick(q.id, box.checked));
  return box;
}

function togglePick(id, on) {
  if (on) state.picked.add(id);
  else state.picked.delete(id);
  updateMerge();
}

function updateMerge() {
  const b = $("merge");
  b.textContent = t("mod.merge", { n: state.picked.size });
  b.disabled = state.picked.size < 2;
}

/** Merge the ticked questions into the most-voted one (the earliest on a tie). */
async function mergePicked() {
  const rows = state.rows.filter((q) => state.picked.has(q.id));
  if (rows.length < 2) return;
  const target = [...rows].sort((a, b) => b.votes - a.votes || a.id - b.id)[0];
  const ids = rows.filter((q) => q.id !== target.id).map((q) => q.id);
  state.picked.clear();
  await act(target, "merge", { ids });
}

function segmentSelect(q) {
  const sel = el("select", "seg");
  sel.setAttribute("aria-label", t("mod.segment"));
  const none = el("option", "", t("mod.no_segment"));
  none.value = "";
  sel.append(none);
  for (const s of state.segments) {
    const o = el("option", "", s.speaker ? `${s.title} · ${s.speaker}` : s.title);
    o.value = String(s.id);
    sel.append(o);
  }
  sel.value = q.segment_id ? String(q.segment_id) : "";
  sel.addEventListener("click", (ev) => ev.stopPropagation());
  sel.addEventListener("change", () => act(q, "segment", sel.value ? { segment_id: Number(sel.value) } : {}));
  return sel;
}

function wrap(children) {
  const d = el("div", "actions");
  d.append(...children);
  return d;
}

// Waits while a pointer is down (page.js): a click is never lost to a refresh.
const render = waitsForPointer(() => {
  buildTabs();
  const cards = state.rows.map(card);
  $("list").replaceChildren(...cards);
  $("empty").hidden = cards.length > 0;
  const total = state.counts[state.status] ?? 0;
  $("more").hidden = total <= cards.length;
  $("more").textContent = t("mod.more", { shown: cards.length, total });
  updateMerge();
});

function select(i) {
  if (!state.rows.length) return;
  state.selected = Math.max(0, Math.min(state.rows.length - 1, i));
  const cards = $("list").children;
  for (let k = 0; k < cards.length; k++) cards[k].setAttribute("aria-selected", String(k === state.selected));
  cards[state.selected]?.scrollIntoView({ block: "nearest" });
}

function edit(q) {
  state.editing = q.id;
  render();
}

async function act(q, verb, body = {}) {
  await postShowingError(errorEl, `/api/v1/questions/${q.id}/${verb}`, body, qaErrorText);
  await load();
}

async function loadOnAir() {
  const res = await getJSON("/api/v1/questions/featured");
  const q = res.question;
  $("onair-text").textContent = q ? (q.name ? `${q.text} — ${q.name}` : q.text) : t("mod.nothing_on_air");
  $("clear").disabled = !q;
}

async function load() {
  if (!state.staff) return;
  try {
    const [res, settings, segs] = await Promise.all([
      getJSON(`/api/v1/questions?status=${state.status}&sort=${state.sort}&limit=${state.limit}`),
      getJSON("/api/v1/questions/settings"),
      getJSON("/api/v1/questions/segments"),
      loadOnAir(),
    ]);
    state.rows = res.questions;
    state.segments = segs.segments;
    const shown = new Set(state.rows.map((q) => q.id));
    for (const id of [...state.picked]) if (!shown.has(id)) state.picked.delete(id);
    state.counts = res.counts;
    state.selected = Math.min(state.selected, Math.max(0, state.rows.length - 1));
    $("premod").checked = settings.premoderation;
    loadEdge();
    if (state.editing === null) render();
    else buildTabs();
  } catch (err) {
    showError(errorEl, qaErrorText(err));
  }
}
const loadSoon = debounced(load, 80, 120);

$("more").addEventListener("click", () => {
  state.limit += PAGE;
  load();
});
$("merge").addEventListener("click", () => mergePicked());
$("sort").addEventListener("change", () => {
  state.sort = $("sort").value;
  load();
});
$("premod").addEventListener("change", () => {
  postShowingError(errorEl, "/api/v1/questions/settings", { premoderation: $("premod").checked }, qaErrorText);
});
$("clear").addEventListener("click", async () => {
  await postShowingError(errorEl, "/api/v1/questions/clear-featured", {}, qaErrorText);
  load();
});

document.addEventListener("keydown", (ev) => {
  if (!state.staff || state.editing !== null || ev.ctrlKey || ev.metaKey || ev.altKey) return;
  if (blockDialogOpen()) return; // its own keys: Esc, Tab, Enter
  if (ev.target instanceof HTMLInputElement || ev.target instanceof HTMLTextAreaElement || ev.target instanceof HTMLSelectElement) return;
  if (chatShown()) {
    if (chatKey(ev)) ev.preventDefault();
    return;
  }
  const q = state.rows[state.selected];
  const key = ev.key.toLowerCase();
  if (ev.key === "ArrowDown" || key === "j") select(state.selected + 1);
  else if (ev.key === "ArrowUp" || key === "k") select(state.selected - 1);
  else if (!q) return;
  else if (key === "a") act(q, "approve");
  else if (key === "r") act(q, "reject");
  else if (key === "f") act(q, "feature");
  else if (key === "d") act(q, "answer");
  else if (key === "s") act(q, "star", { starred: !q.starred });
  else if (key === "e") edit(q);
  else if (key === "x") {
    togglePick(q.id, !state.picked.has(q.id));
    render();
  } else if (key === "m") mergePicked();
  else if (key === "b") askBlock(asker(q));
  else return;
  ev.preventDefault();
});

function showDesk(caller) {
  state.staff = caller.role === "moderator" || caller.role === "control";
  $("desk").hidden = !state.staff;
  $("unpaired").hidden = state.staff;
  $("blocked-open").hidden = !state.staff;
}

/** The audience edge: which per-address mode the event is in, and addresses from which many
 * devices vote (GET /api/v1/audience). Text only, set with textContent. */
async function loadEdge() {
  try {
    const edge = await getJSON("/api/v1/audience");
    let text = t(edge.shared_address ? "mod.edge_shared" : "mod.edge_own");
    if (edge.crowded.length) {
      const list = edge.crowded.map((c) => `${c.address} (${c.devices})`).join(", ");
      text += " " + t("mod.edge_crowded", { list });
    }
    $("edge").textContent = text;
    $("edge").dataset.crowded = edge.crowded.length ? "1" : "0";
  } catch {
    $("edge").textContent = "";
  }
}

connectLive({
  onSync: async (hello) => {
    const me = hello || (await getJSON("/api/v1/me"));
    setText("#event-name", me.event || "");
    showDesk(me.caller || {});
    load();
    if (state.staff) {
      chatSync();
      loadBlocks();
    }
  },
  onState: (s) => {
    setLiveBadge($("live"), s);
    if (s === "revoked") showDesk({});
  },
  onEvent: (ev) => {
    if (ev.type === "EventRenamed") setText("#event-name", ev.name);
    else if (ev.type === "SettingsChanged" && ev.section === "qa") {
      // Changed on the desk or another tablet: the checkbox follows at once.
      $("premod").checked = !!ev.values.premoderation;
    } else if (ev.topic === "chat") chatEvent(ev);
    else if (ev.topic === "blocks") blocksEvent();
    else if (ev.topic === "qa" || ev.type === "SegmentsChanged") loadSoon();
  },
});
