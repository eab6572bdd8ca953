"""Spanish text analysis shared by the index and the questions.

One analyser serves documents and questions alike, and its settings are
recorded in the saved index so a mismatch is detected rather than guessed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

import simplemma
from nltk.stem.snowball import SnowballStemmer
from stop_words import get_stop_words

ANALYZER_VERSION = "es-snowball-fold-5"

# Words the ``stop-words`` package lists as stopwords but which carry content
# in questions about news ("segunda vuelta", "en qué lugar", "nueva
# prioridad"). Removing them would erase the focus of real questions.
_CONTENT_WORDS_KEPT = frozenset(
    {
        "segunda", "segundo", "primera", "primer", "primero", "tercera",
        "lugar", "tiempo", "nueva", "nuevo", "nuevas", "nuevos", "fuerza",
        "trabajo", "trabaja", "trabajar", "estado", "estados", "gran",
        "grandes", "mayor", "mejor", "dos", "tres", "cuatro", "cinco",
        "seis", "siete", "ocho", "ejemplo", "cuenta", "sentido", "lado",
        "contra", "sin", "no", "ex", "momento", "partir", "fin", "ambos",
        "explicó", "afirmó", "señaló", "dijo", "comentó", "informó",
    }
)

_TOKEN_RE = re.compile(r"\w+(?:[.'’]\w+)*", re.UNICODE)


# Combining marks of the Latin block, except the tilde of ñ; marks elsewhere take the general path.
_LATIN_MARKS = re.compile(r"(?<!n)\u0303|[\u0300-\u0302\u0304-\u036f]")
_BEYOND_LATIN_MARKS = re.compile(r"[^\x00-\u036f]")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.lower())
    if not any(unicodedata.category(ch) == "Mn" for ch in _BEYOND_LATIN_MARKS.findall(decomposed)):
        return unicodedata.normalize("NFC", _LATIN_MARKS.sub("", decomposed))
    out: list[str] = []
    for i, ch in enumerate(decomposed):
        if unicodedata.category(ch) == "Mn":
            # Keep the tilde of ñ: 'año' and 'ano' are different words.
            if ch == "\u0303" and i > 0 and decomposed[i - 1] == "n":
                out.append(ch)
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


_fold_word = lru_cache(maxsize=65536)(_fold)


def fold(text: str) -> str:
    """Lowercase and strip accents (keeping ñ), so 'Reunió' and 'reunio' meet.

    Single words are remembered (like the stemmer's results); whole questions are not, but are folded
    word by word from that memo (the same result: folding never looks across a space).
    """
    return " ".join(map(_fold_word, text.split(" "))) if " " in text else _fold_word(text)


def normalize(text: str) -> str:
    """NFC-normalise and replace control and odd spacing characters by spaces."""
    text = unicodedata.normalize("NFC", text)
    if text.isprintable():  # no control, format or odd spacing characters: the common case, fast
        return text
    return "".join(
        " " if (unicodedata.category(ch)[0] in "CZ" and ch != " ") else ch for ch in text
    )


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Spanish stopwords from the ``stop-words`` package, folded, minus content words."""
    kept = {fold(w) for w in _CONTENT_WORDS_KEPT}
    return frozenset(fold(w) for w in get_stop_words("spanish") if fold(w) not in kept)


class Token(NamedTuple):
    """One word of a text with its analysed forms and where it stands (a tuple: cheap to build)."""

    surface: str
    start: int
    end: int
    folded: str
    stem: str
    lemma: str
    is_stop: bool
    capitalized: bool


_stemmer = SnowballStemmer("spanish")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Stem the lowercased word *before* folding accents, then fold the stem.

    The Snowball rules look at accented suffixes ('-ción', '-ó'), so folding
    first would damage stems; folding after makes accentless input meet.
    """
    return fold(_stemmer.stem(word.lower()))


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """Dictionary form from simplemma's Spanish tables, folded; an infinitive with a clitic the tables miss
    ("darle", "darles") gives the infinitive."""
    lower = word.lower()
    found = simplemma.lemmatize(lower, lang="es")
    if found == lower and (base := _clitic_base(lower, ("ar", "er", "ir"))) is not None:
        return fold(base)
    return fold(found)


_ACCENTED = {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú"}
_CLITICS = ("selo", "sela", "selos", "selas", "se", "le", "les", "lo", "la", "los", "las", "me", "te", "nos")


def _clitic_base(lower: str, endings: tuple[str, ...]) -> str | None:
    """The verb form before an attached clitic ("darle" → "dar", "firmarse" → "firmar"), if it ends in one of
    ``endings``; else None."""
    for clitic in _CLITICS:
        base = lower[: -len(clitic)]
        if lower.endswith(clitic) and len(base) >= 3 and base.endswith(endings):
            return base
    return None


@lru_cache(maxsize=65536)
def known_word(word: str) -> bool:
    """Whether Spanish knows the word, allowing for missing accents and attached clitics ('firmarse', 'inflacion')."""
    lower = word.lower()
    if simplemma.is_known(word, lang="es") or simplemma.is_known(lower, lang="es"):
        return True
    if _clitic_base(lower, ("ar", "er", "ir", "ndo")) is not None:
        return True
    # Users drop accents: 'inflacion' is 'inflación'.
    for i, ch in enumerate(lower):
        if ch in _ACCENTED and simplemma.is_known(lower[:i] + _ACCENTED[ch] + lower[i + 1 :], lang="es"):
            return True
    return False


# Nationality adjectives of the Americas and Europe (masculine singular, folded) and their countries: a
# closed class of Spanish, like the stopwords. Two different ones on the same noun name different things.
COUNTRIES = {
    "argentino": "Argentina", "chileno": "Chile", "peruano": "Perú", "boliviano": "Bolivia", "uruguayo": "Uruguay",
    "paraguayo": "Paraguay", "brasileño": "Brasil", "mexicano": "México", "colombiano": "Colombia",
    "venezolano": "Venezuela", "ecuatoriano": "Ecuador", "cubano": "Cuba", "panameño": "Panamá",
    "costarricense": "Costa Rica", "guatemalteco": "Guatemala", "hondureño": "Honduras", "salvadoreño": "El Salvador",
    "nicaraguense": "Nicaragua", "dominicano": "República Dominicana", "puertorriqueño": "Puerto Rico",
    "estadounidense": "Estados Unidos", "canadiense": "Canadá", "español": "España", "frances": "Francia",
    "italiano": "Italia", "aleman": "Alemania", "britanico": "Reino Unido", "ingles": "Inglaterra",
    "portugues": "Portugal", "ruso": "Rusia", "chino": "China", "japones": "Japón",
    "europeo": "Europa", "latinoamericano": "América Latina", "sudamericano": "Sudamérica",
}
DEMONYMS = frozenset(COUNTRIES)
# Capitals and the countries they are in (folded): "Buenos Aires" is no Chilean city.
CAPITALS = {
    "buenos aires": "Argentina", "santiago": "Chile", "santiago de chile": "Chile", "lima": "Perú", "la paz": "Bolivia",
    "montevideo": "Uruguay", "asuncion": "Paraguay", "brasilia": "Brasil", "ciudad de mexico": "México",
    "bogota": "Colombia", "caracas": "Venezuela", "quito": "Ecuador", "la habana": "Cuba", "washington": "Estados Unidos",
    "madrid": "España", "paris": "Francia", "roma": "Italia", "berlin": "Alemania", "londres": "Reino Unido",
    "lisboa": "Portugal", "moscu": "Rusia", "pekin": "China", "tokio": "Japón",
}


COUNTRY_NAMES = {fold(c): c for c in COUNTRIES.values()}


def country_of(place: str) -> str | None:
    """The country a place is or is in, as far as the tables know ("Chile" → Chile, "Buenos Aires" → Argentina)."""
    folded = fold(place)
    return COUNTRY_NAMES.get(folded) or CAPITALS.get(folded)


@lru_cache(maxsize=8192)
def demonym(word: str) -> str | None:
    """The nationality a word names, as its folded masculine singular ('chilenas' → 'chileno'), or None."""
    form = fold(word)
    # chileno, chilenas → chileno; española, españoles → español; francesa, franceses → frances.
    single = form.removesuffix("s")
    for base in (form, single, single[:-1] + "o", single[:-1], form.removesuffix("es")):
        if base in DEMONYMS:
            return base
    return None


def nationality(token: Token) -> str | None:
    """The nationality a word names, read from its lemma or its folded form ('chilenas' → 'chileno')."""
    return nationality_of(token.lemma, token.folded)


@lru_cache(maxsize=65536)
def nationality_of(lemma_: str, folded: str) -> str | None:
    """The nationality a word of that lemma and folded form names, remembered: one look-up instead of two."""
    return demonym(lemma_) or demonym(folded)


# The months, in order: time expressions are read with them, and a question dated to one needs it.
MONTHS = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre",
    "octubre", "noviembre", "diciembre",
)


def is_verb_lemma(dictionary_form: str) -> bool:
    """Whether a lemma looks like a Spanish infinitive (-ar, -er, -ir): a verb, without a tagger."""
    return dictionary_form.endswith(("ar", "er", "ir"))


def is_conjugated(token: Token) -> bool:
    """A conjugated verb ("gobierna", "firmaron"): its lemma is an infinitive the word itself is not."""
    return is_verb_lemma(token.lemma) and token.lemma != token.folded


@lru_cache(maxsize=65536)
def _word_forms(surface: str) -> tuple[str, str, str, bool, bool, bool]:
    """(folded, stem, lemma, is a stopword, capitalised, may start a name) of a word, once per spelling."""
    folded = fold(surface)
    capitalized = surface[:1].isupper()
    return folded, stem(surface), lemma(surface), folded in stopwords(), capitalized, capitalized and len(surface) > 3


def tokenize(text: str) -> list[Token]:
    """Split text into word tokens with offsets into ``text``."""
    tokens: list[Token] = []
    make = tuple.__new__  # a named tuple from a plain one, without the constructor's keyword handling
    # In mixed-case text a capitalised word inside a sentence belongs to a
    # name ("Buenos Aires"), so it is kept even if it is a stopword.
    mixed_case = not text.isupper()
    end = 0
    # findall and str.find are cheaper than match objects. A word starts with a word character and what
    # lies between two words has none, so the next occurrence of a word is where the pattern found it.
    for surface in _TOKEN_RE.findall(text):
        start = text.find(surface, end)
        end = start + len(surface)
        folded, stemmed, lemmatized, stop, capitalized, name_like = _word_forms(surface)
        if stop and mixed_case and name_like and start > 0:
            j = start - 1
            while j >= 0 and text[j].isspace():
                j -= 1
            stop = j < 0 or text[j] in ".!?¿¡"
        tokens.append(make(Token, (surface, start, end, folded, stemmed, lemmatized, stop, capitalized)))
    return tokens


def terms(text: str) -> list[str]:
    """The index terms of a text: stems of its non-stopword tokens."""
    return [t.stem for t in tokenize(text) if not t.is_stop]


def settings() -> dict[str, object]:
    """What the analyser is, recorded in the index to detect mismatches."""
    return {
        "version": ANALYZER_VERSION,
        "stemmer": "nltk-snowball-spanish",
        "lemmatizer": f"simplemma-{simplemma.__version__}" if hasattr(simplemma, "__version__") else "simplemma",
        "stopwords": "stop-words:spanish",
        "stopword_count": len(stopwords()),
        "fold": "nfd-strip-marks-keep-enye",
    }
