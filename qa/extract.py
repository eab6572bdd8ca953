"""Pull the short fact a question asks for out of an answering sentence.

Each question type looks for its own kind of expression: a time expression
for "¿cuándo?", a capitalised place after a locative preposition for
"¿dónde?", a number with its noun for "¿cuántos?", names for "¿quién?" and
"¿qué medio?", an enumeration for "¿en qué áreas?". The fact is returned as
offsets into the document, so it is always verbatim.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from .analysis import COUNTRIES, MONTHS, country_of, demonym, fold, is_verb_lemma, known_word, lemma, stem, stopwords, tokenize

_MONTHS = "|".join(MONTHS)
_TIME_RE = re.compile(
    rf"\b(?:(?:a |hacia |para )?(?:principios|comienzos|inicios|mediados|finales|fines) de (?:{_MONTHS})(?: de \d{{4}})?"
    rf"|(?:el )?\d{{1,2}} de (?:{_MONTHS})(?: de \d{{4}})?"
    rf"|(?:en )?(?:{_MONTHS}) de \d{{4}}"
    rf"|en los próximos años|próxim[oa]s? (?:semanas?|meses|años)"
    rf"|(?:en |desde |hasta )?(?:19|20)\d{{2}})\b",
    re.IGNORECASE,
)
# A time expression that names a day: "el 23 de noviembre", not "a finales de noviembre".
_YEAR_RE = re.compile(r"\b\d{4}\b")
_DAY_RE = re.compile(rf"\b\d{{1,2}} de (?:{_MONTHS})\b|\b(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo)\b", re.IGNORECASE)
_MEDIA_NOUNS = frozenset({"medio", "medios", "diario", "diarios", "periodico", "periodicos", "canal", "canales",
                          "radio", "radios", "cadena", "cadenas", "emisora", "emisoras"})
_NAME_WORD = r"(?:[A-ZÁÉÍÓÚÑ][\wáéíóúñü]*(?:\.[a-z]{2,4})?|\d+)"
_CONNECTOR = r"(?:de|del|la|las|los|y)"
_NAME_RE = re.compile(rf"{_NAME_WORD}(?:\s+(?:{_CONNECTOR}\s+)?{_NAME_WORD})*")
_PLACE_RE = re.compile(r"\b(?:en|desde|hacia)\s+((?:la |el )?[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+(?:\s+[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+)*)")
_NUMBER_WORDS = "dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|veinte|cien|mil|ambos|ambas"
_QUANTITY_RE = re.compile(rf"\b(?:\d+(?:[.,]\d+)?|{_NUMBER_WORDS})\b(?:\s+(?!de\b|y\b)[\wáéíóúñ]+){{1,2}}", re.IGNORECASE)
# Where enumerations start, most specific first: "temas como A, B y C", "en materia de A, B y C".
_LIST_TRIGGERS = (re.compile(r"\bcomo\s+"), re.compile(r"\ben materia de\s+"), re.compile(r"\bincluso\s+"),
                  re.compile(r"\ben\s+"))
# An item may end in a web suffix ("Clarin.com"): that period does not end the list.
_LIST_BODY = re.compile(r"(?:[^.;:]|\.(?=[a-z]{2,4}\b))*?\s(?:y|e|o|u)\s(?:[^,.;:]|\.(?=[a-z]{2,4}\b))+")
MAX_LIST_WORDS = 30
# The subject right before a verb: back to the previous comma or clause start, at most a few words.
_SUBJECT_RE = re.compile(r"(?:^|[,;:]\s*|\bque\s+)([^,;:]{2,80}?)\s*$")
MAX_SUBJECT_WORDS = 6
_AUXILIARIES = frozenset({"ha", "han", "habia", "habian", "habra", "sido", "fue", "fueron", "es", "son", "sera",
                          "seran", "esta", "estan", "no"})
_AGENT_RE = re.compile(rf"\w+(?:d[oa]s?)\s+por\s+({_NAME_WORD}(?:\s+(?:{_CONNECTOR}\s+)?{_NAME_WORD})*)")
# ...or a group it describes: "citada por los dos candidatos de veredas distintas como una señal".
_AGENT_PHRASE_RE = re.compile(
    r"\w+(?:d[oa]s?)\s+por\s+((?:el|la|los|las|un|una|unos|unas)\s+[^,.;:]+?)(?=\s+(?:como|que|para|en|a|al)\b|[,.;:]|$)"
)
_NOT_PLACES = {"estado", "gobierno", "la nación"}
# "¿Para qué…?" asks what something is for: "recursos del Estado para campañas externas".
_PURPOSE_RE = re.compile(r"\b(?:para|con el (?:fin|objetivo|propósito) de|a fin de)\s+(?!que\b)\w+", re.IGNORECASE)
_REASON_RE = re.compile(
    r"\b(?:porque|ya que|debido a|dado que|puesto que|a causa de|por lo que|por eso|"
    r"explic\w* que|argument\w* que|sostuvo que|dijo que|afirm\w* que|deb(?:e|en|ía|ían) )",
    re.IGNORECASE,
)


# Where a sentence defines a term: "El término «X» se refiere a…", "X consiste en…".
def is_definition(sentence: str) -> bool:
    """Whether a sentence defines a word ("El término … se refiere a …")."""
    return _DEFINITION_RE.search(sentence) is not None


_DEFINITION_RE = re.compile(
    r"\b(?:se refiere a|se refieren a|consiste en|consisten en|significa|se define como|se entiende por|es decir|"
    r"término|concepto de)\b",
    re.IGNORECASE,
)


class _Hit(NamedTuple):
    """A regular-expression match reduced to offsets and text (group 1 if the pattern has one)."""

    start: int
    end: int
    text: str
    g_start: int
    g_end: int
    group: str


@lru_cache(maxsize=8192)
def _hits(regex: re.Pattern[str], text: str) -> tuple[_Hit, ...]:
    """Every match of ``regex`` in an article sentence, found once: sentences are few and fixed."""
    out = []
    for m in regex.finditer(text):
        g = 1 if regex.groups else 0
        out.append(_Hit(m.start(), m.end(), m.group(0), m.start(g), m.end(g), m.group(g) or ""))
    return tuple(out)


class Fact(NamedTuple):
    """A short answer: its offsets in the document and its type."""

    start: int
    end: int
    kind: str


def apposition(text: str, name_end: int) -> tuple[int, int] | None:
    """'José Antonio Kast, candidato de la derecha chilena…,' → the description after the name's comma."""
    m = re.match(r"\s*,\s*([^,.;:]{3,160})", text[name_end:])
    if not m:
        return None
    first = m.group(1).split()[0]
    # A description starts with a noun ("candidato de…"), not a name, a function word or a verb ("ha decidido").
    if first[:1].isupper() or fold(first) in stopwords() or is_verb_lemma(lemma(first)):
        return None
    return name_end + m.start(1), name_end + m.end(1)


