"""What the meeting and drafting screens share: live guardrails and reloading from the model."""

from __future__ import annotations

import datetime as dt

from textual import work
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer

from screens.parts import part_of
from sessions.checks import Finding, run_checks
from sessions.checks.blameless import apply_replacement
from sessions.checks.config import CheckConfig
from sessions.checks.fields import get_text, set_text
from sessions.models import AcceptedFinding, Session
from widgets.fields import FieldSpec
from widgets.findings_panel import FindingsPanel
from widgets.form_dialog import FormDialog
from widgets.messages import SessionEdited
from widgets.text_field import TextField


class SessionScreen(Screen):
    """A screen over the session; guardrails rerun shortly after each edit, off the UI thread."""

    BINDINGS = [
        Binding("ctrl+r", "apply_reframing", "Reframe", tooltip="Apply the suggested reframing")
    ]

    def __init__(
        self,
        session: Session,
        *,
        check_delay: float = 0.3,
        today: dt.date | None = None,
        config: CheckConfig | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.check_delay = check_delay
        self.today = today
        self.config = config or CheckConfig()
        self.findings: list[Finding] = []
        self._check_timer: Timer | None = None

    def visible_parts(self) -> set[str]:
        raise NotImplementedError

    def on_mount(self) -> None:
        self.schedule_check()

    def on_session_edited(self, message: SessionEdited) -> None:
        self.schedule_check()

    def schedule_check(self) -> None:
        if self._check_timer is not None:
            self._check_timer.stop()
            self._check_timer = None
        if self.check_delay <= 0:
            self.call_later(self._run_checks)
        else:
            self._check_timer = self.set_timer(self.check_delay, self._run_checks)

    def _run_checks(self) -> None:
        self._check_worker()

    @work(thread=True, exclusive=True, group="checks")
    def _check_worker(self) -> None:
        try:
            findings = run_checks(self.session, today=self.today, config=self.config)
        except (RuntimeError, ValueError, IndexError, AttributeError):
            return  # the session changed under us; the next edit schedules another run
        self.app.call_from_thread(self.show_findings, findings)

    def show_findings(self, findings: list[Finding]) -> None:
        self.findings = [f for f in findings if not f.accepted]
        parts = self.visible_parts()
        shown = [f for f in self.findings if part_of(f.where) in parts]
        for panel in self.query(FindingsPanel):
            panel.show(shown)
        for field in self.query(TextField):
            field.mark(
                [
                    (f.quote, f.replacement)
                    for f in self.findings
                    if f.where == field.where and f.rule.id.startswith("BL")
                ]
            )

    def on_findings_panel_apply_reframing(self, message: FindingsPanel.ApplyReframing) -> None:
        self.apply_reframing(message.finding)

    def on_findings_panel_accept_finding(self, message: FindingsPanel.AcceptFinding) -> None:
        finding = message.finding
        spec = [
            FieldSpec(
                "reason",
                f"Why does the team accept {finding.rule.id} at {finding.where}?",
                required=True,
            )
        ]

        def done(values: dict | None) -> None:
            if values is None:
                return
            self.session.accepted.append(
                AcceptedFinding(rule=finding.rule.id, where=finding.where, reason=values["reason"])
            )
            self.post_message(SessionEdited(f"accepted {finding.rule.id}"))
            self.notify(f"Accepted {finding.rule.id}; the reason is kept in the file", markup=False)

        self.app.push_screen(FormDialog(f"Accept: {finding.message}", spec, {}), done)

    def action_apply_reframing(self) -> None:
        panel = self.query(FindingsPanel).first(FindingsPanel)
        finding = panel.first_applicable()
        if finding is None:
            self.notify("No reframing to apply here")
            return
        self.apply_reframing(finding)

    def apply_reframing(self, finding: Finding) -> None:
        try:
            before = get_text(self.session, finding.where)
        except (AttributeError, IndexError):
            return
        after = apply_replacement(before, finding)
        if after == before:
            return
        set_text(self.session, finding.where, after)
        self.reload_from_model()
        self.post_message(SessionEdited(f"{finding.where}: reframed"))
        self.notify(f"Reframed: {finding.replacement}", markup=False)

    def reload_from_model(self) -> None:
        """Every editor on this screen shows the model again (after undo, reframing, reload)."""
        for widget in self.query("*"):
            reload = getattr(widget, "reload_from_model", None)
            if reload is not None and widget is not self:
                reload()
        self.schedule_check()
