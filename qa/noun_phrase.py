"""The phrase a "¿Qué X…?" question asks for, cut from the answering sentence.

"¿Qué tipo de apoyo no otorgará Argentina?" asks for a kind of support: the
sentence's "apoyo institucional". "¿Qué comparte Milei con Kast?" asks for what
follows the shared verb: "una visión ideológica". Without a tagger, a noun
phrase is read as a run of content words (nouns and adjectives) with optional
"de …" complements, starting at an article; punctuation, a verb or any other
function word ends it. The phrase is returned as offsets, so it stays verbatim.
"""

from __future__ import annotations

import re

from .analysis import Token, is_verb_lemma
from .matching import EXACT, TermMatch
from .question import PRENOMINAL, WORDING_NOUNS, Question
from .retrieve import GLOSSARY

_DETERMINERS = frozenset({"el", "la", "los", "las", "un", "una", "unos", "unas"})
# What stands between a subject and its verb: "la seguridad se ha convertido", "que no emitirá".
_AUXILIARIES = frozenset({"se", "ha", "han", "habia", "habian", "no", "le", "les", "lo", "la", "fue", "es"})
_PARTICIPLE_ENDINGS = ("ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas")
# Forms that, after a noun, are adjectives even when the lemmatiser reads a verb: participles, and plurals
# ("campañas externas"; a verb ending in -as would be a second person, which news does not use).
_ADJECTIVE_ENDINGS = _PARTICIPLE_ENDINGS + ("os", "as")
# Complements that belong to the noun: "la discusión sobre la desigualdad", "mano dura contra la delincuencia".
_OF = frozenset({"de", "del", "sobre", "contra"})
_ASKS_WHAT = frozenset({"que", "cual", "cuales"})
MAX_PHRASE_WORDS = 8
# After a participle, the names of who did it and to whom: "concedida por Kast a Ámbito y Clarín".
_AGENT_OR_ADDRESSEE = frozenset({"por", "a"})
# How many words further an equivalent of the noun asked about may stand and still come before the noun itself.
EQUIVALENT_DISTANCE = 5
_QUOTED_RE = re.compile(r"“[^”]{1,80}”|«[^»]{1,80}»|\"[^\"]{1,80}\"")


def what_phrase(
    question: Question, matches: list[TermMatch], tokens: list[Token], text: str, tied: frozenset[int] = frozenset()
) -> tuple[int, int] | None:
    """Offsets in ``text`` of the phrase answering "¿Qué X…?" / "¿Qué + verbo…?", or None. ``tied``: positions
    of words a fixed expression joins to the next one ("mano | dura"), never cut apart."""
    wh = next((i for i, t in enumerate(question.tokens) if t.folded in _ASKS_WHAT), None)
    if question.qtype != "fact" or wh is None:
        return None
    by_start = {m.token.start: m for m in matches}
    # What the question itself says (its own words, not their equivalents): a phrase made only of these is no news.
    asked = {s for m in matches for s, v in m.stems.items() if v >= 1.0}
    if question.type_noun is not None:
        if question.content[question.type_noun].folded in WORDING_NOUNS:
            # "¿Qué expresión usaron…?": what the sentence quotes ("la “enorme oportunidad”").
            quoted = _QUOTED_RE.search(text, tokens[0].start, tokens[-1].end) if tokens else None
            if quoted:
                return quoted.start(), quoted.end()
        # "¿Qué tipo de apoyo…?": the sentence's own phrase around the noun asked about.
        noun = by_start.get(question.content[question.type_noun].start)
        anchors = _strong(noun)
        # A kind is named by a noun: "comparta", met through an equivalent of "acuerdos", names none.
        found = [i for i, tok in enumerate(tokens) if tok.stem in anchors and not tok.is_stop and not _is_verb(tok)]
        if not found:
            return None
        # Where the noun occurs more than once, the occurrence among the question's other words first; the
        # noun itself ("comunicados de Estado") a few words ahead of an equivalent ("viajes oficiales").
        exact = _exact(noun)
        others = [i for i, tok in enumerate(tokens) if tok.stem in asked and tok.stem not in anchors]
        for i in sorted(found, key=lambda i: min((abs(i - j) for j in others), default=0)
                        + (0 if tokens[i].stem in exact else EQUIVALENT_DISTANCE)):
            found_phrase = _phrase(tokens, i, text, tied)
            if _plural(question.content[question.type_noun]):
                found_phrase = _coordinated_names(tokens, found_phrase, text)
            if phrase := _informative(found_phrase, tokens, asked):
                return phrase
        return None
    subject_verb = _verb_after_noun(question, wh, by_start)
    if subject_verb is not None:
        # "¿Qué tema se ha convertido en prioridad?": the phrase right before the same verb.
        for i, tok in enumerate(tokens):
            if tok.stem in subject_verb and i > 0:
                found = _phrase_before(tokens, i, text)
                return _informative(found, tokens, asked) if found else None
        return None
    verb = _asked_verb(question, wh, by_start)
    if verb is None:
        return None
    # "¿Qué comparte Milei con Kast?": the phrase right after the same verb in the sentence.
    for i, tok in enumerate(tokens[:-1]):
        if tok.stem in verb and _joined(tokens[i], tokens[i + 1], text):
            start = i + 1
            if tokens[start].folded in _DETERMINERS or not (tokens[start].is_stop or _is_verb(tokens[start])):
                return _informative(_phrase(tokens, start, text, tied), tokens, asked)
    return None


