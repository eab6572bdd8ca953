"""What a user notices about answers: the fact first, a verbatim quote, a polite refusal."""

from __future__ import annotations

import pytest

from qa import rules, scope
from qa.extract import find_fact
from qa.pipeline import Pipeline
from qa.question import analyze
from qa.records import Document


def quote_is_exact(answer, article: Document) -> bool:  # type: ignore[no-untyped-def]
    return article.text[answer.source.start : answer.source.end] == answer.quote


@pytest.mark.parametrize(("question", "fact"), [
    ("¿Dónde se reunieron Milei y Kast?", "Buenos Aires"),
    ("¿Cuándo está prevista la segunda vuelta?", "noviembre de 2025"),
    # The date next to what is asked about, not another date in a sentence that mentions it too.
    ("¿Cuándo es la segunda vuelta en Chile?", "noviembre de 2025"),
    ("¿Cuándo confirmó el gobierno que no apoyaría a Kast?", "octubre de 2025"),
])
def test_short_fact_questions_state_the_fact(pipeline: Pipeline, article: Document, question: str, fact: str) -> None:
    answer = pipeline.ask(question)
    assert not answer.refused
    assert fact in answer.answer
    assert quote_is_exact(answer, article)


@pytest.mark.parametrize("question", [
    "donde se reunio milei con kast",
    "DONDE SE REUNIERON MILEI Y KAST",
])
def test_noisy_typing_still_finds_the_meeting(pipeline: Pipeline, question: str) -> None:
    answer = pipeline.ask(question)
    assert not answer.refused and "Buenos Aires" in answer.quote


@pytest.mark.parametrize("question", [
    "¿Cuál es la capital de Francia?",
    "¿Cuántos viajes oficiales autorizó Milei a Europa?",
    "¿Cómo se prepara una paella?",
])
def test_refuses_what_the_article_does_not_say(pipeline: Pipeline, question: str) -> None:
    answer = pipeline.ask(question)
    assert answer.refused and answer.quote is None
    assert answer.answer.startswith("Lo siento")


def test_summary_request_answers_from_the_lead(pipeline: Pipeline, article: Document) -> None:
    answer = pipeline.ask("¿De qué trata el artículo?")
    assert not answer.refused
    assert answer.source.section == "Entradilla"
    assert "Perspectivas a futuro" in answer.answer
    assert quote_is_exact(answer, article)


def test_a_question_without_searchable_words_is_refused_with_guidance(pipeline: Pipeline) -> None:
    answer = pipeline.ask("¿?")
    assert answer.refused and "De qué trata" in answer.answer


@pytest.mark.parametrize(("question", "fact"), [
    ("¿Quién es Kast?", "candidato de la derecha chilena"),
    ("¿Quiénes señalaron que la seguridad es una prioridad?", "exministros chilenos"),
    ("¿Qué temas abordaría la alianza de derecha?", "la seguridad, la reducción del gasto público y la integración económica"),
    ("¿En qué áreas buscan sinergias Argentina y Chile?", "inteligencia y lucha contra el narcotráfico"),
    ("¿Qué medios entrevistaron a Kast?", "Ámbito y Clarín"),
])
def test_short_answers_name_the_fact_itself(pipeline: Pipeline, article: Document, question: str, fact: str) -> None:
    answer = pipeline.ask(question)
    assert not answer.refused
    assert answer.short_answer is not None and fact in answer.short_answer
    assert fact.lower() in answer.answer.lower() and quote_is_exact(answer, article)


def test_why_questions_quote_the_explanation(pipeline: Pipeline) -> None:
    answer = pipeline.ask("¿Por qué Milei no apoya a Kast?")
    assert not answer.refused and "soberanía electoral chilena" in answer.quote


def test_follow_up_with_a_new_name_keeps_the_previous_question(pipeline: Pipeline) -> None:
    answer = pipeline.ask("¿Y a Kast?", ["¿Qué medios entrevistaron a los exministros chilenos?"])
    assert not answer.refused and answer.short_answer == "Ámbito y Clarín"


@pytest.mark.parametrize("question", ["¿Qué cuenta la noticia?", "Resume el artículo", "tl;dr"])
def test_gist_requests_get_the_summary(pipeline: Pipeline, question: str) -> None:
    answer = pipeline.ask(question)
    assert answer.kind == "summary" and not answer.refused


@pytest.mark.parametrize("question", [
    "¿Qué estadio visitaron Milei y Kast en Buenos Aires?",
    "¿Qué periodista entrevistó a Kast para Clarín?",
    "¿Cuántos asesores acompañaron a Kast en la reunión?",
])
def test_refuses_when_the_kind_of_thing_asked_for_is_never_mentioned(pipeline: Pipeline, question: str) -> None:
    answer = pipeline.ask(question)
    assert answer.refused and answer.quote is None


@pytest.mark.parametrize(("question", "evidence"), [
    ("¿Qué tipo de acuerdos podría traer la coalición de derecha?", "acuerdos bilaterales"),
    ("¿Qué clase de política enfatiza la campaña de Kast?", "mano dura"),
])
def test_a_classifier_noun_hands_the_kind_to_the_noun_it_classifies(pipeline: Pipeline, question: str, evidence: str) -> None:
    answer = pipeline.ask(question)
    assert not answer.refused and evidence in answer.quote


def test_how_many_is_answered_by_counting_an_enumeration(pipeline: Pipeline, article: Document) -> None:
    answer = pipeline.ask("¿En cuántas materias podrían firmarse acuerdos bilaterales?")
    assert not answer.refused
    assert answer.answer.startswith("Tres: comercio, energía y defensa")
    assert quote_is_exact(answer, article)


@pytest.mark.parametrize("question", [
    "¿Cuántos candidatos de izquierda compiten en Chile?",
    "¿Cuándo se fundó la coalición de izquierda chilena?",
])
def test_when_and_how_many_need_a_date_or_a_number_in_the_passage(pipeline: Pipeline, question: str) -> None:
    assert pipeline.ask(question).refused


