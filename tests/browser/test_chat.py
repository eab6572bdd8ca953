"""The chat page in a real headless Chromium against the real server (`qa serve`)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from playwright.sync_api import expect

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
# Set QA_SCREENSHOT_DIR to also collect the screenshots in one folder to look at them.
SCREENS = Path(os.environ["QA_SCREENSHOT_DIR"]) if os.environ.get("QA_SCREENSHOT_DIR") else None
ANSWERABLE = "¿Dónde se reunieron Milei y Kast?"
OUT_OF_SCOPE = "¿Cuál es la capital de Francia?"
REPLIES = ".turn.answer, .turn.refusal, .turn.error"
START_TIMEOUT_S = 60


def _free_port() -> int:
    with closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/api/health", timeout=2) as res:
            return res.status == 200 and json.load(res)["status"] == "ok"
    except OSError:
        return False


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("qa-data")


@pytest.fixture(scope="session")
def server(data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real `qa serve` on a free port, stopped at the end of the session."""
    port = _free_port()
    qa = Path(sys.executable).parent / "qa"
    log_path = tmp_path_factory.mktemp("server") / "server.log"
    env = {**os.environ, "QA_DATA_DIR": str(data_dir), "QA_WORKERS": "1"}
    with open(log_path, "wb") as log:
        proc = subprocess.Popen([str(qa), "serve", "--host", "127.0.0.1", "--port", str(port)],
                                stdout=log, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not _healthy(url):
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"`qa serve` no arrancó en {url}:\n{log_path.read_text(errors='replace')}")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    """Debian's Chromium, headless; a missing browser fails (never skips), in CI and elsewhere."""
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"Falta Chromium en {CHROMIUM}: la imagen de CI debe instalar el paquete `chromium`.")
        pytest.fail(f"Falta Chromium en {CHROMIUM}. Ejecute `make browser` (instala el paquete `chromium` de Debian).")
    from playwright.sync_api import sync_playwright  # imported here so a missing browser fails with our message

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server: str):  # type: ignore[no-untyped-def]
    """A fresh tab (own sessionStorage) on the chat page; fails the test on a JS alert or a console error."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="es-ES")
    pg = context.new_page()
    pg.dialogs = []  # type: ignore[attr-defined]
    pg.errors = []  # type: ignore[attr-defined]

    def on_dialog(dialog) -> None:  # type: ignore[no-untyped-def]
        pg.dialogs.append(dialog.message)  # type: ignore[attr-defined]
        dialog.dismiss()

    pg.on("dialog", on_dialog)
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))  # type: ignore[attr-defined]
    pg.on("console", lambda msg: msg.type == "error" and pg.errors.append(msg.text))  # type: ignore[attr-defined]
    pg.goto(server + "/")
    yield pg
    context.close()
    # Failed requests the test provoked itself are fine; script errors and CSP violations never are.
    real = [e for e in pg.errors if not e.startswith("Failed to load resource")]  # type: ignore[attr-defined]
    assert not real, real


def ask(page, question: str) -> None:  # type: ignore[no-untyped-def]
    """Type a question, press Enter, wait for the reply."""
    before = page.locator(REPLIES).count()
    page.fill("#question", question)
    page.press("#question", "Enter")
    page.locator(REPLIES).nth(before).wait_for()


def screenshot(page, tmp_path: Path, name: str) -> Path:  # type: ignore[no-untyped-def]
    """Save under the test's tmp_path (and QA_SCREENSHOT_DIR, if set) for a person to look at."""
    path = tmp_path / name
    page.screenshot(path=str(path))  # the viewport, as a reader sees it (sticky composer included)
    if SCREENS is not None:
        SCREENS.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, SCREENS / name)
    return path


def test_answerable_question_shows_answer_with_highlighted_quote(page, tmp_path: Path) -> None:
    ask(page, ANSWERABLE)
    answer = page.locator(".turn.answer").last
    assert "Buenos Aires" in answer.locator(".answer-text").inner_text()
    marks = answer.locator("blockquote mark")
    assert marks.count() >= 1
    assert "Buenos Aires" in " ".join(marks.all_inner_texts())
    assert "Expectativas de una alianza regional" in answer.locator("figcaption").inner_text()
    expect(page.locator("#live")).to_contain_text("Buenos Aires")
    assert page.locator("#send").is_enabled()
    assert page.evaluate("document.activeElement.id") == "question"
    screenshot(page, tmp_path, "desktop-answer.png")
    assert not page.errors  # type: ignore[attr-defined]


