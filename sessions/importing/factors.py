"""Contributing factors: our table (factor, description, type) or a list of them."""

from __future__ import annotations

from markdown_it.token import Token

from sessions.importing.context import ImportContext
from sessions.importing.markdown_tree import (
    Section,
    cell_text,
    first_inline,
    labelled,
    list_items,
    table_rows,
    text_of,
)
from sessions.markdown import FACTORS_INTRO
from sessions.models import Factor


def read_factors(ctx: ImportContext, section: Section) -> None:
    def handled(group: list[Token]) -> bool:
        kind = group[0].type
        if kind == "paragraph_open" and text_of(group[1].content) == FACTORS_INTRO:
            return True
        if kind == "table_open":
            rows = table_rows(group)
            header = [text_of(c).lower() for c in rows[0]] if rows else []
            if not header or header[0] not in ("factor", "contributing factor"):
                return False
            column = {name: i for i, name in enumerate(header)}
            for row in rows[1:]:
                get = lambda name, row=row: (  # noqa: E731
                    row[column[name]] if name in column and column[name] < len(row) else ""
                )
                ctx.session.factors.append(
                    Factor(
                        id=ctx.session.next_factor_id(),
                        factor=text_of(row[0]),
                        description=cell_text(get("description")),
                        type=text_of(get("type")),
                    )
                )
            return True
        if kind in ("bullet_list_open", "ordered_list_open"):  # a numbered list had gone to notes
            for item in list_items(group):
                source = first_inline(item)
                label = labelled(source)
                name, description = label if label else (text_of(source), "")
                ctx.session.factors.append(
                    Factor(
                        id=ctx.session.next_factor_id(),
                        factor=name,
                        description=description,
                    )
                )
            return True
        return False

    ctx.rest(section, handled, "Contributing factors")
