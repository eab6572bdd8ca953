"""The JSON endpoint's contract and its errors."""

from __future__ import annotations

import pytest

from qa.records import Document
from web import MAX_BODY_BYTES


def ask(client, question, **extra):  # type: ignore[no-untyped-def]
    return client.post("/api/ask", json={"question": question, **extra})


def test_answers_where_milei_and_kast_met_with_a_verbatim_quote(client, article: Document) -> None:
    res = ask(client, "¿Dónde se reunieron Milei y Kast?")
    assert res.status_code == 200
    body = res.get_json()
    assert body["refused"] is False
    assert "Buenos Aires" in body["answer"]
    src = body["source"]
    assert article.text[src["start"] : src["end"]] == body["quote"]
    assert src["document"] == article.id and src["title"] and src["section"]
    assert 0.0 <= body["confidence"] <= 1.0


def test_refuses_question_about_unrelated_country(client) -> None:
    body = ask(client, "¿Cuál es la capital de Francia?").get_json()
    assert body["refused"] is True
    assert body["quote"] is None and body["source"] is None
    assert "artículo" in body["answer"]
    assert body["suggestions"]


def test_health_reports_what_is_loaded(client) -> None:
    body = client.get("/api/health").get_json()
    assert body["status"] == "ok" and body["documents"] == 1 and body["chunks"] == 10


@pytest.mark.parametrize(("kwargs", "status", "code"), [
    ({"data": "{no es json", "content_type": "application/json"}, 400, "invalid_json"),
    ({"data": "", "content_type": "application/json"}, 400, "invalid_json"),
    ({"data": b"\xff\xfe", "content_type": "application/json"}, 400, "invalid_json"),
    ({"json": ["una", "lista"]}, 400, "body_not_object"),
    ({"json": {}}, 400, "question_missing"),
    ({"json": {"question": None}}, 400, "question_not_string"),
    ({"json": {"question": 42}}, 400, "question_not_string"),
    ({"json": {"question": "   "}}, 400, "question_empty"),
    ({"json": {"question": "a" * 501}}, 400, "question_too_long"),
    ({"json": {"question": "hola", "history": "no"}}, 400, "history_invalid"),
    ({"data": "question=hola", "content_type": "application/x-www-form-urlencoded"}, 415, "unsupported_media_type"),
    ({"data": "x" * (MAX_BODY_BYTES + 1), "content_type": "application/json"}, 413, "payload_too_large"),
])
def test_bad_input_gets_a_stable_code_and_a_spanish_message(client, kwargs, status, code) -> None:
    res = client.post("/api/ask", **kwargs)
    assert res.status_code == status
    assert res.is_json
    err = res.get_json()["error"]
    assert err["code"] == code
    assert err["message"] and not err["message"].startswith("Traceback")


def test_too_long_question_message_states_the_limit(client) -> None:
    err = ask(client, "a" * 501).get_json()["error"]
    assert "500" in err["message"]


def test_unknown_api_paths_and_methods_answer_json(client) -> None:
    res = client.get("/api/nada")
    assert res.status_code == 404 and res.get_json()["error"]["code"] == "not_found"
    res = client.get("/api/ask")
    assert res.status_code == 405 and res.get_json()["error"]["code"] == "method_not_allowed"


def test_unknown_fields_are_ignored(client) -> None:
    res = ask(client, "¿Dónde se reunieron Milei y Kast?", extra="x")
    assert res.status_code == 200


def test_openapi_document_describes_the_endpoints(client) -> None:
    doc = client.get("/api/openapi.json").get_json()
    assert set(doc["paths"]) >= {"/api/ask", "/api/health"}
    required = set(doc["components"]["schemas"]["AskResponse"]["required"])
    assert required >= {"question", "refused", "answer", "quote", "source", "confidence"}


def test_responses_carry_security_headers(client) -> None:
    res = client.get("/api/health")
    assert "frame-ancestors 'none'" in res.headers["Content-Security-Policy"]
    assert res.headers["X-Content-Type-Options"] == "nosniff"
    assert res.headers["Referrer-Policy"]
