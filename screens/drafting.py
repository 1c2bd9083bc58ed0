"""Drafting mode: the whole document, part by part, with the guardrails for the part in view."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal
from textual.widgets import ContentSwitcher, Footer, Header, OptionList
from textual.widgets.option_list import Option

from screens.base import SessionScreen
from screens.parts import PARTS, build_part
from widgets.findings_panel import FindingsPanel


class DraftingScreen(SessionScreen):
    CSS_PATH = "drafting.tcss"
    BINDINGS = [
        Binding("ctrl+pagedown,alt+down", "next_part", "Next part"),
        Binding("ctrl+pageup,alt+up", "previous_part", "Prev part"),
        Binding("ctrl+g", "focus_nav", "Parts", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="drafting-body"):
            yield OptionList(
                *[
                    Option(Text(f"{i + 1:>2} {part.title}"), id=part.key)
                    for i, part in enumerate(PARTS)
                ],
                id="parts-nav",
            )
            with ContentSwitcher(id="part-editor", initial="part-metadata"):
                for part in PARTS:
                    yield Container(id=f"part-{part.key}")
        yield FindingsPanel(id="findings")
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        nav = self.query_one("#parts-nav", OptionList)
        nav.highlighted = 0
        self.show_part("metadata")
        nav.focus()

    @property
    def current_part(self) -> str:
        current = self.query_one("#part-editor", ContentSwitcher).current or "part-metadata"
        return current.removeprefix("part-")

    def visible_parts(self) -> set[str]:
        return {self.current_part}

    def show_part(self, key: str, *, focus_editor: bool = False) -> None:
        container = self.query_one(f"#part-{key}", Container)
        if not container.children:  # editors are built the first time they are needed
            container.mount(build_part(key, self.session, self.today))
        self.query_one("#part-editor", ContentSwitcher).current = f"part-{key}"
        nav = self.query_one("#parts-nav", OptionList)
        index = [part.key for part in PARTS].index(key)
        if nav.highlighted != index:
            nav.highlighted = index
        self.show_findings(self.findings)
        if focus_editor:
            self._focus_editor(container)

    def _focus_editor(self, container: Container, tries: int = 5) -> None:
        """Focus the part's editor once it is mounted (it may be built just now)."""
        targets = container.query("DataTable, Tree, TextArea, ModelForm")
        if targets:
            targets.first().focus()
        elif tries:
            self.call_after_refresh(self._focus_editor, container, tries - 1)

    @on(OptionList.OptionHighlighted, "#parts-nav")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id:
            self.show_part(event.option.id)

    @on(OptionList.OptionSelected, "#parts-nav")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.show_part(event.option.id, focus_editor=True)

    def _step(self, step: int) -> None:
        keys = [part.key for part in PARTS]
        index = (keys.index(self.current_part) + step) % len(keys)
        self.show_part(keys[index], focus_editor=True)

    def action_next_part(self) -> None:
        self._step(1)

    def action_previous_part(self) -> None:
        self._step(-1)

    def action_focus_nav(self) -> None:
        self.query_one("#parts-nav", OptionList).focus()
