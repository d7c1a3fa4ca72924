"""Bilibili's HTTP API as a loopback stand-in (never the internet), for the danmaku client's
whole flow: nav (the WBI keys; with a known SESSDATA cookie, the logged-in uid), finger/spi
(buvid3), room_init (short room id → real id) and getDanmuInfo, which checks the request's
WBI signature as Bilibili does: it recomputes `w_rid` from the query it received and its own
current keys, and answers -352 (risk control) when the signature is missing or wrong.

The recomputation reuses app.chat.bilibili_wbi's `mixin_key` and `canonical_query`; those are
pinned to the public docs' vectors in test_bilibili_wbi.py, so client and server cannot drift
from Bilibili together."""

from __future__ import annotations

import hashlib
import secrets
import urllib.parse
from typing import Any

from app.chat.bilibili_wbi import canonical_query, mixin_key
from tests.app.chat.servers import Delays, JsonHttp

DANMU_INFO = "/xlive/web-room/v1/index/getDanmuInfo"


class BilibiliApi(JsonHttp):
    """`rooms` maps the ids a room is known by (short and real) to its real id; `logins`
    maps SESSDATA values to uids. `rotate()` changes the WBI keys (as Bilibili does daily);
    `risk_control = True` answers -352 to every getDanmuInfo, signed or not; `blocked = True`
    answers every request with HTTP 412, as Bilibili does to an address it blocks. `danmu_codes`
    lists the code each getDanmuInfo got, `nav_calls` counts the key fetches."""

    def __init__(
        self,
        ws_port: int,
        rooms: dict[str, int],
        logins: dict[str, int] | None = None,
        token: str = "tok-1",
    ) -> None:
        super().__init__(self._reply)
        self.ws_port, self.rooms, self.logins, self.token = ws_port, rooms, logins or {}, token
        self.buvid3 = "5E1F2A3B-0000-4C5D-9E8F-ABCDEF012345infoc"
        self.risk_control = False
        self.blocked = False
        self.danmu_codes: list[int] = []
        self.nav_calls = 0
        self.rotate()

    def client_options(self, sleep: Delays | None = None) -> dict[str, Any]:
        """The danmaku client's options pointed at this stand-in (plain ws), its backoff
        sleeping through `sleep` (records, waits for nothing) with no jitter: 1, 2, 4 s."""
        return {
            "api": self.url,
            "web_api": self.url,
            "scheme": "ws",
            "sleep": sleep or Delays(),
            "rand": lambda: 0.0,
        }

    def rotate(self) -> None:
        self.img_key, self.sub_key = secrets.token_hex(16), secrets.token_hex(16)

    def signed(self, query: str) -> bool:
        params = dict(urllib.parse.parse_qsl(query, keep_blank_values=True))
        w_rid = params.pop("w_rid", "")
        if not w_rid or not params.get("wts", "").isdigit():
            return False
        mixin = mixin_key(self.img_key, self.sub_key)
        want = hashlib.md5((canonical_query(params) + mixin).encode()).hexdigest()
        return secrets.compare_digest(want, w_rid)

    def _reply(self, path: str, cookie: str) -> dict[str, Any] | tuple[int, dict[str, Any]]:
        if self.blocked:
            return 412, {"code": -412, "message": "请求被拦截"}
        url = urllib.parse.urlsplit(path)
        q = dict(urllib.parse.parse_qsl(url.query))
        cookies = dict(c.strip().split("=", 1) for c in cookie.split(";") if "=" in c)
        if url.path == "/x/web-interface/nav":
            self.nav_calls += 1
            wbi = {
                "img_url": f"https://i0.hdslb.com/bfs/wbi/{self.img_key}.png",
                "sub_url": f"https://i0.hdslb.com/bfs/wbi/{self.sub_key}.png",
            }
            mid = self.logins.get(cookies.get("SESSDATA", ""))
            if mid is None:
                return {
                    "code": -101,
                    "message": "账号未登录",
                    "data": {"isLogin": False, "wbi_img": wbi},
                }
            return {"code": 0, "data": {"isLogin": True, "mid": mid, "wbi_img": wbi}}
        if url.path == "/x/frontend/finger/spi":
            return {"code": 0, "message": "ok", "data": {"b_3": self.buvid3, "b_4": "b4"}}
        if url.path == "/room/v1/Room/room_init":
            real = self.rooms.get(q.get("id", ""))
            if real is None:
                return {"code": 60004, "msg": "直播间不存在", "message": "直播间不存在", "data": {}}
            return {"code": 0, "data": {"room_id": real, "short_id": 0, "uid": 1}}
        if url.path == DANMU_INFO:
            if self.risk_control or not self.signed(url.query):
                self.danmu_codes.append(-352)
                return {"code": -352, "message": "-352", "ttl": 1, "data": {}}
            if q.get("id") not in {str(r) for r in self.rooms.values()}:
                self.danmu_codes.append(1)
                return {"code": 1, "message": "1", "data": {}}
            self.danmu_codes.append(0)
            host = {"host": "127.0.0.1", "port": 0, "wss_port": 0, "ws_port": self.ws_port}
            return {"code": 0, "data": {"token": self.token, "host_list": [host]}}
        return {"code": -404, "message": "啥都木有"}
