// /overlay/lower-third: the segment's lower third for an OBS browser source (transparent page).
// The same lines and timing as the OBS text sources: in when the show moves onto a segment, out
// show_seconds later (app/obs/lower_third.py works it out; this page follows the server's
// clock, computed_at, not its own). Reads the state on load, after every reconnect and on each
// show or rundown change, so a refreshed source shows the rest of the time, not all of it again.
import { getJSON } from "./api.js";
import { connectLive } from "./live.js";

const box = document.getElementById("box");
const nameEl = document.getElementById("lt-name");
const titleEl = document.getElementById("lt-title");
const OUT_MS = 450; // matches the CSS transition
let onScreen = null; // "segment|shown_from" of what is shown
let hideTimer = null;
let swap = null;

function hide() {
  clearTimeout(swap);
  onScreen = null;
  box.dataset.shown = "0";
}

function show(lt) {
  clearTimeout(hideTimer);
  const now = lt.computed_at;
  const visible = lt.shown_from !== null && (lt.shown_until === null || now < lt.shown_until);
  if (!visible) {
    hide();
    return;
  }
  if (lt.shown_until !== null) hideTimer = setTimeout(hide, (lt.shown_until - now) * 1000);
  const key = `${lt.segment_id}|${lt.shown_from}`;
  const put = () => {
    nameEl.textContent = lt.name; // user text: never markup
    titleEl.textContent = lt.title;
    titleEl.hidden = !lt.title;
    onScreen = key;
    box.dataset.shown = "1";
  };
  clearTimeout(swap);
  if (onScreen !== null && onScreen !== key && box.dataset.shown === "1") {
    box.dataset.shown = "0"; // the next speaker: out first, then in with the new lines
    swap = setTimeout(put, OUT_MS);
  } else {
    put();
  }
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
