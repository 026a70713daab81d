"""The simulator's own contract for what the next issue builds on: stale etags refused, writes
replayed by MS-RequestId without a second effect, the same customers for the same seed."""

from __future__ import annotations

import httpx

from pcsimulator import seed
from pcsimulator.state import Simulator


def test_a_stale_etag_is_refused_and_a_replay_changes_nothing(sim: Simulator, sim_url: str) -> None:
    tenant = sim.order[0]
    headers = {"Authorization": "Bearer t"}
    with httpx.Client(base_url=sim_url, headers=headers) as http:
        profile = http.get(f"/v1/customers/{tenant}/profiles/billing").json()
        etag = profile["attributes"]["etag"]
        body = {**profile, "companyName": "Renamed Once"}
        write = {"MS-RequestId": "11111111-1111-4111-8111-111111111111", "If-Match": f'"{etag}"'}
        first = http.put(f"/v1/customers/{tenant}/profiles/billing", json=body, headers=write)
        assert first.status_code == 200
        replay = http.put(f"/v1/customers/{tenant}/profiles/billing", json=body, headers=write)
        assert (replay.status_code, replay.content) == (first.status_code, first.content)
        assert len(sim.audit) == 1  # the replay had no effect of its own
        stale = http.put(
            f"/v1/customers/{tenant}/profiles/billing",
            json={**body, "companyName": "Twice"},
            headers={"If-Match": f'"{etag}"'},
        )
        assert stale.status_code == 400 and stale.json()["code"] == 2055
        sim.config.stale_etag_status = 412
        stale = http.put(
            f"/v1/customers/{tenant}/profiles/billing", json=body, headers={"If-Match": etag}
        )
        assert stale.status_code == 412
    assert sim.customers[tenant].company_name == "Renamed Once"


def test_the_same_seed_gives_the_same_customers_in_several_scripts() -> None:
    first = seed.customers(42, 300)
    assert [c.company_name for c in first] == [c.company_name for c in seed.customers(42, 300)]
    assert [c.company_name for c in first] != [c.company_name for c in seed.customers(43, 300)]
    assert len({c.domain for c in first}) == 300
    assert len({c.country for c in first}) >= 8
    names = "".join(c.company_name for c in first)
    for sample in ("公司", "株式会社", "주식회사", "\u041e\u041e\u041e", "GmbH"):
        assert sample in names