def test_how_many_needs_a_number_of_the_thing_counted(pipeline: Pipeline, article: Document) -> None:
    # "los dos candidatos" is in the passage about the conversation, but it counts candidates, not meetings.
    assert pipeline.ask("¿Cuántas veces se han reunido Milei y Kast?").refused
    answer = pipeline.ask("¿Cuántos candidatos citaron la conversación con Milei?")
    assert not answer.refused and answer.short_answer == "dos candidatos"
    assert quote_is_exact(answer, article)


@pytest.mark.parametrize(("question", "evidence"), [
    # Wording from the complementary lexicon: regional and formal ways of naming the article's people and topics.
    ("¿En qué medios se expresaron los ex secretarios de Estado chilenos?", "Cadena 3 y Clarin.com"),
    ("¿A qué diarios les dio una entrevista el aspirante trasandino?", "Ámbito y Clarín"),
])
def test_paraphrases_reach_the_article_through_the_lexicon(pipeline: Pipeline, article: Document, question: str,
                                                           evidence: str) -> None:
    answer = pipeline.ask(question)
    assert not answer.refused and evidence in answer.quote
    assert quote_is_exact(answer, article)


def test_a_newspaper_is_not_the_name_of_a_person(pipeline: Pipeline) -> None:
    # The sentence about the former ministers names only the media they spoke to.
    assert pipeline.ask("¿Cómo se llaman los exministros chilenos?").refused
    # ...but a newspaper can be who reported something.
    answer = pipeline.ask("¿Quién informó que los candidatos citaron la conversación con Milei?")
    assert not answer.refused and answer.short_answer == "La Nación"


def test_a_word_reaches_its_relative_the_stemmer_keeps_apart(pipeline: Pipeline) -> None:
    # "presidente" and "presidenciales" have different Snowball stems; the shared beginning links them.
    matches = pipeline.retriever.match(analyze("¿Kast es candidato a presidente?", ()))
    assert "presidencial" in matches[-1].stems and matches[-1].stems["presidencial"] < 1.0


def test_who_said_it_names_the_subject_of_the_reporting_verb(pipeline: Pipeline) -> None:
    answer = pipeline.ask("¿Quiénes dijeron que la seguridad es prioritaria?")
    assert not answer.refused and answer.short_answer == "exministros chilenos"


@pytest.mark.parametrize(("question", "person"), [
    ("¿Quién es el candidato de la derecha chilena?", "José Antonio Kast"),  # the name the description stands beside
    ("¿Cómo se llama el candidato de la derecha chilena?", "José Antonio Kast"),
    ("¿Quién encabeza el gobierno argentino?", "Javier Milei"),
    # The agent of a passive; the quote says "Kast", the reply names him in full, as the article does elsewhere.
    ("¿Quién concedió una entrevista a Ámbito y Clarín?", "Kast"),
])
def test_who_questions_name_the_person_the_passage_links_to_the_question(pipeline: Pipeline, question: str, person: str) -> None:
    answer = pipeline.ask(question)
    assert not answer.refused and answer.short_answer == person
    assert answer.answer.startswith(pipeline.full_names.get(person, person))


def test_a_role_the_article_gives_a_person_stands_for_the_name(pipeline: Pipeline) -> None:
    # The article calls Kast "el candidato chileno"; the interview sentence only says "Kast".
    answer = pipeline.ask("¿Qué medios entrevistaron al candidato chileno?")
    assert not answer.refused and answer.short_answer == "Ámbito y Clarín"


@pytest.mark.parametrize("question", ["¿Qué significa apoyo institucional?", "q es el apoyo institucional"])
def test_what_is_questions_quote_the_sentence_that_defines_the_term(pipeline: Pipeline, question: str) -> None:
    answer = pipeline.ask(question)
    assert not answer.refused and "se refiere a acciones como" in answer.quote


@pytest.mark.parametrize("question", [
    "¿Qué opina Milei de la izquierda chilena?",  # the sentence on the left gives nobody's view of it
    "q piensa kast de la economia de milei",
    "¿Qué opinó la coalición de izquierda sobre la reducción del gasto público?",  # nobody quotes it
    "¿Qué dijo el canciller argentino sobre la soberanía electoral chilena?",  # the article has no chancellor
])
def test_a_view_is_quoted_only_from_a_sentence_giving_that_persons_view(pipeline: Pipeline, question: str) -> None:
    assert pipeline.ask(question).refused


@pytest.mark.parametrize(("question", "evidence"), [
    ("¿Qué opina Milei sobre Kast?", "el gobierno de Javier Milei confirmó"),
    ("¿Qué dijo Milei sobre la soberanía electoral chilena?", "Milei explicó que"),
    ("¿Qué dijo La Nación sobre la conversación con Milei?", "Según informes de La Nación"),
])
def test_a_view_is_quoted_from_where_the_person_gives_it(pipeline: Pipeline, question: str, evidence: str) -> None:
    answer = pipeline.ask(question)
    assert not answer.refused and evidence in answer.quote


def test_a_noun_given_another_nationality_is_someone_else(pipeline: Pipeline) -> None:
    # The article's former ministers are Chilean.
    assert pipeline.ask("¿Qué opinan los exministros argentinos sobre la seguridad?").refused
    assert not pipeline.ask("¿Qué opinan los exministros chilenos sobre la seguridad?").refused
    # The only Government the article speaks of is Argentina's, even where the best sentence lacks the word.
    assert pipeline.ask("¿Qué comunicados de Estado emitió el Gobierno chileno a favor de Kast?").refused
    assert not pipeline.ask("¿Qué decidió el Gobierno argentino respecto de Kast?").refused


@pytest.mark.parametrize(("asked", "said"), [
    ("¿Qué día se vota la primera vuelta en Chile?", "¿Cuándo será la segunda vuelta en Chile?"),
    ("¿Quién se perfila para la primera vuelta?", "¿Quién se perfila para la segunda vuelta?"),
])
def test_a_noun_given_another_rank_or_side_is_something_else(pipeline: Pipeline, asked: str, said: str) -> None:
    # The article speaks of the second round only.
    assert pipeline.ask(asked).refused
    assert not pipeline.ask(said).refused


