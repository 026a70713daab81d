"""The reseller relationship invitation: its link, the e-mail drafted around it, and mailto URLs.

Partner Center drafts an e-mail with an invitation link that a Global admin of the customer's
tenant opens to accept (partner-center.md, "Relationships"). The text may be edited; the link must
stay exactly as it is. Plain functions on strings: nothing here touches the database.
"""

# The Chinese e-mail text is punctuated the Chinese way, with full-width commas and colons.
# ruff: noqa: RUF001

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from pcdesk.messages import QT_TRANSLATE_NOOP, Message
from pcdesk.services.validation import normalize_guid

CONTEXT = "relationships"

# partner-center.md: the link carries no customer data and is the same for every customer.
LINK_TEMPLATE = (
    "https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship"
    "&partnerId={tenant_id}&msppId=0&DAP=false#/BillingAccounts/partner-invitation"
)

ENGLISH = "en"
TRADITIONAL_CHINESE = "zh-TW"
LANGUAGES = (ENGLISH, TRADITIONAL_CHINESE)

# Windows hands a mailto URL to the mail program through ShellExecute, which, like Outlook's own
# handler, cuts URLs at INTERNET_MAX_URL_LENGTH (2,083 characters) or earlier: the message would
# arrive with its body, and so the link, silently truncated. Staying at 2,000 leaves a margin.
# Chinese text costs 9 URL characters per character (%E5%90%88), so a Chinese draft rarely fits.
MAILTO_MAX_LENGTH = 2000


def invitation_link(partner_tenant_id: str) -> str:
    """The invitation link for the partner whose tenant is ``partner_tenant_id`` (a GUID).

    The GUID is written in lower case, as the partner profile stores it. Raises ValueError for
    something that is not a GUID (the profile's tenant ID is validated when it is saved).
    """
    tenant_id = normalize_guid(partner_tenant_id)
    if tenant_id is None:
        raise ValueError(f"not a tenant ID: {partner_tenant_id!r}")
    return LINK_TEMPLATE.format(tenant_id=tenant_id)


# -- the draft e-mail ------------------------------------------------------------------------------


@dataclass(frozen=True)
class InvitationDraft:
    language: str
    subject: str
    body: str
    link: str


@dataclass(frozen=True)
class _Template:
    subject_for: str  # naming the customer
    subject_any: str  # the customer's name is not known yet
    customer: str  # how the first paragraph names a known customer
    customer_any: str
    body: str
    paste_note: str  # the body of a mailto URL whose full text is on the clipboard


