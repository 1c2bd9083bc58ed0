"""Tickets without credentials: a CSV Jira's importer takes as it is, a `gh` script bash can
run, and the ticket pasted back onto its item (`pmtui actions link`)."""

import csv
import io
import os
import subprocess
import sys

import pytest

from pmtui.cli import main
from sessions import load
from sessions.library import Library
from sessions.review import review_agenda
from sessions.tickets import gh_script, jira_csv
from tests.review_library import TODAY, build
from tests.test_review import golden


@pytest.fixture
def folder(tmp_path):
    return build(tmp_path / "library")


def without_tickets(folder):
    library = Library.open(folder, cached=False)
    return [t for t in review_agenda(library.entries, TODAY) if not t.item.ticket]


def test_golden_jira_csv_parses_back_with_the_csv_module(folder):
    items = without_tickets(folder)
    text = jira_csv(items, folder, link_base="https://git.example.com/pm/blob/main/")
    golden("actions.csv", text)
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == [
        "Summary", "Issue Type", "Description", "Assignee", "Due Date", "Priority",
        "Labels", "Labels", "Labels",
    ]  # fmt: skip
    assert len(rows) == 1 + len(items) == 7
    by_summary = {row[0]: row for row in rows[1:]}
    row = by_summary["[INC-5001] Schedule reindexing outside peak hours"]
    assert row[1:2] + row[3:] == ["Task", "dana", "05/Mar/25 12:00 AM", "Medium",
                                  "postmortem", "INC-5001", "prevent"]  # fmt: skip
    assert "https://git.example.com/pm/blob/main/2025-02-20-search.toml" in row[2]
    assert "F1 The reindex ran at peak traffic" in row[2]
    assert '[INC-5001] Alert when search p99 > 2s, "for 5 minutes"' in by_summary
    assert "'[INC-5001] =HYPERLINK" not in by_summary  # a title is no formula…
    assert any(r[2].startswith("'=HYPERLINK") for r in rows[1:])  # …nor is a description


def test_golden_gh_script_is_valid_bash_that_links_each_issue_back(folder, tmp_path):
    items = without_tickets(folder)
    script = gh_script(items, folder)
    golden("actions-gh.sh", script.replace(str(folder.resolve()), "/LIBRARY"))
    path = tmp_path / "tickets.sh"
    path.write_text(script)
    assert subprocess.run(["bash", "-n", str(path)], capture_output=True).returncode == 0
    assert script.count("gh issue create") == len(items) == 6
    assert "--assignee dana" in script and "--assignee" not in script.replace("--assignee dana", "")


def test_the_gh_script_runs_with_a_stand_in_gh_and_links_each_item(folder, tmp_path):
    """A fake `gh` prints an issue URL; the real `pmtui actions link` stores it."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = {
        "gh": '[ "$1" = issue ] && echo "https://github.com/org/repo/issues/7"; exit 0',
        "pmtui": f'exec "{sys.executable}" -m pmtui "$@"',
    }
    for name, body in fake.items():
        (bin_dir / name).write_text(f"#!/bin/sh\n{body}\n")
        (bin_dir / name).chmod(0o755)
    two = without_tickets(folder)[:1]  # each link starts a Python: one shows it
    script = tmp_path / "tickets.sh"
    script.write_text(gh_script(two, folder))
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}"}
    run = subprocess.run(["bash", str(script)], capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    tickets = [load(t.entry.path).action_items[t.index].ticket for t in two]
    assert tickets == ["https://github.com/org/repo/issues/7"]


def test_link_stores_a_ticket_and_refuses_what_is_not_one(folder, capsys):
    file = folder / "2025-02-20-search.toml"
    assert main(["actions", "link", str(file), "2", "OPS-7"]) == 0
    assert load(file).action_items[1].ticket == "OPS-7"
    assert "action 2 → OPS-7" in capsys.readouterr().err
    assert main(["actions", "link", str(file), "9", "OPS-8"]) == 2
    assert f"{file}: no action item 9" in capsys.readouterr().err  # the path as typed
    assert main(["actions", "link", str(file), "2", "a\nb"]) == 2
    assert "one line" in capsys.readouterr().err
    assert main(["actions", "link", str(file), "2", ""]) == 0
    assert load(file).action_items[1].ticket == ""


def test_two_files_of_one_incident_are_told_apart_in_the_list(folder, capsys):
    """A copy of a postmortem beside it: `pmtui actions` printed the same line twice."""
    original = folder / "2025-02-20-search.toml"
    (folder / "copy.toml").write_bytes(original.read_bytes())
    incident = load(original).metadata.incident_id
    main(["actions", str(folder), "--today", TODAY.isoformat()])
    lines = [line for line in capsys.readouterr().out.splitlines() if incident in line]
    assert lines and len(set(lines)) == len(lines)
    assert {line.split(" #")[0] for line in lines} == {
        f"{incident} (2025-02-20-search.toml)",
        f"{incident} (copy.toml)",
    }


def test_csv_and_gh_leave_out_items_that_have_a_ticket(folder, capsys):
    assert main(["actions", str(folder), "--format", "csv", "--today", TODAY.isoformat()]) == 0
    out, err = capsys.readouterr()
    assert len(list(csv.reader(io.StringIO(out)))) == 7
    assert err == "2 open items already have a ticket: left out\n"
