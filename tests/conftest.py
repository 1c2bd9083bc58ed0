import datetime as dt
import gc
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

from sessions import save
from sessions.example import example_session


@pytest.fixture
def example():
    return example_session()


@pytest.fixture
def example_file(tmp_path: Path) -> Path:
    path = tmp_path / "incident.toml"
    save(example_session(), path)
    return path


@pytest.fixture
def meeting_day() -> dt.date:
    return dt.date(2025, 1, 17)


# The library's index cache goes to the user's cache folder: keep the tests' caches (and any
# subprocess they start) out of the real one.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="pmtui-test-cache-")

# The same examples on every run and every machine: a failure found once is found again, and a
# run that passed passes again (a random search belongs in a run of its own, not in CI).
settings.register_profile("deterministic", derandomize=True)
settings.load_profile("deterministic")


def pytest_collection_finish(session):
    """The collector's full passes cost a fifth of the app tests' time (measured: 9.8 of 43 s
    CPU in the drafting and live-meeting tests), most of it walking the modules and classes
    loaded once for the whole run. Those are set aside once collected, and young objects are
    collected less often: each Textual app makes its garbage fast and drops it whole. GC is
    not what the tests test (the footer leak test collects on purpose)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
