"""The rules that refuse a question whatever the model says: each names one way a question can reuse the
article's words and still ask what it does not say.

:func:`question_rule` reads the question and its matches alone (checked before any ranking);
:func:`sentence_rule` reads the sentence chosen to answer. Each rule is general (a closed class of Spanish, a
reading of the article's own words), never a list of questions; each has its test in tests/test_answers.py.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .analysis import COUNTRIES, MONTHS, Token, fold, is_conjugated, is_verb_lemma, known_word, nationality, stem
from .extract import WEB_SUFFIX_RE
from .matching import EXACT, PAIR, PERSON_NOUNS, TYPO, TermMatch, Vocabulary
from .question import VIEW_VERBS, WORDING_NOUNS, Question
from .retrieve import GLOSSARY, Candidate

_DIGIT = re.compile(r"\d")


def _looks_like_name(question: Question, m: TermMatch) -> bool:
    """Numbers, capitalised words inside a mixed-case question, and words Spanish does not know ('boric')."""
    tok = m.token
    if not tok.surface.isalpha() and _DIGIT.search(tok.surface):  # (a word of letters alone has no digit)
        return True
    if not m.stems and len(tok.folded) > 2 and not known_word(tok.surface):
        return True
    return question.case_informative and tok.capitalized and tok is not question.tokens[0]


def is_verb_match(m: TermMatch) -> bool:
    """A conjugated or infinitive verb, judged by its lemma's ending (no tagger needed)."""
    return is_verb_lemma(m.token.lemma) and len(m.token.lemma) > 3


def missing_names(question: Question, matches: list[TermMatch], vocab: Vocabulary) -> int:
    """Names and numbers the question gives that the article never mentions as such."""
    count = 0
    for m in matches:
        if not _looks_like_name(question, m) or (m.via_glossary and m.stems):
            continue
        named = [s for s, strength in m.stems.items() if strength >= TYPO and vocab.terms[s].capitalized]
        exact_number = _DIGIT.search(m.token.surface) and any(
            strength >= EXACT for strength in m.stems.values()
        )
        if not named and not exact_number:
            count += 1
    return count


def question_rule(
    question: Question, matches: list[TermMatch], missing: int, owners: dict[str, frozenset[str]] | None = None,
    protagonists: frozenset[str] = frozenset(), article: str = "", denied: frozenset[str] = frozenset(),
) -> str | None:
    """The rules that read the question and its matches alone, checked before any sentence is ranked:

    - unknown_name: a name or number the article never mentions means the question is about something
      else, however well the rest matches ("¿Qué publicó El Mercurio sobre la reunión?");
    - unknown_kind: "¿En qué hotel…?" asks for a hotel, and the article never mentions one;
    - unknown_topic: "¿Qué acuerdos en materia de salud…?" narrows to a field the article never mentions;
    - other_owner: "¿Qué confirmó el gobierno de Kast…?" where the article only has "el gobierno de Milei"
      (``owners``: whose each noun is in the article, from :attr:`Retriever.owners`);
    - unknown_term: "¿Qué significa la palabra democracia?" asks to define a word the article never uses;
    - other_period: "¿Apoyó Milei a otros candidatos en el pasado?" asks about a time the article (``article``,
      its folded text) never speaks of;
    - unknown_origin: "¿Qué candidato peruano…?", "¿En qué radio uruguaya…?" name a nationality whose people
      and country the article never mentions, like an unknown name;
    - only_denied: "¿Qué comunicado emitió el gobierno…?" where the article only says "no emitirá"
      (``denied``: the stems the article only ever uses denied, :attr:`Vocabulary.only_denied`).

    What they refuse is refused whatever sentence would rank first. ``missing`` is :func:`missing_names`."""
    if missing > 0:
        return "unknown_name"
    if unknown_kind(question, matches):
        return "unknown_kind"
    if unknown_topic(question, matches):
        return "unknown_topic"
    if owners and other_owner(question, matches, owners, protagonists):
        return "other_owner"
    if unknown_term(question, matches):
        return "unknown_term"
    if article and other_period(question, article):
        return "other_period"
    if article and unknown_origin(question, article):
        return "unknown_origin"
    if denied and only_denied(question, matches, denied):
        return "only_denied"
    return None


