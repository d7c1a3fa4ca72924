// /overlay/timer: a compact timer for an OBS browser source (transparent page). Shown while a
// segment is on air; ?title=1 adds the segment title; ?negative=hide stops at 0:00.
import { applyI18n } from "./i18n.js";
import { followShow } from "./show-clock.js";

applyI18n();
const params = new URLSearchParams(location.search);
const box = document.getElementById("box");
const title = document.getElementById("title");
title.hidden = params.get("title") !== "1";

followShow(
  (v) => {
    box.dataset.phase = v.phase;
    box.dataset.status = v.status;
    box.className = `overlay-box timer-box ${v.onAir && v.text ? "overlay-shown" : "overlay-hidden"}`;
    document.getElementById("time").textContent = v.text;
    title.textContent = v.state.title || "";
  },
  { hideNegative: params.get("negative") === "hide" },
);
