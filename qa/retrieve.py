"""Rank the article's sentences for a question: BM25 over paragraphs, then coverage inside them.

BM25 (rank-bm25's BM25Plus over paragraph chunks with their headings) finds
the passages; inside them each sentence is scored by how much of the
question's weighted content it covers, itself first, then its heading and its
paragraph neighbours at a discount. Coverage, not the raw BM25 score, is what
the answer-or-refuse decision reads, because it is comparable across
questions.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from rank_bm25 import BM25Plus

from .index import IndexData
from .matching import TermMatch, Vocabulary
from .question import Question

CONTEXT_DISCOUNT = 0.5
# News refers to its protagonists by role ("el presidente argentino") once
# their names are given in the lead, so a name from the lead counts as
# partly present in every sentence of its document.
PROTAGONIST_PRESENCE = 0.75
# A glossary equivalent ("balotaje" → "segunda vuelta") is a paraphrase the
# domain vouches for: stronger than a thesaurus synonym, weaker than the word.
GLOSSARY = 0.75
# Words carried over from the previous turn of a follow-up set the scene; the
# follow-up's own words say what is asked.
INHERITED = 0.5
BM25_WEIGHT = 0.15


@dataclass(frozen=True)
class Candidate:
    """A sentence considered as the answer, with the evidence for it."""

    sentence: int
    chunk: int
    score: float
    coverage: float
    own_coverage: float
    bm25: float
    covered: tuple[float, ...]


class Retriever:
    """Built once from the loaded index; ``rank`` is cheap and pure."""

    def __init__(self, data: IndexData) -> None:
        self.data = data
        self.vocabulary = Vocabulary(data)
        lead_sentences = {c.sentences[0] for c in data.chunks if c.is_lead}
        self.protagonists = frozenset(
            t.stem
            for i in lead_sentences
            for t in self.vocabulary.sentence_tokens[i]
            if t.capitalized and not t.is_stop and self.vocabulary.terms[t.stem].capitalized
        )
        self.phrases = {
            a: tuple(t for t in b if t in self.vocabulary.terms) for a, b in data.phrases
        }
        self.phrase_sizes = sorted({len(a) for a in self.phrases}, reverse=True)
        settings = data.meta["bm25"]
        self.bm25 = BM25Plus(
            [list(t) for t in data.chunk_terms], k1=settings["k1"], b=settings["b"], delta=settings["delta"]
        )

    def match(self, question: Question) -> list[TermMatch]:
        """How each content word of the question meets the article, glossary phrases included."""
        found = [self.vocabulary.match(tok) for tok in question.content]
        glossed = [False] * len(found)
        stems = [t.stem for t in question.content]
        for size in self.phrase_sizes:
            for i in range(len(stems) - size + 1):
                targets = self.phrases.get(tuple(stems[i : i + size]))
                if not targets:
                    continue
                for j in range(i, i + size):
                    glossed[j] = True
                    for target in targets:
                        if found[j].get(target, 0.0) < GLOSSARY:
                            found[j][target] = GLOSSARY
        own = len(question.content) - question.inherited
        return [
            TermMatch(tok, f, self.vocabulary.weight(tok, f, tok.folded in question.light) * (1.0 if i < own else INHERITED), g)
            for i, (tok, f, g) in enumerate(zip(question.content, found, glossed))
        ]

    def chunk_scores(self, matches: list[TermMatch]) -> np.ndarray:
        """BM25Plus scores of every chunk, normalised to [0, 1]."""
        query = [s for m in matches for s, strength in m.stems.items() if strength >= 0.6]
        if not query:
            return np.zeros(len(self.data.chunks))
        scores = np.asarray(self.bm25.get_scores(query), dtype=float)
        top = float(scores.max())
        return scores / top if top > 0 else scores

    def rank(self, matches: list[TermMatch]) -> list[Candidate]:
        """Every sentence scored, best first."""
        vocab = self.vocabulary
        bm25 = self.chunk_scores(matches)
        total = sum(m.weight for m in matches) or 1.0
        candidates = []
        for s in self.data.sentences:
            chunk = self.data.chunks[s.chunk_index]
            own = vocab.sentence_stems[s.index]
            context = vocab.section_stems[s.index].union(
                *(vocab.sentence_stems[i] for i in chunk.sentences if i != s.index)
            )
            covered = []
            for m in matches:
                best = 0.0
                for stem, strength in m.stems.items():
                    if stem in own:
                        best = max(best, strength)
                    elif stem in context:
                        best = max(best, strength * CONTEXT_DISCOUNT)
                    if stem in self.protagonists:
                        best = max(best, strength * PROTAGONIST_PRESENCE)
                covered.append(best)
            own_cov = sum(m.weight * c for m, c in zip(matches, covered) if c >= 0.6) / total
            coverage = sum(m.weight * c for m, c in zip(matches, covered)) / total
            score = coverage + BM25_WEIGHT * float(bm25[s.chunk_index])
            candidates.append(Candidate(s.index, s.chunk_index, score, coverage, own_cov, float(bm25[s.chunk_index]), tuple(covered)))
        candidates.sort(key=lambda c: (-c.score, c.sentence))
        return candidates
