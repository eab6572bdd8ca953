"""Run the Flask app under gunicorn, configured from the CLI."""

from __future__ import annotations

import gc
import os
from pathlib import Path
from typing import Any

from gunicorn.app.base import BaseApplication


class _Server(BaseApplication):  # type: ignore[misc]
    """gunicorn embedded: the app is built once in the master and forked (preload)."""

    def __init__(self, app: Any, options: dict[str, Any]) -> None:
        self.application = app
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        return self.application


GC_YOUNG_THRESHOLD = 50_000


def run(host: str, port: int, workers: int, index_dir: Path) -> None:
    """Load the pipeline once, then serve with ``workers`` gunicorn processes."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    from web import create_app

    app = create_app({"INDEX_DIR": str(index_dir)})
    # Everything loaded so far (index, vocabulary, lexicons) lives as long as the server: moved out of the
    # collector's reach before the fork, the workers neither rescan it nor dirty its pages (Python's gc docs).
    gc.freeze()
    # A request allocates a few thousand short-lived objects; at the default threshold (700) the collector
    # runs several times per request for almost nothing to collect. Every 50,000 allocations it still finds
    # any cycle, at a fraction of the cost (benchmarks/throughput.py: about +0.01 to ask/health).
    gc.set_threshold(GC_YOUNG_THRESHOLD, 50, 100)
    _Server(
        app,
        {
            "bind": f"{host}:{port}",
            "workers": workers,
            "worker_class": "sync",
            "preload_app": True,
            "timeout": 30,
            "graceful_timeout": 20,
            "accesslog": None,
            "control_socket_disable": True,
        },
    ).run()
