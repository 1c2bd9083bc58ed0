"""The action items' groups: what is typed is made the group it names."""

from sessions.action_groups import complete_group, known_groups
from sessions.models import ActionItem, Session


def test_a_group_typed_short_or_in_another_case_is_the_known_one():
    session = Session(action_items=[ActionItem(id=1, action="x", group="  Vendor  management ")])
    known = known_groups(session)
    assert known == ("Technical", "Organisational", "Vendor management")
    assert complete_group("org", known) == "Organisational"
    assert complete_group("TECHNICAL", known) == "Technical"
    assert complete_group("vendor", known) == "Vendor management"
    assert complete_group("Security", known) == "Security"  # a new group, as typed
    assert complete_group("", known) == ""


def test_a_start_that_names_two_groups_is_kept_as_typed():
    known = ("Technical", "Team process")
    assert complete_group("t", known) == "t"
    assert complete_group("te", known) == "te"
    assert complete_group("tec", known) == "Technical"
