"""``qa feedback``: the readers' ratings, exported as JSON Lines."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from qa import settings
from qa.feedback import FeedbackStore, export_jsonl, write_jsonl


@click.group()
def feedback() -> None:
    """Valoraciones 👍/👎 de los lectores."""


@feedback.command()
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Carpeta de datos con feedback.sqlite3 (por defecto QA_DATA_DIR).")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Fichero JSON Lines de salida (escritura atómica); por defecto, la salida estándar.")
def export(data_dir: Path | None, output: Path | None) -> None:
    """Exportar las valoraciones como JSON Lines, una por línea."""
    store = FeedbackStore(data_dir or Path(settings.get("data_dir")))
    if output is None:
        write_jsonl(store, sys.stdout)
        return
    n = export_jsonl(store, output)
    click.echo(f"{n} valoración(es) escrita(s) en {output}.", err=True)
