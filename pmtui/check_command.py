"""`pmtui check`: the guardrails as a linter for CI and pre-commit hooks."""

from __future__ import annotations

import argparse
from pathlib import Path

from pmtui import output
from sessions import SessionFileError, load
from sessions.checks import Finding, Level, run_checks, unknown_rules
from sessions.checks.config import CheckConfig, find_config, load_config
from sessions.folder import session_files
from sessions.wording import counted

LIST_THEM = "pmtui check --explain all lists them"


def explain_rule(rule_id: str) -> int:
    from sessions.checks import ALL_RULES, RULES_BY_ID
    from sessions.checks.explain import render

    if rule_id.strip().lower() == "all":
        for each in ALL_RULES:
            output.line(f"{each.id}  {each.level}  {each.summary}")
        return 0
    rule = RULES_BY_ID.get(rule_id.strip().upper())
    if rule is None:
        output.error(f"unknown rule {rule_id!r} ({LIST_THEM})")
        return 2
    output.text(render(rule))
    return 0


def _checked(config: CheckConfig) -> CheckConfig:
    """A config's ``select`` naming no rule turns every check off and the run passes: here,
    where that would pass CI, it is refused (elsewhere a stale id does no harm)."""
    if wrong := unknown_rules(config.select):
        raise SessionFileError(config.path, f"no rule is {wrong[0]!r}", field="check.select")
    return config


def _worst_first(finding: Finding) -> tuple[int, str]:
    return -finding.level, finding.where


def run_check(args: argparse.Namespace) -> int:
    if args.explain:
        return explain_rule(args.explain)
    if not args.files:
        output.error("check needs a session file or folder (or --explain RULE)")
        return 2
    threshold = Level.parse(args.level)
    select = [s for s in args.select.split(",") if s.strip()]
    ignore = [s for s in args.ignore.split(",") if s.strip()]
    for option, patterns in (("--select", select), ("--ignore", ignore)):
        if wrong := unknown_rules(patterns):
            output.error(f"{option}: no rule is {wrong[0]!r} ({LIST_THEM})")
            return 2
    configs: dict[Path | None, object] = {}
    config_of_folder: dict[Path, Path | None] = {}
    unreadable = 0
    failing = 0
    counts = {level: 0 for level in Level}
    report = []
    found = session_files(args.files)
    for problem in found.problems:
        unreadable += 1
        if args.format == "json":
            report.append({"path": str(problem.path), "error": str(problem)})
        else:
            output.error(problem)
    files = found.files
    for path in files:
        try:
            config_path = args.config or find_config(path, config_of_folder)
            if config_path not in configs:
                configs[config_path] = _checked(load_config(config_path))
            session = load(path)
        except SessionFileError as error:
            unreadable += 1
            if args.format == "json":
                report.append({"path": str(path), "error": str(error)})
            else:
                output.error(error)
            continue
        findings = run_checks(
            session,
            today=args.today,
            config=configs[config_path],
            select=select,
            ignore=ignore,
            rewrite=args.format == "json",
        )
        live = [f for f in findings if not f.accepted]
        for finding in live:
            counts[finding.level] += 1
            if finding.level >= threshold:
                failing += 1
        if args.format == "json":  # in the order the text gives them: worst first
            shown = sorted(findings, key=_worst_first)
            report.append({"path": str(path), "findings": [f.to_dict() for f in shown]})
        else:
            for finding in sorted(live, key=_worst_first):
                output.line(
                    f"{path}: {finding.where}: {finding.rule.id} {finding.level}: {finding.message}"
                )
    if args.format == "json":
        output.json_out(report)
    else:
        errors, warnings = counts[Level.ERROR], counts[Level.WARNING]
        summary = (
            f"{counted(len(files), 'file')} checked: {counted(errors, 'error')}, "
            f"{counted(warnings, 'warning')}, {counts[Level.INFO]} info"
        )
        if unreadable:
            summary += f", {unreadable} unreadable"
        output.line(summary)
    if unreadable:
        return 2
    return 1 if failing else 0
