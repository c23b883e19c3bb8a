"""The markdown report: one table per workload (direct / nginx / gateway), memory, and the budget."""
import cases

ADDED_P50_NON_STREAMING_MS = 0.3
ADDED_P50_FIRST_CONTENT_MS = 0.5
MIN_THROUGHPUT_SHARE_OF_NGINX = 0.70
MAX_RSS_MIB = 200
MAX_RSS_GROWTH_MIB = 5
CLIENT_BUSY_WARNING = 0.9

HEADER = ("| | direct | nginx | gateway | nginx added | gateway added | gateway ÷ direct | gateway ÷ nginx |\n"
          "|---|---:|---:|---:|---:|---:|---:|---:|")

# (label, summary key, kind): "latency" rows get added ms and ratios, "rate" and "hop cpu" rows ratios only.
NON_STREAMING_ROWS = (
    ("p50 ms", "p50_ms", "latency"),
    ("p99 ms", "p99_ms", "latency"),
    ("requests/s", "rps", "rate"),
    ("CPU ms/request, hop", "hop_cpu_ms", "hop cpu"),
    ("CPU ms/request, simulator", "simulator_cpu_ms", "plain"),
    ("errors", "errors", "plain"),
)
STREAMING_ROWS = (
    ("first byte p50 ms", "first_byte_p50_ms", "latency"),
    ("first content p50 ms", "first_content_p50_ms", "latency"),
    ("first content p99 ms", "first_content_p99_ms", "latency"),
    ("total p50 ms", "total_p50_ms", "latency"),
    ("chunks/s", "chunks_per_s", "rate"),
    ("streams/s", "streams_per_s", "rate"),
    ("CPU ms/stream, hop", "hop_cpu_ms", "hop cpu"),
    ("errors", "errors", "plain"),
)


def fmt(value, key=""):
    if value is None:
        return "–"
    if key in ("errors",):
        return f"{value:,}"
    if key in ("rps", "chunks_per_s", "streams_per_s"):
        return f"{value:,.0f}"
    return f"{value:.3f}"


def ratio(numerator, denominator):
    if numerator is None or not denominator:
        return "–"
    return f"{numerator / denominator:.2f}"


def added(value, base):
    return "–" if value is None or base is None else f"{value - base:+.3f}"


def table_row(label, key, kind, by_target):
    direct, nginx, gateway = (by_target[t][key] for t in cases.TARGETS)
    cells = [label, fmt(direct, key), fmt(nginx, key), fmt(gateway, key)]
    if kind == "latency":
        cells += [added(nginx, direct), added(gateway, direct), ratio(gateway, direct), ratio(gateway, nginx)]
    elif kind == "rate":
        cells += ["", "", ratio(gateway, direct), ratio(gateway, nginx)]
    elif kind == "hop cpu":
        cells += ["", "", "", ratio(gateway, nginx)]
    else:
        cells += ["", "", "", ""]
    return "| " + " | ".join(cells) + " |"


def table(title, sections, rows):
    """`sections`: (concurrency, summaries by target) pairs, rendered one after another in one table."""
    lines = [f"### {title}", "", HEADER]
    for concurrency, by_target in sections:
        lines += [table_row(f"c={concurrency} {label}", key, kind, by_target) for label, key, kind in rows]
    return "\n".join(lines)


def speed_tables(speed, plan):
    non_streaming = (f"medians of {plan.rounds} rounds × {plan.round_seconds:g} s per target, "
                     f"/v1/messages {plan.latency_only_rounds} rounds; wrk")
    streaming = (f"{plan.stream_rounds} slices × {plan.stream_slice_seconds:g} s per target; percentiles over all "
                 f"streams, chunks/s = SSE events per second over all connections (median of slices)")
    out = [f"## Non-streaming ({non_streaming})", "",
           table(cases.CHAT.label, [(c, speed[f"chat c={c}"]) for c in (1, 16, 64)], NON_STREAMING_ROWS)]
    for case in cases.LATENCY_ONLY_CASES:
        out += ["", table(case.label, [(1, speed[f"{case.key} c=1"])], NON_STREAMING_ROWS)]
    out += ["", f"## Streaming ({streaming})"]
    for case in cases.STREAM_CASES:
        out += ["", table(case.label, [(c, speed[f"{case.key} c={c}"]) for c in (1, 16)], STREAMING_ROWS)]
    return "\n".join(out)


def interceptor_table(interceptor, plan):
    title = "## Plugins: one interceptor"
    if not interceptor:
        return title + "\n\nNot measured: build examples/budget-guard (the full build does) to measure it."
    plain, hooked = interceptor["gateway"], interceptor["gateway+interceptor"]
    lines = [title, "",
             f"/v1/chat/completions at c=1, {plan.rounds} rounds × {plan.round_seconds:g} s per target, interleaved: the "
             "plain gateway against one whose budget-guard plugin (no budget set) allows every request.", "",
             "| | gateway | gateway + interceptor | added |", "|---|---:|---:|---:|"]
    for key, label in (("p50_ms", "p50 ms"), ("p99_ms", "p99 ms")):
        lines.append(f"| {label} | {fmt(plain[key])} | {fmt(hooked[key])} | {added(hooked[key], plain[key])} |")
    lines.append(f"| requests/s | {fmt(plain['rps'], 'rps')} | {fmt(hooked['rps'], 'rps')} | |")
    lines.append(f"| errors | {plain['errors']:,} | {hooked['errors']:,} | |")
    return "\n".join(lines)


