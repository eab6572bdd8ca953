"""Match the words of a question to the words of the article, tolerantly.

A question word meets an article word when they share a stem or a lemma
(inflection, accents), when one is a one-edit typo of the other (names and
rare words: 'Milie', 'Kats'), or through the thesaurus (paraphrase). Each way
has a strength, so a synonym counts less than the word itself. All
article-side work is done once, when the index is loaded.
"""

from __future__ import annotations

import math
import os
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from typing import NamedTuple

from .analysis import Token, known_word, nationality, tokenize
from .extract import is_definition
from .index import IndexData
from .memo import Memo

EXACT = 1.0
# Nouns for people by their office or role. Two of them coordinated ("el presidente argentino y el
# mandatario chileno") are a pair, which is what "ambos" and "los dos dirigentes" refer to.
PERSON_NOUNS = frozenset({
    "presidente", "presidenta", "mandatario", "mandataria", "candidato", "candidata", "lider", "dirigente",
    "politico", "ministro", "exministro", "canciller", "jefe", "gobernante", "referente",
})
BOTH = frozenset({"ambos", "ambas"})
PAIR = "\u2194"  # a synthetic article stem: the sentences that mention a pair of people together
TYPO = 0.85
SYNONYM = 0.4
PREFIX = 0.7
MIN_TYPO_LENGTH = 4
MIN_PREFIX = 5
# A word the article has may still mean a relative it spells differently ('presidente' ~
# 'presidenciales'): a long shared beginning links them, below the word itself.
RELATIVE_PREFIX = 7


def deletes(word: str) -> set[str]:
    """Every string one deletion away: the key of a symmetric-delete typo index."""
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


# First letters Spanish spelling confuses because they sound alike ("cast" for "Kast", "vaca" for "baca").
_SOUNDS_ALIKE = {"c": "k", "k": "k", "q": "k", "b": "b", "v": "b", "s": "s", "z": "s", "g": "j", "j": "j"}


class TypoIndex:
    """Symmetric-delete index: words one edit apart share a key; the first letter must agree.

    Typos rarely touch the first letter; requiring it keeps 'gano' from meeting 'mano'. Letters
    that sound alike count as agreeing ('cast' ~ 'Kast').
    """

    def __init__(self, words: Iterable[str]) -> None:
        self._keys: dict[str, set[str]] = defaultdict(set)
        for word in words:
            if len(word) >= MIN_TYPO_LENGTH:
                for variant in deletes(word) | {word}:
                    self._keys[variant].add(word)

    def near(self, word: str) -> set[str]:
        """Indexed words at most one edit (roughly) from ``word``."""
        if len(word) < MIN_TYPO_LENGTH:
            return set()
        found: set[str] = set()
        for variant in deletes(word) | {word}:
            found |= self._keys.get(variant, set())
        return {w for w in found if w[:1] == word[:1] or _SOUNDS_ALIKE.get(w[:1]) == _SOUNDS_ALIKE.get(word[:1], "")}


def mentions_pair(tokens: list[Token]) -> bool:
    """"Ambos líderes…", "los dos candidatos", "el presidente argentino y el mandatario chileno": two people,
    mentioned together."""
    for i, tok in enumerate(tokens):
        if (tok.folded in BOTH or tok.folded == "dos") and i + 1 < len(tokens) and tokens[i + 1].lemma in PERSON_NOUNS:
            return True
        if tok.lemma in PERSON_NOUNS:
            for j in range(i + 1, min(i + 4, len(tokens))):
                if tokens[j].folded in ("y", "e"):
                    if any(u.lemma in PERSON_NOUNS for u in tokens[j + 1 : j + 4]):
                        return True
                    break
    return False


def refers_to_pair(tokens: tuple[Token, ...], i: int) -> bool:
    """"¿En qué coincidieron ambos?", "los dos dirigentes": the word points at a pair of people (the
    noun itself keeps its own meaning)."""
    tok = tokens[i]
    if tok.folded in BOTH:
        return True
    return tok.folded == "dos" and i + 1 < len(tokens) and tokens[i + 1].lemma in PERSON_NOUNS


