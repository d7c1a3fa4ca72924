// /moderate's blocks: "Block" on a question's asker or a chat message's author asks first, in a
// dialog naming who ("Block 数据库小白 on Bilibili?"), then POST /api/v1/blocks (their waiting
// questions are rejected); "Blocked (n)" in the header lists everyone blocked with Unblock
// (GET /api/v1/blocks, POST /api/v1/blocks/unblock). A block made on the desk or another tablet
// arrives as BlocksChanged (topic "blocks") and the list follows. Keyboard: the dialogs are modal
// (Esc cancels, Enter on the focused button confirms). Names only ever go in as textContent.
import { getJSON, postShowingError, showError } from "./api.js";
import { platformLabel } from "./chat-strings.js";
import { t } from "./i18n.js";
import { button, el } from "./page.js";
import { qaErrorText } from "./qa-strings.js";

const $ = (id) => document.getElementById(id);
const blocks = { list: [], keys: new Set(), pending: null };
let errorEl = null;
let onChange = () => {};

/** Whether `device` can be blocked: a device, but not an anonymous chat author (its key would
 *  be every anonymous viewer of the platform; the server refuses it too). */
function blockable(device) {
  return !!device && !(device.startsWith("chat:") && device.endsWith(":"));
}

function isBlocked(device) {
  return blocks.keys.has(device);
}

/** What a question card or a chat message shows of its asker `who` ({device, name, platform}):
 *  "Blocked", a Block button (asks first), or nothing (null) when they cannot be blocked. */
export function blockControl(who) {
  if (isBlocked(who.device)) return el("span", "blocked-tag", t("mod.blocked"));
  return blockable(who.device) ? button(t("mod.block"), "danger block", () => askBlock(who)) : null;
}

/** Is one of the block dialogs open (the page's keys are then the dialog's). */
export function blockDialogOpen() {
  return $("block-dialog").open || $("blocked-dialog").open;
}

/** Wire the dialogs; `changed` is called after a block or unblock made here or anywhere. */
export function initBlocks({ error, changed }) {
  errorEl = error;
  onChange = changed;
  $("block-yes").addEventListener("click", confirmBlock);
  $("block-no").addEventListener("click", () => $("block-dialog").close());
  // No "close" listener clearing `pending`: that event is a queued task and could run after the
  // next askBlock (Esc, then B at once), leaving the confirmation without its asker.
  $("blocked-open").addEventListener("click", () => {
    renderList();
    $("blocked-dialog").showModal();
  });
  $("blocked-close").addEventListener("click", () => $("blocked-dialog").close());
  renderButton();
}

/** Ask before blocking `who`: {device, name, platform} of a question or a chat message. */
export function askBlock(who) {
  if (!blockable(who.device) || isBlocked(who.device)) return;
  blocks.pending = who;
  const name = who.name || t("ask.anonymous");
  $("block-question").textContent = who.platform
    ? t("mod.block_chat_q", { name, platform: platformLabel(who.platform) })
    : t("mod.block_room_q", { name });
  $("block-effect").textContent = t("mod.block_effect");
  $("block-dialog").showModal();
  $("block-yes").focus();
}

function confirmBlock() {
  const who = blocks.pending;
  $("block-dialog").close();
  if (who) change("/api/v1/blocks", who.device);
}

/** Block or unblock `device`, then read the list again (shown here and on the cards). */
async function change(path, device) {
  await postShowingError(errorEl, path, { device }, qaErrorText);
  await blocksEvent();
}

/** The label of a blocked asker: "author · platform", or "Room device #a1b2c3". */
export function blockedLabel(b) {
  if (b.kind === "chat") return `${b.name} · ${platformLabel(b.platform)}`;
  const label = t("mod.room_device", { id: b.short_id });
  return b.name ? `${label} (${b.name})` : label;
}

function renderButton() {
  $("blocked-open").textContent = t("mod.blocked_n", { n: blocks.list.length });
}

function renderList() {
  const rows = blocks.list.map((b) => {
    const li = el("li", "blocked-row");
    li.dataset.device = b.device;
    const u = button(t("mod.unblock"), "", () => change("/api/v1/blocks/unblock", b.device));
    li.append(el("span", "blocked-who", blockedLabel(b)), u);
    return li;
  });
  $("blocked-list").replaceChildren(...rows);
  $("blocked-none").hidden = rows.length > 0;
}

/** Read the blocked list (after every (re)connect and every BlocksChanged). */
export async function loadBlocks() {
  try {
    blocks.list = (await getJSON("/api/v1/blocks")).blocked;
  } catch (err) {
    showError(errorEl, qaErrorText(err));
    return;
  }
  blocks.keys = new Set(blocks.list.map((b) => b.device));
  renderButton();
  if ($("blocked-dialog").open) renderList();
}

/** Read the list again and tell the page: after a live event of the blocks topic (made on the
 *  desk or another tablet) and after a block or unblock made here. */
export async function blocksEvent() {
  await loadBlocks();
  onChange();
}
