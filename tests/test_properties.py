"""Property tests on the core: whatever text arrives, the pipeline answers, refuses or raises a typed error."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qa.errors import InvalidQuestion
from qa.pipeline import Pipeline
from qa.records import Answer

PROPERTY_SETTINGS = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
# Question-like glue so that generated text often reaches retrieval and answering, not only refusal.
GLUE = ["¿", "?", "qué", "quién", "cuándo", "dónde", "cuántos", "y", "de", "la", "el", "en", " ", ",", "."]


def check_answer(pipeline: Pipeline, answer: Answer) -> None:
    """The invariants every reply keeps, answer or refusal."""
    assert isinstance(answer, Answer)
    assert 0.0 <= answer.confidence <= 1.0
    assert isinstance(answer.answer, str) and answer.answer.strip()
    if answer.refused:
        assert answer.quote is None
        assert answer.source is None
        return
    assert answer.quote is not None and answer.source is not None
    text = pipeline.texts[answer.source.document]
    assert 0 <= answer.source.start < answer.source.end <= len(text)
    assert text[answer.source.start:answer.source.end] == answer.quote
    for start, end in answer.highlights:
        assert 0 <= start <= end <= len(text)


def ask_or_invalid(pipeline: Pipeline, question: str, history: list[str] | None = None) -> None:
    try:
        answer = pipeline.ask(question, history)
    except InvalidQuestion as exc:
        assert exc.code.startswith(("question_", "history_")) and exc.message
        return
    check_answer(pipeline, answer)


@PROPERTY_SETTINGS
@given(question=st.text(max_size=600))
def test_any_unicode_text_gets_an_answer_a_refusal_or_a_typed_error(pipeline: Pipeline, question: str) -> None:
    ask_or_invalid(pipeline, question)


@PROPERTY_SETTINGS
@given(data=st.data())
def test_questions_built_from_article_words_keep_quotes_verbatim(pipeline: Pipeline, data: st.DataObject) -> None:
    words = sorted({w for text in pipeline.texts.values() for w in re.findall(r"\w+", text)})
    parts = data.draw(st.lists(st.sampled_from(words) | st.sampled_from(GLUE), min_size=1, max_size=14))
    question = " ".join(parts)
    if data.draw(st.booleans()):
        question = f"¿{question}?"
    ask_or_invalid(pipeline, question)


@PROPERTY_SETTINGS
@given(question=st.text(min_size=1, max_size=200), history=st.lists(st.text(max_size=80), max_size=4))
def test_any_history_gets_an_answer_a_refusal_or_a_typed_error(
    pipeline: Pipeline, question: str, history: list[str]
) -> None:
    ask_or_invalid(pipeline, question, history)
