"""The qa command is a thin layer over the same pipeline."""

from __future__ import annotations

import json

from click.testing import CliRunner

from qa_cli import main


def test_ask_json_prints_exactly_the_api_json(client) -> None:
    question = "¿Dónde se reunieron Milei y Kast?"
    result = CliRunner().invoke(main, ["ask", "--json", question])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == client.post("/api/ask", json={"question": question}).get_json()


def test_ask_prints_answer_and_quote_for_a_person() -> None:
    result = CliRunner().invoke(main, ["ask", "¿Dónde se reunieron Milei y Kast?"])
    assert result.exit_code == 0
    assert "Buenos Aires" in result.output and "«" in result.output and "sección" in result.output


def test_ask_rejects_an_empty_question_with_a_spanish_message() -> None:
    result = CliRunner().invoke(main, ["ask", "   "])
    assert result.exit_code != 0 and "vacía" in result.output


def test_index_rebuilds_into_a_given_folder(index_copy) -> None:
    (index_copy / "index.json").unlink()
    result = CliRunner().invoke(main, ["index", "--index-dir", str(index_copy)])
    assert result.exit_code == 0 and (index_copy / "index.json").is_file()
