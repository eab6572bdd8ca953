"""The web chat page."""

from __future__ import annotations

from flask import Blueprint, render_template

bp = Blueprint("pages", __name__)


@bp.get("/")
def index() -> str:
    """The chat page; everything else happens in static/chat.js against the API."""
    return render_template("index.html")
