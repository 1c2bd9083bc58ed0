"""The 5-whys editor: a tree of why/because steps from the problem, with parallel chains."""

from __future__ import annotations

from dataclasses import replace

from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, Static, Tree
from textual.widgets.tree import TreeNode

from sessions import edits
from sessions.checks.depth import MIN_WHYS
from sessions.editing import SessionEditor
from sessions.fishbone_art import shorten
from sessions.models import FiveWhys, WhyNode
from sessions.paths import get_at, writable_at
from sessions.wording import counted
from widgets._css import css_beside
from widgets.fields import FieldSpec
from widgets.form_dialog import FormDialog
from widgets.messages import SessionEdited
from widgets.user_text import append_user

PROBLEM = "__problem__"
#: A step is an answer first: the export writes it as "Because …" under its question, and a
#: step without one says nothing. The question is optional (the export asks "Why?").
WHY_SPECS = [
    FieldSpec(
        "because",
        "Because (the answer)",
        required=True,
        placeholder="e.g. The connection pool was exhausted",
        help="why the step above (or the problem) happened",
    ),
    FieldSpec(
        "why",
        "Why? (the question)",
        placeholder="e.g. Why did the service return errors?",
        help="optional: the question it answers",
    ),
]
HINT = "Stop when you reach something you can fix · focus on the system, not people"


