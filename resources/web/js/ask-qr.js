// The audience QR code (an SVG the server draws for its own /ask address). If Showday is
// restarting when the page loads, the image fails: try again every few seconds until it shows.
const SRC = "/api/v1/ask-qr.svg";
const RETRY_MS = 5000;

export function showAskQr(img) {
  img.addEventListener("error", () => {
    setTimeout(() => {
      img.src = `${SRC}?t=${Date.now()}`;
    }, RETRY_MS);
  });
  img.src = SRC;
}
