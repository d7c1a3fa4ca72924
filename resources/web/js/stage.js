// /stage: the speaker's confidence monitor. Huge countdown in the phase colour, current and next
// segment, the operator's message (blinking if asked; blackout = black screen). ?negative=hide
// shows 0:00 instead of negative time; ?qr=1 adds the audience QR code (to /ask) in a corner. All text is set with textContent.
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
  showAskQr($("ask-qr-img"));
}

function render(v) {
  const s = v.state;
  body.dataset.status = v.status;
  body.dataset.phase = v.phase;
  body.dataset.blackout = s.message_blackout ? "true" : "false";
  $("time").textContent = v.text;
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
}

followShow(render, {
  hideNegative: params.get("negative") === "hide",
  onLive: (state) => setLiveBadge($("live"), state),
});
