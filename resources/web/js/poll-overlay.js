// /overlay/poll: the open poll's results for an OBS browser source (or the closed one shown
// last; `?poll=ID` pins one). Transparent; bars animate as answers come in, word clouds grow.
// Reads GET /api/v1/polls on load, after every reconnect and on each PollChanged.
import { getJSON } from "./api.js";
import { connectLive } from "./live.js";
import { debounced, slidingBox } from "./page.js";
import { currentPoll, renderResults } from "./poll-view.js";

const pinned = Number(new URLSearchParams(location.search).get("poll")) || null;
const box = slidingBox(document.getElementById("box"), 450);
const questionEl = document.getElementById("p-question");
const resultsEl = document.getElementById("p-results");

async function sync() {
  try {
    const { polls } = await getJSON("/api/v1/polls");
    const poll = currentPoll(polls, pinned);
    if (!poll) {
      box.hide();
      return;
    }
    box.show(poll.id, () => {
      questionEl.textContent = poll.question;
      renderResults(resultsEl, poll);
    });
    document.body.dataset.poll = String(poll.id);
    document.body.dataset.answers = String(poll.answers);
  } catch {
    // keep what is shown; the live link retries and syncs again
  }
}

const soon = debounced(sync, 150, 100);
connectLive({
  onSync: sync,
  onEvent: (ev) => {
    if (ev.type === "PollChanged") soon();
  },
});
