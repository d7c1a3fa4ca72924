// /door without the server: the check-in list this phone works on, the guests on it (kept on the
// phone), and a queue of check-ins that outlives the link and a reload.
//
// Every check-in gets its own id (client_id) and is written to this phone's storage BEFORE it is
// sent; the server answers a replayed id with its first answer and changes nothing, so a scan is
// never lost and never counted twice. Without a link, the phone decides from its copy of the list:
// the guest is let in and shown amber ("saved on this phone, not yet confirmed"); the queue goes
// out as soon as the server answers again, each with the time it was scanned. Each item then
// shows what became of it: confirmed, or already checked in by another door (both are kept in the
// event file and the report lists them).
//
// Only a paired door station can read the roster (GET /api/v1/door/roster); `forget()` wipes it
// when the station is revoked. Guest text goes in with textContent.
import { ApiError, getJSON, postJSON } from "./api.js";
import { t } from "./i18n.js";
import { el, hhmm as hm } from "./page.js";

const KEY = "showday.door.";
const RETRY_MS = 4000;
const KEEP_DONE = 40; // settled items kept on screen (and in storage) for the host to look at

const store = {
  get(name, fallback) {
    try {
      const raw = localStorage.getItem(KEY + name);
      return raw === null ? fallback : JSON.parse(raw);
    } catch {
      return fallback;
    }
  },
  set(name, value) {
    try {
      localStorage.setItem(KEY + name, JSON.stringify(value));
      return true;
    } catch {
      return false; // storage full: the caller says so
    }
  },
  drop(name) {
    localStorage.removeItem(KEY + name);
  },
};

// The roster goes to IndexedDB (tens of thousands of guests do not fit localStorage's ~5 MB);
// the queue and settings stay in localStorage (small, and read synchronously at start).
const IDB = "showday-door";
function idb() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(IDB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore("kv");
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}
async function idbDo(mode, fn) {
  const db = await idb();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction("kv", mode);
      const req = fn(tx.objectStore("kv"));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}
const keepRoster = (r) => idbDo("readwrite", (s) => (r ? s.put(r, "roster") : s.delete("roster")));
const keptRoster = () => idbDo("readonly", (s) => s.get("roster"));

function newId() {
  // crypto.randomUUID needs HTTPS; getRandomValues works on a plain-http LAN page too.
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
}

const isNetwork = (err) => err instanceof ApiError && err.status === 0;