def _strong(match: TermMatch | None) -> set[str]:
    """The stems a question word surely stands for (itself or a glossary equivalent): what anchors a phrase."""
    return match.sure_stems(GLOSSARY) if match else set()


def _exact(match: TermMatch | None) -> set[str]:
    """The stems a question word is itself (its inflections), not its equivalents."""
    return {s for s, v in match.stems.items() if v >= EXACT} if match else set()


def _asked_verb(question: Question, wh: int, by_start: dict[int, TermMatch]) -> set[str] | None:
    """Stems of the verb that follows the interrogative at ``wh`` ("¿Qué comparte…?", "¿Qué debe respetar…?")."""
    for tok in question.tokens[wh + 1 : wh + 4]:
        match = by_start.get(tok.start)
        if match is not None and _is_verb(tok) and tok.folded not in question.light:
            return _strong(match) or None
    return None


def _verb_after_noun(question: Question, wh: int, by_start: dict[int, TermMatch]) -> set[str] | None:
    """"¿Qué tema se ha convertido…?": the interrogative (at ``wh``) and its noun are the subject of the verb
    that follows (after clitics and auxiliaries); the stems of that verb, or None."""
    tokens = question.tokens
    if wh + 2 >= len(tokens) or tokens[wh + 1].is_stop or _is_verb(tokens[wh + 1]):
        return None
    for tok in tokens[wh + 2 : wh + 5]:
        if tok.folded in _AUXILIARIES:
            continue
        match = by_start.get(tok.start)
        return (_strong(match) or None) if match is not None and _is_verb(tok) else None
    return None


def _phrase_before(tokens: list[Token], verb: int, text: str) -> tuple[int, int, int, int] | None:
    """The noun phrase ending right before token ``verb`` (clitics and auxiliaries skipped): its subject."""
    j = verb - 1
    while j >= 0 and tokens[j].folded in _AUXILIARIES and _joined(tokens[j], tokens[j + 1], text):
        j -= 1
    if j < 0 or tokens[j].is_stop or _is_verb(tokens[j]):
        return None
    last = first = j
    while first > 0 and last - first < MAX_PHRASE_WORDS and _joined(tokens[first - 1], tokens[first], text):
        before = tokens[first - 1]
        if before.folded in _DETERMINERS:
            first -= 1
            break
        if before.is_stop and before.folded not in _OF or _is_verb(before):
            break
        first -= 1
    return tokens[first].start, tokens[last].end, first, last


def _is_verb(tok: Token) -> bool:
    """A conjugated verb or an infinitive, judged by the lemma (adjectives like 'oficial' are not)."""
    return is_verb_lemma(tok.lemma) and len(tok.lemma) > 3 and not tok.capitalized