def test_who_is_the_minister_needs_a_minister_in_the_article(pipeline: Pipeline) -> None:
    # "¿Quién es el X…?" asks for an X; the article names no minister of economy, only Milei and Kast.
    assert pipeline.ask("¿Quién es el ministro de Economía argentino?").refused
    assert pipeline.ask("¿Quién es el candidato de la derecha chilena?").short_answer == "José Antonio Kast"


def test_a_place_the_question_already_names_is_not_its_answer(pipeline: Pipeline) -> None:
    # "Chile" does not answer "¿Qué ciudad chilena…?", and the article names no Chilean city.
    assert pipeline.ask("¿Qué ciudad chilena visitará Milei?").refused


def test_an_institution_after_an_article_is_not_a_person() -> None:
    text = "La campaña de Kast enfatiza la reducción del Estado."
    fact = find_fact("person", text, 0, {"kast", "campana"})
    assert fact is None or text[fact.start : fact.end] != "Estado"


@pytest.mark.parametrize("question", [
    "¿Qué alcance tendría este giro en la región?",
    "¿Con qué actitud observa la región este giro?",
    "¿Qué papel tendría la defensa en la relación bilateral?",
])
def test_a_noun_asking_for_a_description_is_not_a_kind_the_article_must_name(question: str) -> None:
    # "alcance", "actitud", "papel" ask what the sentence says, not for a thing called so.
    assert analyze(question).type_noun is None


def test_a_classifier_hands_the_kind_to_the_noun_it_classifies() -> None:
    question = analyze("¿De qué tipo son las colaboraciones en inteligencia?")
    assert question.type_noun is not None and question.content[question.type_noun].surface == "colaboraciones"


@pytest.mark.parametrize("question", [
    "¿Qué dijo el mandatario brasileño sobre la alianza de derecha?",  # ñ is a letter, not an accent
    "¿Qué opinan las exministras españolas sobre la seguridad?",
])
def test_every_nationality_is_recognised_in_every_form(pipeline: Pipeline, question: str) -> None:
    # The article's head of state and former ministers are Chilean (or Argentine), never these.
    assert pipeline.ask(question).refused


@pytest.mark.parametrize("question", [
    "Quisiera saber en qué ciudad se reunieron Milei y Kast, más o menos",
    "¿Me podés decir dónde se juntaron Milei y Kast?",
    "donde se reunio milei con cast",  # "cast" sounds like "Kast"
])
def test_courtesy_hedges_and_sound_alike_spelling_do_not_block_an_answer(pipeline: Pipeline, question: str) -> None:
    answer = pipeline.ask(question)
    assert not answer.refused and "Buenos Aires" in answer.quote


def test_who_did_it_needs_a_sentence_saying_it_was_done(pipeline: Pipeline) -> None:
    # The article says who is heading for the run-off, not who wins it.
    assert pipeline.ask("¿Quién ganará el balotaje chileno?").refused
    answer = pipeline.ask("¿Quién explicó que la política argentina debe respetar la soberanía electoral chilena?")
    assert not answer.refused and answer.short_answer == "Milei"


def test_how_is_the_chancellor_called_needs_a_chancellor(pipeline: Pipeline) -> None:
    assert pipeline.ask("¿Cómo se llama el canciller argentino que anunció la decisión?").refused


@pytest.mark.parametrize(("question", "fact"), [
    ("donde se reunio el pte. argentino con kast", "Buenos Aires"),
    ("cuando anuncio el gob. de milei q no apoyaria a kast", "octubre de 2025"),
])
def test_news_abbreviations_are_read_as_the_words_they_stand_for(pipeline: Pipeline, question: str, fact: str) -> None:
    answer = pipeline.ask(question)
    assert not answer.refused and fact in answer.answer


def test_an_abbreviated_name_keeps_its_capitals() -> None:
    question = analyze("¿Milei recibió a Kast en Bs. As.?")
    assert "Buenos Aires" in question.text and question.case_informative


def test_asking_for_the_exact_day_is_not_answered_by_a_month(pipeline: Pipeline) -> None:
    # The article says "a finales de noviembre de 2025", never a day.
    assert pipeline.ask("¿Qué día exacto será la segunda vuelta?").refused
    assert "noviembre de 2025" in pipeline.ask("¿En qué mes será la segunda vuelta?").answer
    text = "La votación será el 23 de noviembre de 2025."
    fact = find_fact("time", text, 0, set(), day=True)
    assert fact is not None and text[fact.start : fact.end] == "el 23 de noviembre de 2025"


@pytest.mark.parametrize(("question", "qtype"), [
    ("¿Para qué vuelta electoral se perfila Kast?", "fact"),  # which round, not what for
    ("¿Para qué quiere Milei una alianza de derecha?", "reason"),
    ("¿Cuál es la primera acción citada como ejemplo de apoyo institucional?", "fact"),  # "como" compares
    ("¿Cómo se llama el candidato chileno?", "person"),
    ("como se llama el candidato chileno", "person"),  # no accents typed: "como" may still ask
])
def test_interrogatives_are_told_from_relatives_and_purposes(question: str, qtype: str) -> None:
    assert analyze(question).qtype == qtype


def test_which_round_is_answered_with_the_round(pipeline: Pipeline) -> None:
    answer = pipeline.ask("¿Para qué vuelta electoral se perfila Kast?")
    assert not answer.refused and "segunda vuelta" in answer.quote


@pytest.mark.parametrize(("question", "country"), [
    ("¿De qué país es el Gobierno que no dará apoyo institucional a Kast?", "Argentina"),
    ("¿Qué país gobierna Javier Milei?", "Argentina"),
    ("¿De qué país son los exministros entrevistados?", "Chile"),
])
def test_which_country_is_answered_from_the_nationality_of_what_is_asked_about(
    pipeline: Pipeline, article: Document, question: str, country: str
) -> None:
    answer = pipeline.ask(question)
    assert not answer.refused and answer.answer.startswith(country)
    assert quote_is_exact(answer, article)


