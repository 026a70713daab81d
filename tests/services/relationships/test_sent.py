"""Requesting a reseller relationship: the invitation link, the drafts, mailto URLs, recording."""

from __future__ import annotations

import datetime as dt
import json
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from sqlalchemy import func, select

from pcdesk.errors import ConcurrentChange, NotAllowed, ValidationFailed
from pcdesk.models import AuditEvent, PartnerRole, RelationshipRequest, RequestStatus
from pcdesk.models.database import Database
from pcdesk.models.enums import PartnerType
from pcdesk.services.customer_list.query import CustomerQuery, RelationshipFilter, count_customers
from pcdesk.services.customers.create import create_customer
from pcdesk.services.inputs import AgreementInput, CustomerInput, PartnerProfileInput
from pcdesk.services.partner import roles
from pcdesk.services.partner.profile import set_partner_profile
from pcdesk.services.relationships.invitation import (
    ENGLISH,
    MAILTO_MAX_LENGTH,
    TRADITIONAL_CHINESE,
    clipboard_text,
    default_language,
    invitation_draft,
    invitation_link,
    link_problem,
    mailto_url,
    paste_note,
)
from pcdesk.services.relationships.requests import (
    RequestInput,
    record_request,
    requests_for_customer,
    update_request,
)

TENANT = "6A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D"  # typed in capitals: stored, and linked, lower case
LINK = (
    "https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship"
    "&partnerId=6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d&msppId=0&DAP=false"
    "#/BillingAccounts/partner-invitation"
)
PARTNER = "Fabrikam Cloud"


def decoded(url: str) -> tuple[str, dict[str, list[str]]]:
    """(recipient, {field: [value]}) of a mailto URL, read back the standard way."""
    parts = urlsplit(url)
    assert parts.scheme == "mailto"
    return unquote(parts.path), parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


@pytest.fixture
def partner(db: Database) -> Database:
    set_partner_profile(
        db,
        PartnerProfileInput(
            name=PARTNER,
            tenant_id=TENANT,
            partner_id="4847383",
            partner_type=PartnerType.DIRECT_BILL,
            domain="fabrikam-csp.com",
        ),
        actor="setup",
    )
    return db


def request_for(
    customer_id: int | None, draft_language: str = ENGLISH, **changes: str
) -> RequestInput:
    draft = invitation_draft(
        draft_language, partner_name=PARTNER, link=LINK, customer_name="Contoso"
    )
    values: dict[str, object] = {
        "customer_id": customer_id,
        "prospect_company_name": "" if customer_id is not None else "Fourth Coffee",
        "recipient_email": "dana@contosopharma.com",
        "language": draft_language,
        "subject": draft.subject,
        "body": draft.body,
    }
    values.update(changes)
    return RequestInput(**values)  # type: ignore[arg-type]


def count(db: Database, table: type[RelationshipRequest] | type[AuditEvent], **where: str) -> int:
    with db.session_factory() as session:
        statement = select(func.count()).select_from(table)
        for name, value in where.items():
            statement = statement.where(getattr(table, name) == value)
        return int(session.scalar(statement) or 0)


def events(db: Database, action: str) -> list[AuditEvent]:
    with db.session_factory() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


# -- the link and the drafts ---------------------------------------------------------------------


def test_the_link_is_partner_centers_for_the_partners_tenant_in_lower_case() -> None:
    assert invitation_link(TENANT) == LINK
    assert invitation_link("{" + TENANT.lower() + "}") == LINK
    with pytest.raises(ValueError, match="not a tenant ID"):
        invitation_link("fabrikam")


@pytest.mark.parametrize("language", [ENGLISH, TRADITIONAL_CHINESE])
@pytest.mark.parametrize("customer", ["Contoso Pharmaceuticals", "台灣晶片設計股份有限公司", ""])
def test_each_draft_holds_the_link_once_and_names_partner_and_customer(
    language: str, customer: str
) -> None:
    draft = invitation_draft(language, partner_name=PARTNER, link=LINK, customer_name=customer)

    assert draft.language == language
    assert draft.link == LINK
    assert draft.body.count(LINK) == 1
    assert f"\n\n{LINK}\n\n" in draft.body  # on a line of its own, so mail programs link it
    assert link_problem(draft.body, LINK) is None
    assert PARTNER in draft.subject and PARTNER in draft.body
    if customer:
        assert customer in draft.subject and customer in draft.body
    for text in (draft.subject, draft.body):
        assert "{" not in text and "}" not in text and "\0" not in text


