"""Rewrite eval/RESULTS.md from `qa eval --json` (both halves), so the recorded figures are never typed by hand.

Run: .venv/bin/python scripts/write-results.py
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from qa.evaluation import HEADLINE

ROOT = Path(__file__).resolve().parents[1]
FIGURES = tuple(key for key, _label in HEADLINE)


def main() -> None:
    qa = ROOT / ".venv" / "bin" / "qa"
    out = subprocess.run([str(qa), "eval", "--json"], capture_output=True, text=True, check=False)
    splits = json.loads(out.stdout)["splits"]
    dev, held = splits["dev"], splits["heldout"]
    lines = [
        "# Evaluation figures",
        "",
        "Produced by `.venv/bin/qa eval` and written here by `scripts/write-results.py` (development half used for",
        "fitting and threshold choice; held-out half only reported). `eval/floors.json` holds the floors the test",
        "suite enforces.",
        "",
        "| figure | dev | held-out |",
        "|---|---|---|",
        *(f"| {f} | {dev[f]:.3f} | {held[f]:.3f} |" for f in FIGURES),
        "",
        "| kind | dev n | dev accuracy | held-out n | held-out accuracy |",
        "|---|---|---|---|---|",
        *(
            f"| {k} | {dev['per_kind'][k]['n']} | {dev['per_kind'][k]['accuracy']:.3f} | "
            f"{held['per_kind'][k]['n']} | {held['per_kind'][k]['accuracy']:.3f} |"
            for k in dev["per_kind"]
        ),
        "",
        "Confidence reliability (answers given):",
        "",
        "| band | dev n | dev accuracy | held-out n | held-out accuracy |",
        "|---|---|---|---|---|",
        *(
            f"| {d['band']} | {d['n']} | {d['accuracy']:.3f} | {h['n']} | {h['accuracy']:.3f} |"
            for d, h in zip(dev["reliability"], held["reliability"])
        ),
        "",
    ]
    (ROOT / "eval" / "RESULTS.md").write_text("\n".join(lines), encoding="utf-8")
    sys.stdout.write("\n".join(lines))


if __name__ == "__main__":
    main()
