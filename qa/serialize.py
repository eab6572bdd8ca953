"""The JSON shape of an answer, shared by the API and ``qa ask --json``."""

from __future__ import annotations

from .records import Answer, Source


def _source(source: Source) -> dict[str, object]:
    return {"document": source.document, "title": source.title, "section": source.section,
            "start": source.start, "end": source.end}


def answer_to_dict(answer: Answer) -> dict[str, object]:
    """Plain data for an answer: the API contract, field for field."""
    return {
        "question": answer.question,
        "refused": answer.refused,
        "answer": answer.answer,
        "quote": answer.quote,
        "source": _source(answer.source) if answer.source else None,
        "confidence": answer.confidence,
        "short_answer": answer.short_answer,
        "kind": answer.kind,
        "highlights": [list(span) for span in answer.highlights],
        "suggestions": list(answer.suggestions),
    }
