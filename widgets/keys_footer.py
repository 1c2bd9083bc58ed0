"""Textual's Footer, rebuilt only when the keys it shows change, and without leaking.

Each time a screen's bindings are updated (every focus move, every part or section switch)
Textual's Footer rebuilds its row of keys, once per update even when several come in one
refresh and even when the keys are the same as before (Tab from field to field). Each rebuild
mounts a dozen widgets and restyles them: a good part of what a key press cost. And each new
key binds to the Footer's ``compact`` reactive, a binding Textual forgets only when
``compact`` changes, which it never does here: every key row ever drawn stayed alive, about
1,500 objects per key press, and the collector's pauses grew through a long meeting
(textual#6666). Nudging ``compact`` after a rebuild lets Textual drop the old keys' bindings.
"""

from __future__ import annotations

from textual.widgets import Footer


class KeysFooter(Footer):
    """A Footer that rebuilds only when its keys change, and leaves nothing behind."""

    # The compact footer gives every key a one-cell right margin, the palette key docked at
    # the right edge too: the screen's last column was no key's, and when the keys ran past
    # the width, one of their letters showed there ("▏^p palettev"). The palette key's own
    # padding fills that cell instead.
    DEFAULT_CSS = """
    KeysFooter.-compact FooterKey.-command-palette {
        margin-right: 0;
        padding-right: 1;
    }
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._shown: tuple = ()

    def _keys(self) -> tuple:
        """What the row is built from: the active bindings, and whether each can be used."""
        return tuple(
            (key, binding, enabled, tooltip)
            for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items()
        )

    async def recompose(self) -> None:
        if not self.is_attached:
            return  # its screen closed before the rebuild came round
        keys = self._keys()
        if keys == self._shown and self.children:
            return  # a second update in one refresh, or focus moved between like widgets
        self._shown = keys
        await super().recompose()
        self.mutate_reactive(Footer.compact)
