"""Run the web app in one or several server processes sharing one listening socket.

Several processes serve more readers at once (Python runs one request at a time per process). uvicorn's
own ``workers=N`` hands its socket to spawned children, where asyncio no longer recognises it as TCP and
leaves Nagle's algorithm on: every keep-alive response then waits ~40 ms for a delayed ACK. Here the
socket is created as TCP in the parent and the workers are forked, so each keeps TCP_NODELAY.
"""

from __future__ import annotations

import multiprocessing
import signal
import socket
from typing import Any


def _socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host.strip("[]"), port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def _worker(sock: socket.socket, workspace: str, app_options: dict[str, Any]) -> None:
    import uvicorn

    from storyprism.web import create_app

    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent's handler is for the parent only
    server = uvicorn.Server(uvicorn.Config(create_app(workspace, **app_options), log_level="warning"))
    server.run(sockets=[sock])


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def run(
    workspace: str, host: str = "127.0.0.1", port: int = 8000, workers: int = 1, **app_options: Any
) -> None:
    """Serve until interrupted. ``app_options`` go to ``create_app`` in every worker."""
    sock = _socket(host, port)
    if workers <= 1:
        _worker(sock, workspace, app_options)
        return
    # SIGTERM (a service manager, a benchmark) must stop the workers too, not orphan them.
    signal.signal(signal.SIGTERM, _stop)
    ctx = multiprocessing.get_context("fork")
    procs = [
        ctx.Process(target=_worker, args=(sock, workspace, app_options), daemon=True) for _ in range(workers)
    ]
    for p in procs:
        p.start()
    try:
        for p in procs:
            p.join()
    except KeyboardInterrupt:
        pass
    finally:
        for p in procs:
            if p.is_alive():
                p.terminate()
        for p in procs:
            p.join(timeout=10)
        sock.close()
