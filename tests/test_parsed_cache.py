"""A big session file's parse is kept, and used only while the file holds the same bytes."""

import tomllib

import pytest
from hypothesis import HealthCheck, given, settings

from sessions import dumps, load, loads, parsed_cache, save
from sessions.example import example_session
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

    monkeypatch.setattr(tomllib, "loads", refuse)


@settings(
    max_examples=60,
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
        lambda entry: entry.replace(b"pmtui-parsed-session 1/", b"pmtui-parsed-session 0/"),
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
    with monkeypatch.context() as patched:
        no_parsing(patched)
        assert load(app.document.path).summary == "Written by the meeting."