def test_the_english_draft_asks_the_customers_global_admin_to_open_and_accept() -> None:
    body = invitation_draft(ENGLISH, partner_name=PARTNER, link=LINK).body
    assert "Global admin" in body
    assert "Microsoft 365 admin center" in body
    assert "accept the invitation" in body


def test_the_chinese_draft_uses_microsofts_own_terms_and_spacing() -> None:
    draft = invitation_draft(
        TRADITIONAL_CHINESE, partner_name=PARTNER, link=LINK, customer_name="Contoso"
    )
    for term in ("合作夥伴", "轉銷商關係", "Microsoft 365 系統管理中心", "全域管理員", "租用戶"):
        assert term in draft.body or term in draft.subject, term
    # A space between Latin names and Chinese, as Microsoft's zh-TW pages write it.
    assert draft.subject == "Fabrikam Cloud 邀請 Contoso 建立 Microsoft 轉銷商關係"
    chinese_name = invitation_draft(
        TRADITIONAL_CHINESE, partner_name="富碧坎雲端", link=LINK, customer_name="台灣晶片"
    )
    assert chinese_name.subject == "富碧坎雲端邀請台灣晶片建立 Microsoft 轉銷商關係"


def test_there_is_no_draft_in_another_language() -> None:
    with pytest.raises(ValueError, match="fr"):
        invitation_draft("fr", partner_name=PARTNER, link=LINK)


@pytest.mark.parametrize(
    ("culture", "language"),
    [
        ("zh-TW", "zh-TW"),
        ("zh_HK", "zh-TW"),
        ("zh-Hant-TW", "zh-TW"),
        ("zh-CN", "en"),
        ("de-DE", "en"),
        ("", "en"),
    ],
)
def test_the_draft_language_follows_the_customers_culture(culture: str, language: str) -> None:
    assert default_language(culture) == language


# -- the link must stay ------------------------------------------------------------------------


def test_a_body_without_the_link_says_it_was_removed() -> None:
    body = invitation_draft(ENGLISH, partner_name=PARTNER, link=LINK).body.replace(LINK, "")
    problem = link_problem(body, LINK)
    assert problem is not None and "removed" in problem


@pytest.mark.parametrize(
    "altered",
    [
        LINK.replace("6a1b2c3d", "6a1b2c3e"),  # one digit of the tenant
        LINK + "x",  # text run into the end: a mail program links the longer URL
        "x" + LINK,
        LINK.replace("DAP=false", "DAP=true"),
        LINK.replace("https://", "http://"),
        LINK[:-1],
    ],
)
def test_a_changed_link_is_called_altered(altered: str) -> None:
    body = invitation_draft(ENGLISH, partner_name=PARTNER, link=LINK).body.replace(LINK, altered)
    problem = link_problem(body, LINK)
    assert problem is not None and "altered" in problem


@pytest.mark.parametrize(
    ("before", "after"),
    [("", ""), ("Open: ", "."), ("(", ")"), ("連結：", "。"), ("<", ">."), ("see ", "\n")],  # noqa: RUF001
)
def test_the_link_may_stand_in_punctuation(before: str, after: str) -> None:
    assert link_problem(f"{before}{LINK}{after}", LINK) is None


# -- mailto URLs ---------------------------------------------------------------------------------


def test_a_short_email_goes_whole_into_the_url_and_decodes_back_exactly() -> None:
    subject = "Fabrikam & Contoso: 100% = partners? #1 + more"
    body = "Hello,\n\nOpen this:\n" + LINK + "\n\nThanks & regards"
    mailto = mailto_url("dana+it@contosopharma.com", subject, body)

    assert mailto.complete and mailto.paste_text == ""
    recipient, fields = decoded(mailto.url)
    assert recipient == "dana+it@contosopharma.com"
    assert fields == {"subject": [subject], "body": [crlf(body)]}
    assert "%20" in mailto.url and "+" not in mailto.url.partition("?")[2]
    assert "%0D%0A" in mailto.url


