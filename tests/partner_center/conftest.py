"""The Partner Center simulator, served over real sockets on 127.0.0.1 for each test that asks."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from pcdesk.partner_center.auth import StaticTokenSource
from pcdesk.partner_center.client import PartnerCenterClient, RateLimiter, RetryPolicy
from pcsimulator.server import running
from pcsimulator.state import Config, Simulator
from tests.tokens import jwt

__all__ = ["jwt"]  # the Partner Center tests import it from here


class Sleeps:
    """Records the waits a client asks for, and waits none of them (tests stay fast)."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


@pytest.fixture
def sim() -> Simulator:
    """60 seeded customers (several scripts and countries), 3 indirect resellers."""
    return Simulator(60, seed=3, resellers=3, config=Config())


@pytest.fixture
def sim_url(sim: Simulator) -> Iterator[str]:
    with running(sim) as url:
        yield url


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def make_client(sim_url: str, sleeps: Sleeps) -> Iterator[Callable[..., PartnerCenterClient]]:
    """``make_client(tokens=None, **options)``: a client of the simulator, closed at the end."""
    made: list[PartnerCenterClient] = []

    def make(tokens: object = None, **options: object) -> PartnerCenterClient:
        options.setdefault("retry", RetryPolicy(attempts=4, base_delay=0.0))
        options.setdefault("sleep", sleeps)
        options.setdefault("limiter", RateLimiter(10_000, 60.0))
        client = PartnerCenterClient(
            sim_url,
            tokens or StaticTokenSource(jwt(upn="dana@partner.example", amr=["pwd", "mfa"])),  # type: ignore[arg-type]
            **options,  # type: ignore[arg-type]
        )
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


@pytest.fixture
def client(make_client: Callable[..., PartnerCenterClient]) -> PartnerCenterClient:
    return make_client()
