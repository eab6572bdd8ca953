"""POST /api/feedback: a reader's 👍/👎 on an answer, stored in SQLite."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Blueprint, Response, current_app, jsonify

from qa.feedback import RATINGS, Feedback, FeedbackStore
from qa.pipeline import validate_question

from .api import json_body
from .errors import ApiError
from .schemas import MAX_COMMENT_CHARS, MAX_FEEDBACK_TEXT_CHARS

bp = Blueprint("feedback_api", __name__, url_prefix="/api")

MAX_TEXT_CHARS = MAX_FEEDBACK_TEXT_CHARS


def store() -> FeedbackStore:
    """The store under the configured data directory (never inside the repo's code)."""
    return FeedbackStore(Path(current_app.config["DATA_DIR"]))


def _text(body: dict[str, Any], field: str, limit: int, required: bool) -> str | None:
    """A text field, or an ApiError with a stable code naming the field."""
    value = body.get(field)
    if value is None:
        if required:
            raise ApiError(f"{field}_missing", f"Falta el campo «{field}».")
        return None
    if not isinstance(value, str):
        raise ApiError(f"{field}_invalid", f"El campo «{field}» debe ser un texto.")
    if required and not value.strip():
        raise ApiError(f"{field}_invalid", f"El campo «{field}» está vacío.")
    if len(value) > limit:
        raise ApiError(f"{field}_invalid", f"El campo «{field}» admite como máximo {limit} caracteres.")
    return value


def parse_feedback(body: dict[str, Any]) -> Feedback:
    """Validate the body; the question follows the same rules as /api/ask."""
    if "question" not in body:
        raise ApiError("question_missing", "Falta el campo «question» con la pregunta valorada.")
    question = validate_question(body["question"])
    answer = _text(body, "answer", MAX_TEXT_CHARS, required=True)
    if "rating" not in body:
        raise ApiError("rating_missing", "Falta el campo «rating»: «up» o «down».")
    rating = body["rating"]
    if rating not in RATINGS:
        raise ApiError("rating_invalid", "El campo «rating» debe ser «up» o «down».")
    quote = _text(body, "quote", MAX_TEXT_CHARS, required=False)
    comment = _text(body, "comment", MAX_COMMENT_CHARS, required=False)
    return Feedback(question=question, answer=answer or "", rating=rating, quote=quote, comment=comment)


@bp.post("/feedback")
def feedback() -> tuple[Response, int]:
    """Store a rating so wrong answers can become new evaluation questions."""
    item = parse_feedback(json_body())
    new_id = store().add(item)
    return jsonify({"id": new_id, "status": "stored"}), 201
