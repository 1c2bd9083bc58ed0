"""A big session file's parse is kept, and used only while the file holds the same bytes."""

import math
import os
import shutil
import typing
from pathlib import Path

import pytest
import tomli
from hypothesis import HealthCheck, given, settings
from pydantic import BaseModel

from sessions import dumps, load, loads, parsed_cache, save
from sessions.document import SessionDocument
from sessions.example import example_session
from sessions.models import Session
from tests.app_helpers import make_app, settle
from tests.strategies import sessions_
from widgets.messages import SessionEdited


@pytest.fixture(autouse=True)
def every_file_is_big(monkeypatch, tmp_path):
    """Each test's own cache folder, and every file kept (the example is under the size)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(parsed_cache, "MIN_BYTES", 0)


def no_parsing(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the file was parsed")

    monkeypatch.setattr(tomli, "loads", refuse)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(sessions_())
def test_the_kept_form_is_what_the_file_parses_to(tmp_path, session):
    path = tmp_path / "incident.toml"
    raw = dumps(session).encode("utf-8")
    parsed_cache.keep(path, raw, session)
    assert parsed_cache.recall(path, raw) == loads(raw.decode("utf-8"))


def test_a_file_opens_from_its_kept_parse_until_its_bytes_change(tmp_path, monkeypatch):
    path = tmp_path / "incident.toml"
    save(example_session(), path)
    first = load(path)  # parsed, and kept
    with monkeypatch.context() as patched:
        no_parsing(patched)
        assert load(path) == first
    path.write_text(path.read_text().replace("Checkout errors", "Checkout failures"))
    changed = load(path)  # other bytes: parsed again, and kept again
    assert changed.metadata.title != first.metadata.title
    assert "Checkout failures" in changed.metadata.title
    with monkeypatch.context() as patched:
        no_parsing(patched)
        assert load(path) == changed


@pytest.mark.parametrize(
    "damage",
    [
        lambda entry: entry.replace(b"Checkout", b"Checkin!", 1),  # the JSON, still valid
        lambda entry: entry[: len(entry) // 2],  # cut short
        lambda entry: entry.replace(b"pmtui-parsed-session", b"pmtui-parsed-sessioN"),
        lambda entry: b"[" * 100_000 + b"\n" + entry.partition(b"\n")[2],
        lambda entry: b"",
    ],
)
def test_a_damaged_or_foreign_entry_is_not_used(tmp_path, damage):
    path = tmp_path / "incident.toml"
    save(example_session(), path)
    first = load(path)
    entry = parsed_cache.entry_path(path)
    entry.write_bytes(damage(entry.read_bytes()))
    assert load(path) == first
    assert parsed_cache.recall(path, path.read_bytes()) == first  # and kept again


def test_a_small_file_is_not_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(parsed_cache, "MIN_BYTES", 128 * 1024)
    path = tmp_path / "incident.toml"
    save(example_session(), path)
    load(path)
    assert not parsed_cache.entry_path(path).exists()


def test_an_unwritable_cache_folder_costs_nothing_but_the_parse(tmp_path, monkeypatch):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    path = tmp_path / "incident.toml"
    save(example_session(), path)
    assert load(path) == load(path)


async def test_the_apps_saves_keep_the_parse_of_what_they_wrote(tmp_path, monkeypatch):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        with app.editor.edit("summary", "summary"):
            app.editor.session.summary = "Written by the meeting."
        app.post_message(SessionEdited("summary", "typed"))
        await settle(pilot)
        written = app.document.path.read_bytes()
        assert b"Written by the meeting." in written
        assert parsed_cache.recall(app.document.path, written) == app.editor.session
        kept = parsed_cache.entry_path(app.document.path).read_bytes()
        with app.editor.edit("summary", "summary"):
            app.editor.session.summary = "x" * (70 * 1024)  # over the longest text allowed
        app.post_message(SessionEdited("summary", "typed"))
        await settle(pilot)
        assert b"x" * 1000 in app.document.path.read_bytes()  # written all the same
        assert parsed_cache.entry_path(app.document.path).read_bytes() == kept  # not kept
        with app.editor.edit("summary", "summary"):
            app.editor.session.summary = "Written by the meeting."
        app.post_message(SessionEdited("summary", "typed"))
        await settle(pilot)
    with monkeypatch.context() as patched:
        no_parsing(patched)
        assert load(app.document.path).summary == "Written by the meeting."


def test_an_entry_that_is_no_regular_file_is_not_read(tmp_path):
    path = tmp_path / "incident.toml"
    save(example_session(), path)
    first = load(path)
    entry = parsed_cache.entry_path(path)
    entry.unlink()
    os.mkfifo(entry)  # read, it would wait for a writer for ever
    assert load(path) == first
    entry.unlink()
    entry.symlink_to("/dev/zero")
    assert load(path) == first


def test_infinite_and_undefined_slo_figures_read_the_same_every_time(tmp_path):
    session = example_session()
    session.impact.slo.error_budget_consumed_pct = math.inf
    session.impact.slo.budget_remaining_pct = math.nan
    path = tmp_path / "incident.toml"
    save(session, path)
    for _ in range(2):
        slo = load(path).impact.slo
        assert slo.error_budget_consumed_pct == math.inf and math.isnan(slo.budget_remaining_pct)


def float_fields(model: type[BaseModel], seen: set) -> set[str]:
    found = set()
    for name, field in model.model_fields.items():
        for kind in typing.get_args(field.annotation) or (field.annotation,):
            if kind is float:
                finite = any(getattr(m, "allow_inf_nan", None) is False for m in field.metadata)
                found.add(f"{model.__name__}.{name}" + ("" if finite else " (inf, nan)"))
            for inner in (kind, *typing.get_args(kind)):
                if isinstance(inner, type) and issubclass(inner, BaseModel) and inner not in seen:
                    seen.add(inner)
                    found |= float_fields(inner, seen)
    return found


def test_the_only_numbers_json_could_not_keep_are_the_ones_looked_at():
    """A new float field that allows inf or nan must be looked at by ``_finite`` too."""
    assert float_fields(Session, set()) == {
        "SloImpact.error_budget_consumed_pct (inf, nan)",
        "SloImpact.budget_remaining_pct (inf, nan)",
        "ImpactEntry.amount",
    }


def test_a_save_over_the_limits_is_not_kept(tmp_path):
    path = tmp_path / "incident.toml"
    save(example_session(), path)
    document = SessionDocument.open(path)
    parsed_cache.entry_path(path).unlink()
    document.session.summary = "x" * (70 * 1024)  # over the longest text a file may hold
    document.save_session(document.session)
    assert not parsed_cache.entry_path(path).exists()
    document.session.summary = "Within the limits again."
    document.save_session(document.session)
    assert parsed_cache.recall(path, path.read_bytes()) == document.session


def test_a_migrated_file_is_not_kept(tmp_path):
    path = tmp_path / "old.toml"
    shutil.copy(Path(__file__).parent / "v1" / "checkout-v1.toml", path)
    load(path)
    assert not parsed_cache.entry_path(path).exists()


def test_without_a_home_folder_files_are_parsed(tmp_path, monkeypatch):
    path = tmp_path / "incident.toml"
    save(example_session(), path)
    monkeypatch.delenv("XDG_CACHE_HOME")

    def no_home():
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", no_home)
    assert load(path) == load(path)
    SessionDocument.open(path).save_session(example_session())


def test_the_least_recently_used_entries_go(tmp_path, monkeypatch):
    monkeypatch.setattr(parsed_cache, "MAX_ENTRIES", 3)
    paths = [tmp_path / f"incident-{n}.toml" for n in range(4)]
    entries = [parsed_cache.entry_path(path) for path in paths]
    for n, path in enumerate(paths[:3]):
        save(example_session(), path)
        load(path)
        os.utime(entries[n], ns=(n * 10**9, n * 10**9))  # 0 is the oldest, then 1, then 2
    load(paths[0])  # used again: now the newest
    save(example_session(), paths[3])
    load(paths[3])
    assert [entry.exists() for entry in entries] == [True, False, True, True]
