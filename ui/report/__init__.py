"""The after-show report on screen (ReportPanel) and on paper (write_pdf); charts drawn with
QPainter so the panel and the PDF share one drawing (ui.report.charts)."""
