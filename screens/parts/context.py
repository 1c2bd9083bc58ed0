"""What every part's editor is built with."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sessions.agendas import MeetingConfig
from sessions.editing import SessionEditor
from sessions.template import GUIDE_TEMPLATE, Template


@dataclass(frozen=True)
class PartContext:
    editor: SessionEditor
    #: The day deadlines are measured against (injected in tests).
    today: dt.date = field(default_factory=dt.date.today)
    #: The team's template (`.pmtui.toml`): its sections and action types.
    template: Template = GUIDE_TEMPLATE
    #: The team's opening step and agenda presets (`.pmtui.toml`).
    meeting: MeetingConfig = field(default_factory=MeetingConfig)
