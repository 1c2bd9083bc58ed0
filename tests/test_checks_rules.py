import datetime as dt

from sessions.checks import Level, run_checks
from sessions.checks.actions import escalation_stage
from sessions.checks.config import load_config
from sessions.checks.triage import Need, add_business_days, deadlines, triage
from sessions.models import (
    AcceptedFinding,
    ActionItem,
    ActionStatus,
    ActionType,
    Factor,
    Marker,
    Priority,
    Session,
    Severity,
    Status,
    TimelineEvent,
    WhyNode,
)

TODAY = dt.date(2025, 1, 20)


def ids(session, **kw):
    kw.setdefault("today", TODAY)
    return {f.rule.id for f in run_checks(session, **kw) if not f.accepted}


def test_the_example_has_no_errors(example):
    findings = run_checks(example, today=TODAY)
    assert [f for f in findings if f.level is Level.ERROR] == []
    assert {f.rule.id for f in findings} == {"TR001"}


def good_item(**changes):
    item = ActionItem(
        id=1,
        action="Add alert for connection pool > 80%",
        type=ActionType.DETECT,
        priority=Priority.P2,
        owner="Ana Silva",
        due=dt.date(2025, 2, 1),
        addresses=["F1"],
    )
    return item.model_copy(update=changes)


def with_items(*items):
    session = Session()
    session.metadata.date = dt.date(2025, 1, 15)
    session.meeting.date = dt.date(2025, 1, 17)
    session.factors = [Factor(id="F1", factor="No pool alert")]
    session.action_items = list(items)
    return session


def test_a_good_action_item_is_clean():
    assert not {i for i in ids(with_items(good_item())) if i.startswith("AI")}


def test_action_item_rules_fire():
    cases = {
        "AI001": good_item(action="Improve monitoring"),
        "AI002": good_item(owner=""),
        "AI003": good_item(owner="SRE team"),
        "AI004": good_item(due=None),
        "AI005": good_item(due=dt.date(2025, 3, 30)),
        "AI006": good_item(type=None),
        "AI007": good_item(priority=None),
        "AI008": good_item(addresses=[]),
        "AI011": good_item(addresses=["F9"]),
        "AI012": good_item(due=dt.date(2025, 1, 18)),
    }
    for rule, item in cases.items():
        assert rule in ids(with_items(item)), rule
    assert "AI001" in ids(with_items(good_item(action="Don't do this again")))
    assert "AI003" in ids(with_items(good_item(owner="Ana and Jonas")))


def test_too_many_action_items():
    six = [good_item(id=i) for i in range(1, 7)]
    ten = [good_item(id=i) for i in range(1, 11)]
    assert "AI009" in ids(with_items(*six)) and "AI010" not in ids(with_items(*six))
    assert "AI010" in ids(with_items(*ten))


def test_done_items_are_not_overdue():
    item = good_item(due=dt.date(2025, 1, 18), status=ActionStatus.DONE)
    assert "AI012" not in ids(with_items(item))


def test_escalation_stages_follow_the_guide():
    assert [escalation_stage(d) for d in (3, 7, 14, 30)] == [
        "",
        "remind the owner",
        "escalate to the manager",
        "review in the leadership meeting",
    ]


def chain(length, root=True):
    return [
        WhyNode(
            id=f"w{i}",
            parent=f"w{i - 1}" if i > 1 else "",
            why="Why?",
            because=f"b{i}",
            root_cause=root and i == length,
        )
        for i in range(1, length + 1)
    ]


def test_depth_rules():
    session = with_items(good_item())
    session.root_cause.whys[0].nodes = chain(2)
    assert "DP001" in ids(session)
    session.root_cause.whys[0].nodes = chain(3)
    assert "DP001" not in ids(session)
    session.root_cause.whys[0].nodes = chain(3, root=False)
    assert "DP002" in ids(session)
    session.root_cause.statement = "Ana Silva ran the wrong script"
    session.metadata.authors = ["Ana Silva"]
    assert "DP003" in ids(session)
    session.root_cause.statement = "Deploys don't verify migrations"
    assert "DP003" not in ids(session) and "DP002" not in ids(session)
    session.factors.append(Factor(id="F2", factor="Unaddressed"))
    assert "DP004" in ids(session)
    assert "DP005" in ids(session)


def test_markers_out_of_order():
    session = Session()
    t = dt.datetime(2025, 1, 15, 14, 0, tzinfo=dt.UTC)
    session.timeline = [
        TimelineEvent(time=t, event="restored", marker=Marker.SERVICE_RESTORED),
        TimelineEvent(time=t + dt.timedelta(minutes=5), event="start", marker=Marker.ISSUE_STARTED),
    ]
    assert "DP006" in ids(session)
    session.timeline[0].time = t + dt.timedelta(minutes=30)
    assert "DP006" not in ids(session)


def test_placeholders_are_theater():
    session = Session()
    session.metadata.title = "[Incident Title]"
    assert "TH001" in ids(session)
    session.metadata.title = "Checkout errors [EU] (INC-1)"
    assert "TH001" not in ids(session)
    session.impact.user.users_affected = "X% of users / Y total users"
    assert "TH001" in ids(session)


