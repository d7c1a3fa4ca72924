"""After-show report and exports (no Qt).

    model.build_report(ef, now=None, bucket_min=None) -> Report     funnel by channel, arrivals,
        timing (planned vs actual), stream health and incidents, questions; definitions in
        app.report.model's docstring. Live during the show, `Report.final` after it.
    links.link_questions(ef) -> {question id: guest id}              how a question finds its guest
    links.guest_activity(ef) -> GuestActivity                         asked / votes / on air per guest
    sheets.summary/attendance/arrivals/timing(report), sheets.questions/leads(ef, report),
        sheets.followup(ef) -> (headers, rows)                        bilingual headers
    sheets.lead_score(checked_in, asked, votes, on_air)               the leads' engagement score
    leads.collect(ef, report) -> [Lead]; leads.LAYOUTS (salesforce, hubspot); leads.co_host_tables
        every registrant, consenting walk-ins, online askers; statuses and CRM columns: docs/leads.md
    chapters.chapter_lists(report) -> [ChapterList]                   replay chapters per recording
        file and for the livestream (OBS's record/stream starts, stored by app.obs.worker)
    exports.export_all(ef, folder, report=None, cue_words=None) -> {name: Path}   report.xlsx +
        report_<sheet>.csv (the cue log worded by cue_words: checks.CueWords, from ui.cues.texts),
        report_leads_<crm>.csv, report_co_hosts/<co-host>.csv, report_followup/<speaker>.csv/.html,
        chapters_<n>_<file>.txt, chapters_live.txt

The PDF and the panel live in ui.report (they need Qt's painter); `python -m app report EVENT
--out DIR [--lang zh_CN|en]` writes everything (ui.report.cli).
"""
