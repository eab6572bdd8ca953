#!/usr/bin/env python3
"""Write web/openapi.json, the committed copy of GET /api/openapi.json (tests check they are equal).

Run after changing web/schemas.py or web/openapi.py: ``.venv/bin/python scripts/write-openapi.py``.
It needs no index: the document comes from the pydantic models alone.
"""

from __future__ import annotations

import json
from pathlib import Path

from web.openapi import document

TARGET = Path(__file__).resolve().parent.parent / "web" / "openapi.json"


def main() -> None:
    """Write the document with stable formatting so diffs stay readable."""
    TARGET.write_text(json.dumps(document(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"Escrito {TARGET}")


if __name__ == "__main__":
    main()
