"""The library's writes: closing an item keeps what changed on disk meanwhile, a new postmortem
stays inside the library folder, and every failure is a message, never a traceback."""

import datetime as dt
import os

import pytest

import sessions.library_edits as edits
from sessions import load, save
from sessions.library import Library
from sessions.library_edits import LibraryEditError, close_action_on_disk, create_in_library
from sessions.library_entry import summarize
from sessions.models import Metadata

TODAY = dt.date(2025, 12, 1)


@pytest.fixture
def library(tmp_path, example):
    save(example, tmp_path / "inc.toml")
    return Library.open(tmp_path)


def test_closing_keeps_an_edit_made_on_disk_meanwhile(library):
    entry = library.entries[0]
    on_disk = load(entry.path)
    on_disk.summary = "Edited by a teammate after the library was opened."
    save(on_disk, entry.path)
    item = close_action_on_disk(entry, 1, "Alert fired in the game day", TODAY)
    after = load(entry.path)
    assert after.summary == on_disk.summary  # not erased by the library's older copy
    assert after.action_items[1].status.value == "Done" and item.completed == TODAY
    assert entry == summarize(entry.path, after)  # the library now shows the file as it is


def test_an_item_changed_on_disk_is_not_closed(library):
    entry = library.entries[0]
    on_disk = load(entry.path)
    on_disk.action_items[1].action = "Something else now"
    save(on_disk, entry.path)
    before = entry.path.read_bytes()
    with pytest.raises(LibraryEditError, match="changed on disk: action 2 is not there"):
        close_action_on_disk(entry, 1, "verified", TODAY)
    assert entry.path.read_bytes() == before


def test_a_file_changed_while_closing_is_not_overwritten(library, monkeypatch):
    entry = library.entries[0]

    read = edits.SessionDocument.open

    def read_then_someone_saves(path):
        document = read(path)
        edited = document.session.model_copy(deep=True)
        edited.summary = "saved by the app in between"
        save(edited, path)
        return document

    monkeypatch.setattr(edits.SessionDocument, "open", read_then_someone_saves)
    with pytest.raises(LibraryEditError, match="changed on disk just now"):
        close_action_on_disk(entry, 1, "verified", TODAY)
    assert load(entry.path).summary == "saved by the app in between"


def test_failures_to_close_are_messages(library):
    entry = library.entries[0]
    with pytest.raises(LibraryEditError, match="verified"):
        close_action_on_disk(entry, 1, "  ", TODAY)
    entry.path.chmod(0o444)
    with pytest.raises(LibraryEditError, match=r"inc\.toml not saved: read-only file"):
        close_action_on_disk(entry, 1, "verified", TODAY)
    entry.path.chmod(0o644)
    entry.path.write_text("schema_version = [")
    with pytest.raises(LibraryEditError, match=r"inc\.toml can.t be read now: not valid TOML"):
        close_action_on_disk(entry, 1, "verified", TODAY)
    entry.path.unlink()
    with pytest.raises(LibraryEditError, match="can't be read now: no such file"):
        close_action_on_disk(entry, 1, "verified", TODAY)


def test_a_new_postmortem_is_created_inside_the_library(tmp_path):
    (tmp_path / "2025").mkdir()
    path = create_in_library(tmp_path, "2025/checkout", Metadata(title="Checkout"))
    assert path == tmp_path / "2025" / "checkout.toml"
    assert load(path).metadata.title == "Checkout"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("", "give the file a name"),
        ("nosuchdir/new", "nosuchdir: no such folder in the library"),
        ("../x", "must be inside the library folder"),
        ("/tmp/elsewhere", "must be inside the library folder"),
        (".hidden", "a hidden name"),
        ("out/x", "out: leads outside the library folder"),
        ("exists", "exists.toml already exists"),
        ("locked/x", "the folder is read-only"),
    ],
)
def test_a_new_postmortem_is_refused_with_a_reason(tmp_path, name, expected):
    library = tmp_path / "library"
    library.mkdir()
    (library / "exists.toml").write_text("keep")
    (library / "out").symlink_to(tmp_path)
    (library / "locked").mkdir(mode=0o555)
    before = sorted(os.listdir(library))
    with pytest.raises(LibraryEditError, match=expected):
        create_in_library(library, name, Metadata())
    assert sorted(os.listdir(library)) == before and (library / "exists.toml").read_text() == "keep"
    assert os.listdir(tmp_path) == ["library"]
