"""The postmortem session: pydantic models that are the single source of truth.

Every part of the guide's template and meeting lives here; the file format, the export,
the checks and the UI all read and write these models and nothing else.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

SCHEMA_VERSION = 2


def _normalize_newlines(value: str) -> str:
    """CRLF becomes LF so that every string survives a TOML multi-line round trip."""
    return value.replace("\r\n", "\n") if "\r\n" in value else value


Text = Annotated[str, AfterValidator(_normalize_newlines)]


def _to_utc(value: dt.datetime) -> dt.datetime:
    """Timestamps are stored in UTC; a time without an offset is taken to be UTC already."""
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    try:
        return value.astimezone(dt.UTC)
    except OverflowError:  # 9999-12-31T23:00-05:00 is in year 10000 in UTC
        raise ValueError("out of range once converted to UTC (years 1 to 9999)") from None


UtcDatetime = Annotated[dt.datetime, AfterValidator(_to_utc)]


class Model(BaseModel):
    """Strict base: an unknown key is a typo the user wants to hear about."""

    model_config = ConfigDict(extra="forbid", use_enum_values=False, validate_default=False)


# --- enumerations -------------------------------------------------------------------------


class Status(StrEnum):
    DRAFT = "Draft"
    IN_REVIEW = "In Review"
    FINAL = "Final"


class Severity(StrEnum):
    SEV1 = "SEV1"
    SEV2 = "SEV2"
    SEV3 = "SEV3"
    SEV4 = "SEV4"
    #: Not decided yet, or not stated by the source of an imported postmortem.
    UNKNOWN = "unknown"


class Marker(StrEnum):
    """The moments of an incident the guide's timeline asks for."""

    ISSUE_STARTED = "issue_started"
    FIRST_DETECTABLE = "first_detectable"
    ALERT_FIRED = "alert_fired"
    ACKNOWLEDGED = "acknowledged"
    ESCALATED = "escalated"
    ROOT_CAUSE_IDENTIFIED = "root_cause_identified"
    MITIGATION_STARTED = "mitigation_started"
    SERVICE_RESTORED = "service_restored"
    INCIDENT_CLOSED = "incident_closed"
    DECISION_POINT = "decision_point"
    NON_EVENT = "non_event"
    INCIDENT_DECLARED = "incident_declared"
    #: A status page or customer update (its colour or wording in the event text).
    STATUS_UPDATE = "status_update"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class ActionType(StrEnum):
    """The guide's action types: the default list, which a team may replace in `.pmtui.toml`."""

    PREVENT = "Prevent"
    DETECT = "Detect"
    MITIGATE = "Mitigate"
    DOCUMENT = "Document"


class Priority(StrEnum):
    P1 = "P1"
    P2 = "P2"
    P3 = "P3"


class ActionStatus(StrEnum):
    TODO = "TODO"
    IN_PROGRESS = "In Progress"
    DONE = "Done"
    WONT_DO = "Won't Do"

    @property
    def is_open(self) -> bool:
        return self in (ActionStatus.TODO, ActionStatus.IN_PROGRESS)


class Role(StrEnum):
    RESPONDER = "responder"
    SERVICE_OWNER = "service_owner"
    FACILITATOR = "facilitator"
    #: Writes down what the meeting says, so the facilitator can facilitate.
    NOTE_TAKER = "note_taker"
    TEAM_REPRESENTATIVE = "team_representative"
    MANAGEMENT = "management"
    OTHER = "other"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


REQUIRED_ROLES: tuple[Role, ...] = (Role.RESPONDER, Role.SERVICE_OWNER, Role.FACILITATOR)

ROLES_CHECK: tuple[Role, ...] = (
    Role.FACILITATOR,
    Role.NOTE_TAKER,
    Role.RESPONDER,
    Role.SERVICE_OWNER,
)
"""Who the opening of the meeting looks for: the guide's required roles and a note-taker."""


class SectionKind(StrEnum):
    """What a meeting section is about; it decides which editor the meeting shows."""

    #: Setting the stage: the blameless reminder, the incident, the agenda, who is here.
    OPENING = "opening"
    TIMELINE_REVIEW = "timeline_review"
    CONTRIBUTING_FACTORS = "contributing_factors"
    WENT_WELL = "went_well"
    COULD_IMPROVE = "could_improve"
    ACTION_ITEMS = "action_items"
    #: The author presents the summary (the review meeting for sharing learnings).
    SUMMARY = "summary"
    #: Lessons for the broader organisation (the review meeting).
    LESSONS = "lessons"
    OTHER = "other"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


