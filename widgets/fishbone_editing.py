"""The fishbone editor's edits: what its keys add, change, move, link and delete."""

from __future__ import annotations

from textual import work

from sessions import edits
from sessions.edits import CausePath
from widgets.fields import FieldSpec, factors_named
from widgets.form_dialog import FormDialog
from widgets.messages import SessionEdited

PART = "root_cause.fishbone"


class FishboneEditing:
    """The fishbone editor's key actions that change the session; mixed into
    ``FishboneEditor``, whose ``editor``, ``fishbone`` and ``_path`` they use, and whose
    ``show_session`` draws the result."""

    def _edited(self, what: str, select: CausePath) -> None:
        self.show_session(select)
        self.post_message(SessionEdited(PART, what, self))

    async def _ask(
        self,
        title: str,
        label: str,
        value: str,
        required: bool = True,
        example: str = "",
        offered: bool = False,
    ) -> str | None:
        """One field; a short label and the example in the field (a long label wrapped over
        three lines in the form's label column, and an empty field showed nothing). A value
        ``offered`` (not the field's own) is selected: typing replaces it."""
        spec = [
            FieldSpec("text", label, required=required, placeholder=example, typed_over=offered)
        ]
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
        # none yet: the one the 5 whys state, to take or change (typed twice otherwise)
        whys = (w.problem for w in self.editor.session.root_cause.whys if w.problem.strip())
        offered = "" if self.fishbone.problem else next(whys, "")
        text = await self._ask(
            "Problem",
            "Problem",
            self.fishbone.problem or offered,
            False,
            example="the problem at the head of the fish, e.g. Checkout errors for 38 min",
            offered=bool(offered),
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
                help=factors_named(factors),
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
