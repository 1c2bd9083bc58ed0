"""A read-only summary of one part of the session (metadata, impact) that edits in a form."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from pydantic import ValidationError
from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import work
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from sessions.editing import SessionEditor
from sessions.models import Session
from widgets._css import css_beside
from widgets.fields import FieldSpec, to_text
from widgets.form_dialog import FormDialog
from widgets.form_status import first_error
from widgets.messages import SessionEdited
from widgets.user_text import user_text

Values = dict[str, Any]
After = Callable[[Widget, SessionEditor, Values], Awaitable[None]]
"""What follows a form's edit (a question of its own), given the part's values before it."""


class ModelForm(Static, can_focus=True):
    """Shows ``part``'s fields; Enter opens them in a form, values the timeline already knows
    (``suggest``) filled in where the field is empty."""

    DEFAULT_CSS = css_beside(__file__)
    HELP_TITLE = "Form summary"
    BINDINGS = [Binding("enter,e", "edit", "Edit")]

    def __init__(
        self,
        title: str,
        specs: list[FieldSpec],
        editor: SessionEditor,
        part: str,
        values_of: Callable[[Session], Values],
        apply: Callable[[Session, Values], None],
        *,
        extra: Callable[[Session], Text] | None = None,
        suggest: Callable[[Session], Values] | None = None,
        depends_on: frozenset[str] = frozenset(),
        after: After | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, classes="session-view")
        self.after = after
        self.title = title
        self.specs = specs
        self.editor = editor
        self.part = part
        self.values_of = values_of
        self.apply = apply
        self.extra = extra
        self.suggest = suggest
        self.parts = frozenset({part}) | depends_on
        self.border_title = f"{title} — Enter to edit"

    def on_mount(self) -> None:
        self.show_session()

    def _suggestions(self, values: Values) -> Values:
        if self.suggest is None:
            return {}
        offered = self.suggest(self.editor.session)
        return {name: value for name, value in offered.items() if values.get(name) in (None, "")}

    def show_session(self) -> None:
        session = self.editor.session
        values = self.values_of(session)
        offered = self._suggestions(values)
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", max_width=24)
        grid.add_column(ratio=1)
        for spec in self.specs:
            value = values.get(spec.name)
            shown = ("yes" if value else "no") if spec.kind == "bool" else to_text(spec, value)
            blank = Text(spec.empty, style="") if spec.empty else Text("—", style="dim")
            cell = user_text(shown, single_line=True) if shown else blank
            if spec.name in offered:
                cell.append(f"  (timeline: {to_text(spec, offered[spec.name])})", style="dim")
            grid.add_row(Text(spec.name_shown), cell)
        self.update(grid if self.extra is None else Group(grid, Text(""), self.extra(session)))

    @work(group="form-dialog")
    async def action_edit(self) -> None:
        await self.edit()

    async def edit(self) -> None:
        """The fields in a form; shown again once saved."""
        session = self.editor.session
        values = before = self.values_of(session)
        offered = self._suggestions(values)
        title = self.title
        if offered:
            names = ", ".join(s.name_shown for s in self.specs if s.name in offered)
            title += f" (from the timeline: {names})"
        values = {**values, **offered}
        edited = await edit_in_form(
            self, self.editor, title, self.specs, self.part, values, self.apply, self.after, before
        )
        if edited:
            self.show_session()


async def edit_in_form(
    host: Widget,
    editor: SessionEditor,
    title: str,
    specs: list[FieldSpec],
    part: str,
    values: Values,
    apply: Callable[[Session, Values], None],
    after: After | None = None,
    before: Values | None = None,
) -> bool:
    """``values`` in a form, and what comes back applied to ``part`` as one edit, said from
    ``host`` (a summary shown on a page, or the meeting's palette); False when cancelled or
    refused (it says why); then ``after``, given the part's values ``before`` the edit (the
    form's own, if not given: a suggestion it offered is not what the part said). Call it
    from a worker."""
    answer = await host.app.push_screen_wait(FormDialog(title, specs, values))
    if answer is None:
        return False
    try:
        with editor.edit(part, f"{part} edited"):
            apply(editor.session, answer)
    except (ValidationError, ValueError) as error:
        host.notify(first_error(error), severity="error", markup=False)
        return False
    origin = host if not isinstance(host, Screen) else None  # a screen redraws all its views
    host.post_message(SessionEdited(part, f"{part} edited", origin))
    if after is not None:
        await after(host, editor, values if before is None else before)
    return True