def test_the_english_draft_fits_a_mailto_url() -> None:
    draft = invitation_draft(
        ENGLISH, partner_name=PARTNER, link=LINK, customer_name="Contoso Pharmaceuticals"
    )
    mailto = mailto_url("dana@contosopharma.com", draft.subject, draft.body)
    assert mailto.complete
    assert len(mailto.url) <= MAILTO_MAX_LENGTH
    assert decoded(mailto.url)[1]["body"] == [crlf(draft.body)]


def test_a_long_chinese_body_goes_to_the_clipboard_and_the_url_keeps_the_subject() -> None:
    draft = invitation_draft(
        TRADITIONAL_CHINESE,
        partner_name="富碧坎雲端",
        link=LINK,
        customer_name="台灣晶片設計股份有限公司",
    )
    note = paste_note(TRADITIONAL_CHINESE)
    mailto = mailto_url("chen@twchip.com.tw", draft.subject, draft.body, placeholder=note)

    assert not mailto.complete
    assert mailto.paste_text == draft.body  # the subject is in the URL: the body is pasted
    assert len(mailto.url) <= MAILTO_MAX_LENGTH
    recipient, fields = decoded(mailto.url)
    assert recipient == "chen@twchip.com.tw"
    assert fields == {"subject": [draft.subject], "body": [note]}


def test_a_subject_too_long_for_the_url_goes_to_the_clipboard_with_the_body() -> None:
    subject = "邀請" * 120
    mailto = mailto_url("", subject, "內文\n" + LINK)
    assert len(mailto.url) <= MAILTO_MAX_LENGTH
    assert "subject" not in decoded(mailto.url)[1]
    assert mailto.paste_text == clipboard_text(subject, "內文\n" + LINK)
    assert mailto.paste_text.startswith(subject + "\n\n")


def test_a_url_without_recipient_still_opens_a_message() -> None:
    mailto = mailto_url("", "Hi", "There")
    assert mailto.url == "mailto:?subject=Hi&body=There"


# -- recording a request -----------------------------------------------------------------------


def test_recording_writes_one_pending_request_with_who_and_when_and_an_audit_event(
    partner: Database, us_customer: CustomerInput
) -> None:
    customer = create_customer(partner, us_customer, AgreementInput(accepted=False))
    data = request_for(customer.id)
    before = dt.datetime.now(dt.UTC)

    saved = record_request(partner, data, actor="mei")

    after = dt.datetime.now(dt.UTC)
    assert saved.status is RequestStatus.PENDING
    assert saved.created_by == "mei"
    assert before - dt.timedelta(seconds=1) <= saved.created_at <= after + dt.timedelta(seconds=1)
    assert requests_for_customer(partner, customer.id) == (saved,)
    with partner.session_factory() as session:
        row = session.get_one(RelationshipRequest, saved.id)
        assert (row.link, row.subject, row.body, row.language) == (
            LINK,
            data.subject,
            data.body,
            "en",
        )
        assert row.recipient_email == "dana@contosopharma.com"
    [event] = events(partner, "relationship.requested")
    assert (event.actor, event.customer_id) == ("mei", customer.id)
    assert json.loads(event.details) == {
        "request_id": saved.id,
        "language": "en",
        "recipient": "dana@contosopharma.com",
    }
    # The list's "pending" filter now shows the customer.
    assert count_customers(partner, CustomerQuery(status=RelationshipFilter.PENDING)) == 1


