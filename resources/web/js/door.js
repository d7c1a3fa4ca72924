// /door: a paired door phone. Search (name, pinyin, phone, email, company, code), tap a result
// to check in, or type/scan a ticket code; big green / yellow / red answers; undo; walk-ins;
// counters that follow every door live. All guest text goes in with textContent.
// Like the desk: the server's resolver (app.guests.resolve) says what the text means; the top
// result is highlighted (none for a ticket code nobody has), ↑/↓/PgUp/PgDn move it, Enter
// checks in the highlighted guest and only that one, or sends the text as a query.
import { deleteJSON, getJSON, postJSON, showError } from "./api.js";
import { createOffline, exitAnswer, offlineLine, reasonText, renderLists, renderQueue } from "./door-offline.js";
import "./door-strings.js";
import { applyI18n, t } from "./i18n.js";
import { connectLive } from "./live.js";
import { el, hhmm, setLiveBadge, setText } from "./page.js";

applyI18n();
const $ = (id) => document.getElementById(id);
const errorEl = $("error");
const q = $("q");
const code = $("code");
q.placeholder = t("door.search_ph");
code.placeholder = t("door.code_ph");

const state = {
  staff: false,
  hits: [],
  kind: "none", // the server's resolution of `shown`
  shown: "", // the text the hits are for
  hl: -1, // the highlighted hit
  seq: 0,
  last: null,
  countsBusy: false,
  countsAgain: false,
  link: "connecting", // the live socket's state
};

// The check-in list, the phone's copy of it and the queue of check-ins (door-offline.js).
const offline = createOffline({ onChange: paintOffline });
function paintOffline(off) {
  renderQueue(off, $("queue"), $("queue-items"));
  renderLists(off, $("list-pick"), $("list-counts"));
  const line = offlineLine(off);
  $("offline").hidden = !line;
  $("offline").textContent = line;
  // A socket can outlive the network for a while: the badge follows what the last request saw.
  setLiveBadge($("live"), off.isOnline ? state.link : "reconnecting");
}
paintOffline(offline); // what this phone kept, before the server answers (or if it never does)
$("exit").addEventListener("change", (ev) => offline.setExit(ev.target.checked));
$("list-pick").addEventListener("change", (ev) => {
  offline.pick(ev.target.value);
  render([]);
  showResult("idle", t("door.ready"));
  refreshCounts();
});

const roleText = (role) => (["guest", "speaker", "vip", "staff"].includes(role) ? t(`door.role.${role}`) : role || "");
const channelText = (ch) => (ch === "walk-in" ? t("door.walk_in_channel") : ch || t("door.no_channel"));

// -- who is this ------------------------------------------------------------------------------

function showPaired(caller) {
  const isDoor = caller.kind === "control" || (caller.kind === "station" && caller.role === "door");
  state.staff = isDoor;
  $("desk").hidden = !isDoor;
  $("unpaired").hidden = isDoor;
  if (caller.kind === "station" && !isDoor) setText("#unpaired-title", t("door.not_door"));
  if (isDoor) setText("#who", t("station.paired_as", { name: caller.name }));
  else offline.forget(); // guest data stays on paired door phones only
}

// -- the answer -------------------------------------------------------------------------------

function showResult(kind, title, detail = "", undoId = null) {
  const box = $("result");
  box.dataset.state = kind;
  setText("#result-title", title);
  setText("#result-detail", detail);
  $("undo").hidden = undoId === null;
  state.last = undoId;
  if (kind !== "idle") {
    box.scrollIntoView({ block: "nearest" });
    if (navigator.vibrate) navigator.vibrate(kind === "ok" ? 60 : [120, 60, 120]);
  }
}

function detailOf(r) {
  return [roleText(r.role), r.company, r.title].filter(Boolean).join(" · ");
}

export function showCheckIn(r) {
  if (r.result === "ok") {
    showResult("ok", t("door.welcome", { name: r.name }), detailOf(r), r.guest_id);
  } else if (r.result === "not_admitted") {
    // Unpaid, refunded, cancelled...: red with the reason; only a supervisor at the desk re-admits.
    const reason = t(`door.reason.${r.ticket_status}`);
    const who = [r.name, r.ticket_type, r.company].filter(Boolean).join(" · ");
    showResult("refused", t("door.not_admitted", { reason }), `${who} — ${t("door.ask_supervisor")}`);
  } else if (r.result === "choose") {
    // Several guests fit: nobody was checked in; the candidates are listed to pick from.
    render(r.candidates || [], "choose", r.code || "");
    showResult("info", t("door.choose"));
  } else if (r.result === "saved") {
    // No link: let in on this phone's list; the queue sends it when the server is back.
    showResult("saved", t("door.saved", { name: r.name }), t("door.saved_detail"));
  } else if (r.result === "not_on_list") {
    showResult("unknown", t("door.not_on_list", { name: r.name }), reasonText(r.reason));
  } else if (r.result === "offline_unknown") {
    showResult("unknown", t("door.offline_unknown"), t("door.offline_unknown_detail", { code: r.code || "" }));
  } else if (r.result === "already") {
    const d = detailOf(r);
    showResult("already", t("door.already", { at: hhmm(r.at), station: r.station || "?" }), d ? `${r.name} · ${d}` : r.name);
  } else {
    showResult("unknown", t("door.unknown"), t("door.unknown_detail", { code: r.code || "" }));
  }
}

