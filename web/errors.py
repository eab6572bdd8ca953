"""One JSON error shape for the API: ``{"error": {"code", "message"}}``."""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import HTTPException

from qa.errors import QAError

log = logging.getLogger(__name__)

# Stable codes for the HTTP errors Flask raises itself.
_HTTP_CODES = {
    400: ("bad_request", "La petición no es válida."),
    404: ("not_found", "No existe esa ruta de la API."),
    405: ("method_not_allowed", "Método no permitido en esta ruta."),
    413: ("payload_too_large", "El cuerpo de la petición es demasiado grande (máximo {limit} bytes)."),
    415: ("unsupported_media_type", "El cuerpo debe enviarse con Content-Type: application/json."),
    429: ("rate_limited", "Demasiadas preguntas seguidas. Espere un momento y vuelva a intentarlo."),
}
RATE_LIMITED = _HTTP_CODES[429]
STATUS_BY_CODE = {
    "invalid_json": 400,
    "body_not_object": 400,
    "question_missing": 400,
    "question_not_string": 400,
    "question_empty": 400,
    "question_too_long": 400,
    "history_invalid": 400,
    "invalid_field": 400,
    "unsupported_media_type": 415,
}


class ApiError(Exception):
    """An error the API answers with its own code and Spanish message."""

    def __init__(self, code: str, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.code, self.message = code, message
        self.status = status or STATUS_BY_CODE.get(code, 400)


def error_response(code: str, message: str, status: int) -> Response:
    """The API's one error shape."""
    response = jsonify({"error": {"code": code, "message": message}})
    response.status_code = status
    return response


def _wants_json() -> bool:
    """Everything under /api, including the bare prefix, answers errors in JSON."""
    return request.path == "/api" or request.path.startswith("/api/")


def register(app: Flask) -> None:
    """Map every error under /api/ to JSON; pages keep Flask's default for non-API paths."""

    @app.errorhandler(ApiError)
    def api_error(exc: ApiError) -> Response:
        return error_response(exc.code, exc.message, exc.status)

    @app.errorhandler(QAError)
    def qa_error(exc: QAError) -> Response:
        return error_response(exc.code, exc.message, STATUS_BY_CODE.get(exc.code, 400))

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):  # type: ignore[no-untyped-def]
        if not _wants_json():
            return exc
        code, message = _HTTP_CODES.get(exc.code or 400, ("http_error", exc.description or "Error."))
        if exc.code == 413:
            message = message.format(limit=app.config["MAX_CONTENT_LENGTH"])
        response = error_response(code, message, exc.code or 400)
        if exc.code == 405 and exc.valid_methods:  # type: ignore[attr-defined]
            response.headers["Allow"] = ", ".join(exc.valid_methods)  # type: ignore[attr-defined]
        return response

    @app.errorhandler(Exception)
    def unexpected(exc: Exception) -> Response:
        log.exception("Error inesperado en %s", request.path)
        return error_response("internal_error", "Error interno del servicio. Inténtelo de nuevo más tarde.", 500)
