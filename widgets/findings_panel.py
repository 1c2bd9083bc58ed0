"""Guardrail findings for what is on screen: one quiet line until there is something to read.

Collapsed it shows one finding: the most serious about the record or field in use (the
screen says which, ``follow``), else the most serious here. With the focus (F4) it opens to
the whole list on that finding, with the reframing one key away.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import work
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from sessions.checks import Finding, Level
from sessions.wording import counted
from widgets._css import css_beside
from widgets.fields import FieldSpec
from widgets.form_dialog import FormDialog
from widgets.rewrite_dialog import RewriteDialog
from widgets.user_text import append_user, user_text

LEVEL_STYLE = {Level.ERROR: "bold red", Level.WARNING: "bold yellow", Level.INFO: "cyan"}
LEVEL_ICON = {Level.ERROR: "✖", Level.WARNING: "⚠", Level.INFO: "ℹ"}


class FindingsPanel(OptionList):
    """Enter or f applies the highlighted finding's reframing; x accepts it with a reason."""

    DEFAULT_CSS = css_beside(__file__)
    SCOPED_CSS = False  # its `.-roomy` rules follow a class on the screen, outside it
    HELP_TITLE = "Guardrails panel"
    BINDINGS = [
        Binding("f,enter", "apply", "Rewrite"),
        # Short in the footer (at 80 columns F1 Help fell off it), in full in F1 and the palette.
        Binding("x", "accept", "Accept", tooltip="Accept with a reason (kept in the file)"),
        Binding("escape", "leave", "Back", tooltip="Back to the editor"),
    ]

    @dataclass
    class ApplyRewrite(Message):
        """Put ``sentence`` (a picked rewrite, or the person's own) in place of the
        finding's sentence."""

        finding: Finding
        sentence: str

    @dataclass
    class AcceptFinding(Message):
        """The team discussed ``finding`` and accepts it for ``reason`` (kept in the file)."""

        finding: Finding
        reason: str

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.findings: list[Finding] = []
        self._key: list[tuple[str, str, str]] | None = None
        self._in_use: str | None = None
        #: Field path → the option of the first finding in or under it.
        self._first_about: dict[str, int] = {}
        #: Where Escape gives the focus back: what had it before the panel (the screen
        #: says), however the panel got it (F4, or Tab).
        self.back_to: Widget | None = None

    @property
    def checking(self) -> bool:
        """No results yet: the first run is under way (or failed, and said so)."""
        return self._key is None

    def on_mount(self) -> None:
        if self.checking:
            self.say("… checking the guardrails", "dim")

    def say(self, message: str, style: str) -> None:
        """A line in place of results: checking, or the run failed."""
        self._key = None
        self.findings = []
        self._first_about = {}
        self.clear_options()
        self.set_class(True, "-empty")
        self.can_focus = False
        self.add_option(Option(user_text(message, style, single_line=True), disabled=True))

    def show(self, findings: list[Finding]) -> None:
        findings = sorted(findings, key=lambda f: (-f.level, f.where))
        key = [(f.rule.id, f.where, f.message) for f in findings]
        if key == self._key:
            return
        self._key = key
        self.findings = findings
        self._first_about = {}
        for index, finding in enumerate(findings, start=1):
            for where in _paths_over(finding.where):
                self._first_about.setdefault(where, index)
        highlighted = self.highlighted
        self.clear_options()
        self.set_class(not findings, "-empty")
        # Nothing to review is no place for Tab to stop (F4 says there is nothing).
        self.can_focus = bool(findings)
        if not findings and self.has_focus:
            self.leave()
        errors = sum(1 for f in findings if f.level is Level.ERROR)
        if not findings:
            self.add_option(Option(Text("✓ No findings here", style="green"), disabled=True))
            self.border_title = ""
            return
        self.add_option(Option(_summary(findings), disabled=True))
        self.add_options([Option(_line(f)) for f in findings])
        self.border_title = f"Guardrails: {len(findings)} here, {counted(errors, 'error')}"
        kept = min(highlighted, len(findings)) if highlighted else 1
        # While the list is open the facilitator moves in it: a new run keeps their place.
        about = None if self.has_focus else self._about(self._in_use)
        self.highlighted = about or kept

    def follow(self, where: str | None) -> None:
        """The record or field in use is ``where`` (a field path): show its most serious
        finding, else the most serious here. Not while the list is open: the facilitator
        moves in it."""
        if where == self._in_use:
            return
        self._in_use = where
        if self.findings and not self.has_focus:
            self.highlighted = self._about(where) or 1

    def _about(self, where: str | None) -> int | None:
        """The option of the first (most serious) finding in or under ``where``: looked up,
        not searched, on every cursor move (a timeline of 5,000 events has that many)."""
        return self._first_about.get(where) if where else None

    def first_applicable(self) -> Finding | None:
        """The first finding about words (one a rewrite can fix)."""
        return next((f for f in self.findings if f.quote and f.sentence), None)

    def _current(self) -> Finding | None:
        index = (self.highlighted or 0) - 1  # option 0 is the summary line
        return self.findings[index] if 0 <= index < len(self.findings) else None

    @work(group="rewrite")
    async def action_apply(self) -> None:
        """Offer the highlighted finding's rewrites (asked here, so the keys that follow go
        into the choice), then hand the chosen sentence up."""
        finding = self._current()
        if finding is None or not finding.quote:
            finding = self.first_applicable()
        if finding is None:
            return
        sentence = await self.app.push_screen_wait(RewriteDialog(finding))
        if sentence is not None:
            self.post_message(self.ApplyRewrite(finding, sentence))

    @work(group="accept-finding")
    async def action_accept(self) -> None:
        """Ask why the team accepts the highlighted finding (here, so keys typed after x go
        into the question), then hand the answer up."""
        finding = self._current()
        if finding is None:
            return
        question = f"Why does the team accept {finding.rule.id} at {finding.where}?"
        spec = [FieldSpec("reason", question, short="Reason", required=True)]
        values = await self.app.push_screen_wait(FormDialog(f"Accept: {finding.message}", spec, {}))
        if values is not None:
            self.post_message(self.AcceptFinding(finding, values["reason"]))

    def action_leave(self) -> None:
        self.leave()

    def leave(self) -> None:
        """Give the focus back at once, in the key that asked: keys typed right after
        Escape go to the editor (a message to the screen let them reach the panel first,
        and an x in them opened "accept with a reason")."""
        target = self.back_to
        if target is None or not target.is_attached or not target.focusable:
            target = next((w for w in self.screen.focus_chain if w is not self), None)
        self.screen.set_focus(target)


