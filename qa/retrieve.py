"""Rank the article's sentences for a question: BM25 over paragraphs, then coverage inside them.

BM25 (rank-bm25's BM25Plus over paragraph chunks with their headings) finds
the passages; inside them each sentence is scored by how much of the
question's weighted content it covers, itself first, then its heading and its
paragraph neighbours at a discount. Coverage, not the raw BM25 score, is what
the answer-or-refuse decision reads, because it is comparable across
questions.
"""

from __future__ import annotations

from itertools import repeat
from operator import itemgetter
from typing import NamedTuple

from rank_bm25 import BM25Plus

from .analysis import Token, is_verb_lemma, known_word, stem, tokenize
from .extract import media_names
from .index import IndexData
from .matching import BOTH, PAIR, TYPO, TermMatch, TypoIndex, Vocabulary, refers_to_pair
from .memo import Memo
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
# Only the stems a word surely means (its own, a lemma or close synonym) take part in BM25.
BM25_STRENGTH = 0.6
# A role the article gives a protagonist ("candidato" for Kast) stands for the name, below the word itself.
ROLE = 0.75


# "ambos", "los dos": words that may point at a pair of people.
_PAIR_WORDS = BOTH | {"dos"}


class Candidate(NamedTuple):
    """A sentence considered as the answer, with the evidence for it."""

    sentence: int
    chunk: int
    score: float
    coverage: float
    own_coverage: float
    bm25: float
    rows: tuple[dict[int, float], ...]  # per question word: how covered each sentence is

    @property
    def covered(self) -> tuple[float, ...]:
        """How much each question word is covered in this sentence (0 to 1), in question order."""
        return tuple(row.get(self.sentence, 0.0) for row in self.rows)


_SCORE = itemgetter(2)  # Candidate.score, read by position (ranking sorts by it)


