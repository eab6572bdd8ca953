"""Write the Spanish answer a person reads: the fact first, then what the article says."""

from __future__ import annotations

import re

from .analysis import COUNTRIES, demonym, fold, known_word, stopwords
from .extract import list_items

_COUNTS = ("uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez")

def refusal(titles: list[str]) -> str:
    """The polite refusal, naming what the service can talk about."""
    about = " y ".join(f"«{t}»" for t in titles)
    return (
        "Lo siento, el artículo no responde a esa pregunta. Solo puedo contestar con lo que cuenta "
        f"la noticia {about}."
    )
NO_CONTENT = (
    "No he entendido la pregunta: no tiene palabras que pueda buscar en el artículo. "
    "Pruebe, por ejemplo, con «¿De qué trata el artículo?»."
)
_PREPOSITIONS = ("en ", "a ", "hacia ", "desde ", "hasta ", "para ", "el ", "la ")


def _lower_first(text: str) -> str:
    """Lowercase the first word unless it is a name ('El Gobierno' → 'el Gobierno', 'Ambos' → 'ambos', 'Milei' stays)."""
    first = text.split(" ", 1)[0].strip("“\"¿¡")
    if fold(first) in stopwords() or (first[1:].islower() and known_word(first)):
        return text[:1].lower() + text[1:]
    return text


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def reported(sentence: str) -> str:
    """'Según el artículo, …' around a verbatim sentence, avoiding a doubled 'según'."""
    if fold(sentence.split(" ", 1)[0]) == "segun":
        return f"El artículo recoge lo siguiente: {sentence}"
    return f"Según el artículo, {_lower_first(sentence)}"


def fact_answer(qtype: str, fact: str, sentence: str) -> str:
    """A short, direct answer stating the fact; the quote beside it gives the context."""
    phrase = fact.strip().rstrip(".,;")
    nationality = demonym(phrase) if qtype == "place" else None
    if nationality:
        # "¿De qué país es el Gobierno?" — "argentino" in the quote, the country in the answer.
        return f"{COUNTRIES[nationality]} ({phrase}, según el artículo)."
    if qtype == "place" and not fold(phrase).startswith(_PREPOSITIONS):
        phrase = f"en {phrase}"
    if qtype in ("reason", "definition"):
        return reported(sentence)
    if qtype == "quantity" and not re.match(rf"\d|({'|'.join(_COUNTS)})\b", fold(phrase)):
        # An enumeration answers "¿cuántos?" by its length: "Tres: comercio, energía y defensa".
        items = list_items(phrase)
        if 1 < len(items) <= len(_COUNTS):
            return f"{_COUNTS[len(items) - 1].capitalize()}: {phrase}, según el artículo."
    return f"{_capitalize(phrase)}, según el artículo."


_LED_RE = re.compile(r"(?P<what>.+?),\s+(?P<verb>[a-záéíóúñ]+?)(?P<ending>ado|ido|ada|ida)s?\s+por\s+.+")


def role_answer(description: str) -> str:
    """Who someone is, from the description found for them. "El Gobierno argentino, encabezado por Javier
    Milei" says it in the passive; the reply turns it round: "Encabeza el Gobierno argentino"."""
    m = _LED_RE.fullmatch(description.strip())
    if m is None:
        return fact_answer("person", description, "")
    # encabezado → encabeza, presidido → preside, dirigido → dirige.
    verb = m["verb"] + ("a" if m["ending"].startswith("a") else "e")
    return f"{_capitalize(verb)} {_lower_first(m['what'])}, según el artículo."


def denial(body: str) -> str:
    """A reply to "¿…?" that the quoted sentence denies: the "no" first."""
    return f"No. {body}"


def plain_answer(sentence: str) -> str:
    """An answer for questions without a single short fact: the sentence, reported."""
    return reported(sentence)


def section_answer(section: str, sentence: str) -> str:
    """An answer about a whole section: its heading and its opening sentence."""
    return f"El apartado «{section}» empieza así: {sentence}"


def summary_answer(lead: str, headings: list[str]) -> str:
    """A summary from the lead and the section headings."""
    text = f"El artículo cuenta que {_lower_first(lead)}"
    if headings:
        topics = "; ".join(headings)
        text += f" Después trata estos apartados: {topics}."
    return text


def with_article(noun_phrase: str) -> str:
    """'Decisión del Gobierno' → 'la decisión del Gobierno': a definite article by the head noun's likely gender."""
    head, _, rest = noun_phrase.partition(" ")
    word = fold(head)
    if word.endswith(("as",)):
        article = "las"
    elif word.endswith(("os", "es")):
        article = "los"
    elif word.endswith(("a", "ion", "dad", "tad", "tud", "umbre", "is")):
        article = "la"
    else:
        article = "el"
    phrase = (head[:1].lower() + head[1:]) if head[1:].islower() or len(head) == 1 else head
    return f"{article} {phrase} {rest}".strip()
