"""Saying what is wrong with a form's values: the form's status line, and a refused model's."""

from __future__ import annotations

from pydantic import ValidationError
from rich.text import Text
from textual.validation import ValidationResult
from textual.widget import Widget
from textual.widgets import Static

from widgets.fields import FieldSpec, parse
from widgets.user_text import fit_rows, user_content


def first_error(error: Exception) -> str:
    """One line for a model that refused the values."""
    if isinstance(error, ValidationError):
        first = error.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        return f"{where}: {first['msg']}" if where else first["msg"]
    return str(error)


class FormStatus:
    """The status line under a form's fields: the focused field's hint, or what is wrong.
    Mixed into ``FormDialog``, whose ``specs``, ``_invalid`` and ``_advice`` it reads."""

    def _spec_of(self, widget: Widget | None) -> FieldSpec | None:
        name = (widget.id or "").removeprefix("f-") if widget is not None else ""
        return next((spec for spec in self.specs if spec.name == name), None)

    def _status(self, message: str = "", *, error: bool = False) -> None:
        status = self.query_one("#form-status", Static)
        status.update(user_content(message))
        status.set_class(error, "-error")

    def _problems(self) -> list[tuple[FieldSpec, str]]:
        """Fields typed into that don't parse yet, in form order."""
        return [
            (spec, self._invalid[spec.name]) for spec in self.specs if spec.name in self._invalid
        ]

    def _remember(self, spec: FieldSpec, result: ValidationResult | None) -> None:
        if result is not None and not result.is_valid:
            self._invalid[spec.name] = result.failure_descriptions[0]
        else:
            self._invalid.pop(spec.name, None)

    def _advise(self, spec: FieldSpec, text: str) -> None:
        """Note what the field's ``advice`` says of ``text`` (nothing if it doesn't parse)."""
        self._advice.pop(spec.name, None)
        if spec.advice is None or not text.strip() or spec.name in self._invalid:
            return
        try:
            value = parse(spec, text)
        except ValueError:
            return
        if value is not None and (advice := spec.advice(value)):
            self._advice[spec.name] = advice

    def _show_field_status(self, widget: Widget | None) -> None:
        """The focused field's hint, or what is wrong with it; below, what is wrong elsewhere."""
        spec = self._spec_of(widget)
        problems = self._problems()
        mine = [message for each, message in problems if each is spec]
        others = [
            f"⚠ {each.name_shown}: {message}" for each, message in problems if each is not spec
        ]
        advice = self._advice.get(spec.name, "") if spec is not None else ""
        if mine and spec is not None:
            line = f"⚠ {spec.name_shown}: {mine[0]}"
        elif advice and spec is not None:
            line = f"⚠ {spec.name_shown}: {advice} (it can be saved)"
        else:
            line = spec.hint if spec is not None else ""
        # Three rows: this field's, then one for the first wrong field elsewhere.
        width = self.query_one("#form-status").size.width or 76
        console = self.app.console
        rows = fit_rows(Text(line), width, 3 - bool(others), console) if line else []
        rows += fit_rows(Text(others[0]), width, 1, console) if others else []
        self._status("\n".join(row.plain for row in rows), error=bool(problems))
        self.query_one("#form-status").set_class(bool(advice) and not problems, "-advice")
