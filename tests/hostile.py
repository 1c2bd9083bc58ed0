"""Hostile text for the tests: terminal escape sequences in every text field of a session."""

from __future__ import annotations

from pydantic import BaseModel

from sessions.models import Session

#: OSC 52 (clipboard), OSC 2 (title), OSC 8 (link), CSI clear, one-byte CSI, DCS…ST, DEL, CR.
ATTACK = (
    "\x1b]52;c;cGF3bmVk\x07\x1b]2;PWNED\x07\x1b]8;;http://x\x1b\\ln\x1b]8;;\x1b\\"
    "\x1b[2J\x9b2J\x90qDCS\x9c\x7f\r\x00"
)

#: A file name that sets the window title and clears the screen when printed raw.
HOSTILE_NAME = "\x1b]2;PWNED\x07\x1b[2J\x9b1m.toml"


def raw_controls(text: str) -> list[str]:
    """The control characters a terminal would obey (newline and tab are layout)."""
    return sorted(
        {ch for ch in text if (ord(ch) < 0x20 and ch not in "\n\t") or 0x7F <= ord(ch) <= 0x9F}
    )


def poison(model: BaseModel) -> None:
    """Put ATTACK in front of every non-empty plain string field, references included (so ids
    and the references to them still agree)."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        if type(value) is str and value:
            setattr(model, name, ATTACK + value)
        elif isinstance(value, BaseModel):
            poison(value)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    poison(item)
                elif type(item) is str and item:
                    value[index] = ATTACK + item


def poisoned(session: Session) -> Session:
    copy = session.model_copy(deep=True)
    poison(copy)
    return copy