def sentence_rule(
    question: Question, matches: list[TermMatch], best: Candidate, vocab: Vocabulary, feats: dict[str, float],
    speaker_names: set[str] | None, protagonists: frozenset[str] = frozenset(), lists_others: bool = False,
    media: frozenset[str] = frozenset(),
) -> str | None:
    """The rule that refuses the question whatever the model says, or None. These rules read the sentence;
    the ones that read the question alone (unknown_name, unknown_kind, unknown_topic…) are
    :func:`question_rule`'s, checked before. In order:

    - fact_missing: "¿cuándo…?" needs a time expression, "¿cuántos…?" a number or a countable list,
      "¿quién…?" / "¿cómo se llama…?" a name or the subject of what the question asks, and "¿en qué
      ciudad chilena…?" a place in that country;
    - action_missing: "¿Quién ganó…?" needs a sentence that says (in some wording) that someone won, and
      "¿Cuándo asumió…?" one that says someone took office;
    - other_origin: "¿Qué exministro argentino…?" where the sentence says "exministros chilenos";
    - other_modifier: "¿Cuándo fue la primera vuelta?" where the sentence says "la segunda vuelta";
    - other_protagonist: "¿Qué medidas aplicó Milei…?" where the sentence names Kast, and not Milei;
    - nothing_else: "¿Qué otros países…?" needs a sentence listing something besides what the question
      names (``lists_others``, worked out by the pipeline from the sentence's enumerations);
    - other_time: "¿Qué acuerdo firmaron en octubre?" needs a sentence that says October, and an event the
      article dates to another month is not dated by it;
    - only_possible: "¿Qué acuerdos firmaron…?" where the sentence only says agreements "podrían" come;
    - other_place: "¿Qué abordaron en su reunión en Santiago?" where the sentence places it in Buenos Aires;
    - other_medium: "¿Qué dijeron los exministros en su entrevista a Ámbito?" where the sentence names
      other media (``media``: the names the article introduces as media) and not that one;
    - speaker_missing: "¿Qué opina Milei de la izquierda chilena?" needs a sentence giving Milei's view.
    """
    if feats["fact_missing"] > 0 and (question.qtype in FACT_REQUIRED_TYPES or question.asks_name or question.place_country):
        return "fact_missing"
    if action_missing(question, matches, best, vocab):
        return "action_missing"
    if conflicting_origin(question, best, vocab):
        return "other_origin"
    if contrasting_modifier(question, best, vocab):
        return "other_modifier"
    if other_protagonist(question, matches, best, vocab, protagonists):
        return "other_protagonist"
    if question.asks_others and not lists_others:
        return "nothing_else"
    if month_missing(question, best, vocab, matches):
        return "other_time"
    if only_possible(question, matches, best, vocab):
        return "only_possible"
    if only_defined(question, best, vocab):
        return "only_defined"
    if other_place(question, best, vocab):
        return "other_place"
    if other_medium(question, best, vocab, media):
        return "other_medium"
    if speaker_names and not gives_view_of(speaker_names, best.sentence, vocab, media, protagonists):
        return "speaker_missing"
    return None


FACT_REQUIRED_TYPES = frozenset({"time", "quantity"})
# How surely the sentence must say what "¿Quién ganó…?" asks about: at least a loose equivalent.
ACTION_COVERAGE = 0.5


# Nouns that report what someone declared: "En declaraciones públicas… confirmó" says someone spoke.
_REPORTING_NOUNS = frozenset({"declaracion", "comunicado", "anuncio", "entrevista"})