_DENIALS = frozenset({"no", "nunca", "jamas", "tampoco"})


@dataclass(frozen=True)
class ArticleTerm:
    """A distinct article word form (by stem) with where it occurs."""

    stem: str
    sentences: frozenset[int]
    capitalized: bool
    idf: float


class TermMatch(NamedTuple):
    """How one question word met the article: which stems, how strongly."""

    token: Token
    stems: dict[str, float]
    weight: float
    via_glossary: bool = False

    @property
    def found(self) -> bool:
        return bool(self.stems)

    def sure_stems(self, at_least: float) -> set[str]:
        """The article stems this word meets at least that strongly."""
        return {s for s, strength in self.stems.items() if strength >= at_least}


class Vocabulary:
    """The article's words with sentence postings, typo and synonym lookups."""

    def __init__(self, data: IndexData) -> None:
        texts = {d.id: d.text for d in data.documents}
        n = len(data.sentences)
        postings: dict[str, set[int]] = defaultdict(set)
        capitals: dict[str, int] = defaultdict(int)
        self.by_lemma: dict[str, set[str]] = defaultdict(set)
        self.by_folded: dict[str, set[str]] = defaultdict(set)
        self.sentence_stems: list[frozenset[str]] = []
        self.token_stems: list[frozenset[str]] = []  # every word's stem, stopwords included
        self.sentence_tokens: list[list[Token]] = []
        # The sentences that define a word ("El término … se refiere a …"): they say what it means, not what happened.
        self.definitions = frozenset(
            s.index for s in data.sentences
            if is_definition(texts[data.chunks[s.chunk_index].document][s.start : s.end])
        )
        for s in data.sentences:
            doc_text = texts[data.chunks[s.chunk_index].document]
            toks = [
                Token(t.surface, t.start + s.start, t.end + s.start, t.folded, t.stem, t.lemma, t.is_stop, t.capitalized)
                for t in tokenize(doc_text[s.start : s.end])
            ]
            self.sentence_tokens.append(toks)
            stems = set()
            for i, t in enumerate(toks):
                if t.is_stop:
                    continue
                stems.add(t.stem)
                postings[t.stem].add(s.index)
                self.by_lemma[t.lemma].add(t.stem)
                self.by_folded[t.folded].add(t.stem)
                if t.capitalized and i > 0:
                    capitals[t.stem] += 1
            self.sentence_stems.append(frozenset(stems))
            self.token_stems.append(frozenset(t.stem for t in toks))
        # The nationalities the article gives each noun ("Gobierno argentino", "exministros chilenos"). By lemma,
        # not stem: "la política argentina" gives no nationality to "el político chileno"; and by stem as well,
        # for a question's verb of the same family ("gobierna Chile" / "Gobierno argentino").
        origins: dict[str, set[str]] = defaultdict(set)
        by_stem: dict[str, set[str]] = defaultdict(set)
        for toks in self.sentence_tokens:
            for noun, adjective in pairwise(toks):
                origin = nationality(adjective)
                if origin and not noun.is_stop:
                    origins[noun.lemma].add(origin)
                    by_stem[noun.stem].add(origin)
        self.origins = {lemma: frozenset(found) for lemma, found in origins.items()}
        self.origins_by_stem = {st: frozenset(found) for st, found in by_stem.items()}
        # Stems the article only ever uses denied ("no emitirá ningún respaldo", "no otorgar apoyo").
        said: dict[str, bool] = {}
        for toks in self.sentence_tokens:
            for i, t in enumerate(toks):
                if not t.is_stop:
                    denied = any(b.folded in _DENIALS for b in toks[max(0, i - 2) : i])
                    said[t.stem] = said.get(t.stem, False) or not denied
        self.only_denied = frozenset(st for st, affirmed in said.items() if not affirmed)
        self.section_stems = {
            s.index: frozenset(t.stem for t in tokenize(s.section) if not t.is_stop) for s in data.sentences
        }
        # Heading words are article words too (a question may name a section),
        # though no sentence holds them.
        for s in data.sentences:
            for t in tokenize(s.section):
                if not t.is_stop:
                    postings.setdefault(t.stem, set())
                    self.by_lemma[t.lemma].add(t.stem)
                    self.by_folded[t.folded].add(t.stem)
        pairs = {s.index for s, toks in zip(data.sentences, self.sentence_tokens) if mentions_pair(toks)}
        if pairs:
            postings[PAIR] = pairs
        self.terms = {
            stem: ArticleTerm(stem, frozenset(ids), capitals[stem] > 0, math.log(1 + n / max(len(ids), 1)))
            for stem, ids in postings.items()
        }
        self.idf = {stem: term.idf for stem, term in self.terms.items()}
        self.max_idf = math.log(1 + n)
        self.typos = TypoIndex(list(self.by_folded) + list(self.terms))
        self.by_prefix: dict[str, dict[str, set[str]]] = defaultdict(dict)
        for form, stems in list(self.by_lemma.items()) + list(self.by_folded.items()):
            if len(form) >= MIN_PREFIX:
                self.by_prefix[form[:MIN_PREFIX]].setdefault(form, set()).update(stems)
        self.related = data.related
        self._memo: Memo[str, dict[str, float]] = Memo()

    def _typo_stems(self, word: str) -> set[str]:
        stems: set[str] = set()
        for form in self.typos.near(word):
            stems |= self.by_folded.get(form, set())
            if form in self.terms:
                stems.add(form)
        return stems

    def _prefix_stems(self, token: Token, min_common: int | None = None) -> set[str]:
        """Derivation the stemmer misses: 'reunieron' (reunir) ~ 'reunión' share 'reuni'.

        With ``min_common``, only forms sharing at least that many letters: the relatives of a word
        the article also has ('presidente' ~ 'presidenciales').
        """
        word = token.lemma if len(token.lemma) >= MIN_PREFIX else token.folded
        if len(word) < MIN_PREFIX:
            return set()
        found: set[str] = set()
        for form, stems in self.by_prefix.get(word[:MIN_PREFIX], {}).items():
            common = len(os.path.commonprefix([form, word]))
            if common >= (0.6 * min(len(form), len(word)) if min_common is None else min_common):
                found |= stems
        return found

    def match(self, token: Token) -> dict[str, float]:
        """Article stems this question word can stand for, each with a strength (a fresh dict).

        Everything here follows from the spelling, so it is worked out once per distinct word,
        like the stemmer's and lemmatiser's caches; answers themselves are never cached.
        """
        try:
            found = self._memo[token.surface]
        except KeyError:
            found = self._memo.remember(token.surface, self._match, token)
        return dict(found)

    def _match(self, token: Token) -> dict[str, float]:
        found: dict[str, float] = {}

        def add(stems: set[str] | list[str], strength: float) -> None:
            for s in stems:
                if s in self.terms and found.get(s, 0.0) < strength:
                    found[s] = strength

        add({token.stem} | self.by_lemma.get(token.lemma, set()) | self.by_folded.get(token.folded, set()), EXACT)
        if not found and not known_word(token.surface):
            # Only a word Spanish does not know can be a typo: 'Milie' is one, 'duró' is not.
            add(self._typo_stems(token.folded) | self._typo_stems(token.stem), TYPO)
        if not found:
            add(self._prefix_stems(token), PREFIX)
        else:
            add(self._prefix_stems(token, RELATIVE_PREFIX), PREFIX)
        if not found:
            for lem in self.related.get(token.lemma, ()):
                add(self.by_lemma.get(lem, set()), SYNONYM)
        return found

    def weight(self, token: Token, stems: dict[str, float], light: bool) -> float:
        """How much a question word matters: rare article words and unknown words most."""
        if stems:
            # The rarity of what the word most surely means, not of its loosest synonym: the highest idf
            # among the strongest stems, found in one pass.
            idf = self.idf
            top = -1.0
            base = 0.0
            for s, strength in stems.items():
                if strength > top:
                    top, base = strength, idf[s]
                elif strength == top and idf[s] > base:
                    base = idf[s]
        else:
            base = self.max_idf
        return base * (0.3 if light else 1.0)
