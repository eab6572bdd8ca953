"""Headers every response carries, and the per-client rate limit on the API's POST routes.

The limit is counted with the ``limits`` library directly (fixed windows, in memory or in
Redis): a check costs a few microseconds, where Flask-Limiter's per-request machinery cost
about as much as answering the question.
"""

from __future__ import annotations

import math
import time

from flask import Flask, Request, Response, request
from limits import parse_many
from limits.storage import storage_from_string
from limits.strategies import FixedWindowRateLimiter

from .errors import RATE_LIMITED, error_response

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)


def _not_limited(req: Request) -> bool:
    """Only POSTs to real /api/ routes cost quota: health, the page and its assets stay free."""
    return req.method != "POST" or req.endpoint is None or not req.path.startswith("/api/")


def register(app: Flask) -> None:
    """Add the security headers after every request and the rate limit on POST /api/*."""
    try:
        limits = parse_many(app.config["RATELIMIT"])
    except ValueError:
        raise ValueError(
            f"Límite no válido en QA_RATELIMIT: {app.config['RATELIMIT']!r}. "
            "Ejemplos válidos: «120 per minute», «10/second;1000/hour»."
        ) from None
    limiter = FixedWindowRateLimiter(storage_from_string(app.config["RATELIMIT_STORAGE_URI"] or "memory://"))
    app.extensions["qa_limiter"] = limiter

    @app.before_request
    def rate_limit() -> Response | None:
        req = request._get_current_object()  # one context lookup, not one per attribute
        if _not_limited(req):
            return None
        key = (req.endpoint or "", req.remote_addr or "desconocido")
        for item in limits:
            if not limiter.hit(item, "qa", *key):
                reset = limiter.get_window_stats(item, "qa", *key).reset_time
                response = error_response(*RATE_LIMITED, 429)
                response.headers["Retry-After"] = str(max(1, math.ceil(reset - time.time())))
                return response
        return None

    @app.after_request
    def headers(response: Response) -> Response:
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response
