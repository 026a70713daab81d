"""Bearer tokens for tests: unsigned JWTs, which the simulator and pcdesk only read the claims of."""

from __future__ import annotations

import base64
import json


def jwt(**claims: object) -> str:
    """An unsigned JWT carrying ``claims``."""

    def part(value: object) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")

    return f"{part({'alg': 'none', 'typ': 'JWT'})}.{part(claims)}.c2ln"
