"""Shared pieces of the benchmarks: start `qa serve` on a free port, drive wrk, read its figures."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
QUESTIONS = ROOT / "eval" / "questions.jsonl"
QA = Path(sys.executable).parent / "qa"
# A limit no benchmark reaches: the limiter still runs on every POST, so its cost is measured too.
UNREACHABLE_LIMIT = "100000000 per second"

# wrk's Lua: each thread counts 5xx itself; done() sums the threads and prints one JSON line.
COUNTING_LUA = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) server_errors = 0; statuses = {} end
function response(status, headers, body)
  if status >= 500 then server_errors = server_errors + 1 end
  statuses[status] = (statuses[status] or 0) + 1
end
function done(summary, latency, requests)
  local total, by_status = 0, {}
  for _, t in ipairs(threads) do
    total = total + t:get("server_errors")
    for k, v in pairs(t:get("statuses")) do by_status[k] = (by_status[k] or 0) + v end
  end
  local parts = {}
  for k, v in pairs(by_status) do table.insert(parts, string.format('"%d": %d', k, v)) end
  io.write(string.format('WRK_JSON {"server_errors": %d, "statuses": {%s}, "p50_ms": %.3f, "p99_ms": %.3f}\\n',
    total, table.concat(parts, ", "), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
"""


def free_port() -> int:
    """A port the kernel says is free right now on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_healthy(base: str, timeout: float = 30.0) -> float:
    """Seconds until GET /api/health answers 200."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        try:
            with urllib.request.urlopen(f"{base}/api/health", timeout=1) as response:
                if response.status == 200:
                    return time.monotonic() - start
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"El servidor no respondió en {timeout} s")


@contextmanager
def server(workers: int | None = None) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`qa serve` on a free loopback port, stopped with SIGTERM at the end."""
    port = free_port()
    env = {**os.environ, "QA_RATELIMIT": UNREACHABLE_LIMIT, "QA_REBUILD_INDEX": "0"}
    cmd = [str(QA), "serve", "--host", "127.0.0.1", "--port", str(port)]
    if workers:
        cmd += ["--workers", str(workers)]
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(base)
        yield base, proc
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def ask_bodies() -> list[str]:
    """Every question of the evaluation set as the JSON body the API expects (with its history)."""
    bodies = []
    for line in QUESTIONS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            payload = {"question": item["question"]}
            if item.get("history"):
                payload["history"] = item["history"]
            bodies.append(json.dumps(payload, ensure_ascii=False))
    return bodies


def ask_lua() -> str:
    """wrk script: POST /api/ask rotating through the whole evaluation set, each thread from its own offset.

    Every request is formatted once, in init(): the client then spends no CPU building requests, CPU
    that on a small machine it would take from the server it is measuring.
    """
    entries = ",\n".join(f"[==[{body}]==]" for body in ask_bodies())
    return COUNTING_LUA + f"""
local bodies = {{
{entries}
}}
local requests = nil
local counter = 0
local offset = 0
local base_init = init
function init(args)
  base_init(args)
  requests = {{}}
  for i, body in ipairs(bodies) do
    requests[i] = wrk.format("POST", "/api/ask", {{["Content-Type"] = "application/json"}}, body)
  end
  offset = math.random(#requests)
end
function request()
  counter = counter + 1
  return requests[((counter + offset) % #requests) + 1]
end
"""


def run_wrk(url: str, lua: str, seconds: int, connections: int, threads: int = 2) -> dict[str, object]:
    """One wrk run; its requests per second, socket errors, non-2xx count and the Lua-counted 5xx."""
    wrk = shutil.which("wrk") or "/usr/bin/wrk"
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False, encoding="utf-8") as script:
        script.write(lua)
    try:
        out = subprocess.run(
            [wrk, f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", script.name, url],
            capture_output=True, text=True, check=True,
        ).stdout
    finally:
        os.unlink(script.name)
    return parse_wrk(out) | {"url": url, "seconds": seconds, "connections": connections, "threads": threads}


def parse_wrk(out: str) -> dict[str, object]:
    """The figures of wrk's plain-text summary plus the JSON line our Lua prints."""
    result: dict[str, object] = {"raw": out}
    if m := re.search(r"Requests/sec:\s+([\d.]+)", out):
        result["requests_per_second"] = float(m.group(1))
    if m := re.search(r"(\d+) requests in", out):
        result["requests"] = int(m.group(1))
    errors = {"connect": 0, "read": 0, "write": 0, "timeout": 0}
    if m := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out):
        errors = dict(zip(errors, map(int, m.groups()), strict=True))
    result["socket_errors"] = errors
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    result["non_2xx"] = int(m.group(1)) if m else 0
    if m := re.search(r"WRK_JSON (\{.*\})", out):
        result.update(json.loads(m.group(1)))
    return result


def write_result(name: str, data: dict[str, object]) -> Path:
    """Save one run's figures under benchmarks/results/."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / name
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
