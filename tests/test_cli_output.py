"""No command prints a raw control character, whatever the session holds or the file is called;
JSON stays exact; a reader that goes away ends a command quietly."""

import csv
import io
import json
import subprocess
import sys

import pytest

from pmtui.cli import main
from sessions import save
from sessions.models import ActionItem, Session
from tests.hostile import ATTACK, HOSTILE_NAME, poisoned, raw_controls

TODAY = "2025-12-01"


@pytest.fixture
def hostile_folder(tmp_path, example):
    session = poisoned(example)
    save(session, tmp_path / HOSTILE_NAME)
    save(session, tmp_path / "plain.toml")
    (tmp_path / ("broken" + HOSTILE_NAME)).write_text("schema_version = 1\nx = = 1\n")
    return tmp_path


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:  # argparse errors
        code = exit_.code
    out, err = capsys.readouterr()
    assert not raw_controls(out), (argv, raw_controls(out))
    assert not raw_controls(err), (argv, raw_controls(err))
    assert "Traceback" not in err
    return code, out, err


def test_every_command_output_is_inert(hostile_folder, capsys, monkeypatch):
    folder, file = str(hostile_folder), str(hostile_folder / HOSTILE_NAME)
    outputs = {}
    for argv in (
        ("export", file),
        ("export", file, "--format", "json"),
        ("export", file, "-o", str(hostile_folder / ("out" + HOSTILE_NAME + ".md"))),
        ("check", file, "--today", TODAY),
        ("check", folder, "--today", TODAY),
        ("check", folder, "--today", TODAY, "--format", "json"),
        ("actions", folder, "--today", TODAY),
        ("actions", folder, "--today", TODAY, "--overdue"),
        ("actions", folder, "--today", TODAY, "--format", "json"),
        ("actions", folder, "--today", TODAY, "--format", "markdown"),
        ("actions", folder, "--today", TODAY, "--format", "csv"),
        ("actions", folder, "--today", TODAY, "--format", "gh"),
        ("actions", "link", file, "1", "OPS-1" + ATTACK),
        ("actions", "link", file, "1", "OPS-1"),
        ("actions", "link", file, "99", "OPS-1"),
        ("stats", folder, "--today", TODAY),
        ("stats", folder, "--today", TODAY, "--width", "160"),
        ("stats", folder, "--today", TODAY, "--format", "json"),
        ("new", str(hostile_folder / ("new" + HOSTILE_NAME))),
        ("new", file),  # already exists
        ("export", str(hostile_folder / ("broken" + HOSTILE_NAME))),
        ("export", "--nope" + ATTACK, file),
        ("schema",),
    ):
        outputs[argv] = _run(capsys, *argv)
    with open("/dev/null") as devnull:  # open: a missing file, no terminal to ask on
        monkeypatch.setattr(sys, "stdin", devnull)
        code, _, err = _run(capsys, "open", str(hostile_folder / ("missing" + HOSTILE_NAME)))
    assert code == 2 and "␛]2;PWNED␇" in err and err.count("\n") == 1

    code, out, _ = outputs[("export", file)]
    assert code == 0 and "␛]52;c;cGF3bmVk␇" in out and "\ufffd2J" in out
    code, out, _ = outputs[("check", file, "--today", TODAY)]
    assert code == 1 and "␛]2;PWNED␇" in out and "AI003" in out
    code, _, err = outputs[("export", str(hostile_folder / ("broken" + HOSTILE_NAME)))]
    assert code == 2 and err.startswith("pmtui: ") and err.count("\n") == 1
    code, out, err = outputs[("check", folder, "--today", TODAY)]
    assert code == 2 and "not valid TOML" in err and err.count("\n") == 1
    assert outputs[("export", "--nope" + ATTACK, file)][0] == 2
    code, out, _ = outputs[("actions", folder, "--today", TODAY, "--format", "gh")]
    script = hostile_folder / "tickets.sh"
    script.write_text(out)
    assert subprocess.run(["bash", "-n", str(script)]).returncode == 0
    code, out, _ = outputs[("actions", folder, "--today", TODAY, "--format", "csv")]
    assert all(len(row) == 9 for row in csv.reader(io.StringIO(out)))
    code, _, err = outputs[("actions", "link", file, "1", "OPS-1" + ATTACK)]
    assert code == 2 and "one line" in err and err.count("\n") == 1


def test_json_is_exact(hostile_folder, example, capsys):
    session = poisoned(example)
    file = str(hostile_folder / HOSTILE_NAME)
    _, out, _ = _run(capsys, "export", file, "--format", "json")
    assert "\\u009b2J" in out and "\\u001b]2;PWNED" in out
    assert Session.model_validate(json.loads(out)) == session
    _, out, _ = _run(capsys, "check", file, "--format", "json", "--today", TODAY)
    (report,) = json.loads(out)
    assert report["path"] == file
    assert any(ATTACK in finding["message"] for finding in report["findings"])
    _, out, _ = _run(capsys, "actions", str(hostile_folder), "--format", "json", "--today", TODAY)
    assert {item["action"] for item in json.loads(out)} == {
        item.action for item in session.action_items
    }


class _ClosedPipe(io.StringIO):
    def write(self, text):
        raise BrokenPipeError(32, "Broken pipe")


def test_a_closed_pipe_ends_every_command_quietly(hostile_folder, monkeypatch, capsys):
    file = str(hostile_folder / HOSTILE_NAME)
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    for argv in (
        ["export", file],
        ["export", file, "--format", "json"],
        ["check", file],
        ["actions", str(hostile_folder)],
        ["actions", str(hostile_folder), "--format", "markdown"],
        ["actions", str(hostile_folder), "--format", "csv"],
        ["actions", str(hostile_folder), "--format", "gh"],
        ["stats", str(hostile_folder)],
        ["schema"],
    ):
        assert main(argv) == 141, argv


def test_head_closing_the_pipe_leaves_no_traceback(tmp_path):
    session = Session()
    session.action_items = [ActionItem(id=i, action="Improve things") for i in range(1, 801)]
    save(session, tmp_path / "many.toml")
    for command in (f"check {tmp_path} | head -1", f"actions {tmp_path} | head -c 10"):
        result = subprocess.run(
            ["sh", "-c", f"{sys.executable} -m pmtui {command}"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.stderr == "", command
        assert result.stdout