# --- metadata and impact ------------------------------------------------------------------


def _known_zone(value: str) -> str:
    """A display time zone must be an IANA name ("Europe/Berlin") or empty for UTC."""
    if value:
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r} (use an IANA name)") from None
    return value


class Metadata(Model):
    title: Text = ""
    incident_id: Text = ""
    date: dt.date | None = None
    authors: list[Text] = Field(default_factory=list)
    reviewers: list[Text] = Field(default_factory=list)
    status: Status = Status.DRAFT
    severity: Severity = Severity.UNKNOWN
    services: list[Text] = Field(default_factory=list)
    tags: list[Text] = Field(default_factory=list)
    #: Triage flags from the guide's "When to Write a Postmortem".
    data_loss: bool = False
    security: bool = False
    near_miss: bool = False
    #: The zone the timeline is shown in (IANA name, e.g. "America/Los_Angeles"); times are
    #: stored in UTC whatever it says. Empty: UTC.
    time_zone: Annotated[Text, AfterValidator(_known_zone)] = ""
    #: A postmortem kept for the record: its open action items are no longer chased.
    archived: bool = False


class UserImpact(Model):
    duration_minutes: int | None = Field(default=None, ge=0)
    users_affected: Text = ""
    functionality: list[Text] = Field(default_factory=list)
    #: How much data was lost, in words ("6 hours of database changes, about 5,000 projects").
    data_lost: Text = ""


class BusinessImpact(Model):
    revenue: Text = ""
    complaints: int | None = Field(default=None, ge=0)
    sla_breach: bool | None = None


class SloImpact(Model):
    error_budget_consumed_pct: float | None = Field(default=None, ge=0)
    budget_remaining_pct: float | None = None
    #: What a number can't say: "error budget exceeded several times over".
    note: Text = ""


class ImpactEntry(Model):
    """One counted (or described) effect, per component, region or customer group.

    "5 million webhooks queued" is ``scope="webhooks", measure="queued", amount=5e6``;
    where no number says it, ``note`` does.
    """

    scope: Text = ""
    measure: Text
    amount: float | None = Field(default=None, ge=0, allow_inf_nan=False)
    unit: Text = ""
    note: Text = ""


class Impact(Model):
    #: The impact in the team's words, before the figures.
    description: Text = ""
    user: UserImpact = Field(default_factory=UserImpact)
    business: BusinessImpact = Field(default_factory=BusinessImpact)
    slo: SloImpact = Field(default_factory=SloImpact)
    entries: list[ImpactEntry] = Field(default_factory=list)


# --- timeline -----------------------------------------------------------------------------


class Precision(StrEnum):
    """How much of an event's time the source knew."""

    EXACT = "exact"
    #: "±17:20": about this time.
    APPROXIMATE = "approximate"
    #: Only the day is known; the time is midnight of that day in the display zone.
    DAY = "day"


class TimelineEvent(Model):
    time: UtcDatetime
    precision: Precision = Precision.EXACT
    event: Text
    actor: Text = ""
    evidence: Text = ""
    marker: Marker | None = None
    #: Why a decision was taken (for decision points), as the people knew it then.
    rationale: Text = ""


# --- root cause analysis ------------------------------------------------------------------


class WhyNode(Model):
    """One why/because step; ``parent`` links it to the step it digs under ("" = the problem).

    Several nodes with one parent are parallel why-chains. The list is kept flat so that the
    file stays diff-friendly however deep the analysis goes.
    """

    id: Text
    parent: Text = ""
    why: Text = ""
    because: Text = ""
    root_cause: bool = False


