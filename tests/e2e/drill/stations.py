"""The drill's screens: door phones, the moderator's laptop, the audience's phones, each a real
Chromium page used the way a person uses it (typing, tapping, keys), and a `Ledger` of what each
screen *confirmed* to its person. At the end every confirmed thing must be in the event file.

A screen's action is confirmed when the server answered it and the page showed the answer (a
green door, "Thank you!", a pressed vote arrow). When Showday is down an audience page must say so
and keep what was typed; a door phone lets the guest in from its own copy of the list and shows
amber ("saved on this phone, not yet confirmed"), and that promise is kept: the phone sends the
check-in when the server is back and shows it confirmed. Every action here checks that too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from playwright.sync_api import BrowserContext, Page, expect

from tests.e2e.drill.obs_side import wait_until

RESPONSE_TIMEOUT_MS = 15_000


@dataclass
class Ledger:
    """What the screens confirmed (and what they refused) during the show."""

    checkins: dict[str, str] = field(default_factory=dict)  # ticket code -> door that confirmed
    # Amber: let in by a door phone without a link, not yet confirmed (ticket code -> door, name).
    pending: dict[str, tuple[str, str]] = field(default_factory=dict)
    saved: set[str] = field(default_factory=set)  # every code a door ever showed amber
    questions: dict[str, str] = field(default_factory=dict)  # text -> the asking phone's device
    votes: set[tuple[str, str]] = field(default_factory=set)  # (question text, device id)
    approved: set[str] = field(default_factory=set)  # question texts
    featured: list[str] = field(default_factory=list)  # in order
    refused: list[str] = field(default_factory=list)  # actions a screen said did not happen


def _answered(page: Page, url_part: str, method: str, act) -> bool:  # type: ignore[no-untyped-def]
    """Do `act()`, which sends one request; True if the server answered 2xx, False if the
    request failed on the network (Showday is down)."""
    with page.expect_request(
        lambda r: url_part in r.url and r.method == method, timeout=RESPONSE_TIMEOUT_MS
    ) as info:
        act()
    response = info.value.response()  # None when the request failed (connection refused)
    if response is None:
        return False
    assert response.ok, f"{method} {url_part}: {response.status} {response.text()[:300]}"
    return True


class Screen:
    """A page on one device; every Showday page shows its live link in #live."""

    def __init__(self, context: BrowserContext, ledger: Ledger) -> None:
        self.context = context
        self.page = context.new_page()
        self.ledger = ledger

    def wait_live(self, timeout_ms: float = 30_000) -> None:
        expect(self.page.locator("#live")).to_have_attribute(
            "data-state", "live", timeout=timeout_ms
        )


class Door(Screen):
    """A door phone: scans ticket codes (typed into the code field, as a scanner does) or
    searches a name and taps the guest."""

    def __init__(self, context: BrowserContext, name: str, ledger: Ledger) -> None:
        super().__init__(context, ledger)
        self.name = name

    def pair(self, url: str) -> None:
        self.page.goto(url)
        self.page.wait_for_url("**/door")
        expect(self.page.locator("#who")).to_have_text(f"Paired as {self.name}")
        self.wait_live()
        # The phone keeps its list's guests: without that it could not let anyone in offline.
        expect(self.page.locator("#desk")).to_have_attribute("data-roster", re.compile(r"\d+:\d+"))

    def scan(self, code: str, name: str) -> bool:
        page = self.page
        page.locator("#code").fill(code)
        ok = _answered(
            page, "/api/v1/checkins", "POST", lambda: page.locator("#code").press("Enter")
        )
        return self._outcome(ok, code, name, retry_field="#code")

    def search_and_tap(self, query: str, code: str, name: str) -> bool:
        page = self.page
        page.locator("#q").fill(query)
        hit = page.locator(".hit-btn", has=page.locator(".hit-name", has_text=name)).first
        expect(hit).to_be_visible()
        ok = _answered(page, "/api/v1/checkins", "POST", hit.click)
        page.locator("#q").fill("")
        return self._outcome(ok, code, name)

    def _outcome(self, ok: bool, code: str, name: str, retry_field: str | None = None) -> bool:
        result = self.page.locator("#result")
        if ok:
            expect(result).to_have_attribute("data-state", "ok")
            expect(self.page.locator("#result-title")).to_have_text(f"Welcome, {name}")
            self.ledger.checkins[code] = self.name
            return True
        # Down: the phone decides from its copy of the list and shows amber, never the last
        # guest's green answer; the code field is cleared for the next scan (nothing to retry).
        expect(result).to_have_attribute("data-state", "saved")
        expect(self.page.locator("#result-title")).to_contain_text(name)
        expect(self.page.locator("#result-detail")).to_have_text(
            "Saved on this phone, not yet confirmed"
        )
        expect(self._queued(name)).to_have_attribute("data-state", "saved")
        if retry_field is not None:
            expect(self.page.locator(retry_field)).to_have_value("")
        self.ledger.pending[code] = (self.name, name)
        self.ledger.saved.add(code)
        return False

    def _queued(self, name: str):  # type: ignore[no-untyped-def]
        page = self.page
        return page.locator("#queue-items .q-item", has=page.locator(".q-name", has_text=name))

    def settle(self, timeout_s: float = 60.0) -> None:
        """Once Showday is back, each amber check-in of this phone turns confirmed (or "already",
        if another door had let the guest in first); then it counts as confirmed, by the door
        that showed it green first."""
        mine = {c: n for c, (d, n) in self.ledger.pending.items() if d == self.name}

        def states() -> dict[str, str | None]:
            return {
                c: self._queued(n).get_attribute("data-state", timeout=1000)
                for c, n in mine.items()
            }

        wait_until(
            f"{self.name} to show its amber check-ins confirmed",
            lambda: all(s in ("ok", "already") for s in states().values()),
            timeout_s,
        )
        for code, name in mine.items():
            item = self._queued(name)
            text = item.locator(".q-state").inner_text()
            if item.get_attribute("data-state") == "ok":
                assert text.startswith("Confirmed · "), text
                self.ledger.checkins[code] = self.name
            else:
                first = self.ledger.checkins.get(code)
                assert first is not None and text.startswith(f"Already, by {first} at "), text
            del self.ledger.pending[code]

    def arrived(self) -> int:
        return int(self.page.locator('#st-door dd[data-key="arrived"]').inner_text())


