"""The HTTP side: calendar feeds, the subscription API, health and metrics."""
