"""A day's worth of changes in Partner Center, made deterministically (for the incremental sync)."""

from __future__ import annotations

import random

from pcsimulator.state import Simulator


def make_changes(sim: Simulator, count: int, seed: int = 7) -> None:
    """``count`` changes: renames, new customers, removed relationships, seat changes."""
    rng = random.Random(seed)
    tenants = list(sim.order)
    for n in range(count):
        kind = rng.random()
        if kind < 0.4 and tenants:
            tenant = rng.choice(tenants)
            sim.rename(tenant, sim.customers[tenant].company_name + " (renamed)")
        elif kind < 0.6:
            sim.add_customer(f"New Customer {seed}-{n}", f"newcust{seed}x{n}")
        elif kind < 0.7 and tenants:
            tenant = tenants.pop(rng.randrange(len(tenants)))
            sim.remove_relationship(tenant)
        elif tenants:
            sim.change_quantity(rng.choice(tenants), rng.randrange(1, 100))
