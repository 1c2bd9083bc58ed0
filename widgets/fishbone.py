"""The fishbone (Ishikawa) editor: categories, causes and sub-causes, with the diagram drawn.

The tree is where you edit; the diagram is what the room looks at. When there is room both
show (diagram above); on a small terminal the tree fills the editor and `v` shows the
diagram in its place.
"""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static, Tree

from sessions import edits
from sessions.editing import SessionEditor
from sessions.edits import CausePath
from sessions.fishbone_art import render_fishbone
from sessions.models import Fishbone
from widgets._css import css_beside
from widgets.fields import FieldSpec
from widgets.form_dialog import FormDialog
from widgets.messages import SessionEdited
from widgets.user_text import append_user, user_text

ROOMY_HEIGHT = 26
"""From this editor height on, the diagram shows above the tree."""

PART = "root_cause.fishbone"


class CauseTree(Tree[CausePath]):
    """The tree of causes; Enter edits (the editor's key), it doesn't fold."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action != "select_cursor"


class DiagramView(VerticalScroll, can_focus=False):
    """The drawing, scrolled by the editor's keys: not a stop of its own for Tab."""


class FishboneEditor(Vertical):
    DEFAULT_CSS = css_beside(__file__)
    HELP_TITLE = "Fishbone"
    BINDINGS = [
        # The footer's word, and in F1 and the palette what the key does (the tooltip).
        Binding(
            "a", "add", "Add", tooltip="Add one more like the selection (a cause in a category)"
        ),
        Binding("b", "add_sub_cause", "Sub", tooltip="Add a sub-cause under the selected cause"),
        Binding("c", "add_category", "Category", show=False),
        Binding("enter,e", "edit", "Edit"),
        Binding("d,delete", "delete", "Del", tooltip="Delete the selection (ctrl+z undoes it)"),
        Binding("l", "link", "Link factor", show=False),
        # One key, named for what it does now: "v Diagram" stayed in the footer over the
        # diagram, with no word of the way back (a tryout).
        Binding("v", "diagram(True)", "Diagram", tooltip="The diagram in place of the tree"),
        Binding("v", "diagram(False)", "Tree", tooltip="The tree back, to edit"),
        Binding("left_square_bracket", "move_category(-1)", "To previous category", show=False),
        Binding("right_square_bracket", "move_category(1)", "To next category", show=False),
        Binding("ctrl+up,K", "reorder(-1)", "Move up", show=False),
        Binding("ctrl+down,J", "reorder(1)", "Move down", show=False),
        Binding("p", "edit_problem", "Problem", show=False),
        # The diagram in place of the tree scrolls with the keys that moved in the tree.
        Binding("up", "scroll_diagram('up')", "Diagram (v): scroll up", show=False),
        Binding("down", "scroll_diagram('down')", "Diagram (v): scroll down", show=False),
        Binding("pageup", "scroll_diagram('page_up')", "Diagram (v): page up", show=False),
        Binding("pagedown", "scroll_diagram('page_down')", "Diagram (v): page down", show=False),
    ]

    diagram_only: reactive[bool] = reactive(False, bindings=True)
    """The diagram in place of the tree (v), for showing the room."""

    def __init__(self, editor: SessionEditor, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="session-view")
        self.editor = editor
        self.parts = frozenset({PART, "factors", "action_items"})
        self._diagram_top = 0  # the diagram's line at the top of its view

    @property
    def fishbone(self) -> Fishbone:
        return self.editor.session.root_cause.fishbone

    def compose(self) -> ComposeResult:
        with DiagramView(id="fishbone-diagram-view"):
            yield Static("", id="fishbone-diagram")
        tree = CauseTree("", data=(), id="fishbone-tree")
        tree.auto_expand = False
        yield tree
        yield Static("", id="fishbone-detail")

    def on_mount(self) -> None:
        self.show_session()

    def on_resize(self) -> None:
        self.set_class(self.size.height >= ROOMY_HEIGHT, "-roomy")
        self.draw_diagram()

    def watch_diagram_only(self, value: bool) -> None:
        """The hidden tree can't keep the focus: the editor takes it while the diagram fills
        it (its keys, `v` first, keep working), and gives it back to the tree after. At once:
        a focus put off to later landed after the next key ("v 2" typed together left the
        keys in the fishbone, hidden behind the 5 whys)."""
        had_focus = self.has_focus_within
        self._diagram_top = self.query_one(DiagramView).scroll_offset.y
        self.set_class(value, "-diagram-only")
        self.refresh_bindings()  # `v` is "Tree" now, or "Diagram" again
        self.can_focus = value
        if had_focus:
            self.screen.set_focus(self if value else self.tree)
        self.draw_diagram()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the diagram fills the editor, it scrolls and `v` gives the tree back; the
        other keys would edit the selection in the hidden tree, which the room can't see."""
        if action == "scroll_diagram":
            return self.diagram_only
        if action == "diagram":
            return parameters[0] != self.diagram_only
        return not self.diagram_only

    def action_scroll_diagram(self, how: str) -> None:
        """Keeps the line to show at the top, and scrolls there once the view is laid out:
        `v` and arrows typed together came before the view had a size to scroll."""
        page = max(self.size.height - 4, 1)  # the view's rows, less the detail's
        step = {"up": -1, "down": 1, "page_up": -page, "page_down": page}[how]
        self._diagram_top = max(self._diagram_top + step, 0)
        view = self.query_one(DiagramView)
        if view.size.height:  # laid out: no further than its end
            self._diagram_top = min(self._diagram_top, view.max_scroll_y)
        self.call_after_refresh(self._scroll_diagram)

    def _scroll_diagram(self) -> None:
        view = self.query_one(DiagramView)
        self._diagram_top = min(self._diagram_top, view.max_scroll_y)
        view.scroll_to(y=self._diagram_top, animate=False, immediate=True)

    def action_diagram(self, shown: bool) -> None:
        self.diagram_only = shown

    @property
    def tree(self) -> CauseTree:
        return self.query_one(CauseTree)

    # --- drawing ------------------------------------------------------------------------

    def draw_diagram(self) -> None:
        width = self.size.width - 2
        if self.diagram_only:
            # Taller than the view, it scrolls: its scroll bar took the head's last cells
            # ("▶ Payment webhoo", a tryout).
            width -= self.query_one(DiagramView).styles.scrollbar_size_vertical
        width = max(width, 30)
        # Filling the editor, the diagram has the rows to show every word, as the export does.
        lines = render_fishbone(self.fishbone, width, full=self.diagram_only)
        self.query_one("#fishbone-diagram", Static).update(user_text("\n".join(lines)))

    def show_session(self, select: CausePath | None = None) -> None:
        fishbone = self.fishbone
        names = {f.id: f.factor for f in self.editor.session.factors}
        tree = self.tree
        current = select if select is not None else self._path()
        tree.clear()
        label = Text.assemble(("PROBLEM", "bold reverse"), " ")
        if fishbone.problem:
            append_user(label, fishbone.problem, single_line=True)
        else:
            label.append("(press p to state the problem)", style="dim")
        tree.root.set_label(label)
        lines: dict[CausePath, int] = {(): 0}
        line = 0
        for ci, category in enumerate(fishbone.categories):
            name = user_text(category.name.upper() or "(unnamed)", "bold", single_line=True)
            name.append(f"  {len(category.causes)}", style="dim")
            node = tree.root.add(name, data=(ci,), expand=True)
            line += 1
            lines[(ci,)] = line
            for ki, cause in enumerate(category.causes):
                text = user_text(cause.text, single_line=True)
                if cause.factor:
                    linked = names.get(cause.factor, "missing factor")
                    append_user(
                        text, f"  ↔ {cause.factor} {linked}", "italic cyan", single_line=True
                    )
                cause_node = node.add(text, data=(ci, ki), expand=True)
                line += 1
                lines[(ci, ki)] = line
                for si, sub in enumerate(cause.sub_causes):
                    cause_node.add_leaf(user_text(sub, single_line=True), data=(ci, ki, si))
                    line += 1
                    lines[(ci, ki, si)] = line
        tree.root.expand_all()
        target = next((lines[p] for p in (current, current[:-1], current[:1]) if p in lines), 0)
        tree.move_cursor_to_line(target)  # and into view: a new cause was added below it
        self.draw_diagram()
        self.show_detail(self._path())

    # --- editing ------------------------------------------------------------------------

    def _path(self) -> CausePath:
        node = self.tree.cursor_node
        return node.data if node is not None and node.data is not None else ()

    def _edited(self, what: str, select: CausePath) -> None:
        self.show_session(select)
        self.post_message(SessionEdited(PART, what, self))

    async def _ask(
        self, title: str, label: str, value: str, required: bool = True, example: str = ""
    ) -> str | None:
        """One field; a short label and the example in the field (a long label wrapped over
        three lines in the form's label column, and an empty field showed nothing)."""
        spec = [FieldSpec("text", label, required=required, placeholder=example)]
        values = await self.app.push_screen_wait(FormDialog(title, spec, {"text": value}))
        return None if values is None else values["text"]

    @work(group="fishbone-dialog")
    async def action_add(self) -> None:
        """One more of what is selected: a cause after a cause, a sub-cause after a
        sub-cause, a cause in a category. (On a cause it added a sub-cause, and two causes
        typed one after the other came out nested; `b` adds a sub-cause.)"""
        path = self._path()
        if not self.fishbone.categories:
            await self._add_category()
            return
        if len(path) == 3:
            await self._add_sub_cause(path[0], path[1], after=path[2])
            return
        index = path[0] if path else 0
        category = self.fishbone.categories[index]
        text = await self._ask(f"New cause under {category.name}", "Cause", "")
        if text is None:
            return
        after = path[1] if len(path) == 2 else None
        with self.editor.edit(PART, "cause added"):
            added = edits.add_cause(self.fishbone, index, text, after=after)
        self._edited("cause added", added)

    @work(group="fishbone-dialog")
    async def action_add_sub_cause(self) -> None:
        path = self._path()
        if len(path) < 2:
            self.notify("Select a cause to add a sub-cause under it", markup=False)
            return
        await self._add_sub_cause(path[0], path[1], after=path[2] if len(path) == 3 else None)

    async def _add_sub_cause(self, category: int, cause: int, after: int | None) -> None:
        under = self.fishbone.categories[category].causes[cause].text
        text = await self._ask(f"New sub-cause of: {under}", "Sub-cause", "")
        if text is None:
            return
        with self.editor.edit(PART, "sub-cause added"):
            added = edits.add_sub_cause(self.fishbone, category, cause, text, after=after)
        self._edited("sub-cause added", added)

    @work(group="fishbone-dialog")
    async def action_add_category(self) -> None:
        await self._add_category()

    async def _add_category(self) -> None:
        name = await self._ask(
            "New category", "Category", "", example="e.g. Measurement, Materials, Environment"
        )
        if name is None:
            return
        with self.editor.edit(PART, "category added"):
            added = edits.add_category(self.fishbone, name)
        self._edited("category added", added)

    @work(group="fishbone-dialog")
    async def action_edit(self) -> None:
        path = self._path()
        if not path:
            await self._edit_problem()
            return
        what = ("Category", "Cause", "Sub-cause")[len(path) - 1]
        text = await self._ask(f"Edit {what.lower()}", what, edits.text_at(self.fishbone, path))
        if text is None:
            return
        with self.editor.edit(PART, f"{what.lower()} edited"):
            edits.set_text_at(self.fishbone, path, text)
        self._edited(f"{what.lower()} edited", path)

    @work(group="fishbone-dialog")
    async def action_edit_problem(self) -> None:
        await self._edit_problem()

    async def _edit_problem(self) -> None:
        text = await self._ask(
            "Problem",
            "Problem",
            self.fishbone.problem,
            False,
            example="the problem at the head of the fish, e.g. Checkout errors for 38 min",
        )
        if text is None:
            return
        selected = self._path()  # p from a cause leaves it selected: the next l links it
        with self.editor.edit(PART, "problem edited"):
            self.fishbone.problem = text
        self._edited("problem edited", selected)

    def action_delete(self) -> None:
        path = self._path()
        if not path:
            return
        what = ("category", "cause", "sub-cause")[len(path) - 1]
        with self.editor.edit(PART, f"{what} deleted"):
            after = edits.remove_at(self.fishbone, path)
        self._edited(f"{what} deleted", after)
        self.notify(f"Deleted the {what}. ctrl+z puts it back.", markup=False, timeout=4)

    def action_reorder(self, step: int) -> None:
        path = self._path()
        if not path or not 0 <= path[-1] + step < len(edits.siblings(self.fishbone, path)):
            return
        with self.editor.edit(PART, "moved"):
            moved = edits.reorder(self.fishbone, path, step)
        self._edited("moved", moved or path)

    def action_move_category(self, step: int) -> None:
        path = self._path()
        if len(path) != 2:
            self.notify("Select a cause to move it to another category", timeout=3)
            return
        if not 0 <= path[0] + step < len(self.fishbone.categories):
            return
        with self.editor.edit(PART, "cause moved"):
            moved = edits.move_to_category(self.fishbone, path, step)
        if moved is not None:
            self._edited(f"cause moved to {self.fishbone.categories[moved[0]].name}", moved)

    @work(group="fishbone-dialog")
    async def action_link(self) -> None:
        path = self._path()
        if len(path) != 2:
            self.notify("Select a cause to link it to a contributing factor", timeout=3)
            return
        factors = self.editor.session.factors
        if not factors:
            self.notify("Add contributing factors first", severity="warning")
            return
        cause = self.fishbone.categories[path[0]].causes[path[1]]
        spec = [
            FieldSpec(
                "factor",
                "Contributing factor",
                kind="enum",
                choices=tuple(f.id for f in factors),
                help="  ".join(f"{f.id}: {f.factor}" for f in factors),
            )
        ]
        values = await self.app.push_screen_wait(
            FormDialog("Link to a contributing factor", spec, {"factor": cause.factor or None})
        )
        if values is None:
            return
        with self.editor.edit(PART, "cause linked"):
            edits.link_factor(self.fishbone, path, values["factor"] or "")
        self._edited("cause linked", path)

    @on(Tree.NodeHighlighted)
    def _highlighted(self, event: Tree.NodeHighlighted) -> None:
        self.show_detail(event.node.data or ())

    def show_detail(self, path: CausePath) -> None:
        """The full text of the highlighted item: the diagram and tree may cut it."""
        fishbone = self.fishbone
        detail = Text()
        try:
            if not path:
                detail.append("Problem: ", style="bold")
                append_user(detail, fishbone.problem or "—")
            else:
                category = fishbone.categories[path[0]]
                append_user(detail, category.name, "bold")
                if len(path) == 1:
                    count = len(category.causes)
                    detail.append(f" · {count} cause{'' if count == 1 else 's'}", style="dim")
                else:
                    cause = category.causes[path[1]]
                    detail.append(" › ")
                    append_user(detail, cause.text)
                    if len(path) == 3:
                        detail.append(" › ")
                        append_user(detail, cause.sub_causes[path[2]])
                    if cause.factor:
                        self._linked(detail, cause.factor)
        except IndexError:
            return
        self.query_one("#fishbone-detail", Static).update(detail)

    def _linked(self, detail: Text, factor_id: str) -> None:
        session = self.editor.session
        names = {f.id: f.factor for f in session.factors}
        detail.append(f"\n↔ {factor_id}: ", style="italic")
        append_user(detail, names.get(factor_id, "(no such factor)"))
        actions = edits.addressed_by(session, factor_id)
        if actions:
            detail.append(" · action items " + ", ".join(f"#{number}" for number in actions))
        else:
            detail.append(" · no action item addresses it yet", style="yellow")
