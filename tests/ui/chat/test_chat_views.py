"""Setup › Chat sources and the desk's chat chip, driven as an operator does on a real event
file: add an SSN relay, see its address once the station server is open, messages arrive, the
chip counts them; a bad Bilibili room id is refused in words; stop and delete."""

from __future__ import annotations

from pathlib import Path

import httpx
from PySide6.QtCore import Qt

from app import qa
from tests.ui.conftest import open_event, setup_section
from ui.chat import ChatSourcesView
from ui.main_window import MainWindow


def test_add_an_ssn_relay_see_its_url_and_messages_arrive_in_the_queue(
    qtbot, window: MainWindow, demo_path: Path
) -> None:
    session = open_event(qtbot, window, demo_path)
    view = setup_section(window, "Chat sources", ChatSourcesView)

    # A Bilibili room id that is not one: refused, the operator is told why.
    view.kind.setCurrentIndex(view.kind.findData("bilibili"))
    view.target.setText("not a room")
    qtbot.mouseClick(view.add_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "room id is a number" in view.message.text())
    assert view.table.rowCount() == 0

    session.lan.start("127.0.0.1", 0).join(10)
    view.kind.setCurrentIndex(view.kind.findData("ssn"))
    view.name.setText("SSN (YouTube + Bilibili)")
    view.filter.setCurrentIndex(view.filter.findData("questions"))
    qtbot.mouseClick(view.add_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.table.rowCount() == 1)
    assert view.table.item(0, 0).text() == "SSN (YouTube + Bilibili)"
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: "/api/v1/chat/ssn/" in view.url_label.text())
    url = view.rows[0]["ingest_url"]
    qtbot.mouseClick(view.copy_btn, Qt.MouseButton.LeftButton)
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == url

    r = httpx.post(
        url,
        json={
            "chatname": "数据库小白",
            "chatmessage": "请问支持 MySQL 吗？",
            "type": "bilibili",
            "id": 9001,
            "textonly": True,
        },
    )
    assert r.status_code == 200, r.text
    chip = window.chat_feature.chip
    qtbot.waitUntil(lambda: chip.isVisible() and "1/min" in chip.text(), timeout=10000)
    qtbot.waitUntil(lambda: view.table.item(0, 3).text() == "Receiving")
    (q,) = [q for q in qa.queue(session.core_ef, None) if q.platform == "bilibili"]
    assert q.name == "数据库小白"

    view.table.selectRow(0)
    qtbot.mouseClick(view.stop_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.table.item(0, 3).text() == "Stopped")
    assert httpx.post(url, json={"chatmessage": "late?", "type": "youtube"}).status_code == 409
    view.table.selectRow(0)
    qtbot.mouseClick(view.delete_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.table.rowCount() == 0)
    qtbot.waitUntil(lambda: not chip.isVisible())


def test_feed_only_source_and_the_moderator_promotes_a_message(
    qtbot, window: MainWindow, demo_path: Path
) -> None:
    from app.chat.messages import ChatMessage
    from ui.chat import ChatFeedView

    session = open_event(qtbot, window, demo_path)
    view = setup_section(window, "Chat feed", ChatFeedView)
    src = session.chat.create("webhook", filter="none")
    session.chat.start(src.id)
    before = len(qa.queue(session.core_ef, None))
    session.chat.ingest(
        session.core_ef,
        src,
        [
            ChatMessage("wechat", "<b>怎么报名下一场</b>", "小李", "", "w1"),
            ChatMessage("wechat", "666", "小王", "", "w2"),
        ],
    )
    qtbot.waitUntil(lambda: view.list.count() == 2)
    assert len(qa.queue(session.core_ef, None)) == before  # the filter sent nothing
    assert view.list.item(0).text() == "[WeChat] 小李: <b>怎么报名下一场</b>"  # shown as text
    view.list.setCurrentRow(0)
    view.list.setFocus()
    qtbot.keyClick(view.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.list.item(0).text().startswith("✓ "))
    assert not view.promote_btn.isEnabled()  # once is enough
    (q,) = [q for q in qa.queue(session.core_ef, None) if q.platform == "wechat"]
    assert (q.name, q.text, q.source) == ("小李", "<b>怎么报名下一场</b>", "chat")
    # Promoted on /moderate (the same core call the route makes): the desk's feed shows it.
    from app.chat.messages import feed, promote

    other = next(m for m in feed(session.core_ef) if m["text"] == "666")
    promote(session.core_ef, session.bus, other["id"])
    qtbot.waitUntil(lambda: view.list.item(1).text().startswith("✓ "))


