"""The core's typed errors; the web layer maps each code to one HTTP status."""

from __future__ import annotations


class QAError(Exception):
    """Base of every error the core raises on purpose; carries a stable code and a Spanish message."""

    code = "qa_error"

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code:
            self.code = code


class InvalidQuestion(QAError):
    """The question cannot be asked: empty, too long, or not text."""

    code = "invalid_question"


class IndexProblem(QAError):
    """The saved index is missing, corrupt, stale or of another format."""

    code = "index_problem"


class DocumentProblem(QAError):
    """A source document is missing or unreadable."""

    code = "document_problem"
