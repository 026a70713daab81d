"""Every way a Partner Center call fails, as an exception carrying a translatable ``Message``.

The message says what happened in the user's words, with Partner Center's code and description
when it gave them, and the request id a support case asks for. Nothing here ever holds the
bearer token, and no traceback reaches the user: callers show ``error.message``.
"""

from __future__ import annotations

from pcdesk.errors import Cancelled, PcdeskError
from pcdesk.messages import QT_TRANSLATE_NOOP, Message

CONTEXT = "partner_center"


def pc_message(template: str, **params: object) -> Message:
    return Message(template, context=CONTEXT, **params)


class PartnerCenterError(PcdeskError):
    """A Partner Center call failed; ``message`` is for the user."""

    def __init__(
        self,
        message: Message,
        *,
        status: int | None = None,
        code: str = "",
        description: str = "",
        request_id: str = "",
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.description = description
        self.request_id = request_id


class SignInRequired(PartnerCenterError):
    """No usable token: nobody is signed in, or the sign-in expired and cannot be renewed."""


class MfaRequired(SignInRequired):
    """The token was issued without multi-factor authentication, which Partner Center demands."""


class NotConfigured(PartnerCenterError):
    """The partner profile lacks what signing in needs (the application ID)."""


class Unreachable(PartnerCenterError):
    """Partner Center could not be reached (network down, timeouts) even after retrying."""


class ApiFailure(PartnerCenterError):
    """Partner Center answered with an error."""


class NotFoundInPartnerCenter(ApiFailure):
    """404: the resource is not (or no longer) in Partner Center."""


class SyncCancelled(Cancelled):
    """The user cancelled the sync; what was written so far stays, and the next sync resumes."""

    def __init__(self) -> None:
        super().__init__(
            pc_message(
                QT_TRANSLATE_NOOP(
                    "partner_center",
                    "The sync was cancelled. What it brought in so far is kept, and the next sync "
                    "goes on from there.",
                )
            )
        )


# Partner Center's refusals a user meets, said plainly (partner-center-api.md §2); the request id
# is always given, for a support case.
KNOWN_REFUSALS: dict[str, str] = {
    "800073": QT_TRANSLATE_NOOP(
        "partner_center",
        "Partner Center is reviewing this customer's account (Under review): orders and "
        "subscription changes wait until the review ends (error {code}; request ID {request_id}).",
    ),
    "800074": QT_TRANSLATE_NOOP(
        "partner_center",
        "Partner Center is reviewing this customer's account (Under review): orders and "
        "subscription changes wait until the review ends (error {code}; request ID {request_id}).",
    ),
    "800075": QT_TRANSLATE_NOOP(
        "partner_center",
        "Partner Center did not approve this customer's account, so it takes no orders or "
        "subscription changes for it (error {code}; request ID {request_id}).",
    ),
    "800090": QT_TRANSLATE_NOOP(
        "partner_center",
        "Partner Center no longer lets these licences be reduced: the window for reducing them "
        "has passed (error {code}; request ID {request_id}).",
    ),
    "900117": QT_TRANSLATE_NOOP(
        "partner_center",
        "Partner Center no longer lets this subscription be cancelled: its cancellation window "
        "has passed (error {code}; request ID {request_id}).",
    ),
    "13605": QT_TRANSLATE_NOOP(
        "partner_center",
        "The customer has not accepted the Microsoft Customer Agreement, so Partner Center "
        "refuses the purchase (error {code}; request ID {request_id}).",
    ),
    "2055": QT_TRANSLATE_NOOP(
        "partner_center",
        "The subscription changed in Partner Center since pcdesk read it (error {code}; request "
        "ID {request_id}).",
    ),
    "2001": QT_TRANSLATE_NOOP(
        "partner_center",
        "Partner Center does not change the licences of a suspended subscription: reactivate it "
        "first (error {code}; request ID {request_id}).",
    ),
}


def api_failure_message(status: int, code: str, description: str, request_id: str) -> Message:
    known = KNOWN_REFUSALS.get(code)
    if known is not None:
        return pc_message(known, code=code, request_id=request_id)
    if status == 403:
        return pc_message(
            QT_TRANSLATE_NOOP(
                "partner_center",
                "Partner Center refused: your account or its role does not allow this. {detail} "
                "(HTTP 403, error {code}; request ID {request_id}).",
            ),
            detail=description or "",
            code=code or "-",
            request_id=request_id,
        )
    if description and code:
        return pc_message(
            QT_TRANSLATE_NOOP(
                "partner_center",
                "Partner Center refused the request: {description} (error {code}, HTTP "
                "{status}; request ID {request_id}).",
            ),
            description=description,
            code=code,
            status=status,
            request_id=request_id,
        )
    return pc_message(
        QT_TRANSLATE_NOOP(
            "partner_center",
            "Partner Center answered with an error (HTTP {status}; request ID {request_id}).",
        ),
        status=status,
        request_id=request_id,
    )


def unreachable_message(request_id: str) -> Message:
    """Partner Center did not answer (the log says how: timeout, refused, lost connection)."""
    return pc_message(
        QT_TRANSLATE_NOOP(
            "partner_center",
            "Partner Center could not be reached. Check your network connection and try again; "
            "nothing is lost (request ID {request_id}).",
        ),
        request_id=request_id,
    )


def unreadable_message(request_id: str) -> Message:
    return pc_message(
        QT_TRANSLATE_NOOP(
            "partner_center",
            "Partner Center sent an answer pcdesk cannot read (request ID {request_id}). Try "
            "again later.",
        ),
        request_id=request_id,
    )


def sign_in_expired_message(request_id: str) -> Message:
    return pc_message(
        QT_TRANSLATE_NOOP(
            "partner_center",
            "Your Partner Center sign-in has expired or was refused. Sign in again (request ID "
            "{request_id}).",
        ),
        request_id=request_id,
    )


def mfa_required_message() -> Message:
    return pc_message(
        QT_TRANSLATE_NOOP(
            "partner_center",
            "Partner Center requires multi-factor authentication (MFA), and this sign-in did not "
            "use it. Set up MFA for your work account (https://aka.ms/mfasetup), then sign out "
            "and sign in again.",
        )
    )


def not_signed_in_message() -> Message:
    return pc_message(
        QT_TRANSLATE_NOOP(
            "partner_center",
            "You are not signed in to Partner Center. Sign in first (Partner > Sign in to "
            "Partner Center), or set PCDESK_PARTNER_CENTER_TOKEN.",
        )
    )


def no_app_id_message() -> Message:
    return pc_message(
        QT_TRANSLATE_NOOP(
            "partner_center",
            "Enter your Partner Center application (client) ID in the partner profile first. You "
            "get it in Partner Center under Account settings > App management > Add new native "
            "app.",
        )
    )


def sign_in_failed_message(reason: str) -> Message:
    return pc_message(
        QT_TRANSLATE_NOOP("partner_center", "Signing in to Partner Center failed: {reason}"),
        reason=reason,
    )


def insecure_cache_message() -> Message:
    return pc_message(
        QT_TRANSLATE_NOOP(
            "partner_center",
            "This computer has no secure store for your Partner Center sign-in (such as the "
            "Windows credential store, the macOS Keychain or the GNOME keyring), so pcdesk keeps "
            "it in memory only: you will sign in again at every start.",
        )
    )
