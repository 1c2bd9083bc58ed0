"""The row of keys at the bottom, drawn as one line of text.

Textual's Footer is a dozen widgets, one per key, rebuilt whenever the screen's bindings
change: every focus move, part and section switch. Measured at 80x24 on the example, that
rebuild was 75 of the 230 ms it takes to open a session, and 70 of the 165 ms of a section
switch; and each rebuilt row was kept alive by a reactive binding (textual#6666). Here the
row is laid out from the screen's active bindings when it is drawn, as Textual's compact
footer lays it out: keys in order, one per action, a group's keys together before its name,
the palette key at the right edge. A key that does not fit whole is left off, not cut.
A click runs the key; the key under the pointer is highlighted and gives its tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import groupby

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.keys import key_to_character
from textual.screen import Screen
from textual.widget import Widget

from widgets.text_keys import takes_as_text

PALETTE_EDGE = "▏"

_NOT_SHOWN = frozenset(
    {
        *("up", "down", "left", "right", "home", "end", "pageup", "pagedown"),
        *("ctrl+pageup", "ctrl+pagedown", "tab", "shift+tab", "ctrl+c", "super+c"),
    }
)
"""Keys every terminal user knows (moving, Tab, copying): never worth a place in the row."""


@dataclass(frozen=True)
class ShownKey:
    """One key as the footer shows it, and where: ``x`` and ``width`` in cells."""

    key: str
    shown: str
    description: str
    enabled: bool
    tooltip: str
    x: int = 0
    width: int = 0
    palette: bool = False

    @property
    def right(self) -> int:
        return self.x + self.width


@dataclass(frozen=True)
class _Entry:
    """A key with its description, or a group of keys under one name."""

    keys: list[ShownKey]
    label: str = ""

    @property
    def width(self) -> int:
        if self.label:
            return sum(cell_len(k.shown) + 1 for k in self.keys) + cell_len(self.label)
        key = self.keys[0]
        return cell_len(key.shown) + (1 + cell_len(key.description) if key.description else 0)


class KeysFooter(Widget, can_focus=False):
    """The screen's keys in one line; a click on one presses it."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "keys-footer--key",
        "keys-footer--description",
        "keys-footer--hover",
        "keys-footer--disabled",
        "keys-footer--edge",
    }
    DEFAULT_CSS = """
    KeysFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        .keys-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .keys-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .keys-footer--hover {
            background: $block-hover-background;
        }
        .keys-footer--disabled {
            text-style: dim;
        }
        .keys-footer--edge {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._hover: ShownKey | None = None
        #: The last layout and the width it was for: drawing and the pointer share it until
        #: the bindings change.
        self._laid: tuple[int, tuple[list[ShownKey], list[tuple[int, str]]]] | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        self._laid = None
        self.refresh()  # laid out again when drawn: many changes in one refresh cost one

    # --- what is shown --------------------------------------------------------------------

    def _key(self, binding: Binding, enabled: bool, tooltip: str, description: str) -> ShownKey:
        return ShownKey(
            binding.key, self.app.get_key_display(binding), description, enabled, tooltip
        )

    def _entries(self) -> tuple[list[_Entry], ShownKey | None]:
        """The keys to show, in order, and the palette key (None if the screen has none)."""
        active = self.screen.active_bindings
        first_of_action: dict[str, tuple[Binding, bool, str]] = {}
        for _node, binding, enabled, tooltip in active.values():
            if binding.show and not self._typed_here(binding):
                first_of_action.setdefault(binding.action, (binding, enabled, tooltip))
        entries: list[_Entry] = []
        for group, members in groupby(first_of_action.values(), lambda m: m[0].group):
            shown = list(members)
            if group is not None and len(shown) > 1:
                keys = [self._key(b, on, tip or b.description, "") for b, on, tip in shown]
                entries.append(_Entry(keys, group.description.strip()))
            else:
                for binding, enabled, tooltip in shown:
                    key = self._key(binding, enabled, tooltip, binding.description)
                    entries.append(_Entry([key]))
        for binding, enabled, tooltip in self._hidden(active):
            if binding.action not in first_of_action:
                first_of_action[binding.action] = (binding, enabled, tooltip)
                entries.append(_Entry([self._key(binding, enabled, tooltip, binding.description)]))
        palette = None
        if self.app.ENABLE_COMMAND_PALETTE:
            found = active.get(self.app.COMMAND_PALETTE_BINDING)
            if found is not None:
                _node, binding, enabled, tooltip = found
                palette = self._key(
                    binding, enabled, binding.tooltip or binding.description, binding.description
                )
        return entries, palette

    def _typed_here(self, binding: Binding) -> bool:
        """Does the focused text field take this key as text? "+ +5 min" was offered while
        typing in a meeting's notes, and "+" went into them (a tryout)."""
        # "+" for plus: Textual names no character for it, its display is the character
        character = key_to_character(binding.key) or self.app.get_key_display(binding)
        printable = len(character) == 1 and character.isprintable()
        return takes_as_text(self.screen.focused, binding.key, printable)

    def _hidden(self, active: dict) -> list[tuple[Binding, bool, str]]:
        """The keys kept out of the row for 80 columns ("v Paste logs", "i Park an idea"…),
        to follow it where there is room: at 160 the row ended at F1 Help with half the
        screen empty, and the meeting's own keys were nowhere (a tryout). The screen's come
        first, then the focused editor's, then the app's, a class's own before those it
        inherits; Textual's own widgets' (a tree's "shift+← Cursor to parent") never."""
        screen, app = self.screen, self.app
        ranked = []
        for node, binding, enabled, tooltip in active.values():
            if binding.show or not binding.description or binding.key in _NOT_SHOWN:
                continue
            if self._typed_here(binding):
                continue
            depth = _declared_at(node, binding)
            if depth is not None and binding.key != app.COMMAND_PALETTE_BINDING:
                place = 0 if node is screen else 2 if node is app else 1
                ranked.append(((place, depth), (binding, enabled, tooltip)))
        ranked.sort(key=lambda found: found[0])
        return [found for _rank, found in ranked]

    def laid_out(self, width: int | None = None) -> list[ShownKey]:
        """Every key shown at ``width`` (the footer's own by default), with where it is."""
        return self._layout(self.size.width if width is None else width)[0]

    def _layout(self, width: int) -> tuple[list[ShownKey], list[tuple[int, str]]]:
        """The keys placed left to right, the palette key at the right edge; and where each
        group's name goes (after its last key)."""
        if self._laid is None or self._laid[0] != width:
            self._laid = (width, self._place(width))
        return self._laid[1]

    def _place(self, width: int) -> tuple[list[ShownKey], list[tuple[int, str]]]:
        entries, palette = self._entries()
        keys: list[ShownKey] = []
        labels: list[tuple[int, str]] = []
        room = width
        if palette is not None:
            size = _Entry([palette]).width + 1  # a cell of padding at the screen's edge
            if 1 + size <= width:
                room -= 1 + size  # and the edge before it
                keys.append(replace(palette, x=width - size, width=size, palette=True))
        x = 0
        for entry in entries:
            # A group stands apart from the key before it (its name ends it, in another colour).
            gap = 1 if entry.label and x else 0
            if x + gap + entry.width > room:
                break
            x += gap
            for key in entry.keys:
                size = cell_len(key.shown) if entry.label else entry.width
                keys.append(replace(key, x=x, width=size))
                x += size + 1
            if entry.label:
                labels.append((x, entry.label))
                x += cell_len(entry.label) + 1
        keys.sort(key=lambda k: k.x)
        return keys, labels

    # --- drawing --------------------------------------------------------------------------

    def render(self) -> Text:
        width = self.size.width
        line = Text(no_wrap=True, end="")
        key_style = self.get_component_rich_style("keys-footer--key")
        description_style = self.get_component_rich_style("keys-footer--description")
        hover = self.get_component_rich_style("keys-footer--hover")
        dim = self.get_component_rich_style("keys-footer--disabled")
        cells: list[tuple[int, str, Style]] = []
        keys, labels = self._layout(width)
        for key in keys:
            extra = Style()
            if not key.enabled:
                extra += dim
            if self._hover is not None and key.key == self._hover.key:
                extra += hover
            if key.palette:
                edge = self.get_component_rich_style("keys-footer--edge")
                cells.append((key.x - 1, PALETTE_EDGE, edge))
            cells.append((key.x, key.shown, key_style + extra))
            if key.description:
                text = " " + key.description + (" " if key.palette else "")
                cells.append((key.x + cell_len(key.shown), text, description_style + extra))
        for x, label in labels:
            cells.append((x, label, description_style))
        for x, text, style in sorted(cells, key=lambda c: c[0]):
            if x > line.cell_len:
                line.append(" " * (x - line.cell_len))
            line.append(text, style)
        line.truncate(width, pad=True)
        return line

    # --- the pointer ----------------------------------------------------------------------

    def _at(self, x: int) -> ShownKey | None:
        return next((k for k in self.laid_out() if k.x <= x < k.right), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        key = self._at(event.x)
        if key != self._hover:
            self._hover = key
            self.tooltip = key.tooltip if key is not None and key.tooltip else None
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.tooltip = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self._at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()


def _declared_at(node: object, binding: Binding) -> int | None:
    """How far up ``node``'s classes ``binding`` is declared (0: its own class), or None if
    it is not pmtui's own (Textual's widgets bring keys no one needs in the row). Textual
    makes one binding per key of "ctrl+up,K": the declared one is found by its action and
    one of its keys."""
    for depth, cls in enumerate(type(node).__mro__):
        for declared in cls.__dict__.get("BINDINGS", ()):
            if (
                isinstance(declared, Binding)
                and declared.action == binding.action
                and binding.key in (key.strip() for key in declared.key.split(","))
            ):
                return None if cls.__module__.startswith("textual.") else depth
    return None
