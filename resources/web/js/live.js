// The live link to Showday (/api/v1/live): reconnects by itself with backoff, and calls onSync
// after every (re)connect and on a "resync" message, so the page re-reads its state and cannot
// miss a change that happened while it was away.
//
//   const live = connectLive({
//     onEvent(ev) {...},            // ev = {type: "GuestCheckedIn", topic: "door", ...}
//     onSync(hello) {...},          // fetch your snapshot here (also after a reconnect)
//     onState(state) {...},         // "connecting" | "live" | "reconnecting" | "revoked"
//   });

const PING_MS = 15000;
const SILENT_MS = 35000; // no message at all for this long: the link is dead, reconnect
const MAX_DELAY_MS = 5000;

export function connectLive({ onEvent = () => {}, onSync = () => {}, onState = () => {} } = {}) {
  let ws = null;
  let attempt = 0;
  let stopped = false;
  let timer = null;
  let pinger = null;
  let lastMessage = 0;
  let hello = null;

  const url = () => `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/api/v1/live`;

  function schedule() {
    if (stopped) return;
    // 250 ms, 500 ms, 1 s, 2 s ... up to 5 s, with jitter so a room of phones does not stampede.
    const base = Math.min(MAX_DELAY_MS, 250 * 2 ** attempt);
    attempt += 1;
    timer = setTimeout(open, base * (0.8 + Math.random() * 0.4));
  }

  function open() {
    timer = null;
    onState(attempt === 0 ? "connecting" : "reconnecting");
    try {
      ws = new WebSocket(url());
    } catch {
      schedule();
      return;
    }
    ws.onmessage = (msg) => {
      lastMessage = Date.now();
      let data;
      try {
        data = JSON.parse(msg.data);
      } catch {
        return;
      }
      if (data.type === "hello") {
        attempt = 0;
        hello = data;
        onState("live");
        onSync(hello);
      } else if (data.type === "resync") {
        onSync(hello);
      } else if (data.type === "event") {
        onEvent(data.event);
      }
    };
    ws.onopen = () => {
      lastMessage = Date.now();
      clearInterval(pinger);
      pinger = setInterval(() => {
        if (Date.now() - lastMessage > SILENT_MS) ws.close();
        else if (ws.readyState === WebSocket.OPEN) ws.send("ping");
      }, PING_MS);
    };
    ws.onclose = (ev) => {
      clearInterval(pinger);
      ws = null;
      if (ev.code === 4401 || ev.code === 4403) {
        stopped = true;
        onState("revoked");
        return;
      }
      if (!stopped) {
        onState("reconnecting");
        schedule();
      }
    };
  }

  open();
  return {
    close() {
      stopped = true;
      clearTimeout(timer);
      clearInterval(pinger);
      if (ws) ws.close();
    },
    get connected() {
      return ws !== null && ws.readyState === WebSocket.OPEN;
    },
  };
}
