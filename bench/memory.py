#!/usr/bin/env python3
"""Gateway RSS after recording many requests, with small bodies and with Claude Code sized (100 KB) bodies.

For each body size a fresh gateway (default settings: history on, persisted, 1000 entries kept) is started
in front of the standalone simulator, 10,000 requests are sent over 4 connections, and its RSS and heap are
read after a full GC. The history keeps summaries in memory and bodies on disk, so both runs should end
close together.

  python3 bench/memory.py [--requests 10000] [--heap 512m]
"""
import argparse
import concurrent.futures
import http.client
import json
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from latency import GATEWAY_JAR, SIMULATOR_JAR, ROOT, free_port, rss_mib, wait_for_line  # noqa: E402


def body_of(size):
    filler = "x" * max(0, size - 120)
    return json.dumps({"model": "gpt-4.1", "messages": [{"role": "user", "content": "remember " + filler}]})


def send(port, body, count):
    conn = http.client.HTTPConnection("127.0.0.1", port)
    for _ in range(count):
        conn.request("POST", "/v1/chat/completions", body=body, headers={"Content-Type": "application/json"})
        response = conn.getresponse()
        response.read()
        if response.status != 200:
            raise SystemExit(f"HTTP {response.status}")
    conn.close()


def heap_used_mib(pid):
    out = subprocess.run(["jcmd", str(pid), "GC.heap_info"], capture_output=True, text=True).stdout
    match = re.search(r"used (\d+)K", out)
    return int(match.group(1)) / 1024 if match else float("nan")


def run(sim_port, body_size, requests, heap):
    port = free_port()
    config_dir = tempfile.mkdtemp(prefix="ghc-mem-")
    env = dict(os.environ, GHC_API_CONFIG_DIR=config_dir, GITHUB_TOKEN="bench",
               GHC_API_COPILOT_API_BASE_URL=f"http://127.0.0.1:{sim_port}",
               GHC_API_GITHUB_API_BASE_URL=f"http://127.0.0.1:{sim_port}")
    command = ["java"] + (["-Xmx" + heap] if heap else []) + ["-jar", GATEWAY_JAR, "-p", str(port)]
    gateway = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        wait_for_line(gateway, "ready in", 60)
        idle = rss_mib(gateway.pid)
        body = body_of(body_size)
        started = time.time()
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            list(pool.map(lambda n: send(port, body, n), [requests // 4] * 4))
        elapsed = time.time() - started
        time.sleep(2)
        subprocess.run(["jcmd", str(gateway.pid), "GC.run"], capture_output=True)
        time.sleep(1)
        disk = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(config_dir) for f in fs)
        return {"body_bytes": len(body), "requests": requests, "seconds": round(elapsed, 1),
                "idle_rss_mib": round(idle, 1), "rss_mib": round(rss_mib(gateway.pid), 1),
                "heap_used_mib": round(heap_used_mib(gateway.pid), 1), "history_on_disk_mib": round(disk / 2**20, 1)}
    finally:
        gateway.terminate()
        gateway.wait(timeout=20)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=10000)
    parser.add_argument("--heap", default="", help="e.g. 512m; empty = the JVM's default")
    args = parser.parse_args()
    sim_port = free_port()
    simulator = subprocess.Popen(["java", "-jar", SIMULATOR_JAR, "--port", str(sim_port), "--no-record"],
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        wait_for_line(simulator, "listening on", 30)
        results = [run(sim_port, size, args.requests, args.heap) for size in (200, 100_000)]
    finally:
        simulator.terminate()
        simulator.wait(timeout=20)
    print(f"| {args.requests} recorded requests (heap {args.heap or 'default'}) | body | idle RSS | RSS after | heap used after GC | history on disk |")
    print("|---|---|---|---|---|---|")
    for r in results:
        print(f"| | {r['body_bytes']} B | {r['idle_rss_mib']} MiB | {r['rss_mib']} MiB | {r['heap_used_mib']} MiB | {r['history_on_disk_mib']} MiB |")
    os.makedirs(os.path.join(ROOT, "bench", "results"), exist_ok=True)
    with open(os.path.join(ROOT, "bench", "results", "memory.jsonl"), "a") as out:
        out.write(json.dumps({"when": time.strftime("%Y-%m-%dT%H:%M:%S"), "heap": args.heap, "runs": results}) + "\n")


if __name__ == "__main__":
    sys.exit(main())