def action_missing(question: Question, matches: list[TermMatch], best: Candidate, vocab: Vocabulary) -> bool:
    """"¿Quién ganó la segunda vuelta?": a name in a sentence that does not say anyone won is no answer;
    "¿Cuándo asumió Milei la presidencia?": a date in a sentence that does not say he took office, neither.
    A verb of saying ("¿Cuándo aclaró…?") is said, in some words, by any sentence reporting a declaration."""
    if question.qtype not in ("person", "time"):
        return False  # who_verb and when_verb are for these types only
    verb = question.who_verb or question.when_verb
    if verb is None:
        return False
    if verb.lemma in VIEW_VERBS and any(
        t.lemma in VIEW_VERBS or t.lemma in _REPORTING_NOUNS for t in vocab.sentence_tokens[best.sentence]
    ):
        return False
    return any(m.token is verb and covered < ACTION_COVERAGE for m, covered in zip(matches, best.covered))
# Types whose kind noun is read by a fact extractor instead ("¿en qué mes…?" wants a date).
KIND_CHECKED_TYPES = frozenset({"fact", "list", "quantity", "person"})
# How surely the kind noun must meet the article: a glossary equivalent or better.
KIND_STRENGTH = GLOSSARY


def unknown_kind(question: Question, matches: list[TermMatch]) -> bool:
    """The noun naming what the answer must be is nowhere in the article, in any form or equivalent.

    A look-alike ("estadio" ~ "estado", a shared beginning) or a loose thesaurus sense is not that noun.
    """
    if question.type_noun is None or question.qtype not in KIND_CHECKED_TYPES:
        return False
    if question.content[question.type_noun].folded in WORDING_NOUNS:
        return False  # "¿Qué adjetivo usaron…?" asks for the article's wording, which any quotation gives
    start = question.content[question.type_noun].start
    return any(m.token.start == start and max(m.stems.values(), default=0.0) < KIND_STRENGTH for m in matches)


# Words that end the speaker's name and start the topic: "¿Qué dijo Milei | sobre Kast?".
_TOPIC_START = frozenset({"sobre", "de", "del", "acerca", "respecto", "en", "a", "al", "con", "para", "por", "que"})


UNKNOWN_SPEAKER = "\u2047"  # stands for a speaker the article never mentions; no article word has it as stem
_TO_US = frozenset({"me", "nos"})
_TELL_US = frozenset({"dime", "decime", "decirme", "decinos", "contame", "cuentame", "contarme", "explicame", "explicarme"})


def speaker(question: Question, matches: list[TermMatch], vocab: Vocabulary) -> set[str] | None:
    """Article stems of who a question says speaks or thinks ('¿Qué dijo Milei sobre…?'), if any."""
    if question.qtype == "person":
        return None  # "¿Quién dijo…?" asks for the speaker
    tokens = question.tokens
    # "¿Me podés decir…?", "dime…" ask the service to tell, they report nobody's view.
    verb = next((i for i, t in enumerate(tokens) if t.lemma in VIEW_VERBS
                 and not any(b.folded in _TO_US for b in tokens[max(0, i - 2) : i]) and t.folded not in _TELL_US), None)
    if verb is None:
        return None
    by_start = {m.token.start: m for m in matches}

    def name_stems(tok: Token) -> set[str]:
        m = by_start.get(tok.start)
        # A name: capitalised where capitals mean something, or a word Spanish does not know ("kast").
        if m is None or not ((question.case_informative and tok.capitalized) or not known_word(tok.surface)):
            return set()
        return {st for st, strength in m.stems.items() if strength >= TYPO and vocab.terms[st].capitalized}

    for tok in tokens[verb + 1 :]:
        if tok.folded in _TOPIC_START:
            break
        if found := name_stems(tok):
            return found
    for tok in reversed(tokens[:verb]):
        if found := name_stems(tok):
            return found
    if verb > 0 and tokens[verb - 1].folded == "se":
        return None  # "¿Qué se destacó…?": what follows is what was said, not who said it
    if tokens[verb].folded == tokens[verb].lemma:
        return None  # an infinitive ("salió a aclarar su postura") has its object after it, not its speaker
    # No name: the first noun after the verb may speak ("¿Qué opinó la coalición de izquierda…?"), and one the
    # article never mentions ("¿Qué dijo el canciller…?") gives a view no sentence can report.
    for tok in tokens[verb + 1 :]:
        if tok.folded in _TOPIC_START:
            break
        m = by_start.get(tok.start)
        # (A conjugated verb is no speaker; "canciller" only looks like an infinitive.)
        if m is None or is_conjugated(tok) or tok.folded in question.light:
            continue
        if not m.stems:
            return {UNKNOWN_SPEAKER}
        if found := m.sure_stems(GLOSSARY):
            return found
    return None


