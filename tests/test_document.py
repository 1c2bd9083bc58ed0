"""The session's file: its own saves are never mistaken for someone else's, whatever the timing."""

import os
import threading
import time

import pytest

from sessions import dumps, save
from sessions.document import ChangedOnDisk, SessionDocument
from sessions.example import example_session


@pytest.fixture
def doc(tmp_path) -> SessionDocument:
    path = tmp_path / "incident.toml"
    save(example_session(), path)
    return SessionDocument.open(path)


def test_own_saves_are_not_outside_changes(doc):
    for n in range(20):
        doc.session.summary = f"version {n}"
        doc.save_session(doc.session)
        assert not doc.changed_on_disk()


def test_an_outside_edit_is_seen_and_refuses_the_save(doc):
    text = doc.path.read_text().replace("Checkout errors", "Checkout failures")
    doc.path.write_text(text)
    assert doc.changed_on_disk()
    with pytest.raises(ChangedOnDisk):
        doc.save_session(doc.session)
    assert "Checkout failures" in doc.path.read_text()  # theirs is kept
    doc.save_session(doc.session, overwrite=True)
    assert not doc.changed_on_disk()


def test_a_same_size_rewrite_with_its_old_time_put_back_is_seen(doc):
    """`cp -p` / `rsync -t` over the file: same inode, size and modification time."""
    before = doc.path.stat()
    text = doc.path.read_text().replace("Checkout errors", "Checkout errorz")
    with open(doc.path, "r+", encoding="utf-8") as handle:  # in place: the inode stays
        handle.write(text)
    os.utime(doc.path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert doc.path.stat().st_size == before.st_size
    assert doc.changed_on_disk()
    with pytest.raises(ChangedOnDisk):
        doc.save_session(doc.session)


def test_touching_the_file_or_rewriting_the_same_bytes_is_not_a_change(doc):
    os.utime(doc.path, None)
    doc.path.write_bytes(doc.path.read_bytes())
    assert not doc.changed_on_disk()


def test_a_deleted_file_is_a_change(doc):
    doc.path.unlink()
    assert doc.changed_on_disk()


def test_copy_and_reload(doc):
    copy = doc.write_copy(dumps(doc.session))
    assert copy.name.startswith("incident.mine-") and copy.exists()
    assert doc.write_copy("x", doc.copy_path()) != copy  # never over an existing copy
    doc.move_to(copy)
    assert doc.path == copy and not doc.changed_on_disk()
    doc.path.write_text(doc.path.read_text().replace("SEV2", "SEV1"))
    assert doc.reload().metadata.severity == "SEV1"
    assert not doc.changed_on_disk()


def test_saves_racing_the_disk_watcher_give_no_false_conflict(doc, monkeypatch):
    """A slow fsync widens the window between write and stamp; the watcher never sees it."""
    real_fsync = os.fsync

    def slow_fsync(fd):
        time.sleep(0.002)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", slow_fsync)
    stop = threading.Event()
    false_alarms = []

    def watch():
        while not stop.is_set():
            if doc.changed_on_disk():
                false_alarms.append(1)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        for n in range(15):  # without the lock, the first save already gave a false alarm
            doc.session.summary = f"v{n}"
            doc.save_session(doc.session)
    finally:
        stop.set()
        watcher.join()
    assert false_alarms == []


def test_only_the_first_save_looks_through_the_folder_for_orphans(doc, monkeypatch):
    """Autosave writes every few seconds; what killed saves left is swept once."""
    import sessions.atomic

    looks = []
    real = sessions.atomic.remove_stale_temps
    monkeypatch.setattr(
        sessions.atomic, "remove_stale_temps", lambda *a: looks.append(a) or real(*a)
    )
    for _ in range(3):
        doc.save_session(doc.session)
    assert len(looks) == 1
