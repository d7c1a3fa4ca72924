// /stage: the speaker's confidence monitor. Huge countdown in the phase colour, current and next
// segment, the operator's message (blinking if asked; blackout = black screen). ?negative=hide
// shows 0:00 instead of negative time; ?qr=1 adds the audience QR code (to /ask) in a corner. All text is set with textContent.
// Layout (stage.css): one screen, the clock never shrinks; fitMessage() sizes the message into
// the space that is left, so a long message cannot push the clock or "next" off the screen.
import { getJSON } from "./api.js";
import { applyI18n, t } from "./i18n.js";
import { showAskQr } from "./ask-qr.js";
import { setLiveBadge } from "./page.js";
import { followShow } from "./show-clock.js";

applyI18n();
const $ = (id) => document.getElementById(id);
const body = document.body;
const params = new URLSearchParams(location.search);

if (params.get("qr") === "1") {
  $("ask-qr").hidden = false;
  body.dataset.qr = "1";
  showAskQr($("ask-qr-img"), $("ask-qr-warning"));
}

/** The largest message size that fits the space left (down to a readable floor: 3.2% of the
 * shorter side, at least 16px); below that the lines are clamped with an ellipsis. */
function fitMessage() {
  const msg = $("message");
  msg.style.removeProperty("--fit");
  msg.style.removeProperty("--lines");
  if (msg.hidden) return;
  const fits = () => msg.scrollHeight <= msg.clientHeight + 1;
  if (fits()) return;
  const base = parseFloat(getComputedStyle(msg).fontSize);
  const floor = Math.min(base, Math.max(16, 0.032 * Math.min(innerWidth, innerHeight)));
  const sized = (px) => {
    msg.style.setProperty("--fit", `${px}px`);
    return fits();
  };
  if (sized(floor)) {
    let lo = floor; // fits
    let hi = base; // does not
    while (hi - lo > 0.5) {
      const mid = (lo + hi) / 2;
      if (sized(mid)) lo = mid;
      else hi = mid;
    }
    sized(lo);
    return;
  }
  const lines = Math.floor(msg.clientHeight / parseFloat(getComputedStyle(msg).lineHeight));
  msg.style.setProperty("--lines", String(Math.max(1, lines)));
}

let fitted = "";
function fitIfChanged() {
  const key = [innerWidth, innerHeight, ...["title", "note", "message", "next"].map((id) => $(id).textContent),
    $("message").hidden, $("paused").hidden, $("time").textContent.length].join("\u0000");
  if (key === fitted) return;
  fitted = key;
  fitMessage();
}
addEventListener("resize", fitIfChanged);
document.fonts?.ready.then(() => {
  fitted = "";
  fitIfChanged();
});

function render(v) {
  const s = v.state;
  body.dataset.status = v.status;
  body.dataset.phase = v.phase;
  body.dataset.blackout = s.message_blackout ? "true" : "false";
  $("time").textContent = v.text;
  $("time").style.setProperty("--chars", String(v.text.length || 5));
  $("paused").hidden = v.status !== "paused";
  if (v.onAir) $("title").textContent = s.speaker ? `${s.title} · ${s.speaker}` : s.title || "";
  else $("title").textContent = t(v.status === "ended" ? "stage.ended" : "stage.waiting");
  const note = v.onAir ? s.speaker_note || "" : "";
  $("note").textContent = note;
  $("note").hidden = !note;
  let next = s.next_title || "";
  if (next && s.next_speaker) next = `${next} · ${s.next_speaker}`;
  $("next").textContent = next ? t("stage.next", { title: next }) : "";
  const msg = $("message");
  msg.textContent = s.message || "";
  msg.hidden = !s.message;
  msg.classList.toggle("blink", Boolean(s.message_blink));
  fitIfChanged();
}

// The message to the speaker and the speaker note are for a paired stage screen only (the
// audience and overlays get the public face of the show): say so on an unpaired screen.
getJSON("/api/v1/me")
  .then((me) => {
    $("unpaired").hidden = me.caller.kind !== "audience";
  })
  .catch(() => {});

followShow(render, {
  hideNegative: params.get("negative") === "hide",
  onLive: (state) => setLiveBadge($("live"), state),
});
