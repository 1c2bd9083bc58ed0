"""How the export writes names, numbers, tables, links and tickets; the headline, the impact
editor, the review agenda and the close summary write them the same way from here."""

from __future__ import annotations

import re

from sessions.models import Severity
from sessions.prose import plain, plain_cell, visible_controls

UNNAMED = "(unnamed)"
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp")
SAFE_SCHEMES = ("http://", "https://", "mailto:")


def severity_label(severity: Severity) -> str:
    return "Unknown" if severity is Severity.UNKNOWN else severity.value


def names(items: list[str]) -> str:
    """A list of names on one line, the empty ones left out."""
    return ", ".join(name for name in (plain_text(item) for item in items) if name)


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("-" * (len(h) + 2) for h in header) + "|",
    ]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def plain_text(text: str) -> str:
    """What ``plain`` shows, as text: one line, controls visible, ends trimmed."""
    flat = " ".join(visible_controls(text.replace("\r\n", "\n").replace("\r", "\n")).split("\n"))
    return flat.strip()


def format_minutes(minutes: int) -> str:
    """1451 → "24 hours 11 minutes": every minute the team wrote down is shown."""
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if rest or not hours:
        parts.append(f"{rest} minute{'s' if rest != 1 else ''}")
    return " ".join(parts)


def amount_text(amount: float, unit: str = "") -> str:
    """5000000, "webhooks" → "5,000,000 webhooks"; 12.5, "%" → "12.5%" (the unit as given)."""
    number = f"{int(amount):,}" if amount.is_integer() else f"{amount:,}"
    if not unit:
        return number
    return f"{number}{unit}" if unit == "%" else f"{number} {unit}"


def format_amount(amount: float, unit: str = "") -> str:
    return amount_text(amount, plain(unit))


def link(title: str, url: str) -> str:
    """A link when the URL is one a reader can follow; otherwise the title and URL as text."""
    url = url.strip()
    if not url:
        return plain(title)
    if not url.lower().startswith(SAFE_SCHEMES) and not re.match(r"^[\w./#-]+$", url):
        return plain(f"{title} ({url})")
    safe = url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
    safe = safe.replace("<", "%3C").replace(">", "%3E").replace("\\", "%5C")
    text = plain(title, links=False) or plain(url, links=False)
    image = "!" if url.lower().endswith(IMAGE_SUFFIXES) else ""
    return f"{image}[{text}]({safe})"


def ticket_cell(ticket: str) -> str:
    """A ticket URL is a link; a ticket key ("OPS-101") is text."""
    ticket = ticket.strip()
    if re.fullmatch(r"https?://[^\s<>|\\\x00-\x1f\x7f]+", ticket):
        return f"<{ticket}>"
    return plain_cell(ticket) if plain(ticket) else "—"
