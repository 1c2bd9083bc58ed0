"""Guardrail findings for what is on screen, with the reframing one key away."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from sessions.checks import Finding, Level
from widgets._css import css_beside

LEVEL_STYLE = {Level.ERROR: "bold red", Level.WARNING: "bold yellow", Level.INFO: "cyan"}
LEVEL_ICON = {Level.ERROR: "✖", Level.WARNING: "⚠", Level.INFO: "ℹ"}


class FindingsPanel(OptionList):
    """Enter (or f anywhere on the screen) applies the highlighted finding's reframing."""

    DEFAULT_CSS = css_beside(__file__)
    BINDINGS = [
        Binding("f", "apply", "Apply reframing"),
        Binding("x", "accept", "Accept with a reason"),
    ]

    class ApplyReframing(Message):
        def __init__(self, finding: Finding) -> None:
            super().__init__()
            self.finding = finding

    class AcceptFinding(Message):
        """The team discussed this finding and accepts it; the reason goes into the file."""

        def __init__(self, finding: Finding) -> None:
            super().__init__()
            self.finding = finding

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.findings: list[Finding] = []
        self._shown = False

    def show(self, findings: list[Finding]) -> None:
        findings = sorted(findings, key=lambda f: (-f.level, f.where))
        if self._shown and [(f.rule.id, f.where, f.message) for f in findings] == [
            (f.rule.id, f.where, f.message) for f in self.findings
        ]:
            return
        self.findings = findings
        self._shown = True
        highlighted = self.highlighted
        self.clear_options()
        self.set_class(not findings, "-empty")
        if not findings:
            self.add_option(Option(Text("✓ No findings here", style="green"), disabled=True))
            self.border_title = "Guardrails"
            return
        self.add_options([Option(_line(f)) for f in findings])
        errors = sum(1 for f in findings if f.level is Level.ERROR)
        self.border_title = f"Guardrails: {len(findings)} findings, {errors} errors"
        if highlighted is not None:
            self.highlighted = min(highlighted, len(findings) - 1)

    def first_applicable(self) -> Finding | None:
        return next((f for f in self.findings if f.replacement), None)

    def action_apply(self) -> None:
        index = self.highlighted
        finding = self.findings[index] if index is not None and index < len(self.findings) else None
        if finding is None or not finding.replacement:
            finding = self.first_applicable()
        if finding is not None:
            self.post_message(self.ApplyReframing(finding))

    def action_accept(self) -> None:
        index = self.highlighted
        if index is not None and index < len(self.findings):
            self.post_message(self.AcceptFinding(self.findings[index]))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index < len(self.findings):
            finding = self.findings[event.option_index]
            if finding.replacement:
                self.post_message(self.ApplyReframing(finding))


def _line(finding: Finding) -> Text:
    text = Text()
    text.append(f"{LEVEL_ICON[finding.level]} {finding.rule.id} ", style=LEVEL_STYLE[finding.level])
    text.append(f"{finding.where}: ", style="dim")
    if finding.quote and f'"{finding.quote}"' in finding.message:
        before, _, after = finding.message.partition(f'"{finding.quote}"')
        text.append(before)
        text.append(f'"{finding.quote}"', style="bold reverse red")
        text.append(after)
    else:
        text.append(finding.message)
    if finding.replacement:
        text.append("  → ", style="dim")
        text.append(finding.replacement, style="bold green")
        text.append("  [f]", style="dim")
    return text
