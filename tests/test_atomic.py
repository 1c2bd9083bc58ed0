"""Saving: through symlinks, never over a read-only file, hard links reported, permissions kept,
orphans of killed saves cleaned up, and no kill -9 ever leaves a corrupt file."""

import errno
import os
import random
import signal
import stat
import time

import pytest

from sessions import ReadOnlyFileError, dumps, load, save
from sessions.atomic import _HOST, STALE_AFTER, write_text_atomic
from sessions.models import Session


def _temps(folder, name="s.toml"):
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(f".{name}."))


def test_saving_through_a_symlink_writes_its_target(tmp_path):
    real = tmp_path / "shared"
    real.mkdir()
    target = real / "incident.toml"
    target.write_text("old")
    link = tmp_path / "link.toml"
    link.symlink_to(os.path.relpath(target, tmp_path))
    written = save(Session(summary="new"), link)
    assert link.is_symlink() and written.path == target
    assert load(target).summary == "new" and load(link).summary == "new"
    assert _temps(real, "incident.toml") == [] and _temps(tmp_path, "link.toml") == []


def test_a_dangling_symlink_gets_its_target_and_a_loop_is_an_error(tmp_path):
    link = tmp_path / "link.toml"
    link.symlink_to("made.toml")
    assert save(Session(), link).path == tmp_path / "made.toml"
    assert link.is_symlink() and load(link) == Session()
    loop = tmp_path / "loop.toml"
    loop.symlink_to(loop)
    with pytest.raises(OSError) as info:
        save(Session(), loop)
    assert info.value.errno == errno.ELOOP and loop.is_symlink()


def test_a_read_only_file_is_not_replaced(tmp_path, capsys):
    from pmtui.cli import main

    path = tmp_path / "s.toml"
    path.write_text("keep me")
    path.chmod(0o444)
    with pytest.raises(ReadOnlyFileError) as info:
        save(Session(), path)
    assert isinstance(info.value, PermissionError) and info.value.filename == str(path)
    assert path.read_text() == "keep me" and _temps(tmp_path) == []
    assert main(["new", str(path), "--force"]) == 2
    assert capsys.readouterr().err == f"pmtui: {path}: read-only file: not replaced\n"


def test_a_folder_that_refuses_new_files_is_a_read_only_error(tmp_path, monkeypatch):
    real_open = os.open

    def refusing(path, flags, mode=0o777, **kw):
        if flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return real_open(path, flags, mode, **kw)

    monkeypatch.setattr(os, "open", refusing)  # root ignores a folder's mode bits: simulate
    with pytest.raises(ReadOnlyFileError, match="folder not writable"):
        save(Session(), tmp_path / "s.toml")


def test_a_hard_linked_file_is_saved_and_the_split_reported(tmp_path):
    path, other = tmp_path / "s.toml", tmp_path / "other.toml"
    save(Session(summary="old"), path)
    os.link(path, other)
    assert save(Session(summary="new"), path).split_links == 1
    assert load(other).summary == "old" and load(path).summary == "new"
    assert save(Session(summary="newer"), path).split_links == 0


def test_permissions_are_kept_and_new_files_follow_the_umask(tmp_path):
    path = tmp_path / "s.toml"
    save(Session(), path)
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask
    path.chmod(0o640)
    save(Session(summary="x"), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def _dead_pid() -> int:
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    os.waitpid(pid, 0)
    return pid


def test_orphans_of_killed_saves_are_removed_and_live_ones_kept(tmp_path):
    path = tmp_path / "s.toml"
    dead = tmp_path / f".s.toml.{_HOST}-{_dead_pid()}-0badf00d.tmp"
    old_format = tmp_path / ".s.toml.k2j4h5x_.tmp"  # tempfile.mkstemp's, from older pmtui
    live = tmp_path / f".s.toml.{_HOST}-{os.getpid()}-0c0ffee0.tmp"
    elsewhere = tmp_path / ".s.toml.00000000-1-deadbeef.tmp"  # another host's save, running
    unrelated = tmp_path / ".other.toml.x.tmp"
    for orphan in (dead, old_format, live, elsewhere, unrelated):
        orphan.write_text("half a save")
    past = time.time() - STALE_AFTER - 5
    os.utime(old_format, (past, past))
    save(Session(), path)
    assert _temps(tmp_path) == sorted([live.name, elsewhere.name])
    assert unrelated.exists()
    os.utime(elsewhere, (past, past))
    save(Session(), path)
    assert _temps(tmp_path) == [live.name]


def test_kill_9_during_saves_never_corrupts_and_leaves_no_orphan(tmp_path):
    """A child saves in a loop and is killed at a random moment, 120 times (the long version is
    `python -m benchmarks.soak_saves`)."""
    path = tmp_path / "s.toml"
    versions = [dumps(Session(summary=f"version {i}\n" + "x" * (i * 3001))) for i in range(12)]
    write_text_atomic(path, versions[0])
    rng = random.Random(11)
    orphans_seen = 0
    for _ in range(120):
        pid = os.fork()
        if pid == 0:  # the child: save forever, until killed
            try:
                for i in range(10**9):
                    write_text_atomic(path, versions[i % len(versions)])
            finally:
                os._exit(0)
        time.sleep(rng.uniform(0.0005, 0.004))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        assert path.read_text(encoding="utf-8") in versions  # whole, old or new, never torn
        orphans_seen += len(_temps(tmp_path))
    assert orphans_seen > 0  # the kills did land in the middle of saves
    write_text_atomic(path, versions[1])
    assert _temps(tmp_path) == [] and path.read_text(encoding="utf-8") == versions[1]


def test_the_command_line_says_when_a_save_split_hard_links(tmp_path, example_file, capsys):
    from pmtui.cli import main

    out, other = tmp_path / "out.md", tmp_path / "other.md"
    out.write_text("old")
    os.link(out, other)
    # not written by an export: replaced only when forced
    assert main(["export", str(example_file), "-o", str(out), "--force"]) == 0
    assert capsys.readouterr().err.splitlines() == [
        f"Wrote {out}",
        f"{out} had 1 other hard link: they keep the old text",
    ]
    assert other.read_text() == "old"
