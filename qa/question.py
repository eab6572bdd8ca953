"""Understand a question: what it asks for (its type) and which words carry its content."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from .analysis import (
    COUNTRIES, COUNTRY_NAMES, Token, demonym, fold, is_conjugated, is_verb_lemma, known_word, nationality_of, normalize, tokenize,
)
from .matching import PERSON_NOUNS

# "¿Quién…?", "¿Cómo se llama…?", "el nombre de…": only a name answers these person questions.
_CALLED = r"como se llaman?"
_ASKS_NAME = rf"quien(es)?|{_CALLED}|(el|los|su|sus) nombres?(?: completos?)?(?: del?)?"

# Question types, matched on the folded question (accents and case removed),
# first match wins. Each type names what the answering sentence must contain.
_TYPE_PATTERNS: tuple[tuple[str, str], ...] = (
    ("summary", r"\b(de que (se )?(trata|va|habla)|lo (mas importante|principal|esencial)|resum\w*|sintesis|sintetiza\w*|idea (principal|central)|"
                r"tema (principal|central)|sobre que (es|trata)|que (dice|cuenta) (el|la) (articulo|noticia|nota|texto)$|"
                r"puntos? (clave|principales)|en pocas palabras)\b"),
    ("media", r"\b(que|cuales?|en que) ((dos|tres|cuatro) )?(medios?|diarios?|periodicos?|canal(es)?|radios?|emisoras?|fuentes?)\b"
              r"|\bnombres? del? (medios?|diarios?|periodicos?|canal(es)?|radios?|emisoras?)\b"),
    ("time", r"\b(fecha|cuando|que (dia|fecha|mes|ano|año)|en que (fecha|mes|momento|ano|año|plazo|parte del? (mes|ano|año|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre))|para cuando|hasta cuando|desde cuando)\b"),
    ("place", r"\b(lugar|donde|adonde|en que (lugar|ciudad|pais|sitio)|(de )?que (lugar|ciudad|pais|paises|nacionalidad))\b"),
    ("quantity", r"\b(cuant[oa]s?|cantidad de|numero de)\b"),
    ("person", rf"\b({_ASKS_NAME}|que (persona|lider|politico|candidato|presidente)s?)\b"),
    ("list", r"\b(que (temas|areas|asuntos|materias|ambitos|sectores|campos|cuestiones|politicas|acciones|ejemplos)|"
             r"en que (temas|areas|materias|ambitos|sectores|campos|cuestiones)|cuales son|que incluye)\b"),
    ("reason", r"\b(por ?que|para que|a que se debe|motivo|razon)\b"),
    ("definition", r"^\W*(?:que|q) (?:es|son|significa|significan|quiere decir)\b|\b(?:que se entiende por|definicion de|a que se refiere)\b"),
    ("manner", r"\b(como)\b"),
)
# For each type, whole words one of which every match of its pattern contains (as \w+ runs of the folded
# text), and word beginnings that count as well ("resum…"): a pattern whose cues the question lacks cannot
# match and is not searched, which spares most of the searches on questions of no listed type.
# Keep these in step with the patterns; tests/test_analysis.py compares against searching them all.
_TYPE_CUES: dict[str, frozenset[str]] = {
    "summary": frozenset("trata va habla importante principal esencial sintesis central sobre articulo noticia nota "
                         "texto clave principales pocas".split()),
    "media": frozenset("medio medios diario diarios periodico periodicos canal canales radio radios emisora emisoras "
                       "fuente fuentes".split()),
    "time": frozenset("fecha cuando dia mes ano año momento plazo parte".split()),
    "place": frozenset("lugar donde adonde ciudad pais paises sitio nacionalidad".split()),
    "quantity": frozenset("cuanto cuanta cuantos cuantas cantidad numero".split()),
    "person": frozenset("quien quienes llama llaman nombre nombres persona personas lider liders politico politicos "
                        "candidato candidatos presidente presidentes".split()),
    "list": frozenset("temas areas asuntos materias ambitos sectores campos cuestiones politicas acciones ejemplos "
                      "cuales incluye".split()),
    "reason": frozenset("por porque para debe motivo razon".split()),
    "definition": frozenset("es son significa significan quiere entiende definicion refiere".split()),
    "manner": frozenset({"como"}),
}
_TYPE_CUE_PREFIXES: dict[str, tuple[str, ...]] = {"summary": ("resum", "sintetiza")}
_TYPE_RES = tuple(
    (name, re.compile(p), _TYPE_CUES[name], _TYPE_CUE_PREFIXES.get(name, ())) for name, p in _TYPE_PATTERNS
)
_WORD_RE = re.compile(r"\w+")
_ASKS_NAME_RE = re.compile(rf"\b({_ASKS_NAME})\b")
_CALLED_RE = re.compile(rf"\b{_CALLED}\b")
_HOW_MANY = frozenset({"cuantos", "cuantas", "cuanto", "cuanta"})
# Counted nouns that the stopword list holds ("¿cuántas veces…?").
_COUNTED_STOPWORDS = frozenset({"veces", "vez"})

# Words that point at the article itself or only frame the question; they say
# nothing about which passage answers.
_FRAME_WORDS = frozenset(
    fold(w)
    for w in (
        "artículo articulo noticia nota texto información informacion según segun dice dicen decir "
        "sección seccion secciones apartado apartados párrafo parrafo "
        "menciona mencionan mencionar cuenta contar explica explican habla hablan hablar sabemos saber "
        "qué que quién quien quiénes quienes cuándo cuando dónde donde cuánto cuanto cuántos cuantos "
        "cuánta cuánta cuántas cuantas cuál cual cuáles cuales cómo como porqué "
        "por favor dime dame decime contame cuéntame explícame puedes podrías sabes "
        "resumen resume resumir resúmeme idea principal tema trata va "
        "medio medios diario diarios periódico periódicos fecha día dia mes año ano lugar ciudad sitio "
        "persona personas motivo razón razon ocurrió ocurrio pasó paso sucedió sucedio llama llaman nombre nombres "
        # Courtesy and hedges around a question: "Quisiera saber si…", "¿Me podés decir…?", "más o menos".
        "quisiera quisiéramos querría querria gustaría gustaria saber sabés sabes podés podes puede podría podria "
        "podrían podrian decirme contarme explicarme indicarme che oye hola buenas gracias porfa aproximadamente "
        # Regional fillers: "wey", "cachai", "parce" say who is asking, not what.
        "wey güey guey cachai cachái po parce parcero pana bro chamo mae boludo boluda weon huevon "
        "aproximada aproximado aproximadas aproximados más o menos exactamente "
        # Modal hedges, like "posible" (a stopword): "este eventual viraje" is "este posible giro".
        "eventual eventuales potencial potenciales probable probables hipotético hipotética"
    ).split()
)
# Common verbs and nouns that rarely decide which passage answers; they count,
# but lightly, so a paraphrase with a different light verb is not refused.
_LIGHT_WORDS = frozenset(
    fold(w)
    for w in (
        "opina opinan opinión piensa piensan pensar considera consideran cree creen tener tiene tienen "
        "hacer hace hacen hizo dar da dan dio ir va van hay existe existen ocurre pasa sucede "
        "relación relacion respecto sobre acerca tema temas asunto asuntos cosa cosas forma manera "
        "tipo clase parte vez veces actual actualmente exactamente concretamente realmente completo completa"
    ).split()
)


# Verbs that frame a question (reporting, opinion, generic action) rather than
# name what it asks about: "¿Qué opinan los exministros sobre X?" asks about X.
_LIGHT_LEMMAS = frozenset(
    fold(w)
    for w in (
        "opinar pensar considerar creer decir hablar contar explicar interpretar valorar ver mirar "
        "tener hacer dar ir haber existir ocurrir pasar suceder usar utilizar querer pretender "
        "plantear proponer llegar poner quedar seguir tratar buscar esperar lograr conseguir traer llevar"
    ).split()
)


# Verbs that report what someone said: their subject answers "¿quién dijo…?".
REPORTING_VERBS = frozenset({
    "decir", "señalar", "afirmar", "asegurar", "sostener", "explicar", "declarar", "subrayar", "destacar",
    "resaltar", "advertir", "indicar", "manifestar", "confirmar", "anunciar", "opinar", "considerar", "admitir",
    "informar", "publicar", "reportar", "revelar", "difundir",
    "reconocer", "criticar", "denunciar", "enfatizar", "remarcar", "insistir", "aclarar", "comentar", "expresar",
})
# Verbs of opinion: "¿Qué opina X de Y?" asks what X thinks, like a reporting verb.
OPINION_VERBS = frozenset({"opinar", "pensar", "creer", "considerar", "valorar", "decir"})
# Verbs that give someone's view, said or thought: "¿Qué opina X…?", "X explicó que…".
VIEW_VERBS = REPORTING_VERBS | OPINION_VERBS


_T = TypeVar("_T")


class _once(Generic[_T]):  # used as a decorator, like property
    """A property worked out on first use and kept in the instance (functools.cached_property without
    its lock: a question is analysed and read by one request only)."""

    def __init__(self, compute: Callable[[Any], _T]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __get__(self, instance: Any, owner: type | None = None) -> _T:
        value = self.compute(instance)
        instance.__dict__[self.name] = value  # shadows this descriptor from now on
        return value


@dataclass(frozen=True)
class Question:
    """A question analysed once, used by retrieval, scope and composition."""

    text: str
    folded: str
    qtype: str
    tokens: tuple[Token, ...]
    content: tuple[Token, ...]
    light: frozenset[str]
    case_informative: bool
    inherited: int = 0  # how many of the last ``content`` tokens come from the previous turn
    type_noun: int | None = None  # index in ``content`` of the noun after "qué/cuál/cuántos", if any

    def _says(self, pattern: re.Pattern[str], qtype: str | None = None, needs: tuple[str, ...] = ()) -> bool:
        """Whether the folded question has ``pattern`` (and, if given, is of type ``qtype``). ``needs``: strings
        one of which every match of ``pattern`` contains, looked for first (``in`` costs far less than a search)."""
        return (
            (qtype is None or self.qtype == qtype)
            and (not needs or any(n in self.folded for n in needs))
            and pattern.search(self.folded) is not None
        )

    @_once
    def words(self) -> frozenset[str]:
        """The question's words, folded: what several rules test for membership, gathered once."""
        return frozenset(t.folded for t in self.tokens)

    @_once
    def yes_no(self) -> bool:
        """"¿Se realizó en Santiago?" asks whether, with no interrogative: the answer may well be "no, en…".
        An interrogative opens a question ("¿En qué ciudad…?", "Según Milei, ¿qué…?") or carries its accent
        ("Me podés decir en qué ciudad…"); an unaccented "que" further in is a conjunction ("¿Es cierto que…?")."""
        return not any(
            t.folded in _ASKING_WORDS and (i < _OPENING_WORDS or t.surface.lower() != t.folded)
            and not (t.folded == "que" and i > 0 and self.tokens[i - 1].folded in _CLAIM_WORDS)
            for i, t in enumerate(self.tokens)
        )

    @_once
    def origins(self) -> tuple[tuple[Token, str], ...]:
        """Each noun the question gives a nationality, with it: "el Gobierno chileno" → (Gobierno, chileno)."""
        if not self.nationalities and _DEMONYM_OF.keys().isdisjoint(self.words):
            return ()  # no nationality and no country named: the common case, seen at once
        found = []
        for i, tok in enumerate(self.tokens[:-1]):
            if tok.is_stop:
                continue
            nxt = self.tokens[i + 1]
            if nxt.folded.endswith("mente") and i + 2 < len(self.tokens):
                nxt = self.tokens[i + 2]  # "gobierna actualmente Chile"
            origin = nationality_of(nxt.lemma, nxt.folded)
            if origin is None and is_conjugated(tok):
                origin = _DEMONYM_OF.get(nxt.folded)  # "gobierna Chile": the Chilean government's doing
            if origin is not None:
                found.append((tok, origin))
        return tuple(found)

    @_once
    def place_country(self) -> str | None:
        """"¿En qué ciudad chilena…?", "¿En qué ciudad de Chile…?": the country the place asked for must be in."""
        if self.qtype != "place":
            return None
        for i, t in enumerate(self.tokens[:-1]):
            if t.folded in _PLACE_NOUNS:
                nxt = self.tokens[i + 1]
                origin = demonym(nxt.folded)
                if origin is not None:
                    return COUNTRIES[origin]
                if nxt.folded == "de" and i + 2 < len(self.tokens):
                    return COUNTRY_NAMES.get(self.tokens[i + 2].folded)
        return None

    @_once
    def either_or(self) -> tuple[Token, Token] | None:
        """"¿Kast es de izquierda o de derecha?": the two alternatives, one of which the answer names."""
        if "o" not in self.words and "u" not in self.words:
            return None  # no "o"/"u" at all: the common case, seen without reading the words one by one
        for i, t in enumerate(self.tokens[1:-1], start=1):
            if t.folded in ("o", "u"):
                before = self.tokens[i - 1]
                after = next((u for u in self.tokens[i + 1 : i + 4] if not u.is_stop), None)
                if not before.is_stop and after is not None and not is_verb_lemma(before.lemma):
                    return before, after
        return None

    @_once
    def asks_role(self) -> bool:
        """"¿Qué papel tiene Kast…?", "¿Qué cargo ocupa Milei?": who someone is, as "¿Quién es…?" asks."""
        return self._says(_ASKS_ROLE_RE, "fact")

    @_once
    def asks_side(self) -> bool:
        """"¿De qué signo político es la coalición…?": left or right, as if the question offered both."""
        return self._says(_ASKS_SIDE_RE, "fact", ("politic", "ideolog"))

    @_once
    def asks_name(self) -> bool:
        """"¿Quién…?", "¿Cómo se llama…?": only a name (or who did it) answers, not a description."""
        return self._says(_ASKS_NAME_RE, "person")

    @_once
    def asks_what_called(self) -> bool:
        """"¿Cómo se llaman los exministros?" asks for people's names: a newspaper's will not do."""
        return self._says(_CALLED_RE, needs=("como se llama",))

    @_once
    def asks_for_names(self) -> bool:
        """"¿Cómo se llaman…?", "¿Cuál es el nombre…?": a name answers, not a description ("exministros
        chilenos") nor a medium."""
        return self.asks_what_called or not _NAME_WORDS.isdisjoint(self.words)

    @_once
    def asks_country(self) -> bool:
        """"¿De qué país es…?", "¿De qué nacionalidad…?": a nationality answers ("el Gobierno argentino")."""
        return self._says(_ASKS_COUNTRY_RE, "place")

    @_once
    def asks_others(self) -> bool:
        """"¿Qué otros países…?", "¿En qué otro campo…?": something besides what the question names."""
        return self._says(_ASKS_OTHERS_RE, needs=("otr",))

    @_once
    def others_are_names(self) -> bool:
        """"¿Qué otros presidentes…?", "¿Qué otras ciudades…?": the others asked for are people or places, so
        only named ones answer; a list of topics does not."""
        if not self.asks_others:
            return False
        after = (self.tokens[i + 1] for i, t in enumerate(self.tokens[:-1]) if t.folded in _OTHER_WORDS)
        return any(t.lemma in PERSON_NOUNS or t.folded in PERSON_NOUNS or t.folded in _NAMED_PLACE_NOUNS
                   or t.lemma in _NAMED_PLACE_NOUNS for t in after)

    @_once
    def asks_year(self) -> bool:
        """"¿En qué año…?", "¿En qué año exacto…?": "en los próximos años" does not answer, a year does."""
        return self._says(_ASKS_YEAR_RE, "time")

    @_once
    def asks_day(self) -> bool:
        """"¿Qué día exacto…?", "¿En qué fecha exacta…?": a month or "finales de noviembre" does not answer."""
        return self._says(_ASKS_DAY_RE, "time")

    @_once
    def who_verb(self) -> Token | None:
        """"¿Quién ganó…?": the verb that says what the person asked for did (not "es", which asks who someone is)."""
        if self.qtype != "person":
            return None
        for i, t in enumerate(self.tokens[:-1]):
            if t.folded in _WHO:
                verb = _main_verb(self.tokens, self.tokens[i + 1])
                return verb if verb.folded not in _BE and is_verb_lemma(verb.lemma) else None
        return None

    @_once
    def asks_object(self) -> bool:
        """"¿A quién…?", "¿Con quiénes…?": the person asked for is the one the action reaches, not its doer."""
        return self._says(_ASKS_OBJECT_RE, "person")

    @_once
    def asks_purpose(self) -> bool:
        """"¿Para qué se usarían los recursos?" asks what something is for, not why it happened."""
        return self._says(_ASKS_PURPOSE_RE, "reason")

    @_once
    def nationalities(self) -> frozenset[str]:
        """The nationalities the question's words name ("peruano" for "peruana")."""
        return frozenset(o for t in self.tokens if (o := nationality_of(t.lemma, t.folded)) is not None)

    @_once
    def done_verbs(self) -> tuple[Token, ...]:
        """Verbs the question says were done ("firmaron", "acordó", "han firmado"): it asks about a fact, not
        about what might happen."""
        if not _DONE_RE.search(self.text):
            return ()  # no preterite ending and no "ha/han": the common case, seen at once
        found = []
        for i, t in enumerate(self.tokens):
            if t.capitalized and i > 0 or not is_conjugated(t) or t.lemma in _EMPTY_VERBS:
                continue
            surface = t.surface.lower()
            perfect = i > 0 and self.tokens[i - 1].folded in ("ha", "han", "habia", "habian") and t.folded.endswith(("ado", "ido"))
            if perfect or surface.endswith(("aron", "ieron", "ó")) and len(surface) > 2:
                found.append(t)
        return tuple(found)

    @_once
    def when_verb(self) -> Token | None:
        """"¿Cuándo asumió Milei…?": the event asked about, by its verb (clitics skipped). Not "es/fue", not a
        light verb, and not the verbs that only hold an event ("¿Cuándo se celebra el balotaje?")."""
        if self.qtype != "time":
            return None
        for i, t in enumerate(self.tokens[:-1]):
            # "¿Cuándo se reunieron…?", "¿En qué fecha se reunieron…?"
            first = i + 1 if t.folded == "cuando" else i + 2 if (
                t.folded in ("que", "cual") and self.tokens[i + 1].folded in _DATE_NOUNS) else None
            if first is not None:
                after = [v for v in self.tokens[first : first + 2] if v.folded not in _CLITICS]
                if not after:
                    break  # "¿Y en qué fecha?": no verb of its own
                verb = _main_verb(self.tokens, after[0])
                if (verb.folded in _COPULAS or verb.lemma == verb.folded
                        or not is_verb_lemma(verb.lemma) or verb.lemma in _LIGHT_LEMMAS or verb.lemma in _HOLDS_EVENT):
                    return None
                return verb
        if self.inherited:
            # "¿Y en qué fecha?" after "¿Dónde se reunieron…?": the event is the previous question's.
            return next((t for t in self.content[len(self.content) - self.inherited :]
                         if is_conjugated(t) and not t.capitalized
                         and t.lemma not in _LIGHT_LEMMAS and t.lemma not in _HOLDS_EVENT), None)
        return None

    @_once
    def counted_noun(self) -> Token | None:
        """The noun after "¿cuántos/cuántas…?" ("veces" too, though the stopword list holds it)."""
        if self.qtype != "quantity":
            return None
        noun = next((self.tokens[i + 1] for i, t in enumerate(self.tokens[:-1]) if t.folded in _HOW_MANY), None)
        if noun is None or noun.is_stop and noun.folded not in _COUNTED_STOPWORDS:
            return None
        return noun


