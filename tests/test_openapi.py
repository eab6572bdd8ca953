"""The API matches its own OpenAPI description: the committed copy, and schemathesis exploring the app."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from qa.pipeline import Pipeline
from qa.settings import PROJECT_ROOT
from web import create_app
from web.openapi import document

COMMITTED = PROJECT_ROOT / "web" / "openapi.json"


def test_committed_openapi_matches_what_the_app_serves(client) -> None:
    served = client.get("/api/openapi.json")
    assert served.status_code == 200
    assert served.get_json() == json.loads(COMMITTED.read_text(encoding="utf-8")), (
        "web/openapi.json está desactualizado: ejecute .venv/bin/python scripts/write-openapi.py"
    )


@pytest.fixture
def fuzz_app(pipeline: Pipeline, tmp_path: Path):
    """The app with a rate limit no fuzzing run reaches: 429s are documented but not what is explored."""
    return create_app({"TESTING": True, "PIPELINE": pipeline, "DATA_DIR": str(tmp_path / "data"),
                       "RATELIMIT": "100000 per minute"})


def _runs() -> list[tuple[str, GenerationMode]]:
    """Every documented operation with valid data, and with invalid data when it takes a body.

    A free-text path parameter (``/api/article/{document}``) has no invalid value to generate.
    """
    runs = []
    for path, methods in document()["paths"].items():
        for method, operation in methods.items():
            label = f"{method.upper()} {path}"
            runs.append((label, GenerationMode.POSITIVE))
            if operation.get("requestBody"):
                runs.append((label, GenerationMode.NEGATIVE))
    return runs


RUNS = _runs()


# schemathesis' own pytest plugin (from_fixture) does not run under pytest 9, so its strategies are driven
# by hypothesis directly: one bounded run per operation, valid data and deliberately invalid data.
@pytest.mark.parametrize(("label", "mode"), RUNS, ids=[f"{label}-{mode.value}" for label, mode in RUNS])
def test_api_conforms_to_its_openapi_description(fuzz_app, label: str, mode: GenerationMode) -> None:
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", fuzz_app)
    operation = schema.find_operation_by_label(label)
    assert operation is not None, f"{label} falta en la descripción OpenAPI"

    statuses: list[int] = []

    @given(case=operation.as_strategy(mode))
    @settings(max_examples=30, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def explore(case: schemathesis.Case) -> None:
        statuses.append(case.call_and_validate().status_code)

    explore()
    assert statuses and 500 not in statuses
