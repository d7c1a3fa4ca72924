"""The station server: HTTP + WebSocket for LAN pages, overlays and the control API."""
