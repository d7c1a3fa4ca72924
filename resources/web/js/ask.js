// /ask: the audience page. Ask (1–300 characters, optional name and contact with consent), see the
// approved questions sorted by votes or time, upvote once per device, follow one's own questions.
// Live: the hub tells us which questions changed (ids and status, and the new count of a vote);
// a vote updates its count in place, anything else refetches what we may see.
// A write refused with code "device_required" (no device id yet, or the server's secret changed)
// reloads the page once to get one; what was typed is kept in sessionStorage across the reload.
import { deleteJSON, getJSON, postJSON, showError } from "./api.js";
import { applyI18n, t } from "./i18n.js";
import { connectLive } from "./live.js";
import { debounced, el, setLiveBadge, setText } from "./page.js";
import { charCount, qaErrorText } from "./qa-strings.js";

const MAX = 300;
const LIST_LIMIT = 200; // the top (or newest) 200: plenty for a phone screen
applyI18n();
const $ = (id) => document.getElementById(id);
const form = $("ask-form");
const textEl = $("q-text");
const nameEl = $("q-name");
const contactEl = $("q-contact");
const consentEl = $("q-consent");
const sendEl = $("send");
const counterEl = $("counter");
const errorEl = $("error");
const sentEl = $("sent");
textEl.placeholder = t("ask.placeholder");
let sort = "votes";
let busy = false;
const DRAFT = "showday.ask.draft";
const RELOADED = "showday.ask.reloaded";

/** True if the page is reloading to get a device id (at most once a minute, so a server that
 * will not issue one cannot put the phone in a reload loop: then the message stays). */
function reloadForDevice(err) {
  if (err?.body?.code !== "device_required") return false;
  const last = Number(sessionStorage.getItem(RELOADED) || 0);
  if (Date.now() - last < 60000) return false;
  sessionStorage.setItem(RELOADED, String(Date.now()));
  sessionStorage.setItem(DRAFT, JSON.stringify({ text: textEl.value, name: nameEl.value, contact: contactEl.value }));
  location.reload();
  return true;
}

try {
  const draft = JSON.parse(sessionStorage.getItem(DRAFT) || "null");
  sessionStorage.removeItem(DRAFT);
  if (draft) {
    textEl.value = draft.text || "";
    nameEl.value = draft.name || "";
    contactEl.value = draft.contact || "";
  }
} catch {
  sessionStorage.removeItem(DRAFT);
}

function updateCounter() {
  const n = charCount(textEl.value.trim());
  counterEl.textContent = t("ask.counter", { n, max: MAX });
  counterEl.dataset.over = n > MAX ? "1" : "0";
  sendEl.disabled = busy || n === 0 || n > MAX;
}

textEl.addEventListener("input", () => {
  updateCounter();
  sentEl.hidden = true;
});

form.addEventListener("submit", async (ev) => {
  ev.preventDefault();
  showError(errorEl, null);
  sentEl.hidden = true;
  const contact = contactEl.value.trim();
  if (contact && !consentEl.checked) {
    showError(errorEl, t("ask.consent_needed"));
    return;
  }
  busy = true;
  sendEl.textContent = t("ask.sending");
  updateCounter();
  try {
    const res = await postJSON("/api/v1/questions", {
      text: textEl.value,
      name: nameEl.value,
      contact: consentEl.checked ? contact : "",
      consent: consentEl.checked && contact !== "",
    });
    textEl.value = ""; // only after the server has stored it: nothing typed is lost on an error
    sentEl.textContent = t(res.status === "approved" ? "ask.sent_approved" : "ask.sent_new");
    sentEl.hidden = false;
    refresh();
  } catch (err) {
    if (reloadForDevice(err)) return;
    // A body over the server's size caps is refused before the Q&A core sees it: same message.
    const tooBig = err.status === 413 || (err.status === 422 && !err.body?.code);
    showError(errorEl, tooBig ? t("qa.err.too_long", { limit: MAX }) : qaErrorText(err));
  } finally {
    busy = false;
    sendEl.textContent = t("ask.send");
    updateCounter();
  }
});

for (const b of document.querySelectorAll(".seg-btn")) {
  b.addEventListener("click", () => {
    sort = b.dataset.sort;
    markSort();
    loadList();
  });
}

function markSort() {
  for (const b of document.querySelectorAll(".seg-btn")) {
    b.setAttribute("aria-pressed", String(b.dataset.sort === sort));
  }
}

