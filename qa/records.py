"""Typed values that travel between the stages of the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """A source text with its identity; offsets everywhere index ``text``."""

    id: str
    title: str
    text: str


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document: the smallest unit we quote."""

    index: int
    chunk_index: int
    start: int
    end: int
    section: str


@dataclass(frozen=True)
class Chunk:
    """A retrievable passage: a paragraph (or a window of a long one) in its section."""

    index: int
    document: str
    section: str
    start: int
    end: int
    sentences: tuple[int, ...]
    is_lead: bool = False
    is_heading: bool = False


@dataclass(frozen=True)
class Source:
    """Where a quote stands: ``document.text[start:end] == quote``."""

    document: str
    title: str
    section: str
    start: int
    end: int


@dataclass(frozen=True)
class Answer:
    """The pipeline's reply: an answer with its quote, or a polite refusal."""

    question: str
    refused: bool
    answer: str
    quote: str | None
    source: Source | None
    confidence: float
    short_answer: str | None = None
    kind: str = "fact"
    highlights: tuple[tuple[int, int], ...] = ()
    alternatives: tuple[Source, ...] = ()
    suggestions: tuple[str, ...] = ()
    signals: dict[str, float] = field(default_factory=dict)
    # What decided, for evaluation: "answered", "low_support", "no_content" or a rule's name (see qa.scope);
    # empty where the model is not consulted (summary, identity, section). Not part of the API.
    reason: str = ""
