"""The one error type the domain raises for a file it cannot use."""

from __future__ import annotations

from pathlib import Path


class SessionFileError(Exception):
    """A session file that can't be used: says where (line and column, or field path) and why.

    ``str(error)`` is the one line the command line and the app show, e.g.
    ``incident.toml:3:7: Invalid value``, ``incident.toml:41: timeline[2].time: bad datetime``
    or, when the line isn't known, ``incident.toml: timeline[2].time: bad datetime``.
    """

    def __init__(
        self,
        path: Path | str,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        field: str | None = None,
    ) -> None:
        self.path = Path(path)
        self.message = message
        self.line = line
        self.column = column
        self.field = field
        super().__init__(str(self))

    def __str__(self) -> str:
        if self.line is not None:
            where = f"{self.path}:{self.line}"
            if self.column is not None:
                where += f":{self.column}"
            if self.field:
                where += f": {self.field}"
            return f"{where}: {self.message}"
        if self.field:
            return f"{self.path}: {self.field}: {self.message}"
        return f"{self.path}: {self.message}"