def _paths_over(where: str) -> list[str]:
    """``where`` and the paths it is under: "action_items[0].due", "action_items[0]",
    "action_items"."""
    return [where[:i] for i, char in enumerate(where) if char in ".["] + [where]


_LEVEL_NOUN = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "note"}


def _summary(findings: list[Finding]) -> Text:
    """The list's first line: how many of each level. Not the top finding too: it is the
    line under this one, and the open list showed it twice."""
    text = Text(no_wrap=True, overflow="ellipsis")
    for level in (Level.ERROR, Level.WARNING, Level.INFO):
        count = sum(1 for f in findings if f.level is level)
        if count:
            said = f"{LEVEL_ICON[level]} {counted(count, _LEVEL_NOUN[level])}"
            text.append(said, style=LEVEL_STYLE[level])
            text.append("  ")
    return text


def _line(finding: Finding) -> Text:
    """What is wrong first, where last: at 80 columns a field's path (say
    "root_cause.fishbone.categories[0].causes[0].text: ") left the reason off the line, and
    the line follows the record in use, which says where already."""
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(f"{LEVEL_ICON[finding.level]} {finding.rule.id} ", style=LEVEL_STYLE[finding.level])
    if finding.quote and f'"{finding.quote}"' in finding.message:
        before, _, after = finding.message.partition(f'"{finding.quote}"')
        append_user(text, before, single_line=True)
        append_user(text, f'"{finding.quote}"', "bold reverse red", single_line=True)
        append_user(text, after, single_line=True)
    else:
        append_user(text, finding.message, single_line=True)
    if finding.rewrites:
        text.append("  [f] rewrite", style="dim")
    text.append(f"  · {finding.where}", style="dim")
    return text