def memory_table(memory):
    lines = ["## Memory (fresh gateway, default history settings, 100 KB chat requests, 4 connections)", "",
             "| point | requests sent | errors | RSS MiB | history on disk MiB | gateway CPU ms/request since the "
             "previous point |", "|---|---:|---:|---:|---:|---:|"]
    for point in memory["points"]:
        lines.append(f"| {point['label']} | {point['requests']:,} | {point['errors']:,} | "
                     f"{point['rss_mib']:.1f} | {point['history_mib']:.1f} | "
                     f"{fmt(point.get('cpu_ms_per_request'))} |")
    heap = memory["heap_after_gc_mib"]
    lines += ["", f"Heap used after a full GC at the end: {'–' if heap is None else f'{heap:.1f} MiB'}. "
                  f"RSS of the gateway used for the speed tables, at their end: "
                  f"{memory['speed_gateway_rss_mib']:.1f} MiB."]
    return "\n".join(lines)


def _line(text, limit, measured, passed):
    return {"line": text, "limit": limit, "measured": measured, "pass": passed}


def _at_most(text, value, limit, unit, decimals=3):
    if value is None:
        return _line(text, f"≤ {limit} {unit}", "not measured", False)
    return _line(text, f"≤ {limit} {unit}", f"{value:.{decimals}f} {unit}", value <= limit)


def budget(speed, memory):
    lines = []
    for key, label in (("chat", "/v1/chat/completions"), ("messages_translated", "/v1/messages translated"),
                       ("messages_native", "/v1/messages native")):
        s = speed[f"{key} c=1"]
        lines.append(_at_most(f"added p50, non-streaming, c=1, {label}",
                              _difference(s["gateway"]["p50_ms"], s["direct"]["p50_ms"]),
                              ADDED_P50_NON_STREAMING_MS, "ms"))
    for key, label in (("chat_stream", "/v1/chat/completions"),
                       ("messages_translated_stream", "/v1/messages translated"),
                       ("messages_native_stream", "/v1/messages native")):
        s = speed[f"{key} c=1"]
        lines.append(_at_most(f"added p50 to first streamed content, c=1, {label}",
                              _difference(s["gateway"]["first_content_p50_ms"], s["direct"]["first_content_p50_ms"]),
                              ADDED_P50_FIRST_CONTENT_MS, "ms"))
    for concurrency in (16, 64):
        s = speed[f"chat c={concurrency}"]
        share = s["gateway"]["rps"] / s["nginx"]["rps"] if s["nginx"]["rps"] else 0.0
        lines.append(_line(f"throughput, non-streaming chat, c={concurrency}, share of nginx's",
                           f"≥ {MIN_THROUGHPUT_SHARE_OF_NGINX:.0%}", f"{share:.0%}",
                           share >= MIN_THROUGHPUT_SHARE_OF_NGINX))
    checkpoints = memory["points"][1:]
    last, before_last = checkpoints[-1], checkpoints[-2]
    lines.append(_at_most(f"RSS after {last['requests']:,} requests of 100 KB", last["rss_mib"], MAX_RSS_MIB, "MiB", 1))
    lines.append(_at_most(f"RSS growth from {before_last['requests']:,} to {last['requests']:,} requests",
                          last["rss_mib"] - before_last["rss_mib"], MAX_RSS_GROWTH_MIB, "MiB", 1))
    return lines


def _difference(value, base):
    return None if value is None or base is None else value - base


def budget_section(lines, plan):
    note = (" (full mode, 2-core machine)" if plan.name == "full"
            else " (quick mode: indicative only, the budget is defined for a full run)")
    out = [f"## Budget{note}", "", "| line | budget | measured | result |", "|---|---|---:|---|"]
    out += [f"| {b['line']} | {b['limit']} | {b['measured']} | {'PASS' if b['pass'] else 'FAIL'} |" for b in lines]
    return "\n".join(out)


def warnings(speed):
    """Figures that say more about the load generator or the run than about the gateway."""
    out = []
    for name, by_target in speed.items():
        for target, summary in (by_target or {}).items():
            if summary.get("client_busy", 0) >= CLIENT_BUSY_WARNING:
                out.append(f"- {name}, {target}: the streaming client was busy {summary['client_busy']:.0%} of the "
                           f"time, so that column's throughput is the client's limit")
            if summary["errors"]:
                out.append(f"- {name}, {target}: {summary['errors']:,} errors")
    return out


def render(meta, summary, plan):
    jvm = meta["jvm"]
    header = [f"# ghc-api benchmark ({plan.name} mode, {meta['when']})", "",
              f"Machine: {meta['cpus']} CPUs; other processes used {meta['others_cpu_percent']:.0f}% of them during "
              f"the run (load average {' '.join(meta['load_average_at_start'])} at start, "
              f"{' '.join(meta['load_average_at_end'])} at end). The run took {summary['seconds']:.0f} s.",
              f"Gateway JVM: {jvm['java']}, started as {jvm.get('started_as', '?')}; flags added: "
              f"{' '.join(jvm['flags'])}; in effect: {' '.join(jvm['in_effect'])}.",
              f"Gateway ready {meta['gateway_ready_s']:.1f} s after launch. Warm-up: {meta['warmup_s']:.0f} s of "
              f"traffic through the gateway; in its last pass the JIT compilers took {meta['warmup_jit_share']:.0%} "
              f"of the gateway's or the simulator's CPU (a full run waits for under "
              f"{meta['jit_quiet_share']:.0%}); they went idle "
              f"within {meta['settle_s']:.0f} s after it."]
    sections = ["\n".join(header), speed_tables(summary["speed"], plan),
                interceptor_table(summary["speed"].get("interceptor"), plan), memory_table(summary["memory"]),
                budget_section(summary["budget"], plan)]
    notes = warnings(summary["speed"])
    if notes:
        sections.append("## Notes\n\n" + "\n".join(notes))
    return "\n\n".join(sections)
