"""The JSON shape of an answer, shared by the API and ``qa ask --json``."""

from __future__ import annotations

from dataclasses import asdict

from .records import Answer


def answer_to_dict(answer: Answer) -> dict[str, object]:
    """Plain data for an answer: the API contract, field for field."""
    return {
        "question": answer.question,
        "refused": answer.refused,
        "answer": answer.answer,
        "quote": answer.quote,
        "source": asdict(answer.source) if answer.source else None,
        "confidence": answer.confidence,
        "short_answer": answer.short_answer,
        "kind": answer.kind,
        "highlights": [list(span) for span in answer.highlights],
        "suggestions": list(answer.suggestions),
    }
