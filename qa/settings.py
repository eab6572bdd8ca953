"""Every setting of the service, declared once with its default and help text.

The CLI, the web factory and the README read this list; a test checks that
the README documents each one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Setting:
    """A named setting, read from the environment variable ``env``."""

    name: str
    env: str
    default: str
    help: str

    def value(self) -> str:
        return os.environ.get(self.env, self.default)


SETTINGS: tuple[Setting, ...] = (
    Setting("index_dir", "QA_INDEX_DIR", str(PROJECT_ROOT / "index"),
            "Carpeta con el artículo, su manifiesto (documents.json) y el índice construido."),
    Setting("rebuild_index", "QA_REBUILD_INDEX", "1",
            "Si el índice falta, está dañado o no corresponde al artículo, reconstruirlo al arrancar (1) o negarse a arrancar (0)."),
    Setting("data_dir", "QA_DATA_DIR", str(PROJECT_ROOT / "var"),
            "Carpeta de datos escribibles (base de datos de valoraciones); se crea al primer uso."),
    Setting("workers", "QA_WORKERS", "2", "Procesos de gunicorn para «qa serve»."),
    Setting("log_questions", "QA_LOG_QUESTIONS", "0",
            "Escribir el texto de las preguntas en el registro (1) o no (0, por defecto)."),
    # Generous by default so scripted evaluations from one machine are never throttled; a public
    # deployment tightens it (e.g. «30 per minute»).
    Setting("ratelimit", "QA_RATELIMIT", "6000 per minute",
            "Límite de peticiones POST a /api/ por cliente (dirección IP) y ruta, en la sintaxis de la biblioteca limits "
            "(«6000 per minute», «10/second;1000/hour»)."),
    Setting("ratelimit_storage", "QA_RATELIMIT_STORAGE", "memory://",
            "Dónde se cuentan las peticiones: «memory://» (por proceso) o un URI compartido como "
            "«redis://localhost:6379» cuando corren varios procesos o réplicas."),
)


def get(name: str) -> str:
    """The current value of a setting by name."""
    for setting in SETTINGS:
        if setting.name == name:
            return setting.value()
    raise KeyError(f"Ajuste desconocido: {name}. Válidos: {', '.join(s.name for s in SETTINGS)}")
