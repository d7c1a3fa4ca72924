// /ask's poll card: the poll the moderator opened appears live above the question form; the
// phone answers once (its device id, as for votes) and then sees the results, unless the poll
// keeps them until it closes. Fits 320 px. It hears the page's one live link through ask.js
// ("showday:live" / "showday:sync" events), so a phone keeps a single socket.
import { getJSON, postJSON } from "./api.js";
import { hasText, t } from "./i18n.js";
import { debounced, el } from "./page.js";
import "./poll-strings.js";
import { currentPoll, renderResults } from "./poll-view.js";

const card = document.getElementById("poll-card");
const RELOADED = "showday.ask.reloaded"; // ask.js's key: one reload a minute for a device id
let shown = null; // {id, status, answered}
let note = "";

function errorText(err) {
  const code = err?.body?.code;
  const key = code ? `poll.err_${code}` : "";
  return key && hasText(key) ? t(key) : err.message;
}

function reloadForDevice(err) {
  if (err?.body?.code !== "device_required") return false;
  if (Date.now() - Number(sessionStorage.getItem(RELOADED) || 0) < 60000) return false;
  sessionStorage.setItem(RELOADED, String(Date.now()));
  location.reload();
  return true;
}

function answerForm(poll) {
  const form = el("form", "poll-form");
  form.noValidate = true;
  const error = el("p", "error");
  error.setAttribute("role", "alert");
  error.hidden = true;
  const send = el("button", "", t("poll.send"));
  send.type = "submit";
  let read;
  if (poll.kind === "words") {
    const input = el("input", "poll-text");
    input.type = "text";
    input.maxLength = 40;
    input.placeholder = t("poll.words_placeholder");
    form.append(input);
    read = () => (input.value.trim() ? { text: input.value.trim() } : null);
  } else {
    const multiple = poll.kind === "multiple";
    const rating = poll.kind === "rating";
    const hint = rating ? t("poll.rate") : multiple ? t("poll.pick_up_to", { n: poll.max_choices }) : t("poll.pick_one");
    form.append(el("p", "poll-hint", hint));
    const list = el("div", rating ? "poll-stars" : "poll-options");
    const names = rating ? ["1", "2", "3", "4", "5"] : poll.options;
    names.forEach((name, i) => {
      const label = el("label", rating ? "poll-star" : "poll-option");
      const input = el("input");
      input.type = multiple ? "checkbox" : "radio";
      input.name = `poll-${poll.id}`;
      input.value = String(rating ? i + 1 : i);
      label.append(input, el("span", "", rating ? `${name}★` : name));
      list.append(label);
    });
    form.append(list);
    read = () => {
      const picked = [...list.querySelectorAll("input:checked")].map((x) => Number(x.value));
      if (!picked.length) return null;
      return multiple ? { options: picked } : { option: picked[0] };
    };
    if (multiple) {
      list.addEventListener("change", () => {
        const full = list.querySelectorAll("input:checked").length >= poll.max_choices;
        list.querySelectorAll("input:not(:checked)").forEach((x) => { x.disabled = full; });
      });
    }
  }
  form.append(error, send);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const body = read();
    if (!body) return;
    send.disabled = true;
    send.textContent = t("poll.sending");
    try {
      await postJSON(`/api/v1/polls/${poll.id}/answer`, body);
      note = t("poll.thanks");
      refresh();
    } catch (err) {
      if (reloadForDevice(err)) return;
      if (err?.body?.code === "already_answered") {
        note = t("poll.already");
        refresh();
        return;
      }
      error.textContent = errorText(err);
      error.hidden = false;
      send.disabled = false;
      send.textContent = t("poll.send");
    }
  });
  return form;
}

function render(poll) {
  if (!poll) {
    card.hidden = true;
    card.replaceChildren();
    shown = null;
    return;
  }
  const same = shown && shown.id === poll.id && shown.status === poll.status && shown.answered === poll.answered;
  const answering = poll.status === "open" && !poll.answered;
  if (same && answering) return; // keep what the person is choosing
  if (!shown || shown.id !== poll.id) note = "";
  shown = { id: poll.id, status: poll.status, answered: poll.answered };
  const head = el("div", "section-head");
  head.append(el("h2", "", t("poll.heading")));
  const parts = [head, el("p", "poll-question", poll.question)];
  if (answering) {
    parts.push(answerForm(poll));
  } else {
    const msg = note || (poll.status === "closed" ? t("poll.closed") : t("poll.already"));
    parts.push(el("p", "ok", msg));
    const results = el("div", "poll-results");
    renderResults(results, poll);
    parts.push(results);
  }
  card.replaceChildren(...parts);
  card.hidden = false;
}

async function refresh() {
  try {
    const { polls } = await getJSON("/api/v1/polls");
    render(currentPoll(polls));
  } catch {
    // keep the card as it is; the live link resyncs
  }
}

const refreshSoon = debounced(refresh);
document.addEventListener("showday:sync", refresh);
document.addEventListener("showday:live", (e) => {
  if (e.detail?.type === "PollChanged") refreshSoon();
});
refresh();