# Words that make the media named after them the ones spoken to, not the source: "concedida por Kast a
# Ámbito y Clarín", "en entrevistas a medios como Cadena 3".
_SPOKEN_TO = frozenset({"a", "al", "como", "en", "con"})


def _spoken_to(tokens: list[Token], i: int) -> bool:
    """Whether the name at ``i`` (with the names coordinated before it) is introduced as the one spoken to."""
    j = i - 1
    while j >= 0 and (tokens[j].capitalized or tokens[j].folded in ("y", "e") or tokens[j].folded.isdigit()):
        j -= 1
    return j >= 0 and tokens[j].folded in _SPOKEN_TO


def gives_view_of(
    names: set[str], sentence: int, vocab: Vocabulary, media: frozenset[str] = frozenset(),
    protagonists: frozenset[str] = frozenset(),
) -> bool:
    """The sentence names the speaker and reports speech or opinion ("explicó", "según informes de"). A
    medium (one of ``media``) speaks only as a source: not where it is the one spoken to ("a Ámbito y Clarín")."""
    tokens = vocab.sentence_tokens[sentence]
    named = [i for i, t in enumerate(tokens) if t.stem in names]
    if not named and PAIR in vocab.terms and sentence in vocab.terms[PAIR].sentences and names <= protagonists:
        # "Ambos líderes subrayaron…" reports what each of the two protagonists said.
        named = [0]
    words = _media_words(media)
    if words and named and all(WEB_SUFFIX_RE.sub("", tokens[i].folded) in words for i in named):
        named = [i for i in named if not _spoken_to(tokens, i)]
    return bool(named) and any(t.lemma in VIEW_VERBS or t.folded == "segun" for t in tokens)


@lru_cache(maxsize=4)
def _media_words(media: frozenset[str]) -> frozenset[str]:
    """Every word of the media's names ('cadena', '3', 'la', 'nacion', 'clarin', 'ambito'): one article's
    set, worked out once."""
    return frozenset(w for name in media for w in name.split())


def _is_verb_token(tok: Token) -> bool:
    """A conjugated verb ("gobierna"), not a capitalised name that only looks like one."""
    return is_conjugated(tok) and not tok.capitalized


def gives_other_origin(question: Question, tokens: list[Token]) -> bool:
    """Some noun the question gives a nationality ("el Gobierno chileno") has another one in ``tokens``: the
    same noun by lemma (which keeps "la política argentina" apart from "el político chileno"), or, for a
    question's verb, the noun of its family ("gobierna" / "Gobierno")."""
    for tok, asked in question.origins:
        verb = _is_verb_token(tok)
        for j, other in enumerate(tokens[:-1]):
            if other.lemma == tok.lemma or (verb and other.stem == tok.stem and not other.is_stop):
                said = nationality(tokens[j + 1])
                if said is not None and said != asked:
                    return True
    return False