def test_see_in_article_opens_panel_with_passage_highlighted(page, tmp_path: Path) -> None:
    ask(page, ANSWERABLE)
    page.get_by_role("button", name="Ver en el artículo").last.click()
    panel = page.locator("#article-panel")
    panel.wait_for(state="visible")
    passage = panel.locator("mark.passage")
    assert passage.count() == 1
    assert "mantuvieron una reunión en Buenos Aires" in passage.inner_text()
    assert "Buenos Aires" in " ".join(passage.locator("mark.hl").all_inner_texts())
    assert passage.first.is_visible()
    assert panel.locator("h3", has_text="Expectativas de una alianza regional").count() == 1
    in_view = page.evaluate("""() => {
        const m = document.querySelector('#article-panel mark.passage').getBoundingClientRect();
        return m.top >= 0 && m.bottom <= window.innerHeight;
    }""")
    assert in_view
    screenshot(page, tmp_path, "desktop-article.png")
    page.keyboard.press("Escape")
    panel.wait_for(state="hidden")


def test_out_of_scope_question_is_refused_with_example_questions(page, tmp_path: Path) -> None:
    ask(page, OUT_OF_SCOPE)
    refusal = page.locator(".turn.refusal").last
    assert "no responde" in refusal.inner_text()
    assert refusal.locator("blockquote").count() == 0
    examples = refusal.locator(".suggestions button")
    assert examples.count() >= 1
    before = page.locator(REPLIES).count()
    examples.first.click()
    page.locator(REPLIES).nth(before).wait_for()
    assert page.locator(".turn.answer").count() == 1
    screenshot(page, tmp_path, "desktop-refusal.png")


def test_empty_chat_shows_example_questions_from_the_api(page, server: str, tmp_path: Path) -> None:
    with urllib.request.urlopen(f"{server}/api/examples") as res:
        expected = json.load(res)["examples"]
    page.locator("#examples button").first.wait_for()
    assert page.locator("#examples button").all_inner_texts() == expected
    screenshot(page, tmp_path, "desktop-empty.png")
    page.locator("#examples button").first.click()
    page.locator(".turn.answer").wait_for()
    assert page.locator(".turn.question .bubble").inner_text() == expected[0]


def test_html_in_a_question_is_shown_as_text_and_runs_nothing(page) -> None:
    question = 'Hola <img src=x onerror=alert(1)> <script>alert(2)</script>'
    ask(page, question)
    assert page.locator(".turn.question .bubble").last.inner_text() == question
    page.wait_for_timeout(300)
    assert page.locator("#transcript img, #transcript script").count() == 0
    assert page.dialogs == []  # type: ignore[attr-defined]


def test_keyboard_only_use(page) -> None:
    page.evaluate("document.activeElement.blur()")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "question":
            break
    assert page.evaluate("document.activeElement.id") == "question"
    page.keyboard.type("¿Dónde se reunieron")
    page.keyboard.press("Shift+Enter")
    assert page.locator(".turn").count() == 0  # Shift+Enter only adds a line
    page.keyboard.type("Milei y Kast?")
    assert page.input_value("#question") == "¿Dónde se reunieron\nMilei y Kast?"
    page.keyboard.press("Enter")
    page.locator(".turn.answer").wait_for()
    assert page.evaluate("document.activeElement.id") == "question"
    page.locator(".turn.answer .link-button").focus()
    page.keyboard.press("Enter")
    page.locator("#article-panel mark.passage").first.wait_for()
    page.keyboard.press("Escape")
    page.locator("#article-panel").wait_for(state="hidden")
    assert page.evaluate("document.activeElement.textContent") == "Ver en el artículo"


def test_phone_width_has_no_horizontal_scroll(browser, server: str, tmp_path: Path) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    pg = context.new_page()
    try:
        pg.goto(server + "/")
        pg.locator("#examples button").first.wait_for()
        screenshot(pg, tmp_path, "phone-empty.png")
        ask(pg, ANSWERABLE)
        screenshot(pg, tmp_path, "phone-answer.png")
        ask(pg, OUT_OF_SCOPE)
        assert pg.evaluate("document.scrollingElement.scrollWidth") <= 375
        pg.evaluate("window.scrollTo(0, document.scrollingElement.scrollHeight)")
        screenshot(pg, tmp_path, "phone-refusal.png")
        pg.locator(".turn.answer .link-button").click()
        pg.locator("#article-panel mark.passage").first.wait_for()
        assert pg.evaluate("document.scrollingElement.scrollWidth") <= 375
        screenshot(pg, tmp_path, "phone-article.png")
    finally:
        context.close()


def test_feedback_click_is_stored_in_sqlite(page, data_dir: Path) -> None:
    db = data_dir / "feedback.sqlite3"

    def rows() -> int:
        if not db.exists():
            return 0
        with closing(sqlite3.connect(db)) as conn:
            return int(conn.execute("SELECT count(*) FROM feedback WHERE question = ?", (ANSWERABLE,)).fetchone()[0])

    before = rows()
    ask(page, ANSWERABLE)
    answer = page.locator(".turn.answer").last
    answer.get_by_role("button", name="Sí, útil").click()
    answer.get_by_text("¡Gracias por su valoración!").wait_for()
    assert answer.get_by_role("button", name="Sí, útil").get_attribute("aria-pressed") == "true"
    assert rows() == before + 1