@pytest.mark.parametrize(("question", "answer"), [
    ("¿Cuántos medios entrevistaron a los exministros chilenos?", "Dos: Cadena 3 y Clarin.com"),
    ("¿Cuántos medios publicaron la entrevista concedida por Kast?", "Dos: Ámbito y Clarín"),
])
def test_how_many_media_counts_the_media_the_sentence_names(pipeline: Pipeline, question: str, answer: str) -> None:
    assert pipeline.ask(question).answer.startswith(answer)


@pytest.mark.parametrize(("question", "phrase"), [
    ("¿Qué tipo de apoyo no otorgará Argentina a Kast?", "apoyo institucional"),
    ("¿Qué comparte Milei con Kast?", "una visión ideológica"),
    ("¿Qué arquitectura podría redefinir este giro?", "la arquitectura política de América Latina"),
    ("¿Qué tipo de colaboraciones abre la nueva prioridad?", "colaboraciones transfronterizas"),
])
def test_what_questions_state_the_phrase_asked_for(pipeline: Pipeline, article: Document, question: str, phrase: str) -> None:
    answer = pipeline.ask(question)
    assert not answer.refused and answer.short_answer == phrase
    assert answer.answer.startswith(phrase[0].upper() + phrase[1:])
    assert phrase in answer.quote and quote_is_exact(answer, article)


def test_who_is_the_candidate_is_the_name_next_to_candidate(pipeline: Pipeline) -> None:
    # Not "Gobierno" (an institution), nor "Argentina" (who does the verb of the relative clause).
    answer = pipeline.ask("¿Quién es el candidato chileno al que Argentina no dará respaldo institucional?")
    assert answer.short_answer == "José Antonio Kast"


@pytest.mark.parametrize(("question", "short"), [
    ("qien encabesa el gobierno argentino", "Javier Milei"),
    ("¿Dnde se reunieron Milei y Kast?", "Buenos Aires"),
    ("kuando es la segunda vuelta", "finales de noviembre de 2025"),
])
def test_a_misspelt_interrogative_still_asks(pipeline: Pipeline, question: str, short: str) -> None:
    answer = pipeline.ask(question)
    assert not answer.refused and short in (answer.short_answer or "")


def test_an_infinitive_of_saying_has_no_speaker_after_it(pipeline: Pipeline) -> None:
    # "aclarar su postura": "postura" is what was clarified, not who spoke; the Government did.
    answer = pipeline.ask("¿Cuándo salió el gobierno argentino a aclarar su postura sobre Kast?")
    assert not answer.refused and answer.short_answer == "a principios de octubre de 2025"


def test_a_periphrastic_verb_hands_the_question_to_its_infinitive() -> None:
    assert analyze("¿Quién volvió a pedir una alianza?").who_verb.lemma == "pedir"  # type: ignore[union-attr]
    assert analyze("¿Cuándo salió Milei a hablar?").when_verb is None  # the infinitive names no event to check


def test_a_capital_stands_for_its_country(pipeline: Pipeline) -> None:
    answer = pipeline.ask("¿En qué campos buscan complementarse Buenos Aires y Santiago?")
    assert not answer.refused and "inteligencia" in answer.quote


def test_an_event_placed_elsewhere_is_another_event(pipeline: Pipeline) -> None:
    # The meeting was in Buenos Aires: what was discussed at one in Santiago, the article does not say...
    assert pipeline.ask("¿Qué temas abordaron Milei y Kast en su reunión en Santiago de Chile?").refused
    # ...but whether it took place there, it answers (no: in Buenos Aires).
    answer = pipeline.ask("¿La reunión entre Milei y Kast se realizó en Santiago?")
    assert not answer.refused and "Buenos Aires" in answer.quote


def test_an_interview_given_to_another_medium_is_another_interview(pipeline: Pipeline) -> None:
    # The former ministers spoke to Cadena 3 and Clarin.com; Kast, to Ámbito and Clarín.
    assert pipeline.ask("¿Qué dijeron los exministros chilenos en su entrevista a Ámbito?").refused
    assert pipeline.ask("¿Qué exministros chilenos fueron entrevistados por La Nación?").refused
    assert not pipeline.ask("¿Qué dijeron los exministros chilenos en su entrevista a Cadena 3?").refused


def test_when_in_a_month_the_article_does_not_give_is_refused(pipeline: Pipeline) -> None:
    assert pipeline.ask("¿En qué fecha de septiembre de 2025 confirmó el gobierno de Milei que no respaldaría a Kast?").refused
    answer = pipeline.ask("¿Cuándo, en octubre, confirmó el gobierno de Milei que no respaldaría a Kast?")
    assert answer.short_answer == "a principios de octubre de 2025"


@pytest.mark.parametrize(("question", "refused"), [
    ("¿En qué ciudad chilena se reunieron Milei y Kast?", True),
    ("¿En qué ciudad de Chile mantuvieron la reunión el presidente argentino y el mandatario chileno?", True),
    ("¿En qué ciudad argentina se reunieron Milei y Kast?", False),
])
def test_a_city_asked_in_one_country_is_not_a_city_of_another(pipeline: Pipeline, question: str, refused: bool) -> None:
    assert pipeline.ask(question).refused is refused


@pytest.mark.parametrize("question", [
    "¿En qué ciudad fue la reunión entre ambos líderes?",
    "¿En qué ciudad se juntaron los dos dirigentes?",
])
def test_both_leaders_are_the_president_and_the_chilean_leader_mentioned_together(pipeline: Pipeline, question: str) -> None:
    # "el presidente argentino y el mandatario chileno" is the pair "ambos líderes" refers to.
    answer = pipeline.ask(question)
    assert not answer.refused and answer.short_answer == "Buenos Aires"


def test_a_name_the_article_never_mentions_is_refused_before_any_ranking(pipeline: Pipeline) -> None:
    vocab = pipeline.retriever.vocabulary
    q = analyze("¿Qué opina Boric de la alianza de derecha?")
    matches = pipeline.retriever.match(q)
    decision = scope.refused_at_once(q, matches, rules.missing_names(q, matches, vocab))
    assert decision is not None and decision.reason == "unknown_name" and not decision.answer
    q = analyze("¿Qué opina Milei de la alianza de derecha?")
    matches = pipeline.retriever.match(q)
    assert scope.refused_at_once(q, matches, rules.missing_names(q, matches, vocab)) is None
    # Refused at once or after ranking, a rule's refusal reads the same.
    assert pipeline.ask("¿Qué opina Boric de la alianza de derecha?").confidence == pipeline.ask(
        "¿En qué hotel se reunieron Milei y Kast?").confidence


