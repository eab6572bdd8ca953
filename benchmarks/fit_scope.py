"""Fit the answer-or-refuse model on the development half only, and sweep its threshold.

Run: ``.venv/bin/python benchmarks/fit_scope.py`` — prints the weights to copy into
``qa/scope.py`` and a SQuAD 2.0-style threshold sweep (accuracy on the dev half for
each threshold). The held-out half is never read here.
"""

from __future__ import annotations

import importlib
import json
import math
import re
import sys

import numpy as np

from qa import scope
from qa.evaluation import evaluate, load_items, run_item
from qa.pipeline import Pipeline
from qa.settings import PROJECT_ROOT

FEATURES = [k for k in scope.WEIGHTS if k != "bias"]
TIE_MARGIN = 0.01
# The decisions the model made (scope.decide's reasons); any other was a rule's.
MODEL_REASONS = frozenset({"answered", "low_support"})


def rows(pipeline: Pipeline, split: str) -> tuple[np.ndarray, np.ndarray, list]:
    """Features of each non-summary dev question, and whether answering it would be right."""
    X, y, kept = [], [], []
    for item in load_items(PROJECT_ROOT / "eval" / "questions.jsonl"):
        if item.split != split:
            continue
        ans = pipeline.ask(item.question, list(item.history))
        if "coverage" not in ans.signals:
            continue  # summaries and empty questions do not go through the model
        if ans.reason not in MODEL_REASONS:
            continue  # decided by a rule (unknown name or kind, no date for «¿cuándo?»), not by the model
        best_right = False
        if item.answerable:
            best_right = ans.quote is not None and item.evidence in ans.quote
            if ans.refused:
                best_right = item.evidence in _best_quote(pipeline, item)
        X.append([ans.signals[f] for f in FEATURES])
        y.append(1.0 if best_right else 0.0)
        kept.append(item)
    return np.array(X), np.array(y), kept


def _best_quote(pipeline: Pipeline, item) -> str:  # type: ignore[no-untyped-def]
    """The sentence the pipeline would have quoted had it answered."""
    from qa.question import analyze

    q = analyze(item.question, tuple(item.history))
    matches = pipeline.retriever.match(q)
    best, _ = pipeline._choose(q, pipeline.retriever.rank(matches), matches)
    if best is None:
        return ""
    s = pipeline.data.sentences[best.sentence]
    return pipeline.texts[pipeline.data.chunks[s.chunk_index].document][s.start : s.end]


def fit(X: np.ndarray, y: np.ndarray, l2: float = 0.1, steps: int = 50) -> np.ndarray:
    """L2-regularised logistic regression by Newton's method (weights include the bias)."""
    Xb = np.hstack([np.ones((len(X), 1)), X])
    w = np.zeros(Xb.shape[1])
    reg = l2 * np.eye(Xb.shape[1])
    reg[0, 0] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-Xb @ w))
        grad = Xb.T @ (p - y) + reg @ w
        hess = Xb.T @ (Xb * (p * (1 - p))[:, None]) + reg
        w -= np.linalg.solve(hess, grad)
    return w


def sweep_thresholds(pipeline: Pipeline, weights: dict[str, float]) -> list[tuple[float, float]]:
    """SQuAD 2.0-style: accuracy of the whole pipeline on the dev half for each threshold, averaged over kinds."""
    saved = dict(scope.WEIGHTS), scope.THRESHOLD
    scope.WEIGHTS.update(weights)
    items = [i for i in load_items(PROJECT_ROOT / "eval" / "questions.jsonl") if i.split == "dev"]
    out = []
    try:
        for t in np.arange(0.2, 0.81, 0.05):
            scope.THRESHOLD = float(t)
            figures, _ = evaluate(pipeline, items)
            # Mean over kinds, not over questions: the mix of kinds users send is not our dev mix.
            per_kind = [row["accuracy"] for row in figures["per_kind"].values()]
            out.append((round(float(t), 2), round(sum(per_kind) / len(per_kind), 4)))
    finally:
        scope.WEIGHTS.clear()
        scope.WEIGHTS.update(saved[0])
        scope.THRESHOLD = saved[1]
    return out


# How cautious the reported confidence is: the lower end of a one-sided 95% Wilson interval around each
# block's share of right replies. A block of 30 replies, 27 right, reports 0.77, not 0.9: "confidence ≥ 0.8"
# is then only said where the dev half gives good evidence of it.
WILSON_Z = 1.645


def wilson_lower(rights: float, count: float, z: float = WILSON_Z) -> float:
    """Lower bound of the share of right replies among ``count`` (Wilson score interval)."""
    if count == 0:
        return 0.0
    share = rights / count
    centre = share + z * z / (2 * count)
    spread = z * math.sqrt(share * (1 - share) / count + z * z / (4 * count * count))
    return (centre - spread) / (1 + z * z / count)


