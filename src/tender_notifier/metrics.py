"""Prometheus metrics, one registry per daemon (so tests can run several side by side)."""

from __future__ import annotations

from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.deliveries = Counter(
            "tn_deliveries",
            "Finished delivery attempts by channel and outcome (sent, retry, dead, skipped).",
            ["channel", "outcome"],
            registry=r,
        )
        self.attempts = Counter(
            "tn_delivery_attempts",
            "Delivery attempts started, by channel.",
            ["channel"],
            registry=r,
        )
        self.lateness = Histogram(
            "tn_reminder_lateness_seconds",
            "How long after its due time a reminder was delivered.",
            buckets=(0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 1800, 3600, 86400),
            registry=r,
        )
        self.dead_letters = Gauge(
            "tn_dead_letters", "Deliveries given up on (status dead).", registry=r
        )
        self.next_due = Gauge(
            "tn_next_due_timestamp_seconds",
            "Unix time of the next scheduled wake-up (0 when nothing is scheduled).",
            registry=r,
        )
        self.tenders = Gauge("tn_tenders", "Tenders in force.", registry=r)
        self.subscriptions = Gauge(
            "tn_subscriptions", "Subscriptions by status.", ["status"], registry=r
        )
        self.feed_requests = Counter(
            "tn_feed_requests",
            "Calendar feed requests by HTTP status code.",
            ["status"],
            registry=r,
        )
        self.reloads = Counter(
            "tn_tender_reloads",
            "Reloads of the tender files by outcome.",
            ["outcome"],
            registry=r,
        )
        self.work_notifications = Counter(
            "tn_work_notifications",
            "Work announced by other daemons on the same PostgreSQL store, by kind (plan, due).",
            ["kind"],
            registry=r,
        )
        self.work_listener_up = Gauge(
            "tn_work_listener_up",
            "1 while this daemon listens for other daemons' work (PostgreSQL), else 0.",
            registry=r,
        )
        # Labelled counters by their labels: looking one up validates the labels and takes a
        # lock, which a burst counting two per message does thousands of times a second.
        self._children: dict[tuple[str, ...], Any] = {}

    def attempted(self, channel: str) -> None:
        """Count a delivery attempt started on ``channel``."""
        self._child(self.attempts, "attempt", channel).inc()

    def delivered(self, channel: str, outcome: str) -> None:
        """Count a finished delivery attempt: sent, retry, dead or skipped."""
        self._child(self.deliveries, "outcome", channel, outcome).inc()

    def _child(self, counter: Counter, *labels: str) -> Any:
        child = self._children.get(labels)
        if child is None:
            child = self._children[labels] = counter.labels(*labels[1:])
        return child
