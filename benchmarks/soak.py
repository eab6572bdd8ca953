"""Soak: steady load on POST /api/ask while sampling the RSS of gunicorn's master and workers.

Memory must stay flat: growth after warm-up at most 10% (issue 5). Writes benchmarks/results/soak.json;
exits 1 when the growth passes --max-growth or a 5xx or socket error was seen.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ask_lua, parse_wrk, run_wrk, server, write_result

PAGE = os.sysconf("SC_PAGE_SIZE")


def tree(pid: int) -> list[int]:
    """The process and its children (gunicorn's workers), read from /proc."""
    pids = [pid]
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except FileNotFoundError:
        return pids  # the process has just gone
    for task in tasks:
        try:
            children = (task / "children").read_text().split()
        except FileNotFoundError:
            continue  # a thread that ended between listing and reading
        for child in children:
            pids.extend(tree(int(child)))
    return pids


def rss_bytes(pid: int) -> int:
    """Resident set size of one process; 0 if it has gone."""
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
    except (FileNotFoundError, ProcessLookupError):
        return 0


def main() -> None:
    """Warm up, then sample every --interval seconds while wrk keeps the server busy."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=300, help="duración del soak tras el calentamiento")
    parser.add_argument("--warmup", type=int, default=15)
    parser.add_argument("--interval", type=float, default=5.0)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--max-growth", type=float, default=10.0, help="crecimiento máximo admitido, en %%")
    args = parser.parse_args()
    with server() as (base, proc):
        run_wrk(f"{base}/api/ask", ask_lua(), args.warmup, args.connections)
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False, encoding="utf-8") as script:
            script.write(ask_lua())
        load = subprocess.Popen(
            ["wrk", "-t2", f"-c{args.connections}", f"-d{args.seconds}s", "--timeout", "10s", "-s", script.name,
             f"{base}/api/ask"], stdout=subprocess.PIPE, text=True,
        )
        samples: list[dict[str, object]] = []
        start = time.monotonic()
        while load.poll() is None:
            pids = tree(proc.pid)
            per_process = {pid: rss_bytes(pid) for pid in pids}
            samples.append({"t": round(time.monotonic() - start, 1), "total_mb": round(sum(per_process.values()) / 2**20, 2),
                            "per_process_mb": {str(p): round(v / 2**20, 2) for p, v in per_process.items()}})
            time.sleep(args.interval)
        wrk = parse_wrk(load.communicate()[0])
        os.unlink(script.name)
    first, last = samples[0]["total_mb"], samples[-1]["total_mb"]
    peak = max(s["total_mb"] for s in samples)  # type: ignore[type-var]
    growth = (last - first) / first * 100  # type: ignore[operator]
    peak_growth = (peak - first) / first * 100  # type: ignore[operator]
    socket_errors = sum(wrk["socket_errors"].values())  # type: ignore[union-attr]
    passed = peak_growth <= args.max_growth and wrk.get("server_errors", 1) == 0 and socket_errors == 0
    path = write_result(f"soak-{args.seconds}s.json", {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "passed": passed, "seconds": args.seconds, "warmup_seconds": args.warmup,
        "first_total_mb": first, "last_total_mb": last, "peak_total_mb": peak,
        "growth_percent": round(growth, 2), "peak_growth_percent": round(peak_growth, 2),
        "max_growth_percent": args.max_growth,
        "requests": wrk.get("requests"), "requests_per_second": wrk.get("requests_per_second"),
        "server_errors_5xx": wrk.get("server_errors"), "socket_errors": wrk["socket_errors"],
        "statuses": wrk.get("statuses"), "samples": samples,
    })
    print(f"RSS {first} → {last} MB (pico {peak}): crecimiento {growth:.2f}% (pico {peak_growth:.2f}%), "
          f"{wrk.get('requests')} peticiones, 5xx {wrk.get('server_errors')}, socket {socket_errors} → {path}")
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    main()
