"""The session editor (undo snapshots, revisions) and the domain edits the editors call."""

import datetime as dt

import pytest

from sessions import edits
from sessions.editing import EVERYTHING, SessionEditor, touches
from sessions.example import example_session
from sessions.models import Session, TimelineEvent


def event(minute: int, text: str = "x") -> TimelineEvent:
    return TimelineEvent(time=dt.datetime(2025, 1, 15, 14, minute, tzinfo=dt.UTC), event=text)


def test_undo_puts_back_the_part_as_it_was():
    editor = SessionEditor(example_session())
    before = list(editor.session.timeline)
    with editor.edit("timeline", "event deleted") as session:
        del session.timeline[2]
    with editor.edit("root_cause.whys[0]", "why deleted") as session:
        edits.remove_why(session.root_cause.whys[0], session.root_cause.whys[0].nodes[0].id)
    assert editor.session.root_cause.whys[0].nodes == []
    assert editor.undo().part == "root_cause.whys[0]"
    assert len(editor.session.root_cause.whys[0].nodes) == 7
    assert editor.undo().what == "event deleted"
    assert editor.session.timeline == before
    assert editor.undo() is None


def test_redo_makes_the_undone_changes_again_until_a_new_edit():
    editor = SessionEditor(example_session())
    first = editor.session.timeline[2]
    with editor.edit("timeline", "event deleted") as session:
        del session.timeline[2]
    with editor.edit("summary", "summary rewritten") as session:
        session.summary = "New"
    after = (list(editor.session.timeline), editor.session.summary)
    editor.undo()
    editor.undo()
    assert editor.session.timeline[2] == first and editor.session.summary != "New"
    assert editor.redo().what == "event deleted"
    assert editor.redo().what == "summary rewritten"
    assert (list(editor.session.timeline), editor.session.summary) == after
    assert editor.redo() is None
    editor.undo()  # the summary again; a new edit then drops what could be redone
    with editor.edit("timeline", "event deleted") as session:
        del session.timeline[0]
    assert not editor.can_redo and editor.redo() is None
    assert editor.undo().what == "event deleted" and editor.undo().what == "event deleted"


def test_typing_after_an_undo_is_never_lost_to_a_redo():
    editor = SessionEditor(example_session())
    with editor.edit("metadata", "title rewritten") as session:
        session.metadata.title = "Rewritten"
    with editor.edit("timeline", "event deleted") as session:
        del session.timeline[0]
    editor.undo()
    editor.undo()
    editor.session.metadata.title = "Typed by hand"
    editor.note("metadata.title", "typing")
    assert editor.redo().what == "event deleted"  # another part: still there to redo
    assert editor.redo() is None and editor.session.metadata.title == "Typed by hand"


def test_revisions_say_which_parts_changed():
    editor = SessionEditor(Session())
    seen = editor.revision
    with editor.edit("timeline", "added") as session:
        edits.insert_event(session.timeline, event(5))
    editor.note("summary", "typing")
    assert editor.changed_since(seen) == {"timeline", "summary"}
    assert editor.changed_since(editor.revision) == set()
    editor.replace(Session())
    assert EVERYTHING in editor.changed_since(seen)
    assert not editor.can_undo  # a reload is not undoable into


def test_touches_matches_parents_and_children():
    assert touches({"root_cause.whys"}, {"root_cause"})
    assert touches({"root_cause"}, {"root_cause.whys"})
    assert touches({"timeline"}, {"timeline", "factors"})
    assert not touches({"timeline"}, {"factors"})
    assert not touches({"meeting.agenda"}, {"meeting.attendees"})


def test_events_are_inserted_in_time_order():
    events = [event(1), event(5), event(9)]
    assert edits.insert_event(events, event(5, "same minute")) == 2
    assert edits.insert_event(events, event(0)) == 0
    assert [e.time.minute for e in events] == [0, 1, 5, 5, 9]
    assert edits.replace_event(events, 0, event(7)) == 3
    assert [e.time.minute for e in events] == [1, 5, 5, 7, 9]


def test_why_edits_replace_steps_and_remove_subtrees(example):
    whys = example.root_cause.whys[0]
    first = whys.nodes[0]
    node = edits.update_why(whys, first.id, because="Because.")
    assert node is not first and whys.nodes[0] is node and first.because != "Because."
    assert edits.toggle_root_cause(whys, first.id)
    branch = edits.add_why(whys, edits.branch_parent(whys, whys.nodes[1].id), "Why?", "B")
    assert branch.parent == whys.nodes[1].parent
    doomed = edits.subtree(whys, first.id)
    count = len(whys.nodes)
    assert edits.remove_why(whys, first.id) == len(doomed) > 1
    assert len(whys.nodes) == count - len(doomed)
    assert all(n.id != first.id for n in whys.nodes)