@pytest.mark.parametrize(("question", "short"), [
    ("kast es candidato de izquierda o derecha", "derecha"),
    ("¿La reunión fue en Buenos Aires o en Santiago?", "Buenos Aires"),
])
def test_either_or_is_answered_with_the_alternative_the_sentence_gives(
    pipeline: Pipeline, article: Document, question: str, short: str
) -> None:
    # "José Antonio Kast, candidato de la derecha chilena", not the lead's "gobiernos de derecha" far from him.
    answer = pipeline.ask(question)
    assert not answer.refused and answer.short_answer == short and short in answer.quote
    assert quote_is_exact(answer, article)


def test_a_role_with_a_nationality_is_not_contradicted_by_other_wording(pipeline: Pipeline) -> None:
    # "mandatario argentino" is Milei, though the article calls only the Chilean a "mandatario"; and
    # "la política argentina" gives no nationality to "el político chileno".
    assert not pipeline.ask("¿Reconoce el mandatario argentino coincidir en lo ideológico con el postulante chileno?").refused
    assert not pipeline.ask("¿El político chileno tiene chances de llegar a la segunda vuelta?").refused
    assert pipeline.ask("¿Qué decidió el Gobierno chileno sobre Milei?").refused


def test_a_medium_spoken_to_is_no_source(pipeline: Pipeline) -> None:
    # Kast gave the interview "a Ámbito y Clarín": Clarín reported nothing the article quotes.
    assert pipeline.ask("¿Qué informó Clarín sobre la reunión de Milei y Kast?").refused
    # La Nación is the source: "Según informes de La Nación…".
    assert not pipeline.ask("¿Qué informó La Nación sobre la conversación con Milei?").refused


def test_a_field_the_article_never_mentions_is_refused(pipeline: Pipeline) -> None:
    # The agreements are "en materia de comercio, energía y defensa"; health is not among them.
    assert pipeline.ask("¿Qué acuerdos bilaterales en materia de salud firmarán Argentina y Chile?").refused
    assert pipeline.ask("¿Qué sinergias en educación buscan Argentina y Chile?").refused
    assert not pipeline.ask("¿Qué acuerdos bilaterales en materia de energía podría haber?").refused
    # A word that only describes ("giras de funcionarios") narrows no field.
    assert not pipeline.ask("¿Habilitar giras de funcionarios entra dentro del apoyo institucional?").refused


def test_which_year_needs_a_year(pipeline: Pipeline) -> None:
    # "en los próximos años" names no year.
    assert pipeline.ask("¿En qué año exacto se redefinirá la arquitectura política de América Latina?").refused
    answer = pipeline.ask("¿En qué año se realizaron las declaraciones del gobierno de Milei?")
    assert not answer.refused and "2025" in (answer.short_answer or "")


def test_why_is_answered_with_the_reason_not_with_a_section(pipeline: Pipeline) -> None:
    answer = pipeline.ask("¿Y por qué?", ["¿Qué decidió el gobierno de Milei sobre Kast?"])
    assert not answer.refused and "soberanía electoral" in answer.quote and answer.kind != "section"


def test_which_role_is_answered_like_who_is(pipeline: Pipeline) -> None:
    answer = pipeline.ask("¿Qué papel tiene Kast en las elecciones chilenas?")
    assert not answer.refused and answer.short_answer is not None
    assert answer.short_answer.startswith("candidato de la derecha chilena")


def test_which_political_side_is_answered_with_the_side(pipeline: Pipeline) -> None:
    answer = pipeline.ask("¿De qué signo político son los gobiernos de la coalición que quiere forjar Argentina?")
    assert not answer.refused and answer.short_answer == "derecha"


def test_who_is_the_rival_needs_a_name_beside_that_noun(pipeline: Pipeline) -> None:
    # The article never names Kast's opponent: neither Kast (named by the question) nor Milei (named
    # elsewhere in the sentence) is the answer.
    assert pipeline.ask("¿Cómo se llama el rival de Kast en la segunda vuelta?").refused
    assert pipeline.ask("¿Cómo se llama el candidato de la izquierda que enfrentará a Kast?").refused


def test_which_newspapers_are_answered_with_the_media_the_article_names(pipeline: Pipeline) -> None:
    # Not "Gobierno", the first capitalised word of the sentence that ranks first.
    answer = pipeline.ask("¿A qué diarios argentinos les habló Kast?")
    assert answer.short_answer == "Ámbito y Clarín"


def test_what_the_article_says_of_one_protagonist_is_not_said_of_the_other(pipeline: Pipeline) -> None:
    # The hard line on crime is Kast's campaign; the article never says Milei applied it.
    assert pipeline.ask("¿Qué política de mano dura contra la delincuencia impulsa Milei?").refused
    assert not pipeline.ask("¿Qué política contra la delincuencia enfatiza la campaña de Kast?").refused


def test_an_enumeration_joined_by_o_is_a_list_too(pipeline: Pipeline) -> None:
    # "…viajes oficiales, la emisión de comunicados… o la utilización de recursos del Estado…"
    answer = pipeline.ask("¿Cuántas acciones cita el artículo como ejemplo de apoyo institucional?")
    assert answer.answer.startswith("Tres: la autorización de viajes oficiales")


def test_either_or_counts_as_one_term_even_with_prepositions(pipeline: Pipeline) -> None:
    question = analyze("¿Kast es de derecha o de izquierda?")
    matches = pipeline.retriever.match(question)
    assert [m.token.surface for m in matches] == ["Kast", "derecha"]  # "izquierda" joined "derecha"


@pytest.mark.parametrize(("question", "refused"), [
    ("¿Qué otros países se unirían a la alianza de derecha?", True),  # the article names none
    ("¿Qué otros temas, además de la seguridad, abordaría la alianza de derecha?", False),  # it lists more
])
def test_what_else_needs_a_sentence_listing_something_else(pipeline: Pipeline, question: str, refused: bool) -> None:
    assert pipeline.ask(question).refused is refused


