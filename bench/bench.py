#!/usr/bin/env python3
"""What the gateway costs over calling Copilot directly, measured against the Copilot simulator.

Starts the standalone simulator, nginx (a bare reverse proxy, the least a hop can cost) and the gateway on
127.0.0.1, then sends the same requests to the three, interleaved round by round:
  - non-streaming chat completions with wrk at concurrency 1, 16 and 64, and /v1/messages at 1;
  - streaming chat completions, /v1/messages (native and translated) and /v1/responses with an asyncio
    client at concurrency 1 and 16;
  - then a fresh gateway receives 100 KB requests, and its RSS is read idle and after two request counts.
Prints markdown tables and the budget, and writes the raw results to bench/results/run-<timestamp>.jsonl.

  python3 bench/bench.py [--quick]      (bench/run.sh builds the jars and checks the tools first)
"""
import argparse
import asyncio
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass

import cases
import procs
import report
import stats
import streams
import wrkrun
from cases import TARGETS


@dataclass(frozen=True)
class Plan:
    name: str
    rounds: int                    # non-streaming rounds per concurrency, each target once per round
    round_seconds: int             # wrk takes whole seconds
    latency_only_rounds: int       # rounds of the /v1/messages cases (concurrency 1 only)
    stream_rounds: int
    stream_slice_seconds: float
    simulator_warmup_seconds: float  # every workload through nginx, before anything is measured
    gateway_warmup_seconds: float  # every workload through the gateway: at least this long...
    gateway_warmup_max_seconds: float  # ...until the JIT compilers are quiet, or at most this long
    memory_checkpoints: tuple      # request counts after which the memory gateway's RSS is read
    memory_max_seconds: float      # bound on sending all of them
    settle_max_seconds: float      # bound on waiting, after the warm-up, for the JIT compilers to finish
    run_max_seconds: float         # the whole run is stopped after this


FULL = Plan("full", rounds=5, round_seconds=4, latency_only_rounds=3, stream_rounds=5, stream_slice_seconds=1.0,
            simulator_warmup_seconds=10, gateway_warmup_seconds=56, gateway_warmup_max_seconds=300,
            memory_checkpoints=(10_000, 50_000),
            memory_max_seconds=900, settle_max_seconds=60, run_max_seconds=3600)
QUICK = Plan("quick", rounds=2, round_seconds=1, latency_only_rounds=1, stream_rounds=2, stream_slice_seconds=0.3,
             simulator_warmup_seconds=1.4, gateway_warmup_seconds=7, gateway_warmup_max_seconds=7,
             memory_checkpoints=(2_000, 6_000),
             memory_max_seconds=30, settle_max_seconds=5, run_max_seconds=300)

NON_STREAMING_CONCURRENCY = (1, 16, 64)
STREAMING_CONCURRENCY = (1, 16)
WARMUP_CONCURRENCY = 16
WARMUP_WORKLOADS = 1 + len(cases.LATENCY_ONLY_CASES) + len(cases.STREAM_CASES)
WARMUP_SECONDS_PER_WORKLOAD = 1
# The JIT has done its work when its threads take less than this share of the JVM's CPU under load.
JIT_QUIET_SHARE = 0.10
MIN_CPU_SECONDS = 0.01
STREAM_WARMUP_CONCURRENCY = 4
MEMORY_CONCURRENCY = 4
IDLE_SECONDS = 5
SETTLE_INTERVAL_SECONDS = 1
SETTLED_CPU_SHARE = 0.05
RESULTS_DIR = os.path.join(procs.ROOT, "bench", "results")
# The interceptor phase: a gateway with one interceptor plugin that allows everything at once (the budget
# guard with no budget: it answers without looking anything up), against the plain gateway.
PLUGIN_JAR_DIR = os.path.join(procs.ROOT, "examples", "budget-guard", "target")
PLUGIN_CONFIG = """\
plugins:
  - class: io.ghcapi.examples.budget.BudgetGuard
    config: {daily_token_budget: 0}
"""
INTERCEPTOR_TARGETS = ("gateway", "gateway+interceptor")