# "El Gobierno argentino, encabezado por Javier Milei": what a person leads, heads or chairs, said in the passive.
_LED_BY_RE = re.compile(
    r"(?:\b(?:[Ee]l|[Ll]a|[Ll]os|[Ll]as)\s+)?[\wáéíóúñÁÉÍÓÚÑ][^,.;:“”]{2,80},\s+[a-záéíóúñ]+(?:ado|ido|ada|ida)s?\s+por\s+"
    r"(?:[A-ZÁÉÍÓÚÑ][\wáéíóúñ]*\s+)*$"
)


def led_by(text: str, name_start: int, name_end: int) -> tuple[int, int] | None:
    """'El Gobierno argentino, encabezado por Javier Milei' → that whole phrase, for the name ending at
    ``name_end`` (its last word starting at ``name_start``): who someone is, when no apposition says it."""
    window = max(0, name_start - 120)
    m = _LED_BY_RE.search(text, window, name_start)
    if not m or m.end() != name_start:
        return None
    rest = re.match(r"(?:\s+[A-ZÁÉÍÓÚÑ][\wáéíóúñ]*)*", text[name_end:])  # "Javier | Milei": the whole name
    return m.start(), name_end + (rest.end() if rest else 0)


_MEDIA_CUE_RE = re.compile(r"\b(?:medios?|diarios?|peri[oó]dicos?|informes|prensa)\s+(?:como|de)\s+$", re.IGNORECASE)


# A web address's ending ("Clarin.com"): the medium's name is what stands before it.
WEB_SUFFIX_RE = re.compile(r"\.[a-z]{2,4}$")


def _name_parts(name: str) -> list[str]:
    """'Cadena 3 y Clarin.com' → ['cadena 3', 'clarin']: folded members, web suffixes dropped."""
    return [WEB_SUFFIX_RE.sub("", fold(p)) for p in re.split(r"\s*,\s*|\s+(?:y|e)\s+", name) if p]


