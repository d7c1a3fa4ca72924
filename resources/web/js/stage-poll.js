// The stage display's poll panel: while a poll is open (or the last one closed), its results in
// the bottom-left corner, live, so the speaker can talk about them. Its own live link (one
// screen); the stage role sees results even when the audience does not yet.
import { getJSON } from "./api.js";
import { connectLive } from "./live.js";
import { debounced } from "./page.js";
import { currentPoll, renderResults } from "./poll-view.js";

const panel = document.getElementById("stage-poll");

async function sync() {
  try {
    const { polls } = await getJSON("/api/v1/polls");
    const poll = currentPoll(polls);
    panel.hidden = !poll;
    if (!poll) return;
    document.getElementById("stage-poll-question").textContent = poll.question;
    renderResults(document.getElementById("stage-poll-results"), poll);
  } catch {
    // keep what is shown; the live link retries
  }
}

const soon = debounced(sync, 200, 100);
connectLive({ onSync: sync, onEvent: (ev) => ev.type === "PollChanged" && soon() });
