"""Possible duplicates of a customer about to be added: same domain, e-mail domain or name.

Partner Center users add a second record for a company that already has a tenant, where a
relationship request was the right path. Before adding, the wizard shows who looks the same.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, case, func, or_, select

from pcdesk.models import Customer
from pcdesk.models.database import Database
from pcdesk.models.keys import email_domain, match_key
from pcdesk.services.customers.details import ONMICROSOFT
from pcdesk.services.inputs import CustomerInput
from pcdesk.services.validation import normalize_domain_prefix

# Mailbox providers anyone can sign up with: two contacts there say nothing about one company.
PUBLIC_MAIL_DOMAINS: frozenset[str] = frozenset(
    {
        "126.com",
        "139.com",
        "163.com",
        "aim.com",
        "aol.com",
        "btinternet.com",
        "daum.net",
        "fastmail.com",
        "foxmail.com",
        "free.fr",
        "gmail.com",
        "gmx.at",
        "gmx.ch",
        "gmx.com",
        "gmx.de",
        "gmx.net",
        "googlemail.com",
        "hanmail.net",
        "hinet.net",
        "hotmail.co.uk",
        "hotmail.com",
        "hotmail.de",
        "hotmail.fr",
        "icloud.com",
        "laposte.net",
        "libero.it",
        "live.com",
        "live.co.uk",
        "mac.com",
        "mail.com",
        "mail.ru",
        "me.com",
        "msa.hinet.net",
        "msn.com",
        "naver.com",
        "orange.fr",
        "outlook.com",
        "outlook.jp",
        "pm.me",
        "proton.me",
        "protonmail.com",
        "qq.com",
        "rediffmail.com",
        "seznam.cz",
        "sina.com",
        "sohu.com",
        "t-online.de",
        "tutanota.com",
        "web.de",
        "wp.pl",
        "yahoo.co.jp",
        "yahoo.co.uk",
        "yahoo.com",
        "yahoo.com.tw",
        "yahoo.de",
        "yahoo.fr",
        "yandex.com",
        "yandex.ru",
        "yeah.net",
        "ymail.com",
        "zoho.com",
    }
)


class DuplicateReason(enum.StrEnum):
    SAME_DOMAIN = "same_domain"
    SAME_EMAIL_DOMAIN = "same_email_domain"
    SIMILAR_NAME = "similar_name"


@dataclass(frozen=True)
class PossibleDuplicate:
    id: int
    company_name: str
    domain: str  # <prefix>.onmicrosoft.com
    contact_email: str
    country: str
    reasons: tuple[DuplicateReason, ...]  # in DuplicateReason's order


def _tests(data: CustomerInput) -> dict[DuplicateReason, ColumnElement[bool]]:
    """One indexed equality per reason that the input can be matched on."""
    tests: dict[DuplicateReason, ColumnElement[bool]] = {}
    prefix = normalize_domain_prefix(data.domain_prefix)
    if prefix:
        tests[DuplicateReason.SAME_DOMAIN] = func.lower(Customer.domain_prefix) == prefix
    mail_domain = email_domain(data.contact_email)
    if mail_domain and mail_domain not in PUBLIC_MAIL_DOMAINS:
        tests[DuplicateReason.SAME_EMAIL_DOMAIN] = Customer.email_domain == mail_domain
    name = match_key(data.company_name)
    if name:
        tests[DuplicateReason.SIMILAR_NAME] = Customer.match_key == name
    return tests


def _statement(
    tests: dict[DuplicateReason, ColumnElement[bool]], limit: int
) -> Select[*tuple[Any, ...]]:
    flags: list[ColumnElement[int]] = [case((test, 1), else_=0) for test in tests.values()]
    score = flags[0]
    for flag in flags[1:]:
        score = score + flag
    return (
        select(
            Customer.id,
            Customer.company_name,
            Customer.domain_prefix,
            Customer.contact_email,
            Customer.country,
            *(flag.label(f"is_{reason}") for reason, flag in zip(tests, flags, strict=True)),
        )
        # An OR of indexed equalities: both databases combine the indexes, nothing is scanned.
        .where(or_(*tests.values()))
        .order_by(score.desc(), Customer.collation_key, Customer.id)
        .limit(limit)
    )


def possible_duplicates(
    db: Database, data: CustomerInput, *, limit: int = 10
) -> tuple[PossibleDuplicate, ...]:
    """Customers that may be the one in ``data``: most reasons first, then by company name.

    Reasons: the same initial domain (ignoring case), the same contact e-mail domain (not for
    public mailbox providers such as gmail.com), the same name without its legal form.
    """
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit}")
    tests = _tests(data)
    if not tests:
        return ()
    with db.reading() as session:
        rows = session.execute(_statement(tests, limit)).all()
    found = []
    for row in rows:
        flags = row[5:]
        matched = {reason for reason, flag in zip(tests, flags, strict=True) if flag}
        found.append(
            PossibleDuplicate(
                id=row[0],
                company_name=row[1],
                domain=row[2] + ONMICROSOFT,
                contact_email=row[3],
                country=row[4],
                reasons=tuple(reason for reason in DuplicateReason if reason in matched),
            )
        )
    return tuple(found)
