"""A high-contrast theme for sharing the terminal on a call."""

from textual.theme import Theme

PRESENTATION = Theme(
    name="pmtui-presentation",
    primary="#FFD700",
    secondary="#00E5FF",
    accent="#00E5FF",
    warning="#FFB000",
    error="#FF4040",
    success="#00FF66",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#202020",
    dark=True,
)

DEFAULT_THEME = "textual-dark"