def test_what_a_newspaper_reported_needs_that_newspaper(pipeline: Pipeline) -> None:
    # The article cites La Nación for the conversation, not Clarín.
    assert pipeline.ask("¿Qué informó Clarín sobre la conversación citada por los dos candidatos?").refused
    assert not pipeline.ask("¿Qué informó La Nación sobre la conversación con Milei?").refused


@pytest.mark.parametrize(("question", "short"), [
    ("¿Qué expresión usaron ambos líderes para describir la cooperación?", "“enorme oportunidad”"),
    ("¿De qué tipo son las colaboraciones que se abren en inteligencia?", "colaboraciones transfronterizas"),
    ("¿En qué plazo podría redefinirse la arquitectura política de América Latina?", "en los próximos años"),
    ("¿Qué tema se ha convertido en prioridad en Chile según los exministros?", "la seguridad"),  # the subject
])
def test_short_answers_for_wording_kind_and_term(pipeline: Pipeline, question: str, short: str) -> None:
    answer = pipeline.ask(question)
    assert not answer.refused and answer.short_answer == short


def test_which_was_the_headline_needs_a_headline(pipeline: Pipeline) -> None:
    # "¿Cuál fue el X…?" asks for an X, like "¿Quién es el X…?"; the article quotes no headline.
    assert pipeline.ask("¿Cuál fue el titular de Clarín sobre la entrevista con Kast?").refused
    assert analyze("¿Cuál es el primer ejemplo de apoyo institucional?").type_noun is None  # an example: any


def test_when_did_it_happen_needs_a_sentence_saying_it_happened(pipeline: Pipeline) -> None:
    # The article dates the announcement and the run-off, never Milei taking office.
    assert pipeline.ask("¿Cuándo asumió Milei la presidencia de Argentina?").refused
    assert not pipeline.ask("¿Cuándo se celebrará la segunda vuelta?").refused  # "celebrar" only holds it


def test_a_month_the_sentence_does_not_give_is_another_event(pipeline: Pipeline) -> None:
    assert pipeline.ask("¿Qué acuerdos en materia de energía firmaron Milei y Kast en octubre de 2025?").refused


def test_a_complex_preposition_is_not_a_word_to_find(pipeline: Pipeline) -> None:
    # "frente a" only says "about": the question is about crime, which the campaign sentence covers.
    answer = pipeline.ask("¿Qué plantea el candidato de la derecha frente a la delincuencia?")
    assert not answer.refused and "mano dura" in answer.quote


@pytest.mark.parametrize(("question", "refused"), [
    # Other people are named people: the topics the meeting sentence lists are not other leaders.
    ("¿Qué otros líderes participaron de la reunión en Buenos Aires?", True),
    ("¿Qué otras capitales visitó Kast además de Buenos Aires?", True),
    ("¿Qué otros temas, además de la seguridad, abordaría la alianza?", False),
])
def test_other_people_or_places_must_be_named(pipeline: Pipeline, question: str, refused: bool) -> None:
    assert pipeline.ask(question).refused is refused


def test_what_belongs_to_one_protagonist_is_not_the_others(pipeline: Pipeline) -> None:
    assert pipeline.ask("¿Qué enfatiza la campaña de Milei?").refused
    assert pipeline.ask("¿Qué decidió el gobierno de Kast?").refused
    answer = pipeline.ask("¿Qué enfatiza la campaña de Kast?")
    assert not answer.refused
    # The short answer keeps a fixed expression whole ("mano dura") and its complement.
    assert answer.short_answer == "una política de mano dura contra la delincuencia"


@pytest.mark.parametrize(("question", "short"), [
    # The noun asked about where the sentence has it, before an equivalent further from the question's words.
    ("¿Qué clase de comunicados cuentan como apoyo institucional?", "comunicados de Estado"),
    # "¿Qué dos países…?" asks for countries, and for all the names joined in the sentence.
    ("¿Qué dos países quieren encontrar sinergias?", "Argentina y Chile"),
])
def test_what_kind_short_answers(pipeline: Pipeline, question: str, short: str) -> None:
    answer = pipeline.ask(question)
    assert not answer.refused and answer.short_answer == short


def test_a_person_named_by_surname_is_answered_in_full(pipeline: Pipeline) -> None:
    answer = pipeline.ask("¿Quién dijo que hay que respetar la soberanía electoral chilena?")
    assert answer.short_answer == "Milei"  # verbatim from the quote
    assert answer.answer == "Javier Milei, según el artículo."


@pytest.mark.parametrize("question", ["¿Quién es Javier Milei?", "¿Qué cargo ocupa Milei?"])
def test_who_someone_is_from_what_the_article_says_they_lead(pipeline: Pipeline, article: Document, question: str) -> None:
    # No apposition describes Milei; "el Gobierno argentino, encabezado por Javier Milei" says what he heads.
    answer = pipeline.ask(question)
    assert answer.answer == "Encabeza el Gobierno argentino, según el artículo."
    assert answer.short_answer == "El Gobierno argentino, encabezado por Javier Milei"
    assert quote_is_exact(answer, article)


@pytest.mark.parametrize(("question", "refused"), [
    ("¿Qué significa la palabra democracia?", True),  # a word the article never uses
    ("¿Qué es el Mercosur?", True),
    ("¿Qué significa apoyo institucional?", False),
])
def test_a_definition_needs_the_word_in_the_article(pipeline: Pipeline, question: str, refused: bool) -> None:
    assert pipeline.ask(question).refused is refused


def test_a_common_noun_is_not_the_newspaper_of_the_same_name(pipeline: Pipeline) -> None:
    # "ámbitos" in a question that writes names with capitals is "areas", not the newspaper Ámbito.
    answer = pipeline.ask("¿En qué ámbitos buscan cooperar Argentina y Chile?")
    assert not answer.refused and "sinergias" in answer.quote
    # "La Moneda" is Chile's government; a lowercase "moneda" is a currency the article never mentions.
    assert pipeline.ask("¿Cuál es la moneda de Chile?").refused


