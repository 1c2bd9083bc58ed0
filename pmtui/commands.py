"""What the command palette and the help screen offer: the app's own commands, the screen's,
and every key of the editor in use, so nothing hidden from the footer is out of reach."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

from screens.help import HelpGroup
from sessions.checks import Finding
from sessions.editing import Change
from widgets.protocols import HasHelp

if TYPE_CHECKING:
    from pmtui.app import PostmortemApp


@runtime_checkable
class SessionView(Protocol):
    """What the app asks of its session screens."""

    def redraw(self, changed: set[str]) -> None: ...
    def reveal(self, change: Change) -> None: ...
    def show_findings(self, findings: list[Finding]) -> None: ...
    def commands(self) -> Iterable[SystemCommand]: ...
    def help_groups(self) -> list[HelpGroup]: ...


def app_commands(app: PostmortemApp) -> Iterable[SystemCommand]:
    yield SystemCommand("Help: every key", "By where it works (F1)", app.action_help)
    yield SystemCommand("Save", "Save the session file now (ctrl+s)", app.action_save)
    yield SystemCommand(
        "Save as…", "Write the session to a new file and edit that", app.action_save_as
    )
    yield SystemCommand("Undo", "Undo the last change (ctrl+z)", app.action_undo)
    yield SystemCommand("Redo", "Make the last undone change again (ctrl+y)", app.action_redo)
    yield SystemCommand(
        "Meeting mode", "The timed agenda walk (F2)", lambda: app.action_mode("meeting")
    )
    yield SystemCommand(
        "Drafting mode", "Edit the whole document (F3)", lambda: app.action_mode("drafting")
    )
    yield SystemCommand("Preview Markdown", "The exported postmortem (F5)", app.action_preview)
    yield SystemCommand(
        "Export Markdown", "Write the .md beside the session (ctrl+e)", app.action_export
    )
    yield SystemCommand(
        "Import Markdown…",
        "A Markdown postmortem into a new session file beside this one",
        app.action_import_markdown,
    )
    yield SystemCommand(
        "Share a live page for attendees",
        "Read-only, in a browser, following every save (F6)",
        app.action_share,
    )
    yield SystemCommand(
        "Presentation theme",
        "High contrast for screen sharing (ctrl+t)",
        app.action_toggle_presentation,
    )
    yield SystemCommand(
        "Resolve file conflict",
        "Reload, save a copy or overwrite (ctrl+o)",
        app.action_resolve_conflict,
    )


#: Keys that only move the cursor or scroll: the palette leaves them out (F1 lists them).
MOVEMENT_KEYS = frozenset(
    {"up", "down", "left", "right", "pageup", "pagedown", "home", "end"}
    | {"ctrl+pageup", "ctrl+pagedown"}
)


def focused_commands(app: App, screen: Screen) -> Iterable[SystemCommand]:
    """Every key of the editor in use, hidden from the footer or not, by name: each action
    once, with all its keys ("Del (d, del)", not "Del (d)" and "Del (del)"), and no plain
    cursor movement."""
    found: dict[tuple[int, str], tuple[DOMNode, Binding, list[str]]] = {}
    for key, active in screen.active_bindings.items():
        node, binding = active.node, active.binding
        if not isinstance(node, HasHelp) or not binding.description or not active.enabled:
            continue
        if isinstance(node, Screen | App) or not getattr(node, "IN_PALETTE", True):
            continue  # their commands come from app_commands and the screen's own
        if key in MOVEMENT_KEYS:
            continue
        shown = found.setdefault((id(node), binding.action), (node, binding, []))[2]
        display = app.get_key_display(binding)
        if display not in shown:
            shown.append(display)
    for node, binding, shown in found.values():
        yield SystemCommand(
            f"{node.HELP_TITLE}: {binding.tooltip or binding.description}",
            f"({', '.join(shown)})",
            lambda node=node, action=binding.action: app.run_action(action, node),
        )


def help_groups(app: App) -> list[HelpGroup]:
    """The focused widget's keys first (and its containers'), then the screen's own (the
    meeting's timer keys: a facilitator's first question), then the app's, then every other
    editor on the screen."""
    chain = [app.focused, *(app.focused.ancestors if app.focused else [])]
    screen = app.screen
    groups: list[HelpGroup] = [
        (f"Here: {widget.HELP_TITLE}", "", list(widget.BINDINGS))
        for widget in chain
        if isinstance(widget, HasHelp)
        and not isinstance(widget, App)
        # a session screen describes itself below; a dialog's own keys are "here"
        and not (widget is screen and isinstance(screen, SessionView))
    ]
    everywhere = ("Everywhere", "", [*app.BINDINGS, Binding("ctrl+p", "", "Commands")])
    if not isinstance(screen, SessionView):
        return _once([*groups, everywhere])
    groups.extend(screen.help_groups())
    groups.append(everywhere)
    for widget in screen.query("*"):
        if isinstance(widget, HasHelp):
            groups.append((widget.HELP_TITLE, "", list(widget.BINDINGS)))
    return _once(groups)


def _once(groups: list[HelpGroup]) -> list[HelpGroup]:
    """Each group once, where it first comes ("Here: Factors" counts as "Factors")."""
    seen: set[str] = set()
    kept = []
    for group in groups:
        title = group[0].removeprefix("Here: ")
        if title not in seen:
            seen.add(title)
            kept.append(group)
    return kept
