"""Files built to hurt are refused fast with the one-line error; real sessions are far inside
the limits; special files never block; a byte-order mark is accepted; far dates don't crash."""

import datetime as dt
import os
import time

import pytest
import tomli_w

from benchmarks.large_session import large_session
from sessions import SessionFileError, dumps, load, loads, save
from sessions.checks import run_checks
from sessions.checks.triage import deadlines
from sessions.fileio import to_document
from sessions.limits import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_ITEMS,
    MAX_KEY_PARTS,
    MAX_PROSE,
    MAX_TEXT,
    MAX_VALUES,
    MAX_WHYS,
    check_document,
    scan_toml,
)
from sessions.models import Session


def _refused(text: str, expected: str) -> SessionFileError:
    start = time.perf_counter()
    with pytest.raises(SessionFileError) as info:
        loads(text, "x.toml")
    assert time.perf_counter() - start < 1.0
    assert expected in str(info.value), str(info.value)
    assert "\n" not in str(info.value)
    return info.value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("x = " + "[" * 500 + "]" * 500, "x.toml:1:37: arrays or inline tables nested"),
        ("x = " + "{a=" * 500 + "1" + "}" * 500, "x.toml:1:101: arrays or inline tables nested"),
        ("a" + ".a" * 100_000 + " = 1", f"over the limit of {MAX_KEY_PARTS} parts"),
        ('"a"' + '."="' * 100_000 + " = 1", f"over the limit of {MAX_KEY_PARTS} parts"),
        ("[" + ".".join("a" * 100) + "]\n", "x.toml:1:33: a dotted key or table name"),
        ("x = [" + ",".join("1" * (MAX_VALUES + 1)) + "]", "keys, values and tables"),
        ("[[x]]\n" * (MAX_VALUES + 1), "keys, values and tables"),
    ],
    ids=["arrays", "inline-tables", "dotted-key", "quoted-dotted-key", "header", "items", "tables"],
)
def test_structure_beyond_the_limits_is_refused_before_parsing(text, expected):
    _refused(text, expected)


def test_brackets_dots_and_commas_in_strings_and_comments_are_not_structure():
    deep = "[" * 100 + "." * 100 + "=," * 100
    text = (
        f'schema_version = 1\nsummary = "{deep}"\n# {deep}\n'
        f"[supporting]\nlogs = '''\n{deep}\n''''\n"
        f'[metadata]\ntitle = """{deep}\\""""\nincident_id = \'{deep}\'\n'
    )
    session = loads(text)
    assert session.summary == deep and session.supporting.logs.startswith(deep)
    assert session.metadata.title == deep + '"'


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ({"metadata": {"tags": ["t"] * (MAX_ITEMS + 1)}}, "x.toml:4: metadata.tags: 20,001 items"),
        ({"summary": "x" * (MAX_TEXT + 1)}, "x.toml:2: summary: 65,537 characters"),
        (
            {"root_cause": {"whys": {"nodes": [{"id": f"w{i}"} for i in range(MAX_WHYS + 1)]}}},
            "root_cause.whys: 501 steps in the 5 whys",
        ),
    ],
    ids=["list", "field", "whys"],
)
def test_content_beyond_the_limits_is_refused_with_its_field(document, expected):
    _refused(tomli_w.dumps({"schema_version": 1, **document}), expected)


