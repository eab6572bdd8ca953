"""Spanish synonyms from LibreOffice's thesaurus (Debian package ``mythes-es``).

Only the part that touches the article's own vocabulary is kept, and it is
stored inside the built index, so answering never needs the package: only
``qa index`` reads it. Senses are mixed in the thesaurus, so a synonym match
is weighted below a match of the word itself.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from .analysis import lemma

log = logging.getLogger(__name__)

DEFAULT_PATHS = (
    Path("/usr/share/mythes/th_es_ES_v2.dat"),
    Path("/usr/share/mythes/th_es_AR_v2.dat"),
)


def find_thesaurus(explicit: Path | None = None) -> Path | None:
    """The thesaurus file to use, or None when the package is not installed."""
    candidates = (explicit,) if explicit else DEFAULT_PATHS
    for path in candidates:
        if path and path.is_file():
            return path
    return None


def _entries(path: Path) -> Iterable[tuple[str, list[str]]]:
    with path.open(encoding="iso-8859-1") as fh:
        fh.readline()  # encoding line
        word = None
        for line in fh:
            line = line.rstrip("\n")
            if not line.startswith("-|") and "|" in line:
                word = line.split("|", 1)[0]
                continue
            if word is None:
                continue
            senses = [s.split(" (")[0].strip() for s in line.split("|")[1:]]
            yield word, [s for s in senses if s and " " not in s]


def related_lemmas(path: Path, vocabulary: set[str]) -> dict[str, list[str]]:
    """Map a (folded) lemma that may appear in questions to article lemmas it can stand for.

    Both directions count: an entry of an article word lists words a user may
    type instead, and an entry whose synonyms include an article word says
    the entry word can stand for it.
    """
    related: dict[str, set[str]] = {}
    for word, synonyms in _entries(path):
        if " " in word:
            continue
        head = lemma(word)
        syn_lemmas = {lemma(s) for s in synonyms}
        if head in vocabulary:
            for s in syn_lemmas - {head}:
                related.setdefault(s, set()).add(head)
        for s in syn_lemmas & vocabulary:
            if s != head:
                related.setdefault(head, set()).add(s)
    log.info("thesaurus %s: %d related lemmas", path, len(related))
    return {k: sorted(v) for k, v in sorted(related.items())}
