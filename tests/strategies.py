"""Hypothesis strategies for whole sessions: every field, whatever text people type."""

import datetime as dt

from hypothesis import strategies as st

from sessions.importer import SYNONYMS, heading_key
from sessions.models import (
    ActionItem,
    ActionStatus,
    ActionType,
    Attendee,
    Cause,
    Factor,
    FishboneCategory,
    FiveWhys,
    GlossaryEntry,
    ImpactEntry,
    Link,
    Marker,
    Observation,
    Precision,
    Priority,
    RelatedIncident,
    Role,
    Session,
    Severity,
    Status,
    Takeaway,
    TeamSection,
    TimelineEvent,
    WhyNode,
)

nasty = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
        st.sampled_from(list("\"'\\\n\r\t[]|`<>#*_{}$@😀🔥\x00\x07\x1b\x7f")),
    ),
    max_size=40,
)
#: Text that looks like what people write in prose fields: Markdown, URLs, and hostile bits.
markdownish = st.lists(
    st.one_of(
        st.sampled_from(list("abc XYZ 123.:,-*_`#>|\n")),
        st.sampled_from(
            [
                "- item\n",
                "1. first\n",
                "`code`",
                "**bold**",
                "https://example.com/a",
                "\n\n",
                "[link](https://x.org)",
                "```\nfenced\n```\n",
                "# heading\n",
                "<b>",
                "| a | b |\n",
            ]
        ),
        nasty,
    ),
    max_size=6,
).map("".join)
moments = st.datetimes(
    min_value=dt.datetime(1990, 1, 1),
    max_value=dt.datetime(2100, 1, 1),
    timezones=st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=-5, minutes=-30))]),
)
amounts = st.none() | st.integers(0, 10**9).map(float) | st.floats(0, 1e6, allow_nan=False)