# E-mail texts for the customer, in the language chosen in the dialog (not interface strings).
# Microsoft's own zh-TW terms: 合作夥伴, 轉銷商關係, 全域管理員, Microsoft 365 系統管理中心,
# 租用戶, 訂用帳戶, Microsoft 客戶合約.
_TEMPLATES: dict[str, _Template] = {
    ENGLISH: _Template(
        subject_for="{partner} invites {customer} to a Microsoft reseller relationship",
        subject_any="{partner} invites you to a Microsoft reseller relationship",
        customer="the Microsoft Cloud Solution Provider (CSP) partner of {customer}",
        customer_any="your Microsoft Cloud Solution Provider (CSP) partner",
        body=(
            "Hello,\n"
            "\n"
            "{partner} would like to become {whom}, so that we can provide your Microsoft cloud "
            "subscriptions, billing and support.\n"
            "\n"
            "To accept, a Global admin of your organization's Microsoft 365 tenant needs to open "
            "the link below, sign in to the Microsoft 365 admin center and accept the invitation. "
            "If your organization has not accepted the Microsoft Customer Agreement yet, it will "
            "be asked to accept it there as well.\n"
            "\n"
            "{link}\n"
            "\n"
            "Only a Global admin can accept this invitation. If you are not one, please forward "
            "this e-mail to your Global admin.\n"
            "\n"
            "This reseller relationship does not give {partner} administrative access to your "
            "tenant. If we need admin access to help you, we will ask for it separately, and only "
            "with your approval.\n"
            "\n"
            "If you have any questions, simply reply to this e-mail.\n"
            "\n"
            "Kind regards,\n"
            "{partner}\n"
        ),
        paste_note="[Paste the invitation from the clipboard here.]",
    ),
    TRADITIONAL_CHINESE: _Template(
        subject_for="{partner}邀請{customer}建立 Microsoft 轉銷商關係",
        subject_any="{partner}邀請貴公司建立 Microsoft 轉銷商關係",
        customer="{customer}的 Microsoft 雲端解決方案提供者 (CSP) 合作夥伴",
        customer_any="貴公司的 Microsoft 雲端解決方案提供者 (CSP) 合作夥伴",
        body=(
            "您好：\n"
            "\n"
            "{partner}希望成為{whom}，為貴公司提供 Microsoft 雲端服務的訂用帳戶、帳單與支援。\n"
            "\n"
            "若要接受，請由貴公司 Microsoft 365 租用戶的全域管理員開啟下列連結，登入 Microsoft 365 "
            "系統管理中心並接受邀請。如果貴公司尚未接受 Microsoft 客戶合約，也會在該處請您一併接受。\n"
            "\n"
            "{link}\n"
            "\n"
            "只有全域管理員可以接受此邀請。如果您不是全域管理員，請將這封電子郵件轉寄給貴公司的"
            "全域管理員。\n"
            "\n"
            "此轉銷商關係不會讓{partner}取得貴公司租用戶的系統管理存取權。如果我們需要系統管理存取權"
            "來協助您，會另外提出要求，並須經過您的核准。\n"
            "\n"
            "如有任何問題，請直接回覆這封電子郵件。\n"
            "\n"
            "{partner}敬上\n"
        ),
        paste_note="[請在此貼上剪貼簿中的邀請內容。]",
    ),
}

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_THEN_LATIN = re.compile(f"(?<=[{_HAN}])(?=[A-Za-z0-9])")
_LATIN_THEN_HAN = re.compile(f"(?<=[A-Za-z0-9.)])(?=[{_HAN}])")  # "Ltd." too


def _spaced(text: str) -> str:
    """Microsoft's zh-TW style: a space between Han characters and Latin letters or digits
    ("Contoso 希望"), none between two Han characters ("北風資訊希望")."""
    return _LATIN_THEN_HAN.sub(" ", _HAN_THEN_LATIN.sub(" ", text))


def _template(language: str) -> _Template:
    try:
        return _TEMPLATES[language]
    except KeyError:
        raise ValueError(f"no invitation draft in {language!r}") from None


def invitation_draft(
    language: str, *, partner_name: str, link: str, customer_name: str = ""
) -> InvitationDraft:
    """The e-mail asking the customer's Global admin to accept, in ``language`` (``LANGUAGES``)."""
    template = _template(language)
    partner = " ".join(partner_name.split())
    customer = " ".join(customer_name.split())
    subject = (template.subject_for if customer else template.subject_any).format(
        partner=partner, customer=customer
    )
    whom = (template.customer if customer else template.customer_any).format(customer=customer)
    body = template.body.format(partner=partner, whom=whom, link="\0")
    if language == TRADITIONAL_CHINESE:
        subject, body = _spaced(subject), _spaced(body)
    # The link goes in last, so nothing done to the text around it can touch it.
    return InvitationDraft(language, subject, body.replace("\0", link), link)


def paste_note(language: str) -> str:
    """The short body of a mailto URL when the full text had to go to the clipboard."""
    return _template(language).paste_note


def default_language(culture: str) -> str:
    """The draft language for a customer of ``culture``: Traditional Chinese for zh-TW, zh-HK
    and zh-Hant, English otherwise (there is no Simplified Chinese draft)."""
    code = culture.strip().replace("_", "-").casefold()
    if code in ("zh-tw", "zh-hk", "zh-mo") or code.startswith("zh-hant"):
        return TRADITIONAL_CHINESE
    return ENGLISH


# -- the link must stay ----------------------------------------------------------------------------

