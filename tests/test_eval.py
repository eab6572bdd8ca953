"""The evaluation set runs, reports every figure, and holds the recorded floors."""

from __future__ import annotations

import json

from click.testing import CliRunner

from qa.evaluation import exact_match, f1_score, load_items, normalize_answer, states_fact
from qa.settings import PROJECT_ROOT
from qa_cli import main

QUESTIONS = PROJECT_ROOT / "eval" / "questions.jsonl"


def test_the_question_set_is_well_formed_and_its_evidence_is_verbatim(article) -> None:
    items = load_items(QUESTIONS)
    assert len(items) >= 150
    answerable = [i for i in items if i.answerable]
    assert len(answerable) >= 55 and len(items) - len(answerable) >= 35
    assert {i.split for i in items} == {"dev", "heldout"}
    for item in answerable:
        assert item.evidence and item.evidence in article.text, item.id


def test_mlqa_normalisation_drops_articles_and_punctuation() -> None:
    assert normalize_answer("¡La Reunión, en Buenos Aires!") == "reunión en buenos aires"
    assert exact_match("en Buenos Aires.", "En Buenos Aires") == 1.0
    assert 0 < f1_score("Buenos Aires", "en Buenos Aires") < 1


def test_a_reply_states_a_fact_when_it_has_all_its_words() -> None:
    assert states_fact("La reunión fue en Buenos Aires, según el artículo.", "en Buenos Aires")
    # A note in parentheses is the question writer's, not part of the fact.
    assert states_fact("A finales de noviembre de 2025, según el artículo.", "Noviembre (a finales de mes).")
    assert not states_fact("Kast, según el artículo.", "José Antonio Kast")
    assert not states_fact("Lo siento, el artículo no responde a esa pregunta.", "la seguridad")


def test_eval_prints_every_figure_and_holds_the_floors() -> None:
    result = CliRunner().invoke(main, ["eval", "--json"])
    report = json.loads(result.output)
    assert report["floor_failures"] == [], report["floor_failures"]
    assert result.exit_code == 0
    for half in ("dev", "heldout"):
        figures = report["splits"][half]
        for key in ("answered_rate", "hit_at_1", "hit_at_3", "mrr", "exact_match", "f1", "fact_stated",
                    "refusal_precision", "refusal_recall", "refusal_f1", "per_kind", "misses"):
            assert key in figures


def test_eval_fails_when_a_floor_is_broken(tmp_path) -> None:
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"dev": {"accuracy": 1.01}}), encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "--split", "dev", "--floors", str(floors)])
    assert result.exit_code == 1
