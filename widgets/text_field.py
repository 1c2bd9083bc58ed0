"""A labelled multi-line text bound to one text field of the session, with the blame coach:
the words that carry blame are marked where they stand, a line below says why, and ctrl+r
offers rewrites."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, Static, TextArea

from sessions.checks import Finding
from sessions.editing import SessionEditor
from sessions.paths import get_at, set_at
from sessions.textsafe import has_controls, printable
from widgets._css import css_beside
from widgets.messages import SessionEdited
from widgets.user_text import append_user

BLAME_STYLE = "bold reverse red"


class FieldArea(TextArea):
    """A TextArea that marks blamed words in place, and whose ctrl+z undoes typing while
    there is typing to undo, ctrl+y likewise (otherwise the app's undo and redo take them).
    Escape stops typing: in a meeting section that is all text, the meeting's keys (n, +,
    s) had been typed into it, and nothing led out (a tryout)."""

    BINDINGS = [Binding("escape", "stop_typing", "Stop typing")]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.blamed: list[tuple[int, int]] = []
        self._line_starts: list[int] = [0]

    def on_mount(self) -> None:
        # Typing goes on from the end of what is written: at the start, a sentence typed on
        # coming back to the part went in front of the paragraph (a tryout).
        self.move_cursor(self.document.end)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "stop_typing":  # a form's own multi-line field: Escape is the form's
            return isinstance(self.parent, TextField)
        if action == "undo":
            return bool(self.history.undo_stack)
        if action == "redo":
            return bool(self.history.redo_stack)
        return super().check_action(action, parameters)

    def action_stop_typing(self) -> None:
        field = self.parent
        if isinstance(field, TextField):
            field.can_focus = True
            # at once, not after a refresh: the key after Escape is a command already
            self.screen.set_focus(field)

    def show_blame(self, spans: list[tuple[int, int]]) -> None:
        """Mark these (start, end) offsets of the text; an empty list clears the marks."""
        if spans == self.blamed:
            return
        self.blamed = spans
        starts = [0]  # every line's offset at once (the document's lookup walks the lines)
        for line in self.text.split("\n")[:-1]:
            starts.append(starts[-1] + len(line) + 1)
        self._line_starts = starts
        self.notify_style_update()  # the documented way to drop the rendered-line cache
        self.refresh()

    def get_line(self, line_index: int) -> Text:
        """The line as TextArea draws it, control characters shown as inert pictures (one
        for one, so columns stay put) and the blamed words marked (Textual's hook)."""
        line = super().get_line(line_index)
        if has_controls(line.plain):
            line = Text(printable(line.plain), end="", no_wrap=True)
        if not self.blamed or line_index >= len(self._line_starts):
            return line
        start = self._line_starts[line_index]
        end = start + len(line.plain)
        for blame_start, blame_end in self.blamed:
            if blame_start < end and start < blame_end:
                line.stylize(BLAME_STYLE, max(blame_start - start, 0), blame_end - start)
        return line


class TextField(Vertical):
    """Typing writes straight into the model; the guardrails mark it a moment later. The
    field itself takes the focus when typing stops (Escape): keys are commands again, and
    Enter goes back to typing. Only then can it be focused: arriving, one types."""

    DEFAULT_CSS = css_beside(__file__)
    HELP_TITLE = "Text"
    BINDINGS = [Binding("enter", "write", "Write")]

    def __init__(
        self, label: str, editor: SessionEditor, path: str, *, hint: str = "", id: str | None = None
    ) -> None:
        super().__init__(id=id, classes="text-field session-view")
        self.label = label
        self.editor = editor
        self.where = path
        self.hint = hint
        self.parts = frozenset({path})
        self.findings: list[Finding] = []
        self._marked_for: tuple[list[Finding], str] | None = None

    def compose(self) -> ComposeResult:
        yield Label(Content(self.label), classes="text-field-label")
        if self.hint:
            yield Label(Content(self.hint), classes="text-field-hint")
        area = FieldArea(
            self.text,
            soft_wrap=True,
            tab_behavior="focus",
            compact=True,
            # An empty field was a blank the room could not tell from the page (a tryout).
            placeholder=Content("Type here…"),
        )
        area.show_line_numbers = False
        yield area
        yield Static("", classes="text-field-findings")

    @property
    def text(self) -> str:
        return get_at(self.editor.session, self.where)

    @property
    def area(self) -> FieldArea:
        return self.query_one(FieldArea)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "write":  # Enter is the text's own while typing
            return self.screen.focused is self  # has_focus waits for the Focus event
        return True

    def action_write(self) -> None:
        self.screen.set_focus(self.area)

    def on_descendant_focus(self) -> None:
        self.can_focus = False  # typing again: Tab and arrivals go to the text

    def on_blur(self) -> None:
        self.can_focus = False  # left for elsewhere: no extra stop for Tab next time

    def show_session(self) -> None:
        """Show the model's text again (after an undo, a rewrite or a reload)."""
        if self.area.text != self.text:
            self.area.load_text(self.text)
            self.mark(self.findings)

    def mark(self, findings: list[Finding]) -> None:
        """The blame findings for this field: marked in place, and said in a line below.
        Asked again for the same findings on the same text (every part or section switch
        asks), it has nothing to redo."""
        self.findings = findings
        self.set_class(bool(findings), "has-finding")
        areas = self.query(FieldArea)
        if not areas:  # not composed yet: the next check run or switch marks it
            return
        text = areas.first().text
        if self._marked_for == (findings, text):
            return
        self._marked_for = (list(findings), text)
        spans = [span for f in findings if (span := _where_now(text, f)) is not None]
        areas.first().show_blame(spans)
        line = Text()
        for finding in findings[:2]:
            if line:
                line.append("\n")
            line.append(f"⚠ {finding.rule.id} ", style="bold red")
            append_user(line, f'"{finding.quote}"', BLAME_STYLE, single_line=True)
            line.append(f" {finding.rule.summary}", style="dim")
        if findings:
            line.append("  · ctrl+r: rewrite", style="bold")
        self.query_one(".text-field-findings", Static).update(line)

    @on(TextArea.Changed)
    def _changed(self, event: TextArea.Changed) -> None:
        event.stop()
        typed = event.text_area.text
        if typed != self.text:
            set_at(self.editor.session, self.where, typed)
            self.editor.note(self.where, "typing")
            self.mark(self.findings)  # the marks follow the words until the next check
            self.post_message(SessionEdited(self.where, "typing", self))


def _where_now(text: str, finding: Finding) -> tuple[int, int] | None:
    """The finding's words in the text as it is now (typing may have moved them)."""
    quote = finding.quote
    if not quote:
        return None
    if finding.span and text[finding.span[0] : finding.span[1]] == quote:
        return finding.span
    at = text.find(quote)
    return (at, at + len(quote)) if at >= 0 else None
