"""The scrolling box a part taller than the screen sits in."""

from textual.containers import VerticalScroll


class PartScroll(VerticalScroll, can_focus=False):
    """Scrolls to whichever field has the focus, and never takes the focus itself: focused,
    it took the keys typed on arriving at the part (a sentence went nowhere, and "press a to
    add one" under an empty table did nothing until a Tab)."""
