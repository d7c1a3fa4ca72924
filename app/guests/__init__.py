"""Guest lists, tickets, check-in and search (the door's core; no Qt).

Import (two steps, so Setup can show a mapping and a preview):
    importer.read_table(path) -> Table            CSV (UTF-8/BOM/GB18030/UTF-16/cp1252) or XLSX
    importer.guess_mapping(headers, co_hosts) -> {field: column index}   mapping.FIELDS lists
        the fields; "co_host:<name>" maps a co-host's consent column (co_hosts.consenting(ef))
    importer.guess_channel(headers) -> "Eventbrite" | "pretix" | ''   for a file with no channel
    importer.plan_import(ef, table, mapping, channel) -> ImportPlan  new/updated/unchanged/...
    importer.apply_import(ef, bus, plan) -> ImportResult       one transaction; GuestsChanged
    importer.import_file_cli(ef, path) -> str                  `python -m app new … --guests`

Door (every call is one short transaction; run off the GUI thread if you like, all are < 10 ms):
    checkin.check_in(ef, bus, code=… | guest_id=…, station=…) -> CheckInResult
        ok / already / unknown / not_admitted (ticket_status: unpaid, refunded...) / not_on_list
    admission.admit(ef, bus, guest_id, supervisor=…, station=…)  a supervisor re-admits (logged)
    checkin.undo_check_in(ef, bus, guest_id, station) -> "undone" | "not_checked_in" | "unknown"
    checkin.counts(ef), checkin.recent_check_ins(ef, limit, station), checkin.check_in_log(ef, id)
    walkin.add_walk_in(ef, bus, name=…, …, station=…) -> guest row (checked in); WalkInError
    walkin.find_registered(ef, phone=…, email=…) -> an existing guest, to avoid a double

What an input means at the door (the desk, /door and the API ask the same function):
    resolve.resolve(index, text) -> Resolution  kind code / one / choose / none, hits in order
    resolve.looks_like_code(text)               the one "a scanner typed this" rule
    resolve.check_in_query(ef, bus, index, text, station=…)  POST /api/v1/checkins {"query"}

Search (build once off the GUI thread: ~2.5 s at 50,000 guests; then < 1 ms per keystroke):
    search.SearchIndex.build(ef); index.search(text, limit) -> [Hit]
    index.GuestIndex(ef, bus): the event's one shared index, following the bus (session.guests);
        .counts(): the door counters, kept running beside it (door_counts.DoorTally)

Tickets and exports:
    tickets.qr_png(code), tickets.export_qr_pngs(ef, folder), tickets.invitation_text(guest, event)
    export.export_attendance(ef, "x.csv" | "x.xlsx")
"""
