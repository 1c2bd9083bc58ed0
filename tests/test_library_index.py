"""The library's index cache: whatever happens to the files (changed, added, deleted, replaced
by a copy that kept its mtime, made unreadable) or to the cache (corrupt, cut short, of another
format, unwritable), an open shows the folder as it is, and parses only what changed."""

import json
import os
import time

import pytest

import sessions.library_index as index_module
from sessions import load, save
from sessions.library import Library
from sessions.library_entry import Entry, summarize, to_record
from sessions.library_index import cache_home, cache_path
from sessions.models import Status
from tests.unlistable import refuse_listing


@pytest.fixture
def folder(tmp_path, example, monkeypatch):
    """Three sessions, one broken file, and no "changed just now" window."""
    monkeypatch.setattr(index_module, "RACY_SECONDS", -1e9)
    library = tmp_path / "library"
    (library / "2025").mkdir(parents=True)
    for number in range(3):
        example.metadata.incident_id = f"INC-{number}"
        save(example, library / "2025" / f"inc-{number}.toml")
    (library / "broken.toml").write_text("schema_version = [\n")
    return library


def open_cached(folder, tmp_path):
    return Library.open(folder, cache_dir=tmp_path / "cache")


def ids(library):
    return sorted(entry.incident_id for entry in library.entries)


def test_a_reopen_parses_nothing_and_finds_the_same(folder, tmp_path):
    first = open_cached(folder, tmp_path)
    assert (first.index.parsed, first.index.reused) == (4, 0)
    again = open_cached(folder, tmp_path)
    assert (again.index.parsed, again.index.reused) == (0, 4)
    assert again.entries == first.entries
    assert [str(e) for e in again.errors] == [str(e) for e in first.errors]
    assert "not valid TOML" in str(again.errors[0]) and again.errors[0].line == 2


def test_a_changed_an_added_and_a_deleted_file_are_seen(folder, tmp_path, example):
    open_cached(folder, tmp_path)
    changed = folder / "2025" / "inc-1.toml"
    session = load(changed)
    session.metadata.status = Status.FINAL
    save(session, changed)
    (folder / "2025" / "inc-2.toml").unlink()
    example.metadata.incident_id = "INC-NEW"
    save(example, folder / "new.toml")
    library = open_cached(folder, tmp_path)
    assert ids(library) == ["INC-0", "INC-1", "INC-NEW"]
    assert next(e for e in library.entries if e.incident_id == "INC-1").status is Status.FINAL
    assert (library.index.parsed, library.index.reused) == (2, 2)


def test_a_copy_that_kept_size_and_mtime_is_seen(folder, tmp_path):
    """`cp -p` or `rsync -t` over a file: same size and mtime, new content (new ctime)."""
    open_cached(folder, tmp_path)
    path = folder / "2025" / "inc-0.toml"
    before = os.stat(path)
    text = path.read_text().replace('incident_id = "INC-0"', 'incident_id = "INC-9"')
    path.write_text(text)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(path).st_size == before.st_size
    time.sleep(0.01)
    assert ids(open_cached(folder, tmp_path)) == ["INC-1", "INC-2", "INC-9"]


def test_a_file_written_just_now_is_read_again_next_time(folder, tmp_path, monkeypatch):
    monkeypatch.setattr(index_module, "RACY_SECONDS", 3600.0)
    open_cached(folder, tmp_path)
    assert open_cached(folder, tmp_path).index.parsed == 4  # none was old enough to keep


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: b"",
        lambda raw: raw[: len(raw) // 2],  # cut short
        lambda raw: raw.replace(b"INC-1", b"INC-7"),  # edited: the checksum no longer fits
        lambda raw: b"\x00\xff" * 50,
        lambda raw: json.dumps({"format": "pmtui-library-index 0/1", "crc32": 0}).encode(),
        lambda raw: raw.split(b"\n", 1)[0] + b"\n[1, 2]",
    ],
)
def test_a_corrupt_cache_is_rebuilt(folder, tmp_path, damage):
    first = open_cached(folder, tmp_path)
    cache = cache_path(folder, tmp_path / "cache")
    cache.write_bytes(damage(cache.read_bytes()))
    library = open_cached(folder, tmp_path)
    assert library.entries == first.entries and library.index.parsed == 4
    assert open_cached(folder, tmp_path).index.parsed == 0  # and written again, whole


def test_a_record_of_the_wrong_shape_is_parsed_again(folder, tmp_path):
    """A cache whose checksum fits but whose records don't (an older pmtui's, say)."""
    open_cached(folder, tmp_path)
    cache = cache_path(folder, tmp_path / "cache")
    header, body = cache.read_bytes().split(b"\n", 1)
    files = json.loads(body)
    files["2025/inc-0.toml"][1] = ["entry", ["too", "short"]]
    files["broken.toml"][1] = ["nonsense"]
    body = json.dumps(files).encode()
    header = json.dumps({**json.loads(header), "crc32": index_module.zlib.crc32(body)}).encode()
    cache.write_bytes(header + b"\n" + body)
    library = open_cached(folder, tmp_path)
    assert ids(library) == ["INC-0", "INC-1", "INC-2"] and library.index.parsed == 2


def test_an_unwritable_cache_costs_speed_only(folder, tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be")
    library = Library.open(folder, cache_dir=blocked / "cache")
    assert ids(library) == ["INC-0", "INC-1", "INC-2"]
    assert "cache not written" in library.index.cache_problem


def test_the_cache_lives_in_the_users_cache_folder_not_the_library(folder, monkeypatch, tmp_path):
    home = tmp_path / "xdg"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    before = sorted(p.relative_to(folder) for p in folder.rglob("*"))
    library = Library.open(folder)
    assert library.index.cache == cache_path(folder) and cache_path(folder).is_file()
    assert cache_home() == home / "pmtui" / "library"
    assert sorted(p.relative_to(folder) for p in folder.rglob("*")) == before
    assert Library.open(folder, cached=False).index.cache is None


def test_a_folder_that_cannot_be_searched_is_reported_on_every_open(folder, tmp_path, monkeypatch):
    open_cached(folder, tmp_path)
    secret = folder / "2025"
    refuse_listing(monkeypatch, secret)
    for _ in range(2):  # the cached entries below it are not shown as if nothing happened
        library = open_cached(folder, tmp_path)
        assert ids(library) == []
        assert [e.message for e in library.folder_problems] == [
            "folder not searched: permission denied"
        ]
        assert library.problem_summary() == "1 file could not be read, 1 folder not searched"


def test_a_record_round_trips_and_reads_as_the_session(example, tmp_path):
    entry = summarize(tmp_path / "x.toml", example)
    assert Entry(entry.path, json.loads(json.dumps(to_record(example)))) == entry
    assert (entry.title, entry.date, entry.severity) == (
        example.metadata.title,
        example.metadata.date,
        example.metadata.severity,
    )
    assert [a.owner for a in entry.actions] == [a.owner for a in example.action_items]
    assert entry.open_actions == 5 and entry.factor("F2") == example.factors[1].factor
