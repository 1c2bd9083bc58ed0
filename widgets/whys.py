"""The 5-whys editor: a tree of why/because steps from the problem, with parallel chains."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, Static, Tree

from sessions.checks.depth import MIN_WHYS
from sessions.models import FiveWhys, WhyNode
from widgets._css import css_beside
from widgets.fields import FieldSpec
from widgets.form_dialog import FormDialog
from widgets.messages import SessionEdited, Undoable

PROBLEM = "__problem__"
WHY_SPECS = [
    FieldSpec("why", "Why …?", placeholder="Why did the service return errors?"),
    FieldSpec("because", "Because …", placeholder="The database connection pool was exhausted."),
]
HINT = "Stop when you reach something you can fix · focus on the system, not people"


class WhysEditor(Vertical):
    """Edits ``get_whys()`` in place; posts SessionEdited and Undoable like every editor."""

    DEFAULT_CSS = css_beside(__file__)
    BINDINGS = [
        Binding("a", "add_below", "Why below"),
        Binding("b", "add_branch", "Parallel branch"),
        Binding("e", "edit", "Edit"),
        Binding("d,delete", "delete", "Delete"),
        Binding("r", "toggle_root", "Root cause"),
        Binding("p", "edit_problem", "Problem", show=False),
    ]

    def __init__(self, get_whys: Callable[[], FiveWhys], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.get_whys = get_whys

    def compose(self) -> ComposeResult:
        yield Label(Content(HINT), id="whys-hint")
        tree: Tree[str] = Tree("", data=PROBLEM, id="whys-tree")
        tree.auto_expand = False
        tree.guide_depth = 2
        yield tree
        yield Static("", id="whys-detail")
        yield Label("", id="whys-warnings")

    def on_mount(self) -> None:
        self.refresh_tree()
        self.call_after_refresh(setattr, self.tree, "cursor_line", 0)

    @property
    def tree(self) -> Tree[str]:
        return self.query_one("#whys-tree", Tree)

    # --- drawing ------------------------------------------------------------------------

    def refresh_tree(self, select: str | None = None) -> None:
        whys = self.get_whys()
        tree = self.tree
        current = select or (tree.cursor_node.data if tree.cursor_node else None)
        tree.clear()
        tree.root.set_label(_problem_label(whys.problem))
        kids: dict[str, list[WhyNode]] = {}
        for node in whys.nodes:
            kids.setdefault(node.parent, []).append(node)
        by_id = {}
        stack = [(tree.root, "", 0)]
        while stack:
            parent_widget, parent_id, depth = stack.pop()
            for node in kids.get(parent_id, []):
                child = parent_widget.add(_node_label(node, depth + 1), data=node.id, expand=True)
                by_id[node.id] = child
                stack.append((child, node.id, depth + 1))
        tree.root.expand_all()
        self._show_warnings(whys)
        target = by_id.get(current) if current else None
        if target is not None:
            self.call_after_refresh(tree.move_cursor, target)
        self.show_detail(current)

    def _show_warnings(self, whys: FiveWhys) -> None:
        shallow = [chain for chain in whys.chains() if len(chain) < MIN_WHYS]
        marked = sum(1 for node in whys.nodes if node.root_cause)
        warnings = self.query_one("#whys-warnings", Label)
        parts = []
        if shallow:
            parts.append(
                f"⚠ {len(shallow)} chain{'s' if len(shallow) > 1 else ''} stop before "
                f"{MIN_WHYS} whys (shallow analysis): keep asking why"
            )
        if whys.nodes and not marked:
            parts.append("⚠ no root cause marked yet (r)")
        warnings.update(Content("  ".join(parts)) if parts else Content(""))
        warnings.set_class(bool(parts), "warn")

    def reload_from_model(self) -> None:
        self.refresh_tree()

    # --- editing ------------------------------------------------------------------------

    def _selected(self) -> str:
        node = self.tree.cursor_node
        return node.data if node is not None and node.data else PROBLEM

    def _edited(self, what: str, select: str | None = None) -> None:
        self.refresh_tree(select)
        self.post_message(SessionEdited(f"root_cause.whys: {what}"))

    def _ask(self, title: str, node: WhyNode | None, then: Callable[[dict], None]) -> None:
        values = {"why": node.why, "because": node.because} if node else {}
        self.app.push_screen(FormDialog(title, WHY_SPECS, values), lambda v: v and then(v))

    def _add(self, parent: str) -> None:
        whys = self.get_whys()
        depth = whys.depth(parent) + 1 if parent else 1

        def add(values: dict) -> None:
            node = WhyNode(id=whys.next_id(), parent=parent, **values)
            whys.nodes.append(node)
            self._edited("why added", select=node.id)

        self._ask(f"Why #{depth}", None, add)

    def action_add_below(self) -> None:
        selected = self._selected()
        self._add("" if selected == PROBLEM else selected)

    def action_add_branch(self) -> None:
        selected = self._selected()
        if selected == PROBLEM:
            self._add("")
            return
        parent = next(n.parent for n in self.get_whys().nodes if n.id == selected)
        self._add(parent)

    def action_edit(self) -> None:
        selected = self._selected()
        if selected == PROBLEM:
            self.action_edit_problem()
            return
        whys = self.get_whys()
        node = next(n for n in whys.nodes if n.id == selected)

        def edit(values: dict) -> None:
            node.why, node.because = values["why"], values["because"]
            self._edited("why edited", select=node.id)

        self._ask(f"Why #{whys.depth(node.id)}", node, edit)

    def action_edit_problem(self) -> None:
        whys = self.get_whys()
        spec = [FieldSpec("problem", "The problem", placeholder="Service returned 500 errors")]

        def done(values: dict | None) -> None:
            if values is not None:
                whys.problem = values["problem"]
                self._edited("problem edited", select=PROBLEM)

        self.app.push_screen(FormDialog("Problem statement", spec, {"problem": whys.problem}), done)

    def action_delete(self) -> None:
        selected = self._selected()
        if selected == PROBLEM:
            return
        whys = self.get_whys()
        doomed = {selected}
        changed = True
        while changed:
            changed = False
            for node in whys.nodes:
                if node.parent in doomed and node.id not in doomed:
                    doomed.add(node.id)
                    changed = True
        before = list(whys.nodes)
        whys.nodes[:] = [n for n in whys.nodes if n.id not in doomed]

        def undo() -> None:
            whys.nodes[:] = before
            self._edited("why restored", select=selected)

        self._edited("why deleted")
        self.post_message(Undoable(f"delete {len(doomed)} why step(s)", undo))
        self.app.notify(f"Deleted {len(doomed)} why step(s). Undo with ctrl+z.", markup=False)

    def action_toggle_root(self) -> None:
        selected = self._selected()
        if selected == PROBLEM:
            return
        node = next(n for n in self.get_whys().nodes if n.id == selected)
        node.root_cause = not node.root_cause
        self._edited("root cause marked" if node.root_cause else "root cause unmarked", selected)

    @on(Tree.NodeHighlighted)
    def _show_detail(self, event: Tree.NodeHighlighted) -> None:
        self.show_detail(event.node.data)

    def show_detail(self, node_id: str | None) -> None:
        """The full text of the highlighted step: labels in the tree may be cut to fit."""
        whys = self.get_whys()
        detail = Text()
        node = next((n for n in whys.nodes if n.id == node_id), None)
        if node is None:
            detail.append("Problem: ", style="bold")
            detail.append(whys.problem or "—")
        else:
            detail.append(f"Why #{whys.depth(node.id)}: ", style="bold")
            detail.append(node.why or "—")
            detail.append("\nBecause: ", style="bold")
            detail.append(node.because or "—")
            if node.root_cause:
                detail.append("\n◆ Marked as a root cause", style="bold magenta")
        self.query_one("#whys-detail", Static).update(detail)

    @on(Tree.NodeSelected)
    def _selected_with_enter(self, event: Tree.NodeSelected) -> None:
        event.stop()
        self.action_edit()


def _problem_label(problem: str) -> Text:
    text = Text.assemble((" PROBLEM ", "bold reverse"))
    text.append(" ")
    text.append(problem or "(press p to state the problem)", style="bold" if problem else "dim")
    return text


def _node_label(node: WhyNode, depth: int) -> Text:
    text = Text.assemble((f" {depth} ", "bold reverse"))
    if node.root_cause:
        text.append(" ◆ ROOT", style="bold magenta")
    text.append(" ")
    text.append(node.why or "Why?", style="bold")
    text.append(" → ", style="dim")
    text.append(node.because or "…", style="" if node.because else "dim")
    return text