def test_a_follow_up_with_its_own_interrogative_asks_its_own_question(pipeline: Pipeline) -> None:
    # "¿Y qué decidió?" after a who-question asks what was decided, not who again.
    answer = pipeline.ask("¿Y qué decidió?", ["¿Quién encabeza el gobierno argentino?"])
    assert not answer.refused and "no otorgar apoyo institucional" in answer.quote
    assert answer.short_answer != "Javier Milei"
    # Without an interrogative of its own, a follow-up asks what the previous question asked.
    assert pipeline.ask("¿Y Kast?", ["¿Dónde se reunió Milei?"]).answer.startswith("En Buenos Aires")


@pytest.mark.parametrize(("question", "refused"), [
    ("¿Respaldó Milei a otros candidatos extranjeros en el pasado?", True),
    ("¿Qué hacía Kast antes de ser candidato?", True),
    # "tradicionalmente" is the article's own word: that past it does speak of.
    ("¿Qué tema ha dominado tradicionalmente la agenda política de Chile?", False),
])
def test_a_past_the_article_never_mentions_is_refused(pipeline: Pipeline, question: str, refused: bool) -> None:
    assert pipeline.ask(question).refused is refused


@pytest.mark.parametrize(("question", "country"), [
    # "país" names the kind of answer; it is not a word to find beside it.
    ("¿De qué país es Kast?", "Chile"),
    ("¿De qué nacionalidad son los exministros?", "Chile"),
])
def test_which_country_is_answered_with_a_country(pipeline: Pipeline, question: str, country: str) -> None:
    answer = pipeline.ask(question)
    assert not answer.refused and answer.answer.startswith((country, f"En {country}"))


def test_a_country_the_question_already_names_is_no_answer(pipeline: Pipeline) -> None:
    # Neither Chile nor "chilena", nor Argentina's capital, tells which other countries would join.
    answer = pipeline.ask("¿Qué países, además de Argentina y Chile, se sumarían a la coalición de derecha?")
    assert not answer.answer.startswith(("Chile", "En Chile", "En Buenos Aires", "Argentina"))


def test_who_did_it_in_the_passive_names_the_group_that_did_it(pipeline: Pipeline) -> None:
    # "ha sido citada por los dos candidatos de veredas distintas": the agent, not the newspaper reporting it.
    answer = pipeline.ask("¿Quiénes citaron la conversación con Milei?")
    assert answer.short_answer == "los dos candidatos de veredas distintas"


def test_what_both_protagonists_said_is_what_ambos_lideres_said(pipeline: Pipeline) -> None:
    answer = pipeline.ask("¿Qué dijeron Milei y Kast sobre la oportunidad?")
    assert not answer.refused and answer.quote.startswith("Ambos líderes subrayaron")


def test_the_gist_of_a_named_section_is_that_section(pipeline: Pipeline) -> None:
    answer = pipeline.ask("¿De qué habla la sección Perspectivas a futuro?")
    assert answer.kind == "section" and answer.source.section == "Perspectivas a futuro"
    assert pipeline.ask("Resume el artículo").kind == "summary"


@pytest.mark.parametrize(("question", "history"), [
    ("¿Cuál es el nombre del candidato chileno?", []),
    ("¿Cuál es el nombre completo del candidato chileno?", []),
    ("¿Cuál es su nombre completo?", ["¿Quién es el candidato chileno?"]),
])
def test_which_is_the_name_of_asks_for_a_person(pipeline: Pipeline, question: str, history: list[str]) -> None:
    answer = pipeline.ask(question, history)
    assert answer.answer == "José Antonio Kast, según el artículo."


def test_either_or_with_a_misspelt_name(pipeline: Pipeline) -> None:
    answer = pipeline.ask("jose antonio kats es de izquierda o derecha")
    assert answer.answer == "Derecha, según el artículo."


def test_which_adjective_asks_for_the_articles_wording(pipeline: Pipeline) -> None:
    # "adjetivo" is not an article word, but it asks for wording, which a quotation gives.
    answer = pipeline.ask("¿Qué adjetivo eligieron ambos líderes para la oportunidad?")
    assert not answer.refused and answer.short_answer == "“enorme oportunidad”"


def test_who_governs_a_country_the_article_gives_no_government_of(pipeline: Pipeline) -> None:
    # The article's government is "el Gobierno argentino": Milei does not govern Chile.
    assert pipeline.ask("¿Quién gobierna actualmente Chile?").refused
    assert pipeline.ask("¿Quién gobierna Argentina?").answer.startswith("Javier Milei")


def test_what_they_are_called_needs_names(pipeline: Pipeline) -> None:
    # The article never names the former ministers: "exministros chilenos" is not what they are called.
    answer = pipeline.ask("¿Cómo se llaman?", ["¿Quiénes señalaron que la seguridad es una prioridad en Chile?"])
    assert answer.refused
    assert pipeline.ask("¿Cuál es el nombre de los exministros que hablaron con Cadena 3?").refused


def test_a_tie_between_two_sentences_lowers_the_confidence(pipeline: Pipeline) -> None:
    # The lead and the next sentence both say that Argentina will not back Kast: which one the reader
    # meant is a guess, so the answer is not given with the highest confidence.
    answer = pipeline.ask("¿De qué país es el candidato José Antonio Kast?")
    assert not answer.refused and answer.confidence < 0.8


def test_what_the_article_calls_possible_is_not_done(pipeline: Pipeline) -> None:
    # "podría traducirse en acuerdos bilaterales": nothing was signed.
    assert pipeline.ask("¿Qué acuerdo comercial firmaron Milei y Kast?").refused
    answer = pipeline.ask("¿En qué podría traducirse la intención de crear una coalición de derecha?")
    assert not answer.refused and "acuerdos bilaterales" in answer.quote


@pytest.mark.parametrize(("question", "reason"), [
    ("¿Qué candidato peruano recibirá apoyo del Gobierno argentino?", "unknown_origin"),
    ("¿En qué radio uruguaya habló Kast de la oportunidad?", "unknown_origin"),
])
def test_a_nationality_the_article_never_mentions_is_like_an_unknown_name(pipeline: Pipeline, question: str, reason: str) -> None:
    answer = pipeline.ask(question)
    assert answer.refused and answer.reason == reason


