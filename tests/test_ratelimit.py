"""The per-client rate limit on POST /api/*: a 429 in the API's JSON error shape, with Retry-After."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.pipeline import Pipeline
from web import create_app

QUESTION = {"question": "¿Dónde se reunieron Milei y Kast?"}


@pytest.fixture
def limited_client(pipeline: Pipeline, tmp_path: Path):
    app = create_app({"TESTING": True, "PIPELINE": pipeline, "DATA_DIR": str(tmp_path / "data"),
                      "RATELIMIT": "2 per minute"})
    return app.test_client()


def test_third_question_in_a_minute_is_rate_limited(limited_client) -> None:
    assert limited_client.post("/api/ask", json=QUESTION).status_code == 200
    assert limited_client.post("/api/ask", json=QUESTION).status_code == 200
    response = limited_client.post("/api/ask", json=QUESTION)
    assert response.status_code == 429
    assert response.is_json
    error = response.get_json()["error"]
    assert error["code"] == "rate_limited"
    assert "Espere" in error["message"]
    assert 0 < int(response.headers["Retry-After"]) <= 60


def test_health_is_never_rate_limited(limited_client) -> None:
    for _ in range(5):
        limited_client.post("/api/ask", json=QUESTION)
    assert all(limited_client.get("/api/health").status_code == 200 for _ in range(5))


def test_clients_are_limited_separately(limited_client) -> None:
    for _ in range(3):
        limited_client.post("/api/ask", json=QUESTION, environ_base={"REMOTE_ADDR": "10.0.0.1"})
    other = limited_client.post("/api/ask", json=QUESTION, environ_base={"REMOTE_ADDR": "10.0.0.2"})
    assert other.status_code == 200


def test_default_limit_is_generous(client) -> None:
    assert all(client.post("/api/ask", json=QUESTION).status_code == 200 for _ in range(20))


def test_bad_limit_fails_loudly(pipeline: Pipeline) -> None:
    with pytest.raises(ValueError):
        create_app({"TESTING": True, "PIPELINE": pipeline, "RATELIMIT": "muchas por minuto"})


def test_feedback_is_rate_limited_too(limited_client) -> None:
    rating = {**QUESTION, "answer": "En Buenos Aires.", "rating": "up"}
    statuses = [limited_client.post("/api/feedback", json=rating).status_code for _ in range(3)]
    assert statuses == [201, 201, 429]
