"""A folder the walk can't list, as chmod 000 makes it for anyone but root (tests run as root,
where chmod would not stop the walk, so the refusal is simulated)."""

import os
from pathlib import Path


def refuse_listing(monkeypatch, folder: Path) -> None:
    real = os.scandir

    def scandir(path):
        if os.fspath(path) == os.fspath(folder):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
