"""What the meeting and drafting screens share: redrawing what changed, the guardrails, and
the commands and help they contribute to the app."""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from textual import events, work
from textual.app import SystemCommand
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widget import Widget

from screens.help import HelpGroup
from screens.parts import PartContext, part_of
from sessions.checks import Finding
from sessions.checks.blameless import replace_sentence
from sessions.checks.fields import get_text, set_text
from sessions.editing import Change, SessionEditor, touches
from sessions.field_names import readable
from sessions.models import AcceptedFinding
from sessions.paths import owner_part
from widgets.findings_panel import FindingsPanel
from widgets.messages import SessionEdited
from widgets.protocols import ShowsSession
from widgets.record_table import RecordTable
from widgets.rewrite_dialog import RewriteDialog
from widgets.text_field import TextField


class SessionScreen(Screen):
    """A screen of editors over the session.

    Editors redraw themselves after their own edits; the screen redraws the *other* views of
    the part that changed, and on returning to the screen only the parts changed while it
    was away. Nothing here moves the focus or the visible tab.
    """

    BINDINGS = [
        Binding("ctrl+r", "apply_reframing", "Rewrite blame", show=False),
        Binding("f4", "focus_findings", "Guardrails", show=False),
    ]

    def __init__(self, context: PartContext) -> None:
        super().__init__()
        self.context = context
        self.findings: list[Finding] | None = None
        self.seen_revision = context.editor.revision

    @property
    def editor(self) -> SessionEditor:
        return self.context.editor

    def visible_parts(self) -> set[str]:
        """The parts on screen now (their findings show in the panel)."""
        raise NotImplementedError

    # --- redrawing what changed ---------------------------------------------------------

    def views(self) -> Iterable[ShowsSession]:
        """The widgets classed "session-view": each is a ShowsSession (the class is how a
        view says so). Asked on every key typed: a plain walk, not a CSS query (60 µs
        against 800) nor a runtime Protocol check (18 µs a widget)."""
        views = (w for w in self.walk_children() if w.has_class("session-view"))
        return cast("Iterable[ShowsSession]", views)

    def redraw(self, changed: set[str], *, skip: Widget | None = None) -> None:
        """Redraw the views that show a changed part. A view still being mounted (a section
        built by the key that made the change) draws itself from the session when it is."""
        for view in self.views():
            if view is not skip and view.is_mounted and touches(changed, view.parts):
                view.show_session()

    def reveal(self, change: Change) -> None:
        """Show where an undo or a redo changed the session; here it is in view already."""

    def on_session_edited(self, message: SessionEdited) -> None:
        self.redraw({message.part}, skip=message.origin)
        self.seen_revision = self.editor.revision

    def on_screen_resume(self) -> None:
        """Back on this screen: redraw only what changed while it was away."""
        changed = self.editor.changed_since(self.seen_revision)
        if changed:
            self.redraw(changed)
        self.seen_revision = self.editor.revision

    # --- guardrails ---------------------------------------------------------------------

    def shows_finding(self, finding: Finding) -> bool:
        return part_of(finding.where) in self.visible_parts()

    def show_check_failure(self, message: str) -> None:
        """The run failed: the panel says so, not "checking" for good."""
        panel = self._findings_panel()
        if panel is not None:
            panel.say(f"✖ {message}", "red")

    def show_findings(self, findings: list[Finding] | None) -> None:
        """New results from the app's check run: the panel and the text fields follow.
        None: the first run is not back yet, and the panel says it is checking (it said
        "No findings here" for a second or two after opening a file full of them)."""
        if findings is None:
            return
        self.findings = [f for f in findings if not f.accepted]
        for panel in self.query(FindingsPanel):
            panel.show([f for f in self.findings if self.shows_finding(f)])
        about_words: dict[str, list[Finding]] = {}
        for finding in self.findings:
            if finding.quote:
                about_words.setdefault(finding.where, []).append(finding)
        for field in self.query(TextField):
            field.mark(about_words.get(field.where, []))

    def on_record_table_highlighted(self, message: RecordTable.Highlighted) -> None:
        if message.table.has_focus:
            self._follow_in_findings(message.table)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        panel = self._findings_panel()
        if panel is not None and event.widget is not panel:
            # Where Escape from the panel goes back to, however the panel got the focus
            # (Tab reached it too, and Escape then sent it to the parts list).
            panel.back_to = event.widget
        self._follow_in_findings(event.widget)

    def _findings_panel(self) -> FindingsPanel | None:
        """The screen's one findings panel, found by id (a query walked the whole screen on
        every cursor move: 260-420 µs)."""
        try:
            return self.query_one("#findings", FindingsPanel)
        except NoMatches:
            return None

    def _follow_in_findings(self, widget: Widget | None) -> None:
        """The findings line shows what the facilitator is on: a table's highlighted
        record, or the text field being typed in (the panel itself changes nothing)."""
        panel = self._findings_panel()
        if widget is None or panel is None or widget is panel:
            return
        if isinstance(widget, RecordTable):
            where = widget.where_at_cursor()
        else:
            field = next((w for w in widget.ancestors_with_self if isinstance(w, TextField)), None)
            where = field.where if field is not None else None
        panel.follow(where)

    def action_focus_findings(self) -> None:
        panel = self._findings_panel()
        if panel is None:
            return
        if panel.has_focus:
            panel.leave()
            return
        if not panel.findings:
            busy = "The guardrails are still being checked"
            self.notify(busy if panel.checking else "No guardrail findings here")
            return
        # The row moved by a key just before F4 may not have said so yet.
        self._follow_in_findings(self.focused)
        self.set_focus(panel)

    def on_findings_panel_apply_rewrite(self, message: FindingsPanel.ApplyRewrite) -> None:
        self.apply_rewrite(message.finding, message.sentence)

    def on_findings_panel_accept_finding(self, message: FindingsPanel.AcceptFinding) -> None:
        finding = message.finding
        with self.editor.edit("accepted", f"accepted {finding.rule.id}"):
            self.editor.session.accepted.append(
                AcceptedFinding(rule=finding.rule.id, where=finding.where, reason=message.reason)
            )
        self.post_message(SessionEdited("accepted", f"accepted {finding.rule.id}"))
        self.notify(f"Accepted {finding.rule.id}; the reason is kept in the file", markup=False)

    def finding_here(self) -> Finding | None:
        """The finding ctrl+r is about: the one under the cursor of the text field in use,
        else that field's first, else the panel's first with a rewrite."""
        field = next((f for f in self.query(TextField) if f.area.has_focus), None)
        if field is not None and field.findings:
            cursor = field.area.document.get_index_from_location(field.area.cursor_location)
            for finding in field.findings:
                start, end = finding.sentence_span or finding.span or (0, 0)
                if start <= cursor <= end:
                    return finding
            return field.findings[0]
        return self.query_one(FindingsPanel).first_applicable()

    @work(group="rewrite")
    async def action_apply_reframing(self) -> None:
        finding = self.finding_here()
        if finding is None:
            self.notify("No blame to rewrite here", timeout=3)
            return
        sentence = await self.app.push_screen_wait(RewriteDialog(finding))
        if sentence is not None:
            self.apply_rewrite(finding, sentence)

    def apply_rewrite(self, finding: Finding, sentence: str) -> None:
        """Put ``sentence`` in place of the finding's sentence (an undoable edit); the
        guardrails then say whether the blame is gone."""
        session = self.editor.session
        try:
            before = get_text(session, finding.where)
        except (AttributeError, IndexError):
            return
        after = replace_sentence(before, finding, sentence)
        if after == before:
            self.notify("That sentence has changed since; nothing replaced", timeout=3)
            return
        part = owner_part(finding.where)
        what = f"{readable(finding.where)}: rewritten"
        with self.editor.edit(part, what):
            set_text(session, finding.where, after)
        self.post_message(SessionEdited(part, what))
        self.notify("Rewritten; ctrl+z puts the old sentence back", markup=False, timeout=3)

    # --- what the screen gives the app --------------------------------------------------

    def commands(self) -> Iterable[SystemCommand]:
        """This screen's entries in the command palette."""
        yield SystemCommand(
            "Rewrite blame",
            "Pick a blameless rewrite of the sentence here (ctrl+r)",
            self.action_apply_reframing,
        )
        yield SystemCommand(
            "Guardrails",
            "Review the findings for what is on screen (F4)",
            self.action_focus_findings,
        )

    def help_groups(self) -> list[HelpGroup]:
        """This screen's keys for the help screen (the focused widget's come first)."""
        return [("Guardrails panel", "", [*FindingsPanel.BINDINGS, *SessionScreen.BINDINGS])]
