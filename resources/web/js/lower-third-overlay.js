// /overlay/lower-third: the segment's lower third for an OBS browser source (transparent page).
// The same lines and timing as the OBS text sources: in when the show moves onto a segment, out
// show_seconds later (app/obs/lower_third.py works it out; this page follows the server's
// clock, computed_at, not its own). Reads the state on load, after every reconnect and on each
// show or rundown change, so a refreshed source shows the rest of the time, not all of it again.
import { getJSON } from "./api.js";
import { connectLive } from "./live.js";
import { slidingBox } from "./page.js";

const nameEl = document.getElementById("lt-name");
const titleEl = document.getElementById("lt-title");
const box = slidingBox(document.getElementById("box"), 450); // 450 ms: the CSS transition
let hideTimer = null;

function show(lt) {
  clearTimeout(hideTimer);
  const now = lt.computed_at;
  if (lt.shown_from === null || (lt.shown_until !== null && now >= lt.shown_until)) {
    box.hide();
    return;
  }
  if (lt.shown_until !== null) hideTimer = setTimeout(box.hide, (lt.shown_until - now) * 1000);
  // the next speaker slides out first, then in with the new lines
  box.show(`${lt.segment_id}|${lt.shown_from}`, () => {
    nameEl.textContent = lt.name; // user text: never markup
    titleEl.textContent = lt.title;
    titleEl.hidden = !lt.title;
  });
}

async function sync() {
  try {
    show(await getJSON("/api/v1/show/lower-third"));
  } catch {
    // Keep what is shown; the live link retries and syncs again.
  }
}

connectLive({
  onSync: sync,
  onEvent: (ev) => {
    if (ev.type === "ShowStateChanged" || ev.type === "SegmentsChanged") sync();
  },
});
