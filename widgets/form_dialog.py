"""A modal form for one record: validates as you type and never loses what was typed."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.validation import ValidationResult, Validator
from textual.widgets import Button, Checkbox, Input, Label, Select, TextArea

from widgets.confirm import ConfirmDialog
from widgets.fields import FieldSpec, parse, to_text


class _SpecValidator(Validator):
    def __init__(self, spec: FieldSpec) -> None:
        super().__init__()
        self.spec = spec

    def validate(self, value: str) -> ValidationResult:
        try:
            parse(self.spec, value)
        except ValueError as error:
            return self.failure(str(error))
        return self.success()


class FormDialog(ModalScreen[dict[str, Any] | None]):
    """Edit the fields of one record; dismisses with the parsed values, or None if cancelled."""

    CSS_PATH = "form_dialog.tcss"
    BINDINGS = [
        Binding("ctrl+s", "submit", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, title: str, specs: list[FieldSpec], values: dict[str, Any]) -> None:
        super().__init__()
        self.title_text = title
        self.specs = specs
        self.initial = {spec.name: values.get(spec.name) for spec in specs}

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form"):
            yield Label(Content(self.title_text), id="form-title")
            for spec in self.specs:
                value = self.initial[spec.name]
                yield Label(
                    Content(spec.label + (" *" if spec.required else "")), classes="field-label"
                )
                if spec.kind == "multiline":
                    area = TextArea(to_text(spec, value), id=f"f-{spec.name}", soft_wrap=True)
                    area.show_line_numbers = False
                    yield area
                elif spec.kind == "enum":
                    options = [(choice.replace("_", " "), choice) for choice in spec.choices]
                    current = to_text(spec, value)
                    yield Select(
                        options,
                        value=current if current in spec.choices else Select.NULL,
                        allow_blank=not spec.required,
                        id=f"f-{spec.name}",
                    )
                elif spec.kind == "bool":
                    yield Checkbox(spec.label, bool(value), id=f"f-{spec.name}")
                else:
                    yield Input(
                        to_text(spec, value),
                        placeholder=spec.placeholder,
                        validators=[_SpecValidator(spec)],
                        validate_on=["changed", "submitted"],
                        id=f"f-{spec.name}",
                    )
                yield Label("", id=f"e-{spec.name}", classes="field-error")
                if spec.help:
                    yield Label(Content(spec.help), classes="field-help")
            with Horizontal(id="form-buttons"):
                yield Button("Cancel [esc]", id="cancel")
                yield Button("Save [ctrl+s]", id="save", variant="primary")

    def on_mount(self) -> None:
        first = self.query("Input, TextArea, Select, Checkbox").first()
        first.focus()

    def _raw(self, spec: FieldSpec) -> Any:
        widget = self.query_one(f"#f-{spec.name}")
        if isinstance(widget, TextArea):
            return widget.text
        if isinstance(widget, Select):
            return "" if widget.value is Select.NULL else str(widget.value)
        if isinstance(widget, Checkbox):
            return widget.value
        return widget.value

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

    def _show_errors(self, errors: dict[str, str]) -> None:
        for spec in self.specs:
            label = self.query_one(f"#e-{spec.name}", Label)
            message = errors.get(spec.name, "")
            label.update(Content(f"⚠ {message}" if message else ""))
            label.set_class(bool(message), "visible")

    @on(Input.Changed)
    def _validate_live(self, event: Input.Changed) -> None:
        name = (event.input.id or "").removeprefix("f-")
        label = self.query_one(f"#e-{name}", Label)
        result = event.validation_result
        message = "" if result is None or result.is_valid else result.failure_descriptions[0]
        label.update(Content(f"⚠ {message}" if message else ""))
        label.set_class(bool(message), "visible")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    def action_submit(self) -> None:
        values, errors = self.collect()
        if errors:
            self._show_errors(errors)
            self.notify("Fix the marked fields first", severity="warning")
            return
        self.dismiss(values)

    def _changed(self) -> bool:
        values, errors = self.collect()
        if errors:
            return True
        initial = {}
        for spec in self.specs:
            try:
                initial[spec.name] = (
                    bool(self.initial[spec.name])
                    if spec.kind == "bool"
                    else parse(spec, to_text(spec, self.initial[spec.name]))
                )
            except ValueError:
                initial[spec.name] = None
        return values != initial

    def action_cancel(self) -> None:
        if not self._changed():
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmDialog("Discard what you typed?", yes="Discard", no="Keep editing"), answered
        )

    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        self.action_submit()

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.action_cancel()
