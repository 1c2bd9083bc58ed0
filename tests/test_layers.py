"""The layers stay one-way: sessions <- widgets <- screens <- pmtui; the domain has no UI."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_hold():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or "lint-imports"
    result = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken" in result.stdout


def test_sessions_imports_no_textual_or_rich():
    code = (
        "import sys, sessions, sessions.checks, sessions.example, sessions.timeline;"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'));"
        "print(bad); raise SystemExit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_command_line_for_check_and_export_does_not_import_textual():
    code = (
        "import sys; import pmtui.cli, pmtui.check_command;"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'textual');"
        "raise SystemExit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
