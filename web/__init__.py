"""The Flask application: HTTP in, calls of the core pipeline, HTTP out."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from flask import Flask

from qa import settings
from qa.pipeline import Pipeline

log = logging.getLogger(__name__)

# Room for the longest valid feedback even if every character is JSON-escaped (\uXXXX).
MAX_BODY_BYTES = 64 * 1024


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Application factory: defaults, then the test dict; the pipeline is loaded once here."""
    app = Flask(__name__)
    app.config.from_mapping(
        INDEX_DIR=settings.get("index_dir"),
        REBUILD_INDEX=settings.get("rebuild_index") == "1",
        DATA_DIR=settings.get("data_dir"),
        LOG_QUESTIONS=settings.get("log_questions") == "1",
        RATELIMIT=settings.get("ratelimit"),
        RATELIMIT_STORAGE_URI=settings.get("ratelimit_storage"),
        MAX_CONTENT_LENGTH=MAX_BODY_BYTES,
        JSON_SORT_KEYS=False,
    )
    if test_config:
        app.config.from_mapping(test_config)
    pipeline = app.config.get("PIPELINE") or Pipeline.from_index_dir(
        Path(app.config["INDEX_DIR"]), rebuild=app.config["REBUILD_INDEX"]
    )
    app.extensions["qa_pipeline"] = pipeline
    app.json.sort_keys = False
    app.json.ensure_ascii = False

    from . import api, article_api, errors, feedback_api, pages, security

    app.register_blueprint(api.bp)
    app.register_blueprint(article_api.bp)
    app.register_blueprint(feedback_api.bp)
    app.register_blueprint(pages.bp)
    errors.register(app)
    security.register(app)
    return app
