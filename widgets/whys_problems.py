"""The 5 whys of several problems: a bar naming the problems, and the 5-whys editor for the one
in view. GitLab's outage had two problems, each with its own chains; a real analysis needs to
hold both without fusing them into one."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from sessions.editing import SessionEditor
from sessions.models import RootCause
from sessions.problems import add_problem, move_problem, problem_title, remove_problem
from sessions.textsafe import one_line
from sessions.wording import counted
from widgets.fields import FieldSpec
from widgets.form_dialog import FormDialog
from widgets.messages import SessionEdited
from widgets.whys import WhysEditor

PART = "root_cause.whys"
PROBLEM_SPEC = FieldSpec(
    "problem", "The problem", required=True, placeholder="Backups could not be restored"
)


def analysis_path(index: int) -> str:
    return f"{PART}[{index}]"


def problem_bar(titles: list[str], current: int, width: int) -> Text:
    """One line: the problems by number (with as much of each title as fits), the one in view
    highlighted, then the keys. With many problems only those nearest the current one show."""
    count = len(titles)
    hint = "  [ ] problem · N new" if count > 1 else "  N adds another problem"
    room = max(width - len(hint), 4)
    per_title = (room - count * (len(str(count)) + 4)) // count  # " 7 " title " " gap
    shown = list(range(count))

    def label(index: int) -> str:
        title = one_line(titles[index])
        if per_title < 6:
            return f" {index + 1} "
        if len(title) > per_title:
            title = title[: per_title - 1] + "…"
        return f" {index + 1} {title} "

    def length(indexes: list[int]) -> int:
        return sum(len(label(i)) + 1 for i in indexes) + (2 if len(indexes) < count else 0)

    while length(shown) > room and len(shown) > 1:
        shown.remove(max(shown, key=lambda i: (abs(i - current), i)))
    text = Text(no_wrap=True, overflow="ellipsis")
    if shown[0] > 0:
        text.append("…", style="dim")
    for index in shown:
        text.append(label(index), style="bold reverse" if index == current else "")
        text.append(" ")
    if shown[-1] < count - 1:
        text.append("… ", style="dim")
    text.append(hint.lstrip(), style="dim")
    return text


class ProblemBar(Static):
    """The problems, drawn again for the width it gets."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.titles: list[str] = []
        self.current = 0

    def show(self, titles: list[str], current: int) -> None:
        self.titles, self.current = titles, current
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        if self.titles:
            self.update(problem_bar(self.titles, self.current, self.size.width or 80))


class WhysProblems(Vertical):
    """Picks the problem; its ``WhysEditor`` edits that problem's analysis.

    The one view of ``root_cause.whys`` on its screen: it redraws the editor inside when the
    list changes (undo of a deleted problem, a reload), and the bar when the editor edits.
    """

    DEFAULT_CSS = """
    WhysProblems { height: 1fr; }
    WhysProblems > #whys-problems-bar { height: 1; width: 100%; background: $panel; }
    """
    HELP_TITLE = "5 whys: problems"
    BINDINGS = [
        Binding("right_square_bracket", "switch(1)", "Next problem", show=False),
        Binding("left_square_bracket", "switch(-1)", "Previous problem", show=False),
        Binding("N", "new_problem", "New problem", show=False),
        Binding("D", "delete_problem", "Delete problem", show=False),
        Binding("left_curly_bracket", "move_problem(-1)", "Move problem earlier", show=False),
        Binding("right_curly_bracket", "move_problem(1)", "Move problem later", show=False),
    ]

    def __init__(self, editor: SessionEditor, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="session-view")
        self.editor = editor
        self.parts = frozenset({PART})
        self.index = 0
        self.root.analysis(0)  # an editor needs one analysis; a new session has it already
        self.whys_editor = WhysEditor(editor, analysis_path(0), id="whys")
        self.whys_editor.remove_class("session-view")  # this view redraws it

    @property
    def root(self) -> RootCause:
        return self.editor.session.root_cause

    def compose(self) -> ComposeResult:
        yield ProblemBar(id="whys-problems-bar")
        yield self.whys_editor

    def on_mount(self) -> None:
        self._show_bar()

    def _show_bar(self) -> None:
        titles = [problem_title(whys, i) for i, whys in enumerate(self.root.whys)]
        self.query_one(ProblemBar).show(titles, self.index)

    def show_session(self) -> None:
        """Redraw after a change to the problems (or to the one in view) made elsewhere."""
        self.root.analysis(0)
        self._show(min(self.index, len(self.root.whys) - 1))

    def _show(self, index: int) -> None:
        self.index = index
        path = analysis_path(index)
        if self.whys_editor.path != path:
            self.whys_editor.show_analysis(path)
        else:
            self.whys_editor.show_session()
        self._show_bar()

    @on(SessionEdited)
    def _analysis_edited(self, message: SessionEdited) -> None:
        """A step or the statement changed: the bar follows, and the screen has nothing of
        this view left to redraw."""
        if message.origin is self.whys_editor:
            self._show_bar()
            message.origin = self

    def _edited(self, what: str, index: int) -> None:
        self._show(index)
        self.post_message(SessionEdited(PART, what, self))

    # --- the keys -------------------------------------------------------------------------

    def action_switch(self, step: int) -> None:
        count = len(self.root.whys)
        if count < 2:
            self.notify("One problem so far: N adds another", timeout=3)
            return
        self._show((self.index + step) % count)

    @work(group="whys-dialog")
    async def action_new_problem(self) -> None:
        values = await self.app.push_screen_wait(FormDialog("New problem", [PROBLEM_SPEC], {}))
        if values is None:
            return
        with self.editor.edit(PART, "problem added"):
            index = add_problem(self.root, values["problem"])
        self._edited("problem added", index)

    def action_delete_problem(self) -> None:
        whys = self.root.whys[self.index]
        if len(self.root.whys) == 1 and whys.is_empty:
            return
        steps = len(whys.nodes)
        with self.editor.edit(PART, "problem deleted"):
            index = remove_problem(self.root, self.index)
        self._edited("problem deleted", index)
        self.notify(
            f"Deleted the problem and its {counted(steps, 'why step')}. ctrl+z puts them back.",
            markup=False,
        )

    def action_move_problem(self, step: int) -> None:
        index = self.index
        if not 0 <= index + step < len(self.root.whys):
            return
        with self.editor.edit(PART, "problem moved"):
            target = move_problem(self.root, index, step)
        if target is not None:
            self._edited("problem moved", target)
