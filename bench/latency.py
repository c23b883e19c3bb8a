#!/usr/bin/env python3
"""Added latency of the gateway over a direct call to the Copilot simulator, plus start-up time and RSS.

Starts the standalone simulator and the gateway (pointed at it) as separate processes on 127.0.0.1,
then sends the same non-streaming chat completion alternately straight to the simulator and through
the gateway, one at a time over keep-alive connections, so both columns come from one interleaved run.

  python3 bench/latency.py [--requests 2000] [--warmup 40000] [--stream-requests 500]

Prints a markdown table and appends the raw figures as one JSON line to bench/results/latency.jsonl.
"""
import argparse
import concurrent.futures
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GATEWAY_JAR = os.path.join(ROOT, "app", "target", "ghc-api.jar")
SIMULATOR_JAR = os.path.join(ROOT, "copilot-simulator", "target", "copilot-simulator.jar")
BODY = json.dumps({"model": "gpt-4.1", "messages": [{"role": "user", "content": "How fast is this?"}]})


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


def wait_for_line(process, needle, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        line = process.stdout.readline()
        if not line:
            raise SystemExit(f"process exited before printing {needle!r}")
        if needle in line:
            return line
    raise SystemExit(f"timed out waiting for {needle!r}")


def copilot_token(port):
    conn = http.client.HTTPConnection("127.0.0.1", port)
    conn.request("GET", "/copilot_internal/v2/token", headers={"Authorization": "token bench"})
    token = json.loads(conn.getresponse().read())["token"]
    conn.close()
    return token


def timed_post(conn, path, headers):
    start = time.perf_counter_ns()
    conn.request("POST", path, body=BODY, headers=headers)
    response = conn.getresponse()
    payload = response.read()
    elapsed = time.perf_counter_ns() - start
    if response.status != 200:
        raise SystemExit(f"{path}: HTTP {response.status} {payload[:200]!r}")
    return elapsed / 1e6


def warm_up(port, path, headers, total, connections=4):
    """Lets the JIT finish compiling the hot path before anything is measured."""
    def worker(count):
        conn = http.client.HTTPConnection("127.0.0.1", port)
        for _ in range(count):
            timed_post(conn, path, headers)
        conn.close()
    with concurrent.futures.ThreadPoolExecutor(connections) as pool:
        list(pool.map(worker, [total // connections] * connections))


def timed_first_delta(conn, path, headers, body, marker):
    """Milliseconds until the first streamed content event arrives; then reads the stream to its end."""
    start = time.perf_counter_ns()
    conn.request("POST", path, body=body, headers=headers)
    response = conn.getresponse()
    if response.status != 200:
        raise SystemExit(f"{path}: HTTP {response.status} {response.read()[:200]!r}")
    first = None
    seen = b""
    while True:
        chunk = response.read1(65536)
        if not chunk:
            break
        if first is None:
            seen += chunk
            if marker in seen:
                first = (time.perf_counter_ns() - start) / 1e6
    return first if first is not None else float("nan")


STREAM_CASES = [
    # (label, direct path, direct body, direct marker, gateway path, gateway body, gateway marker)
    ("chat stream, native", "/chat/completions", {"model": "gpt-4.1", "stream": True,
     "messages": [{"role": "user", "content": "stream"}]}, b'"content":"S',
     "/v1/chat/completions", {"model": "gpt-4.1", "stream": True, "messages": [{"role": "user", "content": "stream"}]},
     b'"content":"S'),
    ("messages stream, native (claude)", "/v1/messages", {"model": "claude-sonnet-4.5", "max_tokens": 64, "stream": True,
     "messages": [{"role": "user", "content": "stream"}]}, b"text_delta",
     "/v1/messages", {"model": "claude-sonnet-4.5", "max_tokens": 64, "stream": True,
     "messages": [{"role": "user", "content": "stream"}]}, b"text_delta"),
    ("messages stream, translated (gpt-4.1 via chat)", "/chat/completions", {"model": "gpt-4.1", "stream": True,
     "messages": [{"role": "user", "content": "stream"}]}, b'"content":"S',
     "/v1/messages", {"model": "gpt-4.1", "max_tokens": 64, "stream": True,
     "messages": [{"role": "user", "content": "stream"}]}, b"text_delta"),
    ("responses stream, translated (gpt-4.1 via chat)", "/chat/completions", {"model": "gpt-4.1", "stream": True,
     "messages": [{"role": "user", "content": "stream"}]}, b'"content":"S',
     "/v1/responses", {"model": "gpt-4.1", "stream": True, "input": "stream"}, b"response.output_text.delta"),
]


def measure_streams(sim_port, gw_port, direct_headers, gateway_headers, iterations, warmup):
    results = {}
    direct = http.client.HTTPConnection("127.0.0.1", sim_port)
    through = http.client.HTTPConnection("127.0.0.1", gw_port)
    anthropic_direct = dict(direct_headers, **{"anthropic-version": "2023-06-01"})
    for label, d_path, d_body, d_marker, g_path, g_body, g_marker in STREAM_CASES:
        d_headers = anthropic_direct if d_path == "/v1/messages" else direct_headers
        d_json, g_json = json.dumps(d_body), json.dumps(g_body)
        for _ in range(warmup):
            timed_first_delta(direct, d_path, d_headers, d_json, d_marker)
            timed_first_delta(through, g_path, gateway_headers, g_json, g_marker)
        d_ms, g_ms = [], []
        for i in range(iterations):
            pair = [(d_ms, direct, d_path, d_headers, d_json, d_marker), (g_ms, through, g_path, gateway_headers, g_json, g_marker)]
            for out, conn, path, headers, body, marker in (pair if i % 2 == 0 else pair[::-1]):
                out.append(timed_first_delta(conn, path, headers, body, marker))
        results[label] = {"direct_p50_ms": round(percentile(d_ms, 50), 3), "gateway_p50_ms": round(percentile(g_ms, 50), 3),
                          "direct_p99_ms": round(percentile(d_ms, 99), 3), "gateway_p99_ms": round(percentile(g_ms, 99), 3)}
    return results


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--warmup", type=int, default=40000)
    parser.add_argument("--stream-requests", type=int, default=500)
    parser.add_argument("--stream-warmup", type=int, default=3000)
    args = parser.parse_args()
    for jar in (GATEWAY_JAR, SIMULATOR_JAR):
        if not os.path.exists(jar):
            raise SystemExit(f"{jar} is missing: run `mvn -B -q package -DskipTests` first")

    sim_port, gw_port = free_port(), free_port()
    simulator = subprocess.Popen(["java", "-jar", SIMULATOR_JAR, "--port", str(sim_port), "--no-record"],
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    gateway = None
    bare = None
    try:
        wait_for_line(simulator, "listening on", 30)
        config_dir = tempfile.mkdtemp(prefix="ghc-bench-")
        env = dict(os.environ, GHC_API_CONFIG_DIR=config_dir, GITHUB_TOKEN="bench",
                   GHC_API_COPILOT_API_BASE_URL=f"http://127.0.0.1:{sim_port}",
                   GHC_API_GITHUB_API_BASE_URL=f"http://127.0.0.1:{sim_port}")
        launched = time.time()
        gateway = subprocess.Popen(["java", "-jar", GATEWAY_JAR, "-p", str(gw_port)], env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        wait_for_line(gateway, "ready in", 60)
        ready_ms = (time.time() - launched) * 1000
        bare_port = free_port()
        bare_env = dict(env, GHC_API_CONFIG_DIR=tempfile.mkdtemp(prefix="ghc-bench-bare-"), GHC_API_HISTORY_ENABLED="false")
        bare = subprocess.Popen(["java", "-jar", GATEWAY_JAR, "-p", str(bare_port)], env=bare_env,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        wait_for_line(bare, "ready in", 60)
        time.sleep(2)
        idle_rss = rss_mib(gateway.pid)

        direct = http.client.HTTPConnection("127.0.0.1", sim_port)
        through = http.client.HTTPConnection("127.0.0.1", gw_port)
        unrecorded = http.client.HTTPConnection("127.0.0.1", bare_port)
        direct_headers = {"Authorization": "Bearer " + copilot_token(sim_port), "Content-Type": "application/json",
                          "Editor-Version": "vscode/1.93.0", "Copilot-Integration-Id": "vscode-chat"}
        gateway_headers = {"Content-Type": "application/json"}
        warm_up(sim_port, "/chat/completions", direct_headers, args.warmup)
        warm_up(gw_port, "/v1/chat/completions", gateway_headers, args.warmup)
        warm_up(bare_port, "/v1/chat/completions", gateway_headers, args.warmup)
        for _ in range(200):
            timed_post(direct, "/chat/completions", direct_headers)
            timed_post(through, "/v1/chat/completions", gateway_headers)

        cpu_before = cpu_seconds(gateway.pid)
        direct_ms, gateway_ms, bare_ms = [], [], []
        calls = [(direct_ms, direct, "/chat/completions", direct_headers),
                 (gateway_ms, through, "/v1/chat/completions", gateway_headers),
                 (bare_ms, unrecorded, "/v1/chat/completions", gateway_headers)]
        for i in range(args.requests):
            for out, conn, path, headers in calls[i % 3:] + calls[:i % 3]:
                out.append(timed_post(conn, path, headers))
        cpu_per_request_ms = (cpu_seconds(gateway.pid) - cpu_before) * 1000 / args.requests
        streams = measure_streams(sim_port, gw_port, direct_headers, gateway_headers, args.stream_requests,
                                  args.stream_warmup)
        loaded_rss = rss_mib(gateway.pid)

        result = {
            "when": time.strftime("%Y-%m-%dT%H:%M:%S"), "requests": args.requests, "concurrency": 1,
            "ready_ms": round(ready_ms), "idle_rss_mib": round(idle_rss, 1), "rss_after_mib": round(loaded_rss, 1),
            "gateway_cpu_ms_per_request": round(cpu_per_request_ms, 3),
        }
        for name, values in (("direct", direct_ms), ("gateway", gateway_ms), ("gateway_no_history", bare_ms)):
            result[name] = {"p50_ms": round(percentile(values, 50), 3), "p99_ms": round(percentile(values, 99), 3),
                            "mean_ms": round(statistics.fmean(values), 3)}
        result["streams_first_delta"] = streams
        result["added_p50_ms"] = round(result["gateway"]["p50_ms"] - result["direct"]["p50_ms"], 3)
        result["added_p99_ms"] = round(result["gateway"]["p99_ms"] - result["direct"]["p99_ms"], 3)

        print(f"| c=1, {args.requests} non-streaming chat completions | direct | gateway | ratio | gateway, history off |")
        print("|---|---|---|---|---|")
        for key in ("p50_ms", "p99_ms", "mean_ms"):
            d, g, b = result["direct"][key], result["gateway"][key], result["gateway_no_history"][key]
            print(f"| {key} | {d:.3f} | {g:.3f} | {g / d:.2f}x | {b:.3f} |")
        print(f"recording cost (history on - off): p50 {result['gateway']['p50_ms'] - result['gateway_no_history']['p50_ms']:.3f} ms")
        print(f"\nadded latency: p50 {result['added_p50_ms']:.3f} ms, p99 {result['added_p99_ms']:.3f} ms")
        print(f"gateway: ready {result['ready_ms']} ms after launch, idle RSS {result['idle_rss_mib']} MiB, "
              f"RSS after the run {result['rss_after_mib']} MiB, CPU {result['gateway_cpu_ms_per_request']} ms/request")
        print(f"\n| first streamed content (c=1, {args.stream_requests} each) | direct p50 | gateway p50 | added p50 | direct p99 | gateway p99 |")
        print("|---|---|---|---|---|---|")
        for label, r in streams.items():
            print(f"| {label} | {r['direct_p50_ms']:.3f} | {r['gateway_p50_ms']:.3f} | "
                  f"{r['gateway_p50_ms'] - r['direct_p50_ms']:.3f} | {r['direct_p99_ms']:.3f} | {r['gateway_p99_ms']:.3f} |")
        os.makedirs(os.path.join(ROOT, "bench", "results"), exist_ok=True)
        with open(os.path.join(ROOT, "bench", "results", "latency.jsonl"), "a") as out:
            out.write(json.dumps(result) + "\n")
    finally:
        for process in (bare, gateway, simulator):
            if process is not None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()


if __name__ == "__main__":
    sys.exit(main())
