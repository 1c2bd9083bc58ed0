"""Lifting older session files to the current schema, one version at a time.

Each step takes the raw TOML document of version N and returns one of version N+1, so a
file written years ago still opens; the file is only rewritten when the user saves.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

Document = dict[str, Any]


def v1_to_v2(data: Document) -> Document:
    """Version 2: several problems in the 5 whys, and severity may be "unknown".

    - ``root_cause.whys`` (one problem) becomes a list of analyses holding it;
    - accepted findings that pointed into it (``root_cause.whys.nodes[3]``) follow it
      (``root_cause.whys[0].nodes[3]``);
    - a v1 file without a severity meant the old default, SEV3; v2's default is "unknown",
      so the old meaning is written down.
    Everything else in v2 is new and optional, so v1 content needs no other change.
    """
    out = copy.deepcopy(data)
    out["schema_version"] = 2
    root = out.get("root_cause")
    if isinstance(root, dict) and isinstance(root.get("whys"), dict):
        root["whys"] = [root["whys"]]
    metadata = out.setdefault("metadata", {})
    if isinstance(metadata, dict):
        metadata.setdefault("severity", "SEV3")
    for accepted in out.get("accepted", []) or []:
        where = accepted.get("where") if isinstance(accepted, dict) else None
        if isinstance(where, str) and (
            where == "root_cause.whys" or where.startswith("root_cause.whys.")
        ):
            accepted["where"] = "root_cause.whys[0]" + where.removeprefix("root_cause.whys")
    return out


MIGRATIONS: dict[int, Callable[[Document], Document]] = {1: v1_to_v2}
"""Older schema versions and the function that lifts a raw document one version up."""
