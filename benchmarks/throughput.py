"""Throughput of POST /api/ask against GET /api/health of the same `qa serve`, in the same run.

Issue 4's acceptance: ask/health >= 0.5 with wrk on loopback, 32 connections, questions rotating through
the whole evaluation set. Writes benchmarks/results/throughput.json.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time

from common import COUNTING_LUA, ask_lua, run_wrk, server, write_result


def main() -> None:
    """Warm up both routes, then measure health and ask back to back on one server."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=15, help="duración de cada medición")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=None, help="procesos de gunicorn (por defecto QA_WORKERS)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="pares health/ask alternados en el mismo servidor; se informa la mediana del cociente")
    args = parser.parse_args()
    rounds = []
    with server(args.workers) as (base, _proc):
        run_wrk(f"{base}/api/health", COUNTING_LUA, 3, args.connections, args.threads)
        run_wrk(f"{base}/api/ask", ask_lua(), 3, args.connections, args.threads)
        for _ in range(args.repeat):
            health = run_wrk(f"{base}/api/health", COUNTING_LUA, args.seconds, args.connections, args.threads)
            ask = run_wrk(f"{base}/api/ask", ask_lua(), args.seconds, args.connections, args.threads)
            ratio = ask["requests_per_second"] / health["requests_per_second"]  # type: ignore[operator]
            rounds.append({"health_requests_per_second": health["requests_per_second"],
                           "ask_requests_per_second": ask["requests_per_second"],
                           "ask_over_health": round(ratio, 3), "health": health, "ask": ask})
            print(f"health {health['requests_per_second']:.0f} req/s, ask {ask['requests_per_second']:.0f} req/s, "
                  f"ask/health {ratio:.3f}")
    median = statistics.median(r["ask_over_health"] for r in rounds)  # type: ignore[misc]
    path = write_result("throughput.json", {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "load_average_after": os.getloadavg()},
        "workers": args.workers or "QA_WORKERS",
        "seconds_each": args.seconds, "connections": args.connections, "threads": args.threads,
        "ask_over_health_median": median,
        "ask_over_health_each": [r["ask_over_health"] for r in rounds],
        "target": 0.5,
        "rounds": rounds,
    })
    print(f"ask/health mediana {median:.3f} ({len(rounds)} ronda(s)) → {path}")


if __name__ == "__main__":
    main()
