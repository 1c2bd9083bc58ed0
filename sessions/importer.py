"""Reading a postmortem written in Markdown into a session.

It reads pmtui's own export (export → import → export gives the same document), the guide's
template as people fill it in by hand, and, best effort, common variants: the Google SRE
book's headings, a timeline written as a list ("14:05 — text"), sections under other names.
Nothing is dropped: a section it does not know becomes a team section under its own title,
and what it can't place inside a known section is kept, with where it came from, in an
"Import Notes" section and listed in the result.

The Markdown is read as markdown-it-py's token stream; prose is kept as its Markdown source.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass, field

from markdown_it.token import Token

from sessions.markdown import (
    FACTORS_INTRO,
    HEADINGS,
    LUCKY_INTRO,
    OTHER_GROUP,
    PARKING_COLUMNS,
    PARKING_HEADING,
    PARKING_INTRO,
    RATIONALE,
    TITLE_PREFIX,
    to_markdown,
)
from sessions.models import (
    ROOT_CAUSE_REF,
    ActionItem,
    ActionStatus,
    Cause,
    Factor,
    Fishbone,
    FishboneCategory,
    FiveWhys,
    GlossaryEntry,
    ImpactEntry,
    Link,
    Marker,
    Observation,
    ParkedIdea,
    Precision,
    Priority,
    RelatedIncident,
    Session,
    Severity,
    Status,
    Takeaway,
    TeamSection,
    TimelineEvent,
    WhyNode,
)
from sessions.prose import MD
from sessions.template import GUIDE_TEMPLATE, Template

NOTES_ID = "import-notes"
NOTES_TITLE = "Import Notes"


@dataclass
class ImportResult:
    session: Session
    #: What could not be placed, one line each ("Impact, line 12: …"); kept in the notes.
    unplaced: list[str] = field(default_factory=list)


# --- the document as sections -------------------------------------------------------------


@dataclass
class _Section:
    title: str  # the heading's Markdown source
    level: int
    line: int  # the heading's line
    start: int  # first line of the body
    end: int  # line after the body (children included)
    blocks: list[list[Token]] = field(default_factory=list)  # top-level blocks before children
    children: list[_Section] = field(default_factory=list)


def _blocks(tokens: list[Token]) -> list[list[Token]]:
    """Top-level blocks: each a list of tokens from an opening at nesting 0 to its close."""
    out: list[list[Token]] = []
    depth = 0
    for token in tokens:
        if depth == 0:
            out.append([])
        out[-1].append(token)
        depth += token.nesting
    return out


def _tree(tokens: list[Token], lines: list[str]) -> tuple[str, list[Token], _Section]:
    """The title (first h1), the blocks before the first section, and the section tree."""
    blocks = _blocks(tokens)
    root = _Section("", 0, 0, 0, len(lines))
    stack = [root]
    title = ""
    for group in blocks:
        first = group[0]
        if first.type == "heading_open":
            level = int(first.tag[1])
            text = group[1].content
            if level == 1 and not title and root.children == [] and not root.blocks:
                title = text
                continue
            start = first.map[1] if first.map else 0
            while stack[-1].level >= level and len(stack) > 1:
                stack[-1].end = first.map[0] if first.map else 0
                stack.pop()
            section = _Section(text, level, first.map[0] if first.map else 0, start, len(lines))
            stack[-1].children.append(section)
            stack.append(section)
        elif first.type != "hr":
            target = stack[-1]
            if target.children:  # text after a subsection belongs to that subsection
                target = target.children[-1]
                while target.children:
                    target = target.children[-1]
            target.blocks.append(group)
    for section in stack[1:]:
        section.end = len(lines)
    return title, [], root


# --- small readers ------------------------------------------------------------------------


def text_of(source: str) -> str:
    """What inline Markdown says, as plain text (names, ids, dates)."""
    children = MD.parseInline(source)[0].children or []
    return _text(children)


def _text(children: list[Token]) -> str:
    out = []
    for token in children:
        if token.type in ("text", "code_inline"):
            out.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif token.type == "image":
            out.append(_text(token.children or []))
    return "".join(out).strip()


def heading_key(title: str) -> str:
    """A heading reduced for matching: "3. What Went Wrong?" → "what went wrong"."""
    text = text_of(title).lower()
    text = re.sub(r"^[\d.)\s]+", "", text)
    return re.sub(r"[^a-z0-9 ]+", "", text).strip()


_LABELLED = re.compile(r"^\*\*(?P<label>.+?)\*\*(?P<colon>:)?(?:\s+(?P<rest>.*))?$", re.DOTALL)


def _labelled(source: str, *, bare: bool = False) -> tuple[str, str] | None:
    """``**Label**: rest`` (or ``**Label:** rest``; with ``bare``, ``**Label**`` alone)."""
    match = _LABELLED.match(source.strip())
    if not match:
        return None
    label, rest = match["label"], (match["rest"] or "").strip()
    if not match["colon"]:
        if label.endswith(":") and rest:  # "**Label:** rest"
            label = label.removesuffix(":")
        elif rest or not bare:
            return None  # bold words opening a sentence, not a label
    return text_of(f"**{label}**"), rest


def _list_items(group: list[Token]) -> list[list[Token]]:
    """The items of a list block, each the tokens inside it (nested lists included)."""
    items: list[list[Token]] = []
    depth = 0
    for token in group[1:-1]:
        if token.type == "list_item_open" and depth == 0:
            items.append([])
        elif token.type == "list_item_close" and depth == 1:
            depth -= 1
            continue
        if items:
            items[-1].append(token)
        depth += token.nesting
    return [item[1:] for item in items]


def _first_inline(item: list[Token]) -> str:
    for token in item:
        if token.type == "inline":
            return token.content
        if token.type.endswith("_list_open"):
            break
    return ""


def _table_rows(group: list[Token]) -> list[list[str]]:
    rows: list[list[str]] = []
    for token in group:
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and rows:
            rows[-1].append(token.content)
    return rows


_BR = re.compile(r"(?<!\\)((?:\\\\)*)<br>")


def split_br(source: str) -> list[str]:
    """The lines of a cell: split at each <br> that is not escaped (an even run of \\ before)."""
    return _BR.sub(lambda m: m[1] + "\x00", source).split("\x00")


def _cell_text(source: str) -> str:
    """A cell's Markdown as the field's text: <br> back to line breaks."""
    return "\n".join(part.strip() for part in split_br(source))


def _source(lines: list[str], start: int, end: int) -> str:
    body = lines[start:end]
    while body and (not body[-1].strip() or re.fullmatch(r"\s*(-{3,}|\*{3,}|_{3,})\s*", body[-1])):
        body.pop()
    return "\n".join(body).strip("\n")


def _block_source(lines: list[str], group: list[Token]) -> str:
    first = group[0]
    if first.map is None:
        return ""
    end = max((t.map[1] for t in group if t.map), default=first.map[1])
    return "\n".join(lines[first.map[0] : end]).strip("\n")


def _dedent(text: str) -> str:
    lines = text.split("\n")
    indents = [len(line) - len(line.lstrip(" ")) for line in lines if line.strip()]
    cut = min(indents, default=0)
    return "\n".join(line[cut:] for line in lines)


# --- times --------------------------------------------------------------------------------

_ZONES = {
    "UTC": 0, "GMT": 0, "Z": 0, "PST": -8, "PDT": -7, "MST": -7, "MDT": -6, "CST": -6,
    "CDT": -5, "EST": -5, "EDT": -4, "CET": 1, "CEST": 2, "BST": 1, "IST": 5.5, "JST": 9,
}  # fmt: skip
_MONTH_NAMES = (
    "january february march april may june july august september october november december"
)
_MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES.split(), 1)}
_APPROX = re.compile(r"^(?:≈|~|±|\+/-|about|approx(?:imately|\.)?|around|ca\.?|circa)\s*", re.I)
_TIME = re.compile(
    r"(?:(?P<date>\d{4}-\d{2}-\d{2})[ T,]*)?"
    r"(?P<h>\d{1,2})[:.h](?P<m>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ampm>[ap]\.?m\.?)?"
    r"\s*(?P<zone>UTC[+-]\d{2}:\d{2}|Z|[A-Z]{2,4}\b|[+-]\d{2}:?\d{2})?",
    re.I,
)
_DAY = (
    r"(?:(?P<iso>\d{4}-\d{2}-\d{2})"
    r"|(?P<d>\d{1,2})(?:st|nd|rd|th)? (?P<mon>[A-Za-z]{3,9})\.?(?:,? (?P<y>\d{4}))?"
    r"|(?P<mon2>[A-Za-z]{3,9})\.? (?P<d2>\d{1,2})(?:st|nd|rd|th)?(?:,? (?P<y2>\d{4}))?)"
)
_DATE_ONLY = re.compile(rf"^{_DAY}$")
_LEADING_DATE = re.compile(rf"^{_DAY}(?=[\s:,—–-]|$)")


@dataclass
class _Clock:
    """What the importer knows to read a time: the zone and the day the times are on."""

    zone: dt.tzinfo = dt.UTC
    day: dt.date | None = None
    year: int | None = None


def _month(name: str) -> int | None:
    name = name.lower()
    return next((n for full, n in _MONTHS.items() if full.startswith(name[:3])), None)


def parse_day(text: str, clock: _Clock) -> dt.date | None:
    """A day on its own: "2021-05-12", "12 May", "May 12, 2021" (the year from the clock)."""
    match = _DATE_ONLY.match(text.strip().strip("*_").strip())
    return _day(match, clock) if match else None


def _day(match: re.Match[str], clock: _Clock) -> dt.date | None:
    try:
        if match["iso"]:
            return dt.date.fromisoformat(match["iso"])
        month = _month(match["mon"] or match["mon2"] or "")
        year = match["y"] or match["y2"]
        year = int(year) if year else (clock.day.year if clock.day else clock.year)
        if month is None or year is None:
            return None
        return dt.date(year, month, int(match["d"] or match["d2"]))
    except ValueError:
        return None


def parse_time(text: str, clock: _Clock) -> tuple[dt.datetime, Precision, str] | None:
    """A time at the start of ``text``: the moment, its precision and the rest of the text.

    "14:05", "2025-01-15 14:05:23 UTC", "8:13 a.m. PST", "≈ 17:20" (approximate), or a day
    alone, "12 May" (day precision). A time without a date takes the clock's day.
    """
    text = text.strip()
    rough = _APPROX.match(text)
    body = text[rough.end() :] if rough else text
    match = _TIME.match(body)
    if match is not None and (match["date"] or clock.day):
        try:
            date = dt.date.fromisoformat(match["date"]) if match["date"] else clock.day
            hour, minute = int(match["h"]), int(match["m"])
            if match["ampm"]:
                hour = hour % 12 + (12 if match["ampm"].lower().startswith("p") else 0)
            clock_time = dt.time(hour, minute, int(match["s"] or 0))
        except ValueError:
            return None
        zone = _zone(match["zone"], clock.zone)
        if zone is None:  # a word, not a zone: it stays in the text
            zone, rest = clock.zone, body[match.start("zone") :]
        else:
            rest = body[match.end() :]
        assert date is not None
        precision = Precision.APPROXIMATE if rough else Precision.EXACT
        return _at(date, clock_time, zone), precision, rest.strip(" —–-:|,")
    leading = _LEADING_DATE.match(body)
    if leading is not None and not _TIME.match(body[leading.end() :].strip(" ,")):
        day = _day(leading, clock)
        if day is not None:
            return (
                _at(day, dt.time(0), clock.zone),
                Precision.DAY,
                body[leading.end() :].strip(" —–-:|,"),
            )
    return None


def _zone(text: str | None, default: dt.tzinfo) -> dt.tzinfo | None:
    if not text:
        return default
    upper = text.upper()
    if upper in _ZONES:
        return dt.timezone(dt.timedelta(hours=_ZONES[upper]))
    match = re.fullmatch(r"(?:UTC)?([+-])(\d{2}):?(\d{2})", upper)
    if match:
        sign = -1 if match[1] == "-" else 1
        return dt.timezone(sign * dt.timedelta(hours=int(match[2]), minutes=int(match[3])))
    return None


def _at(day: dt.date, clock_time: dt.time, zone: dt.tzinfo) -> dt.datetime:
    return dt.datetime.combine(day, clock_time, tzinfo=zone).astimezone(dt.UTC)


def parse_minutes(text: str) -> int | None:
    """ "24 hours 11 minutes", "2h 30m", "45 min", "3 days" → minutes; None if not a duration."""
    text = text.lower().replace(",", " ").replace(" and ", " ")
    units = {"d": 1440, "day": 1440, "h": 60, "hr": 60, "hour": 60, "m": 1, "min": 1, "minute": 1}
    total, found = 0.0, False
    for number, unit in re.findall(r"(\d+(?:\.\d+)?)\s*([a-z]+)", text):
        unit = unit.rstrip("s") if unit not in ("s",) else unit
        if unit not in units:
            return None
        total += float(number) * units[unit]
        found = True
    leftover = re.sub(r"(\d+(?:\.\d+)?)\s*([a-z]+)|[~≈ ]|about|approximately", "", text)
    return round(total) if found and not leftover else None


# --- the importer -------------------------------------------------------------------------

_MARKERS = {marker.label.lower(): marker for marker in Marker}
_SEVERITIES = {s.value.lower(): s for s in Severity} | {"sev-1": Severity.SEV1, "p0": Severity.SEV1}
_STATUSES = {s.value.lower(): s for s in Status} | {"in-review": Status.IN_REVIEW}
_ACTION_STATUSES = {s.value.lower(): s for s in ActionStatus} | {
    "to do": ActionStatus.TODO,
    "open": ActionStatus.TODO,
    "planned": ActionStatus.TODO,
    "not started": ActionStatus.TODO,
    "in progress": ActionStatus.IN_PROGRESS,
    "started": ActionStatus.IN_PROGRESS,
    "ongoing": ActionStatus.IN_PROGRESS,
    "done": ActionStatus.DONE,
    "complete": ActionStatus.DONE,
    "completed": ActionStatus.DONE,
    "closed": ActionStatus.DONE,
    "fixed": ActionStatus.DONE,
    "deployed": ActionStatus.DONE,
    "wont do": ActionStatus.WONT_DO,
    "won't do": ActionStatus.WONT_DO,
}

#: Heading names (reduced with heading_key) and the part of the session they fill.
SYNONYMS: dict[str, str] = {
    "metadata": "metadata",
    "executive summary": "summary",
    "summary": "summary",
    "incident summary": "summary",
    "issue summary": "summary",
    "overview": "summary",
    "tldr": "summary",
    "background": "background",
    "context": "background",
    "architecture": "background",
    "impact": "impact",
    "user impact": "impact",
    "customer impact": "impact",
    "timeline": "timeline",
    "timeline of events": "timeline",
    "detailed timeline": "timeline",
    "chronology": "timeline",
    "root cause analysis": "root_cause",
    "root cause": "root_cause",
    "root causes": "root_cause",
    "what happened": "what_happened",
    "incident description": "what_happened",
    "trigger": "trigger",
    "why it happened": "whys",
    "5 whys": "whys",
    "five whys": "whys",
    "contributing factors": "factors",
    "detection": "detection",
    "resolution": "resolution",
    "resolution and recovery": "resolution",
    "recovery": "resolution",
    "mitigation": "resolution",
    "customer communication": "customer_communication",
    "communication": "customer_communication",
    "communications": "customer_communication",
    "what went well": "went_well",
    "things that went well": "went_well",
    "what went poorly": "went_poorly",
    "what went wrong": "went_poorly",
    "what could be improved": "went_poorly",
    "things that went wrong": "went_poorly",
    "where we got lucky": "got_lucky",
    "action items": "action_items",
    "corrective actions": "action_items",
    "corrective and preventative measures": "action_items",
    "remediation": "action_items",
    "followup actions": "action_items",
    "follow up actions": "action_items",
    "next steps": "action_items",
    "lessons learned": "lessons",
    "supporting information": "supporting",
    "appendix": "appendix",
    # Not a place for team sections: the meeting comes last and keeps the last place as is.
    "postmortem meeting": "meeting",
    "meeting notes": "meeting",
}


class _Importer:
    def __init__(self, text: str, template: Template, fallback_title: str) -> None:
        self.text = text.replace("\r\n", "\n")
        self.lines = self.text.split("\n")
        self.template = template
        self.session = Session()
        self.session.root_cause.whys = []
        self.session.root_cause.fishbone.categories = []
        self.session.meeting.agenda = Session().meeting.agenda
        self.notes: list[tuple[str, str]] = []
        self.fallback_title = fallback_title
        self.leading: list[str] = []  # prose before the first section: the summary, if none
        self.clock = _Clock()
        self.last_place = "summary"  # before any known section: right after the metadata
        self.computed: list[tuple[str, str, Callable[[], str]]] = []
        self.fishbone_art: str | None = None
        self.factor_refs: list[tuple[Cause | ActionItem, list[str]]] = []

    # -- driving -----------------------------------------------------------------------------

    def run(self) -> ImportResult:
        tokens = MD.parse(self.text)
        title, _, root = _tree(tokens, self.lines)
        self._title(title)
        for group in root.blocks:
            self._leading(group)
        sections = root.children
        if len(sections) == 1 and not root.blocks and sections[0].level == 1:
            sections = sections[0].children  # everything under one top heading
        for section in sections:
            self._section(section, top=True)
        self._finish()
        result = ImportResult(self.session)
        for where, text in self.notes:
            first = text.strip().split("\n", 1)[0]
            result.unplaced.append(f"{where}: {first[:70]}{'…' if len(first) > 70 else ''}")
        return result

    def _title(self, source: str) -> None:
        if source.startswith(TITLE_PREFIX):
            source = source[len(TITLE_PREFIX) :]
        elif source.strip() == "Postmortem":
            source = ""
        elif not source:
            source = self.fallback_title
        self.session.metadata.title = source.strip()

    def _leading(self, group: list[Token]) -> None:
        """Blocks before the first section: metadata tables or lists, else the summary."""
        if group[0].type == "table_open" and self._metadata_table(group):
            return
        if group[0].type == "bullet_list_open" and self._metadata_list(group):
            return
        if group[0].type == "paragraph_open" and self._metadata_paragraph(group):
            return
        self.leading.append(_block_source(self.lines, group))

    def _note(self, where: str, text: str) -> None:
        if text.strip():
            self.notes.append((where, text.strip()))

    def _section(self, section: _Section, *, top: bool) -> None:
        key = SYNONYMS.get(heading_key(section.title))
        handler = getattr(self, f"_s_{key}", None) if key else None
        if handler is None:
            if top:
                self._team_section(section)
            else:
                self._note(text_of(section.title), self._all(section))
            return
        if top and key in HEADINGS:
            self.last_place = key
        handler(section)

    def _all(self, section: _Section) -> str:
        return _source(self.lines, section.start, section.end)

    def _team_section(self, section: _Section) -> None:
        title = text_of(section.title) or "Notes"
        slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "section"
        taken = {s.id for s in self.session.team_sections}
        base, n = slug, 2
        while slug in taken or slug == NOTES_ID:
            slug, n = f"{base}-{n}", n + 1
        spec = self.template.section(slug)
        self.session.team_sections.append(
            TeamSection(
                id=slug,
                title=spec.title if spec else title,
                after=self.last_place,
                text=self._all(section),
            )
        )

    def _rest(self, section: _Section, handled: Callable[[list[Token]], bool], where: str) -> None:
        """Each block a handler did not take is kept as a note; subsections go by name."""
        for group in section.blocks:
            if not handled(group):
                self._note(where, _block_source(self.lines, group))
        for child in section.children:
            self._section(child, top=False)

    # -- metadata ----------------------------------------------------------------------------

    def _s_metadata(self, section: _Section) -> None:
        def handled(group: list[Token]) -> bool:
            if group[0].type == "table_open":
                return self._metadata_table(group)
            if group[0].type == "bullet_list_open":
                return self._metadata_list(group)
            return False

        self._rest(section, handled, "Metadata")

    def _metadata_table(self, group: list[Token]) -> bool:
        rows = _table_rows(group)
        if not rows or [text_of(c).lower() for c in rows[0]][:2] != ["field", "value"]:
            return False
        for row in rows[1:]:
            if len(row) >= 2:
                self._metadata_field(text_of(row[0]), row[1])
        return True

    def _metadata_list(self, group: list[Token]) -> bool:
        pairs = [_labelled(_first_inline(item)) for item in _list_items(group)]
        if not pairs or None in pairs:
            return False
        for label, value in pairs:  # type: ignore[misc]
            self._metadata_field(label, value)
        return True

    def _metadata_paragraph(self, group: list[Token]) -> bool:
        """ "**Authors:** ana, luis" lines before the first section."""
        lines = group[1].content.split("\n")
        pairs = [_labelled(line) for line in lines]
        if not all(pairs):
            return False
        for label, value in pairs:  # type: ignore[misc]
            self._metadata_field(label, value)
        return True

    def _metadata_field(self, label: str, source: str) -> None:
        meta = self.session.metadata
        value = text_of(source)
        name = label.lower().strip(": ")
        names = [v.strip() for v in value.split(", ") if v.strip()]
        if name == "date":
            day = parse_day(value, self.clock)
            if day:
                meta.date = self.clock.day = day
                return
        elif name in ("authors", "author", "owner", "owners"):
            meta.authors = names
            return
        elif name in ("reviewers", "reviewer"):
            meta.reviewers = names
            return
        elif name == "status" and value.lower() in _STATUSES:
            meta.status = _STATUSES[value.lower()]
            return
        elif name == "severity" and value.lower() in (*_SEVERITIES, "unknown"):
            meta.severity = _SEVERITIES.get(value.lower(), Severity.UNKNOWN)
            return
        elif name in ("incident id", "incident", "id"):
            meta.incident_id = value
            return
        elif name in ("services", "service"):
            meta.services = names
            return
        elif name in ("tags", "tag"):
            meta.tags = names
            return
        self._note("Metadata", f"**{label}**: {source}")

    # -- prose sections ----------------------------------------------------------------------

    def _s_summary(self, section: _Section) -> None:
        self._set_prose("summary", section)
        # The guide's template labels its summary paragraph; the label is not the summary.
        self.session.summary = re.sub(
            r"^\*\*One-paragraph summary\*\*:\s*", "", self.session.summary
        )

    def _s_background(self, section: _Section) -> None:
        self._set_prose("background", section)

    def _s_detection(self, section: _Section) -> None:
        self._set_prose("detection", section)

    def _s_resolution(self, section: _Section) -> None:
        self._set_prose("resolution", section)

    def _s_customer_communication(self, section: _Section) -> None:
        self._set_prose("customer_communication", section)

    def _set_prose(self, name: str, section: _Section) -> None:
        target = self.session.root_cause if name in ("what_happened", "trigger") else self.session
        text = self._all(section)
        if target is self.session.root_cause:
            text = self._without_statement(text)
        if getattr(target, name):
            self._note(text_of(section.title), text)
        else:
            setattr(target, name, text)

    # -- impact ------------------------------------------------------------------------------

    def _s_impact(self, section: _Section) -> None:
        """Prose first (its headings nest deeper), then the figures under their subheadings."""
        figures = [child for child in section.children if child.level == section.level + 1]
        if figures:  # pmtui's layout: all before the first subheading is the description
            self.session.impact.description = _source(self.lines, section.start, figures[0].line)
        else:  # written by hand: labelled bullets are figures, the rest is the description
            prose = [
                _block_source(self.lines, group)
                for group in section.blocks
                if group[0].type not in ("bullet_list_open", "table_open")
                or not self._impact_figures(group)
            ]
            if len(prose) == len(section.blocks):  # no figures at all: it is all prose
                self.session.impact.description = self._all(section)
                return
            self.session.impact.description = "\n\n".join(prose)
            for child in section.children:
                self._section(child, top=False)
        for child in figures:
            for group in child.blocks:
                ok = (group[0].type == "bullet_list_open" and self._impact_list(group)) or (
                    group[0].type == "table_open" and self._impact_table(group)
                )
                if not ok:
                    self._note(text_of(child.title), _block_source(self.lines, group))
            for grandchild in child.children:
                self._section(grandchild, top=False)

    def _impact_figures(self, group: list[Token]) -> bool:
        if group[0].type == "table_open":
            return self._impact_table(group)
        return self._impact_list(group)

    def _impact_list(self, group: list[Token]) -> bool:
        items = [_labelled(_first_inline(item)) for item in _list_items(group)]
        if not items or None in items:
            return False
        known = ("duration", "users affected", "data lost", "revenue impact", "sla breach")
        if not any(label.lower() in known or "budget" in label.lower() for label, _ in items):  # type: ignore[misc]
            return False  # a list of the team's own: prose
        for label, value in items:  # type: ignore[misc]
            if not self._impact_field(label.lower(), value):
                self._note("Impact", f"- **{label}**: {value}")
        return True

    def _impact_field(self, label: str, source: str) -> bool:
        impact = self.session.impact
        value = text_of(source)
        if label == "duration":
            minutes = parse_minutes(value)
            if minutes is None:
                return False
            impact.user.duration_minutes = minutes
        elif label in ("users affected", "users"):
            impact.user.users_affected = source
        elif label in ("functionality affected", "functionality", "features affected"):
            impact.user.functionality = [v.strip() for v in value.split(", ") if v.strip()]
        elif label == "data lost":
            impact.user.data_lost = source
        elif label == "revenue impact":
            impact.business.revenue = source
        elif label == "customer complaints":
            match = re.fullmatch(r"(\d+)(?: tickets?(?: filed)?)?", value)
            if not match:
                return False
            impact.business.complaints = int(match[1])
        elif label == "sla breach":
            if value.lower() not in ("yes", "no"):
                return False
            impact.business.sla_breach = value.lower() == "yes"
        elif label in ("error budget consumed", "monthly budget remaining"):
            match = re.fullmatch(r"(\d+(?:\.\d+)?(?:e[+-]?\d+)?)\s*%", value)
            if not match:
                return False
            name = "error_budget_consumed_pct" if "consumed" in label else "budget_remaining_pct"
            setattr(impact.slo, name, float(match[1]))
        elif label == "error budget":
            impact.slo.note = source
        else:
            return False
        return True

    def _impact_table(self, group: list[Token]) -> bool:
        rows = _table_rows(group)
        header = [text_of(c).lower() for c in rows[0]] if rows else []
        if header[:3] != ["where", "what", "how much"]:
            return False
        for row in rows[1:]:
            row = row + [""] * (4 - len(row))
            amount, unit = _amount(text_of(row[2]))
            self.session.impact.entries.append(
                ImpactEntry(
                    scope=text_of(row[0]),
                    measure=_cell_text(row[1]),
                    amount=amount,
                    unit=unit,
                    note=_cell_text(row[3]) if len(header) > 3 else "",
                )
            )
        return True

    # -- timeline ----------------------------------------------------------------------------

    def _s_timeline(self, section: _Section) -> None:
        meta = self.session.metadata
        self.clock.day = meta.date
        self.clock.year = meta.date.year if meta.date else None

        def handled(group: list[Token]) -> bool:
            kind = group[0].type
            if kind == "paragraph_open":
                return self._timeline_paragraph(group)
            if kind == "table_open":
                return self._timeline_table(group)
            if kind in ("bullet_list_open", "ordered_list_open"):
                return self._timeline_list(group)
            return False

        for group in section.blocks:
            if not handled(group):
                self._note("Timeline", _block_source(self.lines, group))
        for child in section.children:
            if heading_key(child.title) == "key intervals":
                source = _source(self.lines, child.start, child.end)
                self.computed.append(("Timeline, key intervals", source, self._key_intervals))
            elif parse_day(text_of(child.title), self.clock):
                self.clock.day = parse_day(text_of(child.title), self.clock)
                for group in child.blocks:
                    if not handled(group):
                        self._note("Timeline", _block_source(self.lines, group))
            else:
                self._section(child, top=False)

    def _key_intervals(self) -> str:
        text = to_markdown(self.session, self.template)
        match = re.search(r"### Key Intervals\n\n(.*?)(?:\n\n---|\n\n##|\Z)", text, re.S)
        return match[1] if match else ""

    def _timeline_paragraph(self, group: list[Token]) -> bool:
        source = group[1].content
        plain = text_of(source)
        match = re.match(r"All times (?:are )?in (?P<zone>[\w/+-]+)", plain)
        on = re.search(r"\bon (\d{4}-\d{2}-\d{2})\b", plain)
        if match and on:
            self.clock.day = dt.date.fromisoformat(on[1])
        if match:
            zone = match["zone"]
            if zone.upper() != "UTC":
                try:
                    self.clock.zone = zoneinfo.ZoneInfo(zone)
                    self.session.metadata.time_zone = zone
                except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                    fixed = _zone(zone, dt.UTC)
                    if fixed is None:
                        return False
                    self.clock.zone = fixed
            return True
        day = parse_day(plain.rstrip(":").split(" (")[0], self.clock)
        if day is not None:  # a date line heading the events after it
            self.clock.day = day
            return True
        lines = source.split("\n")
        events = [self._event_line(line) for line in lines]
        if all(events):
            self.session.timeline.extend(e for e in events if e)
            return True
        return False

    def _event_line(self, source: str) -> TimelineEvent | None:
        """ "14:05 — text", "**14:05** text", "[2019-07-10 16:35 UTC] text", "12 May: text"."""
        line = re.sub(r"^\[([^\]]+)\]\s*", r"\1 ", source.strip())
        line = re.sub(r"^\*\*([^*]+)\*\*:?\s*", r"\1 ", line)
        parsed = parse_time(line, self.clock)
        if parsed is None:
            return None
        moment, precision, rest = parsed
        return TimelineEvent(time=moment, precision=precision, event=rest)

    def _timeline_list(self, group: list[Token]) -> bool:
        events = []
        for item in _list_items(group):
            source = _first_inline(item)
            event = self._event_line(source)
            if event is None:
                return False
            events.append(event)
        self.session.timeline.extend(events)
        return True

    def _timeline_table(self, group: list[Token]) -> bool:
        rows = _table_rows(group)
        header = [text_of(c).lower() for c in rows[0]] if rows else []
        if len(header) < 2 or not header[0].startswith(("time", "when", "date")):
            return False
        column = {name: i for i, name in enumerate(header)}
        for row in rows[1:]:
            parsed = parse_time(text_of(row[0]), self.clock)
            if parsed is None:
                self._note("Timeline", " | ".join(row))
                continue
            moment, precision, _ = parsed
            event = self._event_cell(row[1] if len(row) > 1 else "")
            event.time, event.precision = moment, precision
            if "actor" in column and column["actor"] < len(row):
                event.actor = text_of(row[column["actor"]])
            if "evidence" in column and column["evidence"] < len(row):
                event.evidence = text_of(row[column["evidence"]])
            self.session.timeline.append(event)
        return True

    def _event_cell(self, source: str) -> TimelineEvent:
        parts = split_br(source)
        rationale: list[str] = []
        for index, part in enumerate(parts):
            if part.startswith(RATIONALE):
                rationale = [part[len(RATIONALE) :], *parts[index + 1 :]]
                parts = parts[:index]
                break
        head = parts[0] if parts else ""
        marker = None
        labelled = _labelled(head)
        if labelled and labelled[0].lower() in _MARKERS:
            marker = _MARKERS[labelled[0].lower()]
            head = labelled[1]
        gap = re.compile(r"\s*_\(after a [^)]*gap\)_$")
        if len(parts) > 1:
            parts[-1] = gap.sub("", parts[-1])
        head = gap.sub("", head) if len(parts) <= 1 else head
        lines = [head, *parts[1:]]
        return TimelineEvent(
            time=dt.datetime(2000, 1, 1, tzinfo=dt.UTC),
            event="\n".join(line.strip() for line in lines),
            marker=marker,
            rationale="\n".join(line.strip() for line in rationale),
        )

    # -- root cause --------------------------------------------------------------------------

    def _s_root_cause(self, section: _Section) -> None:
        rc = self.session.root_cause
        leftover: list[str] = []
        for group in section.blocks:
            if not self._statement(group):
                leftover.append(_block_source(self.lines, group))
        if leftover:
            if rc.what_happened:
                self._note("Root cause", "\n\n".join(leftover))
            else:
                rc.what_happened = "\n\n".join(leftover)
        for child in section.children:
            key = SYNONYMS.get(heading_key(child.title))
            if (
                key in ("what_happened", "trigger", "whys")
                or heading_key(child.title) == "fishbone"
            ):
                getattr(self, f"_s_{key or 'fishbone'}")(child)
            else:
                self._section(child, top=False)

    def _without_statement(self, text: str) -> str:
        """The root cause line that follows the last subsection is not part of its prose."""
        lines = text.split("\n")
        for group in _blocks(MD.parse(text)):
            if group[0].type == "paragraph_open" and group[0].map and self._statement(group):
                return "\n".join(lines[: group[0].map[0]]).strip("\n")
        return text

    def _statement(self, group: list[Token]) -> bool:
        if group[0].type != "paragraph_open":
            return False
        labelled = _labelled(group[1].content)
        if labelled and labelled[0].lower() == "root cause":
            self.session.root_cause.statement = labelled[1]
            return True
        return False

    def _s_what_happened(self, section: _Section) -> None:
        self._set_prose("what_happened", section)

    def _s_trigger(self, section: _Section) -> None:
        self._set_prose("trigger", section)

    def _s_whys(self, section: _Section) -> None:
        whys = FiveWhys()
        self._whys_blocks(section.blocks, whys, "Why it happened")
        if not whys.is_empty:
            self.session.root_cause.whys.append(whys)
        for child in section.children:
            match = re.match(r"Problem \d+(?:: (?P<problem>.*))?$", child.title, re.S)
            if match is None:
                self._section(child, top=False)
                continue
            whys = FiveWhys(problem=(match["problem"] or "").strip())
            self._whys_blocks(child.blocks, whys, text_of(child.title))
            self.session.root_cause.whys.append(whys)
            for grandchild in child.children:
                self._section(grandchild, top=False)

    def _whys_blocks(self, blocks: list[list[Token]], whys: FiveWhys, where: str) -> None:
        chains: list[list[WhyNode]] = []
        branch: tuple[int, int] | None = None  # (chain, step) the next list continues
        for group in blocks:
            kind = group[0].type
            if kind == "paragraph_open":
                source = group[1].content
                labelled = _labelled(source)
                if self._statement(group):
                    continue
                if labelled and labelled[0] == "Problem" and not whys.nodes:
                    whys.problem = labelled[1]
                    continue
                chain = re.fullmatch(
                    r"\*\*Chain (\d+)\*\*(?:, from step (\d+) of chain (\d+):)?", source.strip()
                )
                if chain:
                    branch = (int(chain[3]), int(chain[2])) if chain[2] else None
                    continue
            if kind == "ordered_list_open":
                parent = ""
                path: list[WhyNode] = []
                if branch is not None and 0 < branch[0] <= len(chains):
                    path = chains[branch[0] - 1][: branch[1]]
                    parent = path[-1].id if path else ""
                for item in _list_items(group):
                    node = self._why_node(item, whys, parent)
                    whys.nodes.append(node)
                    path.append(node)
                    parent = node.id
                chains.append(path)
                branch = None
                continue
            self._note(where, _block_source(self.lines, group))

    def _why_node(self, item: list[Token], whys: FiveWhys, parent: str) -> WhyNode:
        question = _first_inline(item).strip()
        if question == "**Why?**":
            question = ""
        elif question.startswith("**Why**: "):
            question = question[len("**Why**: ") :]
        elif question.startswith("**Why**"):
            question = "Why" + question[len("**Why**") :]
        because, root = "", False
        nested = [t.content for t in item if t.type == "inline"][1:2]
        if nested:
            because = nested[0].strip()
            if because.endswith("**(root cause)**"):
                root = True
                because = because[: -len("**(root cause)**")].strip()
        return WhyNode(
            id=whys.next_id(), parent=parent, why=question, because=because, root_cause=root
        )

    def _s_fishbone(self, section: _Section) -> None:
        fishbone = Fishbone(categories=[])
        category: FishboneCategory | None = None
        for group in section.blocks:
            kind = group[0].type
            if kind == "paragraph_open":
                labelled = _labelled(group[1].content)
                if labelled and labelled[0] == "Problem":
                    fishbone.problem = text_of(labelled[1])
                    continue
                labelled = _labelled(group[1].content, bare=True)
                if labelled:
                    name, rest = labelled
                    category = FishboneCategory(name=name)
                    fishbone.categories.append(category)
                    if rest and rest != "_none named_":
                        self._note("Fishbone", rest)
                    continue
            if kind == "fence":
                self.fishbone_art = group[0].content
                continue
            if kind == "bullet_list_open" and category is not None:
                for item in _list_items(group):
                    category.causes.append(self._cause(item))
                continue
            self._note("Fishbone", _block_source(self.lines, group))
        self.session.root_cause.fishbone = fishbone
        self.computed.append(("Fishbone diagram", self.fishbone_art or "", self._art))
        for child in section.children:
            self._section(child, top=False)

    def _art(self) -> str:
        text = to_markdown(self.session, self.template)
        match = re.search(r"```text\n(.*?)\n```", text, re.S)
        return match[1] + "\n" if match else ""

    def _cause(self, item: list[Token]) -> Cause:
        source = _first_inline(item)
        match = re.search(r"\s*_\(factor: (.*)\)_$", source)
        if match:
            source = source[: match.start()]
        subs = [t.content for t in item if t.type == "inline"][1:]
        cause = Cause(text=text_of(source), sub_causes=[text_of(s) for s in subs])
        if match:
            self.factor_refs.append((cause, [text_of(match[1])]))
        return cause

    # -- factors, observations, actions ------------------------------------------------------

    def _s_factors(self, section: _Section) -> None:
        def handled(group: list[Token]) -> bool:
            kind = group[0].type
            if kind == "paragraph_open" and text_of(group[1].content) == FACTORS_INTRO:
                return True
            if kind == "table_open":
                rows = _table_rows(group)
                header = [text_of(c).lower() for c in rows[0]] if rows else []
                if not header or header[0] not in ("factor", "contributing factor"):
                    return False
                column = {name: i for i, name in enumerate(header)}
                for row in rows[1:]:
                    get = lambda name, row=row: (  # noqa: E731
                        row[column[name]] if name in column and column[name] < len(row) else ""
                    )
                    self.session.factors.append(
                        Factor(
                            id=self.session.next_factor_id(),
                            factor=text_of(row[0]),
                            description=_cell_text(get("description")),
                            type=text_of(get("type")),
                        )
                    )
                return True
            if kind == "bullet_list_open":
                for item in _list_items(group):
                    source = _first_inline(item)
                    labelled = _labelled(source)
                    name, description = labelled if labelled else (text_of(source), "")
                    self.session.factors.append(
                        Factor(
                            id=self.session.next_factor_id(),
                            factor=name,
                            description=description,
                        )
                    )
                return True
            return False

        self._rest(section, handled, "Contributing factors")

    def _observations(self, name: str, section: _Section) -> None:
        items: list[Observation] = getattr(self.session, name)

        def handled(group: list[Token]) -> bool:
            kind = group[0].type
            if kind == "paragraph_open" and text_of(group[1].content) == LUCKY_INTRO:
                return True
            if kind not in ("bullet_list_open", "ordered_list_open"):
                return False
            for item in _list_items(group):
                items.append(_observation(_first_inline(item)))
                extra = [t for t in item if t.type == "inline"][1:]
                for token in extra:
                    self._note(text_of(section.title), token.content)
            return True

        self._rest(section, handled, text_of(section.title))

    def _s_went_well(self, section: _Section) -> None:
        self._observations("went_well", section)

    def _s_went_poorly(self, section: _Section) -> None:
        self._observations("went_poorly", section)

    def _s_got_lucky(self, section: _Section) -> None:
        self._observations("got_lucky", section)

    def _s_action_items(self, section: _Section) -> None:
        self._actions(section.blocks, "", "Action items")

        def is_group(child: _Section) -> bool:
            return heading_key(child.title) != "action item types" and any(
                g[0].type == "table_open" for g in child.blocks
            )

        titles = [text_of(child.title) for child in section.children if is_group(child)]
        # Beside other groups, "Other" is what the export calls the items without a group.
        others_mean_none = any(title != OTHER_GROUP for title in titles)
        for child in section.children:
            title = text_of(child.title)
            if heading_key(child.title) == "action item types":
                source = _source(self.lines, child.start, child.end)
                self.computed.append(("Action item types", source, self._legend))
            elif is_group(child):
                group = "" if title == OTHER_GROUP and others_mean_none else title
                self._actions(child.blocks, group, title)
                for grandchild in child.children:
                    self._section(grandchild, top=False)
            else:
                self._section(child, top=False)

    # -- the meeting -------------------------------------------------------------------------

    def _s_meeting(self, section: _Section) -> None:
        """Notes as written; the last "Parking Lot" with its table is the open ideas."""
        lot = next(
            (
                child
                for child in reversed(section.children)
                if heading_key(child.title) == heading_key(PARKING_HEADING)
                and any(self._parking_table(group, dry=True) for group in child.blocks)
            ),
            None,
        )
        end = lot.line if lot is not None else section.end
        self.session.meeting.notes = _source(self.lines, section.start, end)
        if lot is None:
            return
        for group in lot.blocks:
            intro = group[0].type == "paragraph_open" and text_of(group[1].content) == PARKING_INTRO
            if not intro and not self._parking_table(group):
                self._note(PARKING_HEADING, _block_source(self.lines, group))
        for child in section.children[section.children.index(lot) + 1 :]:
            self._section(child, top=False)
        for child in lot.children:
            self._section(child, top=False)

    def _parking_table(self, group: list[Token], *, dry: bool = False) -> bool:
        if group[0].type != "table_open":
            return False
        rows = _table_rows(group)
        header = tuple(text_of(c) for c in rows[0]) if rows else ()
        if header != PARKING_COLUMNS:
            return False
        for row in [] if dry else rows[1:]:
            idea, raised_by, during = (*row, "", "", "")[:3]
            self.session.meeting.parking_lot.append(
                ParkedIdea(
                    idea=_cell_text(idea), raised_by=text_of(raised_by), section=text_of(during)
                )
            )
        return True

    def _legend(self) -> str:
        text = to_markdown(self.session, self.template)
        match = re.search(r"### Action Item Types\n(.*?)(?:\n\n---|\n\n##|\Z)", text, re.S)
        return match[1] if match else ""

    def _actions(self, blocks: list[list[Token]], group_name: str, where: str) -> None:
        for group in blocks:
            kind = group[0].type
            if kind == "table_open" and self._action_table(group, group_name):
                continue
            if kind == "bullet_list_open" and self._rationales(group):
                continue
            if kind in ("bullet_list_open", "ordered_list_open"):
                for item in _list_items(group):
                    self.session.action_items.append(
                        ActionItem(
                            id=self.session.next_action_id(),
                            action=_first_inline(item),
                            group=group_name,
                        )
                    )
                continue
            self._note(where, _block_source(self.lines, group))

    def _action_table(self, group: list[Token], group_name: str) -> bool:
        rows = _table_rows(group)
        header = [text_of(c).lower() for c in rows[0]] if rows else []
        names = {"action": "action", "action item": "action", "item": "action"}
        if not any(h in names for h in header):
            return False
        for row in rows[1:]:
            item = ActionItem(id=self.session.next_action_id(), action="", group=group_name)
            refs: list[str] = []
            for index, name in enumerate(header):
                value = row[index] if index < len(row) else ""
                text = text_of(value)
                # A placeholder as written: an escaped "\-" is a value that is a dash.
                empty = value.strip() in ("", "—", "-", "n/a", "N/A")
                if name == "id" and re.fullmatch(r"\d+", text) and int(text) >= 1:
                    item.id = int(text)
                elif names.get(name) == "action":
                    item.action = _cell_text(value)
                elif name == "type" and not empty:
                    known = {t.lower(): t for t in self.template.type_names}
                    item.type = known.get(text.lower(), text)
                elif name == "priority" and not empty:
                    if text.upper() in Priority.__members__:
                        item.priority = Priority(text.upper())
                    else:
                        self._note("Action items", f"action {item.id}: priority {text}")
                elif name == "owner" and not empty:
                    item.owner = text
                elif name in ("due date", "due", "eta") and not empty:
                    try:
                        item.due = dt.date.fromisoformat(text)
                    except ValueError:
                        self._note("Action items", f"action {item.id}: due {text}")
                elif name == "status" and not empty:
                    status = _ACTION_STATUSES.get(text.lower())
                    if status is None:
                        self._note("Action items", f"action {item.id}: status {text}")
                    else:
                        item.status = status
                elif name in ("ticket", "bug", "issue", "link") and not empty:
                    item.ticket = _ticket(value)
                elif name == "addresses" and not empty:
                    refs = [r.strip() for r in text.split(", ") if r.strip()]
                elif name not in ("id",) and not empty:
                    self._note("Action items", f"action {item.id}: {name}: {text}")
            if refs:
                self.factor_refs.append((item, refs))
            self.session.action_items.append(item)
        return True

    def _rationales(self, group: list[Token]) -> bool:
        items = _list_items(group)
        heads = [re.fullmatch(r"\*\*Why action (\d+)\*\*", _first_inline(i).strip()) for i in items]
        if not items or not all(heads):
            return False
        by_id = {item.id: item for item in self.session.action_items}
        list_items = [
            t for t in group if t.type == "list_item_open" and t.level == group[0].level + 1
        ]
        for head, opening in zip(heads, list_items, strict=True):
            assert head is not None and opening.map is not None
            body = "\n".join(self.lines[opening.map[0] + 1 : opening.map[1]])
            text = _dedent(body).strip("\n")
            target = by_id.get(int(head[1]))
            if target is None:
                self._note("Action items", f"{head[0]}\n\n{text}")
            else:
                target.rationale = text
        return True

    # -- lessons, supporting, appendix ---------------------------------------------------------

    def _s_lessons(self, section: _Section) -> None:
        lessons = self.session.lessons

        def takeaways(group: list[Token]) -> bool:
            if group[0].type not in ("ordered_list_open", "bullet_list_open"):
                return False
            for item in _list_items(group):
                source = _first_inline(item)
                labelled = _labelled(source)
                if labelled:
                    lessons.takeaways.append(Takeaway(title=labelled[0], text=labelled[1]))
                else:
                    lessons.takeaways.append(Takeaway(title="", text=source))
            return True

        for group in section.blocks:
            if not takeaways(group):
                self._note("Lessons learned", _block_source(self.lines, group))
        for child in section.children:
            key = heading_key(child.title)
            if key in ("key takeaways", "takeaways"):
                self._plain_blocks(child, takeaways)
            elif key.startswith("recommendations"):
                self._plain_blocks(child, self._recommendations)
            else:
                self._section(child, top=False)

    def _plain_blocks(self, section: _Section, handler: Callable[[list[Token]], bool]) -> None:
        self._rest(section, handler, text_of(section.title))

    def _recommendations(self, group: list[Token]) -> bool:
        if group[0].type not in ("bullet_list_open", "ordered_list_open"):
            return False
        self.session.lessons.recommendations += [_first_inline(i) for i in _list_items(group)]
        return True

    def _s_supporting(self, section: _Section) -> None:
        info = self.session.supporting

        def logs(group: list[Token]) -> bool:
            if group[0].type not in ("fence", "code_block") or info.logs:
                return False
            info.logs = group[0].content.rstrip("\n")
            return True

        def metrics(group: list[Token]) -> bool:
            if group[0].type == "paragraph_open":  # images or links on their own
                children = [c for c in group[1].children or [] if c.type != "softbreak"]
                images = [c for c in children if c.type == "image"]
                if images and len(images) == len(children):
                    info.metrics += [
                        Link(title=_text(c.children or []), url=str(c.attrs["src"])) for c in images
                    ]
                    return True
                return False
            links = self._links(group)
            if links is None:
                return False
            info.metrics += links
            return True

        def related(group: list[Token]) -> bool:
            if group[0].type != "bullet_list_open":
                return False
            for item in _list_items(group):
                inline = next((t for t in item if t.type == "inline"), None)
                if inline is None:
                    info.related.append(RelatedIncident(incident_id=""))
                    continue
                link, rest = _link_and_rest(inline)
                summary = re.sub(r"^\s*[-—–]\s*", "", rest)
                info.related.append(
                    RelatedIncident(incident_id=link.title, url=link.url, summary=summary)
                )
            return True

        handlers = {
            "relevant logs": logs,
            "logs": logs,
            "relevant metrics": metrics,
            "metrics": metrics,
            "graphs": metrics,
            "related incidents": related,
        }
        for group in section.blocks:
            if not (logs(group) or metrics(group)):
                self._note("Supporting information", _block_source(self.lines, group))
        for child in section.children:
            handler = handlers.get(heading_key(child.title))
            if handler is None:
                self._section(child, top=False)
            else:
                self._plain_blocks(child, handler)

    def _links(self, group: list[Token]) -> list[Link] | None:
        if group[0].type != "bullet_list_open":
            return None
        out = []
        for item in _list_items(group):
            inline = next((t for t in item if t.type == "inline"), None)
            if inline is None:
                out.append(Link(title=""))
                continue
            link, rest = _link_and_rest(inline)
            if rest:
                link.title = text_of(inline.content)
                link.url = link.url if not rest else ""
                if link.url == "":
                    link = Link(title=text_of(inline.content))
            out.append(link)
        return out

    def _s_appendix(self, section: _Section) -> None:
        appendix = self.session.appendix

        def glossary(group: list[Token]) -> bool:
            if group[0].type != "bullet_list_open":
                return False
            for item in _list_items(group):
                labelled = _labelled(_first_inline(item))
                term, definition = labelled if labelled else ("", _first_inline(item))
                appendix.glossary.append(GlossaryEntry(term=term, definition=definition))
            return True

        def references(group: list[Token]) -> bool:
            links = self._links(group)
            if links is None:
                return False
            appendix.references += links
            return True

        for group in section.blocks:
            if not references(group):
                self._note("Appendix", _block_source(self.lines, group))
        for child in section.children:
            key = heading_key(child.title)
            if key == "glossary":
                self._plain_blocks(child, glossary)
            elif key in ("references", "links"):
                self._plain_blocks(child, references)
            else:
                self._section(child, top=False)

    # -- finishing ---------------------------------------------------------------------------

    def _finish(self) -> None:
        session = self.session
        by_name: dict[str, str] = {}
        for factor in session.factors:
            by_name.setdefault(factor.factor, factor.id)
        for target, refs in self.factor_refs:
            if isinstance(target, Cause):
                target.factor = by_name.get(refs[0], refs[0])
            else:
                target.addresses = [
                    ROOT_CAUSE_REF if ref == "Root cause" else by_name.get(ref, ref) for ref in refs
                ]
        if self.leading:
            if session.summary:
                for text in self.leading:
                    self._note("Before the first section", text)
            else:
                session.summary = "\n\n".join(self.leading)
        if not session.root_cause.whys:
            session.root_cause.whys = [FiveWhys()]
        if not session.root_cause.fishbone.categories and not session.root_cause.fishbone.problem:
            session.root_cause.fishbone = Fishbone()
        self.session = Session.model_validate(session.model_dump())
        for where, source, compute in self.computed:
            if source.strip() != compute().strip():
                self._note(where, source)
        if self.notes:
            text = "\n\n".join(f"### From {where}\n\n{body}" for where, body in self.notes)
            self.session.team_sections.append(
                TeamSection(id=NOTES_ID, title=NOTES_TITLE, after="appendix", text=text)
            )


def _observation(source: str) -> Observation:
    labelled = _labelled(source)
    if labelled:
        return Observation(area=labelled[0], text=labelled[1])
    return Observation(text=source.strip())


def _amount(text: str) -> tuple[float | None, str]:
    match = re.fullmatch(r"([\d,]*\d(?:\.\d+)?(?:e[+-]?\d+)?)\s*(.*)", text.strip())
    if not match or text.strip() in ("—", "-"):
        return None, ""
    try:
        return float(match[1].replace(",", "")), match[2].strip()
    except ValueError:
        return None, ""


def _ticket(source: str) -> str:
    match = re.fullmatch(r"<(https?://[^>]+)>", source.strip())
    return match[1] if match else text_of(source)


def _link_and_rest(inline: Token) -> tuple[Link, str]:
    """The first link (or image) of an item and the Markdown after it."""
    children = inline.children or []
    source = inline.content
    if children and children[0].type == "link_open":
        close = next(i for i, t in enumerate(children) if t.type == "link_close")
        title = _text(children[1:close])
        rest = _rest_after_link(source)
        return Link(title=title, url=str(children[0].attrs.get("href", ""))), rest
    if children and children[0].type == "image":
        rest = _rest_after_link(source)
        return Link(
            title=_text(children[0].children or []), url=str(children[0].attrs["src"])
        ), rest
    parts = re.split(r"\s+-\s+", source, maxsplit=1)
    return Link(title=text_of(parts[0])), (" - " + parts[1] if len(parts) > 1 else "")


def _rest_after_link(source: str) -> str:
    match = re.match(r"!?\[(?:\\.|[^\]\\])*\]\([^)]*\)", source)
    return source[match.end() :].strip() if match else ""


def import_markdown(
    text: str, *, template: Template = GUIDE_TEMPLATE, fallback_title: str = ""
) -> ImportResult:
    """The session a Markdown postmortem describes, and what could not be placed in it."""
    return _Importer(text, template, fallback_title).run()
