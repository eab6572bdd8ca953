"""Run the evaluation question set and compute the figures ``qa eval`` prints.

Short answers are compared as MLQA's official Spanish script does: lowercase,
strip accents-insensitive punctuation and the articles el/la/los/las/un/una/
unos/unas, collapse spaces; then exact match and token F1.
"""

from __future__ import annotations

import json
import re
import string
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .analysis import tokenize
from .errors import QAError
from .pipeline import Pipeline

KINDS = ("direct", "paraphrase", "noisy", "short_fact", "summary", "follow_up", "unrelated", "same_subject", "near_miss")
# The headline figures ``qa eval`` prints, its HTML report shows and eval/RESULTS.md records, with their labels.
HEADLINE = (
    ("accuracy", "Aciertos (respuesta con la evidencia o negativa correcta)"),
    ("answered_rate", "Tasa de respuesta (preguntas con respuesta)"),
    ("hit_at_1", "Evidencia en la cita (hit@1)"),
    ("hit_at_3", "Evidencia entre las 3 primeras (hit@3)"),
    ("mrr", "MRR"),
    ("exact_match", "Respuesta corta: coincidencia exacta"),
    ("f1", "Respuesta corta: F1"),
    ("fact_stated", "Dato breve enunciado en la respuesta (short_fact)"),
    ("refusal_precision", "Negativas: precisión"),
    ("refusal_recall", "Negativas: exhaustividad"),
    ("refusal_f1", "Negativas: F1"),
    ("wrong_refusals", "Negativas indebidas (preguntas con respuesta)"),
)
BANDS = ((0.0, 0.5), (0.5, 0.8), (0.8, 0.9), (0.9, 1.01))
_PUNCT = set(string.punctuation) | set("¿¡«»“”‘’—–…")


@dataclass(frozen=True)
class Item:
    """One evaluation question with what a right answer must contain."""

    id: str
    split: str
    kind: str
    answerable: bool
    question: str
    history: tuple[str, ...]
    evidence: str | None
    answer: str | None


@dataclass
class Outcome:
    """How the pipeline handled one item."""

    item: Item
    refused: bool
    correct: bool
    rank: int | None
    short_answer: str | None
    quote: str | None
    confidence: float
    em: float = 0.0
    f1: float = 0.0
    signals: dict[str, float] = field(default_factory=dict)
    stated: bool = False  # the reply's own text states the expected short answer


def load_items(path: Path) -> list[Item]:
    """Read the JSON Lines question set; a bad line is a clear error naming it."""
    items = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                items.append(
                    Item(raw["id"], raw["split"], raw["kind"], bool(raw["answerable"]), raw["question"],
                         tuple(raw.get("history") or ()), raw.get("evidence"), raw.get("answer"))
                )
            except (ValueError, KeyError, TypeError) as exc:
                raise QAError(f"Línea {n} de {path} no es una pregunta válida: {exc}", "eval_invalid") from exc
    return items


def normalize_answer(text: str) -> str:
    """MLQA's Spanish normalisation: lowercase, no punctuation, no articles, single spaces."""
    text = unicodedata.normalize("NFC", text.lower())
    text = "".join(ch for ch in text if ch not in _PUNCT)
    text = re.sub(r"\b(el|la|los|las|un|una|unos|unas)\b", " ", text)
    return " ".join(text.split())


def exact_match(prediction: str, truth: str) -> float:
    return float(normalize_answer(prediction) == normalize_answer(truth))


def f1_score(prediction: str, truth: str) -> float:
    pred, gold = normalize_answer(prediction).split(), normalize_answer(truth).split()
    common = Counter(pred) & Counter(gold)
    same = sum(common.values())
    if not pred or not gold or same == 0:
        return 0.0
    precision, recall = same / len(pred), same / len(gold)
    return 2 * precision * recall / (precision + recall)


def states_fact(reply: str, truth: str) -> bool:
    """Whether a reply's text states the expected short answer: every content word of it (stemmed, an
    explanatory note in parentheses left out) is in the reply. "La reunión fue en Buenos Aires." states
    "en Buenos Aires"; a whole quoted paragraph usually does too, which is why only short-fact questions,
    whose replies should be short, are counted."""
    words = {t.stem for t in tokenize(re.sub(r"\([^)]*\)", " ", truth)) if not t.is_stop}
    return bool(words) and words <= {t.stem for t in tokenize(reply)}