def isotonic(points: list[tuple[float, bool]]) -> list[tuple[float, float]]:
    """Pool-adjacent-violators on (p, right), increasing in p; each block reports its Wilson lower bound,
    made non-decreasing in p by taking, for each block, the smallest bound of it and the blocks above."""
    blocks: list[list[float]] = []  # [upper p, rights, count]
    for p, right in sorted(points):
        blocks.append([p, float(right), 1.0])
        while len(blocks) > 1 and blocks[-2][1] / blocks[-2][2] >= blocks[-1][1] / blocks[-1][2]:
            upper, rights, count = blocks.pop()
            blocks[-1] = [upper, blocks[-1][1] + rights, blocks[-1][2] + count]
    bounds = [wilson_lower(rights, count) for _, rights, count in blocks]
    for i in range(len(bounds) - 2, -1, -1):
        bounds[i] = min(bounds[i], bounds[i + 1])
    return [(round(block[0], 4), round(bound, 4)) for block, bound in zip(blocks, bounds)]


def calibrate(pipeline: Pipeline) -> tuple[list, list]:
    """Calibration tables for answers (increasing in p) and refusals (increasing in 1 - p) on the dev half."""
    answers: list[tuple[float, bool]] = []
    refusals: list[tuple[float, bool]] = []
    for item in load_items(PROJECT_ROOT / "eval" / "questions.jsonl"):
        if item.split != "dev":
            continue
        outcome = run_item(pipeline, item)
        if "coverage" not in outcome.signals:
            continue
        p = scope.probability(outcome.signals)
        if outcome.refused:
            refusals.append((1.0 - p, outcome.correct))
        else:
            answers.append((p, outcome.correct))
    answer_table = isotonic(answers)
    refusal_table = [(round(1.0 - upper, 4), value) for upper, value in isotonic(refusals)]
    return answer_table, refusal_table


def main() -> None:
    pipeline = Pipeline.from_index_dir(PROJECT_ROOT / "index", rebuild=False)
    if "--calibrate-only" in sys.argv:
        # Keep the weights and threshold in qa/scope.py; refresh only what the confidence means.
        answer_table, refusal_table = calibrate(pipeline)
        _write_tables(answer_table, refusal_table)
        print(json.dumps({"answer_calibration": answer_table, "refusal_calibration": refusal_table}))
        return
    X, y, _ = rows(pipeline, "dev")
    w = fit(X, y)
    weights = {"bias": round(float(w[0]), 3), **{f: round(float(v), 3) for f, v in zip(FEATURES, w[1:])}}
    sweep = sweep_thresholds(pipeline, weights)
    # Among thresholds within one point of the best accuracy, the highest: a wrong quote costs a user
    # more than a polite refusal.
    top = max(acc for _, acc in sweep)
    best_t = max(t for t, acc in sweep if acc >= top - TIE_MARGIN)
    json.dump({"weights": weights, "threshold": best_t, "sweep": sweep, "n": len(y)}, sys.stdout)
    print()
    if "--write" in sys.argv:
        _write(weights, best_t)
        importlib.reload(scope)
        answer_table, refusal_table = calibrate(Pipeline.from_index_dir(PROJECT_ROOT / "index", rebuild=False))
        _write_tables(answer_table, refusal_table)
        print(json.dumps({"answer_calibration": answer_table, "refusal_calibration": refusal_table}))


def _write_tables(answer_table: list, refusal_table: list) -> None:
    """Store the calibration tables in qa/scope.py."""
    path = PROJECT_ROOT / "qa" / "scope.py"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"ANSWER_CALIBRATION: list\[tuple\[float, float\]\] = \[.*?\]\n",
                  f"ANSWER_CALIBRATION: list[tuple[float, float]] = {answer_table}\n", text, flags=re.S)
    text = re.sub(r"REFUSAL_CALIBRATION: list\[tuple\[float, float\]\] = \[.*?\]\n",
                  f"REFUSAL_CALIBRATION: list[tuple[float, float]] = {sorted(refusal_table)}\n", text, flags=re.S)
    path.write_text(text, encoding="utf-8")


def _write(weights: dict[str, float], threshold: float) -> None:
    """Copy the fitted model into qa/scope.py, so the service has no training step."""
    path = PROJECT_ROOT / "qa" / "scope.py"
    text = path.read_text(encoding="utf-8")
    start = text.index("WEIGHTS = {")
    end = text.index("}", start) + 1
    body = "WEIGHTS = {\n" + "".join(f'    "{k}": {v},\n' for k, v in weights.items()) + "}"
    text = text[:start] + body + text[end:]
    text = re.sub(r"THRESHOLD = [0-9.]+", f"THRESHOLD = {threshold}", text)
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
