"""What a form's field widgets are built from: a spec's check, its completion, a yes/no box."""

from __future__ import annotations

from textual.suggester import Suggester
from textual.validation import ValidationResult, Validator
from textual.widgets import Checkbox

from widgets.fields import FieldSpec, choose, parse


class SpecValidator(Validator):
    def __init__(self, spec: FieldSpec) -> None:
        super().__init__()
        self.spec = spec

    def validate(self, value: str) -> ValidationResult:
        try:
            parse(self.spec, value)
        except ValueError as error:
            return self.failure(str(error))
        return self.success()


class SuggestChoice(Suggester):
    """Completes a choice only once what is typed names one, as ``choose`` reads it: the
    first of several looked chosen ("i" showed "issue started") and Enter then asked
    "which one?"."""

    def __init__(self, spec: FieldSpec) -> None:
        super().__init__(case_sensitive=False)
        self.spec = spec

    async def get_suggestion(self, value: str) -> str | None:
        if not value.strip():
            return None
        try:
            choice = choose(self.spec.choices, value, self.spec.aliases)
        except ValueError:
            return None
        names = [choice.replace("_", " "), *(a for a, c in self.spec.aliases if c == choice)]
        return next((name for name in names if name.casefold().startswith(value)), None)


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


class YesNoBox(Checkbox):
    """A box ticked with an X or empty, its state also in words. Textual's draws the X in
    both, in another colour when off: "▐X▌ no" read as ticked on a shared screen (a tryout),
    and the box alone was cut to "▐X…"."""

    def __init__(self, value: bool, *, id: str | None = None) -> None:
        super().__init__(_yes_no(value), value, id=id)
        self.BUTTON_INNER = "X" if value else " "

    def watch_value(self) -> None:
        self.BUTTON_INNER = "X" if self.value else " "
        self.label = _yes_no(self.value)
        super().watch_value()