def test_a_prospect_is_recorded_by_company_name_without_a_customer(partner: Database) -> None:
    saved = record_request(
        partner,
        request_for(
            None,
            TRADITIONAL_CHINESE,
            prospect_company_name="  Fourth   Coffee ",
            recipient_email="",
        ),
        actor="mei",
    )
    assert (saved.customer_id, saved.prospect_company_name, saved.recipient_email) == (
        None,
        "Fourth Coffee",
        "",
    )
    assert saved.language == "zh-TW"
    [event] = events(partner, "relationship.requested")
    assert event.customer_id is None
    assert json.loads(event.details)["prospect"] == "Fourth Coffee"


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"prospect_company_name": ""}, "customer", "company name"),
        ({"prospect_company_name": "X"}, "prospect_company_name", "2 characters"),
        ({"recipient_email": "dana@"}, "recipient_email", "not a valid email"),
        ({"recipient_email": "pm@microsoft.com"}, "recipient_email", "Microsoft"),
        ({"recipient_email": "me@fabrikam-csp.com"}, "recipient_email", "fabrikam-csp.com"),
        ({"subject": "  "}, "subject", "subject"),
        ({"subject": "s" * 256}, "subject", "At most 255"),
        ({"language": "fr"}, "language", "fr"),
        ({"body": "Please accept."}, "body", "removed"),
        ({"body": "Please accept: " + LINK.replace("6a1b", "6a1c")}, "body", "altered"),
    ],
)
def test_bad_input_is_refused_by_field_and_nothing_is_written(
    partner: Database, changes: dict[str, str], field: str, words: str
) -> None:
    with pytest.raises(ValidationFailed) as refused:
        record_request(partner, request_for(None, **changes), actor="mei")
    assert list(refused.value.errors) == [field]
    assert words in refused.value.errors[field]
    assert count(partner, RelationshipRequest) == 0
    assert events(partner, "relationship.requested") == []


def test_a_customer_that_no_longer_exists_is_refused(partner: Database) -> None:
    with pytest.raises(ValidationFailed) as refused:
        record_request(partner, request_for(4242), actor="mei")
    assert "no longer exists" in refused.value.errors["customer"]
    assert count(partner, RelationshipRequest) == 0


def test_a_link_to_another_partner_is_refused(partner: Database) -> None:
    other = invitation_link("72f988bf-86f1-41af-91ab-2d7cd011db47")
    body = invitation_draft(ENGLISH, partner_name=PARTNER, link=other).body
    with pytest.raises(ValidationFailed) as refused:
        record_request(partner, request_for(None, body=body), actor="mei")
    assert "altered" in refused.value.errors["body"]


def test_updating_the_same_request_writes_only_what_changed(
    partner: Database, us_customer: CustomerInput
) -> None:
    customer = create_customer(partner, us_customer, AgreementInput(accepted=False))
    first = record_request(partner, request_for(customer.id), actor="mei")

    same = update_request(partner, first.id, request_for(customer.id), actor="mei")
    assert same == first
    assert events(partner, "relationship.request_updated") == []

    edited = request_for(
        customer.id, recipient_email="it@contosopharma.com", body=request_for(None).body + "\nPS"
    )
    changed = update_request(partner, first.id, edited, actor="mei")

    assert count(partner, RelationshipRequest) == 1
    assert (changed.id, changed.recipient_email, changed.created_at) == (
        first.id,
        "it@contosopharma.com",
        first.created_at,
    )
    with partner.session_factory() as session:
        assert session.get_one(RelationshipRequest, first.id).body.endswith("\nPS")
    [event] = events(partner, "relationship.request_updated")
    assert event.customer_id == customer.id
    assert json.loads(event.details)["changed"] == ["body", "recipient_email"]


def test_a_request_accepted_meanwhile_is_not_changed(partner: Database) -> None:
    first = record_request(partner, request_for(None), actor="mei")
    with partner.session_factory.begin() as session:
        session.get_one(RelationshipRequest, first.id).status = RequestStatus.ACCEPTED
    with pytest.raises(ConcurrentChange, match="accepted"):
        update_request(partner, first.id, request_for(None, subject="New"), actor="mei")


def test_only_admin_and_sales_agents_may_request(partner: Database) -> None:
    roles.set_team(
        partner,
        [
            roles.TeamMemberData("boss", frozenset({PartnerRole.GLOBAL_ADMIN})),
            roles.TeamMemberData("desk", frozenset({PartnerRole.HELPDESK_AGENT})),
            roles.TeamMemberData("seller", frozenset({PartnerRole.SALES_AGENT})),
        ],
        actor="boss",
    )
    for refused_user in ("boss", "desk", "stranger"):
        with pytest.raises(NotAllowed) as refused:
            record_request(partner, request_for(None), actor=refused_user)
        assert "Admin agent / Sales agent" in str(refused.value)
    assert count(partner, RelationshipRequest) == 0

    saved = record_request(partner, request_for(None), actor="seller")
    with pytest.raises(NotAllowed):
        update_request(partner, saved.id, request_for(None, subject="Mine now"), actor="desk")
    assert saved.created_by == "seller"
    assert count(partner, RelationshipRequest) == 1