def test_a_bilibili_room_refused_by_risk_control_is_told_in_english_and_chinese(
    qtbot, window: MainWindow, demo_path: Path
) -> None:
    """The operator adds a Bilibili room with a SESSDATA cookie; Bilibili (a loopback stand-in
    that checks the WBI signature) keeps answering -352: the row and the chip say why in the
    UI's language, the source keeps retrying, and the cookie is shown nowhere."""
    from tests.app.chat.bilibili_api import BilibiliApi

    session = open_event(qtbot, window, demo_path)
    view = setup_section(window, "Chat sources", ChatSourcesView)
    with BilibiliApi(9, {"21452505": 21452505}) as api:
        api.risk_control = True
        session.chat.client_options["bilibili"] = api.client_options()
        view.kind.setCurrentIndex(view.kind.findData("bilibili"))
        view.name.setText("B站直播间")
        view.target.setText("https://live.bilibili.com/21452505")
        view.sessdata.setText("s3cr3tSESS%2C1790000000")
        qtbot.mouseClick(view.add_btn, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=10000)
        english = "Bilibili refused the request (error −352, risk control)"
        qtbot.waitUntil(lambda: english in view.table.item(0, 5).text(), timeout=10000)
        assert view.table.item(0, 3).text() == "Reconnecting…"
        chip = window.chat_feature.chip
        qtbot.waitUntil(lambda: english in chip.toolTip() and "⚠" in chip.text(), timeout=10000)
        # The column elides it; the selected source's reason reads in full under the table.
        view.table.selectRow(0)
        whole = "add a SESSDATA cookie or wait before trying again."
        qtbot.waitUntil(lambda: view.url_label.text().endswith(whole), timeout=10000)

        window.switch_language("zh_CN")
        try:
            chinese = "B 站拒绝了请求（错误 −352，风控）"
            qtbot.waitUntil(lambda: chinese in view.table.item(0, 5).text(), timeout=10000)
            qtbot.waitUntil(lambda: chinese in chip.toolTip(), timeout=10000)
            qtbot.waitUntil(lambda: view.url_label.text().endswith("或稍后再试。"), timeout=10000)
        finally:
            window.switch_language("en")
        assert api.danmu_codes and set(api.danmu_codes) == {-352}
        cells = [view.table.item(0, c).text() for c in range(view.table.columnCount())]
        for text in [*cells, chip.toolTip(), chip.text(), view.message.text()]:
            assert "s3cr3t" not in text
        (source,) = [s for s in session.chat.sources() if s.kind == "bilibili"]
        session.chat.stop(source.id)


def test_the_add_form_shows_only_the_fields_the_kind_uses(
    qtbot, window: MainWindow, demo_path: Path
) -> None:
    open_event(qtbot, window, demo_path)
    view = setup_section(window, "Chat sources", ChatSourcesView)

    def shown() -> dict[str, bool]:
        return {"room": view.target.isVisible(), "sessdata": view.sessdata.isVisible()}

    for kind, expected in [
        ("ssn", {"room": False, "sessdata": False}),
        ("webhook", {"room": False, "sessdata": False}),
        ("bilibili", {"room": True, "sessdata": True}),
        ("twitch", {"room": True, "sessdata": False}),
    ]:
        view.kind.setCurrentIndex(view.kind.findData(kind))
        qtbot.waitUntil(lambda e=expected: shown() == e)  # type: ignore[misc]
    assert "bilibili" not in view.target.placeholderText()  # Twitch's own hint
    view.kind.setCurrentIndex(view.kind.findData("bilibili"))
    assert "bilibili" in view.target.placeholderText()
