"""Preflight: the show checks itself before air. Automatic checks (app.preflight.checks) with
pass / warn / fail, a reason and a fix where one exists; a manual SOP checklist per event
(app.preflight.store); runs kept with timestamps for the report; scheduled runs at T-60 and
T-15 minutes (app.preflight.service, owned by the Session as `session.preflight`). The CLI:
`showday preflight EVENT [--obs HOST:PORT] [--json]` exits 0 for go, 1 for no-go.
"""
