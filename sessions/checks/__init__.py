"""The guardrails: the guide's rules run over a session, as findings with stable rule ids."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sessions.checks import actions, blameless, depth, required, theater, triage
from sessions.checks.blame_people import People
from sessions.checks.config import CheckConfig
from sessions.checks.fields import people, text_fields
from sessions.checks.findings import Finding, Level, Rule
from sessions.models import Session

ALL_RULES: tuple[Rule, ...] = (
    *blameless.RULES,
    *actions.RULES,
    *depth.RULES,
    *theater.RULES,
    *triage.RULES,
    *required.RULES,
)
RULES_BY_ID = {rule.id: rule for rule in ALL_RULES}
NO_CONFIG = CheckConfig()


def unknown_rules(patterns: Iterable[str]) -> list[str]:
    """The ids or prefixes in ``patterns`` that name no rule: a typo in ``--select`` had
    turned every check off, and the run passed."""
    wanted = [p.strip() for p in patterns if p.strip()]
    return [p for p in wanted if not any(r.id.startswith(p.upper()) for r in ALL_RULES)]


def _wanted(rule_id: str, select: Iterable[str], ignore: Iterable[str]) -> bool:
    select, ignore = tuple(select), tuple(ignore)
    if select and not any(rule_id.startswith(s.strip().upper()) for s in select if s.strip()):
        return False
    return not any(rule_id.startswith(i.strip().upper()) for i in ignore if i.strip())


def blame_people(session: Session, config: CheckConfig = NO_CONFIG) -> People:
    """Who counts as a person in this session's text: its people and the team's words."""
    return People.of(people(session), config.people, config.fine)  # as run_checks does


def blame_findings(
    session: Session,
    config: CheckConfig = NO_CONFIG,
    *,
    where: Iterable[str] | None = None,
    who: People | None = None,
    rewrite: bool = True,
) -> list[Finding]:
    """Only the language rules, cheap enough to run after every pause in typing.

    Each field's text is analysed once per (text, people) and remembered, so after an edit
    only the changed field costs anything. ``where`` limits the check to some field paths
    (e.g. the one being typed in); ``who`` reuses a `blame_people` result; ``rewrite=False``
    leaves the rewrites out (a report that does not show them).
    """
    who = who or blame_people(session, config)
    wanted = None if where is None else set(where)
    out: list[Finding] = []
    for path, text in text_fields(session):
        if wanted is None or path in wanted:
            out.extend(
                blameless.scan_text(
                    path, text, team_phrases=config.phrases, people=who, rewrite=rewrite
                )
            )
    return out


def run_checks(
    session: Session,
    *,
    today: dt.date | None = None,
    config: CheckConfig = NO_CONFIG,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    rewrite: bool = True,
) -> list[Finding]:
    """Every rule, filtered by select/ignore, accepted findings marked as such.

    ``rewrite=False`` leaves the blame findings' rewrites out (the linter's text report)."""
    today = today or dt.date.today()
    names = people(session)  # once: the language rules and the depth rules both use them
    who = People.of(names, config.people, config.fine)
    findings = blame_findings(session, config, who=who, rewrite=rewrite)
    findings += actions.check_actions(session, today, config.template.type_names)
    findings += depth.check_depth(session, names)
    findings += theater.check_theater(session)
    findings += triage.check_triage(session, today)
    findings += required.check_required(session, config.template)
    select = tuple(select) or config.select
    ignore = (*tuple(ignore), *config.ignore)
    findings = [f for f in findings if _wanted(f.rule.id, select, ignore)]
    _mark_accepted(findings, session)
    return findings


def _mark_accepted(findings: list[Finding], session: Session) -> None:
    """Give each finding the reason of the last accepted entry for its rule whose ``where`` is
    a prefix of the finding's (an empty ``where`` accepts the rule everywhere).

    Looked up by (rule, prefix) so that thousands of findings and accepted entries cost a
    dictionary lookup per prefix, not a comparison per pair.
    """
    if not session.accepted:
        return
    by_prefix: dict[tuple[str, str], tuple[int, str]] = {}
    lengths: set[int] = set()
    for order, accepted in enumerate(session.accepted):
        by_prefix[(accepted.rule, accepted.where)] = (order, accepted.reason)
        lengths.add(len(accepted.where))
    for finding in findings:
        rule, where = finding.rule.id, finding.where
        found = [
            by_prefix[key]
            for length in range(len(where) + 1)
            if length in lengths and (key := (rule, where[:length])) in by_prefix
        ]
        if found:
            finding.accepted = max(found)[1]


__all__ = [
    "ALL_RULES",
    "RULES_BY_ID",
    "CheckConfig",
    "Finding",
    "Level",
    "People",
    "Rule",
    "blame_findings",
    "blame_people",
    "run_checks",
    "unknown_rules",
]
