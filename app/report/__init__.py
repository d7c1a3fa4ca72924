"""After-show report and exports."""
