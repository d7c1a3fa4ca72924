// The show clock in the browser: the stage page and the timer overlay share it.
//
// A state from the server (GET /api/v1/show or a ShowStateChanged event) is exact when it
// arrives; from then on the page counts with its own monotonic clock (performance.now()), never
// by adding up timer ticks, and repaints right after each whole-second change of the display.
// On every (re)connect the page fetches the state again, so a sleeping laptop or a dropped link
// cannot leave it wrong. The rounding matches the desktop (app/show/display.py): a countdown
// rounds up (0:01 in the last second, then 0:00, then -0:01), a count-up rounds down.
import { addStrings } from "./i18n.js";
import { getJSON } from "./api.js";
import { connectLive } from "./live.js";

addStrings({
  en: {
    "stage.title": "Stage display",
    "stage.waiting": "Waiting for the show to start",
    "stage.ended": "The show has ended",
    "stage.next": "Next: {title}",
    "stage.paused": "Paused",
    "stage.unpaired": "Not paired: messages from the operator appear once this screen is paired as a stage station.",
    "overlay.timer": "Showday timer",
  },
  zh: {
    "stage.title": "舞台提词屏",
    "stage.waiting": "等待节目开始",
    "stage.ended": "节目已结束",
    "stage.next": "下一个：{title}",
    "stage.paused": "已暂停",
    "stage.unpaired": "未配对：将此屏幕配对为舞台提词屏后，才会显示导播发来的消息。",
    "overlay.timer": "Showday 计时器",
  },
});

const SLACK_MS = 2; // fire just after the boundary, never just before it

const shown = (v, down) => (down ? Math.ceil(v - 1e-9) : Math.floor(v + 1e-9));

/** 725 -> "12:05", -42 -> "-0:42", 3723 -> "1:02:03" (the same text as the desktop). */
export function timeText(seconds, down = true) {
  const whole = shown(seconds, down);
  const sign = whole < 0 ? "-" : "";
  let rest = Math.abs(whole);
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const m = Math.floor(rest / 60);
  const s = rest - m * 60;
  const pad = (n) => String(n).padStart(2, "0");
  return h ? `${sign}${h}:${pad(m)}:${pad(s)}` : `${sign}${m}:${pad(s)}`;
}

function phaseOf(remaining, warn, danger) {
  if (remaining < 0) return "overtime";
  if (remaining <= danger) return "danger";
  if (remaining <= warn) return "warning";
  return "normal";
}

/**
 * Follow the show: calls render(view) at once, on every change and on each second boundary.
 * view = {state, status, onAir, text, phase, remaining, elapsed}
 */
export function followShow(render, { hideNegative = false, onLive = () => {} } = {}) {
  let state = { status: "not_started" };
  let at = performance.now(); // when `state` arrived, on this page's monotonic clock
  let timer = null;

  function view() {
    const since = Math.max(0, (performance.now() - at) / 1000);
    const onAir = state.status === "running" || state.status === "paused";
    const moving = state.status === "running" ? since : 0;
    const remaining = (state.remaining_s || 0) - moving;
    const elapsed = (state.elapsed_s || 0) + moving;
    const serverNow = (state.computed_at || Date.now() / 1000) + since;
    let text = "";
    if (onAir) {
      if (state.timer_type === "countup") text = timeText(elapsed, false);
      else if (state.timer_type === "clock") {
        text = new Date(Math.floor(serverNow) * 1000).toLocaleTimeString("en-GB", { hour12: false });
      } else if (state.timer_type !== "none") {
        text = timeText(hideNegative && remaining < 0 ? 0 : remaining, true);
      }
    }
    const phase = onAir ? phaseOf(remaining, state.warn_s || 0, state.danger_s || 0) : "idle";
    return { state, status: state.status, onAir, text, phase, remaining, elapsed, serverNow };
  }

  function delayMs(v) {
    if (!v.onAir) return 1000;
    if (v.state.timer_type === "clock") return 1000 - ((v.serverNow * 1000) % 1000) + SLACK_MS;
    if (v.status !== "running") return 1000;
    if (v.state.timer_type === "countup") {
      return (shown(v.elapsed, false) + 1 - v.elapsed) * 1000 + SLACK_MS;
    }
    return (v.remaining - (shown(v.remaining, true) - 1)) * 1000 + SLACK_MS;
  }

  function paint() {
    clearTimeout(timer);
    const v = view();
    render(v);
    timer = setTimeout(paint, Math.min(Math.max(delayMs(v), 1), 1000 + SLACK_MS));
  }

  function apply(next) {
    if (!next || typeof next !== "object") return;
    // A GET answered after a newer pushed event must not put the old state back: the show log
    // only grows, so its last id orders the states (equal ids: the same show, newer segments).
    if ((next.last_log_id || 0) < (state.last_log_id || 0)) return;
    state = next;
    at = performance.now();
    paint();
  }

  async function sync() {
    apply(await getJSON("/api/v1/show"));
  }

  let eventName = null;
  paint();
  connectLive({
    onSync: (hello) => {
      // Another event file behind the same address (the operator opened a different event):
      // its log ids start again, so forget the old state instead of comparing against it.
      const name = hello ? hello.event : eventName;
      if (eventName !== null && name !== eventName) state = { status: "not_started" };
      eventName = name;
      sync().catch(() => {});
    },
    onState: onLive,
    onEvent: (ev) => {
      if (ev.type === "ShowStateChanged") apply(ev.state);
      else if (ev.type === "SegmentsChanged") sync().catch(() => {});
    },
  });
  return { sync, view };
}
