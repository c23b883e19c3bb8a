"""Summaries of the raw measurements: medians over rounds, percentiles over pooled samples, CPU per request."""
import math
import statistics

from cases import TARGETS

# The process that does the hop's work for each target; "direct" has none.
HOP_PROCESS = {"direct": None, "nginx": "nginx", "gateway": "gateway"}


def percentile(values, p):
    """Nearest-rank percentile; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def cpu_ms_per_request(records, process, count_key):
    requests = sum(r[count_key] for r in records)
    if process is None or not requests:
        return None
    return sum(r["cpu_s"][process] for r in records) * 1000 / requests


def summarize_wrk(records):
    """One target's rounds of one case and concurrency."""
    target = records[0]["target"]
    return {
        "p50_ms": median(r["p50_ms"] for r in records),
        "p99_ms": median(r["p99_ms"] for r in records),
        "rps": median(r["rps"] for r in records),
        "requests": sum(r["requests"] for r in records),
        "errors": sum(r["errors"] for r in records),
        "hop_cpu_ms": cpu_ms_per_request(records, HOP_PROCESS[target], "requests"),
        "simulator_cpu_ms": cpu_ms_per_request(records, "simulator", "requests"),
    }


def summarize_streams(records, exchanges):
    """One target's slices of one streaming case and concurrency, with every stream they completed."""
    target = records[0]["target"]
    return {
        "first_byte_p50_ms": percentile([e.first_byte_ms for e in exchanges], 50),
        "first_content_p50_ms": percentile([e.first_content_ms for e in exchanges], 50),
        "first_content_p99_ms": percentile([e.first_content_ms for e in exchanges], 99),
        "total_p50_ms": percentile([e.total_ms for e in exchanges], 50),
        "chunks_per_s": median(r["events"] / r["wall_s"] for r in records),
        "streams_per_s": median(r["streams"] / r["wall_s"] for r in records),
        "streams": sum(r["streams"] for r in records),
        "errors": sum(r["errors"] for r in records),
        "hop_cpu_ms": cpu_ms_per_request(records, HOP_PROCESS[target], "streams"),
        "simulator_cpu_ms": cpu_ms_per_request(records, "simulator", "streams"),
        "client_busy": max(r["client_busy"] for r in records),
    }


def rotated(round_index):
    """The targets in the order of this round, so that none is always first or last."""
    shift = round_index % len(TARGETS)
    return TARGETS[shift:] + TARGETS[:shift]