export const fold = (s) =>
  String(s || "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/g, "");

// What a scanner typed as a ticket code: a URL carrying it (…?code=X or …/t/X) or the code.
// The server's app.guests.fields.scanned_code, ported.
const CODE_PARAMS = ["code", "ticket", "ticket_code", "c", "t", "secret"];
export function codeOf(text) {
  let s = String(text || "").normalize("NFKC").trim();
  if (s.includes("://") || s.startsWith("www.") || s.includes("?")) {
    try {
      const u = new URL(s.includes("://") ? s : `http://x/${s}`);
      for (const k of CODE_PARAMS) if (u.searchParams.get(k)) return fold(u.searchParams.get(k)).toUpperCase();
      s = u.pathname.replace(/\/+$/, "").split("/").pop() || s;
    } catch {
      /* not a URL after all */
    }
  }
  return fold(s).toUpperCase();
}

// Without the server the phone reads what was typed by the server's rule, ported exactly from
// app/guests/resolve.py (`looks_like_code`, `resolve`): a ticket code or one clear match is
// checked in; several matches answer "choose"; a text that looks like a ticket code and matches
// nobody exactly is nobody — never a stranger whose phone merely ends like it.
const MIN_CODE = 6;
export function looksLikeCode(text) {
  const s = String(text || "").normalize("NFKC").trim();
  if (s.includes("://") || s.startsWith("www.")) return true;
  const code = codeOf(s);
  return code.length >= MIN_CODE && /^[A-Za-z0-9]+$/.test(code) && /[0-9]/.test(code);
}

// The kind of answer for `text` given every match searchRoster found ([rank, guest], best
// first): "code", "one", "choose", "none". For "code" and "one" the guest is the first match
// (exact tiers rank first).
export function resolveKind(text, scored) {
  const query = String(text || "").trim();
  if (!query) return "none";
  if (scored.length && scored[0][0] === 0) return "code";
  const exact = scored.filter(([rank]) => rank <= 1).length;
  if (looksLikeCode(query) && !exact) return "none";
  if (!scored.length) return "none";
  return scored.length === 1 || exact === 1 ? "one" : "choose";
}

// The phone's copy of the list searched (name, pinyin, initials, company, phone tail, ticket
// code): every match as [rank, guest], best first. Rank 0 the ticket code, 1 exact name or
// pinyin, then looser ones.
export function searchRoster(guests, text) {
  const q = fold(text);
  if (!q) return [];
  const code = codeOf(text);
  const scored = [];
  for (const g of guests) {
    let rank = -1;
    if (g.ticket_code === code) rank = 0;
    else if (fold(g.name) === q || g.pinyin === q) rank = 1;
    else if (fold(g.name).startsWith(q) || g.pinyin.startsWith(q) || g.initials === q) rank = 2;
    else if (g.phone_tail && q.length >= 4 && g.phone_tail.endsWith(q.slice(-4)) && /^\d+$/.test(q)) rank = 3;
    else if (fold(g.name).includes(q) || fold(g.company).includes(q) || g.initials.startsWith(q)) rank = 4;
    if (rank >= 0) scored.push([rank, g]);
  }
  return scored.sort((a, b) => a[0] - b[0]);
}

export function createOffline({ onChange = () => {} } = {}) {
  const st = {
    list: Number(store.get("list", 1)) || 1,
    lists: store.get("lists", []),
    roster: null, // {list, at, guests: [...]}, read from IndexedDB below
    queue: store.get("queue", []), // [{id, list, body, guest, scanned_at, state, answer}]
    online: true,
    exit: Boolean(store.get("exit", false)),
    rosterTimer: null,
    flushing: false,
    timer: null,
    queueFull: false,
    rosterFull: false,
  };
  const save = () => {
    st.queueFull = !store.set("queue", st.queue);
  };
  const changed = () => onChange(api);

  function byCode(code) {
    const guests = (st.roster && st.roster.list && st.roster.list.id === st.list && st.roster.guests) || [];
    return guests.find((g) => g.ticket_code === code) || null;
  }
  function byId(id) {
    const guests = (st.roster && st.roster.guests) || [];
    return guests.find((g) => g.guest_id === id) || null;
  }
  // A guest this phone has let in (or is sending) on this list: the second scan is "already".
  function localEntry(guestId) {
    return st.queue.find((it) => it.list === st.list && it.guest && it.guest.guest_id === guestId && it.state !== "unknown" && it.state !== "not_on_list") || null;
  }

  // Without a link: search the phone's copy of the list (name, pinyin, initials, company,
  // phone tail, ticket code), best first, as hits the page can render.
  function search(text, limit = 20) {
    if (!st.roster) return { hits: [], kind: "none" };
    const scored = searchRoster(st.roster.guests, text);
    // Decided on every match, shortened after (as the server does).
    const kind = resolveKind(text, scored);
    const hits = scored.slice(0, limit).map(([rank, g]) => {
      const mine = localEntry(g.guest_id);
      return {
        ...g,
        phone: g.phone_tail,
        rank,
        matched: rank === 0 ? "code" : "name",
        checked_in: Boolean(g.checked_in_at || mine),
        checked_in_at: g.checked_in_at || (mine && mine.scanned_at) || null,
        checked_in_by: g.checked_in_by || (mine ? t("door.this_phone") : null),
      };
    });
    return { hits, kind };
  }

  // Decide without the server. Returns the answer the page shows.
  function admitHere(item) {
    const b = item.body;
    let g = b.guest_id ? byId(b.guest_id) : byCode(codeOf(b.code || b.query || ""));
    if (!g && b.query) {
      // The server's rule (resolveKind): several answer "choose", one clear match gets in.
      const { hits, kind } = search(b.query);
      if (kind === "choose") return { result: "choose", candidates: hits, offline: true };
      if (kind === "one") g = byId(hits[0].guest_id);
    }
    if (!g) return { result: "offline_unknown", code: b.code || b.query || "", offline: true };
    const mine = localEntry(g.guest_id);
    if (g.checked_in_at || mine) {
      return {
        ...g,
        result: "already",
        at: g.checked_in_at || mine.scanned_at,
        station: g.checked_in_by || t("door.this_phone"),
        offline: true,
      };
    }
    item.guest = { guest_id: g.guest_id, name: g.name, company: g.company, role: g.role, title: g.title };
    item.body = { ...item.body, guest_id: g.guest_id, code: undefined, query: undefined };
    item.state = "saved";
    st.queue.push(item);
    save();
    return { ...g, result: "saved", at: item.scanned_at, offline: true };
  }

  function setOnline(on) {
    if (st.online === on) return;
    st.online = on;
    changed();
  }

  // A check-in: stored, then sent; without a link, decided here and queued.
  async function send(body) {
    const item = {
      id: newId(),
      list: st.list,
      body: { ...body, list: st.list },
      scanned_at: new Date().toISOString(),
      state: "sending",
      guest: null,
      answer: null,
    };
    try {
      const r = await postJSON("/api/v1/checkins", { ...item.body, client_id: item.id });
      setOnline(true);
      if (r.result === "ok") markRoster(r.guest_id, r.at, r.station);
      return r;
    } catch (err) {
      if (!isNetwork(err) || !st.roster) throw err;
      setOnline(false);
      const r = admitHere(item);
      schedule();
      changed();
      return r;
    }
  }

  function markRoster(guestId, at, station) {
    const g = byId(guestId);
    if (g && !g.checked_in_at) {
      g.checked_in_at = at;
      g.checked_in_by = station;
    }
  }

  // Send the queue, oldest first, each with the time it was scanned; keep each answer.
  async function flush() {
    if (st.flushing) return;
    const pending = st.queue.filter((it) => it.state === "saved");
    if (!pending.length) return;
    st.flushing = true;
    try {
      for (const it of pending) {
        const body = { guest_id: it.body.guest_id, list: it.list, client_id: it.id, scanned_at: it.scanned_at };
        let r;
        try {
          r = await postJSON("/api/v1/checkins", body);
        } catch (err) {
          if (isNetwork(err)) {
            setOnline(false);
            schedule();
            return;
          }
          r = { result: "failed", error: err.message };
        }
        setOnline(true);
        it.state = r.result === "ok" ? "ok" : r.result;
        it.answer = { result: r.result, at: r.at, station: r.station, double: Boolean(r.double), error: r.error || "" };
        if (r.result === "ok") markRoster(r.guest_id, r.at, r.station);
        save();
        changed();
      }
      // Settled items stay on screen for a while; the oldest go.
      const settled = st.queue.filter((it) => it.state !== "saved");
      if (settled.length > KEEP_DONE) {
        const drop = new Set(settled.slice(0, settled.length - KEEP_DONE).map((it) => it.id));
        st.queue = st.queue.filter((it) => !drop.has(it.id));
        save();
      }
    } finally {
      st.flushing = false;
    }
  }

  function schedule() {
    clearTimeout(st.timer);
    if (st.queue.some((it) => it.state === "saved")) st.timer = setTimeout(() => flush(), RETRY_MS);
  }

  async function loadLists() {
    const r = await getJSON("/api/v1/lists");
    st.lists = r.lists || [];
    store.set("lists", st.lists);
    if (!st.lists.some((l) => l.id === st.list) && st.lists.length) pick(st.lists[0].id, false);
    changed();
    return st.lists;
  }

  async function loadRoster() {
    const wanted = st.list;
    const r = await getJSON(`/api/v1/door/roster?list=${wanted}`);
    if (wanted !== st.list) return;
    st.roster = r;
    try {
      await keepRoster(r);
      st.rosterFull = false;
    } catch {
      st.rosterFull = true; // kept in memory only: offline works until the page is reloaded
    }
    document.getElementById("desk").dataset.roster = `${r.list.id}:${r.guests.length}`;
    changed();
  }

  // The link is back (or the page opened): lists, the roster, then the queue.
  async function online() {
    setOnline(true);
    await flush();
    await loadLists();
    await loadRoster();
  }

  function pick(id, reload = true) {
    st.list = Number(id) || 1;
    store.set("list", st.list);
    changed();
    if (reload) loadRoster().catch(() => {});
  }

  // A live event: another door's check-in or undo, on the list this phone keeps.
  function apply(ev) {
    if (!st.roster) return;
    const main = st.roster.list && st.roster.list.main;
    const onMine = ev.type === "ListCheckIn" ? ev.list_id === st.roster.list.id : main;
    const g = onMine ? byId(ev.guest_id) : null;
    if (ev.type === "GuestsChanged" || ev.type === "ListsChanged") {
      clearTimeout(st.rosterTimer); // an import or an edit: read the list again, once
      st.rosterTimer = setTimeout(() => loadRoster().catch(() => {}), 2000);
    } else if (g && ((ev.type === "ListCheckIn" && ev.action === "in") || ev.type === "GuestCheckedIn")) {
      markRoster(g.guest_id, ev.at, ev.station);
    } else if (g && (ev.type === "CheckInUndone" || (ev.type === "ListCheckIn" && ev.action === "undo"))) {
      g.checked_in_at = null;
      g.checked_in_by = null;
    }
  }

  // An exit station: the guest leaves the list (online only: a phone without a link cannot
  // know who is inside, and a wrong "not inside" is worse than asking to try again).
  async function checkOut(body) {
    const b = { list: st.list };
    if (body.guest_id) b.guest_id = body.guest_id;
    else b.code = body.code || body.query || "";
    const r = await postJSON("/api/v1/checkouts", b);
    setOnline(true);
    return r;
  }

  function setExit(on) {
    st.exit = Boolean(on);
    store.set("exit", st.exit);
    changed();
  }

  function forget() {
    for (const k of ["lists", "list"]) store.drop(k);
    keepRoster(null).catch(() => {});
    st.roster = null;
    st.lists = [];
  }

  window.addEventListener("online", () => flush());
  // The copy kept last time (the page reloaded with no link): until the server sends a fresh one.
  keptRoster()
    .then((r) => {
      if (r && !st.roster) {
        st.roster = r;
        document.getElementById("desk").dataset.roster = `${r.list.id}:${r.guests.length}`;
        changed();
      }
    })
    .catch(() => {});
  if (st.queue.some((it) => it.state === "saved")) schedule();

  const api = {
    send,
    search,
    flush,
    online,
    pick,
    forget,
    loadRoster,
    loadLists,
    apply,
    checkOut,
    setExit,
    get exiting() {
      const l = st.lists.find((x) => x.id === st.list);
      return Boolean(st.exit && l && l.exits);
    },
    get list() {
      return st.list;
    },
    get lists() {
      return st.lists;
    },
    get listInfo() {
      return st.lists.find((l) => l.id === st.list) || null;
    },
    get queue() {
      return st.queue;
    },
    get isOnline() {
      return st.online;
    },
    get roster() {
      return st.roster;
    },
    get storageFull() {
      return st.queueFull || st.rosterFull;
    },
  };
  return api;
}

// -- what the page shows of it ------------------------------------------------------------------

export const listName = (l) => (l && l.main && l.name === "All guests" ? t("door.list_all") : (l && l.name) || "");

function li(cls, ...parts) {
  const e = el("li", cls);
  for (const [c, text] of parts) e.append(el("span", c, text));
  return e;
}

// The scans this phone kept: amber until the server has them, then what became of each.
export function renderQueue(off, section, list) {
  const items = off.queue.slice().reverse();
  section.hidden = items.length === 0;
  list.replaceChildren(
    ...items.map((it) => {
      const a = it.answer || {};
      let text = t("door.q_saved");
      if (it.state === "ok") text = t("door.q_ok", { at: hm(a.at) });
      else if (it.state === "already") text = t("door.q_already", { station: a.station || "?", at: hm(a.at) });
      else if (it.state === "not_on_list") text = t("door.q_not_on_list");
      else if (it.state === "not_admitted") text = t("door.not_admitted", { reason: t(`door.reason.${a.ticket_status}`) });
      else if (it.state !== "saved") text = t("door.q_failed", { error: a.error || it.state });
      const e = li("q-item", ["q-name", (it.guest && it.guest.name) || "?"], ["q-time", hm(it.scanned_at)], ["q-state", text]);
      e.dataset.state = it.state;
      e.dataset.clientId = it.id;
      return e;
    }),
  );
}

// The list picker and each list's counts.
export function renderLists(off, select, counts) {
  const lists = off.lists;
  select.closest("label").hidden = lists.length < 2;
  const opts = lists.map((l) => {
    const o = document.createElement("option");
    o.value = String(l.id);
    o.textContent = listName(l);
    return o;
  });
  select.replaceChildren(...opts);
  select.value = String(off.list);
  const info = off.listInfo;
  const toggle = document.getElementById("exit-mode");
  toggle.hidden = !(info && info.exits);
  toggle.querySelector("input").checked = off.exiting;
  counts.replaceChildren(
    ...(lists.length < 2
      ? []
      : lists.map((l) => {
          const inside = l.exits ? ` · ${t("door.inside")} ${l.inside ?? 0}` : "";
          const e = li(l.id === off.list ? "mine" : "", ["", `${listName(l)} ${l.arrived}/${l.expected}${inside}`]);
          return e;
        })),
  );
}

// What an exit station shows: [state, title, detail].
export function exitAnswer(r) {
  if (r.result === "ok") return ["info", t("door.bye", { name: r.name }), t("door.left_now")];
  if (r.result === "unknown") return ["unknown", t("door.unknown"), t("door.unknown_detail", { code: r.code || "" })];
  const title = r.at ? t("door.left_at", { at: hm(r.at), station: r.station || "?" }) : t("door.not_inside");
  return ["already", title, r.name || ""];
}

export function offlineLine(off) {
  if (off.storageFull) return t("door.storage_full");
  if (off.isOnline) return "";
  const r = off.roster;
  return r ? t("door.offline", { n: r.guests.length, at: hm(r.at) }) : t("door.offline_nolist");
}

// Why a guest is not on this list, in the page's words.
export function reasonText(reason) {
  if (!reason) return "";
  const allowed = (reason.allowed || [])
    .map((v) => (reason.rule === "role" && ["guest", "speaker", "vip", "staff"].includes(v) ? t(`door.role.${v}`) : v))
    .join(t("door.list_sep"));
  const value = reason.rule === "role" && reason.value ? t(`door.role.${reason.value}`) : reason.value || t("door.empty");
  const what = reason.rule === "role" ? t("door.by_role") : reason.rule === "ticket_type" ? t("door.by_ticket") : reason.field;
  return t("door.reason", { what, value, allowed });
}
