// Placeholder for /door, /moderate and /stage until their own pages exist: who this station is,
// and the live status (which proves pairing and the live link work).
import { getJSON, showError } from "./api.js";
import { applyI18n, t } from "./i18n.js";
import { connectLive } from "./live.js";
import { setLiveBadge, setText } from "./page.js";
import { statusPanel } from "./status-view.js";

applyI18n();
const errorEl = document.getElementById("error");
const statusEl = document.getElementById("status");
const panel = statusPanel(statusEl, errorEl, (name) => setText("#event-name", name));
let staff = false;

function showPaired(caller) {
  staff = caller.kind === "station" || caller.kind === "control";
  document.getElementById("paired").hidden = !staff;
  document.getElementById("unpaired").hidden = staff;
  if (staff) setText("#who", t("station.paired_as", { name: caller.name }));
  else statusEl.replaceChildren();
}

async function sync(hello) {
  const me = hello || (await getJSON("/api/v1/me"));
  setText("#event-name", me.event || "");
  showPaired(me.caller || {});
  if (staff) await panel.refresh();
}

connectLive({
  onSync: (hello) => sync(hello).catch((err) => showError(errorEl, err)),
  onState: (s) => {
    setLiveBadge(document.getElementById("live"), s);
    if (s === "revoked") showPaired({});
  },
  onEvent: (ev) => {
    if (ev.type === "EventRenamed") setText("#event-name", ev.name);
    if (staff) panel.refresh();
  },
});
