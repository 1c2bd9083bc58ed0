"""The postmortem domain: models, the TOML file, the Markdown export and the guardrails.

No terminal UI lives here (and nothing here imports Textual or Rich), so the command line
stays fast and any tool can use a session file.
"""

from sessions.atomic import ReadOnlyFileError, Written
from sessions.errors import SessionFileError
from sessions.fileio import dumps, load, loads, save
from sessions.markdown import to_markdown
from sessions.models import SCHEMA_VERSION, Session

__all__ = [
    "SCHEMA_VERSION",
    "ReadOnlyFileError",
    "Session",
    "SessionFileError",
    "Written",
    "dumps",
    "load",
    "loads",
    "save",
    "to_markdown",
]
