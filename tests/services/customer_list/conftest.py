"""Fixtures of the customer list's tests."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from pcdesk.models.database import Database
from pcdesk.services.customers.create import create_customer
from pcdesk.services.inputs import AgreementInput, CustomerInput


@pytest.fixture
def add_customer(
    tw_customer: CustomerInput, us_agreement: AgreementInput
) -> Callable[[Database, str, str], int]:
    """``add_customer(db, company, domain)``: the Taiwanese customer under that name and domain."""

    def add(db: Database, company: str, domain: str) -> int:
        data = replace(tw_customer, company_name=company, domain_prefix=domain)
        return create_customer(db, data, us_agreement, actor="tester").id

    return add
