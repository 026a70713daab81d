"""A delay proxy on loopback: a network link's latency without netem, and a round-trip counter.

``DelayProxy(host, port, delay)`` listens on 127.0.0.1 (a port of its own) and forwards each
connection to ``host:port`` (loopback only), holding every chunk ``delay`` seconds in each
direction: a 10 ms delay makes a 20 ms round trip. It counts round trips as a client sees them:
a request (bytes from the client after the server last spoke) answered by the server. It runs an
asyncio loop on a thread of its own, started by ``start()`` and ended by ``stop()``.
"""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

MAX_QUEUED_CHUNKS = 1024  # per direction and connection: a stalled side holds the other back
CHUNK = 65536
LOOPBACK = ("127.0.0.1", "localhost", "::1")


class DelayProxy:
    def __init__(self, host: str, port: int, delay: float) -> None:
        if host not in LOOPBACK:
            raise ValueError(f"the delay proxy forwards to loopback only, not {host!r}")
        self.target = ("127.0.0.1" if host == "localhost" else host, port)
        self.delay = delay
        self.port = 0
        self._round_trips = 0
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._server: asyncio.AbstractServer | None = None
        self._ready = threading.Event()

    @property
    def round_trips(self) -> int:
        with self._lock:
            return self._round_trips

    def start(self) -> DelayProxy:
        self._thread = threading.Thread(target=self._run, name="delay-proxy", daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("the delay proxy did not start")
        return self

    def stop(self) -> None:
        loop, thread = self._loop, self._thread
        if loop is not None and thread is not None:
            loop.call_soon_threadsafe(loop.stop)
            thread.join(10)

    def __enter__(self) -> DelayProxy:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        self._server = loop.run_until_complete(
            asyncio.start_server(self._connection, "127.0.0.1", 0)
        )
        self.port = self._server.sockets[0].getsockname()[1]
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            self._server.close()
            for task in asyncio.all_tasks(loop):
                task.cancel()
            loop.run_until_complete(asyncio.sleep(0))
            loop.close()

    async def _connection(self, client_in: Any, client_out: Any) -> None:
        try:
            server_in, server_out = await asyncio.open_connection(*self.target)
        except OSError:
            client_out.close()
            return
        state = {"last": "server"}
        await asyncio.gather(
            self._direction(client_in, server_out, state, "client"),
            self._direction(server_in, client_out, state, "server"),
            return_exceptions=True,
        )

    async def _direction(self, reader: Any, writer: Any, state: dict[str, str], side: str) -> None:
        queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue(MAX_QUEUED_CHUNKS)

        async def deliver() -> None:
            while True:
                due, data = await queue.get()
                if not data:
                    writer.close()
                    return
                wait = due - time.perf_counter()
                if wait > 0:
                    await asyncio.sleep(wait)
                writer.write(data)
                await writer.drain()

        delivering = asyncio.ensure_future(deliver())
        try:
            while True:
                data = await reader.read(CHUNK)
                if side == "client" and data and state["last"] != "client":
                    with self._lock:
                        self._round_trips += 1
                if data:
                    state["last"] = side
                await queue.put((time.perf_counter() + self.delay, data))
                if not data:
                    break
            await delivering
        finally:
            delivering.cancel()
