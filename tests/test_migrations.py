"""Version 1 files open as version 2, meaning what they meant."""

from pathlib import Path

from sessions import dumps, load, loads
from sessions.checks import run_checks
from sessions.migrations import MIGRATIONS, v1_to_v2
from sessions.models import SCHEMA_VERSION, Severity

V1 = Path(__file__).parent / "v1" / "checkout-v1.toml"


def test_every_older_version_has_a_step_up():
    assert sorted(MIGRATIONS) == list(range(1, SCHEMA_VERSION))


def test_a_v1_file_loads_with_its_one_problem_as_the_first_analysis():
    session = load(V1)
    assert session.schema_version == 2
    assert len(session.root_cause.whys) == 1
    whys = session.root_cause.whys[0]
    assert whys.problem == "The checkout service returned errors"
    assert [n.id for n in whys.nodes] == ["w1", "w2"]
    assert [n.because for n in session.root_cause.marked()] == ["A slow query held connections."]


def test_a_v1_file_without_severity_keeps_the_old_default():
    assert load(V1).metadata.severity is Severity.SEV3
    assert loads("schema_version = 2\n").metadata.severity is Severity.UNKNOWN


def test_accepted_findings_follow_the_whys_they_pointed_at():
    session = load(V1)
    assert session.accepted[0].where == "root_cause.whys[0].nodes[1]"
    findings = run_checks(session, select=["DP001"])
    assert findings and all(f.accepted for f in findings)


def test_saved_again_it_is_a_v2_file_and_stays_one():
    text = dumps(load(V1))
    assert text.startswith("schema_version = 2\n")
    assert "[[root_cause.whys]]" in text
    assert dumps(loads(text)) == text


def test_the_step_leaves_its_input_alone_and_handles_a_bare_file():
    raw = {"schema_version": 1, "root_cause": {"whys": {"problem": "p"}}}
    lifted = v1_to_v2(raw)
    assert raw["root_cause"]["whys"] == {"problem": "p"}
    assert lifted["root_cause"]["whys"] == [{"problem": "p"}]
    assert v1_to_v2({"schema_version": 1}) == {
        "schema_version": 2,
        "metadata": {"severity": "SEV3"},
    }
