"""What the fishbone editor shows: the cause tree, the diagram, and the detail line below."""

from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static, Tree

from sessions import edits
from sessions.edits import CausePath
from sessions.fishbone_art import render_fishbone
from widgets.user_text import append_user, user_text


class CauseTree(Tree[CausePath]):
    """The tree of causes; Enter edits (the editor's key), it doesn't fold."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action != "select_cursor"


class DiagramView(VerticalScroll, can_focus=False):
    """The drawing, scrolled by the editor's keys: not a stop of its own for Tab."""


class FishboneDrawing:
    """Fills the fishbone editor's views from the session; mixed into ``FishboneEditor``,
    whose ``editor``, ``fishbone``, ``tree``, ``diagram_only`` and ``_path`` it reads."""

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
                # a cause with no sub-causes is a leaf: its ▼ had read as "more below"
                cause_node = node.add(
                    text, data=(ci, ki), expand=True, allow_expand=bool(cause.sub_causes)
                )
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
