"""Session text can never reach a terminal as a control sequence."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from sessions.textsafe import has_controls, json_safe, one_line, printable

ATTACKS = [
    "\x1b]52;c;cGF3bmVk\x07",  # OSC 52: write the clipboard
    "\x1b]2;PWNED\x07",  # OSC 2: window title
    "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\",  # OSC 8 hyperlink
    "\x1b[2J\x1b[H",  # clear screen
    "\x9b2J",  # one-byte CSI
    "\x90qDCS\x9c",  # DCS … ST (C1)
    "\x7f\x00\r",
]


def _is_inert(text: str) -> bool:
    return not any((ord(ch) < 0x20 and ch not in "\n\t") or 0x7F <= ord(ch) <= 0x9F for ch in text)


def test_known_attacks_are_neutralised():
    for attack in ATTACKS:
        assert _is_inert(printable(attack))
        assert has_controls(attack)
    assert printable("a\x1b[2Jb") == "a␛[2Jb"
    assert printable("tab\there\nnext") == "tab\there\nnext"
    assert one_line("two\nlines\tx") == "two ⏎ lines x"


@given(st.text())
def test_nothing_control_survives(text):
    assert _is_inert(printable(text))
    assert _is_inert(one_line(text)) and "\n" not in one_line(text)
    assert has_controls(text) == (printable(text) != text)


@settings(max_examples=60)
@given(st.lists(st.text(), max_size=4) | st.dictionaries(st.text(), st.text(), max_size=4))
def test_json_stays_exact_and_inert(data):
    text = json_safe(json.dumps(data, indent=2, ensure_ascii=False))
    assert json.loads(text) == data
    assert not any((ord(ch) < 0x20 and ch != "\n") or 0x7F <= ord(ch) <= 0x9F for ch in text)