def _all_media(name: str, media: frozenset[str]) -> bool:
    """Whether every member of a name ('Ámbito y Clarín') is one of ``media``."""
    return all(part in media for part in _name_parts(name))


def media_names(text: str) -> set[str]:
    """Names a text introduces as media ('medios como Cadena 3 y Clarin.com', 'informes de La Nación'),
    and names coordinated with them ('Ámbito y Clarín'), folded: they are not people."""
    names = [(m.start, _name_parts(m.text)) for m in _hits(_NAME_RE, text)]
    media = {part for start, parts in names if _MEDIA_CUE_RE.search(text[max(0, start - 30) : start]) for part in parts}
    for _, parts in names:
        if any(p in media for p in parts):
            media.update(parts)
    return media


def full_names(text: str) -> dict[str, str]:
    """A person's full name by the surname a sentence may use alone: {"Kast": "José Antonio Kast"}. A name
    of several capitalised words ending in a word Spanish does not know ("Milei") is a person's."""
    found: dict[str, str] = {}
    for m in _NAME_RE.finditer(text):
        words = m.group(0).split()
        if len(words) < 2 or not all(w[:1].isupper() for w in words) or known_word(words[-1]):
            continue  # "Cadena 3 y Clarin.com" joins two names; "Buenos Aires" is Spanish words
        if len(m.group(0)) > len(found.get(words[-1], "")):
            found[words[-1]] = m.group(0)
    return found


def place_names(text: str) -> set[str]:
    """Names a text uses as places ('en Chile', 'en Buenos Aires'), folded; not people or media."""
    return {fold(m.group(1)) for m in _PLACE_RE.finditer(text)}


# A single capitalised word after an article is an institution ("del Estado", "el Gobierno"), not a person.
_ARTICLE_BEFORE_RE = re.compile(r"\b(?:el|la|los|las|del|al)\s+$", re.IGNORECASE)


def _names(text: str, offset: int, exclude: set[str], places: frozenset[str] = frozenset(),
           media: frozenset[str] = frozenset(), people: bool = False) -> list[tuple[int, int]]:
    """Capitalised name sequences, skipping the sentence's first word, places, media (when a person is
    asked for), institutions (idem) and names the question gives."""
    spans = []
    for a, b, capitals in _name_candidates(text, places, media, people):
        # A name the question gives, in full or by its last word ("Kast" for "José Antonio Kast"), is not news.
        if all(w in exclude for w in capitals) or (len(capitals) > 1 and capitals[-1] in exclude):
            continue
        spans.append((a + offset, b + offset))
    return spans


@lru_cache(maxsize=8192)
def _name_candidates(text: str, places: frozenset[str], media: frozenset[str],
                     people: bool) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
    """What :func:`_names` keeps before reading the question: (start, end, folded capitalised words) of each
    name in an article sentence, worked out once (sentences, places and media are fixed)."""
    found = []
    for m in _hits(_NAME_RE, text):
        if fold(m.text) in places or any(fold(w) in places for w in m.text.split()):
            continue
        if media and _all_media(m.text, media):
            continue
        a, b = m.start, m.end
        words = m.text.split()
        if a == 0 and len(words) == 1:
            continue
        if a == 0:
            a = text.index(words[1], len(words[0]))
        if people and " " not in text[a:b] and _ARTICLE_BEFORE_RE.search(text, max(0, a - 5), a):
            continue
        if text[a:b].isdigit():
            continue
        found.append((a, b, tuple(fold(w) for w in text[a:b].split() if w[:1].isupper())))
    return tuple(found)


def _nationality(text: str, offset: int, question_words: set[str], subjects: tuple[frozenset[str], ...]) -> Fact | None:
    """"¿De qué país es el Gobierno…?": the nationality the sentence gives the noun the question asks about
    ("el Gobierno argentino"); ``subjects`` holds the stems of each question word, in question order."""
    given = _nationalities(text)
    if not given:
        return None
    asked = {demonym(w) for w in question_words}
    best: tuple[int, int, int] | None = None
    for before, origin, start, end in given:
        # "chilena" says nothing new to a question naming Chile ("¿Qué países, además de Chile…?").
        if origin in asked or fold(COUNTRIES.get(origin, "")) in question_words:
            continue
        rank = next((i for i, stems in enumerate(subjects) if before in stems), None)
        if rank is not None and (best is None or rank < best[0]):
            best = (rank, start, end)
    return Fact(best[1] + offset, best[2] + offset, "place") if best else None


