"""The real command line, in-process through main() and once through the console script."""

import json
import subprocess
import sys

import pytest

from pmtui import __version__
from pmtui.cli import main
from sessions import load, save
from sessions.last_mode import last_part
from sessions.models import Metadata, Session, Status
from tests.app_helpers import make_app, settle, typed


def test_new_creates_a_session(tmp_path, capsys):
    path = tmp_path / "inc.toml"
    code = main(
        [
            "new",
            str(path),
            "--title",
            "Pool [exhausted]",
            "--incident-id",
            "INC-9",
            "--severity",
            "SEV1",
            "--date",
            "2025-02-03",
        ]
    )
    assert code == 0
    session = load(path)
    assert session.metadata.title == "Pool [exhausted]"
    assert session.metadata.severity == "SEV1"
    assert str(session.metadata.date) == "2025-02-03"
    assert main(["new", str(path)]) == 2  # never overwrites by accident
    assert "already exists" in capsys.readouterr().err


def test_new_example_writes_the_guides_example(tmp_path, example):
    path = tmp_path / "ex.toml"
    assert main(["new", str(path), "--example"]) == 0
    assert load(path) == example


def test_export_markdown_to_stdout_and_file(example_file, tmp_path, capsys):
    assert main(["export", str(example_file)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Postmortem: ")
    target = tmp_path / "out.md"
    assert main(["export", str(example_file), "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == out


def test_export_never_replaces_a_file_it_did_not_write_without_force(example_file, capsys):
    """ctrl+e asked before replacing a hand-edited .md; `export -o` replaced it without a
    word, and the reviewer's note added to it was gone (a tryout)."""
    target = example_file.with_suffix(".md")
    assert main(["export", str(example_file), "-o", str(target)]) == 0
    assert main(["export", str(example_file), "-o", str(target)]) == 0  # its own: again
    with target.open("a", encoding="utf-8") as file:
        file.write("Reviewer note\n")
    capsys.readouterr()
    assert main(["export", str(example_file), "-o", str(target)]) == 2
    assert "exists and was not written by this export" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8").endswith("Reviewer note\n")
    assert main(["export", str(example_file), "-o", str(example_file)]) == 2  # the session
    assert main(["export", str(example_file), "-o", str(target), "--force"]) == 0
    assert not target.read_text(encoding="utf-8").endswith("Reviewer note\n")


def test_export_json(example_file, capsys):
    assert main(["export", str(example_file), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["metadata"]["incident_id"] == "INC-4211"
    assert len(data["timeline"]) == 11


def test_schema_is_json_schema_of_the_session(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "pmtui postmortem session"
    assert "metadata" in schema["properties"]
    assert schema["additionalProperties"] is False


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("schema_version = 1\nx = = 1\n", ":2:5: not valid TOML"),
        ("schema_version = 1\n[metadata]\nseverity = 'SEV9'\n", ": metadata.severity: "),
        ("schema_version = 7\n", ": schema_version: schema_version 7 is newer"),
    ],
)
def test_bad_files_give_one_line_and_exit_2(tmp_path, capsys, content, expected):
    path = tmp_path / "bad.toml"
    path.write_text(content)
    assert main(["export", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"pmtui: {path}") and expected in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_open_bad_file_fails_before_any_screen(tmp_path, capsys):
    path = tmp_path / "bad.toml"
    path.write_bytes(b"\xff\xfe")
    assert main([str(path)]) == 2
    assert "not UTF-8" in capsys.readouterr().err


def test_open_missing_file_without_a_terminal_asks_for_yes(tmp_path, capsys, monkeypatch):
    with open("/dev/null") as devnull:
        monkeypatch.setattr(sys, "stdin", devnull)
        assert main([str(tmp_path / "new.toml")]) == 2
    assert "--yes" in capsys.readouterr().err


def test_console_script_version_and_help():
    result = subprocess.run(
        [sys.executable, "-m", "pmtui", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0 and result.stdout.strip() == f"pmtui {__version__}"
    result = subprocess.run(
        [sys.executable, "-m", "pmtui", "check", "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0 and "--select" in result.stdout


def test_unknown_option_is_one_line_exit_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["export", "--nope", "x"])
    assert info.value.code == 2
    assert "pmtui: unrecognized arguments" in capsys.readouterr().err


class _Recorder:
    opened: list = []

    def run(self):
        _Recorder.opened.append(self.document.path)
        return 0


def test_demo_opens_a_fresh_copy_of_the_example(monkeypatch, example, capsys):
    import pmtui.app

    _Recorder.opened = []
    monkeypatch.setattr(pmtui.app.PostmortemApp, "run", _Recorder.run)
    assert main(["demo"]) == 0
    (path,) = _Recorder.opened
    assert path.exists() and load(path) == example
    assert "pmtui-demo-" in str(path)
    assert f"Demo session: {path}" in capsys.readouterr().err


def test_open_creates_a_missing_file_with_yes(monkeypatch, tmp_path):
    import pmtui.app

    _Recorder.opened = []
    monkeypatch.setattr(pmtui.app.PostmortemApp, "run", _Recorder.run)
    path = tmp_path / "new.toml"
    assert main([str(path), "--yes"]) == 0
    assert _Recorder.opened == [path] and load(path).metadata.title == ""
    other = tmp_path / "other.toml"
    assert main(["--yes", str(other)]) == 0  # before the file, too
    assert _Recorder.opened == [path, other] and other.exists()


def test_open_a_symlink_loop_reports_it(tmp_path, capsys):
    loop = tmp_path / "loop.toml"
    loop.symlink_to(loop)
    assert main([str(loop), "--yes"]) == 2
    assert capsys.readouterr().err == f"pmtui: {loop}: a symlink loop\n"
    assert loop.is_symlink()


def test_open_a_dangling_symlink_creates_its_target(monkeypatch, tmp_path):
    import pmtui.app

    _Recorder.opened = []
    monkeypatch.setattr(pmtui.app.PostmortemApp, "run", _Recorder.run)
    link = tmp_path / "link.toml"
    link.symlink_to(tmp_path / "target.toml")
    assert main([str(link), "--yes"]) == 0
    assert link.is_symlink() and load(tmp_path / "target.toml").metadata.title == ""


def test_open_sets_the_loaded_session_aside_from_the_collector(tmp_path, monkeypatch, example):
    """A full collection walked every record of the session: 64 ms with 10,000 events, a
    stall mid-typing. The app starts with what is loaded frozen out of the collector's way."""
    import gc

    from pmtui.app import PostmortemApp
    from sessions import save

    path = tmp_path / "inc.toml"
    save(example, path)
    frozen_at_run = []
    monkeypatch.setattr(
        PostmortemApp, "run", lambda app: frozen_at_run.append(gc.get_freeze_count())
    )
    before = gc.get_freeze_count()  # the test run sets its own modules aside (conftest)
    assert main(["open", str(path)]) == 0
    assert frozen_at_run and frozen_at_run[0] > before


async def test_a_file_opens_in_the_mode_it_was_last_left_in(monkeypatch, tmp_path):
    """A file only drafted opened on the meeting's first section every time (a tryout)."""
    import pmtui.app

    modes = []
    run = lambda app: modes.append(app.DEFAULT_MODE)  # noqa: E731
    monkeypatch.setattr(pmtui.app.PostmortemApp, "run", run)
    app = make_app(tmp_path)
    path = app.document.path
    assert main([str(path)]) == 0  # never left anywhere: the meeting
    async with app.run_test() as pilot:
        await typed(pilot, "f3")
        assert app.current_mode == "drafting"
    assert main([str(path)]) == 0
    other = tmp_path / "other.toml"
    save(Session(), other)
    assert main([str(other)]) == 0  # another file keeps its own
    final = tmp_path / "final.toml"  # a finished postmortem (imported, say): drafting
    save(Session(metadata=Metadata(title="Done", status=Status.FINAL)), final)
    assert main([str(final)]) == 0
    assert modes == ["meeting", "drafting", "meeting", "drafting"]
    # and drafting opens on the part it was left on (it opened on Metadata every time)
    app = make_app(tmp_path, start_mode="drafting", start_part=last_part(path))
    async with app.run_test() as pilot:
        await settle(pilot)
        assert app.screen.current_part == "metadata"
        await app.screen.show_part("timeline")
        await typed(pilot, "f2")  # quit from the meeting: drafting's part is kept too
        await typed(pilot, "ctrl+q")
    assert last_part(path) == "timeline"
    app = make_app(tmp_path, start_mode="drafting", start_part=last_part(path))
    async with app.run_test() as pilot:
        await settle(pilot)
        assert app.screen.current_part == "timeline"
        assert app.screen.query_one("#parts-nav").highlighted == 4
