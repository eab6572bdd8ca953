"""The ``qa`` command: a thin layer over the same pipeline the server uses."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

from qa import settings
from qa.errors import QAError

PROJECT_ROOT = settings.PROJECT_ROOT
DEFAULT_QUESTIONS = PROJECT_ROOT / "eval" / "questions.jsonl"
DEFAULT_FLOORS = PROJECT_ROOT / "eval" / "floors.json"


def _index_dir(value: str | None) -> Path:
    return Path(value or settings.get("index_dir"))


def _pipeline(index_dir: Path):  # type: ignore[no-untyped-def]
    from qa.pipeline import Pipeline

    try:
        return Pipeline.from_index_dir(index_dir, rebuild=settings.get("rebuild_index") == "1")
    except QAError as exc:
        raise click.ClickException(exc.message) from exc


@click.group()
@click.option("-v", "--verbose", is_flag=True, help="Mostrar el registro detallado.")
def main(verbose: bool) -> None:
    """Preguntas y respuestas sobre el artículo de noticias."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


@main.command()
@click.option("--index-dir", default=None, help="Carpeta del artículo y del índice.")
@click.option("--if-stale", is_flag=True, help="Reconstruir solo si el índice falta o no corresponde al artículo.")
def index(index_dir: str | None, if_stale: bool) -> None:
    """Construir el índice BM25 del artículo (escritura atómica)."""
    from qa.index import INDEX_FILE, build, load, load_documents, save

    folder = _index_dir(index_dir)
    try:
        docs = load_documents(folder)
        if if_stale:
            try:
                load(folder / INDEX_FILE, docs)
                click.echo(f"El índice {folder / INDEX_FILE} está al día.")
                return
            except QAError as exc:
                click.echo(f"{exc.message} Se reconstruye.")
        data = build(docs)
        save(data, folder / INDEX_FILE)
    except QAError as exc:
        raise click.ClickException(exc.message) from exc
    click.echo(f"Índice escrito en {folder / INDEX_FILE}: {len(data.documents)} documento(s), "
               f"{len(data.chunks)} fragmentos, {len(data.sentences)} frases.")


@main.command()
@click.argument("question")
@click.option("--json", "as_json", is_flag=True, help="Imprimir exactamente el JSON de la API.")
@click.option("--history", multiple=True, help="Pregunta anterior de la conversación (repetible).")
@click.option("--index-dir", default=None, help="Carpeta del artículo y del índice.")
def ask(question: str, as_json: bool, history: tuple[str, ...], index_dir: str | None) -> None:
    """Responder una pregunta."""
    from qa.serialize import answer_to_dict

    pipeline = _pipeline(_index_dir(index_dir))
    try:
        answer = pipeline.ask(question, list(history))
    except QAError as exc:
        raise click.ClickException(exc.message) from exc
    if as_json:
        click.echo(json.dumps(answer_to_dict(answer), ensure_ascii=False))
        return
    click.echo(answer.answer)
    if answer.quote and answer.source:
        click.echo(f"\n«{answer.quote}»")
        click.echo(f"— {answer.source.title}, sección «{answer.source.section}», "
                   f"caracteres {answer.source.start}-{answer.source.end}")
    elif answer.suggestions:
        click.echo("\nPreguntas que el artículo sí responde:")
        for s in answer.suggestions:
            click.echo(f"  · {s}")
    click.echo(f"(confianza {answer.confidence:.2f})")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Dirección en la que escuchar.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Puerto.")
@click.option("--workers", default=None, type=click.IntRange(1, 64), help="Procesos de gunicorn (QA_WORKERS).")
@click.option("--index-dir", default=None, help="Carpeta del artículo y del índice.")
def serve(host: str, port: int, workers: int | None, index_dir: str | None) -> None:
    """Servir la web y la API con gunicorn (nunca el servidor de desarrollo de Flask)."""
    from .server import run

    try:
        count = workers or int(settings.get("workers"))
    except ValueError:
        raise click.ClickException(f"QA_WORKERS debe ser un número entero, no {settings.get('workers')!r}.") from None
    try:
        run(host, port, count, _index_dir(index_dir))
    except QAError as exc:
        raise click.ClickException(f"{exc.message} El servicio no arranca.") from exc
    except ValueError as exc:  # a malformed setting, e.g. QA_RATELIMIT
        raise click.ClickException(str(exc)) from exc


@main.command(name="eval")
@click.option("--questions", type=click.Path(path_type=Path), default=DEFAULT_QUESTIONS, show_default=True)
@click.option("--split", type=click.Choice(["dev", "heldout", "all"]), default="all", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Imprimir las cifras en JSON.")
@click.option("--floors", type=click.Path(path_type=Path), default=DEFAULT_FLOORS, show_default=True,
              help="Mínimos por mitad; salir con código 1 si una cifra cae por debajo.")
@click.option("--report", type=click.Path(path_type=Path), default=None,
              help="Escribir además un informe HTML con gráficos (matplotlib).")
@click.option("--index-dir", default=None, help="Carpeta del artículo y del índice.")
def evaluate(questions: Path, split: str, as_json: bool, floors: Path, report: Path | None, index_dir: str | None) -> None:
    """Evaluar con el conjunto de preguntas y mostrar las métricas."""
    from .evalreport import run_eval

    code = run_eval(_pipeline(_index_dir(index_dir)), questions, split, as_json, floors, report)
    sys.exit(code)


from .feedback import feedback as _feedback  # noqa: E402  (the group lives in its own module)

main.add_command(_feedback)