@st.composite
def sessions_(draw, *, whole_seconds: bool = False):
    """A valid session; ``whole_seconds`` keeps times to what a document shows."""
    times = moments.map(lambda m: m.replace(microsecond=0)) if whole_seconds else moments
    session = Session()
    meta = session.metadata
    meta.title = draw(nasty)
    meta.severity = draw(st.sampled_from(list(Severity)))
    meta.status = draw(st.sampled_from(list(Status)))
    meta.authors = draw(st.lists(nasty, max_size=3))
    meta.incident_id = draw(nasty)
    meta.date = draw(st.none() | st.dates())
    meta.time_zone = draw(st.sampled_from(["", "Europe/Berlin", "America/Los_Angeles"]))
    meta.archived = draw(st.booleans())
    session.summary = draw(markdownish)
    session.background = draw(markdownish)
    session.detection = draw(markdownish)
    session.customer_communication = draw(markdownish)
    session.impact.description = draw(markdownish)
    session.impact.user.duration_minutes = draw(st.none() | st.integers(0, 10**6))
    session.impact.user.data_lost = draw(nasty)
    session.impact.slo.error_budget_consumed_pct = draw(
        st.none() | st.floats(0, 1000, allow_nan=False)
    )
    session.impact.slo.note = draw(nasty)
    session.impact.entries = [
        ImpactEntry(
            scope=draw(nasty),
            measure=draw(nasty),
            amount=draw(amounts),
            unit=draw(st.sampled_from(["", "%", "GB", "requests"])),
            note=draw(nasty),
        )
        for _ in range(draw(st.integers(0, 2)))
    ]
    session.timeline = [
        TimelineEvent(
            time=draw(times),
            precision=draw(st.sampled_from(list(Precision))),
            event=draw(nasty),
            actor=draw(nasty),
            marker=draw(st.none() | st.sampled_from(list(Marker))),
            rationale=draw(nasty),
        )
        for _ in range(draw(st.integers(0, 4)))
    ]
    session.root_cause.what_happened = draw(markdownish)
    session.root_cause.trigger = draw(nasty)
    session.root_cause.statement = draw(nasty)
    analyses = []
    for _ in range(draw(st.integers(0, 3))):
        count = draw(st.integers(0, 4))
        nodes = [
            WhyNode(
                id=f"w{i}",
                parent="" if i == 0 else f"w{draw(st.integers(0, i - 1))}",
                # questions as people ask them ("Why …?", "why …"), and anything at all
                why=draw(st.sampled_from(["", "Why ", "why ", "Why? "])) + draw(nasty),
                because=draw(st.sampled_from(["", "Because ", "because "])) + draw(nasty),
                root_cause=draw(st.booleans()),
            )
            for i in range(count)
        ]
        analyses.append(FiveWhys(problem=draw(nasty), nodes=nodes))
    session.root_cause.whys = analyses
    session.root_cause.fishbone.problem = draw(nasty)
    session.root_cause.fishbone.categories = [
        FishboneCategory(
            name=draw(nasty),
            causes=[
                Cause(
                    text=draw(nasty),
                    sub_causes=draw(st.lists(nasty, max_size=2)),
                    factor=draw(st.sampled_from(["", "F1"])),
                )
                for _ in range(draw(st.integers(0, 2)))
            ],
        )
        for _ in range(draw(st.integers(0, 3)))
    ]
    session.factors = [
        Factor(id="F1", factor=draw(nasty), description=draw(nasty), type=draw(nasty))
    ]
    session.went_well = [Observation(area=draw(nasty), text=draw(nasty))]
    session.got_lucky = draw(st.lists(st.builds(Observation, text=nasty), max_size=2))
    session.action_items = [
        ActionItem(
            id=i,
            action=draw(nasty),
            owner=draw(nasty),
            type=draw(st.none() | st.sampled_from([*ActionType, "Process"])),
            priority=draw(st.none() | st.sampled_from(list(Priority))),
            status=draw(st.sampled_from(list(ActionStatus))),
            due=draw(st.none() | st.dates()),
            ticket=draw(st.sampled_from(["", "OPS-1", "https://tracker.example.com/2"])),
            addresses=draw(st.lists(st.sampled_from(["F1", "root-cause"]), max_size=2)),
            group=draw(st.sampled_from(["", "Technical", "Organisational"])),
            rationale=draw(markdownish),
        )
        for i in range(1, draw(st.integers(0, 3)) + 1)
    ]
    session.lessons.takeaways = draw(
        st.lists(st.builds(Takeaway, title=nasty, text=nasty), max_size=2)
    )
    session.lessons.recommendations = draw(st.lists(nasty, max_size=2))
    session.supporting.logs = draw(nasty)
    session.supporting.metrics = draw(
        st.lists(
            st.builds(Link, title=nasty, url=st.sampled_from(["", "https://g.example/p.png"])),
            max_size=2,
        )
    )
    session.supporting.related = draw(
        st.lists(
            st.builds(
                RelatedIncident,
                incident_id=nasty,
                url=st.sampled_from(["", "https://wiki.example/1"]),
                summary=nasty,
            ),
            max_size=2,
        )
    )
    session.appendix.glossary = draw(
        st.lists(st.builds(GlossaryEntry, term=nasty, definition=nasty), max_size=2)
    )
    session.team_sections = [
        TeamSection(
            id=f"t{i}",
            # A team section named like a standard part is read back as that part.
            title=draw(nasty.filter(lambda t: heading_key(t) not in SYNONYMS)),
            after=draw(st.sampled_from(["", "summary", "timeline", "action_items"])),
            text=draw(markdownish),
        )
        for i in range(draw(st.integers(0, 2)))
    ]
    session.meeting.notes = draw(nasty)
    session.meeting.date = draw(st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)))
    session.meeting.attendees = [
        Attendee(name=draw(nasty), role=draw(st.sampled_from(list(Role))))
        for _ in range(draw(st.integers(0, 3)))
    ]
    # What the user typed passes through validation, as it does when a file is loaded.
    return Session.model_validate(session.model_dump())
