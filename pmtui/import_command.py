"""`pmtui import`: Markdown postmortems into session files, one file or a whole folder."""

from __future__ import annotations

import argparse
import codecs
import sys
from pathlib import Path

from sessions import save
from sessions.checks.config import find_config, load_config
from sessions.import_file import import_text
from sessions.importer import ImportResult


def markdown_files(folder: Path) -> list[Path]:
    """Every `*.md` below ``folder``, hidden paths skipped, in a stable order."""
    return sorted(
        path
        for path in folder.rglob("*.md")
        if not any(part.startswith(".") for part in path.relative_to(folder).parts)
    )


def import_file(source: Path, target: Path, *, force: bool) -> ImportResult | None:
    """Read ``source`` and write ``target``; None (with a message) when that can't be done."""
    if target.exists() and not force:
        print(f"pmtui: {target}: already exists (use --force to overwrite)", file=sys.stderr)
        return None
    try:
        raw = source.read_bytes()
        text = raw.removeprefix(codecs.BOM_UTF8).decode("utf-8")
    except OSError as error:
        print(f"pmtui: {source}: can't read: {error.strerror or error}", file=sys.stderr)
        return None
    except UnicodeDecodeError as error:  # a raw codec message had been printed
        line = raw[: error.start].count(b"\n") + 1
        print(f"pmtui: {source}:{line}: not UTF-8 text: save it as UTF-8", file=sys.stderr)
        return None
    template = load_config(find_config(target)).template
    result = import_text(text, template, source.stem)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        save(result.session, target)
    except OSError as error:
        print(f"pmtui: {target}: {error.strerror or error}", file=sys.stderr)
        return None
    print(f"Wrote {target}", file=sys.stderr)
    for line in result.unplaced:
        print(f"  not placed, kept in Import Notes: {line}", file=sys.stderr)
    return result


def run_import(args: argparse.Namespace) -> int:
    source: Path = args.source
    if source.is_dir():
        out_dir: Path = args.output or source
        files = markdown_files(source)
        failed = 0
        for path in files:
            target = (out_dir / path.relative_to(source)).with_suffix(".toml")
            if import_file(path, target, force=args.force) is None:
                failed += 1
        print(
            f"{len(files) - failed} of {len(files)} postmortem{'s' if len(files) != 1 else ''} "
            f"imported",
            file=sys.stderr,
        )
        return 2 if failed else 0
    if not source.is_file():
        print(f"pmtui: {source}: no such file", file=sys.stderr)
        return 2
    target = args.output or source.with_suffix(".toml")
    return 0 if import_file(source, target, force=args.force) else 2
