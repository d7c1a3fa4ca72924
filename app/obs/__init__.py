"""OBS connection: worker thread, reconnect, state mirror, actions.

Using it (nothing here blocks the caller)::

    from app.obs.worker import ObsWorker, ObsNotConnected
    from app.obs import actions, setup
    from app.obs.samples import store_sample, store_incident

    worker = ObsWorker(session.bus,
                       on_sample=lambda s: store_sample(ef_for_worker, s),
                       on_incident=lambda kind, detail: store_incident(ef_for_worker, kind, detail))
    worker.connect(host, port, password)            # status arrives as ObsStateChanged
    future = worker.submit(actions.SelectScene("Speaker"))   # concurrent.futures.Future
    future.add_done_callback(...)                   # runs on the worker thread: hop to the GUI
    worker.state()                                  # last published mirror (dict)
    worker.stop()                                   # on quit; returns within about 1 s

`on_sample`/`on_incident` run on the worker thread: give them their own connection
(`ef.reopen()`). The state dict (`ObsMirror.to_dict()`): status (disconnected, connecting,
connected, retrying, wrong_password, kicked, too_old), message, retry_in, scenes, program,
preview, studio_mode, stream_state/record_state, streaming, recording, stream_timecode,
record_timecode, record_path, video, health (kbps, dropped_pct, skipped_pct, congestion, cpu,
fps, disk_mb, warnings[{kind, message}]), obs_version, websocket_version, host, port.

Commands (app.obs.actions): SetProgramScene, SetPreviewScene, SelectScene, Transition,
SetStudioMode, StartStream, StopStream, StartRecord, StopRecord, SetText, ShowSceneItem,
HideSceneItem, Request; app.obs.setup.SetUpObs ("Set up OBS for me", source names in
app.obs.setup); app.obs.cues.SegmentCue (a segment starts: scene, lower third for N s, clear
the featured question). Failures reach the future and the bus (`ObsCommandFailed`).

After OBS crashes and comes back, the worker restores it (app.obs.recovery): the program scene
the show intends (the one on air at the loss, or the newest asked for while OBS was away) and the
stream/recording that were live; `ObsWorker(..., restore_enabled=callable)` lets the event's
"restore_after_crash" option switch that off. What was restored is an incident ("restore").
"""
