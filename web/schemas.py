"""Request and response shapes, described once: used to validate and to write the OpenAPI document."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from qa.pipeline import MAX_HISTORY_TURNS, MAX_QUESTION_CHARS


class AskRequest(BaseModel):
    """Body of ``POST /api/ask``. Unknown fields are ignored."""

    model_config = ConfigDict(extra="ignore")
    question: str = Field(description="Pregunta en español.", min_length=1, max_length=MAX_QUESTION_CHARS)
    history: list[str] | None = Field(
        default=None, max_length=MAX_HISTORY_TURNS,
        description="Preguntas anteriores de la conversación, la más reciente al final (opcional).",
    )


class SourceModel(BaseModel):
    """Where the quote stands: ``text[start:end] == quote``."""

    document: str
    title: str
    section: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class AskResponse(BaseModel):
    """An answer with its verbatim quote, or a refusal (``refused`` true, ``quote`` and ``source`` null)."""

    question: str
    refused: bool
    answer: str
    quote: str | None
    source: SourceModel | None
    confidence: float = Field(ge=0, le=1)
    short_answer: str | None = None
    kind: str
    highlights: list[list[int]]
    suggestions: list[str]


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorResponse(BaseModel):
    """Every 4xx/5xx of the API."""

    error: ErrorDetail


class HealthResponse(BaseModel):
    status: str
    documents: int
    chunks: int
    sentences: int
