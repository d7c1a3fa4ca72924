// /overlay/ask-qr: the audience QR code for an OBS browser source (transparent around a card).
import { showAskQr } from "./ask-qr.js";

showAskQr(document.getElementById("ask-qr-img"), document.getElementById("ask-qr-warning"));
