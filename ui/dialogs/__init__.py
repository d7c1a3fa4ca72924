"""Dialogs of the main window: new event, messages, shortcuts, about."""