class FiveWhys(Model):
    """One problem and its why-chains; ``RootCause.whys`` holds one of these per problem."""

    problem: Text = ""
    nodes: list[WhyNode] = Field(default_factory=list)

    @model_validator(mode="after")
    def _tree_is_sound(self) -> FiveWhys:
        ids: set[str] = set()
        for index, node in enumerate(self.nodes):
            if not node.id:
                raise ValueError(f"nodes[{index}].id: a why needs an id")
            if node.id in ids:
                raise ValueError(f"nodes[{index}].id: duplicate why id {node.id!r}")
            ids.add(node.id)
        parents = {node.id: node.parent for node in self.nodes}
        for index, node in enumerate(self.nodes):
            if node.parent and node.parent not in ids:
                raise ValueError(f"nodes[{index}].parent: no why with id {node.parent!r}")
            seen, cursor = set(), node.parent
            while cursor:
                if cursor in seen or cursor == node.id:
                    raise ValueError(f"nodes[{index}].parent: the whys form a loop")
                seen.add(cursor)
                cursor = parents[cursor]
        return self

    def children(self, parent: str) -> list[WhyNode]:
        return [node for node in self.nodes if node.parent == parent]

    def depth(self, node_id: str) -> int:
        """How many whys down from the problem this node is (the first why is 1)."""
        by_id = {node.id: node for node in self.nodes}
        depth, cursor = 0, node_id
        while cursor:
            depth += 1
            cursor = by_id[cursor].parent
        return depth

    def chains(self) -> list[list[WhyNode]]:
        """Every path from the problem to a leaf: each is one why-chain to read in order."""
        kids: dict[str, list[WhyNode]] = {}
        for node in self.nodes:
            kids.setdefault(node.parent, []).append(node)
        out: list[list[WhyNode]] = []
        stack: list[list[WhyNode]] = [[n] for n in reversed(kids.get("", []))]
        while stack:
            path = stack.pop()
            below = kids.get(path[-1].id, [])
            if not below:
                out.append(path)
            for child in reversed(below):
                stack.append([*path, child])
        return out

    def next_id(self) -> str:
        taken = {node.id for node in self.nodes}
        n = len(self.nodes) + 1
        while f"w{n}" in taken:
            n += 1
        return f"w{n}"

    @property
    def is_empty(self) -> bool:
        return not self.problem.strip() and not self.nodes


class Cause(Model):
    text: Text
    sub_causes: list[Text] = Field(default_factory=list)
    #: The id of the contributing factor this cause is (and so the action items addressing it).
    factor: Text = ""


class FishboneCategory(Model):
    name: Text
    causes: list[Cause] = Field(default_factory=list)


DEFAULT_FISHBONE = ("People", "Process", "Technology", "Environment")


def _default_categories() -> list[FishboneCategory]:
    return [FishboneCategory(name=name) for name in DEFAULT_FISHBONE]


class Fishbone(Model):
    problem: Text = ""
    categories: list[FishboneCategory] = Field(default_factory=_default_categories)

    @property
    def is_empty(self) -> bool:
        return not any(category.causes for category in self.categories) and not self.problem


def _one_analysis() -> list[FiveWhys]:
    return [FiveWhys()]


class RootCause(Model):
    what_happened: Text = ""
    #: What set the incident off (a deploy, a config push, a traffic spike).
    trigger: Text = ""
    statement: Text = ""
    #: One 5-whys analysis per problem; a new session starts with one, empty.
    whys: list[FiveWhys] = Field(default_factory=_one_analysis)
    fishbone: Fishbone = Field(default_factory=Fishbone)

    def analysis(self, index: int = 0) -> FiveWhys:
        """The analysis at ``index``, created (empty) when there is none yet, for an editor."""
        while len(self.whys) <= index:
            self.whys.append(FiveWhys())
        return self.whys[index]

    def marked(self) -> list[WhyNode]:
        """Every step marked as a root cause, in every analysis."""
        return [node for whys in self.whys for node in whys.nodes if node.root_cause]


class Factor(Model):
    id: Text
    factor: Text
    description: Text = ""
    type: Text = ""


FACTOR_TYPES = (
    "Process",
    "Configuration",
    "Monitoring",
    "Documentation",
    "Code",
    "Infrastructure",
    "Dependency",
    "Communication",
    "Capacity",
)


class Observation(Model):
    """One bullet of went well / went poorly / got lucky: an optional area and the text."""

    area: Text = ""
    text: Text


# --- action items -------------------------------------------------------------------------

ROOT_CAUSE_REF = "root-cause"


class ReviewDecision(StrEnum):
    """What the weekly review decided about an open action item (the guide's tracking)."""

    DONE = "done"
    NEW_DUE = "new due date"
    NEW_OWNER = "new owner"
    ON_TRACK = "on track"