@lru_cache(maxsize=8192)
def _nationalities(text: str) -> tuple[tuple[str, str, int, int], ...]:
    """(stem of the word before, nationality, start, end) of each nationality word in an article sentence,
    worked out once: sentences are few and fixed."""
    return tuple(
        (before.stem, origin, word.start, word.end)
        for before, word in pairwise(tokenize(text))
        if (origin := demonym(word.surface)) is not None
    )


# How far a name may stand from the noun describing it: "el candidato chileno José Antonio Kast",
# "José Antonio Kast, candidato de…".
BESIDE_WORDS = 2
_WORD_RE = re.compile(r"\w+")


def _beside(span: tuple[int, int], anchor: int, text: str, offset: int) -> bool:
    """Whether a name span stands at most BESIDE_WORDS words from the word starting at ``anchor``."""
    start, end = span[0] - offset, span[1] - offset
    at = anchor - offset
    if end <= at:  # the name first: "José Antonio Kast, candidato…"
        gap = text[end:at]
    else:  # the noun first: "candidato chileno José Antonio Kast"
        noun = _WORD_RE.match(text, at)
        gap = text[noun.end() if noun else at : start]
    return len(_WORD_RE.findall(gap)) <= BESIDE_WORDS


def find_fact(
    qtype: str, text: str, offset: int, question_words: set[str], after: int = 0, places: frozenset[str] = frozenset(),
    verb_at: int | None = None, anchors: tuple[int, ...] = (), passives: tuple[int, ...] = (),
    counted: str | None = None, counted_as: frozenset[str] = frozenset(), media: frozenset[str] = frozenset(),
    question_stems: frozenset[str] = frozenset(), day: bool = False, country: bool = False,
    subjects: tuple[frozenset[str], ...] = (), beside: bool = False, in_country: str | None = None,
    year: bool = False, purpose: bool = False, reached: bool = False,
) -> Fact | None:
    """The fact a question of ``qtype`` asks for inside ``text`` (a sentence at ``offset``)."""
    if qtype == "time":
        times = [t for t in _hits(_TIME_RE, text) if (not day or _DAY_RE.search(t.text)) and (not year or _YEAR_RE.search(t.text))]
        return Fact(times[0].start + offset, times[0].end + offset, qtype) if times else None
    if qtype == "place":
        for m in _hits(_PLACE_RE, text):
            if fold(m.group) in _NOT_PLACES or all(fold(w) in question_words for w in m.group.split()):
                continue
            # "¿Qué ciudad chilena…?" is not answered by "Chile": the place must be news to the question.
            if all(stem(w) in question_stems for w in m.group.split()):
                continue
            # "¿En qué ciudad chilena…?" is not answered by a city the tables put in another country.
            if in_country and country_of(m.group) not in (None, in_country):
                continue
            # "¿Qué país, además de Argentina…?" is not answered by Argentina's capital either.
            if country and fold(country_of(m.group) or "") in question_words:
                continue
            return Fact(m.g_start + offset, m.g_end + offset, qtype)
        if country:
            return _nationality(text, offset, question_words, subjects)
        return None
    if qtype == "quantity":
        for m in _hits(_QUANTITY_RE, text):
            before = text[: m.start].rstrip().split(" ")[-1:]
            # A number inside a name ('Cadena 3') or given by the question is not the answer.
            if before and before[0][:1].isupper() and m.start > 0:
                continue
            if fold(m.text.split()[0]) in question_words:
                continue
            # "¿Cuántas veces…?" is not answered by "los dos candidatos": the number must count the noun asked.
            if counted_as and not any(stem(w) in counted_as for w in m.text.split()[1:]):
                continue
            return Fact(m.start + offset, m.end + offset, qtype)
        # No number, but an enumeration can be counted: "en materia de comercio, energía y defensa".
        # Only when the counted noun introduces it ("¿en cuántas materias?"), not any list nearby.
        listed = find_fact("list", text, offset, question_words) if counted else None
        if listed:
            lead_in = text[: listed.start - offset].split()[-4:]
            if any(stem(w) == stem(counted) or stem(w) in counted_as for w in lead_in):
                return Fact(listed.start, listed.end, "count")
        # "¿Cuántos medios…?" counts the media the sentence names ("a Ámbito y Clarín").
        if counted and fold(counted) in _MEDIA_NOUNS:
            named = find_fact("media", text, offset, question_words, after=after, places=places)
            if named and _all_media(text[named.start - offset : named.end - offset], media):
                return Fact(named.start, named.end, "count")
        return None
    if qtype == "person" and verb_at is not None:
        # A passive names its agent after the participle: "la entrevista concedida por Kast".
        for at in (verb_at, *passives):
            agent = _AGENT_RE.match(text, at - offset)
            if agent and fold(agent.group(1)) not in question_words:
                return Fact(agent.start(1) + offset, agent.end(1) + offset, qtype)
            group = _AGENT_PHRASE_RE.match(text, at - offset)
            # A group the question itself mentions ("¿Quién informó que los candidatos citaron…?") is not news.
            if group and not any(fold(w) in question_words for w in group.group(1).split() if fold(w) not in stopwords()):
                return Fact(group.start(1) + offset, group.end(1) + offset, qtype)
        subject = _SUBJECT_RE.search(text, 0, verb_at - offset)
        if subject:
            words = subject.group(1).split()
            # "…con Milei ha sido citada": the auxiliary belongs to the verb, not to its subject.
            while words and fold(words[-1]) in _AUXILIARIES:
                words.pop()
            # A subject names someone or something: "ha decidido no" is only verbs.
            content = [w for w in words if fold(w) not in stopwords() and not is_verb_lemma(lemma(w))]
            if 0 < len(words) <= MAX_SUBJECT_WORDS and content and not all(fold(w) in question_words for w in words):
                end = subject.start(1) + len(" ".join(words)) if words != subject.group(1).split() else subject.end(1)
                return Fact(subject.start(1) + offset, end + offset, qtype)
    if qtype in ("person", "media"):
        names = _names(text, offset, question_words, places, media if qtype == "person" else frozenset(),
                       people=qtype == "person")
        if qtype == "media" and media:
            # Where the article introduces its media ("medios como Cadena 3"), only those answer "¿Qué diarios…?":
            # "el Gobierno" is no newspaper.
            names = [sp for sp in names if _all_media(text[sp[0] - offset : sp[1] - offset], media)]
        if not names:
            return None
        later = [s for s in names if s[0] >= after + offset]
        if not later and not reached:
            later = names
        elif not later:
            return None  # "¿A quién…?" is answered by someone after the verb, or not at all
        if qtype == "person" and anchors:
            # The person asked about stands next to the words the question uses ("José Antonio Kast,
            # candidato de la derecha chilena"), not anywhere in the sentence.
            later = sorted(names, key=lambda sp: min(min(abs(a - sp[0]), abs(a - sp[1])) for a in anchors))
            if beside:
                # "¿Quién es el candidato…?": the name in apposition to the noun, a few words at most away.
                later = [sp for sp in later if any(_beside(sp, a, text, offset) for a in anchors)]
                if not later:
                    return None
        first = later[0]
        # "Ámbito y Clarín": join names coordinated by 'y' or commas.
        end = first[1]
        for s in later[1:]:
            gap = text[end - offset : s[0] - offset]
            if re.fullmatch(r"\s*(?:,|y|e)\s*", gap):
                end = s[1]
            else:
                break
        return Fact(first[0], end, qtype)
    if qtype in ("definition", "reason"):
        pattern = _DEFINITION_RE if qtype == "definition" else _PURPOSE_RE if purpose else _REASON_RE
        found = _hits(pattern, text)
        return Fact(found[0].start + offset, len(text) + offset, qtype) if found else None
    if qtype == "list":
        span = _enumeration(text)
        return Fact(span[0] + offset, span[1] + offset, qtype) if span else None
    return None


@lru_cache(maxsize=8192)
def _enumeration(text: str) -> tuple[int, int] | None:
    """Offsets of the first enumeration in an article sentence, found once (it does not depend on the question)."""
    for trigger in _LIST_TRIGGERS:
        for m in trigger.finditer(text):
            body = _LIST_BODY.match(text, m.end())
            if body and len(body.group(0).split()) <= MAX_LIST_WORDS:
                return m.end(), body.end()
    return None


def list_items(phrase: str) -> list[str]:
    """The members of an enumeration: 'comercio, energía y defensa' → three items."""
    return [p.strip() for p in re.split(r",\s*|\s+(?:y|e|o|u)\s+", phrase) if p.strip()]
