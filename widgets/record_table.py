"""A table of records (events, factors, action items…) with add, edit, delete, undo and move."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError
from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from widgets._css import css_beside
from widgets.fields import FieldSpec, to_text
from widgets.form_dialog import FormDialog
from widgets.messages import SessionEdited, Undoable


@dataclass(frozen=True)
class Column:
    label: str
    #: The cell's text for a record.
    show: Callable[[Any], str]
    width: int | None = None


class RecordTable(DataTable):
    """Rows are the records of a list in the session; editing goes through a FormDialog.

    Holds no state of its own: ``get_items`` returns the live list from the session model.
    """

    DEFAULT_CSS = css_beside(__file__)
    BINDINGS = [
        Binding("a", "add", "Add"),
        Binding("enter", "edit", "Edit", show=True),
        Binding("e", "edit", "Edit", show=False),
        Binding("d,delete", "delete", "Delete"),
        Binding("ctrl+up,K", "move(-1)", "Move up", show=False),
        Binding("ctrl+down,J", "move(1)", "Move down", show=False),
    ]

    def __init__(
        self,
        noun: str,
        get_items: Callable[[], list[Any]],
        columns: list[Column],
        specs: list[FieldSpec],
        make: Callable[[dict[str, Any], Any | None], Any],
        *,
        values_of: Callable[[Any], dict[str, Any]] | None = None,
        sort_key: Callable[[Any], Any] | None = None,
        row_style: Callable[[int, Any], str] | None = None,
        before_refresh: Callable[[], None] | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.noun = noun
        self.get_items = get_items
        self.columns_spec = columns
        self.specs = specs
        self.make = make
        self.values_of = values_of or (lambda item: _values(item, specs))
        self.sort_key = sort_key
        self.row_style = row_style
        self.before_refresh = before_refresh

    def on_mount(self) -> None:
        for column in self.columns_spec:
            self.add_column(column.label, width=column.width)
        self.refresh_rows()

    def refresh_rows(self) -> None:
        """Redraw from the model; user text always goes in as Text, never as markup."""
        if not self.columns:  # not mounted yet: on_mount draws it
            return
        row = self.cursor_row
        self.clear()
        for index, item in enumerate(self.get_items()):
            style = self.row_style(index, item) if self.row_style else ""
            cells = [
                Text(_one_line(column.show(item)), style=style) for column in self.columns_spec
            ]
            self.add_row(*cells, key=str(index))
        if self.row_count:
            self.move_cursor(row=min(row, self.row_count - 1))

    def reload_from_model(self) -> None:
        self.refresh_rows()

    def _edited(self, what: str) -> None:
        if self.sort_key is not None:
            self.get_items().sort(key=self.sort_key)
        if self.before_refresh is not None:
            self.before_refresh()
        self.refresh_rows()
        self.post_message(SessionEdited(what))

    def action_add(self) -> None:
        def done(values: dict[str, Any] | None) -> None:
            if values is None:
                return
            try:
                item = self.make(values, None)
            except (ValidationError, ValueError) as error:
                self.app.notify(_first_error(error), severity="error", markup=False)
                return
            items = self.get_items()
            items.append(item)
            self._edited(f"{self.noun} added")
            target = items.index(item)
            self.move_cursor(row=target)

        self.app.push_screen(FormDialog(f"New {self.noun}", self.specs, {}), done)

    def action_edit(self) -> None:
        items = self.get_items()
        if not items:
            self.action_add()
            return
        index = self.cursor_row
        item = items[index]

        def done(values: dict[str, Any] | None) -> None:
            if values is None:
                return
            try:
                new = self.make(values, item)
            except (ValidationError, ValueError) as error:
                self.app.notify(_first_error(error), severity="error", markup=False)
                return
            live = self.get_items()
            position = next((i for i, x in enumerate(live) if x is item), None)
            if position is None:
                self.app.notify(
                    f"That {self.noun} was deleted meanwhile", severity="warning", markup=False
                )
                return
            live[position] = new
            self._edited(f"{self.noun} edited")
            self.move_cursor(row=live.index(new))

        self.app.push_screen(
            FormDialog(f"Edit {self.noun}", self.specs, self.values_of(item)), done
        )

    def action_delete(self) -> None:
        items = self.get_items()
        if not items:
            return
        index = self.cursor_row
        item = items.pop(index)

        def undo() -> None:
            live = self.get_items()
            live.insert(min(index, len(live)), item)
            self._edited(f"{self.noun} restored")

        self._edited(f"{self.noun} deleted")
        self.post_message(Undoable(f"delete {self.noun}", undo))
        self.app.notify(f"Deleted {self.noun}. Undo with ctrl+z.", markup=False)

    def action_move(self, step: int) -> None:
        items = self.get_items()
        index = self.cursor_row
        target = index + step
        if self.sort_key is not None or not (0 <= target < len(items)):
            return
        items[index], items[target] = items[target], items[index]
        self._edited(f"{self.noun} moved")
        self.move_cursor(row=target)


def _one_line(text: str) -> str:
    flat = text.replace("\n", " ⏎ ")
    return "".join(ch if ch.isprintable() else "�" for ch in flat)


def _values(item: Any, specs: list[FieldSpec]) -> dict[str, Any]:
    if isinstance(item, BaseModel):
        return {spec.name: getattr(item, spec.name) for spec in specs}
    return {specs[0].name: item}


def _first_error(error: Exception) -> str:
    if isinstance(error, ValidationError):
        first = error.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        return f"{where}: {first['msg']}" if where else first["msg"]
    return str(error)


def model_maker(model: type[BaseModel], **fixed: Any) -> Callable[[dict[str, Any], Any], Any]:
    """Build or update a pydantic record from form values, validated by the model."""

    def make(values: dict[str, Any], old: Any) -> Any:
        base = old.model_dump() if old is not None else {}
        base.update(fixed)
        base.update(values)
        return model.model_validate(base)

    return make


__all__ = ["Column", "RecordTable", "model_maker", "to_text"]
