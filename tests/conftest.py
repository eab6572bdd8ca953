"""Fixtures chained as in flaskr: article → pipeline → app → client / runner."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from qa.index import ensure
from qa.pipeline import Pipeline
from qa.records import Document
from qa.settings import PROJECT_ROOT
from web import create_app

INDEX_DIR = PROJECT_ROOT / "index"

# In CI the generated examples are the same on every run, so a green main stays green; locally
# hypothesis keeps exploring new examples.
hypothesis_settings.register_profile("ci", derandomize=True)
if os.environ.get("CI") == "true":
    hypothesis_settings.load_profile("ci")
ARTICLE_ID = "000_d5c84b1288575811"


@pytest.fixture(scope="session")
def article() -> Document:
    data = ensure(INDEX_DIR, rebuild=False)
    return data.documents[0]


@pytest.fixture(scope="session")
def pipeline(article: Document) -> Pipeline:
    return Pipeline.from_index_dir(INDEX_DIR, rebuild=False)


@pytest.fixture
def app(pipeline: Pipeline, tmp_path: Path):
    return create_app({"TESTING": True, "PIPELINE": pipeline, "DATA_DIR": str(tmp_path / "data")})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def index_copy(tmp_path: Path) -> Path:
    """A private copy of index/ that a test may damage."""
    target = tmp_path / "index"
    shutil.copytree(INDEX_DIR, target, ignore=shutil.ignore_patterns(".index-*"))
    return target
