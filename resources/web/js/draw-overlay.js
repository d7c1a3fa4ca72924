// /overlay/draw: the lucky draw for OBS and the stage (`?draw=ID` pins one; otherwise the latest).
// Shows the seed's hash from the moment the draw is committed; each new winner arrives after a
// short shuffle of names already drawn (the winner is already stored: the animation only shows
// it); absent winners are struck through; the seed appears once revealed. textContent only.
import { getJSON } from "./api.js";
import { t } from "./i18n.js";
import { connectLive } from "./live.js";
import { debounced, el, slidingBox } from "./page.js";
import "./poll-strings.js";

const pinned = Number(new URLSearchParams(location.search).get("draw")) || null;
const box = slidingBox(document.getElementById("box"), 450);
const $ = (id) => document.getElementById(id);
const seen = new Set(); // "draw:step" already on screen (only new ones animate)
let spinTimer = null;

$("d-hash-label").textContent = t("draw.commitment");
$("d-seed-label").textContent = t("draw.seed");

function spin(names, done) {
  clearInterval(spinTimer);
  const spinEl = $("d-spin");
  let n = 0;
  spinTimer = setInterval(() => {
    spinEl.textContent = names[Math.floor(Math.random() * names.length)] || "…";
    n += 1;
    if (n > 14) {
      clearInterval(spinTimer);
      spinEl.textContent = "";
      done();
    }
  }, 70);
}

function render(d) {
  $("d-title").textContent = d.title || t("draw.heading");
  $("d-hash").textContent = d.seed_hash;
  $("d-seed").textContent = d.seed || "";
  $("d-seed-line").hidden = !d.seed;
  const list = $("d-winners");
  const fresh = d.winners.filter((w) => !seen.has(`${d.id}:${w.step}`));
  const put = () => {
    list.replaceChildren(
      ...d.winners.map((w) => {
        const li = el("li", w.absent ? "dbox-winner absent" : "dbox-winner", w.name);
        if (w.absent) li.append(el("span", "dbox-absent", ` (${t("draw.absent")})`));
        return li;
      }),
    );
    d.winners.forEach((w) => seen.add(`${d.id}:${w.step}`));
    document.body.dataset.winners = String(d.winners.length);
  };
  if (fresh.length && seen.size) spin(d.winners.map((w) => w.name), put);
  else put();
}

async function sync() {
  try {
    const { draws } = await getJSON("/api/v1/draws");
    const d = pinned ? draws.find((x) => x.id === pinned) : draws[draws.length - 1];
    if (!d) {
      box.hide();
      return;
    }
    box.show(d.id, () => render(d));
  } catch {
    // keep what is shown; the live link retries
  }
}

const soon = debounced(sync, 100, 100);
connectLive({
  onSync: sync,
  onEvent: (ev) => {
    if (ev.type === "DrawChanged") soon();
  },
});
