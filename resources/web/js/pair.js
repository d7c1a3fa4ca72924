// /pair?code=...: exchange the one-time code from the QR code for this station's cookie, say who
// we are now, then open the station's own page.
import { postJSON, showError } from "./api.js";
import { applyI18n, t } from "./i18n.js";

const FORWARD_MS = 1500;

applyI18n();
const stateEl = document.getElementById("state");
const errorEl = document.getElementById("error");
const nextEl = document.getElementById("next");
const code = new URLSearchParams(location.search).get("code");
// The code is single-use: keep it out of the history and of any later address bar screenshot.
history.replaceState(null, "", "/pair");

async function pair() {
  if (!code) {
    showError(errorEl, t("pair.no_code"));
    return;
  }
  stateEl.textContent = t("pair.working");
  try {
    const res = await postJSON("/api/v1/pair", { code });
    const st = res.station;
    stateEl.textContent = t("pair.done", { name: st.name });
    stateEl.dataset.paired = "1";
    nextEl.textContent = t("pair.forward", { role: t(`role.${st.role}`) });
    const home = typeof res.home === "string" && res.home.startsWith("/") ? res.home : "/";
    setTimeout(() => location.replace(home), FORWARD_MS);
  } catch (err) {
    stateEl.textContent = "";
    // The server's message is English; known reasons are shown in the page's language.
    const reason = err.body?.reason;
    if (reason && t(`pair.err_${reason}`) !== `pair.err_${reason}`) showError(errorEl, t(`pair.err_${reason}`));
    else if (err.status === 429) showError(errorEl, t("error.rate"));
    else showError(errorEl, err);
    nextEl.textContent = err.status === 0 ? "" : t("pair.again");
  }
}

pair();