def conflicting_origin(question: Question, best: Candidate, vocab: Vocabulary) -> bool:
    """The question gives a noun one nationality and the sentence gives the same noun another; or, where the
    sentence does not have the noun, the article only ever gives it others ("el Gobierno chileno" in an
    article that speaks of "el Gobierno argentino" alone)."""
    tokens = vocab.sentence_tokens[best.sentence]
    if gives_other_origin(question, tokens):
        return True
    for tok, asked in question.origins:
        verb = _is_verb_token(tok)
        if not verb and any(other.lemma == tok.lemma for other in tokens):
            continue
        # A verb ("¿Quién gobierna Chile?") is checked against the article's nouns of its family wherever they
        # stand: "el gobierno de Javier Milei" is the one the article calls "el Gobierno argentino".
        elsewhere = vocab.origins.get(tok.lemma) or (vocab.origins_by_stem.get(tok.stem) if verb else None)
        # A role ("el mandatario argentino") may be anyone's: the article's other wording for the same
        # person ("el presidente argentino") says nothing against it.
        if elsewhere and asked not in elsewhere and tok.lemma not in PERSON_NOUNS:
            return True
    return False


# Modifiers that exclude each other on the same noun, as closed classes of Spanish: the first round is
# not the second, the left is not the right. Folded forms, each mapped to its value.
_CONTRASTS: dict[str, tuple[str, str]] = {
    **{w: ("ordinal", "1") for w in ("primer", "primero", "primera", "primeros", "primeras")},
    **{w: ("ordinal", "2") for w in ("segundo", "segunda", "segundos", "segundas")},
    **{w: ("ordinal", "3") for w in ("tercer", "tercero", "tercera", "terceros", "terceras")},
    **{w: ("ordinal", "4") for w in ("cuarto", "cuarta")},
    **{w: ("ordinal", "last") for w in ("ultimo", "ultima", "ultimos", "ultimas")},
    **{w: ("side", "right") for w in ("derecha", "derechas", "derechista", "derechistas", "ultraderecha",
                                     "conservador", "conservadora", "conservadores", "conservadoras")},
    **{w: ("side", "left") for w in ("izquierda", "izquierdas", "izquierdista", "izquierdistas",
                                    "progresista", "progresistas")},
    **{w: ("side", "centre") for w in ("centro", "centrista", "centristas", "centroderecha", "centroizquierda")},
}
_CONTRAST_WORDS = frozenset(_CONTRASTS)
CONTRAST_WINDOW = 4  # "coalición de gobiernos de derecha": a modifier up to four words from its noun


def contrasting_modifier(question: Question, best: Candidate, vocab: Vocabulary) -> bool:
    """The question asks about "la primera vuelta" and the sentence speaks of "la segunda vuelta" only."""
    q = question.tokens
    if _CONTRAST_WORDS.isdisjoint(question.words):
        return False
    sentence = vocab.sentence_tokens[best.sentence]
    offered = {t.start for t in question.either_or} if question.either_or else set()
    for i, mod in enumerate(q):
        asked = _CONTRASTS.get(mod.folded)
        if asked is None or mod.start in offered:
            continue  # "¿de izquierda o de derecha?" offers both: one of them is the answer
        nouns = {t.stem for t in q[max(0, i - CONTRAST_WINDOW) : i + CONTRAST_WINDOW + 1]
                 if not t.is_stop and t.folded not in _CONTRASTS and not is_verb_lemma(t.lemma)}
        said: set[str] = set()
        for j, tok in enumerate(sentence):
            if tok.stem in nouns:
                near = sentence[max(0, j - CONTRAST_WINDOW) : j + CONTRAST_WINDOW + 1]
                said |= {v for t in near if (c := _CONTRASTS.get(t.folded)) and c[0] == asked[0] for v in (c[1],)}
        if said and asked[1] not in said:
            return True
    return False


def other_protagonist(
    question: Question, matches: list[TermMatch], best: Candidate, vocab: Vocabulary, protagonists: frozenset[str]
) -> bool:
    """The question names one protagonist, the sentence names another and not this one: what the
    sentence says someone did, it says of somebody else ("¿Qué medidas aplicó Milei?" / "la campaña de Kast")."""
    asked = {
        st for m in matches if m.token.capitalized or not known_word(m.token.surface)
        for st, strength in m.stems.items() if strength >= TYPO and st in protagonists
    }
    if not asked:
        return False
    named = protagonists.intersection(vocab.token_stems[best.sentence])
    return bool(named) and asked.isdisjoint(named)


