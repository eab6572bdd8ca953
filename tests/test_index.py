"""The saved index is verified on load: stale, corrupt or foreign ones are never used silently."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qa.errors import IndexProblem
from qa.index import FORMAT_VERSION, INDEX_FILE, build, ensure, load, load_documents, save


def test_the_shipped_index_matches_the_shipped_article(index_copy: Path) -> None:
    data = load(index_copy / INDEX_FILE, load_documents(index_copy))
    assert data.meta["format_version"] == FORMAT_VERSION
    assert data.meta["bm25"]["variant"] == "BM25Plus"
    assert len(data.chunks) == 10 and len(data.sentences) == 14


def test_the_bundled_article_is_the_seed_text(index_copy: Path) -> None:
    raw = (index_copy / "000_d5c84b1288575811.txt").read_bytes()
    assert raw.startswith("El Gobierno argentino".encode())
    assert len(raw) == 3029


def test_a_changed_article_makes_the_index_stale(index_copy: Path) -> None:
    article = index_copy / "000_d5c84b1288575811.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\nUna frase nueva.", encoding="utf-8")
    with pytest.raises(IndexProblem) as err:
        load(index_copy / INDEX_FILE, load_documents(index_copy))
    assert err.value.code == "index_stale"
    rebuilt = ensure(index_copy)
    assert rebuilt.meta["sources"] != json.loads((Path(__file__).parents[1] / "index" / INDEX_FILE).read_text())["payload"]["meta"]["sources"]


@pytest.mark.parametrize("damage", ["truncate", "flip", "empty", "version"])
def test_a_damaged_index_is_detected(index_copy: Path, damage: str) -> None:
    path = index_copy / INDEX_FILE
    raw = path.read_text(encoding="utf-8")
    if damage == "truncate":
        path.write_text(raw[: len(raw) // 2], encoding="utf-8")
    elif damage == "flip":
        path.write_text(raw.replace('"reunion"', '"reunioX"', 1), encoding="utf-8")
    elif damage == "empty":
        path.write_text("", encoding="utf-8")
    else:
        body = json.loads(raw)
        body["format_version"] = FORMAT_VERSION + 1
        path.write_text(json.dumps(body), encoding="utf-8")
    with pytest.raises(IndexProblem) as err:
        load(path, load_documents(index_copy))
    assert err.value.code in {"index_corrupt", "index_format"}
    # Rebuilding repairs it, and refusing to rebuild reports it.
    with pytest.raises(IndexProblem):
        ensure(index_copy, rebuild=False)
    assert ensure(index_copy).sentences


def test_saving_is_atomic_and_leaves_no_temporary_file(index_copy: Path) -> None:
    docs = load_documents(index_copy)
    save(build(docs), index_copy / INDEX_FILE)
    assert not list(index_copy.glob(".index-*"))
    assert load(index_copy / INDEX_FILE, docs).chunks


def test_a_missing_index_is_rebuilt(index_copy: Path) -> None:
    (index_copy / INDEX_FILE).unlink()
    assert ensure(index_copy).chunks
    assert (index_copy / INDEX_FILE).is_file()


def test_an_index_built_with_another_glossary_is_stale(index_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import qa.index

    monkeypatch.setattr(qa.index, "fingerprint", lambda: {"glosario_politica.txt": "0" * 64})
    with pytest.raises(IndexProblem) as err:
        load(index_copy / INDEX_FILE, load_documents(index_copy))
    assert err.value.code == "index_stale" and "glosario" in err.value.message
