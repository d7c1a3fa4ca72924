// fetch() for the Showday API: JSON in, JSON out, and an error with a message a person can read.
import { t } from "./i18n.js";

export class ApiError extends Error {
  constructor(message, status, body) {
    super(message);
    this.status = status;
    this.body = body || {};
  }
}

async function call(method, path, body) {
  const init = { method, headers: { Accept: "application/json" }, credentials: "same-origin" };
  // Every write is JSON (the server refuses any other type: a cross-site form cannot write).
  if (method !== "GET") init.headers["Content-Type"] = "application/json";
  if (body !== undefined) init.body = JSON.stringify(body);
  let resp;
  try {
    resp = await fetch(path, init);
  } catch {
    throw new ApiError(t("error.network"), 0);
  }
  let data = null;
  try {
    data = await resp.json();
  } catch {
    data = null;
  }
  if (!resp.ok) {
    const msg = (data && typeof data.error === "string" && data.error) || t("error.generic");
    throw new ApiError(msg, resp.status, data);
  }
  return data;
}

export const getJSON = (path) => call("GET", path);
export const postJSON = (path, body = {}) => call("POST", path, body);
export const deleteJSON = (path) => call("DELETE", path);

/** POST `body` to `path` for a page that reports failures in one alert element: the error shown
 *  there is cleared first, and a failure is shown as `text(err)` says. The answer, or null after
 *  a failure. */
export async function postShowingError(errorEl, path, body, text = (err) => err.message) {
  showError(errorEl, null);
  try {
    return await postJSON(path, body);
  } catch (err) {
    showError(errorEl, text(err));
    return null;
  }
}

/** Show an error in `el` (a [role=alert] element) as plain text; null/undefined hides it. */
export function showError(el, err) {
  if (!el) return;
  if (!err) {
    el.hidden = true;
    el.textContent = "";
    return;
  }
  el.textContent = err instanceof Error ? err.message : String(err);
  el.hidden = false;
}