# Verbs that, before "a"/"de" and an infinitive, only frame it: "¿Cuándo salió el Gobierno a aclarar…?"
# asks when it clarified, "¿Quién volvió a pedir…?" who asked.
_PERIPHRASTIC = frozenset({"salir", "volver", "ir", "llegar", "empezar", "comenzar", "pasar", "acabar", "terminar", "echar"})


def _main_verb(tokens: tuple[Token, ...], verb: Token) -> Token:
    """The infinitive a periphrastic verb introduces ("salió a aclarar" → "aclarar"), or the verb itself."""
    at = tokens.index(verb)
    if verb.lemma in _PERIPHRASTIC:
        for k in range(at + 1, min(at + 5, len(tokens) - 1)):
            if tokens[k].folded in ("a", "de"):
                nxt = tokens[k + 1]
                if is_verb_lemma(nxt.folded) and is_verb_lemma(nxt.lemma):  # an infinitive
                    return nxt
                break
    return verb


def question_type(folded: str) -> str:
    """The kind of answer asked for: summary, time, place, quantity, person, media, list, reason, manner or fact."""
    words = frozenset(_WORD_RE.findall(folded))
    for name, pattern, cues, prefixes in _TYPE_RES:
        if (not cues.isdisjoint(words) or prefixes and any(p in folded for p in prefixes)) and pattern.search(folded):
            return name
    return "fact"


