"""Load: 64 connections on POST /api/ask for 30 s; passes with zero 5xx and zero socket errors.

Writes benchmarks/results/load.json; exits 1 when a 5xx or a socket error was seen.
"""

from __future__ import annotations

import argparse
import sys
import time

from common import ask_lua, run_wrk, server, write_result


def main() -> None:
    """One bounded wrk run against a fresh `qa serve`."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()
    with server(args.workers) as (base, _proc):
        run_wrk(f"{base}/api/ask", ask_lua(), 3, args.connections, args.threads)  # warm-up
        result = run_wrk(f"{base}/api/ask", ask_lua(), args.seconds, args.connections, args.threads)
    socket_errors = sum(result["socket_errors"].values())  # type: ignore[union-attr]
    passed = result.get("server_errors", 1) == 0 and socket_errors == 0
    path = write_result("load.json", {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "passed": passed,
        "server_errors_5xx": result.get("server_errors"),
        "socket_errors_total": socket_errors,
        **result,
    })
    print(f"{result['requests']} peticiones, {result['requests_per_second']:.0f} req/s, 5xx {result.get('server_errors')}, "
          f"errores de socket {socket_errors}, estados {result.get('statuses')} → {path}")
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    main()
