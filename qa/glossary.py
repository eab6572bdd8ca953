"""Domain equivalences (``qa/data/glosario_politica.txt``) compiled against the article's words.

Readers paraphrase news with the vocabulary of the domain ("balotaje" for
"segunda vuelta", "La Moneda" for the Chilean government). The glossary is a
general resource of such groups; at index time each group is reduced to the
expressions the article actually uses, so a question using any other member
of the group can reach them. Matching happens on stems, contiguously.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .analysis import terms

DATA_DIR = Path(__file__).parent / "data"
# The domain's own equivalences, general Spanish near-synonyms (verbs of saying, intention, change…),
# then a complement for colloquial and regional wording, derivations and irregular forms.
GLOSSARY_PATHS = (
    DATA_DIR / "glosario_politica.txt",
    DATA_DIR / "sinonimos_generales.txt",
    DATA_DIR / "sinonimos_complementarios.txt",
    DATA_DIR / "equivalencias_revisadas.txt",
)


def load_groups(paths: tuple[Path, ...] = GLOSSARY_PATHS) -> list[list[str]]:
    """Groups of equivalent expressions from every file; lines starting with # are comments."""
    groups = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                groups.append([m.strip() for m in line.split(";") if m.strip()])
    return groups


def fingerprint(paths: tuple[Path, ...] = GLOSSARY_PATHS) -> dict[str, str]:
    """sha256 of each glossary file, recorded in the index so an edited glossary makes it stale."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


def _contains(sequence: tuple[str, ...], member: tuple[str, ...]) -> bool:
    n = len(member)
    return any(sequence[i : i + n] == member for i in range(len(sequence) - n + 1))


def compile_phrases(
    groups: list[list[str]], article_terms: tuple[tuple[str, ...], ...]
) -> list[tuple[list[str], list[str]]]:
    """(member stems, article stems it stands for) for every member of a group the article uses.

    A member counts as used only where its words stand together in the article, in order: "no
    coincidir" is not in an article that says "no" in one place and "coincidieron" in another.
    """
    vocabulary = {s for seq in article_terms for s in seq}
    phrases: dict[tuple[str, ...], set[str]] = {}
    for group in groups:
        members = [tuple(terms(m)) for m in group]
        members = [m for m in members if m]
        present = [
            m for m in members
            if all(s in vocabulary for s in m) and (len(m) == 1 or any(_contains(seq, m) for seq in article_terms))
        ]
        if not present:
            continue
        targets = {s for m in present for s in m}
        for member in members:
            phrases.setdefault(member, set()).update(targets)
    return [(list(k), sorted(v)) for k, v in sorted(phrases.items())]
