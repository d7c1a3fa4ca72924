"""OBS connection: worker thread, reconnect, state mirror, actions."""
