import pytest

from sessions.checks.blameless import apply_replacement, scan_text


def rules(text, names=()):
    return [f.rule.id for f in scan_text("summary", text, names)]


@pytest.mark.parametrize(
    ("text", "rule", "replacement"),
    [
        ("Who broke this?", "BL001", "What happened?"),
        ("Why didn't you check?", "BL002", "What information was available?"),
        ("You should have known", "BL003", "The alert didn't fire for this condition"),
        ("On-call should have caught this", "BL003", "The alert didn't fire for this condition"),
        ("This was a mistake by Bob", "BL004", "The system allowed this to happen"),
        ("It was human error.", "BL004", "the system allowed this to happen"),
        ("Failure to follow procedure", "BL005", "The procedure didn't account for this case"),
        ("a careless change", "BL006", "under the conditions at the time"),
        (
            "Developer deployed without testing",
            "BL007",
            "The deployment process allowed deployment without testing",
        ),
        (
            "Engineer didn't follow the runbook",
            "BL007",
            "The runbook was unclear about this scenario",
        ),
        (
            "@alice forgot to run the migration",
            "BL007",
            "the process did not ensure we would run the migration",
        ),
    ],
)
def test_blame_phrasing_fires_with_a_reframing(text, rule, replacement):
    findings = scan_text("summary", text)
    assert [f.rule.id for f in findings] == [rule]
    assert findings[0].replacement == replacement
    assert findings[0].quote in text
    assert findings[0].suggestion


def test_a_name_from_the_session_is_a_person():
    assert rules("Priya broke the build", names=["Priya"]) == ["BL007"]
    assert rules("Priya broke the build") == []


@pytest.mark.parametrize(
    "text",
    [
        "the job failed to start",
        "blame view in git",
        "The alert should have fired at 70%",
        "lazy loading of the config",
        "the error of the parser",
        "The deploy failed to follow the canary",
        "We did not see the alert because it went to an old channel",
        "Connection pool exhausted: 50/50 active",
        "Who is on call this week?",
        "send mail to ops@example.com forgot-password flow",
        "The migration failed to run in production",
    ],
)
def test_ordinary_technical_text_does_not_trip(text):
    assert rules(text) == []


def test_apply_replacement_removes_the_finding():
    text = "During the incident, the developer deployed without testing. Then it broke."
    (finding,) = scan_text("summary", text)
    fixed = apply_replacement(text, finding)
    assert "deployment process allowed deployment without testing" in fixed
    assert scan_text("summary", fixed) == []


def test_team_phrases_from_config():
    findings = scan_text("summary", "Root cause: PEBKAC", team_phrases=["pebkac"])
    assert [f.rule.id for f in findings] == ["BL008"] and findings[0].quote == "PEBKAC"