def test_text_outside_the_logs_is_limited_in_total():
    event = "[[timeline]]\ntime = 2025-01-15T13:00:00Z\nevent = '''" + "e" * MAX_TEXT + "'''\n"
    text = "schema_version = 1\n" + event * (MAX_PROSE // MAX_TEXT + 1)
    _refused(text, "x.toml: text outside supporting.logs over the limit of 1.5 MiB in total")


def test_logs_may_fill_the_file():
    logs = "2025-01-15T13:00:00Z app: pool exhausted\n" * ((MAX_FILE_BYTES - 200) // 42)
    assert len(logs) > MAX_PROSE
    session = loads(f"schema_version = 1\n[supporting]\nlogs = '''\n{logs}'''\n")
    assert session.supporting.logs == logs


def test_the_largest_real_session_is_far_inside_every_limit():
    session = large_session(events=10_000)
    text = dumps(session)
    assert len(text.encode()) < MAX_FILE_BYTES / 2
    scan_toml(text, "large.toml")
    check_document(to_document(session), "large.toml")
    assert text.count("[") < MAX_VALUES and MAX_DEPTH > 3


def test_a_file_over_the_size_limit_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.toml"
    with open(path, "wb") as handle:
        handle.truncate(10 * MAX_FILE_BYTES)  # sparse: nothing to read, only a size
    with pytest.raises(SessionFileError, match="too large: "):
        load(path)


def test_special_files_are_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "fifo.toml")
    (tmp_path / "zero.toml").symlink_to("/dev/zero")
    (tmp_path / "random.toml").symlink_to("/dev/urandom")
    (tmp_path / "loop.toml").symlink_to(tmp_path / "loop.toml")
    (tmp_path / "dangling.toml").symlink_to(tmp_path / "nowhere.toml")
    (tmp_path / "folder.toml").mkdir()
    expected = {
        "fifo.toml": "is a FIFO (named pipe), not a session file",
        "zero.toml": "is a character device, not a session file",
        "random.toml": "is a character device, not a session file",
        "loop.toml": "a symlink loop",
        "dangling.toml": "a symlink to a missing file",
        "folder.toml": "is a directory, not a session file",
        "missing.toml": "no such file",
    }
    for name, message in expected.items():
        with pytest.raises(SessionFileError) as info:
            load(tmp_path / name)
        assert str(info.value) == f"{tmp_path / name}: {message}"


def test_a_byte_order_mark_is_accepted_and_not_written_back(tmp_path, example):
    path = tmp_path / "windows.toml"
    path.write_bytes(b"\xef\xbb\xbf" + dumps(example).encode())
    assert load(path) == example
    save(load(path), path)
    assert not path.read_bytes().startswith(b"\xef\xbb\xbf")


def test_the_last_date_there_is_does_not_overflow(example):
    example.metadata.date = dt.date.max
    example.meeting.date = dt.date.max
    due = deadlines(example)
    assert due is not None and due.draft == due.review == due.publication == dt.date.max
    assert run_checks(example, today=dt.date.max)
    example.metadata.date = dt.date(9999, 12, 24)
    assert deadlines(example).review == dt.date.max


def test_a_time_that_leaves_the_calendar_in_utc_is_a_field_error():
    with pytest.raises(SessionFileError, match=r"timeline\[0\].time: out of range"):
        loads('schema_version = 1\n[[timeline]]\ntime = 9999-12-31T23:00:00-05:00\nevent = "x"\n')


def test_sessions_the_app_saves_reload(tmp_path):
    session = Session(summary="x" * MAX_TEXT)
    save(session, tmp_path / "s.toml")
    assert load(tmp_path / "s.toml") == session


def test_a_team_config_is_read_within_limits_too(tmp_path):
    from sessions.checks.config import load_config

    path = tmp_path / ".pmtui.toml"
    for text, expected in (
        ("x = " + "[" * 500 + "]" * 500, ":1:37: arrays or inline tables nested"),
        ("[check]\nphrases = [" + ",".join(['"p"'] * 1000) + "]", "check.phrases: at most 200"),
        ("[check]\n" + "#" * (100 * 1024), "too large: "),
    ):
        path.write_text(text)
        with pytest.raises(SessionFileError, match=expected):
            load_config(path)
    path.unlink()
    os.mkfifo(path)
    with pytest.raises(SessionFileError, match="FIFO"):
        load_config(path)


def test_numbers_and_keys_that_are_too_long_give_a_short_line():
    assert len(str(_refused("x = " + "1" * 5000, "a number with too many digits"))) < 100
    error = _refused("schema_version = 1\n" + "k" * 200_000 + " = 1\n", "unknown key")
    assert len(str(error)) < 200
