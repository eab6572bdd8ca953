"""Every setting is documented where users look for it."""

from __future__ import annotations

import pytest

from qa.settings import PROJECT_ROOT, SETTINGS, get

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("setting", SETTINGS, ids=[s.env for s in SETTINGS])
def test_readme_documents_every_setting_with_its_default(setting) -> None:  # type: ignore[no-untyped-def]
    row = next((line for line in README.splitlines() if f"`{setting.env}`" in line), None)
    assert row is not None, f"{setting.env} no aparece en el README"
    if not setting.default.startswith(str(PROJECT_ROOT)):
        assert f"`{setting.default}`" in row


def test_unknown_setting_names_the_valid_ones() -> None:
    with pytest.raises(KeyError) as err:
        get("no_existe")
    assert "index_dir" in str(err.value)