_MONTHS = frozenset(MONTHS)
# Modal forms that make what follows a possibility: "podría traducirse en acuerdos bilaterales".
_POSSIBLE = frozenset({"podria", "podrian", "podra", "podran", "pudiera", "pudieran"})


def only_defined(question: Question, best: Candidate, vocab: Vocabulary) -> bool:
    """"¿Qué recursos del Estado utilizó Kast…?" answered by a definition ("el término… se refiere a… la
    utilización de recursos del Estado"): a definition says what a word means, not that anyone did it."""
    done = [v for v in question.done_verbs if v.lemma not in VIEW_VERBS and v.lemma not in _CITING_VERBS]
    return bool(done) and not question.yes_no and best.sentence in vocab.definitions


# Verbs with which a question cites the article itself ("¿Qué ejemplos mencionó…?").
_CITING_VERBS = frozenset({"mencionar", "citar", "nombrar", "incluir", "enumerar", "listar", "poner"})


def only_possible(question: Question, matches: list[TermMatch], best: Candidate, vocab: Vocabulary) -> bool:
    """"¿Qué acuerdos firmaron Argentina y Chile?" where the sentence says agreements "podrían" come: the
    question takes as done what the article only calls possible, in words the sentence does not use."""
    done = question.done_verbs
    if not done or not any(t.folded in _POSSIBLE for t in vocab.sentence_tokens[best.sentence]):
        return False
    starts = {t.start for t in done}
    return any(m.token.start in starts and covered < ACTION_COVERAGE for m, covered in zip(matches, best.covered))
# Nouns that only say a word is being asked about: "¿Qué significa la palabra…?", "el término…".
_TERM_NOUNS = frozenset({"palabra", "termino", "concepto", "expresion", "frase", "definicion", "significado", "vocablo"})


_MEANING_RE = re.compile(r"^\W*(?:que|q) (?:es|son|significa|significan|quiere decir)\b")


# Phrases that place a question in a past the news may not cover: checked against the article's own words.
_PAST_RE = re.compile(
    r"\b(?:en el pasado|anteriormente|con anterioridad|previamente|en su juventud|de joven"
    r"|(?:elecciones|comicios|campanas|gobiernos|mandatos|gestiones|ocasiones) (?:anteriores|pasad[oa]s)"
    r"|antes de (?:llegar|ser|asumir|entrar|dedicarse))\b"
)


def other_period(question: Question, article: str) -> bool:
    """The question asks about a past ("en el pasado", "en elecciones anteriores", "antes de llegar a la
    presidencia") in words the article never uses: news of the day does not say what came before."""
    m = _PAST_RE.search(question.folded)
    return m is not None and m.group(0) not in article


# Demonyms of regions, with the names an article may use for the region instead.
_REGION_NAMES = {
    "latinoamericano": ("america latina", "latinoamerica"), "sudamericano": ("sudamerica", "america del sur"),
    "suramericano": ("suramerica", "sudamerica", "america del sur"), "europeo": ("europa",),
    "centroamericano": ("centroamerica",), "estadounidense": ("estados unidos", "ee. uu", "eeuu"),
    "norteamericano": ("norteamerica", "estados unidos"),
}


def unknown_origin(question: Question, article: str) -> bool:
    """A nationality in the question whose country (or region) and demonym, in any form, the article never uses."""
    for origin in question.nationalities:
        if stem(origin) in article or fold(COUNTRIES.get(origin, origin)) in article:
            continue
        if not any(name in article for name in _REGION_NAMES.get(origin, ())):
            return True
    return False


