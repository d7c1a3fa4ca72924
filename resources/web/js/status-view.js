// Renders GET /api/v1/status into a page (textContent only) and keeps it fresh from live events.
import { getJSON, showError } from "./api.js";
import { t } from "./i18n.js";
import { el } from "./page.js";

function label(value) {
  const key = `status.${value}`;
  const s = t(key);
  return s === key ? String(value) : s;
}

function row(name, value) {
  return [el("dt", "", name), el("dd", "", String(value))];
}

function section(title, pairs, id) {
  const box = el("section", "card");
  box.id = id;
  const h = el("h2", "", title);
  const dl = el("dl");
  for (const [k, v, key] of pairs) {
    const [dt, dd] = row(k, v);
    if (key) dd.dataset.key = key;
    dl.append(dt, dd);
  }
  box.append(h, dl);
  return box;
}

function obsSummary(obs) {
  const parts = [label(obs.status || "unknown")];
  if (obs.streaming) parts.push(t("status.streaming"));
  if (obs.recording) parts.push(t("status.recording"));
  if (obs.program) parts.push(String(obs.program));
  return parts.join(" · ");
}

function showSummary(show) {
  const parts = [label(show.status || "unknown")];
  if (show.segment_title) parts.push(String(show.segment_title));
  return parts.join(" · ");
}

export function renderStatus(container, status) {
  const q = status.questions || {};
  const d = status.door || {};
  container.replaceChildren(
    section(t("status.show"), [[t("status.state"), showSummary(status.show || {}), "show"]], "st-show"),
    section(t("status.obs"), [[t("status.state"), obsSummary(status.obs || {}), "obs"]], "st-obs"),
    section(
      t("status.door"),
      [
        [t("status.expected"), d.expected ?? 0, "expected"],
        [t("status.arrived"), d.arrived ?? 0, "arrived"],
        [t("status.walk_ins"), d.walk_ins ?? 0, "walk_ins"],
      ],
      "st-door",
    ),
    section(
      t("status.questions"),
      ["new", "approved", "featured", "answered"].map((s) => [t(`status.${s}`), q[s] ?? 0, `q_${s}`]),
      "st-questions",
    ),
  );
}

/** A status panel that refreshes itself; call refresh() on sync and on any live event. */
export function statusPanel(container, errorEl, onName = () => {}) {
  let inFlight = null;
  let again = false;
  async function refresh() {
    if (inFlight) {
      again = true; // coalesce a burst of events into one more fetch
      return inFlight;
    }
    inFlight = (async () => {
      try {
        const status = await getJSON("/api/v1/status");
        renderStatus(container, status);
        onName(status.event?.name || "");
        showError(errorEl, null);
      } catch (err) {
        showError(errorEl, err);
      }
    })();
    await inFlight;
    inFlight = null;
    if (again) {
      again = false;
      await refresh();
    }
  }
  return { refresh };
}
