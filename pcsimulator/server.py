"""Running the simulator: in a thread on an ephemeral 127.0.0.1 port (tests), or in the
foreground (``python -m pcsimulator``)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn

from pcsimulator.app import build_app
from pcsimulator.state import Simulator

HOST = "127.0.0.1"  # loopback only, always


def _server(sim: Simulator, port: int, log_level: str) -> uvicorn.Server:
    config = uvicorn.Config(
        build_app(sim),
        host=HOST,
        port=port,
        log_level=log_level,
        access_log=False,
        lifespan="off",
        timeout_keep_alive=30,
    )
    return uvicorn.Server(config)


@contextmanager
def running(sim: Simulator, *, log_level: str = "critical") -> Iterator[str]:
    """The simulator serving on a free 127.0.0.1 port in a thread; yields its base URL."""
    # Port 0: uvicorn binds a free port itself (a socket handed over instead answers each
    # request some 40 ms late: delayed ACKs against a socket set up without uvicorn's options).
    server = _server(sim, 0, log_level)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the simulator did not start")
            time.sleep(0.01)
        port = server.servers[0].sockets[0].getsockname()[1]
        yield f"http://{HOST}:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def serve(sim: Simulator, port: int, log_level: str = "info") -> None:
    _server(sim, port, log_level).run()