class Bed:
    """The three targets, the token direct calls use, and the request bodies as files for wrk."""

    def __init__(self, work_dir, simulator, nginx, gateway):
        self.work_dir = work_dir
        self.simulator, self.nginx, self.gateway = simulator, nginx, gateway
        self.token = procs.copilot_token(simulator.port)
        self._body_files = {}
        # One loop for all streaming: connections stay bound to the loop that opened them.
        self.loop = asyncio.new_event_loop()

    def port(self, target):
        return {"direct": self.simulator, "nginx": self.nginx, "gateway": self.gateway}[target].port

    def headers(self, target, call):
        return cases.headers_for(target, call, self.token)

    def body_file(self, call):
        body = call.body_bytes()
        if body not in self._body_files:
            path = os.path.join(self.work_dir, f"body-{len(self._body_files)}.json")
            with open(path, "wb") as out:
                out.write(body)
            self._body_files[body] = path
        return self._body_files[body]

    def stream_request(self, target, call):
        return streams.build_request(self.port(target), call.path, self.headers(target, call), call.body_bytes())

    def cpu_seconds(self):
        return {"simulator": self.simulator.cpu_seconds(), "nginx": self.nginx.cpu_seconds(),
                "gateway": self.gateway.cpu_seconds()}


class Results:
    """Raw records, each also appended at once as a JSON line, so an interrupted run keeps what it measured."""

    def __init__(self, path):
        self.path = path
        os.makedirs(os.path.dirname(path), exist_ok=True)

    def add(self, record):
        with open(self.path, "a") as out:
            out.write(json.dumps(record) + "\n")


def cpu_delta(before, after):
    return {name: round(after[name] - before[name], 3) for name in before}


def wrk_round(bed, case, target, connections, seconds):
    call = case.call_for(target)
    before = bed.cpu_seconds()
    result = wrkrun.run(bed.port(target), call.path, bed.headers(target, call), bed.body_file(call), connections,
                        seconds)
    return {"p50_ms": result["p50_us"] / 1000, "p99_ms": result["p99_us"] / 1000, "rps": result["rps"],
            "requests": result["requests"], "errors": result["errors"],
            "cpu_s": cpu_delta(before, bed.cpu_seconds())}


def stream_slice(bed, pools, case, target, seconds):
    call = case.call_for(target)
    before = bed.cpu_seconds()
    result = bed.loop.run_until_complete(streams.run_slice(
        pools[target], bed.stream_request(target, call), call.first_marker, call.end_marker, seconds))
    record = {"streams": len(result.exchanges), "errors": result.errors, "wall_s": result.wall_seconds,
              "events": sum(e.events for e in result.exchanges), "client_busy": result.client_busy,
              "cpu_s": cpu_delta(before, bed.cpu_seconds())}
    return record, result.exchanges


def warm_up(bed, plan):
    """Runs every workload through nginx (which warms the simulator's JIT too), then through the gateway until
    the JIT compilers of both JVMs are quiet under that load. Returns the seconds of gateway traffic and the
    compilers' largest share of a JVM's CPU in the last pass."""
    progress(f"  through nginx for {plan.simulator_warmup_seconds:g} s")
    warm_up_pass(bed, "nginx", plan.simulator_warmup_seconds / WARMUP_WORKLOADS)
    jvms = (bed.simulator, bed.gateway)
    started = time.monotonic()
    while True:
        before = [(jvm.cpu_seconds(), jvm.jit_cpu_seconds()) for jvm in jvms]
        warm_up_pass(bed, "gateway", WARMUP_SECONDS_PER_WORKLOAD)
        jit_share = max((jvm.jit_cpu_seconds() - jit) / max(jvm.cpu_seconds() - cpu, MIN_CPU_SECONDS)
                        for jvm, (cpu, jit) in zip(jvms, before))
        elapsed = time.monotonic() - started
        progress(f"  through the gateway for {elapsed:.0f} s, JIT compilers at {jit_share:.0%} of the CPU")
        quiet = elapsed >= plan.gateway_warmup_seconds and jit_share < JIT_QUIET_SHARE
        if quiet or elapsed >= plan.gateway_warmup_max_seconds:
            return elapsed, jit_share


def warm_up_pass(bed, target, seconds_per_workload):
    for case in (cases.CHAT, *cases.LATENCY_ONLY_CASES):
        wrk_round(bed, case, target, WARMUP_CONCURRENCY, seconds_per_workload)
    for case in cases.STREAM_CASES:
        pools = {target: [streams.Connection(bed.port(target)) for _ in range(STREAM_WARMUP_CONCURRENCY)]}
        stream_slice(bed, pools, case, target, seconds_per_workload)
        close_pools(bed, pools)


