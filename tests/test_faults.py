"""Faults the service survives: SIGTERM during traffic, and `qa index` killed mid-build."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from qa.index import INDEX_FILE, load, load_documents

QA = str(Path(sys.executable).parent / "qa")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def post_question(base: str) -> int:
    request = urllib.request.Request(
        f"{base}/api/ask", data=json.dumps({"question": "¿Dónde se reunieron Milei y Kast?"}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status


def wait_healthy(base: str, proc: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"qa serve terminó antes de tiempo con código {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{base}/api/health", timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    pytest.fail("qa serve no respondió a tiempo")


def test_sigterm_finishes_in_flight_requests_and_exits_cleanly(index_copy: Path) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen(
        [QA, "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "2", "--index-dir", str(index_copy)],
        env={**os.environ, "QA_RATELIMIT": "100000 per second"}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        wait_healthy(base, proc)
        assert post_question(base) == 200
        answered: list[int] = []
        failures: list[BaseException] = []
        stop = threading.Event()

        def keep_asking() -> None:
            while not stop.is_set():
                try:
                    answered.append(post_question(base))
                except (urllib.error.URLError, ConnectionError) as exc:
                    # Refused or reset only once the listener is closed: never an error answer.
                    failures.append(exc)
                    return

        clients = [threading.Thread(target=keep_asking) for _ in range(4)]
        for client in clients:
            client.start()
        time.sleep(0.5)
        proc.send_signal(signal.SIGTERM)
        _, stderr_bytes = proc.communicate(timeout=30)
        code = proc.returncode
        stop.set()
        for client in clients:
            client.join(timeout=15)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    stderr = stderr_bytes.decode(errors="replace")
    assert code == 0, stderr
    assert answered and set(answered) == {200}
    assert "Traceback" not in stderr


def test_huge_body_is_refused_from_its_headers_before_being_read(index_copy: Path) -> None:
    """A client announcing 100 MB gets 413 JSON at once, without the server waiting for the body."""
    port = free_port()
    proc = subprocess.Popen(
        [QA, "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "1", "--index-dir", str(index_copy)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        wait_healthy(f"http://127.0.0.1:{port}", proc)
        with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
            sock.sendall(b"POST /api/ask HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                         b"Content-Length: 100000000\r\n\r\n{\"question\": \"")
            reply = b""
            while b"\r\n\r\n" not in reply or not reply.rstrip().endswith(b"}"):
                chunk = sock.recv(4096)
                if not chunk:
                    break
                reply += chunk
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
    head, _, payload = reply.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 413")
    assert json.loads(payload)["error"]["code"] == "payload_too_large"


@pytest.mark.parametrize("delay", [0.2, 0.6, 1.0, 1.3, 1.6, 1.9])
def test_index_killed_mid_build_leaves_a_loadable_index(index_copy: Path, delay: float) -> None:
    docs = load_documents(index_copy)
    before = (index_copy / INDEX_FILE).read_bytes()
    proc = subprocess.Popen([QA, "index", "--index-dir", str(index_copy)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    proc.kill()
    proc.wait()
    load(index_copy / INDEX_FILE, docs)  # raises IndexProblem if the kill left a broken file
    after = (index_copy / INDEX_FILE).read_bytes()
    assert after == before or json.loads(after)["sha256"]
    # Only the temporary file may be left behind by a SIGKILL, never a half-written index.json.
    assert {p.name for p in index_copy.iterdir() if p.name.startswith(".")} <= {
        p.name for p in index_copy.glob(".index-*.tmp")
    }


def test_killed_server_loses_no_acknowledged_feedback(index_copy: Path, tmp_path: Path) -> None:
    """SIGKILL of the whole server (master and workers) while ratings arrive: every 201 is in SQLite."""
    from qa.feedback import FeedbackStore

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    data_dir = tmp_path / "data"
    proc = subprocess.Popen(
        [QA, "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "2", "--index-dir", str(index_copy)],
        env={**os.environ, "QA_RATELIMIT": "100000 per second", "QA_DATA_DIR": str(data_dir)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    acknowledged: list[int] = []
    lock = threading.Lock()
    stop = threading.Event()

    def rate(n: int) -> None:
        i = 0
        while not stop.is_set():
            body = {"question": f"¿Pregunta {n}-{i}?", "answer": "Respuesta.", "rating": "up" if i % 2 else "down"}
            request = urllib.request.Request(f"{base}/api/feedback", data=json.dumps(body).encode(),
                                             headers={"Content-Type": "application/json"})
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    if response.status == 201:
                        with lock:
                            acknowledged.append(int(json.loads(response.read())["id"]))
            except (OSError, http.client.HTTPException, ValueError):  # refused, reset, cut mid-body
                return  # the server is gone: only what was acknowledged counts
            i += 1

    try:
        wait_healthy(base, proc)
        clients = [threading.Thread(target=rate, args=(n,)) for n in range(4)]
        for client in clients:
            client.start()
        deadline = time.monotonic() + 10
        while len(acknowledged) < 40 and time.monotonic() < deadline:
            time.sleep(0.05)
        os.killpg(proc.pid, signal.SIGKILL)
        stop.set()
        for client in clients:
            client.join(timeout=15)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    assert len(acknowledged) >= 40
    stored = {item.id for item in FeedbackStore(data_dir)}
    assert set(acknowledged) <= stored


@pytest.mark.parametrize("damage", ["garbage", "truncated", "missing"])
def test_a_damaged_index_stops_the_server_with_a_clear_message_when_rebuilding_is_off(
    index_copy: Path, damage: str
) -> None:
    path = index_copy / INDEX_FILE
    if damage == "garbage":
        path.write_text("no es un índice", encoding="utf-8")
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[:1000])
    else:
        path.unlink()
    result = subprocess.run(
        [QA, "serve", "--port", str(free_port()), "--index-dir", str(index_copy)],
        env={**os.environ, "QA_REBUILD_INDEX": "0"}, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode != 0
    assert "índice" in result.stderr and "no arranca" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_damaged_index_is_rebuilt_at_start_up_by_default(index_copy: Path) -> None:
    (index_copy / INDEX_FILE).write_text("{}", encoding="utf-8")
    port = free_port()
    proc = subprocess.Popen(
        [QA, "serve", "--port", str(port), "--workers", "1", "--index-dir", str(index_copy)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        wait_healthy(f"http://127.0.0.1:{port}", proc)
        assert post_question(f"http://127.0.0.1:{port}") == 200
        assert load(index_copy / INDEX_FILE, load_documents(index_copy)).chunks
    finally:
        proc.terminate()
        proc.wait(timeout=20)
