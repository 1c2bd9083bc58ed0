"""The clock's figures five rows high, for a room reading a big shared screen: Textual's
Digits are three rows at every size, and at 160×50 the clock stayed as small as at 80×24
with half the screen empty (a tryout)."""

from __future__ import annotations

#: Each figure as rows of pixels three wide ("#" lit), five high.
_PIXELS: dict[str, tuple[str, ...]] = {
    "0": ("###", "# #", "# #", "# #", "###"),
    "1": (" # ", "## ", " # ", " # ", "###"),
    "2": ("###", "  #", "###", "#  ", "###"),
    "3": ("###", "  #", "###", "  #", "###"),
    "4": ("# #", "# #", "###", "  #", "  #"),
    "5": ("###", "#  ", "###", "  #", "###"),
    "6": ("###", "#  ", "###", "# #", "###"),
    "7": ("###", "  #", "  #", "  #", "  #"),
    "8": ("###", "# #", "###", "# #", "###"),
    "9": ("###", "# #", "###", "  #", "###"),
    ":": (" ", "#", " ", "#", " "),
    "+": ("   ", " # ", "###", " # ", "   "),
    "-": ("   ", "   ", "###", "   ", "   "),
    " ": ("   ",) * 5,
}
ROWS = 5


def big_clock(face: str) -> str:
    """``face`` ("12:05", "+3:10") in five rows, each pixel two cells wide (square on a
    terminal's tall cells), a pixel's gap between figures. A character with no figure
    is left out."""
    glyphs = [_PIXELS[ch] for ch in face if ch in _PIXELS]
    rows = []
    for row in range(ROWS):
        cells = " ".join(glyph[row] for glyph in glyphs)
        rows.append("".join("██" if pixel == "#" else "  " for pixel in cells))
    return "\n".join(rows)
