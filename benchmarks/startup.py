"""Time from starting ``qa serve`` to its first answered /api/ask (index loaded, not rebuilt).

Run: ``.venv/bin/python benchmarks/startup.py [--runs 5]``; writes benchmarks/results/startup.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from common import free_port  # type: ignore[import-not-found]

ROOT = Path(__file__).resolve().parent.parent
QUESTION = json.dumps({"question": "¿Dónde se reunieron Milei y Kast?"}).encode()


def first_answer_seconds() -> float:
    port = free_port()
    qa = Path(sys.executable).with_name("qa")
    start = time.perf_counter()
    proc = subprocess.Popen([str(qa), "serve", "--port", str(port), "--workers", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "QA_REBUILD_INDEX": "0"})
    try:
        while True:
            try:
                req = urllib.request.Request(f"http://127.0.0.1:{port}/api/ask", data=QUESTION,
                                             headers={"Content-Type": "application/json"})
                with urllib.request.urlopen(req, timeout=2) as res:
                    if res.status == 200:
                        return time.perf_counter() - start
            except OSError:
                time.sleep(0.02)
            if time.perf_counter() - start > 30:
                raise SystemExit("el servidor no respondió en 30 s")
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    times = sorted(first_answer_seconds() for _ in range(args.runs))
    result = {"runs": args.runs, "median_s": round(times[len(times) // 2], 3), "max_s": round(times[-1], 3),
              "all_s": [round(t, 3) for t in times]}
    out = ROOT / "benchmarks" / "results" / "startup.json"
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
