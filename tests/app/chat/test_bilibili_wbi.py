"""The WBI signature against the worked example of the public docs: bilibili-API-collect,
docs/misc/sign/wbi.md (github.com/SocialSisterYi/bilibili-API-collect), section "WBI 签名算法":
its nav reply, its img_key/sub_key → mixin_key, its `foo/bar/zab` parameters signed at
wts=1702204169 → w_rid, and its encoding example (space as %20, upper-case hex)."""

from __future__ import annotations

import pytest

from app.chat.bilibili_wbi import (
    MIXIN_KEY_ENC_TAB,
    WbiKeyError,
    WbiKeys,
    canonical_query,
    keys_from_nav,
    mixin_key,
    sign,
)

# The docs' nav reply for a caller that is not logged in (code -101, keys still given).
NAV = {
    "code": -101,
    "message": "账号未登录",
    "ttl": 1,
    "data": {
        "isLogin": False,
        "wbi_img": {
            "img_url": "https://i0.hdslb.com/bfs/wbi/7cd084941338484aae1ad9425b84077c.png",
            "sub_url": "https://i0.hdslb.com/bfs/wbi/4932caff0ff746eab6f01bf08b70ac45.png",
        },
    },
}
MIXIN = "ea1db124af3c7062474693fa704f4ff8"


def test_the_docs_example_signs_to_the_docs_w_rid() -> None:
    assert sorted(MIXIN_KEY_ENC_TAB) == list(range(64))  # a permutation
    img, sub = keys_from_nav(NAV)
    assert (img, sub) == ("7cd084941338484aae1ad9425b84077c", "4932caff0ff746eab6f01bf08b70ac45")
    assert mixin_key(img, sub) == MIXIN
    signed = sign({"foo": "114", "bar": "514", "zab": 1919810}, MIXIN, 1702204169)
    assert canonical_query({k: v for k, v in signed.items() if k != "w_rid"}) == (
        "bar=514&foo=114&wts=1702204169&zab=1919810"
    )
    assert signed == {
        "foo": "114",
        "bar": "514",
        "zab": "1919810",
        "wts": "1702204169",
        "w_rid": "8f6f2b5b3d485fe1886cec6a0be8c5d4",
    }


def test_values_are_encoded_as_the_docs_say_and_stripped_of_reserved_marks() -> None:
    assert canonical_query({"foo": "one one four", "bar": "五一四", "baz": 1919810}) == (
        "bar=%E4%BA%94%E4%B8%80%E5%9B%9B&baz=1919810&foo=one%20one%20four"
    )
    assert canonical_query({"q": "it's (a) *test*!"}) == "q=its%20a%20test"


@pytest.mark.parametrize(
    "reply",
    [
        {"code": 0, "data": {}},
        {"code": -352},
        {"data": {"wbi_img": {"img_url": "", "sub_url": ""}}},
    ],
)
def test_a_nav_reply_without_keys_is_an_error_not_an_empty_key(reply: dict) -> None:
    with pytest.raises(WbiKeyError):
        keys_from_nav(reply)


def test_keys_are_cached_and_fetched_again_when_old_or_asked() -> None:
    now = [1000.0]
    calls: list[int] = []

    def fetch() -> dict:
        calls.append(1)
        return NAV

    keys = WbiKeys(fetch, clock=lambda: now[0], max_age_s=3600)
    assert keys.get() == (MIXIN, True)
    assert keys.get() == (MIXIN, False)  # cached: no second nav request
    assert len(calls) == 1
    now[0] += 3601
    assert keys.get() == (MIXIN, True)  # a day's rotation is not waited for
    assert keys.refresh() == MIXIN and len(calls) == 3
