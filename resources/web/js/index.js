// The server's front page: the event, and for a paired station or control token the live status.
import { getJSON, showError } from "./api.js";
import { applyI18n, t } from "./i18n.js";
import { connectLive } from "./live.js";
import { setLiveBadge, setText } from "./page.js";
import { statusPanel } from "./status-view.js";

applyI18n();
const errorEl = document.getElementById("error");
const panel = statusPanel(document.getElementById("status"), errorEl, (name) => setText("#event-name", name));

async function sync(hello) {
  const caller = hello?.caller || (await getJSON("/api/v1/me").catch(() => ({}))).caller || {};
  if (hello) setText("#event-name", hello.event || "");
  const staff = caller.kind === "station" || caller.kind === "control";
  document.getElementById("audience").hidden = staff;
  const who = document.getElementById("who");
  who.hidden = !staff;
  if (staff) {
    who.textContent = t("station.paired_as", { name: caller.name });
    await panel.refresh();
  }
}

connectLive({
  onSync: (hello) => sync(hello).catch((err) => showError(errorEl, err)),
  onState: (s) => setLiveBadge(document.getElementById("live"), s),
  onEvent: (ev) => {
    if (ev.type === "EventRenamed") setText("#event-name", ev.name);
    if (!document.getElementById("who").hidden) panel.refresh();
  },
});
