"""Readers' 👍/👎: stored in SQLite under the data directory and exported as JSON Lines."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from qa.feedback import DB_FILE, Feedback, FeedbackStore, export_jsonl
from qa_cli import main
from web import MAX_BODY_BYTES

GOOD = {
    "question": "¿Dónde se reunieron Milei y Kast?",
    "answer": "En Buenos Aires.",
    "rating": "up",
    "quote": "mantuvieron una reunión en Buenos Aires",
}


def test_store_creates_its_directory_and_database_on_first_use(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "nuevo" / "datos")
    assert not store.path.exists()
    new_id = store.add(Feedback("¿Quién?", "Milei.", "down", comment="La cita no responde"))
    assert new_id == 1 and store.path.exists() and store.path.name == DB_FILE
    (item,) = list(store)
    assert (item.question, item.answer, item.rating, item.quote, item.comment) == (
        "¿Quién?", "Milei.", "down", None, "La cita no responde")
    assert item.created_at.endswith("+00:00")


def test_store_uses_write_ahead_logging(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path)
    store.add(Feedback("¿Qué?", "Algo.", "up"))
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_store_rejects_an_unknown_rating_naming_the_valid_ones() -> None:
    with pytest.raises(ValueError, match="up, down"):
        Feedback("¿Qué?", "Algo.", "meh")


def test_reading_an_empty_store_creates_nothing(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "vacio")
    assert list(store) == [] and store.count() == 0
    assert not (tmp_path / "vacio").exists()


def test_feedback_endpoint_stores_a_rating_in_the_data_dir(client, app) -> None:
    res = client.post("/api/feedback", json={**GOOD, "comment": "Perfecta", "extra": "se ignora"})
    assert res.status_code == 201
    assert res.get_json() == {"id": 1, "status": "stored"}
    store = FeedbackStore(Path(app.config["DATA_DIR"]))
    (item,) = list(store)
    assert item.question == GOOD["question"] and item.rating == "up" and item.comment == "Perfecta"


@pytest.mark.parametrize(("kwargs", "status", "code"), [
    ({"data": "{roto", "content_type": "application/json"}, 400, "invalid_json"),
    ({"json": ["lista"]}, 400, "body_not_object"),
    ({"json": {k: v for k, v in GOOD.items() if k != "question"}}, 400, "question_missing"),
    ({"json": {**GOOD, "question": 7}}, 400, "question_not_string"),
    ({"json": {**GOOD, "question": "  "}}, 400, "question_empty"),
    ({"json": {**GOOD, "question": "a" * 501}}, 400, "question_too_long"),
    ({"json": {k: v for k, v in GOOD.items() if k != "answer"}}, 400, "answer_missing"),
    ({"json": {**GOOD, "answer": ["x"]}}, 400, "answer_invalid"),
    ({"json": {**GOOD, "answer": ""}}, 400, "answer_invalid"),
    ({"json": {k: v for k, v in GOOD.items() if k != "rating"}}, 400, "rating_missing"),
    ({"json": {**GOOD, "rating": "meh"}}, 400, "rating_invalid"),
    ({"json": {**GOOD, "rating": 1}}, 400, "rating_invalid"),
    ({"json": {**GOOD, "quote": 3}}, 400, "quote_invalid"),
    ({"json": {**GOOD, "comment": "x" * 1001}}, 400, "comment_invalid"),
    ({"data": "question=hola", "content_type": "application/x-www-form-urlencoded"}, 415, "unsupported_media_type"),
    ({"data": "x" * (MAX_BODY_BYTES + 1), "content_type": "application/json"}, 413, "payload_too_large"),
])
def test_bad_feedback_gets_a_stable_code_and_stores_nothing(client, app, kwargs, status, code) -> None:
    res = client.post("/api/feedback", **kwargs)
    assert res.status_code == status
    err = res.get_json()["error"]
    assert err["code"] == code and err["message"]
    assert FeedbackStore(Path(app.config["DATA_DIR"])).count() == 0


def test_feedback_only_accepts_post(client) -> None:
    res = client.get("/api/feedback")
    assert res.status_code == 405 and res.get_json()["error"]["code"] == "method_not_allowed"


def _filled_store(tmp_path: Path) -> FeedbackStore:
    store = FeedbackStore(tmp_path / "data")
    store.add(Feedback(GOOD["question"], GOOD["answer"], "up", GOOD["quote"]))
    store.add(Feedback("¿Cuál es la capital de Francia?", "Lo siento…", "down", comment="Debería negarse"))
    return store


def test_export_writes_one_json_line_per_rating_atomically(tmp_path: Path) -> None:
    store = _filled_store(tmp_path)
    target = tmp_path / "out" / "feedback.jsonl"
    assert export_jsonl(store, target) == 2
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [r["rating"] for r in lines] == ["up", "down"]
    assert list(lines[0]) == ["id", "created_at", "question", "answer", "rating", "quote", "comment"]
    assert lines[1]["comment"] == "Debería negarse" and lines[1]["quote"] is None
    assert [p.name for p in target.parent.iterdir()] == ["feedback.jsonl"]  # no temporary file left


def test_qa_feedback_export_command_to_file_and_stdout(tmp_path: Path) -> None:
    _filled_store(tmp_path)
    out = tmp_path / "ratings.jsonl"
    result = CliRunner().invoke(main, ["feedback", "export", "--data-dir", str(tmp_path / "data"), "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    result = CliRunner().invoke(main, ["feedback", "export", "--data-dir", str(tmp_path / "data")])
    assert result.exit_code == 0
    assert [json.loads(line)["question"] for line in result.stdout.splitlines()][1] == "¿Cuál es la capital de Francia?"


def test_qa_feedback_export_with_no_ratings_prints_nothing(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["feedback", "export", "--data-dir", str(tmp_path / "nada")])
    assert result.exit_code == 0 and result.stdout == ""


def test_article_endpoint_returns_the_text_and_its_sections(client, article) -> None:
    body = client.get(f"/api/article/{article.id}").get_json()
    assert body["id"] == article.id and body["text"] == article.text and body["title"] == article.title
    for section in body["sections"]:
        assert article.text[section["start"] : section["end"]] == section["heading"]
    res = client.get("/api/article/no-existe")
    assert res.status_code == 404 and res.get_json()["error"]["code"] == "not_found"


def test_examples_endpoint_lists_questions_generated_by_the_core(client, pipeline) -> None:
    body = client.get("/api/examples").get_json()
    assert body["examples"] == list(pipeline.suggestions()) and body["examples"]


def test_chat_page_loads_its_own_script_and_styles(client) -> None:
    html = client.get("/").get_data(as_text=True)
    assert "/static/chat.js" in html and "/static/chat.css" in html
    assert "<script>" not in html and "style=" not in html and "http" not in html.split("<body>")[1]
    for asset in ("/static/chat.js", "/static/chat.css"):
        res = client.get(asset)
        assert res.status_code == 200
        res.close()  # static files are streamed; close them so no file handle is left open
