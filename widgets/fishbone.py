"""The fishbone (Ishikawa) editor: categories, causes and sub-causes, with the diagram drawn.

The tree is where you edit; the diagram is what the room looks at. When there is room both
show (diagram above); on a small terminal the tree fills the editor and `v` shows the
diagram in its place.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Static, Tree

from sessions.editing import SessionEditor
from sessions.edits import CausePath
from sessions.models import Fishbone
from widgets._css import css_beside
from widgets.fishbone_drawing import CauseTree, DiagramView, FishboneDrawing
from widgets.fishbone_editing import PART, FishboneEditing

ROOMY_HEIGHT = 26
"""From this editor height on, the diagram shows above the tree."""


class FishboneEditor(FishboneDrawing, FishboneEditing, Vertical):
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

    def _path(self) -> CausePath:
        node = self.tree.cursor_node
        return node.data if node is not None and node.data is not None else ()

    # Textual finds an ``@on`` handler only on a widget class, not on a plain mixin.
    @on(Tree.NodeHighlighted)
    def _highlighted(self, event: Tree.NodeHighlighted) -> None:
        self.show_detail(event.node.data or ())
