"""The counters and histograms the application records into; exposed by legalnet.ops.metrics. Kept apart so
that any domain can record a measurement without importing the web side of metrics."""

from prometheus_client import Counter, Histogram

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
REQUESTS = Counter("legalnet_http_requests", "HTTP requests served, by method, endpoint and status.",
                   ["method", "endpoint", "status"])
REQUEST_SECONDS = Histogram("legalnet_http_request_duration_seconds", "Time to answer a request, by endpoint.",
                            ["method", "endpoint"], buckets=LATENCY_BUCKETS)
MATCH_SECONDS = Histogram("legalnet_match_duration_seconds", "Time to compute one request's shortlist.",
                          buckets=LATENCY_BUCKETS)
MATCH_CANDIDATES = Histogram("legalnet_match_candidates", "Firms ranked on the shortlist of one match.",
                             buckets=(0, 1, 2, 3, 5, 10, 20, 50))


def observe_match(seconds: float, candidates: int) -> None:
    """Count one run of the matcher: how long it took and how many firms it ranked."""
    MATCH_SECONDS.observe(seconds)
    MATCH_CANDIDATES.observe(candidates)
