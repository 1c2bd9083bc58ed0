"""One walk finds the sessions below a folder for check, stats, actions and the library: it
never hangs or loops, and says what it could not read."""

import os

import pytest

from pmtui.cli import main
from sessions import save
from sessions.folder import session_files
from sessions.library import Library


@pytest.fixture
def folder(tmp_path, example):
    save(example, tmp_path / "a.toml")
    (tmp_path / "team").mkdir()
    save(example, tmp_path / "team" / "b.toml")
    (tmp_path / "team" / "loop").symlink_to(tmp_path)  # a folder link back up: not followed
    (tmp_path / "linked.toml").symlink_to(tmp_path / "a.toml")  # a file link: read
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.toml").write_text("not = [toml")
    (tmp_path / ".pmtui.toml").write_text("[check]\n")
    (tmp_path / "notes.md").write_text("# not a session")
    return tmp_path


@pytest.fixture
def locked(folder, monkeypatch):
    """A sub-folder that can't be listed (as root, chmod 000 would not stop us: simulate it)."""
    secret = folder / "secret"
    secret.mkdir()
    save_path = secret / "c.toml"
    save_path.write_text("schema_version = 1\n")
    real = os.scandir

    def scandir(path):
        if os.fspath(path) == os.fspath(secret):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    return secret


def test_the_walk_skips_hidden_files_and_does_not_follow_folder_links(folder):
    found = session_files([folder])
    assert [p.relative_to(folder).as_posix() for p in found.files] == [
        "a.toml",
        "linked.toml",
        "team/b.toml",
    ]
    assert found.problems == []
    assert session_files([folder / "a.toml"]).files == [folder / "a.toml"]


def test_special_files_in_a_folder_are_reported_not_waited_for(folder, capsys):
    os.mkfifo(folder / "team" / "pipe.toml")
    (folder / "zero.toml").symlink_to("/dev/zero")
    (folder / "loop.toml").symlink_to(folder / "loop.toml")
    for argv in (["check", str(folder)], ["stats", str(folder)], ["actions", str(folder)]):
        assert main(argv) == 2, argv
        err = capsys.readouterr().err.splitlines()
        assert sorted(err) == [
            f"pmtui: {folder / 'loop.toml'}: a symlink loop",
            f"pmtui: {folder / 'team' / 'pipe.toml'}: is a FIFO (named pipe), not a session file",
            f"pmtui: {folder / 'zero.toml'}: is a character device, not a session file",
        ]


def test_a_folder_that_cannot_be_listed_is_named_and_the_rest_is_used(folder, locked, capsys):
    expected = f"pmtui: {locked}: folder not searched: permission denied"
    assert main(["check", str(folder), "--today", "2025-12-01"]) == 2
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [expected]
    assert "3 files checked" in captured.out and "1 unreadable" in captured.out
    for argv in (["stats", str(folder)], ["actions", str(folder)]):
        assert main(argv) == 2
        captured = capsys.readouterr()
        assert captured.err.splitlines() == [expected] and captured.out
    library = Library.open(folder)
    assert len(library.entries) == 3 and [str(e) for e in library.errors] == [expected[7:]]


def test_a_readable_folder_exits_0(folder, capsys):
    assert main(["stats", str(folder)]) == 0
    assert main(["actions", str(folder), "--format", "json"]) == 0
    assert capsys.readouterr().err == ""
