"""Readers' 👍/👎 on answers, kept in a SQLite file so they can become new evaluation questions."""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import IO

log = logging.getLogger(__name__)

DB_FILE = "feedback.sqlite3"
RATINGS = ("up", "down")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    quote TEXT,
    comment TEXT
)
"""


@dataclass(frozen=True)
class Feedback:
    """One rating of one answer, as the reader saw it."""

    question: str
    answer: str
    rating: str
    quote: str | None = None
    comment: str | None = None

    def __post_init__(self) -> None:
        if self.rating not in RATINGS:
            raise ValueError(f"Valoración desconocida: {self.rating!r}. Válidas: {', '.join(RATINGS)}")


@dataclass(frozen=True)
class StoredFeedback(Feedback):
    """A rating read back from the store, with its id and UTC time."""

    id: int = 0
    created_at: str = ""


class FeedbackStore:
    """A SQLite file under the data directory; one short connection per call, safe across gunicorn workers."""

    def __init__(self, data_dir: Path | str) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / DB_FILE

    def _connect(self) -> sqlite3.Connection:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=10)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute(_SCHEMA)
        return conn

    def add(self, item: Feedback) -> int:
        """Store one rating and return its id; creates the directory and the database on first use."""
        created = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with closing(self._connect()) as conn, conn:
            cur = conn.execute(
                "INSERT INTO feedback (created_at, question, answer, rating, quote, comment) VALUES (?, ?, ?, ?, ?, ?)",
                (created, item.question, item.answer, item.rating, item.quote, item.comment),
            )
            return int(cur.lastrowid or 0)

    def __iter__(self) -> Iterator[StoredFeedback]:
        """Every rating, oldest first; nothing (and no file created) when none was ever stored."""
        if not self.path.exists():
            return
        with closing(self._connect()) as conn:
            rows = conn.execute(
                "SELECT id, created_at, question, answer, rating, quote, comment FROM feedback ORDER BY id"
            ).fetchall()
        for id_, created, question, answer, rating, quote, comment in rows:
            yield StoredFeedback(question, answer, rating, quote, comment, id=id_, created_at=created)

    def count(self) -> int:
        """How many ratings are stored."""
        return sum(1 for _ in self)


def to_json_line(item: StoredFeedback) -> str:
    """One JSON Lines record, fields in a stable order."""
    record = asdict(item)
    ordered = {k: record[k] for k in ("id", "created_at", "question", "answer", "rating", "quote", "comment")}
    return json.dumps(ordered, ensure_ascii=False)


def write_jsonl(store: FeedbackStore, out: IO[str]) -> int:
    """Write every rating as JSON Lines to an open text stream; returns how many."""
    n = 0
    for item in store:
        out.write(to_json_line(item) + "\n")
        n += 1
    return n


def export_jsonl(store: FeedbackStore, target: Path) -> int:
    """Write the JSON Lines file atomically: a temporary file beside it, then a rename."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            n = write_jsonl(store, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return n
