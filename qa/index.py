"""Build, save and load the index artifact under ``index/``.

The artifact is one JSON file carrying a format version, the analyser
settings, the BM25 variant and parameters, a SHA-256 of every source text and
a SHA-256 of its own payload. Loading checks all of them, so a stale, corrupt
or foreign index is reported, never silently used. Saving writes a temporary
file in the same folder and renames it over the old one, so a crash mid-build
leaves the previous index intact.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from . import analysis
from .chunking import chunk_document
from .errors import DocumentProblem, IndexProblem
from .glossary import compile_phrases, fingerprint, load_groups
from .records import Chunk, Document, Sentence
from .thesaurus import find_thesaurus, related_lemmas

log = logging.getLogger(__name__)

FORMAT_VERSION = 3
INDEX_FILE = "index.json"
MANIFEST_FILE = "documents.json"
# BM25Plus, not BM25Okapi: Okapi's IDF is zero or negative for a term in half
# the chunks or more (rank_bm25 issue #39), and with ten chunks that hits the
# very names people ask about (Milei, Kast). BM25Plus keeps IDF positive
# (log((N+1)/df)) and its delta rewards any match in a short paragraph. b is
# low because paragraphs are of similar length and short.
BM25_SETTINGS = {"variant": "BM25Plus", "k1": 1.2, "b": 0.5, "delta": 0.5}


@dataclass(frozen=True)
class IndexData:
    """Everything the retriever needs, as loaded from the artifact."""

    documents: tuple[Document, ...]
    chunks: tuple[Chunk, ...]
    sentences: tuple[Sentence, ...]
    chunk_terms: tuple[tuple[str, ...], ...]
    related: dict[str, list[str]]
    phrases: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]
    meta: dict[str, object]


def sha256_text(text: str) -> str:
    """Checksum of a source text as stored (UTF-8)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load_documents(index_dir: Path) -> list[Document]:
    """Read the manifest and the texts it names; bytes are kept exactly."""
    manifest = index_dir / MANIFEST_FILE
    try:
        entries = json.loads(manifest.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DocumentProblem(f"No se encuentra el manifiesto de documentos: {manifest}") from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise DocumentProblem(f"El manifiesto de documentos no es JSON válido: {manifest}") from exc
    docs = []
    for entry in entries:
        path = index_dir / entry["file"]
        try:
            with path.open(encoding="utf-8", newline="") as fh:
                text = fh.read()
        except FileNotFoundError as exc:
            raise DocumentProblem(f"No se encuentra el artículo: {path}") from exc
        except UnicodeDecodeError as exc:
            raise DocumentProblem(f"El artículo no está en UTF-8: {path}") from exc
        docs.append(Document(id=entry["id"], title=entry["title"], text=text))
    if not docs:
        raise DocumentProblem("El manifiesto no nombra ningún documento.")
    return docs


def build(documents: list[Document], thesaurus: Path | None = None) -> IndexData:
    """Chunk, analyse and link every document; pure computation, no I/O but the thesaurus."""
    chunks: list[Chunk] = []
    sentences: list[Sentence] = []
    for doc in documents:
        doc_chunks, doc_sentences = chunk_document(doc)
        c_off, s_off = len(chunks), len(sentences)
        for s in doc_sentences:
            sentences.append(Sentence(s.index + s_off, s.chunk_index + c_off, s.start, s.end, s.section))
        for c in doc_chunks:
            chunks.append(
                Chunk(c.index + c_off, c.document, c.section, c.start, c.end,
                      tuple(i + s_off for i in c.sentences), c.is_lead, c.is_heading)
            )
    texts = {d.id: d.text for d in documents}
    chunk_terms = tuple(
        tuple(analysis.terms(c.section) + analysis.terms(texts[c.document][c.start : c.end])) for c in chunks
    )
    vocabulary = {
        t.lemma for d in documents for t in analysis.tokenize(d.text) if not t.is_stop
    }
    thesaurus_path = find_thesaurus(thesaurus)
    related = related_lemmas(thesaurus_path, vocabulary) if thesaurus_path else {}
    if not thesaurus_path:
        log.warning("mythes-es no está instalado: el índice se construye sin sinónimos")
    phrases = tuple((tuple(a), tuple(b)) for a, b in compile_phrases(load_groups(), chunk_terms))
    meta = {
        "format_version": FORMAT_VERSION,
        "glossary": fingerprint(),
        "analyzer": analysis.settings(),
        "bm25": BM25_SETTINGS,
        "sources": {d.id: sha256_text(d.text) for d in documents},
        "thesaurus": thesaurus_path.name if thesaurus_path else None,
    }
    return IndexData(tuple(documents), tuple(chunks), tuple(sentences), chunk_terms, related, phrases, meta)


def _payload(data: IndexData) -> dict[str, object]:
    return {
        "meta": data.meta,
        "documents": [{"id": d.id, "title": d.title} for d in data.documents],
        "chunks": [asdict(c) for c in data.chunks],
        "sentences": [asdict(s) for s in data.sentences],
        "chunk_terms": [list(t) for t in data.chunk_terms],
        "related": data.related,
        "phrases": [[list(a), list(b)] for a, b in data.phrases],
    }


def _digest(payload: dict[str, object]) -> str:
    canonical = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def save(data: IndexData, path: Path) -> None:
    """Write the artifact atomically: temp file in the same folder, fsync, rename."""
    payload = _payload(data)
    body = {"format_version": FORMAT_VERSION, "sha256": _digest(payload), "payload": payload}
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".index-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(body, fh, ensure_ascii=False, indent=1, sort_keys=True)
            fh.write("\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the index is meant to be read by the server's user
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load(path: Path, documents: list[Document]) -> IndexData:
    """Load and verify the artifact against the documents it must describe."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise IndexProblem(f"No existe el índice {path}; constrúyalo con «qa index».", "index_missing") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise IndexProblem(f"No se puede leer el índice {path}.", "index_corrupt") from exc
    try:
        body = json.loads(raw)
        payload = body["payload"]
        version = body["format_version"]
        digest = body["sha256"]
    except (ValueError, KeyError, TypeError) as exc:
        raise IndexProblem(f"El índice {path} está dañado o truncado.", "index_corrupt") from exc
    if version != FORMAT_VERSION:
        raise IndexProblem(
            f"El índice {path} tiene el formato {version} y se espera el {FORMAT_VERSION}.", "index_format"
        )
    if _digest(payload) != digest:
        raise IndexProblem(f"La suma de control del índice {path} no coincide: está dañado.", "index_corrupt")
    meta = payload["meta"]
    if meta.get("analyzer") != analysis.settings() or meta.get("bm25") != BM25_SETTINGS:
        raise IndexProblem(f"El índice {path} se construyó con otro analizador.", "index_stale")
    if meta.get("sources") != {d.id: sha256_text(d.text) for d in documents}:
        raise IndexProblem(f"El artículo cambió desde que se construyó el índice {path}.", "index_stale")
    if meta.get("glossary") != fingerprint():
        raise IndexProblem(f"El glosario cambió desde que se construyó el índice {path}.", "index_stale")
    return IndexData(
        documents=tuple(documents),
        chunks=tuple(Chunk(**{**c, "sentences": tuple(c["sentences"])}) for c in payload["chunks"]),
        sentences=tuple(Sentence(**s) for s in payload["sentences"]),
        chunk_terms=tuple(tuple(t) for t in payload["chunk_terms"]),
        related={k: list(v) for k, v in payload["related"].items()},
        phrases=tuple((tuple(a), tuple(b)) for a, b in payload["phrases"]),
        meta=meta,
    )


def ensure(index_dir: Path, rebuild: bool = True, thesaurus: Path | None = None) -> IndexData:
    """Load the index, rebuilding it when it is missing, stale or corrupt (if allowed)."""
    documents = load_documents(index_dir)
    path = index_dir / INDEX_FILE
    try:
        return load(path, documents)
    except IndexProblem as problem:
        if not rebuild:
            raise
        log.warning("%s Reconstruyendo el índice.", problem.message)
    data = build(documents, thesaurus)
    save(data, path)
    return data
