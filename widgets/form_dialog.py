"""A modal form for one record: one row per field, so it fits 80×24 with its save key in view.

It validates as you type, never closes on bad input, and never loses what was typed:
Enter or ctrl+s saves (refused, with the reason, while a field is wrong), Escape cancels
and asks first only when something was actually typed.
"""

from __future__ import annotations

from typing import Any

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, Static, TextArea

from sessions.textsafe import printable
from widgets.confirm import Confirm
from widgets.field_input import FieldInput
from widgets.fields import FieldSpec, parse, to_text
from widgets.form_inputs import SpecValidator, SuggestChoice, YesNoBox
from widgets.form_status import FormStatus
from widgets.text_field import FieldArea
from widgets.user_text import user_content


class FormDialog(FormStatus, ModalScreen[dict[str, Any] | None]):
    """Edit the fields of one record; dismisses with the parsed values, or None if cancelled."""

    CSS_PATH = "form_dialog.tcss"
    HELP_TITLE = "Form"
    AUTO_FOCUS = "Input, TextArea, Checkbox"
    """Focus goes to the first field as the form is composed, before any key can reach it;
    focusing it again in on_mount took the focus back from a field a fast typist had
    tabbed to (seen in tmux: "14:05Ev 10" in the time field)."""
    BINDINGS = [
        Binding("ctrl+s", "submit", "Save", priority=True),
        Binding("enter", "submit_on_enter", "Save", show=False, priority=True),
        Binding("escape", "cancel", "Cancel"),
        Binding("f1", "app.help", "Help", show=False),
        Binding("ctrl+r", "rewrite_here", "Rewrite blame", show=False),
    ]

    def __init__(self, title: str, specs: list[FieldSpec], values: dict[str, Any]) -> None:
        super().__init__()
        self.title_text = title
        self.specs = specs
        self.initial = {spec.name: values.get(spec.name, spec.default) for spec in specs}
        self._typed_initial: dict[str, Any] = {}
        #: What is wrong with each field typed into: checked once on mount, then kept from
        #: the result each Input gives with its Changed (not every field again on each key).
        self._invalid: dict[str, str] = {}
        #: What each field's ``advice`` says of the value typed into it (kept while it
        #: parses; a value only opened, not typed, is not remarked on).
        self._advice: dict[str, str] = {}
        #: name → (what the field shows, the text it stands for): control characters in
        #: session text are shown as pictures, and kept as they were unless retyped.
        self._unchanged: dict[str, tuple[str, str]] = {}

    def compose(self) -> ComposeResult:
        box = Vertical(id="form")
        # The title sits in the frame: two rows more for fields at 80x24, one widget fewer.
        box.border_title = user_content(self.title_text)
        with box:
            with Grid(id="form-fields"):
                for spec in self.specs:
                    yield Label(
                        Content(spec.name_shown + (" *" if spec.required else "")),
                        classes="field-label",
                    )
                    yield self._field(spec)
            yield Static("", id="form-status")
            with Horizontal(id="form-buttons"):
                # Clicked, or reached by their keys; never by Tab: letters typed on a focused
                # button were dropped, and Enter there cancelled the form.
                for button in (
                    Button("Cancel  esc", id="cancel", compact=True),
                    Button("Save  ⏎/ctrl+s", id="save", variant="primary", compact=True),
                ):
                    button.can_focus = False
                    yield button

    def _field(self, spec: FieldSpec) -> Widget:
        value = self.initial[spec.name]
        field_id = f"f-{spec.name}"
        if spec.kind == "multiline":
            area = FieldArea(to_text(spec, value), id=field_id, soft_wrap=True, compact=True)
            area.show_line_numbers = False
            area.add_class("multiline")
            return area
        if spec.kind == "bool":
            return YesNoBox(bool(value), id=field_id)
        suggester = None
        if spec.kind == "enum":
            suggester = SuggestChoice(spec)
        elif spec.suggestions:
            suggester = SuggestFromList(spec.suggestions, case_sensitive=False)
        text = to_text(spec, value)
        self._unchanged[spec.name] = (printable(text), text)
        return FieldInput(
            printable(text),  # shown inert; left as it was, the original text is kept
            placeholder=spec.placeholder,
            validators=[SpecValidator(spec)],
            validate_on=["changed"],
            suggester=suggester,
            # The field the form opens in keeps its text with the cursor at the end: selected,
            # the first letter typed to add to it (Enter, " on order lookup") replaced it all.
            # Tab into a field selects it, to type over, as forms do.
            select_on_focus=spec.typed_over or spec is not self.specs[0],
            compact=True,
            id=field_id,
            joiner=", " if spec.kind == "list" else " ",
        )

    def on_mount(self) -> None:
        self._typed_initial = {spec.name: self._raw(spec) for spec in self.specs}
        for spec in self.specs:
            widget = self._widget(spec)
            if isinstance(widget, Input) and widget.value:
                self._remember(spec, widget.validate(widget.value))
        # The first field's hint is written while the dialog is laid out for the first time,
        # and its line kept the height of an empty one: a long hint was cut to one row.
        status = self.query_one("#form-status", Static)
        self.call_after_refresh(status.refresh, layout=True)

    # --- reading the fields -----------------------------------------------------------------

    def _widget(self, spec: FieldSpec) -> Widget:
        return self.query_one(f"#f-{spec.name}")

    def _raw(self, spec: FieldSpec) -> Any:
        widget = self._widget(spec)
        if isinstance(widget, TextArea):
            return widget.text
        if isinstance(widget, Checkbox):
            return widget.value
        assert isinstance(widget, Input)
        shown, original = self._unchanged.get(spec.name, (None, None))
        return original if widget.value == shown else widget.value

    def collect(self) -> tuple[dict[str, Any], dict[str, str]]:
        values, errors = {}, {}
        for spec in self.specs:
            raw = self._raw(spec)
            if spec.kind == "bool":
                values[spec.name] = bool(raw)
                continue
            try:
                values[spec.name] = parse(spec, raw)
            except ValueError as error:
                errors[spec.name] = str(error)
        return values, errors

    def typed_anything(self) -> bool:
        return any(self._raw(spec) != self._typed_initial.get(spec.name) for spec in self.specs)

    # --- the status line: the focused field's hint, or what is wrong ---------------------
    # Written by FormStatus (widgets/form_status.py); the events that update it stay here,
    # as Textual finds an ``@on`` handler only on a screen or widget class.

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self._show_field_status(event.widget)

    @on(Input.Changed)
    def _validate_live(self, event: Input.Changed) -> None:
        spec = self._spec_of(event.input)
        if spec is not None:
            self._remember(spec, event.validation_result if event.value else None)
            # Typed, not as the form opened it: told by the value, not by the focus, which a
            # fast typist's Tab has moved on before this comes (the advice was never given).
            opened, _original = self._unchanged.get(spec.name, ("", ""))
            if event.value != opened:
                self._advise(spec, event.value)
            else:
                self._advice.pop(spec.name, None)
        if event.input is self.focused:
            self._show_field_status(event.input)

    # --- answering --------------------------------------------------------------------------

    def action_submit(self) -> None:
        values, errors = self.collect()
        if errors:
            name = next(iter(errors))
            spec = next(spec for spec in self.specs if spec.name == name)
            self._invalid.update(errors)  # an empty required field was never typed into
            for each in self.specs:
                widget = self._widget(each)
                widget.set_class(each.name in errors, "-invalid")
            widget = self._widget(spec)
            if widget.has_focus:
                self._show_field_status(widget)
            self.set_focus(widget)  # and its status says what is wrong, the others below
            return
        # What a field's advice said of what was typed into it, said again as it is sent:
        # a fast typist had tabbed on before it showed (a due date in the past, saved
        # without a word: a tryout).
        for spec in self.specs:
            if advice := self._advice.get(spec.name):
                self.app.notify(
                    f"{spec.name_shown}: {advice}",
                    title="Note",  # the caller may still refuse the values
                    severity="warning",
                    markup=False,
                    timeout=6,
                )
        self.dismiss(values)

    def action_rewrite_here(self) -> None:
        """ctrl+r works on saved text: say so, rather than doing nothing."""
        self.notify(
            "Blameless rewrites work on what is saved: save the form, then ctrl+r on the row "
            "(or F4 for the findings).",
            markup=False,
            timeout=5,
        )

    def action_submit_on_enter(self) -> None:
        self.action_submit()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter saves, except where it belongs to the field: a new line, a tick, a button."""
        if action == "submit_on_enter":
            return not isinstance(self.focused, TextArea | Checkbox | Button)
        return True

    @work
    async def action_cancel(self) -> None:
        if self.typed_anything() and not await self.app.push_screen_wait(
            Confirm("Discard what you typed?", yes="Discard", no="Keep editing")
        ):
            return
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        self.action_submit()

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.action_cancel()

    @on(Input.Blurred)
    def _show_the_start(self, event: Input.Blurred) -> None:
        """A field left shows its text from the start: a long title showed only its end
        ("e expired on payments API…") once tabbed away from (a tryout). Only the view
        moves: the cursor stays where it was, for the keys typed on coming back (moved, they
        went in front of the text). Leaving the terminal window is no leaving the field."""
        field = event.input
        if not field.has_focus and self.app.app_focus:
            field.scroll_to(x=0, animate=False)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()  # Enter is the dialog's own binding; this one only comes from a paste
