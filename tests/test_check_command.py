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
    capsys.readouterr()
    # A rule that does not exist is refused, not run as "no rule at all": the file passed.
    assert main(["check", str(path), "--select", "ZZ9"]) == 2
    assert "--select: no rule is 'ZZ9' (pmtui check --explain all lists them)" in (
        capsys.readouterr().err
    )
    (tmp_path / ".pmtui.toml").write_text('[check]\nselect = ["BL", "TR0O1"]\n')
    assert main(["check", str(path)]) == 2  # the team's select, with a typo: refused too
    assert "check.select: no rule is 'TR0O1'" in capsys.readouterr().err
    assert main(["check", "--explain", "all"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[0].startswith("BL001  error  ") and any(r.startswith("TR001") for r in listed)


def test_json_format(tmp_path, capsys):
    path = tmp_path / "s.toml"
    save(Session(summary="human error"), path)
    main(["check", str(path), "--format", "json", "--today", "2025-01-20"])
    data = json.loads(capsys.readouterr().out)
    rules = {f["rule"] for f in data[0]["findings"]}
    assert "BL004" in rules and data[0]["path"] == str(path)
    main(["check", str(path), "--today", "2025-01-20"])  # the same order as the text's
    text = [line.split(": ")[2].split()[0] for line in capsys.readouterr().out.splitlines()[:-1]]
    assert [f["rule"] for f in data[0]["findings"] if not f.get("accepted")] == text


def test_folder_with_a_broken_file_exits_2_but_checks_the_rest(tmp_path, example, capsys):
    save(example, tmp_path / "good.toml")
    (tmp_path / "bad.toml").write_text("schema_version = 1\n[metadata]\nseverity = 'x'\n")
    assert main(["check", str(tmp_path), "--today", "2025-01-20"]) == 2
    captured = capsys.readouterr()
    assert "bad.toml:3: metadata.severity: should be " in captured.err  # file, line, field
    assert "2 files checked" in captured.out and "1 unreadable" in captured.out


def test_explain_prints_every_rule_and_rejects_unknown_ids(capsys):
    from sessions.checks import ALL_RULES

    for rule in ALL_RULES:
        assert main(["check", "--explain", rule.id.lower()]) == 0
        out = capsys.readouterr().out
        assert out.startswith(f"{rule.id} (") and "Looks for:" in out
        assert "\nAdvice: " in out, rule.id  # four rules said only their summary again
    assert main(["check", "--explain", "BL999"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "BL999" in err
    assert main(["check"]) == 2


def test_explained_examples_fire_and_their_better_versions_do_not():
    from sessions.checks import RULES_BY_ID
    from sessions.checks.blameless import scan_text
    from sessions.checks.explain import explain

    for rule_id in [f"BL{i:03d}" for i in range(1, 11) if i != 8]:
        for flagged, better in explain(RULES_BY_ID[rule_id]).examples:
            assert rule_id in {f.rule.id for f in scan_text("summary", flagged)}, flagged
            assert scan_text("summary", better) == [], better


def test_team_config_adds_people_words_and_fine_words(tmp_path, capsys):
    (tmp_path / ".pmtui.toml").write_text(
        '[check]\npeople = ["SRE-on-duty"]\nfine = ["Bob"]\n', encoding="utf-8"
    )
    path = tmp_path / "s.toml"
    save(Session(summary="SRE-on-duty missed the page. Bob forgot to rotate the logs."), path)
    main(["check", str(path), "--select", "BL", "--format", "json"])
    findings = json.loads(capsys.readouterr().out)[0]["findings"]
    assert [(f["rule"], f["quote"]) for f in findings] == [("BL007", "SRE-on-duty missed")]
    assert findings[0]["span"] == [0, 18] and findings[0]["rewrites"]
