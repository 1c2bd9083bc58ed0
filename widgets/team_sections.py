"""The team's own sections (`.pmtui.toml` `[template.sections]`), each a text with its prompt.

They are listed in the order the document shows them. A section the template has and the
session lacks (the template grew, or the session was imported) is added, empty, the first
time this editor is shown: one undoable edit, as `pmtui new` would have done.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from sessions.editing import SessionEditor
from sessions.markdown import HEADINGS
from sessions.models import DEFAULT_PLACE, TeamSection
from sessions.team_sections import add_missing, document_order, missing
from sessions.template import Template
from sessions.textsafe import one_line
from widgets.messages import SessionEdited
from widgets.text_field import TextField

PART = "team_sections"
NONE_YET = (
    "Your team's template has no sections of its own. Add them in .pmtui.toml, e.g.\n\n"
    '[[template.sections]]\nid = "apology"\ntitle = "Our Apology"\n'
    'prompt = "What do we say to the customers this hurt?"\nafter = "summary"\nrequired = true'
)


def _shape(sections: list[TeamSection]) -> tuple[tuple[str, str, str], ...]:
    """What the fields are built from: a change here rebuilds them, typing doesn't."""
    return tuple((s.id, s.title, s.after) for s in sections)


class TeamSectionsEditor(VerticalScroll, can_focus=False):
    """One text field per team section: the title and place, the template's prompt, and a
    mark on the ones the template requires."""

    HELP_TITLE = "Team sections"

    def __init__(self, editor: SessionEditor, template: Template, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="session-view")
        self.editor = editor
        self.template = template
        self.parts = frozenset({PART})
        self._built: tuple[tuple[str, str, str], ...] = ()
        self._added: list[TeamSection] = []
        self._first = True

    def compose(self) -> ComposeResult:
        sections = self.editor.session.team_sections
        if self._first and missing(sections, self.template):
            self._added = self._add_missing()  # once: an undo of it stays undone
        self._first = False
        self._built = _shape(sections)
        if not sections:
            yield Static(Content(NONE_YET), classes="team-sections-none")
        for index in document_order(sections):
            yield self._field(index, sections[index])

    def _add_missing(self) -> list[TeamSection]:
        with self.editor.edit(PART, "team sections added from the template"):
            added = add_missing(self.editor.session.team_sections, self.template)
        return added

    def on_mount(self) -> None:
        if self._added:
            self.post_message(SessionEdited(PART, "team sections added from the template", self))
            titles = ", ".join(one_line(section.title) for section in self._added)
            self.notify(f"Added from your team's template: {titles}", markup=False, timeout=6)
            self._added = []

    def _field(self, index: int, section: TeamSection) -> TextField:
        spec = self.template.section(section.id)
        place = HEADINGS[section.after or DEFAULT_PLACE]
        label = f"{one_line(section.title)}  (after {place})"
        if spec is not None and spec.required:
            label += "  ★ required"
        if spec is None:
            hint = "Not in the team's template (imported, or older)."
        else:
            hint = one_line(spec.prompt)
        return TextField(label, self.editor, f"{PART}[{index}].text", hint=hint, id=f"team-{index}")

    def show_session(self) -> None:
        """Sections added, removed or renamed (an undo, a reload) rebuild the fields; each
        field redraws its own text."""
        if _shape(self.editor.session.team_sections) != self._built:
            self.refresh(recompose=True)