def test_fishbone_edits_return_where_the_cursor_goes(example):
    fishbone = example.root_cause.fishbone
    path = edits.add_cause(fishbone, 0, "Pager fatigue")
    sub = edits.add_sub_cause(fishbone, *path, "Too many low alerts")
    assert edits.text_at(fishbone, sub) == "Too many low alerts"
    moved = edits.move_to_category(fishbone, path, 1)
    assert edits.text_at(fishbone, moved) == "Pager fatigue"
    assert edits.move_to_category(fishbone, moved[:1], 1) is None
    assert edits.reorder(fishbone, moved, 1) is None  # already last
    edits.set_text_at(fishbone, (1,), "Process & people")
    assert fishbone.categories[1].name == "Process & people"
    after = edits.remove_at(fishbone, moved)
    assert after[0] == 1
    edits.link_factor(fishbone, (1, 0), "F1")
    assert fishbone.categories[1].causes[0].factor == "F1"


def test_moves_stay_inside_the_list():
    items = [1, 2, 3]
    assert edits.move(items, 0, -1) is None
    assert edits.move(items, 0, 1) == 1 and items == [2, 1, 3]


def test_enum_fields_take_what_people_read():
    from widgets.fields import choose

    markers = ("issue_started", "mitigation_started", "acknowledged", "root_cause_identified")
    aliases = (
        ("started", "issue_started"),
        ("ack", "acknowledged"),
        ("cause found", "root_cause_identified"),
    )
    assert choose(markers, "start", aliases) == "issue_started"  # the table's short name
    assert choose(markers, "ack", aliases) == "acknowledged"
    assert choose(markers, "Mitigation", aliases) == "mitigation_started"
    assert choose(("note_taker", "service_owner"), "Note-taker") == "note_taker"  # as shown
    assert choose(("note_taker", "service_owner"), "service  owner") == "service_owner"
    assert choose(markers, "cause", aliases) == "root_cause_identified"
    with pytest.raises(ValueError, match="which one"):
        choose(("in_progress", "in_review"), "in")


def test_a_field_path_is_said_in_the_documents_words():
    from sessions.field_names import readable

    assert readable("went_poorly[1].text") == "What Went Poorly, item 2"
    assert readable("timeline[3].event") == "Timeline, event 4"
    assert readable("timeline[3].rationale") == "Timeline, event 4, rationale"
    assert readable("root_cause.whys[0].nodes[2].because") == (
        "Root Cause Analysis, 5 whys 1, step 3, because"
    )
    assert readable("impact.user.users_affected") == "Impact, user, users affected"
    assert readable("metadata.authors[0]") == "Metadata, author 1"
    assert readable("impact.user.functionality[1]") == "Impact, user, functionality 2"


def test_one_edit_of_two_parts_is_one_undo_step_and_the_parts_may_not_overlap(example):
    import pytest

    from sessions.editing import SessionEditor

    editor = SessionEditor(example)
    before = (len(example.action_items), len(example.meeting.parking_lot))
    with editor.edit("action_items", "idea made action", also=("meeting.parking_lot",)):
        example.action_items.pop()
        example.meeting.parking_lot.clear()
    change = editor.undo()
    assert change.parts == {"action_items", "meeting.parking_lot"}
    assert (len(example.action_items), len(example.meeting.parking_lot)) == before
    with pytest.raises(ValueError), editor.edit("meeting", "x", also=("meeting.parking_lot",)):
        pass


def test_a_follow_up_edit_joins_the_step_of_the_edit_that_asked_it(example):
    """Setting the zone, then keeping the events at their clock times, took two ctrl+z: the
    first left the zone set and the times moved by it (a tryout)."""
    editor = SessionEditor(example)
    zone, first = example.metadata.time_zone, example.timeline[0]
    with editor.edit("metadata", "metadata edited"):
        example.metadata.time_zone = "America/Los_Angeles"
    asked = editor.last_change
    editor.note("meeting", "meeting time")  # the clock went on while the question was up
    with editor.edit("timeline", "times kept", joins=asked):
        example.timeline[0] = first.model_copy(update={"event": "moved"})
    change = editor.undo()
    assert change.parts == {"metadata", "timeline"}
    assert change.what == "metadata edited; times kept"
    assert (example.metadata.time_zone, example.timeline[0]) == (zone, first)
    assert not editor.can_undo
    editor.redo()
    assert (example.metadata.time_zone, example.timeline[0].event) == (
        "America/Los_Angeles",
        "moved",
    )
    # a second move of the same part joins too, keeping the copy from before the first
    editor.undo()
    with editor.edit("metadata", "metadata edited"):
        example.metadata.time_zone = "Europe/Paris"
    step = editor.last_change
    with editor.edit("timeline", "times kept", joins=step):
        example.timeline[0] = first.model_copy(update={"event": "kept"})
    with editor.edit("timeline", "moved", joins=editor.last_change):
        example.timeline[0] = first.model_copy(update={"event": "moved again"})
    assert editor.undo().what == "metadata edited; times kept; moved"
    assert (example.metadata.time_zone, example.timeline[0]) == (zone, first)
    # an edit that is not the last step any more is not joined
    with editor.edit("summary", "summary edited"):
        example.summary = "x"
    with editor.edit("timeline", "times kept", joins=asked):
        pass
    assert editor.undo().parts == {"timeline"}