class StepTree(Tree[str]):
    """The tree of steps; Enter edits the step (the editor's key), it doesn't fold it. A
    label too long for its line ends in "…" (the detail line below has it in full)."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action != "select_cursor"

    def render_label(self, node: TreeNode[str], base_style: Style, style: Style) -> Text:
        label = super().render_label(node, base_style, style)
        room = self.scrollable_content_region.width - _indent(node) * self.guide_depth
        if room > 0 and label.cell_len > room:
            label.truncate(room, overflow="ellipsis")
        return label


class WhysEditor(Vertical):
    """Edits the 5 whys at ``path`` through the session editor, one undoable step at a time."""

    DEFAULT_CSS = css_beside(__file__)
    HELP_TITLE = "5 whys"
    BINDINGS = [
        Binding("a", "add_below", "Why"),
        Binding("b", "add_branch", "Branch"),
        Binding("enter,e", "edit", "Edit"),
        Binding("d,delete", "delete", "Del", tooltip="Delete the selection (ctrl+z undoes it)"),
        Binding("r", "toggle_root", "Root"),
        Binding("p", "edit_problem", "Problem", show=False),
    ]

    def __init__(
        self, editor: SessionEditor, path: str = "root_cause.whys[0]", *, id: str | None = None
    ) -> None:
        super().__init__(id=id, classes="session-view")
        self.editor = editor
        self.path = path
        self.parts = frozenset({path})

    @property
    def whys(self) -> FiveWhys:
        return get_at(self.editor.session, self.path)

    def _writable(self) -> FiveWhys:
        """The analysis to change inside an edit: a copy replaces it in the list first."""
        return writable_at(self.editor.session, self.path)

    def show_analysis(self, path: str) -> None:
        """Edit another analysis (another problem) from now on, from its problem."""
        self.path = path
        self.parts = frozenset({path})
        self.show_session(PROBLEM)

    def compose(self) -> ComposeResult:
        yield Label(Content(HINT), id="whys-hint")
        tree = StepTree("", data=PROBLEM, id="whys-tree")
        tree.auto_expand = False
        tree.guide_depth = 2
        yield tree
        yield Static("", id="whys-detail")
        yield Label("", id="whys-warnings")

    def on_mount(self) -> None:
        self.show_session()

    @property
    def tree(self) -> StepTree:
        return self.query_one(StepTree)

    # --- drawing ------------------------------------------------------------------------

    def show_session(self, select: str | None = None) -> None:
        """Redraw the tree from the model and keep (or move) the highlighted step."""
        whys = self.whys
        tree = self.tree
        current = select or (tree.cursor_node.data if tree.cursor_node else PROBLEM)
        was_at = max(tree.cursor_line, 0)
        tree.clear()
        tree.root.set_label(_problem_label(whys.problem))
        kids: dict[str, list[WhyNode]] = {}
        for node in whys.nodes:
            kids.setdefault(node.parent, []).append(node)
        lines = {PROBLEM: 0}
        stack = [(tree.root, "", 0)]
        while stack:
            parent_widget, parent_id, depth = stack.pop()
            for node in kids.get(parent_id, []):
                label, more = _step_label(node, depth + 1), node.id in kids  # a leaf: no ▼
                child = parent_widget.add(label, data=node.id, expand=True, allow_expand=more)
                stack.append((child, node.id, depth + 1))
        tree.root.expand_all()
        for line, node in enumerate(_in_order(tree.root)):
            lines[node.data] = line
        # A step gone (an undo of its adding) leaves the cursor on the line it was on, not
        # on the problem at the top (a tryout).
        at = lines.get(current or PROBLEM, min(was_at, len(lines) - 1))
        tree.move_cursor_to_line(at)  # in view: it scrolls
        self._show_warnings(whys)
        self.show_detail(current)

    def _show_warnings(self, whys: FiveWhys) -> None:
        shallow = [chain for chain in whys.chains() if len(chain) < MIN_WHYS]
        marked = any(node.root_cause for node in whys.nodes)
        parts = []
        if shallow:
            chains = f"{len(shallow)} chain{'s' if len(shallow) > 1 else ''}"
            parts.append(f"⚠ {chains} under {MIN_WHYS} whys: keep asking why")
        if whys.nodes and not marked:
            parts.append("⚠ no root cause marked (r)")
        warnings = self.query_one("#whys-warnings", Label)
        warnings.update(Content("  ".join(parts)))
        warnings.set_class(bool(parts), "warn")

    @on(Tree.NodeHighlighted)
    def _highlighted(self, event: Tree.NodeHighlighted) -> None:
        self.show_detail(event.node.data)

    def show_detail(self, node_id: str | None) -> None:
        """The full text of the highlighted step: labels in the tree may be cut to fit."""
        whys = self.whys
        detail = Text()
        node = edits.find_why(whys, node_id) if node_id else None
        if node is None:
            detail.append("Problem: ", style="bold")
            append_user(detail, whys.problem or "— (p to state it)")
        else:
            detail.append(f"Why #{whys.depth(node.id)}: ", style="bold")
            append_user(detail, node.why or "—")
            detail.append("  Because: ", style="bold")
            append_user(detail, node.because or "—")
            if node.root_cause:
                detail.append("  ◆ root cause", style="bold magenta")
        self.query_one("#whys-detail", Static).update(detail)

    # --- editing ------------------------------------------------------------------------

    def _selected(self) -> str:
        node = self.tree.cursor_node
        return node.data if node is not None and node.data else PROBLEM

    def _edited(self, what: str, select: str | None = None) -> None:
        self.show_session(select)
        self.post_message(SessionEdited(self.path, what, self))

    async def _ask_step(self, title: str, node: WhyNode | None, parent: str) -> dict | None:
        """The step's form; its answer's hint names what it answers (the step above, or
        the problem), so the room reads which "why" this is."""
        values = {"why": node.why, "because": node.because} if node else {}
        above = edits.find_why(self.whys, parent) if parent else None
        answers = above.because if above is not None else self.whys.problem
        because, why = WHY_SPECS
        if answers.strip():
            because = replace(because, help=f"why this happened: {shorten(answers, 90)}")
        return await self.app.push_screen_wait(FormDialog(title, [because, why], values))

    async def _add(self, parent: str, *, branch: bool = False) -> None:
        depth = self.whys.depth(parent) + 1 if parent else 1
        title = f"New {'parallel ' if branch else ''}why #{depth}"
        values = await self._ask_step(title, None, parent)
        if values is None:
            return
        with self.editor.edit(self.path, "why added"):
            node = edits.add_why(self._writable(), parent, values["why"], values["because"])
        self._edited("why added", node.id)

    @work(group="whys-dialog")
    async def action_add_below(self) -> None:
        selected = self._selected()
        await self._add("" if selected == PROBLEM else selected)

    @work(group="whys-dialog")
    async def action_add_branch(self) -> None:
        selected = self._selected()
        parent = "" if selected == PROBLEM else edits.branch_parent(self.whys, selected)
        await self._add(parent, branch=True)

    @work(group="whys-dialog")
    async def action_edit(self) -> None:
        selected = self._selected()
        if selected == PROBLEM:
            await self._edit_problem()
            return
        node = edits.find_why(self.whys, selected)
        if node is None:
            return
        title = f"Edit why #{self.whys.depth(node.id)}"
        values = await self._ask_step(title, node, node.parent)
        if values is None or edits.find_why(self.whys, selected) is None:
            return
        with self.editor.edit(self.path, "why edited"):
            edits.update_why(self._writable(), selected, **values)
        self._edited("why edited", selected)

    @work(group="whys-dialog")
    async def action_edit_problem(self) -> None:
        await self._edit_problem()

    async def _edit_problem(self) -> None:
        spec = [FieldSpec("problem", "The problem", placeholder="Service returned 500 errors")]
        values = await self.app.push_screen_wait(
            FormDialog("Problem statement", spec, {"problem": self.whys.problem})
        )
        if values is None:
            return
        with self.editor.edit(self.path, "problem edited"):
            self._writable().problem = values["problem"]
        self._edited("problem edited", PROBLEM)

    def action_delete(self) -> None:
        selected = self._selected()
        if selected == PROBLEM:
            return
        parent = edits.branch_parent(self.whys, selected)
        with self.editor.edit(self.path, "why deleted"):
            count = edits.remove_why(self._writable(), selected)
        self._edited("why deleted", parent or PROBLEM)
        self.notify(f"Deleted {counted(count, 'why step')}. ctrl+z puts them back.", markup=False)

    def action_toggle_root(self) -> None:
        selected = self._selected()
        if selected == PROBLEM:
            return
        with self.editor.edit(self.path, "root cause marked"):
            marked = edits.toggle_root_cause(self._writable(), selected)
        self._edited("root cause marked" if marked else "root cause unmarked", selected)


def _indent(node: TreeNode[str]) -> int:
    """How many guides stand before ``node``'s label (the root, shown, has none)."""
    depth = 0
    while node.parent is not None:
        node = node.parent
        depth += 1
    return depth


def _in_order(root):
    """Nodes top to bottom, as the tree shows them (all expanded)."""
    stack = [root]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(node.children))


def _problem_label(problem: str) -> Text:
    text = Text.assemble((" PROBLEM ", "bold reverse"), " ")
    if problem:
        return append_user(text, problem, "bold", single_line=True)
    text.append("(press p to state the problem)", style="dim")
    return text


def _step_label(node: WhyNode, depth: int) -> Text:
    text = Text.assemble((f" {depth} ", "bold reverse"))
    if node.root_cause:
        text.append(" ◆ ROOT", style="bold magenta")
    text.append(" ")
    append_user(text, node.why or "Why?", "bold", single_line=True)
    text.append(" → ", style="dim")
    append_user(text, node.because or "…", "" if node.because else "dim", single_line=True)
    return text
