"""Free text completed to the name it stands for: groups, owners, factor types."""

from sessions.action_groups import known_groups, known_people
from sessions.completion import complete, known
from sessions.models import ActionItem, Attendee, Meeting, Session


def test_a_name_typed_short_or_in_another_case_is_the_known_one():
    session = Session(action_items=[ActionItem(id=1, action="x", group="  Vendor  management ")])
    groups = known_groups(session)
    assert groups == ("Technical", "Organisational", "Vendor management")
    assert complete("org", groups) == "Organisational"
    assert complete("TECHNICAL", groups) == "Technical"
    assert complete("vendor", groups) == "Vendor management"
    assert complete("Security", groups) == "Security"  # a new group, as typed
    assert complete("  ", groups) == ""


def test_a_start_that_names_two_is_kept_as_typed():
    names = ("Technical", "Team process")
    assert [complete(typed, names) for typed in ("t", "te", "tec")] == ["t", "te", "Technical"]


def test_owners_are_the_attendees_then_the_owners_named_so_far():
    session = Session(
        meeting=Meeting(attendees=[Attendee(name="Lena Ortiz"), Attendee(name="Omar Haddad")]),
        action_items=[
            ActionItem(id=1, action="x", owner="lena ortiz"),
            ActionItem(id=2, action="y", owner="Kim Lee"),
        ],
    )
    people = known_people(session)
    assert people == ("Lena Ortiz", "Omar Haddad", "Kim Lee")
    assert complete("Lena", people) == "Lena Ortiz"
    assert known(["a  b", "A B", ""]) == ("a b",)
