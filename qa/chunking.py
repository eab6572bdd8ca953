"""Split an article into sections, paragraphs, chunks and sentences with exact offsets.

Chunk size, on purpose: a chunk is one paragraph. News paragraphs hold one to
three sentences (40-90 words here), a size at which BM25's length
normalisation compares like with like, and a paragraph is the unit a reader
recognises as "the passage". A paragraph longer than ``MAX_CHUNK_SENTENCES``
sentences is cut into windows that overlap by one sentence, so an answer that
straddles the cut is still whole in one window. Paragraphs themselves never
overlap: the section heading is indexed with every chunk instead, which gives
each chunk its context without duplicating text.
"""

from __future__ import annotations

import re

from .records import Chunk, Document, Sentence

MAX_CHUNK_SENTENCES = 4
CHUNK_OVERLAP_SENTENCES = 1
MAX_HEADING_CHARS = 90
LEAD_SECTION = "Entradilla"

_FINAL_PUNCTUATION = ".!?…:;»\"”)"
_ABBREVIATIONS = frozenset(
    {"sr", "sra", "dr", "dra", "lic", "ing", "etc", "ee", "uu", "p", "pág", "núm", "art", "av", "gral", "prof"}
)
# A sentence ends at . ! ? … (optionally closed by quotes or brackets) followed
# by space and something that can open a sentence.
_BOUNDARY_RE = re.compile(r"[.!?…]+[\"”»’)]*\s+(?=[¿¡\"“«(]?[A-ZÁÉÍÓÚÑÜ0-9])")


def is_heading(line: str) -> bool:
    """A heading is a short line without final punctuation."""
    stripped = line.strip()
    return (
        0 < len(stripped) <= MAX_HEADING_CHARS
        and stripped[-1] not in _FINAL_PUNCTUATION
        and len(stripped.split()) <= 12
    )


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]``, trimmed of surrounding space."""
    spans: list[tuple[int, int]] = []
    cursor = start
    for m in _BOUNDARY_RE.finditer(text, start, end):
        word = re.search(r"(\w+)[.!?…]+[\"”»’)]*\s+$", text[cursor : m.end()])
        if word and word.group(1).lower() in _ABBREVIATIONS and m.group(0).startswith("."):
            continue
        stop = m.end() - (len(m.group(0)) - len(m.group(0).rstrip()))
        spans.append((cursor, stop))
        cursor = m.end()
    if cursor < end:
        spans.append((cursor, end))
    return [_trim(text, a, b) for a, b in spans if text[a:b].strip()]


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _lines(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for line in text.splitlines(keepends=True):
        a, b = _trim(text, pos, pos + len(line))
        if a < b:
            spans.append((a, b))
        pos += len(line)
    return spans


def chunk_document(doc: Document) -> tuple[list[Chunk], list[Sentence]]:
    """Chunks and sentences of a document, in reading order."""
    text = doc.text
    chunks: list[Chunk] = []
    sentences: list[Sentence] = []
    section = LEAD_SECTION
    seen_paragraph = False
    for a, b in _lines(text):
        line = text[a:b]
        if is_heading(line) and seen_paragraph:
            section = line.strip()
            continue
        is_lead = not seen_paragraph
        seen_paragraph = True
        spans = split_sentences(text, a, b)
        step = MAX_CHUNK_SENTENCES - CHUNK_OVERLAP_SENTENCES
        first = 0
        while True:
            window = spans[first : first + MAX_CHUNK_SENTENCES]
            chunk_idx = len(chunks)
            ids = []
            for s_start, s_end in window:
                existing = next((s.index for s in sentences if s.start == s_start and s.end == s_end), None)
                if existing is None:
                    existing = len(sentences)
                    sentences.append(Sentence(existing, chunk_idx, s_start, s_end, section))
                ids.append(existing)
            chunks.append(
                Chunk(
                    index=chunk_idx,
                    document=doc.id,
                    section=section,
                    start=window[0][0],
                    end=window[-1][1],
                    sentences=tuple(ids),
                    is_lead=is_lead,
                )
            )
            if first + MAX_CHUNK_SENTENCES >= len(spans):
                break
            first += step
    return chunks, sentences


def section_headings(doc: Document) -> list[tuple[str, int, int]]:
    """The headings of a document with their offsets, for summaries and the page."""
    out = []
    seen_paragraph = False
    for a, b in _lines(doc.text):
        if is_heading(doc.text[a:b]) and seen_paragraph:
            out.append((doc.text[a:b], a, b))
        else:
            seen_paragraph = True
    return out