// A failed check-in must never leave the previous guest's green answer on screen: the door says
// plainly that this one was NOT checked in, and a scanned code goes back into its field so Enter
// (or the next scan) tries again once the link is back.
async function checkIn(body, retryField = null) {
  showError(errorEl, null);
  try {
    if (offline.exiting) {
      // An exit station on a list with exits: the guest leaves (door-offline.js).
      const [kind, title, detail] = exitAnswer(await offline.checkOut(body));
      showResult(kind, title, detail);
      return;
    }
    showCheckIn(await offline.send(body));
  } catch (err) {
    showResult("failed", t("door.not_saved"), err.message || String(err));
    const typed = body.code || body.query;
    if (retryField && typed && !retryField.value) retryField.value = typed;
  }
}

$("undo").addEventListener("click", async () => {
  const id = state.last;
  if (id === null) return;
  try {
    const r = await deleteJSON(`/api/v1/checkins/${id}?list=${offline.list}`);
    showResult("info", t(r.result === "undone" ? "door.undone" : "door.nothing_to_undo"));
  } catch (err) {
    showError(errorEl, err);
  }
});

// -- searching --------------------------------------------------------------------------------

const tail = (s) => {
  const v = String(s || "").replace(/^\+/, "");
  return v.length > 4 ? `…${v.slice(-4)}` : v;
};

function hitItem(h) {
  const li = el("li", "hit");
  const b = el("button", "hit-btn");
  b.type = "button";
  b.dataset.guestId = String(h.guest_id);
  b.dataset.role = h.role;
  b.dataset.arrived = h.checked_in ? "1" : "0";
  const top = el("span", "hit-top");
  top.append(el("span", "hit-name", h.name));
  if (h.role !== "guest") top.append(el("span", `badge role-${h.role}`, roleText(h.role)));
  b.append(top);
  // What tells two guests of one name apart: phone tail, company, ticket tail, channel.
  const sub = [tail(h.phone), h.company, tail(h.ticket_code), channelText(h.channel)].filter(Boolean).join(" · ");
  b.append(el("span", "hit-sub", sub));
  b.dataset.refused = h.not_admitted && !h.checked_in ? "1" : "0";
  let stateText = t("door.tap");
  if (h.checked_in) stateText = t("door.arrived_at", { at: hhmm(h.checked_in_at), station: h.checked_in_by || "" });
  else if (h.not_admitted) stateText = `✗ ${t(`door.reason.${h.not_admitted}`)}`;
  b.append(el("span", "hit-state", stateText));
  b.addEventListener("click", () => {
    q.value = "";
    render([]);
    checkIn({ guest_id: h.guest_id });
  });
  li.append(b);
  return li;
}

function highlight(i) {
  const items = $("hits").children;
  state.hl = i >= 0 && i < items.length ? i : -1;
  for (let k = 0; k < items.length; k++) {
    const on = k === state.hl;
    items[k].classList.toggle("hl", on);
    items[k].firstChild.setAttribute("aria-current", on ? "true" : "false");
  }
  if (state.hl >= 0) items[state.hl].scrollIntoView({ block: "nearest" });
}

function render(hits, kind = "none", text = "") {
  // The same text again (a live refresh after another door's check-in): the highlight stays on
  // the guest the host chose, wherever the list moved them, and never lands on someone else.
  const kept = text && text === state.shown && state.hl >= 0 ? state.hits[state.hl].guest_id : null;
  state.hits = hits;
  state.kind = kind;
  state.shown = text;
  const list = $("hits");
  list.replaceChildren(...hits.map(hitItem));
  list.dataset.kind = kind;
  list.dataset.query = text;
  if (kept !== null) highlight(hits.findIndex((h) => h.guest_id === kept));
  else highlight(hits.length && kind !== "none" ? 0 : -1);
  const typed = q.value.trim();
  $("no-hits").hidden = !(typed && hits.length === 0);
  if (typed && hits.length === 0) $("no-hits").textContent = t("door.no_hits", { q: typed });
}

function moveHighlight(delta) {
  const n = state.hits.length;
  if (!n) return;
  const row = state.hl < 0 ? (delta > 0 ? 0 : n - 1) : state.hl + delta;
  highlight(Math.max(0, Math.min(n - 1, row)));
}