def settle(children, max_seconds):
    """Waits until no JVM is still compiling what the warm-up made hot (C2 can lag well behind the traffic on a
    busy machine): each uses under SETTLED_CPU_SHARE of a core over one interval. Returns the seconds waited."""
    started = time.monotonic()
    while time.monotonic() - started < max_seconds:
        before = [child.cpu_seconds() for child in children]
        time.sleep(SETTLE_INTERVAL_SECONDS)
        used = [child.cpu_seconds() - b for child, b in zip(children, before)]
        if all(u < SETTLED_CPU_SHARE * SETTLE_INTERVAL_SECONDS for u in used):
            break
    return time.monotonic() - started


def measure_non_streaming(bed, plan, results, case, concurrency, rounds):
    progress(f"  {case.label}, c={concurrency}")
    by_target = {t: [] for t in TARGETS}
    for round_index in range(rounds):
        for target in stats.rotated(round_index):
            record = {"kind": "wrk", "case": case.key, "concurrency": concurrency, "target": target,
                      "round": round_index, **wrk_round(bed, case, target, concurrency, plan.round_seconds)}
            results.add(record)
            by_target[target].append(record)
    return {t: stats.summarize_wrk(records) for t, records in by_target.items()}


def measure_streaming(bed, plan, results, case, concurrency):
    progress(f"  {case.label}, c={concurrency}")
    pools = {t: [streams.Connection(bed.port(t)) for _ in range(concurrency)] for t in TARGETS}
    records = {t: [] for t in TARGETS}
    exchanges = {t: [] for t in TARGETS}
    try:
        for round_index in range(plan.stream_rounds):
            for target in stats.rotated(round_index):
                record, done = stream_slice(bed, pools, case, target, plan.stream_slice_seconds)
                record = {"kind": "stream", "case": case.key, "concurrency": concurrency, "target": target,
                          "round": round_index, **record}
                results.add(record)
                records[target].append(record)
                exchanges[target].extend(done)
    finally:
        close_pools(bed, pools)
    return {t: stats.summarize_streams(records[t], exchanges[t]) for t in TARGETS}


def close_pools(bed, pools):
    for connections in pools.values():
        for connection in connections:
            connection.close()
    bed.loop.run_until_complete(asyncio.sleep(0))  # lets the transports finish closing


def measure_speed(bed, plan, results):
    summaries = {}
    for concurrency in NON_STREAMING_CONCURRENCY:
        summaries[f"chat c={concurrency}"] = measure_non_streaming(bed, plan, results, cases.CHAT, concurrency,
                                                                   plan.rounds)
    for case in cases.LATENCY_ONLY_CASES:
        summaries[f"{case.key} c=1"] = measure_non_streaming(bed, plan, results, case, 1, plan.latency_only_rounds)
    for case in cases.STREAM_CASES:
        for concurrency in STREAMING_CONCURRENCY:
            summaries[f"{case.key} c={concurrency}"] = measure_streaming(bed, plan, results, case, concurrency)
    return summaries


def measure_interceptor(bed, plan, results, intercepted):
    """Chat at c=1 through the plain gateway and through one with an allow-all interceptor, interleaved: what
    asking one plugin costs a request. The interceptor gateway is warmed up first (the plain one already is)."""
    progress("interceptor: gateway with one allow-all interceptor plugin vs the plain gateway")
    ports = {"gateway": bed.gateway.port, "gateway+interceptor": intercepted.port}
    call = cases.CHAT.gateway
    headers = bed.headers("gateway", call)
    wrkrun.run(intercepted.port, call.path, headers, bed.body_file(call), WARMUP_CONCURRENCY,
               plan.gateway_warmup_seconds / 2)
    settle([intercepted], plan.settle_max_seconds)
    by_target = {t: [] for t in INTERCEPTOR_TARGETS}
    for round_index in range(plan.rounds):
        order = INTERCEPTOR_TARGETS if round_index % 2 == 0 else INTERCEPTOR_TARGETS[::-1]
        for target in order:
            result = wrkrun.run(ports[target], call.path, headers, bed.body_file(call), 1, plan.round_seconds)
            record = {"kind": "interceptor", "target": target, "round": round_index,
                      "p50_ms": result["p50_us"] / 1000, "p99_ms": result["p99_us"] / 1000, "rps": result["rps"],
                      "requests": result["requests"], "errors": result["errors"]}
            results.add(record)
            by_target[target].append(record)
    return {t: {"p50_ms": stats.median([r["p50_ms"] for r in records]),
                "p99_ms": stats.median([r["p99_ms"] for r in records]),
                "rps": stats.median([r["rps"] for r in records]),
                "errors": sum(r["errors"] for r in records)} for t, records in by_target.items()}


