// /overlay/question: the featured question for an OBS browser source. Transparent; the question
// slides in when featured and out when cleared. Reads GET featured on load and after every
// reconnect, so a refreshed browser source (or a restarted Showday) shows the right thing.
import { getJSON } from "./api.js";
import { connectLive } from "./live.js";

const box = document.getElementById("box");
const textEl = document.getElementById("q-text");
const nameEl = document.getElementById("q-name");
const OUT_MS = 450; // matches the CSS transition
let current = null; // id on screen
let swap = null;

function show(q) {
  clearTimeout(swap);
  if (!q) {
    current = null;
    box.dataset.shown = "0";
    return;
  }
  const put = () => {
    textEl.textContent = q.text;
    nameEl.textContent = q.name ? `— ${q.name}` : "";
    nameEl.hidden = !q.name;
    current = q.id;
    box.dataset.shown = "1";
  };
  if (current !== null && current !== q.id && box.dataset.shown === "1") {
    // Another question replaces this one: out first, then in with the new text.
    box.dataset.shown = "0";
    swap = setTimeout(put, OUT_MS);
  } else {
    put();
  }
}

async function sync() {
  try {
    const res = await getJSON("/api/v1/questions/featured");
    show(res.question);
  } catch {
    // Keep what is shown; the live link retries and syncs again.
  }
}

connectLive({
  onSync: sync,
  onEvent: (ev) => {
    if (ev.type !== "QuestionFeatured") return;
    show(ev.question_id === null ? null : { id: ev.question_id, text: ev.text, name: ev.name });
  },
});
