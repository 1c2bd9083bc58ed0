"""A read-only summary of one part of the session (metadata, impact) that edits in a form."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import ValidationError
from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from widgets._css import css_beside
from widgets.fields import FieldSpec, to_text
from widgets.form_dialog import FormDialog
from widgets.messages import SessionEdited


class ModelForm(Static, can_focus=True):
    DEFAULT_CSS = css_beside(__file__)
    BINDINGS = [Binding("enter,e", "edit", "Edit")]

    def __init__(
        self,
        title: str,
        specs: list[FieldSpec],
        get_values: Callable[[], dict[str, Any]],
        apply: Callable[[dict[str, Any]], None],
        *,
        where: str,
        extra: Callable[[], Text] | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.title = title
        self.specs = specs
        self.get_values = get_values
        self.apply = apply
        self.where = where
        self.extra = extra
        self.border_title = f"{title} — press Enter to edit"

    def on_mount(self) -> None:
        self.refresh_view()

    def refresh_view(self) -> None:
        values = self.get_values()
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", max_width=24)
        grid.add_column(ratio=1)
        for spec in self.specs:
            shown = to_text(spec, values.get(spec.name))
            if spec.kind == "bool":
                shown = "yes" if values.get(spec.name) else "no"
            label = spec.short or spec.label
            value = Text(shown.replace("\n", " ⏎ ")) if shown else Text("—", style="dim")
            grid.add_row(Text(label), value)
        if self.extra is None:
            self.update(grid)
        else:
            self.update(Group(grid, Text(""), self.extra()))

    def reload_from_model(self) -> None:
        self.refresh_view()

    def action_edit(self) -> None:
        def done(values: dict[str, Any] | None) -> None:
            if values is None:
                return
            try:
                self.apply(values)
            except (ValidationError, ValueError) as error:
                message = (
                    error.errors(include_url=False)[0]["msg"]
                    if isinstance(error, ValidationError)
                    else str(error)
                )
                self.app.notify(message, severity="error", markup=False)
                return
            self.refresh_view()
            self.post_message(SessionEdited(self.where))

        self.app.push_screen(FormDialog(self.title, self.specs, self.get_values()), done)
