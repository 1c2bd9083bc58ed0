"""Reusable Textual widgets: editors and displays for parts of a session."""