let searchTimer = null;
async function search() {
  const text = q.value.trim();
  const seq = ++state.seq;
  if (!text || !state.staff) {
    render([]);
    return;
  }
  try {
    const r = await getJSON(`/api/v1/guests?q=${encodeURIComponent(text)}&limit=20&list=${offline.list}`);
    if (seq === state.seq) render(r.guests || [], (r.resolution && r.resolution.kind) || "none", text);
  } catch (err) {
    if (seq !== state.seq) return;
    if (err.status === 0 && offline.roster) {
      const r = offline.search(text); // no link: the phone's copy of the list
      render(r.hits, r.kind, text);
    } else showError(errorEl, err);
  }
}

q.addEventListener("input", () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(search, 120);
});

const MOVES = { ArrowUp: -1, ArrowDown: 1, PageUp: -10, PageDown: 10 };
q.addEventListener("keydown", (ev) => {
  const delta = MOVES[ev.key];
  if (delta === undefined || ev.altKey || ev.ctrlKey || ev.metaKey) return;
  ev.preventDefault();
  moveHighlight(delta);
});

// Enter: the highlighted guest, and only that one. With none highlighted (a ticket code nobody
// has, or no result yet) the server reads the text itself: it decides what is a ticket code.
$("search-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const text = q.value.trim();
  if (!text) return;
  if (state.shown !== text) {
    clearTimeout(searchTimer); // a scanner's burst outran the search: resolve it first
    await search();
  }
  const pick = state.shown === text && state.hl >= 0 ? state.hits[state.hl] : null;
  q.value = "";
  render([]);
  if (pick) checkIn({ guest_id: pick.guest_id });
  else checkIn({ query: text }, q);
});

$("code-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const text = code.value.trim();
  if (!text) return;
  code.value = "";
  checkIn({ code: text }, code);
});

// -- counters ---------------------------------------------------------------------------------

async function refreshCounts() {
  if (!state.staff) return;
  if (state.countsBusy) {
    state.countsAgain = true; // a burst of arrivals: one more fetch after this one
    return;
  }
  state.countsBusy = true;
  try {
    const [c] = await Promise.all([getJSON("/api/v1/door/counts"), offline.loadLists()]);
    for (const dd of document.querySelectorAll("#st-door dd[data-key]")) dd.textContent = String(c[dd.dataset.key] ?? 0);
    // Tickets not admitted (unpaid, refunded...): shown only when there are some.
    const na = document.querySelector('#st-door dd[data-key="not_admitted"]');
    na.hidden = na.previousElementSibling.hidden = !c.not_admitted;
    const items = Object.entries(c.by_channel || {}).map(([ch, v]) => el("li", "", `${channelText(ch)} ${v.arrived}/${v.expected}`));
    $("channels").replaceChildren(...items);
  } catch (err) {
    showError(errorEl, err);
  } finally {
    state.countsBusy = false;
    if (state.countsAgain) {
      state.countsAgain = false;
      refreshCounts();
    }
  }
}

// -- walk-ins ---------------------------------------------------------------------------------

const walkinForm = $("walkin-form");
walkinForm.addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const f = walkinForm.elements;
  const body = {
    name: f.name.value.trim(),
    company: f.company.value.trim(),
    title: f.title.value.trim(),
    phone: f.phone.value.trim(),
    email: f.email.value.trim(),
    consent: f.consent.checked,
  };
  const errEl = $("walkin-error");
  if (!body.name) {
    showError(errEl, t("door.err_name"));
    f.name.focus();
    return;
  }
  const button = walkinForm.querySelector("button[type=submit]");
  button.disabled = true;
  try {
    const r = await postJSON("/api/v1/guests", body);
    showError(errEl, null);
    walkinForm.reset();
    $("walkin").open = false;
    showCheckIn(r);
  } catch (err) {
    const field = err.body && err.body.field;
    const known = { name: "door.err_name", email: "door.err_email", phone: "door.err_phone" };
    showError(errEl, known[field] ? t(known[field]) : err);
    if (field && f[field]) f[field].focus();
  } finally {
    button.disabled = false;
  }
});

// -- live -------------------------------------------------------------------------------------

async function sync(hello) {
  const me = hello || (await getJSON("/api/v1/me"));
  setText("#event-name", me.event || "");
  showPaired(me.caller || {});
  if (!state.staff) return;
  if ($("result").dataset.state === "idle") setText("#result-title", t("door.ready"));
  await Promise.all([refreshCounts(), search(), offline.online()]);
}

let refreshTimer = null;
connectLive({
  onSync: (hello) => sync(hello).catch((err) => showError(errorEl, err)),
  onState: (s) => {
    state.link = s;
    setLiveBadge($("live"), offline.isOnline ? s : "reconnecting");
    if (s === "revoked") showPaired({});
  },
  onEvent: (ev) => {
    if (ev.type === "EventRenamed") setText("#event-name", ev.name);
    if (ev.topic !== "door" || !state.staff) return;
    offline.apply(ev); // keep the phone's copy of the list current
    refreshCounts();
    clearTimeout(refreshTimer); // someone arrived at another door: refresh the open results
    if (q.value.trim()) refreshTimer = setTimeout(search, 150);
  },
});
