"""Non-streaming load with wrk: fixed POSTs over keep-alive connections, for a fixed time or request count."""
import json
import math
import os
import subprocess
import time

from procs import LOOPBACK

SCRIPTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "wrk")
RESULT_PREFIX = "BENCH_RESULT "
MAX_THREADS = 2
REQUEST_TIMEOUT_SECONDS = 10
# wrk stops itself after its duration; this is only the bound on a wrk that hangs.
EXIT_MARGIN_SECONDS = 30
FIRST_COUNTED_RUN_SECONDS = 1
MAX_COUNTED_RUN_SECONDS = 3
COUNTED_RUN_SLACK = 1.1


def whole_seconds(seconds):
    """wrk takes whole seconds only."""
    return max(1, round(seconds))


def threads_for(connections):
    return min(MAX_THREADS, connections)


def run(port, path, headers, body_file, connections, seconds):
    """One timed run; returns wrk's summary with p50/p99 in microseconds and errors."""
    return _wrk(port, path, headers, connections, seconds, [os.path.join(SCRIPTS, "post.lua"), body_file])


def send(port, path, headers, body_file, connections, requests, max_seconds):
    """Sends `requests` requests, or as many as fit in `max_seconds`; returns how many and the errors.

    wrk always runs for its whole duration, so the requests go out in short runs sized from the last run's
    rate, in which each thread stops after its share of what is left.
    """
    started = time.monotonic()
    sent = errors = 0
    seconds = FIRST_COUNTED_RUN_SECONDS
    while sent < requests and time.monotonic() - started < max_seconds:
        left = requests - sent
        share = math.ceil(left / threads_for(connections))
        seconds = min(seconds, max_seconds - (time.monotonic() - started))
        result = _wrk(port, path, headers, connections, seconds,
                      [os.path.join(SCRIPTS, "post_counted.lua"), body_file, str(share)])
        sent += result["requests"]
        errors += result["errors"]
        rate = result["rps"]
        if rate:
            seconds = min(MAX_COUNTED_RUN_SECONDS, (requests - sent) / rate * COUNTED_RUN_SLACK)
    return {"requests": sent, "errors": errors, "seconds": time.monotonic() - started}


def _wrk(port, path, headers, connections, seconds, script_and_args):
    script, *script_args = script_and_args
    command = ["wrk", "-t", str(threads_for(connections)), "-c", str(connections), "-d", f"{whole_seconds(seconds)}s",
               "--timeout", f"{REQUEST_TIMEOUT_SECONDS}s", "-s", script]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    command += [f"http://{LOOPBACK}:{port}{path}", "--", *script_args]
    finished = subprocess.run(command, capture_output=True, text=True,
                              timeout=whole_seconds(seconds) + EXIT_MARGIN_SECONDS)
    for line in finished.stdout.splitlines():
        if line.startswith(RESULT_PREFIX):
            result = json.loads(line[len(RESULT_PREFIX):])
            result["errors"] = sum(result[k] for k in ("connect_errors", "read_errors", "write_errors", "timeouts",
                                                       "non_2xx"))
            result["rps"] = result["requests"] / (result["duration_us"] / 1e6) if result["duration_us"] else 0.0
            return result
    raise SystemExit(f"wrk printed no result (exit {finished.returncode}):\n{finished.stdout}\n{finished.stderr}")
