"""Spanish analysis: users type without accents, in capitals, with inflections."""

from __future__ import annotations

import pytest

from qa.analysis import fold, stem, stopwords, terms


def test_folding_removes_accents_and_case_but_keeps_enye() -> None:
    assert fold("Reunió ÁMBITO") == "reunio ambito"
    assert fold("año") == "año"


@pytest.mark.parametrize(("typed", "written"), [
    ("politica", "política"), ("eleccion", "elección"), ("CLARIN", "Clarín"), ("paises", "países"),
])
def test_accentless_typing_meets_the_written_word(typed: str, written: str) -> None:
    assert stem(typed) == stem(written)


def test_inflections_share_a_stem() -> None:
    assert stem("elecciones") == stem("elección")
    assert stem("chilena") == stem("chileno")


def test_stopwords_come_from_the_package_and_keep_content_words() -> None:
    sw = stopwords()
    assert {"el", "de", "que", "para"} <= sw
    assert "segunda" not in sw  # "segunda vuelta" must stay searchable


def test_terms_drop_stopwords() -> None:
    assert terms("La reunión en Buenos Aires") == [stem("reunión"), stem("Buenos"), stem("Aires")]
