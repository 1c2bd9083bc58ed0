import json

from pmtui.cli import main
from sessions import save
from sessions.models import ActionItem, Session


def test_clean_file_exits_0_and_prints_summary(example_file, capsys):
    assert main(["check", str(example_file), "--today", "2025-01-20"]) == 0
    out = capsys.readouterr().out
    assert out.strip().endswith("1 file checked: 0 errors, 0 warnings, 1 info")


def test_findings_print_like_a_linter_and_exit_1(tmp_path, capsys):
    path = tmp_path / "s.toml"
    session = Session(summary="Who broke this?")
    session.action_items = [ActionItem(id=1, action="Improve monitoring")]
    save(session, path)
    assert main(["check", str(path), "--today", "2025-01-20"]) == 1
    out = capsys.readouterr().out
    assert f"{path}: summary: BL001 error: " in out
    assert f"{path}: action_items[0].owner: AI002 error: " in out
    assert main(["check", str(path), "--select", "TR"]) == 0
    assert main(["check", str(path), "--ignore", "BL,AI,DP", "--level", "error"]) == 0


def test_json_format(tmp_path, capsys):
    path = tmp_path / "s.toml"
    save(Session(summary="human error"), path)
    main(["check", str(path), "--format", "json", "--today", "2025-01-20"])
    data = json.loads(capsys.readouterr().out)
    rules = {f["rule"] for f in data[0]["findings"]}
    assert "BL004" in rules and data[0]["path"] == str(path)


def test_folder_with_a_broken_file_exits_2_but_checks_the_rest(tmp_path, example, capsys):
    save(example, tmp_path / "good.toml")
    (tmp_path / "bad.toml").write_text("schema_version = 1\n[metadata]\nseverity = 'x'\n")
    assert main(["check", str(tmp_path), "--today", "2025-01-20"]) == 2
    captured = capsys.readouterr()
    assert "bad.toml: metadata.severity:" in captured.err
    assert "2 files checked" in captured.out and "1 unreadable" in captured.out
