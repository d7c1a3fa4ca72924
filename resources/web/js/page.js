// The small DOM and time helpers every page and overlay uses (one copy, one rule each): the live
// badge, text into an element, building elements and buttons (always textContent: user text is
// never markup), hh:mm of a time, a jittered refetch, and the slide in/out of an overlay box.
import { t } from "./i18n.js";

export function setLiveBadge(el, state) {
  if (!el) return;
  el.dataset.state = state;
  el.textContent = t(`live.${state}`);
}

export function setText(selector, text) {
  const el = document.querySelector(selector);
  if (el) el.textContent = text;
}

/** Create an element with a class and (plain) text. */
export function el(tag, cls = "", text = null) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== null) e.textContent = text;
  return e;
}

/** A button (type=button) whose click runs fn and goes no further: in a row that selects on a
 *  click, pressing it does not also select the row. */
export function button(label, cls, fn) {
  const b = el("button", cls, label);
  b.type = "button";
  b.addEventListener("click", (ev) => {
    ev.stopPropagation();
    fn();
  });
  return b;
}

/** hh:mm of an ISO time, in local time; "" for no time or one that cannot be read (never
 *  "08:00" for a missing one, never the raw text). */
export function hhmm(iso) {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
}

/** Call fn at most once per `ms` burst, after a small random delay (a hall of phones must not
 *  all refetch in the same millisecond). */
export function debounced(fn, ms = 250, jitter = 400) {
  let timer = null;
  return () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      fn();
    }, ms + Math.random() * jitter);
  };
}

/**
 * An overlay box that slides in and out (its CSS transition keys on data-shown="1"):
 *   const box = slidingBox(element, 450);   // 450 ms: the CSS transition
 *   box.show(key, put)   put() fills the box; a different key while shown slides out first
 *   box.hide()
 */
export function slidingBox(element, outMs) {
  let onScreen = null;
  let swap = null;
  return {
    show(key, put) {
      clearTimeout(swap);
      const fill = () => {
        put();
        onScreen = key;
        element.dataset.shown = "1";
      };
      if (onScreen !== null && onScreen !== key && element.dataset.shown === "1") {
        element.dataset.shown = "0";
        swap = setTimeout(fill, outMs);
      } else {
        fill();
      }
    },
    hide() {
      clearTimeout(swap);
      onScreen = null;
      element.dataset.shown = "0";
    },
  };
}

// A re-render between a button's mousedown and mouseup replaces the button, and the browser then
// sends no click: a moderator's Approve is lost. While a pointer is down, renders wait for it to
// come up (one task later, so the click is delivered first; at most 1.5 s if the up never comes).
let pointerDown = false;
let releaseTimer = 0;
let listening = false;
const waitingRenders = new Set();

function releasePointer() {
  clearTimeout(releaseTimer);
  pointerDown = false;
  const due = [...waitingRenders];
  waitingRenders.clear();
  for (const fn of due) fn();
}

function listenToPointer() {
  listening = true;
  document.addEventListener("pointerdown", () => {
    pointerDown = true;
    clearTimeout(releaseTimer);
    releaseTimer = setTimeout(releasePointer, 1500);
  }, true);
  document.addEventListener("pointerup", () => setTimeout(releasePointer, 0), true);
  document.addEventListener("pointercancel", () => setTimeout(releasePointer, 0), true);
}

/** `render` wrapped so that a call while a pointer is down runs once, when it comes up. */
export function waitsForPointer(render) {
  if (!listening) listenToPointer();
  const wrapped = () => {
    if (pointerDown) {
      waitingRenders.add(wrapped);
      return;
    }
    render();
  };
  return wrapped;
}
