"""The after-show report on screen (ReportPanel) and on paper (write_pdf: page one is the panel's
drawing, the pages after it ui.report.pdf_pages); charts drawn with QPainter so the panel and
the PDF share one drawing (ui.report.charts)."""
