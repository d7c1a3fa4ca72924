// /overlay/question: the featured question for an OBS browser source. Transparent; the question
// slides in when featured and out when cleared. Reads GET featured on load and after every
// reconnect, so a refreshed browser source (or a restarted Showday) shows the right thing.
import { getJSON } from "./api.js";
import { connectLive } from "./live.js";
import { slidingBox } from "./page.js";

const textEl = document.getElementById("q-text");
const nameEl = document.getElementById("q-name");
const box = slidingBox(document.getElementById("box"), 450); // 450 ms: the CSS transition

function show(q) {
  if (!q) {
    box.hide();
    return;
  }
  box.show(q.id, () => {
    textEl.textContent = q.text;
    nameEl.textContent = q.name ? `— ${q.name}` : "";
    nameEl.hidden = !q.name;
  });
}

// A sync's answer may be older than a live event that arrived while it was on its way (a slow
// GET issued before a question was featured would hide it again, on stream): an event since the
// request makes its answer stale.
let events = 0;

async function sync() {
  const since = events;
  try {
    const res = await getJSON("/api/v1/questions/featured");
    if (events === since) show(res.question);
  } catch {
    // Keep what is shown; the live link retries and syncs again.
  }
}

connectLive({
  onSync: sync,
  onEvent: (ev) => {
    if (ev.type !== "QuestionFeatured") return;
    events += 1;
    show(ev.question_id === null ? null : { id: ev.question_id, text: ev.text, name: ev.name });
  },
});
