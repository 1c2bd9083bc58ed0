"""The guide's worked example: the database connection-pool incident, as a full session."""

from __future__ import annotations

import datetime as dt

from sessions.models import (
    ActionItem,
    ActionType,
    Appendix,
    Attendee,
    BusinessImpact,
    Cause,
    Factor,
    Fishbone,
    FishboneCategory,
    FiveWhys,
    GlossaryEntry,
    Impact,
    ImpactEntry,
    Lessons,
    Link,
    Marker,
    Meeting,
    Metadata,
    Observation,
    Priority,
    RelatedIncident,
    Role,
    RootCause,
    Session,
    Severity,
    SloImpact,
    Status,
    Supporting,
    Takeaway,
    TimelineEvent,
    UserImpact,
    WhyNode,
)

INCIDENT_DAY = dt.date(2025, 1, 15)


def _at(hour: int, minute: int, second: int = 0) -> dt.datetime:
    return dt.datetime(2025, 1, 15, hour, minute, second, tzinfo=dt.UTC)


def example_session() -> Session:
    """A complete postmortem that passes every guardrail, for demos, docs and tests."""
    return Session(
        metadata=Metadata(
            title="Checkout errors from database connection pool exhaustion",
            incident_id="INC-4211",
            date=INCIDENT_DAY,
            authors=["Priya Raman", "Tom Okafor"],
            reviewers=["Ana Silva", "Jonas Berg"],
            status=Status.IN_REVIEW,
            severity=Severity.SEV2,
            services=["checkout-api", "orders-db"],
            tags=["database", "connection-pool", "migrations"],
        ),
        summary=(
            "On 2025-01-15 from 13:52 to 14:30 UTC the checkout service returned errors for "
            "about 12% of requests because its database connection pool was exhausted. A "
            "production migration that adds an index had never run, so a slow query held "
            "connections for more than 30 seconds. We rolled back the release that made the "
            "query hot, and we are adding a pending-migration check to the deployment "
            "pipeline, a query timeout and an earlier pool alert."
        ),
        impact=Impact(
            user=UserImpact(
                duration_minutes=38,
                users_affected="12% of checkout requests / about 8,400 users",
                functionality=["Checkout", "Order history"],
            ),
            business=BusinessImpact(
                revenue="$18,000 in delayed orders (recovered)", complaints=37, sla_breach=False
            ),
            slo=SloImpact(error_budget_consumed_pct=42.0, budget_remaining_pct=51.0),
            entries=[
                ImpactEntry(
                    scope="checkout-api", measure="Failed checkout requests", amount=10_080
                ),
                ImpactEntry(
                    scope="orders-db",
                    measure="Connection pool in use",
                    amount=100,
                    unit="%",
                    note="for 25 minutes",
                ),
            ],
        ),
        timeline=[
            TimelineEvent(
                time=_at(13, 52),
                event="Release 2025.01.15-2 deployed; it makes the order-lookup query hot",
                actor="deploy pipeline",
                evidence="pipeline run #8812",
                marker=Marker.ISSUE_STARTED,
            ),
            TimelineEvent(
                time=_at(14, 0),
                event="Connection pool utilisation passes 90% on the dashboard",
                actor="metrics",
                evidence="Grafana: orders-db pool panel",
                marker=Marker.FIRST_DETECTABLE,
            ),
            TimelineEvent(
                time=_at(14, 5),
                event="CheckoutErrorRate paged the checkout on-call",
                actor="alerting",
                evidence="PagerDuty incident #55102",
                marker=Marker.ALERT_FIRED,
            ),
            TimelineEvent(
                time=_at(14, 7),
                event="On-call acknowledged and started checking the network path",
                actor="checkout on-call",
                marker=Marker.ACKNOWLEDGED,
            ),
            TimelineEvent(
                time=_at(14, 12),
                event="No database alert fired although the pool was at 100%",
                actor="alerting",
                marker=Marker.NON_EVENT,
            ),
            TimelineEvent(
                time=_at(14, 15),
                event="Database on-call paged to look at connection errors",
                actor="checkout on-call",
                evidence="#inc-4211 channel",
                marker=Marker.ESCALATED,
            ),
            TimelineEvent(
                time=_at(14, 20),
                event="Slow order-lookup query found holding connections; index missing",
                actor="database on-call",
                evidence="pg_stat_activity snapshot",
                marker=Marker.ROOT_CAUSE_IDENTIFIED,
            ),
            TimelineEvent(
                time=_at(14, 22),
                event="Decision: roll back the release rather than add the index live",
                actor="incident commander",
                marker=Marker.DECISION_POINT,
                rationale="A rollback was a known, tested path; building the index live "
                "would have locked the orders table for minutes",
            ),
            TimelineEvent(
                time=_at(14, 25),
                event="Rollback of release 2025.01.15-2 started",
                actor="checkout on-call",
                evidence="pipeline run #8815",
                marker=Marker.MITIGATION_STARTED,
            ),
            TimelineEvent(
                time=_at(14, 30),
                event="Error rate back to baseline; checkout verified with a test order",
                actor="checkout on-call",
                marker=Marker.SERVICE_RESTORED,
            ),
            TimelineEvent(
                time=_at(14, 45),
                event="Incident closed after 15 minutes of clean metrics",
                actor="incident commander",
                marker=Marker.INCIDENT_CLOSED,
            ),
        ],
        root_cause=RootCause(
            what_happened=(
                "Release 2025.01.15-2 started using the order-lookup query on every checkout. "
                "The index that query needs was added by a migration that had been merged but "
                "never run in production, so each lookup did a full table scan and held its "
                "database connection for 30 seconds or more.\n\n"
                "- Immediate cause: the orders-db connection pool (50 connections) was exhausted.\n"
                "- Sequence: slow queries piled up, new requests waited for a connection and "
                "timed out, checkout returned errors.\n"
                "- The pool alert only fires at 100%, after requests were already failing."
            ),
            trigger="Release 2025.01.15-2, which calls the order-lookup query on every checkout.",
            statement="Deployment process lacks verification of pending database migrations.",
            whys=[
                FiveWhys(
                    problem="The checkout service returned errors",
                    nodes=[
                        WhyNode(
                            id="w1",
                            why="Why did the service return errors?",
                            because="The database connection pool was exhausted.",
                        ),
                        WhyNode(
                            id="w2",
                            parent="w1",
                            why="Why was the connection pool exhausted?",
                            because="A slow query was holding connections for 30+ seconds.",
                        ),
                        WhyNode(
                            id="w3",
                            parent="w2",
                            why="Why was the query slow?",
                            because="A missing index caused a full table scan.",
                        ),
                        WhyNode(
                            id="w4",
                            parent="w3",
                            why="Why was the index missing?",
                            because="The migration to add it was never run in production.",
                        ),
                        WhyNode(
                            id="w5",
                            parent="w4",
                            why="Why wasn't the migration run?",
                            because="Our deployment process doesn't verify pending migrations.",
                            root_cause=True,
                        ),
                        WhyNode(
                            id="w6",
                            parent="w2",
                            why="Why could one query hold a connection that long?",
                            because="No query timeout is configured for the service.",
                        ),
                        WhyNode(
                            id="w7",
                            parent="w6",
                            why="Why is no timeout configured?",
                            because="The service template has no default statement timeout.",
                            root_cause=True,
                        ),
                    ],
                )
            ],
            fishbone=Fishbone(
                problem="Checkout errors from pool exhaustion",
                categories=[
                    FishboneCategory(
                        name="People",
                        causes=[
                            Cause(
                                text="Cognitive load during diagnosis",
                                sub_causes=["Network dashboards looked noisy"],
                            )
                        ],
                    ),
                    FishboneCategory(
                        name="Process",
                        causes=[
                            Cause(
                                text="No pending-migration check in deploys",
                                sub_causes=["Migrations run by hand after merge"],
                                factor="F1",
                            ),
                            Cause(text="Runbook outdated", factor="F4"),
                        ],
                    ),
                    FishboneCategory(
                        name="Technology",
                        causes=[
                            Cause(text="No query timeout", factor="F2"),
                            Cause(
                                text="Pool alert only at 100%",
                                sub_causes=["Threshold copied from an old service"],
                                factor="F3",
                            ),
                        ],
                    ),
                    FishboneCategory(
                        name="Environment",
                        causes=[Cause(text="Peak checkout traffic after a marketing email")],
                    ),
                ],
            ),
        ),
        detection=(
            "The CheckoutErrorRate alert paged the checkout on-call at 14:05, five minutes "
            "after the pool passed 90%. No database alert fired: the pool alert only fires at "
            "100%."
        ),
        resolution=(
            "The incident commander chose to roll back release 2025.01.15-2 (pipeline run "
            "#8815). Errors stopped as soon as the old release served traffic; the on-call "
            "verified checkout with a test order and the incident was closed after 15 minutes "
            "of clean metrics."
        ),
        customer_communication=(
            "- 14:10: status page set to *Degraded performance* for Checkout.\n"
            "- 14:35: status page back to *Operational*, with a short explanation.\n"
            "- 2025-01-16: an email to the 37 customers who filed tickets."
        ),
        factors=[
            Factor(
                id="F1",
                factor="Missing migration check",
                description="Deployment doesn't verify migrations",
                type="Process",
            ),
            Factor(
                id="F2",
                factor="No query timeout",
                description="Long queries hold connections indefinitely",
                type="Configuration",
            ),
            Factor(
                id="F3",
                factor="Insufficient connection pool monitoring",
                description="Didn't alert until pool was 100% exhausted",
                type="Monitoring",
            ),
            Factor(
                id="F4",
                factor="Runbook outdated",
                description="Steps didn't match current architecture",
                type="Documentation",
            ),
        ],
        went_well=[
            Observation(area="Detection", text="Alert fired within 5 minutes of issue starting"),
            Observation(area="Response", text="On-call acknowledged within 2 minutes"),
            Observation(area="Communication", text="Status page updated promptly"),
            Observation(area="Teamwork", text="Cross-team collaboration was smooth"),
            Observation(area="Rollback", text="Quick rollback reduced impact duration"),
        ],
        went_poorly=[
            Observation(area="Detection", text="Alert threshold too high to fire earlier"),
            Observation(area="Diagnosis", text="Investigation first went down the network path"),
            Observation(area="Documentation", text="Runbook didn't cover this scenario"),
            Observation(area="Communication", text="Internal Slack updates were sporadic"),
            Observation(
                area="Recovery", text="Rollback took longer than expected due to manual steps"
            ),
        ],
        got_lucky=[
            Observation(text="Issue happened during business hours with full team available"),
            Observation(text="Recent backup was only 15 minutes old"),
            Observation(text="The slow query only affected one service"),
        ],
        action_items=[
            ActionItem(
                id=1,
                action="Add a pending-migration check to the deployment pipeline",
                type=ActionType.PREVENT,
                priority=Priority.P1,
                owner="Priya Raman",
                due=dt.date(2025, 2, 1),
                ticket="https://tracker.example.com/OPS-101",
                addresses=["F1", "root-cause"],
            ),
            ActionItem(
                id=2,
                action="Configure a 5-second statement timeout for checkout-api",
                type=ActionType.PREVENT,
                priority=Priority.P1,
                owner="Jonas Berg",
                due=dt.date(2025, 1, 25),
                ticket="https://tracker.example.com/OPS-102",
                addresses=["F2"],
            ),
            ActionItem(
                id=3,
                action="Add a connection pool utilisation alert at 70%",
                type=ActionType.DETECT,
                priority=Priority.P2,
                owner="Ana Silva",
                due=dt.date(2025, 2, 1),
                addresses=["F3"],
            ),
            ActionItem(
                id=4,
                action="Add database troubleshooting steps to the checkout runbook",
                type=ActionType.DOCUMENT,
                priority=Priority.P2,
                owner="Tom Okafor",
                due=dt.date(2025, 1, 30),
                addresses=["F4"],
            ),
            ActionItem(
                id=5,
                action="Automate the checkout rollback procedure in the pipeline",
                type=ActionType.MITIGATE,
                priority=Priority.P3,
                owner="Ana Silva",
                due=dt.date(2025, 2, 14),
                addresses=["F1"],
            ),
        ],
        lessons=Lessons(
            takeaways=[
                Takeaway(
                    title="Database migrations need verification",
                    text="Our deployment process should verify that all migrations are "
                    "applied before proceeding.",
                ),
                Takeaway(
                    title="Defense in depth for connection pools",
                    text="Multiple safeguards (query timeout, pool limits, alerting) would "
                    "have limited impact.",
                ),
                Takeaway(
                    title="Runbooks need regular review",
                    text="This scenario wasn't covered, suggesting we need periodic runbook "
                    "audits.",
                ),
            ],
            recommendations=[
                "Consider adding migration checks to the standard deployment template",
                "Review other services for similar query timeout gaps",
                "Schedule quarterly runbook review process",
            ],
        ),
        supporting=Supporting(
            logs=(
                "2025-01-15 14:05:23 ERROR Database connection timeout after 30s\n"
                "2025-01-15 14:05:24 ERROR Connection pool exhausted: 50/50 active\n"
                "2025-01-15 14:05:24 ERROR Request failed: unable to acquire connection"
            ),
            metrics=[
                Link(title="Error Rate Graph", url="https://grafana.example.com/d/checkout"),
                Link(title="Connection Pool Graph", url="https://grafana.example.com/d/orders-db"),
            ],
            related=[
                RelatedIncident(
                    incident_id="INC-1234",
                    url="https://wiki.example.com/postmortems/INC-1234",
                    summary="Similar connection pool issue in 2024-06",
                ),
                RelatedIncident(incident_id="INC-2345", summary="Related slow query incident"),
            ],
        ),
        appendix=Appendix(
            glossary=[
                GlossaryEntry(
                    term="Connection Pool", definition="Set of reusable database connections"
                ),
                GlossaryEntry(term="Migration", definition="Database schema change script"),
            ],
            references=[
                Link(title="Service Architecture Doc", url="https://wiki.example.com/checkout"),
                Link(title="Database Runbook", url="https://wiki.example.com/runbooks/orders-db"),
                Link(title="Deployment Pipeline", url="https://wiki.example.com/deploys"),
            ],
        ),
        meeting=Meeting(
            date=dt.date(2025, 1, 17),
            attendees=[
                Attendee(name="Priya Raman", role=Role.FACILITATOR),
                Attendee(name="Tom Okafor", role=Role.RESPONDER),
                Attendee(name="Jonas Berg", role=Role.RESPONDER),
                Attendee(name="Ana Silva", role=Role.SERVICE_OWNER),
            ],
        ),
    )
