"""Showday core: the Qt-free half of the app. Nothing under app/ may import PySide6."""

__version__ = "0.1.0"