def test_a_region_the_article_names_is_not_unknown(pipeline: Pipeline) -> None:
    # "sudamericana" and "América Latina" are the article's: the question is judged on its content.
    answer = pipeline.ask("¿Qué observa la región sudamericana?")
    assert not answer.refused and "observa con atención" in answer.quote


def test_what_the_article_only_denies_was_not_done(pipeline: Pipeline) -> None:
    # The article only says "no emitirá ningún respaldo", "no otorgar apoyo".
    assert pipeline.ask("¿Qué apoyo otorgó Milei a Kast?").reason == "only_denied"
    # Asked whether, the answer is the denial itself.
    answer = pipeline.ask("¿Otorgó Milei apoyo institucional a Kast?")
    assert not answer.refused and "no otorgar apoyo institucional" in answer.quote
    assert not pipeline.ask("¿Qué decidió no otorgar el Gobierno argentino?").refused


def test_an_event_the_article_dates_to_another_month(pipeline: Pipeline) -> None:
    # The announcement was "a principios de octubre"; November is the runoff's month.
    assert pipeline.ask("¿Qué anunció el gobierno de Milei a finales de noviembre de 2025?").refused
    answer = pipeline.ask("¿Qué anunció el gobierno de Milei a principios de octubre de 2025?")
    assert not answer.refused and "no emitirá ningún respaldo" in answer.quote


def test_on_what_date_needs_a_sentence_saying_it_happened(pipeline: Pipeline) -> None:
    # The article never dates the meeting; October is when the government spoke.
    assert pipeline.ask("¿En qué fecha se reunieron Milei y Kast?").refused
    assert not pipeline.ask("¿En qué fecha confirmó el gobierno que no apoyaría a Kast?").refused


def test_what_for_is_answered_with_a_purpose(pipeline: Pipeline) -> None:
    # "¿Para qué…?" asks what something is for ("para campañas externas"), not why ("Milei explicó que…").
    answer = pipeline.ask("¿Para qué se usarían los recursos del Estado según la definición de apoyo institucional?")
    assert not answer.refused and "para campañas externas" in answer.quote


def test_a_follow_up_date_is_for_the_previous_questions_event(pipeline: Pipeline) -> None:
    # The meeting is not dated in the article; October is when the government spoke.
    assert pipeline.ask("¿Y en qué fecha?", ["¿Dónde se reunieron Milei y Kast?"]).refused
    answer = pipeline.ask("¿Y cuándo?", ["¿Qué confirmó el gobierno de Milei?"])
    assert answer.answer.startswith("A principios de octubre de 2025")


def test_regional_fillers_are_not_names(pipeline: Pipeline) -> None:
    answer = pipeline.ask("Wey, ¿en cuántas corrientes se dividen las elecciones en Chile?")
    assert not answer.refused and "dos corrientes opuestas" in answer.quote


def test_an_idiom_after_en_is_not_a_field(pipeline: Pipeline) -> None:
    # "las corrientes en pugna" are in conflict; "pugna" narrows nothing the article would have to name.
    assert pipeline.ask("¿Cuántas corrientes en pugna hay en las elecciones chilenas?").reason != "unknown_topic"


def test_a_question_asking_whether_gets_a_no_when_the_article_denies_it(pipeline: Pipeline, article: Document) -> None:
    answer = pipeline.ask("¿El gobierno de Milei va a apoyar a Kast?")
    assert answer.answer.startswith("No. Según el artículo,")
    assert quote_is_exact(answer, article)
    # Nothing denied, no "no": the sentence says Milei shares Kast's ideological vision.
    assert not pipeline.ask("¿Milei comparte la visión ideológica de Kast?").answer.startswith("No")


def test_to_whom_asks_for_who_the_action_reaches(pipeline: Pipeline) -> None:
    # "el Gobierno argentino, encabezado por Javier Milei, ha decidido no otorgar apoyo … a José Antonio Kast":
    # the one not supported follows the verb; Milei is the one who decides.
    assert pipeline.ask("¿A quién no apoyará el gobierno argentino?").answer.startswith("José Antonio Kast")
    # Nobody named after the verb: no answer rather than a name from before it.
    assert pipeline.ask("¿Con quién se reunió Milei?").refused


def test_a_participle_keeps_who_did_it_and_to_whom(pipeline: Pipeline) -> None:
    answer = pipeline.ask("¿En qué entrevista se resaltó esa posición sobre la enorme oportunidad?")
    assert answer.short_answer == "la entrevista concedida por Kast a Ámbito y Clarín"


@pytest.mark.parametrize("question", [
    "¿Se reunieron Milei y Kast en Santiago?",
    # "¿Es cierto que…?" asks whether: its "que" introduces the claim.
    "¿Es cierto que Milei y Kast se reunieron en Santiago?",
])
def test_whether_it_happened_elsewhere_is_answered_no_with_where(pipeline: Pipeline, question: str) -> None:
    answer = pipeline.ask(question)
    assert answer.answer.startswith("No. ") and "Buenos Aires" in answer.quote


@pytest.mark.parametrize(("question", "short"), [
    ("¿Qué dos medios entrevistaron a Kast?", "Ámbito y Clarín"),
    ("¿Cuál es el nombre del diario que citó la conversación?", "La Nación"),
])
def test_media_asked_by_count_or_by_name(pipeline: Pipeline, question: str, short: str) -> None:
    assert pipeline.ask(question).short_answer == short


def test_a_definition_says_nobody_did_it(pipeline: Pipeline) -> None:
    # "El término «apoyo institucional» se refiere a… la utilización de recursos del Estado": a meaning, not an act.
    assert pipeline.ask("¿Qué recursos públicos usó Kast en su campaña?").reason in ("only_defined", "low_support")
    assert pipeline.ask("¿Qué viajes oficiales autorizó el gobierno para Kast?").refused
    # Asked what the definition includes, the definition answers.
    answer = pipeline.ask("¿Qué acciones incluye el apoyo institucional?")
    assert not answer.refused and "viajes oficiales" in answer.quote
