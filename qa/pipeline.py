"""The one object every adapter calls: question in, answer or refusal out."""

from __future__ import annotations

import logging
import math
from pathlib import Path

from . import compose, rules, scope
from .analysis import fold, is_conjugated, is_verb_lemma, known_word, stem, tokenize
from .chunking import LEAD_SECTION, section_headings
from .errors import InvalidQuestion
from .extract import apposition, find_fact, full_names, led_by, list_items, place_names
from .index import IndexData, ensure
from .noun_phrase import what_phrase
from .question import REPORTING_VERBS, Question, analyze
from .records import Answer, Source
from .matching import EXACT, TYPO
from .retrieve import GLOSSARY, Candidate, Retriever

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 500
MAX_HISTORY_TURNS = 10
FACT_SEARCH_DEPTH = 5
MAX_SUGGESTIONS = 5
SUMMARY_SUGGESTION = "¿De qué trata el artículo?"
SECTION_COVERAGE = 0.8
IDENTITY_CONFIDENCE = 0.9
# Another sentence within this score of the one quoted makes the answer a guess between them (the article
# may say it twice): its confidence is capped at the calibrated level of ordinary answers. On dev, answers
# at confidence >= 0.9 were right 92.2% of the time without the cap, 94.6% with it (0.001: 94.7%).
# Denial words, and how many words after one a word asked about may stand to be denied ("no otorgar apoyo",
# "no emitirá ningún respaldo").
DENIALS = frozenset({"no", "ningun", "ninguna", "nunca", "jamas"})
DENIAL_REACH = 3
TIE_MARGIN = 0.01
TIED_CONFIDENCE = 0.773
FACT_SCORE_SLACK = 0.4
FACT_PROXIMITY_WEIGHT = 0.5
# An explanation often sits in its own sentence ('Milei explicó que…'), less like the question than the news.
REASON_SCORE_SLACK = 0.5
_SIDE_STEMS = frozenset(stem(w) for w in ("derecha", "izquierda", "centro", "centroderecha", "centroizquierda", "ultraderecha"))
# How near the rest of the question an alternative must stand to be the one the sentence chooses, in words.
ALTERNATIVE_WINDOW = 4


def validate_question(question: object) -> str:
    """The question as text, or a typed error saying in Spanish what is wrong."""
    if not isinstance(question, str):
        raise InvalidQuestion("La pregunta debe ser un texto.", "question_not_string")
    if not question.strip():
        raise InvalidQuestion("La pregunta está vacía.", "question_empty")
    if len(question) > MAX_QUESTION_CHARS:
        raise InvalidQuestion(
            f"La pregunta es demasiado larga: el máximo es {MAX_QUESTION_CHARS} caracteres.", "question_too_long"
        )
    return question


def validate_history(history: object) -> tuple[str, ...]:
    """Previous questions of the conversation, most recent last."""
    if history is None or (isinstance(history, (list, tuple)) and not history):
        return ()
    if not isinstance(history, (list, tuple)) or not all(isinstance(h, str) for h in history):
        raise InvalidQuestion("El historial debe ser una lista de preguntas (textos).", "history_invalid")
    if len(history) > MAX_HISTORY_TURNS or any(len(h) > MAX_QUESTION_CHARS for h in history):
        raise InvalidQuestion(
            f"El historial admite como máximo {MAX_HISTORY_TURNS} preguntas de hasta {MAX_QUESTION_CHARS} caracteres.",
            "history_invalid",
        )
    return tuple(h for h in history if h.strip())


