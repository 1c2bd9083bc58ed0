"""What reading one document builds up, shared by the readers of its sections.

Each family of sections has a module of readers, functions of this context and a section;
a reader hands the subsections it does not know back to ``ImportContext.section``, which
finds their reader by heading, so the families need not know one another.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markdown_it.token import Token

from sessions.importing.markdown_tree import (
    Section,
    block_source,
    heading_key,
    lines_source,
    text_of,
)
from sessions.importing.times import Clock
from sessions.importing.vocabulary import SYNONYMS
from sessions.markdown import HEADINGS, to_markdown
from sessions.models import ActionItem, Cause, Session, TeamSection
from sessions.template import Template

NOTES_ID = "import-notes"
NOTES_TITLE = "Import Notes"

#: A section family's reader: it fills its part of the session from the section.
SectionReader = Callable[["ImportContext", Section], None]


class ImportContext:
    """The document's lines, the session as read so far, and what is settled at the end."""

    def __init__(self, text: str, template: Template, readers: dict[str, SectionReader]) -> None:
        self.text = text
        self.lines = self.text.split("\n")
        self.template = template
        #: The reader of each part of the session SYNONYMS names.
        self.readers = readers
        self.session = Session()
        self.session.root_cause.whys = []
        self.session.root_cause.fishbone.categories = []
        self.session.meeting.agenda = Session().meeting.agenda
        self.notes: list[tuple[str, str]] = []
        self.clock = Clock()
        self.last_place = "summary"  # before any known section: right after the metadata
        #: Parts the export computes (where, as written, how to compute): written otherwise,
        #: they are kept as notes once the session is complete.
        self.computed: list[tuple[str, str, Callable[[], str]]] = []
        self.fishbone_art: str | None = None
        #: Factors named by causes and action items, matched to the factors' ids at the end.
        self.factor_refs: list[tuple[Cause | ActionItem, list[str]]] = []

    def note(self, where: str, text: str) -> None:
        if text.strip():
            self.notes.append((where, text.strip()))

    def section(self, section: Section, *, top: bool) -> None:
        key = SYNONYMS.get(heading_key(section.title))
        handler = self.readers.get(key) if key else None
        if handler is None:
            if top:
                self.team_section(section)
            else:
                self.note(text_of(section.title), self.body(section))
            return
        if top and key in HEADINGS:
            self.last_place = key
        handler(self, section)

    def body(self, section: Section) -> str:
        """The section's Markdown as written, its subsections included."""
        return lines_source(self.lines, section.start, section.end)

    def block(self, group: list[Token]) -> str:
        """A block's Markdown as written."""
        return block_source(self.lines, group)

    def team_section(self, section: Section) -> None:
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
                text=self.body(section),
            )
        )

    def rest(self, section: Section, handled: Callable[[list[Token]], bool], where: str) -> None:
        """Each block a handler did not take is kept as a note; subsections go by name."""
        for group in section.blocks:
            if not handled(group):
                self.note(where, self.block(group))
        for child in section.children:
            self.section(child, top=False)

    def in_export(self, pattern: str) -> re.Match[str] | None:
        """``pattern`` in the export of the session as it stands: parts the export computes
        (key intervals, the legend, the diagram) are compared with what the document wrote."""
        return re.search(pattern, to_markdown(self.session, self.template), re.S)

    def plain_blocks(self, section: Section, handler: Callable[[list[Token]], bool]) -> None:
        self.rest(section, handler, text_of(section.title))
