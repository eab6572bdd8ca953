"""Print ``qa eval`` figures for people (tables) or machines (JSON), and hold the floors."""

from __future__ import annotations

import json
from pathlib import Path

import click

from qa.errors import QAError
from qa.evaluation import HEADLINE, Outcome, check_floors, evaluate, load_items
from qa.pipeline import Pipeline



def _print_split(name: str, figures: dict[str, object], outcomes: list[Outcome]) -> None:
    click.echo(f"\n== Mitad «{name}»: {figures['questions']} preguntas ==")
    for key, label in HEADLINE:
        click.echo(f"  {label:<58} {figures[key]:.3f}")
    click.echo("\n  Por tipo:                n   acierto")
    for kind, row in figures["per_kind"].items():  # type: ignore[union-attr]
        click.echo(f"    {kind:<20} {row['n']:>4}   {row['accuracy']:.3f}")
    click.echo("\n  Fiabilidad de la confianza (respuestas dadas):")
    for row in figures["reliability"]:  # type: ignore[union-attr]
        click.echo(f"    {row['band']:<12} n={row['n']:>3}   acierto {row['accuracy']:.3f}")
    misses = [o for o in outcomes if not o.correct]
    click.echo(f"\n  Fallos ({len(misses)}):")
    for o in misses:
        what = "respondió" if not o.refused else "declinó"
        expected = f"evidencia «{o.item.evidence}»" if o.item.answerable else "declinar"
        got = f" con «{(o.quote or '')[:70]}…»" if not o.refused else ""
        click.echo(f"    [{o.item.id} {o.item.kind}] {o.item.question}\n        esperado: {expected}; {what}{got} (confianza {o.confidence:.2f})")


def run_eval(pipeline: Pipeline, questions: Path, split: str, as_json: bool, floors_path: Path, report: Path | None = None) -> int:
    """Evaluate each half, print, and return the exit code (1 when a floor is broken)."""
    try:
        items = load_items(questions)
    except (OSError, QAError) as exc:
        raise click.ClickException(getattr(exc, "message", str(exc))) from exc
    floors = json.loads(floors_path.read_text(encoding="utf-8")) if floors_path.is_file() else {}
    splits = ["dev", "heldout"] if split == "all" else [split]
    results: dict[str, object] = {}
    raw: dict[str, tuple[dict, list[Outcome]]] = {}
    failures: list[str] = []
    for name in splits:
        chosen = [i for i in items if i.split == name]
        figures, outcomes = evaluate(pipeline, chosen)
        raw[name] = (figures, outcomes)
        results[name] = {**figures, "misses": [
            {"id": o.item.id, "kind": o.item.kind, "question": o.item.question, "refused": o.refused,
             "expected_evidence": o.item.evidence, "quote": o.quote, "confidence": o.confidence}
            for o in outcomes if not o.correct
        ]}
        failures += [f"{name}: {msg}" for msg in check_floors(figures, floors.get(name, {}))]
        if not as_json:
            _print_split(name, figures, outcomes)
    if report is not None:
        from .report import write_report

        write_report(report, raw)
        if not as_json:
            click.echo(f"\nInforme escrito en {report}")
    if as_json:
        click.echo(json.dumps({"splits": results, "floor_failures": failures}, ensure_ascii=False, indent=1))
    elif failures:
        click.echo("\nCifras por debajo de los mínimos registrados:", err=True)
        for f in failures:
            click.echo(f"  · {f}", err=True)
    return 1 if failures else 0
