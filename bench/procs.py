"""The processes under test: the Copilot simulator, nginx and the gateway, and what /proc says about them."""
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GATEWAY_JAR = os.path.join(ROOT, "app", "target", "ghc-api.jar")
GATEWAY_LAUNCHER = os.path.join(ROOT, "bin", "ghc-api")
SIMULATOR_JAR = os.path.join(ROOT, "copilot-simulator", "target", "copilot-simulator.jar")
LOOPBACK = "127.0.0.1"

SIMULATOR_READY = "listening on"
GATEWAY_READY = "ready in"
SIMULATOR_START_SECONDS = 60
GATEWAY_START_SECONDS = 120
NGINX_START_SECONDS = 15
STOP_SECONDS = 15
# The token the direct calls use must outlive the run (Copilot's real ones last about 25 minutes).
TOKEN_LIFETIME_SECONDS = 7200
NGINX_UPSTREAM_KEEPALIVE = 64
# Keep client and upstream connections open for the whole run, as the gateway does.
NGINX_KEEPALIVE_REQUESTS = 100_000_000

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
# Thread names as /proc shows them (their first 15 characters).
JIT_THREAD_NAMES = ("C1 CompilerThre", "C2 CompilerThre")


def free_port():
    with socket.socket() as s:
        s.bind((LOOPBACK, 0))
        return s.getsockname()[1]


class Child:
    """A started process whose output goes to a log file. It is ready when its log shows `ready_line`, or,
    without one, when its port accepts connections."""

    def __init__(self, name, command, log_path, port, ready_line=None, env=None, home=None):
        self.name = name
        self.log_path = log_path
        self.port = port
        self.home = home
        self.ready_line = ready_line
        self.ready_seconds = None
        self._log = open(log_path, "w")
        self.process = subprocess.Popen(command, env=env, stdout=self._log, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL, start_new_session=True)
        self.started = time.monotonic()

    @property
    def pid(self):
        return self.process.pid

    def wait_ready(self, timeout):
        deadline = self.started + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"{self.name} exited with {self.process.returncode}:\n{self.log_tail()}")
            if self._is_ready():
                self.ready_seconds = time.monotonic() - self.started
                return self
            time.sleep(0.05)
        raise SystemExit(f"{self.name} not ready within {timeout} s:\n{self.log_tail()}")

    def _is_ready(self):
        if self.ready_line is not None:
            return self.ready_line in self.log_text()
        try:
            socket.create_connection((LOOPBACK, self.port), timeout=1).close()
            return True
        except OSError:
            return False

    def log_text(self):
        with open(self.log_path, errors="replace") as log:
            return log.read()

    def log_tail(self, lines=20):
        return "\n".join(self.log_text().splitlines()[-lines:])

    def close_log(self):
        self._log.close()

    def pids(self):
        """This process and its direct children (nginx workers)."""
        try:
            with open(f"/proc/{self.pid}/task/{self.pid}/children") as children:
                return [self.pid] + [int(p) for p in children.read().split()]
        except OSError:
            return [self.pid]

    def cpu_seconds(self):
        return sum(cpu_seconds(pid) for pid in self.pids())

    def jit_cpu_seconds(self):
        return jit_cpu_seconds(self.pid)

    def rss_mib(self):
        return sum(rss_mib(pid) for pid in self.pids())


def stop_all(children):
    """Asks all to stop at once, then waits for each; kills what does not stop in time."""
    running = [c for c in children if c.process.poll() is None]
    for child in running:
        child.process.terminate()
    deadline = time.monotonic() + STOP_SECONDS
    for child in running:
        try:
            child.process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            child.process.kill()
            child.process.wait()
    for child in children:
        child.close_log()


def cpu_seconds(pid):
    """User + system time of a running process (all its threads)."""
    return _stat_cpu_seconds(f"/proc/{pid}/stat")


def jit_cpu_seconds(pid):
    """User + system time of a JVM's JIT compiler threads."""
    total = 0.0
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return total
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/comm") as comm:
                if not comm.read().startswith(JIT_THREAD_NAMES):
                    continue
        except OSError:
            continue
        total += _stat_cpu_seconds(f"/proc/{pid}/task/{tid}/stat")
    return total


def _stat_cpu_seconds(path):
    try:
        with open(path) as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    utime, stime = int(fields[11]), int(fields[12])
    return (utime + stime) / CLOCK_TICKS


def machine_cpu_seconds():
    """Busy and total CPU seconds of the whole machine since boot, over all CPUs."""
    with open("/proc/stat") as stat:
        fields = [int(v) for v in stat.readline().split()[1:9]]
    user, nice, system, idle, iowait, irq, softirq, steal = fields
    busy = user + nice + system + irq + softirq + steal
    return busy / CLOCK_TICKS, (busy + idle + iowait) / CLOCK_TICKS


def own_cpu_seconds(children):
    """CPU of this script, the tools it ran to completion (wrk, jcmd) and the processes it started."""
    times = os.times()
    return (times.user + times.system + times.children_user + times.children_system
            + sum(child.cpu_seconds() for child in children))