class ActionReview(Model):
    """One decision of a weekly review, kept on the item so the file tells its history."""

    date: dt.date
    decision: ReviewDecision
    #: How it was verified (done), why it moved and from when (new due date), from whom (new
    #: owner); empty for "on track".
    note: Text = ""


class ActionItem(Model):
    id: int = Field(ge=1)
    action: Text
    #: One of the team's action types (the guide's four unless `.pmtui.toml` says otherwise).
    type: Text | None = None
    priority: Priority | None = None
    owner: Text = ""
    due: dt.date | None = None
    status: ActionStatus = ActionStatus.TODO
    ticket: Text = ""
    #: Factor ids, or "root-cause", that this action addresses.
    addresses: list[Text] = Field(default_factory=list)
    completed: dt.date | None = None
    verification: Text = ""
    #: The group the action belongs to ("Technical", "Organisational"); the export groups by it.
    group: Text = ""
    #: Why this action, at whatever length it takes.
    rationale: Text = ""
    #: The weekly reviews' decisions about this item, oldest first.
    reviews: list[ActionReview] = Field(default_factory=list)


# --- lessons, supporting information, appendix --------------------------------------------


class Takeaway(Model):
    title: Text
    text: Text = ""


class Lessons(Model):
    takeaways: list[Takeaway] = Field(default_factory=list)
    recommendations: list[Text] = Field(default_factory=list)


class Link(Model):
    title: Text
    url: Text = ""


class RelatedIncident(Model):
    incident_id: Text
    url: Text = ""
    summary: Text = ""


class Supporting(Model):
    logs: Text = ""
    metrics: list[Link] = Field(default_factory=list)
    related: list[RelatedIncident] = Field(default_factory=list)


class GlossaryEntry(Model):
    term: Text
    definition: Text = ""


class Appendix(Model):
    glossary: list[GlossaryEntry] = Field(default_factory=list)
    references: list[Link] = Field(default_factory=list)


# --- the meeting --------------------------------------------------------------------------


class Attendee(Model):
    name: Text
    role: Role = Role.OTHER


class AgendaSection(Model):
    kind: SectionKind
    title: Text
    planned_minutes: int = Field(ge=0, le=600)
    #: Time actually spent, in whole seconds (the meeting timer writes it).
    spent_seconds: int = Field(default=0, ge=0)

    @field_validator("spent_seconds", mode="before")
    @classmethod
    def _whole_seconds(cls, value: object) -> object:
        """Files from before whole seconds hold floats such as 77.347."""
        return int(value) if isinstance(value, float) and value >= 0 else value

    @property
    def planned_seconds(self) -> float:
        return self.planned_minutes * 60.0

    @property
    def actual_minutes(self) -> float:
        return self.spent_seconds / 60.0


DEFAULT_AGENDA: tuple[tuple[SectionKind, str, int], ...] = (
    (SectionKind.TIMELINE_REVIEW, "Timeline review", 20),
    (SectionKind.CONTRIBUTING_FACTORS, "Contributing factors", 20),
    (SectionKind.WENT_WELL, "What went well", 10),
    (SectionKind.COULD_IMPROVE, "What could be improved", 15),
    (SectionKind.ACTION_ITEMS, "Action items", 15),
)


def default_agenda() -> list[AgendaSection]:
    return [AgendaSection(kind=k, title=t, planned_minutes=m) for k, t, m in DEFAULT_AGENDA]


class IdeaStatus(StrEnum):
    """Where a parked idea went."""

    OPEN = "open"
    #: Turned into an action item (``action_id``).
    ACTION = "action"
    #: Dropped, with a reason.
    DROPPED = "dropped"


class ParkedIdea(Model):
    """An idea raised off-topic ("add a TLS expiry monitor"), kept for the action items."""

    idea: Text
    raised_by: Text = ""
    #: The agenda section it came up in.
    section: Text = ""
    status: IdeaStatus = IdeaStatus.OPEN
    #: The action item it became.
    action_id: int | None = Field(default=None, ge=1)
    #: Why it was dropped.
    reason: Text = ""


