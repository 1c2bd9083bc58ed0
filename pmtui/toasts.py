"""The apps' toasts: inert, and one at a time on a shared screen."""

from __future__ import annotations

import time

from textual.app import App

from sessions.textsafe import one_line, printable


class InertToasts(App):
    """Every toast, whoever raises it, shows session text (a file name, a field, a value
    quoted from the file) inert: no control characters, no markup ("[/bold]" in a reloaded
    file's error crashed the app).

    One at a time: a new toast takes the place of the ones before, unless a warning or an
    error is still up. Stacked, three toasts covered half the table and the line under it at
    80x24 ("Parked… (1 waiting)" under "Parked… (2 waiting)", a tryout)."""

    _warned_until = 0.0
    """When the last warning or error toast goes (monotonic seconds)."""

    def notify(self, message: str, *, title: str = "", **kwargs) -> None:
        now = time.monotonic()
        if now >= self._warned_until:  # in turn: a toast is added when its message is handled
            self.call_later(self.clear_notifications)
        if kwargs.get("severity", "information") != "information":
            timeout = kwargs.get("timeout") or self.NOTIFICATION_TIMEOUT
            self._warned_until = max(self._warned_until, now + timeout)
        kwargs["markup"] = False
        super().notify(printable(str(message)), title=one_line(title), **kwargs)
