"""Chunks remember where they come from: section and exact offsets."""

from __future__ import annotations

from qa.chunking import LEAD_SECTION, chunk_document, is_heading, section_headings
from qa.records import Document


def test_headings_are_short_lines_without_final_punctuation(article: Document) -> None:
    headings = [h for h, _, _ in section_headings(article)]
    assert headings == [
        "Decisión del Gobierno argentino",
        "Expectativas de una alianza regional",
        "Contexto de la campaña chilena",
        "Impacto en la seguridad y la desigualdad",
        "Perspectivas a futuro",
    ]
    assert not is_heading("Esto es una frase completa.")


def test_every_chunk_and_sentence_is_an_exact_slice(article: Document) -> None:
    chunks, sentences = chunk_document(article)
    assert chunks[0].section == LEAD_SECTION and chunks[0].is_lead
    for chunk in chunks:
        text = article.text[chunk.start : chunk.end]
        assert text == text.strip() and text
        assert chunk.section in (LEAD_SECTION, *[h for h, _, _ in section_headings(article)])
    for s in sentences:
        sentence = article.text[s.start : s.end]
        assert sentence[-1] in ".!?", sentence
    # Sentences cover all paragraph text, in order, without overlap.
    assert all(a.end <= b.start for a, b in zip(sentences, sentences[1:]))


def test_a_dot_inside_a_name_does_not_end_a_sentence(article: Document) -> None:
    _, sentences = chunk_document(article)
    assert any("Clarin.com, exministros" in article.text[s.start : s.end] for s in sentences)


def test_long_paragraphs_are_cut_into_overlapping_windows() -> None:
    text = "Un párrafo.\nTítulo\n" + " ".join(f"Frase número {i} del texto." for i in range(9)) + "\n"
    chunks, sentences = chunk_document(Document("d", "t", text))
    body = [c for c in chunks if c.section == "Título"]
    assert len(body) > 1
    assert body[0].sentences[-1] == body[1].sentences[0]  # one sentence of overlap
    assert len(sentences) == 10