def run_item(pipeline: Pipeline, item: Item) -> Outcome:
    """Ask one question and judge the result."""
    ans = pipeline.ask(item.question, list(item.history))
    if not item.answerable:
        return Outcome(item, ans.refused, ans.refused, None, ans.short_answer, ans.quote, ans.confidence, signals=ans.signals)
    texts = pipeline.texts
    quotes = [ans.quote] if ans.quote else []
    quotes += [texts[s.document][s.start : s.end] for s in ans.alternatives]
    rank = next((i + 1 for i, q in enumerate(quotes) if item.evidence and item.evidence in q), None)
    correct = not ans.refused and rank == 1
    pred = ans.short_answer or ans.quote or ""
    em = exact_match(pred, item.answer or "") if not ans.refused else 0.0
    f1 = f1_score(pred, item.answer or "") if not ans.refused else 0.0
    stated = not ans.refused and bool(item.answer) and states_fact(ans.answer, item.answer or "")
    return Outcome(item, ans.refused, correct, rank if not ans.refused else None, ans.short_answer, ans.quote,
                   ans.confidence, em, f1, ans.signals, stated)


def _rate(num: float, den: float) -> float:
    return round(num / den, 4) if den else 0.0


def metrics(outcomes: list[Outcome]) -> dict[str, object]:
    """Every figure ``qa eval`` reports, as plain data."""
    answerable = [o for o in outcomes if o.item.answerable]
    unanswerable = [o for o in outcomes if not o.item.answerable]
    refused = [o for o in outcomes if o.refused]
    true_refusals = [o for o in unanswerable if o.refused]
    precision = _rate(len(true_refusals), len(refused))
    recall = _rate(len(true_refusals), len(unanswerable))
    per_kind: dict[str, dict[str, float]] = {}
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        groups[o.item.kind].append(o)
    for kind in [k for k in KINDS if k in groups] + sorted(set(groups) - set(KINDS)):
        group = groups[kind]
        per_kind[kind] = {"n": len(group), "accuracy": _rate(sum(o.correct for o in group), len(group))}
    facts = [o for o in answerable if o.item.kind == "short_fact" and o.item.answer]
    reliability = []
    answered = [o for o in outcomes if not o.refused]
    for low, high in BANDS:
        band = [o for o in answered if low <= o.confidence < high]
        reliability.append({"band": f"[{low:.1f}, {min(high, 1.0):.1f}]", "n": len(band),
                            "accuracy": _rate(sum(o.correct for o in band), len(band))})
    return {
        "questions": len(outcomes),
        "accuracy": _rate(sum(o.correct for o in outcomes), len(outcomes)),
        "answered_rate": _rate(sum(not o.refused for o in answerable), len(answerable)),
        "hit_at_1": _rate(sum(o.rank == 1 for o in answerable), len(answerable)),
        "hit_at_3": _rate(sum(o.rank is not None and o.rank <= 3 for o in answerable), len(answerable)),
        "mrr": _rate(sum(1.0 / o.rank for o in answerable if o.rank), len(answerable)),
        "exact_match": _rate(sum(o.em for o in answerable), len(answerable)),
        "f1": _rate(sum(o.f1 for o in answerable), len(answerable)),
        # Issue 4: for short-fact questions, the reply itself states the fact.
        "fact_stated": _rate(sum(o.stated for o in facts), len(facts)),
        "refusal_precision": precision,
        "refusal_recall": recall,
        "refusal_f1": _rate(2 * precision * recall, precision + recall),
        "wrong_refusals": _rate(sum(o.refused for o in answerable), len(answerable)),
        "per_kind": per_kind,
        "reliability": reliability,
    }


def evaluate(pipeline: Pipeline, items: list[Item]) -> tuple[dict[str, object], list[Outcome]]:
    """Run every item; return the metrics and the outcomes (for the list of misses)."""
    outcomes = [run_item(pipeline, item) for item in items]
    return metrics(outcomes), outcomes


def check_floors(figures: dict[str, object], floors: dict[str, float]) -> list[str]:
    """Spanish messages for every figure under its recorded floor."""
    failures = []
    for name, floor in floors.items():
        value = figures.get(name)
        if isinstance(value, (int, float)) and value < floor:
            failures.append(f"{name} = {value:.3f} está por debajo del mínimo {floor:.3f}")
    return failures