# Chat shorthand people type ("q es", "porq", "xq"), expanded before analysis.
_SHORTHAND = {
    "q": "que", "k": "que", "qe": "que", "xq": "porque", "pq": "porque", "porq": "porque", "xk": "porque",
    "x": "por", "d": "de", "tb": "también", "tmb": "también", "vs": "frente a", "pa": "para", "dnd": "donde",
    "cdo": "cuando", "qn": "quien", "q\u00e9": "qué",
    # Abbreviations of the news ("el gob. de Milei", "el pte. argentino", "bs as").
    "gob": "gobierno", "gobno": "gobierno", "pte": "presidente", "pdte": "presidente", "pres": "presidente",
    "presi": "presidente", "bs as": "buenos aires", "bs. as": "buenos aires", "bsas": "buenos aires", "eeuu": "estados unidos",
    "ee uu": "estados unidos", "arg": "argentina", "elecc": "elecciones",
}
# An abbreviation's period goes with it ("gob."), so it does not end a sentence.
_SHORTHAND_RE = re.compile(
    r"(?<!\w)(" + "|".join(sorted(map(re.escape, _SHORTHAND), key=len, reverse=True)) + r")(?!\w)\.?", re.IGNORECASE
)


_SHORTHAND_FIRST = frozenset(key.split()[0].rstrip(".") for key in _SHORTHAND)
_LETTERS_RE = re.compile(r"[^\W\d_]+")