def rss_mib(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def start_simulator(work_dir):
    port = free_port()
    return Child("copilot-simulator",
                 ["java", "-jar", SIMULATOR_JAR, "--port", str(port), "--no-record",
                  "--token-lifetime", str(TOKEN_LIFETIME_SECONDS)],
                 os.path.join(work_dir, "simulator.log"), port, ready_line=SIMULATOR_READY)


def start_gateway(work_dir, name, simulator_port, jvm_flags, plain_jar=False, config_yaml=None, plugin_jars=()):
    """A gateway with its default settings and its own empty configuration directory, started as the README
    starts it (bin/ghc-api, whose JVM settings come first, then `jvm_flags`), or with `plain_jar` as
    `java [jvm_flags] -jar ghc-api.jar` with the JVM's own defaults. `config_yaml` and `plugin_jars` go in
    its configuration directory."""
    port = free_port()
    config_dir = os.path.join(work_dir, name)
    os.makedirs(os.path.join(config_dir, "plugins"))
    if config_yaml is not None:
        with open(os.path.join(config_dir, "config.yaml"), "w") as config:
            config.write(config_yaml)
    for jar in plugin_jars:
        shutil.copy(jar, os.path.join(config_dir, "plugins"))
    upstream = f"http://{LOOPBACK}:{simulator_port}"
    env = dict(os.environ, GHC_API_CONFIG_DIR=config_dir, GITHUB_TOKEN="bench",
               GHC_API_COPILOT_API_BASE_URL=upstream, GHC_API_GITHUB_API_BASE_URL=upstream)
    if plain_jar:
        command = ["java", *jvm_flags, "-jar", GATEWAY_JAR]
    else:
        env.update(GHC_API_JAR=GATEWAY_JAR, GHC_API_JAVA_OPTS=" ".join(jvm_flags))
        command = [GATEWAY_LAUNCHER]
    return Child(name, [*command, "-p", str(port)],
                 os.path.join(work_dir, name + ".log"), port, ready_line=GATEWAY_READY, env=env, home=config_dir)


NGINX_CONFIG = """\
daemon off;
master_process on;
worker_processes 2;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  client_body_temp_path {dir}/client_body;
  proxy_temp_path {dir}/proxy;
  fastcgi_temp_path {dir}/fastcgi;
  uwsgi_temp_path {dir}/uwsgi;
  scgi_temp_path {dir}/scgi;
  keepalive_requests {keepalive_requests};
  client_max_body_size 0;
  upstream simulator {{
    server {host}:{upstream_port};
    keepalive {keepalive};
    keepalive_requests {keepalive_requests};
  }}
  server {{
    listen {host}:{port};
    location / {{
      proxy_pass http://simulator;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_buffering off;
      proxy_request_buffering off;
    }}
  }}
}}
"""


def start_nginx(work_dir, simulator_port):
    """A bare reverse proxy in front of the simulator: the least work a hop can do."""
    nginx_dir = os.path.join(work_dir, "nginx")
    os.makedirs(nginx_dir)
    port = free_port()
    config_path = os.path.join(nginx_dir, "nginx.conf")
    with open(config_path, "w") as config:
        config.write(NGINX_CONFIG.format(dir=nginx_dir, host=LOOPBACK, port=port, upstream_port=simulator_port,
                                         keepalive=NGINX_UPSTREAM_KEEPALIVE,
                                         keepalive_requests=NGINX_KEEPALIVE_REQUESTS))
    return Child("nginx", ["nginx", "-p", nginx_dir, "-e", os.path.join(nginx_dir, "error.log"), "-c", config_path],
                 os.path.join(nginx_dir, "stdout.log"), port, home=nginx_dir)


def copilot_token(simulator_port):
    """The Copilot token the simulator issues for a GitHub token, as the gateway would obtain it."""
    conn = http.client.HTTPConnection(LOOPBACK, simulator_port, timeout=10)
    try:
        conn.request("GET", "/copilot_internal/v2/token", headers={"Authorization": "token bench"})
        return json.loads(conn.getresponse().read())["token"]
    finally:
        conn.close()


def jvm_flags_in_effect(pid):
    """The heap and GC settings the JVM chose (ergonomics), as `jcmd VM.flags` reports them."""
    out = subprocess.run(["jcmd", str(pid), "VM.flags"], capture_output=True, text=True, timeout=30).stdout
    wanted = ("UseG1GC", "UseSerialGC", "UseParallelGC", "UseZGC", "MaxHeapSize", "InitialHeapSize", "NewSize",
              "HeapFreeRatio", "CICompilerCount")
    flags = [flag for flag in out.split() if flag.startswith("-XX:") and any(w in flag for w in wanted)]
    return [humanize_size_flag(flag) for flag in flags]


def humanize_size_flag(flag):
    match = re.fullmatch(r"(-XX:\w*(?:HeapSize|NewSize))=(\d+)", flag)
    return f"{match.group(1)}={int(match.group(2)) // 2**20}m" if match else flag


def heap_used_after_gc_mib(pid):
    subprocess.run(["jcmd", str(pid), "GC.run"], capture_output=True, timeout=60)
    out = subprocess.run(["jcmd", str(pid), "GC.heap_info"], capture_output=True, text=True, timeout=30).stdout
    match = re.search(r"used (\d+)K", out)
    return int(match.group(1)) / 1024 if match else None


def directory_mib(path):
    total = 0
    for folder, _, files in os.walk(path):
        for name in files:
            try:
                total += os.path.getsize(os.path.join(folder, name))
            except OSError:
                pass  # removed by a compaction meanwhile
    return total / 2**20