class Pipeline:
    """Article → chunks → index → retrieve → answer or refuse."""

    def __init__(self, data: IndexData) -> None:
        self.data = data
        self.retriever = Retriever(data)
        self.texts = {d.id: d.text for d in data.documents}
        self.titles = {d.id: d.title for d in data.documents}
        self.folded_text = " ".join(fold(" ".join(d.text.split())) for d in data.documents)
        self.refusal = compose.refusal([d.title for d in data.documents])
        self.section_starts = [
            s.index for i, s in enumerate(data.sentences)
            if s.section != LEAD_SECTION and (i == 0 or data.sentences[i - 1].section != s.section)
        ]
        self._heading_tokens = {first: tokenize(data.sentences[first].section) for first in self.section_starts}
        # A question naming fewer heading words than the shortest heading needs names no section.
        headings = [self.retriever.vocabulary.section_stems[first] for first in self.section_starts]
        self._heading_stems = frozenset().union(*headings)
        self._heading_words_needed = min((math.ceil(SECTION_COVERAGE * len(h)) for h in headings if h), default=1)
        self._sentence_texts = [self._document_text(s.index)[s.start : s.end] for s in data.sentences]
        self._sources = [self._make_source(s.index) for s in data.sentences]
        # Where each stem is mentioned: (sentence position, word position, sentence index, sentence end, word end).
        self._mentions: dict[str, list[tuple[int, int, int, int, int, int]]] = {}
        for p, sentence in enumerate(data.sentences):
            for k, tok in enumerate(self.retriever.vocabulary.sentence_tokens[sentence.index]):
                self._mentions.setdefault(tok.stem, []).append((p, k, sentence.index, sentence.end, tok.start, tok.end))
        # (stem, start) of each sentence's words, for the fact search to read without attribute look-ups.
        self._stem_starts = [tuple((t.stem, t.start) for t in tokens) for tokens in self.retriever.vocabulary.sentence_tokens]
        # (stem, offsets) of each sentence's content words: what highlights are picked from.
        self._content_spans = [
            tuple((t.stem, (t.start, t.end)) for t in tokens if not t.is_stop)
            for tokens in self.retriever.vocabulary.sentence_tokens
        ]
        self.places = frozenset(n for d in data.documents for n in place_names(d.text))
        self.media = self.retriever.media
        # "Kast" answers "¿Quién…?" in full: the name the article gives him elsewhere.
        self.full_names = {short: full for d in data.documents for short, full in full_names(d.text).items()}
        # Built once, here and not on a request; refusals met while checking them offer the summary.
        self._suggestions: tuple[str, ...] = (SUMMARY_SUGGESTION,)
        self._suggestions = self._checked_suggestions()

    @classmethod
    def from_index_dir(cls, index_dir: Path, rebuild: bool = True) -> Pipeline:
        """Load (or rebuild, if allowed and needed) the index in ``index_dir``."""
        return cls(ensure(index_dir, rebuild=rebuild))

    # -- answering -----------------------------------------------------------------

    def ask(self, question: object, history: object = None) -> Answer:
        """Answer from the article, or refuse politely; raises InvalidQuestion for bad input."""
        text = validate_question(question)
        turns = validate_history(history)
        q = analyze(text, turns)
        if q.qtype == "summary":
            # "¿De qué habla la sección Perspectivas a futuro?" asks for the gist of that section alone.
            named = self._section_asked(q, self.retriever.match(q), summary=True)
            return self._summary(text) if named is None else self._section_answer(text, named, [])
        matches = self.retriever.match(q)
        identity = self._identity(q, matches)
        if identity is not None:
            return self._identity_answer(text, q, matches, *identity)
        section = self._section_asked(q, matches)
        if section is not None:
            return self._section_answer(text, section, matches)
        # Cheap checks first: what they refuse needs no ranking and no model.
        missing = rules.missing_names(q, matches, self.retriever.vocabulary) if matches else 0
        early = scope.refused_at_once(q, matches, missing, self.retriever.owners,
                                        self.retriever.protagonist_names, self.folded_text,
                                        self.retriever.vocabulary.only_denied) if matches else None
        best: Candidate | None = None
        fact: tuple[int, int] | None = None
        if early is not None:
            decision = early
        else:
            ranked = self.retriever.rank(matches) if matches else []
            speaker = rules.speaker(q, matches, self.retriever.vocabulary) if ranked else None
            ranked = self._attributed_first(speaker, ranked)
            best, fact = self._choose(q, ranked, matches)
            # Whether the article answers is judged on the sentence closest to the question; an explanation
            # ('¿por qué…?') may then be quoted from the sentence that gives the reason.
            judged = ranked[0] if q.qtype == "reason" and ranked else best
            decision = scope.decide(q, matches, judged, self.retriever.vocabulary, fact is not None, speaker,
                                    self.retriever.protagonist_names, self.lists_others(q, judged), self.media,
                                    missing)
        if not decision.answer or best is None:
            message = compose.NO_CONTENT if decision.reason == "no_content" else self.refusal
            return Answer(
                question=text, refused=True, answer=message, quote=None, source=None,
                confidence=round(scope.refusal_confidence(decision.probability), 4), kind="refusal",
                suggestions=self.suggestions(), signals=decision.signals, reason=decision.reason,
            )
        quote = self._sentence_text(best.sentence)
        if fact is None and not q.yes_no:
            # "¿Qué tipo de apoyo…?": the phrase asked for, cut from the sentence chosen above.
            fact = what_phrase(q, matches, self.retriever.vocabulary.sentence_tokens[best.sentence],
                               self._document_text(best.sentence), self.retriever.tied[best.sentence])
        fact_text = self._document_text(best.sentence)[fact[0] : fact[1]] if fact else None
        body = compose.fact_answer(q.qtype, self._in_full(q.qtype, fact_text), quote) if fact_text else compose.plain_answer(quote)
        if fact_text is None and (self._denies(q, matches, best.sentence)
                                  or rules.other_place(q, best, self.retriever.vocabulary, whether=True)):
            body = compose.denial(body)  # "¿Se reunieron en Santiago?": no, in Buenos Aires
        highlights = self._highlights(best.sentence, matches, fact)
        alternatives = tuple(self._source(c.sentence) for c in ranked[1:3] if c.coverage > 0)
        return Answer(
            question=text, refused=False, answer=body, quote=quote, source=self._source(best.sentence),
            confidence=round(self._confidence(decision.probability, best, ranked), 4), short_answer=fact_text,
            kind=q.qtype if fact_text else "passage", highlights=highlights,
            alternatives=alternatives, signals=decision.signals, reason=decision.reason,
        )

    def _denies(self, q: Question, matches: list, sentence: int) -> bool:
        """"¿Milei va a apoyar a Kast?" where the sentence says "ha decidido no otorgar apoyo": a question asking
        whether, without a denial of its own, answered by a sentence that denies what it asks about."""
        if not q.yes_no or not ("?" in q.text or "¿" in q.text) or q.either_or is not None:
            return False
        if any(t.folded in DENIALS for t in q.tokens):
            return False  # "¿No apoyará…?": which way a "no" answers it is anybody's guess
        asked = set().union(*(m.sure_stems(GLOSSARY) for m in matches))
        tokens = self.retriever.vocabulary.sentence_tokens[sentence]
        return any(
            t.folded in DENIALS and any(u.stem in asked for u in tokens[k + 1 : k + 1 + DENIAL_REACH])
            for k, t in enumerate(tokens)
        )

    @staticmethod
    def _confidence(p: float, best: Candidate, ranked: list[Candidate]) -> float:
        """How likely the answer is right; lower where another sentence is as close to the question: the
        article may say it twice, and which passage the reader meant is then a guess."""
        confidence = scope.answer_confidence(p)
        if any(c.sentence != best.sentence and c.score >= best.score - TIE_MARGIN for c in ranked[:3]):
            return min(confidence, TIED_CONFIDENCE)
        return confidence

    def _attributed_first(self, names: set[str] | None, ranked: list[Candidate]) -> list[Candidate]:
        """'¿Qué opina Milei de Kast?': among close candidates, one giving Milei's view comes first."""
        if not names:
            return ranked
        vocab = self.retriever.vocabulary
        for i, cand in enumerate(ranked[:FACT_SEARCH_DEPTH]):
            if cand.score < ranked[0].score - FACT_SCORE_SLACK:
                break
            if rules.gives_view_of(names, cand.sentence, vocab, self.media, self.retriever.protagonist_names):
                return [cand, *ranked[:i], *ranked[i + 1 :]]
        return ranked

    def _choose(self, q: Question, ranked: list[Candidate], matches: list | None = None) -> tuple[Candidate | None, tuple[int, int] | None]:
        """The best sentence; among near-ties, one holding the fact asked for, closest to the question's words."""
        if not ranked:
            return None, None
        top = ranked[0]
        if q.qtype == "fact" and (q.either_or is not None or q.asks_side):
            return self._choose_alternative(q, ranked, matches or [])
        if q.qtype not in scope.FACT_TYPES and q.qtype not in ("reason", "definition"):
            return top, None
        # A name the question gives by its role ("el candidato chileno") is not the answer either.
        # ("¿Quién es el candidato…?" asks for exactly that name, so not for person questions.)
        question_words = set(q.words)
        if q.qtype != "person":
            question_words |= self.retriever.named_by_role(matches or [])
        stems = {s for m in (matches or []) for s in m.stems}
        named: frozenset[str] = frozenset()
        subjects: tuple[frozenset[str], ...] = ()
        if q.qtype == "place":
            # What the question names, surely or by an equivalent ("chilena" names Chile), word by word in the
            # question's order ("¿De qué país es el Gobierno…?" asks about "Gobierno").
            subjects = tuple(frozenset(m.sure_stems(GLOSSARY)) for m in (matches or []))
            named = frozenset().union(*subjects)
        # "¿Quién es el candidato al que Argentina no dará respaldo?" asks for the candidate's name: the
        # verbs there describe him, and whoever does them ("Argentina") is not the answer.
        describes = q.qtype == "person" and q.type_noun is not None and q.who_verb is None
        kind_stems = set().union(
            *(m.sure_stems(GLOSSARY) for m in (matches or []) if m.token.start == q.content[q.type_noun].start)
        ) if describes else set()
        verb_stems = set() if describes else set().union(
            *(m.sure_stems(GLOSSARY) for m in (matches or []) if is_verb_lemma(m.token.lemma) and not m.token.capitalized)
        )
        says = any(t.lemma in REPORTING_VERBS for t in q.tokens)
        # "¿En cuántas materias…?": the noun counted, which an enumeration must be introduced by.
        counted = q.counted_noun.surface if q.counted_noun is not None else None
        # ...and what it may be called in the article ("¿Cuántas tendencias…?" counts "dos corrientes").
        counted_as = self._counted_as(q, matches or [])
        # "¿Quién informó…?" may be answered by a newspaper; "¿Cómo se llaman los exministros?" may not.
        # "¿Cuántos medios…?" counts names the article introduces as media; "¿Qué diarios…?" is answered by them.
        media = self.media if q.asks_for_names or q.qtype in ("quantity", "media") else frozenset()
        best: tuple[float, Candidate, tuple[int, int] | None] | None = None
        for cand in ranked if q.qtype == "reason" else ranked[:FACT_SEARCH_DEPTH]:
            if cand.score < top.score - (REASON_SCORE_SLACK if q.qtype == "reason" else FACT_SCORE_SLACK):
                break
            s = self.data.sentences[cand.sentence]
            sentence_tokens = self.retriever.vocabulary.sentence_tokens[cand.sentence]
            stem_starts = self._stem_starts[cand.sentence]
            # "¿Quién es el candidato…?": the name stands next to "candidato", not next to any word asked.
            if describes:
                # Only a sentence with the noun can say who is meant by it, and the name stands next to it.
                positions = [start for stem, start in stem_starts if stem in kind_stems]
                if not positions:
                    continue
            else:
                positions = [start for stem, start in stem_starts if stem in stems]
            # Names asked for ("¿qué medios entrevistaron a Kast?") follow the words that ask for them.
            after = (max(positions) - s.start) if positions else 0
            # "¿Quiénes señalaron…?": the subject sits right before the verb the question repeats.
            shared_verbs = tuple(start for stem, start in stem_starts if stem in verb_stems) if verb_stems else ()
            verb_at = shared_verbs[0] if shared_verbs else None
            if verb_at is None and q.qtype == "person" and says:
                # "¿Quiénes dijeron…?" without a verb in common: whoever the sentence reports as saying it.
                verb_at = next((t.start for t in sentence_tokens if t.lemma in REPORTING_VERBS), None)
            anchors = tuple(positions)
            if q.asks_object and verb_at is not None:
                # "¿A quién no apoyará el Gobierno?": the person after the verb, not its subject before it.
                after, verb_at, anchors, shared_verbs = verb_at - s.start, None, (), ()
            fact = find_fact(q.qtype, self._sentence_text(cand.sentence), s.start, question_words, after=after,
                             places=self.places, verb_at=verb_at, anchors=anchors,
                             passives=shared_verbs,
                             counted=counted, counted_as=counted_as, media=media, question_stems=named,
                             day=q.asks_day, year=q.asks_year, country=q.asks_country, subjects=subjects, beside=describes,
                             in_country=q.place_country, purpose=q.asks_purpose, reached=not anchors and q.asks_object)
            if not fact:
                continue
            if q.asks_for_names and not any(
                w[:1].isupper() for w in self._document_text(cand.sentence)[fact.start : fact.end].split()
            ):
                continue  # "¿Cómo se llaman?", "¿Cuál es el nombre…?" ask for names: "exministros chilenos" names nobody
            # Answer proximity: the fact should sit next to the words the question asks about.
            gap = min((abs(p - fact.start) for p in positions), default=200) / 200.0
            value = cand.score - FACT_PROXIMITY_WEIGHT * min(gap, 1.0)
            if best is None or value > best[0]:
                best = (value, cand, (fact.start, fact.end))
        if best is None:
            return top, None
        _, cand, span = best
        return cand, (span if q.qtype in scope.FACT_TYPES else None)

    def _choose_alternative(self, q: Question, ranked: list[Candidate], matches: list) -> tuple[Candidate, tuple[int, int] | None]:
        """"¿Kast es de izquierda o de derecha?": among near-ties, the sentence where one alternative stands
        closest to the rest of the question ("Kast, candidato de la derecha chilena"); that word is the fact."""
        # "¿De qué signo político…?" offers the sides Spanish politics has.
        alternatives = {t.stem for t in q.either_or} if q.either_or else _SIDE_STEMS
        # What the question surely names, a misspelt name too ("kats").
        others = {s for m in matches if m.token.stem not in alternatives for s in m.sure_stems(TYPO)}
        top = ranked[0]
        best: tuple[int, Candidate, tuple[int, int]] | None = None
        for cand in ranked[:FACT_SEARCH_DEPTH]:
            if cand.score < top.score - FACT_SCORE_SLACK:
                break
            tokens = self.retriever.vocabulary.sentence_tokens[cand.sentence]
            anchors = [k for k, t in enumerate(tokens) if t.stem in others]
            for k, t in enumerate(tokens):
                if t.stem in alternatives and anchors:
                    gap = min(abs(k - a) for a in anchors)
                    if best is None or gap < best[0]:
                        # A name is all its capitalised words ("Buenos Aires").
                        first, last = k, k
                        while t.capitalized and first > 0 and tokens[first - 1].capitalized:
                            first -= 1
                        while t.capitalized and last + 1 < len(tokens) and tokens[last + 1].capitalized:
                            last += 1
                        best = (gap, cand, (tokens[first].start, tokens[last].end))
        if best is None or best[0] > ALTERNATIVE_WINDOW:
            return top, None
        return best[1], best[2]

    def lists_others(self, q: Question, sentence: Candidate | None) -> bool:
        """"¿Qué otros X…?": the sentence enumerates something the question does not already name."""
        if not q.asks_others or sentence is None:
            return False
        text = self._sentence_text(sentence.sentence)
        words = q.words
        found = find_fact("list", text, 0, words)
        items = list_items(text[found.start : found.end]) if found else []
        new = [item for item in items if not all(fold(w) in words for w in item.split())]
        if q.others_are_names:
            # Other presidents or cities are named: "la seguridad" lists a topic, not one of them.
            new = [item for item in new if any(w[:1].isupper() for w in item.split())]
        return len(items) > 1 and bool(new)

    @staticmethod
    def _counted_as(q: Question, matches: list) -> frozenset[str]:
        """Stems the noun after "¿cuántos/cuántas…?" may take in the article, itself included."""
        noun = q.counted_noun
        if noun is None:
            return frozenset()
        return frozenset({noun.stem}.union(*(m.stems for m in matches if m.token.start == noun.start)))

    def _highlights(self, sentence: int, matches: list, fact: tuple[int, int] | None) -> tuple[tuple[int, int], ...]:
        """Offsets, inside the quote's document, of the words that answer (and of the short fact)."""
        stems = {s for m in matches for s in m.stems}
        spans = {span for stem, span in self._content_spans[sentence] if stem in stems}
        if fact:
            spans.add(fact)
        return tuple(sorted(spans))

    def _document_text(self, sentence: int) -> str:
        """The text of the document a sentence belongs to."""
        return self.texts[self.data.chunks[self.data.sentences[sentence].chunk_index].document]

    def _sentence_text(self, sentence: int) -> str:
        """A sentence, verbatim (cut once, when the pipeline is built)."""
        return self._sentence_texts[sentence]

    def _source(self, sentence_index: int) -> Source:
        """Where a sentence stands (built once: sources are immutable)."""
        return self._sources[sentence_index]

    def _make_source(self, sentence_index: int) -> Source:
        s = self.data.sentences[sentence_index]
        doc = self.data.chunks[s.chunk_index].document
        return Source(document=doc, title=self.titles[doc], section=s.section, start=s.start, end=s.end)

    def _identity(self, q: Question, matches: list) -> tuple[int, tuple[int, int] | None] | None:
        """'¿Quién es José Antonio Kast?': a sentence describing the name in apposition ('Kast, candidato de…'),
        or saying what the person leads ('el Gobierno argentino, encabezado por Javier Milei')."""
        if not (q.qtype == "person" or q.asks_role) or not matches:
            return None
        vocab = self.retriever.vocabulary
        if q.asks_role:
            # "¿Qué cargo ocupa Milei en…?": the names say who; the other words only what is asked of them.
            matches = [m for m in matches if m.token.capitalized and q.case_informative or not known_word(m.token.surface)]
            if not matches:
                return None
        names = set()
        for m in matches:
            named = {st for st, v in m.stems.items() if v >= 0.85 and vocab.terms[st].capitalized}
            # "¿Quién gobierna Chile?" asks who does something: "gobierna" meets "Gobierno" but names nobody.
            if not named or (is_conjugated(m.token) and not m.token.capitalized):
                return None  # the question asks more than who someone is
            names |= named
        first_mention: int | None = None
        # The names' mentions in article order, as the sentences and their words come.
        for _, _, sentence, sentence_end, start, end in sorted(m for st in names for m in self._mentions.get(st, ())):
            first_mention = sentence if first_mention is None else first_mention
            text = self._document_text(sentence)[:sentence_end]
            span = apposition(text, end) or led_by(text, start, end)
            if span:
                return sentence, span
        # No description in apposition: the sentence that first introduces the name says who it is.
        return (first_mention, None) if first_mention is not None else None

    def _in_full(self, qtype: str, fact: str) -> str:
        """A person named by surname alone ("Kast"), as the article names him in full ("José Antonio Kast")."""
        return self.full_names.get(fact.strip(), fact) if qtype == "person" else fact

    def _identity_answer(
        self, text: str, q: Question, matches: list, index: int, span: tuple[int, int] | None
    ) -> Answer:
        """Who someone is: the description in apposition, or the sentence that introduces them."""
        quote = self._sentence_text(index)
        fact = self._document_text(index)[span[0] : span[1]] if span else None
        return Answer(
            question=text, refused=False,
            answer=compose.role_answer(fact) if fact else compose.plain_answer(quote),
            quote=quote, source=self._source(index), confidence=IDENTITY_CONFIDENCE,
            short_answer=fact, kind="person" if fact else "passage", highlights=self._highlights(index, matches, span),
        )

    def _section_asked(self, q: Question, matches: list, summary: bool = False) -> int | None:
        """The first sentence of the section whose heading the question is about, if any.

        "¿Qué dice el artículo sobre el contexto de la campaña chilena?" names a
        heading, not a fact: the section itself is the answer. "¿Qué decidió el Gobierno chileno…?"
        does not name "Decisión del Gobierno argentino".
        """
        if not matches or q.qtype != ("summary" if summary else "fact"):
            return None  # "¿Y por qué?", "¿Cuándo…?" ask for a reason or a fact, not for a section
        total = sum(m.weight for m in matches)
        if total == 0:
            return None
        strong = {s for m in matches for s, strength in m.stems.items() if strength >= GLOSSARY}
        if len(strong & self._heading_stems) < self._heading_words_needed:
            return None
        best: tuple[float, int] | None = None
        for first in self.section_starts:
            heading = self.retriever.vocabulary.section_stems[first]
            named = heading & strong
            if not heading or len(named) < SECTION_COVERAGE * len(heading):
                continue
            covered = sum(m.weight for m in matches if not named.isdisjoint(m.sure_stems(GLOSSARY)))
            share = covered / total
            if share >= SECTION_COVERAGE and (best is None or share > best[0]):
                if not rules.gives_other_origin(q, self._heading_tokens[first]):
                    best = (share, first)
        return best[1] if best else None

    def _section_answer(self, text: str, first: int, matches: list) -> Answer:
        """Answer a question about a section with its opening sentence."""
        quote = self._sentence_text(first)
        return Answer(
            question=text, refused=False, answer=compose.section_answer(self.data.sentences[first].section, quote),
            quote=quote, source=self._source(first), confidence=0.9, kind="section",
            highlights=self._highlights(first, matches, None),
        )

    def _summary(self, text: str) -> Answer:
        """Summaries come from the lead and the section headings of the first document."""
        doc = self.data.documents[0]
        lead = next(s for s in self.data.sentences if s.section == LEAD_SECTION)
        quote = doc.text[lead.start : lead.end]
        headings = [h for h, _, _ in section_headings(doc)]
        return Answer(
            question=text, refused=False, answer=compose.summary_answer(quote, headings), quote=quote,
            source=self._source(lead.index), confidence=0.95, short_answer=None, kind="summary",
            highlights=((lead.start, lead.end),),
        )

    # -- helpers for adapters ---------------------------------------------------------

    def suggestions(self) -> tuple[str, ...]:
        """Example questions the article answers, generated when the pipeline is built."""
        return self._suggestions

    def _checked_suggestions(self) -> tuple[str, ...]:
        """One question per section heading, kept only if the pipeline answers it."""
        out = [SUMMARY_SUGGESTION]
        for doc in self.data.documents:
            for heading, _, _ in section_headings(doc):
                candidate = f"¿Qué dice el artículo sobre {compose.with_article(heading)}?"
                if not self.ask(candidate).refused:
                    out.append(candidate)
        return tuple(out[:MAX_SUGGESTIONS])

    def stats(self) -> dict[str, int]:
        """Counts reported by the health endpoint."""
        return {
            "documents": len(self.data.documents),
            "chunks": len(self.data.chunks),
            "sentences": len(self.data.sentences),
        }
