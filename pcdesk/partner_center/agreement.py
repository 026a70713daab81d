"""The Microsoft Customer Agreement with Partner Center: whether the customer has accepted it, and
the e-mail asking its admin to.

Since 5 January 2026 Partner Center takes a partner's attestation only through an app-only API a
desktop app cannot call (partner-center-api.md §6). So, connected, pcdesk reads
``directSignedMicrosoftCustomerAgreementStatus`` and drafts the e-mail with the Microsoft 365
admin center link where the customer's admin accepts it (English or Traditional Chinese, like the
relationship invitation). The local attestation record stays, for partners who keep one as
evidence, labelled as a local record.
"""

# The Chinese e-mail text is punctuated the Chinese way, with full-width commas and colons.
# ruff: noqa: RUF001

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from pcdesk.services.relationships.invitation import (
    ENGLISH,
    LANGUAGES,
    TRADITIONAL_CHINESE,
    default_language,
)

if TYPE_CHECKING:  # httpx, under the client, loads when Partner Center is first used
    from pcdesk.partner_center.client import PartnerCenterClient


ACCEPTANCE_LINK = "https://admin.microsoft.com/AdminPortal/Home?ref=/BillingAccounts/agreement"

__all__ = ["ENGLISH", "LANGUAGES", "TRADITIONAL_CHINESE", "default_language"]


class ClientSource(Protocol):
    def client(self) -> PartnerCenterClient: ...


@dataclass(frozen=True)
class AgreementStatus:
    signed: bool
    checked_at: dt.datetime


def agreement_status(connection: ClientSource, tenant_id: str) -> AgreementStatus:
    with connection.client() as client:
        signed = client.mca_signed(tenant_id)
    return AgreementStatus(signed, dt.datetime.now(dt.UTC))


@dataclass(frozen=True)
class AcceptanceDraft:
    language: str
    subject: str
    body: str
    link: str


# E-mail texts for the customer, in the language chosen (not interface strings). Microsoft's own
# zh-TW terms: Microsoft 客戶合約, 全域管理員, 計費管理員, Microsoft 365 系統管理中心.
_SUBJECTS = {
    ENGLISH: "{partner}: please accept the Microsoft Customer Agreement for {customer}",
    TRADITIONAL_CHINESE: "{partner}：請為{customer}接受 Microsoft 客戶合約",
}
_BODIES = {
    ENGLISH: (
        "Hello,\n"
        "\n"
        "Before {partner} can order Microsoft cloud subscriptions for {customer}, your "
        "organization needs to accept the Microsoft Customer Agreement. It takes a minute:\n"
        "\n"
        "1. Open the link below and sign in to the Microsoft 365 admin center as a Global admin "
        "or Billing admin of your organization.\n"
        "2. Review the Microsoft Customer Agreement and accept it.\n"
        "\n"
        "{link}\n"
        "\n"
        "If you are not a Global admin or Billing admin, please forward this e-mail to one. We "
        "will see in Partner Center when it has been accepted, and go ahead with your order.\n"
        "\n"
        "If you have any questions, simply reply to this e-mail.\n"
        "\n"
        "Kind regards,\n"
        "{partner}\n"
    ),
    TRADITIONAL_CHINESE: (
        "您好：\n"
        "\n"
        "{partner}必須在{customer}接受 Microsoft 客戶合約後，才能為貴公司訂購 Microsoft 雲端服務的"
        "訂用帳戶。只需要一分鐘：\n"
        "\n"
        "1. 開啟下列連結，以貴公司的全域管理員或計費管理員身分登入 Microsoft 365 系統管理中心。\n"
        "2. 檢閱並接受 Microsoft 客戶合約。\n"
        "\n"
        "{link}\n"
        "\n"
        "如果您不是全域管理員或計費管理員，請將這封電子郵件轉寄給他們。接受後，我們會在合作夥伴中心"
        "看到，並繼續處理您的訂單。\n"
        "\n"
        "如有任何問題，請直接回覆這封電子郵件。\n"
        "\n"
        "{partner}敬上\n"
    ),
}


def acceptance_draft(language: str, *, partner_name: str, customer_name: str) -> AcceptanceDraft:
    """The e-mail asking the customer's admin to accept the agreement, in ``language``."""
    from pcdesk.services.relationships.invitation import _spaced

    if language not in _BODIES:
        raise ValueError(f"no acceptance e-mail in {language!r}")
    partner = " ".join(partner_name.split())
    customer = " ".join(customer_name.split())
    subject = _SUBJECTS[language].format(partner=partner, customer=customer)
    body = _BODIES[language].format(partner=partner, customer=customer, link="\0")
    if language == TRADITIONAL_CHINESE:
        subject, body = _spaced(subject), _spaced(body)
    return AcceptanceDraft(language, subject, body.replace("\0", ACCEPTANCE_LINK), ACCEPTANCE_LINK)
