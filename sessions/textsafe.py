"""One place that makes user text safe to show: no terminal control sequence survives it.

Session text travels (a teammate's branch, an import), so it may hold ESC, OSC, CSI or C1
bytes that a terminal would obey. Every path from session text to a screen or a pipe goes
through ``printable``; the stored text itself is never changed.
"""

from __future__ import annotations

#: C0 controls become their Unicode pictures (␛ for ESC), DEL becomes ␡, and the C1 controls
#: (U+0080–U+009F, among them the one-byte CSI U+009B) become U+FFFD.
_PICTURES: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20)}
_PICTURES[0x7F] = "\u2421"
_PICTURES.update({code: "\ufffd" for code in range(0x80, 0xA0)})

_KEEP_LAYOUT = dict(_PICTURES)
del _KEEP_LAYOUT[ord("\n")]
del _KEEP_LAYOUT[ord("\t")]

_JSON_ESCAPES = {code: f"\\u{code:04x}" for code in range(0x7F, 0xA0)}

_ONE_LINE = dict(_PICTURES)
_ONE_LINE[ord("\n")] = " ⏎ "
_ONE_LINE[ord("\t")] = " "


def printable(text: str, *, layout: bool = True) -> str:
    """``text`` with every control character made visible and inert.

    With ``layout`` newlines and tabs are kept (multi-line text); without it every control
    character, newline and tab included, becomes a picture.
    """
    return text.translate(_KEEP_LAYOUT if layout else _PICTURES)


def one_line(text: str) -> str:
    """For a table cell or a label: newlines shown as ⏎, tabs as spaces, controls inert."""
    return text.translate(_ONE_LINE)


def json_safe(json_text: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)`` or pydantic) with DEL and the C1
    controls escaped as ``\\u007f``…``\\u009f``, which both leave raw; C0 is escaped already.

    The data stays exact: outside strings JSON is ASCII, so these can only sit inside strings,
    where an escape means the same character.
    """
    return json_text.translate(_JSON_ESCAPES)


def has_controls(text: str) -> bool:
    """True when ``text`` holds anything ``printable`` would change (besides newline/tab)."""
    return text != text.translate(_KEEP_LAYOUT)
