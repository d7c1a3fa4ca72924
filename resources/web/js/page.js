// Small helpers every page uses: the live badge and the event name in the header.
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
