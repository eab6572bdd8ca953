"""Spanish analysis: users type without accents, in capitals, with inflections."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qa.analysis import fold, stem, stopwords, terms
from qa.question import _TYPE_PATTERNS, _TYPE_RES, question_type


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


def _type_by_searching_all(text: str) -> str:
    """The question type as found before cue words: every pattern searched, in order."""
    return next((name for name, pattern, _, _ in _TYPE_RES if pattern.search(text)), "fact")


@settings(max_examples=3000, deadline=None)
@given(st.one_of(*(st.from_regex(pattern) for _, pattern, _, _ in _TYPE_RES)))
def test_question_type_cues_never_skip_a_pattern_that_matches(text: str) -> None:
    """The cue words that spare searches never change a type: checked on text holding a match of some
    pattern (any of its alternatives), which a cue word missing from a pattern's list would misclassify."""
    assert question_type(text) == _type_by_searching_all(text)


def test_question_type_cues_on_question_like_text() -> None:
    """The same on random questions made of the patterns' own words (inflected, glued, cut short) and others."""
    runs = re.findall(r"[a-zñ][a-zñ ]+", " ".join(p for _, p in _TYPE_PATTERNS))
    vocabulary = sorted({r.strip() for r in runs} | {w for r in runs for w in r.split()})
    vocabulary += ["el", "la", "de", "que", "q", "y", "milei", "kast", "_como", "_cuando", "2025", "¿", "?", ","]
    rng = random.Random(7)
    for _ in range(30000):
        words = [w + rng.choice(["", "", "", "s", "es", "_"]) if rng.random() < 0.8 else w[:-1]
                 for w in (rng.choice(vocabulary) for _ in range(rng.randint(1, 7)))]
        text = rng.choice(["", "¿", "y ", "que ", "¿q "]) + "".join(w + rng.choice([" ", " ", " ", "", ", "]) for w in words)
        assert question_type(text) == _type_by_searching_all(text), text


def test_an_infinitive_with_a_clitic_has_the_infinitive_as_lemma() -> None:
    # simplemma misses short verbs with a pronoun attached: "darle" is "dar" (and then meets "otorgar").
    from qa.analysis import lemma
    assert lemma("darle") == "dar"
    assert lemma("darles") == "dar"
    assert lemma("Carlos") == "carlos"