def only_denied(question: Question, matches: list[TermMatch], denied: frozenset[str]) -> bool:
    """The question says something was done ("emitió", "otorgó") that the article only ever denies."""
    done = question.done_verbs
    if not done or question.yes_no:
        return False  # "¿Otorgó Milei apoyo a Kast?" is answered: no, the article says so
    tokens = question.tokens
    for verb in done:
        k = tokens.index(verb)
        if any(t.folded in ("no", "nunca", "jamas") for t in tokens[max(0, k - 2) : k]):
            continue  # "¿Qué decidió no otorgar…?" asks about the denial itself
        if any(m.token.start == verb.start and m.sure_stems(EXACT) & denied for m in matches):
            return True
    return False


def unknown_term(question: Question, matches: list[TermMatch]) -> bool:
    """"¿Qué es / qué significa X?" for a word X the article does not have, in any form or equivalent."""
    return question.qtype == "definition" and _MEANING_RE.search(question.folded) is not None and any(
        not m.found and m.token.lemma not in _TERM_NOUNS and m.token.folded not in question.light
        and not is_verb_lemma(m.token.lemma) for m in matches
    )


def other_owner(
    question: Question, matches: list[TermMatch], owners: dict[str, frozenset[str]], protagonists: frozenset[str]
) -> bool:
    """"¿Qué enfatiza la campaña de Milei?" where the article speaks only of "la campaña de Kast": the noun is
    the article's, but it belongs to another protagonist, so what the article says of it is not the answer."""
    if "de" not in question.words:
        return False
    tokens = question.tokens
    by_start = {m.token.start: m for m in matches}
    for i in range(1, len(tokens) - 1):
        head = tokens[i - 1]
        if tokens[i].folded != "de" or head.stem not in owners:
            continue
        asked: set[str] = set()
        for tok in tokens[i + 1 :]:
            m = by_start.get(tok.start)
            if m is None or not (tok.capitalized or not known_word(tok.surface)):
                break
            asked |= {st for st, strength in m.stems.items() if strength >= TYPO and st in protagonists}
        if asked and asked.isdisjoint(owners[head.stem]):
            return True
    return False


# "en pugna", "en juego": idioms, not a field that narrows the noun before them.
_EN_IDIOMS = frozenset({"pugna", "juego", "disputa", "cuestion", "marcha", "curso", "comun", "concreto", "general",
                        "particular", "serio", "cuenta", "realidad", "definitiva", "principio", "resumen", "vilo"})
_FIELD_NOUNS = frozenset({"materia", "area", "areas", "ambito", "ambitos", "campo", "campos", "terreno", "sector"})


def unknown_topic(question: Question, matches: list[TermMatch]) -> bool:
    """"¿Qué acuerdos en materia de salud…?", "¿Qué sinergias en educación…?": a noun narrowing another one
    the article has, that the article never uses, in any form or equivalent: a field it does not cover."""
    tokens = question.tokens
    # "sinergias en X", "en materia de X" narrow a field; "viajes de funcionarios" only describes.
    narrowed = [i for i in range(2, len(tokens)) if tokens[i - 1].folded == "en" and tokens[i].folded not in _EN_IDIOMS
                or tokens[i - 1].folded == "de" and tokens[i - 2].folded in _FIELD_NOUNS]
    if not narrowed:
        return False
    by_start = {m.token.start: m for m in matches}
    for i in narrowed:
        tok, head = tokens[i], tokens[i - 2]
        if tok.capitalized and question.case_informative:
            continue
        m, h = by_start.get(tok.start), by_start.get(head.start)
        # "en materia de X" narrows by itself: its noun is part of a preposition, not a question word.
        field = head.folded in _FIELD_NOUNS and tokens[i - 1].folded == "de"
        if m is None or is_verb_lemma(tok.lemma) or not field and (h is None or is_verb_lemma(head.lemma) or not h.stems):
            continue
        if max(m.stems.values(), default=0.0) < KIND_STRENGTH and known_word(tok.surface):
            return True
    return False


_PLACE_PREPOSITIONS = frozenset({"en", "desde", "hacia"})