function questionItem(q) {
  const li = el("li", "q");
  li.dataset.id = String(q.id);
  li.dataset.status = q.status;
  const body = el("div", "q-body");
  if (q.status === "featured") body.append(el("span", "badge on-air", t("ask.on_air")));
  body.append(el("p", "q-text", q.text));
  const meta = el("p", "q-meta", q.name || t("ask.anonymous"));
  if (q.mine) meta.append(el("span", "badge", t("ask.yours")));
  body.append(meta);
  const vote = el("button", "vote");
  vote.type = "button";
  vote.setAttribute("aria-pressed", String(q.voted_by_me));
  vote.setAttribute("aria-label", `${t(q.voted_by_me ? "ask.voted" : "ask.vote")}, ${t("ask.votes", { n: q.votes })}`);
  vote.append(el("span", "vote-arrow", "▲"), el("span", "vote-count", String(q.votes)));
  vote.addEventListener("click", () => toggleVote(q, vote));
  li.append(body, vote);
  return li;
}

// A list read while a vote is on its way may predate the vote: rendering it would un-press the
// arrow the person just saw pressed. A list read while a vote was on its way, or across an
// answered vote (`voteGen`), is dropped and read again.
let voteGen = 0;
let votesInFlight = 0;

async function toggleVote(q, button) {
  button.disabled = true;
  votesInFlight += 1;
  try {
    const path = `/api/v1/questions/${q.id}/vote`;
    const res = q.voted_by_me ? await deleteJSON(path) : await postJSON(path);
    q.voted_by_me = res.voted;
    q.votes = res.votes;
    if (button.isConnected) button.replaceWith(questionItem(q).querySelector(".vote"));
    else refreshSoon(); // the list was redrawn meanwhile: read it again, with this vote in it
  } catch (err) {
    if (reloadForDevice(err)) return;
    showError($("list-error"), qaErrorText(err));
    button.disabled = false;
  } finally {
    votesInFlight -= 1;
    voteGen += 1;
  }
}

/** A vote event carries the new count: update the item in place instead of refetching. */
function applyVotes(ev) {
  const li = $("list").querySelector(`.q[data-id="${Number(ev.question_id)}"]`);
  if (!li || li.dataset.status !== ev.status) return false;
  const count = li.querySelector(".vote-count");
  const button = li.querySelector(".vote");
  if (!count || !button) return false;
  count.textContent = String(ev.votes);
  const voted = button.getAttribute("aria-pressed") === "true";
  button.setAttribute("aria-label", `${t(voted ? "ask.voted" : "ask.vote")}, ${t("ask.votes", { n: ev.votes })}`);
  return true;
}

async function loadList() {
  try {
    const gen = voteGen;
    const res = await getJSON(`/api/v1/questions?sort=${sort}&limit=${LIST_LIMIT}`);
    if (gen !== voteGen || votesInFlight > 0) {
      refreshSoon(); // a vote started or was answered meanwhile: this list may not have it
      return;
    }
    const items = res.questions.map(questionItem);
    $("list").replaceChildren(...items);
    $("list-empty").hidden = items.length > 0;
    showError($("list-error"), null);
  } catch (err) {
    showError($("list-error"), qaErrorText(err));
  }
}

async function loadMine() {
  try {
    const res = await getJSON("/api/v1/questions/mine");
    const items = res.questions.map((q) => {
      const li = el("li", "q mine");
      li.dataset.state = q.state;
      const body = el("div", "q-body");
      body.append(el("p", "q-text", q.text));
      const meta = el("p", "q-meta");
      meta.append(el("span", `state state-${q.state}`, t(`state.${q.state}`)));
      if (q.state === "approved" || q.state === "featured") meta.append(el("span", "", ` · ${t("ask.votes", { n: q.votes })}`));
      body.append(meta);
      li.append(body);
      return li;
    });
    $("mine").replaceChildren(...items);
    $("mine-empty").hidden = items.length > 0;
  } catch (err) {
    showError($("list-error"), qaErrorText(err));
  }
}

function refresh() {
  loadList();
  loadMine();
}
const refreshSoon = debounced(refresh);

markSort();
updateCounter();
connectLive({
  onSync: (hello) => {
    if (hello && hello.event) setText("#event-name", hello.event);
    refresh();
    document.dispatchEvent(new CustomEvent("showday:sync")); // the poll card (poll-card.js)
  },
  onState: (s) => setLiveBadge($("live"), s),
  onEvent: (ev) => {
    document.dispatchEvent(new CustomEvent("showday:live", { detail: ev })); // one socket a phone
    if (ev.type === "EventRenamed") setText("#event-name", ev.name);
    else if (ev.type === "QuestionChanged" && typeof ev.votes === "number" && applyVotes(ev)) return;
    else if (ev.type === "QuestionChanged" || ev.type === "QuestionFeatured") refreshSoon();
  },
});