def idle_memory(gateway):
    """RSS of the memory gateway before its first request, once start-up has settled."""
    time.sleep(max(0.0, gateway.started + gateway.ready_seconds + IDLE_SECONDS - time.monotonic()))
    return {"label": "idle", "requests": 0, "errors": 0, "rss_mib": gateway.rss_mib(),
            "history_mib": procs.directory_mib(gateway.home)}


def measure_memory(work_dir, plan, gateway, idle, results):
    """The memory gateway (default settings: history on, persisted, default bounds) gets 100 KB requests."""
    progress(f"  100 KB bodies, up to {plan.memory_checkpoints[-1]:,} requests")
    body_file = os.path.join(work_dir, "body-100k.json")
    with open(body_file, "wb") as out:
        out.write(cases.large_chat_body())
    call = cases.CHAT.gateway
    headers = cases.headers_for("gateway", call, token=None)
    deadline = time.monotonic() + plan.memory_max_seconds
    points = [idle]
    sent = errors = 0
    for checkpoint in plan.memory_checkpoints:
        cpu_before = gateway.cpu_seconds()
        batch = wrkrun.send(gateway.port, call.path, headers, body_file, MEMORY_CONCURRENCY, checkpoint - sent,
                            max(1, deadline - time.monotonic()))
        sent, errors = sent + batch["requests"], errors + batch["errors"]
        cpu_ms = (gateway.cpu_seconds() - cpu_before) * 1000 / batch["requests"] if batch["requests"] else None
        points.append({"label": f"after {checkpoint:,}", "requests": sent, "errors": errors,
                       "rss_mib": gateway.rss_mib(), "history_mib": procs.directory_mib(gateway.home),
                       "seconds": batch["seconds"], "cpu_ms_per_request": cpu_ms})
    memory = {"points": points, "heap_after_gc_mib": procs.heap_used_after_gc_mib(gateway.pid)}
    results.add({"kind": "memory", **memory})
    return memory


def describe_jvm(gateway, jvm_flags, plain_jar):
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
    started_as = "java -jar ghc-api.jar (the JVM's defaults)" if plain_jar else "bin/ghc-api"
    return {"java": java[0] if java else "?", "started_as": started_as, "flags": jvm_flags or ["(none added)"],
            "in_effect": procs.jvm_flags_in_effect(gateway.pid)}


class MachineShare:
    """How much of the machine other processes used meanwhile: the numbers are only as quiet as the machine."""

    def __init__(self, children):
        self.children = children
        self.busy, self.total = procs.machine_cpu_seconds()
        self.own = procs.own_cpu_seconds(children)

    def others_percent(self):
        busy, total = procs.machine_cpu_seconds()
        others = (busy - self.busy) - (procs.own_cpu_seconds(self.children) - self.own)
        return max(0.0, 100 * others / (total - self.total)) if total > self.total else 0.0


def load_average():
    with open("/proc/loadavg") as loadavg:
        return loadavg.read().split()[:3]


def plugin_jar():
    if not os.path.isdir(PLUGIN_JAR_DIR):
        return None
    jars = [name for name in os.listdir(PLUGIN_JAR_DIR)
            if name.startswith("budget-guard-") and name.endswith(".jar") and "sources" not in name]
    return os.path.join(PLUGIN_JAR_DIR, sorted(jars)[-1]) if jars else None


def start_all(work_dir, jvm_flags, plain_jar):
    """The simulator, nginx, the gateway measured for speed, the fresh one measured for memory and, when the
    example plugin is built, a gateway with one interceptor, started together; the memory gateway stays idle
    until its phase. Returns the children and the interceptor gateway (or None)."""
    simulator = procs.start_simulator(work_dir)
    children = [simulator]
    try:
        simulator.wait_ready(procs.SIMULATOR_START_SECONDS)
        children.append(procs.start_nginx(work_dir, simulator.port))
        children.append(procs.start_gateway(work_dir, "gateway", simulator.port, jvm_flags, plain_jar))
        children.append(procs.start_gateway(work_dir, "gateway-memory", simulator.port, jvm_flags, plain_jar))
        jar = plugin_jar()
        intercepted = None
        if jar:
            intercepted = procs.start_gateway(work_dir, "gateway-interceptor", simulator.port, jvm_flags, plain_jar,
                                              config_yaml=PLUGIN_CONFIG, plugin_jars=[jar])
            children.append(intercepted)
        children[1].wait_ready(procs.NGINX_START_SECONDS)
        for gateway in children[2:]:
            gateway.wait_ready(procs.GATEWAY_START_SECONDS)
        if intercepted and "deployed from" not in intercepted.log_text():
            progress("the interceptor gateway did not deploy its plugin; skipping that phase:\n" + intercepted.log_tail())
            intercepted = None
    except BaseException:
        procs.stop_all(children)
        raise
    return children, intercepted


