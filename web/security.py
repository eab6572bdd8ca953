"""Headers every response carries, and the per-client rate limit on the API's POST routes."""

from __future__ import annotations

from flask import Flask, Response, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from limits import parse_many

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)


def _not_limited() -> bool:
    """Only POSTs to real /api/ routes cost quota: health, the page and its assets stay free."""
    return request.method != "POST" or request.endpoint is None or not request.path.startswith("/api/")


def register(app: Flask) -> None:
    """Add the security headers after every request and the rate limit on POST /api/*."""
    try:  # Flask-Limiter would only notice a malformed limit at the first request
        parse_many(app.config["RATELIMIT"])
    except ValueError:
        raise ValueError(
            f"Límite no válido en QA_RATELIMIT: {app.config['RATELIMIT']!r}. "
            "Ejemplos válidos: «120 per minute», «10/second;1000/hour»."
        ) from None
    limiter = Limiter(
        get_remote_address,
        app=app,
        default_limits=[app.config["RATELIMIT"]],
        default_limits_exempt_when=_not_limited,
        storage_uri=app.config["RATELIMIT_STORAGE_URI"],
        headers_enabled=True,
        retry_after="delta-seconds",
        key_prefix="qa",
    )
    app.extensions["qa_limiter"] = limiter

    @app.after_request
    def headers(response: Response) -> Response:
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response
