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

from dataclasses import dataclass, field

from markdown_it.token import Token

from sessions.importing.actions import read_action_items
from sessions.importing.context import NOTES_ID, NOTES_TITLE, ImportContext, SectionReader
from sessions.importing.factors import read_factors
from sessions.importing.impact import read_impact
from sessions.importing.lessons import read_lessons
from sessions.importing.markdown_tree import heading_key, section_tree, split_br, text_of
from sessions.importing.meeting import read_meeting
from sessions.importing.metadata import (
    metadata_list,
    metadata_paragraph,
    metadata_table,
    read_metadata,
)
from sessions.importing.observations import read_got_lucky, read_went_poorly, read_went_well
from sessions.importing.plain_sections import (
    read_background,
    read_customer_communication,
    read_detection,
    read_resolution,
    read_summary,
)
from sessions.importing.root_cause import read_root_cause, read_trigger, read_what_happened
from sessions.importing.supporting import read_appendix, read_supporting
from sessions.importing.timeline import read_timeline
from sessions.importing.times import Clock, parse_day, parse_minutes, parse_time
from sessions.importing.vocabulary import SYNONYMS
from sessions.importing.whys import read_whys
from sessions.markdown import TITLE_PREFIX
from sessions.models import ROOT_CAUSE_REF, Cause, Fishbone, FiveWhys, Session, TeamSection
from sessions.prose import MD
from sessions.template import GUIDE_TEMPLATE, Template

__all__ = [
    "NOTES_ID",
    "NOTES_TITLE",
    "SYNONYMS",
    "ImportResult",
    "_Clock",
    "heading_key",
    "import_markdown",
    "parse_day",
    "parse_minutes",
    "parse_time",
    "split_br",
    "text_of",
]

_Clock = Clock  # the name the tests know it by

#: The reader of each part of the session a heading can name (the values of SYNONYMS).
READERS: dict[str, SectionReader] = {
    "metadata": read_metadata,
    "summary": read_summary,
    "background": read_background,
    "impact": read_impact,
    "timeline": read_timeline,
    "root_cause": read_root_cause,
    "what_happened": read_what_happened,
    "trigger": read_trigger,
    "whys": read_whys,
    "factors": read_factors,
    "detection": read_detection,
    "resolution": read_resolution,
    "customer_communication": read_customer_communication,
    "went_well": read_went_well,
    "went_poorly": read_went_poorly,
    "got_lucky": read_got_lucky,
    "action_items": read_action_items,
    "lessons": read_lessons,
    "supporting": read_supporting,
    "appendix": read_appendix,
    "meeting": read_meeting,
}


@dataclass
class ImportResult:
    session: Session
    #: What could not be placed, one line each ("Impact, line 12: …"); kept in the notes.
    unplaced: list[str] = field(default_factory=list)


class _Importer:
    """Reads the title and what stands before the first section, hands each section to its
    reader, then ties up what only the whole document settles (factor references, notes)."""

    def __init__(self, text: str, template: Template, fallback_title: str) -> None:
        self.ctx = ImportContext(text.replace("\r\n", "\n"), template, READERS)
        self.fallback_title = fallback_title
        self.leading: list[str] = []  # prose before the first section: the summary, if none

    def run(self) -> ImportResult:
        ctx = self.ctx
        tokens = MD.parse(ctx.text)
        title, _, root = section_tree(tokens, ctx.lines)
        self._title(title)
        for group in root.blocks:
            self._leading(group)
        sections = root.children
        if len(sections) == 1 and not root.blocks and sections[0].level == 1:
            sections = sections[0].children  # everything under one top heading
        for section in sections:
            ctx.section(section, top=True)
        self._finish()
        result = ImportResult(ctx.session)
        for where, text in ctx.notes:
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
        self.ctx.session.metadata.title = source.strip()

    def _leading(self, group: list[Token]) -> None:
        """Blocks before the first section: metadata tables or lists, else the summary."""
        ctx = self.ctx
        if group[0].type == "table_open" and metadata_table(ctx, group):
            return
        if group[0].type == "bullet_list_open" and metadata_list(ctx, group):
            return
        if group[0].type == "paragraph_open" and metadata_paragraph(ctx, group):
            return
        self.leading.append(ctx.block(group))

    def _finish(self) -> None:
        ctx = self.ctx
        session = ctx.session
        by_name: dict[str, str] = {}
        for factor in session.factors:
            by_name.setdefault(factor.factor, factor.id)
        for target, refs in ctx.factor_refs:
            if isinstance(target, Cause):
                target.factor = by_name.get(refs[0], refs[0])
            else:
                target.addresses = [
                    ROOT_CAUSE_REF if ref == "Root cause" else by_name.get(ref, ref) for ref in refs
                ]
        if self.leading:
            if session.summary:
                for text in self.leading:
                    ctx.note("Before the first section", text)
            else:
                session.summary = "\n\n".join(self.leading)
        if not session.root_cause.whys:
            session.root_cause.whys = [FiveWhys()]
        if not session.root_cause.fishbone.categories and not session.root_cause.fishbone.problem:
            session.root_cause.fishbone = Fishbone()
        ctx.session = Session.model_validate(session.model_dump())
        for where, source, compute in ctx.computed:
            if source.strip() != compute().strip():
                ctx.note(where, source)
        if ctx.notes:
            text = "\n\n".join(f"### From {where}\n\n{body}" for where, body in ctx.notes)
            ctx.session.team_sections.append(
                TeamSection(id=NOTES_ID, title=NOTES_TITLE, after="appendix", text=text)
            )


def import_markdown(
    text: str, *, template: Template = GUIDE_TEMPLATE, fallback_title: str = ""
) -> ImportResult:
    """The session a Markdown postmortem describes, and what could not be placed in it."""
    return _Importer(text, template, fallback_title).run()
