// The audience QR code (an SVG the server draws for its own /ask address). If Showday is
// restarting when the page loads, the image fails: try again every few seconds until it shows.
// When the server listens on this computer only (127.0.0.1), the code cannot work on a phone:
// `warning` (an element laid over the code) says so plainly.
const SRC = "/api/v1/ask-qr.svg";
const RETRY_MS = 5000;

export function isLoopbackUrl(url) {
  let host = "";
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return host === "localhost" || host.startsWith("127.") || host === "[::1]";
}

async function flagLoopback(warning) {
  try {
    const r = await fetch(SRC, { cache: "no-store" });
    warning.hidden = !isLoopbackUrl(r.headers.get("x-ask-url") || "");
  } catch {
    // a restarting server: the image's own retry shows the code; the next load checks again
  }
}

export function showAskQr(img, warning = null) {
  img.addEventListener("error", () => {
    setTimeout(() => {
      img.src = `${SRC}?t=${Date.now()}`;
    }, RETRY_MS);
  });
  if (warning) img.addEventListener("load", () => flagLoopback(warning));
  img.src = SRC;
}