def expand_shorthand(text: str) -> str:
    """Replace chat abbreviations by the words they stand for."""
    if _SHORTHAND_FIRST.isdisjoint(_LETTERS_RE.findall(text.lower())):
        return text  # the common case, checked cheaply before the long alternation runs

    def expand(m: re.Match[str]) -> str:
        typed = m.group(1)
        word = _SHORTHAND.get(typed.lower(), typed)
        # Keep the user's casing: in an all-caps question, capitals say nothing about names; "Bs As" is one.
        if typed.isupper() and text.isupper():
            return word.upper()
        return word.title() if typed[:1].isupper() and " " in typed else word

    return _SHORTHAND_RE.sub(expand, text)


# The interrogatives a question starts with, as typed without accents.
_INTERROGATIVES = (
    "que", "quien", "quienes", "cual", "cuales", "cuando", "donde", "como", "cuanto", "cuanta", "cuantos", "cuantas",
    "porque",
)
_DEMONYM_OF = {fold(country): demonym for demonym, country in COUNTRIES.items()}
# Verbs that say nothing was done by themselves ("fue", "hubo", "tuvo"): not an action a question takes as done.
_EMPTY_VERBS = frozenset({"ser", "estar", "haber", "tener", "ir", "quedar", "seguir", "pasar", "ocurrir", "suceder"})
_DONE_RE = re.compile(r"(?:aron|ieron|ó)\b|\b(?:ha|han|había|habían|habia|habian)\s", re.IGNORECASE)
_ASKS_OBJECT_RE = re.compile(r"\b(?:a|al|con|para|contra) quien(?:es)?\b")
_ASKS_PURPOSE_RE = re.compile(r"\bpara que\b")
_DATE_NOUNS = frozenset({"fecha", "dia", "mes", "ano", "año", "momento"})
_COUNTRY_NOUNS = frozenset({"pais", "paises", "nacion", "naciones", "nacionalidad", "nacionalidades"})
# Nouns that ask for wording itself: the answer is what the sentence puts in quotation marks.
WORDING_NOUNS = frozenset(
    "expresion expresiones palabra palabras frase frases termino terminos adjetivo adjetivos calificativo "
    "calificativos concepto conceptos lema eslogan".split()
)
# "¿Es cierto que…?", "¿Es verdad que…?": the "que" after them introduces the claim, it asks nothing.
_NAME_WORDS = frozenset({"nombre", "nombres"})
_CLAIM_WORDS = frozenset({"cierto", "verdad", "posible", "seguro", "real", "probable"})
_OTHER_WORDS = frozenset({"otro", "otra", "otros", "otras"})
_NAMED_PLACE_NOUNS = frozenset({"ciudad", "ciudades", "capital", "capitales", "pais", "paises", "nacion", "naciones",
                                "provincia", "provincias", "localidad", "localidades"})
