import os
import stat
from pathlib import Path

import pytest

from sessions import SessionFileError, dumps, load, loads, save
from sessions.models import Session


def test_round_trip_of_the_example(example, tmp_path):
    path = tmp_path / "a.toml"
    save(example, path)
    assert load(path) == example


def test_saving_twice_gives_identical_bytes(example, tmp_path):
    a, b = tmp_path / "a.toml", tmp_path / "b.toml"
    save(example, a)
    save(load(a), b)
    assert a.read_bytes() == b.read_bytes()


def test_file_is_for_people_and_git(example):
    text = dumps(example)
    assert text.startswith("schema_version = 2\n")
    assert "[[timeline]]" in text
    assert "time = 2025-01-15 13:52:00+00:00" in text  # native TOML datetime, UTC
    assert 'what_happened = """' in text  # multi-line strings stay multi-line
    assert "sub_causes = []" not in text and 'ticket = ""' not in text  # no empty noise


def test_emptied_defaults_survive_a_round_trip():
    session = Session()
    session.root_cause.fishbone.categories = []
    session.meeting.agenda = []
    again = loads(dumps(session))
    assert again.root_cause.fishbone.categories == []
    assert again.meeting.agenda == []


def test_save_is_atomic_and_keeps_permissions(example, tmp_path):
    path = tmp_path / "a.toml"
    path.write_text("schema_version = 1\n")
    os.chmod(path, 0o640)
    save(example, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["a.toml"]  # no temporary file left behind


def test_failed_save_leaves_the_old_file(example, tmp_path, monkeypatch):
    path = tmp_path / "a.toml"
    save(example, path)
    before = path.read_bytes()

    def boom(*args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(OSError):
        save(Session(), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["a.toml"]


def _error(tmp_path: Path, content: bytes | str | None, name="s.toml") -> SessionFileError:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    elif isinstance(content, bytes):
        path.write_bytes(content)
    with pytest.raises(SessionFileError) as info:
        load(path)
    return info.value


def test_not_toml_gives_line_and_column(tmp_path):
    error = _error(tmp_path, "schema_version = 1\ntitle = = 3\n")
    assert (error.line, error.column) == (2, 9)
    assert str(error).startswith(f"{tmp_path / 's.toml'}:2:9: not valid TOML")


def test_the_usual_hand_made_mistakes_are_said_as_they_are_fixed(tmp_path):
    """The parser said "Illegal character '\\n'" for a quote left open."""
    unclosed = _error(tmp_path, 'schema_version = 2\n[metadata]\ntitle = "abc\n')
    assert unclosed.message.endswith("the line ends inside a string: a closing quote is missing")
    bare = _error(tmp_path, "schema_version = 2\n[metadata]\ntitle = abc\n")
    assert (bare.line, bare.column) == (3, 9) and "text goes in quotes" in bare.message


def test_an_impossible_date_and_a_key_given_twice_are_named(tmp_path):
    """`date = 2026-13-45` said "Expected newline or end of document after a statement", and
    a key written twice "Cannot overwrite a value", naming neither (a tryout)."""
    bad_date = _error(tmp_path, "schema_version = 2\n[metadata]\ndate = 2026-13-45\n")
    assert bad_date.line == 3 and "not a date: 2026-13-45 (YYYY-MM-DD" in bad_date.message
    bad_time = _error(tmp_path, "[[timeline]]\ntime = 2025-02-30T10:00:00Z\nevent = 'x'\n")
    assert "not a date: 2025-02-30T10:00:00Z" in bad_time.message
    # a valid date with another mistake after it is not "not a date" (a review)
    after = _error(tmp_path, "[metadata]\nstarted = 2026-11-26T14:05:00 UTC\n")
    assert "not a date" not in after.message
    no_seconds = _error(tmp_path, "[metadata]\nstarted = 2026-11-26T14:05Z\n")
    assert no_seconds.message.endswith(
        "a time in TOML has its seconds: 2026-11-26T14:05Z (HH:MM:SS)"
    )
    twice = _error(tmp_path, 'schema_version = 2\n[metadata]\ntitle = "a"\ntitle = "b"\n')
    assert twice.line == 4 and twice.message.endswith(
        "title is given twice: a key is written once in its table"
    )


def test_a_markdown_file_is_said_to_be_one(tmp_path, capsys):
    """`pmtui check inc.md` said "not valid TOML: Invalid statement"; `pmtui import` of a
    file that is not UTF-8 printed Python's codec error."""
    from pmtui.cli import main

    markdown = tmp_path / "inc.md"
    markdown.write_text("# Postmortem: checkout errors\n\n## Summary\n", encoding="utf-8")
    assert main(["check", str(markdown)]) == 2
    assert "a Markdown file, not a session (.toml): pmtui import FILE.md" in capsys.readouterr().err
    latin = tmp_path / "old.md"
    latin.write_bytes(b"# Postmortem\n\ncaf\xe9\n")
    assert main(["import", str(latin), "-o", str(tmp_path / "old.toml")]) == 2
    assert capsys.readouterr().err == f"pmtui: {latin}:3: not UTF-8 text: save it as UTF-8\n"


def test_a_new_file_in_a_missing_folder_names_the_folder(tmp_path, capsys):
    from pmtui.cli import main

    assert main(["new", str(tmp_path / "nope" / "x.toml")]) == 2
    err = capsys.readouterr().err
    assert f"no folder {tmp_path / 'nope'}" in err and err.count("\n") == 1


def test_not_utf8(tmp_path):
    error = _error(tmp_path, b"schema_version = 1\nsummary = '\xff'\n")
    assert error.line == 2 and "UTF-8" in str(error)


def test_empty_file(tmp_path):
    assert "empty file" in str(_error(tmp_path, ""))


def test_directory(tmp_path):
    (tmp_path / "d.toml").mkdir()
    error = _error(tmp_path, None, name="d.toml")
    assert "is a directory" in str(error)


def test_missing_file(tmp_path):
    assert "no such file" in str(_error(tmp_path, None, name="nope.toml"))


def test_wrong_type_names_the_file_the_line_the_field_and_the_value(tmp_path):
    error = _error(tmp_path, "schema_version = 1\n[impact.user]\nduration_minutes = 'long'\n")
    assert error.field == "impact.user.duration_minutes"
    assert str(error) == f"{tmp_path / 's.toml'}:3: impact.user.duration_minutes: {error.message}"
    assert error.message.endswith('(the file says "long")')


def test_a_number_is_not_a_time_or_a_date(tmp_path):
    """Read as seconds or days after 1970, ``time = 5`` was exported as 1970-01-01 01:00:05."""
    event = "[[timeline]]\ntime = 2025-01-15T13:00:00Z\nevent = 'a'\n"
    text = f"schema_version = 2\n{event}{event.replace('2025-01-15T13:00:00Z', '5')}"
    error = _error(tmp_path, text)
    assert (error.line, error.field) == (6, "timeline[1].time")
    assert error.message.startswith("a number where a date and time")
    error = _error(tmp_path, "schema_version = 2\n[metadata]\ndate = 20250115\n")
    assert (error.line, error.field) == (3, "metadata.date")
    error = _error(tmp_path, "schema_version = 2\n[metadata]\ndate = true\n")
    assert error.message.startswith("true or false where a date")
    assert error.message.endswith("(the file says true)")  # as the file spells it, not True


def test_the_line_of_a_field_is_found_in_headers_arrays_and_dotted_keys():
    from sessions.toml_lines import line_of

    text = (
        "schema_version = 2\n"
        "[metadata]\n"
        "title = 'x'\n"
        'notes = """\n[[timeline]]\ntime = 1\n"""\n'  # inside a string: not a table
        "[[timeline]]\n"
        "event = 'a'\n"
        "[[timeline]]\n"
        "impact.user.duration = 3\n"
        "[[root_cause.whys]]\n"
        "[[root_cause.whys.nodes]]\n"
        "[[root_cause.whys]]\n"
        "[[root_cause.whys.nodes]]\n"
        "[[root_cause.whys.nodes]]\n"
        "why = 'w'\n"
    )
    assert line_of(text, "metadata.title") == 3
    assert line_of(text, "timeline[0].event") == 9
    assert line_of(text, "timeline[1].time") == 10  # missing: its table's header
    assert line_of(text, "timeline[1].impact.user.duration") == 11
    assert line_of(text, "root_cause.whys[1].nodes[1].why") == 17
    assert line_of(text, "root_cause.whys[1].nodes[0]") == 15
    assert line_of(text, "appendix.glossary") is None
    # A multi-line string as an array's item, and quotes inside a one-line string.
    text = (
        "schema_version = 2\n"
        'title = \'three """ quotes\'\n'
        "[lessons]\n"
        'recommendations = [\n    """\n[[timeline]]\n""",\n]\n'
        "[[timeline]]\n"
        "event = 'a'\n"
    )
    assert line_of(text, "timeline[0].event") == 10


def test_bad_enum(tmp_path):
    error = _error(tmp_path, "schema_version = 1\n[metadata]\nseverity = 'SEV9'\n")
    assert error.field == "metadata.severity" and "SEV1" in error.message


def test_bad_datetime(tmp_path):
    text = "schema_version = 1\n[[timeline]]\ntime = 'yesterday'\nevent = 'x'\n"
    assert _error(tmp_path, text).field == "timeline[0].time"
    syntax = _error(tmp_path, "schema_version = 1\n[metadata]\ndate = 2025-13-45\n")
    assert syntax.line == 3


def test_unknown_key(tmp_path):
    error = _error(tmp_path, "schema_version = 1\n[metadata]\ntitel = 'x'\n")
    assert error.field == "metadata.titel" and "unknown key" in error.message


def test_future_schema_version(tmp_path):
    error = _error(tmp_path, "schema_version = 99\n")
    assert error.field == "schema_version" and "newer" in error.message


def test_missing_schema_version(tmp_path):
    assert _error(tmp_path, "summary = 'x'\n").field == "schema_version"


def test_why_tree_error_names_the_node(tmp_path):
    text = (
        "schema_version = 2\n[[root_cause.whys]]\n"
        "[[root_cause.whys.nodes]]\nid = 'a'\nparent = 'zz'\n"
    )
    error = _error(tmp_path, text)
    assert error.field == "root_cause.whys[0].nodes[0].parent"


def test_unknown_time_zone_and_place_are_named(tmp_path):
    error = _error(tmp_path, "schema_version = 2\n[metadata]\ntime_zone = 'Mars/Olympus'\n")
    assert error.field == "metadata.time_zone" and "Mars/Olympus" in error.message
    text = "schema_version = 2\n[[team_sections]]\nid = 'a'\ntitle = 'A'\nafter = 'nowhere'\n"
    assert _error(tmp_path, text).field == "team_sections[0].after"
