"""Drafting mode: the whole document, part by part, with the guardrails for the part in view."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Header, OptionList
from textual.widgets.option_list import Option

from screens.base import HelpGroup, SessionScreen
from screens.parts import PARTS, PartContext, build_part, part_of
from sessions.editing import EVERYTHING, Change
from widgets.findings_panel import FindingsPanel
from widgets.keys_footer import KeysFooter
from widgets.lazy_switcher import LazySwitcher
from widgets.model_form import ModelForm

KEYS = [part.key for part in PARTS]
#: One footer item for both, "alt+↓ alt+↑ part": two made the 5-whys footer too long at 80.
PART_KEYS = Binding.Group("part")


class PartsNav(OptionList):
    """The list of parts. Enter opens the part in a worker of its own, so that keys typed
    after it wait for what it opens (the key order waits for an action's workers)."""

    HELP_TITLE = "Parts list (↑ ↓ show a part)"
    BINDINGS = [Binding("enter", "open_part", "Open the part", show=False)]

    @work(group="open-part", exclusive=True)
    async def action_open_part(self) -> None:
        option = self.highlighted_option
        screen = self.screen
        if option is not None and option.id and isinstance(screen, DraftingScreen):
            await screen.open_part(option.id)


class DraftingScreen(SessionScreen):
    CSS_PATH = "drafting.tcss"
    HELP_TITLE = "Drafting mode"
    BINDINGS = [
        Binding("alt+down,ctrl+pagedown", "step(1)", "Next part", group=PART_KEYS),
        Binding("alt+up,ctrl+pageup", "step(-1)", "Previous part", group=PART_KEYS),
        Binding("ctrl+g", "focus_nav", "Parts", show=False),
    ]

    def __init__(self, context: PartContext, start_part: str = "") -> None:
        super().__init__(context)
        #: The part it opens on: where the file was last left, else the first.
        self.start_part = start_part if start_part in KEYS else KEYS[0]
        self.parts = LazySwitcher(
            {part.key: (lambda key=part.key: build_part(key, context)) for part in PARTS},
            initial=self.start_part,
            id="part-editor",
        )

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="drafting-body"):
            yield PartsNav(
                *[
                    Option(Text(f"{i + 1:>2} {part.title}"), id=part.key)
                    for i, part in enumerate(PARTS)
                ],
                id="parts-nav",
            )
            yield self.parts
        yield FindingsPanel(id="findings")
        yield KeysFooter()

    async def on_mount(self) -> None:
        nav = self.query_one("#parts-nav", OptionList)
        nav.highlighted = KEYS.index(self.start_part)
        await self.show_part(self.start_part)
        self.set_focus(nav)

    @property
    def current_part(self) -> str:
        return self.parts.current_key

    def visible_parts(self) -> set[str]:
        return {self.current_part}

    def reveal(self, change: Change) -> None:
        """Go to the part an undo or a redo changed: a third ctrl+z in Background undid a
        rewrite in the Summary out of sight (a tryout)."""
        key = part_of(change.part)
        if change.part != EVERYTHING and key in KEYS and key != self.current_part:
            self.call_later(self.show_part, key)

    async def show_part(
        self, key: str, *, focus_editor: bool = False, from_nav: bool = False
    ) -> None:
        """Show a part (built the first time, awaited), and focus its editor if asked.

        The list of parts is the latest word on which part is wanted: it follows at once,
        before the part is built, so that an earlier ↓ whose part comes up late finds it
        moved on; and it is left alone when it is what chose the part (``from_nav``): set
        back once the part was built, it undid the ↓ pressed meanwhile (a tryout: 14 ↓ on a
        first visit stopped at "5 whys")."""
        nav = self.query_one("#parts-nav", OptionList)
        index = KEYS.index(key)
        if nav.highlighted != index and not from_nav:
            with nav.prevent(OptionList.OptionHighlighted):
                nav.highlighted = index
        if await self.parts.show(key) is None:
            return  # another part was asked for while this one was built
        self.show_findings(self.findings)
        if focus_editor and self.parts.focus_pane() is None:
            nav.focus()  # a part with nothing to edit yet: the list of parts keeps the keys

    async def open_part(self, key: str) -> None:
        """Show the part and focus its editor; a part edited in a form opens the form: its box
        says "Enter to edit", and the Enter that chose it only moved the focus."""
        await self.show_part(key, focus_editor=True)
        if isinstance(self.focused, ModelForm):
            await self.focused.edit()

    @on(OptionList.OptionHighlighted, "#parts-nav")
    async def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """The highlighted part is shown; one the list has already moved past (↓ held) is
        not built at all."""
        if event.option_list.highlighted != event.option_index:
            return
        if event.option.id and event.option.id != self.current_part:
            await self.show_part(event.option.id, from_nav=True)

    @on(OptionList.OptionSelected, "#parts-nav")
    async def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            await self.show_part(event.option.id, focus_editor=True)

    async def action_step(self, step: int) -> None:
        """The next or the previous part, stopping at the first and the last: wrapping
        round, a held alt+↓ ran past Appendix back to Metadata."""
        nav = self.query_one("#parts-nav", OptionList)
        here = nav.highlighted  # ↓ then alt+↑ comes back, even before ↓'s part is up
        index = (KEYS.index(self.current_part) if here is None else here) + step
        if 0 <= index < len(KEYS):
            await self.show_part(KEYS[index], focus_editor=True)
        else:
            self.app.bell()

    def action_focus_nav(self) -> None:
        self.set_focus(self.query_one("#parts-nav", OptionList))

    def commands(self) -> Iterable[SystemCommand]:
        yield from super().commands()
        for part in PARTS:
            yield SystemCommand(
                f"Go to: {part.title}",
                "Drafting",
                lambda key=part.key: self.show_part(key, focus_editor=True),
            )

    def help_groups(self) -> list[HelpGroup]:
        return [
            ("Drafting mode", "The whole document, part by part.", list(self.BINDINGS)),
            *super().help_groups(),
        ]
