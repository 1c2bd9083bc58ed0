"""Textual's Footer, without the leak of a key row per focus change.

Each time the active bindings change (every focus move, every part or section switch) the
Footer rebuilds its keys, and each new key binds to the Footer's ``compact`` reactive. Textual
forgets a binding of a removed key only when ``compact`` changes, which it never does here, so
every key ever shown stayed alive: about 1,500 objects per key press, and the collector's
pauses grew through a long meeting (textual#6666). Nudging ``compact`` after each rebuild lets
Textual drop the bindings of the keys just removed.
"""

from __future__ import annotations

from textual.widgets import Footer


class KeysFooter(Footer):
    """A Footer whose rebuilds leave nothing behind."""

    async def recompose(self) -> None:
        await super().recompose()
        self.mutate_reactive(Footer.compact)
