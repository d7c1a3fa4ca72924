"""Bus events as Qt signals on the GUI thread.

The core's `app.bus.Bus` calls subscribers on whichever thread published (the station server, the
OBS worker, the GUI itself). Widgets may only be touched from the GUI thread, so views never
subscribe to the bus directly: they connect to a `QtBridge`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal, SignalInstance, Slot

from app.bus import Bus, Event, OpChanges


class QtBridge(QObject):
    """Re-emits every event published on a bus as Qt signals, on the thread the bridge lives in.

    An event published on the GUI thread is delivered at once (the relay is a direct call); one
    published on any other thread is queued and delivered when the GUI event loop runs, in the
    order it was published.

    Signals:
        event: Any domain event.
            arg: the `app.bus.Event` instance.
        file_changed: An event about the event file itself (topic "event", e.g. EventRenamed).
            arg: the event.
        door: A door event (topic "door": GuestsChanged, GuestCheckedIn, CheckInUndone).
            arg: the event.
        show: A run-of-show event (topic "show": SegmentsChanged, ShowStateChanged, ...).
            arg: the event.
        qa: An audience Q&A event (topic "qa": QuestionChanged, QuestionFeatured).
            arg: the event.
        obs: An OBS event (topic "obs": ObsStateChanged).
            arg: the event.
        lan: A station-server event (topic "lan": LanStateChanged, StationsChanged).
            arg: the event.
        changes: What one commit changed (app.bus.OpChanges: its events, `touches(topic)`);
            one per commit, after that commit's own events. A view showing several facts
            refreshes once from this.
            arg: the OpChanges.
        settings: Per-event settings were saved (topic "settings": SettingsChanged; its
            `section` says whose: "qa", "obs", "show").
            arg: the event.
    """

    event = Signal(object)
    file_changed = Signal(object)
    door = Signal(object)
    show = Signal(object)
    qa = Signal(object)
    obs = Signal(object)
    lan = Signal(object)
    settings = Signal(object)
    changes = Signal(object)

    # Emitted on the publishing thread; its AutoConnection to `_dispatch` (a GUI-thread receiver)
    # becomes a queued call when the publisher is another thread.
    _relay = Signal(object)

    def __init__(self, bus: Bus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bus = bus
        self._topics: dict[str, SignalInstance] = {
            "event": self.file_changed,
            "door": self.door,
            "show": self.show,
            "qa": self.qa,
            "obs": self.obs,
            "lan": self.lan,
            "settings": self.settings,
        }
        self._relay.connect(self._dispatch, Qt.ConnectionType.AutoConnection)
        self._unsubscribe: Callable[[], None] | None = bus.subscribe(Event, self._on_publish)
        self._unsub_changes = bus.subscribe(OpChanges, self._on_publish)

    @property
    def subscribed(self) -> bool:
        return self._unsubscribe is not None

    def close(self) -> None:
        """Stop listening to the bus. Events already queued are dropped, not delivered."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsub_changes()
            self._unsubscribe = None

    def _on_publish(self, ev: Event) -> None:  # any thread
        if self._unsubscribe is not None:
            try:
                self._relay.emit(ev)
            except RuntimeError:  # the bridge was deleted without close(): stop listening
                self.close()

    @Slot(object)
    def _dispatch(self, ev: Event) -> None:  # GUI thread
        if self._unsubscribe is None:
            return
        if isinstance(ev, OpChanges):  # a summary, not another event: only `changes` says it
            self.changes.emit(ev)
            return
        self.event.emit(ev)
        topic_signal = self._topics.get(ev.topic)
        if topic_signal is not None:
            topic_signal.emit(ev)