class Phone(Screen):
    """An audience phone on /ask: asks, and votes for questions in the list."""

    def open(self, url: str) -> None:
        self.page.goto(url + "/ask")
        self.wait_live()

    @property
    def device(self) -> str:
        cookies = {c["name"]: c["value"] for c in self.context.cookies()}
        return cookies["showday_device"]

    def ask(self, text: str) -> bool:
        page = self.page
        page.locator("#q-text").fill(text)
        ok = _answered(page, "/api/v1/questions", "POST", page.locator("#send").click)
        if ok:
            expect(page.locator("#sent")).to_be_visible()
            expect(page.locator("#q-text")).to_have_value("")
            self.ledger.questions[text] = self.device
            return True
        expect(page.locator("#error")).to_be_visible()
        expect(page.locator("#q-text")).to_have_value(text)  # nothing typed is lost
        self.ledger.refused.append(f"phone {self.device[:6]}: question {text!r}")
        return False

    def vote(self, text: str) -> bool:
        page = self.page
        item = page.locator("#list .q", has=page.locator(".q-text", has_text=text))
        expect(item).to_have_count(1, timeout=20_000)  # approved questions reach phones live
        button = item.locator(".vote")
        expect(button).to_have_attribute("aria-pressed", "false")
        ok = _answered(page, "/vote", "POST", button.click)
        if ok:
            expect(item.locator(".vote")).to_have_attribute("aria-pressed", "true")
            self.ledger.votes.add((text, self.device))
            return True
        expect(page.locator("#list-error")).to_be_visible()
        self.ledger.refused.append(f"phone {self.device[:6]}: vote for {text!r}")
        return False


class Moderator(Screen):
    """The moderator's laptop on /moderate."""

    def pair(self, url: str) -> None:
        self.page.goto(url)
        self.page.wait_for_url("**/moderate")
        expect(self.page.locator("#desk")).to_be_visible()
        self.wait_live()

    def _card(self, status: str, text: str):  # type: ignore[no-untyped-def]
        page = self.page
        page.locator(f'.tab[data-status="{status}"]').click()
        card = page.locator(".mq", has=page.locator(".q-text", has_text=text))
        expect(card).to_have_count(1, timeout=20_000)
        return card

    def approve(self, text: str) -> None:
        card = self._card("new", text)
        button = card.get_by_role("button", name="Approve", exact=True)
        assert _answered(self.page, "/approve", "POST", button.click)
        self.ledger.approved.add(text)

    def feature(self, text: str) -> None:
        card = self._card("approved", text)
        button = card.get_by_role("button", name="Feature", exact=True)
        assert _answered(self.page, "/feature", "POST", button.click)
        expect(self.page.locator("#onair-text")).to_contain_text(text)
        self.ledger.featured.append(text)