def _merge_alternatives(question: Question, matches: list[TermMatch]) -> list[TermMatch]:
    """'¿derecha o izquierda?' asks for one of two: the pair counts as one term, met by either."""
    if "o" not in question.words and "u" not in question.words:
        return matches
    position = {t.start: i for i, t in enumerate(question.tokens)}
    merged: list[TermMatch] = []
    for m in matches:
        if merged:
            prev = merged[-1]
            a, b = position.get(prev.token.start), position.get(m.token.start)
            # "derecha o izquierda", "de derecha o de izquierda", "a presidente o a diputado"
            between = question.tokens[a + 1 : b] if a is not None and b is not None else ()
            if 1 <= len(between) <= 3 and between[0].folded in ("o", "u") and all(t.is_stop for t in between[1:]):
                stems = dict(prev.stems)
                for stem, strength in m.stems.items():
                    stems[stem] = max(stems.get(stem, 0.0), strength)
                merged[-1] = TermMatch(prev.token, stems, max(prev.weight, m.weight), prev.via_glossary or m.via_glossary)
                continue
        merged.append(m)
    return merged


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
        # Names proper (words Spanish does not know: "Milei", "Kast") stand for people; given names
        # and institutions ("Javier", "Gobierno") do not decide which protagonist a sentence is about.
        self.protagonist_names = frozenset(
            t.stem
            for i in lead_sentences
            for t in self.vocabulary.sentence_tokens[i]
            if t.stem in self.protagonists and not known_word(t.surface)
        )
        self.roles, self.role_names = self._roles(data)
        # The names the article introduces as media, folded ("la nacion", "ambito"): read once, here; and their
        # words, which are common nouns too ("ámbito", "naciones").
        self.media = frozenset(n for d in data.documents for n in media_names(d.text))
        self.media_stems = frozenset(t.stem for name in self.media for t in tokenize(name) if not t.is_stop)
        self.owners = self._owners()
        # Stems of each sentence's heading and paragraph neighbours: its context.
        self.context_stems = [
            self.vocabulary.section_stems[sent.index].union(
                *(self.vocabulary.sentence_stems[i] for i in data.chunks[sent.chunk_index].sentences if i != sent.index)
            )
            for sent in data.sentences
        ]
        self.sentence_chunk_list = [sent.chunk_index for sent in data.sentences]
        self.phrases = {
            a: tuple(t for t in b if t in self.vocabulary.terms) for a, b in data.phrases
        }
        # Lengths of the phrases starting with each stem: only those windows are looked up.
        sizes: dict[str, set[int]] = {}
        for key in self.phrases:
            sizes.setdefault(key[0], set()).add(len(key))
        self.phrase_sizes = {first: tuple(sorted(n, reverse=True)) for first, n in sizes.items()}
        self.tied = [self._tied(toks) for toks in self.vocabulary.sentence_tokens]
        self._typo_memo: Memo[str, set[str]] = Memo()
        self._rows: Memo[frozenset[tuple[str, float]], tuple[dict[int, float], list[float] | None]] = Memo()
        self.glossary_typos = TypoIndex(key[0] for key in self.phrases if len(key) == 1)
        settings = data.meta["bm25"]
        self.bm25 = BM25Plus(
            [list(t) for t in data.chunk_terms], k1=settings["k1"], b=settings["b"], delta=settings["delta"]
        )
        # Passage-side work done once at load: every article term's BM25 vector (BM25 is a sum over query
        # terms, so a query's scores are the sum of these) and its presence in each sentence.
        self.term_scores = {t: [float(v) for v in self.bm25.get_scores([t])] for t in self.vocabulary.terms}
        self.presence = {t: self._presence(t) for t in self.vocabulary.terms}

    def _roles(self, data: IndexData) -> tuple[dict[str, frozenset[str]], dict[str, set[str]]]:
        """Role nouns the article attaches to a protagonist's name: "al candidato chileno José Antonio Kast",
        "José Antonio Kast, candidato de la derecha chilena". A question may use the role for the name.

        Returns role stem → name stems, and name stem → the folded words of the whole name.
        """
        texts = {d.id: d.text for d in data.documents}
        roles: dict[str, set[str]] = {}
        names: dict[str, set[str]] = {}
        for sent in data.sentences:
            text = texts[data.chunks[sent.chunk_index].document]
            toks = self.vocabulary.sentence_tokens[sent.index]
            for i, tok in enumerate(toks):
                if tok.stem not in self.protagonist_names:
                    continue
                first = i
                while first > 0 and toks[first - 1].capitalized and text[toks[first - 1].end : toks[first].start] == " ":
                    first -= 1
                before = []
                j = first - 1
                while j >= 0 and len(before) < 2 and not toks[j].is_stop and not toks[j].capitalized \
                        and text[toks[j].end : toks[j + 1].start] == " ":
                    before.insert(0, toks[j])
                    j -= 1
                # In Spanish the head noun comes first ("candidato chileno"): only it names the role.
                heads = before[:1]
                after = toks[i + 1] if i + 1 < len(toks) else None
                if after is not None and text[tok.end : after.start].strip() == "," and not after.is_stop \
                        and not after.capitalized:
                    heads.append(after)
                for role in heads:
                    if not is_verb_lemma(role.lemma):
                        roles.setdefault(role.stem, set()).add(tok.stem)
                        names.setdefault(tok.stem, set()).update(t.folded for t in toks[first : i + 1])
        return {k: frozenset(v) for k, v in roles.items()}, names

    def _tied(self, tokens: list[Token]) -> frozenset[int]:
        """Positions of the words a glossary expression ties to the next word ("mano | dura"): a phrase cut
        from the sentence keeps such an expression whole."""
        words = [k for k, t in enumerate(tokens) if not t.is_stop]
        tied: set[int] = set()
        for a in range(len(words)):
            for size in self.phrase_sizes.get(tokens[words[a]].stem, ()):
                if size > 1 and a + size <= len(words) and tuple(tokens[k].stem for k in words[a : a + size]) in self.phrases:
                    tied.update(range(words[a], words[a + size - 1]))
        return frozenset(tied)

    def _owners(self) -> dict[str, frozenset[str]]:
        """Whose each noun is, where the article says "N de <protagonist>": "el gobierno de Javier Milei" and
        "la campaña de Kast" give {gobiern: {milei}, campan: {kast}}."""
        owners: dict[str, set[str]] = {}
        for toks in self.vocabulary.sentence_tokens:
            for i in range(1, len(toks) - 1):
                if toks[i].folded != "de" or toks[i - 1].is_stop:
                    continue
                j = i + 1
                while j < len(toks) and toks[j].capitalized and not toks[j].is_stop:
                    if toks[j].stem in self.protagonist_names:
                        owners.setdefault(toks[i - 1].stem, set()).add(toks[j].stem)
                    j += 1
        return {k: frozenset(v) for k, v in owners.items()}

    def named_by_role(self, matches: list[TermMatch]) -> set[str]:
        """Folded words of the names a question refers to by their role ("el candidato chileno" → José Antonio Kast)."""
        out: set[str] = set()
        for m in matches:
            for role in m.stems:
                for name in self.roles.get(role, ()):
                    out |= self.role_names.get(name, set())
        return out

    def match(self, question: Question) -> list[TermMatch]:
        """How each content word of the question meets the article, glossary phrases included."""
        found = [self.vocabulary.match(tok) for tok in question.content]
        glossed = [False] * len(found)
        stems = [t.stem for t in question.content]
        # A conjugation whose stem differs from the dictionary form's ('persiguen' / 'perseguir')
        # reaches a one-word equivalence through its lemma.
        lemma_stems = [stem(t.lemma) for t in question.content]
        phrases, phrase_sizes, n = self.phrases, self.phrase_sizes, len(stems)
        for i in range(n):
            sizes = phrase_sizes.get(stems[i], ())
            if lemma_stems[i] != stems[i]:
                sizes += (1,)
            for size in sizes:
                if i + size > n:
                    continue
                targets = phrases.get(tuple(stems[i : i + size]) if size > 1 else (stems[i],))
                if not targets and size == 1:
                    targets = phrases.get((lemma_stems[i],))
                if not targets:
                    continue
                for j in range(i, i + size):
                    glossed[j] = True
                    f = found[j]
                    for target in targets:
                        if f.get(target, 0.0) < GLOSSARY:
                            f[target] = GLOSSARY
        for j, tok in enumerate(question.content):
            if not found[j] and not known_word(tok.surface):
                # A misspelt glossary word ("balotage" for "ballotage") still reaches its equivalents.
                # One-word glossary keys one edit away, worked out once per spelling.
                for key in self._typo_memo.remember(tok.stem, self.glossary_typos.near, tok.stem):
                    glossed[j] = True
                    for target in self.phrases[(key,)]:
                        found[j][target] = max(found[j].get(target, 0.0), GLOSSARY * TYPO)
        if question.case_informative:
            # Where the question writes names with capitals, a lowercase "ámbito" or "naciones" is the common
            # noun, not the newspaper the article names (Ámbito, La Nación).
            for tok, f in zip(question.content, found):
                if not tok.capitalized and self.media_stems.intersection(f) and known_word(tok.surface):
                    for s in self.media_stems.intersection(f):
                        del f[s]
        for tok, f in zip(question.content, found):
            # "el candidato chileno" is Kast where the article says so; a sentence naming him meets the role.
            # Only in the singular: "los candidatos" are a group, not the one the article named.
            if tok.folded != tok.lemma or self.roles.keys().isdisjoint(f):
                continue
            for role, strength in list(f.items()):
                for name in self.roles.get(role, ()):
                    if strength >= GLOSSARY and f.get(name, 0.0) < ROLE * strength:
                        f[name] = ROLE * strength
        if PAIR in self.vocabulary.terms and not _PAIR_WORDS.isdisjoint(question.words):
            # "los dos dirigentes", "ambos" meet the sentences that mention a pair of people together.
            position = {t.start: k for k, t in enumerate(question.tokens)}
            for tok, f in zip(question.content, found):
                k = position.get(tok.start)
                if k is not None and refers_to_pair(question.tokens, k):
                    f[PAIR] = max(f.get(PAIR, 0.0), GLOSSARY)
        own = len(question.content) - question.inherited
        weight, light = self.vocabulary.weight, question.light
        make = tuple.__new__  # a named tuple from a plain one, without the constructor's keyword handling
        matches = [
            make(TermMatch, (tok, f, weight(tok, f, tok.folded in light) * (1.0 if i < own else INHERITED), g))
            for i, (tok, f, g) in enumerate(zip(question.content, found, glossed))
        ]
        return _merge_alternatives(question, matches)

    def _presence(self, stem: str) -> dict[int, float]:
        """How present a stem is in each sentence: itself, its paragraph and heading, or as a protagonist."""
        found: dict[int, float] = {}
        if stem in self.protagonists:
            # Implied only where the sentence names no protagonist itself ("el presidente argentino y el
            # mandatario chileno"): a sentence naming Kast is not also about an unnamed Milei.
            found = {
                i: PROTAGONIST_PRESENCE
                for i, stems in enumerate(self.vocabulary.sentence_stems)
                if stems.isdisjoint(self.protagonist_names)
            }
        for i, context in enumerate(self.context_stems):
            if stem in context:
                found[i] = max(found.get(i, 0.0), CONTEXT_DISCOUNT)
        for i in self.vocabulary.terms[stem].sentences:
            found[i] = 1.0
        return found

    def _evidence(self, stems: dict[str, float]) -> tuple[dict[int, float], list[float] | None]:
        """What one question word brings (read-only; remembered per stem set): how covered each sentence is,
        and the BM25 vector over chunks of the stems it surely means (None if none)."""
        key = frozenset(stems.items())
        try:
            return self._rows[key]
        except KeyError:
            return self._rows.remember(key, self._make_evidence, stems)

    def _make_evidence(self, stems: dict[str, float]) -> tuple[dict[int, float], list[float] | None]:
        row: dict[int, float] = {}
        vector: list[float] | None = None
        for stem_, strength in stems.items():
            for i, presence in self.presence[stem_].items():
                value = strength * presence
                if value > row.get(i, 0.0):
                    row[i] = value
            if strength >= BM25_STRENGTH:
                scores = self.term_scores[stem_]
                vector = list(scores) if vector is None else [a + b for a, b in zip(vector, scores)]
        return row, vector

    def rank(self, matches: list[TermMatch]) -> list[Candidate]:
        """Every sentence scored, best first.

        Plain Python rather than numpy: with a dozen sentences and a handful of words, array
        set-up costs more than the arithmetic. A query's BM25 scores are the sum of its words' vectors,
        normalised to [0, 1].
        """
        n = len(self.data.sentences)
        total = sum(m.weight for m in matches) or 1.0
        coverage = [0.0] * n
        own = [0.0] * n
        rows = []
        bm25: list[float] | None = None  # the first vector is taken as it is: 0.0 + x is x (BM25+ is never negative)
        for m in matches:
            row, vector = self._evidence(m.stems)
            if vector is not None:
                bm25 = list(vector) if bm25 is None else [a + b for a, b in zip(bm25, vector)]
            w = m.weight / total
            for i, value in row.items():
                coverage[i] += w * value
                if value >= 0.6:
                    own[i] += w * value
            rows.append(row)
        if bm25 is None:
            bm25 = [0.0] * len(self.data.chunks)
        top = max(bm25)
        chunks = self.sentence_chunk_list
        chunk_score = [bm25[c] / top for c in chunks] if top > 0 else [bm25[c] for c in chunks]
        scores = [c + BM25_WEIGHT * b for c, b in zip(coverage, chunk_score)]
        make = tuple.__new__  # a named tuple from a plain one, without the constructor's keyword handling
        ranked = [
            make(Candidate, fields)
            for fields in zip(range(n), chunks, scores, coverage, own, chunk_score, repeat(tuple(rows), n))
        ]
        ranked.sort(key=_SCORE, reverse=True)  # stable: ties stay in article order
        return ranked