class Meeting(Model):
    date: dt.date | None = None
    attendees: list[Attendee] = Field(default_factory=list)
    agenda: list[AgendaSection] = Field(default_factory=default_agenda)
    #: Index of the section the meeting is on; the meeting reopens paused there.
    current: int = Field(default=0, ge=0)
    #: When the timer first started (UTC).
    started_at: UtcDatetime | None = None
    #: When the meeting should end (UTC): set at the first start from the agenda, like the
    #: slot in the calendar; extending or trimming sections doesn't move it.
    ends_at: UtcDatetime | None = None
    #: While the timer runs, the moment (UTC) up to which the current section's
    #: ``spent_seconds`` counts; it has run on since. A reader of the file counts down too:
    #: left = planned − spent − (now − running_since). Empty while paused.
    running_since: UtcDatetime | None = None
    notes: Text = ""
    #: Ideas parked during the meeting, to turn into action items or drop.
    parking_lot: list[ParkedIdea] = Field(default_factory=list)


class AcceptedFinding(Model):
    """A guardrail finding the team looked at and accepted, with its reason."""

    rule: Text
    where: Text = ""
    reason: Text


# --- the team's own sections --------------------------------------------------------------

#: The parts of the document a team section can follow, in document order.
SECTION_IDS: tuple[str, ...] = (
    "summary",
    "background",
    "impact",
    "timeline",
    "root_cause",
    "factors",
    "detection",
    "resolution",
    "customer_communication",
    "went_well",
    "went_poorly",
    "got_lucky",
    "action_items",
    "lessons",
    "supporting",
    "appendix",
)
DEFAULT_PLACE = "lessons"
"""A team section without a place comes after the lessons, before the supporting information."""


def _known_place(value: str) -> str:
    if value and value not in SECTION_IDS:
        raise ValueError(f"unknown place {value!r}: one of {', '.join(SECTION_IDS)}")
    return value


class TeamSection(Model):
    """A prose section of the team's own template (`.pmtui.toml`), or one found on import.

    The title and place are kept in the session so the document reads the same wherever it
    is exported; the template only says which sections a new postmortem gets.
    """

    id: Text
    title: Text
    #: The part of the document it follows (one of SECTION_IDS); empty: after the lessons.
    after: Annotated[Text, AfterValidator(_known_place)] = ""
    text: Text = ""


# --- the session --------------------------------------------------------------------------


class Session(Model):
    schema_version: int = SCHEMA_VERSION
    metadata: Metadata = Field(default_factory=Metadata)
    summary: Text = ""
    #: Context and architecture a reader needs first.
    background: Text = ""
    impact: Impact = Field(default_factory=Impact)
    timeline: list[TimelineEvent] = Field(default_factory=list)
    root_cause: RootCause = Field(default_factory=RootCause)
    factors: list[Factor] = Field(default_factory=list)
    #: How the incident was noticed (alerts, customers, luck).
    detection: Text = ""
    #: How service was restored and the incident closed.
    resolution: Text = ""
    #: What customers were told and when: status page, emails, the apology.
    customer_communication: Text = ""
    went_well: list[Observation] = Field(default_factory=list)
    went_poorly: list[Observation] = Field(default_factory=list)
    got_lucky: list[Observation] = Field(default_factory=list)
    action_items: list[ActionItem] = Field(default_factory=list)
    lessons: Lessons = Field(default_factory=Lessons)
    supporting: Supporting = Field(default_factory=Supporting)
    appendix: Appendix = Field(default_factory=Appendix)
    team_sections: list[TeamSection] = Field(default_factory=list)
    meeting: Meeting = Field(default_factory=Meeting)
    accepted: list[AcceptedFinding] = Field(default_factory=list)

    @model_validator(mode="after")
    def _days_at_midnight(self) -> Session:
        """A day-only event is stored at midnight of its day in the display zone (in UTC)."""
        zone = zoneinfo.ZoneInfo(self.metadata.time_zone) if self.metadata.time_zone else dt.UTC
        for event in self.timeline:
            if event.precision is Precision.DAY:
                day = event.time.astimezone(zone).date()
                midnight = dt.datetime.combine(day, dt.time(0), tzinfo=zone).astimezone(dt.UTC)
                if midnight != event.time:
                    event.time = midnight
        return self

    def sorted_timeline(self) -> list[TimelineEvent]:
        return sorted(self.timeline, key=lambda event: event.time)

    def next_action_id(self) -> int:
        return max((item.id for item in self.action_items), default=0) + 1

    def next_factor_id(self) -> str:
        taken = {factor.id for factor in self.factors}
        n = len(self.factors) + 1
        while f"F{n}" in taken:
            n += 1
        return f"F{n}"