_PLACE_NOUNS = frozenset({"ciudad", "ciudades", "capital", "localidad", "provincia", "region", "lugar", "lugares", "sitio"})
_ASKING_WORDS = frozenset(_INTERROGATIVES) | {"adonde", "cuan"}
_OPENING_WORDS = 3
_FIRST_WORD_RE = re.compile(r"^(\W*)([^\W\d_]+)")


def _at_most_one_edit(a: str, b: str) -> bool:
    """Whether two words are equal or differ by one insertion, deletion, substitution or swap of neighbours."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k in range(len(a)) if a[k] != b[k]), len(a))
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    return a[i + 1 :] == b[i + 1 :] or (a[i + 2 :] == b[i + 2 :] and a[i : i + 2] == b[i : i + 2][::-1])


def fix_interrogative(text: str) -> str:
    """A misspelt first word that is one slip from an interrogative is that interrogative ('qien', 'kien',
    'cuadno', 'dnde'): a word Spanish does not know, where questions start, asks nothing else."""
    m = _FIRST_WORD_RE.match(text)
    if m is None or len(m.group(2)) < 3 or known_word(m.group(2)):
        return text
    typed = fold(m.group(2))
    # 'k' is how chat spells the sound of 'qu' and 'c' ("kien", "kuando").
    spellings = {typed, "qu" + typed[1:], "c" + typed[1:]} if typed[0] == "k" else {typed}
    found = next((w for w in _INTERROGATIVES if any(_at_most_one_edit(t, w) for t in spellings)), None)
    if found is None:
        return text
    if m.group(2).isupper():
        found = found.upper()
    elif m.group(2)[0].isupper():
        found = found.capitalize()
    return m.group(1) + found + text[m.end(2) :]


# Interrogatives carry an accent ("¿Cómo…?"); the same words without it are relatives or comparisons
# ("contaría como apoyo", "quienes dijeron"). That tells them apart only where the user types accents.
# (Lowercase only: a capitalised first word is the question's own interrogative.)
_RELATIVE_RE = re.compile(r"\b(como|cuando|donde|quien|quienes|cual|cuales|cuanto|cuanta|cuantos|cuantas)\b")
_ACCENTED = re.compile(r"[áéíóú]", re.IGNORECASE)


def _asks_which(tokens: tuple[Token, ...]) -> bool:
    """"¿Para qué ronda…?" asks which round, not what for: "para qué" before a noun, and no "por qué"."""
    folded = [t.folded for t in tokens]
    if any(a == "por" and b == "que" or a == "porque" for a, b in zip(folded, folded[1:] + [""])):
        return False
    for i in range(len(tokens) - 2):
        if folded[i] == "para" and folded[i + 1] == "que":
            nxt = tokens[i + 2]
            return not nxt.is_stop and not is_verb_lemma(nxt.lemma)
    return False


# Nouns frozen inside a complex preposition, with the words around them: "en materia de X", "frente a X",
# "en torno a X" only say "about X", so the noun is no more content than "sobre" is.
_COMPLEX_PREPOSITIONS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "materia": (frozenset({"en"}), frozenset({"de"})),
    "frente": (frozenset(), frozenset({"a", "al"})),
    "torno": (frozenset({"en"}), frozenset({"a", "al"})),
    "cara": (frozenset({"de"}), frozenset({"a", "al"})),
    "terminos": (frozenset({"en"}), frozenset({"de"})),
    "nivel": (frozenset({"a"}), frozenset({"de"})),
    "plano": (frozenset({"el"}), frozenset({"de"})),
    "terreno": (frozenset({"el"}), frozenset({"de"})),
    "pese": (frozenset(), frozenset({"a", "al"})),
    "pesar": (frozenset({"a"}), frozenset({"de", "del"})),
    "traves": (frozenset({"a"}), frozenset({"de", "del"})),
    "raiz": (frozenset({"a"}), frozenset({"de", "del"})),
    "partir": (frozenset({"a"}), frozenset({"de", "del"})),
    "vez": (frozenset({"en"}), frozenset({"de", "del"})),
    "cambio": (frozenset({"a"}), frozenset({"de", "del"})),
    "fin": (frozenset({"el"}), frozenset({"de", "del"})),
}
# Words before "frente" that make it a noun ("el frente a armar"), not part of "frente a".
_DETERMINERS = frozenset({"el", "un", "ese", "este", "aquel", "del", "al", "su", "nuevo"})


def _complex_preposition_nouns(tokens: tuple[Token, ...]) -> set[int]:
    """Start offsets of the nouns that only build a complex preposition ("en materia de", "frente a")."""
    found: set[int] = set()
    for i, tok in enumerate(tokens[:-1]):
        shape = _COMPLEX_PREPOSITIONS.get(tok.folded)
        if shape is None or tokens[i + 1].folded not in shape[1]:
            continue
        before, _after = shape
        previous = tokens[i - 1].folded if i > 0 else ""
        if (before and previous not in before) or (not before and previous in _DETERMINERS):
            continue
        found.add(tok.start)
    return found


def _asks_anew(tokens: tuple[Token, ...]) -> bool:
    """Whether a follow-up has its own interrogative among its first words ("¿Y qué propone?")."""
    return any(t.folded in _ASKING_WORDS for t in tokens[:_OPENING_WORDS + 1])


def _unmark_relatives(text: str) -> str:
    """The text with unaccented relatives hidden from the type patterns, if the user types accents."""
    if not _ACCENTED.search(text):
        return text
    return _RELATIVE_RE.sub(lambda m: "_" + m.group(1), text)


def analyze(text: str, history: tuple[str, ...] = ()) -> Question:
    """Analyse a question, folding in the previous turn when it is a bare follow-up."""
    clean = " ".join(normalize(text).split())
    tokens = tuple(tokenize(clean))
    if any(t.folded in _SHORTHAND_FIRST for t in tokens):  # chat shorthand ("q", "xq", "gob."): rare
        clean = " ".join(expand_shorthand(clean).split())
        tokens = tuple(tokenize(clean))
    fixed = fix_interrogative(clean)
    if fixed is not clean:
        clean, tokens = fixed, tuple(tokenize(fixed))
    folded = fold(clean)
    framing = _complex_preposition_nouns(tokens)
    content = tuple(t for t in tokens if not t.is_stop and t.folded not in _FRAME_WORDS and t.start not in framing)
    typed = _unmark_relatives(clean)
    qtype = question_type(folded if typed is clean else fold(typed))
    if qtype == "reason" and _asks_which(tokens):
        qtype = "fact"
    if qtype != "summary" and _asks_for_gist(tokens, content, folded):
        qtype = "summary"
    inherited = 0
    if history and _is_follow_up(folded, content):
        previous = analyze(history[-1], history[:-1])
        own = {t.stem for t in content}
        carried = tuple(t for t in previous.content if t.stem not in own)
        refers_back = _REFERS_BACK_RE.search(folded) is not None
        if not refers_back and any(t.capitalized and t is not tokens[0] for t in content):
            # "¿Y a Kast?" after "¿Qué medios entrevistaron a los exministros?": the new name takes the
            # place of the old participants, so only the previous question's verbs carry over.
            carried = tuple(t for t in carried if is_verb_lemma(t.lemma) and not t.capitalized)
        content = content + carried
        inherited = len(carried)
        if qtype == "fact" and len(content) - inherited <= 1 and not _asks_anew(tokens):
            # "¿Y Kast?" asks what the previous question asked; "¿Y de qué hablaron?" asks its own "qué".
            qtype = previous.qtype
    # Capitals tell names apart only when the user typed in mixed case.
    case_informative = clean.upper() != clean and any(t.capitalized for t in tokens[1:])
    light = frozenset(t.folded for t in content if t.folded in _LIGHT_WORDS or t.lemma in _LIGHT_LEMMAS)
    type_noun = _type_noun(tokens, content)
    if qtype == "place" and type_noun is not None and content[type_noun].folded in _COUNTRY_NOUNS:
        # "¿De qué país es Kast?" asks for a country's name: the word "país" itself is rarely beside it.
        light |= {content[type_noun].folded}
    return Question(clean, folded, qtype, tokens, content, light, case_informative, inherited, type_noun)


# Words that name the document itself, and words that only ask for its gist.
_DOC_WORDS = frozenset(fold(w) for w in "artículo noticia nota texto crónica reportaje información resumen tldr".split())
_GIST_WORDS = frozenset(
    fold(w) for w in (
        "mensaje relevante importante central principal principales clave tema temas pasa ocurre explica "
        "explícame cuéntame cuenta dice trata general breve corto rápido lo más"
    ).split()
)


_MAIN_WORDS = frozenset({"principal", "central", "clave", "esencial"})


def _asks_for_gist(tokens: tuple[Token, ...], content: tuple[Token, ...], folded: str) -> bool:
    """'¿Qué cuenta la noticia?', 'explícame el artículo', 'tl;dr': about the document, nothing more specific."""
    if "tl;dr" in folded:
        return True
    if not all(t.folded in _GIST_WORDS or t.folded in _DOC_WORDS for t in content):
        return any(t.folded == "tldr" for t in tokens)  # the common case: a word more specific than the gist
    words = {t.folded for t in tokens}
    return "tldr" in words or bool(words & (_DOC_WORDS | _MAIN_WORDS))


_WH = frozenset({"que", "cual", "cuales", "cuanto", "cuanta", "cuantos", "cuantas"})
# The few adjectives Spanish puts before the noun ("la segunda vuelta", "una enorme oportunidad").
PRENOMINAL = frozenset(
    "primer primera primeros primeras primero segundo segunda segundos segundas tercer tercera ultimo ultima "
    "ultimos ultimas nuevo nueva nuevos nuevas posible posibles gran grandes enorme enormes proximo proxima "
    "proximos proximas eventual principal principales mismo misma".split()
)
_WHO = frozenset({"quien", "quienes"})
_CLITICS = frozenset({"se", "le", "les", "lo", "la", "los", "las", "me", "te", "nos"})
# Verbs that only say an event takes place: the event noun says what is asked.
_HOLDS_EVENT = frozenset({"celebrar", "efectuar", "disputar", "desarrollar", "votar", "definir", "realizar", "producir"})
# "¿Cuál fue el titular…?" asks for a headline, as "¿Quién es el ministro…?" asks for a minister.
_WHO_WHICH = _WHO | {"cual", "cuales"}
_BE = frozenset({"es", "son", "fue", "fueron", "era", "eran", "sera", "seran", "seria", "serian"})
_COPULAS = _BE | {"esta", "estan", "estaba", "estuvo"}  # "¿Cuándo está prevista…?" asks about the event, not "estar"
_DEFINITE = frozenset({"el", "la", "los", "las"})
_ASKS_COUNTRY_RE = re.compile(r"\bque (?:pais|paises|nacionalidad|nacionalidades)\b")
_ASKS_OTHERS_RE = re.compile(r"\b(?:que|cual|cuales)\s+otr[oa]s?\b")
_ASKS_ROLE_RE = re.compile(r"^\W*(?:y |e )?(?:que|cual es el) (?:papel|cargo|rol|funcion|puesto) (?:tiene|ocupa|cumple|desempena|desempeña|juega|es)\b")
_ASKS_SIDE_RE = re.compile(r"\b(?:signo|orientacion|tendencia|color|espectro|linea) (?:politic|ideologic)[oa]s?\b|\bque ideologia\b")
_ASKS_YEAR_RE = re.compile(r"\b(?:que|cual|en que) (?:ano|año)\b|\b(?:ano|año) (?:exact|precis)[oa]\b")
_ASKS_DAY_RE = re.compile(r"\b(?:que|cual|en que) dia\b|\b(?:dia|fecha) (?:exact|precis)[oa]\b")
_CALLED_WORDS = (["como", "se", "llama"], ["como", "se", "llaman"])


# Nouns that only classify ("qué tipo de viajes"): the kind asked for is the noun after "de".
_CLASSIFIERS = frozenset({"tipo", "tipos", "clase", "clases", "especie", "genero", "suerte", "forma", "formas"})
# Nouns that ask for a description, not for a thing of some kind: "¿Qué alcance tendría…?",
# "¿Con qué actitud…?", "¿Qué papel tiene…?". The answer is whatever the sentence says, so the
# article need not use the noun itself. A closed class of Spanish, written out like the stopwords.
_DESCRIPTIVE_NOUNS = frozenset(
    fold(w)
    for w in (
        "tipo tipos clase clases forma formas manera maneras modo modos actitud actitudes alcance alcances "
        "papel rol roles cargo cargos puesto puestos funcion funciones postura posturas posicion posiciones "
        "opinion opiniones vision punto puntos aspecto aspectos cuestion cuestiones asunto asuntos tema temas "
        "campo campos ambito ambitos area areas terreno terrenos sector sectores espacio espacios instancia "
        "instancias etapa etapas fase fases nivel niveles grado medida medidas objetivo objetivos meta metas "
        "fin fines proposito propositos finalidad intencion intenciones sentido significado caracter "
        "naturaleza signo tono enfoque perspectiva perspectivas impacto efecto efectos consecuencia "
        "consecuencias importancia rasgo rasgos caracteristica caracteristicas bandera banderas eje ejes "
        "linea lineas prioridad prioridades idea ideas propuesta propuestas planteo estrategia estrategias "
        "situacion panorama estado condicion condiciones razon razones motivo motivos causa causas "
        "ejemplo ejemplos caso casos"
    ).split()
)


_COUNT_WORDS = frozenset("dos tres cuatro cinco seis siete ocho nueve diez".split())


def _type_noun(tokens: tuple[Token, ...], content: tuple[Token, ...]) -> int | None:
    """The noun right after an interrogative ("¿Qué hotel…?"): the kind of thing the answer must be.

    A verb there ("¿Qué opinó…?") names no kind; a classifier ("¿Qué tipo de
    viajes…?") hands the role to the noun it classifies.
    """
    folded = [t.folded for t in tokens]
    for i, tok in enumerate(tokens[:-1]):
        # "¿Quién es el ministro…?", "¿Cómo se llama el canciller…?" ask for a minister, a chancellor:
        # the noun after the article is the kind.
        lead = 2 if tok.folded in _WHO_WHICH and folded[i + 1] in _BE else 3 if folded[i : i + 3] in _CALLED_WORDS else 0
        if lead and i + lead + 1 < len(tokens) and folded[i + lead] in _DEFINITE:
            k = i + lead + 1
            if folded[k] in PRENOMINAL and k + 1 < len(tokens):
                k += 1  # "¿Cuál es el primer ejemplo…?" asks for an example
            nxt = tokens[k]
            if nxt.folded in _DESCRIPTIVE_NOUNS:
                return None
            return next((j for j, c in enumerate(content) if c.start == nxt.start), None)
        if tok.folded in _WH:
            k = i + 1
            if tokens[k].folded in _CLASSIFIERS and k + 2 < len(tokens) and tokens[k + 1].folded == "de":
                k += 2
            elif tokens[k].folded in _CLASSIFIERS and k + 3 < len(tokens) and folded[k + 1] in _BE and folded[k + 2] in _DEFINITE:
                k += 3  # "¿De qué tipo son las colaboraciones…?" classifies "colaboraciones"
            if (tokens[k].folded in _COUNT_WORDS or tokens[k].surface.isdigit()) and k + 1 < len(tokens):
                k += 1  # "¿Qué dos países…?" asks for countries, two of them
            nxt = tokens[k]
            if is_conjugated(nxt) or nxt.folded in _DESCRIPTIVE_NOUNS:
                return None
            for j, c in enumerate(content):
                if c.start == nxt.start:
                    return j
            return None
    return None


# Words pointing back at what was said before ("eso", "esa instancia"), and at a place already named.
_REFERS_BACK_RE = re.compile(r"\b(eso|esto|ello|ese|esa|esos|esas|aquel|aquella)\b")
_THERE_RE = re.compile(r"\b(alli|ahi)\b")
_STARTS_RE = re.compile(r"^\W*(y|e|pero|entonces|ademas|tambien|o sea)\b")
_PRONOUN_RE = re.compile(r"\b(lo|la|le|les|los|las)\b")


def _is_follow_up(folded: str, content: tuple[Token, ...]) -> bool:
    """A follow-up leans on the previous turn: '¿Y dónde fue?', 'y eso cuándo', '¿Y Kast llega a esa instancia?'."""
    starts = _STARTS_RE.match(folded) is not None
    demonstrative = _REFERS_BACK_RE.search(folded) is not None or _THERE_RE.search(folded) is not None
    pronoun = _PRONOUN_RE.search(folded) is not None
    return len(content) <= 1 or ((starts or demonstrative) and len(content) <= 4) or (pronoun and len(content) <= 2)