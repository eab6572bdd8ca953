"""The HTML report of ``qa eval --report``: per-kind bars, refusal precision–recall, reliability, misses."""

from __future__ import annotations

import base64
import html
import io
import os
import tempfile
from pathlib import Path

from qa import scope
from qa.evaluation import HEADLINE, Outcome


def _answer_probability(o: Outcome) -> float:
    """P(answer) as the scope model saw it; summaries and sections bypass the model."""
    if "coverage" in o.signals:
        return scope.probability(o.signals)
    return 0.0 if o.refused else 1.0


def _png(fig) -> str:  # type: ignore[no-untyped-def]
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100, bbox_inches="tight")
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def _plots(results: dict[str, tuple[dict, list[Outcome]]]) -> list[tuple[str, str]]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    images = []
    fig, ax = plt.subplots(figsize=(8, 3.5))
    width = 0.8 / max(len(results), 1)
    for i, (name, (figures, _)) in enumerate(results.items()):
        kinds = list(figures["per_kind"])
        ax.bar([k + i * width for k in range(len(kinds))], [figures["per_kind"][k]["accuracy"] for k in kinds],
               width=width, label=name)
        ax.set_xticks([k + width * (len(results) - 1) / 2 for k in range(len(kinds))], kinds, rotation=30, ha="right")
    ax.set_ylim(0, 1)
    ax.set_ylabel("acierto")
    ax.set_title("Acierto por tipo de pregunta")
    ax.legend()
    images.append(("Acierto por tipo", _png(fig)))
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(5, 4))
    for name, (_, outcomes) in results.items():
        points = []
        for t in [i / 50 for i in range(1, 50)]:
            refused = [o for o in outcomes if _answer_probability(o) < t]
            true = [o for o in refused if not o.item.answerable]
            total_unanswerable = sum(not o.item.answerable for o in outcomes)
            if refused and total_unanswerable:
                points.append((len(true) / total_unanswerable, len(true) / len(refused)))
        if points:
            ax.plot([p[0] for p in points], [p[1] for p in points], marker=".", label=name)
    ax.set_xlabel("exhaustividad de las negativas")
    ax.set_ylabel("precisión de las negativas")
    ax.set_title(f"Negativas según el umbral (actual {scope.THRESHOLD})")
    ax.set_xlim(0, 1.02)
    ax.set_ylim(0, 1.02)
    ax.legend()
    images.append(("Precisión–exhaustividad de las negativas", _png(fig)))
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(5, 4))
    ax.plot([0, 1], [0, 1], linestyle="--", color="grey")
    for name, (figures, _) in results.items():
        rows = [r for r in figures["reliability"] if r["n"]]
        centers = [(float(r["band"][1:4]) + min(float(r["band"][6:9]), 1.0)) / 2 for r in rows]
        ax.plot(centers, [r["accuracy"] for r in rows], marker="o", label=name)
    ax.set_xlabel("confianza de la respuesta")
    ax.set_ylabel("acierto")
    ax.set_title("Diagrama de fiabilidad (respuestas dadas)")
    ax.legend()
    images.append(("Fiabilidad", _png(fig)))
    plt.close(fig)
    return images


def write_report(path: Path, results: dict[str, tuple[dict, list[Outcome]]]) -> None:
    """Write the report atomically (temporary file, then rename)."""
    parts = ["<!doctype html><html lang='es'><meta charset='utf-8'><title>Evaluación</title>",
             "<style>body{font-family:sans-serif;max-width:60rem;margin:auto;padding:1rem}"
             "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}</style>",
             "<h1>Evaluación del servicio de preguntas</h1>"]
    for name, (figures, _) in results.items():
        parts.append(f"<h2>Mitad «{html.escape(name)}» ({figures['questions']} preguntas)</h2><table>")
        for key, _label in HEADLINE:
            parts.append(f"<tr><th>{key}</th><td>{figures[key]:.3f}</td></tr>")
        parts.append("</table>")
    for title, uri in _plots(results):
        parts.append(f"<h2>{html.escape(title)}</h2><img alt='{html.escape(title)}' src='{uri}'>")
    for name, (_, outcomes) in results.items():
        misses = [o for o in outcomes if not o.correct]
        parts.append(f"<h2>Fallos en «{html.escape(name)}» ({len(misses)})</h2><table>"
                     "<tr><th>id</th><th>tipo</th><th>pregunta</th><th>esperado</th><th>obtenido</th><th>confianza</th></tr>")
        for o in misses:
            expected = o.item.evidence if o.item.answerable else "declinar"
            got = "declinó" if o.refused else (o.quote or "")
            parts.append("<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in (
                o.item.id, o.item.kind, o.item.question, expected, got, f"{o.confidence:.2f}")) + "</tr>")
        parts.append("</table>")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".report-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write("\n".join(parts))
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
