"""The fishbone (Ishikawa) editor: categories, causes and sub-causes, with the diagram drawn."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static, Tree

from sessions.fishbone_art import render_fishbone
from sessions.models import ActionItem, Cause, Factor, Fishbone, FishboneCategory
from widgets._css import css_beside
from widgets.fields import FieldSpec
from widgets.form_dialog import FormDialog
from widgets.messages import SessionEdited, Undoable

Path = tuple[int, ...]  # (category,) / (category, cause) / (category, cause, sub-cause)


class FishboneEditor(Vertical):
    DEFAULT_CSS = css_beside(__file__)
    BINDINGS = [
        Binding("a", "add", "Add cause"),
        Binding("c", "add_category", "Category"),
        Binding("e", "edit", "Edit"),
        Binding("d,delete", "delete", "Delete"),
        Binding("l", "link", "Link factor"),
        Binding("left_square_bracket", "move_category(-1)", "◀ category", show=False),
        Binding("right_square_bracket", "move_category(1)", "category ▶", show=False),
        Binding("ctrl+up,K", "reorder(-1)", "Move up", show=False),
        Binding("ctrl+down,J", "reorder(1)", "Move down", show=False),
        Binding("p", "edit_problem", "Problem", show=False),
    ]

    def __init__(
        self,
        get_fishbone: Callable[[], Fishbone],
        get_factors: Callable[[], list[Factor]] = list,
        get_actions: Callable[[], list[ActionItem]] = list,
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.get_fishbone = get_fishbone
        self.get_factors = get_factors
        self.get_actions = get_actions

    def compose(self) -> ComposeResult:
        yield Static("", id="fishbone-diagram")
        tree: Tree[Path] = Tree("", data=(), id="fishbone-tree")
        tree.auto_expand = False
        yield tree
        yield Static("", id="fishbone-detail")

    def on_mount(self) -> None:
        self.refresh_all()
        self.call_after_refresh(setattr, self.tree, "cursor_line", 0)

    def on_resize(self) -> None:
        self.redraw()

    @property
    def tree(self) -> Tree[Path]:
        return self.query_one("#fishbone-tree", Tree)

    # --- drawing ------------------------------------------------------------------------

    def redraw(self) -> None:
        width = max(self.size.width - 2, 30)
        lines = render_fishbone(self.get_fishbone(), width)
        self.query_one("#fishbone-diagram", Static).update(Text("\n".join(lines)))

    def refresh_all(self, select: Path | None = None) -> None:
        fishbone = self.get_fishbone()
        factors = {f.id: f.factor for f in self.get_factors()}
        tree = self.tree
        current = (
            select if select is not None else (tree.cursor_node.data if tree.cursor_node else None)
        )
        tree.clear()
        label = Text.assemble(("PROBLEM ", "bold reverse"))
        label.append(" " + (fishbone.problem or "(press p to state the problem)"))
        tree.root.set_label(label)
        nodes = {(): tree.root}
        for ci, category in enumerate(fishbone.categories):
            cat_label = Text(category.name.upper() or "(unnamed)", style="bold")
            cat_label.append(f"  {len(category.causes)}", style="dim")
            cat_node = tree.root.add(cat_label, data=(ci,), expand=True)
            nodes[(ci,)] = cat_node
            for ki, cause in enumerate(category.causes):
                text = Text(cause.text)
                if cause.factor:
                    name = factors.get(cause.factor, "missing factor")
                    text.append(f"  ↔ {cause.factor} {name}", style="italic cyan")
                cause_node = cat_node.add(text, data=(ci, ki), expand=True)
                nodes[(ci, ki)] = cause_node
                for si, sub in enumerate(cause.sub_causes):
                    nodes[(ci, ki, si)] = cause_node.add_leaf(Text(sub), data=(ci, ki, si))
        tree.root.expand_all()
        self.redraw()
        if current is not None:
            target = nodes.get(current) or nodes.get(current[:-1]) or tree.root
            self.call_after_refresh(tree.move_cursor, target)

    def reload_from_model(self) -> None:
        self.refresh_all()

    # --- editing ------------------------------------------------------------------------

    def _path(self) -> Path:
        node = self.tree.cursor_node
        return node.data if node is not None and node.data is not None else ()

    def _edited(self, what: str, select: Path | None = None) -> None:
        self.refresh_all(select)
        self.post_message(SessionEdited(f"root_cause.fishbone: {what}"))

    def _ask(self, title: str, label: str, value: str, then: Callable[[str], None]) -> None:
        spec = [FieldSpec("text", label, required=True)]

        def done(values: dict | None) -> None:
            if values is not None:
                then(values["text"])

        self.app.push_screen(FormDialog(title, spec, {"text": value}), done)

    def action_add(self) -> None:
        fishbone = self.get_fishbone()
        path = self._path()
        if not path:
            if not fishbone.categories:
                self.action_add_category()
                return
            path = (0,)
        category = fishbone.categories[path[0]]
        if len(path) == 1:

            def add_cause(text: str) -> None:
                category.causes.append(Cause(text=text))
                self._edited("cause added", (path[0], len(category.causes) - 1))

            self._ask(f"New cause under {category.name}", "Cause", "", add_cause)
            return
        cause = category.causes[path[1]]

        def add_sub(text: str) -> None:
            cause.sub_causes.append(text)
            self._edited("sub-cause added", (path[0], path[1], len(cause.sub_causes) - 1))

        self._ask(f"New sub-cause of {cause.text}", "Sub-cause", "", add_sub)

    def action_add_category(self) -> None:
        fishbone = self.get_fishbone()

        def add(name: str) -> None:
            fishbone.categories.append(FishboneCategory(name=name))
            self._edited("category added", (len(fishbone.categories) - 1,))

        self._ask("New category", "Category (e.g. Measurement, Materials)", "", add)

    def action_edit(self) -> None:
        fishbone = self.get_fishbone()
        path = self._path()
        if not path:
            self.action_edit_problem()
            return
        category = fishbone.categories[path[0]]
        if len(path) == 1:

            def rename(name: str) -> None:
                category.name = name
                self._edited("category renamed", path)

            self._ask("Rename category", "Category", category.name, rename)
        elif len(path) == 2:
            cause = category.causes[path[1]]

            def edit(text: str) -> None:
                cause.text = text
                self._edited("cause edited", path)

            self._ask("Edit cause", "Cause", cause.text, edit)
        else:
            cause = category.causes[path[1]]

            def edit_sub(text: str) -> None:
                cause.sub_causes[path[2]] = text
                self._edited("sub-cause edited", path)

            self._ask("Edit sub-cause", "Sub-cause", cause.sub_causes[path[2]], edit_sub)

    def action_edit_problem(self) -> None:
        fishbone = self.get_fishbone()
        spec = [FieldSpec("problem", "The problem at the head of the fish")]

        def done(values: dict | None) -> None:
            if values is not None:
                fishbone.problem = values["problem"]
                self._edited("problem edited", ())

        self.app.push_screen(FormDialog("Problem", spec, {"problem": fishbone.problem}), done)

    def _container(self, path: Path) -> tuple[list, int]:
        fishbone = self.get_fishbone()
        if len(path) == 1:
            return fishbone.categories, path[0]
        if len(path) == 2:
            return fishbone.categories[path[0]].causes, path[1]
        return fishbone.categories[path[0]].causes[path[1]].sub_causes, path[2]

    def action_delete(self) -> None:
        path = self._path()
        if not path:
            return
        items, index = self._container(path)
        item = items.pop(index)

        def undo() -> None:
            items.insert(min(index, len(items)), item)
            self._edited("restored", path)

        kind = ("category", "cause", "sub-cause")[len(path) - 1]
        self._edited(f"{kind} deleted", (*path[:-1], max(index - 1, 0)) if index else path[:-1])
        self.post_message(Undoable(f"delete {kind}", undo))
        self.app.notify(f"Deleted {kind}. Undo with ctrl+z.", markup=False)

    def action_reorder(self, step: int) -> None:
        path = self._path()
        if not path:
            return
        items, index = self._container(path)
        target = index + step
        if 0 <= target < len(items):
            items[index], items[target] = items[target], items[index]
            self._edited("moved", (*path[:-1], target))

    def action_move_category(self, step: int) -> None:
        path = self._path()
        if len(path) != 2:
            self.app.notify("Select a cause to move it to another category")
            return
        categories = self.get_fishbone().categories
        target = path[0] + step
        if not 0 <= target < len(categories):
            return
        cause = categories[path[0]].causes.pop(path[1])
        categories[target].causes.append(cause)
        self._edited(
            f"cause moved to {categories[target].name}",
            (target, len(categories[target].causes) - 1),
        )

    def action_link(self) -> None:
        path = self._path()
        if len(path) != 2:
            self.app.notify("Select a cause to link it to a contributing factor")
            return
        cause = self.get_fishbone().categories[path[0]].causes[path[1]]
        factors = self.get_factors()
        if not factors:
            self.app.notify("Add contributing factors first", severity="warning")
            return
        choices = tuple(f.id for f in factors)
        help_text = "  ".join(f"{f.id}: {f.factor}" for f in factors)
        spec = [
            FieldSpec("factor", "Contributing factor", kind="enum", choices=choices, help=help_text)
        ]

        def done(values: dict | None) -> None:
            if values is not None:
                cause.factor = values["factor"] or ""
                self._edited("cause linked", path)

        self.app.push_screen(FormDialog("Link to factor", spec, {"factor": cause.factor}), done)

    @on(Tree.NodeHighlighted)
    def _highlighted(self, event: Tree.NodeHighlighted) -> None:
        self.show_detail(event.node.data or ())

    def show_detail(self, path: Path) -> None:
        """The full text of the highlighted item: the diagram and tree may cut it."""
        fishbone = self.get_fishbone()
        detail = Text()
        try:
            if not path:
                detail.append("Problem: ", style="bold")
                detail.append(fishbone.problem or "—")
            else:
                category = fishbone.categories[path[0]]
                detail.append(f"{category.name}", style="bold")
                if len(path) >= 2:
                    cause = category.causes[path[1]]
                    detail.append(" › ")
                    detail.append(cause.text)
                    if cause.factor:
                        names = {f.id: f.factor for f in self.get_factors()}
                        detail.append(f"\nLinked to {cause.factor}: ", style="italic")
                        detail.append(names.get(cause.factor, "(no such factor)"))
                        actions = [
                            str(a.id) for a in self.get_actions() if cause.factor in a.addresses
                        ]
                        detail.append(
                            " · addressed by action items " + ", ".join(actions)
                            if actions
                            else " · no action item addresses it yet",
                            style="" if actions else "yellow",
                        )
                    if len(path) == 3:
                        detail.append("\n  └ ")
                        detail.append(cause.sub_causes[path[2]])
                else:
                    detail.append(f" · {len(category.causes)} causes", style="dim")
        except IndexError:
            return
        self.query_one("#fishbone-detail", Static).update(detail)

    @on(Tree.NodeSelected)
    def _enter(self, event: Tree.NodeSelected) -> None:
        event.stop()
        self.action_edit()
