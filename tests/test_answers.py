"""What a user notices about answers: the fact first, a verbatim quote, a polite refusal."""

from __future__ import annotations

import pytest

from qa.pipeline import Pipeline
from qa.records import Document


def quote_is_exact(answer, article: Document) -> bool:  # type: ignore[no-untyped-def]
    return article.text[answer.source.start : answer.source.end] == answer.quote


@pytest.mark.parametrize(("question", "fact"), [
    ("¿Dónde se reunieron Milei y Kast?", "Buenos Aires"),
    ("¿Cuándo está prevista la segunda vuelta?", "noviembre de 2025"),
    ("¿Cuándo confirmó el gobierno que no apoyaría a Kast?", "octubre de 2025"),
])
def test_short_fact_questions_state_the_fact(pipeline: Pipeline, article: Document, question: str, fact: str) -> None:
    answer = pipeline.ask(question)
    assert not answer.refused
    assert fact in answer.answer
    assert quote_is_exact(answer, article)


@pytest.mark.parametrize("question", [
    "donde se reunio milei con kast",
    "DONDE SE REUNIERON MILEI Y KAST",
])
def test_noisy_typing_still_finds_the_meeting(pipeline: Pipeline, question: str) -> None:
    answer = pipeline.ask(question)
    assert not answer.refused and "Buenos Aires" in answer.quote


@pytest.mark.parametrize("question", [
    "¿Cuál es la capital de Francia?",
    "¿Cuántos viajes oficiales autorizó Milei a Europa?",
    "¿Cómo se prepara una paella?",
])
def test_refuses_what_the_article_does_not_say(pipeline: Pipeline, question: str) -> None:
    answer = pipeline.ask(question)
    assert answer.refused and answer.quote is None
    assert answer.answer.startswith("Lo siento")


def test_summary_request_answers_from_the_lead(pipeline: Pipeline, article: Document) -> None:
    answer = pipeline.ask("¿De qué trata el artículo?")
    assert not answer.refused
    assert answer.source.section == "Entradilla"
    assert "Perspectivas a futuro" in answer.answer
    assert quote_is_exact(answer, article)


def test_a_question_without_searchable_words_is_refused_with_guidance(pipeline: Pipeline) -> None:
    answer = pipeline.ask("¿?")
    assert answer.refused and "De qué trata" in answer.answer