def run(plan, jvm_flags, plain_jar, results):
    work_dir = tempfile.mkdtemp(prefix="ghc-bench-")
    try:
        progress("starting the simulator, nginx and the gateways")
        children, intercepted = start_all(work_dir, jvm_flags, plain_jar)
        try:
            return measure_all(work_dir, plan, jvm_flags, plain_jar, results, *children[:4], intercepted)
        finally:
            procs.stop_all(children)
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)


def measure_all(work_dir, plan, jvm_flags, plain_jar, results, simulator, nginx, gateway, memory_gateway,
                intercepted):
    jvm = describe_jvm(gateway, jvm_flags, plain_jar)
    print(f"JVM: {jvm['java']}; flags: {' '.join(jvm['flags'])}; in effect: {' '.join(jvm['in_effect'])}")
    idle = idle_memory(memory_gateway)
    share = MachineShare([simulator, nginx, gateway, memory_gateway])
    meta = {"kind": "meta", "mode": plan.name, "when": time.strftime("%Y-%m-%dT%H:%M:%S"), "jvm": jvm,
            "cpus": os.cpu_count(), "load_average_at_start": load_average(), "gateway_ready_s": gateway.ready_seconds}
    results.add(meta)
    bed = Bed(work_dir, simulator, nginx, gateway)
    try:
        progress("warm-up")
        meta["warmup_s"], meta["warmup_jit_share"] = warm_up(bed, plan)
        meta["jit_quiet_share"] = JIT_QUIET_SHARE
        meta["settle_s"] = settle([simulator, gateway], plan.settle_max_seconds)
        progress(f"  compilers settled after {meta['settle_s']:.0f} s")
        progress("measuring direct / nginx / gateway, interleaved")
        speed = measure_speed(bed, plan, results)
    finally:
        bed.loop.close()
    speed["interceptor"] = measure_interceptor(bed, plan, results, intercepted) if intercepted else None
    progress("memory: a fresh gateway")
    memory = measure_memory(work_dir, plan, memory_gateway, idle, results)
    memory["speed_gateway_rss_mib"] = gateway.rss_mib()
    meta["load_average_at_end"] = load_average()
    meta["others_cpu_percent"] = share.others_percent()
    return meta, speed, memory


_STARTED = time.monotonic()


def progress(message):
    print(f"[{time.monotonic() - _STARTED:5.0f} s] {message}", flush=True)


def stop_on_signal(signum, _frame):
    raise KeyboardInterrupt(f"signal {signum}")


class RunTooLong(Exception):
    pass


def stop_on_alarm(_signum, _frame):
    raise RunTooLong("the run took longer than its bound")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="a short run (under 2 minutes) for development")
    parser.add_argument("--jvm-flags", default="", help="flags for the gateway's JVM, after bin/ghc-api's, e.g. '-Xmx256m'")
    parser.add_argument("--plain-jar", action="store_true",
                        help="start the gateway with `java [--jvm-flags] -jar` instead of bin/ghc-api")
    args = parser.parse_args()
    plan = QUICK if args.quick else FULL
    jvm_flags = args.jvm_flags.split()
    for jar in (procs.GATEWAY_JAR, procs.SIMULATOR_JAR):
        if not os.path.exists(jar):
            raise SystemExit(f"{jar} is missing: run bench/run.sh (or mvn -B -q package -DskipTests) first")
    signal.signal(signal.SIGTERM, stop_on_signal)
    signal.signal(signal.SIGALRM, stop_on_alarm)
    signal.alarm(int(plan.run_max_seconds))
    started = time.monotonic()
    results = Results(os.path.join(RESULTS_DIR, f"run-{time.strftime('%Y%m%d-%H%M%S')}.jsonl"))
    try:
        meta, speed, memory = run(plan, jvm_flags, args.plain_jar, results)
    except KeyboardInterrupt:
        return f"interrupted; what was measured is in {results.path}"
    except RunTooLong as e:
        return f"stopped: {e}; what was measured is in {results.path}"
    signal.alarm(0)
    summary = {"kind": "summary", "mode": plan.name, "seconds": round(time.monotonic() - started, 1),
               "meta": {k: v for k, v in meta.items() if k != "kind"}, "speed": speed, "memory": memory,
               "budget": report.budget(speed, memory)}
    results.add(summary)
    print()
    print(report.render(meta, summary, plan))
    print(f"raw results: {os.path.relpath(results.path, procs.ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
