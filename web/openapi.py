"""The OpenAPI 3.1 description of the API, generated from the pydantic models."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from .schemas import (
    ArticleResponse,
    AskRequest,
    AskResponse,
    ErrorResponse,
    ExamplesResponse,
    FeedbackRequest,
    FeedbackResponse,
    HealthResponse,
)

_MODELS: tuple[type[BaseModel], ...] = (
    AskRequest, AskResponse, ErrorResponse, HealthResponse, FeedbackRequest, FeedbackResponse,
    ArticleResponse, ExamplesResponse,
)


def _ref(model: type[BaseModel]) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{model.__name__}"}


def _error(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": _ref(ErrorResponse)}}}


def document() -> dict[str, Any]:
    """The whole description; served at /api/openapi.json and saved in the repo."""
    schemas: dict[str, Any] = {}
    for model in _MODELS:
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
        schemas.update(schema.pop("$defs", {}))
        schemas[model.__name__] = schema
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Preguntas sobre el artículo",
            "version": "1.0.0",
            "description": "Responde en español con una cita literal del artículo, o declina si el artículo no lo dice.",
        },
        "paths": {
            "/api/ask": {
                "post": {
                    "operationId": "ask",
                    "summary": "Hacer una pregunta sobre el artículo",
                    "requestBody": {"required": True, "content": {"application/json": {"schema": _ref(AskRequest)}}},
                    "responses": {
                        "200": {"description": "Respuesta o negativa", "content": {"application/json": {"schema": _ref(AskResponse)}}},
                        "400": _error("Pregunta o cuerpo no válidos"),
                        "413": _error("Cuerpo demasiado grande"),
                        "415": _error("Content-Type distinto de application/json"),
                        "429": _error("Demasiadas peticiones"),
                    },
                }
            },
            "/api/feedback": {
                "post": {
                    "operationId": "feedback",
                    "summary": "Valorar una respuesta (👍/👎)",
                    "requestBody": {"required": True, "content": {"application/json": {"schema": _ref(FeedbackRequest)}}},
                    "responses": {
                        "201": {"description": "Valoración guardada", "content": {"application/json": {"schema": _ref(FeedbackResponse)}}},
                        "400": _error("Cuerpo o campos no válidos"),
                        "413": _error("Cuerpo demasiado grande"),
                        "415": _error("Content-Type distinto de application/json"),
                        "429": _error("Demasiadas peticiones"),
                    },
                }
            },
            "/api/article/{document}": {
                "get": {
                    "operationId": "article",
                    "summary": "Texto completo de un documento",
                    "parameters": [{"name": "document", "in": "path", "required": True, "schema": {"type": "string"}}],
                    "responses": {
                        "200": {"description": "El documento", "content": {"application/json": {"schema": _ref(ArticleResponse)}}},
                        "404": _error("No existe ese documento"),
                    },
                }
            },
            "/api/examples": {
                "get": {
                    "operationId": "examples",
                    "summary": "Preguntas de ejemplo que el artículo responde",
                    "responses": {"200": {"description": "Ejemplos", "content": {"application/json": {"schema": _ref(ExamplesResponse)}}}},
                }
            },
            "/api/health": {
                "get": {
                    "operationId": "health",
                    "summary": "Estado del servicio",
                    "responses": {"200": {"description": "En marcha", "content": {"application/json": {"schema": _ref(HealthResponse)}}}},
                }
            },
        },
        "components": {"schemas": schemas},
    }