# A character that would make a mail program read the link as a longer (so different) URL.
_URL_CONTINUES_AFTER = re.compile(r"[A-Za-z0-9\-_~/#%&=+@$*\[]")
_URL_CONTINUES_BEFORE = re.compile(r"[A-Za-z0-9\-_~/.%&=+@$*]")
# Pieces of the link: one still in the text means it was altered rather than removed.
_LINK_PIECES = ("admin.microsoft.com", "invType=", "partnerId=", "partner-invitation")


def _link_stands_alone(body: str, link: str) -> bool:
    start = body.find(link)
    while start >= 0:
        end = start + len(link)
        before = body[start - 1] if start else ""
        after = body[end] if end < len(body) else ""
        if not _URL_CONTINUES_BEFORE.fullmatch(before) and not _URL_CONTINUES_AFTER.fullmatch(
            after
        ):
            return True
        start = body.find(link, start + 1)
    return False


def link_problem(body: str, link: str) -> Message | None:
    """What is wrong when ``body`` no longer holds ``link`` exactly, as a URL of its own; or None."""
    if _link_stands_alone(body, link):
        return None
    folded = body.casefold()
    tenant_id = link.partition("partnerId=")[2].partition("&")[0]
    if any(piece.casefold() in folded for piece in (*_LINK_PIECES, tenant_id) if piece):
        return Message(
            QT_TRANSLATE_NOOP(
                "relationships",
                "The invitation link was altered. It must stay exactly as drafted: undo the "
                "change, or delete what is left of it and insert the link again.",
            ),
            context=CONTEXT,
        )
    return Message(
        QT_TRANSLATE_NOOP(
            "relationships",
            "The invitation link was removed. It must stay in the text: insert it again.",
        ),
        context=CONTEXT,
    )


# -- sending: a mailto URL, or the clipboard ------------------------------------------------------


def _crlf(text: str) -> str:
    """RFC 6068: line breaks in a body are CRLF (written %0D%0A)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")


def _mailto(recipient: str, subject: str, body: str) -> str:
    # Percent-encoded UTF-8; everything but unreserved characters is encoded, so spaces are %20
    # (never "+", which mail programs keep as a plus) and "&", "=", "#" in the link stay inside
    # the body instead of ending it.
    fields = [(name, value) for name, value in (("subject", subject), ("body", body)) if value]
    query = "&".join(f"{name}={quote(_crlf(value), safe='')}" for name, value in fields)
    return "mailto:" + quote(recipient.strip(), safe="@") + ("?" + query if query else "")


@dataclass(frozen=True)
class MailtoLink:
    url: str
    # What the user must paste into the message, because it did not fit into the URL ("" when
    # everything did): the body, or the subject and the body.
    paste_text: str

    @property
    def complete(self) -> bool:
        return not self.paste_text


def clipboard_text(subject: str, body: str) -> str:
    """The whole e-mail as one text: the subject, a blank line, the body."""
    return f"{subject.strip()}\n\n{body}" if subject.strip() else body


def mailto_url(
    recipient: str,
    subject: str,
    body: str,
    *,
    placeholder: str = _TEMPLATES[ENGLISH].paste_note,
    limit: int = MAILTO_MAX_LENGTH,
) -> MailtoLink:
    """A ``mailto:`` URL (RFC 6068) opening a message with this subject and body.

    When that URL would pass ``limit`` (see MAILTO_MAX_LENGTH), the URL carries ``placeholder`` as
    its body instead, and ``paste_text`` the body for the clipboard; if even the subject is too
    long, the URL carries neither and ``paste_text`` holds both.
    """
    full = _mailto(recipient, subject, body)
    if len(full) <= limit:
        return MailtoLink(full, "")
    with_subject = _mailto(recipient, subject, placeholder)
    if len(with_subject) <= limit:
        return MailtoLink(with_subject, body)
    bare = _mailto(recipient, "", placeholder)
    if len(bare) > limit:
        bare = _mailto(recipient, "", "")
    return MailtoLink(bare, clipboard_text(subject, body))