def _places(tokens: tuple[Token, ...] | list[Token]) -> list[tuple[str, ...]]:
    """Capitalised names after "en/desde/hacia" ("en Buenos Aires"), as folded words."""
    found = []
    for i, tok in enumerate(tokens[:-1]):
        if tok.folded in _PLACE_PREPOSITIONS:
            words = []
            for nxt in tokens[i + 1 :]:
                if not nxt.capitalized:
                    break
                words.append(nxt.folded)
            if words:
                found.append(tuple(words))
    return found


def other_place(question: Question, best: Candidate, vocab: Vocabulary, whether: bool = False) -> bool:
    """The question places what it asks about somewhere ("en Santiago de Chile"), the sentence somewhere
    else ("en Buenos Aires"). Only where the user's capitals say which words are names. A question asking
    whether ("¿Se realizó en Santiago?") is answered by where it was: ``whether`` asks about those too."""
    if not question.case_informative or _PLACE_PREPOSITIONS.isdisjoint(question.words) or question.yes_no != whether:
        return False
    asked = _places(question.tokens[1:])
    sentence = vocab.sentence_tokens[best.sentence]
    if not asked or not _places(sentence):
        return False
    words = {t.folded for t in sentence}
    return not any(set(place) <= words for place in asked)


def _media_named(tokens: tuple[Token, ...] | list[Token], media: frozenset[str]) -> set[str]:
    """The media of ``media`` ('cadena 3', 'la nacion') that a run of tokens names ('Clarin.com' is 'clarin')."""
    words = [WEB_SUFFIX_RE.sub("", t.folded) for t in tokens]
    found = set()
    for name in media:
        parts = name.split()
        if any(words[i : i + len(parts)] == parts for i in range(len(words) - len(parts) + 1)):
            found.add(name)
    return found


def other_medium(question: Question, best: Candidate, vocab: Vocabulary, media: frozenset[str]) -> bool:
    """The question names a medium ("su entrevista a Ámbito"), the sentence names others ("Cadena 3 y
    Clarin.com") and not that one: what it says was told to, or by, somebody else."""
    if not any(name in question.folded for name in media):
        return False  # the common case, seen without reading the words one by one
    asked = _media_named(question.tokens, media)
    if not asked:
        return False
    said = _media_named(vocab.sentence_tokens[best.sentence], media)
    return bool(said) and asked.isdisjoint(said)


# Words that only place a month ("a finales de noviembre"): not part of the event a question dates.
_TIME_WORDS = frozenset({"finales", "fines", "final", "fin", "principios", "principio", "comienzos", "comienzo",
                         "inicios", "inicio", "mediados", "mitad"})


def month_missing(question: Question, best: Candidate, vocab: Vocabulary, matches: list[TermMatch] | None = None) -> bool:
    """A question that dates what it asks about ("…en octubre de 2025?", "¿En qué fecha de septiembre…?")
    needs a sentence with that month; and the sentence that best tells the event itself (the question's other
    words) must not date it to another month ("¿Qué anunció el Gobierno a finales de noviembre?" where the
    announcement is "de principios de octubre", and November is the runoff's)."""
    asked = _MONTHS.intersection(question.words)
    if not asked:
        return False
    if asked.isdisjoint(t.folded for t in vocab.sentence_tokens[best.sentence]):
        return True
    if not matches:
        return False
    event = [(m.weight, row) for m, row in zip(matches, best.rows)
             if m.token.folded not in _MONTHS and m.token.folded not in _TIME_WORDS and not _DIGIT.search(m.token.surface)]
    total = sum(w for w, _ in event)
    if not total:
        return False
    told = max(range(len(vocab.sentence_tokens)), key=lambda i: sum(w * row.get(i, 0.0) for w, row in event))
    months = _MONTHS.intersection(t.folded for t in vocab.sentence_tokens[told])
    return told != best.sentence and bool(months) and months.isdisjoint(asked)