def test_triage_follows_the_guide():
    session = Session()
    session.metadata.severity = Severity.SEV1
    assert triage(session).need is Need.REQUIRED
    session.metadata.severity = Severity.SEV2
    verdict = triage(session)  # its length not known: the safe side, and said so
    assert verdict.need is Need.REQUIRED and "taken as over 30 minutes" in verdict.reasons[0]
    session.impact.user.duration_minutes = 45
    assert triage(session).need is Need.REQUIRED
    session.impact.user.duration_minutes = 20
    assert triage(session).need is Need.RECOMMENDED
    session.metadata.data_loss = True
    assert triage(session).need is Need.REQUIRED
    session = Session()
    session.metadata.severity = Severity.SEV4
    assert triage(session).need is Need.OPTIONAL
    session.metadata.near_miss = True
    assert triage(session).need is Need.REQUIRED


def test_deadlines_and_overdue():
    session = Session()
    session.metadata.date = dt.date(2025, 1, 17)  # a Friday
    due = deadlines(session)
    assert due.draft == dt.date(2025, 1, 19)
    assert due.review == dt.date(2025, 1, 24)
    assert due.publication == dt.date(2025, 1, 28)
    assert due.action_items == dt.date(2025, 2, 16)
    assert add_business_days(dt.date(2025, 1, 17), 1) == dt.date(2025, 1, 20)
    late = ids(session, today=dt.date(2025, 2, 1))
    assert {"DL001", "DL002", "DL003"} <= late
    session.summary = "written"
    session.metadata.status = Status.FINAL
    assert not {"DL001", "DL002", "DL003"} & ids(session, today=dt.date(2025, 2, 1))
    assert not {"DL001", "DL002", "DL003"} & ids(Session(summary="x"), today=dt.date(2025, 1, 16))


def test_accepted_findings_and_select_ignore():
    session = with_items(good_item(owner="SRE team"))
    assert "AI003" in ids(session)
    session.accepted = [AcceptedFinding(rule="AI003", where="action_items[0]", reason="rotation")]
    assert "AI003" not in ids(session)
    assert ids(session, select=["AI"]) <= {f"AI{n:03d}" for n in range(1, 20)}
    assert not any(i.startswith("TR") for i in ids(session, ignore=["TR"]))


def test_team_config(tmp_path):
    path = tmp_path / ".pmtui.toml"
    path.write_text('[check]\nphrases = ["pebkac"]\nignore = ["TR001"]\n')
    config = load_config(path)
    session = Session(summary="It was PEBKAC")
    got = ids(session, config=config)
    assert "BL008" in got and "TR001" not in got
    path.write_text('[check]\nignore = ["XX1"]\n')  # a stale id: no harm, no error
    assert load_config(path).ignore == ("XX1",)


def test_blame_findings_know_the_sessions_people_and_can_check_one_field():
    import datetime as dt

    from sessions.checks import blame_findings
    from sessions.checks.config import CheckConfig, find_config
    from sessions.models import Session, TimelineEvent

    session = Session(summary="Zanele skipped the canary.")
    session.timeline = [
        TimelineEvent(time=dt.datetime(2025, 1, 1, tzinfo=dt.UTC), event="x", actor="Zanele")
    ]
    session.root_cause.what_happened = "Zanele skipped the canary."
    assert {f.where for f in blame_findings(session)} == {"summary", "root_cause.what_happened"}
    assert [f.where for f in blame_findings(session, where=["summary"])] == ["summary"]
    fine = CheckConfig(fine=("Zanele",))
    assert blame_findings(session, fine) == []
    assert find_config.__doc__


def test_config_lookup_is_remembered_per_folder(tmp_path):
    from sessions.checks.config import find_config

    (tmp_path / ".pmtui.toml").write_text("[check]\n", encoding="utf-8")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    cache: dict = {}
    assert find_config(sub / "x.toml", cache) == tmp_path / ".pmtui.toml"
    (tmp_path / ".pmtui.toml").unlink()
    assert find_config(sub / "y.toml", cache) == tmp_path / ".pmtui.toml"  # remembered
    assert find_config(sub / "y.toml") is None


def test_findings_say_one_day_one_minute_and_plural_parts_are():
    def messages(session):
        return [f.message for f in run_checks(session, today=TODAY)]

    empty = messages(Session())
    assert "the contributing factors are not written yet; the document leaves it out" in empty
    assert "the authors are not written yet; the document leaves it out" in empty
    assert "the action items are not written yet; the document leaves it out" in empty
    assert "the title is not written yet; the document leaves it out" in empty
    session = with_items(good_item(due=TODAY - dt.timedelta(days=1)))
    assert any(": 1 day overdue" in m for m in messages(session))
    session = with_items(good_item(due=TODAY - dt.timedelta(days=2)))
    assert any(": 2 days overdue" in m for m in messages(session))
    session = Session()
    session.metadata.severity = Severity.SEV2
    session.impact.user.duration_minutes = 1
    assert triage(session).reasons == ("SEV2 incident lasting 1 minute (≤ 30)",)
    t = dt.datetime(2025, 1, 15, 10, 0, tzinfo=dt.UTC)
    session.timeline = [
        TimelineEvent(time=t, event="start", marker=Marker.ISSUE_STARTED),
        TimelineEvent(time=t + dt.timedelta(hours=1), event="back", marker=Marker.SERVICE_RESTORED),
    ]
    assert any(m.startswith("the impact says 1 minute but") for m in messages(session))


def test_a_late_due_date_says_what_the_30_days_run_from():
    session = with_items(good_item(due=dt.date(2025, 3, 30)))
    late = [f.message for f in run_checks(session, today=TODAY) if f.rule.id == "AI005"]
    assert late and "after the meeting" in late[0]
    session.meeting.date = None  # no meeting yet: counted from the incident, and said so
    late = [f.message for f in run_checks(session, today=TODAY) if f.rule.id == "AI005"]
    assert late and "after the incident" in late[0]
