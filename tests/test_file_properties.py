"""load(save(s)) == s for every valid session, whatever text people type."""

from hypothesis import HealthCheck, given, settings

from sessions import dumps, loads
from tests.strategies import sessions_


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions_())
def test_load_save_round_trip(session):
    text = dumps(session)
    again = loads(text)
    assert again == session
    assert dumps(again) == text