def test_transcript_survives_reload_and_new_conversation_clears_it(page) -> None:
    ask(page, ANSWERABLE)
    ask(page, OUT_OF_SCOPE)
    page.reload()
    page.locator(".turn.refusal").wait_for()
    assert page.locator(".turn.question").count() == 2
    assert page.locator(".turn.answer blockquote mark").count() >= 1
    assert page.locator("#welcome").is_hidden()
    page.get_by_role("button", name="Nueva conversación").click()
    assert page.locator(".turn").count() == 0
    assert page.locator("#welcome").is_visible()
    page.reload()
    assert page.locator(".turn").count() == 0


def test_history_of_previous_questions_is_sent(page) -> None:
    ask(page, ANSWERABLE)
    with page.expect_request("**/api/ask") as req:
        ask(page, "¿Y qué temas trataron?")
    assert req.value.post_data_json["history"] == [ANSWERABLE]


def test_server_errors_and_network_failures_show_a_spanish_message(page) -> None:
    page.route("**/api/ask", lambda route: route.fulfill(status=500, body="boom"))
    ask(page, ANSWERABLE)
    assert "problema" in page.locator(".turn.error").last.inner_text()
    page.unroute("**/api/ask")
    page.route("**/api/ask", lambda route: route.fulfill(
        status=429, content_type="application/json",
        body=json.dumps({"error": {"code": "rate_limited", "message": "Demasiadas preguntas seguidas."}})))
    ask(page, ANSWERABLE)
    assert "Demasiadas preguntas" in page.locator(".turn.error").last.inner_text()
    page.unroute("**/api/ask")
    page.route("**/api/ask", lambda route: route.abort("internetdisconnected"))
    ask(page, ANSWERABLE)
    assert "conectar" in page.locator(".turn.error").last.inner_text()
    page.unroute("**/api/ask")
    assert page.locator(".turn.question").count() == 3  # nothing lost
    page.get_by_role("button", name="Reintentar").last.click()
    page.locator(".turn.answer").wait_for()
    assert page.locator(".turn.question").count() == 3


def test_pending_question_shows_thinking_and_disables_send(page) -> None:
    held = []
    page.route("**/api/ask", lambda route: held.append(route))
    page.fill("#question", ANSWERABLE)
    page.press("#question", "Enter")
    page.locator("#thinking").wait_for()
    assert "pensando…" in page.locator("#thinking").inner_text()
    assert page.locator("#send").is_disabled() and page.locator("#send").inner_text() == "Pensando…"
    assert page.evaluate("document.activeElement.id") == "question"
    page.press("#question", "Enter")  # a second Enter while pending sends nothing
    held[0].continue_()
    page.locator(".turn.answer").wait_for()
    assert page.locator("#thinking").count() == 0 and page.locator("#send").is_enabled()
    assert len(held) == 1


def _luminance(rgb: str) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (float(x) for x in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3])
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def test_text_contrast_meets_wcag_aa(page) -> None:
    ask(page, ANSWERABLE)
    ask(page, OUT_OF_SCOPE)
    pairs = page.evaluate("""() => {
        const bg = (el) => {
            for (let e = el; e; e = e.parentElement) {
                const c = getComputedStyle(e).backgroundColor;
                if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') return c;
            }
            return 'rgb(255, 255, 255)';
        };
        const sel = 'h1, .subtitle, .who, .answer-text, blockquote, mark, figcaption, .link-button, .suggestion, '
                  + '.feedback-label, .rate, .bubble, .button, .help, textarea';
        return Array.from(document.querySelectorAll(sel)).map((el) => [el.className || el.tagName, getComputedStyle(el).color, bg(el)]);
    }""")
    assert pairs
    for name, fg, bg in pairs:
        lighter, darker = sorted((_luminance(fg), _luminance(bg)), reverse=True)
        ratio = (lighter + 0.05) / (darker + 0.05)
        assert ratio >= 4.5, f"{name}: {fg} sobre {bg} = {ratio:.2f}"


def test_reload_while_pending_offers_to_ask_again(page) -> None:
    page.route("**/api/ask", lambda route: None)  # never answered
    page.fill("#question", ANSWERABLE)
    page.press("#question", "Enter")
    page.locator("#thinking").wait_for()
    page.reload()
    error = page.locator(".turn.error")
    expect(error).to_contain_text("sin respuesta")
    page.unroute("**/api/ask")
    error.get_by_role("button", name="Reintentar").click()
    page.locator(".turn.answer").wait_for()
    assert page.locator(".turn.question").count() == 1 and page.locator(".turn.error").count() == 0
