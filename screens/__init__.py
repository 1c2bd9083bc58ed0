"""Screens: compose the widgets into the meeting, drafting, help and preview views."""