def _joined(left: Token, right: Token, text: str) -> bool:
    """Only spaces between two words: a comma or a period ends a phrase."""
    return not text[left.end : right.start].strip()


def _phrase(tokens: list[Token], i: int, text: str, tied: frozenset[int] = frozenset()) -> tuple[int, int, int, int]:
    """(start offset, end offset, first token, last token) of the noun phrase around token ``i``."""
    first = i
    if first > 0 and tokens[first - 1].folded in PRENOMINAL and _joined(tokens[first - 1], tokens[first], text):
        first -= 1
    if first > 0 and tokens[first - 1].folded in _DETERMINERS and _joined(tokens[first - 1], tokens[first], text):
        first -= 1
    last = i
    j = i + 1
    while j < len(tokens) and j - first < MAX_PHRASE_WORDS and _joined(tokens[j - 1], tokens[j], text):
        tok = tokens[j]
        if tok.folded not in _OF and not tok.is_stop and (
            not _is_verb(tok) or tok.folded.endswith(_ADJECTIVE_ENDINGS) or j - 1 in tied
        ):
            last = j  # an adjective, a participle or a noun in apposition: "apoyo institucional"
            j += 1
            continue
        if tok.folded in _OF and j + 1 < len(tokens) and _joined(tok, tokens[j + 1], text):
            # "la arquitectura política de América Latina", "gobiernos de derecha"
            k = j + 1
            if tokens[k].folded in _DETERMINERS and k + 1 < len(tokens) and _joined(tokens[k], tokens[k + 1], text):
                k += 1
            if not tokens[k].is_stop and not _is_verb(tokens[k]):
                last = k
                j = k + 1
                continue
        after_participle = tokens[last].folded.endswith(_PARTICIPLE_ENDINGS) or (tokens[last].capitalized and last > i)
        if tok.folded in _AGENT_OR_ADDRESSEE and after_participle:
            # "la entrevista concedida por Kast a Ámbito y Clarín": who gave it and to whom, by name.
            k = j + 1
            named = k
            while named < len(tokens) and tokens[named].capitalized and _joined(tokens[named - 1], tokens[named], text):
                named += 1
                if named + 1 < len(tokens) and tokens[named].folded in ("y", "e") and tokens[named + 1].capitalized:
                    named += 1
            if named > k:
                last = named - 1
                j = named
                continue
        break
    return tokens[first].start, tokens[last].end, first, last


_AND = frozenset({"y", "e"})


def _plural(tok: Token) -> bool:
    """"países", "medios": the question asks for more than one."""
    return tok.folded != tok.lemma and tok.folded.endswith("s")


def _coordinated_names(tokens: list[Token], found: tuple[int, int, int, int], text: str) -> tuple[int, int, int, int]:
    """"¿Qué países…?" where the phrase is a name: the names joined to it ("Argentina y Chile"), too."""
    start, end, first, last = found
    if not all(t.capitalized for t in tokens[first : last + 1] if not t.is_stop):
        return found

    def joined(a: int, b: int) -> bool:  # tokens a < b joined by "y" or a comma, both names
        between = text[tokens[a].end : tokens[b].start].strip()
        return tokens[a].capitalized and tokens[b].capitalized and (between == "," or (
            b == a + 2 and tokens[a + 1].folded in _AND and not text[tokens[a].end : tokens[a + 1].start].strip()))

    while first >= 2 and joined(first - 2, first):
        first -= 2
    while first >= 1 and joined(first - 1, first):
        first -= 1
    while last + 2 < len(tokens) and joined(last, last + 2):
        last += 2
    return tokens[first].start, tokens[last].end, first, last


def _informative(found: tuple[int, int, int, int], tokens: list[Token], asked: set[str]) -> tuple[int, int] | None:
    """The phrase, unless it only repeats the question ("¿Qué apoyo…?" → "apoyo" says nothing)."""
    start, end, first, last = found
    if all(t.is_stop or t.stem in asked for t in tokens[first : last + 1]):
        return None
    return start, end
