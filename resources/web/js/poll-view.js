// The results of a poll drawn into an element: bars (choice and rating polls, widths animate by
// CSS) or a word cloud (font size by count). Used by /ask's poll card, /overlay/poll and the
// stage. Everything is textContent: options and words are user text, never markup.
import { t } from "./i18n.js";
import { el } from "./page.js";
import "./poll-strings.js";

function labels(poll) {
  if (poll.kind === "rating") return [1, 2, 3, 4, 5].map((n) => "★".repeat(n));
  return poll.options;
}

/** Fill `root` with `poll`'s results (poll.results null: "shown when closed"). */
export function renderResults(root, poll) {
  const r = poll.results;
  if (!r) {
    root.replaceChildren(el("p", "poll-hint", t("poll.hidden")));
    return;
  }
  const foot = el("p", "poll-total", t("poll.answers", { n: r.answers }));
  if (poll.kind === "rating" && r.average !== null) foot.textContent += ` · ${t("poll.average", { avg: r.average })}`;
  if (poll.kind === "words") {
    const cloud = el("div", "poll-cloud");
    const top = r.words.length ? r.words[0].count : 1;
    for (const w of r.words.slice(0, 60)) {
      const span = el("span", "poll-word", w.word);
      span.style.fontSize = `${(1 + 2.2 * (w.count / top)).toFixed(2)}em`;
      span.title = String(w.count);
      cloud.append(span);
    }
    if (!r.words.length) cloud.append(el("p", "poll-hint", t("poll.no_words")));
    root.replaceChildren(cloud, foot);
    return;
  }
  const total = Math.max(1, r.answers);
  const bars = el("ol", "poll-bars");
  labels(poll).forEach((label, i) => {
    const n = r.counts[i] || 0;
    const li = el("li", "poll-bar");
    const fill = el("span", "poll-fill");
    const pct = Math.round((100 * n) / total);
    li.append(el("span", "poll-label", label), el("span", "poll-count", `${n} · ${pct}%`), fill);
    bars.append(li);
    // Set the width on the next frame, so the CSS transition animates it from the old one.
    requestAnimationFrame(() => { fill.style.width = `${pct}%`; });
  });
  root.replaceChildren(bars, foot);
}

/** The poll to show: the open one opened last, else the one closed last; `id` pins one. */
export function currentPoll(polls, id = null) {
  if (id !== null) return polls.find((p) => p.id === id) || null;
  const latest = (list, key) => list.sort((a, b) => (a[key] < b[key] ? 1 : -1))[0] || null;
  return (
    latest(polls.filter((p) => p.status === "open"), "opened_at") ||
    latest(polls.filter((p) => p.status === "closed"), "closed_at")
  );
}
